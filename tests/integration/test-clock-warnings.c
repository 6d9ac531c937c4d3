/* test-clock-warnings.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "countersign.h"
#include "cs-client.h"
#include "cs-clock-watcher.h"
#include "cs-test-central.h"

/* The desk's yellow and red warnings (CsClockWatcher) on the inbox of a
 * real server's demo centre: the cases warned about are those the server's
 * figures count as yellow and red that day; each case and state is warned
 * about once, across days and across restarts (the record on disk); a case
 * that turns from yellow to red is warned about again, as red. */

static CsTestCentral *central;
static CsClient *client;

static GListStore *
inbox (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsCasePage) page = NULL;
  GListStore *store = g_list_store_new (CS_TYPE_CASE);

  cs_client_list_cases_async (client, NULL, NULL, NULL, 500, NULL, cs_test_store_result, &result);
  page = cs_client_list_cases_finish (client, cs_test_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_null (page->next_cursor);
  for (guint i = 0; i < page->cases->len; i++)
    g_list_store_append (store, g_ptr_array_index (page->cases, i));
  return store;
}

static CsCalendar *
calendar (void)
{
  CsCalendar *calendar = cs_calendar_new ();

  for (guint year = 2025; year <= 2027; year++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = NULL;

      cs_client_get_calendar_async (client, year, NULL, cs_test_store_result, &result);
      node = cs_client_get_calendar_finish (client, cs_test_wait (&result), &error);
      g_assert_no_error (error);
      g_assert_true (cs_calendar_load_json (calendar, node, &error));
      g_assert_no_error (error);
    }
  return calendar;
}

static CsDepartmentStats *
stats_on (const GDate *day)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CsDepartmentStats *stats;

  cs_client_get_department_stats_async (client, "health", day, day, day, NULL, cs_test_store_result,
                                        &result);
  stats = cs_client_get_department_stats_finish (client, cs_test_wait (&result), &error);
  g_assert_no_error (error);
  return stats;
}

/* The crossings of open cases (the server's figures leave out those
 * waiting on the applicant). */
static void
count_open (GPtrArray  *crossings,
            GListModel *cases,
            guint      *yellow,
            guint      *red)
{
  *yellow = *red = 0;
  for (guint i = 0; i < crossings->len; i++)
    {
      CsClockCrossing *c = g_ptr_array_index (crossings, i);

      for (guint j = 0; j < g_list_model_get_n_items (cases); j++)
        {
          g_autoptr(CsCase) kase = g_list_model_get_item (cases, j);

          if (g_str_equal (cs_case_get_id (kase), c->case_id) &&
              cs_case_get_status (kase) != CS_CASE_STATUS_SUPPLEMENT_REQUESTED)
            {
              *yellow += c->state == CS_CLOCK_STATE_YELLOW;
              *red += c->state == CS_CLOCK_STATE_RED;
            }
        }
    }
}

static void
test_warnings (void)
{
  g_autoptr(GListStore) cases = inbox ();
  g_autoptr(CsCalendar) cal = calendar ();
  g_autofree char *dir = g_build_filename (central->dir, "warnings", NULL);
  g_autofree char *path = g_build_filename (dir, "clock-warnings.ini", NULL);
  g_autoptr(CsClockWatcher) watcher = cs_clock_watcher_new (path);
  g_autoptr(CsClockWatcher) restarted = NULL;
  g_autoptr(CsDepartmentStats) first_stats = NULL;
  g_autoptr(CsDepartmentStats) later_stats = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) later = NULL;
  g_autoptr(GPtrArray) after_restart = NULL;
  g_autoptr(GHashTable) first_states = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  guint yellow, red, turned_red = 0;
  GDate today, week_on;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 18, G_DATE_NOVEMBER, 2026);
  week_on = today;
  g_date_add_days (&week_on, 7);

  first = cs_clock_watcher_check (watcher, G_LIST_MODEL (cases), cal, &today, &error);
  g_assert_no_error (error);
  first_stats = stats_on (&today);
  count_open (first, G_LIST_MODEL (cases), &yellow, &red);
  g_assert_cmpint (yellow, ==, cs_department_stats_get_open (first_stats, CS_OPEN_YELLOW));
  g_assert_cmpint (red, ==, cs_department_stats_get_open (first_stats, CS_OPEN_RED));
  g_assert_cmpuint (first->len, >, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  for (guint i = 0; i < first->len; i++)
    {
      CsClockCrossing *c = g_ptr_array_index (first, i);

      /* Each case once. */
      g_assert_true (g_hash_table_insert (first_states, c->case_id, GINT_TO_POINTER (c->state)));
      g_assert_true (g_str_has_prefix (c->number, "LW"));
    }

  /* The same day again: nothing new. */
  again = cs_clock_watcher_check (watcher, G_LIST_MODEL (cases), cal, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, 0);

  /* A week on: the newly yellow and red, and the yellow ones turned red, once. */
  later = cs_clock_watcher_check (watcher, G_LIST_MODEL (cases), cal, &week_on, &error);
  g_assert_no_error (error);
  later_stats = stats_on (&week_on);
  g_assert_cmpint (cs_department_stats_get_open (later_stats, CS_OPEN_RED), >,
                   cs_department_stats_get_open (first_stats, CS_OPEN_RED));
  g_assert_cmpuint (later->len, >, 0);
  for (guint i = 0; i < later->len; i++)
    {
      CsClockCrossing *c = g_ptr_array_index (later, i);
      gpointer before;

      if (g_hash_table_lookup_extended (first_states, c->case_id, NULL, &before))
        {
          /* Warned before: only a worse state warns again. */
          g_assert_cmpint (GPOINTER_TO_INT (before), ==, CS_CLOCK_STATE_YELLOW);
          g_assert_cmpint (c->state, ==, CS_CLOCK_STATE_RED);
          turned_red++;
        }
    }
  g_assert_cmpuint (turned_red, >, 0);

  /* A restart reads the record: nothing is repeated. */
  restarted = cs_clock_watcher_new (path);
  after_restart = cs_clock_watcher_check (restarted, G_LIST_MODEL (cases), cal, &week_on, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after_restart->len, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *token = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  central = cs_test_central_start ();
  token = cs_test_central_login (central, "health-chief");
  client = cs_client_new (central->url, &error);
  g_assert_no_error (error);
  cs_client_set_token (client, token);

  g_test_add_func ("/clock-warnings/once-per-case-and-state", test_warnings);

  status = g_test_run ();
  g_clear_object (&client);
  cs_test_central_free (central);
  return status;
}
