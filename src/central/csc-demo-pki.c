/* csc-demo-pki.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CscDemoPki"

#include "config.h"

#include <string.h>

#include <gnutls/gnutls.h>
#include <gnutls/crypto.h>
#include <gnutls/pkcs12.h>
#include <gnutls/x509.h>

#include "csc-demo-pki.h"

/**
 * CscDemoPki:
 *
 * The demo centre's certification authority: it issues each chief
 * representative a signing certificate, handed out as a PKCS#12 file, and
 * the central server keeps the CA to verify signed decisions.
 *
 * Keys are ECDSA P-256: generated instantly, so seeding stays fast, and
 * accepted by GnuTLS, OpenSSL and SoftHSM alike. (Government PKI in China
 * uses SM2, which none of these offer.)
 */

struct _CscDemoPki
{
  GObject                parent_instance;

  gnutls_x509_privkey_t  ca_key;
  gnutls_x509_crt_t      ca_cert;
};

G_DEFINE_FINAL_TYPE (CscDemoPki, csc_demo_pki, G_TYPE_OBJECT)

G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_x509_privkey_t, gnutls_x509_privkey_deinit, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_x509_crt_t, gnutls_x509_crt_deinit, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_pkcs12_t, gnutls_pkcs12_deinit, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_pkcs12_bag_t, gnutls_pkcs12_bag_deinit, NULL)

#define EXT_KEY_USAGE_EMAIL_PROTECTION "1.3.6.1.5.5.7.3.4"

static gboolean
check (int          rc,
       const char  *step,
       GError     **error)
{
  if (rc >= 0)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", step, gnutls_strerror (rc));
  return FALSE;
}

static void
csc_demo_pki_finalize (GObject *object)
{
  CscDemoPki *self = (CscDemoPki *)object;

  g_clear_pointer (&self->ca_key, gnutls_x509_privkey_deinit);
  g_clear_pointer (&self->ca_cert, gnutls_x509_crt_deinit);

  G_OBJECT_CLASS (csc_demo_pki_parent_class)->finalize (object);
}

static void
csc_demo_pki_class_init (CscDemoPkiClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = csc_demo_pki_finalize;
}

static void
csc_demo_pki_init (CscDemoPki *self)
{
}

static gboolean
new_key (gnutls_x509_privkey_t  *key,
         GError                **error)
{
  return check (gnutls_x509_privkey_init (key), "creating a key", error) &&
         check (gnutls_x509_privkey_generate (*key, GNUTLS_PK_ECDSA,
                                              GNUTLS_CURVE_TO_BITS (GNUTLS_ECC_CURVE_SECP256R1), 0),
                "generating an ECDSA key", error);
}

static gboolean
set_name (gnutls_x509_crt_t   crt,
          const char         *oid,
          const char         *value,
          GError            **error)
{
  if (value == NULL)
    return TRUE;

  return check (gnutls_x509_crt_set_dn_by_oid (crt, oid, 0, value, strlen (value)),
                "setting the subject", error);
}

/* The common part of every certificate: version, a random positive serial,
 * validity, the key and its identifier. */
static gboolean
prepare_certificate (gnutls_x509_crt_t      crt,
                     gnutls_x509_privkey_t  key,
                     GDateTime             *not_before,
                     GDateTime             *not_after,
                     GError               **error)
{
  guint8 serial[16];
  guint8 key_id[64];
  size_t key_id_size = sizeof key_id;

  if (!check (gnutls_rnd (GNUTLS_RND_NONCE, serial, sizeof serial), "drawing a serial", error))
    return FALSE;
  serial[0] &= 0x7f;
  serial[0] |= 0x01;

  return check (gnutls_x509_crt_set_version (crt, 3), "setting the version", error) &&
         check (gnutls_x509_crt_set_serial (crt, serial, sizeof serial), "setting the serial", error) &&
         check (gnutls_x509_crt_set_activation_time (crt, g_date_time_to_unix (not_before)),
                "setting the start of validity", error) &&
         check (gnutls_x509_crt_set_expiration_time (crt, g_date_time_to_unix (not_after)),
                "setting the end of validity", error) &&
         check (gnutls_x509_crt_set_key (crt, key), "setting the key", error) &&
         check (gnutls_x509_crt_get_key_id (crt, GNUTLS_KEYID_USE_SHA1, key_id, &key_id_size),
                "computing the key identifier", error) &&
         check (gnutls_x509_crt_set_subject_key_id (crt, key_id, key_id_size),
                "setting the subject key identifier", error);
}

CscDemoPki *
csc_demo_pki_new (GError **error)
{
  g_autoptr(CscDemoPki) self = g_object_new (CSC_TYPE_DEMO_PKI, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) not_before = g_date_time_add_days (now, -1);
  g_autoptr(GDateTime) not_after = g_date_time_add_years (now, 10);

  if (!new_key (&self->ca_key, error) ||
      !check (gnutls_x509_crt_init (&self->ca_cert), "creating the CA certificate", error) ||
      !prepare_certificate (self->ca_cert, self->ca_key, not_before, not_after, error) ||
      !set_name (self->ca_cert, GNUTLS_OID_X520_COUNTRY_NAME, "CN", error) ||
      !set_name (self->ca_cert, GNUTLS_OID_X520_ORGANIZATION_NAME, "Countersign Demo", error) ||
      !set_name (self->ca_cert, GNUTLS_OID_X520_COMMON_NAME, "Countersign 演示电子认证中心", error) ||
      !check (gnutls_x509_crt_set_basic_constraints (self->ca_cert, 1, -1),
              "marking the CA", error) ||
      !check (gnutls_x509_crt_set_key_usage (self->ca_cert,
                                             GNUTLS_KEY_KEY_CERT_SIGN | GNUTLS_KEY_CRL_SIGN),
              "setting the CA's key usage", error) ||
      !check (gnutls_x509_crt_sign2 (self->ca_cert, self->ca_cert, self->ca_key,
                                     GNUTLS_DIG_SHA256, 0),
              "self-signing the CA", error))
    return NULL;

  return g_steal_pointer (&self);
}

static char *
export_pem (gnutls_x509_crt_t crt)
{
  gnutls_datum_t pem = { NULL, 0 };
  char *text;

  if (gnutls_x509_crt_export2 (crt, GNUTLS_X509_FMT_PEM, &pem) < 0)
    return NULL;

  text = g_strndup ((const char *)pem.data, pem.size);
  gnutls_free (pem.data);
  return text;
}

char *
csc_demo_pki_dup_ca_pem (CscDemoPki *self)
{
  g_return_val_if_fail (CSC_IS_DEMO_PKI (self), NULL);

  return export_pem (self->ca_cert);
}

/* A bag of one certificate, encrypted like the key, so the file reveals
 * nothing without its password. */
static gboolean
add_certificate_bag (gnutls_pkcs12_t     pkcs12,
                     gnutls_x509_crt_t   crt,
                     const gnutls_datum_t *key_id,
                     const char         *friendly_name,
                     const char         *password,
                     GError            **error)
{
  g_auto(gnutls_pkcs12_bag_t) bag = NULL;
  int index;

  if (!check (gnutls_pkcs12_bag_init (&bag), "creating a PKCS#12 bag", error))
    return FALSE;

  index = gnutls_pkcs12_bag_set_crt (bag, crt);
  if (!check (index, "adding a certificate to PKCS#12", error))
    return FALSE;

  if (key_id != NULL &&
      !check (gnutls_pkcs12_bag_set_key_id (bag, index, key_id), "labelling a certificate", error))
    return FALSE;

  if (friendly_name != NULL &&
      !check (gnutls_pkcs12_bag_set_friendly_name (bag, index, friendly_name),
              "naming a certificate", error))
    return FALSE;

  return check (gnutls_pkcs12_bag_encrypt (bag, password, GNUTLS_PKCS_PBES2_AES_256),
                "encrypting a certificate bag", error) &&
         check (gnutls_pkcs12_set_bag (pkcs12, bag), "adding a bag to PKCS#12", error);
}

gboolean
csc_demo_pki_issue (CscDemoPki   *self,
                    const char   *common_name,
                    const char   *organisation,
                    const char   *organisational_unit,
                    GDateTime    *not_before,
                    GDateTime    *not_after,
                    const char   *password,
                    char        **cert_pem,
                    GBytes      **pkcs12,
                    GError      **error)
{
  g_auto(gnutls_x509_privkey_t) key = NULL;
  g_auto(gnutls_x509_crt_t) crt = NULL;
  g_auto(gnutls_pkcs12_t) bundle = NULL;
  g_auto(gnutls_pkcs12_bag_t) key_bag = NULL;
  gnutls_datum_t der = { NULL, 0 };
  gnutls_datum_t key_id_datum;
  guint8 ca_key_id[64];
  size_t ca_key_id_size = sizeof ca_key_id;
  guint8 key_id[64];
  size_t key_id_size = sizeof key_id;
  int index;

  g_return_val_if_fail (CSC_IS_DEMO_PKI (self), FALSE);
  g_return_val_if_fail (common_name != NULL, FALSE);
  g_return_val_if_fail (password != NULL, FALSE);

  if (!new_key (&key, error) ||
      !check (gnutls_x509_crt_init (&crt), "creating a certificate", error) ||
      !prepare_certificate (crt, key, not_before, not_after, error) ||
      !set_name (crt, GNUTLS_OID_X520_COUNTRY_NAME, "CN", error) ||
      !set_name (crt, GNUTLS_OID_X520_ORGANIZATION_NAME, organisation, error) ||
      !set_name (crt, GNUTLS_OID_X520_ORGANIZATIONAL_UNIT_NAME, organisational_unit, error) ||
      !set_name (crt, GNUTLS_OID_X520_COMMON_NAME, common_name, error) ||
      !check (gnutls_x509_crt_set_basic_constraints (crt, 0, -1), "marking an end entity", error) ||
      !check (gnutls_x509_crt_set_key_usage (crt, GNUTLS_KEY_DIGITAL_SIGNATURE |
                                                  GNUTLS_KEY_NON_REPUDIATION),
              "setting the key usage", error) ||
      !check (gnutls_x509_crt_set_key_purpose_oid (crt, EXT_KEY_USAGE_EMAIL_PROTECTION, 0),
              "setting the extended key usage", error) ||
      !check (gnutls_x509_crt_get_subject_key_id (self->ca_cert, ca_key_id, &ca_key_id_size, NULL),
              "reading the CA's key identifier", error) ||
      !check (gnutls_x509_crt_set_authority_key_id (crt, ca_key_id, ca_key_id_size),
              "setting the authority key identifier", error) ||
      !check (gnutls_x509_crt_sign2 (crt, self->ca_cert, self->ca_key, GNUTLS_DIG_SHA256, 0),
              "signing the certificate", error) ||
      !check (gnutls_x509_crt_get_key_id (crt, GNUTLS_KEYID_USE_SHA1, key_id, &key_id_size),
              "computing the key identifier", error))
    return FALSE;

  key_id_datum.data = key_id;
  key_id_datum.size = key_id_size;

  /* The key, shrouded with the password; the certificate and the CA. */
  if (!check (gnutls_pkcs12_init (&bundle), "creating PKCS#12", error) ||
      !check (gnutls_pkcs12_bag_init (&key_bag), "creating a PKCS#12 bag", error))
    return FALSE;

  index = gnutls_pkcs12_bag_set_privkey (key_bag, key, password, GNUTLS_PKCS_PBES2_AES_256);
  if (!check (index, "adding the key to PKCS#12", error) ||
      !check (gnutls_pkcs12_bag_set_key_id (key_bag, index, &key_id_datum), "labelling the key", error) ||
      !check (gnutls_pkcs12_bag_set_friendly_name (key_bag, index, common_name), "naming the key", error) ||
      !check (gnutls_pkcs12_set_bag (bundle, key_bag), "adding a bag to PKCS#12", error) ||
      !add_certificate_bag (bundle, crt, &key_id_datum, common_name, password, error) ||
      !add_certificate_bag (bundle, self->ca_cert, NULL, NULL, password, error) ||
      !check (gnutls_pkcs12_generate_mac2 (bundle, GNUTLS_MAC_SHA256, password),
              "protecting PKCS#12", error) ||
      !check (gnutls_pkcs12_export2 (bundle, GNUTLS_X509_FMT_DER, &der), "writing PKCS#12", error))
    return FALSE;

  *pkcs12 = g_bytes_new (der.data, der.size);
  gnutls_free (der.data);

  *cert_pem = export_pem (crt);
  if (*cert_pem == NULL)
    {
      g_clear_pointer (pkcs12, g_bytes_unref);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "writing the certificate");
      return FALSE;
    }

  return TRUE;
}
