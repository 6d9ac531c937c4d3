/* cs-case-status.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-case-status.h"

static const char * const status_names[] = {
  [CS_CASE_STATUS_UNKNOWN] = NULL,
  [CS_CASE_STATUS_FORWARDED] = "forwarded",
  [CS_CASE_STATUS_CLAIMED] = "claimed",
  [CS_CASE_STATUS_UNDER_REVIEW] = "under_review",
  [CS_CASE_STATUS_REVIEWED] = "reviewed",
  [CS_CASE_STATUS_DECIDED] = "decided",
  [CS_CASE_STATUS_SUPPLEMENT_REQUESTED] = "supplement_requested",
  [CS_CASE_STATUS_SUSPENDED] = "suspended",
  [CS_CASE_STATUS_EXTENDED] = "extended",
};

/**
 * cs_case_status_from_string:
 * @text: (nullable): a state as the central API spells it
 *
 * Returns: the state, %CS_CASE_STATUS_UNKNOWN for an unknown name
 */
CsCaseStatus
cs_case_status_from_string (const char *text)
{
  if (text == NULL)
    return CS_CASE_STATUS_UNKNOWN;
  for (guint i = 1; i < G_N_ELEMENTS (status_names); i++)
    if (g_str_equal (text, status_names[i]))
      return i;
  return CS_CASE_STATUS_UNKNOWN;
}

/**
 * cs_case_status_to_string:
 * @status: a state
 *
 * Returns: (nullable): the central API's name of @status
 */
const char *
cs_case_status_to_string (CsCaseStatus status)
{
  if ((guint) status >= G_N_ELEMENTS (status_names))
    return NULL;
  return status_names[status];
}

/**
 * cs_case_status_get_label:
 * @status: a state
 *
 * Returns: the state's name for people, translated
 */
const char *
cs_case_status_get_label (CsCaseStatus status)
{
  switch (status)
    {
    case CS_CASE_STATUS_FORWARDED:
      return _("Forwarded");
    case CS_CASE_STATUS_CLAIMED:
      return _("Claimed");
    case CS_CASE_STATUS_UNDER_REVIEW:
      return _("Under review");
    case CS_CASE_STATUS_REVIEWED:
      return _("Reviewed");
    case CS_CASE_STATUS_DECIDED:
      return _("Decided");
    case CS_CASE_STATUS_SUPPLEMENT_REQUESTED:
      return _("Supplement requested");
    case CS_CASE_STATUS_SUSPENDED:
      return _("Suspended");
    case CS_CASE_STATUS_EXTENDED:
      return _("Extended");
    case CS_CASE_STATUS_UNKNOWN:
    default:
      return _("Unknown");
    }
}

/**
 * cs_case_status_is_open:
 * @status: a state
 *
 * Returns: %TRUE while the department still has to act, so its legal
 *   clock runs (or is suspended) and the case belongs in the inbox
 */
gboolean
cs_case_status_is_open (CsCaseStatus status)
{
  return status != CS_CASE_STATUS_DECIDED && status != CS_CASE_STATUS_UNKNOWN;
}
