/* cs-decision-draft.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* Private to the desk and countersign-cli; not installed. */

#include <gio/gio.h>

#include "cs-case.h"
#include "cs-matter.h"
#include "cs-outcome.h"
#include "cs-version-macros.h"

G_BEGIN_DECLS

#define CS_TYPE_DECISION_DRAFT (cs_decision_draft_get_type ())

CS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (CsDecisionDraft, cs_decision_draft, CS, DECISION_DRAFT, GObject)

CS_AVAILABLE_IN_ALL
CsDecisionDraft *cs_decision_draft_new_for_case       (CsCase           *kase,
                                                       CsMatter         *matter,
                                                       CsOutcome         outcome);
CS_AVAILABLE_IN_ALL
CsOutcome    cs_decision_draft_get_outcome            (CsDecisionDraft  *self);
CS_AVAILABLE_IN_ALL
const char  *cs_decision_draft_get_case_id            (CsDecisionDraft  *self);
CS_AVAILABLE_IN_ALL
gint64       cs_decision_draft_get_version            (CsDecisionDraft  *self);
CS_AVAILABLE_IN_ALL
const char  *cs_decision_draft_get_case_number        (CsDecisionDraft  *self);
CS_AVAILABLE_IN_ALL
const char  *cs_decision_draft_get_department_name    (CsDecisionDraft  *self);
CS_AVAILABLE_IN_ALL
const char  *cs_decision_draft_get_matter_name        (CsDecisionDraft  *self);
CS_AVAILABLE_IN_ALL
const char  *cs_decision_draft_get_applicant          (CsDecisionDraft  *self);
CS_AVAILABLE_IN_ALL
const char  *cs_decision_draft_get_document_number    (CsDecisionDraft  *self);
CS_AVAILABLE_IN_ALL
const GDate *cs_decision_draft_get_date               (CsDecisionDraft  *self);
CS_AVAILABLE_IN_ALL
const char  *cs_decision_draft_get_text               (CsDecisionDraft  *self);
CS_AVAILABLE_IN_ALL
void         cs_decision_draft_set_text               (CsDecisionDraft  *self,
                                                       const char       *text);
CS_AVAILABLE_IN_ALL
const char  *cs_decision_draft_get_legal_basis        (CsDecisionDraft  *self);
CS_AVAILABLE_IN_ALL
void         cs_decision_draft_set_legal_basis        (CsDecisionDraft  *self,
                                                       const char       *legal_basis);
CS_AVAILABLE_IN_ALL
const char  *cs_decision_draft_get_reasons            (CsDecisionDraft  *self);
CS_AVAILABLE_IN_ALL
void         cs_decision_draft_set_reasons            (CsDecisionDraft  *self,
                                                       const char       *reasons);
CS_AVAILABLE_IN_ALL
const char  *cs_decision_draft_get_remedy_notice      (CsDecisionDraft  *self);
CS_AVAILABLE_IN_ALL
void         cs_decision_draft_set_remedy_notice      (CsDecisionDraft  *self,
                                                       const char       *notice);
CS_AVAILABLE_IN_ALL
guint        cs_decision_draft_get_n_supplement_items (CsDecisionDraft  *self);
CS_AVAILABLE_IN_ALL
void         cs_decision_draft_get_supplement_item    (CsDecisionDraft  *self,
                                                       guint             index,
                                                       const char      **item,
                                                       const char      **name,
                                                       const char      **reason);
CS_AVAILABLE_IN_ALL
guint        cs_decision_draft_get_extension_days     (CsDecisionDraft  *self);
CS_AVAILABLE_IN_ALL
void         cs_decision_draft_set_extension_days     (CsDecisionDraft  *self,
                                                       guint             days);
CS_AVAILABLE_IN_ALL
void         cs_decision_draft_set_suspension         (CsDecisionDraft  *self,
                                                       const char       *kind,
                                                       const char       *reason);
CS_AVAILABLE_IN_ALL
const char  *cs_decision_draft_get_suspension_kind    (CsDecisionDraft  *self);
CS_AVAILABLE_IN_ALL
const char  *cs_decision_draft_get_suspension_reason  (CsDecisionDraft  *self);
CS_AVAILABLE_IN_ALL
void         cs_decision_draft_set_signer             (CsDecisionDraft  *self,
                                                       const char       *username,
                                                       const char       *name);
CS_AVAILABLE_IN_ALL
const char  *cs_decision_draft_get_signer_name        (CsDecisionDraft  *self);
CS_AVAILABLE_IN_ALL
gboolean     cs_decision_draft_check                  (CsDecisionDraft  *self,
                                                       GError          **error);
CS_AVAILABLE_IN_ALL
GBytes      *cs_decision_draft_build_payload          (CsDecisionDraft  *self,
                                                       const char       *document_sha256,
                                                       GDateTime        *signed_at,
                                                       GError          **error);

G_END_DECLS
