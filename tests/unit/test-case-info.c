/* test-case-info.c — what the inbox derives from a case (deadlines and the
 * search key), worked out on the main thread as the inbox asks, or ahead
 * in a worker thread as the desk's first load does
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <countersign.h>

#include "cs-case-info.h"

#define N_CASES 400

/* October 2026: the National Day holidays, and a make-up Saturday. */
static CsCalendar *
new_calendar (void)
{
  static const char json[] =
    "[{\"year\":2026,\"exceptions\":["
    "{\"date\":\"2026-10-01\",\"workday\":false,\"name\":\"国庆节\"},"
    "{\"date\":\"2026-10-02\",\"workday\":false,\"name\":\"国庆节\"},"
    "{\"date\":\"2026-10-05\",\"workday\":false,\"name\":\"国庆节\"},"
    "{\"date\":\"2026-10-06\",\"workday\":false,\"name\":\"国庆节\"},"
    "{\"date\":\"2026-10-07\",\"workday\":false,\"name\":\"国庆节\"},"
    "{\"date\":\"2026-10-10\",\"workday\":true,\"name\":\"国庆节调休\"}]}]";
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  g_autoptr(GError) error = NULL;
  CsCalendar *calendar = cs_calendar_new ();

  g_assert_true (cs_calendar_load_json (calendar, node, &error));
  g_assert_no_error (error);
  return calendar;
}

/* Case @i of a varied inbox: accepted on different days (early enough for
 * every due date to fall in 2026, the year published), green channel or
 * not, suspended for a while after acceptance, decided, applicants in Chinese or Latin
 * letters with full-width digits. */
static CsCase *
new_case (guint i)
{
  static const char *statuses[] = { "forwarded", "claimed", "under_review", "decided" };
  const char *status = statuses[i % G_N_ELEMENTS (statuses)];
  gboolean decided = g_str_equal (status, "decided");
  g_autofree char *accepted = g_strdup_printf ("2026-%02u-%02u", 9 + i % 3, 1 + i % 10);
  g_autofree char *suspensions = i % 5 == 0 && i % 3 != 2
    ? g_strdup_printf ("{\"kind\":\"testing\",\"reason\":\"职业健康检查复核\",\"from\":\"2026-10-%02u\",\"to\":\"2026-10-%02u\"}", 12 + i % 4,
                       14 + i % 4)
    : g_strdup ("");
  g_autofree char *json = g_strdup_printf (
    "{\"id\":\"c%u\",\"number\":\"LW2026%06u\",\"version\":%u,\"department\":\"health\","
    "\"role\":\"lead\",\"matter\":{\"code\":\"health.radiation-worker\",\"name\":\"放射工作人员证核发\"},"
    "\"instant\":false,\"status\":\"%s\",\"assignee\":null,"
    "\"outcome\":%s,\"decided_on\":%s,"
    "\"clock\":{\"accepted_on\":\"%s\",\"statutory_limit\":20,\"promised_limit\":%u,"
    "\"extension_days\":%u,\"suspensions\":[%s],\"supplement_requested_on\":null},"
    "\"applicant\":{\"kind\":\"person\",\"name\":\"%s\",\"id_type\":\"resident_id\","
    "\"id_number\":\"44010319990616357%u\"},"
    "\"received_at\":\"%sT01:30:00.000Z\",\"accepted_on\":\"%s\","
    "\"green_channel\":%s,\"priority\":\"normal\",\"updated_at\":\"2026-11-19T02:00:00.000Z\","
    "\"parallel\":null}",
    i, i, 1 + i % 7, status,
    decided ? "\"grant\"" : "null", decided ? "\"2026-11-12\"" : "null",
    accepted, 5 + i % 10, i % 9 == 0 ? 10 : 0, suspensions,
    i % 2 == 0 ? "杨子健" : "Ｌｉ Ｗｅｉ ２", i % 10, accepted, accepted,
    i % 4 == 1 ? "true" : "false");
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  g_autoptr(GError) error = NULL;
  CsCase *kase;

  g_assert_nonnull (node);
  kase = cs_case_new_from_json (json_node_get_object (node), &error);
  g_assert_no_error (error);
  return kase;
}

static GPtrArray *
new_inbox_of (guint n)
{
  GPtrArray *cases = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (cases, new_case (i));
  return cases;
}

static GPtrArray *
new_inbox (void)
{
  return new_inbox_of (N_CASES);
}

static void
assert_same_info (const CsCaseInfo *a,
                  const CsCaseInfo *b)
{
  g_assert_cmpstr (a->search_key, ==, b->search_key);
  g_assert_cmpint (a->has_clock, ==, b->has_clock);
  g_assert_cmpint (a->closed, ==, b->closed);
  if (!a->has_clock)
    return;
  g_assert_cmpint (a->promised_remaining, ==, b->promised_remaining);
  g_assert_cmpint (a->statutory_remaining, ==, b->statutory_remaining);
  g_assert_cmpint (g_date_compare (&a->promised_due, &b->promised_due), ==, 0);
  g_assert_cmpint (g_date_compare (&a->statutory_due, &b->statutory_due), ==, 0);
  g_assert_cmpint (a->promised_state, ==, b->promised_state);
  g_assert_cmpint (a->statutory_state, ==, b->statutory_state);
  g_assert_cmpint (a->worst_state, ==, b->worst_state);
}

typedef struct
{
  GPtrArray *cases;
  CsCalendar *calendar;
  GDate today;
} Prepare;

static gpointer
prepare_thread (gpointer data)
{
  Prepare *prepare = data;

  cs_case_info_prepare (prepare->cases, prepare->calendar, &prepare->today);
  return NULL;
}

/* The same cases, one set asked for on the main thread, the other worked
 * out ahead in a worker: the inbox sees the same deadlines and keys, and
 * finds the prepared ones ready (their keys folded already). */
static void
test_prepared_in_worker (void)
{
  g_autoptr(CsCalendar) calendar = new_calendar ();
  g_autoptr(GPtrArray) asked = new_inbox ();
  g_autoptr(GPtrArray) prepared = new_inbox ();
  Prepare prepare = { prepared, calendar };
  GThread *thread;
  guint with_clock = 0, closed = 0, red = 0, on_track = 0;

  g_date_clear (&prepare.today, 1);
  g_date_set_dmy (&prepare.today, 18, G_DATE_NOVEMBER, 2026);
  thread = g_thread_new ("prepare", prepare_thread, &prepare);
  g_thread_join (thread);

  for (guint i = 0; i < N_CASES; i++)
    {
      CsCase *kase = g_ptr_array_index (prepared, i);
      const CsCaseInfo *expected = cs_case_info_get (g_ptr_array_index (asked, i), calendar,
                                                     &prepare.today);

      g_assert_nonnull (cs_case_info_peek_search_key (kase));
      assert_same_info (cs_case_info_get (kase, calendar, &prepare.today), expected);
      with_clock += expected->has_clock;
      closed += expected->closed;
      red += expected->worst_state == CS_CLOCK_STATE_RED;
      on_track += expected->worst_state == CS_CLOCK_STATE_ON_TRACK;
    }
  /* The inbox above is varied enough to mean something. */
  g_assert_cmpuint (with_clock, ==, N_CASES);
  g_assert_cmpuint (closed, ==, N_CASES / 4);
  g_assert_cmpuint (red, >, 0);
  g_assert_cmpuint (on_track, >, 0);
  g_assert_cmpstr (cs_case_info_get_search_key (g_ptr_array_index (prepared, 1)), ==,
                   "lw2026000001\nli wei 2\n440103199906163571\n放射工作人员证核发\n"
                   "health.radiation-worker");
}

/* An inbox large enough to be prepared in parts, on two threads: every
 * case is ready, each the same as when asked for on its own. */
static void
test_prepared_in_parts (void)
{
  const guint n = 5003;
  g_autoptr(CsCalendar) calendar = new_calendar ();
  g_autoptr(GPtrArray) asked = new_inbox_of (n);
  g_autoptr(GPtrArray) prepared = new_inbox_of (n);
  Prepare prepare = { prepared, calendar };
  GThread *thread;

  g_date_clear (&prepare.today, 1);
  g_date_set_dmy (&prepare.today, 18, G_DATE_NOVEMBER, 2026);
  thread = g_thread_new ("prepare", prepare_thread, &prepare);
  g_thread_join (thread);

  for (guint i = 0; i < n; i++)
    {
      CsCase *kase = g_ptr_array_index (prepared, i);

      g_assert_true (cs_case_info_is_ready (kase, calendar, &prepare.today));
      assert_same_info (cs_case_info_get (kase, calendar, &prepare.today),
                        cs_case_info_get (g_ptr_array_index (asked, i), calendar,
                                          &prepare.today));
    }
}

/* Prepared for one day and calendar, a case read on another day, or with
 * another calendar, is counted again. */
static void
test_prepared_for_another_day (void)
{
  g_autoptr(CsCalendar) calendar = new_calendar ();
  g_autoptr(CsCalendar) plain = cs_calendar_new ();
  g_autoptr(GPtrArray) asked = new_inbox ();
  g_autoptr(GPtrArray) prepared = new_inbox ();
  GDate prepared_on, read_on;

  g_date_clear (&prepared_on, 1);
  g_date_set_dmy (&prepared_on, 18, G_DATE_NOVEMBER, 2026);
  read_on = prepared_on;
  g_date_add_days (&read_on, 9);
  cs_case_info_prepare (prepared, calendar, &prepared_on);

  for (guint i = 0; i < N_CASES; i++)
    {
      CsCase *kase = g_ptr_array_index (prepared, i);
      const CsCaseInfo *info;

      info = cs_case_info_get (kase, calendar, &read_on);
      assert_same_info (info, cs_case_info_get (g_ptr_array_index (asked, i), calendar,
                                                &read_on));
      /* A calendar that has no year published yet: no clock at all. */
      info = cs_case_info_get (kase, plain, &read_on);
      g_assert_false (info->has_clock);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/case-info/prepared-in-worker", test_prepared_in_worker);
  g_test_add_func ("/case-info/prepared-in-parts", test_prepared_in_parts);
  g_test_add_func ("/case-info/prepared-for-another-day", test_prepared_for_another_day);

  return g_test_run ();
}
