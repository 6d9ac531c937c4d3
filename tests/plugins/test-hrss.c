/* test-hrss.c — the human resources and social security bureau's plugin:
 * social insurance registration; pre-checks on demo cases and real-world
 * credit codes, wording in English and Chinese, panel.
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <countersign.h>

#include "hrss-department.h"

#include "cs-plugin-fixtures.h"

typedef struct
{
  CsSample sample;
  CsDepartment *department;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  cs_sample_init (&fixture->sample, "hrss", data);
  fixture->department = g_object_new (HRSS_TYPE_DEPARTMENT, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  cs_sample_clear (&fixture->sample);
  g_clear_object (&fixture->department);
}

static GtkWidget *
make_panel (Fixture *fixture)
{
  g_autoptr(CsCase) kase = cs_sample_make_case (&fixture->sample);
  g_autoptr(GError) error = NULL;
  GtkWidget *panel;

  panel = cs_department_create_case_panel (fixture->department, kase, fixture->sample.matter,
                                           &error);
  g_assert_no_error (error);
  g_assert_nonnull (panel);
  return g_object_ref_sink (panel);
}

static void
assert_fields (GtkWidget          *panel,
               const char * const *fields)
{
  for (guint i = 0; fields[i] != NULL; i++)
    if (cs_department_find_field (panel, fields[i]) == NULL)
      g_error ("The panel shows no field %s", fields[i]);
}

/* Demo cases in plugins/hrss/hrss-cases.json. */
#define CLEAN_CASE    "c2bda45100b5"
#define BAD_USCC_CASE "1af7145400c1"
#define AGENT_CASE    "706b2e1200b0"   /* handled by the contact, no authorisation */

static void
test_demo_case (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = cs_sample_check (&fixture->sample, fixture->department);

  g_assert_cmpuint (cs_fixture_count (findings, CS_FINDING_ERROR), ==, 0);
  g_assert_cmpuint (cs_fixture_count (findings, CS_FINDING_WARNING), ==, 0);
  /* The legal representative's ID card is a photo. */
  g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_INFO, NULL, "m3", "legal-rep-id"));
}

/* GB 32100: Huawei's code and the standard's example are valid. */
static void
test_credit_code (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = cs_sample_check (&fixture->sample, fixture->department);

  g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_ERROR, "applicant.uscc", NULL,
                                     "business-licence"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  json_object_set_string_member (cs_sample_applicant (&fixture->sample), "uscc",
                                 "914403001922038216");
  findings = cs_sample_check (&fixture->sample, fixture->department);
  g_assert_null (cs_fixture_find (findings, CS_FINDING_ERROR, "applicant.uscc", NULL,
                                  "business-licence"));
  /* The bank's account information names the employer's real code. */
  g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_ERROR, "applicant.uscc", "m4",
                                     "bank-account"));
}

static void
test_employer_details (Fixture       *fixture,
                       gconstpointer  data)
{
  JsonObject *form = cs_sample_form (&fixture->sample);
  JsonArray *insurances = json_array_new ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *deny = NULL;
  CsFinding *finding;

  json_object_set_string_member (form, "employer_name", "广州市另一家有限公司");
  json_object_set_string_member (form, "bank_account", "3602-0257-AB");
  json_array_add_string_element (insurances, "基本养老保险");
  json_array_add_string_element (insurances, "基本医疗保险");
  json_object_set_array_member (form, "insurance_types", insurances);
  json_object_remove_member (cs_sample_applicant (&fixture->sample), "legal_representative");
  findings = cs_sample_check (&fixture->sample, fixture->department);
  g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_ERROR, "employer_name", NULL, NULL));
  g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_ERROR, "bank_account", NULL, NULL));
  g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_ERROR,
                                     "applicant.legal_representative", NULL, NULL));
  finding = cs_fixture_find (findings, CS_FINDING_ERROR, "insurance_types", NULL, NULL);
  g_assert_nonnull (finding);
  g_assert_nonnull (strstr (cs_finding_get_message (finding), "失业保险, 工伤保险"));

  deny = cs_sample_word (&fixture->sample, fixture->department, CS_OUTCOME_DENY, NULL);
  g_assert_nonnull (strstr (deny, "leaves out 失业保险, 工伤保险"));
  g_assert_nonnull (strstr (deny, "广州市另一家有限公司, is not the applicant"));
}

static void
test_authorisation (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = cs_sample_check (&fixture->sample, fixture->department);

  g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_WARNING, "applicant.contact", NULL,
                                     "authorisation"));
}

static void
test_wording (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *grant = cs_sample_word (&fixture->sample, fixture->department,
                                           CS_OUTCOME_GRANT, NULL);
  g_autofree char *chinese = NULL;
  g_autofree char *basis = NULL;

  g_assert_nonnull (strstr (grant, "Article 57 of the Social Insurance Law"));
  g_assert_nonnull (strstr (grant, "基本养老保险, 基本医疗保险, 失业保险, 工伤保险"));
  for (CsOutcome outcome = CS_OUTCOME_DENY; outcome <= CS_OUTCOME_SUSPENSION; outcome++)
    g_free (cs_sample_word (&fixture->sample, fixture->department, outcome, NULL));

  if (!cs_fixture_use_chinese ())
    {
      g_test_skip ("no zh_CN.UTF-8 locale or no built translations");
      return;
    }
  chinese = cs_sample_word (&fixture->sample, fixture->department, CS_OUTCOME_GRANT, &basis);
  g_assert_nonnull (strstr (chinese, "基本养老保险、基本医疗保险、失业保险、工伤保险"));
  g_assert_nonnull (strstr (chinese, "社会保险登记"));
  g_assert_nonnull (strstr (basis, "《中华人民共和国社会保险法》第五十七条"));
  cs_fixture_use_english ();
}

static void
test_panel (Fixture       *fixture,
            gconstpointer  data)
{
  const char * const fields[] = {
    "applicant.name", "applicant.uscc", "applicant.legal_representative", "applicant.contact",
    "employer_name", "employees", "insurance_types", "bank", "bank_account", NULL
  };
  GtkWidget *panel;

  if (!gtk_init_check ())
    {
      g_test_skip ("no display");
      return;
    }
  adw_init ();

  panel = make_panel (fixture);
  assert_fields (panel, fields);
  g_object_unref (panel);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, id, func) \
  g_test_add ("/hrss/" path, Fixture, id, fixture_set_up, func, fixture_tear_down)
  ADD ("demo-case", CLEAN_CASE, test_demo_case);
  ADD ("credit-code", BAD_USCC_CASE, test_credit_code);
  ADD ("employer-details", CLEAN_CASE, test_employer_details);
  ADD ("authorisation", AGENT_CASE, test_authorisation);
  ADD ("wording", CLEAN_CASE, test_wording);
  ADD ("panel", CLEAN_CASE, test_panel);
#undef ADD

  return g_test_run ();
}
