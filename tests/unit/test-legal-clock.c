/* test-legal-clock.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <countersign.h>

/* The expected dates below are counted by hand on data/demo/calendar.json,
 * the State Council's arrangements for 2025 and 2026:
 *
 *   2025-12: no exceptions
 *   2026-01-01..03 元旦 (Thu–Sat), 2026-01-04 (Sun) 元旦调休
 *   2026-02-14 (Sat) 春节调休, 2026-02-15..23 春节 (Sun–Mon),
 *   2026-02-28 (Sat) 春节调休
 *   2026-09-20 (Sun) 国庆节调休, 2026-09-25..27 中秋节 (Fri–Sun),
 *   2026-10-01..07 国庆节 (Thu–Wed), 2026-10-10 (Sat) 国庆节调休
 *   2026-11 and 2026-12: no exceptions; 2026-11-18 is a Wednesday.
 */

static GDate
day (int y,
     int m,
     int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return date;
}

#define assert_date(date, y, m, d) \
  G_STMT_START { \
    GDate expected_ = day ((y), (m), (d)); \
    char got_[16]; \
    g_date_strftime (got_, sizeof got_, "%Y-%m-%d", (date)); \
    g_test_message ("got %s", got_); \
    g_assert_cmpint (g_date_compare ((date), &expected_), ==, 0); \
  } G_STMT_END

/* Loads the demo calendar file (holiday ranges and make-up days) as the
 * central API would serve it, `/v1/calendar` documents of single days,
 * for the years up to @last_year. 2027 in the file is only illustrative. */
static CsCalendar *
load_calendar (guint last_year)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) documents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  CsCalendar *calendar = cs_calendar_new ();
  JsonArray *years;

  path = g_test_build_filename (G_TEST_DIST, "..", "data", "demo", "calendar.json", NULL);
  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);

  years = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                        "years");
  json_builder_begin_array (builder);
  for (guint i = 0; i < json_array_get_length (years); i++)
    {
      JsonObject *year = json_array_get_object_element (years, i);
      JsonArray *holidays = json_object_get_array_member (year, "holidays");
      JsonArray *workdays = json_object_get_array_member (year, "workdays");

      if (json_object_get_int_member (year, "year") > last_year)
        continue;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "year");
      json_builder_add_int_value (builder, json_object_get_int_member (year, "year"));
      json_builder_set_member_name (builder, "exceptions");
      json_builder_begin_array (builder);

      for (guint j = 0; j < json_array_get_length (holidays); j++)
        {
          JsonObject *holiday = json_array_get_object_element (holidays, j);
          GDate from, to;

          g_assert_true (cs_validate_date (json_object_get_string_member (holiday, "from"),
                                           &from, NULL));
          g_assert_true (cs_validate_date (json_object_get_string_member (holiday, "to"),
                                           &to, NULL));
          for (; g_date_compare (&from, &to) <= 0; g_date_add_days (&from, 1))
            {
              char text[16];

              g_date_strftime (text, sizeof text, "%Y-%m-%d", &from);
              json_builder_begin_object (builder);
              json_builder_set_member_name (builder, "date");
              json_builder_add_string_value (builder, text);
              json_builder_set_member_name (builder, "workday");
              json_builder_add_boolean_value (builder, FALSE);
              json_builder_set_member_name (builder, "name");
              json_builder_add_string_value (builder,
                                             json_object_get_string_member (holiday, "name"));
              json_builder_end_object (builder);
            }
        }

      for (guint j = 0; j < json_array_get_length (workdays); j++)
        {
          JsonObject *workday = json_array_get_object_element (workdays, j);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "date");
          json_builder_add_string_value (builder, json_object_get_string_member (workday, "date"));
          json_builder_set_member_name (builder, "workday");
          json_builder_add_boolean_value (builder, TRUE);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, json_object_get_string_member (workday, "name"));
          json_builder_end_object (builder);
        }

      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  documents = json_builder_get_root (builder);
  g_assert_true (cs_calendar_load_json (calendar, documents, &error));
  g_assert_no_error (error);

  return calendar;
}

static CsCalendar *
published_calendar (void)
{
  return load_calendar (2026);
}

static CsLegalClock *
clock_new (int   y,
           int   m,
           int   d,
           guint statutory,
           guint promised)
{
  GDate accepted = day (y, m, d);

  return cs_legal_clock_new (&accepted, statutory, promised);
}

static CsDeadline *
compute (CsLegalClock   *clock,
         CsDeadlineKind  kind,
         CsCalendar     *calendar,
         const GDate    *today)
{
  g_autoptr(GError) error = NULL;
  CsDeadline *deadline;

  deadline = cs_legal_clock_compute (clock, kind, calendar, today, &error);
  g_assert_no_error (error);
  g_assert_nonnull (deadline);
  g_assert_cmpint (cs_deadline_get_kind (deadline), ==, kind);

  return deadline;
}

static void
assert_day (const CsDeadlineDay *days,
            guint                n_days,
            guint                index,
            int                  y,
            int                  m,
            int                  d,
            CsDeadlineDayKind    kind,
            const char          *name)
{
  g_assert_cmpuint (index, <, n_days);
  assert_date (&days[index].date, y, m, d);
  g_assert_cmpint (days[index].kind, ==, kind);
  g_assert_cmpstr (days[index].name, ==, name);
}

static void
assert_contains (const char *text,
                 const char *line)
{
  if (strstr (text, line) == NULL)
    g_error ("“%s” not in:\n%s", line, text);
}

static void
test_make_up_days (void)
{
  g_autoptr(CsCalendar) calendar = published_calendar ();
  g_autoptr(CsLegalClock) clock = NULL;
  g_autoptr(CsDeadline) deadline = NULL;
  const CsDeadlineDay *days;
  guint n_days;

  /* Accepted Wednesday 2026-02-11: Thu 12 (1), Fri 13 (2), Sat 14 春节调休
   * (3), 15–23 春节, Tue 24 (4), Wed 25 (5). */
  clock = clock_new (2026, 2, 11, 5, 5);
  deadline = compute (clock, CS_DEADLINE_PROMISED, calendar, NULL);
  assert_date (cs_deadline_get_due (deadline), 2026, 2, 25);
  g_assert_cmpuint (cs_deadline_get_limit (deadline), ==, 5);

  days = cs_deadline_get_days (deadline, &n_days);
  g_assert_cmpuint (n_days, ==, 10);
  assert_day (days, n_days, 0, 2026, 2, 14, CS_DEADLINE_DAY_COUNTED_MAKEUP, "春节调休");
  for (guint i = 1; i < 10; i++)
    assert_day (days, n_days, i, 2026, 2, 14 + i, CS_DEADLINE_DAY_SKIPPED_HOLIDAY, "春节");
  g_clear_pointer (&deadline, cs_deadline_unref);
  g_clear_object (&clock);

  /* Accepted Monday 2026-02-09, 20 days: 10–13 (4), Sat 14 (5), 24–27 (9),
   * Sat 28 春节调休 (10), Sun 1 March off, 2–6 (15), 9–13 (20). Without the
   * two make-up Saturdays it would be 17 March. */
  clock = clock_new (2026, 2, 9, 20, 10);
  deadline = compute (clock, CS_DEADLINE_STATUTORY, calendar, NULL);
  assert_date (cs_deadline_get_due (deadline), 2026, 3, 13);
  days = cs_deadline_get_days (deadline, &n_days);
  g_assert_cmpuint (n_days, ==, 14);
  assert_day (days, n_days, 10, 2026, 2, 28, CS_DEADLINE_DAY_COUNTED_MAKEUP, "春节调休");
  assert_day (days, n_days, 11, 2026, 3, 1, CS_DEADLINE_DAY_SKIPPED_WEEKEND, NULL);
  g_clear_pointer (&deadline, cs_deadline_unref);
  g_clear_object (&clock);

  /* Accepted Tuesday 2026-09-29, 5 days: Wed 30 (1), 1–7 October 国庆节,
   * Thu 8 (2), Fri 9 (3), Sat 10 国庆节调休 (4), Sun 11 off, Mon 12 (5). */
  clock = clock_new (2026, 9, 29, 5, 5);
  deadline = compute (clock, CS_DEADLINE_STATUTORY, calendar, NULL);
  assert_date (cs_deadline_get_due (deadline), 2026, 10, 12);
  days = cs_deadline_get_days (deadline, &n_days);
  g_assert_cmpuint (n_days, ==, 9);
  assert_day (days, n_days, 0, 2026, 10, 1, CS_DEADLINE_DAY_SKIPPED_HOLIDAY, "国庆节");
  assert_day (days, n_days, 6, 2026, 10, 7, CS_DEADLINE_DAY_SKIPPED_HOLIDAY, "国庆节");
  assert_day (days, n_days, 7, 2026, 10, 10, CS_DEADLINE_DAY_COUNTED_MAKEUP, "国庆节调休");
  assert_day (days, n_days, 8, 2026, 10, 11, CS_DEADLINE_DAY_SKIPPED_WEEKEND, NULL);
}

static void
test_year_end (void)
{
  g_autoptr(CsCalendar) calendar = published_calendar ();
  g_autoptr(CsLegalClock) clock = NULL;
  g_autoptr(CsDeadline) statutory = NULL;
  g_autoptr(CsDeadline) promised = NULL;
  GDate today = day (2025, 12, 31);
  const CsDeadlineDay *days;
  guint n_days;

  /* Accepted Monday 2025-12-29. Promised 3: Tue 30 (1), Wed 31 December
   * (2), 1–3 January 元旦, Sun 4 元旦调休 (3): due on a Sunday. Statutory
   * 20: 30, 31 (2), Sun 4 (3), 5–9 (8), 12–16 (13), 19–23 (18), Mon 26
   * (19), Tue 27 (20). */
  clock = clock_new (2025, 12, 29, 20, 3);
  promised = compute (clock, CS_DEADLINE_PROMISED, calendar, &today);
  statutory = compute (clock, CS_DEADLINE_STATUTORY, calendar, &today);
  assert_date (cs_deadline_get_due (promised), 2026, 1, 4);
  assert_date (cs_deadline_get_due (statutory), 2026, 1, 27);

  days = cs_deadline_get_days (promised, &n_days);
  g_assert_cmpuint (n_days, ==, 4);
  assert_day (days, n_days, 0, 2026, 1, 1, CS_DEADLINE_DAY_SKIPPED_HOLIDAY, "元旦");
  /* Saturday 3 January belongs to the holiday, and says so. */
  assert_day (days, n_days, 2, 2026, 1, 3, CS_DEADLINE_DAY_SKIPPED_HOLIDAY, "元旦");
  assert_day (days, n_days, 3, 2026, 1, 4, CS_DEADLINE_DAY_COUNTED_MAKEUP, "元旦调休");

  /* On the 31st two of the 20 days have run (30 and 31 December). */
  g_assert_cmpint (cs_deadline_get_remaining (statutory, &today), ==, 18);
  /* Of the promised 3, one has run on the 30th; on the 31st only Sunday 4
   * is left, the one day of warning a 3-day limit gets. Over the holiday
   * nothing runs; the Sunday is the due day; Monday 5 is late. */
  today = day (2025, 12, 30);
  g_assert_cmpint (cs_deadline_get_remaining (promised, &today), ==, 2);
  g_assert_cmpint (cs_deadline_get_state (promised, &today), ==, CS_CLOCK_STATE_ON_TRACK);
  today = day (2025, 12, 31);
  g_assert_cmpint (cs_deadline_get_remaining (promised, &today), ==, 1);
  g_assert_cmpint (cs_deadline_get_state (promised, &today), ==, CS_CLOCK_STATE_YELLOW);
  today = day (2026, 1, 2);
  g_assert_cmpint (cs_deadline_get_remaining (promised, &today), ==, 1);
  today = day (2026, 1, 4);
  g_assert_cmpint (cs_deadline_get_remaining (promised, &today), ==, 0);
  g_assert_cmpint (cs_deadline_get_state (promised, &today), ==, CS_CLOCK_STATE_YELLOW);
  today = day (2026, 1, 5);
  g_assert_cmpint (cs_deadline_get_remaining (promised, &today), ==, -1);
  g_assert_cmpint (cs_deadline_get_state (promised, &today), ==, CS_CLOCK_STATE_RED);
}

static void
test_suspension_across_holidays (void)
{
  g_autoptr(CsCalendar) calendar = published_calendar ();
  g_autoptr(CsLegalClock) clock = clock_new (2026, 9, 21, 20, 10);
  g_autoptr(CsDeadline) statutory = NULL;
  g_autoptr(CsDeadline) promised = NULL;
  g_autoptr(CsDeadline) supplement = NULL;
  g_autofree char *text = NULL;
  GDate from = day (2026, 9, 24);
  GDate to = day (2026, 10, 9);
  GDate today = day (2026, 11, 2);
  const CsDeadlineDay *days;
  guint n_days;
  guint n_suspended = 0;

  cs_legal_clock_add_suspension (clock, "testing", "样品送检", &from, &to);

  /* Accepted Monday 2026-09-21, testing from Thu 24 September to Fri 9
   * October. Counted: 22, 23 (2); suspended: 24, 28–30, 8–9 October (the
   * holidays 25–27 中秋节 and 1–7 国庆节 are holidays anyway); Sat 10
   * October 国庆节调休 (3); 12–16 (8), 19–23 (13), 26–30 (18), Mon 2
   * November (19), Tue 3 (20). */
  statutory = compute (clock, CS_DEADLINE_STATUTORY, calendar, &today);
  assert_date (cs_deadline_get_due (statutory), 2026, 11, 3);
  g_assert_false (cs_deadline_get_has_open_suspension (statutory));

  days = cs_deadline_get_days (statutory, &n_days);
  assert_day (days, n_days, 0, 2026, 9, 24, CS_DEADLINE_DAY_SKIPPED_SUSPENSION, "testing");
  g_assert_cmpstr (days[0].reason, ==, "样品送检");
  assert_day (days, n_days, 1, 2026, 9, 25, CS_DEADLINE_DAY_SKIPPED_HOLIDAY, "中秋节");
  assert_day (days, n_days, 4, 2026, 9, 28, CS_DEADLINE_DAY_SKIPPED_SUSPENSION, "testing");
  assert_day (days, n_days, 7, 2026, 10, 1, CS_DEADLINE_DAY_SKIPPED_HOLIDAY, "国庆节");
  assert_day (days, n_days, 14, 2026, 10, 8, CS_DEADLINE_DAY_SKIPPED_SUSPENSION, "testing");
  assert_day (days, n_days, 16, 2026, 10, 10, CS_DEADLINE_DAY_COUNTED_MAKEUP, "国庆节调休");
  for (guint i = 0; i < n_days; i++)
    if (days[i].kind == CS_DEADLINE_DAY_SKIPPED_SUSPENSION)
      n_suspended++;
  g_assert_cmpuint (n_suspended, ==, 6);

  /* The promised 10 pause too: 22, 23 (2), 10 October (3), 12–16 (8),
   * Mon 19 (9), Tue 20 (10). */
  promised = compute (clock, CS_DEADLINE_PROMISED, calendar, &today);
  assert_date (cs_deadline_get_due (promised), 2026, 10, 20);

  /* The supplement notice does not: 22, 23, 24 (3), 25–27 中秋节, Mon 28
   * (4), Tue 29 (5). */
  supplement = cs_legal_clock_compute_supplement_notice (clock, calendar, NULL);
  assert_date (cs_deadline_get_due (supplement), 2026, 9, 29);
  days = cs_deadline_get_days (supplement, &n_days);
  g_assert_cmpuint (n_days, ==, 3);
  /* Not paused on the first day of testing: 28 and 29 are left. */
  g_assert_cmpint (cs_deadline_get_remaining (supplement, &from), ==, 2);
  g_assert_cmpint (cs_deadline_get_state (supplement, &from), ==, CS_CLOCK_STATE_ON_TRACK);

  /* The explanation, grouped by runs of days. */
  text = cs_deadline_explain (statutory);
  g_test_message ("%s", text);
  assert_contains (text, "Statutory deadline: 2026-11-03\n");
  assert_contains (text, "20 working days, counted from the day after acceptance on 2026-09-21.");
  assert_contains (text, "\n  2026-09-24: suspended for testing: 样品送检\n");
  assert_contains (text, "\n  2026-09-25 to 2026-09-27: public holiday (中秋节)\n");
  assert_contains (text, "\n  2026-09-28 to 2026-09-30: suspended for testing: 样品送检\n");
  assert_contains (text, "\n  2026-10-01 to 2026-10-07: public holiday (国庆节)\n");
  assert_contains (text, "\n  2026-10-08 to 2026-10-09: suspended for testing: 样品送检\n");
  assert_contains (text, "\n  2026-10-17 to 2026-10-18: weekend\n");
  assert_contains (text, "Counted although on a weekend:\n  2026-10-10: make-up working day "
                         "(国庆节调休)\n");
  /* A holiday is never reported as suspended, nor a weekend as a holiday. */
  g_assert_null (strstr (text, "2026-10-11 to"));
  g_assert_null (strstr (text, "2026-10-01: suspended"));
}

static void
test_open_suspension (void)
{
  g_autoptr(CsCalendar) calendar = published_calendar ();
  g_autoptr(CsLegalClock) clock = clock_new (2026, 11, 18, 20, 10);
  g_autoptr(CsDeadline) deadline = NULL;
  g_autofree char *text = NULL;
  GDate from = day (2026, 11, 20);
  GDate before = day (2026, 11, 19);
  GDate today = day (2026, 11, 25);
  GDate later = day (2026, 11, 27);
  GDate far = day (2030, 1, 1);
  GDate got_from, got_to;
  const char *kind, *reason;
  const CsDeadlineDay *days;
  guint n_days;

  cs_legal_clock_add_suspension (clock, "testing", "委托检验检测", &from, NULL);
  g_assert_cmpuint (cs_legal_clock_get_n_suspensions (clock), ==, 1);
  cs_legal_clock_get_suspension (clock, 0, &kind, &reason, &got_from, &got_to);
  g_assert_cmpstr (kind, ==, "testing");
  g_assert_cmpstr (reason, ==, "委托检验检测");
  assert_date (&got_from, 2026, 11, 20);
  g_assert_false (g_date_valid (&got_to));
  g_assert_false (cs_legal_clock_is_suspended_on (clock, &before));
  g_assert_true (cs_legal_clock_is_suspended_on (clock, &from));
  g_assert_true (cs_legal_clock_is_suspended_on (clock, &far));

  /* Before it starts it has taken nothing: from Wed 18 November, 10 days
   * are 19, 20 (2), 23–27 (7), 30 November, 1, 2 December (10). */
  deadline = compute (clock, CS_DEADLINE_PROMISED, calendar, &before);
  assert_date (cs_deadline_get_due (deadline), 2026, 12, 2);
  g_assert_false (cs_deadline_get_has_open_suspension (deadline));
  g_assert_cmpint (cs_deadline_get_state (deadline, &before), ==, CS_CLOCK_STATE_ON_TRACK);
  /* …but the clock stops on the day it starts. */
  g_assert_cmpint (cs_deadline_get_state (deadline, &from), ==, CS_CLOCK_STATE_PAUSED);
  g_clear_pointer (&deadline, cs_deadline_unref);

  /* On Wed 25 it covers 20, 23, 24 and 25 (Sat 21, Sun 22 are a weekend
   * anyway): 19 (1), 26, 27 (3), 30 November – 4 December (8), 7 (9),
   * Tue 8 December (10). */
  deadline = compute (clock, CS_DEADLINE_PROMISED, calendar, &today);
  assert_date (cs_deadline_get_due (deadline), 2026, 12, 8);
  assert_date (cs_deadline_get_as_of (deadline), 2026, 11, 25);
  g_assert_true (cs_deadline_get_has_open_suspension (deadline));
  g_assert_cmpint (cs_deadline_get_state (deadline, &today), ==, CS_CLOCK_STATE_PAUSED);
  /* One day (19 November) has run, nine are left once it resumes. */
  g_assert_cmpint (cs_deadline_get_remaining (deadline, &today), ==, 9);

  days = cs_deadline_get_days (deadline, &n_days);
  assert_day (days, n_days, 0, 2026, 11, 20, CS_DEADLINE_DAY_SKIPPED_SUSPENSION, "testing");
  assert_day (days, n_days, 1, 2026, 11, 21, CS_DEADLINE_DAY_SKIPPED_WEEKEND, NULL);
  assert_day (days, n_days, 2, 2026, 11, 22, CS_DEADLINE_DAY_SKIPPED_WEEKEND, NULL);
  assert_day (days, n_days, 5, 2026, 11, 25, CS_DEADLINE_DAY_SKIPPED_SUSPENSION, "testing");
  assert_day (days, n_days, 6, 2026, 11, 28, CS_DEADLINE_DAY_SKIPPED_WEEKEND, NULL);

  text = cs_deadline_explain (deadline);
  g_test_message ("%s", text);
  assert_contains (text, "A suspension is still open: counted up to 2026-11-25;");
  g_clear_pointer (&deadline, cs_deadline_unref);

  /* Two more suspended working days (26, 27) move it by two: 10 December. */
  deadline = compute (clock, CS_DEADLINE_PROMISED, calendar, &later);
  assert_date (cs_deadline_get_due (deadline), 2026, 12, 10);
  g_clear_pointer (&deadline, cs_deadline_unref);

  /* An open suspension that would run into a year not published yet. */
  {
    g_autoptr(GError) error = NULL;

    deadline = cs_legal_clock_compute_statutory (clock, calendar, &far, &error);
    g_assert_error (error, CS_LEGAL_CLOCK_ERROR, CS_LEGAL_CLOCK_ERROR_UNPUBLISHED_YEAR);
    g_assert_null (deadline);
  }
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_extension (void)
{
  g_autoptr(CsCalendar) calendar = published_calendar ();
  g_autoptr(CsLegalClock) clock = clock_new (2026, 11, 18, 20, 10);
  g_autoptr(CsDeadline) deadline = NULL;
  g_autoptr(CsDeadline) promised = NULL;
  g_autofree char *text = NULL;
  guint notified = 0;

  /* From Wed 18 November: 19, 20 (2), 23–27 (7), 30 November – 4 December
   * (12), 7–11 (17), 14, 15, Wed 16 December (20). */
  deadline = cs_legal_clock_compute_statutory (clock, calendar, NULL, NULL);
  assert_date (cs_deadline_get_due (deadline), 2026, 12, 16);
  g_clear_pointer (&deadline, cs_deadline_unref);

  g_signal_connect (clock, "notify::extension-days", G_CALLBACK (count_notify), &notified);
  cs_legal_clock_set_extension_days (clock, 10);
  cs_legal_clock_set_extension_days (clock, 10);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (cs_legal_clock_get_limit (clock, CS_DEADLINE_STATUTORY), ==, 30);

  /* Ten more: 17, 18 (22), 21–25 (27), 28, 29, 30 December (30). */
  deadline = cs_legal_clock_compute_statutory (clock, calendar, NULL, NULL);
  assert_date (cs_deadline_get_due (deadline), 2026, 12, 30);
  g_assert_cmpuint (cs_deadline_get_limit (deadline), ==, 30);
  g_assert_cmpuint (cs_deadline_get_warning_days (deadline), ==, 6);
  text = cs_deadline_explain (deadline);
  assert_contains (text, "30 working days");
  assert_contains (text, "The statutory limit of 20 plus an extension of 10 (Art. 42).");

  /* The promise does not move: 19, 20 (2), 23–27 (7), 30, 1, 2 (10). */
  promised = cs_legal_clock_compute_promised (clock, calendar, NULL, NULL);
  assert_date (cs_deadline_get_due (promised), 2026, 12, 2);
}

static void
test_green_channel (void)
{
  static const struct {
    guint promised;
    guint halved;
    int   due_day;    /* of November 2026, or December when > 30 */
  } cases[] = {
    /* From Wed 18 November: 19 (1), 20 (2), 23 (3), 24, 25 (5), 26, 27 (7),
     * 30 (8). */
    { 0, 0, 18 },
    { 1, 1, 19 },
    { 2, 1, 19 },
    { 5, 3, 23 },
    { 10, 5, 25 },
    { 15, 8, 30 },
  };
  g_autoptr(CsCalendar) calendar = published_calendar ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CsLegalClock) clock = clock_new (2026, 11, 18, 20, cases[i].promised);
      g_autoptr(CsDeadline) promised = NULL;
      g_autoptr(CsDeadline) statutory = NULL;

      g_test_message ("promised %u", cases[i].promised);
      cs_legal_clock_set_green_channel (clock, TRUE);
      g_assert_true (cs_legal_clock_get_green_channel (clock));
      g_assert_cmpuint (cs_legal_clock_get_limit (clock, CS_DEADLINE_PROMISED), ==,
                        cases[i].halved);

      promised = compute (clock, CS_DEADLINE_PROMISED, calendar, NULL);
      g_assert_cmpuint (cs_deadline_get_limit (promised), ==, cases[i].halved);
      assert_date (cs_deadline_get_due (promised), 2026, 11, cases[i].due_day);

      /* The statutory limit is not halved. */
      statutory = compute (clock, CS_DEADLINE_STATUTORY, calendar, NULL);
      assert_date (cs_deadline_get_due (statutory), 2026, 12, 16);
    }

  {
    g_autoptr(CsLegalClock) clock = clock_new (2026, 11, 18, 20, 5);
    g_autoptr(CsDeadline) promised = NULL;
    g_autofree char *text = NULL;

    cs_legal_clock_set_green_channel (clock, TRUE);
    promised = compute (clock, CS_DEADLINE_PROMISED, calendar, NULL);
    text = cs_deadline_explain (promised);
    assert_contains (text, "Promised deadline: 2026-11-23\n");
    assert_contains (text, "3 working days, counted from the day after acceptance on 2026-11-18.");
    assert_contains (text, "Green channel: half the promised limit of 5, rounded up.");
  }
}

static void
test_instant (void)
{
  g_autoptr(CsCalendar) calendar = published_calendar ();
  g_autoptr(CsLegalClock) clock = clock_new (2026, 11, 18, 20, 10);
  g_autoptr(CsDeadline) statutory = NULL;
  g_autoptr(CsDeadline) promised = NULL;
  g_autoptr(CsDeadline) supplement = NULL;
  g_autofree char *text = NULL;
  GDate accepted = day (2026, 11, 18);
  GDate next = day (2026, 11, 19);
  GDate before = day (2026, 11, 17);
  guint n_days;

  cs_legal_clock_set_instant (clock, TRUE);
  cs_legal_clock_set_extension_days (clock, 10);
  cs_legal_clock_set_green_channel (clock, TRUE);

  statutory = compute (clock, CS_DEADLINE_STATUTORY, calendar, &accepted);
  promised = compute (clock, CS_DEADLINE_PROMISED, calendar, &accepted);
  assert_date (cs_deadline_get_due (statutory), 2026, 11, 18);
  assert_date (cs_deadline_get_due (promised), 2026, 11, 18);
  g_assert_cmpuint (cs_deadline_get_limit (statutory), ==, 0);
  g_assert_cmpuint (cs_deadline_get_limit (promised), ==, 0);
  cs_deadline_get_days (statutory, &n_days);
  g_assert_cmpuint (n_days, ==, 0);

  /* Due today: yellow all day, red the next day. */
  g_assert_cmpint (cs_deadline_get_remaining (statutory, &accepted), ==, 0);
  g_assert_cmpint (cs_deadline_get_state (statutory, &accepted), ==, CS_CLOCK_STATE_YELLOW);
  g_assert_cmpint (cs_deadline_get_state (statutory, &before), ==, CS_CLOCK_STATE_YELLOW);
  g_assert_cmpint (cs_deadline_get_remaining (statutory, &next), ==, -1);
  g_assert_cmpint (cs_deadline_get_state (statutory, &next), ==, CS_CLOCK_STATE_RED);

  text = cs_deadline_explain (statutory);
  assert_contains (text, "An instant matter is decided on the day of acceptance, 2026-11-18.");
  g_assert_null (strstr (text, "extension"));

  /* The supplement notice keeps its five days: 19, 20, 23, 24, 25. */
  supplement = compute (clock, CS_DEADLINE_SUPPLEMENT_NOTICE, calendar, NULL);
  assert_date (cs_deadline_get_due (supplement), 2026, 11, 25);
}

static void
test_supplement (void)
{
  g_autoptr(CsCalendar) calendar = published_calendar ();
  g_autoptr(CsLegalClock) clock = clock_new (2026, 11, 18, 20, 10);
  g_autoptr(CsDeadline) deadline = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GDate from = day (2026, 11, 19);
  GDate to = day (2026, 11, 30);
  GDate monday = day (2026, 11, 23);
  GDate tuesday = day (2026, 11, 24);
  GDate due = day (2026, 11, 25);
  GDate late = day (2026, 11, 26);

  cs_legal_clock_add_suspension (clock, "inspection", NULL, &from, &to);
  cs_legal_clock_set_green_channel (clock, TRUE);

  /* Thu 19, Fri 20 (2), Mon 23, Tue 24, Wed 25 (5): neither the
   * suspension nor the green channel moves it. */
  deadline = cs_legal_clock_compute_supplement_notice (clock, calendar, &error);
  g_assert_no_error (error);
  assert_date (cs_deadline_get_due (deadline), 2026, 11, 25);
  g_assert_cmpint (cs_deadline_get_kind (deadline), ==, CS_DEADLINE_SUPPLEMENT_NOTICE);
  g_assert_cmpuint (cs_deadline_get_limit (deadline), ==, CS_LEGAL_CLOCK_SUPPLEMENT_DAYS);
  g_assert_cmpuint (cs_deadline_get_warning_days (deadline), ==, 1);

  /* Never paused, though the suspension covers these days. */
  g_assert_cmpint (cs_deadline_get_remaining (deadline, &monday), ==, 2);
  g_assert_cmpint (cs_deadline_get_state (deadline, &monday), ==, CS_CLOCK_STATE_ON_TRACK);
  g_assert_cmpint (cs_deadline_get_remaining (deadline, &tuesday), ==, 1);
  g_assert_cmpint (cs_deadline_get_state (deadline, &tuesday), ==, CS_CLOCK_STATE_YELLOW);
  g_assert_cmpint (cs_deadline_get_state (deadline, &due), ==, CS_CLOCK_STATE_YELLOW);
  g_assert_cmpint (cs_deadline_get_state (deadline, &late), ==, CS_CLOCK_STATE_RED);

  text = cs_deadline_explain (deadline);
  assert_contains (text, "Supplement notice deadline: 2026-11-25\n");
  assert_contains (text, "Suspensions do not stop this clock (Art. 32).");
  assert_contains (text, "  2026-11-21 to 2026-11-22: weekend\n");
  g_assert_null (strstr (text, "suspended"));
}

static void
test_remaining_and_state (void)
{
  static const struct {
    int          m;
    int          d;
    int          remaining;
    CsClockState state;
  } statutory_days[] = {
    /* 20 days from Wed 18 November 2026, due Wed 16 December; yellow at 4. */
    { 11, 17, 20, CS_CLOCK_STATE_ON_TRACK },   /* before acceptance */
    { 11, 18, 20, CS_CLOCK_STATE_ON_TRACK },
    { 12, 9, 5, CS_CLOCK_STATE_ON_TRACK },     /* 10, 11, 14, 15, 16 */
    { 12, 10, 4, CS_CLOCK_STATE_YELLOW },
    { 12, 12, 3, CS_CLOCK_STATE_YELLOW },      /* Saturday: 14, 15, 16 */
    { 12, 15, 1, CS_CLOCK_STATE_YELLOW },
    { 12, 16, 0, CS_CLOCK_STATE_YELLOW },      /* the due day */
    { 12, 17, -1, CS_CLOCK_STATE_RED },
    { 12, 19, -2, CS_CLOCK_STATE_RED },        /* Saturday: 17, 18 */
    { 12, 21, -3, CS_CLOCK_STATE_RED },
  }, promised_days[] = {
    /* 10 days, due Wed 2 December; yellow at 2. */
    { 11, 27, 3, CS_CLOCK_STATE_ON_TRACK },    /* 30, 1, 2 */
    { 11, 28, 3, CS_CLOCK_STATE_ON_TRACK },    /* Saturday */
    { 11, 30, 2, CS_CLOCK_STATE_YELLOW },
    { 12, 2, 0, CS_CLOCK_STATE_YELLOW },
    { 12, 3, -1, CS_CLOCK_STATE_RED },
  };
  g_autoptr(CsCalendar) calendar = published_calendar ();
  g_autoptr(CsLegalClock) clock = clock_new (2026, 11, 18, 20, 10);
  g_autoptr(CsDeadline) statutory = NULL;
  g_autoptr(CsDeadline) promised = NULL;

  statutory = compute (clock, CS_DEADLINE_STATUTORY, calendar, NULL);
  promised = compute (clock, CS_DEADLINE_PROMISED, calendar, NULL);
  assert_date (cs_deadline_get_due (statutory), 2026, 12, 16);
  assert_date (cs_deadline_get_due (promised), 2026, 12, 2);
  g_assert_cmpuint (cs_deadline_get_warning_days (statutory), ==, 4);
  g_assert_cmpuint (cs_deadline_get_warning_days (promised), ==, 2);

  for (guint i = 0; i < G_N_ELEMENTS (statutory_days); i++)
    {
      GDate today = day (2026, statutory_days[i].m, statutory_days[i].d);

      g_test_message ("statutory on %d-%d", statutory_days[i].m, statutory_days[i].d);
      g_assert_cmpint (cs_deadline_get_remaining (statutory, &today), ==,
                       statutory_days[i].remaining);
      g_assert_cmpint (cs_deadline_get_state (statutory, &today), ==, statutory_days[i].state);
    }

  for (guint i = 0; i < G_N_ELEMENTS (promised_days); i++)
    {
      GDate today = day (2026, promised_days[i].m, promised_days[i].d);

      g_test_message ("promised on %d-%d", promised_days[i].m, promised_days[i].d);
      g_assert_cmpint (cs_deadline_get_remaining (promised, &today), ==,
                       promised_days[i].remaining);
      g_assert_cmpint (cs_deadline_get_state (promised, &today), ==, promised_days[i].state);
    }
}

static void
test_warning_days (void)
{
  static const struct {
    guint limit;
    guint warning;
  } cases[] = {
    { 0, 1 }, { 1, 1 }, { 3, 1 }, { 5, 1 }, { 6, 2 }, { 8, 2 }, { 10, 2 },
    { 11, 3 }, { 15, 3 }, { 20, 4 }, { 21, 5 }, { 30, 6 },
  };
  g_autoptr(CsCalendar) calendar = published_calendar ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CsLegalClock) clock = clock_new (2026, 3, 2, cases[i].limit, 0);
      g_autoptr(CsDeadline) deadline = compute (clock, CS_DEADLINE_STATUTORY, calendar, NULL);

      g_assert_cmpuint (cs_deadline_get_warning_days (deadline), ==, cases[i].warning);
    }
}

static void
test_suspension_state (void)
{
  g_autoptr(CsCalendar) calendar = published_calendar ();
  g_autoptr(CsLegalClock) clock = clock_new (2026, 11, 18, 20, 10);
  g_autoptr(CsDeadline) deadline = NULL;
  GDate from = day (2026, 11, 23);
  GDate to = day (2026, 11, 25);
  GDate late_from = day (2026, 12, 22);
  GDate late_to = day (2026, 12, 31);
  GDate friday = day (2026, 11, 20);
  GDate inside = day (2026, 11, 24);
  GDate after = day (2026, 11, 26);
  GDate overdue = day (2026, 12, 23);

  /* An inspection planned for Mon 23 – Wed 25 November: the 20 days end
   * three working days later than 16 December: 17, 18, Mon 21. */
  cs_legal_clock_add_suspension (clock, "inspection", "现场核查", &from, &to);
  /* And one recorded after the deadline had passed: it moves nothing. */
  cs_legal_clock_add_suspension (clock, "hearing", "", &late_from, &late_to);
  deadline = compute (clock, CS_DEADLINE_STATUTORY, calendar, &friday);
  assert_date (cs_deadline_get_due (deadline), 2026, 12, 21);

  /* On Fri 20, 19 and 20 have run: 18 left, the suspended days excluded. */
  g_assert_cmpint (cs_deadline_get_remaining (deadline, &friday), ==, 18);
  g_assert_cmpint (cs_deadline_get_state (deadline, &friday), ==, CS_CLOCK_STATE_ON_TRACK);
  g_assert_cmpint (cs_deadline_get_state (deadline, &inside), ==, CS_CLOCK_STATE_PAUSED);
  g_assert_cmpint (cs_deadline_get_remaining (deadline, &inside), ==, 18);
  g_assert_cmpint (cs_deadline_get_state (deadline, &after), ==, CS_CLOCK_STATE_ON_TRACK);
  g_assert_cmpint (cs_deadline_get_remaining (deadline, &after), ==, 17);

  /* Overdue wins over a suspension that started after the due date. */
  g_assert_cmpint (cs_deadline_get_state (deadline, &overdue), ==, CS_CLOCK_STATE_RED);
}

static void
test_unpublished_year (void)
{
  g_autoptr(CsCalendar) calendar = published_calendar ();
  g_autoptr(CsCalendar) with_2027 = load_calendar (2027);
  g_autoptr(CsLegalClock) clock = NULL;
  g_autoptr(CsDeadline) deadline = NULL;
  g_autoptr(GError) error = NULL;

  /* Accepted Tue 15 December 2026, 20 days run into January 2027. */
  clock = clock_new (2026, 12, 15, 20, 10);
  deadline = cs_legal_clock_compute_statutory (clock, calendar, NULL, &error);
  g_assert_error (error, CS_LEGAL_CLOCK_ERROR, CS_LEGAL_CLOCK_ERROR_UNPUBLISHED_YEAR);
  g_assert_nonnull (strstr (error->message, "2027"));
  g_assert_null (deadline);
  g_clear_error (&error);

  /* The promised 10 stay inside 2026: 16–18 (3), 21–25 (8), Mon 28, Tue 29
   * (10). */
  deadline = cs_legal_clock_compute_promised (clock, calendar, NULL, &error);
  g_assert_no_error (error);
  assert_date (cs_deadline_get_due (deadline), 2026, 12, 29);
  g_clear_pointer (&deadline, cs_deadline_unref);

  /* With the (illustrative) 2027 arrangement the count goes on: 28–31 (12),
   * 1–3 January 元旦, 4–8 (17), Mon 11, Tue 12, Wed 13 (20). */
  deadline = cs_legal_clock_compute_statutory (clock, with_2027, NULL, &error);
  g_assert_no_error (error);
  assert_date (cs_deadline_get_due (deadline), 2027, 1, 13);
  g_clear_pointer (&deadline, cs_deadline_unref);
  g_clear_object (&clock);

  /* The supplement notice of Thu 24 December 2026 is due Thu 31: 25, 28,
   * 29, 30, 31; of Mon 28 December it would need 2027. */
  clock = clock_new (2026, 12, 24, 20, 10);
  deadline = cs_legal_clock_compute_supplement_notice (clock, calendar, &error);
  g_assert_no_error (error);
  assert_date (cs_deadline_get_due (deadline), 2026, 12, 31);
  g_clear_pointer (&deadline, cs_deadline_unref);
  g_clear_object (&clock);

  clock = clock_new (2026, 12, 28, 20, 10);
  deadline = cs_legal_clock_compute_supplement_notice (clock, calendar, &error);
  g_assert_error (error, CS_LEGAL_CLOCK_ERROR, CS_LEGAL_CLOCK_ERROR_UNPUBLISHED_YEAR);
  g_assert_null (deadline);
  g_clear_error (&error);
  g_clear_object (&clock);

  /* Acceptance itself in an unpublished year, even for an instant matter. */
  clock = clock_new (2024, 12, 30, 0, 0);
  cs_legal_clock_set_instant (clock, TRUE);
  deadline = cs_legal_clock_compute_statutory (clock, calendar, NULL, &error);
  g_assert_error (error, CS_LEGAL_CLOCK_ERROR, CS_LEGAL_CLOCK_ERROR_UNPUBLISHED_YEAR);
  g_assert_nonnull (strstr (error->message, "2024"));
  g_assert_null (deadline);
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
test_json (void)
{
  g_autoptr(CsCalendar) calendar = published_calendar ();
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(CsLegalClock) clock = NULL;
  g_autoptr(CsDeadline) deadline = NULL;
  g_autoptr(GError) error = NULL;
  GDate today = day (2026, 11, 25);
  GDate from, to;
  const char *kind, *reason;
  guint extension = 0;

  object = parse_object ("{\"accepted_on\":\"2026-11-18\",\"statutory_limit\":20,"
                         "\"promised_limit\":10,\"extension_days\":5,"
                         "\"suspensions\":[{\"kind\":\"testing\",\"reason\":\"送检\","
                         "\"from\":\"2026-11-20\",\"to\":\"2026-11-24\"},"
                         "{\"kind\":\"expert_review\",\"reason\":\"专家评审\","
                         "\"from\":\"2026-12-01\",\"to\":null}],"
                         "\"supplement_requested_on\":\"2026-11-19\",\"future\":1}");
  clock = cs_legal_clock_new_from_json (object, TRUE, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (clock);

  assert_date (cs_legal_clock_get_accepted_on (clock), 2026, 11, 18);
  g_assert_cmpuint (cs_legal_clock_get_statutory_limit (clock), ==, 20);
  g_assert_cmpuint (cs_legal_clock_get_promised_limit (clock), ==, 10);
  g_assert_cmpuint (cs_legal_clock_get_extension_days (clock), ==, 5);
  g_assert_true (cs_legal_clock_get_green_channel (clock));
  g_assert_false (cs_legal_clock_get_instant (clock));
  assert_date (cs_legal_clock_get_supplement_requested_on (clock), 2026, 11, 19);
  g_object_get (clock, "extension-days", &extension, NULL);
  g_assert_cmpuint (extension, ==, 5);

  g_assert_cmpuint (cs_legal_clock_get_n_suspensions (clock), ==, 2);
  cs_legal_clock_get_suspension (clock, 0, &kind, &reason, &from, &to);
  g_assert_cmpstr (kind, ==, "testing");
  g_assert_cmpstr (reason, ==, "送检");
  assert_date (&from, 2026, 11, 20);
  assert_date (&to, 2026, 11, 24);
  cs_legal_clock_get_suspension (clock, 1, &kind, NULL, NULL, &to);
  g_assert_cmpstr (kind, ==, "expert_review");
  g_assert_false (g_date_valid (&to));
  g_assert_cmpstr (cs_suspension_kind_get_label (kind), ==, "expert review");
  g_assert_cmpstr (cs_suspension_kind_get_label ("sampling"), ==, "sampling");

  /* Green channel: 5 days, paused by the testing 20, 23, 24: 19 (1), 25,
   * 26, 27 (4), 30 November (5). The open review starts after it. */
  deadline = cs_legal_clock_compute_promised (clock, calendar, &today, &error);
  g_assert_no_error (error);
  assert_date (cs_deadline_get_due (deadline), 2026, 11, 30);
  g_clear_object (&clock);
  g_clear_pointer (&object, json_object_unref);

  object = parse_object ("{\"accepted_on\":\"2026-11-18\",\"statutory_limit\":0,"
                         "\"promised_limit\":0,\"extension_days\":0,\"suspensions\":[],"
                         "\"supplement_requested_on\":null}");
  clock = cs_legal_clock_new_from_json (object, FALSE, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (cs_legal_clock_get_instant (clock));
  g_assert_null (cs_legal_clock_get_supplement_requested_on (clock));
  g_assert_cmpuint (cs_legal_clock_get_n_suspensions (clock), ==, 0);
}

static void
test_json_invalid (void)
{
#define BASE_ACCEPTED "\"accepted_on\":\"2026-11-18\""
#define BASE_LIMITS "\"statutory_limit\":20,\"promised_limit\":10,\"extension_days\":0"
#define BASE_REST "\"suspensions\":[],\"supplement_requested_on\":null"
#define SUSPENSION(body) \
  "{" BASE_ACCEPTED "," BASE_LIMITS ",\"supplement_requested_on\":null,\"suspensions\":[" \
  body "]}"
  static const struct {
    const char *document;
    const char *member;   /* named in the message */
  } cases[] = {
    /* Missing members. */
    { "{" BASE_LIMITS "," BASE_REST "}", "accepted_on" },
    { "{" BASE_ACCEPTED ",\"promised_limit\":10,\"extension_days\":0," BASE_REST "}",
      "statutory_limit" },
    { "{" BASE_ACCEPTED ",\"statutory_limit\":20,\"extension_days\":0," BASE_REST "}",
      "promised_limit" },
    { "{" BASE_ACCEPTED ",\"statutory_limit\":20,\"promised_limit\":10," BASE_REST "}",
      "extension_days" },
    { "{" BASE_ACCEPTED "," BASE_LIMITS ",\"supplement_requested_on\":null}", "suspensions" },
    { "{" BASE_ACCEPTED "," BASE_LIMITS ",\"suspensions\":[]}", "supplement_requested_on" },
    { SUSPENSION ("{\"reason\":\"\",\"from\":\"2026-11-20\",\"to\":null}"),
      "suspensions[0].kind" },
    { SUSPENSION ("{\"kind\":\"testing\",\"from\":\"2026-11-20\",\"to\":null}"),
      "suspensions[0].reason" },
    { SUSPENSION ("{\"kind\":\"testing\",\"reason\":\"\",\"to\":null}"),
      "suspensions[0].from" },
    { SUSPENSION ("{\"kind\":\"testing\",\"reason\":\"\",\"from\":\"2026-11-20\"}"),
      "suspensions[0].to" },
    /* Wrong types and impossible values. */
    { "{\"accepted_on\":20261118," BASE_LIMITS "," BASE_REST "}", "accepted_on" },
    { "{\"accepted_on\":null," BASE_LIMITS "," BASE_REST "}", "accepted_on" },
    { "{\"accepted_on\":\"2026-02-29\"," BASE_LIMITS "," BASE_REST "}", "accepted_on" },
    { "{\"accepted_on\":\"18/11/2026\"," BASE_LIMITS "," BASE_REST "}", "accepted_on" },
    { "{" BASE_ACCEPTED ",\"statutory_limit\":\"20\",\"promised_limit\":10,"
      "\"extension_days\":0," BASE_REST "}", "statutory_limit" },
    { "{" BASE_ACCEPTED ",\"statutory_limit\":20.5,\"promised_limit\":10,"
      "\"extension_days\":0," BASE_REST "}", "statutory_limit" },
    { "{" BASE_ACCEPTED ",\"statutory_limit\":20,\"promised_limit\":-1,"
      "\"extension_days\":0," BASE_REST "}", "promised_limit" },
    { "{" BASE_ACCEPTED ",\"statutory_limit\":20,\"promised_limit\":10,"
      "\"extension_days\":true," BASE_REST "}", "extension_days" },
    { "{" BASE_ACCEPTED ",\"statutory_limit\":20,\"promised_limit\":10,"
      "\"extension_days\":11," BASE_REST "}", "11" },
    { "{" BASE_ACCEPTED "," BASE_LIMITS ",\"suspensions\":{},"
      "\"supplement_requested_on\":null}", "suspensions" },
    { "{" BASE_ACCEPTED "," BASE_LIMITS ",\"suspensions\":[],"
      "\"supplement_requested_on\":5}", "supplement_requested_on" },
    { SUSPENSION ("\"testing\""), "suspensions[0]" },
    { SUSPENSION ("{\"kind\":\"testing\",\"reason\":\"\",\"from\":\"2026-11-20\","
                  "\"to\":null},{\"kind\":7,\"reason\":\"\",\"from\":\"2026-11-20\","
                  "\"to\":null}"), "suspensions[1].kind" },
    { SUSPENSION ("{\"kind\":\"\",\"reason\":\"\",\"from\":\"2026-11-20\",\"to\":null}"),
      "suspensions[0].kind" },
    { SUSPENSION ("{\"kind\":\"testing\",\"reason\":null,\"from\":\"2026-11-20\","
                  "\"to\":null}"), "suspensions[0].reason" },
    { SUSPENSION ("{\"kind\":\"testing\",\"reason\":\"\",\"from\":null,\"to\":null}"),
      "suspensions[0].from" },
    { SUSPENSION ("{\"kind\":\"testing\",\"reason\":\"\",\"from\":\"2026-11-20\","
                  "\"to\":\"tomorrow\"}"), "suspensions[0].to" },
    { SUSPENSION ("{\"kind\":\"testing\",\"reason\":\"\",\"from\":\"2026-11-20\","
                  "\"to\":\"2026-11-19\"}"), "2026-11-19" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) object = parse_object (cases[i].document);
      g_autoptr(CsLegalClock) clock = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", cases[i].document);
      clock = cs_legal_clock_new_from_json (object, FALSE, FALSE, &error);
      g_assert_error (error, CS_LEGAL_CLOCK_ERROR, CS_LEGAL_CLOCK_ERROR_INVALID);
      g_assert_null (clock);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].member));
    }
#undef SUSPENSION
#undef BASE_REST
#undef BASE_LIMITS
#undef BASE_ACCEPTED
}

static void
test_enum_types (void)
{
  GEnumClass *kinds = g_type_class_ref (CS_TYPE_DEADLINE_KIND);
  GEnumClass *states = g_type_class_ref (CS_TYPE_CLOCK_STATE);

  g_assert_cmpstr (g_enum_get_value (kinds, CS_DEADLINE_SUPPLEMENT_NOTICE)->value_nick, ==,
                   "supplement-notice");
  g_assert_cmpstr (g_enum_get_value (states, CS_CLOCK_STATE_PAUSED)->value_nick, ==, "paused");
  g_assert_true (G_TYPE_IS_BOXED (CS_TYPE_DEADLINE));

  g_type_class_unref (kinds);
  g_type_class_unref (states);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/legal-clock/make-up-days", test_make_up_days);
  g_test_add_func ("/legal-clock/year-end", test_year_end);
  g_test_add_func ("/legal-clock/suspension-across-holidays", test_suspension_across_holidays);
  g_test_add_func ("/legal-clock/open-suspension", test_open_suspension);
  g_test_add_func ("/legal-clock/extension", test_extension);
  g_test_add_func ("/legal-clock/green-channel", test_green_channel);
  g_test_add_func ("/legal-clock/instant", test_instant);
  g_test_add_func ("/legal-clock/supplement", test_supplement);
  g_test_add_func ("/legal-clock/remaining-and-state", test_remaining_and_state);
  g_test_add_func ("/legal-clock/warning-days", test_warning_days);
  g_test_add_func ("/legal-clock/suspension-state", test_suspension_state);
  g_test_add_func ("/legal-clock/unpublished-year", test_unpublished_year);
  g_test_add_func ("/legal-clock/json", test_json);
  g_test_add_func ("/legal-clock/json-invalid", test_json_invalid);
  g_test_add_func ("/legal-clock/enum-types", test_enum_types);

  return g_test_run ();
}
