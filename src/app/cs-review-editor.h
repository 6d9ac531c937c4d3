/* cs-review-editor.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <countersign.h>

#include "cs-outbox-item.h"

G_BEGIN_DECLS

#define CS_TYPE_REVIEW_EDITOR (cs_review_editor_get_type ())

G_DECLARE_FINAL_TYPE (CsReviewEditor, cs_review_editor, CS, REVIEW_EDITOR, GtkBox)

void       cs_review_editor_set_matter      (CsReviewEditor *self,
                                             CsMatter       *matter);
CsOutcome  cs_review_editor_get_outcome     (CsReviewEditor *self);
char      *cs_review_editor_dup_opinion     (CsReviewEditor *self);
gboolean   cs_review_editor_get_final       (CsReviewEditor *self);
void       cs_review_editor_set_review      (CsReviewEditor *self,
                                             const char     *opinion,
                                             CsOutcome       outcome,
                                             gboolean        final);
void       cs_review_editor_set_editable    (CsReviewEditor *self,
                                             gboolean        editable);
void       cs_review_editor_set_problem     (CsReviewEditor *self,
                                             const char     *problem);
void       cs_review_editor_set_legal_basis (CsReviewEditor *self,
                                             const char     *legal_basis);
void       cs_review_editor_show_write      (CsReviewEditor *self,
                                             CsOutboxItem   *item);
void       cs_review_editor_show_message    (CsReviewEditor *self,
                                             const char     *message);
void       cs_review_editor_clear_write     (CsReviewEditor *self);

G_END_DECLS
