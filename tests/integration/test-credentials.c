/* test-credentials.c — the session token in a real gnome-keyring
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs inside tests/integration/run-with-keyring: a private D-Bus session,
 * an unlocked gnome-keyring and a temporary HOME, so that it never touches
 * the keyring of the person running it. secret-tool (libsecret-tools)
 * checks from the outside what the keyring really holds.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <libsecret/secret.h>
#include <countersign.h>

#include "cs-credentials.h"

#define SERVER "https://central.example:8443"

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

/* A fresh token each time, so that a hit can only come from this run. */
static char *
new_token (void)
{
  return g_strdup_printf ("cs-test-%08x%08x%08x",
                          g_random_int (), g_random_int (), g_random_int ());
}

/* Runs `secret-tool ARGS…`; returns its standard output and sets @exit_code. */
static char *
secret_tool (int        *exit_code,
             const char *first_arg,
             ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) exit_error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *arg;
  va_list args;
  int wait_status;

  g_ptr_array_add (argv, (gpointer) "secret-tool");
  va_start (args, first_arg);
  for (arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &wait_status, &error);
  g_assert_no_error (error);

  if (g_spawn_check_wait_status (wait_status, &exit_error))
    *exit_code = 0;
  else if (exit_error->domain == G_SPAWN_EXIT_ERROR)
    *exit_code = exit_error->code;
  else
    g_error ("secret-tool did not exit: %s (%s)", exit_error->message, err);

  return g_steal_pointer (&out);
}

/* What `secret-tool lookup server SERVER username USERNAME` finds, or NULL. */
static char *
keyring_secret (const char *server,
                const char *username)
{
  g_autofree char *out = NULL;
  int exit_code;

  out = secret_tool (&exit_code, "lookup", "server", server, "username", username, NULL);
  if (exit_code != 0)
    {
      g_assert_cmpstr (out, ==, "");
      return NULL;
    }
  return g_steal_pointer (&out);
}

/* How many keyring items carry these attributes, locked ones included. */
static guint
keyring_count (const char *server,
               const char *username)
{
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  int exit_code;
  guint count = 0;

  out = secret_tool (&exit_code, "search", "--all", "server", server, "username", username,
                     NULL);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] == '[')
      count++;
  return count;
}

static gboolean
contains (const char *data,
          gsize       length,
          const char *needle)
{
  gsize needle_length = strlen (needle);

  for (gsize i = 0; i + needle_length <= length; i++)
    if (memcmp (data + i, needle, needle_length) == 0)
      return TRUE;
  return FALSE;
}

/* The token must be in no file of the wrapper's temporary folder: the
 * HOME where the keyring keeps its (encrypted) files, the runtime folder. */
static void
assert_in_no_file (const char *folder,
                   const char *token)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          assert_in_no_file (path, token);
          continue;
        }
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR) ||
          !g_file_get_contents (path, &contents, &length, NULL))
        continue;
      if (contains (contents, length, token))
        g_error ("the token is written in %s", path);
    }
}

static void
test_store_and_lookup (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = new_token ();
  g_autofree char *found = NULL;
  g_autofree char *outside = NULL;
  g_autofree char *with_slash = NULL;
  g_autofree char *private_folder = g_path_get_dirname (g_get_home_dir ());

  /* A trailing slash is not part of the key. */
  g_assert_true (cs_credentials_store_token (SERVER "/", "alice", token, NULL, &error));
  g_assert_no_error (error);

  found = cs_credentials_lookup_token (SERVER, "alice", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, token);
  with_slash = cs_credentials_lookup_token (SERVER "//", "alice", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (with_slash, ==, token);

  /* Really in the keyring, under the documented attributes. */
  outside = keyring_secret (SERVER, "alice");
  g_assert_cmpstr (outside, ==, token);
  g_assert_cmpuint (keyring_count (SERVER, "alice"), ==, 1);
  g_assert_null (keyring_secret (SERVER "/", "alice"));

  assert_in_no_file (private_folder, token);
}

static void
test_overwrite (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = new_token ();
  g_autofree char *second = new_token ();
  g_autofree char *found = NULL;
  g_autofree char *outside = NULL;

  g_assert_true (cs_credentials_store_token (SERVER, "alice", first, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (cs_credentials_store_token (SERVER, "alice", second, NULL, &error));
  g_assert_no_error (error);

  found = cs_credentials_lookup_token (SERVER, "alice", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, second);
  outside = keyring_secret (SERVER, "alice");
  g_assert_cmpstr (outside, ==, second);
  g_assert_cmpuint (keyring_count (SERVER, "alice"), ==, 1);
}

static void
test_other_keys (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = new_token ();
  const char *others[][2] = {
    { "https://other.example:8443", "alice" },
    { "https://central.example", "alice" },
    { "http://central.example:8443", "alice" },
    { SERVER "/v1", "alice" },
    { SERVER, "bob" },
    { SERVER, "Alice" },
  };

  g_assert_true (cs_credentials_store_token (SERVER, "alice", token, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autofree char *found = NULL;

      found = cs_credentials_lookup_token (others[i][0], others[i][1], NULL, &error);
      g_assert_no_error (error);
      g_assert_null (found);
      g_assert_null (keyring_secret (others[i][0], others[i][1]));
    }
}

static void
test_clear (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = new_token ();
  g_autofree char *bobs = new_token ();
  g_autofree char *found = NULL;
  g_autofree char *other = NULL;

  g_assert_true (cs_credentials_store_token (SERVER, "alice", token, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (cs_credentials_store_token (SERVER, "bob", bobs, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (cs_credentials_clear_token (SERVER "/", "alice", NULL, &error));
  g_assert_no_error (error);

  found = cs_credentials_lookup_token (SERVER, "alice", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (found);
  g_assert_null (keyring_secret (SERVER, "alice"));
  g_assert_cmpuint (keyring_count (SERVER, "alice"), ==, 0);

  /* Signing out twice is no error. */
  g_assert_true (cs_credentials_clear_token (SERVER, "alice", NULL, &error));
  g_assert_no_error (error);

  /* Only alice signed out. */
  other = keyring_secret (SERVER, "bob");
  g_assert_cmpstr (other, ==, bobs);
  g_assert_true (cs_credentials_clear_token (SERVER, "bob", NULL, &error));
  g_assert_no_error (error);
  g_assert_null (keyring_secret (SERVER, "bob"));
}

static void
test_async (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = new_token ();
  g_autofree char *found = NULL;
  g_autofree char *outside = NULL;
  g_autofree char *gone = NULL;
  g_autoptr(GAsyncResult) stored = NULL;
  g_autoptr(GAsyncResult) looked_up = NULL;
  g_autoptr(GAsyncResult) cleared = NULL;
  g_autoptr(GAsyncResult) looked_up_again = NULL;

  cs_credentials_store_token_async (SERVER, "carol", token, NULL, store_result, &stored);
  g_assert_true (cs_credentials_store_token_finish (wait_for (&stored), &error));
  g_assert_no_error (error);
  outside = keyring_secret (SERVER, "carol");
  g_assert_cmpstr (outside, ==, token);

  cs_credentials_lookup_token_async (SERVER, "carol", NULL, store_result, &looked_up);
  found = cs_credentials_lookup_token_finish (wait_for (&looked_up), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, token);

  cs_credentials_clear_token_async (SERVER, "carol", NULL, store_result, &cleared);
  g_assert_true (cs_credentials_clear_token_finish (wait_for (&cleared), &error));
  g_assert_no_error (error);
  g_assert_null (keyring_secret (SERVER, "carol"));

  cs_credentials_lookup_token_async (SERVER, "carol", NULL, store_result, &looked_up_again);
  gone = cs_credentials_lookup_token_finish (wait_for (&looked_up_again), &error);
  g_assert_no_error (error);
  g_assert_null (gone);
}

static void
test_cancelled (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *token = new_token ();
  g_autofree char *found = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (cs_credentials_store_token (SERVER, "dave", token, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  found = cs_credentials_lookup_token (SERVER, "dave", cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (found);
  g_assert_null (keyring_secret (SERVER, "dave"));
}

/* COUNTERSIGN_TOKEN is read per call, but set only in a child process
 * before it talks D-Bus: setenv() is not safe once GDBus runs its thread. */
static void
test_environment (const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;

  if (g_test_subprocess ())
    {
      g_autofree char *overriding = new_token ();
      g_autoptr(GAsyncResult) result = NULL;
      char *found;

      if (value == NULL)
        value = overriding;
      g_setenv ("COUNTERSIGN_TOKEN", value, TRUE);
      kept = keyring_secret (SERVER, "erin");
      g_assert_nonnull (kept);

      found = cs_credentials_lookup_token (SERVER, "erin", NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (found, ==, *value != '\0' ? value : kept);
      cs_credentials_token_free (found);

      cs_credentials_lookup_token_async (SERVER, "erin", NULL, store_result, &result);
      found = cs_credentials_lookup_token_finish (wait_for (&result), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (found, ==, *value != '\0' ? value : kept);
      cs_credentials_token_free (found);

      /* Whatever the server and user, even where the keyring has nothing. */
      found = cs_credentials_lookup_token ("https://other.example", "nobody", NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (found, ==, *value != '\0' ? value : NULL);
      cs_credentials_token_free (found);
      return;
    }

  kept = new_token ();
  g_assert_true (cs_credentials_store_token (SERVER, "erin", kept, NULL, &error));
  g_assert_no_error (error);

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  /* It changes nothing in the keyring. */
  g_free (kept);
  kept = keyring_secret (SERVER, "erin");
  g_assert_nonnull (kept);
  g_assert_true (cs_credentials_clear_token (SERVER, "erin", NULL, &error));
  g_assert_no_error (error);
}

/* Set and not empty: it wins over the keyring. */
static void
test_environment_override (void)
{
  test_environment (NULL);
}

/* Empty is as good as unset. */
static void
test_environment_empty (void)
{
  test_environment ("");
}

/* No session bus at all: COUNTERSIGN_TOKEN still serves scripts, and every
 * keyring call says what is wrong in CS_CREDENTIALS_ERROR. In a child
 * process, because this one already holds its bus connection. */
static void
test_no_keyring (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *found = NULL;
      g_autofree char *bus = g_build_filename (g_get_home_dir (), "no-such-bus", NULL);
      g_autofree char *address = g_strconcat ("unix:path=", bus, NULL);

      g_setenv ("DBUS_SESSION_BUS_ADDRESS", address, TRUE);

      /* Scripts need no keyring. */
      g_setenv ("COUNTERSIGN_TOKEN", "from-the-environment", TRUE);
      found = cs_credentials_lookup_token (SERVER, "frank", NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (found, ==, "from-the-environment");
      g_clear_pointer (&found, cs_credentials_token_free);
      g_unsetenv ("COUNTERSIGN_TOKEN");

      g_assert_false (cs_credentials_store_token (SERVER, "frank", "t", NULL, &error));
      g_assert_error (error, CS_CREDENTIALS_ERROR, CS_CREDENTIALS_ERROR_UNAVAILABLE);
      g_assert_true (g_str_has_prefix (error->message, "Cannot save the sign-in token: "));
      g_test_message ("%s", error->message);
      g_clear_error (&error);

      found = cs_credentials_lookup_token (SERVER, "frank", NULL, &error);
      g_assert_error (error, CS_CREDENTIALS_ERROR, CS_CREDENTIALS_ERROR_UNAVAILABLE);
      g_assert_true (g_str_has_prefix (error->message, "Cannot read the sign-in token: "));
      g_assert_null (found);
      g_clear_error (&error);

      g_assert_false (cs_credentials_clear_token (SERVER, "frank", NULL, &error));
      g_assert_error (error, CS_CREDENTIALS_ERROR, CS_CREDENTIALS_ERROR_UNAVAILABLE);
      g_assert_true (g_str_has_prefix (error->message, "Cannot remove the sign-in token: "));
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* Locks the login collection, as a screen lock or a timeout would. The
 * wrapper leaves no display, so gnome-keyring's unlock prompt fails at once,
 * as if the person had dismissed it. Must run last: the keyring stays locked. */
static void
test_locked (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecretService) service = NULL;
  g_autoptr(SecretCollection) collection = NULL;
  g_autofree char *token = new_token ();
  g_autofree char *other = new_token ();
  g_autofree char *found = NULL;
  GList *objects;

  g_assert_true (cs_credentials_store_token (SERVER, "grace", token, NULL, &error));
  g_assert_no_error (error);

  service = secret_service_get_sync (SECRET_SERVICE_NONE, NULL, &error);
  g_assert_no_error (error);
  collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                                 SECRET_COLLECTION_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (collection);
  objects = g_list_append (NULL, collection);
  g_assert_cmpint (secret_service_lock_sync (service, objects, NULL, NULL, &error), ==, 1);
  g_assert_no_error (error);
  g_list_free (objects);

  found = cs_credentials_lookup_token (SERVER, "grace", NULL, &error);
  g_assert_error (error, CS_CREDENTIALS_ERROR, CS_CREDENTIALS_ERROR_LOCKED);
  g_assert_true (g_str_has_prefix (error->message, "Cannot read the sign-in token: "));
  g_assert_null (found);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  g_assert_false (cs_credentials_store_token (SERVER, "grace", other, NULL, &error));
  g_assert_error (error, CS_CREDENTIALS_ERROR, CS_CREDENTIALS_ERROR_LOCKED);
  g_clear_error (&error);

  /* Signing out must not claim success while the token stays. */
  g_assert_false (cs_credentials_clear_token (SERVER, "grace", NULL, &error));
  g_assert_error (error, CS_CREDENTIALS_ERROR, CS_CREDENTIALS_ERROR_LOCKED);
  g_assert_true (g_str_has_prefix (error->message, "Cannot remove the sign-in token: "));
  g_clear_error (&error);
  g_assert_cmpuint (keyring_count (SERVER, "grace"), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  const char *private_home = g_getenv ("COUNTERSIGN_TEST_KEYRING_HOME");
  g_autofree char *secret_tool_path = NULL;

  g_test_init (&argc, &argv, NULL);

  /* The tests store, lock and delete items in whatever keyring answers:
   * never the one of the person running them. */
  if (private_home == NULL || g_strcmp0 (private_home, g_get_home_dir ()) != 0)
    {
      g_printerr ("test-credentials: run me through tests/integration/run-with-keyring, "
                  "which gives me a private keyring\n");
      return 99;
    }
  if ((secret_tool_path = g_find_program_in_path ("secret-tool")) == NULL)
    {
      g_printerr ("test-credentials: secret-tool is missing (Debian: libsecret-tools)\n");
      return 99;
    }
  g_unsetenv ("COUNTERSIGN_TOKEN");

  g_test_add_func ("/credentials/store-and-lookup", test_store_and_lookup);
  g_test_add_func ("/credentials/overwrite", test_overwrite);
  g_test_add_func ("/credentials/other-keys", test_other_keys);
  g_test_add_func ("/credentials/clear", test_clear);
  g_test_add_func ("/credentials/async", test_async);
  g_test_add_func ("/credentials/cancelled", test_cancelled);
  g_test_add_func ("/credentials/environment-override", test_environment_override);
  g_test_add_func ("/credentials/environment-empty", test_environment_empty);
  g_test_add_func ("/credentials/no-keyring", test_no_keyring);
  g_test_add_func ("/credentials/locked", test_locked);

  return g_test_run ();
}
