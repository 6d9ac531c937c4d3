/* test-session-preload.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "countersign.h"
#include "cs-case-info.h"
#include "cs-client.h"
#include "cs-session.h"
#include "cs-sync.h"
#include "cs-test-central.h"

/* The desk reads the remembered account's inbox from its cache while GTK
 * starts up (cs_session_preload()), against a real server's synced caches:
 * the opening of that account shows exactly what an opening without the
 * preload shows, its deadlines worked out with the session's calendar;
 * the opening of any other account never shows the preloaded cases; an
 * account without a cache gets none made; a cache that cannot be read
 * fails the opening as it would have without the preload. */

static CsTestCentral *central;
static char *server_url;
static char *data_dir;
static char *approver_token;
static char *market_token;
static char *chief_token;

static char *
account_dir (const char *username)
{
  return cs_cache_account_dir (data_dir, server_url, username);
}

/* The account's cache, synced from the server as the desk would. */
static guint
sync_account (const char *username,
              const char *token)
{
  g_autofree char *dir = account_dir (username);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsCache) cache = cs_cache_new (dir, &error);
  g_autoptr(CsClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  guint fetched = 0;

  g_assert_no_error (error);
  client = cs_client_new (server_url, &error);
  g_assert_no_error (error);
  cs_client_set_token (client, token);
  cs_sync_async (client, cache, CS_SYNC_FULL, NULL, cs_test_store_result, &result);
  g_assert_true (cs_sync_finish (cs_test_wait (&result), &fetched, &error));
  g_assert_no_error (error);
  return fetched;
}

/* Opens @username's account in a new session, after a preload of
 * @preload_username's inbox when that is not %NULL. */
static CsSession *
open_session (const char  *preload_username,
              const char  *username,
              const char  *token,
              GError     **error)
{
  g_autoptr(CsSession) session = cs_session_new (data_dir);
  g_autoptr(GAsyncResult) result = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 18, 11, 2026);
  cs_session_set_today (session, &today);
  if (preload_username != NULL)
    cs_session_preload (session, server_url, preload_username);

  g_setenv ("COUNTERSIGN_TOKEN", token, TRUE);
  cs_session_resume_async (session, server_url, NULL, username, NULL, cs_test_store_result,
                           &result);
  if (!cs_session_resume_finish (session, cs_test_wait (&result), error))
    return NULL;
  return g_steal_pointer (&session);
}

static GPtrArray *
case_ids (CsSession *session)
{
  GListModel *cases = G_LIST_MODEL (cs_session_get_cases (session));
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(CsCase) kase = g_list_model_get_item (cases, i);

      g_ptr_array_add (ids, g_strdup (cs_case_get_id (kase)));
    }
  return ids;
}

static void
assert_same_ids (GPtrArray *a,
                 GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpstr (g_ptr_array_index (a, i), ==, g_ptr_array_index (b, i));
}

static void
test_same_account (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsSession) plain = NULL;
  g_autoptr(CsSession) preloaded = NULL;
  g_autoptr(GPtrArray) plain_ids = NULL;
  g_autoptr(GPtrArray) preloaded_ids = NULL;
  GListModel *cases;
  CsCalendar *calendar;
  GDate today;

  plain = open_session (NULL, "health-approver", approver_token, &error);
  g_assert_no_error (error);
  plain_ids = case_ids (plain);
  g_assert_cmpuint (plain_ids->len, >, 0);

  preloaded = open_session ("health-approver", "health-approver", approver_token, &error);
  g_assert_no_error (error);
  preloaded_ids = case_ids (preloaded);
  assert_same_ids (plain_ids, preloaded_ids);

  /* The calendar the cases were prepared with is the session's: the
   * inbox's first frame works nothing out. */
  calendar = cs_session_get_calendar (preloaded);
  g_assert_nonnull (calendar);
  cs_session_get_today (preloaded, &today);
  cases = G_LIST_MODEL (cs_session_get_cases (preloaded));
  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(CsCase) kase = g_list_model_get_item (cases, i);

      g_assert_true (cs_case_info_is_ready (kase, calendar, &today));
    }
}

static void
test_other_account (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsSession) plain = NULL;
  g_autoptr(CsSession) session = NULL;
  g_autoptr(GPtrArray) approver_ids = NULL;
  g_autoptr(GPtrArray) plain_ids = NULL;
  g_autoptr(GPtrArray) ids = NULL;

  plain = open_session (NULL, "health-approver", approver_token, &error);
  g_assert_no_error (error);
  approver_ids = case_ids (plain);
  g_clear_object (&plain);

  /* Another department: none of the same cases. */
  plain = open_session (NULL, "market-approver", market_token, &error);
  g_assert_no_error (error);
  plain_ids = case_ids (plain);
  g_clear_object (&plain);
  g_assert_cmpuint (plain_ids->len, >, 0);
  g_assert_false (g_ptr_array_find_with_equal_func (approver_ids,
                                                    g_ptr_array_index (plain_ids, 0),
                                                    g_str_equal, NULL));

  /* The health approver's inbox read ahead; the market approver signs in. */
  session = open_session ("health-approver", "market-approver", market_token, &error);
  g_assert_no_error (error);
  ids = case_ids (session);
  assert_same_ids (plain_ids, ids);
  g_assert_cmpstr (cs_session_get_username (session), ==, "market-approver");
}

static void
test_dropped (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsSession) plain = NULL;
  g_autoptr(CsSession) session = cs_session_new (data_dir);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) plain_ids = NULL;
  g_autoptr(GPtrArray) ids = NULL;

  plain = open_session (NULL, "health-approver", approver_token, &error);
  g_assert_no_error (error);
  plain_ids = case_ids (plain);

  /* Dropped before its reading ends, or after: the opening reads itself. */
  cs_session_preload (session, server_url, "health-approver");
  cs_session_drop_preload (session);
  g_setenv ("COUNTERSIGN_TOKEN", approver_token, TRUE);
  cs_session_resume_async (session, server_url, NULL, "health-approver", NULL, cs_test_store_result,
                           &result);
  g_assert_true (cs_session_resume_finish (session, cs_test_wait (&result), &error));
  g_assert_no_error (error);
  ids = case_ids (session);
  assert_same_ids (plain_ids, ids);
}

static void
test_no_cache (void)
{
  g_autoptr(CsSession) session = cs_session_new (data_dir);
  g_autofree char *dir = account_dir ("nobody-here");

  cs_session_preload (session, server_url, "nobody-here");
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
  cs_session_drop_preload (session);
}

/* A cache that a newer Countersign wrote: the opening fails, preload or
 * not, with the same error. */
static void
test_unreadable (void)
{
  g_autofree char *dir = account_dir ("health-chief");
  g_autofree char *path = g_build_filename (dir, "cache.db", NULL);
  g_autoptr(GError) plain_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsSession) plain = NULL;
  g_autoptr(CsSession) session = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);

  plain = open_session (NULL, "health-chief", chief_token, &plain_error);
  g_assert_null (plain);
  g_assert_error (plain_error, CS_ERROR, CS_ERROR_CACHE);

  session = open_session ("health-chief", "health-chief", chief_token, &error);
  g_assert_null (session);
  g_assert_error (error, CS_ERROR, CS_ERROR_CACHE);
  g_assert_cmpstr (error->message, ==, plain_error->message);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  central = cs_test_central_start ();
  server_url = cs_client_normalize_url (central->url, &error);
  g_assert_no_error (error);
  data_dir = g_dir_make_tmp ("countersign-preload-XXXXXX", &error);
  g_assert_no_error (error);
  approver_token = cs_test_central_login (central, "health-approver");
  market_token = cs_test_central_login (central, "market-approver");
  chief_token = cs_test_central_login (central, "health-chief");
  g_assert_cmpuint (sync_account ("health-approver", approver_token), >, 0);
  g_assert_cmpuint (sync_account ("market-approver", market_token), >, 0);
  sync_account ("health-chief", chief_token);

  g_test_add_func ("/session-preload/same-account", test_same_account);
  g_test_add_func ("/session-preload/other-account", test_other_account);
  g_test_add_func ("/session-preload/dropped", test_dropped);
  g_test_add_func ("/session-preload/no-cache", test_no_cache);
  g_test_add_func ("/session-preload/unreadable", test_unreadable);

  status = g_test_run ();
  cs_test_remove_tree (data_dir);
  g_free (data_dir);
  g_free (server_url);
  g_free (approver_token);
  g_free (market_token);
  g_free (chief_token);
  cs_test_central_free (central);
  return status;
}
