/* test-client.c — the client, cache, sync and outbox against a real
 * countersign-central on loopback
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <countersign.h>

#include "cs-cache.h"
#include "cs-case-list.h"
#include "cs-client.h"
#include "cs-feed.h"
#include "cs-outbox.h"
#include "cs-sync.h"
#include "cs-test-central.h"

static CsTestCentral *central;
static GPtrArray *temp_dirs;     /* removed at the end */

static CsClient *
signed_in_client (const char *username)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsClient) client = cs_client_new (central->url, &error);
  g_autofree char *token = cs_test_central_login (central, username);

  g_assert_no_error (error);
  cs_client_set_token (client, token);
  return g_steal_pointer (&client);
}

static char *
temp_dir (void)
{
  char *dir = g_dir_make_tmp ("cs-client-XXXXXX", NULL);

  g_assert_nonnull (dir);
  g_ptr_array_add (temp_dirs, g_strdup (dir));
  return dir;
}

static void
test_login (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsClient) client = cs_client_new (central->url, &error);
  g_autoptr(GAsyncResult) bad = NULL;
  g_autoptr(GAsyncResult) good = NULL;
  g_autoptr(GAsyncResult) me_result = NULL;
  g_autoptr(GAsyncResult) out_result = NULL;
  g_autoptr(GAsyncResult) after_result = NULL;
  g_autoptr(CsUser) user = NULL;
  g_autoptr(CsUser) me = NULL;
  g_autoptr(CsUser) nobody = NULL;
  g_autofree char *token = NULL;
  g_autofree char *none = NULL;

  g_assert_no_error (error);

  cs_client_login_async (client, "health-approver", "wrong", NULL, cs_test_store_result, &bad);
  none = cs_client_login_finish (client, cs_test_wait (&bad), NULL, &error);
  g_assert_null (none);
  g_assert_error (error, CS_ERROR, CS_ERROR_INVALID_CREDENTIALS);
  g_assert_false (cs_error_is_transient (error));
  g_clear_error (&error);

  cs_client_login_async (client, "health-chief", "demo", NULL, cs_test_store_result, &good);
  token = cs_client_login_finish (client, cs_test_wait (&good), &user, &error);
  g_assert_no_error (error);
  g_assert_nonnull (token);
  g_assert_true (cs_user_is_chief (user));
  g_assert_cmpstr (cs_user_get_department (user), ==, "health");

  cs_client_set_token (client, token);
  cs_client_get_me_async (client, NULL, cs_test_store_result, &me_result);
  me = cs_client_get_me_finish (client, cs_test_wait (&me_result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cs_user_get_username (me), ==, "health-chief");

  cs_client_logout_async (client, NULL, cs_test_store_result, &out_result);
  g_assert_true (cs_client_logout_finish (client, cs_test_wait (&out_result), &error));
  g_assert_no_error (error);

  cs_client_get_me_async (client, NULL, cs_test_store_result, &after_result);
  nobody = cs_client_get_me_finish (client, cs_test_wait (&after_result), &error);
  g_assert_null (nobody);
  g_assert_error (error, CS_ERROR, CS_ERROR_UNAUTHORIZED);
}

static void
test_unreachable (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(CsClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CsUser) user = NULL;
  g_autofree char *url = NULL;

  /* A port that was free a moment ago and is closed now. */
  g_assert_true (g_socket_listener_add_address (listener, address, G_SOCKET_TYPE_STREAM,
                                                G_SOCKET_PROTOCOL_TCP, NULL, &bound, &error));
  url = g_strdup_printf ("http://127.0.0.1:%u",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_socket_listener_close (listener);

  client = cs_client_new (url, &error);
  cs_client_set_token (client, "x");
  cs_client_get_me_async (client, NULL, cs_test_store_result, &result);
  user = cs_client_get_me_finish (client, cs_test_wait (&result), &error);
  g_assert_null (user);
  g_assert_error (error, CS_ERROR, CS_ERROR_NETWORK);
  g_assert_true (cs_error_is_transient (error));
  g_assert_nonnull (strstr (error->message, url));
}

static void
test_bad_urls (void)
{
  static const char * const bad[] = {
    "ftp://127.0.0.1", "127.0.0.1:8080", "http://", "http://h/x?y=1", "", "https://u:p@h/",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CsClient) client = cs_client_new (bad[i], &error);

      g_assert_null (client);
      g_assert_error (error, CS_ERROR, CS_ERROR_INVALID);
    }
  {
    g_autofree char *url = cs_client_normalize_url ("https://central.example:8443//", NULL);
    g_assert_cmpstr (url, ==, "https://central.example:8443");
  }
}

/* HTTPS with the demo CA: refused without it, accepted with it as extra
 * trust; a missing CA file is an error, never a silent fallback. */
static void
test_tls (void)
{
  g_autoptr(CsTestCentral) tls = g_new0 (CsTestCentral, 1);
  g_autofree char *cert = g_build_filename (central->dir, "demo", "server.pem", NULL);
  g_autofree char *key = g_build_filename (central->dir, "demo", "server-key.pem", NULL);
  g_autofree char *ca = g_build_filename (central->dir, "demo", "ca.pem", NULL);
  g_autofree char *token = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsClient) client = NULL;
  g_autoptr(GAsyncResult) refused = NULL;
  g_autoptr(GAsyncResult) accepted = NULL;
  g_autoptr(CsUser) user = NULL;

  tls->db_path = g_strdup (central->db_path);
  tls->dir = g_dir_make_tmp ("countersign-test-XXXXXX", NULL);
  tls->session = cs_test_session_new ();
  soup_session_set_tls_database (tls->session, g_tls_file_database_new (ca, NULL));
  cs_test_central_serve (tls, "--tls-cert", cert, "--tls-key", key, NULL);
  token = cs_test_central_login (tls, "health-approver");

  client = cs_client_new (tls->url, &error);
  cs_client_set_token (client, token);
  cs_client_get_me_async (client, NULL, cs_test_store_result, &refused);
  user = cs_client_get_me_finish (client, cs_test_wait (&refused), &error);
  g_assert_null (user);
  g_assert_error (error, CS_ERROR, CS_ERROR_TLS);
  g_assert_false (cs_error_is_transient (error));
  g_clear_error (&error);

  g_assert_false (cs_client_set_ca_file (client, "/nonexistent/ca.pem", &error));
  g_assert_error (error, CS_ERROR, CS_ERROR_TLS);
  g_clear_error (&error);

  g_assert_true (cs_client_set_ca_file (client, ca, &error));
  g_assert_no_error (error);
  cs_client_get_me_async (client, NULL, cs_test_store_result, &accepted);
  user = cs_client_get_me_finish (client, cs_test_wait (&accepted), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cs_user_get_username (user), ==, "health-approver");

  /* Close the TLS connection now, while the main loop can finish it. */
  g_clear_object (&client);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_catalogue_and_calendar (void)
{
  g_autoptr(CsClient) client = signed_in_client ("health-approver");
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) matters_result = NULL;
  g_autoptr(GAsyncResult) year_result = NULL;
  g_autoptr(GAsyncResult) missing_result = NULL;
  g_autoptr(JsonNode) matters = NULL;
  g_autoptr(JsonNode) year = NULL;
  g_autoptr(JsonNode) missing = NULL;

  cs_client_get_matters_async (client, NULL, cs_test_store_result, &matters_result);
  matters = cs_client_get_matters_finish (client, cs_test_wait (&matters_result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (matters)), >, 5);

  cs_client_get_calendar_async (client, 2026, NULL, cs_test_store_result, &year_result);
  year = cs_client_get_calendar_finish (client, cs_test_wait (&year_result), &error);
  g_assert_no_error (error);

  cs_client_get_calendar_async (client, 2031, NULL, cs_test_store_result, &missing_result);
  missing = cs_client_get_calendar_finish (client, cs_test_wait (&missing_result), &error);
  g_assert_null (missing);
  g_assert_error (error, CS_ERROR, CS_ERROR_NOT_FOUND);
}

static void
test_sync (void)
{
  g_autoptr(CsClient) client = signed_in_client ("health-approver");
  g_autofree char *dir = temp_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CsCache) cache = cs_cache_new (dir, &error);
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GAsyncResult) loaded = NULL;
  g_autoptr(GListModel) matters = NULL;
  g_autoptr(CsCalendar) calendar = NULL;
  g_autoptr(CsCaseList) list = cs_case_list_new ();
  gint64 expected;
  guint fetched = 0;
  GDate national_day;

  g_assert_no_error (error);
  expected = cs_test_sqlite_count (central,
                                   "SELECT count(DISTINCT case_id) FROM case_parts"
                                   " WHERE department = 'health'");
  g_assert_cmpint (expected, >, 0);

  cs_sync_async (client, cache, CS_SYNC_NONE, NULL, cs_test_store_result, &first);
  g_assert_true (cs_sync_finish (cs_test_wait (&first), &fetched, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fetched, ==, expected);
  g_assert_cmpint (cs_cache_count_cases (cache), ==, expected);

  matters = cs_cache_load_matters (cache, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (matters), >, 5);
  calendar = cs_cache_load_calendar (cache, &error);
  g_assert_no_error (error);
  g_date_set_dmy (&national_day, 1, G_DATE_OCTOBER, 2026);
  g_assert_false (cs_calendar_is_workday (calendar, &national_day));

  /* Incremental: only what changed at or after the newest change seen. */
  cs_sync_async (client, cache, CS_SYNC_CASES_ONLY, NULL, cs_test_store_result, &second);
  g_assert_true (cs_sync_finish (cs_test_wait (&second), &fetched, &error));
  g_assert_cmpint (fetched, <, expected);

  cs_case_list_load_async (list, cache, NULL, cs_test_store_result, &loaded);
  g_assert_true (cs_case_list_load_finish (list, cs_test_wait (&loaded), &error));
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, expected);
}

/* A sync in many pages: each asked for as soon as the headers of the one
 * before name it (two in flight), stored in order, all of them once. */
static void
test_sync_in_pages (void)
{
  g_autoptr(CsClient) client = signed_in_client ("health-approver");
  g_autofree char *dir = temp_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CsCache) cache = cs_cache_new (dir, &error);
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *mark = NULL;
  gint64 expected;
  guint fetched = 0;

  g_assert_no_error (error);
  expected = cs_test_sqlite_count (central,
                                   "SELECT count(DISTINCT case_id) FROM case_parts"
                                   " WHERE department = 'health'");
  g_assert_cmpint (expected, >, 30);

  _cs_sync_set_page_size (7);
  cs_sync_async (client, cache, CS_SYNC_FULL | CS_SYNC_CASES_ONLY, NULL, cs_test_store_result,
                 &result);
  g_assert_true (cs_sync_finish (cs_test_wait (&result), &fetched, &error));
  _cs_sync_set_page_size (0);
  g_assert_no_error (error);
  g_assert_cmpint (fetched, ==, expected);
  g_assert_cmpint (cs_cache_count_cases (cache), ==, expected);

  /* The high-water mark went in with the last page: the newest change. */
  mark = cs_cache_dup_meta (cache, "sync.updated-since");
  g_assert_nonnull (mark);
  {
    g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (mark, NULL);
    g_autoptr(GPtrArray) cases = cs_cache_load_cases (cache, NULL, &error);
    gint64 usec, newest = 0;

    g_assert_no_error (error);
    g_assert_nonnull (at);
    usec = g_date_time_to_unix (at) * G_USEC_PER_SEC + g_date_time_get_microsecond (at);
    for (guint i = 0; i < cases->len; i++)
      newest = MAX (newest, cs_case_get_updated_at (g_ptr_array_index (cases, i)));
    g_assert_cmpint (usec, ==, newest);
  }
}

typedef struct
{
  char *told;
} NextPage;

static void
next_page_told (const char *cursor,
                gpointer    user_data)
{
  NextPage *next = user_data;

  g_assert_null (next->told);
  next->told = g_strdup (cursor);
}

/* The client learns the next page from the headers, before the body. */
static void
test_next_page_link (void)
{
  g_autoptr(CsClient) client = signed_in_client ("health-approver");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) last = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonNode) page = NULL;
  NextPage next = { NULL };
  NextPage none = { NULL };

  cs_client_list_cases_bytes_async (client, NULL, NULL, 20, next_page_told, &next, NULL,
                                    cs_test_store_result, &result);
  body = cs_client_list_cases_bytes_finish (client, cs_test_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (next.told);
  page = json_from_string (g_bytes_get_data (body, NULL), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (next.told, ==,
                   json_object_get_string_member (json_node_get_object (page), "next_cursor"));
  g_clear_pointer (&body, g_bytes_unref);

  /* The last page names none. */
  cs_client_list_cases_bytes_async (client, NULL, NULL, 500, next_page_told, &none, NULL,
                                    cs_test_store_result, &last);
  body = cs_client_list_cases_bytes_finish (client, cs_test_wait (&last), &error);
  g_assert_no_error (error);
  g_assert_null (none.told);
  g_free (next.told);
}

static char *
first_case (const char *token,
            const char *status)
{
  g_autofree char *path = g_strdup_printf ("/v1/cases?status=%s&limit=500", status);
  g_autoptr(CsTestResponse) response = cs_test_request (central, "GET", path, token, NULL, NULL);
  JsonArray *items = json_object_get_array_member (cs_test_response_object (response), "items");

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (json_object_get_null_member (item, "parallel"))
        return g_strdup (json_object_get_string_member (item, "id"));
    }
  g_assert_not_reached ();
}

static void
test_case_etag_and_download (void)
{
  g_autoptr(CsClient) client = signed_in_client ("health-approver");
  g_autofree char *token = cs_test_central_login (central, "health-approver");
  g_autofree char *id = first_case (token, "forwarded");
  g_autofree char *dir = temp_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CsCache) cache = cs_cache_new (dir, &error);
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) again = NULL;
  g_autoptr(GAsyncResult) fetched = NULL;
  g_autoptr(GAsyncResult) resumed = NULL;
  g_autoptr(GAsyncResult) damaged = NULL;
  g_autoptr(CsCase) kase = NULL;
  g_autoptr(CsCase) same = NULL;
  g_autoptr(CsCase) cached = NULL;
  g_autoptr(CsMaterial) material = NULL;
  g_autoptr(GFile) partial = NULL;
  g_autoptr(GFile) stored = NULL;
  g_autoptr(GBytes) whole = NULL;
  g_autoptr(GBytes) again_bytes = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *etag2 = NULL;
  g_autofree char *cached_etag = NULL;
  gsize size;

  cs_client_get_case_async (client, id, NULL, NULL, cs_test_store_result, &first);
  kase = cs_client_get_case_finish (client, cs_test_wait (&first), &etag, &error);
  g_assert_no_error (error);
  g_assert_true (cs_case_is_full (kase));
  g_assert_nonnull (etag);
  g_assert_true (cs_cache_store_case (cache, kase, etag, &error));

  cs_client_get_case_async (client, id, etag, NULL, cs_test_store_result, &again);
  same = cs_client_get_case_finish (client, cs_test_wait (&again), &etag2, &error);
  g_assert_no_error (error);
  g_assert_null (same);              /* 304 */
  g_assert_cmpstr (etag2, ==, etag);

  cached = cs_cache_load_case (cache, id, &cached_etag, &error);
  g_assert_no_error (error);
  g_assert_true (cs_case_is_full (cached));
  g_assert_cmpstr (cached_etag, ==, etag);
  g_assert_cmpuint (g_list_model_get_n_items (cs_case_get_materials (cached)), >, 0);

  material = g_list_model_get_item (cs_case_get_materials (kase), 0);
  partial = cs_cache_get_partial_file (cache, cs_material_get_sha256 (material));
  cs_client_download_async (client, id, cs_material_get_id (material),
                            cs_material_get_sha256 (material), partial, NULL, NULL,
                            NULL, cs_test_store_result, &fetched);
  g_assert_true (cs_client_download_finish (client, cs_test_wait (&fetched), &error));
  g_assert_no_error (error);
  whole = g_file_load_bytes (partial, NULL, NULL, &error);
  g_assert_cmpuint (g_bytes_get_size (whole), ==, cs_material_get_size (material));

  /* Resume: only the first 1000 bytes are there; the rest comes by Range. */
  size = MIN (1000, g_bytes_get_size (whole) / 2);
  g_assert_true (g_file_replace_contents (partial, g_bytes_get_data (whole, NULL), size, NULL,
                                          FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error));
  cs_client_download_async (client, id, cs_material_get_id (material),
                            cs_material_get_sha256 (material), partial, NULL, NULL,
                            NULL, cs_test_store_result, &resumed);
  g_assert_true (cs_client_download_finish (client, cs_test_wait (&resumed), &error));
  g_assert_no_error (error);
  again_bytes = g_file_load_bytes (partial, NULL, NULL, &error);
  g_assert_true (g_bytes_equal (whole, again_bytes));

  stored = cs_cache_commit_material (cache, cs_material_get_sha256 (material), &error);
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = cs_cache_lookup_material (cache, cs_material_get_sha256 (material));
  g_assert_nonnull (stored);

  /* A partial file with wrong bytes is caught by the checksum and removed. */
  g_clear_object (&partial);
  partial = cs_cache_get_partial_file (cache, cs_material_get_sha256 (material));
  g_assert_true (g_file_replace_contents (partial, "garbage!", 8, NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, &error));
  cs_client_download_async (client, id, cs_material_get_id (material),
                            cs_material_get_sha256 (material), partial, NULL, NULL,
                            NULL, cs_test_store_result, &damaged);
  g_assert_false (cs_client_download_finish (client, cs_test_wait (&damaged), &error));
  g_assert_error (error, CS_ERROR, CS_ERROR_PROTOCOL);
  g_assert_false (g_file_query_exists (partial, NULL));
}

static void
test_outbox (void)
{
  g_autoptr(CsClient) client = signed_in_client ("health-approver");
  g_autoptr(CsClient) other = signed_in_client ("health-chief");
  g_autofree char *token = cs_test_central_login (central, "health-approver");
  g_autofree char *id = first_case (token, "forwarded");
  g_autofree char *dir = temp_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CsCache) cache = cs_cache_new (dir, &error);
  g_autoptr(CsOutbox) outbox = cs_outbox_new (cache);
  g_autoptr(CsOutboxItem) claim = NULL;
  g_autoptr(CsOutboxItem) review = NULL;
  g_autoptr(CsOutboxItem) conflict = NULL;
  g_autoptr(GAsyncResult) drained = NULL;
  g_autoptr(GAsyncResult) drained2 = NULL;
  g_autoptr(GAsyncResult) start = NULL;
  g_autoptr(GAsyncResult) events_result = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) left = NULL;
  g_autoptr(CsCase) cached = NULL;
  gint64 last_seq = 0, next_seq = 0;
  guint sent = 0, failed = 0;
  gboolean saw_change = FALSE;

  g_assert_no_error (error);

  cs_client_get_events_async (client, -1, 0, NULL, cs_test_store_result, &start);
  events = cs_client_get_events_finish (client, cs_test_wait (&start), &last_seq, &error);
  g_assert_no_error (error);
  g_clear_pointer (&events, g_ptr_array_unref);

  claim = cs_outbox_enqueue_claim (outbox, id, NULL, &error);
  g_assert_no_error (error);
  review = cs_outbox_enqueue_review (outbox, id, "材料齐全，正在核对。", CS_OUTCOME_GRANT,
                                     FALSE, NULL, &error);
  g_assert_no_error (error);

  cs_outbox_drain_async (outbox, client, CS_OUTBOX_DRAIN_NONE, NULL, cs_test_store_result,
                         &drained);
  g_assert_true (cs_outbox_drain_finish (outbox, cs_test_wait (&drained), &sent, &failed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sent, ==, 2);
  g_assert_cmpuint (failed, ==, 0);
  g_assert_cmpuint (cs_outbox_count_pending (outbox), ==, 0);

  /* The answer to the review updated the cache. */
  cached = cs_cache_load_case (cache, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cs_case_get_status (cached), ==, CS_CASE_STATUS_UNDER_REVIEW);
  g_assert_cmpstr (cs_case_get_assignee_username (cached), ==, "health-approver");

  /* The event feed saw it. */
  cs_client_get_events_async (client, last_seq, 0, NULL, cs_test_store_result, &events_result);
  events = cs_client_get_events_finish (client, cs_test_wait (&events_result), &next_seq, &error);
  g_assert_no_error (error);
  g_assert_cmpint (next_seq, >, last_seq);
  for (guint i = 0; i < events->len; i++)
    if (g_strcmp0 (cs_event_get_case_id (g_ptr_array_index (events, i)), id) == 0)
      saw_change = TRUE;
  g_assert_true (saw_change);

  /* Someone else claiming it is a 409: failed, kept, never retried. */
  {
    g_autoptr(CsCache) other_cache = NULL;
    g_autoptr(CsOutbox) other_outbox = NULL;
    g_autofree char *other_dir = temp_dir ();
    GPtrArray *items;

    other_cache = cs_cache_new (other_dir, &error);
    other_outbox = cs_outbox_new (other_cache);
    conflict = cs_outbox_enqueue_claim (other_outbox, id, NULL, &error);
    cs_outbox_drain_async (other_outbox, other, CS_OUTBOX_DRAIN_NONE, NULL, cs_test_store_result,
                           &drained2);
    g_assert_true (cs_outbox_drain_finish (other_outbox, cs_test_wait (&drained2), &sent, &failed,
                                           &error));
    g_assert_cmpuint (sent, ==, 0);
    g_assert_cmpuint (failed, ==, 1);
    items = cs_outbox_list (other_outbox, FALSE, &error);
    g_assert_cmpuint (items->len, ==, 1);
    g_assert_cmpint (cs_outbox_item_get_state (g_ptr_array_index (items, 0)), ==,
                     CS_OUTBOX_FAILED);
    g_assert_nonnull (cs_outbox_item_get_last_error (g_ptr_array_index (items, 0)));
    g_ptr_array_unref (items);
  }
}

/* Server down: the write stays pending with a backoff; nothing is lost. */
static void
test_outbox_offline (void)
{
  g_autofree char *dir = temp_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CsCache) cache = cs_cache_new (dir, &error);
  g_autoptr(CsOutbox) outbox = cs_outbox_new (cache);
  g_autoptr(CsClient) client = cs_client_new ("http://127.0.0.1:9", &error);
  g_autoptr(CsOutboxItem) item = NULL;
  g_autoptr(GAsyncResult) drained = NULL;
  g_autoptr(GPtrArray) items = NULL;
  CsOutboxItem *after;

  item = cs_outbox_enqueue_claim (outbox, "c1", NULL, &error);
  cs_outbox_drain_async (outbox, client, CS_OUTBOX_DRAIN_NONE, NULL, cs_test_store_result,
                         &drained);
  g_assert_false (cs_outbox_drain_finish (outbox, cs_test_wait (&drained), NULL, NULL, &error));
  g_assert_error (error, CS_ERROR, CS_ERROR_NETWORK);

  items = cs_outbox_list (outbox, FALSE, NULL);
  g_assert_cmpuint (items->len, ==, 1);
  after = g_ptr_array_index (items, 0);
  g_assert_cmpint (cs_outbox_item_get_state (after), ==, CS_OUTBOX_PENDING);
  g_assert_cmpuint (cs_outbox_item_get_attempts (after), ==, 1);
  g_assert_cmpint (cs_outbox_item_get_next_attempt_at (after), >, g_get_real_time ());
  g_assert_cmpstr (cs_outbox_item_get_idempotency_key (after), ==,
                   cs_outbox_item_get_idempotency_key (item));
}

static void
on_case_changed (CsFeed     *feed,
                 CsCase     *kase,
                 GPtrArray  *seen)
{
  g_ptr_array_add (seen, g_strdup (cs_case_get_id (kase)));
}

static void
on_synced (CsFeed   *feed,
           gboolean *synced)
{
  *synced = TRUE;
}

static gboolean
timed_out (gpointer user_data)
{
  g_error ("timed out waiting for the feed");
  return G_SOURCE_REMOVE;
}

/* A change made elsewhere reaches the cache and the listeners through the
 * event feed, without polling the list. */
static void
test_feed (void)
{
  g_autoptr(CsClient) client = signed_in_client ("health-approver");
  g_autofree char *token = cs_test_central_login (central, "health-approver");
  g_autofree char *id = first_case (token, "forwarded");
  g_autofree char *dir = temp_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CsCache) cache = cs_cache_new (dir, &error);
  g_autoptr(CsFeed) feed = cs_feed_new (client, cache);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CsTestResponse) claimed = NULL;
  g_autoptr(CsCase) cached = NULL;
  g_autofree char *path = NULL;
  gboolean synced = FALSE;
  guint timeout;

  g_signal_connect (feed, "case-changed", G_CALLBACK (on_case_changed), seen);
  g_signal_connect (feed, "synced", G_CALLBACK (on_synced), &synced);
  timeout = g_timeout_add_seconds (30, timed_out, NULL);

  cs_feed_start (feed);
  while (!synced)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (cs_feed_get_online (feed));
  g_assert_cmpint (cs_cache_count_cases (cache), >, 0);

  /* Give the long poll a moment to be under way, then change the case. */
  for (guint i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);
  path = g_strdup_printf ("/v1/cases/%s/claim", id);
  claimed = cs_test_request (central, "POST", path, token, "{}", NULL);
  g_assert_cmpuint (claimed->status, ==, 200);

  while (!g_ptr_array_find_with_equal_func (seen, id, g_str_equal, NULL))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);

  cached = cs_cache_load_case (cache, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cs_case_get_status (cached), ==, CS_CASE_STATUS_CLAIMED);
  cs_feed_stop (feed);

  /* Let the cancelled requests and any worker thread report back: the feed
   * goes away only when nothing of it is left under way. */
  {
    CsFeed *gone = g_steal_pointer (&feed);

    g_object_add_weak_pointer (G_OBJECT (gone), (gpointer *) &gone);
    g_object_unref (gone);
    while (gone != NULL)
      g_main_context_iteration (NULL, TRUE);
  }
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  central = cs_test_central_start ();
  temp_dirs = g_ptr_array_new_with_free_func (g_free);

  g_test_add_func ("/client/login", test_login);
  g_test_add_func ("/client/unreachable", test_unreachable);
  g_test_add_func ("/client/bad-urls", test_bad_urls);
  g_test_add_func ("/client/tls", test_tls);
  g_test_add_func ("/client/catalogue-and-calendar", test_catalogue_and_calendar);
  g_test_add_func ("/client/sync", test_sync);
  g_test_add_func ("/client/sync/in-pages", test_sync_in_pages);
  g_test_add_func ("/client/next-page-link", test_next_page_link);
  g_test_add_func ("/client/case-etag-and-download", test_case_etag_and_download);
  g_test_add_func ("/client/outbox", test_outbox);
  g_test_add_func ("/client/outbox-offline", test_outbox_offline);
  g_test_add_func ("/client/feed", test_feed);

  status = g_test_run ();
  cs_test_central_free (central);
  for (guint i = 0; i < temp_dirs->len; i++)
    cs_test_remove_tree (g_ptr_array_index (temp_dirs, i));
  g_ptr_array_unref (temp_dirs);
  return status;
}
