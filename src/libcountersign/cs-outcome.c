/* cs-outcome.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-outcome.h"

static const char * const outcome_names[] = {
  [CS_OUTCOME_NONE] = NULL,
  [CS_OUTCOME_GRANT] = "grant",
  [CS_OUTCOME_DENY] = "deny",
  [CS_OUTCOME_SUPPLEMENT] = "supplement",
  [CS_OUTCOME_NOT_ACCEPTED] = "not_accepted",
  [CS_OUTCOME_EXTENSION] = "extension",
  [CS_OUTCOME_SUSPENSION] = "suspension",
};

/**
 * cs_outcome_from_string:
 * @text: (nullable): an outcome as the central API spells it (`grant`, …)
 *
 * Returns: the outcome, or %CS_OUTCOME_NONE for %NULL or an unknown name
 */
CsOutcome
cs_outcome_from_string (const char *text)
{
  if (text == NULL)
    return CS_OUTCOME_NONE;
  for (guint i = 1; i < G_N_ELEMENTS (outcome_names); i++)
    if (g_str_equal (text, outcome_names[i]))
      return i;
  return CS_OUTCOME_NONE;
}

/**
 * cs_outcome_to_string:
 * @outcome: an outcome
 *
 * Returns: (nullable): the central API's name of @outcome, %NULL for
 *   %CS_OUTCOME_NONE
 */
const char *
cs_outcome_to_string (CsOutcome outcome)
{
  if ((guint) outcome >= G_N_ELEMENTS (outcome_names))
    return NULL;
  return outcome_names[outcome];
}

/**
 * cs_outcome_get_label:
 * @outcome: an outcome
 *
 * Returns: the outcome's name for people, translated
 */
const char *
cs_outcome_get_label (CsOutcome outcome)
{
  switch (outcome)
    {
    case CS_OUTCOME_GRANT:
      return _("Grant");
    case CS_OUTCOME_DENY:
      return _("Deny");
    case CS_OUTCOME_SUPPLEMENT:
      return _("Supplement notice");
    case CS_OUTCOME_NOT_ACCEPTED:
      return _("Not accepted");
    case CS_OUTCOME_EXTENSION:
      return _("Extension");
    case CS_OUTCOME_SUSPENSION:
      return _("Suspension");
    case CS_OUTCOME_NONE:
    default:
      return _("None");
    }
}
