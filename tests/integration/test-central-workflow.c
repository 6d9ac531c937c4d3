/* test-central-workflow.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "cs-test-central.h"

/* Writing to the central API: the per-department state machine (claim,
 * release, draft and final reviews) with each refusal, idempotency keys,
 * the event feed, and the audit trail with its chain. */

static CsTestCentral *central;

static char *
case_in_state (const char *token,
               const char *state,
               guint       skip)
{
  g_autofree char *path = g_strdup_printf ("/v1/cases?limit=500&status=%s", state);
  g_autoptr(CsTestResponse) response = cs_test_request (central, "GET", path, token, NULL, NULL);
  JsonArray *items = json_object_get_array_member (cs_test_response_object (response), "items");

  g_assert_cmpuint (json_array_get_length (items), >, skip);
  return g_strdup (json_object_get_string_member (json_array_get_object_element (items, skip), "id"));
}

static CsTestResponse *
post (const char *token,
      const char *case_id,
      const char *action,
      const char *body,
      const char *key)
{
  g_autofree char *path = g_strdup_printf ("/v1/cases/%s/%s", case_id, action);

  if (key != NULL)
    return cs_test_request (central, "POST", path, token, body, "Idempotency-Key", key, NULL);
  return cs_test_request (central, "POST", path, token, body, NULL);
}

static const char *
status_of (CsTestResponse *response)
{
  return json_object_get_string_member (cs_test_response_object (response), "status");
}

static gint64
audit_count (const char *case_id,
             const char *action)
{
  g_autofree char *sql = g_strdup_printf ("SELECT COUNT(*) FROM audit WHERE case_id = '%s'"
                                          " AND action = '%s'", case_id, action);

  return cs_test_sqlite_count (central, sql);
}

/* Every required item of the radiation-worker checklist, verified. */
#define RADIATION_VERIFIED \
  "[{\"item\":\"application\",\"verdict\":\"verified\",\"material\":\"m1\"}," \
  "{\"item\":\"id-card\",\"verdict\":\"verified\"}," \
  "{\"item\":\"health-exam\",\"verdict\":\"verified\",\"page\":2}," \
  "{\"item\":\"training\",\"verdict\":\"verified\"}," \
  "{\"item\":\"employer-licence\",\"verdict\":\"verified\"}]"

static void
test_claim_release_review (void)
{
  g_autofree char *approver = cs_test_central_login (central, "health-approver");
  g_autofree char *case_id = case_in_state (approver, "forwarded", 0);
  g_autoptr(CsTestResponse) claimed = NULL;
  g_autoptr(CsTestResponse) again = NULL;
  g_autoptr(CsTestResponse) released = NULL;
  g_autoptr(CsTestResponse) review_unclaimed = NULL;
  g_autoptr(CsTestResponse) reclaimed = NULL;
  g_autoptr(CsTestResponse) draft = NULL;
  g_autoptr(CsTestResponse) final = NULL;
  g_autoptr(CsTestResponse) release_reviewed = NULL;
  g_autoptr(CsTestResponse) detail = NULL;
  g_autofree char *path = g_strdup_printf ("/v1/cases/%s", case_id);
  JsonObject *case_json;
  JsonArray *reviews;
  gint64 version_before;

  detail = cs_test_request (central, "GET", path, approver, NULL, NULL);
  version_before = json_object_get_int_member (cs_test_response_object (detail), "version");
  g_clear_pointer (&detail, cs_test_response_free);

  claimed = post (approver, case_id, "claim", NULL, NULL);
  g_assert_cmpuint (claimed->status, ==, 200);
  g_assert_cmpstr (status_of (claimed), ==, "claimed");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (cs_test_response_object (claimed),
                                                                                 "assignee"), "username"),
                   ==, "health-approver");
  g_assert_cmpint (json_object_get_int_member (cs_test_response_object (claimed), "version"), ==,
                   version_before + 1);

  /* Claiming one's own case again changes nothing. */
  again = post (approver, case_id, "claim", NULL, NULL);
  g_assert_cmpuint (again->status, ==, 200);
  g_assert_cmpint (audit_count (case_id, "case.claimed"), ==, 1);

  released = post (approver, case_id, "release", "{\"reason\":\"转交同事办理\"}", NULL);
  g_assert_cmpuint (released->status, ==, 200);
  g_assert_cmpstr (status_of (released), ==, "forwarded");
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (cs_test_response_object (released), "assignee")));

  review_unclaimed = post (approver, case_id, "reviews",
                           "{\"opinion\":\"材料齐全\",\"proposed_outcome\":\"grant\"}", NULL);
  cs_test_assert_problem (review_unclaimed, 409, "invalid-transition");

  reclaimed = post (approver, case_id, "claim", NULL, NULL);
  g_assert_cmpuint (reclaimed->status, ==, 200);

  draft = post (approver, case_id, "reviews",
                "{\"opinion\":\"初审中\",\"proposed_outcome\":\"grant\",\"final\":false,"
                "\"checklist\":[{\"item\":\"application\",\"verdict\":\"verified\"}]}", NULL);
  g_assert_cmpuint (draft->status, ==, 201);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (cs_test_response_object (draft),
                                                                                 "case"), "status"),
                   ==, "under_review");

  final = post (approver, case_id, "reviews",
                "{\"opinion\":\"经审查，材料齐全，符合法定条件，拟准予许可。\",\"proposed_outcome\":\"grant\","
                "\"checklist\":" RADIATION_VERIFIED "}", NULL);
  g_assert_cmpuint (final->status, ==, 201);
  case_json = json_object_get_object_member (cs_test_response_object (final), "case");
  g_assert_cmpstr (json_object_get_string_member (case_json, "status"), ==, "reviewed");
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (cs_test_response_object (final),
                                                                                "review"), "final"));

  release_reviewed = post (approver, case_id, "release", NULL, NULL);
  cs_test_assert_problem (release_reviewed, 409, "invalid-transition");

  detail = cs_test_request (central, "GET", path, approver, NULL, NULL);
  reviews = json_object_get_array_member (cs_test_response_object (detail), "reviews");
  g_assert_cmpuint (json_array_get_length (reviews), >=, 2);

  g_assert_cmpint (audit_count (case_id, "case.claimed"), ==, 2);
  g_assert_cmpint (audit_count (case_id, "case.released"), ==, 1);
  g_assert_cmpint (audit_count (case_id, "review.saved"), ==, 1);
  g_assert_cmpint (audit_count (case_id, "review.submitted"), ==, 1);
}

static void
test_refusals (void)
{
  g_autofree char *approver = cs_test_central_login (central, "market-approver");
  g_autofree char *chief = cs_test_central_login (central, "market-chief");
  g_autofree char *decided = case_in_state (approver, "decided", 0);
  g_autofree char *suspended = case_in_state (approver, "suspended", 0);
  g_autofree char *forwarded = case_in_state (approver, "forwarded", 0);
  g_autoptr(CsTestResponse) claim_decided = post (approver, decided, "claim", NULL, NULL);
  g_autoptr(CsTestResponse) review_decided = post (approver, decided, "reviews",
                                                   "{\"opinion\":\"x\",\"proposed_outcome\":\"grant\"}", NULL);
  g_autoptr(CsTestResponse) release_suspended = post (approver, suspended, "release", NULL, NULL);
  g_autoptr(CsTestResponse) release_forwarded = post (approver, forwarded, "release", NULL, NULL);
  g_autoptr(CsTestResponse) chief_claims = post (chief, forwarded, "claim", NULL, NULL);
  g_autoptr(CsTestResponse) taken = post (approver, forwarded, "claim", NULL, NULL);
  g_autoptr(CsTestResponse) not_mine = post (approver, forwarded, "reviews",
                                             "{\"opinion\":\"x\",\"proposed_outcome\":\"grant\"}", NULL);
  g_autoptr(CsTestResponse) not_mine_release = post (approver, forwarded, "release", NULL, NULL);
  g_autoptr(CsTestResponse) chief_releases = post (chief, forwarded, "release", "{\"reason\":\"重新分派\"}", NULL);

  cs_test_assert_problem (claim_decided, 409, "invalid-transition");
  cs_test_assert_problem (review_decided, 409, "invalid-transition");
  cs_test_assert_problem (release_suspended, 409, "invalid-transition");
  cs_test_assert_problem (release_forwarded, 409, "invalid-transition");

  g_assert_cmpuint (chief_claims->status, ==, 200);
  cs_test_assert_problem (taken, 409, "invalid-transition");
  g_assert_nonnull (strstr (json_object_get_string_member (cs_test_response_object (taken), "detail"), "梁建军"));
  cs_test_assert_problem (not_mine, 409, "not-assignee");
  cs_test_assert_problem (not_mine_release, 409, "not-assignee");

  /* The chief representative may hand a claimed case back. */
  g_assert_cmpuint (chief_releases->status, ==, 200);
  g_assert_cmpstr (status_of (chief_releases), ==, "forwarded");
}

static void
test_review_rules (void)
{
  g_autofree char *approver = cs_test_central_login (central, "health-approver");
  g_autofree char *case_id = case_in_state (approver, "forwarded", 0);
  g_autoptr(CsTestResponse) claimed = post (approver, case_id, "claim", NULL, NULL);
  static const struct {
    const char *body;
    guint       status;
    const char *code;
  } refused[] = {
    { "{\"opinion\":\"x\",\"proposed_outcome\":\"approve\"}", 422, "invalid-field" },
    { "{\"opinion\":\"x\",\"proposed_outcome\":\"grant\",\"checklist\":[{\"item\":\"passport\",\"verdict\":\"verified\"}]}", 422, "invalid-field" },
    { "{\"opinion\":\"x\",\"proposed_outcome\":\"grant\",\"checklist\":[{\"item\":\"training\",\"verdict\":\"maybe\"}]}", 422, "invalid-field" },
    { "{\"opinion\":\"x\",\"proposed_outcome\":\"supplement\",\"checklist\":[{\"item\":\"training\",\"verdict\":\"problem\"}]}", 422, "invalid-field" },
    { "{\"opinion\":\"x\",\"proposed_outcome\":\"grant\",\"checklist\":[{\"item\":\"training\",\"verdict\":\"verified\"},{\"item\":\"training\",\"verdict\":\"verified\"}]}", 422, "invalid-field" },
    { "{\"opinion\":\"x\",\"proposed_outcome\":\"grant\",\"checklist\":[{\"item\":\"training\",\"verdict\":\"verified\",\"material\":\"m99\"}]}", 422, "invalid-field" },
    { "{\"opinion\":\"x\",\"proposed_outcome\":\"grant\",\"checklist\":[{\"item\":\"training\",\"verdict\":\"verified\",\"page\":0}]}", 422, "invalid-field" },
    { "{\"opinion\":\"x\",\"proposed_outcome\":\"grant\",\"checklist\":[{\"item\":\"training\",\"verdict\":\"problem\",\"reason\":\"过期\"}]}", 422, "rule-violation" },
    { "{\"opinion\":\"x\",\"proposed_outcome\":\"supplement\",\"checklist\":[{\"item\":\"training\",\"verdict\":\"verified\"}]}", 422, "rule-violation" },
    { "{\"opinion\":\"x\",\"proposed_outcome\":\"grant\",\"checklist\":[{\"item\":\"training\",\"verdict\":\"verified\"}]}", 422, "rule-violation" },
    { "{\"opinion\":\"\",\"proposed_outcome\":\"grant\"}", 422, "invalid-field" },
    { "{\"opinion\":7,\"proposed_outcome\":\"grant\"}", 422, "invalid-field" },
    { "{\"opinion\":\"x\",\"proposed_outcome\":\"grant\",\"final\":\"yes\"}", 422, "invalid-field" },
    { "{\"opinion\":\"x\",\"proposed_outcome\":\"grant\",\"checklist\":{}}", 422, "invalid-field" },
  };
  g_autoptr(CsTestResponse) supplement = NULL;
  gint64 reviews_before;
  g_autofree char *count_sql = g_strdup_printf ("SELECT COUNT(*) FROM reviews WHERE case_id = '%s'", case_id);

  g_assert_cmpuint (claimed->status, ==, 200);
  reviews_before = cs_test_sqlite_count (central, count_sql);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(CsTestResponse) response = post (approver, case_id, "reviews", refused[i].body, NULL);

      g_test_message ("refused review %u: %s", i, refused[i].body);
      cs_test_assert_problem (response, refused[i].status, refused[i].code);
    }

  /* Nothing of the refused reviews was written. */
  g_assert_cmpint (cs_test_sqlite_count (central, count_sql), ==, reviews_before);

  /* A supplement notice names every problem item at once. */
  supplement = post (approver, case_id, "reviews",
                     "{\"opinion\":\"需一次性补正培训证明和健康检查报告\",\"proposed_outcome\":\"supplement\","
                     "\"checklist\":[{\"item\":\"application\",\"verdict\":\"verified\"},"
                     "{\"item\":\"id-card\",\"verdict\":\"verified\"},"
                     "{\"item\":\"health-exam\",\"verdict\":\"problem\",\"reason\":\"报告已过期\"},"
                     "{\"item\":\"training\",\"verdict\":\"problem\",\"reason\":\"复印件不清晰\"},"
                     "{\"item\":\"employer-licence\",\"verdict\":\"verified\"}]}", NULL);
  g_assert_cmpuint (supplement->status, ==, 201);
  g_assert_cmpint (cs_test_sqlite_count (central, count_sql), ==, reviews_before + 1);
}

static void
test_roles (void)
{
  g_autofree char *token = NULL;
  g_autoptr(CsTestResponse) response = NULL;

  /* Every demo user is an approver; the role check still guards writes, so
   * a user stripped of the role is refused. */
  {
    sqlite3 *db;

    g_assert_cmpint (sqlite3_open (central->db_path, &db), ==, SQLITE_OK);
    sqlite3_busy_timeout (db, 5000);
    g_assert_cmpint (sqlite3_exec (db, "UPDATE users SET roles = 'chief' WHERE username = 'hrss-chief'",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }

  token = cs_test_central_login (central, "hrss-chief");
  {
    g_autofree char *case_id = case_in_state (token, "forwarded", 0);

    response = post (token, case_id, "claim", NULL, NULL);
    cs_test_assert_problem (response, 403, "forbidden");
  }
}

static void
test_idempotency (void)
{
  g_autofree char *approver = cs_test_central_login (central, "hrss-approver");
  g_autofree char *case_id = case_in_state (approver, "forwarded", 0);
  g_autofree char *key = g_uuid_string_random ();
  g_autofree char *review_key = g_uuid_string_random ();
  g_autoptr(CsTestResponse) first = post (approver, case_id, "claim", NULL, key);
  g_autoptr(CsTestResponse) retry = post (approver, case_id, "claim", NULL, key);
  g_autoptr(CsTestResponse) reused = post (approver, case_id, "release", "{\"reason\":\"x\"}", key);
  g_autoptr(CsTestResponse) review = NULL;
  g_autoptr(CsTestResponse) review_retry = NULL;
  g_autoptr(CsTestResponse) bad_key = NULL;
  const char *body = "{\"opinion\":\"草稿\",\"proposed_outcome\":\"grant\",\"final\":false}";
  g_autofree char *count_sql = g_strdup_printf ("SELECT COUNT(*) FROM reviews WHERE case_id = '%s'", case_id);

  g_assert_cmpuint (first->status, ==, 200);
  g_assert_cmpuint (retry->status, ==, 200);
  g_assert_cmpstr (cs_test_response_header (retry, "Idempotent-Replayed"), ==, "true");
  g_assert_true (g_bytes_equal (first->body, retry->body));
  cs_test_assert_problem (reused, 422, "idempotency-key-reused");
  g_assert_cmpint (audit_count (case_id, "case.claimed"), ==, 1);

  review = post (approver, case_id, "reviews", body, review_key);
  review_retry = post (approver, case_id, "reviews", body, review_key);
  g_assert_cmpuint (review->status, ==, 201);
  g_assert_cmpuint (review_retry->status, ==, 201);
  g_assert_true (g_bytes_equal (review->body, review_retry->body));
  g_assert_cmpint (cs_test_sqlite_count (central, count_sql), ==, 1);

  bad_key = post (approver, case_id, "claim", NULL, "has spaces in it");
  cs_test_assert_problem (bad_key, 400, "bad-request");
}

typedef struct
{
  GMainLoop      *loop;
  CsTestResponse *response;
  SoupMessage    *msg;
} PollData;

static void
poll_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  PollData *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize size;
  const char *text;

  data->response = g_new0 (CsTestResponse, 1);
  data->response->body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  g_assert_no_error (error);
  data->response->status = soup_message_get_status (data->msg);
  data->response->headers = soup_message_headers_ref (soup_message_get_response_headers (data->msg));
  text = g_bytes_get_data (data->response->body, &size);
  json_parser_load_from_data (parser, text, size, &error);
  g_assert_no_error (error);
  data->response->json = json_parser_steal_root (parser);
  g_main_loop_quit (data->loop);
}

static gboolean
claim_later (gpointer user_data)
{
  char **args = user_data;
  g_autoptr(CsTestResponse) response = post (args[0], args[1], "claim", NULL, NULL);

  g_assert_cmpuint (response->status, ==, 200);
  return G_SOURCE_REMOVE;
}

static void
test_events (void)
{
  g_autofree char *market = cs_test_central_login (central, "market-approver");
  g_autofree char *fire = cs_test_central_login (central, "fire-approver");
  g_autofree char *health = cs_test_central_login (central, "health-approver");
  g_autofree char *case_id = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *authorization = g_strconcat ("Bearer ", fire, NULL);
  g_autoptr(CsTestResponse) head = cs_test_request (central, "GET", "/v1/events", fire, NULL, NULL);
  g_autoptr(CsTestResponse) quiet = NULL;
  g_autoptr(CsTestResponse) health_after = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GTimer) timer = g_timer_new ();
  PollData data = { 0 };
  gint64 last_seq;
  JsonArray *events;
  JsonObject *event;
  char *args[2];

  g_assert_cmpuint (head->status, ==, 200);
  last_seq = json_object_get_int_member (cs_test_response_object (head), "last_seq");
  g_assert_cmpint (last_seq, >, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (cs_test_response_object (head),
                                                                         "events")), ==, 0);

  /* Nothing happens: the long poll answers empty at its timeout. */
  {
    g_autofree char *path = g_strdup_printf ("/v1/events?after=%" G_GINT64_FORMAT "&timeout=1", last_seq);

    g_timer_start (timer);
    quiet = cs_test_request (central, "GET", path, fire, NULL, NULL);
    g_assert_cmpuint (quiet->status, ==, 200);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (cs_test_response_object (quiet),
                                                                           "events")), ==, 0);
    g_assert_cmpfloat (g_timer_elapsed (timer, NULL), >=, 0.9);
  }

  /* A parallel case changes at market regulation: the fire brigade, a
   * co-department, is woken; a department not involved is not told. */
  {
    g_autoptr(CsTestResponse) list = cs_test_request (central, "GET",
                                                      "/v1/cases?status=forwarded&limit=500",
                                                      market, NULL, NULL);
    JsonArray *items = json_object_get_array_member (cs_test_response_object (list), "items");

    for (guint i = 0; i < json_array_get_length (items) && case_id == NULL; i++)
      {
        JsonObject *item = json_array_get_object_element (items, i);

        if (!JSON_NODE_HOLDS_NULL (json_object_get_member (item, "parallel")))
          case_id = g_strdup (json_object_get_string_member (item, "id"));
      }
    g_assert_nonnull (case_id);
  }

  uri = g_strdup_printf ("%s/v1/events?after=%" G_GINT64_FORMAT "&timeout=20", central->url, last_seq);
  msg = soup_message_new ("GET", uri);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", authorization);
  data.loop = loop;
  data.msg = msg;
  soup_session_send_and_read_async (central->session, msg, G_PRIORITY_DEFAULT, NULL, poll_done, &data);

  args[0] = market;
  args[1] = case_id;
  g_timer_start (timer);
  g_timeout_add (300, claim_later, args);
  g_main_loop_run (loop);

  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 10);
  g_assert_cmpuint (data.response->status, ==, 200);
  events = json_object_get_array_member (cs_test_response_object (data.response), "events");
  g_assert_cmpuint (json_array_get_length (events), ==, 1);
  event = json_array_get_object_element (events, 0);
  g_assert_cmpstr (json_object_get_string_member (event, "type"), ==, "case.changed");
  g_assert_cmpstr (json_object_get_string_member (event, "case_id"), ==, case_id);
  g_assert_cmpint (json_object_get_int_member (event, "seq"), >, last_seq);
  g_assert_cmpint (json_object_get_int_member (cs_test_response_object (data.response), "last_seq"), ==,
                   json_object_get_int_member (event, "seq"));

  {
    g_autofree char *path = g_strdup_printf ("/v1/events?after=%" G_GINT64_FORMAT "&timeout=0", last_seq);

    health_after = cs_test_request (central, "GET", path, health, NULL, NULL);
    g_assert_cmpuint (health_after->status, ==, 200);
    events = json_object_get_array_member (cs_test_response_object (health_after), "events");
    for (guint i = 0; i < json_array_get_length (events); i++)
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (events, i), "case_id"),
                       !=, case_id);
  }

  cs_test_response_free (data.response);
}

static void
test_audit_trail (void)
{
  g_autofree char *approver = cs_test_central_login (central, "forestry-approver");
  g_autofree char *case_id = case_in_state (approver, "forwarded", 0);
  g_autofree char *path = g_strdup_printf ("/v1/cases/%s/audit", case_id);
  g_autoptr(CsTestResponse) claim = post (approver, case_id, "claim", "{\"reason\":\"本人承办\"}", NULL);
  g_autoptr(CsTestResponse) audit = cs_test_request (central, "GET", path, approver, NULL, NULL);
  JsonArray *items = json_object_get_array_member (cs_test_response_object (audit), "items");
  JsonObject *first;
  JsonObject *last;

  g_assert_cmpuint (claim->status, ==, 200);
  g_assert_cmpuint (audit->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (items), >=, 2);

  first = json_array_get_object_element (items, 0);
  last = json_array_get_object_element (items, json_array_get_length (items) - 1);
  g_assert_cmpstr (json_object_get_string_member (first, "action"), ==, "case.forwarded");
  g_assert_cmpstr (json_object_get_string_member (last, "action"), ==, "case.claimed");
  g_assert_cmpstr (json_object_get_string_member (last, "reason"), ==, "本人承办");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (last, "actor"), "username"),
                   ==, "forestry-approver");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (last, "detail"), "to"),
                   ==, "claimed");
  g_assert_cmpuint (strlen (json_object_get_string_member (last, "hash")), ==, 64);
  g_assert_cmpuint (strlen (json_object_get_string_member (last, "prev_hash")), ==, 64);
}

static char *
copy_database (const char *name)
{
  char *copy = g_build_filename (central->dir, name, NULL);
  sqlite3 *source;
  sqlite3 *target;
  sqlite3_backup *backup;

  /* Through SQLite's backup API: a consistent copy of a live database. */
  g_assert_cmpint (sqlite3_open (central->db_path, &source), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_open (copy, &target), ==, SQLITE_OK);
  backup = sqlite3_backup_init (target, "main", source, "main");
  g_assert_nonnull (backup);
  g_assert_cmpint (sqlite3_backup_step (backup, -1), ==, SQLITE_DONE);
  sqlite3_backup_finish (backup);
  sqlite3_close (source);
  sqlite3_close (target);

  return copy;
}

static void
tamper_and_verify (const char *name,
                   const char *sql,
                   const char *expected)
{
  g_autofree char *copy = copy_database (name);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  sqlite3 *db;
  int status;

  g_assert_cmpint (sqlite3_open (copy, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  status = cs_test_run_cli ((const char * const[]) { cs_test_central_binary (), "verify-audit",
                                                     "--db", copy, NULL },
                            &out, &err);
  g_assert_cmpint (status, ==, 1);
  g_test_message ("verify-audit said: %s", err);
  g_assert_nonnull (strstr (err, expected));
}

static void
test_verify_audit (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  status = cs_test_run_cli ((const char * const[]) { cs_test_central_binary (), "verify-audit",
                                                     "--db", central->db_path, NULL },
                            &out, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "intact"));

  tamper_and_verify ("altered.db", "UPDATE audit SET reason = '改过' WHERE seq = 17", "audit entry 17");
  tamper_and_verify ("reattributed.db", "UPDATE audit SET actor = 'health-chief' WHERE seq = 40",
                     "audit entry 40");
  tamper_and_verify ("deleted.db", "DELETE FROM audit WHERE seq = 30", "audit entry 30");
  tamper_and_verify ("rehashed.db",
                     "UPDATE audit SET detail = '{}', hash = prev_hash WHERE seq = 55",
                     "audit entry 55");
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  central = cs_test_central_start ();

  g_test_add_func ("/central/workflow/claim-release-review", test_claim_release_review);
  g_test_add_func ("/central/workflow/refusals", test_refusals);
  g_test_add_func ("/central/workflow/review-rules", test_review_rules);
  g_test_add_func ("/central/workflow/idempotency", test_idempotency);
  g_test_add_func ("/central/workflow/events", test_events);
  g_test_add_func ("/central/workflow/audit-trail", test_audit_trail);
  g_test_add_func ("/central/workflow/roles", test_roles);
  g_test_add_func ("/central/workflow/verify-audit", test_verify_audit);

  status = g_test_run ();
  cs_test_central_free (central);
  return status;
}
