/* tmpl-panel.h
 *
 * Copyright 2026 Your agency
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <countersign.h>

G_BEGIN_DECLS

#define TMPL_TYPE_PANEL (tmpl_panel_get_type ())

G_DECLARE_FINAL_TYPE (TmplPanel, tmpl_panel, TMPL, PANEL, AdwBin)

GtkWidget *tmpl_panel_new (CsCase *kase);

G_END_DECLS
