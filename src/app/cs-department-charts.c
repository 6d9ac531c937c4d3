/* cs-department-charts.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsDepartmentCharts"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-department-charts.h"

/* The three charts of the department page, from the supervision figures.
 * The colours of the clock states are the inbox's. */

#define ON_TRACK_RGB 0x2ec27e
#define PAUSED_RGB   0x9a9996
#define YELLOW_RGB   0xe5a50a
#define RED_RGB      0xe01b24

/**
 * cs_department_chart_clock_states:
 * @stats_by_day: (element-type CsDepartmentStats): the figures seen from
 *   successive days, oldest first
 *
 * Returns: (transfer full): the open cases by clock state on each day,
 *   stacked
 */
CsChart *
cs_department_chart_clock_states (GPtrArray *stats_by_day)
{
  CsChart *chart = cs_chart_new (_("Open cases by clock state"), CS_CHART_STACKED);
  static const struct { CsOpenCount count; guint32 rgb; const char *name; } states[] = {
    { CS_OPEN_ON_TRACK, ON_TRACK_RGB, N_("On track") },
    { CS_OPEN_PAUSED, PAUSED_RGB, N_("Paused") },
    { CS_OPEN_YELLOW, YELLOW_RGB, N_("Yellow") },
    { CS_OPEN_RED, RED_RGB, N_("Red") },
  };

  for (guint s = 0; s < G_N_ELEMENTS (states); s++)
    cs_chart_add_series (chart, _(states[s].name), states[s].rgb);

  for (guint d = 0; d < stats_by_day->len; d++)
    {
      CsDepartmentStats *stats = g_ptr_array_index (stats_by_day, d);
      const GDate *day = cs_department_stats_get_as_of (stats);
      g_autofree char *label = g_strdup_printf ("%02u-%02u", g_date_get_month (day),
                                                g_date_get_day (day));

      cs_chart_add_category (chart, label);
      for (guint s = 0; s < G_N_ELEMENTS (states); s++)
        cs_chart_set_value (chart, s, d, cs_department_stats_get_open (stats, states[s].count));
    }
  return chart;
}

/**
 * cs_department_chart_handling_time:
 * @stats: the figures of a period
 *
 * Returns: (transfer full): per matter, the mean and median working days
 *   the decisions took beside the mean statutory limit
 */
CsChart *
cs_department_chart_handling_time (CsDepartmentStats *stats)
{
  CsChart *chart = cs_chart_new (_("Handling time against the statutory limit (working days)"),
                                 CS_CHART_GROUPED);
  GPtrArray *matters = cs_department_stats_get_matters (stats);
  static const struct { CsStatsMeasure measure; guint32 rgb; const char *name; } measures[] = {
    { CS_STATS_MEAN_DAYS, 0x3584e4, N_("Mean") },
    { CS_STATS_MEDIAN_DAYS, 0x1a5fb4, N_("Median") },
    { CS_STATS_MEAN_STATUTORY_LIMIT, 0xc0bfbc, N_("Statutory limit") },
  };

  for (guint s = 0; s < G_N_ELEMENTS (measures); s++)
    cs_chart_add_series (chart, _(measures[s].name), measures[s].rgb);

  for (guint m = 0; m < matters->len; m++)
    {
      CsStatsFigures *figures = g_ptr_array_index (matters, m);

      cs_chart_add_category (chart, cs_stats_figures_get_name (figures));
      for (guint s = 0; s < G_N_ELEMENTS (measures); s++)
        {
          double value;

          if (cs_stats_figures_get_measure (figures, measures[s].measure, &value))
            cs_chart_set_value (chart, s, m, value);
        }
    }
  return chart;
}

/**
 * cs_department_chart_approver_load:
 * @stats: the figures of a period
 *
 * Returns: (transfer full): per approver, the parts accepted in the period
 *   that they hold and the parts they decided
 */
CsChart *
cs_department_chart_approver_load (CsDepartmentStats *stats)
{
  CsChart *chart = cs_chart_new (_("Load per approver"), CS_CHART_GROUPED);
  GPtrArray *approvers = cs_department_stats_get_approvers (stats);
  guint accepted = cs_chart_add_series (chart, _("Accepted, held"), 0x9141ac);
  guint decided = cs_chart_add_series (chart, _("Decided"), 0x3584e4);

  for (guint a = 0; a < approvers->len; a++)
    {
      CsStatsFigures *figures = g_ptr_array_index (approvers, a);

      cs_chart_add_category (chart, cs_stats_figures_get_name (figures));
      cs_chart_set_value (chart, accepted, a, cs_stats_figures_get_count (figures, CS_STATS_ACCEPTED));
      cs_chart_set_value (chart, decided, a, cs_stats_figures_get_count (figures, CS_STATS_DECIDED));
    }
  return chart;
}
