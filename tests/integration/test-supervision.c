/* test-supervision.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <sqlite3.h>

#include "cs-test-central.h"

/* The chief representative's supervision through the real server on the
 * deterministic demo centre (seeded as of CS_TEST_TODAY):
 *
 * - the figures of `GET /v1/departments/{code}/stats` against values this
 *   test computes itself, from the seeded rows and the calendar table, by
 *   the rules of docs/legal-clock.md (never through the code under test);
 * - `countersign-cli stats --csv` printing the same figures;
 * - assignment and reassignment, all or none, with the audit trail;
 * - substitutions: the substitute's inbox and rights, the audit trail. */

static CsTestCentral *central;
static char *chief_token;
static char *approver_token;

/* The expected figures, computed here ---------------------------------------- */

typedef struct
{
  char   *key;
  char   *name;
  guint   decided;
  guint   within_promised;
  GArray *days;
  double  statutory_sum;
  guint   instant_decided;
  guint   instant_same_day;
  guint   accepted;
  guint   supplement_notices;
} Expected;

typedef struct
{
  guint total, on_track, paused, yellow, red;
  guint due_today, due_this_week, awaiting_signature, supplement_requested, suspended;
  guint waiting_on_co_departments;
} ExpectedOpen;

typedef struct
{
  GDate from;
  GDate to;   /* invalid while open: up to as_of */
} Range;

static GHashTable *exceptions;  /* "YYYY-MM-DD" → GINT_TO_POINTER (workday + 1) */

static void
expected_free (Expected *e)
{
  g_free (e->key);
  g_free (e->name);
  g_array_unref (e->days);
  g_free (e);
}

static Expected *
expected_new (const char *key,
              const char *name)
{
  Expected *e = g_new0 (Expected, 1);

  e->key = g_strdup (key);
  e->name = g_strdup (name);
  e->days = g_array_new (FALSE, FALSE, sizeof (int));
  return e;
}

static void
parse_date (const char *text,
            GDate      *date)
{
  guint y, m, d;

  g_assert_nonnull (text);
  g_assert_cmpint (sscanf (text, "%4u-%2u-%2u", &y, &m, &d), ==, 3);
  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
}

static char *
date_text (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static void
load_exceptions (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;

  if (exceptions != NULL)
    return;
  exceptions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT date, workday FROM calendar_days", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (exceptions, g_strdup ((const char *)sqlite3_column_text (stmt, 0)),
                         GINT_TO_POINTER (sqlite3_column_int (stmt, 1) + 1));
  sqlite3_finalize (stmt);
  g_assert_cmpuint (g_hash_table_size (exceptions), >, 20);
}

/* Monday to Friday, unless the calendar says otherwise (holidays, 调休). */
static gboolean
is_workday (const GDate *day)
{
  g_autofree char *key = date_text (day);
  gpointer value = g_hash_table_lookup (exceptions, key);

  if (value != NULL)
    return GPOINTER_TO_INT (value) - 1;
  return g_date_get_weekday (day) <= G_DATE_FRIDAY;
}

static gboolean
is_suspended (GArray      *ranges,
              const GDate *day,
              const GDate *as_of)
{
  for (guint i = 0; i < ranges->len; i++)
    {
      Range *r = &g_array_index (ranges, Range, i);
      const GDate *last = g_date_valid (&r->to) ? &r->to : as_of;

      if (g_date_compare (day, &r->from) >= 0 && g_date_compare (day, last) <= 0)
        return TRUE;
    }
  return FALSE;
}

static GArray *
parse_suspensions (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  GArray *ranges = g_array_new (FALSE, TRUE, sizeof (Range));
  JsonArray *array;

  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *s = json_array_get_object_element (array, i);
      Range r;

      parse_date (json_object_get_string_member (s, "from"), &r.from);
      g_date_clear (&r.to, 1);
      if (!json_object_get_null_member (s, "to"))
        parse_date (json_object_get_string_member (s, "to"), &r.to);
      g_array_append_val (ranges, r);
    }
  return ranges;
}

/* The N-th working day after acceptance that is not suspended. */
static void
due_date (const GDate *accepted,
          guint        limit,
          GArray      *ranges,
          const GDate *as_of,
          GDate       *due)
{
  guint counted = 0;

  *due = *accepted;
  while (counted < limit)
    {
      g_date_add_days (due, 1);
      if (is_workday (due) && !is_suspended (ranges, due, as_of))
        counted++;
    }
}

/* 0 on track, 1 paused, 2 yellow, 3 red (docs/legal-clock.md). */
static int
clock_state (const GDate *due,
             guint        limit,
             GArray      *ranges,
             const GDate *as_of)
{
  GDate day;
  guint remaining = 0;
  guint warning = MAX (1, (limit + 4) / 5);

  if (g_date_compare (as_of, due) > 0)
    return 3;
  if (is_suspended (ranges, as_of, as_of))
    return 1;
  day = *as_of;
  while (g_date_compare (&day, due) < 0)
    {
      g_date_add_days (&day, 1);
      if (is_workday (&day) && !is_suspended (ranges, &day, as_of))
        remaining++;
    }
  return remaining <= warning ? 2 : 0;
}

static gboolean
in_range (const GDate *day,
          const GDate *from,
          const GDate *to)
{
  return g_date_compare (day, from) >= 0 && g_date_compare (day, to) <= 0;
}

static Expected *
group (GHashTable *table,
       const char *key,
       const char *name)
{
  Expected *e = g_hash_table_lookup (table, key);

  if (e == NULL)
    {
      e = expected_new (key, name);
      g_hash_table_insert (table, e->key, e);
    }
  return e;
}

static void
compute_expected (const char   *department,
                  const char   *from_text,
                  const char   *to_text,
                  const char   *as_of_text,
                  Expected    **overall,
                  GHashTable  **matters,
                  GHashTable  **approvers,
                  ExpectedOpen *open)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GDate from, to, as_of, sunday;

  parse_date (from_text, &from);
  parse_date (to_text, &to);
  parse_date (as_of_text, &as_of);
  sunday = as_of;
  while (g_date_get_weekday (&sunday) != G_DATE_SUNDAY)
    g_date_add_days (&sunday, 1);

  *overall = expected_new (NULL, NULL);
  *matters = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify)expected_free);
  *approvers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify)expected_free);
  memset (open, 0, sizeof *open);

  g_assert_cmpint (sqlite3_open_v2 (central->db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  load_exceptions (db);

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT p.matter_code, m.name, p.state, p.decided_on,"
                                       " p.supplement_requested_on, p.extension_days, p.suspensions,"
                                       " c.accepted_on, c.green_channel, m.statutory_limit,"
                                       " m.promised_limit, m.instant, u.username, u.name,"
                                       " (SELECT count(*) FROM case_parts o WHERE o.case_id = p.case_id"
                                       "  AND o.department <> p.department AND o.state <> 'decided')"
                                       " FROM case_parts p JOIN cases c ON c.id = p.case_id"
                                       " JOIN matters m ON m.code = p.matter_code"
                                       " LEFT JOIN users u ON u.id = p.assignee_id"
                                       " WHERE p.department = ?",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, department, -1, SQLITE_STATIC);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *state = (const char *)sqlite3_column_text (stmt, 2);
      const char *username = (const char *)sqlite3_column_text (stmt, 12);
      gboolean instant = sqlite3_column_int (stmt, 11);
      gboolean green = sqlite3_column_int (stmt, 8);
      guint promised = sqlite3_column_int (stmt, 10);
      guint statutory = sqlite3_column_int (stmt, 9) + sqlite3_column_int (stmt, 5);
      g_autoptr(GArray) ranges = parse_suspensions ((const char *)sqlite3_column_text (stmt, 6));
      Expected *groups[3];
      GDate accepted;

      /* Green channel: half the promise, rounded up; instant: the same day. */
      if (instant)
        promised = statutory = 0;
      else if (green)
        promised = (promised + 1) / 2;

      parse_date ((const char *)sqlite3_column_text (stmt, 7), &accepted);
      groups[0] = *overall;
      groups[1] = group (*matters, (const char *)sqlite3_column_text (stmt, 0),
                         (const char *)sqlite3_column_text (stmt, 1));
      groups[2] = username != NULL ? group (*approvers, username,
                                            (const char *)sqlite3_column_text (stmt, 13)) : NULL;

      if (g_str_equal (state, "decided"))
        {
          GDate decided, due, day;
          int days = 0;

          parse_date ((const char *)sqlite3_column_text (stmt, 3), &decided);
          if (in_range (&decided, &from, &to))
            {
              day = accepted;
              while (g_date_compare (&day, &decided) < 0)
                {
                  g_date_add_days (&day, 1);
                  if (is_workday (&day) && !is_suspended (ranges, &day, &decided))
                    days++;
                }
              due_date (&accepted, promised, ranges, &decided, &due);

              for (guint g = 0; g < 3; g++)
                if (groups[g] != NULL)
                  {
                    groups[g]->decided++;
                    groups[g]->within_promised += g_date_compare (&decided, &due) <= 0;
                    g_array_append_val (groups[g]->days, days);
                    groups[g]->statutory_sum += statutory;
                    if (instant)
                      {
                        groups[g]->instant_decided++;
                        groups[g]->instant_same_day += g_date_compare (&decided, &accepted) == 0;
                      }
                  }
            }
          if (sqlite3_column_int (stmt, 14) > 0)
            open->waiting_on_co_departments++;
        }
      else if (g_str_equal (state, "supplement_requested"))
        open->supplement_requested++;
      else if (g_date_compare (&accepted, &as_of) <= 0)
        {
          GDate statutory_due, promised_due;
          int worst;

          due_date (&accepted, statutory, ranges, &as_of, &statutory_due);
          due_date (&accepted, promised, ranges, &as_of, &promised_due);
          worst = MAX (clock_state (&statutory_due, statutory, ranges, &as_of),
                       clock_state (&promised_due, promised, ranges, &as_of));
          open->total++;
          open->on_track += worst == 0;
          open->paused += worst == 1;
          open->yellow += worst == 2;
          open->red += worst == 3;
          open->due_today += g_date_compare (&statutory_due, &as_of) == 0 ||
                             g_date_compare (&promised_due, &as_of) == 0;
          open->due_this_week += in_range (&statutory_due, &as_of, &sunday) ||
                                 in_range (&promised_due, &as_of, &sunday);
          open->awaiting_signature += g_str_equal (state, "reviewed");
          open->suspended += g_str_equal (state, "suspended");
        }

      if (in_range (&accepted, &from, &to))
        for (guint g = 0; g < 3; g++)
          if (groups[g] != NULL)
            {
              groups[g]->accepted++;
              groups[g]->supplement_notices += sqlite3_column_type (stmt, 4) != SQLITE_NULL;
            }
    }

  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static int
compare_int (gconstpointer a,
             gconstpointer b)
{
  return *(const int *)a - *(const int *)b;
}

/* The measures as the contract defines them; NAN for a share of nothing. */
static double
expected_measure (Expected   *e,
                  const char *measure)
{
  double sum = 0;
  guint n = e->days->len;

  for (guint i = 0; i < n; i++)
    sum += g_array_index (e->days, int, i);

  if (g_str_equal (measure, "within_promised_pct"))
    return e->decided > 0 ? 100.0 * e->within_promised / e->decided : NAN;
  if (g_str_equal (measure, "mean_days"))
    return n > 0 ? sum / n : NAN;
  if (g_str_equal (measure, "median_days"))
    {
      g_autoptr(GArray) sorted = g_array_copy (e->days);

      if (n == 0)
        return NAN;
      g_array_sort (sorted, compare_int);
      return n % 2 == 1 ? g_array_index (sorted, int, n / 2)
                        : (g_array_index (sorted, int, n / 2 - 1) +
                           g_array_index (sorted, int, n / 2)) / 2.0;
    }
  if (g_str_equal (measure, "mean_statutory_limit"))
    return n > 0 ? e->statutory_sum / n : NAN;
  if (g_str_equal (measure, "ratio"))
    return e->statutory_sum > 0 ? sum / e->statutory_sum : NAN;
  if (g_str_equal (measure, "instant_same_day_pct"))
    return e->instant_decided > 0 ? 100.0 * e->instant_same_day / e->instant_decided : NAN;
  if (g_str_equal (measure, "supplement_rate_pct"))
    return e->accepted > 0 ? 100.0 * e->supplement_notices / e->accepted : NAN;
  g_assert_not_reached ();
}

static gint64
expected_count (Expected   *e,
                const char *count)
{
  if (g_str_equal (count, "decided"))
    return e->decided;
  if (g_str_equal (count, "within_promised"))
    return e->within_promised;
  if (g_str_equal (count, "instant_decided"))
    return e->instant_decided;
  if (g_str_equal (count, "instant_same_day"))
    return e->instant_same_day;
  if (g_str_equal (count, "accepted"))
    return e->accepted;
  if (g_str_equal (count, "supplement_notices"))
    return e->supplement_notices;
  g_assert_not_reached ();
}

static const char * const counts[] = {
  "decided", "within_promised", "instant_decided", "instant_same_day", "accepted",
  "supplement_notices",
};
static const char * const measures[] = {
  "within_promised_pct", "mean_days", "median_days", "mean_statutory_limit", "ratio",
  "instant_same_day_pct", "supplement_rate_pct",
};

static void
assert_figures (JsonObject *figures,
                Expected   *e,
                const char *where)
{
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      gint64 got = json_object_get_int_member (figures, counts[i]);

      if (got != expected_count (e, counts[i]))
        g_error ("%s.%s: %" G_GINT64_FORMAT ", expected %" G_GINT64_FORMAT,
                 where, counts[i], got, expected_count (e, counts[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (measures); i++)
    {
      double expected = expected_measure (e, measures[i]);
      JsonNode *node = json_object_get_member (figures, measures[i]);

      g_assert_nonnull (node);
      if (isnan (expected))
        {
          if (!JSON_NODE_HOLDS_NULL (node))
            g_error ("%s.%s: %g, expected null", where, measures[i], json_node_get_double (node));
        }
      else if (JSON_NODE_HOLDS_NULL (node) || fabs (json_node_get_double (node) - expected) > 1e-9)
        g_error ("%s.%s: %g, expected %g", where, measures[i],
                 JSON_NODE_HOLDS_NULL (node) ? NAN : json_node_get_double (node), expected);
    }
}

static void
assert_open (JsonObject         *open,
             const ExpectedOpen *e)
{
  g_assert_cmpint (json_object_get_int_member (open, "total"), ==, e->total);
  g_assert_cmpint (json_object_get_int_member (open, "on_track"), ==, e->on_track);
  g_assert_cmpint (json_object_get_int_member (open, "paused"), ==, e->paused);
  g_assert_cmpint (json_object_get_int_member (open, "yellow"), ==, e->yellow);
  g_assert_cmpint (json_object_get_int_member (open, "red"), ==, e->red);
  g_assert_cmpint (json_object_get_int_member (open, "due_today"), ==, e->due_today);
  g_assert_cmpint (json_object_get_int_member (open, "due_this_week"), ==, e->due_this_week);
  g_assert_cmpint (json_object_get_int_member (open, "awaiting_signature"), ==, e->awaiting_signature);
  g_assert_cmpint (json_object_get_int_member (open, "supplement_requested"), ==,
                   e->supplement_requested);
  g_assert_cmpint (json_object_get_int_member (open, "suspended"), ==, e->suspended);
  g_assert_cmpint (json_object_get_int_member (open, "waiting_on_co_departments"), ==,
                   e->waiting_on_co_departments);
}

static JsonObject *
fetch_stats (const char      *token,
             const char      *department,
             const char      *from,
             const char      *to,
             const char      *as_of,
             CsTestResponse **out)
{
  g_autofree char *path = g_strdup_printf ("/v1/departments/%s/stats?from=%s&to=%s&as_of=%s",
                                           department, from, to, as_of);

  *out = cs_test_request (central, "GET", path, token, NULL, NULL);
  g_assert_cmpuint ((*out)->status, ==, 200);
  return cs_test_response_object (*out);
}

static void
check_department (const char *department,
                  const char *from,
                  const char *to,
                  const char *as_of,
                  guint      *n_decided,
                  guint      *n_red)
{
  g_autofree char *chief = g_strdup_printf ("%s-chief", department);
  g_autofree char *token = cs_test_central_login (central, chief);
  g_autoptr(CsTestResponse) response = NULL;
  g_autoptr(GHashTable) matters = NULL;
  g_autoptr(GHashTable) approvers = NULL;
  Expected *overall = NULL;
  ExpectedOpen open;
  JsonObject *stats;
  JsonArray *array;

  compute_expected (department, from, to, as_of, &overall, &matters, &approvers, &open);
  stats = fetch_stats (token, department, from, to, as_of, &response);

  g_assert_cmpstr (json_object_get_string_member (stats, "department"), ==, department);
  g_assert_cmpstr (json_object_get_string_member (stats, "from"), ==, from);
  g_assert_cmpstr (json_object_get_string_member (stats, "to"), ==, to);
  g_assert_cmpstr (json_object_get_string_member (stats, "as_of"), ==, as_of);
  assert_figures (json_object_get_object_member (stats, "overall"), overall, "overall");

  array = json_object_get_array_member (stats, "matters");
  g_assert_cmpuint (json_array_get_length (array), ==, g_hash_table_size (matters));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *m = json_array_get_object_element (array, i);
      Expected *e = g_hash_table_lookup (matters, json_object_get_string_member (m, "code"));

      g_assert_nonnull (e);
      g_assert_cmpstr (json_object_get_string_member (m, "name"), ==, e->name);
      assert_figures (m, e, e->key);
    }

  array = json_object_get_array_member (stats, "approvers");
  g_assert_cmpuint (json_array_get_length (array), ==, g_hash_table_size (approvers));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *a = json_array_get_object_element (array, i);
      Expected *e = g_hash_table_lookup (approvers, json_object_get_string_member (a, "username"));

      g_assert_nonnull (e);
      g_assert_cmpstr (json_object_get_string_member (a, "name"), ==, e->name);
      assert_figures (a, e, e->key);
    }

  assert_open (json_object_get_object_member (stats, "open"), &open);
  g_test_message ("%s %s..%s as of %s: %u decided, %u within the promise; %u open, %u red",
                  department, from, to, as_of, overall->decided, overall->within_promised,
                  open.total, open.red);
  *n_decided += overall->decided;
  *n_red += open.red;
  expected_free (overall);
}

static void
test_figures (void)
{
  static const char * const departments[] = {
    "health", "forestry", "market", "hrss", "fire", "public-security",
  };
  guint decided = 0, red = 0;

  for (guint i = 0; i < G_N_ELEMENTS (departments); i++)
    {
      check_department (departments[i], "2026-10-01", CS_TEST_TODAY, CS_TEST_TODAY, &decided, &red);
      /* A week on, more clocks have run out; a period of one day. */
      check_department (departments[i], "2026-10-27", "2026-10-27", "2026-11-25", &decided, &red);
      /* A period that holds the National Day holiday. */
      check_department (departments[i], "2026-09-01", "2026-10-31", CS_TEST_TODAY, &decided, &red);
    }

  /* The demo data must exercise the figures: decisions, overdue cases. */
  g_assert_cmpuint (decided, >, 20);
  g_assert_cmpuint (red, >, 0);
}

static void
test_figures_refused (void)
{
  g_autoptr(CsTestResponse) approver = NULL;
  g_autoptr(CsTestResponse) other = NULL;
  g_autoptr(CsTestResponse) reversed = NULL;
  g_autoptr(CsTestResponse) missing = NULL;
  g_autoptr(CsTestResponse) unpublished = NULL;

  approver = cs_test_request (central, "GET",
                              "/v1/departments/health/stats?from=2026-10-01&to=2026-11-18",
                              approver_token, NULL, NULL);
  cs_test_assert_problem (approver, 403, "forbidden");
  other = cs_test_request (central, "GET",
                           "/v1/departments/market/stats?from=2026-10-01&to=2026-11-18",
                           chief_token, NULL, NULL);
  cs_test_assert_problem (other, 404, "not-found");
  reversed = cs_test_request (central, "GET",
                              "/v1/departments/health/stats?from=2026-11-18&to=2026-10-01",
                              chief_token, NULL, NULL);
  cs_test_assert_problem (reversed, 400, "invalid-parameter");
  missing = cs_test_request (central, "GET", "/v1/departments/health/stats?from=2026-11-31&to=2026-12-01",
                             chief_token, NULL, NULL);
  cs_test_assert_problem (missing, 400, "invalid-parameter");
  /* Clocks seen from a year without a published calendar cannot be told. */
  unpublished = cs_test_request (central, "GET",
                                 "/v1/departments/health/stats?from=2026-10-01&to=2026-11-18"
                                 "&as_of=2031-01-05",
                                 chief_token, NULL, NULL);
  cs_test_assert_problem (unpublished, 404, "calendar-not-published");
}

/* countersign-cli stats ---------------------------------------------------------- */

static double
csv_value (GHashTable *rows,
           const char *scope,
           const char *key,
           const char *figure)
{
  g_autofree char *id = g_strdup_printf ("%s|%s|%s", scope, key, figure);
  const char *value = g_hash_table_lookup (rows, id);

  if (value == NULL)
    g_error ("no CSV row %s", id);
  return *value == '\0' ? NAN : g_ascii_strtod (value, NULL);
}

static void
assert_csv_figures (GHashTable *rows,
                    const char *scope,
                    const char *key,
                    Expected   *e)
{
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    g_assert_cmpfloat (csv_value (rows, scope, key, counts[i]), ==, expected_count (e, counts[i]));
  for (guint i = 0; i < G_N_ELEMENTS (measures); i++)
    {
      double expected = expected_measure (e, measures[i]);
      double got = csv_value (rows, scope, key, measures[i]);

      if (isnan (expected))
        g_assert_true (isnan (got));
      else if (fabs (got - expected) > 0.0051)
        g_error ("CSV %s %s %s: %g, expected %g", scope, key, measures[i], got, expected);
    }
}

/* The CLI with the token in its environment (not the keyring, and not
 * this process's environment, which other threads read). */
static int
run_cli_stats (const char  *token,
               const char  *data_dir,
               gboolean     csv,
               char       **out,
               char       **err)
{
  const char *argv[] = {
    g_getenv ("COUNTERSIGN_CLI"), "--server", central->url, "--data-dir", data_dir,
    "stats", "--from", "2026-10-01", "--to", CS_TEST_TODAY, "--as-of", CS_TEST_TODAY,
    csv ? "--csv" : NULL, NULL
  };
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) out_bytes = NULL;
  g_autoptr(GBytes) err_bytes = NULL;
  g_autoptr(GError) error = NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "COUNTERSIGN_TOKEN", token, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (process, NULL, NULL, &out_bytes, &err_bytes, &error);
  g_assert_no_error (error);
  *out = g_strndup (g_bytes_get_size (out_bytes) > 0 ? g_bytes_get_data (out_bytes, NULL) : "",
                    g_bytes_get_size (out_bytes));
  *err = g_strndup (g_bytes_get_size (err_bytes) > 0 ? g_bytes_get_data (err_bytes, NULL) : "",
                    g_bytes_get_size (err_bytes));
  return g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
}

static void
test_cli_stats (void)
{
  g_autofree char *data_dir = g_build_filename (central->dir, "cli", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *line = NULL;
  g_autoptr(GHashTable) matters = NULL;
  g_autoptr(GHashTable) approvers = NULL;
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) lines = NULL;
  Expected *overall = NULL;
  ExpectedOpen open;
  GHashTableIter iter;
  gpointer value;
  int status;

  g_assert_nonnull (g_getenv ("COUNTERSIGN_CLI"));
  compute_expected ("health", "2026-10-01", CS_TEST_TODAY, CS_TEST_TODAY,
                    &overall, &matters, &approvers, &open);

  status = run_cli_stats (chief_token, data_dir, TRUE, &out, &err);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);

  lines = g_strsplit (out, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==, "scope,key,name,figure,value");
  for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], ",", -1);

      /* No names with commas in the demo: five fields, the value last. */
      g_assert_cmpuint (g_strv_length (fields), ==, 5);
      g_hash_table_insert (rows, g_strdup_printf ("%s|%s|%s", fields[0], fields[1], fields[3]),
                           g_strdup (fields[4]));
    }
  g_assert_cmpuint (g_hash_table_size (rows), ==,
                    13 * (1 + g_hash_table_size (matters) + g_hash_table_size (approvers)) + 11);

  assert_csv_figures (rows, "department", "health", overall);
  g_hash_table_iter_init (&iter, matters);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    assert_csv_figures (rows, "matter", ((Expected *)value)->key, value);
  g_hash_table_iter_init (&iter, approvers);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    assert_csv_figures (rows, "approver", ((Expected *)value)->key, value);

  g_assert_cmpfloat (csv_value (rows, "open", "health", "total"), ==, open.total);
  g_assert_cmpfloat (csv_value (rows, "open", "health", "red"), ==, open.red);
  g_assert_cmpfloat (csv_value (rows, "open", "health", "yellow"), ==, open.yellow);
  g_assert_cmpfloat (csv_value (rows, "open", "health", "awaiting_signature"), ==,
                     open.awaiting_signature);

  /* For people: the same counts in words. */
  g_clear_pointer (&err, g_free);
  status = run_cli_stats (chief_token, data_dir, FALSE, &plain, &err);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);
  line = g_strdup_printf ("Whole department\n  Decided: %u, within the promised limit: %u (",
                          overall->decided, overall->within_promised);
  g_assert_nonnull (strstr (plain, line));
  g_clear_pointer (&line, g_free);
  line = g_strdup_printf ("  On track: %u, yellow: %u, red: %u, paused: %u\n",
                          open.on_track, open.yellow, open.red, open.paused);
  g_assert_nonnull (strstr (plain, line));
  g_assert_nonnull (strstr (plain, "Matter 放射工作人员证核发 (health.radiation-worker)"));

  /* An approver is told why not. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  status = run_cli_stats (approver_token, data_dir, TRUE, &out, &err);
  g_assert_cmpint (status, ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "chief"));

  expected_free (overall);
}

/* Assignments --------------------------------------------------------------------- */

static char *
case_in_state (const char *state,
               guint       skip)
{
  g_autofree char *path = g_strdup_printf ("/v1/cases?limit=500&status=%s", state);
  g_autoptr(CsTestResponse) response = cs_test_request (central, "GET", path, chief_token, NULL, NULL);
  JsonArray *items = json_object_get_array_member (cs_test_response_object (response), "items");

  g_assert_cmpuint (json_array_get_length (items), >, skip);
  return g_strdup (json_object_get_string_member (json_array_get_object_element (items, skip), "id"));
}

static JsonObject *
last_audit_entry (const char      *case_id,
                  CsTestResponse **out)
{
  g_autofree char *path = g_strdup_printf ("/v1/cases/%s/audit", case_id);
  JsonArray *items;

  *out = cs_test_request (central, "GET", path, chief_token, NULL, NULL);
  g_assert_cmpuint ((*out)->status, ==, 200);
  items = json_object_get_array_member (cs_test_response_object (*out), "items");
  return json_array_get_object_element (items, json_array_get_length (items) - 1);
}

static CsTestResponse *
assign (const char *token,
        const char *cases_json,
        const char *assignee,
        const char *reason)
{
  g_autofree char *body = g_strdup_printf ("{\"cases\":%s,\"assignee\":\"%s\",\"reason\":\"%s\"}",
                                           cases_json, assignee, reason);

  return cs_test_request (central, "POST", "/v1/departments/health/assignments", token, body, NULL);
}

static gint64
count_rows (const char *format,
            ...) G_GNUC_PRINTF (1, 2);

static gint64
count_rows (const char *format,
            ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return cs_test_sqlite_count (central, sql);
}

static void
test_assignments (void)
{
  g_autofree char *c1 = case_in_state ("forwarded", 0);
  g_autofree char *c2 = case_in_state ("forwarded", 1);
  g_autofree char *decided = case_in_state ("decided", 0);
  g_autofree char *pair = g_strdup_printf ("[\"%s\",\"%s\"]", c1, c2);
  g_autofree char *one = g_strdup_printf ("[\"%s\"]", c1);
  g_autofree char *mixed = g_strdup_printf ("[\"%s\",\"%s\"]", c2, decided);
  g_autoptr(CsTestResponse) refused = NULL;
  g_autoptr(CsTestResponse) assigned = NULL;
  g_autoptr(CsTestResponse) audit = NULL;
  g_autoptr(CsTestResponse) reassigned = NULL;
  g_autoptr(CsTestResponse) audit2 = NULL;
  g_autoptr(CsTestResponse) partial = NULL;
  g_autoptr(CsTestResponse) stranger = NULL;
  g_autoptr(CsTestResponse) no_reason = NULL;
  g_autoptr(CsTestResponse) unknown = NULL;
  JsonArray *items;
  JsonObject *entry, *detail;
  gint64 audit_before;

  /* Only the chief representative distributes work. */
  refused = assign (approver_token, pair, "health-approver", "按工作量分配");
  cs_test_assert_problem (refused, 403, "forbidden");
  g_assert_cmpint (count_rows ("SELECT count(*) FROM audit WHERE action = 'case.assigned'"), ==, 0);

  /* Two at once: waiting cases become claimed by the approver. */
  assigned = assign (chief_token, pair, "health-approver", "按工作量分配");
  g_assert_cmpuint (assigned->status, ==, 200);
  items = json_object_get_array_member (cs_test_response_object (assigned), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *kase = json_array_get_object_element (items, i);

      g_assert_cmpstr (json_object_get_string_member (kase, "id"), ==, i == 0 ? c1 : c2);
      g_assert_cmpstr (json_object_get_string_member (kase, "status"), ==, "claimed");
      g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (kase, "assignee"),
                                                      "username"), ==, "health-approver");
    }

  entry = last_audit_entry (c1, &audit);
  g_assert_cmpstr (json_object_get_string_member (entry, "action"), ==, "case.assigned");
  g_assert_cmpstr (json_object_get_string_member (entry, "reason"), ==, "按工作量分配");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (entry, "actor"),
                                                  "username"), ==, "health-chief");
  detail = json_object_get_object_member (entry, "detail");
  g_assert_cmpstr (json_object_get_string_member (detail, "from"), ==, "forwarded");
  g_assert_cmpstr (json_object_get_string_member (detail, "to"), ==, "claimed");
  g_assert_true (json_object_get_null_member (detail, "previous_assignee"));
  g_assert_cmpstr (json_object_get_string_member (detail, "assignee"), ==, "health-approver");

  /* Reassigned: the case changes hands and keeps its state. */
  reassigned = assign (chief_token, one, "health-chief", "急件，由首席代表亲自办理");
  g_assert_cmpuint (reassigned->status, ==, 200);
  entry = last_audit_entry (c1, &audit2);
  g_assert_cmpstr (json_object_get_string_member (entry, "action"), ==, "case.assigned");
  g_assert_cmpstr (json_object_get_string_member (entry, "reason"), ==, "急件，由首席代表亲自办理");
  detail = json_object_get_object_member (entry, "detail");
  g_assert_cmpstr (json_object_get_string_member (detail, "from"), ==, "claimed");
  g_assert_cmpstr (json_object_get_string_member (detail, "to"), ==, "claimed");
  g_assert_cmpstr (json_object_get_string_member (detail, "previous_assignee"), ==, "health-approver");
  g_assert_cmpstr (json_object_get_string_member (detail, "assignee"), ==, "health-chief");
  g_assert_cmpint (count_rows ("SELECT count(*) FROM case_parts p JOIN users u ON u.id = p.assignee_id"
                               " WHERE p.case_id = '%s' AND u.username = 'health-chief'", c1), ==, 1);

  /* All or none: a decided case among them changes nothing. */
  audit_before = count_rows ("SELECT count(*) FROM audit");
  partial = assign (chief_token, mixed, "health-chief", "调整");
  cs_test_assert_problem (partial, 409, "invalid-transition");
  g_assert_cmpint (count_rows ("SELECT count(*) FROM audit"), ==, audit_before);
  g_assert_cmpint (count_rows ("SELECT count(*) FROM case_parts p JOIN users u ON u.id = p.assignee_id"
                               " WHERE p.case_id = '%s' AND u.username = 'health-approver'", c2), ==, 1);

  stranger = assign (chief_token, one, "fire-approver", "调整");
  cs_test_assert_problem (stranger, 422, "invalid-field");
  no_reason = assign (chief_token, one, "health-approver", "  ");
  cs_test_assert_problem (no_reason, 422, "invalid-field");
  unknown = assign (chief_token, "[\"no-such-case\"]", "health-approver", "调整");
  cs_test_assert_problem (unknown, 404, "not-found");
  g_assert_cmpint (count_rows ("SELECT count(*) FROM audit"), ==, audit_before);
}

/* Substitutions ----------------------------------------------------------------- */

static char *
today_in_china (int offset)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("+08:00");
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);
  g_autoptr(GDateTime) then = g_date_time_add_days (now, offset);

  return g_date_time_format (then, "%F");
}

static CsTestResponse *
substitute (const char *token,
            const char *absent,
            const char *substitute,
            const char *from,
            const char *to,
            const char *reason)
{
  g_autofree char *body = g_strdup_printf ("{\"absent\":\"%s\",\"substitute\":\"%s\",\"from\":\"%s\","
                                           "\"to\":\"%s\",\"reason\":\"%s\"}",
                                           absent, substitute, from, to, reason);

  return cs_test_request (central, "POST", "/v1/departments/health/substitutions", token, body,
                          NULL);
}

static gboolean
inbox_has (const char *token,
           const char *username,
           const char *case_id)
{
  g_autofree char *path = g_strdup_printf ("/v1/cases?limit=500&assignee=%s", username);
  g_autoptr(CsTestResponse) response = cs_test_request (central, "GET", path, token, NULL, NULL);
  JsonArray *items;
  gboolean found = FALSE;

  g_assert_cmpuint (response->status, ==, 200);
  items = json_object_get_array_member (cs_test_response_object (response), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *kase = json_array_get_object_element (items, i);
      JsonObject *assignee = json_object_get_object_member (kase, "assignee");

      /* Everything listed is the user's, or the absent colleague's. */
      g_assert_nonnull (assignee);
      g_assert_true (g_str_equal (json_object_get_string_member (assignee, "username"), username) ||
                     g_str_equal (json_object_get_string_member (assignee, "username"),
                                  "health-approver"));
      found |= g_str_equal (json_object_get_string_member (kase, "id"), case_id);
    }
  return found;
}

static CsTestResponse *
draft_review (const char *token,
              const char *case_id)
{
  g_autofree char *path = g_strdup_printf ("/v1/cases/%s/reviews", case_id);

  return cs_test_request (central, "POST", path, token,
                          "{\"opinion\":\"代为初审：材料齐全。\",\"proposed_outcome\":\"grant\","
                          "\"final\":false}",
                          NULL);
}

static void
test_substitutions (void)
{
  g_autofree char *today = today_in_china (0);
  g_autofree char *later_from = today_in_china (20);
  g_autofree char *later_to = today_in_china (24);
  g_autofree char *held = case_in_state ("claimed", 0);
  g_autofree char *cases_json = g_strdup_printf ("[\"%s\"]", held);
  g_autofree char *path = g_strdup_printf ("/v1/cases/%s", held);
  g_autofree char *verify_err = NULL;
  g_autoptr(CsTestResponse) give = NULL;
  g_autoptr(CsTestResponse) before = NULL;
  g_autoptr(CsTestResponse) later = NULL;
  g_autoptr(CsTestResponse) now = NULL;
  g_autoptr(CsTestResponse) list = NULL;
  g_autoptr(CsTestResponse) review = NULL;
  g_autoptr(CsTestResponse) after = NULL;
  g_autoptr(CsTestResponse) self_cover = NULL;
  g_autoptr(CsTestResponse) by_approver = NULL;
  g_autoptr(CsTestResponse) backwards = NULL;
  g_autoptr(CsTestResponse) nobody = NULL;
  JsonObject *created, *kase;
  JsonArray *items;
  int status;

  /* A case the approver holds. */
  give = assign (chief_token, cases_json, "health-approver", "分配");
  g_assert_cmpuint (give->status, ==, 200);

  /* Before any substitution the chief may not review it, nor sees it as theirs. */
  before = draft_review (chief_token, held);
  cs_test_assert_problem (before, 409, "not-assignee");
  g_assert_false (inbox_has (chief_token, "health-chief", held));
  g_assert_true (inbox_has (approver_token, "health-approver", held));

  /* A substitution in three weeks does not apply today. */
  later = substitute (chief_token, "health-approver", "health-chief", later_from, later_to, "出差");
  g_assert_cmpuint (later->status, ==, 201);
  g_assert_false (inbox_has (chief_token, "health-chief", held));

  now = substitute (chief_token, "health-approver", "health-chief", today, today, "年休假");
  g_assert_cmpuint (now->status, ==, 201);
  created = cs_test_response_object (now);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (created, "absent"),
                                                  "username"), ==, "health-approver");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (created, "substitute"),
                                                  "username"), ==, "health-chief");
  g_assert_cmpstr (json_object_get_string_member (created, "from"), ==, today);
  g_assert_cmpstr (json_object_get_string_member (created, "reason"), ==, "年休假");
  g_assert_cmpstr (json_object_get_string_member (created, "created_by"), ==, "health-chief");

  list = cs_test_request (central, "GET", "/v1/departments/health/substitutions", chief_token,
                          NULL, NULL);
  g_assert_cmpuint (list->status, ==, 200);
  items = json_object_get_array_member (cs_test_response_object (list), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 2);
  /* By first day: today's first. */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "reason"),
                   ==, "年休假");

  /* The substitute's inbox has the absent approver's cases, and they may work them. */
  g_assert_true (inbox_has (chief_token, "health-chief", held));
  review = draft_review (chief_token, held);
  g_assert_cmpuint (review->status, ==, 201);
  after = cs_test_request (central, "GET", path, chief_token, NULL, NULL);
  kase = cs_test_response_object (after);
  g_assert_cmpstr (json_object_get_string_member (kase, "status"), ==, "under_review");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (kase, "assignee"),
                                                  "username"), ==, "health-approver");

  /* The audit trail: who named whom, when and why; the chain still holds. */
  g_assert_cmpint (count_rows ("SELECT count(*) FROM audit WHERE action = 'substitution.created'"
                               " AND case_id IS NULL AND actor = 'health-chief'"
                               " AND department = 'health' AND reason = '年休假'"
                               " AND json_extract(detail, '$.absent') = 'health-approver'"
                               " AND json_extract(detail, '$.substitute') = 'health-chief'"
                               " AND json_extract(detail, '$.from') = '%s'", today), ==, 1);
  g_assert_cmpint (count_rows ("SELECT count(*) FROM audit WHERE case_id = '%s'"
                               " AND action = 'review.saved' AND actor = 'health-chief'", held), ==, 1);
  status = cs_test_run_cli ((const char * const[]) { cs_test_central_binary (), "verify-audit",
                                                     "--db", central->db_path, NULL },
                            NULL, &verify_err);
  g_assert_cmpint (status, ==, 0);

  self_cover = substitute (chief_token, "health-chief", "health-chief", today, today, "x");
  cs_test_assert_problem (self_cover, 422, "rule-violation");
  by_approver = substitute (approver_token, "health-approver", "health-chief", today, today, "x");
  cs_test_assert_problem (by_approver, 403, "forbidden");
  backwards = substitute (chief_token, "health-approver", "health-chief", later_to, later_from, "x");
  cs_test_assert_problem (backwards, 422, "invalid-field");
  nobody = substitute (chief_token, "fire-approver", "health-chief", today, today, "x");
  cs_test_assert_problem (nobody, 422, "invalid-field");
  g_assert_cmpint (count_rows ("SELECT count(*) FROM substitutions"), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  central = cs_test_central_start ();
  chief_token = cs_test_central_login (central, "health-chief");
  approver_token = cs_test_central_login (central, "health-approver");

  /* The figures first, on the demo data as seeded. */
  g_test_add_func ("/supervision/figures", test_figures);
  g_test_add_func ("/supervision/figures-refused", test_figures_refused);
  g_test_add_func ("/supervision/cli-stats", test_cli_stats);
  g_test_add_func ("/supervision/assignments", test_assignments);
  g_test_add_func ("/supervision/substitutions", test_substitutions);

  status = g_test_run ();
  g_free (chief_token);
  g_free (approver_token);
  g_clear_pointer (&exceptions, g_hash_table_unref);
  cs_test_central_free (central);
  return status;
}
