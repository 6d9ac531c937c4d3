/* test-cache.c — the offline cache and the outbox's storage, no server
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <countersign.h>

#include "cs-cache-private.h"
#include "cs-case-private.h"
#include "cs-outbox.h"

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("cs-cache-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)))
    {
      g_autofree char *child = g_build_filename (path, g_file_info_get_name (info), NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
      g_object_unref (info);
    }
  g_rmdir (path);
}

static CsCase *
make_case (guint  n,
           gint64 version,
           const char *status)
{
  g_autofree char *json = g_strdup_printf (
    "{\"id\":\"case-%05u\",\"number\":\"LW2026%08u\",\"version\":%" G_GINT64_FORMAT ","
    "\"department\":\"health\",\"role\":\"lead\",\"matter\":{\"code\":\"health.m%u\","
    "\"name\":\"事项%u\"},\"instant\":false,\"status\":\"%s\",\"assignee\":null,"
    "\"outcome\":null,\"decided_on\":null,\"clock\":{\"accepted_on\":\"2026-11-18\","
    "\"statutory_limit\":20,\"promised_limit\":10,\"extension_days\":0,\"suspensions\":[],"
    "\"supplement_requested_on\":null},\"applicant\":{\"kind\":\"person\",\"name\":\"申请人%u\","
    "\"id_type\":\"resident_id\",\"id_number\":\"11010519491231002X\"},"
    "\"received_at\":\"2026-11-18T01:%02u:00Z\",\"accepted_on\":\"2026-11-18\","
    "\"green_channel\":false,\"priority\":\"normal\",\"updated_at\":\"2026-11-18T02:00:00Z\","
    "\"parallel\":null}",
    n, n, version, n % 7, n % 7, status, n, n % 60);
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  g_autoptr(GError) error = NULL;
  CsCase *kase = cs_case_new_from_json (json_node_get_object (node), &error);

  g_assert_no_error (error);
  return kase;
}

/* Oldest received first, and cases received at the same time by ID,
 * whatever order they were stored in. */
static void
test_cases_order (void)
{
  static const guint stored[] = { 130, 5, 70, 10, 65, 0 };
  static const char * const expected[] = {
    "case-00000", "case-00005", "case-00065", "case-00010", "case-00070", "case-00130",
  };
  g_autofree char *dir = make_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CsCache) cache = cs_cache_new (dir, &error);
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GPtrArray) claimed = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (stored); i++)
    g_ptr_array_add (cases, make_case (stored[i], 1, stored[i] % 2 ? "claimed" : "forwarded"));
  g_assert_true (cs_cache_store_cases (cache, cases, &error));
  g_assert_no_error (error);

  loaded = cs_cache_load_cases (cache, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < loaded->len; i++)
    g_assert_cmpstr (cs_case_get_id (g_ptr_array_index (loaded, i)), ==, expected[i]);

  /* A state filter keeps the order: the odd ones, 5 and 65, are claimed. */
  claimed = cs_cache_load_cases (cache, "claimed", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (claimed->len, ==, 2);
  g_assert_cmpstr (cs_case_get_id (g_ptr_array_index (claimed, 0)), ==, "case-00005");
  g_assert_cmpstr (cs_case_get_id (g_ptr_array_index (claimed, 1)), ==, "case-00065");

  remove_tree (dir);
}

static void
test_cases_round_trip (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CsCache) cache = cs_cache_new (dir, &error);
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GPtrArray) forwarded = NULL;
  g_autoptr(CsCase) one = NULL;
  g_autoptr(CsCase) stale = NULL;
  g_autoptr(GPtrArray) stale_page = g_ptr_array_new_with_free_func (g_object_unref);
  CsCase *first;

  g_assert_no_error (error);

  for (guint i = 0; i < 50; i++)
    g_ptr_array_add (cases, make_case (i, 3, i % 2 ? "claimed" : "forwarded"));
  g_assert_true (cs_cache_store_cases (cache, cases, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cs_cache_count_cases (cache), ==, 50);

  loaded = cs_cache_load_cases (cache, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 50);
  first = g_ptr_array_index (loaded, 0);
  g_assert_cmpstr (cs_case_get_id (first), ==, "case-00000");
  g_assert_cmpstr (cs_case_get_applicant_name (first), ==, "申请人0");
  g_assert_cmpstr (cs_case_get_applicant_id_number (first), ==, "11010519491231002X");
  g_assert_cmpuint (cs_case_get_statutory_limit (first), ==, 20);
  g_assert_cmpuint (g_date_get_day (cs_case_get_accepted_on (first)), ==, 18);
  g_assert_false (cs_case_get_parallel (first));
  g_assert_cmpint (cs_case_get_received_at (first), ==,
                   cs_case_get_received_at (g_ptr_array_index (cases, 0)));

  forwarded = cs_cache_load_cases (cache, "forwarded, under_review", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (forwarded->len, ==, 25);

  /* A page fetched before a newer version must not roll the case back. */
  g_ptr_array_add (stale_page, make_case (1, 2, "forwarded"));
  g_assert_true (cs_cache_store_cases (cache, stale_page, &error));
  one = cs_cache_load_case (cache, "case-00001", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cs_case_get_version (one), ==, 3);
  g_assert_cmpint (cs_case_get_status (one), ==, CS_CASE_STATUS_CLAIMED);

  stale = cs_cache_load_case (cache, "no-such-case", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (stale);

  remove_tree (dir);
}

static void
test_meta_and_reopen (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CsCache) cache = cs_cache_new (dir, &error);
  g_autofree char *value = NULL;

  g_assert_no_error (error);
  g_assert_true (cs_cache_set_meta (cache, "sync.updated-since", "2026-11-18T02:00:00Z",
                                    &error));
  g_assert_true (cs_cache_set_meta (cache, "sync.updated-since", "2026-11-19T02:00:00Z",
                                    &error));
  g_clear_object (&cache);

  cache = cs_cache_new (dir, &error);
  g_assert_no_error (error);
  value = cs_cache_dup_meta (cache, "sync.updated-since");
  g_assert_cmpstr (value, ==, "2026-11-19T02:00:00Z");
  g_assert_true (cs_cache_set_meta (cache, "sync.updated-since", NULL, &error));
  g_clear_pointer (&value, g_free);
  value = cs_cache_dup_meta (cache, "sync.updated-since");
  g_assert_null (value);

  remove_tree (dir);
}

/* A cache written at schema 1 (before the outbox) opens, keeps its cases
 * and gains the outbox; one written by a newer version is refused. */
static void
test_migration (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CsCache) old = _cs_cache_new_at_version (dir, 1, &error);
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CsCache) cache = NULL;
  g_autoptr(CsOutbox) outbox = NULL;
  g_autoptr(CsOutboxItem) item = NULL;

  g_assert_no_error (error);
  g_ptr_array_add (cases, make_case (7, 1, "forwarded"));
  g_assert_true (cs_cache_store_cases (old, cases, &error));
  g_assert_false (_cs_cache_exec (old, "SELECT count(*) FROM outbox", NULL));
  g_clear_object (&old);

  cache = cs_cache_new (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cs_cache_count_cases (cache), ==, 1);
  outbox = cs_outbox_new (cache);
  item = cs_outbox_enqueue_claim (outbox, "case-00007", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (item);

  g_assert_true (_cs_cache_exec (cache, "PRAGMA user_version = 99", &error));
  g_clear_object (&outbox);
  g_clear_object (&cache);
  cache = cs_cache_new (dir, &error);
  g_assert_error (error, CS_ERROR, CS_ERROR_CACHE);
  g_assert_null (cache);

  remove_tree (dir);
}

static void
put_material (CsCache    *cache,
              const char *content,
              char      **out_sha256)
{
  g_autofree char *sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, content, -1);
  g_autoptr(GFile) partial = cs_cache_get_partial_file (cache, sha256);
  g_autoptr(GFile) stored = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_replace_contents (partial, content, strlen (content), NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, &error));
  g_assert_no_error (error);
  stored = cs_cache_commit_material (cache, sha256, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stored);
  *out_sha256 = g_steal_pointer (&sha256);
}

/* The cache keeps at most its bound, evicting the least recently used. */
static void
test_material_eviction (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CsCache) cache = cs_cache_new (dir, &error);
  g_autofree char *a = NULL, *b = NULL, *c = NULL;
  g_autoptr(GFile) found_a = NULL;
  g_autoptr(GFile) found_b = NULL;
  g_autoptr(GFile) found_c = NULL;
  char block[401];

  g_assert_no_error (error);
  cs_cache_set_material_limit (cache, 1000);
  g_assert_null (cs_cache_get_partial_file (cache, "../../etc/passwd"));

  memset (block, 'a', 400); block[400] = '\0';
  put_material (cache, block, &a);
  g_usleep (2000);
  memset (block, 'b', 400);
  put_material (cache, block, &b);
  g_usleep (2000);

  /* Using A makes B the least recently used. */
  found_a = cs_cache_lookup_material (cache, a);
  g_assert_nonnull (found_a);
  g_clear_object (&found_a);
  g_usleep (2000);

  memset (block, 'c', 400);
  put_material (cache, block, &c);

  g_assert_cmpint (cs_cache_get_material_bytes (cache), ==, 800);
  found_a = cs_cache_lookup_material (cache, a);
  found_b = cs_cache_lookup_material (cache, b);
  found_c = cs_cache_lookup_material (cache, c);
  g_assert_nonnull (found_a);
  g_assert_null (found_b);
  g_assert_nonnull (found_c);

  remove_tree (dir);
}

static void
test_outbox_storage (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CsCache) cache = cs_cache_new (dir, &error);
  g_autoptr(CsOutbox) outbox = cs_outbox_new (cache);
  g_autoptr(CsOutboxItem) claim = NULL;
  g_autoptr(CsOutboxItem) review = NULL;
  g_autoptr(CsOutboxItem) nothing = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) verdicts = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_no_error (error);

  claim = cs_outbox_enqueue_claim (outbox, "c1", "开始审查", &error);
  g_assert_no_error (error);
  g_ptr_array_add (verdicts, cs_verdict_new ("id-card", CS_VERDICT_VERIFIED, NULL));
  review = cs_outbox_enqueue_review (outbox, "c1", "材料齐全，建议准予。", CS_OUTCOME_GRANT,
                                     TRUE, verdicts, &error);
  g_assert_no_error (error);
  nothing = cs_outbox_enqueue_review (outbox, "c1", "", CS_OUTCOME_GRANT, TRUE, NULL, &error);
  g_assert_error (error, CS_ERROR, CS_ERROR_INVALID);
  g_assert_null (nothing);
  g_clear_error (&error);

  g_assert_cmpstr (cs_outbox_item_get_kind (claim), ==, "claim");
  g_assert_cmpint (cs_outbox_item_get_state (claim), ==, CS_OUTBOX_PENDING);
  g_assert_cmpstr (cs_outbox_item_get_idempotency_key (claim), !=,
                   cs_outbox_item_get_idempotency_key (review));
  g_assert_true (g_regex_match_simple ("^[!-~]{1,200}$",
                                       cs_outbox_item_get_idempotency_key (claim), 0, 0));
  g_assert_cmpuint (cs_outbox_count_pending (outbox), ==, 2);
  g_assert_cmpint (cs_outbox_get_next_attempt_at (outbox), ==, 0);

  /* Stored durably: another process (here another connection) sees it. */
  {
    g_autoptr(CsCache) other = cs_cache_new (dir, &error);
    g_autoptr(CsOutbox) other_outbox = cs_outbox_new (other);

    g_assert_no_error (error);
    items = cs_outbox_list (other_outbox, FALSE, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (items->len, ==, 2);
    g_assert_cmpstr (cs_outbox_item_get_kind (g_ptr_array_index (items, 1)), ==, "review");
  }

  /* Only a failed item can be retried; a pending one can be discarded. */
  g_assert_false (cs_outbox_retry (outbox, cs_outbox_item_get_id (claim), &error));
  g_assert_error (error, CS_ERROR, CS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (cs_outbox_discard (outbox, cs_outbox_item_get_id (claim), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cs_outbox_count_pending (outbox), ==, 1);

  remove_tree (dir);
}

static void
test_backoff (void)
{
  for (guint attempts = 1; attempts < 40; attempts++)
    {
      gint64 full = MIN ((gint64) G_USEC_PER_SEC << MIN (attempts - 1, 16),
                         (gint64) 300 * G_USEC_PER_SEC);

      for (guint i = 0; i < 50; i++)
        {
          gint64 wait = cs_outbox_backoff (attempts);

          g_assert_cmpint (wait, >=, full / 2);
          g_assert_cmpint (wait, <=, full);
        }
    }
}

static char *
page_text (guint       first,
           guint       n,
           const char *cursor)
{
  g_autoptr(GString) text = g_string_new ("{\"items\":[");

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *json = g_strdup_printf (
        "{\"id\":\"case-%05u\",\"number\":\"LW2026%08u\",\"version\":1,"
        "\"department\":\"health\",\"role\":\"co\",\"matter\":{\"code\":\"health.m\","
        "\"name\":\"事项\\u4e00\"},\"instant\":false,\"status\":\"claimed\","
        "\"assignee\":{\"username\":\"health-approver\",\"name\":\"陈晓玲\"},"
        "\"outcome\":null,\"decided_on\":null,\"clock\":{\"accepted_on\":\"2026-11-18\","
        "\"statutory_limit\":20,\"promised_limit\":10,\"extension_days\":0,"
        "\"suspensions\":[{\"kind\":\"testing\",\"reason\":\"检测\",\"from\":\"2026-11-20\","
        "\"to\":null}],\"supplement_requested_on\":\"2026-11-19\"},"
        "\"applicant\":{\"kind\":\"organisation\",\"name\":\"广州某某有限公司\","
        "\"uscc\":\"91350100M000100Y43\",\"contact\":\"x\"},"
        "\"received_at\":\"2026-11-18T09:%02u:00.250+08:00\",\"accepted_on\":\"2026-11-18\","
        "\"green_channel\":true,\"priority\":\"urgent\","
        "\"updated_at\":\"2026-11-19T02:00:0%uZ\",\"parallel\":null,\"future\":[1,{}]}",
        first + i, first + i, i % 60, i % 10);

      g_string_append_printf (text, "%s%s", i == 0 ? "" : ",", json);
    }
  if (cursor != NULL)
    g_string_append_printf (text, "],\"next_cursor\":\"%s\"}", cursor);
  else
    g_string_append (text, "],\"next_cursor\":null}");
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The sync's fast path reads what cs_case_new_from_json() reads. */
static void
test_case_page (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CsCache) cache = cs_cache_new (dir, &error);
  g_autofree char *text = page_text (0, 3, "42");
  g_autoptr(GBytes) page = g_bytes_new (text, strlen (text));
  g_autoptr(JsonNode) tree = json_from_string (text, NULL);
  g_autoptr(CsCase) slow = NULL;
  g_autoptr(CsCase) fast = NULL;
  g_autofree char *cursor = NULL;
  g_autoptr(JsonObject) slow_clock = NULL;
  g_autoptr(JsonObject) fast_clock = NULL;
  gint64 newest = 0;
  guint count = 0;

  g_assert_no_error (error);
  g_assert_true (cs_cache_store_case_page (cache, page, &count, &newest, &cursor, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 3);
  g_assert_cmpstr (cursor, ==, "42");

  /* Pages are committed without a flush; everything after them (the
   * outbox) is flushed again. */
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (_cs_cache_get_db (cache), "PRAGMA synchronous", -1,
                                         &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2);
    sqlite3_finalize (stmt);
  }

  slow = cs_case_new_from_json (
    json_array_get_object_element (json_object_get_array_member (
      json_node_get_object (tree), "items"), 2), &error);
  g_assert_no_error (error);
  fast = cs_cache_load_case (cache, "case-00002", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (newest, ==, cs_case_get_updated_at (slow));

  g_assert_cmpstr (cs_case_get_number (fast), ==, cs_case_get_number (slow));
  g_assert_cmpstr (cs_case_get_matter_name (fast), ==, "事项一");
  g_assert_cmpstr (cs_case_get_assignee_name (fast), ==, cs_case_get_assignee_name (slow));
  g_assert_cmpint (cs_case_get_lead (fast), ==, cs_case_get_lead (slow));
  g_assert_cmpint (cs_case_get_status (fast), ==, cs_case_get_status (slow));
  g_assert_cmpint (cs_case_get_applicant_kind (fast), ==, CS_APPLICANT_ORGANISATION);
  g_assert_cmpstr (cs_case_get_applicant_id_number (fast), ==, "91350100M000100Y43");
  g_assert_cmpint (cs_case_get_received_at (fast), ==, cs_case_get_received_at (slow));
  g_assert_cmpint (cs_case_get_updated_at (fast), ==, cs_case_get_updated_at (slow));
  g_assert_true (cs_case_get_green_channel (fast));
  g_assert_true (cs_case_get_urgent (fast));
  g_assert_cmpint (g_date_compare (cs_case_get_accepted_on (fast),
                                   cs_case_get_accepted_on (slow)), ==, 0);
  slow_clock = cs_case_dup_clock_json (slow);
  fast_clock = cs_case_dup_clock_json (fast);
  g_assert_true (json_node_equal (
    json_node_init_object (json_node_alloc (), slow_clock),
    json_node_init_object (json_node_alloc (), fast_clock)));

  remove_tree (dir);
}

/* One malformed case refuses the whole page, naming the member. */
static void
test_case_page_malformed (void)
{
  static const struct { const char *from; const char *to; const char *member; } edits[] = {
    { "\"version\":1,", "\"version\":\"1\",", "version" },
    { "\"version\":1,", "", "version" },
    { "\"role\":\"co\"", "\"role\":\"boss\"", "role" },
    { "\"instant\":false", "\"instant\":0", "instant" },
    { "\"assignee\":{\"username\":\"health-approver\",", "\"assignee\":{", "assignee" },
    { "\"accepted_on\":\"2026-11-18\",\"statutory", "\"accepted_on\":\"2026-02-30\",\"statutory",
      "clock.accepted_on" },
    { "\"statutory_limit\":20", "\"statutory_limit\":-20", "clock.statutory_limit" },
    { "\"suspensions\":[{", "\"suspensions\":{\"a\":[{", "clock.suspensions" },
    { "\"kind\":\"organisation\"", "\"kind\":\"robot\"", "applicant.kind" },
    { "\"received_at\":\"2026-11-18T09:01", "\"received_at\":\"soon", "received_at" },
    { "\"parallel\":null", "\"parallel\":[]", "parallel" },
    { "\"name\":\"事项\\u4e00\"", "\"name\":\"事项\\ud800\"", "matter" },
    { "\"name\":\"广州某某有限公司\"", "\"name\":\"广州某某\xe6有限公司\"", "applicant.name" },
    { "\"contact\":\"x\"", "\"contact\":\"\xed\xa0\x80\"", "applicant" },
    { "\"green_channel\":true", "\"green_channel\":tru", NULL },
    { "\"future\":[1,{}]}", "\"future\":[1,{}],}", NULL },
    { "],\"next_cursor\":", "],\"next_cursor\":7,\"x\":", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autofree char *dir = make_dir ();
      g_autoptr(GError) error = NULL;
      g_autoptr(CsCache) cache = cs_cache_new (dir, &error);
      g_autofree char *text = page_text (0, 3, "42");
      g_autoptr(GString) edited = g_string_new (text);
      g_autoptr(GBytes) page = NULL;

      /* The second case is the broken one. */
      {
        const char *second = strstr (edited->str, "{\"id\":\"case-00001\"");
        gsize at = second - edited->str;
        g_autoptr(GString) rest = g_string_new (edited->str + at);

        g_assert_cmpuint (g_string_replace (rest, edits[i].from, edits[i].to, 1), ==, 1);
        g_string_truncate (edited, at);
        g_string_append (edited, rest->str);
      }
      page = g_bytes_new (edited->str, edited->len);
      g_assert_false (cs_cache_store_case_page (cache, page, NULL, NULL, NULL, &error));
      g_assert_error (error, CS_ERROR, CS_ERROR_PROTOCOL);
      if (edits[i].member != NULL)
        g_assert_nonnull (strstr (error->message, edits[i].member));
      g_assert_cmpint (cs_cache_count_cases (cache), ==, 0);
      remove_tree (dir);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cache/cases", test_cases_round_trip);
  g_test_add_func ("/cache/cases/order", test_cases_order);
  g_test_add_func ("/cache/meta", test_meta_and_reopen);
  g_test_add_func ("/cache/case-page", test_case_page);
  g_test_add_func ("/cache/case-page/malformed", test_case_page_malformed);
  g_test_add_func ("/cache/migration", test_migration);
  g_test_add_func ("/cache/materials/eviction", test_material_eviction);
  g_test_add_func ("/outbox/storage", test_outbox_storage);
  g_test_add_func ("/outbox/backoff", test_backoff);

  return g_test_run ();
}
