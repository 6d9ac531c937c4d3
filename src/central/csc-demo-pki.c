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
 * The demo centre's certification authority. It issues each chief
 * representative a signing certificate, handed out as a PKCS#12 file; the
 * central server keeps the CA certificate to verify signed decisions.
 *
 * Keys are RSA 2048: every CMS and PKCS#12 implementation and every token
 * (SoftHSM included) takes them, and GnuTLS makes the seed's seven keys in
 * about half a second. (Government PKI in China uses SM2, which neither
 * GnuTLS nor OpenSSL's CMS offer.)
 */

#define KEY_ALGORITHM   GNUTLS_PK_RSA
#define KEY_BITS        2048
#define CA_NAME         "Countersign 演示电子认证中心"
#define CA_ORGANISATION "Countersign Demo"

struct _CscDemoPki
{
  GObject                parent_instance;

  /* Held while signing with the CA, so that several threads may issue at
   * once; the rest of an issue works on its own objects. */
  GMutex                 ca_lock;
  gnutls_x509_privkey_t  ca_key;
  gnutls_x509_crt_t      ca_cert;

  /* Read-only once made. */
  gnutls_datum_t         ca_der;
  char                  *ca_pem;
  guint8                 ca_key_id[64];
  size_t                 ca_key_id_size;
};

G_DEFINE_FINAL_TYPE (CscDemoPki, csc_demo_pki, G_TYPE_OBJECT)

G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_x509_privkey_t, gnutls_x509_privkey_deinit, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_x509_crt_t, gnutls_x509_crt_deinit, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_pkcs12_t, gnutls_pkcs12_deinit, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_pkcs12_bag_t, gnutls_pkcs12_bag_deinit, NULL)

static void
clear_datum (gnutls_datum_t *datum)
{
  gnutls_free (datum->data);
  datum->size = 0;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (gnutls_datum_t, clear_datum)

/* Sets @error from a GnuTLS result, naming the step that failed. */
static gboolean
check (int          rc,
       const char  *step,
       GError     **error)
{
  if (rc >= 0)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               "Demo PKI: %s failed: %s", step, gnutls_strerror (rc));
  return FALSE;
}

static void
csc_demo_pki_finalize (GObject *object)
{
  CscDemoPki *self = (CscDemoPki *)object;

  g_clear_pointer (&self->ca_key, gnutls_x509_privkey_deinit);
  g_clear_pointer (&self->ca_cert, gnutls_x509_crt_deinit);
  g_clear_pointer (&self->ca_pem, g_free);
  clear_datum (&self->ca_der);
  g_mutex_clear (&self->ca_lock);

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
  g_mutex_init (&self->ca_lock);
}

static gboolean
new_key (gnutls_x509_privkey_t  *key,
         GError                **error)
{
  return check (gnutls_x509_privkey_init (key), "creating a private key", error) &&
         check (gnutls_x509_privkey_generate (*key, KEY_ALGORITHM, KEY_BITS, 0),
                "generating a private key", error);
}

static gboolean
add_name (gnutls_x509_crt_t   crt,
          const char         *oid,
          const char         *value,
          GError            **error)
{
  if (value == NULL || *value == '\0')
    return TRUE;

  return check (gnutls_x509_crt_set_dn_by_oid (crt, oid, 0, value, strlen (value)),
                "setting the subject name", error);
}

/* What every certificate here has: version 3, a random positive serial of
 * 16 bytes, its validity, its subject (C, O, OU, CN in that order), its key
 * and a subject key identifier. */
static gboolean
new_certificate (gnutls_x509_crt_t      *crt,
                 gnutls_x509_privkey_t   key,
                 const char             *common_name,
                 const char             *organisation,
                 const char             *organisational_unit,
                 GDateTime              *not_before,
                 GDateTime              *not_after,
                 GError                **error)
{
  guint8 serial[16];
  guint8 key_id[64];
  size_t key_id_size = sizeof key_id;

  if (!check (gnutls_rnd (GNUTLS_RND_NONCE, serial, sizeof serial), "drawing a serial number",
              error))
    return FALSE;

  /* Positive (top bit clear) and without a leading zero byte, so that the
   * DER integer is exactly 16 bytes long. */
  serial[0] = (serial[0] & 0x7f) | 0x10;

  return check (gnutls_x509_crt_init (crt), "creating a certificate", error) &&
         check (gnutls_x509_crt_set_version (*crt, 3), "setting the certificate version", error) &&
         check (gnutls_x509_crt_set_serial (*crt, serial, sizeof serial),
                "setting the serial number", error) &&
         check (gnutls_x509_crt_set_activation_time (*crt, g_date_time_to_unix (not_before)),
                "setting the start of validity", error) &&
         check (gnutls_x509_crt_set_expiration_time (*crt, g_date_time_to_unix (not_after)),
                "setting the end of validity", error) &&
         add_name (*crt, GNUTLS_OID_X520_COUNTRY_NAME, "CN", error) &&
         add_name (*crt, GNUTLS_OID_X520_ORGANIZATION_NAME, organisation, error) &&
         add_name (*crt, GNUTLS_OID_X520_ORGANIZATIONAL_UNIT_NAME, organisational_unit, error) &&
         add_name (*crt, GNUTLS_OID_X520_COMMON_NAME, common_name, error) &&
         check (gnutls_x509_crt_set_key (*crt, key), "setting the public key", error) &&
         check (gnutls_x509_crt_get_key_id (*crt, GNUTLS_KEYID_USE_SHA1, key_id, &key_id_size),
                "computing the key identifier", error) &&
         check (gnutls_x509_crt_set_subject_key_id (*crt, key_id, key_id_size),
                "setting the subject key identifier", error);
}

static char *
export_pem (gnutls_x509_crt_t   crt,
            GError            **error)
{
  g_auto(gnutls_datum_t) pem = { NULL, 0 };

  if (!check (gnutls_x509_crt_export2 (crt, GNUTLS_X509_FMT_PEM, &pem),
              "writing the certificate as PEM", error))
    return NULL;

  return g_strndup ((const char *)pem.data, pem.size);
}

/**
 * csc_demo_pki_new:
 * @error: return location for a #GError
 *
 * Makes a fresh CA: a new key and a self-signed certificate valid from a day
 * ago for ten years.
 *
 * Returns: (transfer full): the CA, or %NULL with @error set
 */
CscDemoPki *
csc_demo_pki_new (GError **error)
{
  g_autoptr(CscDemoPki) self = g_object_new (CSC_TYPE_DEMO_PKI, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) not_before = g_date_time_add_days (now, -1);
  g_autoptr(GDateTime) not_after = g_date_time_add_years (now, 10);

  if (!new_key (&self->ca_key, error) ||
      !new_certificate (&self->ca_cert, self->ca_key, CA_NAME, CA_ORGANISATION, NULL,
                        not_before, not_after, error) ||
      !check (gnutls_x509_crt_set_basic_constraints (self->ca_cert, 1, -1),
              "marking the certificate as a CA", error) ||
      !check (gnutls_x509_crt_set_key_usage (self->ca_cert,
                                             GNUTLS_KEY_KEY_CERT_SIGN | GNUTLS_KEY_CRL_SIGN),
              "setting the CA's key usage", error) ||
      !check (gnutls_x509_crt_sign2 (self->ca_cert, self->ca_cert, self->ca_key,
                                     GNUTLS_DIG_SHA256, 0),
              "self-signing the CA certificate", error))
    return NULL;

  self->ca_key_id_size = sizeof self->ca_key_id;
  if (!check (gnutls_x509_crt_get_subject_key_id (self->ca_cert, self->ca_key_id,
                                                  &self->ca_key_id_size, NULL),
              "reading the CA's subject key identifier", error) ||
      !check (gnutls_x509_crt_export2 (self->ca_cert, GNUTLS_X509_FMT_DER, &self->ca_der),
              "writing the CA certificate", error))
    return NULL;

  self->ca_pem = export_pem (self->ca_cert, error);
  if (self->ca_pem == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * csc_demo_pki_dup_ca_pem:
 * @self: a #CscDemoPki
 *
 * Returns: (transfer full): the CA certificate in PEM
 */
char *
csc_demo_pki_dup_ca_pem (CscDemoPki *self)
{
  g_return_val_if_fail (CSC_IS_DEMO_PKI (self), NULL);

  return g_strdup (self->ca_pem);
}

/**
 * csc_demo_pki_dup_ca_key_pem:
 * @self: a #CscDemoPki
 *
 * The CA's private key, for the demo folder only: the tests issue further
 * certificates from it (an expired one, say) to see the server refuse them.
 * A real centre's CA key never leaves its authority.
 *
 * Returns: (transfer full) (nullable): the CA key in PEM, unencrypted
 */
char *
csc_demo_pki_dup_ca_key_pem (CscDemoPki *self)
{
  g_auto(gnutls_datum_t) pem = { NULL, 0 };
  char *text;

  g_return_val_if_fail (CSC_IS_DEMO_PKI (self), NULL);

  g_mutex_lock (&self->ca_lock);
  text = gnutls_x509_privkey_export2 (self->ca_key, GNUTLS_X509_FMT_PEM, &pem) >= 0
         ? g_strndup ((const char *) pem.data, pem.size) : NULL;
  g_mutex_unlock (&self->ca_lock);
  return text;
}

/* GnuTLS 3.7 writes a friendly name into its BMPString a byte a character,
 * so only Latin-1 comes out right: UTF-8 Chinese would read back as mojibake
 * in GnuTLS itself, NSS, Windows or Python. We hand it Latin-1 and leave out
 * names it cannot carry; the local key ID pairs key and certificate anyway,
 * and tools then name the entry after the certificate's subject. */
static char *
friendly_name_for_gnutls (const char *name)
{
  return g_convert (name, -1, "ISO-8859-1", "UTF-8", NULL, NULL, NULL);
}

/* The key (shrouded with the password) in one bag; the certificate and the
 * CA in another, encrypted like the key so that the file shows nothing, not
 * even names, without its password. Key and certificate are paired by a local
 * key ID, and the whole is under a SHA-256 MAC.
 *
 * GnuTLS runs PBKDF2 600 000 times for each encryption and for the MAC, which
 * is most of the time an issue takes; one bag for both certificates saves a
 * quarter of it. */
static GBytes *
export_pkcs12 (gnutls_x509_privkey_t   key,
               gnutls_x509_crt_t       crt,
               const gnutls_datum_t   *ca_der,
               const char             *friendly_name,
               const char             *password,
               GError                **error)
{
  g_auto(gnutls_pkcs12_t) bundle = NULL;
  g_auto(gnutls_pkcs12_bag_t) key_bag = NULL;
  g_auto(gnutls_pkcs12_bag_t) cert_bag = NULL;
  g_auto(gnutls_datum_t) der = { NULL, 0 };
  g_autofree char *name = friendly_name_for_gnutls (friendly_name);
  guint8 key_id[64];
  size_t key_id_size = sizeof key_id;
  gnutls_datum_t local_key_id;
  int key_idx;
  int cert_idx;

  if (!check (gnutls_x509_crt_get_key_id (crt, GNUTLS_KEYID_USE_SHA1, key_id, &key_id_size),
              "computing the local key ID", error) ||
      !check (gnutls_pkcs12_init (&bundle), "creating PKCS#12", error) ||
      !check (gnutls_pkcs12_bag_init (&key_bag), "creating a PKCS#12 bag", error) ||
      !check (gnutls_pkcs12_bag_init (&cert_bag), "creating a PKCS#12 bag", error))
    return NULL;

  local_key_id.data = key_id;
  local_key_id.size = key_id_size;

  key_idx = gnutls_pkcs12_bag_set_privkey (key_bag, key, password, GNUTLS_PKCS_PBES2_AES_256);
  if (!check (key_idx, "putting the private key into PKCS#12", error) ||
      !check (gnutls_pkcs12_bag_set_key_id (key_bag, key_idx, &local_key_id),
              "setting the key's local key ID", error) ||
      (name != NULL &&
       !check (gnutls_pkcs12_bag_set_friendly_name (key_bag, key_idx, name),
               "setting the key's friendly name", error)) ||
      !check (gnutls_pkcs12_set_bag (bundle, key_bag), "adding the key bag to PKCS#12", error))
    return NULL;

  cert_idx = gnutls_pkcs12_bag_set_crt (cert_bag, crt);
  if (!check (cert_idx, "putting the certificate into PKCS#12", error) ||
      !check (gnutls_pkcs12_bag_set_key_id (cert_bag, cert_idx, &local_key_id),
              "setting the certificate's local key ID", error) ||
      (name != NULL &&
       !check (gnutls_pkcs12_bag_set_friendly_name (cert_bag, cert_idx, name),
               "setting the certificate's friendly name", error)) ||
      !check (gnutls_pkcs12_bag_set_data (cert_bag, GNUTLS_BAG_CERTIFICATE, ca_der),
              "putting the CA certificate into PKCS#12", error) ||
      !check (gnutls_pkcs12_bag_encrypt (cert_bag, password, GNUTLS_PKCS_PBES2_AES_256),
              "encrypting the PKCS#12 certificate bag", error) ||
      !check (gnutls_pkcs12_set_bag (bundle, cert_bag),
              "adding the certificate bag to PKCS#12", error) ||
      !check (gnutls_pkcs12_generate_mac2 (bundle, GNUTLS_MAC_SHA256, password),
              "computing the PKCS#12 MAC", error) ||
      !check (gnutls_pkcs12_export2 (bundle, GNUTLS_X509_FMT_DER, &der),
              "writing PKCS#12", error))
    return NULL;

  return g_bytes_new (der.data, der.size);
}

static gboolean
sign_with_ca (CscDemoPki         *self,
              gnutls_x509_crt_t   crt,
              GError            **error)
{
  int rc;

  g_mutex_lock (&self->ca_lock);
  rc = gnutls_x509_crt_sign2 (crt, self->ca_cert, self->ca_key, GNUTLS_DIG_SHA256, 0);
  g_mutex_unlock (&self->ca_lock);

  return check (rc, "signing the certificate", error);
}

/* What a certificate issued to a person or a server adds: not a CA, what
 * its key is for, its issuer's key identifier, and the CA's signature. */
static gboolean
finish_end_entity (CscDemoPki         *self,
                   gnutls_x509_crt_t   crt,
                   unsigned int        key_usage,
                   const char         *purpose_oid,
                   GError            **error)
{
  return check (gnutls_x509_crt_set_basic_constraints (crt, 0, -1),
                "marking the certificate as an end entity", error) &&
         check (gnutls_x509_crt_set_key_usage (crt, key_usage), "setting the key usage", error) &&
         check (gnutls_x509_crt_set_key_purpose_oid (crt, purpose_oid, 0),
                "setting the extended key usage", error) &&
         check (gnutls_x509_crt_set_authority_key_id (crt, self->ca_key_id, self->ca_key_id_size),
                "setting the authority key identifier", error) &&
         sign_with_ca (self, crt, error);
}

/**
 * csc_demo_pki_issue:
 * @self: a #CscDemoPki
 * @common_name: the holder's name
 * @organisation: the holder's organisation
 * @organisational_unit: (nullable): the holder's unit or post
 * @not_before: start of validity
 * @not_after: end of validity
 * @password: the PKCS#12 password
 * @cert_pem: (out) (transfer full): the certificate in PEM
 * @pkcs12: (out) (transfer full): key, certificate and CA certificate as
 *   PKCS#12 (DER)
 * @error: return location for a #GError
 *
 * Issues a signing certificate (digital signature and non-repudiation,
 * e-mail protection, i.e. CMS) on a new key. Several threads may issue
 * from the same CA at once.
 *
 * Returns: %TRUE on success; on failure %FALSE with @error set and the out
 *   arguments untouched
 */
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
  g_autofree char *pem = NULL;
  g_autoptr(GBytes) bundle = NULL;

  g_return_val_if_fail (CSC_IS_DEMO_PKI (self), FALSE);
  g_return_val_if_fail (common_name != NULL, FALSE);
  g_return_val_if_fail (organisation != NULL, FALSE);
  g_return_val_if_fail (not_before != NULL, FALSE);
  g_return_val_if_fail (not_after != NULL, FALSE);
  g_return_val_if_fail (password != NULL, FALSE);
  g_return_val_if_fail (cert_pem != NULL, FALSE);
  g_return_val_if_fail (pkcs12 != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!new_key (&key, error) ||
      !new_certificate (&crt, key, common_name, organisation, organisational_unit,
                        not_before, not_after, error) ||
      !finish_end_entity (self, crt,
                          GNUTLS_KEY_DIGITAL_SIGNATURE | GNUTLS_KEY_NON_REPUDIATION,
                          GNUTLS_KP_EMAIL_PROTECTION, error))
    return FALSE;

  pem = export_pem (crt, error);
  if (pem == NULL)
    return FALSE;

  bundle = export_pkcs12 (key, crt, &self->ca_der, common_name, password, error);
  if (bundle == NULL)
    return FALSE;

  *cert_pem = g_steal_pointer (&pem);
  *pkcs12 = g_steal_pointer (&bundle);

  return TRUE;
}

/**
 * csc_demo_pki_issue_server:
 * @self: a #CscDemoPki
 * @cert_pem: (out): the certificate, PEM
 * @key_pem: (out): its private key, PEM, unencrypted (the server reads it)
 * @error: return location for a #GError
 *
 * Issues a TLS server certificate for loopback (localhost, 127.0.0.1 and
 * ::1), so that the demo and the tests can serve the central API over HTTPS
 * with the demo CA as the client's extra trust anchor.
 *
 * Returns: %TRUE on success
 */
gboolean
csc_demo_pki_issue_server (CscDemoPki  *self,
                           char       **cert_pem,
                           char       **key_pem,
                           GError     **error)
{
  static const guint8 ipv4_loopback[4] = { 127, 0, 0, 1 };
  static const guint8 ipv6_loopback[16] = { [15] = 1 };
  g_auto(gnutls_x509_privkey_t) key = NULL;
  g_auto(gnutls_x509_crt_t) crt = NULL;
  g_auto(gnutls_datum_t) key_datum = { NULL, 0 };
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) not_before = g_date_time_add_days (now, -1);
  g_autoptr(GDateTime) not_after = g_date_time_add_years (now, 2);
  g_autofree char *pem = NULL;

  g_return_val_if_fail (CSC_IS_DEMO_PKI (self), FALSE);
  g_return_val_if_fail (cert_pem != NULL && key_pem != NULL, FALSE);

  if (!new_key (&key, error) ||
      !new_certificate (&crt, key, "localhost", CA_ORGANISATION, NULL, not_before, not_after, error) ||
      !check (gnutls_x509_crt_set_subject_alt_name (crt, GNUTLS_SAN_DNSNAME, "localhost",
                                                    strlen ("localhost"), GNUTLS_FSAN_SET),
              "naming the server", error) ||
      !check (gnutls_x509_crt_set_subject_alt_name (crt, GNUTLS_SAN_IPADDRESS, ipv4_loopback,
                                                    sizeof ipv4_loopback, GNUTLS_FSAN_APPEND),
              "naming the server's IPv4 address", error) ||
      !check (gnutls_x509_crt_set_subject_alt_name (crt, GNUTLS_SAN_IPADDRESS, ipv6_loopback,
                                                    sizeof ipv6_loopback, GNUTLS_FSAN_APPEND),
              "naming the server's IPv6 address", error) ||
      !finish_end_entity (self, crt,
                          GNUTLS_KEY_DIGITAL_SIGNATURE | GNUTLS_KEY_KEY_ENCIPHERMENT,
                          GNUTLS_KP_TLS_WWW_SERVER, error))
    return FALSE;

  pem = export_pem (crt, error);
  if (pem == NULL ||
      !check (gnutls_x509_privkey_export2 (key, GNUTLS_X509_FMT_PEM, &key_datum),
              "writing the server key", error))
    return FALSE;

  *key_pem = g_strndup ((const char *)key_datum.data, key_datum.size);
  *cert_pem = g_steal_pointer (&pem);
  return TRUE;
}
