/* test-decisions.c — signed decisions against a real countersign-central:
 * rendered, signed (PKCS#12 and a SoftHSM token), sent, verified by the
 * server and by openssl, and every refusal the server owes
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <gnutls/gnutls.h>
#include <gnutls/abstract.h>
#include <gnutls/pkcs7.h>
#include <gnutls/x509.h>
#include <countersign.h>

#include "cs-decision-document.h"
#include "cs-decision-draft.h"
#include "cs-decision-verifier.h"
#include "cs-signer.h"
#include "cs-test-central.h"

#define MATTER "health.radiation-worker"

static CsTestCentral *central;
static char *demo_dir;
static char *work_dir;
static char *chief_token;
static char *approver_token;

static char *
demo_file (const char *name)
{
  return g_build_filename (demo_dir, name, NULL);
}

static char *
work_file (const char *name)
{
  return g_build_filename (work_dir, name, NULL);
}

/* Runs a tool and fails the test if it fails. */
static void
run (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = cs_test_run_cli (argv, &out, &err);

  if (status != 0)
    g_error ("%s failed (%d): %s%s", argv[0], status, out, err);
}

static void
write_file (const char *path,
            GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}

/* A forwarded radiation-worker case, claimed by the approver and reviewed
 * (finally) with every required item verified, or with @problem_item
 * marked as a problem. */
static char *
reviewed_case (const char *problem_item)
{
  g_autoptr(CsTestResponse) list = cs_test_request (central, "GET",
                                                    "/v1/cases?limit=500&status=forwarded",
                                                    approver_token, NULL, NULL);
  JsonArray *items = json_object_get_array_member (cs_test_response_object (list), "items");
  static const char *required[] = { "application", "id-card", "health-exam", "training",
                                    "employer-licence" };

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *summary = json_array_get_object_element (items, i);
      const char *id = json_object_get_string_member (summary, "id");
      g_autoptr(CsTestResponse) claimed = NULL;
      g_autoptr(CsTestResponse) reviewed = NULL;
      g_autoptr(GString) body = g_string_new (NULL);
      g_autofree char *path = NULL;

      if (!g_str_equal (json_object_get_string_member (json_object_get_object_member (summary,
                                                                                      "matter"),
                                                       "code"), MATTER))
        continue;

      path = g_strdup_printf ("/v1/cases/%s/claim", id);
      claimed = cs_test_request (central, "POST", path, approver_token, NULL, NULL);
      g_assert_cmpuint (claimed->status, ==, 200);

      g_string_append_printf (body, "{\"opinion\":\"材料齐全\",\"proposed_outcome\":\"%s\","
                                    "\"final\":true,\"checklist\":[",
                              problem_item != NULL ? "supplement" : "grant");
      for (guint j = 0; j < G_N_ELEMENTS (required); j++)
        {
          gboolean problem = g_strcmp0 (problem_item, required[j]) == 0;

          g_string_append_printf (body, "%s{\"item\":\"%s\",\"verdict\":\"%s\"%s}",
                                  j > 0 ? "," : "", required[j],
                                  problem ? "problem" : "verified",
                                  problem ? ",\"reason\":\"体检报告已超过有效期\"" : "");
        }
      g_string_append (body, "]}");
      g_free (path);
      path = g_strdup_printf ("/v1/cases/%s/reviews", id);
      reviewed = cs_test_request (central, "POST", path, approver_token, body->str, NULL);
      g_assert_cmpuint (reviewed->status, ==, 201);
      return g_strdup (id);
    }

  g_error ("no forwarded radiation-worker case is left");
}

/* A radiation-worker case being worked on (claimed or under review, never
 * extended nor suspended), as the demo centre has some; the forwarded ones
 * are kept for the decisions that need a review. A decided case leaves the
 * list. */
static char *
claimed_case (void)
{
  g_autoptr(CsTestResponse) list = cs_test_request (central, "GET",
                                                    "/v1/cases?limit=500&status=claimed,under_review",
                                                    approver_token, NULL, NULL);
  JsonArray *items = json_object_get_array_member (cs_test_response_object (list), "items");

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *summary = json_array_get_object_element (items, i);
      JsonObject *clock = json_object_get_object_member (summary, "clock");
      const char *id = json_object_get_string_member (summary, "id");

      if (!g_str_equal (json_object_get_string_member (json_object_get_object_member (summary,
                                                                                      "matter"),
                                                       "code"), MATTER) ||
          json_object_get_int_member (clock, "extension_days") != 0 ||
          json_array_get_length (json_object_get_array_member (clock, "suspensions")) != 0)
        continue;
      return g_strdup (id);
    }

  g_error ("no claimed radiation-worker case is left");
}

static CsCase *
load_case (const char  *case_id,
           char       **etag)
{
  g_autofree char *path = g_strdup_printf ("/v1/cases/%s", case_id);
  g_autoptr(CsTestResponse) response = cs_test_request (central, "GET", path, chief_token,
                                                        NULL, NULL);
  g_autoptr(GError) error = NULL;
  CsCase *kase;

  g_assert_cmpuint (response->status, ==, 200);
  kase = cs_case_new_from_json (cs_test_response_object (response), &error);
  g_assert_no_error (error);
  if (etag != NULL)
    *etag = g_strdup (cs_test_response_header (response, "ETag"));
  return kase;
}

static CsMatter *
load_matter (const char *code)
{
  g_autoptr(CsTestResponse) response = cs_test_request (central, "GET", "/v1/matters",
                                                        chief_token, NULL, NULL);
  JsonArray *items = json_object_get_array_member (cs_test_response_object (response), "items");

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *object = json_array_get_object_element (items, i);
      g_autoptr(GError) error = NULL;
      CsMatter *matter;

      if (!g_str_equal (json_object_get_string_member (object, "code"), code))
        continue;
      matter = cs_matter_new_from_json (object, &error);
      g_assert_no_error (error);
      return matter;
    }
  g_error ("no matter %s", code);
}

static CsDecisionDraft *
draft_for (const char  *case_id,
           CsOutcome    outcome,
           char       **etag)
{
  g_autoptr(CsCase) kase = load_case (case_id, etag);
  g_autoptr(CsMatter) matter = load_matter (cs_case_get_matter_code (kase));
  CsDecisionDraft *draft = cs_decision_draft_new_for_case (kase, matter, outcome);

  cs_decision_draft_set_signer (draft, "health-chief", "黄志明");
  return draft;
}

static CsSigner *
chief_signer (void)
{
  g_autofree char *p12 = demo_file ("health-chief.p12");
  g_autoptr(GError) error = NULL;
  CsSigner *signer = cs_signer_new_from_pkcs12 (p12, "demo", &error);

  g_assert_no_error (error);
  return signer;
}

typedef struct
{
  GBytes *payload;
  GBytes *signature;
  GBytes *document;
} Signed;

static void
signed_clear (Signed *s)
{
  g_clear_pointer (&s->payload, g_bytes_unref);
  g_clear_pointer (&s->signature, g_bytes_unref);
  g_clear_pointer (&s->document, g_bytes_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Signed, signed_clear)

static void
sign_draft (CsSigner        *signer,
            CsDecisionDraft *draft,
            Signed          *out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsDecisionDocument) document = cs_decision_document_new_render (draft, &error);

  g_assert_no_error (error);
  out->document = g_bytes_ref (cs_decision_document_get_bytes (document));
  out->payload = cs_decision_draft_build_payload (draft, cs_decision_document_get_sha256 (document),
                                                  NULL, &error);
  g_assert_no_error (error);
  out->signature = cs_signer_sign (signer, out->payload, &error);
  g_assert_no_error (error);
}

static CsTestResponse *
post_decision (const char *token,
               const char *case_id,
               const char *etag,
               const char *key,
               GBytes     *payload,
               GBytes     *signature,
               GBytes     *document)
{
  g_autoptr(SoupMultipart) multipart = soup_multipart_new (SOUP_FORM_MIME_TYPE_MULTIPART);
  g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  g_autoptr(GBytes) body = NULL;
  g_autofree char *path = g_strdup_printf ("/v1/cases/%s/decisions", case_id);

  soup_multipart_append_form_file (multipart, "payload", NULL, "application/json", payload);
  soup_multipart_append_form_file (multipart, "signature", NULL, "application/pkcs7-signature",
                                   signature);
  soup_multipart_append_form_file (multipart, "document", NULL, "application/pdf", document);
  soup_multipart_to_message (multipart, headers, &body);

  return cs_test_request_raw (central, "POST", path, token,
                              soup_message_headers_get_one (headers, "Content-Type"), body,
                              "If-Match", etag, key != NULL ? "Idempotency-Key" : NULL, key,
                              NULL);
}

static void
assert_refused (CsTestResponse *response,
                guint           status,
                const char     *code,
                const char     *detail_part)
{
  cs_test_assert_problem (response, status, code);
  if (detail_part != NULL)
    {
      const char *detail = json_object_get_string_member (cs_test_response_object (response),
                                                          "detail");

      if (strstr (detail, detail_part) == NULL)
        g_error ("the refusal “%s” does not mention “%s”", detail, detail_part);
    }
}

static gint64
count (const char *format,
       const char *case_id)
{
  g_autofree char *sql = g_strdup_printf (format, case_id);

  return cs_test_sqlite_count (central, sql);
}

/* countersign-central register-certificate on the running centre's
 * database; returns its exit status. */
static int
register_certificate (const char *username,
                      const char *cert_path)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  return cs_test_run_cli ((const char * const[]) {
                            cs_test_central_binary (), "register-certificate", "--db",
                            central->db_path, username, cert_path, NULL },
                          &out, &err);
}

/* A key and a certificate made with certtool, for what CsSigner itself
 * would refuse (an expired certificate) or what the centre must refuse. */
static void
issue_certificate (const char *name,
                   const char *ca_cert,
                   const char *ca_key,
                   const char *template_text,
                   char      **key_path,
                   char      **cert_path)
{
  g_autofree char *template_name = g_strconcat (name, ".cfg", NULL);
  g_autofree char *template_path = work_file (template_name);
  g_autofree char *key_name = g_strconcat (name, "-key.pem", NULL);
  g_autofree char *cert_name = g_strconcat (name, ".pem", NULL);
  g_autoptr(GError) error = NULL;

  *key_path = work_file (key_name);
  *cert_path = work_file (cert_name);
  g_file_set_contents (template_path, template_text, -1, &error);
  g_assert_no_error (error);

  run ((const char * const[]) { "certtool", "--generate-privkey", "--key-type", "rsa", "--bits",
                                "2048", "--outfile", *key_path, NULL });
  if (ca_cert == NULL)
    run ((const char * const[]) { "certtool", "--generate-self-signed", "--load-privkey",
                                  *key_path, "--template", template_path, "--outfile",
                                  *cert_path, NULL });
  else
    run ((const char * const[]) { "certtool", "--generate-certificate", "--load-privkey",
                                  *key_path, "--load-ca-certificate", ca_cert,
                                  "--load-ca-privkey", ca_key, "--template", template_path,
                                  "--outfile", *cert_path, NULL });
}

/* A detached CMS signature made with GnuTLS directly, from PEM files. */
static GBytes *
sign_with_files (const char *key_path,
                 const char *cert_path,
                 GBytes     *data)
{
  g_autofree char *key_pem = NULL;
  g_autofree char *cert_pem = NULL;
  gnutls_x509_crt_t crt = NULL;
  gnutls_privkey_t key = NULL;
  gnutls_pkcs7_t pkcs7 = NULL;
  gnutls_datum_t datum, out = { NULL, 0 };
  GBytes *signature;
  gsize length;

  g_assert_true (g_file_get_contents (key_path, &key_pem, &length, NULL));
  g_assert_true (g_file_get_contents (cert_path, &cert_pem, NULL, NULL));

  datum.data = (unsigned char *) key_pem;
  datum.size = length;
  g_assert_cmpint (gnutls_privkey_init (&key), >=, 0);
  g_assert_cmpint (gnutls_privkey_import_x509_raw (key, &datum, GNUTLS_X509_FMT_PEM, NULL, 0),
                   >=, 0);
  datum.data = (unsigned char *) cert_pem;
  datum.size = strlen (cert_pem);
  g_assert_cmpint (gnutls_x509_crt_init (&crt), >=, 0);
  g_assert_cmpint (gnutls_x509_crt_import (crt, &datum, GNUTLS_X509_FMT_PEM), >=, 0);

  datum.data = (unsigned char *) g_bytes_get_data (data, &length);
  datum.size = length;
  g_assert_cmpint (gnutls_pkcs7_init (&pkcs7), >=, 0);
  g_assert_cmpint (gnutls_pkcs7_sign (pkcs7, crt, key, &datum, NULL, NULL, GNUTLS_DIG_SHA256,
                                      GNUTLS_PKCS7_INCLUDE_TIME | GNUTLS_PKCS7_INCLUDE_CERT),
                   >=, 0);
  g_assert_cmpint (gnutls_pkcs7_export2 (pkcs7, GNUTLS_X509_FMT_DER, &out), >=, 0);
  signature = g_bytes_new (out.data, out.size);

  gnutls_free (out.data);
  gnutls_pkcs7_deinit (pkcs7);
  gnutls_x509_crt_deinit (crt);
  gnutls_privkey_deinit (key);
  return signature;
}

/* Signed bytes made by hand, for decisions CsDecisionDraft refuses to make
 * (a denial without reasons, a second extension…): the server must refuse
 * them on its own. */
static GBytes *
hand_payload (const char *case_id,
              gint64      version,
              const char *outcome,
              const char *sha256,
              const char *extra)
{
  g_autofree char *json = g_strdup_printf ("{\"case_id\":\"%s\",\"version\":%" G_GINT64_FORMAT ","
                                           "\"department\":\"health\",\"matter_code\":\"" MATTER "\","
                                           "\"outcome\":\"%s\",\"text\":\"决定如下。\","
                                           "\"document_sha256\":\"%s\",\"signer\":\"health-chief\","
                                           "\"signed_at\":\"2026-11-18T08:00:00Z\"%s}",
                                           case_id, version, outcome, sha256, extra);

  return g_bytes_new (json, strlen (json));
}

/* A grant, end to end: recorded from the verified bytes, the case decided,
 * the event and the audit entry there, a retry answered with the first
 * result, and the stored signature accepted by openssl against the demo
 * CA. */
static void
test_grant (void)
{
  g_autofree char *case_id = reviewed_case (NULL);
  g_autofree char *etag = NULL;
  g_autoptr(CsSigner) signer = chief_signer ();
  g_autoptr(CsDecisionDraft) draft = draft_for (case_id, CS_OUTCOME_GRANT, &etag);
  g_auto(Signed) s = { 0 };
  g_autoptr(CsTestResponse) posted = NULL;
  g_autoptr(CsTestResponse) again = NULL;
  g_autoptr(CsTestResponse) listed = NULL;
  g_autoptr(CsTestResponse) events = NULL;
  g_autoptr(CsTestResponse) head = NULL;
  g_autofree char *after = NULL;
  g_autofree char *path = g_strdup_printf ("/v1/cases/%s/decisions", case_id);
  g_autofree char *sig_path = work_file ("grant.p7s");
  g_autofree char *payload_path = work_file ("grant.json");
  g_autofree char *ca = demo_file ("ca.pem");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *sha256 = NULL;
  g_autoptr(GBytes) stored_payload = NULL;
  g_autoptr(GBytes) stored_signature = NULL;
  g_autoptr(GBytes) stored_document = NULL;
  JsonObject *answer, *decision, *kase, *item;
  JsonArray *items;
  gsize length;
  guchar *data;
  gboolean seen = FALSE;

  head = cs_test_request (central, "GET", "/v1/events", chief_token, NULL, NULL);
  after = g_strdup_printf ("/v1/events?after=%" G_GINT64_FORMAT "&timeout=0",
                           json_object_get_int_member (cs_test_response_object (head),
                                                       "last_seq"));
  sign_draft (signer, draft, &s);
  posted = post_decision (chief_token, case_id, etag, "grant-1", s.payload, s.signature,
                          s.document);
  g_assert_cmpuint (posted->status, ==, 201);
  answer = cs_test_response_object (posted);
  decision = json_object_get_object_member (answer, "decision");
  kase = json_object_get_object_member (answer, "case");
  g_assert_cmpstr (json_object_get_string_member (decision, "outcome"), ==, "grant");
  g_assert_cmpstr (json_object_get_string_member (decision, "case_id"), ==, case_id);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (decision,
                                                                                 "signer"),
                                                  "username"), ==, "health-chief");
  g_assert_cmpstr (json_object_get_string_member (kase, "status"), ==, "decided");
  g_assert_cmpstr (json_object_get_string_member (kase, "outcome"), ==, "grant");
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, s.document);
  g_assert_cmpstr (json_object_get_string_member (decision, "document_sha256"), ==, sha256);

  /* The same request again: the first answer, nothing recorded twice. */
  again = post_decision (chief_token, case_id, etag, "grant-1", s.payload, s.signature,
                         s.document);
  g_assert_cmpuint (again->status, ==, 201);
  g_assert_cmpstr (cs_test_response_header (again, "Idempotent-Replayed"), ==, "true");
  g_assert_cmpint (count ("SELECT COUNT(*) FROM decisions WHERE case_id = '%s'", case_id), ==, 1);
  g_assert_cmpint (count ("SELECT COUNT(*) FROM audit WHERE case_id = '%s'"
                          " AND action = 'decision.recorded'", case_id), ==, 1);

  events = cs_test_request (central, "GET", after, chief_token, NULL, NULL);
  items = json_object_get_array_member (cs_test_response_object (events), "events");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      item = json_array_get_object_element (items, i);
      seen |= g_strcmp0 (json_object_get_string_member (item, "type"), "decision.recorded") == 0 &&
              g_strcmp0 (json_object_get_string_member (item, "case_id"), case_id) == 0;
    }
  g_assert_true (seen);

  /* What is stored is what was signed, byte for byte. */
  listed = cs_test_request (central, "GET", path, chief_token, NULL, NULL);
  g_assert_cmpuint (listed->status, ==, 200);
  items = json_object_get_array_member (cs_test_response_object (listed), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  item = json_array_get_object_element (items, 0);
  data = g_base64_decode (json_object_get_string_member (item, "signed_bytes"), &length);
  stored_payload = g_bytes_new_take (data, length);
  data = g_base64_decode (json_object_get_string_member (item, "signature"), &length);
  stored_signature = g_bytes_new_take (data, length);
  data = g_base64_decode (json_object_get_string_member (item, "document"), &length);
  stored_document = g_bytes_new_take (data, length);
  g_assert_true (g_bytes_equal (stored_payload, s.payload));
  g_assert_true (g_bytes_equal (stored_signature, s.signature));
  g_assert_true (g_bytes_equal (stored_document, s.document));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (item, "payload"),
                                                  "document_sha256"), ==, sha256);

  write_file (sig_path, stored_signature);
  write_file (payload_path, stored_payload);
  g_assert_cmpint (cs_test_run_cli ((const char * const[]) {
                                      "openssl", "cms", "-verify", "-binary", "-inform", "DER",
                                      "-in", sig_path, "-content", payload_path,
                                      "-CAfile", ca, "-out", "/dev/null", NULL },
                                    &out, &err), ==, 0);
  g_assert_nonnull (strstr (err, "Verification successful"));
}

/* Each thing the server must refuse, on a reviewed case that is then still
 * reviewed, with nothing recorded. */
static void
test_refusals (void)
{
  g_autofree char *case_id = reviewed_case (NULL);
  g_autofree char *etag = NULL;
  g_autofree char *ca_cert = demo_file ("ca.pem");
  g_autofree char *ca_key = demo_file ("ca-key.pem");
  g_autofree char *other_ca_key = NULL;
  g_autofree char *other_ca_cert = NULL;
  g_autofree char *stranger_key = NULL;
  g_autofree char *stranger_cert = NULL;
  g_autofree char *expired_key = NULL;
  g_autofree char *expired_cert = NULL;
  g_autofree char *forestry_p12 = demo_file ("forestry-chief.p12");
  g_autoptr(CsSigner) signer = chief_signer ();
  g_autoptr(CsSigner) forestry = NULL;
  g_autoptr(CsDecisionDraft) draft = draft_for (case_id, CS_OUTCOME_GRANT, &etag);
  g_autoptr(GError) error = NULL;
  g_auto(Signed) s = { 0 };
  g_autofree char *sha256 = NULL;
  gint64 version;

  sign_draft (signer, draft, &s);
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, s.document);
  version = cs_decision_draft_get_version (draft);

  /* An approver, even with the chief's signature. */
  {
    g_autoptr(CsTestResponse) r = post_decision (approver_token, case_id, etag, NULL, s.payload,
                                                 s.signature, s.document);
    assert_refused (r, 403, "forbidden", "chief");
  }

  /* A certificate from another CA, in the chief's very name. */
  issue_certificate ("other-ca", NULL, NULL,
                     "cn = \"Another CA\"\norganization = \"Elsewhere\"\nca\ncert_signing_key\n"
                     "expiration_days = 365\n", &other_ca_key, &other_ca_cert);
  issue_certificate ("stranger", other_ca_cert, other_ca_key,
                     "cn = \"黄志明\"\nunit = \"首席代表\"\norganization = \"广州市荔湾区卫生健康局\"\n"
                     "country = CN\nsigning_key\nexpiration_days = 365\n",
                     &stranger_key, &stranger_cert);
  {
    g_autoptr(GBytes) signature = sign_with_files (stranger_key, stranger_cert, s.payload);
    g_autoptr(CsTestResponse) r = post_decision (chief_token, case_id, etag, NULL, s.payload,
                                                 signature, s.document);
    assert_refused (r, 422, "invalid-certificate", "was not issued by");
  }

  /* Another chief's certificate (of the same CA). */
  forestry = cs_signer_new_from_pkcs12 (forestry_p12, "demo", &error);
  g_assert_no_error (error);
  {
    g_autoptr(GBytes) signature = cs_signer_sign (forestry, s.payload, &error);
    g_autoptr(CsTestResponse) r = NULL;

    g_assert_no_error (error);
    r = post_decision (chief_token, case_id, etag, NULL, s.payload, signature, s.document);
    assert_refused (r, 422, "invalid-certificate", "not the certificate registered");
  }

  /* An expired certificate of the demo CA, for the chief. */
  issue_certificate ("expired", ca_cert, ca_key,
                     "cn = \"黄志明\"\nunit = \"首席代表\"\norganization = \"广州市荔湾区卫生健康局\"\n"
                     "country = CN\nsigning_key\nactivation_date = \"2020-01-01 00:00:00\"\n"
                     "expiration_date = \"2021-01-01 00:00:00\"\n",
                     &expired_key, &expired_cert);
  {
    g_autoptr(GBytes) signature = sign_with_files (expired_key, expired_cert, s.payload);
    g_autoptr(CsTestResponse) r = post_decision (chief_token, case_id, etag, NULL, s.payload,
                                                 signature, s.document);
    g_autoptr(CsTestResponse) registered = NULL;
    g_autofree char *current = cs_signer_dup_certificate_pem (signer);
    g_autofree char *current_path = work_file ("current.pem");

    assert_refused (r, 422, "invalid-certificate", "expired on 2021-01-01");

    /* Refused still once it is the chief's registered certificate: the
     * date alone decides. A certificate of another CA cannot be
     * registered at all. */
    g_assert_cmpint (register_certificate ("health-chief", expired_cert), ==, 0);
    g_assert_cmpint (count ("SELECT COUNT(*) FROM audit WHERE action = '%s'",
                            "certificate.registered"), ==, 1);
    registered = post_decision (chief_token, case_id, etag, NULL, s.payload, signature,
                                s.document);
    assert_refused (registered, 422, "invalid-certificate", "expired on 2021-01-01");
    g_assert_cmpint (register_certificate ("health-chief", stranger_cert), ==, 1);
    g_assert_cmpint (register_certificate ("health-approver", expired_cert), ==, 1);

    g_assert_true (g_file_set_contents (current_path, current, -1, NULL));
    g_assert_cmpint (register_certificate ("health-chief", current_path), ==, 0);

    /* The registrations are links of the audit chain like any other. */
    g_assert_cmpint (cs_test_run_cli ((const char * const[]) {
                                        cs_test_central_binary (), "verify-audit", "--db",
                                        central->db_path, NULL }, NULL, NULL), ==, 0);
  }

  /* The signed bytes altered after signing: one character of the text. */
  {
    gsize size = g_bytes_get_size (s.payload);
    g_autofree char *text = g_strndup (g_bytes_get_data (s.payload, NULL), size);
    char *where = strstr (text, "\"text\":\"") + strlen ("\"text\":\"");
    g_autoptr(GBytes) altered = NULL;
    g_autoptr(CsTestResponse) r = NULL;

    *where = *where == 'X' ? 'Y' : 'X';
    altered = g_bytes_new (text, size);
    r = post_decision (chief_token, case_id, etag, NULL, altered, s.signature, s.document);
    assert_refused (r, 422, "invalid-signature", "does not match the signed bytes");
  }

  /* The document altered: one byte of the PDF. */
  {
    gsize size = g_bytes_get_size (s.document);
    g_autofree guint8 *pdf = g_memdup2 (g_bytes_get_data (s.document, NULL), size);
    g_autoptr(GBytes) altered = NULL;
    g_autoptr(CsTestResponse) r = NULL;

    pdf[size / 2] ^= 0x20;
    altered = g_bytes_new (pdf, size);
    r = post_decision (chief_token, case_id, etag, NULL, s.payload, s.signature, altered);
    assert_refused (r, 422, "document-mismatch", sha256);
  }

  /* A stale version: the If-Match of another version, or signed bytes of
   * one. */
  {
    g_autofree char *old = g_strdup_printf ("\"%" G_GINT64_FORMAT "-health\"", version - 1);
    g_autoptr(CsTestResponse) r = post_decision (chief_token, case_id, old, NULL, s.payload,
                                                 s.signature, s.document);
    g_autoptr(GBytes) payload = hand_payload (case_id, version - 1, "grant", sha256, "");
    g_autoptr(GBytes) signature = cs_signer_sign (signer, payload, &error);
    g_autoptr(CsTestResponse) r2 = NULL;

    assert_refused (r, 409, "stale-version", NULL);
    g_assert_no_error (error);
    r2 = post_decision (chief_token, case_id, etag, NULL, payload, signature, s.document);
    assert_refused (r2, 409, "stale-version", "signed for version");
  }

  /* A denial without its reasons, legal basis or remedy notice (Art. 38);
   * a supplement notice naming nothing; a suspension of no kind. */
  {
    static const struct { const char *outcome; const char *extra; const char *field; } bad[] = {
      { "deny", ",\"legal_basis\":\"第三十八条\",\"remedy_notice\":\"可申请复议\"", "reasons" },
      { "deny", ",\"reasons\":\"不符合条件\",\"remedy_notice\":\"可申请复议\"", "legal_basis" },
      { "deny", ",\"reasons\":\"不符合条件\",\"legal_basis\":\"第三十八条\"", "remedy_notice" },
      { "supplement", ",\"supplement_items\":[]", "supplement_items" },
      { "suspension", ",\"suspension\":{\"kind\":\"holiday\",\"reason\":\"x\"}", "suspension" },
      { "extension", ",\"extension_days\":11", "extension_days" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(GBytes) payload = hand_payload (case_id, version, bad[i].outcome, sha256,
                                                  bad[i].extra);
        g_autoptr(GBytes) signature = cs_signer_sign (signer, payload, &error);
        g_autoptr(CsTestResponse) r = NULL;

        g_assert_no_error (error);
        r = post_decision (chief_token, case_id, etag, NULL, payload, signature, s.document);
        cs_test_assert_problem (r, 422, "rule-violation");
        g_assert_cmpstr (json_object_get_string_member (cs_test_response_object (r), "field"), ==,
                         bad[i].field);
      }
  }

  /* Nothing of all that was recorded; the case waits as it was. */
  g_assert_cmpint (count ("SELECT COUNT(*) FROM decisions WHERE case_id = '%s'", case_id), ==, 0);
  {
    g_autoptr(CsCase) kase = load_case (case_id, NULL);

    g_assert_cmpint (cs_case_get_status (kase), ==, CS_CASE_STATUS_REVIEWED);
    g_assert_cmpint (cs_case_get_version (kase), ==, version);
  }

  /* A key used for one decision cannot carry other bytes. */
  {
    g_autoptr(CsTestResponse) first = post_decision (chief_token, case_id, etag, "refusals-1",
                                                     s.payload, s.signature, s.document);
    g_autoptr(GBytes) signature = NULL;
    g_autoptr(CsTestResponse) r = NULL;

    g_assert_cmpuint (first->status, ==, 201);
    /* A second signature of the same bytes differs (its signing time, the
     * padding): other bytes under the same key. */
    g_usleep (1100 * 1000);
    signature = cs_signer_sign (signer, s.payload, &error);
    g_assert_no_error (error);
    g_assert_false (g_bytes_equal (signature, s.signature));
    r = post_decision (chief_token, case_id, etag, "refusals-1", s.payload, signature,
                       s.document);
    assert_refused (r, 409, "idempotency-key-reused", "refusals-1");
    g_assert_cmpint (count ("SELECT COUNT(*) FROM decisions WHERE case_id = '%s'", case_id),
                     ==, 1);
  }
}

/* The outcomes that do not close the case, with their rules: a supplement
 * notice names every problem item of the review; one extension only; a
 * suspension stops the clock. */
static void
test_other_outcomes (void)
{
  g_autoptr(CsSigner) signer = chief_signer ();
  g_autoptr(GError) error = NULL;

  /* Supplement: the review's problem item, taken by the draft. */
  {
    g_autofree char *case_id = reviewed_case ("health-exam");
    g_autofree char *etag = NULL;
    g_autoptr(CsDecisionDraft) draft = draft_for (case_id, CS_OUTCOME_SUPPLEMENT, &etag);
    g_auto(Signed) s = { 0 };
    g_autoptr(CsTestResponse) r = NULL;
    const char *item;

    g_assert_cmpuint (cs_decision_draft_get_n_supplement_items (draft), ==, 1);
    cs_decision_draft_get_supplement_item (draft, 0, &item, NULL, NULL);
    g_assert_cmpstr (item, ==, "health-exam");

    /* Not naming the problem item is refused. */
    {
      g_autoptr(GBytes) document = g_bytes_new_static ("%PDF-1.5 x", 10);
      g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, document);
      g_autoptr(GBytes) payload = hand_payload (case_id, cs_decision_draft_get_version (draft),
                                                "supplement", sha,
                                                ",\"supplement_items\":[{\"item\":\"training\","
                                                "\"reason\":\"缺少\"}]");
      g_autoptr(GBytes) signature = cs_signer_sign (signer, payload, &error);
      g_autoptr(CsTestResponse) refused = NULL;

      g_assert_no_error (error);
      refused = post_decision (chief_token, case_id, etag, NULL, payload, signature, document);
      assert_refused (refused, 422, "rule-violation", "health-exam");
    }

    sign_draft (signer, draft, &s);
    r = post_decision (chief_token, case_id, etag, NULL, s.payload, s.signature, s.document);
    g_assert_cmpuint (r->status, ==, 201);
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (
                       cs_test_response_object (r), "case"), "status"), ==,
                     "supplement_requested");
  }

  /* Extension, once. */
  {
    g_autofree char *case_id = claimed_case ();
    g_autofree char *etag = NULL;
    g_autofree char *etag2 = NULL;
    g_autoptr(CsDecisionDraft) draft = draft_for (case_id, CS_OUTCOME_EXTENSION, &etag);
    g_autoptr(CsDecisionDraft) second = NULL;
    g_auto(Signed) s = { 0 };
    g_autoptr(CsTestResponse) r = NULL;
    g_autoptr(CsCase) kase = NULL;

    cs_decision_draft_set_extension_days (draft, 10);
    sign_draft (signer, draft, &s);
    r = post_decision (chief_token, case_id, etag, NULL, s.payload, s.signature, s.document);
    g_assert_cmpuint (r->status, ==, 201);
    kase = load_case (case_id, &etag2);
    g_assert_cmpint (cs_case_get_status (kase), ==, CS_CASE_STATUS_EXTENDED);
    g_assert_cmpuint (cs_case_get_extension_days (kase), ==, 10);

    /* The draft refuses a second one, and so does the server. */
    second = cs_decision_draft_new_for_case (kase, NULL, CS_OUTCOME_EXTENSION);
    cs_decision_draft_set_signer (second, "health-chief", "黄志明");
    g_assert_false (cs_decision_draft_check (second, &error));
    g_assert_error (error, CS_ERROR, CS_ERROR_INVALID);
    g_clear_error (&error);
    {
      g_autoptr(GBytes) document = g_bytes_new_static ("%PDF-1.5 y", 10);
      g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, document);
      g_autoptr(GBytes) payload = hand_payload (case_id, cs_case_get_version (kase), "extension",
                                                sha, ",\"extension_days\":5");
      g_autoptr(GBytes) signature = cs_signer_sign (signer, payload, &error);
      g_autoptr(CsTestResponse) refused = NULL;

      g_assert_no_error (error);
      refused = post_decision (chief_token, case_id, etag2, NULL, payload, signature, document);
      assert_refused (refused, 422, "rule-violation", "only once");
    }
  }

  /* Suspension: kind and reason; the clock stops (an open suspension). */
  {
    g_autofree char *case_id = claimed_case ();
    g_autofree char *etag = NULL;
    g_autoptr(CsDecisionDraft) draft = draft_for (case_id, CS_OUTCOME_SUSPENSION, &etag);
    g_auto(Signed) s = { 0 };
    g_autoptr(CsTestResponse) r = NULL;
    g_autoptr(CsCase) kase = NULL;
    JsonArray *suspensions;
    JsonObject *last;

    g_assert_false (cs_decision_draft_check (draft, &error));
    g_clear_error (&error);
    cs_decision_draft_set_suspension (draft, "expert_review", "组织专家评审辐射防护方案");
    sign_draft (signer, draft, &s);
    r = post_decision (chief_token, case_id, etag, NULL, s.payload, s.signature, s.document);
    g_assert_cmpuint (r->status, ==, 201);
    kase = load_case (case_id, NULL);
    g_assert_cmpint (cs_case_get_status (kase), ==, CS_CASE_STATUS_SUSPENDED);
    suspensions = cs_case_get_suspensions (kase);
    g_assert_cmpuint (json_array_get_length (suspensions), >=, 1);
    last = json_array_get_object_element (suspensions, json_array_get_length (suspensions) - 1);
    g_assert_cmpstr (json_object_get_string_member (last, "kind"), ==, "expert_review");
    g_assert_true (json_object_get_null_member (last, "to"));
  }
}

/* The chief's key on a SoftHSM token: signed through p11-kit with the PIN,
 * accepted by the server; a wrong PIN is refused before anything is
 * signed. */
static void
test_softhsm (void)
{
  g_autofree char *conf = work_file ("softhsm2.conf");
  g_autofree char *tokens = work_file ("tokens");
  g_autofree char *conf_text = NULL;
  g_autofree char *p12 = demo_file ("health-chief.p12");
  g_autofree char *key = work_file ("token-key.pem");
  g_autofree char *cert = work_file ("token-cert.pem");
  g_autofree char *passin = g_strdup ("pass:demo");
  g_autofree char *case_id = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(CsSigner) signer = NULL;
  g_autoptr(CsSigner) wrong = NULL;
  g_autoptr(CsDecisionDraft) draft = NULL;
  g_autoptr(CsTestResponse) r = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Signed) s = { 0 };

  g_autofree char *softhsm_util = g_find_program_in_path ("softhsm2-util");
  g_autofree char *p11tool = g_find_program_in_path ("p11tool");

  if (softhsm_util == NULL || p11tool == NULL)
    {
      g_test_skip ("softhsm2-util or p11tool is missing (build-aux/debian-packages.txt)");
      return;
    }

  g_assert_cmpint (g_mkdir_with_parents (tokens, 0700), ==, 0);
  conf_text = g_strdup_printf ("directories.tokendir = %s\nobjectstore.backend = file\n"
                               "log.level = ERROR\n", tokens);
  g_assert_true (g_file_set_contents (conf, conf_text, -1, NULL));
  g_setenv ("SOFTHSM2_CONF", conf, TRUE);
  g_setenv ("GNUTLS_PIN", "123456", TRUE);

  run ((const char * const[]) { "softhsm2-util", "--init-token", "--free", "--label",
                                "countersign-test", "--pin", "123456", "--so-pin", "87654321",
                                NULL });
  run ((const char * const[]) { "openssl", "pkcs12", "-in", p12, "-passin", passin, "-nodes",
                                "-nocerts", "-out", key, NULL });
  run ((const char * const[]) { "openssl", "pkcs12", "-in", p12, "-passin", passin, "-clcerts",
                                "-nokeys", "-out", cert, NULL });
  run ((const char * const[]) { "p11tool", "--login", "--write", "--load-privkey", key,
                                "--label", "chief", "--id", "01", "pkcs11:token=countersign-test",
                                NULL });
  run ((const char * const[]) { "p11tool", "--login", "--write", "--load-certificate", cert,
                                "--label", "chief", "--id", "01", "pkcs11:token=countersign-test",
                                NULL });
  g_unsetenv ("GNUTLS_PIN");

  wrong = cs_signer_new_from_pkcs11 ("pkcs11:token=countersign-test;object=chief", "000000",
                                     &error);
  g_assert_null (wrong);
  g_assert_error (error, CS_ERROR, CS_ERROR_SIGNING);
  g_clear_error (&error);

  signer = cs_signer_new_from_pkcs11 ("pkcs11:token=countersign-test;object=chief", "123456",
                                      &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cs_signer_get_common_name (signer), ==, "黄志明");
  g_assert_nonnull (strstr (cs_signer_get_issuer (signer), "Countersign"));

  case_id = reviewed_case (NULL);
  draft = draft_for (case_id, CS_OUTCOME_GRANT, &etag);
  sign_draft (signer, draft, &s);
  r = post_decision (chief_token, case_id, etag, NULL, s.payload, s.signature, s.document);
  g_assert_cmpuint (r->status, ==, 201);

  /* The same token from the command line, the PIN from the environment. */
  {
    g_autofree char *other = reviewed_case (NULL);
    g_autofree char *data_dir = work_file ("cli-token");
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    const char *cli = g_getenv ("COUNTERSIGN_CLI");
    int status;

    g_setenv ("COUNTERSIGN_TOKEN", chief_token, TRUE);
    g_setenv ("TOKEN_PIN", "123456", TRUE);
    status = cs_test_run_cli ((const char * const[]) {
                                cli, "--server", central->url, "--data-dir", data_dir,
                                "decide", other, "--outcome", "grant",
                                "--key", "pkcs11:token=countersign-test;object=chief",
                                "--pin-env", "TOKEN_PIN", NULL },
                              &out, &err);
    g_unsetenv ("COUNTERSIGN_TOKEN");
    g_unsetenv ("TOKEN_PIN");
    if (status != 0)
      g_error ("decide with the token failed: %s%s", out, err);
    g_assert_nonnull (strstr (out, "sent\t"));
    g_assert_cmpint (count ("SELECT COUNT(*) FROM decisions WHERE case_id = '%s'", other), ==, 1);
  }
}

/* The command line: decide renders, signs and sends through the outbox;
 * verify checks the stored decision as the server does, and refuses a
 * copy whose document was altered. */
static void
test_cli (void)
{
  g_autofree char *case_id = reviewed_case (NULL);
  g_autofree char *data_dir = work_file ("cli");
  g_autofree char *key = NULL;
  g_autofree char *ca = demo_file ("ca.pem");
  g_autofree char *p12 = demo_file ("health-chief.p12");
  g_autofree char *pdf = work_file ("cli-decision.pdf");
  g_autofree char *stored = work_file ("cli-decisions.json");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *path = g_strdup_printf ("/v1/cases/%s/decisions", case_id);
  g_autoptr(CsTestResponse) listed = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("COUNTERSIGN_CLI");
  JsonObject *item;
  int status;

  g_assert_nonnull (cli);
  key = g_strconcat ("pkcs12:", p12, NULL);
  g_setenv ("COUNTERSIGN_TOKEN", chief_token, TRUE);
  g_setenv ("DEMO_PASSWORD", "demo", TRUE);

  status = cs_test_run_cli ((const char * const[]) {
                              cli, "--server", central->url, "--data-dir", data_dir,
                              "decide", case_id, "--outcome", "grant", "--key", key,
                              "--pin-env", "DEMO_PASSWORD", "--document", pdf, NULL },
                            &out, &err);
  if (status != 0)
    g_error ("decide failed: %s%s", out, err);
  g_assert_nonnull (strstr (out, "黄志明"));
  g_assert_nonnull (strstr (out, "sent\t"));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  status = cs_test_run_cli ((const char * const[]) {
                              cli, "--server", central->url, "--data-dir", data_dir,
                              "verify", case_id, "--ca", ca, NULL },
                            &out, &err);
  if (status != 0)
    g_error ("verify failed: %s%s", out, err);
  g_assert_nonnull (strstr (out, "verified"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A stored copy with another document does not verify. */
  listed = cs_test_request (central, "GET", path, chief_token, NULL, NULL);
  item = json_array_get_object_element (json_object_get_array_member (
                                          cs_test_response_object (listed), "items"), 0);
  json_object_set_string_member (item, "document", "JVBERi0xLjUKJSBhbHRlcmVkCg==");
  json_generator_set_root (generator, listed->json);
  json_generator_to_file (generator, stored, &error);
  g_assert_no_error (error);
  status = cs_test_run_cli ((const char * const[]) {
                              cli, "--data-dir", data_dir, "verify", stored, "--ca", ca,
                              NULL },
                            &out, &err);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "not the one that was signed"));

  g_unsetenv ("COUNTERSIGN_TOKEN");
  g_unsetenv ("DEMO_PASSWORD");
}

/* The signer refuses a certificate that is not valid at the moment. */
static void
test_signer_validity (void)
{
  g_autoptr(CsSigner) signer = chief_signer ();
  g_autoptr(GDateTime) later = g_date_time_add_years (cs_signer_get_not_after (signer), 1);
  g_autoptr(GDateTime) earlier = g_date_time_add_days (cs_signer_get_not_before (signer), -1);
  g_autoptr(GError) error = NULL;
  g_autofree char *p12 = demo_file ("health-chief.p12");
  g_autoptr(CsSigner) wrong = NULL;

  g_assert_true (cs_signer_check_validity (signer, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (cs_signer_check_validity (signer, later, &error));
  g_assert_error (error, CS_ERROR, CS_ERROR_CERTIFICATE);
  g_clear_error (&error);
  g_assert_false (cs_signer_check_validity (signer, earlier, &error));
  g_assert_error (error, CS_ERROR, CS_ERROR_CERTIFICATE);
  g_clear_error (&error);

  wrong = cs_signer_new_from_pkcs12 (p12, "not-the-password", &error);
  g_assert_null (wrong);
  g_assert_error (error, CS_ERROR, CS_ERROR_SIGNING);
  g_clear_error (&error);

  /* In a worker thread, as the desk opens it; then a signature there too. */
  {
    g_autofree char *key = g_strconcat ("pkcs12:", p12, NULL);
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GAsyncResult) signed_result = NULL;
    g_autoptr(CsSigner) opened = NULL;
    g_autoptr(GBytes) data = g_bytes_new_static ("{}", 2);
    g_autoptr(GBytes) signature = NULL;

    cs_signer_new_for_key_async (key, "demo", NULL, cs_test_store_result, &result);
    opened = cs_signer_new_for_key_finish (cs_test_wait (&result), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (cs_signer_get_common_name (opened), ==, "黄志明");
    cs_signer_sign_async (opened, data, NULL, cs_test_store_result, &signed_result);
    signature = cs_signer_sign_finish (opened, cs_test_wait (&signed_result), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_bytes_get_size (signature), >, 1000);
  }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  work_dir = g_dir_make_tmp ("countersign-decisions-XXXXXX", &error);
  g_assert_no_error (error);
  central = cs_test_central_start ();
  demo_dir = g_build_filename (central->dir, "demo", NULL);
  chief_token = cs_test_central_login (central, "health-chief");
  approver_token = cs_test_central_login (central, "health-approver");

  g_test_add_func ("/decisions/grant", test_grant);
  g_test_add_func ("/decisions/refusals", test_refusals);
  g_test_add_func ("/decisions/other-outcomes", test_other_outcomes);
  g_test_add_func ("/decisions/softhsm", test_softhsm);
  g_test_add_func ("/decisions/cli", test_cli);
  g_test_add_func ("/decisions/signer-validity", test_signer_validity);

  status = g_test_run ();
  cs_test_central_free (central);
  if (g_getenv ("CS_TEST_KEEP") == NULL)
    cs_test_remove_tree (work_dir);
  g_free (work_dir);
  g_free (demo_dir);
  g_free (chief_token);
  g_free (approver_token);
  return status;
}
