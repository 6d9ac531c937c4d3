/* cs-department-charts.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cs-chart.h"
#include "cs-department-stats.h"

G_BEGIN_DECLS

CsChart *cs_department_chart_clock_states  (GPtrArray         *stats_by_day);
CsChart *cs_department_chart_handling_time (CsDepartmentStats *stats);
CsChart *cs_department_chart_approver_load (CsDepartmentStats *stats);

G_END_DECLS
