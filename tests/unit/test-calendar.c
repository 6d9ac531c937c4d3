/* test-calendar.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <countersign.h>

static CsCalendar *
calendar_2026 (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  CsCalendar *calendar = cs_calendar_new ();

  /* Part of the State Council's arrangement for 2026. */
  json_parser_load_from_data (parser,
                              "{\"year\":2026,\"exceptions\":["
                              "{\"date\":\"2026-09-20\",\"workday\":true,\"name\":\"国庆节调休\"},"
                              "{\"date\":\"2026-09-25\",\"workday\":false,\"name\":\"中秋节\"},"
                              "{\"date\":\"2026-10-01\",\"workday\":false,\"name\":\"国庆节\"},"
                              "{\"date\":\"2026-10-02\",\"workday\":false,\"name\":\"国庆节\"},"
                              "{\"date\":\"2026-10-03\",\"workday\":false,\"name\":\"国庆节\"},"
                              "{\"date\":\"2026-10-04\",\"workday\":false,\"name\":\"国庆节\"},"
                              "{\"date\":\"2026-10-05\",\"workday\":false,\"name\":\"国庆节\"},"
                              "{\"date\":\"2026-10-06\",\"workday\":false,\"name\":\"国庆节\"},"
                              "{\"date\":\"2026-10-07\",\"workday\":false,\"name\":\"国庆节\"},"
                              "{\"date\":\"2026-10-10\",\"workday\":true,\"name\":\"国庆节调休\"}]}",
                              -1, &error);
  g_assert_no_error (error);
  g_assert_true (cs_calendar_load_json (calendar, json_parser_get_root (parser), &error));
  g_assert_no_error (error);

  return calendar;
}

static GDate
day (int y, int m, int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return date;
}

static void
test_workdays (void)
{
  g_autoptr(CsCalendar) calendar = calendar_2026 ();
  GDate monday = day (2026, 11, 16);
  GDate saturday = day (2026, 11, 21);
  GDate makeup = day (2026, 9, 20);
  GDate holiday = day (2026, 10, 1);

  g_assert_true (cs_calendar_is_workday (calendar, &monday));
  g_assert_false (cs_calendar_is_workday (calendar, &saturday));
  g_assert_true (cs_calendar_is_workday (calendar, &makeup));
  g_assert_false (cs_calendar_is_workday (calendar, &holiday));
  g_assert_cmpstr (cs_calendar_get_day_name (calendar, &holiday), ==, "国庆节");
  g_assert_null (cs_calendar_get_day_name (calendar, &monday));
  g_assert_true (cs_calendar_has_year (calendar, 2026));
  g_assert_false (cs_calendar_has_year (calendar, 2027));
}

static void
test_add_working_days (void)
{
  g_autoptr(CsCalendar) calendar = calendar_2026 ();
  GDate date = day (2026, 9, 24);
  GDate expected = day (2026, 10, 9);

  /* Accepted Thursday 24 September: the 25th is 中秋, 26–27 a weekend,
   * 28–30 count (3), the National Day week is off, 8 and 9 October
   * count (5). */
  cs_calendar_add_working_days (calendar, &date, 5);
  g_assert_cmpint (g_date_compare (&date, &expected), ==, 0);

  /* And back again. */
  cs_calendar_add_working_days (calendar, &date, -5);
  expected = day (2026, 9, 24);
  g_assert_cmpint (g_date_compare (&date, &expected), ==, 0);

  /* The acceptance day itself is not counted; zero days stay put. */
  date = day (2026, 11, 16);
  cs_calendar_add_working_days (calendar, &date, 0);
  expected = day (2026, 11, 16);
  g_assert_cmpint (g_date_compare (&date, &expected), ==, 0);
  cs_calendar_add_working_days (calendar, &date, 1);
  expected = day (2026, 11, 17);
  g_assert_cmpint (g_date_compare (&date, &expected), ==, 0);
}

static void
test_make_up_day_counts (void)
{
  g_autoptr(CsCalendar) calendar = calendar_2026 ();
  GDate from = day (2026, 9, 18);   /* Friday */
  GDate to = day (2026, 9, 21);     /* Monday */

  /* Sunday 20 September is a make-up working day. */
  g_assert_cmpint (cs_calendar_count_working_days (calendar, &from, &to), ==, 2);
  g_assert_cmpint (cs_calendar_count_working_days (calendar, &to, &from), ==, -2);
}

static void
test_bad_documents (void)
{
  static const char *documents[] = {
    "[1]",
    "{\"exceptions\":[]}",
    "{\"year\":\"2026\",\"exceptions\":[]}",
    "{\"year\":2026}",
    "{\"year\":2026,\"exceptions\":[{\"date\":\"2027-01-01\",\"workday\":false}]}",
    "{\"year\":2026,\"exceptions\":[{\"date\":\"2026-02-30\",\"workday\":false}]}",
    "{\"year\":2026,\"exceptions\":[{\"date\":\"2026-10-01\",\"workday\":\"no\"}]}",
    "{\"year\":2026,\"exceptions\":[\"2026-10-01\"]}",
    "\"2026\"",
  };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autoptr(CsCalendar) calendar = cs_calendar_new ();
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;

      json_parser_load_from_data (parser, documents[i], -1, &error);
      g_assert_no_error (error);
      g_assert_false (cs_calendar_load_json (calendar, json_parser_get_root (parser), &error));
      g_assert_error (error, CS_CALENDAR_ERROR, CS_CALENDAR_ERROR_INVALID);
      g_assert_false (cs_calendar_has_year (calendar, 2026));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calendar/workdays", test_workdays);
  g_test_add_func ("/calendar/add-working-days", test_add_working_days);
  g_test_add_func ("/calendar/make-up-day", test_make_up_day_counts);
  g_test_add_func ("/calendar/bad-documents", test_bad_documents);

  return g_test_run ();
}
