/* test-cli.c — countersign-cli against a real countersign-central, and the
 * outbox's crash test
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <signal.h>
#include <string.h>

#include <glib/gstdio.h>

#include "cs-test-central.h"
#include "cs-test-relay.h"

static CsTestCentral *central;
static char *token;
static char *data_dir;

static const char *
cli_binary (void)
{
  const char *path = g_getenv ("COUNTERSIGN_CLI");

  g_assert_nonnull (path);
  return path;
}

static int
run_cli_valist (const char  *url,
                char       **out,
                char       **err,
                const char  *first,
                va_list      args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) cli_binary ());
  g_ptr_array_add (argv, (gpointer) "--server");
  g_ptr_array_add (argv, (gpointer) url);
  g_ptr_array_add (argv, (gpointer) "--data-dir");
  g_ptr_array_add (argv, data_dir);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);

  if (out != NULL)
    g_clear_pointer (out, g_free);
  if (err != NULL)
    g_clear_pointer (err, g_free);
  return cs_test_run_cli ((const char * const *) argv->pdata, out, err);
}

/* Runs the CLI with the common options; returns its exit status. What it
 * printed replaces what @out and @err held. */
static int
run_cli (char       **out,
         char       **err,
         const char  *first,
         ...)
{
  va_list args;
  int status;

  va_start (args, first);
  status = run_cli_valist (central->url, out, err, first, args);
  va_end (args);
  return status;
}

/* The same, against the server at @url (a relay in front of it). */
static int
run_cli_at (const char  *url,
            char       **out,
            char       **err,
            const char  *first,
            ...)
{
  va_list args;
  int status;

  va_start (args, first);
  status = run_cli_valist (url, out, err, first, args);
  va_end (args);
  return status;
}

static guint
count_lines (const char *text,
             const char *prefix)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0' && (prefix == NULL || g_str_has_prefix (lines[i], prefix)))
      n++;
  return n;
}

static void
test_validate (void)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run_cli (&out, &err, "validate-id", "11010519491231002X", NULL), ==, 0);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, &err, "validate-id", "110105194912310021", NULL), ==, 1);
  g_assert_cmpuint (count_lines (err, NULL), ==, 1);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, &err, "validate-uscc", "91350100M000100Y43", NULL), ==, 0);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, &err, "validate-uscc", "91350100M000100Y44", NULL), ==, 1);
  g_assert_cmpuint (count_lines (err, NULL), ==, 1);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (NULL, &err, "no-such-command", NULL), ==, 2);
  g_assert_cmpuint (count_lines (err, NULL), ==, 1);
}

/* A command line that cannot be run is one line on standard error, which
 * says what is wrong and, in the same line, where to look; exit status 2;
 * nothing on standard output. */
static void
test_usage_errors (void)
{
  static const struct {
    const char *args[8];
    const char *says;
  } wrong[] = {
    { { "no-such-command" }, "Unknown command “no-such-command”" },
    { { NULL }, "No command given" },
    { { "--no-such-option", "whoami" }, "--no-such-option" },
    { { "claim" }, "Usage: claim CASE_ID" },
    { { "show", "a", "b" }, "Usage: show CASE_ID" },
    { { "cases", "--status", "pondering" }, "Unknown state “pondering”" },
    { { "review", "c1", "--outcome", "grant" }, "Usage: review CASE_ID" },
    { { "review", "c1", "--outcome", "maybe", "--opinion", "x" }, "Unknown outcome “maybe”" },
    { { "due", "--days", "ten" }, "ten" },
    { { "outbox", "empty" }, "Usage: outbox list | outbox drain" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_autofree char *out = NULL, *err = NULL;
      const char * const *a = wrong[i].args;

      g_test_message ("%s", wrong[i].says);
      g_assert_cmpint (run_cli (&out, &err, a[0], a[1], a[2], a[3], a[4], a[5], a[6], NULL),
                       ==, 2);
      g_assert_cmpstr (out, ==, "");
      g_assert_true (g_str_has_prefix (err, "countersign-cli: "));
      g_assert_true (g_str_has_suffix (err, " (run “countersign-cli --help” to see the "
                                            "commands)\n"));
      g_assert_cmpuint (count_lines (err, NULL), ==, 1);
      g_assert_null (strchr (err, '\r'));
      g_assert_nonnull (strstr (err, wrong[i].says));
    }
}

/* Runs the CLI as a person in a Chinese service centre: LANG and LANGUAGE
 * zh_CN, the catalogues of the build (COUNTERSIGN_LOCALEDIR, as for the
 * desk); returns the exit status and what went to standard error. */
static int
run_cli_in_chinese (char       **err,
                    const char  *first,
                    ...)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GBytes) err_bytes = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;

  g_ptr_array_add (argv, (gpointer) cli_binary ());
  g_ptr_array_add (argv, (gpointer) "--data-dir");
  g_ptr_array_add (argv, data_dir);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "LC_ALL");
  g_subprocess_launcher_unsetenv (launcher, "LC_MESSAGES");
  g_subprocess_launcher_setenv (launcher, "LANG", "zh_CN.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "zh_CN", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (process, NULL, NULL, NULL, &err_bytes, &error);
  g_assert_no_error (error);
  *err = g_strndup (g_bytes_get_size (err_bytes) > 0 ? g_bytes_get_data (err_bytes, NULL) : "",
                    g_bytes_get_size (err_bytes));
  return g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
}

/* An uninstalled CLI speaks Chinese with the build's catalogues: a usage
 * error, its hint in the same line, and a validator's reason. */
static void
test_chinese (void)
{
  g_autofree char *err = NULL;
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  gboolean have_locale = setlocale (LC_ALL, "zh_CN.UTF-8") != NULL;

  setlocale (LC_ALL, saved);
  /* Set by tests/meson.build: its absence is the harness's fault. */
  g_assert_nonnull (g_getenv ("COUNTERSIGN_LOCALEDIR"));
  if (!have_locale)
    {
      g_test_skip ("no zh_CN.UTF-8 locale (Debian: locales-all)");
      return;
    }

  g_assert_cmpint (run_cli_in_chinese (&err, "no-such-command", NULL), ==, 2);
  g_assert_cmpstr (err, ==, "countersign-cli: 未知命令“no-such-command”"
                            "（运行“countersign-cli --help”查看全部命令）\n");
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli_in_chinese (&err, "validate-id", "110105194912310021", NULL), ==, 1);
  g_assert_cmpstr (err, ==, "身份证号码校验位错误：末位为 1，按其余数字应为 X。\n");
}

static void
test_sync_and_cases (void)
{
  g_autofree char *out = NULL, *err = NULL, *cases = NULL, *forwarded = NULL;
  gint64 expected = cs_test_sqlite_count (central,
                                          "SELECT count(*) FROM case_parts"
                                          " WHERE department = 'health'");
  g_autofree char *fetched = g_strdup_printf ("Fetched %" G_GINT64_FORMAT " cases", expected);

  g_assert_cmpint (run_cli (&out, &err, "whoami", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "health-approver\t"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_cli (&out, &err, "sync", NULL), ==, 0);
  g_assert_nonnull (strstr (out, fetched));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_cli (&cases, &err, "cases", NULL), ==, 0);
  g_assert_cmpint (count_lines (cases, NULL), ==, expected);
  g_assert_cmpint (run_cli (&forwarded, &err, "cases", "--status", "forwarded", NULL), ==, 0);
  g_assert_cmpint (count_lines (forwarded, NULL), ==,
                   cs_test_sqlite_count (central, "SELECT count(*) FROM case_parts"
                                                  " WHERE department = 'health'"
                                                  " AND state = 'forwarded'"));
  /* One case a line, tab-separated, the case ID first. */
  g_assert_nonnull (strchr (cases, '\t'));
}

/* The IDs of forwarded cases, from the CLI's own listing. */
static GPtrArray *
forwarded_cases (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpint (run_cli (NULL, &err, "sync", NULL), ==, 0);
  g_assert_cmpint (run_cli (&out, &err, "cases", "--status", "forwarded", NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 2);
      g_ptr_array_add (ids, g_strdup (fields[0]));
    }
  return ids;
}

static void
test_show (void)
{
  g_autoptr(GPtrArray) ids = forwarded_cases ();
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpuint (ids->len, >, 0);
  g_assert_cmpint (run_cli (&out, &err, "show", g_ptr_array_index (ids, 0), NULL), ==, 0);
  g_assert_nonnull (strstr (out, g_ptr_array_index (ids, 0)));
  /* Every clock with its due date. */
  g_assert_true (g_regex_match_simple ("\\d{4}-\\d{2}-\\d{2}", out, 0, 0));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "show", "no-such-case", NULL), ==, 1);
  g_assert_cmpuint (count_lines (err, NULL), ==, 1);
}

static void
test_claim_and_review (void)
{
  g_autoptr(GPtrArray) ids = forwarded_cases ();
  g_autofree char *out = NULL, *err = NULL, *list = NULL;
  const char *id = g_ptr_array_index (ids, 0);

  g_assert_cmpint (run_cli (&out, &err, "claim", id, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, &err, "review", id, "--outcome", "grant",
                            "--opinion", "材料齐全，建议准予。", NULL), ==, 0);
  g_assert_cmpint (run_cli (&list, &err, "outbox", "list", NULL), ==, 0);
  g_assert_cmpstr (list, ==, "");
  g_assert_cmpint (cs_test_sqlite_count (central, "SELECT count(*) FROM reviews"
                                                  " WHERE opinion = '材料齐全，建议准予。'"), ==, 1);
}

/* Due dates on the server's own calendars: across the 2026 New Year
 * holiday and its make-up Sunday, with and without a suspension. */
static void
test_due (void)
{
  g_autoptr(CsTestResponse) y2025 = cs_test_request (central, "GET", "/v1/calendar?year=2025",
                                                     token, NULL, NULL);
  g_autoptr(CsTestResponse) y2026 = cs_test_request (central, "GET", "/v1/calendar?year=2026",
                                                     token, NULL, NULL);
  g_autofree char *path = g_build_filename (data_dir, "calendars.json", NULL);
  g_autofree char *one = g_build_filename (data_dir, "calendar-2026.json", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GString) both = g_string_new ("[");
  g_auto(GStrv) lines = NULL;
  guint n;

  g_string_append_len (both, g_bytes_get_data (y2025->body, NULL), g_bytes_get_size (y2025->body));
  g_string_append_c (both, ',');
  g_string_append_len (both, g_bytes_get_data (y2026->body, NULL), g_bytes_get_size (y2026->body));
  g_string_append_c (both, ']');
  g_assert_true (g_file_set_contents (path, both->str, -1, NULL));
  g_assert_true (g_file_set_contents (one, g_bytes_get_data (y2026->body, NULL),
                                      g_bytes_get_size (y2026->body), NULL));

  /* Accepted Friday 2025-12-26: 29, 30, 31 Dec; 1–3 Jan are 元旦; Sunday
   * 4 Jan is worked (调休); 5–9 Jan; 12 Jan is the tenth. */
  g_assert_cmpint (run_cli (&out, &err, "due", "--calendar", path, "--accepted", "2025-12-26",
                            "--days", "10", NULL), ==, 0);
  lines = g_strsplit (g_strstrip (out), "\n", -1);
  n = g_strv_length (lines);
  g_assert_cmpstr (lines[n - 1], ==, "2026-01-12");
  g_assert_nonnull (strstr (out, "2026-01-04"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&lines, g_strfreev);

  /* Two working days suspended: two days later. */
  g_assert_cmpint (run_cli (&out, &err, "due", "--calendar", path, "--accepted", "2025-12-26",
                            "--days", "10", "--suspend", "2026-01-05..2026-01-06", NULL), ==, 0);
  lines = g_strsplit (g_strstrip (out), "\n", -1);
  g_assert_cmpstr (lines[g_strv_length (lines) - 1], ==, "2026-01-14");
  g_clear_pointer (&out, g_free);

  /* One document alone; National Day: accepted 2026-09-30, 1–7 Oct off,
   * 8 and 9 Oct, then Saturday 10 Oct, a make-up working day (调休). */
  g_assert_cmpint (run_cli (&out, &err, "due", "--calendar", one, "--accepted", "2026-09-30",
                            "--days", "3", NULL), ==, 0);
  g_assert_true (g_str_has_suffix (out, "\n2026-10-10\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Into an unpublished year: one clear line, a failure. */
  g_assert_cmpint (run_cli (&out, &err, "due", "--calendar", one, "--accepted", "2026-12-24",
                            "--days", "10", NULL), ==, 1);
  g_assert_cmpuint (count_lines (err, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "2027"));
}

/* Runs the CLI as a person would: no COUNTERSIGN_TOKEN, so the keyring
 * (the private one of run-with-keyring) is used; @input on standard input. */
static int
run_cli_as_person (const char  *dir,
                   const char  *input,
                   char       **out,
                   char       **err,
                   const char  *first,
                   ...)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GBytes) in_bytes = NULL;
  g_autoptr(GBytes) out_bytes = NULL;
  g_autoptr(GBytes) err_bytes = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;

  g_ptr_array_add (argv, (gpointer) cli_binary ());
  g_ptr_array_add (argv, (gpointer) "--server");
  g_ptr_array_add (argv, central->url);
  g_ptr_array_add (argv, (gpointer) "--data-dir");
  g_ptr_array_add (argv, (gpointer) dir);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "COUNTERSIGN_TOKEN");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  in_bytes = g_bytes_new (input != NULL ? input : "", input != NULL ? strlen (input) : 0);
  g_subprocess_communicate (process, in_bytes, NULL, &out_bytes, &err_bytes, &error);
  g_assert_no_error (error);
  *out = g_strndup (g_bytes_get_size (out_bytes) > 0 ? g_bytes_get_data (out_bytes, NULL) : "",
                    g_bytes_get_size (out_bytes));
  *err = g_strndup (g_bytes_get_size (err_bytes) > 0 ? g_bytes_get_data (err_bytes, NULL) : "",
                    g_bytes_get_size (err_bytes));
  return g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
}

static char *
keyring_lookup (const char *username)
{
  g_autofree char *out = NULL, *err = NULL;

  cs_test_run_cli ((const char * const[]) { "secret-tool", "lookup", "server", central->url,
                                            "username", username, NULL }, &out, &err);
  return g_steal_pointer (&out);
}

/* No file of the data folder may hold the token. */
static void
assert_not_in_files (const char *dir,
                     const char *token_text)
{
  g_autoptr(GDir) entries = g_dir_open (dir, 0, NULL);
  const char *name;

  while (entries != NULL && (name = g_dir_read_name (entries)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        assert_not_in_files (path, token_text);
      else if (g_file_get_contents (path, &contents, &length, NULL))
        g_assert_null (g_strstr_len (contents, length, token_text));
    }
}

/* login, whoami and logout through the keyring. */
static void
test_login (void)
{
  g_autofree char *dir = g_build_filename (data_dir, "person", NULL);
  g_autofree char *out = NULL, *err = NULL, *stored = NULL, *gone = NULL;

  /* Only ever against the private keyring of run-with-keyring. */
  g_assert_nonnull (g_getenv ("COUNTERSIGN_TEST_KEYRING_HOME"));

  g_assert_cmpint (run_cli_as_person (dir, "wrong\n", &out, &err, "login", "health-chief",
                                      NULL), ==, 1);
  g_assert_cmpuint (count_lines (err, NULL), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli_as_person (dir, "demo\n", &out, &err, "login", "health-chief", NULL),
                   ==, 0);
  g_assert_true (g_str_has_prefix (out, "Signed in to "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  stored = keyring_lookup ("health-chief");
  g_assert_cmpuint (strlen (g_strstrip (stored)), >, 20);
  assert_not_in_files (dir, stored);

  /* The server and user are remembered: no --server needed now. */
  g_assert_cmpint (cs_test_run_cli ((const char * const[]) {
                                      "env", "-u", "COUNTERSIGN_TOKEN", cli_binary (),
                                      "--data-dir", dir, "whoami", NULL },
                                    &out, &err), ==, 0);
  g_assert_true (g_str_has_prefix (out, "health-chief\t"));
  g_assert_nonnull (strstr (out, "chief"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli_as_person (dir, NULL, &out, &err, "logout", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  gone = keyring_lookup ("health-chief");
  g_assert_cmpstr (gone, ==, "");
  g_assert_cmpint (run_cli_as_person (dir, NULL, &out, &err, "whoami", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "login"));
}

static void
stop_central (void)
{
  g_subprocess_send_signal (central->process, SIGTERM);
  g_subprocess_wait (central->process, NULL, NULL);
  g_clear_object (&central->process);
}

/* The same URL again: the CLI's account (and outbox) are keyed on it. */
static void
restart_central (void)
{
  g_autofree char *listen = g_strdup (central->url + strlen ("http://"));

  g_clear_pointer (&central->url, g_free);
  cs_test_central_serve (central, "--listen", listen, NULL);
}

/* With the server out of reach the write stays queued and is listed;
 * when it is back, draining sends it. */
static void
test_offline_queue (void)
{
  g_autoptr(GPtrArray) ids = forwarded_cases ();
  g_autofree char *out = NULL, *err = NULL, *list = NULL, *after = NULL;
  g_autofree char *sql = NULL;
  const char *id = g_ptr_array_index (ids, 0);
  g_autofree char *shown = NULL, *listed = NULL;

  /* Opened once online… */
  g_assert_cmpint (run_cli (&shown, NULL, "show", id, NULL), ==, 0);
  g_clear_pointer (&shown, g_free);

  stop_central ();

  /* …the inbox and the opened case still work with the server down. */
  g_assert_cmpint (run_cli (&listed, NULL, "cases", NULL), ==, 0);
  g_assert_nonnull (strstr (listed, id));
  g_assert_cmpint (run_cli (&shown, &err, "show", id, NULL), ==, 0);
  g_assert_nonnull (strstr (shown, id));
  g_assert_nonnull (strstr (shown, "Materials:"));
  g_assert_nonnull (strstr (err, "offline"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, &err, "claim", id, NULL), ==, 0);
  g_assert_nonnull (strstr (err, "queued"));
  g_assert_cmpint (run_cli (&list, NULL, "outbox", "list", NULL), ==, 0);
  g_assert_cmpuint (count_lines (list, NULL), ==, 1);
  g_assert_nonnull (strstr (list, "\tclaim\t"));
  g_assert_nonnull (strstr (list, id));
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, &err, "outbox", "drain", NULL), ==, 1);
  g_assert_cmpuint (count_lines (err, NULL), ==, 1);

  restart_central ();

  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, NULL, "outbox", "drain", NULL), ==, 0);
  g_assert_cmpuint (count_lines (out, "sent\t"), ==, 1);
  g_assert_cmpint (run_cli (&after, NULL, "outbox", "list", NULL), ==, 0);
  g_assert_cmpstr (after, ==, "");
  sql = g_strdup_printf ("SELECT count(*) FROM case_parts WHERE case_id = '%s'"
                         " AND department = 'health' AND state = 'claimed'", id);
  g_assert_cmpint (cs_test_sqlite_count (central, sql), ==, 1);
}

static GSubprocess *
start_drainer (const char *url)
{
  g_autoptr(GError) error = NULL;
  GSubprocess *drainer;

  drainer = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                              &error, cli_binary (), "--server", url,
                              "--data-dir", data_dir, "outbox", "drain", NULL);
  g_assert_no_error (error);
  return drainer;
}

/* Reads the drainer's report lines, up to @n sent ones (all, if @n is 0). */
static guint
read_sent (GDataInputStream *out,
           guint             n)
{
  guint sent = 0;
  char *line;

  while ((n == 0 || sent < n) &&
         (line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, NULL)) != NULL)
    {
      if (g_str_has_prefix (line, "sent\t"))
        sent++;
      g_free (line);
    }
  return sent;
}

static void
kill_drainer (GSubprocess *drainer)
{
  g_subprocess_force_exit (drainer);
  g_subprocess_wait (drainer, NULL, NULL);

  /* Killed mid-way, not finished: otherwise the test proves nothing. */
  g_assert_false (g_subprocess_get_if_exited (drainer));
  g_assert_cmpint (g_subprocess_get_term_sig (drainer), ==, SIGKILL);
}

/* Reads the drainer's output until it has reported @n sent items, then
 * kills it outright, wherever it is. */
static void
drain_and_kill_after (const char *url,
                      guint       n)
{
  g_autoptr(GSubprocess) drainer = start_drainer (url);
  g_autoptr(GDataInputStream) out = g_data_input_stream_new (
    g_subprocess_get_stdout_pipe (drainer));

  g_assert_cmpuint (read_sent (out, n), ==, n);
  kill_drainer (drainer);
}

/* Kills the drainer in the window that matters: the server has taken the
 * review after @n others and answered, the drainer has not had the answer
 * (the relay keeps it back), so the item is still pending at the client
 * while done at the server. Returns the idempotency key of that review. */
static char *
drain_and_kill_in_window (CsTestRelay *relay,
                          guint        n)
{
  g_autoptr(GSubprocess) drainer = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  const CsTestExchange *held;
  char *key;

  cs_test_relay_hold (relay, "POST", "/reviews", n);
  drainer = start_drainer (cs_test_relay_get_url (relay));
  held = cs_test_relay_wait_held (relay);
  kill_drainer (drainer);
  cs_test_relay_release (relay);

  /* The server acted on it, the first time it saw it. */
  g_assert_cmpuint (held->status, ==, 201);
  g_assert_null (cs_test_exchange_response_header (held, "Idempotent-Replayed"));
  key = g_strdup (cs_test_exchange_request_header (held, "Idempotency-Key"));
  g_assert_nonnull (key);

  /* The drainer had reported the @n before it as sent, and not this one. */
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (drainer));
  g_assert_cmpuint (read_sent (out, 0), ==, n);
  return key;
}

/* 200 reviews queued; the drainer is killed with SIGKILL twice part-way,
 * first in the window between the server's commit and the client's record
 * of it, then wherever it happens to be; a last drain finishes. The
 * review of the window must have been presented again and answered as a
 * replay, and the server's reviews and audit trail must hold each review
 * exactly once. The CLI talks to the server through a relay that records
 * every request and answer. */
static void
test_crash (void)
{
  g_autoptr(GPtrArray) ids = forwarded_cases ();
  g_autoptr(CsTestRelay) relay = cs_test_relay_new (central->url);
  g_autoptr(GPtrArray) posts = NULL;
  g_autoptr(GHashTable) first_answers = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                               g_free, NULL);
  g_autofree char *out = NULL, *err = NULL, *list = NULL;
  g_autofree char *window_key = NULL;
  g_autoptr(GString) id_list = g_string_new (NULL);
  g_autofree char *sql = NULL;
  const char *url = cs_test_relay_get_url (relay);
  const guint n_cases = 4, n_reviews = 200;
  guint replays = 0, window_presented = 0, window_replayed = 0;
  guint mark;

  g_assert_cmpuint (ids->len, >=, n_cases);
  for (guint i = 0; i < n_cases; i++)
    {
      g_assert_cmpint (run_cli_at (url, NULL, NULL, "claim", g_ptr_array_index (ids, i), NULL),
                       ==, 0);
      g_string_append_printf (id_list, "%s'%s'", i == 0 ? "" : ",",
                              (char *) g_ptr_array_index (ids, i));
    }

  for (guint i = 0; i < n_reviews; i++)
    {
      g_autofree char *opinion = g_strdup_printf ("crash-test review %03u", i);

      g_assert_cmpint (run_cli_at (url, NULL, NULL, "--no-send", "review",
                                   g_ptr_array_index (ids, i % n_cases),
                                   "--outcome", "grant", "--opinion", opinion, NULL), ==, 0);
    }
  g_assert_cmpint (run_cli_at (url, &list, NULL, "outbox", "list", NULL), ==, 0);
  g_assert_cmpuint (count_lines (list, NULL), ==, n_reviews);
  mark = cs_test_relay_count (relay);

  window_key = drain_and_kill_in_window (relay, 60);
  /* Done at the server, pending here: 60 sent, the 61st still listed. */
  g_clear_pointer (&list, g_free);
  g_assert_cmpint (run_cli_at (url, &list, NULL, "outbox", "list", NULL), ==, 0);
  g_assert_cmpuint (count_lines (list, NULL), ==, n_reviews - 60);
  g_assert_cmpint (cs_test_sqlite_count (central, "SELECT count(*) FROM reviews"
                                                  " WHERE opinion LIKE 'crash-test review %'"),
                   ==, 61);

  drain_and_kill_after (url, 70);

  g_assert_cmpint (run_cli_at (url, &out, &err, "outbox", "drain", NULL), ==, 0);
  g_clear_pointer (&list, g_free);
  g_assert_cmpint (run_cli_at (url, &list, NULL, "outbox", "list", NULL), ==, 0);
  g_assert_cmpstr (list, ==, "");

  /* On the wire: the review of the window was presented again with its
   * key and answered as a replay of the first answer; every key was acted
   * on (answered other than as a replay) exactly once. */
  posts = cs_test_relay_exchanges (relay, mark);
  for (guint i = 0; i < posts->len; i++)
    {
      const CsTestExchange *exchange = g_ptr_array_index (posts, i);
      const char *key = cs_test_exchange_request_header (exchange, "Idempotency-Key");
      const char *replayed = cs_test_exchange_response_header (exchange, "Idempotent-Replayed");

      if (!g_str_equal (exchange->method, "POST") || strstr (exchange->path, "/reviews") == NULL)
        continue;
      g_assert_nonnull (key);
      if (g_strcmp0 (key, window_key) == 0)
        window_presented++;
      g_assert_cmpuint (exchange->status, ==, 201);
      if (g_strcmp0 (replayed, "true") == 0)
        {
          replays++;
          if (g_strcmp0 (key, window_key) == 0)
            window_replayed++;
          continue;
        }
      g_assert_false (g_hash_table_contains (first_answers, key));
      g_hash_table_add (first_answers, g_strdup (key));
    }
  g_assert_cmpuint (window_presented, >=, 2);
  g_assert_cmpuint (window_replayed, >=, 1);
  g_assert_cmpuint (replays, >=, 1);
  g_assert_cmpuint (g_hash_table_size (first_answers), ==, n_reviews);

  /* Each review exactly once, in the reviews and in the audit trail. */
  g_assert_cmpint (cs_test_sqlite_count (central, "SELECT count(*) FROM reviews"
                                                  " WHERE opinion LIKE 'crash-test review %'"),
                   ==, n_reviews);
  g_assert_cmpint (cs_test_sqlite_count (central, "SELECT count(DISTINCT opinion) FROM reviews"
                                                  " WHERE opinion LIKE 'crash-test review %'"),
                   ==, n_reviews);
  sql = g_strdup_printf ("SELECT count(*) FROM audit WHERE action = 'review.saved'"
                         " AND case_id IN (%s)", id_list->str);
  g_assert_cmpint (cs_test_sqlite_count (central, sql), ==, n_reviews);
  g_free (sql);
  /* …and every audit entry names a distinct stored review. */
  sql = g_strdup_printf ("SELECT count(DISTINCT json_extract (detail, '$.review')) FROM audit"
                         " WHERE action = 'review.saved' AND case_id IN (%s)"
                         " AND json_extract (detail, '$.review') IN"
                         "  (SELECT id FROM reviews WHERE opinion LIKE 'crash-test review %%')",
                         id_list->str);
  g_assert_cmpint (cs_test_sqlite_count (central, sql), ==, n_reviews);

  /* And the chain of the trail is intact. */
  {
    g_autofree char *verified = NULL, *verify_err = NULL;

    g_assert_cmpint (cs_test_run_cli ((const char * const[]) {
                                        cs_test_central_binary (), "verify-audit",
                                        "--db", central->db_path, NULL },
                                      &verified, &verify_err), ==, 0);
  }
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  central = cs_test_central_start ();
  token = cs_test_central_login (central, "health-approver");
  g_setenv ("COUNTERSIGN_TOKEN", token, TRUE);
  data_dir = g_dir_make_tmp ("cs-cli-XXXXXX", NULL);

  g_test_add_func ("/cli/validate", test_validate);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/chinese", test_chinese);
  g_test_add_func ("/cli/login", test_login);
  g_test_add_func ("/cli/sync-and-cases", test_sync_and_cases);
  g_test_add_func ("/cli/due", test_due);
  g_test_add_func ("/cli/show", test_show);
  g_test_add_func ("/cli/claim-and-review", test_claim_and_review);
  g_test_add_func ("/cli/offline-queue", test_offline_queue);
  g_test_add_func ("/cli/crash", test_crash);

  status = g_test_run ();
  cs_test_central_free (central);
  cs_test_remove_tree (data_dir);
  g_free (data_dir);
  g_free (token);
  return status;
}
