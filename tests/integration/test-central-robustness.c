/* test-central-robustness.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "cs-test-central.h"

/* Bad input gets a 4xx problem+json, never a crash, a hang or a partial
 * write: malformed JSON, wrong types, unknown enum values, oversized
 * bodies, bad paging parameters, unknown IDs, path tricks and methods. */

static CsTestCentral *central;
static char *token;
static char *case_id;

static gint64
rows (void)
{
  return cs_test_sqlite_count (central,
                               "SELECT (SELECT COUNT(*) FROM reviews) + (SELECT COUNT(*) FROM audit)"
                               " + (SELECT COUNT(*) FROM events) + (SELECT SUM(version) FROM cases)");
}

static void
test_bad_bodies (void)
{
  static const struct {
    const char *body;
    guint       status;
    const char *code;
  } cases[] = {
    { "{", 400, "invalid-json" },
    { "[1,2,3]", 400, "invalid-json" },
    { "\"just a string\"", 400, "invalid-json" },
    { "{\"opinion\": \"x\", \"proposed_outcome\": }", 400, "invalid-json" },
    { "{\"opinion\":[\"x\"],\"proposed_outcome\":\"grant\"}", 422, "invalid-field" },
    { "{\"opinion\":\"x\",\"proposed_outcome\":42}", 422, "invalid-field" },
    { "{\"opinion\":\"x\",\"proposed_outcome\":\"GRANT\"}", 422, "invalid-field" },
    { "{\"opinion\":\"x\",\"proposed_outcome\":\"grant\",\"checklist\":[1]}", 422, "invalid-field" },
    { "{\"opinion\":\"x\",\"proposed_outcome\":\"grant\",\"checklist\":[{\"item\":null}]}", 422, "invalid-field" },
    { "{\"opinion\":null,\"proposed_outcome\":\"grant\"}", 422, "invalid-field" },
  };
  g_autofree char *path = g_strdup_printf ("/v1/cases/%s/reviews", case_id);
  gint64 before = rows ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CsTestResponse) response = cs_test_request (central, "POST", path, token,
                                                            cases[i].body, NULL);

      g_test_message ("body %u: %s", i, cases[i].body);
      cs_test_assert_problem (response, cases[i].status, cases[i].code);
    }

  g_assert_cmpint (rows (), ==, before);
}

static void
test_bad_sign_in (void)
{
  static const char *bodies[] = {
    "{}",
    "{\"username\":1,\"password\":\"demo\"}",
    "{\"username\":\"health-chief\"}",
    "not json at all",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(CsTestResponse) response = cs_test_request (central, "POST", "/v1/sessions", NULL,
                                                            bodies[i], NULL);

      g_assert_cmpuint (response->status, >=, 400);
      g_assert_cmpuint (response->status, <, 500);
      g_assert_cmpstr (soup_message_headers_get_content_type (response->headers, NULL), ==,
                       "application/problem+json");
    }
}

static void
test_wrong_content (void)
{
  g_autofree char *path = g_strdup_printf ("/v1/cases/%s/reviews", case_id);
  g_autoptr(GBytes) text = g_bytes_new_static ("opinion=x", 9);
  g_autoptr(GBytes) latin1 = g_bytes_new_static ("{\"opinion\":\"caf\xe9\",\"proposed_outcome\":\"grant\"}", 46);
  g_autoptr(CsTestResponse) form = cs_test_request_raw (central, "POST", path, token,
                                                        "application/x-www-form-urlencoded", text, NULL);
  g_autoptr(CsTestResponse) invalid_utf8 = cs_test_request_raw (central, "POST", path, token,
                                                                "application/json", latin1, NULL);

  cs_test_assert_problem (form, 415, "unsupported-media-type");
  cs_test_assert_problem (invalid_utf8, 400, "invalid-json");
}

static void
test_oversized_body (void)
{
  g_autofree char *path = g_strdup_printf ("/v1/cases/%s/reviews", case_id);
  gsize size = 2 * 1024 * 1024;
  g_autofree char *big = g_malloc (size + 64);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(CsTestResponse) response = NULL;
  g_autoptr(CsTestResponse) still_alive = NULL;
  gint64 before = rows ();

  /* A syntactically valid body, only far too large. */
  strcpy (big, "{\"opinion\":\"");
  memset (big + strlen (big), 'x', size);
  strcpy (big + 12 + size, "\",\"proposed_outcome\":\"grant\"}");
  body = g_bytes_new_take (g_steal_pointer (&big), 12 + size + strlen ("\",\"proposed_outcome\":\"grant\"}"));

  /* A polite client asks before sending the body, and hears 413 at once. */
  response = cs_test_request_raw (central, "POST", path, token, "application/json", body,
                                  "Expect", "100-continue", NULL);
  cs_test_assert_problem (response, 413, "payload-too-large");

  still_alive = cs_test_request (central, "GET", "/v1/me", token, NULL, NULL);
  g_assert_cmpuint (still_alive->status, ==, 200);
  g_assert_cmpint (rows (), ==, before);
}

static gint64
server_peak_kib (void)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/status",
                                           g_subprocess_get_identifier (central->process));
  g_autofree char *status = NULL;
  const char *line;

  g_assert_true (g_file_get_contents (path, &status, NULL, NULL));
  line = strstr (status, "VmHWM:");
  g_assert_nonnull (line);
  return g_ascii_strtoll (line + strlen ("VmHWM:"), NULL, 10);
}

/* A client that just sends: the server must not read (and keep) a body it
 * will refuse, however large, nor one whose length it is not told. */
static void
test_body_never_read (void)
{
  static const char *heads[] = {
    "POST /v1/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
    "Content-Length: 400000000\r\n\r\n",
    "POST /v1/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
    "Transfer-Encoding: chunked\r\n\r\n",
  };
  g_autoptr(GUri) uri = g_uri_parse (central->url, G_URI_FLAGS_NONE, NULL);
  g_autoptr(CsTestResponse) alive = NULL;
  g_autofree char *block = g_malloc (1024 * 1024);
  gint64 before = server_peak_kib ();

  memset (block, 'x', 1024 * 1024);

  for (guint i = 0; i < G_N_ELEMENTS (heads); i++)
    {
      g_autoptr(GSocketClient) client = g_socket_client_new ();
      g_autoptr(GSocketConnection) connection = NULL;
      g_autoptr(GError) error = NULL;
      GOutputStream *out;

      g_socket_client_set_timeout (client, 5);
      connection = g_socket_client_connect_to_host (client, "127.0.0.1", g_uri_get_port (uri),
                                                    NULL, &error);
      g_assert_no_error (error);
      out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
      g_output_stream_write_all (out, heads[i], strlen (heads[i]), NULL, NULL, NULL);

      /* Up to 200 MiB, until the server hangs up. */
      for (guint mib = 0; mib < 200; mib++)
        if (!g_output_stream_write_all (out, block, 1024 * 1024, NULL, NULL, NULL))
          break;
    }

  /* Ten times less than what was sent is still far more than needed. */
  g_assert_cmpint (server_peak_kib () - before, <, 40 * 1024);

  /* The refusal of a chunked body is said before any of it is sent. */
  {
    g_autoptr(GSocketClient) client = g_socket_client_new ();
    g_autoptr(GSocketConnection) connection = NULL;
    g_autoptr(GError) error = NULL;
    char answer[512] = { 0 };

    g_socket_client_set_timeout (client, 5);
    connection = g_socket_client_connect_to_host (client, "127.0.0.1", g_uri_get_port (uri),
                                                  NULL, &error);
    g_assert_no_error (error);
    g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)),
                               heads[1], strlen (heads[1]), NULL, NULL, &error);
    g_assert_no_error (error);
    g_input_stream_read_all (g_io_stream_get_input_stream (G_IO_STREAM (connection)),
                             answer, sizeof answer - 1, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (g_str_has_prefix (answer, "HTTP/1.1 411"));
    g_assert_nonnull (strstr (answer, "urn:countersign:problem:length-required"));
  }

  alive = cs_test_request (central, "GET", "/v1/me", token, NULL, NULL);
  g_assert_cmpuint (alive->status, ==, 200);
}

static void
test_long_fields (void)
{
  g_autofree char *path = g_strdup_printf ("/v1/cases/%s/reviews", case_id);
  g_autoptr(GString) body = g_string_new ("{\"opinion\":\"");
  g_autoptr(CsTestResponse) response = NULL;

  for (guint i = 0; i < 10001; i++)
    g_string_append (body, "审");
  g_string_append (body, "\",\"proposed_outcome\":\"grant\"}");

  response = cs_test_request (central, "POST", path, token, body->str, NULL);
  cs_test_assert_problem (response, 422, "invalid-field");
}

static void
test_bad_parameters (void)
{
  static const char *paths[] = {
    "/v1/cases?limit=-1",
    "/v1/cases?limit=0",
    "/v1/cases?limit=100000000000000000000",
    "/v1/cases?limit=501",
    "/v1/cases?limit=ten",
    "/v1/cases?cursor=-5",
    "/v1/cases?cursor=abc",
    "/v1/cases?status=approved",
    "/v1/cases?status=forwarded,,claimed",
    "/v1/cases?updated_since=2026-13-45T99:00:00Z",
    "/v1/events?after=-1",
    "/v1/events?after=x",
    "/v1/events?after=0&timeout=3600",
    "/v1/calendar?year=-2026",
    "/v1/calendar?year=99999999999",
  };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(CsTestResponse) response = cs_test_request (central, "GET", paths[i], token, NULL, NULL);

      g_test_message ("%s", paths[i]);
      cs_test_assert_problem (response, 400, "invalid-parameter");
    }
}

static void
test_unknown_ids_and_paths (void)
{
  static const char *paths[] = {
    "/v1/cases/ffffffffffff",
    "/v1/cases/ffffffffffff/audit",
    "/v1/cases/ffffffffffff/materials/m1/content",
    "/v1/cases/CASE/materials/m999/content",
    "/v1/cases/..%2F..%2Fetc%2Fpasswd",
    "/v1/cases/%2e%2e/materials/m1/content",
    "/v1/cases/CASE/materials/..%2F..%2F..%2Fcentral.db/content",
    "/v1/cases/CASE/materials/m1/content/extra",
    "/v1/cases/CASE%00/audit",
    "/v1/nowhere",
    "/v2/cases",
    "/",
    "/etc/passwd",
    "/v1/cases/CASE/claim/again",
  };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *path = NULL;
      g_auto(GStrv) parts = g_strsplit (paths[i], "CASE", -1);
      g_autoptr(CsTestResponse) response = NULL;

      path = g_strjoinv (case_id, parts);
      response = cs_test_request (central, "GET", path, token, NULL, NULL);
      g_test_message ("%s → %u", path, response->status);
      cs_test_assert_problem (response, 404, "not-found");
    }
}

static void
test_methods (void)
{
  g_autofree char *claim = g_strdup_printf ("/v1/cases/%s/claim", case_id);
  g_autofree char *one = g_strdup_printf ("/v1/cases/%s", case_id);
  g_autoptr(CsTestResponse) get_claim = cs_test_request (central, "GET", claim, token, NULL, NULL);
  g_autoptr(CsTestResponse) delete_case = cs_test_request (central, "DELETE", one, token, NULL, NULL);
  g_autoptr(CsTestResponse) put_cases = cs_test_request (central, "PUT", "/v1/cases", token, "{}", NULL);
  g_autoptr(CsTestResponse) get_sessions = cs_test_request (central, "GET", "/v1/sessions", token, NULL, NULL);

  cs_test_assert_problem (get_claim, 405, "method-not-allowed");
  g_assert_cmpstr (cs_test_response_header (get_claim, "Allow"), ==, "POST");
  cs_test_assert_problem (delete_case, 405, "method-not-allowed");
  cs_test_assert_problem (put_cases, 405, "method-not-allowed");
  cs_test_assert_problem (get_sessions, 405, "method-not-allowed");
}

/* Garbage on the socket, and a client that goes away mid-request. */
static void
test_raw_socket (void)
{
  static const char *requests[] = {
    "GARBAGE\r\n\r\n",
    "GET /v1/me HTTP/1.1\r\nHost: x\r\nContent-Length: -4\r\n\r\n",
    "POST /v1/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"user",
    "GET /v1/cases HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \r\n\r\n",
  };
  g_autoptr(GUri) uri = g_uri_parse (central->url, G_URI_FLAGS_NONE, NULL);
  g_autoptr(CsTestResponse) alive = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (requests); i++)
    {
      g_autoptr(GSocketClient) client = g_socket_client_new ();
      g_autoptr(GSocketConnection) connection = NULL;
      g_autoptr(GError) error = NULL;
      char buffer[512];

      g_socket_client_set_timeout (client, 5);
      connection = g_socket_client_connect_to_host (client, "127.0.0.1", g_uri_get_port (uri), NULL, &error);
      g_assert_no_error (error);
      g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)),
                                 requests[i], strlen (requests[i]), NULL, NULL, NULL);
      if (i == 2)
        {
          /* Hang up in the middle of the body. */
          g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
          continue;
        }
      g_input_stream_read (g_io_stream_get_input_stream (G_IO_STREAM (connection)),
                           buffer, sizeof buffer - 1, NULL, NULL);
    }

  alive = cs_test_request (central, "GET", "/v1/me", token, NULL, NULL);
  g_assert_cmpuint (alive->status, ==, 200);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(CsTestResponse) list = NULL;
  JsonArray *items;
  int status;

  g_test_init (&argc, &argv, NULL);

  central = cs_test_central_start ();
  token = cs_test_central_login (central, "health-approver");

  /* A case the approver holds, so that only the input can be wrong. */
  list = cs_test_request (central, "GET", "/v1/cases?status=claimed&limit=500", token, NULL, NULL);
  items = json_object_get_array_member (cs_test_response_object (list), "items");
  for (guint i = 0; i < json_array_get_length (items) && case_id == NULL; i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      JsonObject *assignee = json_object_get_object_member (item, "assignee");

      if (g_str_equal (json_object_get_string_member (assignee, "username"), "health-approver"))
        case_id = g_strdup (json_object_get_string_member (item, "id"));
    }
  g_assert_nonnull (case_id);

  g_test_add_func ("/central/robustness/bad-bodies", test_bad_bodies);
  g_test_add_func ("/central/robustness/bad-sign-in", test_bad_sign_in);
  g_test_add_func ("/central/robustness/wrong-content", test_wrong_content);
  g_test_add_func ("/central/robustness/oversized-body", test_oversized_body);
  g_test_add_func ("/central/robustness/body-never-read", test_body_never_read);
  g_test_add_func ("/central/robustness/long-fields", test_long_fields);
  g_test_add_func ("/central/robustness/bad-parameters", test_bad_parameters);
  g_test_add_func ("/central/robustness/unknown-ids-and-paths", test_unknown_ids_and_paths);
  g_test_add_func ("/central/robustness/methods", test_methods);
  g_test_add_func ("/central/robustness/raw-socket", test_raw_socket);

  status = g_test_run ();
  g_free (case_id);
  g_free (token);
  cs_test_central_free (central);
  return status;
}
