/* test-central-api.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "cs-test-central.h"

/* Reading the central API: sign-in and tokens, the catalogue, the calendar,
 * the case list with its paging and filters, department scoping, one case
 * with ETag, and material content with ETag and Range. */

static CsTestCentral *central;

static JsonArray *
items_of (CsTestResponse *response)
{
  return json_object_get_array_member (cs_test_response_object (response), "items");
}

static void
test_sign_in (void)
{
  g_autoptr(CsTestResponse) response = NULL;
  g_autoptr(CsTestResponse) me = NULL;
  JsonObject *object;
  JsonObject *user;
  JsonArray *roles;
  const char *token;
  g_autofree char *digest = NULL;
  g_autofree char *sql = NULL;

  response = cs_test_request (central, "POST", "/v1/sessions", NULL,
                              "{\"username\":\"health-chief\",\"password\":\"demo\"}", NULL);
  g_assert_cmpuint (response->status, ==, 201);
  object = cs_test_response_object (response);
  token = json_object_get_string_member (object, "token");
  g_assert_cmpuint (strlen (token), >=, 40);
  g_assert_nonnull (json_object_get_string_member (object, "expires_at"));

  user = json_object_get_object_member (object, "user");
  g_assert_cmpstr (json_object_get_string_member (user, "username"), ==, "health-chief");
  g_assert_cmpstr (json_object_get_string_member (user, "department"), ==, "health");
  g_assert_cmpstr (json_object_get_string_member (user, "name"), ==, "黄志明");
  g_assert_true (json_object_get_int_member (user, "id") > 0);
  roles = json_object_get_array_member (user, "roles");
  g_assert_cmpuint (json_array_get_length (roles), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (roles, 0), ==, "approver");
  g_assert_cmpstr (json_array_get_string_element (roles, 1), ==, "chief");

  me = cs_test_request (central, "GET", "/v1/me", token, NULL, NULL);
  g_assert_cmpuint (me->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (cs_test_response_object (me), "username"), ==,
                   "health-chief");

  /* The token is stored only as its digest; no password is stored in clear. */
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
  sql = g_strdup_printf ("SELECT COUNT(*) FROM tokens WHERE token_hash = '%s'", digest);
  g_assert_cmpint (cs_test_sqlite_count (central, sql), ==, 1);
  g_assert_cmpint (cs_test_sqlite_count (central,
                                         "SELECT COUNT(*) FROM users WHERE length(password_hash) != 32"
                                         " OR length(password_salt) != 16 OR password_hash = 'demo'"),
                   ==, 0);
}

static void
test_sign_in_refused (void)
{
  static const char *bodies[] = {
    "{\"username\":\"health-chief\",\"password\":\"wrong\"}",
    "{\"username\":\"nobody\",\"password\":\"demo\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(CsTestResponse) response = cs_test_request (central, "POST", "/v1/sessions", NULL,
                                                            bodies[i], NULL);

      cs_test_assert_problem (response, 401, "invalid-credentials");
      g_assert_nonnull (cs_test_response_header (response, "WWW-Authenticate"));
    }
}

static void
test_tokens_required (void)
{
  g_autoptr(CsTestResponse) none = cs_test_request (central, "GET", "/v1/me", NULL, NULL, NULL);
  g_autoptr(CsTestResponse) bad = cs_test_request (central, "GET", "/v1/cases", "not-a-token", NULL, NULL);
  g_autoptr(CsTestResponse) basic = cs_test_request (central, "GET", "/v1/me", NULL, NULL,
                                                     "Authorization", "Basic aGVhbHRoLWNoaWVmOmRlbW8=",
                                                     NULL);

  cs_test_assert_problem (none, 401, "unauthorized");
  cs_test_assert_problem (bad, 401, "unauthorized");
  cs_test_assert_problem (basic, 401, "unauthorized");
}

static void
test_sign_out (void)
{
  g_autofree char *token = cs_test_central_login (central, "hrss-approver");
  g_autoptr(CsTestResponse) before = cs_test_request (central, "GET", "/v1/me", token, NULL, NULL);
  g_autoptr(CsTestResponse) out = cs_test_request (central, "DELETE", "/v1/sessions/current", token,
                                                   NULL, NULL);
  g_autoptr(CsTestResponse) after = cs_test_request (central, "GET", "/v1/me", token, NULL, NULL);

  g_assert_cmpuint (before->status, ==, 200);
  g_assert_cmpuint (out->status, ==, 204);
  cs_test_assert_problem (after, 401, "unauthorized");

  /* However the header is spaced, signing out revokes the token it names. */
  {
    g_autofree char *spaced_token = cs_test_central_login (central, "hrss-approver");
    g_autofree char *spaced = g_strconcat ("Bearer   ", spaced_token, NULL);
    g_autoptr(CsTestResponse) spaced_out = cs_test_request (central, "DELETE", "/v1/sessions/current",
                                                            NULL, NULL, "Authorization", spaced, NULL);
    g_autoptr(CsTestResponse) spaced_after = cs_test_request (central, "GET", "/v1/me", spaced_token,
                                                              NULL, NULL);

    g_assert_cmpuint (spaced_out->status, ==, 204);
    cs_test_assert_problem (spaced_after, 401, "unauthorized");
  }
}

static void
test_token_expiry (void)
{
  g_autoptr(CsTestCentral) short_lived = g_new0 (CsTestCentral, 1);
  g_autoptr(CsTestResponse) fresh = NULL;
  g_autoptr(CsTestResponse) expired = NULL;
  g_autofree char *token = NULL;

  gint64 signed_in;

  /* A second server on the same database, with five-second sessions: long
   * enough for the first request on a busy machine (signing in hashes a
   * password), short enough to wait out. */
  short_lived->db_path = g_strdup (central->db_path);
  short_lived->dir = g_dir_make_tmp ("countersign-test-XXXXXX", NULL);
  short_lived->session = cs_test_session_new ();
  cs_test_central_serve (short_lived, "--token-ttl", "5", NULL);

  signed_in = g_get_monotonic_time ();
  token = cs_test_central_login (short_lived, "fire-approver");
  fresh = cs_test_request (short_lived, "GET", "/v1/me", token, NULL, NULL);
  g_assert_cmpuint (fresh->status, ==, 200);

  /* Past the five seconds from before the token was issued. */
  g_usleep (MAX (0, signed_in + 6 * G_USEC_PER_SEC - g_get_monotonic_time ()));
  expired = cs_test_request (short_lived, "GET", "/v1/me", token, NULL, NULL);
  cs_test_assert_problem (expired, 401, "unauthorized");
  g_assert_nonnull (strstr (json_object_get_string_member (cs_test_response_object (expired), "detail"),
                            "expired"));
}

/* The same API over HTTPS, with the demo CA as the client's extra trust
 * anchor; a client that does not trust it gets no answer. */
static void
test_tls (void)
{
  g_autoptr(CsTestCentral) tls = g_new0 (CsTestCentral, 1);
  g_autofree char *cert = g_build_filename (central->dir, "demo", "server.pem", NULL);
  g_autofree char *key = g_build_filename (central->dir, "demo", "server-key.pem", NULL);
  g_autofree char *ca = g_build_filename (central->dir, "demo", "ca.pem", NULL);
  g_autofree char *token = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GTlsDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsTestResponse) me = NULL;
  g_autoptr(SoupSession) untrusting = cs_test_session_new ();
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) body = NULL;

  database = g_tls_file_database_new (ca, &error);
  g_assert_no_error (error);

  tls->db_path = g_strdup (central->db_path);
  tls->dir = g_dir_make_tmp ("countersign-test-XXXXXX", NULL);
  tls->session = cs_test_session_new ();
  soup_session_set_tls_database (tls->session, database);
  cs_test_central_serve (tls, "--tls-cert", cert, "--tls-key", key, NULL);
  g_assert_true (g_str_has_prefix (tls->url, "https://"));

  token = cs_test_central_login (tls, "public-security-chief");
  me = cs_test_request (tls, "GET", "/v1/me", token, NULL, NULL);
  g_assert_cmpuint (me->status, ==, 200);

  uri = g_strconcat (tls->url, "/v1/me", NULL);
  msg = soup_message_new ("GET", uri);
  body = soup_session_send_and_read (untrusting, msg, NULL, &error);
  g_assert_error (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE);
}

static void
test_matters (void)
{
  g_autofree char *token = cs_test_central_login (central, "forestry-approver");
  g_autoptr(CsTestResponse) response = cs_test_request (central, "GET", "/v1/matters", token, NULL, NULL);
  JsonArray *items;
  gboolean saw_instant = FALSE;
  gboolean saw_parallel = FALSE;

  g_assert_cmpuint (response->status, ==, 200);
  items = items_of (response);
  g_assert_cmpuint (json_array_get_length (items), ==, 8);

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *matter = json_array_get_object_element (items, i);
      JsonArray *checklist = json_object_get_array_member (matter, "checklist");
      JsonArray *outcomes = json_object_get_array_member (matter, "outcomes");

      g_assert_nonnull (json_object_get_string_member (matter, "code"));
      g_assert_nonnull (json_object_get_string_member (matter, "name"));
      g_assert_nonnull (json_object_get_string_member (matter, "department"));
      g_assert_nonnull (json_object_get_string_member (matter, "legal_basis"));
      g_assert_cmpint (json_object_get_int_member (matter, "promised_limit"), <=,
                       json_object_get_int_member (matter, "statutory_limit"));
      g_assert_cmpuint (json_array_get_length (checklist), >=, 4);
      g_assert_cmpuint (json_array_get_length (outcomes), >=, 3);

      for (guint j = 0; j < json_array_get_length (checklist); j++)
        {
          JsonObject *item = json_array_get_object_element (checklist, j);
          const char *form = json_object_get_string_member (item, "form");
          const char *requirement = json_object_get_string_member (item, "requirement");

          g_assert_true (g_str_equal (form, "original") || g_str_equal (form, "copy") ||
                         g_str_equal (form, "electronic"));
          g_assert_true (g_str_equal (requirement, "required") ||
                         g_str_equal (requirement, "conditional"));
          g_assert_cmpint (json_object_get_int_member (item, "copies"), >=, 1);
        }

      if (json_object_get_boolean_member (matter, "instant"))
        {
          saw_instant = TRUE;
          g_assert_cmpstr (json_object_get_string_member (matter, "code"), ==,
                           "health.marriage-childbearing");
        }

      if (json_array_get_length (json_object_get_array_member (matter, "co_matters")) == 2)
        {
          saw_parallel = TRUE;
          g_assert_cmpstr (json_object_get_string_member (matter, "department"), ==, "market");
        }
    }

  g_assert_true (saw_instant);
  g_assert_true (saw_parallel);
}

static void
test_calendar (void)
{
  g_autofree char *token = cs_test_central_login (central, "forestry-approver");
  g_autoptr(CsTestResponse) response = cs_test_request (central, "GET", "/v1/calendar?year=2026",
                                                        token, NULL, NULL);
  g_autoptr(CsTestResponse) next = cs_test_request (central, "GET", "/v1/calendar?year=2027",
                                                    token, NULL, NULL);
  g_autoptr(CsTestResponse) unpublished = cs_test_request (central, "GET", "/v1/calendar?year=2031",
                                                           token, NULL, NULL);
  g_autoptr(CsTestResponse) bad = cs_test_request (central, "GET", "/v1/calendar?year=soon",
                                                   token, NULL, NULL);
  JsonObject *calendar;
  JsonArray *exceptions;
  gboolean national_day = FALSE;
  gboolean makeup = FALSE;

  g_assert_cmpuint (response->status, ==, 200);
  calendar = cs_test_response_object (response);
  g_assert_cmpint (json_object_get_int_member (calendar, "year"), ==, 2026);
  exceptions = json_object_get_array_member (calendar, "exceptions");

  for (guint i = 0; i < json_array_get_length (exceptions); i++)
    {
      JsonObject *day = json_array_get_object_element (exceptions, i);
      const char *date = json_object_get_string_member (day, "date");

      g_assert_true (g_str_has_prefix (date, "2026-"));
      if (g_str_equal (date, "2026-10-01"))
        national_day = !json_object_get_boolean_member (day, "workday");
      /* A Sunday that is a working day: a make-up day. */
      if (g_str_equal (date, "2026-09-20"))
        makeup = json_object_get_boolean_member (day, "workday");
    }

  g_assert_true (national_day);
  g_assert_true (makeup);
  g_assert_cmpuint (next->status, ==, 200);
  cs_test_assert_problem (unpublished, 404, "calendar-not-published");
  cs_test_assert_problem (bad, 400, "invalid-parameter");
}

/* Pages through every case of a department and checks each is seen once. */
static guint
count_all_cases (const char *token,
                 const char *filter,
                 guint       page)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *cursor = NULL;
  guint pages = 0;

  do
    {
      g_autofree char *path = NULL;
      g_autoptr(CsTestResponse) response = NULL;
      JsonObject *object;
      JsonArray *items;
      JsonNode *next;

      path = g_strdup_printf ("/v1/cases?limit=%u%s%s%s", page, filter ? filter : "",
                              cursor ? "&cursor=" : "", cursor ? cursor : "");
      response = cs_test_request (central, "GET", path, token, NULL, NULL);
      g_assert_cmpuint (response->status, ==, 200);
      object = cs_test_response_object (response);
      items = json_object_get_array_member (object, "items");
      g_assert_cmpuint (json_array_get_length (items), <=, page);

      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          JsonObject *item = json_array_get_object_element (items, i);

          g_assert_true (g_hash_table_add (seen, g_strdup (json_object_get_string_member (item, "id"))));
        }

      next = json_object_get_member (object, "next_cursor");
      g_clear_pointer (&cursor, g_free);
      if (!JSON_NODE_HOLDS_NULL (next))
        cursor = g_strdup (json_node_get_string (next));
      pages++;
      g_assert_cmpuint (pages, <, 1000);
    }
  while (cursor != NULL);

  return g_hash_table_size (seen);
}

static void
test_case_paging (void)
{
  g_autofree char *token = cs_test_central_login (central, "health-approver");
  guint all = count_all_cases (token, NULL, 500);
  guint paged = count_all_cases (token, NULL, 7);
  guint forwarded = count_all_cases (token, "&status=forwarded", 10);
  guint open = count_all_cases (token, "&status=forwarded,claimed", 10);
  gint64 in_db = cs_test_sqlite_count (central, "SELECT COUNT(*) FROM case_parts WHERE department = 'health'");
  gint64 in_db_forwarded = cs_test_sqlite_count (central,
                                                 "SELECT COUNT(*) FROM case_parts WHERE department = 'health'"
                                                 " AND state = 'forwarded'");

  g_assert_cmpint (all, ==, in_db);
  g_assert_cmpint (all, >=, 78);   /* 50 batch + 16 radiation + 12 instant */
  g_assert_cmpuint (paged, ==, all);
  g_assert_cmpint (forwarded, ==, in_db_forwarded);
  g_assert_cmpuint (open, >, forwarded);
}

static void
test_whole_centre (void)
{
  /* At least 200 cases over every state, green channel among them. */
  static const char *states[] = {
    "forwarded", "claimed", "under_review", "reviewed", "decided",
    "supplement_requested", "suspended", "extended",
  };

  g_assert_cmpint (cs_test_sqlite_count (central, "SELECT COUNT(*) FROM cases"), >=, 200);
  g_assert_cmpint (cs_test_sqlite_count (central, "SELECT COUNT(*) FROM cases WHERE green_channel"), >, 0);
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT COUNT(*) FROM case_parts WHERE state = '%s'",
                                              states[i]);

      g_assert_cmpint (cs_test_sqlite_count (central, sql), >, 0);
    }

  g_assert_cmpint (cs_test_sqlite_count (central, "SELECT MAX(pages) FROM materials"), >=, 300);
  g_assert_cmpint (cs_test_sqlite_count (central,
                                         "SELECT COUNT(*) FROM materials WHERE media_type = 'image/jpeg'"),
                   >, 0);
}

static void
test_updated_since (void)
{
  g_autofree char *token = cs_test_central_login (central, "market-approver");
  g_autoptr(CsTestResponse) all = cs_test_request (central, "GET", "/v1/cases?limit=500", token, NULL, NULL);
  g_autoptr(CsTestResponse) future = cs_test_request (central, "GET",
                                                      "/v1/cases?updated_since=2100-01-01T00:00:00Z",
                                                      token, NULL, NULL);
  g_autoptr(CsTestResponse) bad = cs_test_request (central, "GET", "/v1/cases?updated_since=yesterday",
                                                   token, NULL, NULL);
  g_autoptr(CsTestResponse) since = NULL;
  g_autofree char *path = NULL;
  g_autofree char *escaped = NULL;
  JsonArray *items = items_of (all);
  const char *middle;
  guint expected = 0;

  g_assert_cmpuint (json_array_get_length (items), >, 10);
  middle = json_object_get_string_member (json_array_get_object_element (items, json_array_get_length (items) / 2),
                                          "updated_at");
  for (guint i = 0; i < json_array_get_length (items); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (items, i), "updated_at"),
                   middle) >= 0)
      expected++;

  escaped = g_uri_escape_string (middle, NULL, FALSE);
  path = g_strdup_printf ("/v1/cases?limit=500&updated_since=%s", escaped);
  since = cs_test_request (central, "GET", path, token, NULL, NULL);
  g_assert_cmpuint (since->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (items_of (since)), ==, expected);
  g_assert_cmpuint (json_array_get_length (items_of (future)), ==, 0);
  cs_test_assert_problem (bad, 400, "invalid-parameter");
}

static char *
first_case_of (const char *token,
               const char *filter)
{
  g_autofree char *path = g_strdup_printf ("/v1/cases?limit=500%s", filter ? filter : "");
  g_autoptr(CsTestResponse) response = cs_test_request (central, "GET", path, token, NULL, NULL);
  JsonArray *items = items_of (response);

  g_assert_cmpuint (json_array_get_length (items), >, 0);
  return g_strdup (json_object_get_string_member (json_array_get_object_element (items, 0), "id"));
}

static void
test_department_scoping (void)
{
  g_autofree char *health = cs_test_central_login (central, "health-approver");
  g_autofree char *market = cs_test_central_login (central, "market-approver");
  g_autofree char *fire = cs_test_central_login (central, "fire-approver");
  g_autofree char *health_case = first_case_of (health, NULL);
  g_autofree char *path = g_strdup_printf ("/v1/cases/%s", health_case);
  g_autofree char *content = g_strdup_printf ("/v1/cases/%s/materials/m1/content", health_case);
  g_autofree char *audit = g_strdup_printf ("/v1/cases/%s/audit", health_case);
  g_autoptr(CsTestResponse) own = cs_test_request (central, "GET", path, health, NULL, NULL);
  g_autoptr(CsTestResponse) other = cs_test_request (central, "GET", path, market, NULL, NULL);
  g_autoptr(CsTestResponse) other_content = cs_test_request (central, "GET", content, market, NULL, NULL);
  g_autoptr(CsTestResponse) other_audit = cs_test_request (central, "GET", audit, market, NULL, NULL);
  g_autoptr(CsTestResponse) fire_list = cs_test_request (central, "GET", "/v1/cases?limit=500", fire,
                                                         NULL, NULL);
  JsonArray *items = items_of (fire_list);
  gboolean saw_parallel = FALSE;

  g_assert_cmpuint (own->status, ==, 200);
  cs_test_assert_problem (other, 404, "not-found");
  cs_test_assert_problem (other_content, 404, "not-found");
  cs_test_assert_problem (other_audit, 404, "not-found");

  /* The fire brigade sees its own cases and its part of the parallel ones. */
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      JsonNode *parallel = json_object_get_member (item, "parallel");

      g_assert_cmpstr (json_object_get_string_member (item, "department"), ==, "fire");
      if (!JSON_NODE_HOLDS_NULL (parallel))
        {
          JsonObject *p = json_node_get_object (parallel);

          saw_parallel = TRUE;
          g_assert_cmpstr (json_object_get_string_member (p, "lead_department"), ==, "market");
          g_assert_cmpstr (json_object_get_string_member (item, "role"), ==, "co");
          g_assert_cmpuint (json_array_get_length (json_object_get_array_member (p, "parts")), ==, 3);
        }
    }
  g_assert_true (saw_parallel);
}

static void
test_case_etag (void)
{
  g_autofree char *token = cs_test_central_login (central, "forestry-approver");
  g_autofree char *case_id = first_case_of (token, NULL);
  g_autofree char *path = g_strdup_printf ("/v1/cases/%s", case_id);
  g_autoptr(CsTestResponse) first = cs_test_request (central, "GET", path, token, NULL, NULL);
  g_autoptr(CsTestResponse) again = NULL;
  g_autoptr(CsTestResponse) stale = NULL;
  g_autoptr(CsTestResponse) missing = NULL;
  JsonObject *detail;
  const char *etag;

  g_assert_cmpuint (first->status, ==, 200);
  etag = cs_test_response_header (first, "ETag");
  g_assert_nonnull (etag);

  detail = cs_test_response_object (first);
  g_assert_cmpstr (json_object_get_string_member (detail, "id"), ==, case_id);
  g_assert_true (json_object_has_member (detail, "form"));
  g_assert_true (json_object_has_member (detail, "materials"));
  g_assert_true (json_object_has_member (detail, "reviews"));
  g_assert_true (json_object_has_member (detail, "clock"));
  g_assert_nonnull (json_object_get_string_member (json_object_get_object_member (detail, "applicant"),
                                                   "phone"));

  again = cs_test_request (central, "GET", path, token, NULL, "If-None-Match", etag, NULL);
  g_assert_cmpuint (again->status, ==, 304);
  g_assert_cmpuint (g_bytes_get_size (again->body), ==, 0);

  stale = cs_test_request (central, "GET", path, token, NULL, "If-None-Match", "\"0-forestry\"", NULL);
  g_assert_cmpuint (stale->status, ==, 200);

  missing = cs_test_request (central, "GET", "/v1/cases/000000000000", token, NULL, NULL);
  cs_test_assert_problem (missing, 404, "not-found");
}

static void
test_material_content (void)
{
  g_autofree char *token = cs_test_central_login (central, "health-approver");
  g_autofree char *case_id = first_case_of (token, NULL);
  g_autofree char *detail_path = g_strdup_printf ("/v1/cases/%s", case_id);
  g_autoptr(CsTestResponse) detail = cs_test_request (central, "GET", detail_path, token, NULL, NULL);
  JsonArray *materials = json_object_get_array_member (cs_test_response_object (detail), "materials");

  g_assert_cmpuint (json_array_get_length (materials), >, 2);

  for (guint i = 0; i < json_array_get_length (materials); i++)
    {
      JsonObject *material = json_array_get_object_element (materials, i);
      const char *id = json_object_get_string_member (material, "id");
      const char *media_type = json_object_get_string_member (material, "media_type");
      gint64 size = json_object_get_int_member (material, "size");
      g_autofree char *path = g_strdup_printf ("/v1/cases/%s/materials/%s/content", case_id, id);
      g_autofree char *sha = NULL;
      g_autofree char *etag = NULL;
      g_autofree char *expected_range = NULL;
      g_autoptr(CsTestResponse) full = cs_test_request (central, "GET", path, token, NULL, NULL);
      g_autoptr(CsTestResponse) cached = NULL;
      g_autoptr(CsTestResponse) partial = NULL;
      g_autoptr(CsTestResponse) tail = NULL;
      g_autoptr(CsTestResponse) open_ended = NULL;
      g_autoptr(CsTestResponse) outside = NULL;
      g_autoptr(CsTestResponse) changed = NULL;
      g_autoptr(GBytes) expected_tail = NULL;
      const guint8 *bytes;

      g_assert_cmpuint (full->status, ==, 200);
      g_assert_cmpstr (soup_message_headers_get_content_type (full->headers, NULL), ==, media_type);
      g_assert_cmpint (g_bytes_get_size (full->body), ==, size);
      bytes = g_bytes_get_data (full->body, NULL);
      if (g_str_equal (media_type, "application/pdf"))
        g_assert_cmpmem (bytes, 5, "%PDF-", 5);
      else
        g_assert_cmpmem (bytes, 3, "\xff\xd8\xff", 3);

      sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, full->body);
      g_assert_cmpstr (sha, ==, json_object_get_string_member (material, "sha256"));
      etag = g_strdup_printf ("\"%s\"", sha);
      g_assert_cmpstr (cs_test_response_header (full, "ETag"), ==, etag);
      g_assert_cmpstr (cs_test_response_header (full, "Accept-Ranges"), ==, "bytes");

      cached = cs_test_request (central, "GET", path, token, NULL, "If-None-Match", etag, NULL);
      g_assert_cmpuint (cached->status, ==, 304);

      partial = cs_test_request (central, "GET", path, token, NULL, "Range", "bytes=100-199", NULL);
      g_assert_cmpuint (partial->status, ==, 206);
      g_assert_cmpuint (g_bytes_get_size (partial->body), ==, 100);
      g_assert_cmpmem (g_bytes_get_data (partial->body, NULL), 100, bytes + 100, 100);
      expected_range = g_strdup_printf ("bytes 100-199/%" G_GINT64_FORMAT, size);
      g_assert_cmpstr (cs_test_response_header (partial, "Content-Range"), ==, expected_range);

      tail = cs_test_request (central, "GET", path, token, NULL, "Range", "bytes=-10", NULL);
      g_assert_cmpuint (tail->status, ==, 206);
      expected_tail = g_bytes_new_from_bytes (full->body, size - 10, 10);
      g_assert_true (g_bytes_equal (tail->body, expected_tail));

      /* Resuming a download: from an offset to the end, while unchanged. */
      open_ended = cs_test_request (central, "GET", path, token, NULL,
                                    "Range", "bytes=1000-", "If-Range", etag, NULL);
      g_assert_cmpuint (open_ended->status, ==, 206);
      g_assert_cmpint (g_bytes_get_size (open_ended->body), ==, size - 1000);

      changed = cs_test_request (central, "GET", path, token, NULL,
                                 "Range", "bytes=1000-", "If-Range", "\"something-else\"", NULL);
      g_assert_cmpuint (changed->status, ==, 200);
      g_assert_cmpint (g_bytes_get_size (changed->body), ==, size);

      {
        g_autofree char *range = g_strdup_printf ("bytes=%" G_GINT64_FORMAT "-", size);

        outside = cs_test_request (central, "GET", path, token, NULL, "Range", range, NULL);
        g_assert_cmpuint (outside->status, ==, 416);
      }
    }
}

static void
test_big_material (void)
{
  g_autofree char *token = cs_test_central_login (central, "market-approver");
  g_autofree char *case_id = NULL;
  g_autofree char *material_id = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CsTestResponse) response = NULL;
  sqlite3_stmt *stmt = NULL;

  /* The 300-page process file of the parallel case. */
  {
    sqlite3 *db;

    g_assert_cmpint (sqlite3_open_v2 (central->db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT case_id, id FROM materials ORDER BY pages DESC LIMIT 1",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    case_id = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
    material_id = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }

  path = g_strdup_printf ("/v1/cases/%s/materials/%s/content", case_id, material_id);
  response = cs_test_request (central, "GET", path, token, NULL, NULL);
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpuint (g_bytes_get_size (response->body), >, 100000);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  central = cs_test_central_start ();

  g_test_add_func ("/central/sessions/sign-in", test_sign_in);
  g_test_add_func ("/central/sessions/refused", test_sign_in_refused);
  g_test_add_func ("/central/sessions/token-required", test_tokens_required);
  g_test_add_func ("/central/sessions/sign-out", test_sign_out);
  g_test_add_func ("/central/sessions/expiry", test_token_expiry);
  g_test_add_func ("/central/sessions/tls", test_tls);
  g_test_add_func ("/central/catalogue/matters", test_matters);
  g_test_add_func ("/central/catalogue/calendar", test_calendar);
  g_test_add_func ("/central/cases/demo-centre", test_whole_centre);
  g_test_add_func ("/central/cases/paging", test_case_paging);
  g_test_add_func ("/central/cases/updated-since", test_updated_since);
  g_test_add_func ("/central/cases/department-scoping", test_department_scoping);
  g_test_add_func ("/central/cases/etag", test_case_etag);
  g_test_add_func ("/central/materials/content-and-range", test_material_content);
  g_test_add_func ("/central/materials/big", test_big_material);

  status = g_test_run ();
  cs_test_central_free (central);
  return status;
}
