/* test-transfers.c — what the client puts on the wire, proved from the
 * wire: a download resumed by Range, an incremental sync, the outbox's
 * retries on 5xx. The client talks to a real countersign-central through
 * a recording relay (cs-test-relay.c) that can also inject a proxy's 503.
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <countersign.h>

#include "cs-cache.h"
#include "cs-client.h"
#include "cs-outbox.h"
#include "cs-sync.h"
#include "cs-test-central.h"
#include "cs-test-relay.h"

static CsTestCentral *central;
static CsTestRelay *relay;
static GPtrArray *temp_dirs;     /* removed at the end */

/* A client that goes through the relay. */
static CsClient *
relayed_client (const char *username)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsClient) client = cs_client_new (cs_test_relay_get_url (relay), &error);
  g_autofree char *token = cs_test_central_login (central, username);

  g_assert_no_error (error);
  cs_client_set_token (client, token);
  return g_steal_pointer (&client);
}

static CsCache *
temp_cache (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cs-transfers-XXXXXX", NULL);
  CsCache *cache;

  g_assert_nonnull (dir);
  g_ptr_array_add (temp_dirs, g_strdup (dir));
  cache = cs_cache_new (dir, &error);
  g_assert_no_error (error);
  return cache;
}

/* The first column of the first row, as text, from the server's database. */
static char *
sqlite_text (const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (central->db_path, &db, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* The exchanges since @mark whose method is @method and path holds @part. */
static GPtrArray *
exchanges_to (guint       mark,
              const char *method,
              const char *part)
{
  g_autoptr(GPtrArray) all = cs_test_relay_exchanges (relay, mark);
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < all->len; i++)
    {
      const CsTestExchange *exchange = g_ptr_array_index (all, i);

      if (g_str_equal (exchange->method, method) && strstr (exchange->path, part) != NULL)
        g_ptr_array_add (found, (gpointer) exchange);
    }
  return found;
}

static char *
file_sha256 (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

static goffset
file_size (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info != NULL ? g_file_info_get_size (info) : -1;
}

typedef struct
{
  GCancellable *cancellable;
  goffset at;                   /* what the partial file held when cancelled */
} Interruption;

/* Stops the download once its first bytes are in the partial file, as a
 * person closing the desk (or a lost network) would. */
static void
interrupt_download (goffset  current,
                    goffset  total,
                    gpointer user_data)
{
  Interruption *interruption = user_data;

  if (interruption->at == 0 && current > 0)
    {
      interruption->at = current;
      g_cancellable_cancel (interruption->cancellable);
    }
}

/* A download interrupted part-way resumes where it stopped: the second
 * request asks for the rest with Range and If-Range, the server answers
 * 206 with only the rest, and the file is whole and checked. A client that
 * downloaded the whole file again, or asked for the wrong range, fails. */
static void
test_download_resume (void)
{
  g_autoptr(CsClient) client = relayed_client ("health-approver");
  g_autoptr(CsCache) cache = temp_cache ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) got_case = NULL;
  g_autoptr(GAsyncResult) stopped = NULL;
  g_autoptr(GAsyncResult) resumed = NULL;
  g_autoptr(CsCase) kase = NULL;
  g_autoptr(CsMaterial) material = NULL;
  g_autoptr(GFile) partial = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autofree char *case_id = NULL;
  g_autofree char *material_id = NULL;
  g_autofree char *part = NULL;
  g_autofree char *range = NULL;
  g_autofree char *if_range = NULL;
  g_autofree char *content_range = NULL;
  g_autofree char *sha256 = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Interruption interruption = { cancellable, 0 };
  const CsTestExchange *exchange;
  GListModel *materials;
  goffset size;
  guint mark;

  /* The department's largest material: several reads of the client's. */
  case_id = sqlite_text ("SELECT m.case_id FROM materials m"
                         " JOIN case_parts p ON p.case_id = m.case_id AND p.department = 'health'"
                         " WHERE m.size >= 196608 ORDER BY m.size DESC, m.case_id LIMIT 1");
  material_id = sqlite_text ("SELECT m.id FROM materials m"
                             " JOIN case_parts p ON p.case_id = m.case_id"
                             " AND p.department = 'health'"
                             " WHERE m.size >= 196608 ORDER BY m.size DESC, m.case_id LIMIT 1");
  g_assert_nonnull (case_id);
  g_assert_nonnull (material_id);

  cs_client_get_case_async (client, case_id, NULL, NULL, cs_test_store_result, &got_case);
  kase = cs_client_get_case_finish (client, cs_test_wait (&got_case), NULL, &error);
  g_assert_no_error (error);
  materials = cs_case_get_materials (kase);
  for (guint i = 0; i < g_list_model_get_n_items (materials) && material == NULL; i++)
    {
      g_autoptr(CsMaterial) candidate = g_list_model_get_item (materials, i);

      if (g_str_equal (cs_material_get_id (candidate), material_id))
        material = g_steal_pointer (&candidate);
    }
  g_assert_nonnull (material);
  size = (goffset) cs_material_get_size (material);
  part = g_strdup_printf ("/%s/materials/%s", case_id, material_id);

  /* Interrupted after its first bytes. */
  partial = cs_cache_get_partial_file (cache, cs_material_get_sha256 (material));
  g_assert_false (g_file_query_exists (partial, NULL));
  mark = cs_test_relay_count (relay);
  cs_client_download_async (client, case_id, material_id, cs_material_get_sha256 (material),
                            partial, interrupt_download, &interruption, cancellable,
                            cs_test_store_result, &stopped);
  g_assert_false (cs_client_download_finish (client, cs_test_wait (&stopped), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpint (interruption.at, >, 0);
  g_assert_cmpint (interruption.at, <, size);
  /* What arrived before the interruption is kept, as it came. */
  g_assert_cmpint (file_size (partial), ==, interruption.at);

  first = exchanges_to (mark, "GET", part);
  g_assert_cmpuint (first->len, ==, 1);
  exchange = g_ptr_array_index (first, 0);
  g_assert_null (cs_test_exchange_request_header (exchange, "Range"));
  g_assert_cmpuint (exchange->status, ==, 200);

  /* Again: only the rest is asked for, and only the rest comes. */
  mark = cs_test_relay_count (relay);
  cs_client_download_async (client, case_id, material_id, cs_material_get_sha256 (material),
                            partial, NULL, NULL, NULL, cs_test_store_result, &resumed);
  g_assert_true (cs_client_download_finish (client, cs_test_wait (&resumed), &error));
  g_assert_no_error (error);

  second = exchanges_to (mark, "GET", part);
  g_assert_cmpuint (second->len, ==, 1);
  exchange = g_ptr_array_index (second, 0);
  range = g_strdup_printf ("bytes=%" G_GOFFSET_FORMAT "-", interruption.at);
  g_assert_cmpstr (cs_test_exchange_request_header (exchange, "Range"), ==, range);
  /* …on condition that the document is still the same one. */
  if_range = g_strdup_printf ("\"%s\"", cs_material_get_sha256 (material));
  g_assert_cmpstr (cs_test_exchange_request_header (exchange, "If-Range"), ==, if_range);
  g_assert_cmpuint (exchange->status, ==, 206);
  content_range = g_strdup_printf ("bytes %" G_GOFFSET_FORMAT "-%" G_GOFFSET_FORMAT
                                   "/%" G_GOFFSET_FORMAT, interruption.at, size - 1, size);
  g_assert_cmpstr (cs_test_exchange_response_header (exchange, "Content-Range"), ==,
                   content_range);
  g_assert_cmpuint (exchange->response_body_size, ==, (gsize) (size - interruption.at));

  /* The file is whole: the kept beginning and the rest, checked. */
  g_assert_cmpint (file_size (partial), ==, size);
  sha256 = file_sha256 (partial);
  g_assert_cmpstr (sha256, ==, cs_material_get_sha256 (material));
}

/* The IDs of the cases in the pages of GET /v1/cases among @exchanges,
 * after checking that each asked only for changes since @since. */
static GHashTable *
cases_in_pages (GPtrArray  *exchanges,
                const char *since)
{
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDateTime) wanted = g_date_time_new_from_iso8601 (since, NULL);

  g_assert_nonnull (wanted);
  for (guint i = 0; i < exchanges->len; i++)
    {
      const CsTestExchange *exchange = g_ptr_array_index (exchanges, i);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(GHashTable) params = NULL;
      g_autoptr(GDateTime) asked = NULL;
      const char *query = strchr (exchange->path, '?');
      JsonArray *items;

      g_test_message ("%s %s", exchange->method, exchange->path);
      g_assert_nonnull (query);
      params = g_uri_parse_params (query + 1, -1, "&", G_URI_PARAMS_NONE, &error);
      g_assert_no_error (error);
      g_assert_nonnull (g_hash_table_lookup (params, "updated_since"));
      asked = g_date_time_new_from_iso8601 (g_hash_table_lookup (params, "updated_since"), NULL);
      g_assert_nonnull (asked);
      g_assert_true (g_date_time_equal (asked, wanted));
      g_assert_cmpuint (exchange->status, ==, 200);
      g_assert_nonnull (exchange->response_body);
      json_parser_load_from_data (parser, g_bytes_get_data (exchange->response_body, NULL),
                                  (gssize) g_bytes_get_size (exchange->response_body), &error);
      g_assert_no_error (error);
      items = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                            "items");
      for (guint j = 0; j < json_array_get_length (items); j++)
        g_hash_table_add (ids, g_strdup (json_object_get_string_member (
                                 json_array_get_object_element (items, j), "id")));
    }
  return ids;
}

/* A case changed on the server between two syncs: the second sync asks
 * only for what changed since the first, gets that case (and, as "at or
 * after" the newest change seen means, the cases changed at that very
 * instant), and the cache holds the case's new version. A client that
 * fetched everything again, or asked from the wrong instant, fails. */
static void
test_incremental_sync (void)
{
  g_autoptr(CsClient) client = relayed_client ("health-approver");
  g_autoptr(CsCache) cache = temp_cache ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) full = NULL;
  g_autoptr(GAsyncResult) incremental = NULL;
  g_autoptr(CsCase) before = NULL;
  g_autoptr(CsCase) after = NULL;
  g_autoptr(CsTestResponse) claimed = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_autofree char *chief = cs_test_central_login (central, "health-chief");
  g_autofree char *newest = NULL;
  g_autofree char *case_id = NULL;
  g_autofree char *path = NULL;
  g_autofree char *sql = NULL;
  GHashTableIter iter;
  gpointer id;
  JsonObject *claimed_case;
  gint64 expected;
  guint fetched = 0;
  guint mark;

  expected = cs_test_sqlite_count (central, "SELECT count(*) FROM case_parts"
                                            " WHERE department = 'health'");
  cs_sync_async (client, cache, CS_SYNC_NONE, NULL, cs_test_store_result, &full);
  g_assert_true (cs_sync_finish (cs_test_wait (&full), &fetched, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fetched, ==, expected);

  /* The newest change the first sync saw, and a case changed before it. */
  newest = sqlite_text ("SELECT max(updated_at) FROM case_parts WHERE department = 'health'");
  sql = g_strdup_printf ("SELECT case_id FROM case_parts WHERE department = 'health'"
                         " AND state = 'forwarded' AND updated_at < '%s'"
                         " ORDER BY updated_at, case_id LIMIT 1", newest);
  case_id = sqlite_text (sql);
  g_assert_nonnull (case_id);
  before = cs_cache_load_case (cache, case_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cs_case_get_status (before), ==, CS_CASE_STATUS_FORWARDED);

  /* Someone else claims it, straight at the server. */
  path = g_strdup_printf ("/v1/cases/%s/claim", case_id);
  claimed = cs_test_request (central, "POST", path, chief, "{}", NULL);
  g_assert_cmpuint (claimed->status, ==, 200);
  claimed_case = cs_test_response_object (claimed);
  g_assert_cmpint (json_object_get_int_member (claimed_case, "version"), >,
                   cs_case_get_version (before));

  mark = cs_test_relay_count (relay);
  cs_sync_async (client, cache, CS_SYNC_CASES_ONLY, NULL, cs_test_store_result, &incremental);
  g_assert_true (cs_sync_finish (cs_test_wait (&incremental), &fetched, &error));
  g_assert_no_error (error);

  /* From the wire: every page asked for changes since the first sync's
   * newest, and what came is the claimed case and the cases of that
   * newest instant, nothing else. */
  pages = exchanges_to (mark, "GET", "/v1/cases?");
  g_assert_cmpuint (pages->len, >=, 1);
  ids = cases_in_pages (pages, newest);
  g_assert_true (g_hash_table_contains (ids, case_id));
  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (!g_str_equal (id, case_id))
      {
        g_autofree char *at = NULL;
        g_autofree char *query = g_strdup_printf ("SELECT updated_at FROM case_parts"
                                                  " WHERE department = 'health'"
                                                  " AND case_id = '%s'", (char *) id);

        at = sqlite_text (query);
        g_test_message ("also fetched %s, changed at %s", (char *) id, at);
        g_assert_cmpstr (at, ==, newest);
      }
  /* …all of those, too: the claimed case is the only one beside them. */
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM case_parts WHERE department = 'health'"
                         " AND updated_at = '%s'", newest);
  g_assert_cmpint (g_hash_table_size (ids), ==, cs_test_sqlite_count (central, sql) + 1);
  g_assert_cmpuint (g_hash_table_size (ids), <, expected);
  g_assert_cmpuint (fetched, ==, g_hash_table_size (ids));

  /* The cache holds the new version, and still every case. */
  after = cs_cache_load_case (cache, case_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cs_case_get_status (after), ==, CS_CASE_STATUS_CLAIMED);
  g_assert_cmpstr (cs_case_get_assignee_username (after), ==, "health-chief");
  g_assert_cmpint (cs_case_get_version (after), ==,
                   json_object_get_int_member (claimed_case, "version"));
  g_assert_cmpint (cs_cache_count_cases (cache), ==, expected);
}

static CsOutboxItem *
find_item (CsOutbox *outbox,
           gint64    id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = cs_outbox_list (outbox, TRUE, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    if (cs_outbox_item_get_id (g_ptr_array_index (items, i)) == id)
      return g_object_ref (g_ptr_array_index (items, i));
  g_assert_not_reached ();
}

static void
wait_until (gint64 real_time)
{
  gint64 now = g_get_real_time ();

  if (now < real_time)
    g_usleep ((gulong) (real_time - now));
}

/* One drain; returns whether it finished, and what the item is after it.
 * @before and @after bound the moment of its attempt. */
static CsOutboxItem *
drain_once (CsOutbox   *outbox,
            CsClient   *client,
            gint64      item_id,
            gboolean   *finished,
            guint      *sent,
            gint64     *before,
            gint64     *after)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  *before = g_get_real_time ();
  cs_outbox_drain_async (outbox, client, CS_OUTBOX_DRAIN_NONE, NULL, cs_test_store_result, &result);
  *finished = cs_outbox_drain_finish (outbox, cs_test_wait (&result), sent, NULL, &error);
  *after = g_get_real_time ();
  if (!*finished)
    {
      /* Stopped by the 5xx: transient, so pending, never failed. */
      g_assert_error (error, CS_ERROR, CS_ERROR_SERVER);
      g_assert_true (cs_error_is_transient (error));
    }
  return find_item (outbox, item_id);
}

/* The backoff: exponential from one second to five minutes, half of it
 * random ("equal jitter"). */
static void
test_backoff_jitter (void)
{
  for (guint attempts = 1; attempts <= 20; attempts++)
    {
      gint64 wait = MIN ((gint64) G_USEC_PER_SEC << (attempts - 1), 300 * G_USEC_PER_SEC);
      g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
      gint64 values[64];

      for (guint i = 0; i < G_N_ELEMENTS (values); i++)
        {
          values[i] = cs_outbox_backoff (attempts);
          g_assert_cmpint (values[i], >=, wait / 2);
          g_assert_cmpint (values[i], <=, wait);
          g_hash_table_add (seen, &values[i]);
        }
      /* 64 draws from half a million values or more: equal ones are
       * (nearly) impossible unless there is no jitter. */
      g_assert_cmpuint (g_hash_table_size (seen), >, G_N_ELEMENTS (values) / 2);
    }
}

/* The server (behind a proxy) answers 503 twice: the review stays
 * pending, is tried again only when its backoff has passed, each time with
 * the same idempotency key, and the third attempt reaches the real server
 * and takes effect exactly once. */
static void
test_outbox_5xx (void)
{
  g_autoptr(CsClient) client = relayed_client ("health-approver");
  g_autoptr(CsCache) cache = temp_cache ();
  g_autoptr(CsOutbox) outbox = cs_outbox_new (cache);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsOutboxItem) item = NULL;
  g_autoptr(CsOutboxItem) now = NULL;
  g_autoptr(CsTestResponse) claimed = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  g_autofree char *approver = cs_test_central_login (central, "health-approver");
  g_autofree char *case_id = NULL;
  g_autofree char *path = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *review_id = NULL;
  const char *opinion = "五〇三之后仍只记一次。";
  const char *key;
  gboolean finished;
  gint64 before, after, first_due, second_due;
  guint sent = 0;
  guint mark;

  case_id = sqlite_text ("SELECT case_id FROM case_parts WHERE department = 'health'"
                         " AND state = 'forwarded' ORDER BY updated_at DESC, case_id LIMIT 1");
  g_assert_nonnull (case_id);
  path = g_strdup_printf ("/v1/cases/%s/claim", case_id);
  claimed = cs_test_request (central, "POST", path, approver, "{}", NULL);
  g_assert_cmpuint (claimed->status, ==, 200);

  item = cs_outbox_enqueue_review (outbox, case_id, opinion, CS_OUTCOME_GRANT, FALSE, NULL,
                                   &error);
  g_assert_no_error (error);
  key = cs_outbox_item_get_idempotency_key (item);
  mark = cs_test_relay_count (relay);
  cs_test_relay_refuse (relay, "POST", 2, 503);

  /* First attempt: 503; pending, next attempt in 0.5 to 1 s. */
  now = drain_once (outbox, client, cs_outbox_item_get_id (item), &finished, &sent,
                    &before, &after);
  g_assert_false (finished);
  g_assert_cmpint (cs_outbox_item_get_state (now), ==, CS_OUTBOX_PENDING);
  g_assert_cmpuint (cs_outbox_item_get_attempts (now), ==, 1);
  g_assert_nonnull (strstr (cs_outbox_item_get_last_error (now), "503"));
  first_due = cs_outbox_item_get_next_attempt_at (now);
  g_assert_cmpint (first_due, >=, before + G_USEC_PER_SEC / 2);
  g_assert_cmpint (first_due, <=, after + G_USEC_PER_SEC);
  g_clear_object (&now);

  /* Drained again at once, it is held back while not due (and had it
   * become due meanwhile on a slow machine, it may only then be sent). */
  {
    guint count = cs_test_relay_count (relay);

    now = drain_once (outbox, client, cs_outbox_item_get_id (item), &finished, &sent,
                      &before, &after);
    if (cs_test_relay_count (relay) == count)
      {
        g_assert_true (finished);
        g_assert_cmpuint (sent, ==, 0);
        g_assert_cmpint (before, <, first_due);
        g_assert_cmpuint (cs_outbox_item_get_attempts (now), ==, 1);
      }
    else
      {
        g_assert_cmpint (after, >=, first_due);
        g_assert_cmpuint (cs_outbox_item_get_attempts (now), ==, 2);
      }
  }

  /* Second attempt, once due: 503 again; the wait doubles (1 to 2 s). */
  if (cs_outbox_item_get_attempts (now) == 1)
    {
      g_clear_object (&now);
      wait_until (first_due);
      now = drain_once (outbox, client, cs_outbox_item_get_id (item), &finished, &sent,
                        &before, &after);
    }
  g_assert_false (finished);
  g_assert_cmpint (cs_outbox_item_get_state (now), ==, CS_OUTBOX_PENDING);
  g_assert_cmpuint (cs_outbox_item_get_attempts (now), ==, 2);
  second_due = cs_outbox_item_get_next_attempt_at (now);
  g_assert_cmpint (second_due, >=, before + G_USEC_PER_SEC);
  g_assert_cmpint (second_due, <=, after + 2 * G_USEC_PER_SEC);
  g_assert_cmpint (cs_test_sqlite_count (central, "SELECT count(*) FROM reviews"
                                                  " WHERE opinion = '五〇三之后仍只记一次。'"),
                   ==, 0);
  g_clear_object (&now);

  /* Third attempt: through to the server, once. */
  wait_until (second_due);
  now = drain_once (outbox, client, cs_outbox_item_get_id (item), &finished, &sent,
                    &before, &after);
  g_assert_true (finished);
  g_assert_cmpuint (sent, ==, 1);
  g_assert_cmpint (cs_outbox_item_get_state (now), ==, CS_OUTBOX_SENT);
  g_assert_cmpuint (cs_outbox_item_get_attempts (now), ==, 2);
  g_assert_cmpuint (cs_outbox_count_pending (outbox), ==, 0);

  /* On the wire: three attempts with the same key, the first two answered
   * by the proxy, the third by the server, first time (no replay). */
  posts = exchanges_to (mark, "POST", "/reviews");
  g_assert_cmpuint (posts->len, ==, 3);
  for (guint i = 0; i < posts->len; i++)
    {
      const CsTestExchange *exchange = g_ptr_array_index (posts, i);

      g_assert_cmpstr (cs_test_exchange_request_header (exchange, "Idempotency-Key"), ==, key);
      g_assert_cmpint (exchange->injected, ==, i < 2);
      g_assert_cmpuint (exchange->status, ==, i < 2 ? 503 : 201);
    }
  g_assert_null (cs_test_exchange_response_header (g_ptr_array_index (posts, 2),
                                                   "Idempotent-Replayed"));

  /* At the server: the review exactly once, in its table and its trail. */
  g_assert_cmpint (cs_test_sqlite_count (central, "SELECT count(*) FROM reviews"
                                                  " WHERE opinion = '五〇三之后仍只记一次。'"),
                   ==, 1);
  review_id = sqlite_text ("SELECT id FROM reviews WHERE opinion = '五〇三之后仍只记一次。'");
  sql = g_strdup_printf ("SELECT count(*) FROM audit WHERE action = 'review.saved'"
                         " AND case_id = '%s' AND json_extract (detail, '$.review') = %s",
                         case_id, review_id);
  g_assert_cmpint (cs_test_sqlite_count (central, sql), ==, 1);

  /* Nothing more is sent. */
  g_clear_object (&now);
  mark = cs_test_relay_count (relay);
  now = drain_once (outbox, client, cs_outbox_item_get_id (item), &finished, &sent,
                    &before, &after);
  g_assert_true (finished);
  g_assert_cmpuint (sent, ==, 0);
  g_assert_cmpuint (cs_test_relay_count (relay), ==, mark);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  central = cs_test_central_start ();
  relay = cs_test_relay_new (central->url);
  temp_dirs = g_ptr_array_new_with_free_func (g_free);

  g_test_add_func ("/transfers/download-resume", test_download_resume);
  g_test_add_func ("/transfers/incremental-sync", test_incremental_sync);
  g_test_add_func ("/transfers/backoff-jitter", test_backoff_jitter);
  g_test_add_func ("/transfers/outbox-5xx", test_outbox_5xx);

  status = g_test_run ();
  cs_test_relay_free (relay);
  cs_test_central_free (central);
  for (guint i = 0; i < temp_dirs->len; i++)
    cs_test_remove_tree (g_ptr_array_index (temp_dirs, i));
  g_ptr_array_unref (temp_dirs);
  return status;
}
