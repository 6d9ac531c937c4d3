/* csc-certificate.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CscCertificate"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

#include "csc-audit.h"
#include "csc-certificate.h"
#include "csc-util.h"

/* The chiefs' signing certificates. Each chief representative has one
 * registered certificate at a time, the one a signed decision must carry
 * (`users.certificate_pem`); a renewed certificate, or one on a new token,
 * replaces it. Registering checks that the certificate was issued by the
 * centre's CA and is meant for signing, not that it is in date: a
 * certificate that expires stays registered, and the decisions signed with
 * it after that are refused. Every registration is in the audit chain. */

G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_x509_crt_t, gnutls_x509_crt_deinit, NULL)

static void
clear_datum (gnutls_datum_t *datum)
{
  gnutls_free (datum->data);
  datum->data = NULL;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (gnutls_datum_t, clear_datum)

static gnutls_x509_crt_t
import_pem (const char *pem)
{
  gnutls_x509_crt_t crt = NULL;
  gnutls_datum_t datum = { (unsigned char *) pem, strlen (pem) };

  if (gnutls_x509_crt_init (&crt) < 0)
    return NULL;
  if (gnutls_x509_crt_import (crt, &datum, GNUTLS_X509_FMT_PEM) < 0)
    {
      gnutls_x509_crt_deinit (crt);
      return NULL;
    }
  return crt;
}

gboolean
csc_certificate_register (CscDatabase  *db,
                          const char   *username,
                          const char   *certificate_pem,
                          GError      **error)
{
  g_autoptr(CscStatement) user = NULL;
  g_autoptr(CscStatement) update = NULL;
  g_auto(gnutls_x509_crt_t) ca = NULL;
  g_auto(gnutls_x509_crt_t) crt = NULL;
  g_auto(gnutls_datum_t) der = { NULL, 0 };
  g_auto(gnutls_datum_t) pem = { NULL, 0 };
  g_autofree char *ca_pem = NULL;
  g_autofree char *now = csc_now_timestamp ();
  g_autofree char *sha256 = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *department = NULL;
  g_autofree char *stored = NULL;
  g_auto(GStrv) roles = NULL;
  unsigned int status = 0, usage = 0;
  CscAuditEntry entry = { 0 };

  g_return_val_if_fail (CSC_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (username != NULL && certificate_pem != NULL, FALSE);

  user = csc_database_prepare (db, "SELECT department, roles FROM users WHERE username = ?", error);
  if (user == NULL)
    return FALSE;
  sqlite3_bind_text (user, 1, username, -1, SQLITE_STATIC);
  if (sqlite3_step (user) != SQLITE_ROW)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "there is no user %s", username);
      return FALSE;
    }
  department = g_strdup (csc_column_text (user, 0));
  roles = g_strsplit (csc_column_text (user, 1), " ", -1);
  g_clear_pointer (&user, csc_statement_release);
  if (!g_strv_contains ((const char * const *) roles, "chief"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   "%s is not a chief representative: only chiefs sign decisions", username);
      return FALSE;
    }

  ca_pem = csc_database_dup_meta (db, "ca_pem");
  if (ca_pem == NULL || (ca = import_pem (ca_pem)) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "this centre has no certification authority configured");
      return FALSE;
    }
  crt = import_pem (certificate_pem);
  if (crt == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "not a PEM certificate");
      return FALSE;
    }
  if (gnutls_x509_crt_verify (crt, &ca, 1, GNUTLS_VERIFY_DISABLE_TIME_CHECKS, &status) < 0 ||
      status != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "the certificate was not issued by this centre's certification authority");
      return FALSE;
    }
  if (gnutls_x509_crt_get_key_usage (crt, &usage, NULL) >= 0 &&
      (usage & (GNUTLS_KEY_DIGITAL_SIGNATURE | GNUTLS_KEY_NON_REPUDIATION)) == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "the certificate is not meant for signing");
      return FALSE;
    }
  if (gnutls_x509_crt_export2 (crt, GNUTLS_X509_FMT_DER, &der) < 0 ||
      gnutls_x509_crt_export2 (crt, GNUTLS_X509_FMT_PEM, &pem) < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the certificate cannot be written");
      return FALSE;
    }
  sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, der.data, der.size);
  stored = g_strndup ((const char *) pem.data, pem.size);

  if (!csc_database_begin (db, error))
    return FALSE;
  update = csc_database_prepare (db, "UPDATE users SET certificate_pem = ? WHERE username = ?",
                                 error);
  if (update == NULL)
    goto failed;
  sqlite3_bind_text (update, 1, stored, -1, SQLITE_STATIC);
  sqlite3_bind_text (update, 2, username, -1, SQLITE_STATIC);
  if (!csc_database_step_done (db, update, error))
    goto failed;

  {
    g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
    g_autoptr(JsonNode) root = NULL;
    g_autoptr(GDateTime) until = g_date_time_new_from_unix_utc (
      gnutls_x509_crt_get_expiration_time (crt));
    g_autofree char *not_after = csc_format_timestamp (until);

    json_builder_begin_object (builder);
    csc_builder_add_string (builder, "username", username);
    csc_builder_add_string (builder, "certificate_sha256", sha256);
    csc_builder_add_string (builder, "not_after", not_after);
    json_builder_end_object (builder);
    root = json_builder_get_root (builder);
    detail = csc_json_to_string (root);
  }
  entry.at = now;
  entry.actor = "system";
  entry.department = department;
  entry.action = "certificate.registered";
  entry.detail = detail;
  if (!csc_audit_append (db, &entry, error) || !csc_database_commit (db, error))
    goto failed;
  return TRUE;

failed:
  csc_database_rollback (db);
  return FALSE;
}
