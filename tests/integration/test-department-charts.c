/* test-department-charts.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <cairo.h>

#include "countersign.h"
#include "cs-client.h"
#include "cs-department-charts.h"
#include "cs-test-central.h"

/* The department page's charts, from the figures of a real server on the
 * seeded demo centre: drawn to PNG (kept in the build directory, under
 * tests/charts, as artefacts), and their tables, which must carry the
 * server's numbers. No display is needed: the charts draw with cairo. */

static CsTestCentral *central;
static CsClient *client;

static void
store_result (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static CsDepartmentStats *
fetch (const char *from,
       const char *to,
       const char *as_of)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CsDepartmentStats *stats;
  GDate f, t, a;

  g_date_clear (&f, 1);
  g_date_clear (&t, 1);
  g_date_clear (&a, 1);
  g_date_set_parse (&f, from);
  g_date_set_parse (&t, to);
  g_date_set_parse (&a, as_of);
  g_assert_true (g_date_valid (&f) && g_date_valid (&t) && g_date_valid (&a));

  cs_client_get_department_stats_async (client, "health", &f, &t, &a, NULL, store_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  stats = cs_client_get_department_stats_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stats);
  return stats;
}

static char *
artefact (const char *name)
{
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "charts", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  return g_build_filename (dir, name, NULL);
}

/* Counts the pixels of @rgb in a PNG written by the chart. */
static guint
count_pixels (const char *path,
              guint32     rgb,
              int         width,
              int         height)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);
  guint count = 0;
  guchar *data;
  int stride;

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, height);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if ((((guint32 *)(data + y * stride))[x] & 0xffffff) == rgb)
        count++;
  cairo_surface_destroy (surface);
  return count;
}

static void
save (CsChart    *chart,
      const char *name,
      char      **csv)
{
  g_autofree char *png = g_strconcat (name, ".png", NULL);
  g_autofree char *table = g_strconcat (name, ".csv", NULL);
  g_autofree char *png_path = artefact (png);
  g_autofree char *csv_path = artefact (table);
  g_autoptr(GError) error = NULL;

  g_assert_true (cs_chart_write_png (chart, png_path, 900, 420, &error));
  g_assert_no_error (error);
  g_assert_true (cs_chart_write_csv (chart, csv_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, csv, NULL, &error));
  g_test_message ("chart: %s", png_path);
}

static void
test_clock_states (void)
{
  static const char * const days[] = {
    "2026-11-12", "2026-11-13", "2026-11-16", "2026-11-17", CS_TEST_TODAY,
    "2026-11-19", "2026-11-20", "2026-11-23", "2026-11-24", "2026-11-25",
  };
  g_autoptr(GPtrArray) series = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CsChart) chart = NULL;
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *png_path = artefact ("clock-states.png");
  gint64 red = 0;

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    g_ptr_array_add (series, fetch ("2026-11-01", days[i], days[i]));

  chart = cs_department_chart_clock_states (series);
  g_assert_cmpuint (cs_chart_get_n_categories (chart), ==, G_N_ELEMENTS (days));
  g_assert_cmpuint (cs_chart_get_n_series (chart), ==, 4);
  save (chart, "clock-states", &csv);

  /* The table: a line a day with the server's counts, which add up. */
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==, "Open cases by clock state,On track,Paused,Yellow,Red");
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      CsDepartmentStats *stats = g_ptr_array_index (series, i);
      g_autofree char *expected = NULL;

      expected = g_strdup_printf ("%.5s,%d.00,%d.00,%d.00,%d.00", days[i] + 5,
                                  (int)cs_department_stats_get_open (stats, CS_OPEN_ON_TRACK),
                                  (int)cs_department_stats_get_open (stats, CS_OPEN_PAUSED),
                                  (int)cs_department_stats_get_open (stats, CS_OPEN_YELLOW),
                                  (int)cs_department_stats_get_open (stats, CS_OPEN_RED));
      g_assert_cmpstr (lines[i + 1], ==, expected);
      g_assert_cmpint (cs_department_stats_get_open (stats, CS_OPEN_ON_TRACK) +
                       cs_department_stats_get_open (stats, CS_OPEN_PAUSED) +
                       cs_department_stats_get_open (stats, CS_OPEN_YELLOW) +
                       cs_department_stats_get_open (stats, CS_OPEN_RED), ==,
                       cs_department_stats_get_open (stats, CS_OPEN_TOTAL));
      red += cs_department_stats_get_open (stats, CS_OPEN_RED);
    }

  /* Overdue cases show as red bars, and more of them later. */
  g_assert_cmpint (red, >, 0);
  g_assert_cmpint (cs_department_stats_get_open (g_ptr_array_index (series, 9), CS_OPEN_RED), >,
                   cs_department_stats_get_open (g_ptr_array_index (series, 0), CS_OPEN_RED));
  g_assert_cmpuint (count_pixels (png_path, 0xe01b24, 900, 420), >, 200);
  g_assert_cmpuint (count_pixels (png_path, 0x2ec27e, 900, 420), >, 200);
}

static void
test_handling_time_and_load (void)
{
  g_autoptr(CsDepartmentStats) stats = fetch ("2026-09-01", CS_TEST_TODAY, CS_TEST_TODAY);
  g_autoptr(CsChart) handling = cs_department_chart_handling_time (stats);
  g_autoptr(CsChart) load = cs_department_chart_approver_load (stats);
  g_autofree char *handling_csv = NULL;
  g_autofree char *load_csv = NULL;
  g_autofree char *handling_png = artefact ("handling-time.png");
  g_autofree char *load_png = artefact ("approver-load.png");
  GPtrArray *matters = cs_department_stats_get_matters (stats);
  GPtrArray *approvers = cs_department_stats_get_approvers (stats);

  save (handling, "handling-time", &handling_csv);
  save (load, "approver-load", &load_csv);

  g_assert_cmpuint (cs_chart_get_n_categories (handling), ==, matters->len);
  for (guint m = 0; m < matters->len; m++)
    {
      CsStatsFigures *f = g_ptr_array_index (matters, m);
      double expected, got;
      gboolean has = cs_stats_figures_get_measure (f, CS_STATS_MEAN_DAYS, &expected);

      g_assert_cmpstr (cs_chart_get_category (handling, m), ==, cs_stats_figures_get_name (f));
      g_assert_cmpint (cs_chart_get_value (handling, 0, m, &got), ==, has);
      g_assert_cmpfloat (got, ==, has ? expected : 0);
      has = cs_stats_figures_get_measure (f, CS_STATS_MEAN_STATUTORY_LIMIT, &expected);
      g_assert_cmpint (cs_chart_get_value (handling, 2, m, &got), ==, has);
      g_assert_cmpfloat (got, ==, has ? expected : 0);
    }
  /* The radiation workers' certificate: 20 working days by law. */
  g_assert_nonnull (strstr (handling_csv, "\r\n放射工作人员证核发,"));
  g_assert_nonnull (strstr (handling_csv, ",20.00\r\n"));
  g_assert_cmpuint (count_pixels (handling_png, 0xc0bfbc, 900, 420), >, 200);

  g_assert_cmpuint (cs_chart_get_n_categories (load), ==, approvers->len);
  for (guint a = 0; a < approvers->len; a++)
    {
      CsStatsFigures *f = g_ptr_array_index (approvers, a);
      g_autofree char *line = g_strdup_printf ("\r\n%s,%d.00,%d.00\r\n", cs_stats_figures_get_name (f),
                                               (int)cs_stats_figures_get_count (f, CS_STATS_ACCEPTED),
                                               (int)cs_stats_figures_get_count (f, CS_STATS_DECIDED));

      g_assert_nonnull (strstr (load_csv, line));
    }
  g_assert_cmpuint (count_pixels (load_png, 0x9141ac, 900, 420), >, 200);
}

static void
test_empty (void)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(CsChart) chart = cs_department_chart_clock_states (none);
  g_autofree char *csv = NULL;

  save (chart, "empty", &csv);
  g_assert_cmpstr (csv, ==, "Open cases by clock state,On track,Paused,Yellow,Red\r\n");
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

  g_test_add_func ("/department-charts/clock-states", test_clock_states);
  g_test_add_func ("/department-charts/handling-time-and-load", test_handling_time_and_load);
  g_test_add_func ("/department-charts/empty", test_empty);

  status = g_test_run ();
  g_clear_object (&client);
  cs_test_central_free (central);
  return status;
}
