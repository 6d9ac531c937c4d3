/* bench-core.c — figures for the core library: a full sync into the
 * cache, and loading the cache into the inbox list model
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage (run-bench-core drives it and measures the peers):
 *   bench-core sync URL DIR [--catalogue] (the token in COUNTERSIGN_TOKEN;
 *                                          with the catalogue and calendars)
 *   bench-core inflate DIR N             (copies cached rows up to N cases)
 *   bench-core load DIR
 * Each prints one line: "<what> <cases> <seconds> <peak RSS in KiB>".
 */

#include "config.h"

#include <stdio.h>
#include <sys/resource.h>

#include <countersign.h>

#include "cs-cache-private.h"
#include "cs-case-list.h"
#include "cs-client.h"
#include "cs-sync.h"

static void
store_result (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static long
peak_rss_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static int
bench_sync (const char *url,
            const char *dir,
            gboolean    catalogue)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsClient) client = cs_client_new (url, &error);
  g_autoptr(CsCache) cache = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  guint fetched = 0;
  gint64 start;

  if (client == NULL || (cache = cs_cache_new (dir, &error)) == NULL)
    g_error ("%s", error->message);
  cs_client_set_token (client, g_getenv ("COUNTERSIGN_TOKEN"));

  start = g_get_monotonic_time ();
  cs_sync_async (client, cache, CS_SYNC_FULL | (catalogue ? 0 : CS_SYNC_CASES_ONLY), NULL,
                 store_result, &result);
  if (!cs_sync_finish (wait_for (&result), &fetched, &error))
    g_error ("%s", error->message);
  printf ("sync %u %.3f %ld\n", fetched,
          (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC, peak_rss_kib ());
  return 0;
}

/* Grows the cache by copying its rows under new IDs: the load benchmark
 * needs 100,000 cases, more than a demo centre serves. The copies are
 * accepted (and decided) up to 120 days earlier, so that their legal
 * clocks differ as a real inbox's do, not 23 clocks 4,000 times over. */
static int
bench_inflate (const char *dir,
               guint       target)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsCache) cache = cs_cache_new (dir, &error);
  g_autofree char *sql = NULL;
  gint64 have;

  if (cache == NULL)
    g_error ("%s", error->message);
  have = cs_cache_count_cases (cache);
  if (have == 0)
    g_error ("the cache is empty: sync first");

  sql = g_strdup_printf (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %u)"
    " INSERT INTO cases SELECT id || '-' || i, number || '-' || i, version, department, lead,"
    " matter_code, matter_name, instant, status, assignee_username, assignee_name, outcome,"
    " decided_on - i %% 120, organisation, applicant_name, applicant_id, received_at + i,"
    " accepted_on - i %% 120, green_channel, urgent, updated_at, clock_accepted_on - i %% 120,"
    " statutory_limit, promised_limit, extension_days, supplement_requested_on - i %% 120,"
    " suspensions, parallel, NULL, NULL"
    " FROM cases, n LIMIT %" G_GINT64_FORMAT,
    (guint) (target / have + 1), (gint64) target - have);
  if (!_cs_cache_exec (cache, sql, &error))
    g_error ("%s", error->message);
  printf ("inflate %" G_GINT64_FORMAT " 0 %ld\n", cs_cache_count_cases (cache), peak_rss_kib ());
  return 0;
}

static int
bench_load (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsCache) cache = cs_cache_new (dir, &error);
  g_autoptr(CsCaseList) list = cs_case_list_new ();
  g_autoptr(GAsyncResult) result = NULL;
  gint64 start;

  if (cache == NULL)
    g_error ("%s", error->message);

  start = g_get_monotonic_time ();
  cs_case_list_load_async (list, cache, NULL, store_result, &result);
  if (!cs_case_list_load_finish (list, wait_for (&result), &error))
    g_error ("%s", error->message);
  printf ("load %u %.3f %ld\n", g_list_model_get_n_items (G_LIST_MODEL (list)),
          (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC, peak_rss_kib ());
  return 0;
}

int
main (int    argc,
      char **argv)
{
  if (argc == 4 && g_str_equal (argv[1], "sync"))
    return bench_sync (argv[2], argv[3], FALSE);
  if (argc == 5 && g_str_equal (argv[1], "sync") && g_str_equal (argv[4], "--catalogue"))
    return bench_sync (argv[2], argv[3], TRUE);
  if (argc == 4 && g_str_equal (argv[1], "inflate"))
    return bench_inflate (argv[2], (guint) g_ascii_strtoull (argv[3], NULL, 10));
  if (argc == 3 && g_str_equal (argv[1], "load"))
    return bench_load (argv[2]);

  g_printerr ("usage: bench-core sync URL DIR [--catalogue] | inflate DIR N | load DIR\n");
  return 2;
}
