/* test-health.c — the health commission's plugin: its pre-checks on
 * demo-like radiation worker cases, its wording of every decision, its
 * panel.
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>
#include <adwaita.h>
#include <countersign.h>

#include "cs-check-context-private.h"
#include "hlth-department.h"

#include "cs-plugin-fixtures.h"

/* What the desk extracts from the demo's materials (see csc-demo.c). */
#define TRAINING_TEXT \
  "放射防护培训合格证\nNo. 878997\n姓名：陈丽萍\n公民身份号码：440113197411123066\n" \
  "经审核，符合有关规定，特发此证。\n广东省职业病防治院\n2025年10月15日\n专用章"
#define EXAM_TEXT \
  "放射工作人员职业健康检查报告\n广州市职业病防治院\n一、姓名\n陈丽萍\n\n二、公民身份号码\n" \
  "序号\n项目\n标准要求\n检测结果\n结论\n1\n绝缘电阻\n≤ 2.0\n36.77\n合格"
#define DOSIMETRY_TEXT \
  "个人剂量监测报告\n广东省职业病防治院\n一、姓名\n陈丽萍\n\n二、公民身份号码\n" \
  "440113197411123066\n序号\n项目\n标准要求"

typedef struct
{
  JsonObject *object;           /* the case as the central API gives it */
  CsMatter *matter;
  CsDepartment *department;
  GHashTable *texts;            /* material id → text */
  GDate today;
} Fixture;


static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->object = cs_fixture_read_json ("data/radiation-worker-case.json");
  fixture->matter = cs_fixture_load_matter ("health.radiation-worker");
  fixture->department = g_object_new (HLTH_TYPE_DEPARTMENT, NULL);
  fixture->texts = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (fixture->texts, "m3", EXAM_TEXT);
  g_hash_table_insert (fixture->texts, "m4", TRAINING_TEXT);
  g_hash_table_insert (fixture->texts, "m5", DOSIMETRY_TEXT);
  g_date_clear (&fixture->today, 1);
  g_date_set_dmy (&fixture->today, 20, 11, 2026);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->object, json_object_unref);
  g_clear_object (&fixture->matter);
  g_clear_object (&fixture->department);
  g_clear_pointer (&fixture->texts, g_hash_table_unref);
}

static JsonObject *
form_of (Fixture *fixture)
{
  return json_object_get_object_member (fixture->object, "form");
}

static JsonObject *
applicant_of (Fixture *fixture)
{
  return json_object_get_object_member (fixture->object, "applicant");
}

static void
set_id_number (Fixture    *fixture,
               const char *id_number)
{
  json_object_set_string_member (applicant_of (fixture), "id_number", id_number);
}

static void
remove_material (Fixture    *fixture,
                 const char *item)
{
  JsonArray *materials = json_object_get_array_member (fixture->object, "materials");

  for (guint i = 0; i < json_array_get_length (materials); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (materials, i),
                                                    "checklist_item"), item))
      {
        json_array_remove_element (materials, i);
        return;
      }
  g_assert_not_reached ();
}

static CsCase *
make_case (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  CsCase *kase = cs_case_new_from_json (fixture->object, &error);

  g_assert_no_error (error);
  return kase;
}

static GPtrArray *
check (Fixture *fixture)
{
  g_autoptr(CsCase) kase = make_case (fixture);
  g_autoptr(CsCheckContext) context = _cs_check_context_new (kase, fixture->matter,
                                                             &fixture->today);
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer id, text;
  GPtrArray *findings;

  g_hash_table_iter_init (&iter, fixture->texts);
  while (g_hash_table_iter_next (&iter, &id, &text))
    _cs_check_context_set_material_text (context, id, text);

  findings = cs_department_check_case (fixture->department, context, &error);
  g_assert_no_error (error);
  g_assert_nonnull (findings);

  for (guint i = 0; i < findings->len; i++)
    {
      CsFinding *finding = g_ptr_array_index (findings, i);

      g_test_message ("%d %s [field %s, material %s, item %s]",
                      cs_finding_get_severity (finding), cs_finding_get_message (finding),
                      cs_finding_get_field (finding), cs_finding_get_material (finding),
                      cs_finding_get_checklist_item (finding));
    }
  return findings;
}

/* The finding of @severity about what is named (NULL: anything). */
static CsFinding *
find (GPtrArray         *findings,
      CsFindingSeverity  severity,
      const char        *field,
      const char        *material,
      const char        *item)
{
  for (guint i = 0; i < findings->len; i++)
    {
      CsFinding *finding = g_ptr_array_index (findings, i);

      if (cs_finding_get_severity (finding) == severity &&
          (field == NULL || g_strcmp0 (cs_finding_get_field (finding), field) == 0) &&
          (material == NULL || g_strcmp0 (cs_finding_get_material (finding), material) == 0) &&
          (item == NULL || g_strcmp0 (cs_finding_get_checklist_item (finding), item) == 0))
        return finding;
    }
  return NULL;
}

static guint
count (GPtrArray         *findings,
       CsFindingSeverity  severity)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    if (cs_finding_get_severity (g_ptr_array_index (findings, i)) == severity)
      n++;
  return n;
}

/* The demo case as the desk sees it: nothing wrong, but the scans (the
 * application form, the ID card photo, the employer's licence) and the
 * health examination report without a readable ID number are to be
 * checked by eye. */
static void
test_demo_case (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = check (fixture);

  g_assert_cmpuint (count (findings, CS_FINDING_ERROR), ==, 0);
  g_assert_cmpuint (count (findings, CS_FINDING_WARNING), ==, 0);
  g_assert_nonnull (find (findings, CS_FINDING_INFO, NULL, "m1", "application"));
  g_assert_nonnull (find (findings, CS_FINDING_INFO, NULL, "m2", "id-card"));
  g_assert_nonnull (find (findings, CS_FINDING_INFO, NULL, "m6", "employer-licence"));
  g_assert_nonnull (find (findings, CS_FINDING_INFO, "applicant.id_number", "m3", "health-exam"));
  g_assert_null (find (findings, CS_FINDING_INFO, NULL, "m4", NULL));
  g_assert_null (find (findings, CS_FINDING_INFO, NULL, "m5", NULL));
}

/* GB 11643: 11010519491231002X is the standard's own example; with a 1 for
 * the X the check digit is wrong. */
static void
test_id_number (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;
  CsFinding *finding;

  set_id_number (fixture, "110105194912310021");
  findings = check (fixture);
  finding = find (findings, CS_FINDING_ERROR, "applicant.id_number", NULL, "id-card");
  g_assert_nonnull (finding);
  g_assert_null (cs_finding_get_material (finding));
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* A valid number, but not the one printed on the materials. */
  set_id_number (fixture, "11010519491231002X");
  findings = check (fixture);
  g_assert_null (find (findings, CS_FINDING_ERROR, "applicant.id_number", NULL, "id-card"));
  g_assert_nonnull (find (findings, CS_FINDING_ERROR, "applicant.id_number", "m4", "training"));
  g_assert_nonnull (find (findings, CS_FINDING_ERROR, "applicant.id_number", "m5", "dosimetry"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* Born in 2010: too young for radiation work on 2026-11-20. */
  set_id_number (fixture, "110105201001010010");
  g_assert_cmpint (cs_resident_id_check_digit ("11010520100101001"), ==, '0');
  findings = check (fixture);
  finding = find (findings, CS_FINDING_ERROR, "applicant.id_number", NULL, NULL);
  g_assert_nonnull (finding);
  g_assert_nonnull (strstr (cs_finding_get_message (finding), "18"));
}

static void
test_organisation (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;
  JsonObject *applicant = applicant_of (fixture);

  json_object_set_string_member (applicant, "kind", "organisation");
  json_object_remove_member (applicant, "id_type");
  json_object_remove_member (applicant, "id_number");
  json_object_remove_member (applicant, "gender");
  json_object_set_string_member (applicant, "uscc", "91440101MA5CXXXX0X");
  json_object_set_string_member (applicant, "legal_representative", "陈丽萍");
  json_object_set_string_member (applicant, "name", "广州市荔湾区中医医院");
  findings = check (fixture);
  g_assert_nonnull (find (findings, CS_FINDING_ERROR, "applicant.name", NULL, NULL));
}

static void
test_health_exam (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;

  json_object_set_string_member (form_of (fixture), "health_exam_conclusion", "暂时脱离放射工作");
  findings = check (fixture);
  g_assert_nonnull (find (findings, CS_FINDING_ERROR, "health_exam_conclusion", NULL,
                          "health-exam"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  json_object_set_string_member (form_of (fixture), "health_exam_conclusion",
                                 "在一定限制条件下可从事放射工作");
  findings = check (fixture);
  g_assert_null (find (findings, CS_FINDING_ERROR, "health_exam_conclusion", NULL, NULL));
  g_assert_nonnull (find (findings, CS_FINDING_WARNING, "health_exam_conclusion", NULL,
                          "health-exam"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* No report handed in at all. */
  remove_material (fixture, "health-exam");
  g_hash_table_remove (fixture->texts, "m3");
  findings = check (fixture);
  g_assert_nonnull (find (findings, CS_FINDING_ERROR, NULL, NULL, "health-exam"));
}

static void
test_training (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;

  /* Trained three years ago: trainings may be two years apart at most. */
  g_hash_table_insert (fixture->texts, "m4",
                       "放射防护培训合格证\n姓名：陈丽萍\n公民身份号码：440113197411123066\n"
                       "广东省职业病防治院\n2023年10月15日");
  findings = check (fixture);
  g_assert_nonnull (find (findings, CS_FINDING_WARNING, NULL, "m4", "training"));
  g_assert_cmpuint (count (findings, CS_FINDING_ERROR), ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* Dated after today. */
  g_hash_table_insert (fixture->texts, "m4",
                       "姓名：陈丽萍\n公民身份号码：440113197411123066\n2027年1月5日");
  findings = check (fixture);
  g_assert_nonnull (find (findings, CS_FINDING_ERROR, NULL, "m4", "training"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* The form's certificate number from 2021. */
  g_hash_table_insert (fixture->texts, "m4", TRAINING_TEXT);
  json_object_set_string_member (form_of (fixture), "training_certificate_no",
                                 "粤放培〔2021〕11382号");
  findings = check (fixture);
  g_assert_nonnull (find (findings, CS_FINDING_WARNING, "training_certificate_no", NULL,
                          "training"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* No certificate handed in, none in the form. */
  json_object_remove_member (form_of (fixture), "training_certificate_no");
  remove_material (fixture, "training");
  g_hash_table_remove (fixture->texts, "m4");
  findings = check (fixture);
  g_assert_nonnull (find (findings, CS_FINDING_ERROR, NULL, NULL, "training"));
  g_assert_nonnull (find (findings, CS_FINDING_ERROR, "training_certificate_no", NULL, NULL));
}

static void
test_name_on_materials (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;
  CsFinding *finding;

  g_hash_table_insert (fixture->texts, "m4",
                       "放射防护培训合格证\n姓名：陈丽娟\n公民身份号码：440113197411123066\n"
                       "2025年10月15日");
  findings = check (fixture);
  finding = find (findings, CS_FINDING_ERROR, "applicant.name", "m4", "training");
  g_assert_nonnull (finding);
  g_assert_nonnull (strstr (cs_finding_get_message (finding), "陈丽娟"));
  g_assert_null (find (findings, CS_FINDING_ERROR, "applicant.id_number", "m4", NULL));
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* A label with a table's header after it, as text comes out of some
   * PDFs: no name to compare, so the approver looks, nothing is claimed. */
  g_hash_table_insert (fixture->texts, "m5",
                       "个人剂量监测报告\n一、姓名\n序号\n项目\n标准要求\n二、公民身份号码\n"
                       "440113197411123066");
  findings = check (fixture);
  g_assert_null (find (findings, CS_FINDING_ERROR, "applicant.name", "m5", NULL));
  g_assert_nonnull (find (findings, CS_FINDING_WARNING, "applicant.name", "m5", "dosimetry"));
}

static void
test_form_dates (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;

  json_object_set_string_member (form_of (fixture), "radiation_work_since", "2026-02-30");
  findings = check (fixture);
  g_assert_nonnull (find (findings, CS_FINDING_ERROR, "radiation_work_since", NULL, NULL));
  g_clear_pointer (&findings, g_ptr_array_unref);

  json_object_set_string_member (form_of (fixture), "radiation_work_since", "2027-03-01");
  findings = check (fixture);
  g_assert_nonnull (find (findings, CS_FINDING_WARNING, "radiation_work_since", NULL, NULL));
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* Already working, no dosimetry report handed in. */
  json_object_set_string_member (form_of (fixture), "radiation_work_since", "2024-03-01");
  remove_material (fixture, "dosimetry");
  g_hash_table_remove (fixture->texts, "m5");
  findings = check (fixture);
  g_assert_nonnull (find (findings, CS_FINDING_WARNING, NULL, NULL, "dosimetry"));
  g_assert_cmpuint (count (findings, CS_FINDING_ERROR), ==, 0);
}

static void
test_wording (Fixture       *fixture,
              gconstpointer  data)
{
  static const CsOutcome outcomes[] = {
    CS_OUTCOME_GRANT, CS_OUTCOME_DENY, CS_OUTCOME_SUPPLEMENT, CS_OUTCOME_NOT_ACCEPTED,
    CS_OUTCOME_EXTENSION, CS_OUTCOME_SUSPENSION,
  };
  g_autoptr(CsCase) kase = make_case (fixture);
  g_autoptr(CsCase) unfit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *basis = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    {
      g_assert_true (cs_matter_allows_outcome (fixture->matter, outcomes[i]));
      g_assert_true (cs_department_get_wording (fixture->department, kase, fixture->matter,
                                                outcomes[i], &text, &basis, &error));
      g_assert_no_error (error);
      g_test_message ("%s: %s (%s)", cs_outcome_to_string (outcomes[i]), text, basis);
      g_assert_nonnull (strstr (text, "陈丽萍"));
      g_assert_nonnull (strstr (basis, "Administrative Licensing Law"));

      /* A refusal tells the applicant how to challenge it. */
      if (outcomes[i] == CS_OUTCOME_DENY || outcomes[i] == CS_OUTCOME_NOT_ACCEPTED)
        g_assert_nonnull (strstr (text, "administrative reconsideration"));
      if (outcomes[i] == CS_OUTCOME_GRANT || outcomes[i] == CS_OUTCOME_DENY)
        g_assert_nonnull (strstr (basis, cs_matter_get_legal_basis (fixture->matter)));
      if (outcomes[i] == CS_OUTCOME_GRANT)
        g_assert_nonnull (strstr (text, "广州市荔湾区中医医院"));
      if (outcomes[i] == CS_OUTCOME_EXTENSION)
        g_assert_nonnull (strstr (text, "20 working days"));
      g_clear_pointer (&text, g_free);
      g_clear_pointer (&basis, g_free);
    }

  /* The case itself gives the reason for a denial when it can. */
  json_object_set_string_member (form_of (fixture), "health_exam_conclusion", "暂时脱离放射工作");
  unfit = make_case (fixture);
  g_assert_true (cs_department_get_wording (fixture->department, unfit, fixture->matter,
                                            CS_OUTCOME_DENY, &text, NULL, &error));
  g_assert_nonnull (strstr (text, "暂时脱离放射工作"));
  g_assert_null (strstr (text, "[state the reasons"));
  g_clear_pointer (&text, g_free);

  g_assert_false (cs_department_get_wording (fixture->department, kase, fixture->matter,
                                             CS_OUTCOME_NONE, &text, NULL, &error));
  g_assert_error (error, CS_DEPARTMENT_ERROR, CS_DEPARTMENT_ERROR_NOT_SUPPORTED);
}

/* In Chinese, as the desk shows it in a Chinese service centre. */
static void
test_wording_chinese (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *localedir = g_getenv ("COUNTERSIGN_LOCALEDIR");
  g_autoptr(CsCase) kase = make_case (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *basis = NULL;
  g_autofree char *saved = NULL;

  if (localedir == NULL || setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    {
      g_test_skip ("no zh_CN.UTF-8 locale or no built translations");
      return;
    }
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_assert_true (cs_department_get_wording (fixture->department, kase, fixture->matter,
                                            CS_OUTCOME_DENY, &text, &basis, &error));
  g_assert_no_error (error);
  g_test_message ("%s (%s)", text, basis);
  g_assert_nonnull (strstr (text, "不予许可"));
  g_assert_nonnull (strstr (text, "行政复议"));
  g_assert_nonnull (strstr (text, "行政诉讼"));
  g_assert_nonnull (strstr (basis, "《中华人民共和国行政许可法》第三十八条第二款"));

  setlocale (LC_ALL, "C.UTF-8");
}

static void
test_panel (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(CsCase) kase = make_case (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsMatter) other = cs_fixture_load_matter ("health.test-only");
  GtkWidget *panel;
  GtkWidget *row;

  if (!gtk_init_check ())
    {
      g_test_skip ("no display");
      return;
    }
  adw_init ();

  panel = cs_department_create_case_panel (fixture->department, kase, fixture->matter, &error);
  g_assert_no_error (error);
  g_assert_nonnull (panel);
  g_object_ref_sink (panel);

  /* Every field of the form, and the worker's ID, can be revealed. */
  for (const char * const *field = (const char * const[]) {
         "applicant.name", "applicant.id_number", "employer", "employer_licence_no", "post",
         "radiation_work_since", "training_certificate_no", "health_exam_conclusion",
         "dosimeter_no", NULL };
       *field != NULL; field++)
    {
      row = cs_department_find_field (panel, *field);
      g_assert_true (ADW_IS_ACTION_ROW (row));
    }
  row = cs_department_find_field (panel, "employer");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Employer");
  g_object_unref (panel);

  /* The matter it does not handle is left to the desk. */
  panel = cs_department_create_case_panel (fixture->department, kase, other, &error);
  g_assert_error (error, CS_DEPARTMENT_ERROR, CS_DEPARTMENT_ERROR_NOT_SUPPORTED);
  g_assert_null (panel);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/health/checks/demo-case", test_demo_case);
  ADD ("/health/checks/id-number", test_id_number);
  ADD ("/health/checks/organisation", test_organisation);
  ADD ("/health/checks/health-exam", test_health_exam);
  ADD ("/health/checks/training", test_training);
  ADD ("/health/checks/name-on-materials", test_name_on_materials);
  ADD ("/health/checks/form-dates", test_form_dates);
  ADD ("/health/wording/every-outcome", test_wording);
  ADD ("/health/wording/chinese", test_wording_chinese);
  ADD ("/health/panel", test_panel);
#undef ADD

  return g_test_run ();
}
