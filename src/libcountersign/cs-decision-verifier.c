/* cs-decision-verifier.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsDecisionVerifier"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <gnutls/gnutls.h>
#include <gnutls/pkcs7.h>
#include <gnutls/x509.h>

#include "cs-decision-verifier.h"
#include "cs-error.h"

/**
 * CsDecisionVerifier:
 *
 * Checks a signed decision as the central platform does, so that anyone
 * holding the three parts (the signed bytes, the detached CMS signature and
 * the decision document) and the CA certificate reaches the same answer:
 *
 * 1. the signature is one CMS SignedData with one signer, SHA-256 and a
 *    signing time, and includes the signer's certificate;
 * 2. that certificate was issued by the configured CA, is meant for
 *    signing, and is valid at the moment checked;
 * 3. the signature matches the signed bytes exactly;
 * 4. the signed bytes are a UTF-8 JSON object whose `document_sha256` is
 *    the SHA-256 of the document.
 *
 * Only then are the bytes read as a decision. Who the signer must be (the
 * chief representative registered for the department) and which case
 * version is decided are the caller's to check.
 */
struct _CsDecisionVerifier
{
  GObject parent_instance;

  gnutls_x509_crt_t ca;
  char *ca_name;
  GMutex lock;
};

G_DEFINE_FINAL_TYPE (CsDecisionVerifier, cs_decision_verifier, G_TYPE_OBJECT)

static void
clear_datum (gnutls_datum_t *datum)
{
  gnutls_free (datum->data);
  datum->data = NULL;
  datum->size = 0;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (gnutls_datum_t, clear_datum)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_pkcs7_t, gnutls_pkcs7_deinit, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_x509_crt_t, gnutls_x509_crt_deinit, NULL)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (gnutls_pkcs7_signature_info_st,
                                  gnutls_pkcs7_signature_info_deinit)

static void
cs_decision_verifier_finalize (GObject *object)
{
  CsDecisionVerifier *self = (CsDecisionVerifier *) object;

  g_clear_pointer (&self->ca, gnutls_x509_crt_deinit);
  g_free (self->ca_name);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (cs_decision_verifier_parent_class)->finalize (object);
}

static void
cs_decision_verifier_class_init (CsDecisionVerifierClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cs_decision_verifier_finalize;
}

static void
cs_decision_verifier_init (CsDecisionVerifier *self)
{
  g_mutex_init (&self->lock);
}

static char *
common_name (gnutls_x509_crt_t crt)
{
  char name[256];
  size_t size = sizeof name;

  if (gnutls_x509_crt_get_dn_by_oid (crt, GNUTLS_OID_X520_COMMON_NAME, 0, 0, name, &size) < 0)
    return g_strdup ("?");
  return g_strndup (name, size);
}

/**
 * cs_decision_verifier_new:
 * @ca_pem: the certificate of the CA that issues the chiefs' certificates
 * @error: return location for a %CS_ERROR_CERTIFICATE
 *
 * Returns: (transfer full) (nullable): a verifier trusting @ca_pem
 */
CsDecisionVerifier *
cs_decision_verifier_new (const char  *ca_pem,
                          GError     **error)
{
  g_autoptr(CsDecisionVerifier) self = g_object_new (CS_TYPE_DECISION_VERIFIER, NULL);
  gnutls_datum_t datum;

  g_return_val_if_fail (ca_pem != NULL, NULL);

  datum.data = (unsigned char *) ca_pem;
  datum.size = strlen (ca_pem);
  if (gnutls_x509_crt_init (&self->ca) < 0 ||
      gnutls_x509_crt_import (self->ca, &datum, GNUTLS_X509_FMT_PEM) < 0)
    {
      g_set_error (error, CS_ERROR, CS_ERROR_CERTIFICATE,
                   _("The certificate of the certification authority cannot be read"));
      return NULL;
    }
  self->ca_name = common_name (self->ca);
  return g_steal_pointer (&self);
}

/* The included certificate the signer info names, by issuer and serial. */
static gnutls_x509_crt_t
find_signer (gnutls_pkcs7_t                         pkcs7,
             const gnutls_pkcs7_signature_info_st  *info)
{
  int count = gnutls_pkcs7_get_crt_count (pkcs7);

  for (int i = 0; i < count; i++)
    {
      g_auto(gnutls_datum_t) der = { NULL, 0 };
      g_auto(gnutls_x509_crt_t) crt = NULL;
      gnutls_datum_t issuer = { NULL, 0 };
      guint8 serial[64];
      size_t serial_size = sizeof serial;

      if (gnutls_pkcs7_get_crt_raw2 (pkcs7, i, &der) < 0 ||
          gnutls_x509_crt_init (&crt) < 0 ||
          gnutls_x509_crt_import (crt, &der, GNUTLS_X509_FMT_DER) < 0 ||
          gnutls_x509_crt_get_raw_issuer_dn (crt, &issuer) < 0)
        continue;

      if (gnutls_x509_crt_get_serial (crt, serial, &serial_size) >= 0 &&
          serial_size == info->signer_serial.size &&
          memcmp (serial, info->signer_serial.data, serial_size) == 0 &&
          issuer.size == info->issuer_dn.size &&
          memcmp (issuer.data, info->issuer_dn.data, issuer.size) == 0)
        {
          gnutls_free (issuer.data);
          return g_steal_pointer (&crt);
        }
      gnutls_free (issuer.data);
    }

  return NULL;
}

static char *
format_time (time_t when)
{
  g_autoptr(GDateTime) moment = g_date_time_new_from_unix_utc (when);

  return g_date_time_format (moment, "%F %T UTC");
}

static gboolean
check_certificate (CsDecisionVerifier  *self,
                   gnutls_x509_crt_t    crt,
                   const char          *name,
                   GDateTime           *when,
                   GError             **error)
{
  unsigned int status = 0;
  unsigned int usage = 0;
  time_t activation, expiration;
  gint64 moment = g_date_time_to_unix (when);

  if (gnutls_x509_crt_verify (crt, &self->ca, 1, GNUTLS_VERIFY_DISABLE_TIME_CHECKS,
                              &status) < 0 || status != 0)
    {
      g_set_error (error, CS_ERROR, CS_ERROR_CERTIFICATE,
                   _("The certificate of %s was not issued by %s"), name, self->ca_name);
      return FALSE;
    }

  if (gnutls_x509_crt_get_key_usage (crt, &usage, NULL) >= 0 &&
      (usage & (GNUTLS_KEY_DIGITAL_SIGNATURE | GNUTLS_KEY_NON_REPUDIATION)) == 0)
    {
      g_set_error (error, CS_ERROR, CS_ERROR_CERTIFICATE,
                   _("The certificate of %s is not meant for signing"), name);
      return FALSE;
    }

  activation = gnutls_x509_crt_get_activation_time (crt);
  expiration = gnutls_x509_crt_get_expiration_time (crt);
  if (activation == (time_t) -1 || moment < (gint64) activation)
    {
      g_autofree char *from = format_time (activation);

      g_set_error (error, CS_ERROR, CS_ERROR_CERTIFICATE,
                   _("The certificate of %s is not valid before %s"), name, from);
      return FALSE;
    }
  if (expiration == (time_t) -1 || moment > (gint64) expiration)
    {
      g_autofree char *until = format_time (expiration);

      g_set_error (error, CS_ERROR, CS_ERROR_CERTIFICATE,
                   _("The certificate of %s expired on %s"), name, until);
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_lower_hex (const char *text,
              gsize       length)
{
  if (strlen (text) != length)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isxdigit (text[i]) || g_ascii_isupper (text[i]))
      return FALSE;
  return TRUE;
}

static JsonObject *
read_payload (GBytes   *signed_bytes,
              GBytes   *document,
              GError  **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autofree char *digest = NULL;
  JsonNode *root;
  JsonObject *object;
  const char *claimed;
  gsize length;
  const char *data = g_bytes_get_data (signed_bytes, &length);

  if (length == 0 || !g_utf8_validate (data, length, NULL) ||
      !json_parser_load_from_data (parser, data, length, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, CS_ERROR, CS_ERROR_SIGNATURE,
                   _("The signed bytes are not a decision (a UTF-8 JSON object)"));
      return NULL;
    }

  object = json_node_get_object (root);
  claimed = json_object_get_string_member_with_default (object, "document_sha256", NULL);
  if (claimed == NULL || !is_lower_hex (claimed, 64))
    {
      g_set_error (error, CS_ERROR, CS_ERROR_SIGNATURE,
                   _("The signed decision carries no SHA-256 of its document"));
      return NULL;
    }

  digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, document);
  if (!g_str_equal (digest, claimed))
    {
      g_set_error (error, CS_ERROR, CS_ERROR_DOCUMENT,
                   _("The decision document is not the one that was signed (its SHA-256 is "
                     "%s, the signed decision names %s)"), digest, claimed);
      return NULL;
    }

  return json_object_ref (object);
}

/**
 * cs_decision_verifier_verify:
 * @self: a #CsDecisionVerifier
 * @signed_bytes: the exact bytes that were signed
 * @signature: the detached CMS signature, DER
 * @document: the decision document (PDF)
 * @when: (nullable): when the certificate must be valid; %NULL for the
 *   signing time the signature carries (to check a stored decision)
 * @out_signer_der: (out) (optional) (transfer full): the signer's
 *   certificate, DER, to compare with the one registered
 * @out_signer_name: (out) (optional) (transfer full): the signer's name
 *   from the certificate
 * @error: return location for a %CS_ERROR_SIGNATURE,
 *   %CS_ERROR_CERTIFICATE or %CS_ERROR_DOCUMENT
 *
 * Checks the signature, the certificate and the document, in the order
 * described for #CsDecisionVerifier. Several threads may verify at once.
 *
 * Returns: (transfer full) (nullable): the signed decision, read from the
 *   verified bytes
 */
JsonObject *
cs_decision_verifier_verify (CsDecisionVerifier  *self,
                             GBytes              *signed_bytes,
                             GBytes              *signature,
                             GBytes              *document,
                             GDateTime           *when,
                             GBytes             **out_signer_der,
                             char               **out_signer_name,
                             GError             **error)
{
  g_auto(gnutls_pkcs7_t) pkcs7 = NULL;
  g_auto(gnutls_pkcs7_signature_info_st) info = { 0 };
  g_auto(gnutls_x509_crt_t) signer = NULL;
  g_auto(gnutls_datum_t) signer_der = { NULL, 0 };
  g_autoptr(GDateTime) moment = NULL;
  g_autofree char *name = NULL;
  JsonObject *payload;
  gnutls_datum_t datum;
  gsize length;
  int rc;

  g_return_val_if_fail (CS_IS_DECISION_VERIFIER (self), NULL);
  g_return_val_if_fail (signed_bytes != NULL && signature != NULL && document != NULL, NULL);

  datum.data = (unsigned char *) g_bytes_get_data (signature, &length);
  datum.size = length;
  if (length == 0 || gnutls_pkcs7_init (&pkcs7) < 0 ||
      gnutls_pkcs7_import (pkcs7, &datum, GNUTLS_X509_FMT_DER) < 0)
    {
      g_set_error (error, CS_ERROR, CS_ERROR_SIGNATURE,
                   _("The signature is not a CMS (PKCS#7) signature in DER"));
      return NULL;
    }

  if (gnutls_pkcs7_get_signature_count (pkcs7) != 1 ||
      gnutls_pkcs7_get_signature_info (pkcs7, 0, &info) < 0)
    {
      g_set_error (error, CS_ERROR, CS_ERROR_SIGNATURE,
                   _("The signature must have exactly one signer"));
      return NULL;
    }

  if (gnutls_sign_get_hash_algorithm (info.algo) != GNUTLS_DIG_SHA256)
    {
      g_set_error (error, CS_ERROR, CS_ERROR_SIGNATURE,
                   _("The signature does not use SHA-256"));
      return NULL;
    }

  if (info.signing_time == (time_t) -1)
    {
      g_set_error (error, CS_ERROR, CS_ERROR_SIGNATURE,
                   _("The signature carries no signing time"));
      return NULL;
    }

  signer = find_signer (pkcs7, &info);
  if (signer == NULL)
    {
      g_set_error (error, CS_ERROR, CS_ERROR_SIGNATURE,
                   _("The signature does not include the signer’s certificate"));
      return NULL;
    }
  name = common_name (signer);

  moment = when != NULL ? g_date_time_ref (when)
                        : g_date_time_new_from_unix_utc (info.signing_time);
  if (!check_certificate (self, signer, name, moment, error))
    return NULL;

  datum.data = (unsigned char *) g_bytes_get_data (signed_bytes, &length);
  datum.size = length;
  g_mutex_lock (&self->lock);
  rc = gnutls_pkcs7_verify_direct (pkcs7, signer, 0, &datum, 0);
  g_mutex_unlock (&self->lock);
  if (rc < 0)
    {
      g_set_error (error, CS_ERROR, CS_ERROR_SIGNATURE,
                   _("The signature of %s does not match the signed bytes: they were altered, "
                     "or signed with another key"), name);
      return NULL;
    }

  payload = read_payload (signed_bytes, document, error);
  if (payload == NULL)
    return NULL;

  if (out_signer_der != NULL)
    {
      if (gnutls_x509_crt_export2 (signer, GNUTLS_X509_FMT_DER, &signer_der) < 0)
        {
          json_object_unref (payload);
          g_set_error (error, CS_ERROR, CS_ERROR_CERTIFICATE,
                       _("The signing certificate cannot be read"));
          return NULL;
        }
      *out_signer_der = g_bytes_new (signer_der.data, signer_der.size);
    }
  if (out_signer_name != NULL)
    *out_signer_name = g_steal_pointer (&name);
  return payload;
}
