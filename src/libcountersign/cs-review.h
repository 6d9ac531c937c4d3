/* cs-review.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(COUNTERSIGN_INSIDE) && !defined(COUNTERSIGN_COMPILATION)
# error "Only <countersign.h> can be included directly."
#endif

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cs-outcome.h"
#include "cs-verdict.h"
#include "cs-version-macros.h"

G_BEGIN_DECLS

#define CS_TYPE_REVIEW (cs_review_get_type ())

CS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (CsReview, cs_review, CS, REVIEW, GObject)

CS_AVAILABLE_IN_ALL
CsReview   *cs_review_new_from_json         (JsonObject  *object,
                                             GError     **error);
CS_AVAILABLE_IN_ALL
gint64      cs_review_get_id                (CsReview    *self);
CS_AVAILABLE_IN_ALL
const char *cs_review_get_author_username   (CsReview    *self);
CS_AVAILABLE_IN_ALL
const char *cs_review_get_author_name       (CsReview    *self);
CS_AVAILABLE_IN_ALL
const char *cs_review_get_opinion           (CsReview    *self);
CS_AVAILABLE_IN_ALL
CsOutcome   cs_review_get_proposed_outcome  (CsReview    *self);
CS_AVAILABLE_IN_ALL
gboolean    cs_review_get_final             (CsReview    *self);
CS_AVAILABLE_IN_ALL
GListModel *cs_review_get_checklist         (CsReview    *self);
CS_AVAILABLE_IN_ALL
gint64      cs_review_get_created_at        (CsReview    *self);

G_END_DECLS
