/* test-forestry.c — the forestry bureau's plugin: its pre-checks on demo
 * timber logging cases and on real-world check-digit vectors, its wording
 * of every decision in English and Chinese, its panel.
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <countersign.h>

#include "frst-department.h"

#include "cs-plugin-fixtures.h"

/* Demo cases in plugins/forestry/forestry-cases.json. */
#define PERSON_CASE       "9d5728d60053"   /* 138.4 of 220 m³, a person */
#define OVER_QUOTA_CASE   "c58b3c810055"   /* 90.9 of 80 m³, texts of its forms */
#define BAD_ID_CASE       "b9801d5a0060"   /* an ID number with a wrong check digit */
#define ORGANISATION_CASE "b673a2d30057"   /* a forest farm */
#define BAD_USCC_CASE     "04248310005f"   /* a credit code with a wrong check character */

typedef struct
{
  CsSample sample;
  CsDepartment *department;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  cs_sample_init (&fixture->sample, "forestry", data);
  fixture->department = g_object_new (FRST_TYPE_DEPARTMENT, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  cs_sample_clear (&fixture->sample);
  g_clear_object (&fixture->department);
}

/* Within the quota, every material there: nothing wrong, the scans to be
 * checked by eye. */
static void
test_demo_case (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = cs_sample_check (&fixture->sample, fixture->department);

  g_assert_cmpuint (cs_fixture_count (findings, CS_FINDING_ERROR), ==, 0);
  g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_INFO, NULL, "m2", "ownership"));
}

static void
test_over_quota (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = cs_sample_check (&fixture->sample, fixture->department);
  CsFinding *finding = cs_fixture_find (findings, CS_FINDING_ERROR, "volume_m3", NULL, NULL);

  g_assert_nonnull (finding);
  g_assert_nonnull (strstr (cs_finding_get_message (finding), "90.9"));
  g_assert_nonnull (strstr (cs_finding_get_message (finding), "80.0"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* Just within: a warning to look at the year's other permits. */
  json_object_set_double_member (cs_sample_form (&fixture->sample), "volume_m3", 78.0);
  findings = cs_sample_check (&fixture->sample, fixture->department);
  g_assert_null (cs_fixture_find (findings, CS_FINDING_ERROR, "volume_m3", NULL, NULL));
  g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_WARNING, "volume_m3", NULL, NULL));
}

/* GB 11643: 11010519491231002X is the standard's own example. */
static void
test_id_number (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = cs_sample_check (&fixture->sample, fixture->department);

  /* The demo's wrong check digit. */
  g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_ERROR, "applicant.id_number", NULL,
                                     "identity"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  json_object_set_string_member (cs_sample_applicant (&fixture->sample), "id_number",
                                 "11010519491231002X");
  findings = cs_sample_check (&fixture->sample, fixture->department);
  g_assert_null (cs_fixture_find (findings, CS_FINDING_ERROR, "applicant.id_number", NULL,
                                  "identity"));
  /* Valid, but not the number printed on the application: not the
   * applicant's material. */
  g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_ERROR, "applicant.id_number", "m1",
                                     "application"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  json_object_set_string_member (cs_sample_applicant (&fixture->sample), "id_number",
                                 "110105194912310021");
  findings = cs_sample_check (&fixture->sample, fixture->department);
  g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_ERROR, "applicant.id_number", NULL,
                                     "identity"));
}

/* GB 32100: real credit codes (Huawei, Tencent) and the standard's example. */
static void
test_credit_code (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char * const valid[] = {
    "914403001922038216", "9144030071526726XG", "91350100M000100Y43",
  };
  g_autoptr(GPtrArray) findings = cs_sample_check (&fixture->sample, fixture->department);

  g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_ERROR, "applicant.uscc", NULL,
                                     "identity"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      json_object_set_string_member (cs_sample_applicant (&fixture->sample), "uscc", valid[i]);
      findings = cs_sample_check (&fixture->sample, fixture->department);
      g_assert_null (cs_fixture_find (findings, CS_FINDING_ERROR, "applicant.uscc", NULL,
                                      "identity"));
      /* The logging design names the farm's own code, not this one. */
      g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_ERROR, "applicant.uscc", "m3",
                                         "design"));
      g_clear_pointer (&findings, g_ptr_array_unref);
    }

  json_object_set_string_member (cs_sample_applicant (&fixture->sample), "uscc",
                                 "91350100M000100Y44");
  findings = cs_sample_check (&fixture->sample, fixture->department);
  g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_ERROR, "applicant.uscc", NULL,
                                     "identity"));
}

static void
test_forest_rules (Fixture       *fixture,
                   gconstpointer  data)
{
  JsonObject *form = cs_sample_form (&fixture->sample);
  g_autoptr(GPtrArray) findings = NULL;

  /* A public-welfare forest is never clear-felled; without regeneration a
   * clear-felled forest is an error. */
  json_object_set_string_member (form, "forest_category", "公益林");
  json_object_set_string_member (form, "method", "皆伐");
  json_object_set_boolean_member (form, "regeneration_commitment", FALSE);
  findings = cs_sample_check (&fixture->sample, fixture->department);
  g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_ERROR, "method", NULL, NULL));
  g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_ERROR, "regeneration_commitment",
                                     NULL, NULL));
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* Site, species and certificate recorded; the certificate handed in. */
  json_object_remove_member (form, "site");
  json_object_set_array_member (form, "species", json_array_new ());
  json_object_set_string_member (form, "land_ownership_certificate", " ");
  cs_sample_remove_material (&fixture->sample, "forestry.timber-logging", "ownership");
  findings = cs_sample_check (&fixture->sample, fixture->department);
  g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_ERROR, "site", NULL, NULL));
  g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_ERROR, "species", NULL, NULL));
  g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_ERROR, "land_ownership_certificate",
                                     NULL, NULL));
  g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_ERROR, NULL, NULL, "ownership"));
}

/* The application form must give the certificate of the form data. */
static void
test_cross_check (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = cs_sample_check (&fixture->sample, fixture->department);

  g_assert_null (cs_fixture_find (findings, CS_FINDING_WARNING, "land_ownership_certificate",
                                  "m1", NULL));
  g_clear_pointer (&findings, g_ptr_array_unref);

  json_object_set_string_member (cs_sample_form (&fixture->sample),
                                 "land_ownership_certificate", "粤(2020)从化区不动产权第0000001号");
  json_object_set_string_member (cs_sample_applicant (&fixture->sample), "name", "李四");
  findings = cs_sample_check (&fixture->sample, fixture->department);
  g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_WARNING, "land_ownership_certificate",
                                     "m1", "application"));
  g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_WARNING, "applicant.name", "m3",
                                     "design"));
}

static void
test_wording (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *grant = cs_sample_word (&fixture->sample, fixture->department,
                                           CS_OUTCOME_GRANT, NULL);
  g_autofree char *deny = NULL;
  g_autofree char *basis = NULL;

  g_assert_nonnull (strstr (grant, "138.4 m³"));
  g_assert_nonnull (strstr (grant, "Article 61"));

  /* Over the quota: the denial says so, with the notice of appeal. */
  json_object_set_double_member (cs_sample_form (&fixture->sample), "volume_m3", 300.0);
  deny = cs_sample_word (&fixture->sample, fixture->department, CS_OUTCOME_DENY, &basis);
  g_assert_nonnull (strstr (deny, "exceeds the annual logging quota"));
  g_assert_nonnull (strstr (deny, "administrative reconsideration"));
  g_assert_nonnull (strstr (basis, "Article 38(2)"));
  g_assert_nonnull (strstr (basis, "森林法"));

  for (CsOutcome outcome = CS_OUTCOME_SUPPLEMENT; outcome <= CS_OUTCOME_SUSPENSION; outcome++)
    {
      g_autofree char *text = cs_sample_word (&fixture->sample, fixture->department, outcome,
                                              NULL);

      g_assert_nonnull (strstr (text, "林木采伐许可证核发"));
    }
}

static void
test_wording_chinese (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *grant = NULL;
  g_autofree char *deny = NULL;
  g_autofree char *basis = NULL;

  if (!cs_fixture_use_chinese ())
    {
      g_test_skip ("no zh_CN.UTF-8 locale or no built translations");
      return;
    }
  grant = cs_sample_word (&fixture->sample, fixture->department, CS_OUTCOME_GRANT, NULL);
  g_assert_nonnull (strstr (grant, "林木采伐许可证"));
  g_assert_nonnull (strstr (grant, "更新造林"));
  json_object_set_double_member (cs_sample_form (&fixture->sample), "volume_m3", 300.0);
  deny = cs_sample_word (&fixture->sample, fixture->department, CS_OUTCOME_DENY, &basis);
  g_assert_nonnull (strstr (deny, "采伐限额"));
  g_assert_nonnull (strstr (deny, "行政复议"));
  g_assert_nonnull (strstr (basis, "第三十八条第二款"));
  cs_fixture_use_english ();
}

static void
test_panel (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(CsCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *panel;
  GtkWidget *row;

  if (!gtk_init_check ())
    {
      g_test_skip ("no display");
      return;
    }
  adw_init ();

  kase = cs_sample_make_case (&fixture->sample);
  panel = cs_department_create_case_panel (fixture->department, kase, fixture->sample.matter,
                                           &error);
  g_assert_no_error (error);
  g_object_ref_sink (panel);
  for (const char * const *field = (const char * const[]) {
         "applicant.name", "applicant.id_number", "site", "land_ownership_certificate",
         "forest_category", "species", "method", "area_mu", "volume_m3", "annual_quota_m3",
         "regeneration_commitment", NULL };
       *field != NULL; field++)
    g_assert_nonnull (cs_department_find_field (panel, *field));

  /* Over the quota, in red, with the share of the quota. */
  row = cs_department_find_field (panel, "volume_m3");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "114%"));
  /* A person: no credit code row on show. */
  g_assert_false (gtk_widget_get_visible (cs_department_find_field (panel, "applicant.uscc")));
  g_object_unref (panel);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, id, func) \
  g_test_add ("/forestry/" path, Fixture, id, fixture_set_up, func, fixture_tear_down)
  ADD ("demo-case", PERSON_CASE, test_demo_case);
  ADD ("over-quota", OVER_QUOTA_CASE, test_over_quota);
  ADD ("id-number", BAD_ID_CASE, test_id_number);
  ADD ("credit-code", BAD_USCC_CASE, test_credit_code);
  ADD ("forest-rules", ORGANISATION_CASE, test_forest_rules);
  ADD ("cross-check", OVER_QUOTA_CASE, test_cross_check);
  ADD ("wording", PERSON_CASE, test_wording);
  ADD ("wording-chinese", PERSON_CASE, test_wording_chinese);
  ADD ("panel", OVER_QUOTA_CASE, test_panel);
#undef ADD

  return g_test_run ();
}
