/* test-demo-pki.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gnutls/gnutls.h>
#include <gnutls/pkcs12.h>
#include <gnutls/pkcs7.h>
#include <gnutls/x509.h>
#include <gnutls/abstract.h>

#include "csc-demo-pki.h"

/* The demo CA and a chief representative's PKCS#12 work for what the
 * signing part needs: the certificate chains to the CA, the file opens with
 * its password (and only with it), and its key makes a detached CMS
 * signature that verifies against the CA. */

typedef struct
{
  CscDemoPki *pki;
  char       *ca_pem;
  char       *cert_pem;
  GBytes     *pkcs12;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) before = g_date_time_add_days (now, -1);
  g_autoptr(GDateTime) after = g_date_time_add_years (now, 1);

  fixture->pki = csc_demo_pki_new (&error);
  g_assert_no_error (error);
  fixture->ca_pem = csc_demo_pki_dup_ca_pem (fixture->pki);
  g_assert_true (g_str_has_prefix (fixture->ca_pem, "-----BEGIN CERTIFICATE-----"));

  g_assert_true (csc_demo_pki_issue (fixture->pki, "黄志明", "广州市荔湾区卫生健康局", "首席代表",
                                     before, after, "demo", &fixture->cert_pem, &fixture->pkcs12,
                                     &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->pki);
  g_free (fixture->ca_pem);
  g_free (fixture->cert_pem);
  g_clear_pointer (&fixture->pkcs12, g_bytes_unref);
}

static gnutls_x509_crt_t
import_pem (const char *pem)
{
  gnutls_x509_crt_t crt;
  gnutls_datum_t datum = { (unsigned char *)pem, strlen (pem) };

  g_assert_cmpint (gnutls_x509_crt_init (&crt), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_import (crt, &datum, GNUTLS_X509_FMT_PEM), ==, 0);
  return crt;
}

static void
test_chain (Fixture       *fixture,
            gconstpointer  data)
{
  gnutls_x509_crt_t ca = import_pem (fixture->ca_pem);
  gnutls_x509_crt_t crt = import_pem (fixture->cert_pem);
  unsigned int status = 0;
  unsigned int critical = 0;
  unsigned int usage = 0;

  g_assert_cmpint (gnutls_x509_crt_verify (crt, &ca, 1, 0, &status), ==, 0);
  g_assert_cmpuint (status, ==, 0);
  g_assert_cmpint (gnutls_x509_crt_get_key_usage (crt, &usage, &critical), >=, 0);
  g_assert_true (usage & GNUTLS_KEY_DIGITAL_SIGNATURE);
  g_assert_true (usage & GNUTLS_KEY_NON_REPUDIATION);
  g_assert_cmpint (gnutls_x509_crt_get_ca_status (crt, NULL), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_get_ca_status (ca, NULL), >, 0);

  gnutls_x509_crt_deinit (crt);
  gnutls_x509_crt_deinit (ca);
}

static int
parse_pkcs12 (GBytes                 *pkcs12,
              const char             *password,
              gnutls_x509_privkey_t  *key,
              gnutls_x509_crt_t     **chain,
              unsigned int           *chain_len)
{
  gnutls_pkcs12_t p12;
  gnutls_datum_t der = { (unsigned char *)g_bytes_get_data (pkcs12, NULL), g_bytes_get_size (pkcs12) };
  int rc;

  g_assert_cmpint (gnutls_pkcs12_init (&p12), ==, 0);
  g_assert_cmpint (gnutls_pkcs12_import (p12, &der, GNUTLS_X509_FMT_DER, 0), ==, 0);
  rc = gnutls_pkcs12_verify_mac (p12, password);
  if (rc == 0)
    rc = gnutls_pkcs12_simple_parse (p12, password, key, chain, chain_len, NULL, NULL, NULL, 0);
  gnutls_pkcs12_deinit (p12);

  return rc;
}

static void
test_pkcs12 (Fixture       *fixture,
             gconstpointer  data)
{
  gnutls_x509_privkey_t key = NULL;
  gnutls_x509_crt_t *chain = NULL;
  unsigned int chain_len = 0;
  guint8 cert_id[64], key_id[64];
  size_t cert_id_size = sizeof cert_id, key_id_size = sizeof key_id;

  g_assert_cmpint (parse_pkcs12 (fixture->pkcs12, "wrong", &key, &chain, &chain_len), <, 0);

  g_assert_cmpint (parse_pkcs12 (fixture->pkcs12, "demo", &key, &chain, &chain_len), ==, 0);
  g_assert_nonnull (key);
  g_assert_cmpuint (chain_len, >=, 1);

  g_assert_cmpint (gnutls_x509_crt_get_key_id (chain[0], 0, cert_id, &cert_id_size), ==, 0);
  g_assert_cmpint (gnutls_x509_privkey_get_key_id (key, 0, key_id, &key_id_size), ==, 0);
  g_assert_cmpmem (cert_id, cert_id_size, key_id, key_id_size);

  for (unsigned int i = 0; i < chain_len; i++)
    gnutls_x509_crt_deinit (chain[i]);
  gnutls_free (chain);
  gnutls_x509_privkey_deinit (key);
}

static void
test_cms_signature (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char content[] = "{\"case\":\"c1\",\"outcome\":\"grant\"}";
  gnutls_datum_t content_datum = { (unsigned char *)content, sizeof content - 1 };
  gnutls_x509_privkey_t x509_key = NULL;
  gnutls_privkey_t key = NULL;
  gnutls_x509_crt_t *chain = NULL;
  unsigned int chain_len = 0;
  gnutls_pkcs7_t pkcs7 = NULL;
  gnutls_pkcs7_t parsed = NULL;
  gnutls_datum_t signature = { NULL, 0 };
  gnutls_x509_trust_list_t trust = NULL;
  gnutls_x509_crt_t ca = import_pem (fixture->ca_pem);
  gnutls_datum_t tampered = { (unsigned char *)"{\"case\":\"c1\",\"outcome\":\"deny\"}", 30 };

  g_assert_cmpint (parse_pkcs12 (fixture->pkcs12, "demo", &x509_key, &chain, &chain_len), ==, 0);
  g_assert_cmpint (gnutls_privkey_init (&key), ==, 0);
  g_assert_cmpint (gnutls_privkey_import_x509 (key, x509_key, 0), ==, 0);

  g_assert_cmpint (gnutls_pkcs7_init (&pkcs7), ==, 0);
  g_assert_cmpint (gnutls_pkcs7_sign (pkcs7, chain[0], key, &content_datum, NULL, NULL,
                                      GNUTLS_DIG_SHA256,
                                      GNUTLS_PKCS7_INCLUDE_TIME | GNUTLS_PKCS7_INCLUDE_CERT),
                   ==, 0);
  g_assert_cmpint (gnutls_pkcs7_export2 (pkcs7, GNUTLS_X509_FMT_DER, &signature), ==, 0);

  g_assert_cmpint (gnutls_x509_trust_list_init (&trust, 0), ==, 0);
  g_assert_cmpint (gnutls_x509_trust_list_add_cas (trust, &ca, 1, 0), ==, 1);
  g_assert_cmpint (gnutls_pkcs7_init (&parsed), ==, 0);
  g_assert_cmpint (gnutls_pkcs7_import (parsed, &signature, GNUTLS_X509_FMT_DER), ==, 0);
  g_assert_cmpint (gnutls_pkcs7_verify (parsed, trust, NULL, 0, 0, &content_datum, 0), ==, 0);
  g_assert_cmpint (gnutls_pkcs7_verify (parsed, trust, NULL, 0, 0, &tampered, 0), <, 0);

  gnutls_pkcs7_deinit (parsed);
  gnutls_x509_trust_list_deinit (trust, 1);
  gnutls_free (signature.data);
  gnutls_pkcs7_deinit (pkcs7);
  gnutls_privkey_deinit (key);
  gnutls_x509_privkey_deinit (x509_key);
  for (unsigned int i = 0; i < chain_len; i++)
    gnutls_x509_crt_deinit (chain[i]);
  gnutls_free (chain);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/demo-pki/chain", Fixture, NULL, fixture_set_up, test_chain, fixture_tear_down);
  g_test_add ("/demo-pki/pkcs12", Fixture, NULL, fixture_set_up, test_pkcs12, fixture_tear_down);
  g_test_add ("/demo-pki/cms-signature", Fixture, NULL, fixture_set_up, test_cms_signature,
              fixture_tear_down);

  return g_test_run ();
}
