/* test-demo-pki.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gnutls/gnutls.h>
#include <gnutls/abstract.h>
#include <gnutls/pkcs12.h>
#include <gnutls/pkcs7.h>
#include <gnutls/x509.h>

#include "csc-demo-pki.h"

/* The demo CA and a chief representative's PKCS#12 do what signing needs:
 * the certificate chains to the CA, the file opens with its password (and
 * only with it), and its key makes a detached CMS signature that verifies
 * against the CA and carries the very certificate the server registered. */

#define CHIEF_NAME "黄志明"
#define CHIEF_ORGANISATION "广州市荔湾区卫生健康局"
#define CHIEF_UNIT "首席代表"
#define PASSWORD "demo"

static void
trust_list_free (gnutls_x509_trust_list_t list)
{
  gnutls_x509_trust_list_deinit (list, 1);
}

static void
free_crt_list (gnutls_x509_crt_t *list,
               unsigned int       len)
{
  for (unsigned int i = 0; i < len; i++)
    gnutls_x509_crt_deinit (list[i]);
  gnutls_free (list);
}

static void
clear_datum (gnutls_datum_t *datum)
{
  gnutls_free (datum->data);
  datum->size = 0;
}

G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_x509_crt_t, gnutls_x509_crt_deinit, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_x509_privkey_t, gnutls_x509_privkey_deinit, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_privkey_t, gnutls_privkey_deinit, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_pkcs12_t, gnutls_pkcs12_deinit, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_pkcs12_bag_t, gnutls_pkcs12_bag_deinit, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_pkcs7_t, gnutls_pkcs7_deinit, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_x509_trust_list_t, trust_list_free, NULL)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (gnutls_datum_t, clear_datum)

/* What gnutls_pkcs12_simple_parse() hands back. */
typedef struct
{
  gnutls_x509_privkey_t  key;
  gnutls_x509_crt_t     *chain;
  unsigned int           chain_len;
  gnutls_x509_crt_t     *extra;
  unsigned int           extra_len;
} Bundle;

static void
bundle_clear (Bundle *bundle)
{
  g_clear_pointer (&bundle->key, gnutls_x509_privkey_deinit);
  free_crt_list (bundle->chain, bundle->chain_len);
  free_crt_list (bundle->extra, bundle->extra_len);
  memset (bundle, 0, sizeof *bundle);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Bundle, bundle_clear)

typedef struct
{
  CscDemoPki *pki;
  char       *ca_pem;
  char       *cert_pem;
  GBytes     *pkcs12;
} Fixture;

static void
fixture_set_up (Fixture                     *fixture,
                G_GNUC_UNUSED gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) before = g_date_time_add_days (now, -1);
  g_autoptr(GDateTime) after = g_date_time_add_years (now, 1);
  gboolean ok;

  fixture->pki = csc_demo_pki_new (&error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->pki);
  fixture->ca_pem = csc_demo_pki_dup_ca_pem (fixture->pki);
  g_assert_true (g_str_has_prefix (fixture->ca_pem, "-----BEGIN CERTIFICATE-----"));

  ok = csc_demo_pki_issue (fixture->pki, CHIEF_NAME, CHIEF_ORGANISATION, CHIEF_UNIT,
                           before, after, PASSWORD, &fixture->cert_pem, &fixture->pkcs12,
                           &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_true (g_str_has_prefix (fixture->cert_pem, "-----BEGIN CERTIFICATE-----"));
  g_assert_nonnull (fixture->pkcs12);
}

static void
fixture_tear_down (Fixture                     *fixture,
                   G_GNUC_UNUSED gconstpointer  data)
{
  g_clear_object (&fixture->pki);
  g_clear_pointer (&fixture->ca_pem, g_free);
  g_clear_pointer (&fixture->cert_pem, g_free);
  g_clear_pointer (&fixture->pkcs12, g_bytes_unref);
}

static gnutls_x509_crt_t
import_pem (const char *pem)
{
  gnutls_x509_crt_t crt = NULL;
  gnutls_datum_t datum = { (unsigned char *)pem, strlen (pem) };

  g_assert_cmpint (gnutls_x509_crt_init (&crt), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_import (crt, &datum, GNUTLS_X509_FMT_PEM), ==, 0);
  return crt;
}

static gnutls_x509_trust_list_t
new_trust_list (const char *ca_pem)
{
  gnutls_x509_trust_list_t list = NULL;
  gnutls_x509_crt_t ca = import_pem (ca_pem);

  g_assert_cmpint (gnutls_x509_trust_list_init (&list, 0), ==, 0);
  /* The list owns the CA from here on. */
  g_assert_cmpint (gnutls_x509_trust_list_add_cas (list, &ca, 1, 0), ==, 1);
  return list;
}

/* An unrelated CA, for what must not verify. */
static char *
other_ca_pem (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CscDemoPki) other = csc_demo_pki_new (&error);

  g_assert_no_error (error);
  return csc_demo_pki_dup_ca_pem (other);
}

static char *
dn_part (gnutls_x509_crt_t  crt,
         const char        *oid)
{
  char buf[512];
  size_t size = sizeof buf;
  int rc = gnutls_x509_crt_get_dn_by_oid (crt, oid, 0, 0, buf, &size);

  if (rc == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE)
    return NULL;
  g_assert_cmpint (rc, ==, 0);
  return g_strndup (buf, size);
}

static int
parse_pkcs12 (GBytes     *pkcs12,
              const char *password,
              gboolean    check_mac,
              Bundle     *bundle)
{
  g_auto(gnutls_pkcs12_t) p12 = NULL;
  gnutls_datum_t der = { (unsigned char *)g_bytes_get_data (pkcs12, NULL),
                         g_bytes_get_size (pkcs12) };
  int rc;

  g_assert_cmpint (gnutls_pkcs12_init (&p12), ==, 0);
  g_assert_cmpint (gnutls_pkcs12_import (p12, &der, GNUTLS_X509_FMT_DER, 0), ==, 0);

  if (check_mac)
    {
      rc = gnutls_pkcs12_verify_mac (p12, password);
      if (rc < 0)
        return rc;
    }

  return gnutls_pkcs12_simple_parse (p12, password, &bundle->key,
                                     &bundle->chain, &bundle->chain_len,
                                     &bundle->extra, &bundle->extra_len, NULL, 0);
}

/* The attributes of the key and of the holder's certificate: the
 * certificate is the one with a local key ID. */
typedef struct
{
  char    *key_name;
  char    *cert_name;
  GBytes  *key_local_id;
  GBytes  *cert_local_id;
  guint    n_keys;
  guint    n_certs;
} BagAttributes;

static void
bag_attributes_clear (BagAttributes *attributes)
{
  g_clear_pointer (&attributes->key_name, g_free);
  g_clear_pointer (&attributes->cert_name, g_free);
  g_clear_pointer (&attributes->key_local_id, g_bytes_unref);
  g_clear_pointer (&attributes->cert_local_id, g_bytes_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BagAttributes, bag_attributes_clear)

static void
read_bag_attributes (GBytes        *pkcs12,
                     BagAttributes *attributes)
{
  g_auto(gnutls_pkcs12_t) p12 = NULL;
  gnutls_datum_t der = { (unsigned char *)g_bytes_get_data (pkcs12, NULL),
                         g_bytes_get_size (pkcs12) };

  g_assert_cmpint (gnutls_pkcs12_init (&p12), ==, 0);
  g_assert_cmpint (gnutls_pkcs12_import (p12, &der, GNUTLS_X509_FMT_DER, 0), ==, 0);

  for (int i = 0; ; i++)
    {
      g_auto(gnutls_pkcs12_bag_t) bag = NULL;
      int rc;

      g_assert_cmpint (gnutls_pkcs12_bag_init (&bag), ==, 0);
      rc = gnutls_pkcs12_get_bag (p12, i, bag);
      if (rc == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE)
        break;
      g_assert_cmpint (rc, ==, 0);

      /* Nothing but the shrouded key travels unencrypted. */
      if (gnutls_pkcs12_bag_get_type (bag, 0) == GNUTLS_BAG_ENCRYPTED)
        g_assert_cmpint (gnutls_pkcs12_bag_decrypt (bag, PASSWORD), ==, 0);
      else
        g_assert_cmpint (gnutls_pkcs12_bag_get_type (bag, 0), ==, GNUTLS_BAG_PKCS8_ENCRYPTED_KEY);

      for (int j = 0; j < gnutls_pkcs12_bag_get_count (bag); j++)
        {
          gnutls_datum_t local_id = { NULL, 0 };
          char *name = NULL;
          int type = gnutls_pkcs12_bag_get_type (bag, j);

          g_assert_cmpint (gnutls_pkcs12_bag_get_key_id (bag, j, &local_id), ==, 0);
          g_assert_cmpint (gnutls_pkcs12_bag_get_friendly_name (bag, j, &name), ==, 0);

          if (type == GNUTLS_BAG_PKCS8_ENCRYPTED_KEY)
            {
              attributes->n_keys++;
              attributes->key_name = g_strdup (name);
              if (local_id.data != NULL)
                attributes->key_local_id = g_bytes_new (local_id.data, local_id.size);
            }
          else if (type == GNUTLS_BAG_CERTIFICATE)
            {
              attributes->n_certs++;
              if (local_id.data != NULL)
                {
                  g_assert_null (attributes->cert_local_id);
                  attributes->cert_name = g_strdup (name);
                  attributes->cert_local_id = g_bytes_new (local_id.data, local_id.size);
                }
            }
        }
    }
}

static void
test_ca (Fixture                     *fixture,
         G_GNUC_UNUSED gconstpointer  data)
{
  g_auto(gnutls_x509_crt_t) ca = import_pem (fixture->ca_pem);
  g_autofree char *again = csc_demo_pki_dup_ca_pem (fixture->pki);
  g_autofree char *cn = NULL;
  g_autofree char *o = NULL;
  g_autofree char *c = NULL;
  unsigned int status = 1;
  unsigned int critical = 0;
  unsigned int ca_flag = 0;
  unsigned int usage = 0;
  guint8 key_id[64];
  size_t key_id_size = sizeof key_id;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_assert_cmpstr (again, ==, fixture->ca_pem);

  g_assert_cmpint (gnutls_x509_crt_check_issuer (ca, ca), ==, 1);
  g_assert_cmpint (gnutls_x509_crt_verify (ca, &ca, 1, 0, &status), ==, 0);
  g_assert_cmpuint (status, ==, 0);

  cn = dn_part (ca, GNUTLS_OID_X520_COMMON_NAME);
  o = dn_part (ca, GNUTLS_OID_X520_ORGANIZATION_NAME);
  c = dn_part (ca, GNUTLS_OID_X520_COUNTRY_NAME);
  g_assert_cmpstr (cn, ==, "Countersign 演示电子认证中心");
  g_assert_cmpstr (o, ==, "Countersign Demo");
  g_assert_cmpstr (c, ==, "CN");

  g_assert_cmpint (gnutls_x509_crt_get_basic_constraints (ca, &critical, &ca_flag, NULL), >=, 0);
  g_assert_true (critical);
  g_assert_true (ca_flag);

  g_assert_cmpint (gnutls_x509_crt_get_key_usage (ca, &usage, &critical), >=, 0);
  g_assert_cmpuint (usage, ==, GNUTLS_KEY_KEY_CERT_SIGN | GNUTLS_KEY_CRL_SIGN);

  g_assert_cmpint (gnutls_x509_crt_get_subject_key_id (ca, key_id, &key_id_size, NULL), ==, 0);
  g_assert_cmpuint (key_id_size, >, 0);

  g_assert_cmpint (gnutls_x509_crt_get_activation_time (ca), <=, now - 86400 + 60);
  g_assert_cmpint (gnutls_x509_crt_get_activation_time (ca), >=, now - 86400 - 60);
  g_assert_cmpint (gnutls_x509_crt_get_expiration_time (ca), >=, now + 3650 * (gint64)86400);
}

static void
test_certificate (Fixture                     *fixture,
                  G_GNUC_UNUSED gconstpointer  data)
{
  g_auto(gnutls_x509_crt_t) ca = import_pem (fixture->ca_pem);
  g_auto(gnutls_x509_crt_t) crt = import_pem (fixture->cert_pem);
  g_autofree char *cn = NULL;
  g_autofree char *o = NULL;
  g_autofree char *ou = NULL;
  g_autofree char *c = NULL;
  g_autofree char *email = NULL;
  unsigned int critical = 0;
  unsigned int ca_flag = 1;
  unsigned int usage = 0;
  guint8 serial[64];
  size_t serial_size = sizeof serial;
  guint8 ski[64], aki[64];
  size_t ski_size = sizeof ski, aki_size = sizeof aki;
  char oid[128];
  size_t oid_size;
  gboolean email_protection = FALSE;

  cn = dn_part (crt, GNUTLS_OID_X520_COMMON_NAME);
  o = dn_part (crt, GNUTLS_OID_X520_ORGANIZATION_NAME);
  ou = dn_part (crt, GNUTLS_OID_X520_ORGANIZATIONAL_UNIT_NAME);
  c = dn_part (crt, GNUTLS_OID_X520_COUNTRY_NAME);
  email = dn_part (crt, GNUTLS_OID_PKCS9_EMAIL);
  g_assert_cmpstr (cn, ==, CHIEF_NAME);
  g_assert_cmpstr (o, ==, CHIEF_ORGANISATION);
  g_assert_cmpstr (ou, ==, CHIEF_UNIT);
  g_assert_cmpstr (c, ==, "CN");
  g_assert_null (email);

  g_assert_cmpint (gnutls_x509_crt_get_serial (crt, serial, &serial_size), ==, 0);
  g_assert_cmpuint (serial_size, ==, 16);
  g_assert_cmpuint (serial[0] & 0x80, ==, 0);
  g_assert_cmpuint (serial[0], !=, 0);

  g_assert_cmpint (gnutls_x509_crt_get_basic_constraints (crt, &critical, &ca_flag, NULL), >=, 0);
  g_assert_false (ca_flag);

  g_assert_cmpint (gnutls_x509_crt_get_key_usage (crt, &usage, &critical), >=, 0);
  g_assert_true (critical);
  g_assert_cmpuint (usage, ==, GNUTLS_KEY_DIGITAL_SIGNATURE | GNUTLS_KEY_NON_REPUDIATION);

  for (unsigned int i = 0; ; i++)
    {
      int rc;

      oid_size = sizeof oid;
      rc = gnutls_x509_crt_get_key_purpose_oid (crt, i, oid, &oid_size, NULL);
      if (rc == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE)
        break;
      g_assert_cmpint (rc, ==, 0);
      if (g_str_equal (oid, GNUTLS_KP_EMAIL_PROTECTION))
        email_protection = TRUE;
    }
  g_assert_true (email_protection);

  g_assert_cmpint (gnutls_x509_crt_get_subject_key_id (ca, ski, &ski_size, NULL), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_get_authority_key_id (crt, aki, &aki_size, NULL), ==, 0);
  g_assert_cmpmem (aki, aki_size, ski, ski_size);
}

static void
test_latin_name_no_unit (Fixture                     *fixture,
                         G_GNUC_UNUSED gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) after = g_date_time_add_days (now, 30);
  g_autofree char *pem = NULL;
  g_autoptr(GBytes) pkcs12 = NULL;
  g_auto(gnutls_x509_crt_t) crt = NULL;
  g_autofree char *ou = NULL;
  g_autofree char *o = NULL;
  g_auto(BagAttributes) attributes = { NULL, NULL, NULL, NULL, 0, 0 };

  g_assert_true (csc_demo_pki_issue (fixture->pki, "José Núñez", "Demo Bureau", NULL, now, after,
                                     PASSWORD, &pem, &pkcs12, &error));
  g_assert_no_error (error);

  /* A name GnuTLS can write is the friendly name of key and certificate. */
  read_bag_attributes (pkcs12, &attributes);
  g_assert_cmpstr (attributes.key_name, ==, "José Núñez");
  g_assert_cmpstr (attributes.cert_name, ==, "José Núñez");

  crt = import_pem (pem);
  ou = dn_part (crt, GNUTLS_OID_X520_ORGANIZATIONAL_UNIT_NAME);
  o = dn_part (crt, GNUTLS_OID_X520_ORGANIZATION_NAME);
  g_assert_null (ou);
  g_assert_cmpstr (o, ==, "Demo Bureau");
  g_assert_cmpint (gnutls_x509_crt_get_activation_time (crt), ==, g_date_time_to_unix (now));
  g_assert_cmpint (gnutls_x509_crt_get_expiration_time (crt), ==, g_date_time_to_unix (after));
}

static void
test_chain (Fixture                     *fixture,
            G_GNUC_UNUSED gconstpointer  data)
{
  g_auto(gnutls_x509_crt_t) ca = import_pem (fixture->ca_pem);
  g_auto(gnutls_x509_crt_t) crt = import_pem (fixture->cert_pem);
  g_auto(gnutls_x509_trust_list_t) trust = new_trust_list (fixture->ca_pem);
  g_autofree char *stranger_pem = other_ca_pem ();
  g_auto(gnutls_x509_trust_list_t) stranger = new_trust_list (stranger_pem);
  gnutls_typed_vdata_st purpose = {
    .type = GNUTLS_DT_KEY_PURPOSE_OID,
    .data = (unsigned char *)GNUTLS_KP_EMAIL_PROTECTION,
    .size = 0,
  };
  unsigned int status = G_MAXUINT;

  g_assert_cmpint (gnutls_x509_crt_list_verify (&crt, 1, &ca, 1, NULL, 0, 0, &status), ==, 0);
  g_assert_cmpuint (status, ==, 0);

  status = G_MAXUINT;
  g_assert_cmpint (gnutls_x509_trust_list_verify_crt2 (trust, &crt, 1, &purpose, 1, 0,
                                                       &status, NULL), ==, 0);
  g_assert_cmpuint (status, ==, 0);

  status = 0;
  g_assert_cmpint (gnutls_x509_trust_list_verify_crt2 (stranger, &crt, 1, &purpose, 1, 0,
                                                       &status, NULL), ==, 0);
  g_assert_cmpuint (status & GNUTLS_CERT_INVALID, !=, 0);
}

static void
test_pkcs12 (Fixture                     *fixture,
             G_GNUC_UNUSED gconstpointer  data)
{
  g_auto(Bundle) bundle = { NULL, NULL, 0, NULL, 0 };
  g_auto(Bundle) wrong = { NULL, NULL, 0, NULL, 0 };
  g_auto(gnutls_x509_crt_t) crt = import_pem (fixture->cert_pem);
  g_auto(gnutls_x509_crt_t) ca = import_pem (fixture->ca_pem);
  g_auto(BagAttributes) attributes = { NULL, NULL, NULL, NULL, 0, 0 };
  guint8 cert_id[64], key_id[64];
  size_t cert_id_size = sizeof cert_id, key_id_size = sizeof key_id;
  gboolean has_ca = FALSE;

  /* Both the MAC and the encryption keep a wrong password out. */
  g_assert_cmpint (parse_pkcs12 (fixture->pkcs12, "wrong", TRUE, &wrong), <, 0);
  g_assert_cmpint (parse_pkcs12 (fixture->pkcs12, "wrong", FALSE, &wrong), <, 0);
  g_assert_null (wrong.key);

  g_assert_cmpint (parse_pkcs12 (fixture->pkcs12, PASSWORD, TRUE, &bundle), ==, 0);
  g_assert_nonnull (bundle.key);
  g_assert_cmpuint (bundle.chain_len, >=, 1);
  g_assert_true (gnutls_x509_crt_equals (bundle.chain[0], crt));

  g_assert_cmpint (gnutls_x509_crt_get_key_id (bundle.chain[0], 0, cert_id, &cert_id_size), ==, 0);
  g_assert_cmpint (gnutls_x509_privkey_get_key_id (bundle.key, 0, key_id, &key_id_size), ==, 0);
  g_assert_cmpmem (cert_id, cert_id_size, key_id, key_id_size);

  /* One key and two certificates, the holder's paired with the key. A
   * friendly name, when there is one, reads back as written. */
  read_bag_attributes (fixture->pkcs12, &attributes);
  g_assert_cmpuint (attributes.n_keys, ==, 1);
  g_assert_cmpuint (attributes.n_certs, ==, 2);
  g_assert_nonnull (attributes.key_local_id);
  g_assert_nonnull (attributes.cert_local_id);
  g_assert_true (g_bytes_equal (attributes.key_local_id, attributes.cert_local_id));
  g_assert_true (attributes.key_name == NULL || g_str_equal (attributes.key_name, CHIEF_NAME));
  g_assert_true (attributes.cert_name == NULL || g_str_equal (attributes.cert_name, CHIEF_NAME));

  for (unsigned int i = 0; i < bundle.chain_len; i++)
    has_ca |= gnutls_x509_crt_equals (bundle.chain[i], ca);
  for (unsigned int i = 0; i < bundle.extra_len; i++)
    has_ca |= gnutls_x509_crt_equals (bundle.extra[i], ca);
  g_assert_true (has_ca);
}

static void
test_cms_signature (Fixture                     *fixture,
                    G_GNUC_UNUSED gconstpointer  data)
{
  static const char content[] = "{\"case\":\"c1\",\"outcome\":\"grant\"}";
  static const char tampered_content[] = "{\"case\":\"c1\",\"outcome\":\"deny\"}";
  gnutls_datum_t content_datum = { (unsigned char *)content, sizeof content - 1 };
  gnutls_datum_t tampered = { (unsigned char *)tampered_content, sizeof tampered_content - 1 };
  g_auto(Bundle) bundle = { NULL, NULL, 0, NULL, 0 };
  g_auto(gnutls_privkey_t) key = NULL;
  g_auto(gnutls_pkcs7_t) pkcs7 = NULL;
  g_auto(gnutls_pkcs7_t) parsed = NULL;
  g_auto(gnutls_datum_t) signature = { NULL, 0 };
  g_auto(gnutls_datum_t) embedded_der = { NULL, 0 };
  g_auto(gnutls_x509_crt_t) registered = import_pem (fixture->cert_pem);
  g_auto(gnutls_x509_crt_t) embedded = NULL;
  g_auto(gnutls_x509_trust_list_t) trust = new_trust_list (fixture->ca_pem);
  g_autofree char *stranger_pem = other_ca_pem ();
  g_auto(gnutls_x509_trust_list_t) stranger = new_trust_list (stranger_pem);

  g_assert_cmpint (parse_pkcs12 (fixture->pkcs12, PASSWORD, TRUE, &bundle), ==, 0);
  g_assert_cmpint (gnutls_privkey_init (&key), ==, 0);
  g_assert_cmpint (gnutls_privkey_import_x509 (key, bundle.key, GNUTLS_PRIVKEY_IMPORT_COPY), ==, 0);

  g_assert_cmpint (gnutls_pkcs7_init (&pkcs7), ==, 0);
  g_assert_cmpint (gnutls_pkcs7_sign (pkcs7, bundle.chain[0], key, &content_datum, NULL, NULL,
                                      GNUTLS_DIG_SHA256,
                                      GNUTLS_PKCS7_INCLUDE_TIME | GNUTLS_PKCS7_INCLUDE_CERT),
                   ==, 0);
  g_assert_cmpint (gnutls_pkcs7_export2 (pkcs7, GNUTLS_X509_FMT_DER, &signature), ==, 0);

  if (g_getenv ("CSC_TEST_DEMO_PKI_DUMP") != NULL)
    {
      /* For checking by hand with openssl. */
      const char *dir = g_getenv ("CSC_TEST_DEMO_PKI_DUMP");
      g_autofree char *sig_path = g_build_filename (dir, "sig.der", NULL);
      g_autofree char *data_path = g_build_filename (dir, "data", NULL);
      g_autofree char *ca_path = g_build_filename (dir, "ca.pem", NULL);
      g_autofree char *cert_path = g_build_filename (dir, "cert.pem", NULL);
      g_autofree char *p12_path = g_build_filename (dir, "chief.p12", NULL);

      g_assert_true (g_file_set_contents (sig_path, (const char *)signature.data,
                                          signature.size, NULL));
      g_assert_true (g_file_set_contents (data_path, content, sizeof content - 1, NULL));
      g_assert_true (g_file_set_contents (ca_path, fixture->ca_pem, -1, NULL));
      g_assert_true (g_file_set_contents (cert_path, fixture->cert_pem, -1, NULL));
      g_assert_true (g_file_set_contents (p12_path, g_bytes_get_data (fixture->pkcs12, NULL),
                                          g_bytes_get_size (fixture->pkcs12), NULL));
    }

  g_assert_cmpint (gnutls_pkcs7_init (&parsed), ==, 0);
  g_assert_cmpint (gnutls_pkcs7_import (parsed, &signature, GNUTLS_X509_FMT_DER), ==, 0);
  g_assert_cmpint (gnutls_pkcs7_verify (parsed, trust, NULL, 0, 0, &content_datum, 0), ==, 0);
  g_assert_cmpint (gnutls_pkcs7_verify (parsed, trust, NULL, 0, 0, &tampered, 0), <, 0);
  g_assert_cmpint (gnutls_pkcs7_verify (parsed, stranger, NULL, 0, 0, &content_datum, 0), <, 0);

  /* The server also checks that the signer is the registered chief. */
  g_assert_cmpint (gnutls_pkcs7_get_crt_raw2 (parsed, 0, &embedded_der), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_init (&embedded), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_import (embedded, &embedded_der, GNUTLS_X509_FMT_DER), ==, 0);
  g_assert_true (gnutls_x509_crt_equals (embedded, registered));
}

static gpointer
issue_in_thread (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) after = g_date_time_add_days (now, 1);
  g_autofree char *pem = NULL;
  g_autoptr(GBytes) pkcs12 = NULL;

  if (!csc_demo_pki_issue (fixture->pki, "Worker", "Demo Bureau", NULL, now, after, PASSWORD,
                           &pem, &pkcs12, &error))
    return g_strdup (error->message);

  return g_steal_pointer (&pem);
}

/* The seed may issue the chiefs' certificates in parallel. */
static void
test_threads (Fixture                     *fixture,
              G_GNUC_UNUSED gconstpointer  data)
{
  g_auto(gnutls_x509_crt_t) ca = import_pem (fixture->ca_pem);
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("issue", issue_in_thread, fixture);

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_autofree char *pem = g_thread_join (threads[i]);
      g_auto(gnutls_x509_crt_t) crt = NULL;
      unsigned int status = G_MAXUINT;

      g_assert_true (g_str_has_prefix (pem, "-----BEGIN CERTIFICATE-----"));
      crt = import_pem (pem);
      g_assert_cmpint (gnutls_x509_crt_list_verify (&crt, 1, &ca, 1, NULL, 0, 0, &status), ==, 0);
      g_assert_cmpuint (status, ==, 0);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/demo-pki/ca", Fixture, NULL, fixture_set_up, test_ca, fixture_tear_down);
  g_test_add ("/demo-pki/certificate", Fixture, NULL, fixture_set_up, test_certificate,
              fixture_tear_down);
  g_test_add ("/demo-pki/latin-name-no-unit", Fixture, NULL, fixture_set_up,
              test_latin_name_no_unit, fixture_tear_down);
  g_test_add ("/demo-pki/chain", Fixture, NULL, fixture_set_up, test_chain, fixture_tear_down);
  g_test_add ("/demo-pki/pkcs12", Fixture, NULL, fixture_set_up, test_pkcs12, fixture_tear_down);
  g_test_add ("/demo-pki/cms-signature", Fixture, NULL, fixture_set_up, test_cms_signature,
              fixture_tear_down);
  g_test_add ("/demo-pki/threads", Fixture, NULL, fixture_set_up, test_threads, fixture_tear_down);

  return g_test_run ();
}
