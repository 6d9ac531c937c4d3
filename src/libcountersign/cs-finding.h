/* cs-finding.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(COUNTERSIGN_INSIDE) && !defined(COUNTERSIGN_COMPILATION)
# error "Only <countersign.h> can be included directly."
#endif

#include <glib-object.h>

#include "cs-version-macros.h"

G_BEGIN_DECLS

/**
 * CsFindingSeverity:
 * @CS_FINDING_ERROR: the case cannot be granted as it stands: a rule of the
 *   matter is broken (an invalid ID number, a missing certificate).
 * @CS_FINDING_WARNING: something the approver must look at and judge (a
 *   certificate about to expire, a name that differs on one material).
 * @CS_FINDING_INFO: a note, such as a scanned material whose text the desk
 *   could not read and that must be checked by eye.
 *
 * How much a pre-check finding weighs.
 */
typedef enum
{
  CS_FINDING_ERROR,
  CS_FINDING_WARNING,
  CS_FINDING_INFO,
} CsFindingSeverity;

#define CS_TYPE_FINDING (cs_finding_get_type ())

CS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (CsFinding, cs_finding, CS, FINDING, GObject)

CS_AVAILABLE_IN_ALL
CsFinding         *cs_finding_new                (CsFindingSeverity  severity,
                                                  const char        *message);
CS_AVAILABLE_IN_ALL
CsFindingSeverity  cs_finding_get_severity       (CsFinding         *self);
CS_AVAILABLE_IN_ALL
void               cs_finding_set_severity       (CsFinding         *self,
                                                  CsFindingSeverity  severity);
CS_AVAILABLE_IN_ALL
const char        *cs_finding_get_message        (CsFinding         *self);
CS_AVAILABLE_IN_ALL
void               cs_finding_set_message        (CsFinding         *self,
                                                  const char        *message);
CS_AVAILABLE_IN_ALL
const char        *cs_finding_get_field          (CsFinding         *self);
CS_AVAILABLE_IN_ALL
void               cs_finding_set_field          (CsFinding         *self,
                                                  const char        *field);
CS_AVAILABLE_IN_ALL
const char        *cs_finding_get_material       (CsFinding         *self);
CS_AVAILABLE_IN_ALL
void               cs_finding_set_material       (CsFinding         *self,
                                                  const char        *material);
CS_AVAILABLE_IN_ALL
const char        *cs_finding_get_checklist_item (CsFinding         *self);
CS_AVAILABLE_IN_ALL
void               cs_finding_set_checklist_item (CsFinding         *self,
                                                  const char        *checklist_item);

G_END_DECLS
