/* cs-case-status.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(COUNTERSIGN_INSIDE) && !defined(COUNTERSIGN_COMPILATION)
# error "Only <countersign.h> can be included directly."
#endif

#include <glib.h>

#include "cs-version-macros.h"

G_BEGIN_DECLS

/**
 * CsCaseStatus:
 * @CS_CASE_STATUS_UNKNOWN: a state this version does not know.
 * @CS_CASE_STATUS_FORWARDED: forwarded by the front desk, nobody has it yet.
 * @CS_CASE_STATUS_CLAIMED: an approver claimed it.
 * @CS_CASE_STATUS_UNDER_REVIEW: the approver posted a draft review.
 * @CS_CASE_STATUS_REVIEWED: the final review waits for the chief
 *   representative's decision.
 * @CS_CASE_STATUS_DECIDED: the department's part is decided.
 * @CS_CASE_STATUS_SUPPLEMENT_REQUESTED: a supplement notice went out; the
 *   applicant must hand in the named materials.
 * @CS_CASE_STATUS_SUSPENDED: the legal clock is stopped (testing,
 *   inspection, expert review, hearing).
 * @CS_CASE_STATUS_EXTENDED: the statutory limit was extended once.
 *
 * The state of a department's part of a case.
 */
typedef enum
{
  CS_CASE_STATUS_UNKNOWN,
  CS_CASE_STATUS_FORWARDED,
  CS_CASE_STATUS_CLAIMED,
  CS_CASE_STATUS_UNDER_REVIEW,
  CS_CASE_STATUS_REVIEWED,
  CS_CASE_STATUS_DECIDED,
  CS_CASE_STATUS_SUPPLEMENT_REQUESTED,
  CS_CASE_STATUS_SUSPENDED,
  CS_CASE_STATUS_EXTENDED,
} CsCaseStatus;

CS_AVAILABLE_IN_ALL
CsCaseStatus  cs_case_status_from_string (const char   *text);
CS_AVAILABLE_IN_ALL
const char   *cs_case_status_to_string   (CsCaseStatus  status);
CS_AVAILABLE_IN_ALL
const char   *cs_case_status_get_label   (CsCaseStatus  status);
CS_AVAILABLE_IN_ALL
gboolean      cs_case_status_is_open     (CsCaseStatus  status);

G_END_DECLS
