/* cs-case-part.h
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

#include "cs-case-status.h"
#include "cs-outcome.h"
#include "cs-version-macros.h"

G_BEGIN_DECLS

#define CS_TYPE_CASE_PART (cs_case_part_get_type ())

CS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (CsCasePart, cs_case_part, CS, CASE_PART, GObject)

CS_AVAILABLE_IN_ALL
CsCasePart   *cs_case_part_new_from_json         (JsonObject  *object,
                                                  GError     **error);
CS_AVAILABLE_IN_ALL
const char   *cs_case_part_get_department        (CsCasePart  *self);
CS_AVAILABLE_IN_ALL
const char   *cs_case_part_get_department_name   (CsCasePart  *self);
CS_AVAILABLE_IN_ALL
gboolean      cs_case_part_get_lead              (CsCasePart  *self);
CS_AVAILABLE_IN_ALL
const char   *cs_case_part_get_matter_code       (CsCasePart  *self);
CS_AVAILABLE_IN_ALL
CsCaseStatus  cs_case_part_get_status            (CsCasePart  *self);
CS_AVAILABLE_IN_ALL
const char   *cs_case_part_get_assignee_name     (CsCasePart  *self);
CS_AVAILABLE_IN_ALL
CsOutcome     cs_case_part_get_outcome           (CsCasePart  *self);
CS_AVAILABLE_IN_ALL
const GDate  *cs_case_part_get_decided_on        (CsCasePart  *self);
CS_AVAILABLE_IN_ALL
JsonObject   *cs_case_part_get_clock             (CsCasePart  *self);

G_END_DECLS
