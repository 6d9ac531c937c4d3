/* cs-decision-verifier.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* Shared by countersign-central and countersign-cli; not installed. */

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cs-version-macros.h"

G_BEGIN_DECLS

#define CS_TYPE_DECISION_VERIFIER (cs_decision_verifier_get_type ())

CS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (CsDecisionVerifier, cs_decision_verifier, CS, DECISION_VERIFIER, GObject)

CS_AVAILABLE_IN_ALL
CsDecisionVerifier *cs_decision_verifier_new    (const char          *ca_pem,
                                                 GError             **error);
CS_AVAILABLE_IN_ALL
JsonObject         *cs_decision_verifier_verify (CsDecisionVerifier  *self,
                                                 GBytes              *signed_bytes,
                                                 GBytes              *signature,
                                                 GBytes              *document,
                                                 GDateTime           *when,
                                                 GBytes             **out_signer_der,
                                                 char               **out_signer_name,
                                                 GError             **error);

G_END_DECLS
