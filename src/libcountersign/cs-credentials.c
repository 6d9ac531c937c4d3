/* cs-credentials.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsCredentials"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "cs-credentials.h"

/* The token a server gives at sign-in lives in the desktop keyring (the
 * Secret Service, through libsecret) and nowhere else: never in a file,
 * never in a log. Items follow the schema `org.countersign.Token`, keyed by
 * `server` (the base URL without a trailing slash) and `username`, so that
 * `secret-tool lookup server URL username USER` finds them too. Signing out
 * clears the item.
 *
 * The environment variable `COUNTERSIGN_TOKEN`, when set and not empty,
 * overrides the keyring for every lookup, whatever the server and user:
 * scripts and tests use it where no keyring runs. It never changes what is
 * stored or cleared.
 */

#define TOKEN_ENVIRONMENT_VARIABLE "COUNTERSIGN_TOKEN"

G_DEFINE_QUARK (cs-credentials-error-quark, cs_credentials_error)

static const SecretSchema token_schema = {
  "org.countersign.Token",
  SECRET_SCHEMA_NONE,
  {
    { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "username", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  },
};

typedef enum
{
  OPERATION_STORE,
  OPERATION_LOOKUP,
  OPERATION_CLEAR,
} Operation;

/* The server as the keyring keys on it: callers normally pass the output of
 * cs_client_normalize_url(), but a trailing slash must not hide a token. */
static char *
normalize_server (const char *server)
{
  gsize len = strlen (server);

  while (len > 0 && server[len - 1] == '/')
    len--;
  return g_strndup (server, len);
}

static GHashTable *
token_attributes (const char *server,
                  const char *username)
{
  GHashTable *attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_hash_table_insert (attributes, (gpointer) "server", normalize_server (server));
  g_hash_table_insert (attributes, (gpointer) "username", g_strdup (username));
  return attributes;
}

static CsCredentialsError
classify (const GError *cause)
{
  if (g_error_matches (cause, SECRET_ERROR, SECRET_ERROR_IS_LOCKED))
    return CS_CREDENTIALS_ERROR_LOCKED;
  /* libsecret offers to create the default collection when there is none;
   * this is what is left when the person declines. */
  if (g_error_matches (cause, SECRET_ERROR, SECRET_ERROR_NO_SUCH_OBJECT))
    return CS_CREDENTIALS_ERROR_NO_KEYRING;

  /* No session bus (G_IO_ERROR while connecting), or nobody owns
   * org.freedesktop.secrets on it. */
  if (cause->domain == G_IO_ERROR)
    return CS_CREDENTIALS_ERROR_UNAVAILABLE;
  if (cause->domain == G_DBUS_ERROR)
    {
      switch (cause->code)
        {
        case G_DBUS_ERROR_SERVICE_UNKNOWN:
        case G_DBUS_ERROR_NAME_HAS_NO_OWNER:
        case G_DBUS_ERROR_NO_SERVER:
        case G_DBUS_ERROR_NO_REPLY:
        case G_DBUS_ERROR_TIMEOUT:
        case G_DBUS_ERROR_TIMED_OUT:
        case G_DBUS_ERROR_DISCONNECTED:
        case G_DBUS_ERROR_SPAWN_EXEC_FAILED:
        case G_DBUS_ERROR_SPAWN_FORK_FAILED:
        case G_DBUS_ERROR_SPAWN_CHILD_EXITED:
        case G_DBUS_ERROR_SPAWN_CHILD_SIGNALED:
        case G_DBUS_ERROR_SPAWN_FAILED:
        case G_DBUS_ERROR_SPAWN_SERVICE_NOT_FOUND:
        case G_DBUS_ERROR_SPAWN_SERVICE_INVALID:
        case G_DBUS_ERROR_SPAWN_FILE_INVALID:
          return CS_CREDENTIALS_ERROR_UNAVAILABLE;
        default:
          break;
        }
    }

  return CS_CREDENTIALS_ERROR_FAILED;
}

/* Takes @cause, a libsecret or D-Bus error, and says it for a person. A
 * cancelled call stays G_IO_ERROR_CANCELLED: callers keep quiet about it. */
static GError *
keyring_error (Operation  operation,
               GError    *cause)
{
  CsCredentialsError code;
  g_autofree char *reason = NULL;
  GError *error;

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return cause;

  code = classify (cause);
  switch (code)
    {
    case CS_CREDENTIALS_ERROR_UNAVAILABLE:
      /* Translators: completes “Cannot save the sign-in token: %s” and its
       * siblings; %s is the keyring's own explanation, in English */
      reason = g_strdup_printf (_("no keyring service answers; is GNOME Keyring or another "
                                  "Secret Service running? (%s)"),
                                cause->message);
      break;
    case CS_CREDENTIALS_ERROR_LOCKED:
      /* Translators: completes “Cannot save the sign-in token: %s” and its
       * siblings; %s is the keyring's own explanation, in English */
      reason = g_strdup_printf (_("the keyring is locked; unlock it when asked and try again "
                                  "(%s)"),
                                cause->message);
      break;
    case CS_CREDENTIALS_ERROR_NO_KEYRING:
      /* Translators: completes “Cannot save the sign-in token: %s” and its
       * siblings; “Passwords and Keys” is the name of GNOME's keyring
       * manager (Seahorse); %s is the keyring's own explanation, in English */
      reason = g_strdup_printf (_("there is no default keyring; create one when asked, or in "
                                  "“Passwords and Keys”, and try again (%s)"),
                                cause->message);
      break;
    case CS_CREDENTIALS_ERROR_FAILED:
    default:
      /* Translators: completes “Cannot save the sign-in token: %s” and its
       * siblings; %s is the keyring's own explanation, in English */
      reason = g_strdup_printf (_("the keyring refused (%s)"), cause->message);
      break;
    }

  switch (operation)
    {
    case OPERATION_STORE:
      /* Translators: %s says why, starting in lower case */
      error = g_error_new (CS_CREDENTIALS_ERROR, code, _("Cannot save the sign-in token: %s"),
                           reason);
      break;
    case OPERATION_LOOKUP:
      /* Translators: %s says why, starting in lower case */
      error = g_error_new (CS_CREDENTIALS_ERROR, code, _("Cannot read the sign-in token: %s"),
                           reason);
      break;
    case OPERATION_CLEAR:
    default:
      /* Translators: %s says why, starting in lower case */
      error = g_error_new (CS_CREDENTIALS_ERROR, code, _("Cannot remove the sign-in token: %s"),
                           reason);
      break;
    }

  g_error_free (cause);
  return error;
}

static const char *
environment_token (void)
{
  const char *token = g_getenv (TOKEN_ENVIRONMENT_VARIABLE);

  return token != NULL && *token != '\0' ? token : NULL;
}

static gboolean
valid_key (const char *server,
           const char *username)
{
  return server != NULL && *server != '\0' && g_utf8_validate (server, -1, NULL) &&
         username != NULL && *username != '\0' && g_utf8_validate (username, -1, NULL);
}

/* The sync calls run the async ones in a private main context, as libsecret's
 * own do, so that both take the same path. */
static void
sync_result_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static GAsyncResult *
sync_wait (GMainContext  *context,
           GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (context, TRUE);
  return *slot;
}

/**
 * cs_credentials_token_free:
 * @token: (nullable) (transfer full): a token from cs_credentials_lookup_token()
 *
 * Overwrites @token with zeros and frees it. A token from this module is
 * plain g_malloc() memory: wiping it by hand and calling g_free() is as
 * good.
 */
void
cs_credentials_token_free (char *token)
{
  secret_password_free (token);
}

/* Store */

static void
store_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *cause = NULL;

  if (!secret_password_store_finish (result, &cause))
    g_task_return_error (task, keyring_error (OPERATION_STORE, cause));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * cs_credentials_store_token_async:
 * @server: the server's base URL; a trailing slash is dropped
 * @username: the user the token belongs to
 * @token: the session's bearer token
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the token is stored
 * @user_data: data for @callback
 *
 * Stores @token in the default collection of the desktop keyring, in place
 * of any token kept for the same server and user. The keyring may ask the
 * person to unlock it. @token is copied into the keyring's secure memory at
 * once: the caller may wipe its copy as soon as this returns.
 */
void
cs_credentials_store_token_async (const char          *server,
                                  const char          *username,
                                  const char          *token,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (valid_key (server, username));
  g_return_if_fail (token != NULL && *token != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cs_credentials_store_token_async);

  attributes = token_attributes (server, username);
  /* Translators: the name of the keyring item, as the keyring manager
   * (Seahorse, “Passwords and Keys”) shows it; the first %s is a username,
   * the second a server address */
  label = g_strdup_printf (_("Countersign token for %s at %s"), username,
                           (const char *) g_hash_table_lookup (attributes, "server"));

  secret_password_storev (&token_schema, attributes, SECRET_COLLECTION_DEFAULT, label, token,
                          cancellable, store_cb, g_steal_pointer (&task));
}

/**
 * cs_credentials_store_token_finish:
 * @result: the result
 * @error: return location for a #GError in %CS_CREDENTIALS_ERROR
 *
 * Returns: %TRUE when the keyring keeps the token
 */
gboolean
cs_credentials_store_token_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        cs_credentials_store_token_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * cs_credentials_store_token:
 * @server: the server's base URL; a trailing slash is dropped
 * @username: the user the token belongs to
 * @token: the session's bearer token
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError in %CS_CREDENTIALS_ERROR
 *
 * The blocking form of cs_credentials_store_token_async(), for the command
 * line: it may wait for the person to unlock the keyring.
 *
 * Returns: %TRUE when the keyring keeps the token
 */
gboolean
cs_credentials_store_token (const char    *server,
                            const char    *username,
                            const char    *token,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GAsyncResult) result = NULL;
  gboolean ret;

  g_return_val_if_fail (valid_key (server, username), FALSE);
  g_return_val_if_fail (token != NULL && *token != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_main_context_push_thread_default (context);
  cs_credentials_store_token_async (server, username, token, cancellable,
                                    sync_result_cb, &result);
  ret = cs_credentials_store_token_finish (sync_wait (context, &result), error);
  g_main_context_pop_thread_default (context);
  return ret;
}

/* Lookup */

static void
lookup_retrieved_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *cause = NULL;
  SecretValue *value;
  const char *text;
  char *token = NULL;

  value = secret_retrievable_retrieve_secret_finish (SECRET_RETRIEVABLE (source), result, &cause);
  if (cause != NULL)
    {
      g_task_return_error (task, keyring_error (OPERATION_LOOKUP, cause));
      return;
    }

  /* A secret that is not UTF-8 text is no token of ours: reported as none,
   * the next sign-in replaces it. */
  text = value != NULL ? secret_value_get_text (value) : NULL;
  if (text != NULL && *text != '\0')
    token = g_strdup (text);
  g_clear_pointer (&value, secret_value_unref);

  g_task_return_pointer (task, token, (GDestroyNotify) cs_credentials_token_free);
}

static void
lookup_searched_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GCancellable *cancellable;
  GError *cause = NULL;
  GList *items;

  /* Searching with SECRET_SEARCH_UNLOCK offers to unlock a locked item;
   * when the person declines, the item comes back locked and reading its
   * secret fails with SECRET_ERROR_IS_LOCKED, instead of looking like no
   * token at all (as secret_password_lookup() would have it). */
  items = secret_password_search_finish (result, &cause);
  if (cause != NULL)
    {
      g_task_return_error (task, keyring_error (OPERATION_LOOKUP, cause));
      return;
    }
  if (items == NULL)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  cancellable = g_task_get_cancellable (task);
  secret_retrievable_retrieve_secret (items->data, cancellable, lookup_retrieved_cb,
                                      g_steal_pointer (&task));
  g_list_free_full (items, g_object_unref);
}

/**
 * cs_credentials_lookup_token_async:
 * @server: the server's base URL; a trailing slash is dropped
 * @username: the user the token belongs to
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the token is found, or known to be missing
 * @user_data: data for @callback
 *
 * Finds the token kept for @server and @username. When the environment
 * variable `COUNTERSIGN_TOKEN` is set and not empty, its value is the
 * answer and the keyring is not asked. The keyring may ask the person to
 * unlock it.
 */
void
cs_credentials_lookup_token_async (const char          *server,
                                   const char          *username,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  const char *override;

  g_return_if_fail (valid_key (server, username));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cs_credentials_lookup_token_async);

  if ((override = environment_token ()) != NULL)
    {
      g_task_return_pointer (task, g_strdup (override),
                             (GDestroyNotify) cs_credentials_token_free);
      return;
    }

  attributes = token_attributes (server, username);
  secret_password_searchv (&token_schema, attributes, SECRET_SEARCH_UNLOCK, cancellable,
                           lookup_searched_cb, g_steal_pointer (&task));
}

/**
 * cs_credentials_lookup_token_finish:
 * @result: the result
 * @error: return location for a #GError in %CS_CREDENTIALS_ERROR
 *
 * Returns: (transfer full) (nullable): the token, to be released with
 *   cs_credentials_token_free(); %NULL with @error unset when none is kept
 */
char *
cs_credentials_lookup_token_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        cs_credentials_lookup_token_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * cs_credentials_lookup_token:
 * @server: the server's base URL; a trailing slash is dropped
 * @username: the user the token belongs to
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError in %CS_CREDENTIALS_ERROR
 *
 * The blocking form of cs_credentials_lookup_token_async(), for the
 * command line. `COUNTERSIGN_TOKEN`, when set and not empty, wins over the
 * keyring.
 *
 * Returns: (transfer full) (nullable): the token, to be released with
 *   cs_credentials_token_free(); %NULL with @error unset when none is kept
 */
char *
cs_credentials_lookup_token (const char    *server,
                             const char    *username,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(GMainContext) context = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  const char *override;
  char *token;

  g_return_val_if_fail (valid_key (server, username), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((override = environment_token ()) != NULL)
    return g_strdup (override);

  context = g_main_context_new ();
  g_main_context_push_thread_default (context);
  cs_credentials_lookup_token_async (server, username, cancellable, sync_result_cb, &result);
  token = cs_credentials_lookup_token_finish (sync_wait (context, &result), error);
  g_main_context_pop_thread_default (context);
  return token;
}

/* Clear */

static void clear_checked_cb (GObject      *source,
                              GAsyncResult *result,
                              gpointer      user_data);

static void
clear_cleared_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GHashTable *attributes;
  GCancellable *cancellable;
  GError *cause = NULL;

  /* FALSE without an error only says that nothing unlocked matched. */
  secret_password_clear_finish (result, &cause);
  if (cause != NULL)
    {
      g_task_return_error (task, keyring_error (OPERATION_CLEAR, cause));
      return;
    }

  attributes = g_task_get_task_data (task);
  cancellable = g_task_get_cancellable (task);
  secret_password_searchv (&token_schema, attributes, SECRET_SEARCH_ALL, cancellable,
                           clear_checked_cb, g_steal_pointer (&task));
}

static void
clear_searched_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GHashTable *attributes;
  GCancellable *cancellable;
  GError *cause = NULL;
  GList *items;

  items = secret_password_search_finish (result, &cause);
  if (cause != NULL)
    {
      g_task_return_error (task, keyring_error (OPERATION_CLEAR, cause));
      return;
    }
  if (items == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  g_list_free_full (items, g_object_unref);

  attributes = g_task_get_task_data (task);
  cancellable = g_task_get_cancellable (task);
  secret_password_clearv (&token_schema, attributes, cancellable, clear_cleared_cb,
                          g_steal_pointer (&task));
}

/* libsecret deletes unlocked items only: one left means that the person
 * declined to unlock it, and signing out must not pretend it worked. */
static void
clear_checked_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *cause = NULL;
  GList *items;

  items = secret_password_search_finish (result, &cause);
  if (cause != NULL)
    {
      g_task_return_error (task, keyring_error (OPERATION_CLEAR, cause));
      return;
    }
  if (items != NULL)
    {
      g_list_free_full (items, g_object_unref);
      cause = g_error_new_literal (SECRET_ERROR, SECRET_ERROR_IS_LOCKED,
                                   "Cannot delete a locked item");
      g_task_return_error (task, keyring_error (OPERATION_CLEAR, cause));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * cs_credentials_clear_token_async:
 * @server: the server's base URL; a trailing slash is dropped
 * @username: the user the token belongs to
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when no token is left
 * @user_data: data for @callback
 *
 * Deletes every token kept for @server and @username, offering to unlock
 * the keyring first when it is locked. `COUNTERSIGN_TOKEN` plays no part.
 */
void
cs_credentials_clear_token_async (const char          *server,
                                  const char          *username,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GHashTable *attributes;

  g_return_if_fail (valid_key (server, username));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cs_credentials_clear_token_async);
  attributes = token_attributes (server, username);
  g_task_set_task_data (task, attributes, (GDestroyNotify) g_hash_table_unref);

  secret_password_searchv (&token_schema, attributes, SECRET_SEARCH_ALL | SECRET_SEARCH_UNLOCK,
                           cancellable, clear_searched_cb, g_steal_pointer (&task));
}

/**
 * cs_credentials_clear_token_finish:
 * @result: the result
 * @error: return location for a #GError in %CS_CREDENTIALS_ERROR
 *
 * Returns: %TRUE when no token is left for the server and user, also when
 *   there was none
 */
gboolean
cs_credentials_clear_token_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        cs_credentials_clear_token_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * cs_credentials_clear_token:
 * @server: the server's base URL; a trailing slash is dropped
 * @username: the user the token belongs to
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError in %CS_CREDENTIALS_ERROR
 *
 * The blocking form of cs_credentials_clear_token_async(), for the command
 * line.
 *
 * Returns: %TRUE when no token is left for the server and user, also when
 *   there was none
 */
gboolean
cs_credentials_clear_token (const char    *server,
                            const char    *username,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GAsyncResult) result = NULL;
  gboolean ret;

  g_return_val_if_fail (valid_key (server, username), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_main_context_push_thread_default (context);
  cs_credentials_clear_token_async (server, username, cancellable, sync_result_cb, &result);
  ret = cs_credentials_clear_token_finish (sync_wait (context, &result), error);
  g_main_context_pop_thread_default (context);
  return ret;
}
