/* csc-database.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CscDatabase"

#include "config.h"

#include <gio/gio.h>

#include "csc-database.h"

/**
 * CscDatabase:
 *
 * The central platform's store: one SQLite database in WAL mode, plus a
 * folder of material files named by their SHA-256 beside it.
 *
 * Statements are prepared once and cached by their SQL text; callers take
 * them with csc_database_prepare() into a g_autoptr(CscStatement), which
 * resets them when it goes out of scope.
 */

struct _CscDatabase
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *handle;
  GHashTable *statements;
};

G_DEFINE_FINAL_TYPE (CscDatabase, csc_database, G_TYPE_OBJECT)

G_DEFINE_QUARK (csc-database-error-quark, csc_database_error)

/* Each entry moves the schema one version on; entries are never edited once
 * released, only appended. */
static const char *migrations[] = {
  /* 1 */
  "CREATE TABLE departments ("
  "  code TEXT PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  short_name TEXT NOT NULL,"
  "  position INTEGER NOT NULL);"
  "CREATE TABLE users ("
  "  id INTEGER PRIMARY KEY,"
  "  username TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL,"
  "  department TEXT NOT NULL REFERENCES departments(code),"
  "  roles TEXT NOT NULL,"
  "  password_salt BLOB NOT NULL,"
  "  password_hash BLOB NOT NULL,"
  "  password_iterations INTEGER NOT NULL,"
  "  certificate_pem TEXT);"
  "CREATE TABLE tokens ("
  "  token_hash TEXT PRIMARY KEY,"
  "  user_id INTEGER NOT NULL REFERENCES users(id),"
  "  created_at INTEGER NOT NULL,"
  "  expires_at INTEGER NOT NULL);"
  "CREATE TABLE matters ("
  "  code TEXT PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  department TEXT NOT NULL REFERENCES departments(code),"
  "  statutory_limit INTEGER NOT NULL,"
  "  promised_limit INTEGER NOT NULL,"
  "  instant INTEGER NOT NULL,"
  "  outcomes TEXT NOT NULL,"
  "  legal_basis TEXT NOT NULL,"
  "  co_matters TEXT NOT NULL DEFAULT '[]',"
  "  position INTEGER NOT NULL);"
  "CREATE TABLE checklist_items ("
  "  matter_code TEXT NOT NULL REFERENCES matters(code),"
  "  position INTEGER NOT NULL,"
  "  code TEXT NOT NULL,"
  "  name TEXT NOT NULL,"
  "  copies INTEGER NOT NULL,"
  "  form TEXT NOT NULL,"
  "  requirement TEXT NOT NULL,"
  "  condition TEXT,"
  "  PRIMARY KEY (matter_code, code));"
  "CREATE TABLE calendar_days ("
  "  date TEXT PRIMARY KEY,"
  "  workday INTEGER NOT NULL,"
  "  name TEXT NOT NULL);"
  "CREATE TABLE cases ("
  "  id TEXT PRIMARY KEY,"
  "  number TEXT NOT NULL UNIQUE,"
  "  matter_code TEXT NOT NULL REFERENCES matters(code),"
  "  lead_department TEXT NOT NULL REFERENCES departments(code),"
  "  applicant TEXT NOT NULL,"
  "  form TEXT NOT NULL,"
  "  site TEXT NOT NULL,"
  "  route TEXT NOT NULL,"
  "  priority TEXT NOT NULL,"
  "  green_channel INTEGER NOT NULL,"
  "  received_at TEXT NOT NULL,"
  "  accepted_on TEXT NOT NULL,"
  "  version INTEGER NOT NULL,"
  "  updated_seq INTEGER NOT NULL,"
  "  updated_at TEXT NOT NULL);"
  "CREATE TABLE case_parts ("
  "  case_id TEXT NOT NULL REFERENCES cases(id),"
  "  department TEXT NOT NULL REFERENCES departments(code),"
  "  matter_code TEXT NOT NULL REFERENCES matters(code),"
  "  role TEXT NOT NULL,"
  "  state TEXT NOT NULL,"
  "  assignee_id INTEGER REFERENCES users(id),"
  "  extension_days INTEGER NOT NULL DEFAULT 0,"
  "  suspensions TEXT NOT NULL DEFAULT '[]',"
  "  supplement_requested_on TEXT,"
  "  outcome TEXT,"
  "  decided_on TEXT,"
  "  updated_seq INTEGER NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  summary TEXT NOT NULL DEFAULT '{}',"
  "  PRIMARY KEY (case_id, department));"
  "CREATE INDEX case_parts_by_department ON case_parts(department, updated_seq);"
  "CREATE INDEX case_parts_by_state ON case_parts(department, state, updated_seq);"
  "CREATE TABLE materials ("
  "  id TEXT NOT NULL,"
  "  case_id TEXT NOT NULL REFERENCES cases(id),"
  "  position INTEGER NOT NULL,"
  "  matter_code TEXT NOT NULL REFERENCES matters(code),"
  "  checklist_item TEXT,"
  "  name TEXT NOT NULL,"
  "  media_type TEXT NOT NULL,"
  "  size INTEGER NOT NULL,"
  "  sha256 TEXT NOT NULL,"
  "  pages INTEGER,"
  "  received_at TEXT NOT NULL,"
  "  PRIMARY KEY (case_id, id));"
  "CREATE TABLE reviews ("
  "  id INTEGER PRIMARY KEY,"
  "  case_id TEXT NOT NULL REFERENCES cases(id),"
  "  department TEXT NOT NULL REFERENCES departments(code),"
  "  author_id INTEGER NOT NULL REFERENCES users(id),"
  "  opinion TEXT NOT NULL,"
  "  proposed_outcome TEXT NOT NULL,"
  "  final INTEGER NOT NULL,"
  "  checklist TEXT NOT NULL,"
  "  created_at TEXT NOT NULL);"
  "CREATE INDEX reviews_by_case ON reviews(case_id, id);"
  "CREATE TABLE events ("
  "  seq INTEGER PRIMARY KEY,"
  "  type TEXT NOT NULL,"
  "  case_id TEXT,"
  "  at TEXT NOT NULL);"
  "CREATE TABLE event_departments ("
  "  department TEXT NOT NULL,"
  "  seq INTEGER NOT NULL REFERENCES events(seq),"
  "  PRIMARY KEY (department, seq)) WITHOUT ROWID;"
  "CREATE TABLE audit ("
  "  seq INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL,"
  "  case_id TEXT,"
  "  actor TEXT NOT NULL,"
  "  department TEXT,"
  "  action TEXT NOT NULL,"
  "  reason TEXT NOT NULL,"
  "  detail TEXT NOT NULL,"
  "  prev_hash TEXT NOT NULL,"
  "  hash TEXT NOT NULL);"
  "CREATE INDEX audit_by_case ON audit(case_id, seq);"
  "CREATE TABLE idempotency ("
  "  user_id INTEGER NOT NULL,"
  "  key TEXT NOT NULL,"
  "  fingerprint TEXT NOT NULL,"
  "  status INTEGER NOT NULL,"
  "  body TEXT NOT NULL,"
  "  created_at INTEGER NOT NULL,"
  "  PRIMARY KEY (user_id, key));",

  /* 2: signed decisions, kept with the exact bytes that were verified */
  "CREATE TABLE decisions ("
  "  id TEXT PRIMARY KEY,"
  "  case_id TEXT NOT NULL REFERENCES cases(id),"
  "  department TEXT NOT NULL REFERENCES departments(code),"
  "  outcome TEXT NOT NULL,"
  "  decided_on TEXT NOT NULL,"
  "  document_sha256 TEXT NOT NULL,"
  "  signer_id INTEGER NOT NULL REFERENCES users(id),"
  "  signed_bytes BLOB NOT NULL,"
  "  signature BLOB NOT NULL,"
  "  document BLOB NOT NULL,"
  "  recorded_at TEXT NOT NULL);"
  "CREATE INDEX decisions_by_case ON decisions(case_id, department);",

  /* 3: an approver's absence covered by a named substitute */
  "CREATE TABLE substitutions ("
  "  id INTEGER PRIMARY KEY,"
  "  department TEXT NOT NULL REFERENCES departments(code),"
  "  absent_id INTEGER NOT NULL REFERENCES users(id),"
  "  substitute_id INTEGER NOT NULL REFERENCES users(id),"
  "  from_date TEXT NOT NULL,"
  "  to_date TEXT NOT NULL,"
  "  reason TEXT NOT NULL,"
  "  created_by INTEGER NOT NULL REFERENCES users(id),"
  "  created_at TEXT NOT NULL);"
  "CREATE INDEX substitutions_by_substitute ON substitutions(department, substitute_id, from_date);",
};

static void
csc_database_finalize (GObject *object)
{
  CscDatabase *self = (CscDatabase *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->handle, sqlite3_close_v2);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (csc_database_parent_class)->finalize (object);
}

static void
csc_database_class_init (CscDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = csc_database_finalize;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
csc_database_init (CscDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
}

void
csc_database_set_error (CscDatabase  *self,
                        GError      **error,
                        const char   *what)
{
  int code = sqlite3_extended_errcode (self->handle);

  g_set_error (error, CSC_DATABASE_ERROR,
               (code & 0xff) == SQLITE_BUSY ? CSC_DATABASE_ERROR_BUSY : CSC_DATABASE_ERROR_FAILED,
               "%s: %s", what, sqlite3_errmsg (self->handle));
}

gboolean
csc_database_exec (CscDatabase  *self,
                   const char   *sql,
                   GError      **error)
{
  char *message = NULL;

  g_return_val_if_fail (CSC_IS_DATABASE (self), FALSE);

  if (sqlite3_exec (self->handle, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, CSC_DATABASE_ERROR, CSC_DATABASE_ERROR_FAILED,
                   "%s", message != NULL ? message : sqlite3_errmsg (self->handle));
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

sqlite3_stmt *
csc_database_prepare (CscDatabase  *self,
                      const char   *sql,
                      GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CSC_IS_DATABASE (self), NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    return stmt;

  if (sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      csc_database_set_error (self, error, "preparing a statement");
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

void
csc_statement_release (CscStatement *stmt)
{
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
}

gboolean
csc_database_step_done (CscDatabase   *self,
                        sqlite3_stmt  *stmt,
                        GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      csc_database_set_error (self, error, "writing to the database");
      return FALSE;
    }

  return TRUE;
}

gboolean
csc_database_begin (CscDatabase  *self,
                    GError      **error)
{
  return csc_database_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
csc_database_commit (CscDatabase  *self,
                     GError      **error)
{
  return csc_database_exec (self, "COMMIT", error);
}

void
csc_database_rollback (CscDatabase *self)
{
  g_return_if_fail (CSC_IS_DATABASE (self));

  if (!sqlite3_get_autocommit (self->handle))
    sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
}

char *
csc_database_dup_meta (CscDatabase *self,
                       const char  *key)
{
  g_autoptr(CscStatement) stmt = NULL;

  stmt = csc_database_prepare (self, "SELECT value FROM meta WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  return g_strdup ((const char *)sqlite3_column_text (stmt, 0));
}

gboolean
csc_database_set_meta (CscDatabase  *self,
                       const char   *key,
                       const char   *value,
                       GError      **error)
{
  g_autoptr(CscStatement) stmt = NULL;

  stmt = csc_database_prepare (self,
                               "INSERT INTO meta (key, value) VALUES (?, ?) "
                               "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  return csc_database_step_done (self, stmt, error);
}

static gboolean
migrate (CscDatabase  *self,
         GError      **error)
{
  g_autofree char *current = NULL;
  gint64 version;

  if (!csc_database_exec (self,
                          "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
                          error))
    return FALSE;

  current = csc_database_dup_meta (self, "schema_version");
  version = current != NULL ? g_ascii_strtoll (current, NULL, 10) : 0;

  if (version > (gint64)G_N_ELEMENTS (migrations))
    {
      g_set_error (error, CSC_DATABASE_ERROR, CSC_DATABASE_ERROR_SCHEMA,
                   "the database has schema version %" G_GINT64_FORMAT
                   ", newer than this server's %u",
                   version, (guint)G_N_ELEMENTS (migrations));
      return FALSE;
    }

  for (gint64 v = version; v < (gint64)G_N_ELEMENTS (migrations); v++)
    {
      g_autofree char *next = g_strdup_printf ("%" G_GINT64_FORMAT, v + 1);

      if (!csc_database_begin (self, error))
        return FALSE;

      if (!csc_database_exec (self, migrations[v], error) ||
          !csc_database_set_meta (self, "schema_version", next, error) ||
          !csc_database_commit (self, error))
        {
          csc_database_rollback (self);
          g_prefix_error (error, "migrating the database to version %s: ", next);
          return FALSE;
        }
    }

  return TRUE;
}

CscDatabase *
csc_database_open (const char  *path,
                   GError     **error)
{
  g_autoptr(CscDatabase) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (CSC_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  if (sqlite3_open_v2 (path, &self->handle,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                       NULL) != SQLITE_OK)
    {
      g_set_error (error, CSC_DATABASE_ERROR, CSC_DATABASE_ERROR_FAILED,
                   "cannot open the database %s: %s", path,
                   self->handle != NULL ? sqlite3_errmsg (self->handle) : "out of memory");
      return NULL;
    }

  sqlite3_busy_timeout (self->handle, 5000);
  sqlite3_extended_result_codes (self->handle, 1);

  if (!csc_database_exec (self,
                          "PRAGMA journal_mode = WAL;"
                          "PRAGMA synchronous = NORMAL;"
                          "PRAGMA foreign_keys = ON;",
                          error))
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }

  if (!migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
csc_database_get_path (CscDatabase *self)
{
  g_return_val_if_fail (CSC_IS_DATABASE (self), NULL);

  return self->path;
}

char *
csc_database_dup_blob_dir (CscDatabase *self)
{
  g_return_val_if_fail (CSC_IS_DATABASE (self), NULL);

  return g_strconcat (self->path, ".blobs", NULL);
}

sqlite3 *
csc_database_get_handle (CscDatabase *self)
{
  g_return_val_if_fail (CSC_IS_DATABASE (self), NULL);

  return self->handle;
}
