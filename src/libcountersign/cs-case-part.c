/* cs-case-part.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-case-part.h"
#include "cs-json-private.h"

/**
 * CsCasePart:
 *
 * One department's part of a case approved in parallel (并联审批): every
 * department sees the state of every part, and which one leads.
 */
struct _CsCasePart
{
  GObject parent_instance;

  char *department;
  char *department_name;
  char *matter_code;
  char *assignee_name;
  JsonObject *clock;
  GDate decided_on;
  CsCaseStatus status;
  CsOutcome outcome;
  gboolean lead;
};

G_DEFINE_FINAL_TYPE (CsCasePart, cs_case_part, G_TYPE_OBJECT)

static void
cs_case_part_finalize (GObject *object)
{
  CsCasePart *self = (CsCasePart *) object;

  g_free (self->department);
  g_free (self->department_name);
  g_free (self->matter_code);
  g_free (self->assignee_name);
  g_clear_pointer (&self->clock, json_object_unref);

  G_OBJECT_CLASS (cs_case_part_parent_class)->finalize (object);
}

static void
cs_case_part_class_init (CsCasePartClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cs_case_part_finalize;
}

static void
cs_case_part_init (CsCasePart *self)
{
  g_date_clear (&self->decided_on, 1);
}

/**
 * cs_case_part_new_from_json:
 * @object: a `PartState` of the central API
 * @error: return location for a #CS_ERROR_PROTOCOL
 *
 * Returns: (transfer full) (nullable): the part, or %NULL when @object
 *   does not follow the contract
 */
CsCasePart *
cs_case_part_new_from_json (JsonObject  *object,
                            GError     **error)
{
  g_autoptr(CsCasePart) self = g_object_new (CS_TYPE_CASE_PART, NULL);
  const char *department, *department_name, *role, *matter_code, *status, *outcome;
  JsonObject *assignee, *clock;
  const char *assignee_name = NULL;

  if (!_cs_json_get_string (object, "part", "department", 0, &department, error) ||
      !_cs_json_get_string (object, "part", "department_name", 0, &department_name, error) ||
      !_cs_json_get_string (object, "part", "role", 0, &role, error) ||
      !_cs_json_get_string (object, "part", "matter_code", 0, &matter_code, error) ||
      !_cs_json_get_string (object, "part", "status", 0, &status, error) ||
      !_cs_json_get_object (object, "part", "assignee", CS_JSON_NULLABLE, &assignee, error) ||
      (assignee != NULL &&
       !_cs_json_get_string (assignee, "part.assignee", "name", 0, &assignee_name, error)) ||
      !_cs_json_get_string (object, "part", "outcome", CS_JSON_NULLABLE, &outcome, error) ||
      !_cs_json_get_date (object, "part", "decided_on", CS_JSON_NULLABLE, &self->decided_on,
                          error) ||
      !_cs_json_get_object (object, "part", "clock", CS_JSON_OPTIONAL, &clock, error))
    return NULL;

  self->department = g_strdup (department);
  self->department_name = g_strdup (department_name);
  self->lead = g_str_equal (role, "lead");
  self->matter_code = g_strdup (matter_code);
  self->status = cs_case_status_from_string (status);
  self->assignee_name = g_strdup (assignee_name);
  self->outcome = cs_outcome_from_string (outcome);
  if (clock != NULL)
    self->clock = json_object_ref (clock);

  return g_steal_pointer (&self);
}

const char *
cs_case_part_get_department (CsCasePart *self)
{
  g_return_val_if_fail (CS_IS_CASE_PART (self), NULL);
  return self->department;
}

const char *
cs_case_part_get_department_name (CsCasePart *self)
{
  g_return_val_if_fail (CS_IS_CASE_PART (self), NULL);
  return self->department_name;
}

/**
 * cs_case_part_get_lead:
 * @self: a #CsCasePart
 *
 * Returns: %TRUE for the lead department's part (主办), %FALSE for a
 *   co-department's (协办)
 */
gboolean
cs_case_part_get_lead (CsCasePart *self)
{
  g_return_val_if_fail (CS_IS_CASE_PART (self), FALSE);
  return self->lead;
}

const char *
cs_case_part_get_matter_code (CsCasePart *self)
{
  g_return_val_if_fail (CS_IS_CASE_PART (self), NULL);
  return self->matter_code;
}

CsCaseStatus
cs_case_part_get_status (CsCasePart *self)
{
  g_return_val_if_fail (CS_IS_CASE_PART (self), CS_CASE_STATUS_UNKNOWN);
  return self->status;
}

/**
 * cs_case_part_get_assignee_name:
 * @self: a #CsCasePart
 *
 * Returns: (nullable): who holds the part
 */
const char *
cs_case_part_get_assignee_name (CsCasePart *self)
{
  g_return_val_if_fail (CS_IS_CASE_PART (self), NULL);
  return self->assignee_name;
}

CsOutcome
cs_case_part_get_outcome (CsCasePart *self)
{
  g_return_val_if_fail (CS_IS_CASE_PART (self), CS_OUTCOME_NONE);
  return self->outcome;
}

/**
 * cs_case_part_get_decided_on:
 * @self: a #CsCasePart
 *
 * Returns: (transfer none): the day of the decision; an invalid date while
 *   undecided
 */
const GDate *
cs_case_part_get_decided_on (CsCasePart *self)
{
  g_return_val_if_fail (CS_IS_CASE_PART (self), NULL);
  return &self->decided_on;
}

/**
 * cs_case_part_get_clock:
 * @self: a #CsCasePart
 *
 * Returns: (transfer none) (nullable): the part's `Clock` object, given
 *   in a full case only
 */
JsonObject *
cs_case_part_get_clock (CsCasePart *self)
{
  g_return_val_if_fail (CS_IS_CASE_PART (self), NULL);
  return self->clock;
}
