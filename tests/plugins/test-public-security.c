/* test-public-security.c — the public security bureau's plugin: its part
 * of the parallel approval, the internal security review; pre-checks on
 * demo cases and real-world credit codes, wording in English and Chinese,
 * panel.
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <countersign.h>

#include "psb-department.h"

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
  cs_sample_init (&fixture->sample, "public-security", data);
  fixture->department = g_object_new (PSB_TYPE_DEPARTMENT, NULL);
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

/* Demo cases in plugins/public-security/public-security-cases.json. */
#define REVIEW_CASE "210ff8920099"

static void
test_demo_case (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = cs_sample_check (&fixture->sample, fixture->department);

  g_assert_cmpuint (cs_fixture_count (findings, CS_FINDING_ERROR), ==, 0);
  g_assert_cmpuint (cs_fixture_count (findings, CS_FINDING_WARNING), ==, 0);
  /* The guard roster is a scan; the other departments' materials are theirs. */
  g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_INFO, NULL, "m13", "guard-roster"));
  g_assert_null (cs_fixture_find (findings, CS_FINDING_INFO, NULL, "m2", NULL));
}

/* GB 32100: Tencent's code is valid; the plan then names another code. */
static void
test_credit_code (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;

  json_object_set_string_member (cs_sample_applicant (&fixture->sample), "uscc",
                                 "9144030071526726XG");
  findings = cs_sample_check (&fixture->sample, fixture->department);
  g_assert_null (cs_fixture_find (findings, CS_FINDING_ERROR, "applicant.uscc", NULL,
                                  "application"));
  g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_ERROR, "applicant.uscc", "m12",
                                     "security-plan"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  json_object_set_string_member (cs_sample_applicant (&fixture->sample), "uscc",
                                 "9144030071526726X0");
  findings = cs_sample_check (&fixture->sample, fixture->department);
  g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_ERROR, "applicant.uscc", NULL,
                                     "application"));
}

/* What stores hazardous materials is a key part the plan must cover. */
static void
test_hazardous (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *grant = NULL;

  json_object_set_boolean_member (cs_sample_form (&fixture->sample),
                                  "storage_of_hazardous_materials", TRUE);
  findings = cs_sample_check (&fixture->sample, fixture->department);
  /* The demo plan says how hazardous materials are kept. */
  g_assert_null (cs_fixture_find (findings, CS_FINDING_WARNING,
                                  "storage_of_hazardous_materials", NULL, NULL));
  g_clear_pointer (&findings, g_ptr_array_unref);

  json_object_set_string_member (fixture->sample.texts, "m12",
                                 "内部治安保卫制度及防范措施\n名称：广州市岭南包装材料有限公司\n"
                                 "门卫二十四小时值守。");
  findings = cs_sample_check (&fixture->sample, fixture->department);
  g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_WARNING,
                                     "storage_of_hazardous_materials", "m12", "security-plan"));

  grant = cs_sample_word (&fixture->sample, fixture->department, CS_OUTCOME_GRANT, NULL);
  g_assert_nonnull (strstr (grant, "hazardous materials is a key part"));
}

static void
test_wording (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *grant = cs_sample_word (&fixture->sample, fixture->department,
                                           CS_OUTCOME_GRANT, NULL);
  g_autofree char *deny = NULL;
  g_autofree char *chinese = NULL;

  g_assert_nonnull (strstr (grant, "reported to the lead department"));
  cs_sample_remove_material (&fixture->sample, "public-security.security-review",
                             "security-plan");
  deny = cs_sample_word (&fixture->sample, fixture->department, CS_OUTCOME_DENY, NULL);
  g_assert_nonnull (strstr (deny, "Article 6 of the Regulations"));
  for (CsOutcome outcome = CS_OUTCOME_SUPPLEMENT; outcome <= CS_OUTCOME_SUSPENSION; outcome++)
    g_free (cs_sample_word (&fixture->sample, fixture->department, outcome, NULL));

  if (!cs_fixture_use_chinese ())
    {
      g_test_skip ("no zh_CN.UTF-8 locale or no built translations");
      return;
    }
  chinese = cs_sample_word (&fixture->sample, fixture->department, CS_OUTCOME_DENY, NULL);
  g_assert_nonnull (strstr (chinese, "《企业事业单位内部治安保卫条例》第六条"));
  g_assert_nonnull (strstr (chinese, "行政复议"));
  cs_fixture_use_english ();
}

static void
test_panel (Fixture       *fixture,
            gconstpointer  data)
{
  const char * const fields[] = {
    "applicant.name", "applicant.uscc", "product", "production_address", "employees",
    "storage_of_hazardous_materials", "parallel.market", "parallel.fire",
    "parallel.public-security", NULL
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
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (
                     cs_department_find_field (panel, "parallel.market"))), ==,
                   "Lead department");
  g_object_unref (panel);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, id, func) \
  g_test_add ("/public-security/" path, Fixture, id, fixture_set_up, func, fixture_tear_down)
  ADD ("demo-case", REVIEW_CASE, test_demo_case);
  ADD ("credit-code", REVIEW_CASE, test_credit_code);
  ADD ("hazardous", REVIEW_CASE, test_hazardous);
  ADD ("wording", REVIEW_CASE, test_wording);
  ADD ("panel", REVIEW_CASE, test_panel);
#undef ADD

  return g_test_run ();
}
