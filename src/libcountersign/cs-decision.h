/* cs-decision.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(COUNTERSIGN_INSIDE) && !defined(COUNTERSIGN_COMPILATION)
# error "Only <countersign.h> can be included directly."
#endif

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "cs-outcome.h"
#include "cs-version-macros.h"

G_BEGIN_DECLS

#define CS_TYPE_DECISION (cs_decision_get_type ())

CS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (CsDecision, cs_decision, CS, DECISION, GObject)

CS_AVAILABLE_IN_ALL
CsDecision   *cs_decision_new_from_json        (JsonObject  *object,
                                                GError     **error);
CS_AVAILABLE_IN_ALL
const char   *cs_decision_get_id               (CsDecision  *self);
CS_AVAILABLE_IN_ALL
const char   *cs_decision_get_case_id          (CsDecision  *self);
CS_AVAILABLE_IN_ALL
const char   *cs_decision_get_department       (CsDecision  *self);
CS_AVAILABLE_IN_ALL
CsOutcome     cs_decision_get_outcome          (CsDecision  *self);
CS_AVAILABLE_IN_ALL
const GDate  *cs_decision_get_decided_on       (CsDecision  *self);
CS_AVAILABLE_IN_ALL
const char   *cs_decision_get_document_sha256  (CsDecision  *self);
CS_AVAILABLE_IN_ALL
const char   *cs_decision_get_signer_username  (CsDecision  *self);
CS_AVAILABLE_IN_ALL
const char   *cs_decision_get_signer_name      (CsDecision  *self);
CS_AVAILABLE_IN_ALL
gint64        cs_decision_get_recorded_at      (CsDecision  *self);
CS_AVAILABLE_IN_ALL
JsonObject   *cs_decision_get_payload          (CsDecision  *self);

G_END_DECLS
