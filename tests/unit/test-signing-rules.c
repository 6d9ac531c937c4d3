/* test-signing-rules.c — what the desk checks before anything is signed
 * (the outcome's rules and no placeholder of the wording left), and the
 * decision document rendered off the main thread
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <countersign.h>

#include "cs-signing.h"

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

static void
test_placeholders (void)
{
  static const struct { const char *text; const char *found; } cases[] = {
    { "准予许可。", NULL },
    { "依据粤卫〔2026〕12号文件，准予许可。", NULL },
    { "因〔请写明延期理由〕，延长十个工作日。", "〔请写明延期理由〕" },
    { "because [state the reason for the extension], ten days", "[state the reason for the extension]" },
    { "Article [38] applies", NULL },
    { "【请写明理由】", "【请写明理由】" },
    { "an empty [] pair and 〔〕", NULL },
    { "unclosed 〔请写明", NULL },
    { "粤卫〔2026〕号，〔请写明〕", "〔请写明〕" },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *found = cs_signing_find_placeholder (cases[i].text);

      g_assert_cmpstr (found, ==, cases[i].found);
    }
}

static void
test_check_draft (void)
{
  g_autoptr(CsCase) kase = new_case (0);
  g_autoptr(CsMatter) matter = new_matter ();
  g_autoptr(CsDecisionDraft) grant = cs_decision_draft_new_for_case (kase, matter, CS_OUTCOME_GRANT);
  g_autoptr(CsDecisionDraft) deny = cs_decision_draft_new_for_case (kase, matter, CS_OUTCOME_DENY);
  g_autoptr(GError) error = NULL;

  cs_decision_draft_set_signer (grant, "health-chief", "黄志明");
  cs_decision_draft_set_text (grant, "经审查，准予许可。依据粤卫〔2026〕12号。");
  g_assert_true (cs_signing_check_draft (grant, &error));
  g_assert_no_error (error);

  cs_decision_draft_set_text (grant, "经审查，〔请写明〕，准予许可。");
  g_assert_false (cs_signing_check_draft (grant, &error));
  g_assert_error (error, CS_ERROR, CS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "〔请写明〕"));
  g_clear_error (&error);

  cs_decision_draft_set_text (grant, "经审查，准予许可。");
  cs_decision_draft_set_legal_basis (grant, "《条例》第[请写明]条");
  g_assert_false (cs_signing_check_draft (grant, &error));
  g_assert_error (error, CS_ERROR, CS_ERROR_INVALID);
  g_clear_error (&error);

  /* The outcome's own rules come first. */
  cs_decision_draft_set_signer (deny, "health-chief", "黄志明");
  cs_decision_draft_set_text (deny, "不予许可。");
  cs_decision_draft_set_reasons (deny, NULL);
  g_assert_false (cs_signing_check_draft (deny, &error));
  g_assert_error (error, CS_ERROR, CS_ERROR_INVALID);
  g_clear_error (&error);
  cs_decision_draft_set_reasons (deny, "〔请写明不予许可的具体理由〕");
  g_assert_false (cs_signing_check_draft (deny, &error));
  g_assert_nonnull (strstr (error->message, "〔请写明不予许可的具体理由〕"));
  g_clear_error (&error);
  cs_decision_draft_set_reasons (deny, "培训证明已过期");
  g_assert_true (cs_signing_check_draft (deny, &error));
  g_assert_no_error (error);
}

static void
store_result (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
test_render_async (void)
{
  g_autoptr(CsCase) kase = new_case (0);
  g_autoptr(CsMatter) matter = new_matter ();
  g_autoptr(CsDecisionDraft) draft = cs_decision_draft_new_for_case (kase, matter, CS_OUTCOME_GRANT);
  g_autoptr(CsDecisionDocument) document = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  GThread *main_thread = g_thread_self ();

  cs_decision_draft_set_signer (draft, "health-chief", "黄志明");
  cs_signing_render_async (draft, NULL, store_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_thread_self () == main_thread);
  document = cs_signing_render_finish (result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_cmpuint (strlen (cs_decision_document_get_sha256 (document)), ==, 64);
  g_assert_cmpuint (cs_decision_document_get_n_pages (document), >=, 1);
  g_clear_object (&result);

  /* Cancelled: nothing is handed back. */
  g_cancellable_cancel (cancellable);
  cs_signing_render_async (draft, cancellable, store_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (cs_signing_render_finish (result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/signing/placeholders", test_placeholders);
  g_test_add_func ("/signing/check-draft", test_check_draft);
  g_test_add_func ("/signing/render-async", test_render_async);
  return g_test_run ();
}
