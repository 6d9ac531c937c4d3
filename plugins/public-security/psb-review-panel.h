/* psb-review-panel.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <countersign.h>

G_BEGIN_DECLS

#define PSB_TYPE_REVIEW_PANEL (psb_review_panel_get_type ())

G_DECLARE_FINAL_TYPE (PsbReviewPanel, psb_review_panel, PSB, REVIEW_PANEL, AdwBin)

GtkWidget *psb_review_panel_new (CsCase *kase);

G_END_DECLS
