/* test-decision-draft.c — the rules of each outcome, the signed bytes, and
 * the decision document's text (read back with Poppler)
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <countersign.h>
#include <poppler.h>

#include "cs-decision-document.h"
#include "cs-decision-draft.h"

/* Poppler 22.12 defines no autoptr cleanups. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

#define SHA256_OF_SOMETHING "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

/* A reviewed radiation-worker case, its last final review finding a
 * problem with the training certificate; @extension_days of extension. */
static CsCase *
new_case (guint extension_days)
{
  g_autofree char *json = g_strdup_printf (
    "{\"id\":\"c1\",\"number\":\"LW202611180007\",\"version\":7,\"department\":\"health\","
    "\"role\":\"lead\",\"matter\":{\"code\":\"health.radiation-worker\",\"name\":\"放射工作人员证核发\"},"
    "\"instant\":false,\"status\":\"reviewed\","
    "\"assignee\":{\"username\":\"health-approver\",\"name\":\"陈晓玲\"},"
    "\"outcome\":null,\"decided_on\":null,"
    "\"clock\":{\"accepted_on\":\"2026-11-18\",\"statutory_limit\":20,\"promised_limit\":10,"
    "\"extension_days\":%u,\"suspensions\":[],\"supplement_requested_on\":null},"
    "\"applicant\":{\"kind\":\"person\",\"name\":\"杨子健\",\"id_type\":\"resident_id\","
    "\"id_number\":\"440103199906163576\"},"
    "\"received_at\":\"2026-11-18T01:30:00.000Z\",\"accepted_on\":\"2026-11-18\","
    "\"green_channel\":false,\"priority\":\"normal\",\"updated_at\":\"2026-11-19T02:00:00.000Z\","
    "\"parallel\":null,\"form\":{},\"site\":\"荔湾区政务服务中心\",\"route\":\"window\","
    "\"materials\":[],\"reviews\":["
    "{\"id\":4,\"author\":{\"username\":\"health-approver\",\"name\":\"陈晓玲\"},"
    "\"opinion\":\"初审\",\"proposed_outcome\":\"grant\",\"final\":true,"
    "\"checklist\":[{\"item\":\"id-card\",\"verdict\":\"problem\",\"reason\":\"模糊\"}],"
    "\"created_at\":\"2026-11-19T01:00:00Z\"},"
    "{\"id\":5,\"author\":{\"username\":\"health-approver\",\"name\":\"陈晓玲\"},"
    "\"opinion\":\"请补正\",\"proposed_outcome\":\"supplement\",\"final\":true,"
    "\"checklist\":[{\"item\":\"id-card\",\"verdict\":\"verified\"},"
    "{\"item\":\"training\",\"verdict\":\"problem\",\"reason\":\"培训证明已过期\"}],"
    "\"created_at\":\"2026-11-19T02:00:00Z\"}]}",
    extension_days);
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  g_autoptr(GError) error = NULL;
  CsCase *kase;

  g_assert_nonnull (node);
  kase = cs_case_new_from_json (json_node_get_object (node), &error);
  g_assert_no_error (error);
  return kase;
}

static CsMatter *
new_matter (void)
{
  static const char json[] =
    "{\"code\":\"health.radiation-worker\",\"name\":\"放射工作人员证核发\","
    "\"department\":\"health\",\"department_name\":\"广州市荔湾区卫生健康局\","
    "\"statutory_limit\":20,\"promised_limit\":10,\"instant\":false,"
    "\"outcomes\":[\"grant\",\"deny\",\"supplement\",\"not_accepted\",\"extension\"],"
    "\"legal_basis\":\"《放射工作人员职业健康管理办法》第六条\",\"co_matters\":[],"
    "\"checklist\":[{\"code\":\"id-card\",\"name\":\"身份证\",\"copies\":1,\"form\":\"copy\","
    "\"requirement\":\"required\",\"condition\":null},{\"code\":\"training\","
    "\"name\":\"放射防护培训合格证\",\"copies\":1,\"form\":\"original\","
    "\"requirement\":\"required\",\"condition\":null}]}";
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  g_autoptr(GError) error = NULL;
  CsMatter *matter = cs_matter_new_from_json (json_node_get_object (node), &error);

  g_assert_no_error (error);
  return matter;
}

static CsDecisionDraft *
new_draft (CsOutcome outcome,
           guint     extension_days)
{
  g_autoptr(CsCase) kase = new_case (extension_days);
  g_autoptr(CsMatter) matter = new_matter ();
  CsDecisionDraft *draft = cs_decision_draft_new_for_case (kase, matter, outcome);

  cs_decision_draft_set_signer (draft, "health-chief", "黄志明");
  return draft;
}

static void
assert_refused (CsDecisionDraft *draft)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) payload = NULL;

  g_assert_false (cs_decision_draft_check (draft, &error));
  g_assert_error (error, CS_ERROR, CS_ERROR_INVALID);
  g_clear_error (&error);
  payload = cs_decision_draft_build_payload (draft, SHA256_OF_SOMETHING, NULL, &error);
  g_assert_null (payload);
  g_assert_error (error, CS_ERROR, CS_ERROR_INVALID);
}

static void
assert_accepted (CsDecisionDraft *draft)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cs_decision_draft_check (draft, &error));
  g_assert_no_error (error);
}

static void
test_grant_payload (void)
{
  g_autoptr(CsDecisionDraft) draft = new_draft (CS_OUTCOME_GRANT, 0);
  g_autoptr(GDateTime) at = g_date_time_new_utc (2026, 11, 20, 9, 30, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) payload = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;
  JsonObject *object;
  gsize size;
  const char *data;

  g_assert_nonnull (strstr (cs_decision_draft_get_text (draft), "放射工作人员证核发"));
  g_assert_nonnull (strstr (cs_decision_draft_get_text (draft), "第六条"));
  g_assert_nonnull (strstr (cs_decision_draft_get_document_number (draft), "LW202611180007"));

  payload = cs_decision_draft_build_payload (draft, SHA256_OF_SOMETHING, at, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (payload, &size);
  g_assert_true (g_utf8_validate (data, size, NULL));
  /* Compact, in a fixed order: the bytes are what is signed. */
  g_assert_true (g_str_has_prefix (data, "{\"case_id\":\"c1\",\"version\":7,"));
  json = g_strndup (data, size);
  node = json_from_string (json, NULL);
  g_assert_nonnull (node);
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "outcome"), ==, "grant");
  g_assert_cmpstr (json_object_get_string_member (object, "department"), ==, "health");
  g_assert_cmpstr (json_object_get_string_member (object, "matter_code"), ==,
                   "health.radiation-worker");
  g_assert_cmpstr (json_object_get_string_member (object, "document_sha256"), ==,
                   SHA256_OF_SOMETHING);
  g_assert_cmpstr (json_object_get_string_member (object, "signer"), ==, "health-chief");
  g_assert_cmpstr (json_object_get_string_member (object, "signed_at"), ==,
                   "2026-11-20T09:30:00Z");
  g_assert_false (json_object_has_member (object, "supplement_items"));

  /* Without the chief who signs it, no decision. */
  cs_decision_draft_set_signer (draft, NULL, NULL);
  assert_refused (draft);
}

static void
test_deny (void)
{
  g_autoptr(CsDecisionDraft) draft = new_draft (CS_OUTCOME_DENY, 0);

  /* The remedy notice has its default wording; the reasons have none. */
  g_assert_nonnull (cs_decision_draft_get_remedy_notice (draft));
  assert_refused (draft);
  cs_decision_draft_set_reasons (draft, "  ");
  assert_refused (draft);
  cs_decision_draft_set_reasons (draft, "从业人员未取得放射防护培训合格证");
  assert_accepted (draft);
  cs_decision_draft_set_legal_basis (draft, "");
  assert_refused (draft);
  cs_decision_draft_set_legal_basis (draft, "《放射工作人员职业健康管理办法》第六条");
  cs_decision_draft_set_remedy_notice (draft, NULL);
  assert_refused (draft);
}

static void
test_supplement (void)
{
  g_autoptr(CsDecisionDraft) draft = new_draft (CS_OUTCOME_SUPPLEMENT, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) payload = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;
  JsonArray *items;
  const char *item, *name, *reason;

  /* The problems of the last final review, not of an earlier one. */
  g_assert_cmpuint (cs_decision_draft_get_n_supplement_items (draft), ==, 1);
  cs_decision_draft_get_supplement_item (draft, 0, &item, &name, &reason);
  g_assert_cmpstr (item, ==, "training");
  g_assert_cmpstr (name, ==, "放射防护培训合格证");
  g_assert_cmpstr (reason, ==, "培训证明已过期");

  payload = cs_decision_draft_build_payload (draft, SHA256_OF_SOMETHING, NULL, &error);
  g_assert_no_error (error);
  json = g_strndup (g_bytes_get_data (payload, NULL), g_bytes_get_size (payload));
  node = json_from_string (json, NULL);
  items = json_object_get_array_member (json_node_get_object (node), "supplement_items");
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "item"),
                   ==, "training");
}

static void
test_extension (void)
{
  g_autoptr(CsDecisionDraft) draft = new_draft (CS_OUTCOME_EXTENSION, 0);
  g_autoptr(CsDecisionDraft) second = new_draft (CS_OUTCOME_EXTENSION, 10);

  g_assert_cmpuint (cs_decision_draft_get_extension_days (draft), ==, 10);
  assert_accepted (draft);
  cs_decision_draft_set_extension_days (draft, 0);
  assert_refused (draft);
  cs_decision_draft_set_extension_days (draft, 11);
  assert_refused (draft);
  cs_decision_draft_set_extension_days (draft, 5);
  assert_accepted (draft);

  /* Once only. */
  assert_refused (second);
}

static void
test_suspension (void)
{
  g_autoptr(CsCase) kase = new_case (0);
  g_autoptr(CsDecisionDraft) draft = cs_decision_draft_new_for_case (kase, NULL,
                                                                     CS_OUTCOME_SUSPENSION);
  g_autoptr(CsMatter) matter = new_matter ();
  g_autoptr(CsDecisionDraft) not_allowed = cs_decision_draft_new_for_case (kase, matter,
                                                                           CS_OUTCOME_SUSPENSION);

  cs_decision_draft_set_signer (draft, "health-chief", "黄志明");
  assert_refused (draft);
  cs_decision_draft_set_suspension (draft, "holiday", "放假");
  assert_refused (draft);
  cs_decision_draft_set_suspension (draft, "testing", "");
  assert_refused (draft);
  cs_decision_draft_set_suspension (draft, "testing", "委托检验检测个人剂量");
  assert_accepted (draft);

  /* The matter of this test does not allow a suspension. */
  cs_decision_draft_set_signer (not_allowed, "health-chief", "黄志明");
  cs_decision_draft_set_suspension (not_allowed, "testing", "委托检验检测个人剂量");
  assert_refused (not_allowed);
}

/* What the chief sees is what is signed: the document's text carries the
 * department, the number, the case, the applicant, the wording and the
 * legal basis, and its SHA-256 is the one the signed bytes take. */
static void
test_document (void)
{
  g_autoptr(CsDecisionDraft) draft = new_draft (CS_OUTCOME_SUPPLEMENT, 0);
  g_autoptr(CsDecisionDocument) document = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *flat = NULL;
  GBytes *bytes;

  document = cs_decision_document_new_render (draft, &error);
  g_assert_no_error (error);
  bytes = cs_decision_document_get_bytes (document);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (bytes, NULL), "%PDF-"));
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_assert_cmpstr (cs_decision_document_get_sha256 (document), ==, sha256);
  g_assert_cmpuint (cs_decision_document_get_n_pages (document), ==, 1);

  pdf = poppler_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 1);
  page = poppler_document_get_page (pdf, 0);
  text = poppler_page_get_text (page);
  /* Poppler breaks lines where the layout wraps them. */
  {
    g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

    flat = g_strjoinv ("", lines);
  }
  g_assert_nonnull (strstr (flat, "广州市荔湾区卫生健康局"));
  g_assert_nonnull (strstr (flat, cs_decision_document_get_title (document)));
  g_assert_nonnull (strstr (flat, "LW202611180007"));
  g_assert_nonnull (strstr (flat, "杨子健"));
  g_assert_nonnull (strstr (flat, "放射防护培训合格证"));
  g_assert_nonnull (strstr (flat, "培训证明已过期"));
  g_assert_nonnull (strstr (flat, "第六条"));
  g_assert_nonnull (strstr (flat, "黄志明"));

  /* A refused draft is not drawn. */
  {
    g_autoptr(CsDecisionDraft) deny = new_draft (CS_OUTCOME_DENY, 0);
    g_autoptr(CsDecisionDocument) none = cs_decision_document_new_render (deny, &error);

    g_assert_null (none);
    g_assert_error (error, CS_ERROR, CS_ERROR_INVALID);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/decision-draft/grant-payload", test_grant_payload);
  g_test_add_func ("/decision-draft/deny", test_deny);
  g_test_add_func ("/decision-draft/supplement", test_supplement);
  g_test_add_func ("/decision-draft/extension", test_extension);
  g_test_add_func ("/decision-draft/suspension", test_suspension);
  g_test_add_func ("/decision-draft/document", test_document);

  return g_test_run ();
}
