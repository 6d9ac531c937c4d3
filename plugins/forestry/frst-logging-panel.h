/* frst-logging-panel.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <countersign.h>

G_BEGIN_DECLS

#define FRST_TYPE_LOGGING_PANEL (frst_logging_panel_get_type ())

G_DECLARE_FINAL_TYPE (FrstLoggingPanel, frst_logging_panel, FRST, LOGGING_PANEL, AdwBin)

GtkWidget *frst_logging_panel_new (CsCase *kase);

G_END_DECLS
