/* cs-decision-document.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* Private to the desk and countersign-cli; not installed. */

#include <gio/gio.h>

#include "cs-decision-draft.h"
#include "cs-version-macros.h"

G_BEGIN_DECLS

#define CS_TYPE_DECISION_DOCUMENT (cs_decision_document_get_type ())

CS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (CsDecisionDocument, cs_decision_document, CS, DECISION_DOCUMENT, GObject)

CS_AVAILABLE_IN_ALL
CsDecisionDocument *cs_decision_document_new_render (CsDecisionDraft    *draft,
                                                     GError            **error);
CS_AVAILABLE_IN_ALL
GBytes             *cs_decision_document_get_bytes  (CsDecisionDocument *self);
CS_AVAILABLE_IN_ALL
const char         *cs_decision_document_get_sha256 (CsDecisionDocument *self);
CS_AVAILABLE_IN_ALL
guint               cs_decision_document_get_n_pages (CsDecisionDocument *self);
CS_AVAILABLE_IN_ALL
const char         *cs_decision_document_get_title  (CsDecisionDocument *self);

G_END_DECLS
