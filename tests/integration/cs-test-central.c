/* cs-test-central.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsTest"

#include "config.h"

#include <string.h>

#include <signal.h>
#include <sys/prctl.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "cs-test-central.h"

/* A real countersign-central for the integration tests: a fresh demo centre
 * in a temporary folder, served on a free loopback port, talked to over
 * HTTP with libsoup. */

const char *
cs_test_central_binary (void)
{
  const char *path = g_getenv ("COUNTERSIGN_CENTRAL");

  g_assert_nonnull (path);
  return path;
}

/* The tests wait on other processes; none of them waits for ever. The
 * build sets the limit (longer with the sanitizers). */
#ifndef CS_TEST_DEADLINE_SECONDS
#define CS_TEST_DEADLINE_SECONDS 120
#endif

static gboolean
deadline_passed (gpointer user_data)
{
  gboolean *passed = user_data;

  *passed = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs a private main context until *RESULT is set or the deadline passes;
 * WHAT says what was waited for when it does. The async call that sets
 * *RESULT must have been started with this context as thread default. */
static void
wait_for_result (GMainContext  *context,
                 GAsyncResult **result,
                 const char    *what)
{
  g_autoptr(GSource) deadline = g_timeout_source_new_seconds (CS_TEST_DEADLINE_SECONDS);
  gboolean passed = FALSE;

  g_source_set_callback (deadline, deadline_passed, &passed, NULL);
  g_source_attach (deadline, context);
  while (*result == NULL && !passed)
    g_main_context_iteration (context, TRUE);
  g_source_destroy (deadline);
  if (*result == NULL)
    g_error ("%s: nothing after %d s", what, CS_TEST_DEADLINE_SECONDS);
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **stored = user_data;

  *stored = g_object_ref (result);
}

/**
 * cs_test_store_result:
 *
 * A #GAsyncReadyCallback that keeps a reference to the result in the
 * `GAsyncResult *` that @user_data points to, for cs_test_wait().
 */
void
cs_test_store_result (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  store_result (source, result, user_data);
}

/**
 * cs_test_wait:
 * @slot: where cs_test_store_result() puts the result
 *
 * Runs the default main context until the result is there, failing the
 * test when the deadline passes first.
 *
 * Returns: (transfer none): the result
 */
GAsyncResult *
cs_test_wait (GAsyncResult **slot)
{
  wait_for_result (NULL, slot, "an asynchronous call");
  return *slot;
}

SoupSession *
cs_test_session_new (void)
{
  return soup_session_new_with_options ("timeout", 90, NULL);
}

/* A test that fails aborts; the processes it started (the server, the
 * seeding, the CLI) must not outlive it: they would keep the test runner
 * waiting on their output, and take the machine from the tests after it. */
static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

int
cs_test_run_cli (const char * const  *argv,
                 char               **out,
                 char               **err)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) out_bytes = NULL;
  g_autoptr(GBytes) err_bytes = NULL;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GAsyncResult) result = NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  /* The bytes, not the _utf8 variant, which leaks in GLib 2.74. */
  g_main_context_push_thread_default (context);
  g_subprocess_communicate_async (process, NULL, NULL, store_result, &result);
  g_main_context_pop_thread_default (context);
  wait_for_result (context, &result, argv[0]);
  g_subprocess_communicate_finish (process, result, &out_bytes, &err_bytes, &error);
  g_assert_no_error (error);
  if (out != NULL)
    *out = g_strndup (g_bytes_get_size (out_bytes) > 0 ? g_bytes_get_data (out_bytes, NULL) : "",
                      g_bytes_get_size (out_bytes));
  if (err != NULL)
    *err = g_strndup (g_bytes_get_size (err_bytes) > 0 ? g_bytes_get_data (err_bytes, NULL) : "",
                      g_bytes_get_size (err_bytes));

  return g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
}

CsTestCentral *
cs_test_central_new_seeded (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *demo_dir = NULL;
  g_autofree char *err = NULL;
  CsTestCentral *central = g_new0 (CsTestCentral, 1);
  int status;

  central->dir = g_dir_make_tmp ("countersign-test-XXXXXX", &error);
  g_assert_no_error (error);
  central->db_path = g_build_filename (central->dir, "central.db", NULL);
  demo_dir = g_build_filename (central->dir, "demo", NULL);

  /* The build's cache of rendered materials makes every seed after the
   * first one take a second or two. */
  status = cs_test_run_cli ((const char * const[]) {
                              cs_test_central_binary (), "--db", central->db_path,
                              "--seed-demo", "--today", CS_TEST_TODAY,
                              "--demo-dir", demo_dir,
                              "--demo-cache", g_getenv ("COUNTERSIGN_DEMO_CACHE"), NULL },
                            NULL, &err);
  if (status != 0)
    g_error ("seeding the demo centre failed (%d): %s", status, err);

  central->session = cs_test_session_new ();
  return central;
}

void
cs_test_central_serve (CsTestCentral *central,
                       const char    *first_extra_arg,
                       ...)
{
  g_autoptr(GStrvBuilder) args = g_strv_builder_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *log_path = NULL;
  g_auto(GStrv) argv = NULL;
  va_list ap;

  g_strv_builder_add_many (args, cs_test_central_binary (), "--db", central->db_path,
                           "--listen", "127.0.0.1:0", NULL);
  va_start (ap, first_extra_arg);
  for (const char *arg = first_extra_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_strv_builder_add (args, arg);
  va_end (ap);
  argv = g_strv_builder_end (args);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  log_path = g_build_filename (central->dir != NULL ? central->dir : g_get_tmp_dir (),
                               "central.log", NULL);
  g_subprocess_launcher_set_stderr_file_path (launcher, log_path);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  /* The server runs as in production: libsoup warns (and must not abort)
   * on some hostile input, such as a negative Content-Length. */
  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
  central->process = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv, &error);
  g_assert_no_error (error);

  /* The server prints its address once it listens. */
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (central->process));
  g_main_context_push_thread_default (context);
  g_data_input_stream_read_line_async (out, G_PRIORITY_DEFAULT, NULL, store_result, &result);
  g_main_context_pop_thread_default (context);
  wait_for_result (context, &result, "countersign-central's address");
  central->url = g_data_input_stream_read_line_finish_utf8 (out, result, NULL, &error);
  g_assert_no_error (error);
  if (central->url == NULL)
    {
      g_autofree char *log = NULL;

      g_file_get_contents (log_path, &log, NULL, NULL);
      g_error ("countersign-central ended before it listened: %s", log != NULL ? log : "");
    }
  g_assert_true (g_str_has_prefix (central->url, "http://127.0.0.1:") ||
                 g_str_has_prefix (central->url, "https://127.0.0.1:"));
}

CsTestCentral *
cs_test_central_start (void)
{
  CsTestCentral *central = cs_test_central_new_seeded ();

  cs_test_central_serve (central, NULL);
  return central;
}

void
cs_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            cs_test_remove_tree (child);
          else
            g_unlink (child);
        }
    }
  g_rmdir (path);
}

void
cs_test_central_free (CsTestCentral *central)
{
  if (central->process != NULL)
    {
      g_subprocess_send_signal (central->process, SIGTERM);
      g_subprocess_wait (central->process, NULL, NULL);

      /* A clean exit on SIGTERM; under the sanitizers a leak or an error
       * found in the server makes this fail too. */
      if (!g_subprocess_get_if_exited (central->process) ||
          g_subprocess_get_exit_status (central->process) != 0)
        {
          g_autofree char *log_path = g_build_filename (central->dir != NULL ? central->dir
                                                                             : g_get_tmp_dir (),
                                                        "central.log", NULL);
          g_autofree char *log = NULL;

          g_file_get_contents (log_path, &log, NULL, NULL);
          g_error ("countersign-central did not exit cleanly:\n%s", log != NULL ? log : "");
        }
      g_clear_object (&central->process);
    }

  g_clear_object (&central->session);
  /* CS_TEST_KEEP=1 keeps the database and the server's log to look at. */
  if (central->dir != NULL && g_getenv ("CS_TEST_KEEP") == NULL)
    cs_test_remove_tree (central->dir);
  g_free (central->dir);
  g_free (central->db_path);
  g_free (central->url);
  g_free (central);
}

static CsTestResponse *
send_message (CsTestCentral *central,
              SoupMessage   *msg)
{
  g_autoptr(GError) error = NULL;
  CsTestResponse *response = g_new0 (CsTestResponse, 1);
  const char *content_type;

  response->body = soup_session_send_and_read (central->session, msg, NULL, &error);
  g_assert_no_error (error);
  response->status = soup_message_get_status (msg);
  response->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));

  content_type = soup_message_headers_get_content_type (response->headers, NULL);
  if (content_type != NULL &&
      (g_str_equal (content_type, "application/json") ||
       g_str_equal (content_type, "application/problem+json")))
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      gsize size;
      const char *data = g_bytes_get_data (response->body, &size);

      json_parser_load_from_data (parser, data, size, &error);
      g_assert_no_error (error);
      response->json = json_parser_steal_root (parser);
    }

  return response;
}

static CsTestResponse *
request_valist (CsTestCentral *central,
                const char    *method,
                const char    *path,
                const char    *token,
                const char    *content_type,
                GBytes        *body,
                va_list        headers)
{
  g_autofree char *uri = g_strconcat (central->url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);
  SoupMessageHeaders *request_headers;

  g_assert_nonnull (msg);
  request_headers = soup_message_get_request_headers (msg);

  if (token != NULL)
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (request_headers, "Authorization", authorization);
    }

  for (const char *name = va_arg (headers, const char *); name != NULL;
       name = va_arg (headers, const char *))
    soup_message_headers_replace (request_headers, name, va_arg (headers, const char *));

  if (body != NULL)
    soup_message_set_request_body_from_bytes (msg, content_type, body);

  return send_message (central, msg);
}

CsTestResponse *
cs_test_request (CsTestCentral *central,
                 const char    *method,
                 const char    *path,
                 const char    *token,
                 const char    *json_body,
                 ...)
{
  g_autoptr(GBytes) body = NULL;
  CsTestResponse *response;
  va_list ap;

  if (json_body != NULL)
    body = g_bytes_new (json_body, strlen (json_body));

  va_start (ap, json_body);
  response = request_valist (central, method, path, token, "application/json", body, ap);
  va_end (ap);

  return response;
}

CsTestResponse *
cs_test_request_raw (CsTestCentral *central,
                     const char    *method,
                     const char    *path,
                     const char    *token,
                     const char    *content_type,
                     GBytes        *body,
                     ...)
{
  CsTestResponse *response;
  va_list ap;

  va_start (ap, body);
  response = request_valist (central, method, path, token, content_type, body, ap);
  va_end (ap);

  return response;
}

void
cs_test_response_free (CsTestResponse *response)
{
  g_clear_pointer (&response->headers, soup_message_headers_unref);
  g_clear_pointer (&response->body, g_bytes_unref);
  g_clear_pointer (&response->json, json_node_unref);
  g_free (response);
}

JsonObject *
cs_test_response_object (CsTestResponse *response)
{
  g_assert_nonnull (response->json);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (response->json));
  return json_node_get_object (response->json);
}

const char *
cs_test_response_header (CsTestResponse *response,
                         const char     *name)
{
  return soup_message_headers_get_one (response->headers, name);
}

/* Every error is application/problem+json with a type, title, status and
 * detail (RFC 9457), and our stable code. */
void
cs_test_assert_problem (CsTestResponse *response,
                        guint           status,
                        const char     *code)
{
  JsonObject *problem;
  g_autofree char *type = g_strconcat ("urn:countersign:problem:", code, NULL);

  g_assert_cmpuint (response->status, ==, status);
  g_assert_cmpstr (soup_message_headers_get_content_type (response->headers, NULL), ==,
                   "application/problem+json");
  problem = cs_test_response_object (response);
  g_assert_cmpstr (json_object_get_string_member (problem, "type"), ==, type);
  g_assert_cmpstr (json_object_get_string_member (problem, "code"), ==, code);
  g_assert_cmpint (json_object_get_int_member (problem, "status"), ==, status);
  g_assert_nonnull (json_object_get_string_member (problem, "title"));
  g_assert_cmpstr (json_object_get_string_member (problem, "detail"), !=, "");
}

char *
cs_test_central_login (CsTestCentral *central,
                       const char    *username)
{
  g_autofree char *body = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"demo\"}", username);
  g_autoptr(CsTestResponse) response = cs_test_request (central, "POST", "/v1/sessions", NULL,
                                                        body, NULL);

  g_assert_cmpuint (response->status, ==, 201);
  return g_strdup (json_object_get_string_member (cs_test_response_object (response), "token"));
}

/* Reads the server's database directly: what a test proves about writes
 * (nothing partial, exactly once) it proves from the stored rows. */
gint64
cs_test_sqlite_count (CsTestCentral *central,
                      const char    *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (central->db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}
