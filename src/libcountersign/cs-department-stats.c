/* cs-department-stats.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"


#include "cs-department-stats.h"
#include "cs-json-private.h"

/**
 * CsDepartmentStats:
 *
 * What the chief representative supervises (`DepartmentStats` of
 * `GET /v1/departments/{code}/stats`): the figures of a period for the
 * department, each matter and each approver, and the open cases by the
 * state of their legal clocks on the day they are seen from.
 */
struct _CsDepartmentStats
{
  GObject parent_instance;

  char *department;
  GDate from;
  GDate to;
  GDate as_of;
  CsStatsFigures *overall;
  GPtrArray *matters;
  GPtrArray *approvers;
  gint64 open[CS_OPEN_N_COUNTS];
};

G_DEFINE_FINAL_TYPE (CsDepartmentStats, cs_department_stats, G_TYPE_OBJECT)

static const char * const open_members[CS_OPEN_N_COUNTS] = {
  "total",
  "on_track",
  "paused",
  "yellow",
  "red",
  "due_today",
  "due_this_week",
  "awaiting_signature",
  "supplement_requested",
  "suspended",
  "waiting_on_co_departments",
};

static void
cs_department_stats_finalize (GObject *object)
{
  CsDepartmentStats *self = (CsDepartmentStats *)object;

  g_free (self->department);
  g_clear_object (&self->overall);
  g_clear_pointer (&self->matters, g_ptr_array_unref);
  g_clear_pointer (&self->approvers, g_ptr_array_unref);

  G_OBJECT_CLASS (cs_department_stats_parent_class)->finalize (object);
}

static void
cs_department_stats_class_init (CsDepartmentStatsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cs_department_stats_finalize;
}

static void
cs_department_stats_init (CsDepartmentStats *self)
{
  self->matters = g_ptr_array_new_with_free_func (g_object_unref);
  self->approvers = g_ptr_array_new_with_free_func (g_object_unref);
}

static gboolean
read_groups (JsonObject  *object,
             const char  *member,
             const char  *key_member,
             GPtrArray   *into,
             GError     **error)
{
  JsonArray *array;

  if (!_cs_json_get_array (object, "stats", member, 0, &array, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("stats.%s[%u]", member, i);
      JsonObject *element = _cs_json_array_get_object (array, i, path, error);
      CsStatsFigures *figures;

      if (element == NULL)
        return FALSE;
      figures = cs_stats_figures_new_from_json (element, path, key_member, error);
      if (figures == NULL)
        return FALSE;
      g_ptr_array_add (into, figures);
    }
  return TRUE;
}

/**
 * cs_department_stats_new_from_json:
 * @object: a `DepartmentStats` of the central API
 * @error: return location for a #CS_ERROR_PROTOCOL
 *
 * Returns: (transfer full) (nullable): the figures, or %NULL when @object
 *   does not follow the contract
 */
CsDepartmentStats *
cs_department_stats_new_from_json (JsonObject  *object,
                                   GError     **error)
{
  g_autoptr(CsDepartmentStats) self = g_object_new (CS_TYPE_DEPARTMENT_STATS, NULL);
  JsonObject *overall, *open;
  const char *department;

  g_return_val_if_fail (object != NULL, NULL);

  if (!_cs_json_get_string (object, "stats", "department", 0, &department, error) ||
      !_cs_json_get_date (object, "stats", "from", 0, &self->from, error) ||
      !_cs_json_get_date (object, "stats", "to", 0, &self->to, error) ||
      !_cs_json_get_date (object, "stats", "as_of", 0, &self->as_of, error) ||
      !_cs_json_get_object (object, "stats", "overall", 0, &overall, error) ||
      !_cs_json_get_object (object, "stats", "open", 0, &open, error))
    return NULL;
  self->department = g_strdup (department);

  self->overall = cs_stats_figures_new_from_json (overall, "stats.overall", NULL, error);
  if (self->overall == NULL ||
      !read_groups (object, "matters", "code", self->matters, error) ||
      !read_groups (object, "approvers", "username", self->approvers, error))
    return NULL;

  for (guint i = 0; i < CS_OPEN_N_COUNTS; i++)
    if (!_cs_json_get_int (open, "stats.open", open_members[i], 0, &self->open[i], error))
      return NULL;

  return g_steal_pointer (&self);
}

/**
 * cs_department_stats_get_department:
 * @self: a #CsDepartmentStats
 *
 * Returns: the department's code
 */
const char *
cs_department_stats_get_department (CsDepartmentStats *self)
{
  g_return_val_if_fail (CS_IS_DEPARTMENT_STATS (self), NULL);
  return self->department;
}

/**
 * cs_department_stats_get_from:
 * @self: a #CsDepartmentStats
 *
 * Returns: the first day of the period
 */
const GDate *
cs_department_stats_get_from (CsDepartmentStats *self)
{
  g_return_val_if_fail (CS_IS_DEPARTMENT_STATS (self), NULL);
  return &self->from;
}

/**
 * cs_department_stats_get_to:
 * @self: a #CsDepartmentStats
 *
 * Returns: the last day of the period
 */
const GDate *
cs_department_stats_get_to (CsDepartmentStats *self)
{
  g_return_val_if_fail (CS_IS_DEPARTMENT_STATS (self), NULL);
  return &self->to;
}

/**
 * cs_department_stats_get_as_of:
 * @self: a #CsDepartmentStats
 *
 * Returns: the day the open cases are seen from
 */
const GDate *
cs_department_stats_get_as_of (CsDepartmentStats *self)
{
  g_return_val_if_fail (CS_IS_DEPARTMENT_STATS (self), NULL);
  return &self->as_of;
}

/**
 * cs_department_stats_get_overall:
 * @self: a #CsDepartmentStats
 *
 * Returns: (transfer none): the figures of the whole department
 */
CsStatsFigures *
cs_department_stats_get_overall (CsDepartmentStats *self)
{
  g_return_val_if_fail (CS_IS_DEPARTMENT_STATS (self), NULL);
  return self->overall;
}

/**
 * cs_department_stats_get_matters:
 * @self: a #CsDepartmentStats
 *
 * Returns: (transfer none) (element-type CsStatsFigures): the figures of
 *   each matter, by code
 */
GPtrArray *
cs_department_stats_get_matters (CsDepartmentStats *self)
{
  g_return_val_if_fail (CS_IS_DEPARTMENT_STATS (self), NULL);
  return self->matters;
}

/**
 * cs_department_stats_get_approvers:
 * @self: a #CsDepartmentStats
 *
 * Returns: (transfer none) (element-type CsStatsFigures): the figures of
 *   each approver who holds a part
 */
GPtrArray *
cs_department_stats_get_approvers (CsDepartmentStats *self)
{
  g_return_val_if_fail (CS_IS_DEPARTMENT_STATS (self), NULL);
  return self->approvers;
}

/**
 * cs_department_stats_get_open:
 * @self: a #CsDepartmentStats
 * @count: which count
 *
 * Returns: the number of parts
 */
gint64
cs_department_stats_get_open (CsDepartmentStats *self,
                              CsOpenCount        count)
{
  g_return_val_if_fail (CS_IS_DEPARTMENT_STATS (self), 0);
  g_return_val_if_fail (count < CS_OPEN_N_COUNTS, 0);
  return self->open[count];
}
