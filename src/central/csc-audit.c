/* csc-audit.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CscAudit"

#include "config.h"

#include <string.h>

#include "csc-audit.h"

/* The audit trail is one append-only chain over every case: each entry
 * carries the SHA-256 of the entry before it, and its own hash covers all of
 * its fields and that link. Changing, inserting or removing an entry
 * anywhere but at the very end breaks the chain at that point, which
 * `countersign-central verify-audit` reports.
 *
 * Fields are hashed length-prefixed, so that no two different entries can
 * produce the same input by moving text from one field to the next. */

#define GENESIS_HASH "0000000000000000000000000000000000000000000000000000000000000000"

G_DEFINE_QUARK (csc-audit-error-quark, csc_audit_error)

static void
hash_field (GChecksum  *checksum,
            const char *value)
{
  char prefix[24];
  gsize len = value != NULL ? strlen (value) : 0;

  g_snprintf (prefix, sizeof prefix, "%" G_GSIZE_FORMAT ":", len);
  g_checksum_update (checksum, (const guchar *)prefix, -1);
  if (len > 0)
    g_checksum_update (checksum, (const guchar *)value, len);
  g_checksum_update (checksum, (const guchar *)"\n", 1);
}

static char *
compute_hash (gint64      seq,
              const char *at,
              const char *case_id,
              const char *actor,
              const char *department,
              const char *action,
              const char *reason,
              const char *detail,
              const char *prev_hash)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  char seq_text[24];

  g_snprintf (seq_text, sizeof seq_text, "%" G_GINT64_FORMAT, seq);

  hash_field (checksum, "countersign-audit-v1");
  hash_field (checksum, seq_text);
  hash_field (checksum, at);
  hash_field (checksum, case_id);
  hash_field (checksum, actor);
  hash_field (checksum, department);
  hash_field (checksum, action);
  hash_field (checksum, reason);
  hash_field (checksum, detail);
  hash_field (checksum, prev_hash);

  return g_strdup (g_checksum_get_string (checksum));
}

gboolean
csc_audit_append (CscDatabase          *db,
                  const CscAuditEntry  *entry,
                  GError              **error)
{
  g_autoptr(CscStatement) last = NULL;
  g_autoptr(CscStatement) insert = NULL;
  g_autofree char *prev_hash = NULL;
  g_autofree char *hash = NULL;
  const char *reason = entry->reason != NULL ? entry->reason : "";
  const char *detail = entry->detail != NULL ? entry->detail : "{}";
  gint64 seq = 1;

  last = csc_database_prepare (db, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1", error);
  if (last == NULL)
    return FALSE;

  if (sqlite3_step (last) == SQLITE_ROW)
    {
      seq = sqlite3_column_int64 (last, 0) + 1;
      prev_hash = g_strdup ((const char *)sqlite3_column_text (last, 1));
    }
  else
    {
      prev_hash = g_strdup (GENESIS_HASH);
    }

  hash = compute_hash (seq, entry->at, entry->case_id, entry->actor, entry->department,
                       entry->action, reason, detail, prev_hash);

  insert = csc_database_prepare (db,
                                 "INSERT INTO audit (seq, at, case_id, actor, department, action,"
                                 " reason, detail, prev_hash, hash)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                 error);
  if (insert == NULL)
    return FALSE;

  sqlite3_bind_int64 (insert, 1, seq);
  sqlite3_bind_text (insert, 2, entry->at, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 3, entry->case_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 4, entry->actor, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 5, entry->department, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 6, entry->action, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 7, reason, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 8, detail, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 9, prev_hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 10, hash, -1, SQLITE_STATIC);

  return csc_database_step_done (db, insert, error);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *)sqlite3_column_text (stmt, column);
}

gboolean
csc_audit_verify (CscDatabase  *db,
                  gint64       *n_checked,
                  GError      **error)
{
  g_autoptr(CscStatement) stmt = NULL;
  g_autofree char *expected_prev = g_strdup (GENESIS_HASH);
  gint64 expected_seq = 1;
  gint64 count = 0;
  int rc;

  if (n_checked != NULL)
    *n_checked = 0;

  stmt = csc_database_prepare (db,
                               "SELECT seq, at, case_id, actor, department, action, reason,"
                               " detail, prev_hash, hash FROM audit ORDER BY seq",
                               error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *hash = NULL;
      gint64 seq = sqlite3_column_int64 (stmt, 0);
      const char *prev_hash = column_text (stmt, 8);
      const char *stored_hash = column_text (stmt, 9);

      if (seq != expected_seq)
        {
          g_set_error (error, CSC_AUDIT_ERROR, CSC_AUDIT_ERROR_BROKEN,
                       "audit entry %" G_GINT64_FORMAT " is missing (the next entry is %"
                       G_GINT64_FORMAT ")", expected_seq, seq);
          return FALSE;
        }

      if (g_strcmp0 (prev_hash, expected_prev) != 0)
        {
          g_set_error (error, CSC_AUDIT_ERROR, CSC_AUDIT_ERROR_BROKEN,
                       "audit entry %" G_GINT64_FORMAT " does not link to the entry before it",
                       seq);
          return FALSE;
        }

      hash = compute_hash (seq, column_text (stmt, 1), column_text (stmt, 2),
                           column_text (stmt, 3), column_text (stmt, 4),
                           column_text (stmt, 5), column_text (stmt, 6),
                           column_text (stmt, 7), prev_hash);

      if (g_strcmp0 (hash, stored_hash) != 0)
        {
          g_set_error (error, CSC_AUDIT_ERROR, CSC_AUDIT_ERROR_BROKEN,
                       "audit entry %" G_GINT64_FORMAT " (%s) has been altered: "
                       "its content no longer matches its hash",
                       seq, column_text (stmt, 5));
          return FALSE;
        }

      g_free (expected_prev);
      expected_prev = g_strdup (stored_hash);
      expected_seq++;
      count++;
    }

  if (rc != SQLITE_DONE)
    {
      csc_database_set_error (db, error, "reading the audit trail");
      return FALSE;
    }

  if (n_checked != NULL)
    *n_checked = count;

  return TRUE;
}
