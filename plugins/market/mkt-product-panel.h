/* mkt-product-panel.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <countersign.h>

G_BEGIN_DECLS

#define MKT_TYPE_PRODUCT_PANEL (mkt_product_panel_get_type ())

G_DECLARE_FINAL_TYPE (MktProductPanel, mkt_product_panel, MKT, PRODUCT_PANEL, AdwBin)

GtkWidget *mkt_product_panel_new (CsCase *kase);

G_END_DECLS
