/* cs-department-stats.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "cs-stats-figures.h"
#include "cs-version-macros.h"

G_BEGIN_DECLS

/**
 * CsOpenCount:
 * @CS_OPEN_TOTAL: open parts (neither decided nor waiting on the applicant)
 * @CS_OPEN_ON_TRACK: of those, on track
 * @CS_OPEN_PAUSED: suspended, the clock stopped
 * @CS_OPEN_YELLOW: the deadline near
 * @CS_OPEN_RED: overdue
 * @CS_OPEN_DUE_TODAY: due today
 * @CS_OPEN_DUE_THIS_WEEK: due from today to Sunday
 * @CS_OPEN_AWAITING_SIGNATURE: reviewed, waiting for the chief's decision
 * @CS_OPEN_SUPPLEMENT_REQUESTED: waiting for the applicant's supplement
 * @CS_OPEN_SUSPENDED: suspended (Art. 45)
 * @CS_OPEN_WAITING_ON_CO_DEPARTMENTS: decided here, waiting on another
 *   department of a parallel case
 *
 * Where the department stands on the day the figures are seen from.
 */
typedef enum
{
  CS_OPEN_TOTAL,
  CS_OPEN_ON_TRACK,
  CS_OPEN_PAUSED,
  CS_OPEN_YELLOW,
  CS_OPEN_RED,
  CS_OPEN_DUE_TODAY,
  CS_OPEN_DUE_THIS_WEEK,
  CS_OPEN_AWAITING_SIGNATURE,
  CS_OPEN_SUPPLEMENT_REQUESTED,
  CS_OPEN_SUSPENDED,
  CS_OPEN_WAITING_ON_CO_DEPARTMENTS,
  CS_OPEN_N_COUNTS,
} CsOpenCount;

#define CS_TYPE_DEPARTMENT_STATS (cs_department_stats_get_type ())

CS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (CsDepartmentStats, cs_department_stats, CS, DEPARTMENT_STATS, GObject)

CS_AVAILABLE_IN_ALL
CsDepartmentStats *cs_department_stats_new_from_json  (JsonObject        *object,
                                                       GError           **error);
CS_AVAILABLE_IN_ALL
const char        *cs_department_stats_get_department (CsDepartmentStats *self);
CS_AVAILABLE_IN_ALL
const GDate       *cs_department_stats_get_from       (CsDepartmentStats *self);
CS_AVAILABLE_IN_ALL
const GDate       *cs_department_stats_get_to         (CsDepartmentStats *self);
CS_AVAILABLE_IN_ALL
const GDate       *cs_department_stats_get_as_of      (CsDepartmentStats *self);
CS_AVAILABLE_IN_ALL
CsStatsFigures    *cs_department_stats_get_overall    (CsDepartmentStats *self);
CS_AVAILABLE_IN_ALL
GPtrArray         *cs_department_stats_get_matters    (CsDepartmentStats *self);
CS_AVAILABLE_IN_ALL
GPtrArray         *cs_department_stats_get_approvers  (CsDepartmentStats *self);
CS_AVAILABLE_IN_ALL
gint64             cs_department_stats_get_open       (CsDepartmentStats *self,
                                                       CsOpenCount        count);

G_END_DECLS
