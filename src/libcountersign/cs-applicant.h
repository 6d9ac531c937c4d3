/* cs-applicant.h
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

#include "cs-version-macros.h"

G_BEGIN_DECLS

/**
 * CsApplicantKind:
 * @CS_APPLICANT_PERSON: a natural person, identified by a resident ID.
 * @CS_APPLICANT_ORGANISATION: a legal person or other organisation,
 *   identified by its unified social credit code.
 *
 * Who applies.
 */
typedef enum
{
  CS_APPLICANT_PERSON,
  CS_APPLICANT_ORGANISATION,
} CsApplicantKind;

#define CS_TYPE_APPLICANT (cs_applicant_get_type ())

CS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (CsApplicant, cs_applicant, CS, APPLICANT, GObject)

CS_AVAILABLE_IN_ALL
CsApplicant     *cs_applicant_new_from_json             (JsonObject   *object,
                                                         GError      **error);
CS_AVAILABLE_IN_ALL
CsApplicantKind  cs_applicant_get_kind                  (CsApplicant  *self);
CS_AVAILABLE_IN_ALL
const char      *cs_applicant_get_name                  (CsApplicant  *self);
CS_AVAILABLE_IN_ALL
const char      *cs_applicant_get_id_type               (CsApplicant  *self);
CS_AVAILABLE_IN_ALL
const char      *cs_applicant_get_id_number             (CsApplicant  *self);
CS_AVAILABLE_IN_ALL
const char      *cs_applicant_get_uscc                  (CsApplicant  *self);
CS_AVAILABLE_IN_ALL
const char      *cs_applicant_get_gender                (CsApplicant  *self);
CS_AVAILABLE_IN_ALL
const char      *cs_applicant_get_phone                 (CsApplicant  *self);
CS_AVAILABLE_IN_ALL
const char      *cs_applicant_get_address               (CsApplicant  *self);
CS_AVAILABLE_IN_ALL
const char      *cs_applicant_get_legal_representative  (CsApplicant  *self);
CS_AVAILABLE_IN_ALL
const char      *cs_applicant_get_contact               (CsApplicant  *self);

G_END_DECLS
