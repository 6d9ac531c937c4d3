/* cs-verdict-bar.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <countersign.h>

#include "cs-checklist-row.h"

G_BEGIN_DECLS

#define CS_TYPE_VERDICT_BAR (cs_verdict_bar_get_type ())

G_DECLARE_FINAL_TYPE (CsVerdictBar, cs_verdict_bar, CS, VERDICT_BAR, GtkBox)

void cs_verdict_bar_set_row      (CsVerdictBar   *self,
                                  CsChecklistRow *row,
                                  CsMaterial     *material);
void cs_verdict_bar_set_page     (CsVerdictBar   *self,
                                  guint           page);
void cs_verdict_bar_set_editable (CsVerdictBar   *self,
                                  gboolean        editable);

G_END_DECLS
