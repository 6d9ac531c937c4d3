/* cs-case.h
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

#include "cs-applicant.h"
#include "cs-case-status.h"
#include "cs-legal-clock.h"
#include "cs-outcome.h"
#include "cs-version-macros.h"

G_BEGIN_DECLS

#define CS_TYPE_CASE (cs_case_get_type ())

CS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (CsCase, cs_case, CS, CASE, GObject)

CS_AVAILABLE_IN_ALL
CsCase       *cs_case_new_from_json             (JsonObject  *object,
                                                 GError     **error);
CS_AVAILABLE_IN_ALL
const char   *cs_case_get_id                    (CsCase      *self);
CS_AVAILABLE_IN_ALL
const char   *cs_case_get_number                (CsCase      *self);
CS_AVAILABLE_IN_ALL
gint64        cs_case_get_version               (CsCase      *self);
CS_AVAILABLE_IN_ALL
const char   *cs_case_get_department            (CsCase      *self);
CS_AVAILABLE_IN_ALL
gboolean      cs_case_get_lead                  (CsCase      *self);
CS_AVAILABLE_IN_ALL
const char   *cs_case_get_matter_code           (CsCase      *self);
CS_AVAILABLE_IN_ALL
const char   *cs_case_get_matter_name           (CsCase      *self);
CS_AVAILABLE_IN_ALL
gboolean      cs_case_get_instant               (CsCase      *self);
CS_AVAILABLE_IN_ALL
CsCaseStatus  cs_case_get_status                (CsCase      *self);
CS_AVAILABLE_IN_ALL
const char   *cs_case_get_assignee_username     (CsCase      *self);
CS_AVAILABLE_IN_ALL
const char   *cs_case_get_assignee_name         (CsCase      *self);
CS_AVAILABLE_IN_ALL
CsOutcome     cs_case_get_outcome               (CsCase      *self);
CS_AVAILABLE_IN_ALL
const GDate  *cs_case_get_decided_on            (CsCase      *self);
CS_AVAILABLE_IN_ALL
CsApplicantKind cs_case_get_applicant_kind      (CsCase      *self);
CS_AVAILABLE_IN_ALL
const char   *cs_case_get_applicant_name        (CsCase      *self);
CS_AVAILABLE_IN_ALL
const char   *cs_case_get_applicant_id_number   (CsCase      *self);
CS_AVAILABLE_IN_ALL
gint64        cs_case_get_received_at           (CsCase      *self);
CS_AVAILABLE_IN_ALL
const GDate  *cs_case_get_accepted_on           (CsCase      *self);
CS_AVAILABLE_IN_ALL
gboolean      cs_case_get_green_channel         (CsCase      *self);
CS_AVAILABLE_IN_ALL
gboolean      cs_case_get_urgent                (CsCase      *self);
CS_AVAILABLE_IN_ALL
gint64        cs_case_get_updated_at            (CsCase      *self);
CS_AVAILABLE_IN_ALL
guint         cs_case_get_statutory_limit       (CsCase      *self);
CS_AVAILABLE_IN_ALL
guint         cs_case_get_promised_limit        (CsCase      *self);
CS_AVAILABLE_IN_ALL
guint         cs_case_get_extension_days        (CsCase      *self);
CS_AVAILABLE_IN_ALL
const GDate  *cs_case_get_supplement_requested_on (CsCase    *self);
CS_AVAILABLE_IN_ALL
JsonArray    *cs_case_get_suspensions           (CsCase      *self);
CS_AVAILABLE_IN_ALL
JsonObject   *cs_case_dup_clock_json            (CsCase      *self);
CS_AVAILABLE_IN_ALL
CsLegalClock *cs_case_dup_legal_clock           (CsCase      *self,
                                                 GError     **error);
CS_AVAILABLE_IN_ALL
gboolean      cs_case_get_parallel              (CsCase      *self);
CS_AVAILABLE_IN_ALL
GListModel   *cs_case_get_parts                 (CsCase      *self);
CS_AVAILABLE_IN_ALL
gboolean      cs_case_is_full                   (CsCase      *self);
CS_AVAILABLE_IN_ALL
CsApplicant  *cs_case_get_applicant             (CsCase      *self);
CS_AVAILABLE_IN_ALL
const char   *cs_case_get_site                  (CsCase      *self);
CS_AVAILABLE_IN_ALL
const char   *cs_case_get_route                 (CsCase      *self);
CS_AVAILABLE_IN_ALL
JsonObject   *cs_case_get_form                  (CsCase      *self);
CS_AVAILABLE_IN_ALL
GListModel   *cs_case_get_materials             (CsCase      *self);
CS_AVAILABLE_IN_ALL
GListModel   *cs_case_get_reviews               (CsCase      *self);

G_END_DECLS
