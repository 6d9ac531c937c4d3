/* cs-cache.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsCache"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cs-cache-private.h"
#include "cs-case-private.h"
#include "cs-error.h"
#include "cs-json-private.h"
#include "cs-json-reader-private.h"

/**
 * CsCache:
 *
 * The offline cache of one account on one server: the synced case
 * summaries (and the full cases that were opened), the catalogue, the
 * calendar, the signed-in user, and the material files, stored by SHA-256
 * with a size bound and least-recently-used eviction. The inbox and the
 * opened cases work from it with the network down.
 *
 * One SQLite database in WAL mode (`cache.db`), whose schema carries a
 * version (`PRAGMA user_version`) and is migrated forward when opened;
 * the outbox lives in the same database. Materials are files under
 * `materials/`, named by their digest.
 *
 * Every method is safe to call from any thread; long work (loading 100,000
 * cases) belongs in a worker thread.
 */
struct _CsCache
{
  GObject parent_instance;

  char *directory;
  char *materials_dir;
  sqlite3 *db;
  sqlite3_stmt *upsert_summary;   /* kept: a sync runs it for every page */
  GRecMutex lock;
  gint64 material_limit;
};

G_DEFINE_FINAL_TYPE (CsCache, cs_cache, G_TYPE_OBJECT)

/* Each migration takes the schema from version i to i + 1, inside one
 * transaction with the version bump. Append; never edit a shipped one. */
static const char * const migrations[] = {
  /* 1: cases, catalogue, calendar, materials */
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
  "CREATE TABLE matters (code TEXT PRIMARY KEY, json TEXT NOT NULL);"
  "CREATE TABLE calendars (year INTEGER PRIMARY KEY, json TEXT NOT NULL);"
  "CREATE TABLE cases ("
  "  id TEXT PRIMARY KEY,"
  "  number TEXT NOT NULL,"
  "  version INTEGER NOT NULL,"
  "  department TEXT NOT NULL,"
  "  lead INTEGER NOT NULL,"
  "  matter_code TEXT NOT NULL,"
  "  matter_name TEXT NOT NULL,"
  "  instant INTEGER NOT NULL,"
  "  status TEXT NOT NULL,"
  "  assignee_username TEXT,"
  "  assignee_name TEXT,"
  "  outcome TEXT,"
  "  decided_on INTEGER,"
  "  organisation INTEGER NOT NULL,"
  "  applicant_name TEXT NOT NULL,"
  "  applicant_id TEXT,"
  "  received_at INTEGER NOT NULL,"
  "  accepted_on INTEGER NOT NULL,"
  "  green_channel INTEGER NOT NULL,"
  "  urgent INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  clock_accepted_on INTEGER NOT NULL,"
  "  statutory_limit INTEGER NOT NULL,"
  "  promised_limit INTEGER NOT NULL,"
  "  extension_days INTEGER NOT NULL,"
  "  supplement_requested_on INTEGER,"
  "  suspensions TEXT,"
  "  parallel TEXT,"
  "  detail TEXT,"
  "  etag TEXT);"
  "CREATE TABLE materials ("
  "  sha256 TEXT PRIMARY KEY,"
  "  size INTEGER NOT NULL,"
  "  last_used INTEGER NOT NULL);"
  "CREATE INDEX materials_by_use ON materials (last_used);",

  /* 2: the durable outbox */
  "CREATE TABLE outbox ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  idempotency_key TEXT NOT NULL UNIQUE,"
  "  kind TEXT NOT NULL,"
  "  case_id TEXT NOT NULL,"
  "  method TEXT NOT NULL,"
  "  path TEXT NOT NULL,"
  "  body TEXT,"
  "  if_match TEXT,"
  "  state TEXT NOT NULL DEFAULT 'pending',"
  "  attempts INTEGER NOT NULL DEFAULT 0,"
  "  created_at INTEGER NOT NULL,"
  "  next_attempt_at INTEGER NOT NULL DEFAULT 0,"
  "  last_error TEXT,"
  "  error_code INTEGER,"
  "  sent_at INTEGER);"
  "CREATE INDEX outbox_by_state ON outbox (state, id);",

  /* 3: writes whose body is not JSON text (a signed decision: multipart,
   * with its PDF), stored as the exact bytes sent */
  "ALTER TABLE outbox ADD COLUMN content_type TEXT;"
  "ALTER TABLE outbox ADD COLUMN body_bytes BLOB;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == CS_CACHE_SCHEMA_VERSION);

static const char case_columns[] =
  "id, number, version, department, lead, matter_code, matter_name, instant, status,"
  " assignee_username, assignee_name, outcome, decided_on, organisation, applicant_name,"
  " applicant_id, received_at, accepted_on, green_channel, urgent, updated_at,"
  " clock_accepted_on, statutory_limit, promised_limit, extension_days,"
  " supplement_requested_on, suspensions, parallel";
#define N_CASE_COLUMNS 28

static void
cs_cache_finalize (GObject *object)
{
  CsCache *self = (CsCache *) object;

  g_clear_pointer (&self->upsert_summary, sqlite3_finalize);
  g_clear_pointer (&self->db, sqlite3_close);
  g_free (self->directory);
  g_free (self->materials_dir);
  g_rec_mutex_clear (&self->lock);

  G_OBJECT_CLASS (cs_cache_parent_class)->finalize (object);
}

static void
cs_cache_class_init (CsCacheClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cs_cache_finalize;
}

static void
cs_cache_init (CsCache *self)
{
  g_rec_mutex_init (&self->lock);
  self->material_limit = CS_CACHE_DEFAULT_MATERIAL_LIMIT;
}

void
_cs_cache_set_error (CsCache     *self,
                     GError     **error,
                     const char  *doing)
{
  g_set_error (error, CS_ERROR, CS_ERROR_CACHE,
               /* Translators: the first %s says what was being done */
               _("The local cache failed while %s: %s"),
               doing, self->db != NULL ? sqlite3_errmsg (self->db) : "");
}

sqlite3 *
_cs_cache_get_db (CsCache *self)
{
  return self->db;
}

void
_cs_cache_lock (CsCache *self)
{
  g_rec_mutex_lock (&self->lock);
}

void
_cs_cache_unlock (CsCache *self)
{
  g_rec_mutex_unlock (&self->lock);
}

gboolean
_cs_cache_exec (CsCache     *self,
                const char  *sql,
                GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (self->db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, CS_ERROR, CS_ERROR_CACHE,
                   _("The local cache failed while %s: %s"), _("updating it"),
                   message != NULL ? message : "");
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

static sqlite3_stmt *
prepare (CsCache     *self,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _cs_cache_set_error (self, error, _("preparing a query"));
      return NULL;
    }
  return stmt;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

static gboolean
migrate (CsCache     *self,
         int          target,
         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self, "PRAGMA user_version", error);
  int version;

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return stmt != NULL ? (_cs_cache_set_error (self, error, _("reading its version")), FALSE)
                        : FALSE;
  version = sqlite3_column_int (stmt, 0);

  if (version > CS_CACHE_SCHEMA_VERSION)
    {
      g_set_error (error, CS_ERROR, CS_ERROR_CACHE,
                   _("The local cache in %s was written by a newer version of Countersign "
                     "(schema %d, this version knows %d); update Countersign or choose "
                     "another data folder"),
                   self->directory, version, CS_CACHE_SCHEMA_VERSION);
      return FALSE;
    }

  for (; version < target; version++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", version + 1);

      if (!_cs_cache_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      if (!_cs_cache_exec (self, migrations[version], error) ||
          !_cs_cache_exec (self, bump, error) ||
          !_cs_cache_exec (self, "COMMIT", error))
        {
          _cs_cache_exec (self, "ROLLBACK", NULL);
          return FALSE;
        }
      g_debug ("Migrated %s to schema %d", self->directory, version + 1);
    }

  return TRUE;
}

CsCache *
_cs_cache_new_at_version (const char  *directory,
                          int          version,
                          GError     **error)
{
  g_autoptr(CsCache) self = g_object_new (CS_TYPE_CACHE, NULL);
  g_autofree char *path = NULL;
  int rc;

  g_return_val_if_fail (directory != NULL, NULL);

  self->directory = g_strdup (directory);
  self->materials_dir = g_build_filename (directory, "materials", NULL);
  if (g_mkdir_with_parents (self->materials_dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, CS_ERROR, CS_ERROR_CACHE,
                   _("The local cache cannot be created in %s: %s"),
                   directory, g_strerror (saved_errno));
      return NULL;
    }

  path = g_build_filename (directory, "cache.db", NULL);
  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      _cs_cache_set_error (self, error, _("opening it"));
      return NULL;
    }
  sqlite3_busy_timeout (self->db, 10000);

  /* 16 KiB pages (for a new file; an existing one keeps its own): a sync
   * writes several MB, and every page written is a system call. FULL: an
   * outbox item must survive a power cut, not just a crash. */
  if (!_cs_cache_exec (self, "PRAGMA page_size = 16384", error) ||
      !_cs_cache_exec (self, "PRAGMA journal_mode = WAL", error) ||
      !_cs_cache_exec (self, "PRAGMA synchronous = FULL", error) ||
      !migrate (self, version, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * cs_cache_new:
 * @directory: the account's cache folder (see cs_cache_account_dir())
 * @error: return location for a %CS_ERROR_CACHE
 *
 * Opens the cache in @directory, creating and migrating it as needed.
 *
 * Returns: (transfer full) (nullable): the cache
 */
CsCache *
cs_cache_new (const char  *directory,
              GError     **error)
{
  return _cs_cache_new_at_version (directory, CS_CACHE_SCHEMA_VERSION, error);
}

/**
 * cs_cache_account_dir:
 * @data_dir: the data folder (`$XDG_DATA_HOME/countersign` by default)
 * @server_url: the normalised server URL
 * @username: the account's username
 *
 * Each account on each server has its own cache and outbox, so that one
 * person's queued work is never sent with another's token.
 *
 * Returns: (transfer full): the account's folder under @data_dir
 */
char *
cs_cache_account_dir (const char *data_dir,
                      const char *server_url,
                      const char *username)
{
  g_autoptr(GString) name = g_string_new (NULL);
  const char *host = strstr (server_url, "://");

  host = host != NULL ? host + 3 : server_url;
  g_string_append_printf (name, "%s@%s", username, host);
  for (gsize i = 0; i < name->len; i++)
    {
      char c = name->str[i];

      if (!g_ascii_isalnum (c) && c != '-' && c != '.' && c != '@' && c != '_')
        name->str[i] = '_';
    }
  return g_build_filename (data_dir, "accounts", name->str, NULL);
}

const char *
cs_cache_get_directory (CsCache *self)
{
  g_return_val_if_fail (CS_IS_CACHE (self), NULL);
  return self->directory;
}

/**
 * cs_cache_dup_meta:
 * @self: a #CsCache
 * @key: a key
 *
 * Returns: (transfer full) (nullable): the stored value
 */
char *
cs_cache_dup_meta (CsCache    *self,
                   const char *key)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  char *value = NULL;

  g_return_val_if_fail (CS_IS_CACHE (self), NULL);

  _cs_cache_lock (self);
  stmt = prepare (self, "SELECT value FROM meta WHERE key = ?", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  _cs_cache_unlock (self);
  return value;
}

/**
 * cs_cache_set_meta:
 * @self: a #CsCache
 * @key: a key
 * @value: (nullable): the value, %NULL to remove it
 * @error: return location for a %CS_ERROR_CACHE
 *
 * Returns: %TRUE when stored
 */
gboolean
cs_cache_set_meta (CsCache     *self,
                   const char  *key,
                   const char  *value,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (CS_IS_CACHE (self), FALSE);

  _cs_cache_lock (self);
  stmt = prepare (self,
                  value != NULL
                  ? "INSERT INTO meta (key, value) VALUES (?, ?)"
                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value"
                  : "DELETE FROM meta WHERE key = ?",
                  error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      if (value != NULL)
        sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
      ok = sqlite3_step (stmt) == SQLITE_DONE;
      if (!ok)
        _cs_cache_set_error (self, error, _("saving a setting"));
    }
  _cs_cache_unlock (self);
  return ok;
}

gboolean
cs_cache_store_user (CsCache  *self,
                     CsUser   *user,
                     GError  **error)
{
  g_autoptr(JsonNode) node = cs_user_to_json (user);
  g_autofree char *text = _cs_json_to_string (node);

  return cs_cache_set_meta (self, "user", text, error);
}

/**
 * cs_cache_load_user:
 * @self: a #CsCache
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the user who last signed in, %NULL
 *   without an error when none did
 */
CsUser *
cs_cache_load_user (CsCache  *self,
                    GError  **error)
{
  g_autofree char *text = cs_cache_dup_meta (self, "user");
  g_autoptr(JsonNode) node = NULL;

  if (text == NULL)
    return NULL;
  node = _cs_json_from_string (text, error);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return cs_user_new_from_json (json_node_get_object (node), error);
}

/**
 * cs_cache_store_matters:
 * @self: a #CsCache
 * @matters: the JSON array of `Matter` objects, the whole catalogue
 * @error: return location for an error
 *
 * Replaces the cached catalogue.
 *
 * Returns: %TRUE when stored
 */
gboolean
cs_cache_store_matters (CsCache   *self,
                        JsonNode  *matters,
                        GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  JsonArray *array;
  gboolean ok = FALSE;

  g_return_val_if_fail (CS_IS_CACHE (self), FALSE);
  g_return_val_if_fail (JSON_NODE_HOLDS_ARRAY (matters), FALSE);

  array = json_node_get_array (matters);

  /* Check every matter before replacing anything. */
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = _cs_json_array_get_object (array, i, "matters", error);
      g_autoptr(CsMatter) matter = NULL;

      if (object == NULL || (matter = cs_matter_new_from_json (object, error)) == NULL)
        return FALSE;
    }

  _cs_cache_lock (self);
  if (!_cs_cache_exec (self, "BEGIN IMMEDIATE", error))
    goto out;
  if (!_cs_cache_exec (self, "DELETE FROM matters", error) ||
      (stmt = prepare (self, "INSERT INTO matters (code, json) VALUES (?, ?)", error)) == NULL)
    goto rollback;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *text = _cs_json_to_string (node);

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, json_object_get_string_member (json_node_get_object (node),
                                                                 "code"),
                         -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          _cs_cache_set_error (self, error, _("saving the catalogue"));
          goto rollback;
        }
    }

  ok = _cs_cache_exec (self, "COMMIT", error);
  if (ok)
    goto out;

rollback:
  _cs_cache_exec (self, "ROLLBACK", NULL);
out:
  _cs_cache_unlock (self);
  return ok;
}

/**
 * cs_cache_load_matters:
 * @self: a #CsCache
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): a list model of #CsMatter, the
 *   cached catalogue in code order
 */
GListModel *
cs_cache_load_matters (CsCache  *self,
                       GError  **error)
{
  g_autoptr(GListStore) store = g_list_store_new (CS_TYPE_MATTER);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CS_IS_CACHE (self), NULL);

  _cs_cache_lock (self);
  stmt = prepare (self, "SELECT json FROM matters ORDER BY code", error);
  while (stmt != NULL && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(JsonNode) node = _cs_json_from_string ((const char *) sqlite3_column_text (stmt, 0),
                                                       error);
      g_autoptr(CsMatter) matter = NULL;

      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) ||
          (matter = cs_matter_new_from_json (json_node_get_object (node), error)) == NULL)
        {
          _cs_cache_unlock (self);
          return NULL;
        }
      g_list_store_append (store, matter);
    }
  _cs_cache_unlock (self);

  if (stmt == NULL)
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * cs_cache_store_calendar:
 * @self: a #CsCache
 * @calendar: one `/v1/calendar` document
 * @error: return location for an error
 *
 * Stores (or replaces) one year of the working-day calendar.
 *
 * Returns: %TRUE when stored
 */
gboolean
cs_cache_store_calendar (CsCache   *self,
                         JsonNode  *calendar,
                         GError   **error)
{
  g_autoptr(CsCalendar) check = cs_calendar_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *text = NULL;
  gint64 year;
  gboolean ok = FALSE;

  g_return_val_if_fail (CS_IS_CACHE (self), FALSE);

  if (!JSON_NODE_HOLDS_OBJECT (calendar) ||
      !_cs_json_get_int (json_node_get_object (calendar), "calendar", "year", 0, &year, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, CS_ERROR, CS_ERROR_PROTOCOL,
                     _("The server’s answer cannot be read: %s"), _("it is not an object"));
      return FALSE;
    }
  if (!cs_calendar_load_json (check, calendar, error))
    return FALSE;

  text = _cs_json_to_string (calendar);
  _cs_cache_lock (self);
  stmt = prepare (self, "INSERT INTO calendars (year, json) VALUES (?, ?)"
                        " ON CONFLICT (year) DO UPDATE SET json = excluded.json", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, year);
      sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
      ok = sqlite3_step (stmt) == SQLITE_DONE;
      if (!ok)
        _cs_cache_set_error (self, error, _("saving the calendar"));
    }
  _cs_cache_unlock (self);
  return ok;
}

/**
 * cs_cache_load_calendar:
 * @self: a #CsCache
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): a calendar holding every cached
 *   year
 */
CsCalendar *
cs_cache_load_calendar (CsCache  *self,
                        GError  **error)
{
  g_autoptr(CsCalendar) calendar = cs_calendar_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (CS_IS_CACHE (self), NULL);

  _cs_cache_lock (self);
  stmt = prepare (self, "SELECT json FROM calendars ORDER BY year", error);
  while (ok && stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(JsonNode) node = _cs_json_from_string ((const char *) sqlite3_column_text (stmt, 0),
                                                       error);

      ok = node != NULL && cs_calendar_load_json (calendar, node, error);
    }
  _cs_cache_unlock (self);

  if (stmt == NULL || !ok)
    return NULL;
  return g_steal_pointer (&calendar);
}

/* Cases */

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           column,
                   const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, column);
}

static void
bind_date (sqlite3_stmt *stmt,
           int           column,
           const GDate  *date)
{
  if (g_date_valid (date))
    sqlite3_bind_int64 (stmt, column, g_date_get_julian (date));
  else
    sqlite3_bind_null (stmt, column);
}

static void
read_date (sqlite3_stmt *stmt,
           int           column,
           GDate        *date)
{
  gint64 julian = sqlite3_column_int64 (stmt, column);

  if (sqlite3_column_type (stmt, column) != SQLITE_NULL && g_date_valid_julian (julian))
    g_date_set_julian (date, julian);
  else
    g_date_clear (date, 1);
}

static const char *
column_intern (sqlite3_stmt *stmt,
               int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? g_intern_string (text) : NULL;
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static void
bind_case (sqlite3_stmt *stmt,
           CsCase       *kase)
{
  int i = 1;

  bind_text_or_null (stmt, i++, kase->id);
  bind_text_or_null (stmt, i++, kase->number);
  sqlite3_bind_int64 (stmt, i++, kase->version);
  bind_text_or_null (stmt, i++, kase->department);
  sqlite3_bind_int (stmt, i++, kase->lead);
  bind_text_or_null (stmt, i++, kase->matter_code);
  bind_text_or_null (stmt, i++, kase->matter_name);
  sqlite3_bind_int (stmt, i++, kase->instant);
  bind_text_or_null (stmt, i++, cs_case_status_to_string (kase->status));
  bind_text_or_null (stmt, i++, kase->assignee_username);
  bind_text_or_null (stmt, i++, kase->assignee_name);
  bind_text_or_null (stmt, i++, cs_outcome_to_string (kase->outcome));
  bind_date (stmt, i++, &kase->decided_on);
  sqlite3_bind_int (stmt, i++, kase->organisation);
  bind_text_or_null (stmt, i++, kase->applicant_name);
  bind_text_or_null (stmt, i++, kase->applicant_id_number);
  sqlite3_bind_int64 (stmt, i++, kase->received_at);
  bind_date (stmt, i++, &kase->accepted_on);
  sqlite3_bind_int (stmt, i++, kase->green_channel);
  sqlite3_bind_int (stmt, i++, kase->urgent);
  sqlite3_bind_int64 (stmt, i++, kase->updated_at);
  bind_date (stmt, i++, &kase->clock_accepted_on);
  sqlite3_bind_int (stmt, i++, kase->statutory_limit);
  sqlite3_bind_int (stmt, i++, kase->promised_limit);
  sqlite3_bind_int (stmt, i++, kase->extension_days);
  bind_date (stmt, i++, &kase->supplement_requested_on);
  bind_text_or_null (stmt, i++, kase->suspensions_json);
  bind_text_or_null (stmt, i++, kase->parallel_json);
  g_assert (i == N_CASE_COLUMNS + 1);
}

/* Fills a case straight from the row: no JSON is parsed on the way to the
 * inbox, which is what makes 100,000 rows load in a blink. */
static CsCase *
read_case (sqlite3_stmt *stmt)
{
  CsCase *kase = _cs_case_new ();
  int i = 0;

  kase->id = column_dup (stmt, i++);
  kase->number = column_dup (stmt, i++);
  kase->version = sqlite3_column_int64 (stmt, i++);
  kase->department = column_intern (stmt, i++);
  kase->lead = sqlite3_column_int (stmt, i++) != 0;
  kase->matter_code = column_intern (stmt, i++);
  kase->matter_name = column_intern (stmt, i++);
  kase->instant = sqlite3_column_int (stmt, i++) != 0;
  kase->status = cs_case_status_from_string ((const char *) sqlite3_column_text (stmt, i++));
  kase->assignee_username = column_intern (stmt, i++);
  kase->assignee_name = column_intern (stmt, i++);
  kase->outcome = cs_outcome_from_string ((const char *) sqlite3_column_text (stmt, i++));
  read_date (stmt, i++, &kase->decided_on);
  kase->organisation = sqlite3_column_int (stmt, i++) != 0;
  kase->applicant_name = column_dup (stmt, i++);
  kase->applicant_id_number = column_dup (stmt, i++);
  kase->received_at = sqlite3_column_int64 (stmt, i++);
  read_date (stmt, i++, &kase->accepted_on);
  kase->green_channel = sqlite3_column_int (stmt, i++) != 0;
  kase->urgent = sqlite3_column_int (stmt, i++) != 0;
  kase->updated_at = sqlite3_column_int64 (stmt, i++);
  read_date (stmt, i++, &kase->clock_accepted_on);
  kase->statutory_limit = sqlite3_column_int (stmt, i++);
  kase->promised_limit = sqlite3_column_int (stmt, i++);
  kase->extension_days = sqlite3_column_int (stmt, i++);
  read_date (stmt, i++, &kase->supplement_requested_on);
  kase->suspensions_json = column_dup (stmt, i++);
  kase->parallel_json = column_dup (stmt, i++);
  g_assert (i == N_CASE_COLUMNS);

  return kase;
}

static char *
upsert_sql (gboolean with_detail)
{
  g_autoptr(GString) sql = g_string_new ("INSERT INTO cases (");
  g_auto(GStrv) names = g_strsplit (case_columns, ",", -1);

  g_string_append (sql, case_columns);
  if (with_detail)
    g_string_append (sql, ", detail, etag");
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < N_CASE_COLUMNS + (with_detail ? 2 : 0); i++)
    g_string_append (sql, i == 0 ? "?" : ", ?");
  g_string_append (sql, ") ON CONFLICT (id) DO UPDATE SET ");
  for (guint i = 1; names[i] != NULL; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (names[i]));
      g_string_append_printf (sql, "%s%s = excluded.%s", i == 1 ? "" : ", ", name, name);
    }
  if (with_detail)
    g_string_append (sql, ", detail = excluded.detail, etag = excluded.etag");
  /* A page fetched before a newer full case must not roll it back. */
  g_string_append (sql, " WHERE excluded.version >= cases.version");

  return g_string_free (g_steal_pointer (&sql), FALSE);
}

static sqlite3_stmt *
prepare_upsert (CsCache     *self,
                gboolean     with_detail,
                GError     **error)
{
  g_autofree char *sql = upsert_sql (with_detail);

  return prepare (self, sql, error);
}

typedef void (*BindRow) (sqlite3_stmt *stmt,
                         gpointer      rows,
                         guint         index);

/* Upserts @n_rows case summaries in one transaction: all or none. */
static gboolean
upsert_cases (CsCache  *self,
              gpointer  rows,
              guint     n_rows,
              BindRow   bind,
              GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok = FALSE;

  _cs_cache_lock (self);
  if (!_cs_cache_exec (self, "BEGIN IMMEDIATE", error))
    goto out;
  if ((stmt = prepare_upsert (self, FALSE, error)) == NULL)
    goto rollback;

  for (guint i = 0; i < n_rows; i++)
    {
      sqlite3_reset (stmt);
      bind (stmt, rows, i);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          _cs_cache_set_error (self, error, _("saving cases"));
          goto rollback;
        }
    }

  ok = _cs_cache_exec (self, "COMMIT", error);
  if (ok)
    goto out;

rollback:
  _cs_cache_exec (self, "ROLLBACK", NULL);
out:
  _cs_cache_unlock (self);
  return ok;
}

static void
bind_case_row (sqlite3_stmt *stmt,
               gpointer      rows,
               guint         index)
{
  sqlite3_clear_bindings (stmt);
  bind_case (stmt, g_ptr_array_index ((GPtrArray *) rows, index));
}

/**
 * cs_cache_store_cases:
 * @self: a #CsCache
 * @cases: (element-type CsCase): case summaries, e.g. a synced page
 * @error: return location for an error
 *
 * Stores the summaries in one transaction. A stored case of a newer
 * version is kept; an opened case keeps its details.
 *
 * Returns: %TRUE when stored
 */
gboolean
cs_cache_store_cases (CsCache    *self,
                      GPtrArray  *cases,
                      GError    **error)
{
  g_return_val_if_fail (CS_IS_CACHE (self), FALSE);
  g_return_val_if_fail (cases != NULL, FALSE);

  return upsert_cases (self, cases, cases->len, bind_case_row, error);
}

/**
 * cs_cache_store_case:
 * @self: a #CsCache
 * @kase: a case; a full one keeps its details in the cache
 * @etag: (nullable): the full case's ETag
 * @error: return location for an error
 *
 * Returns: %TRUE when stored
 */
gboolean
cs_cache_store_case (CsCache     *self,
                     CsCase      *kase,
                     const char  *etag,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  JsonObject *detail;
  gboolean ok = FALSE;

  g_return_val_if_fail (CS_IS_CACHE (self), FALSE);
  g_return_val_if_fail (CS_IS_CASE (kase), FALSE);

  detail = _cs_case_get_detail_json (kase);
  if (detail == NULL)
    {
      g_autoptr(GPtrArray) one = g_ptr_array_new ();

      g_ptr_array_add (one, kase);
      return cs_cache_store_cases (self, one, error);
    }

  _cs_cache_lock (self);
  stmt = prepare_upsert (self, TRUE, error);
  if (stmt != NULL)
    {
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), detail);
      g_autofree char *text = _cs_json_to_string (node);

      bind_case (stmt, kase);
      sqlite3_bind_text (stmt, N_CASE_COLUMNS + 1, text, -1, SQLITE_STATIC);
      bind_text_or_null (stmt, N_CASE_COLUMNS + 2, etag);
      ok = sqlite3_step (stmt) == SQLITE_DONE;
      if (!ok)
        _cs_cache_set_error (self, error, _("saving a case"));
    }
  _cs_cache_unlock (self);
  return ok;
}

/**
 * cs_cache_load_case:
 * @self: a #CsCache
 * @case_id: the case's ID
 * @out_etag: (out) (optional) (transfer full): the ETag of the cached full
 *   case
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the case, full when it was opened
 *   before; %NULL without an error when it is not cached
 */
CsCase *
cs_cache_load_case (CsCache     *self,
                    const char  *case_id,
                    char       **out_etag,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(CsCase) kase = NULL;
  int rc;

  g_return_val_if_fail (CS_IS_CACHE (self), NULL);

  if (out_etag != NULL)
    *out_etag = NULL;

  _cs_cache_lock (self);
  stmt = prepare (self, "SELECT detail, etag FROM cases WHERE id = ?", error);
  if (stmt == NULL)
    {
      _cs_cache_unlock (self);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, case_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    {
      g_autoptr(JsonNode) node = _cs_json_from_string ((const char *) sqlite3_column_text (stmt, 0),
                                                       error);

      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
        kase = cs_case_new_from_json (json_node_get_object (node), error);
      if (kase != NULL && out_etag != NULL)
        *out_etag = column_dup (stmt, 1);
      _cs_cache_unlock (self);
      if (kase == NULL)
        return NULL;
    }
  else
    _cs_cache_unlock (self);

  if (kase == NULL && rc == SQLITE_ROW)
    {
      g_autofree char *summary_sql = g_strdup_printf ("SELECT %s FROM cases WHERE id = ?",
                                                      case_columns);
      g_autoptr(sqlite3_stmt) summary = NULL;

      _cs_cache_lock (self);
      summary = prepare (self, summary_sql, error);
      if (summary != NULL)
        {
          sqlite3_bind_text (summary, 1, case_id, -1, SQLITE_STATIC);
          if (sqlite3_step (summary) == SQLITE_ROW)
            kase = read_case (summary);
        }
      _cs_cache_unlock (self);
      if (summary == NULL)
        return NULL;
    }
  else if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _cs_cache_set_error (self, error, _("reading a case"));
      return NULL;
    }

  return g_steal_pointer (&kase);
}

/**
 * cs_cache_load_cases:
 * @self: a #CsCache
 * @status: (nullable): comma-separated states to keep, %NULL for all
 * @error: return location for an error
 *
 * Loads the cached case summaries, oldest received first.
 *
 * Returns: (transfer container) (element-type CsCase) (nullable): the cases
 */
GPtrArray *
cs_cache_load_cases (CsCache     *self,
                     const char  *status,
                     GError     **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_auto(GStrv) states = NULL;
  gint64 count;
  int rc;

  g_return_val_if_fail (CS_IS_CACHE (self), NULL);

  g_string_printf (sql, "SELECT %s FROM cases", case_columns);
  if (status != NULL)
    {
      states = g_strsplit (status, ",", -1);
      g_string_append (sql, " WHERE status IN (");
      for (guint i = 0; states[i] != NULL; i++)
        g_string_append (sql, i == 0 ? "?" : ", ?");
      g_string_append (sql, ")");
    }
  g_string_append (sql, " ORDER BY received_at, id");

  count = cs_cache_count_cases (self);
  cases = g_ptr_array_new_full (MAX (count, 16), g_object_unref);

  _cs_cache_lock (self);
  stmt = prepare (self, sql->str, error);
  if (stmt == NULL)
    {
      _cs_cache_unlock (self);
      return NULL;
    }
  for (guint i = 0; states != NULL && states[i] != NULL; i++)
    sqlite3_bind_text (stmt, i + 1, g_strstrip (states[i]), -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (cases, read_case (stmt));
  if (rc != SQLITE_DONE)
    _cs_cache_set_error (self, error, _("reading cases"));
  _cs_cache_unlock (self);

  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&cases);
}

gint64
cs_cache_count_cases (CsCache *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 count = 0;

  g_return_val_if_fail (CS_IS_CACHE (self), 0);

  _cs_cache_lock (self);
  stmt = prepare (self, "SELECT count(*) FROM cases", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  _cs_cache_unlock (self);
  return count;
}

/* Synced pages are read with the pull reader straight into the insert
 * statement: no JSON tree, no objects and (for strings without escapes,
 * which is all of them in practice) no copies on the way; the statement
 * binds the page's own bytes, which the parsed page keeps. The checks are
 * those of cs_case_new_from_json(). */

typedef struct
{
  const char *str;         /* NULL for null; not NUL-terminated */
  gsize length;
} Text;

typedef struct
{
  GStringChunk *decoded;   /* the strings that had escapes */
  GString *scratch;
  const char *bad;         /* the member that broke the contract */
  guint64 seen;
  Text id, number, department, role, matter_code, matter_name, status;
  Text assignee_username, assignee_name, outcome, kind, applicant_name, id_number, uscc;
  Text priority, suspensions, parallel;
  gint64 version, received_at, updated_at, statutory, promised, extension;
  gint64 decided_on, accepted_on, clock_accepted_on, supplement_on;   /* Julian, 0: none */
  gint64 instant, green;
  /* What the row has that is not a member as it came. */
  gint64 lead, organisation, urgent;
  Text applicant_id;
} PageItem;

enum {
  SEEN_ID = 1 << 0, SEEN_NUMBER = 1 << 1, SEEN_VERSION = 1 << 2, SEEN_DEPARTMENT = 1 << 3,
  SEEN_ROLE = 1 << 4, SEEN_MATTER = 1 << 5, SEEN_INSTANT = 1 << 6, SEEN_STATUS = 1 << 7,
  SEEN_ASSIGNEE = 1 << 8, SEEN_OUTCOME = 1 << 9, SEEN_DECIDED_ON = 1 << 10,
  SEEN_CLOCK = 1 << 11, SEEN_APPLICANT = 1 << 12, SEEN_RECEIVED_AT = 1 << 13,
  SEEN_ACCEPTED_ON = 1 << 14, SEEN_GREEN = 1 << 15, SEEN_PRIORITY = 1 << 16,
  SEEN_UPDATED_AT = 1 << 17, SEEN_PARALLEL = 1 << 18,
  SEEN_ALL = (1 << 19) - 1,
};

static const char * const seen_names[] = {
  "id", "number", "version", "department", "role", "matter", "instant", "status",
  "assignee", "outcome", "decided_on", "clock", "applicant", "received_at", "accepted_on",
  "green_channel", "priority", "updated_at", "parallel",
};

#define KEY_IS(key, length, literal) \
  ((length) == sizeof (literal) - 1 && memcmp ((key), (literal), sizeof (literal) - 1) == 0)

static inline gboolean
text_is (const Text *text,
         const char *literal,
         gsize       length)
{
  return text->str != NULL && text->length == length && memcmp (text->str, literal, length) == 0;
}

#define TEXT_IS(text, literal) text_is ((text), (literal), sizeof (literal) - 1)

static gboolean
item_fail (PageItem   *item,
           const char *member)
{
  item->bad = member;
  return FALSE;
}

static gboolean
read_text (CsJsonReader *reader,
           PageItem     *item,
           Text         *text,
           gboolean      nullable,
           const char   *member)
{
  if (nullable && _cs_json_reader_peek (reader) == CS_JSON_TOKEN_NULL)
    {
      text->str = NULL;
      return _cs_json_reader_read_null (reader) || item_fail (item, member);
    }
  if (!_cs_json_reader_read_string_span (reader, item->scratch, &text->str, &text->length))
    return item_fail (item, member);
  if (text->str == item->scratch->str)
    text->str = g_string_chunk_insert_len (item->decoded, text->str, text->length);
  return TRUE;
}

/* Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's
 * days_from_civil). */
static gint64
days_from_civil (gint64 y,
                 guint  m,
                 guint  d)
{
  gint64 era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

/* YYYY-MM-DD naming a day of the calendar, as cs_validate_date() checks
 * it, to a GDate Julian day (0001-01-01 is day 1). */
static gboolean
parse_date_span (const char *text,
                 gsize       length,
                 gint64     *out_julian)
{
  static const guint8 days_in_month[] = { 0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  guint year = 0, month, day;
  gboolean leap;

  if (length != 10)
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if ((i == 4 || i == 7) ? text[i] != '-' : !g_ascii_isdigit (text[i]))
      return FALSE;
  for (guint i = 0; i < 4; i++)
    year = year * 10 + (guint) (text[i] - '0');
  month = (guint) (text[5] - '0') * 10 + (guint) (text[6] - '0');
  day = (guint) (text[8] - '0') * 10 + (guint) (text[9] - '0');
  leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (year == 0 || month < 1 || month > 12 || day < 1 ||
      day > days_in_month[month] + (guint) (month == 2 && leap))
    return FALSE;
  *out_julian = days_from_civil (year, month, day) + 719163;
  return TRUE;
}

static gboolean
read_date_member (CsJsonReader *reader,
                  PageItem     *item,
                  gint64       *julian,
                  gboolean      nullable,
                  const char   *member)
{
  const char *text;
  gsize length;

  *julian = 0;
  if (nullable && _cs_json_reader_peek (reader) == CS_JSON_TOKEN_NULL)
    return _cs_json_reader_read_null (reader) || item_fail (item, member);
  if (!_cs_json_reader_read_string_span (reader, item->scratch, &text, &length) ||
      !parse_date_span (text, length, julian))
    return item_fail (item, member);
  return TRUE;
}

static gboolean
read_time_member (CsJsonReader *reader,
                  PageItem     *item,
                  gint64       *usec,
                  const char   *member)
{
  char buffer[64];
  const char *text;
  gsize length;

  if (!_cs_json_reader_read_string_span (reader, item->scratch, &text, &length))
    return item_fail (item, member);
  if (length < sizeof buffer)
    {
      memcpy (buffer, text, length);
      buffer[length] = '\0';
      if (!_cs_json_parse_datetime (buffer, usec))
        return item_fail (item, member);
    }
  else
    {
      g_autofree char *copy = g_strndup (text, length);

      if (strlen (copy) != length || !_cs_json_parse_datetime (copy, usec))
        return item_fail (item, member);
    }
  return TRUE;
}

static gboolean
read_limit_member (CsJsonReader *reader,
                   PageItem     *item,
                   gint64       *value,
                   const char   *member)
{
  if (!_cs_json_reader_read_int (reader, value) || *value < 0 || *value > 3650)
    return item_fail (item, member);
  return TRUE;
}

/* A JSON text kept as it came (valid: the reader checked it). */
static gboolean
read_raw (CsJsonReader *reader,
          Text         *text)
{
  return _cs_json_reader_skip (reader, &text->str, &text->length);
}

/* Reads an object member by member; @read handles the known keys and
 * returns FALSE on a contract breach, -1 for a key to skip. */
typedef int (*MemberFunc) (CsJsonReader *reader,
                           PageItem     *item,
                           const char   *key,
                           gsize         length);

static gboolean
read_object (CsJsonReader *reader,
             PageItem     *item,
             MemberFunc    member,
             const char   *name)
{
  const char *key;
  gsize length;
  gboolean done;

  if (_cs_json_reader_peek (reader) != CS_JSON_TOKEN_OBJECT ||
      !_cs_json_reader_begin_object (reader))
    return item_fail (item, name);
  while (_cs_json_reader_next_member_span (reader, item->scratch, &key, &length, &done) &&
         !done)
    {
      int handled = member (reader, item, key, length);

      if (handled == 0)
        return FALSE;
      if (handled < 0 && !_cs_json_reader_skip (reader, NULL, NULL))
        return item_fail (item, name);
    }
  return !reader->failed || item_fail (item, name);
}

static int
matter_member (CsJsonReader *reader,
               PageItem     *item,
               const char   *key,
               gsize         length)
{
  if (KEY_IS (key, length, "code"))
    return read_text (reader, item, &item->matter_code, FALSE, "matter.code");
  if (KEY_IS (key, length, "name"))
    return read_text (reader, item, &item->matter_name, FALSE, "matter.name");
  return -1;
}

static int
assignee_member (CsJsonReader *reader,
                 PageItem     *item,
                 const char   *key,
                 gsize         length)
{
  if (KEY_IS (key, length, "username"))
    return read_text (reader, item, &item->assignee_username, FALSE, "assignee.username");
  if (KEY_IS (key, length, "name"))
    return read_text (reader, item, &item->assignee_name, FALSE, "assignee.name");
  return -1;
}

static int
clock_member (CsJsonReader *reader,
              PageItem     *item,
              const char   *key,
              gsize         length)
{
  if (KEY_IS (key, length, "accepted_on"))
    return read_date_member (reader, item, &item->clock_accepted_on, FALSE, "clock.accepted_on");
  if (KEY_IS (key, length, "statutory_limit"))
    return read_limit_member (reader, item, &item->statutory, "clock.statutory_limit");
  if (KEY_IS (key, length, "promised_limit"))
    return read_limit_member (reader, item, &item->promised, "clock.promised_limit");
  if (KEY_IS (key, length, "extension_days"))
    return read_limit_member (reader, item, &item->extension, "clock.extension_days");
  if (KEY_IS (key, length, "supplement_requested_on"))
    return read_date_member (reader, item, &item->supplement_on, TRUE,
                             "clock.supplement_requested_on");
  if (KEY_IS (key, length, "suspensions"))
    {
      Text raw;

      if (_cs_json_reader_peek (reader) != CS_JSON_TOKEN_ARRAY || !read_raw (reader, &raw))
        return item_fail (item, "clock.suspensions");
      /* An empty list is stored as NULL, as cs_case_new_from_json() does. */
      item->suspensions.str = NULL;
      item->suspensions.length = 0;
      for (gsize i = 1; i + 1 < raw.length; i++)
        if (!g_ascii_isspace (raw.str[i]))
          {
            item->suspensions = raw;
            break;
          }
      return TRUE;
    }
  return -1;
}

static int
applicant_member (CsJsonReader *reader,
                  PageItem     *item,
                  const char   *key,
                  gsize         length)
{
  if (KEY_IS (key, length, "kind"))
    return read_text (reader, item, &item->kind, FALSE, "applicant.kind");
  if (KEY_IS (key, length, "name"))
    return read_text (reader, item, &item->applicant_name, FALSE, "applicant.name");
  if (KEY_IS (key, length, "id_number"))
    return read_text (reader, item, &item->id_number, FALSE, "applicant.id_number");
  if (KEY_IS (key, length, "uscc"))
    return read_text (reader, item, &item->uscc, FALSE, "applicant.uscc");
  return -1;
}

/* Which member of a case @key names: a SEEN_ bit, or 0 for one to skip. */
static guint64
case_key (const char *key,
          gsize       length)
{
#define CASE_KEY(literal, bit) if (KEY_IS (key, length, literal)) return bit
  switch (key[0])
    {
    case 'i':
      CASE_KEY ("id", SEEN_ID);
      CASE_KEY ("instant", SEEN_INSTANT);
      break;
    case 'n':
      CASE_KEY ("number", SEEN_NUMBER);
      break;
    case 'v':
      CASE_KEY ("version", SEEN_VERSION);
      break;
    case 'd':
      CASE_KEY ("department", SEEN_DEPARTMENT);
      CASE_KEY ("decided_on", SEEN_DECIDED_ON);
      break;
    case 'r':
      CASE_KEY ("role", SEEN_ROLE);
      CASE_KEY ("received_at", SEEN_RECEIVED_AT);
      break;
    case 'm':
      CASE_KEY ("matter", SEEN_MATTER);
      break;
    case 's':
      CASE_KEY ("status", SEEN_STATUS);
      break;
    case 'a':
      CASE_KEY ("assignee", SEEN_ASSIGNEE);
      CASE_KEY ("applicant", SEEN_APPLICANT);
      CASE_KEY ("accepted_on", SEEN_ACCEPTED_ON);
      break;
    case 'o':
      CASE_KEY ("outcome", SEEN_OUTCOME);
      break;
    case 'c':
      CASE_KEY ("clock", SEEN_CLOCK);
      break;
    case 'g':
      CASE_KEY ("green_channel", SEEN_GREEN);
      break;
    case 'p':
      CASE_KEY ("priority", SEEN_PRIORITY);
      CASE_KEY ("parallel", SEEN_PARALLEL);
      break;
    case 'u':
      CASE_KEY ("updated_at", SEEN_UPDATED_AT);
      break;
    default:
      break;
    }
#undef CASE_KEY
  return 0;
}

static int
case_member (CsJsonReader *reader,
             PageItem     *item,
             const char   *key,
             gsize         length)
{
  guint64 bit = case_key (key, length);

  if (bit == 0)
    return -1;
  item->seen |= bit;

  switch (bit)
    {
    case SEEN_ID:
      return read_text (reader, item, &item->id, FALSE, "id");
    case SEEN_NUMBER:
      return read_text (reader, item, &item->number, FALSE, "number");
    case SEEN_VERSION:
      return (_cs_json_reader_read_int (reader, &item->version) && item->version >= 0) ||
             item_fail (item, "version");
    case SEEN_DEPARTMENT:
      return read_text (reader, item, &item->department, FALSE, "department");
    case SEEN_ROLE:
      return (read_text (reader, item, &item->role, FALSE, "role") &&
              (TEXT_IS (&item->role, "lead") || TEXT_IS (&item->role, "co"))) ||
             item_fail (item, "role");
    case SEEN_MATTER:
      item->matter_code.str = item->matter_name.str = NULL;
      return (read_object (reader, item, matter_member, "matter") &&
              item->matter_code.str != NULL && item->matter_name.str != NULL) ||
             item_fail (item, item->bad != NULL ? item->bad : "matter.code");
    case SEEN_INSTANT:
      {
        gboolean instant;

        if (!_cs_json_reader_read_boolean (reader, &instant))
          return item_fail (item, "instant");
        item->instant = instant;
        return TRUE;
      }
    case SEEN_STATUS:
      return read_text (reader, item, &item->status, FALSE, "status");
    case SEEN_ASSIGNEE:
      item->assignee_username.str = item->assignee_name.str = NULL;
      if (_cs_json_reader_peek (reader) == CS_JSON_TOKEN_NULL)
        return _cs_json_reader_read_null (reader) || item_fail (item, "assignee");
      return (read_object (reader, item, assignee_member, "assignee") &&
              item->assignee_username.str != NULL && item->assignee_name.str != NULL) ||
             item_fail (item, item->bad != NULL ? item->bad : "assignee.username");
    case SEEN_OUTCOME:
      return read_text (reader, item, &item->outcome, TRUE, "outcome");
    case SEEN_DECIDED_ON:
      return read_date_member (reader, item, &item->decided_on, TRUE, "decided_on");
    case SEEN_CLOCK:
      {
        /* A stand-in for "not seen": suspensions found are raw text or NULL. */
        static const char unseen[] = "";

        item->clock_accepted_on = item->statutory = item->promised = item->extension = -1;
        item->suspensions.str = unseen;
        item->supplement_on = -1;
        if (!read_object (reader, item, clock_member, "clock"))
          return FALSE;
        if (item->clock_accepted_on < 0)
          return item_fail (item, "clock.accepted_on");
        if (item->statutory < 0)
          return item_fail (item, "clock.statutory_limit");
        if (item->promised < 0)
          return item_fail (item, "clock.promised_limit");
        if (item->extension < 0)
          return item_fail (item, "clock.extension_days");
        if (item->suspensions.str == unseen)
          return item_fail (item, "clock.suspensions");
        if (item->supplement_on < 0)
          return item_fail (item, "clock.supplement_requested_on");
        return TRUE;
      }
    case SEEN_APPLICANT:
      item->kind.str = item->applicant_name.str = NULL;
      item->id_number.str = item->uscc.str = NULL;
      if (!read_object (reader, item, applicant_member, "applicant"))
        return FALSE;
      if (!TEXT_IS (&item->kind, "person") && !TEXT_IS (&item->kind, "organisation"))
        return item_fail (item, "applicant.kind");
      if (item->applicant_name.str == NULL)
        return item_fail (item, "applicant.name");
      return TRUE;
    case SEEN_RECEIVED_AT:
      return read_time_member (reader, item, &item->received_at, "received_at");
    case SEEN_ACCEPTED_ON:
      return read_date_member (reader, item, &item->accepted_on, FALSE, "accepted_on");
    case SEEN_GREEN:
      {
        gboolean green;

        if (!_cs_json_reader_read_boolean (reader, &green))
          return item_fail (item, "green_channel");
        item->green = green;
        return TRUE;
      }
    case SEEN_PRIORITY:
      return read_text (reader, item, &item->priority, FALSE, "priority");
    case SEEN_UPDATED_AT:
      return read_time_member (reader, item, &item->updated_at, "updated_at");
    case SEEN_PARALLEL:
      if (_cs_json_reader_peek (reader) == CS_JSON_TOKEN_NULL)
        {
          item->parallel.str = NULL;
          return _cs_json_reader_read_null (reader) || item_fail (item, "parallel");
        }
      if (_cs_json_reader_peek (reader) != CS_JSON_TOKEN_OBJECT ||
          !read_raw (reader, &item->parallel))
        return item_fail (item, "parallel");
      return TRUE;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
text_equal (const Text *a,
            const Text *b)
{
  if (a->str == NULL || b->str == NULL)
    return a->str == b->str;
  return a->length == b->length && memcmp (a->str, b->str, a->length) == 0;
}

/* Binds @text unless the row before bound the same (@before; NULL: no row
 * before): a binding stays until it is replaced, and most columns of a
 * page's rows repeat (department, matter, state, assignee, limits). */
static void
bind_text_slice (sqlite3_stmt *stmt,
                 int           column,
                 const Text   *text,
                 const Text   *before)
{
  if (before != NULL && text_equal (text, before))
    return;
  if (text->str == NULL)
    sqlite3_bind_null (stmt, column);
  else
    sqlite3_bind_text (stmt, column, text->str, text->length, SQLITE_STATIC);
}

static void
bind_int (sqlite3_stmt *stmt,
          int           column,
          gint64        value,
          const gint64 *before)
{
  if (before == NULL || *before != value)
    sqlite3_bind_int64 (stmt, column, value);
}

/* A Julian day, 0 for none (NULL). */
static void
bind_julian (sqlite3_stmt *stmt,
             int           column,
             gint64        julian,
             const gint64 *before)
{
  if (before != NULL && *before == julian)
    return;
  if (julian > 0)
    sqlite3_bind_int64 (stmt, column, julian);
  else
    sqlite3_bind_null (stmt, column);
}

/* Binds @item's row, leaving alone what is bound already from @prev (the
 * row bound before, whose text is still alive; NULL: bind everything). */
static void
bind_page_item (sqlite3_stmt   *stmt,
                const PageItem *item,
                const PageItem *prev)
{
  int i = 1;

#define TEXT(member) bind_text_slice (stmt, i++, &item->member, prev ? &prev->member : NULL)
#define INT(member) bind_int (stmt, i++, item->member, prev ? &prev->member : NULL)
#define JULIAN(member) bind_julian (stmt, i++, item->member, prev ? &prev->member : NULL)
  TEXT (id);
  TEXT (number);
  INT (version);
  TEXT (department);
  INT (lead);
  TEXT (matter_code);
  TEXT (matter_name);
  INT (instant);
  TEXT (status);
  TEXT (assignee_username);
  TEXT (assignee_name);
  TEXT (outcome);
  JULIAN (decided_on);
  INT (organisation);
  TEXT (applicant_name);
  TEXT (applicant_id);
  INT (received_at);
  JULIAN (accepted_on);
  INT (green);
  INT (urgent);
  INT (updated_at);
  JULIAN (clock_accepted_on);
  INT (statutory);
  INT (promised);
  INT (extension);
  JULIAN (supplement_on);
  TEXT (suspensions);
  TEXT (parallel);
#undef TEXT
#undef INT
#undef JULIAN
  g_assert (i == N_CASE_COLUMNS + 1);
}

struct _CsParsedPage
{
  GBytes *bytes;           /* the page: most strings are bound from it */
  GStringChunk *decoded;   /* the strings that had escapes */
  GArray *items;           /* of PageItem */
  char *next_cursor;
  gint64 newest;
};

void
_cs_parsed_page_free (CsParsedPage *parsed)
{
  g_bytes_unref (parsed->bytes);
  g_string_chunk_free (parsed->decoded);
  g_array_unref (parsed->items);
  g_free (parsed->next_cursor);
  g_free (parsed);
}

guint
_cs_parsed_page_get_count (CsParsedPage *parsed)
{
  return parsed->items->len;
}

gint64
_cs_parsed_page_get_newest (CsParsedPage *parsed)
{
  return parsed->newest;
}

const char *
_cs_parsed_page_get_next_cursor (CsParsedPage *parsed)
{
  return parsed->next_cursor;
}

/* Checks a page and reads its cases; needs no cache, so it runs beside
 * the insertion of the page before. */
CsParsedPage *
_cs_parsed_page_new (GBytes  *page,
                     GError **error)
{
  g_autoptr(GString) scratch = g_string_new (NULL);
  g_autoptr(GString) cursor = g_string_new (NULL);
  CsParsedPage *parsed = g_new0 (CsParsedPage, 1);
  PageItem item = { 0 };
  CsJsonReader reader;
  gboolean done, have_items = FALSE, have_cursor = FALSE, cursor_null = TRUE;
  const char *key;
  gsize key_length;
  gsize size;
  const char *data = g_bytes_get_data (page, &size);

  parsed->bytes = g_bytes_ref (page);
  parsed->decoded = g_string_chunk_new (256);
  /* A case is about 700 bytes of JSON. */
  parsed->items = g_array_sized_new (FALSE, FALSE, sizeof (PageItem), size / 640 + 1);
  item.decoded = parsed->decoded;
  item.scratch = scratch;
  _cs_json_reader_init (&reader, data, size);

  if (!_cs_json_reader_begin_object (&reader))
    goto malformed;
  while (_cs_json_reader_next_member_span (&reader, scratch, &key, &key_length, &done) && !done)
    {
      if (KEY_IS (key, key_length, "next_cursor"))
        {
          have_cursor = TRUE;
          g_string_truncate (cursor, 0);
          cursor_null = _cs_json_reader_peek (&reader) == CS_JSON_TOKEN_NULL;
          if (cursor_null ? !_cs_json_reader_read_null (&reader)
                          : !_cs_json_reader_read_string (&reader, cursor))
            goto malformed;
          continue;
        }
      if (!KEY_IS (key, key_length, "items"))
        {
          if (!_cs_json_reader_skip (&reader, NULL, NULL))
            goto malformed;
          continue;
        }

      have_items = TRUE;
      if (!_cs_json_reader_begin_array (&reader))
        goto malformed;
      while (_cs_json_reader_next_element (&reader, &done) && !done)
        {
          item.seen = 0;
          item.bad = NULL;
          item.outcome.str = item.parallel.str = NULL;
          item.decided_on = 0;

          if (!read_object (&reader, &item, case_member, "case"))
            goto bad_item;
          if (item.seen != SEEN_ALL)
            {
              for (guint bit = 0; bit < G_N_ELEMENTS (seen_names); bit++)
                if (!(item.seen & (G_GUINT64_CONSTANT (1) << bit)))
                  {
                    item.bad = seen_names[bit];
                    break;
                  }
              goto bad_item;
            }
          item.lead = !TEXT_IS (&item.role, "co");
          item.organisation = TEXT_IS (&item.kind, "organisation");
          item.urgent = TEXT_IS (&item.priority, "urgent");
          item.applicant_id = item.organisation ? item.uscc : item.id_number;
          parsed->newest = MAX (parsed->newest, item.updated_at);
          g_array_append_val (parsed->items, item);
        }
      if (reader.failed)
        goto malformed;
    }
  if (reader.failed || !have_items || !have_cursor || !_cs_json_reader_at_end (&reader))
    goto malformed;

  parsed->next_cursor = cursor_null ? NULL : g_strdup (cursor->str);
  return parsed;

bad_item:
  g_set_error (error, CS_ERROR, CS_ERROR_PROTOCOL,
               /* Translators: “items.3.clock.accepted_on” */
               _("The server’s answer cannot be read: “items.%u.%s” is missing or malformed"),
               parsed->items->len, item.bad != NULL ? item.bad : "");
  _cs_parsed_page_free (parsed);
  return NULL;
malformed:
  g_set_error (error, CS_ERROR, CS_ERROR_PROTOCOL,
               _("The server’s answer cannot be read: %s"), _("it is not a page of cases"));
  _cs_parsed_page_free (parsed);
  return NULL;
}

/* Stores checked pages, in order, in one transaction: a sync hands over
 * what piled up while the last batch was being written, so that a slow
 * disk costs fewer commits instead of falling further behind (a commit
 * writes every index page the batch touched, and the cases' IDs touch
 * all of them). With @meta_key, the same transaction sets that meta
 * value (the sync's high-water mark, with its last page).
 *
 * The transaction is committed with `synchronous = NORMAL`: written to the
 * WAL but not flushed to the disk (a flush costs as much as storing the
 * page). A crash of the program loses nothing; a power cut may lose the
 * last transactions, but the WAL only ever comes back as a prefix of them
 * (its frames are checksummed in a chain), so the cases and the mark stay
 * consistent and the next sync fetches again what was lost. Everything
 * else (the outbox above all) keeps committing with FULL, which flushes
 * these pages too. */
gboolean
_cs_cache_insert_parsed_pages (CsCache             *self,
                               CsParsedPage * const *pages,
                               guint                n_pages,
                               const char           *meta_key,
                               const char           *meta_value,
                               GError             **error)
{
  const PageItem *prev = NULL;
  gboolean ok = FALSE;

  _cs_cache_lock (self);
  if (self->upsert_summary == NULL)
    {
      g_autofree char *sql = upsert_sql (FALSE);

      if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
                              &self->upsert_summary, NULL) != SQLITE_OK)
        {
          _cs_cache_set_error (self, error, _("preparing a query"));
          goto out;
        }
    }
  if (!_cs_cache_exec (self, "PRAGMA synchronous = NORMAL", error))
    goto out;
  if (!_cs_cache_exec (self, "BEGIN IMMEDIATE", error))
    goto out;

  for (guint p = 0; p < n_pages; p++)
    for (guint i = 0; i < pages[p]->items->len; i++)
      {
        const PageItem *item = &g_array_index (pages[p]->items, PageItem, i);

        sqlite3_reset (self->upsert_summary);
        bind_page_item (self->upsert_summary, item, prev);
        prev = item;
        if (sqlite3_step (self->upsert_summary) != SQLITE_DONE)
          {
            _cs_cache_set_error (self, error, _("saving cases"));
            sqlite3_reset (self->upsert_summary);
            sqlite3_clear_bindings (self->upsert_summary);
            _cs_cache_exec (self, "ROLLBACK", NULL);
            goto out;
          }
      }
  /* Let go of the pages' bytes. */
  sqlite3_reset (self->upsert_summary);
  sqlite3_clear_bindings (self->upsert_summary);

  if (meta_key != NULL)
    {
      g_autoptr(sqlite3_stmt) stmt = prepare (self,
                                              "INSERT INTO meta (key, value) VALUES (?, ?)"
                                              " ON CONFLICT (key) DO UPDATE"
                                              " SET value = excluded.value",
                                              error);

      if (stmt == NULL)
        {
          _cs_cache_exec (self, "ROLLBACK", NULL);
          goto out;
        }
      sqlite3_bind_text (stmt, 1, meta_key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, meta_value, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          _cs_cache_set_error (self, error, _("saving a setting"));
          _cs_cache_exec (self, "ROLLBACK", NULL);
          goto out;
        }
    }

  ok = _cs_cache_exec (self, "COMMIT", error);
  if (!ok)
    _cs_cache_exec (self, "ROLLBACK", NULL);
out:
  if (!_cs_cache_exec (self, "PRAGMA synchronous = FULL", ok ? error : NULL))
    ok = FALSE;
  _cs_cache_unlock (self);
  return ok;
}

/**
 * cs_cache_store_case_page:
 * @self: a #CsCache
 * @page: the body of a `GET /v1/cases` answer (a `CasePage`)
 * @out_count: (out) (optional): how many cases the page held
 * @out_newest: (out) (optional): the newest `updated_at` among them, in
 *   microseconds since the epoch (0 for an empty page)
 * @out_next_cursor: (out) (optional) (transfer full): the page's
 *   `next_cursor`, %NULL on the last page
 * @error: return location for a %CS_ERROR_PROTOCOL or %CS_ERROR_CACHE
 *
 * Checks every case of a page against the contract, as
 * cs_case_new_from_json() does, and stores them in one transaction — all,
 * or none when any is malformed. A stored case of a newer version is kept.
 *
 * Returns: %TRUE when stored
 */
gboolean
cs_cache_store_case_page (CsCache     *self,
                          GBytes      *page,
                          guint       *out_count,
                          gint64      *out_newest,
                          char       **out_next_cursor,
                          GError     **error)
{
  CsParsedPage *parsed;
  gboolean ok;

  g_return_val_if_fail (CS_IS_CACHE (self), FALSE);
  g_return_val_if_fail (page != NULL, FALSE);

  parsed = _cs_parsed_page_new (page, error);
  if (parsed == NULL)
    return FALSE;
  ok = _cs_cache_insert_parsed_pages (self, &parsed, 1, NULL, NULL, error);
  if (ok && out_count != NULL)
    *out_count = parsed->items->len;
  if (ok && out_newest != NULL)
    *out_newest = parsed->newest;
  if (ok && out_next_cursor != NULL)
    *out_next_cursor = g_strdup (parsed->next_cursor);
  _cs_parsed_page_free (parsed);
  return ok;
}

/* Materials */

static char *
material_path (CsCache    *self,
               const char *sha256,
               const char *suffix)
{
  char prefix[3] = { sha256[0], sha256[1], '\0' };
  g_autofree char *name = g_strconcat (sha256, suffix, NULL);

  return g_build_filename (self->materials_dir, prefix, name, NULL);
}

/**
 * cs_cache_set_material_limit:
 * @self: a #CsCache
 * @bytes: how many bytes of materials to keep at most
 *
 * Sets the size bound; the least recently used files go first when a new
 * one would exceed it.
 */
void
cs_cache_set_material_limit (CsCache *self,
                             gint64   bytes)
{
  g_return_if_fail (CS_IS_CACHE (self));
  self->material_limit = MAX (bytes, 0);
}

/**
 * cs_cache_lookup_material:
 * @self: a #CsCache
 * @sha256: the material's SHA-256
 *
 * Looks a material up and marks it as just used.
 *
 * Returns: (transfer full) (nullable): the complete file, or %NULL
 */
GFile *
cs_cache_lookup_material (CsCache    *self,
                          const char *sha256)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *path = NULL;
  gboolean known = FALSE;

  g_return_val_if_fail (CS_IS_CACHE (self), NULL);

  if (!_cs_is_sha256_hex (sha256))
    return NULL;

  path = material_path (self, sha256, "");
  _cs_cache_lock (self);
  stmt = prepare (self, "UPDATE materials SET last_used = ? WHERE sha256 = ?", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, g_get_real_time ());
      sqlite3_bind_text (stmt, 2, sha256, -1, SQLITE_STATIC);
      known = sqlite3_step (stmt) == SQLITE_DONE && sqlite3_changes (self->db) == 1;
    }
  _cs_cache_unlock (self);

  if (!known || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;
  return g_file_new_for_path (path);
}

/**
 * cs_cache_get_partial_file:
 * @self: a #CsCache
 * @sha256: the material's SHA-256
 *
 * Returns: (transfer full) (nullable): where a download of the material
 *   collects its bytes (it may hold the beginning of an earlier attempt),
 *   or %NULL for a malformed digest
 */
GFile *
cs_cache_get_partial_file (CsCache    *self,
                           const char *sha256)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (CS_IS_CACHE (self), NULL);

  if (!_cs_is_sha256_hex (sha256))
    return NULL;
  path = material_path (self, sha256, ".part");
  dir = g_path_get_dirname (path);
  g_mkdir_with_parents (dir, 0700);
  return g_file_new_for_path (path);
}

static gboolean
evict (CsCache     *self,
       const char  *keep,
       GError     **error)
{
  g_autoptr(sqlite3_stmt) total = NULL;
  g_autoptr(sqlite3_stmt) oldest = NULL;
  g_autoptr(sqlite3_stmt) forget = NULL;
  gint64 bytes = 0;

  total = prepare (self, "SELECT coalesce(sum(size), 0) FROM materials", error);
  if (total == NULL || sqlite3_step (total) != SQLITE_ROW)
    return FALSE;
  bytes = sqlite3_column_int64 (total, 0);
  if (bytes <= self->material_limit)
    return TRUE;

  oldest = prepare (self, "SELECT sha256, size FROM materials WHERE sha256 != ?"
                          " ORDER BY last_used", error);
  forget = prepare (self, "DELETE FROM materials WHERE sha256 = ?", error);
  if (oldest == NULL || forget == NULL)
    return FALSE;
  sqlite3_bind_text (oldest, 1, keep, -1, SQLITE_STATIC);

  while (bytes > self->material_limit && sqlite3_step (oldest) == SQLITE_ROW)
    {
      const char *sha256 = (const char *) sqlite3_column_text (oldest, 0);
      g_autofree char *path = material_path (self, sha256, "");

      g_unlink (path);
      sqlite3_reset (forget);
      sqlite3_bind_text (forget, 1, sha256, -1, SQLITE_TRANSIENT);
      sqlite3_step (forget);
      bytes -= sqlite3_column_int64 (oldest, 1);
      g_debug ("Evicted material %s from the cache", sha256);
    }
  return TRUE;
}

/**
 * cs_cache_commit_material:
 * @self: a #CsCache
 * @sha256: the material's SHA-256
 * @error: return location for an error
 *
 * Moves a complete, checked download from its partial file into the
 * cache, then evicts the least recently used materials beyond the bound.
 *
 * Returns: (transfer full) (nullable): the material's file
 */
GFile *
cs_cache_commit_material (CsCache     *self,
                          const char  *sha256,
                          GError     **error)
{
  g_autofree char *partial = NULL;
  g_autofree char *path = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GStatBuf st;
  gboolean ok = FALSE;

  g_return_val_if_fail (CS_IS_CACHE (self), NULL);
  g_return_val_if_fail (_cs_is_sha256_hex (sha256), NULL);

  partial = material_path (self, sha256, ".part");
  path = material_path (self, sha256, "");
  if (g_rename (partial, path) != 0 || g_stat (path, &st) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, CS_ERROR, CS_ERROR_CACHE,
                   _("The document cannot be saved: %s"), g_strerror (saved_errno));
      return NULL;
    }

  _cs_cache_lock (self);
  stmt = prepare (self, "INSERT INTO materials (sha256, size, last_used) VALUES (?, ?, ?)"
                        " ON CONFLICT (sha256) DO UPDATE SET size = excluded.size,"
                        " last_used = excluded.last_used", error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, st.st_size);
      sqlite3_bind_int64 (stmt, 3, g_get_real_time ());
      ok = sqlite3_step (stmt) == SQLITE_DONE;
      if (!ok)
        _cs_cache_set_error (self, error, _("saving a document"));
      else
        ok = evict (self, sha256, error);
    }
  _cs_cache_unlock (self);

  if (!ok)
    return NULL;
  return g_file_new_for_path (path);
}

/**
 * cs_cache_get_material_bytes:
 * @self: a #CsCache
 *
 * Returns: the bytes of materials the cache holds
 */
gint64
cs_cache_get_material_bytes (CsCache *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 bytes = 0;

  g_return_val_if_fail (CS_IS_CACHE (self), 0);

  _cs_cache_lock (self);
  stmt = prepare (self, "SELECT coalesce(sum(size), 0) FROM materials", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    bytes = sqlite3_column_int64 (stmt, 0);
  _cs_cache_unlock (self);
  return bytes;
}
