/* test-stats-models.c — the supervision figures read from the v1 JSON
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <countersign.h>

#include "cs-department-stats.h"

#define FIGURES(decided, within, pct) \
  "\"decided\":" #decided ",\"within_promised\":" #within ",\"within_promised_pct\":" pct "," \
  "\"mean_days\":1.5,\"median_days\":1,\"mean_statutory_limit\":20.0,\"ratio\":0.075," \
  "\"instant_decided\":0,\"instant_same_day\":0,\"instant_same_day_pct\":null," \
  "\"accepted\":8,\"supplement_notices\":1,\"supplement_rate_pct\":12.5"

static const char stats_json[] =
  "{\"department\":\"health\",\"from\":\"2026-10-01\",\"to\":\"2026-11-18\","
  "\"as_of\":\"2026-11-18\",\"overall\":{" FIGURES (4, 3, "75.0") "},"
  "\"matters\":[{\"code\":\"health.radiation-worker\",\"name\":\"放射工作人员证核发\","
  FIGURES (4, 3, "75.0") "}],"
  "\"approvers\":[{\"username\":\"health-approver\",\"name\":\"陈晓玲\"," FIGURES (0, 0, "null")
  "}],"
  "\"open\":{\"total\":10,\"on_track\":6,\"paused\":1,\"yellow\":2,\"red\":1,\"due_today\":1,"
  "\"due_this_week\":3,\"awaiting_signature\":4,\"supplement_requested\":2,\"suspended\":1,"
  "\"waiting_on_co_departments\":0}}";

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_ref (json_parser_get_root (parser));
}

static void
test_stats (void)
{
  g_autoptr(JsonNode) root = parse (stats_json);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsDepartmentStats) stats = cs_department_stats_new_from_json (json_node_get_object (root),
                                                                          &error);
  CsStatsFigures *overall, *approver;
  double value;

  g_assert_no_error (error);
  g_assert_nonnull (stats);
  g_assert_cmpstr (cs_department_stats_get_department (stats), ==, "health");
  g_assert_cmpuint (g_date_get_day (cs_department_stats_get_from (stats)), ==, 1);
  g_assert_cmpuint (g_date_get_month (cs_department_stats_get_to (stats)), ==, 11);
  g_assert_cmpint (cs_department_stats_get_open (stats, CS_OPEN_TOTAL), ==, 10);
  g_assert_cmpint (cs_department_stats_get_open (stats, CS_OPEN_RED), ==, 1);
  g_assert_cmpint (cs_department_stats_get_open (stats, CS_OPEN_AWAITING_SIGNATURE), ==, 4);

  overall = cs_department_stats_get_overall (stats);
  g_assert_null (cs_stats_figures_get_key (overall));
  g_assert_cmpint (cs_stats_figures_get_count (overall, CS_STATS_DECIDED), ==, 4);
  g_assert_cmpint (cs_stats_figures_get_count (overall, CS_STATS_WITHIN_PROMISED), ==, 3);
  g_assert_true (cs_stats_figures_get_measure (overall, CS_STATS_WITHIN_PROMISED_PCT, &value));
  g_assert_cmpfloat (value, ==, 75.0);
  /* A whole number is a number too. */
  g_assert_true (cs_stats_figures_get_measure (overall, CS_STATS_MEDIAN_DAYS, &value));
  g_assert_cmpfloat (value, ==, 1.0);
  g_assert_false (cs_stats_figures_get_measure (overall, CS_STATS_INSTANT_SAME_DAY_PCT, &value));
  g_assert_cmpfloat (value, ==, 0);

  g_assert_cmpuint (cs_department_stats_get_matters (stats)->len, ==, 1);
  g_assert_cmpstr (cs_stats_figures_get_key (g_ptr_array_index (cs_department_stats_get_matters (stats), 0)),
                   ==, "health.radiation-worker");
  approver = g_ptr_array_index (cs_department_stats_get_approvers (stats), 0);
  g_assert_cmpstr (cs_stats_figures_get_name (approver), ==, "陈晓玲");
  g_assert_false (cs_stats_figures_get_measure (approver, CS_STATS_WITHIN_PROMISED_PCT, NULL));
}

/* Each broken answer names what is wrong, and yields nothing. */
static void
test_malformed (void)
{
  static const struct { const char *from; const char *to; const char *path; } cases[] = {
    { "\"department\":\"health\",", "", "stats.department" },
    { "\"as_of\":\"2026-11-18\"", "\"as_of\":\"2026-11-31\"", "stats.as_of" },
    { "\"overall\":{\"decided\":4", "\"overall\":{\"decided\":-4", "stats.overall.decided" },
    { "\"overall\":{\"decided\":4", "\"overall\":{\"decided\":\"4\"", "stats.overall.decided" },
    { "\"ratio\":0.075", "\"ratio\":\"low\"", "stats.overall.ratio" },
    { "\"name\":\"陈晓玲\",", "", "stats.approvers[0].name" },
    { "\"red\":1,", "", "stats.open.red" },
    { "\"matters\":[{", "\"matters\":[7,{", "stats.matters[0]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) text = g_string_new (stats_json);
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(CsDepartmentStats) stats = NULL;

      g_assert_cmpint (g_string_replace (text, cases[i].from, cases[i].to, 1), ==, 1);
      root = parse (text->str);
      stats = cs_department_stats_new_from_json (json_node_get_object (root), &error);
      g_assert_null (stats);
      g_assert_error (error, CS_ERROR, CS_ERROR_PROTOCOL);
      if (strstr (error->message, cases[i].path) == NULL)
        g_error ("case %u: “%s” does not name %s", i, error->message, cases[i].path);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/models/stats/department", test_stats);
  g_test_add_func ("/models/stats/malformed", test_malformed);

  return g_test_run ();
}
