/* fire-inspection-panel.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <countersign.h>

G_BEGIN_DECLS

#define FIRE_TYPE_INSPECTION_PANEL (fire_inspection_panel_get_type ())

G_DECLARE_FINAL_TYPE (FireInspectionPanel, fire_inspection_panel, FIRE, INSPECTION_PANEL, AdwBin)

GtkWidget *fire_inspection_panel_new (CsCase *kase);

G_END_DECLS
