/* mkt-food-panel.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <countersign.h>

G_BEGIN_DECLS

#define MKT_TYPE_FOOD_PANEL (mkt_food_panel_get_type ())

G_DECLARE_FINAL_TYPE (MktFoodPanel, mkt_food_panel, MKT, FOOD_PANEL, AdwBin)

GtkWidget *mkt_food_panel_new (CsCase *kase);

G_END_DECLS
