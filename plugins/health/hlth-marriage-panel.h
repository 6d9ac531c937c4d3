/* hlth-marriage-panel.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <countersign.h>

G_BEGIN_DECLS

#define HLTH_TYPE_MARRIAGE_PANEL (hlth_marriage_panel_get_type ())

G_DECLARE_FINAL_TYPE (HlthMarriagePanel, hlth_marriage_panel, HLTH, MARRIAGE_PANEL, AdwBin)

GtkWidget *hlth_marriage_panel_new (CsCase *kase);

G_END_DECLS
