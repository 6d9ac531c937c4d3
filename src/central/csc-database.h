/* csc-database.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define CSC_DATABASE_ERROR (csc_database_error_quark ())

typedef enum
{
  CSC_DATABASE_ERROR_FAILED,
  CSC_DATABASE_ERROR_BUSY,
  CSC_DATABASE_ERROR_SCHEMA,
} CscDatabaseError;

#define CSC_TYPE_DATABASE (csc_database_get_type ())

G_DECLARE_FINAL_TYPE (CscDatabase, csc_database, CSC, DATABASE, GObject)

GQuark        csc_database_error_quark   (void);
CscDatabase  *csc_database_open          (const char   *path,
                                          GError      **error);
const char   *csc_database_get_path      (CscDatabase  *self);
char         *csc_database_dup_blob_dir  (CscDatabase  *self);
sqlite3      *csc_database_get_handle    (CscDatabase  *self);
sqlite3_stmt *csc_database_prepare       (CscDatabase  *self,
                                          const char   *sql,
                                          GError      **error);
gboolean      csc_database_exec          (CscDatabase  *self,
                                          const char   *sql,
                                          GError      **error);
gboolean      csc_database_begin         (CscDatabase  *self,
                                          GError      **error);
gboolean      csc_database_commit        (CscDatabase  *self,
                                          GError      **error);
void          csc_database_rollback      (CscDatabase  *self);
gboolean      csc_database_step_done     (CscDatabase  *self,
                                          sqlite3_stmt *stmt,
                                          GError      **error);
char         *csc_database_dup_meta      (CscDatabase  *self,
                                          const char   *key);
gboolean      csc_database_set_meta      (CscDatabase  *self,
                                          const char   *key,
                                          const char   *value,
                                          GError      **error);
void          csc_database_set_error     (CscDatabase  *self,
                                          GError      **error,
                                          const char   *what);

/* A prepared statement from the cache: reset and cleared when it goes out
 * of scope, never finalized by the caller. */
typedef sqlite3_stmt CscStatement;
void          csc_statement_release      (CscStatement *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CscStatement, csc_statement_release)

G_END_DECLS
