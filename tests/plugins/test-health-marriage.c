/* test-health-marriage.c — the health commission's marriage and
 * childbearing certificate of the floating population, an instant
 * matter: pre-checks on demo cases and GB 11643 vectors, wording of the
 * outcomes the matter allows in English and Chinese, panel.
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <countersign.h>

#include "hlth-department.h"
#include "hlth-marriage.h"

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
  cs_sample_init (&fixture->sample, "health", data);
  fixture->department = g_object_new (HLTH_TYPE_DEPARTMENT, NULL);
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

/* Demo cases in plugins/health/health-cases.json. */
#define MARRIED_CASE    "8cb9d4710049"   /* married, the marriage certificate handed in */
#define BAD_ID_CASE     "83642d62004b"   /* an ID number with a wrong check digit */
#define NO_CERTIFICATE  "bae6cf610044"   /* married, no marriage certificate */

static void
test_demo_case (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = cs_sample_check (&fixture->sample, fixture->department);

  g_assert_cmpuint (cs_fixture_count (findings, CS_FINDING_ERROR), ==, 0);
  g_assert_cmpuint (cs_fixture_count (findings, CS_FINDING_WARNING), ==, 0);
  g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_INFO, NULL, "m4",
                                     "marriage-certificate"));
}

/* GB 11643: the standard's example and a wrong check digit. */
static void
test_id_number (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = cs_sample_check (&fixture->sample, fixture->department);
  g_autofree char *deny = NULL;

  g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_ERROR, "applicant.id_number", NULL,
                                     "id-card"));
  deny = cs_sample_word (&fixture->sample, fixture->department, CS_OUTCOME_DENY, NULL);
  g_assert_nonnull (strstr (deny, "is not a valid one"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  json_object_set_string_member (cs_sample_applicant (&fixture->sample), "id_number",
                                 "11010519491231002X");
  findings = cs_sample_check (&fixture->sample, fixture->department);
  g_assert_null (cs_fixture_find (findings, CS_FINDING_ERROR, "applicant.id_number", NULL,
                                  "id-card"));
}

static void
test_marriage (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = cs_sample_check (&fixture->sample, fixture->department);

  g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_ERROR, "marital_status", NULL,
                                     "marriage-certificate"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* A man born in 2006 is 20: under the legal age for marriage, 22. */
  json_object_set_string_member (cs_sample_applicant (&fixture->sample), "id_number",
                                 "11010520060101001X");
  findings = cs_sample_check (&fixture->sample, fixture->department);
  {
    guint n = 0;

    for (guint i = 0; i < findings->len; i++)
      if (g_strcmp0 (cs_finding_get_field (g_ptr_array_index (findings, i)), "marital_status") == 0)
        n++;
    /* No certificate, and under age. */
    g_assert_cmpuint (n, ==, 2);
  }
  g_assert_cmpuint (hlth_legal_marriage_age ("11010520060101001X"), ==, 22);
  g_assert_cmpuint (hlth_legal_marriage_age ("440103199001010022"), ==, 20);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* Unmarried: no certificate needed. */
  json_object_set_string_member (cs_sample_form (&fixture->sample), "marital_status", "未婚");
  findings = cs_sample_check (&fixture->sample, fixture->department);
  g_assert_null (cs_fixture_find (findings, CS_FINDING_ERROR, "marital_status", NULL, NULL));
}

/* Who is registered here is not floating population here. */
static void
test_household (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;

  json_object_set_string_member (cs_sample_form (&fixture->sample), "household_register",
                                 "广东省广州市荔湾区");
  json_object_set_string_member (cs_sample_form (&fixture->sample), "children", "两个");
  findings = cs_sample_check (&fixture->sample, fixture->department);
  g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_ERROR, "household_register", NULL,
                                     "household-register"));
  g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_ERROR, "children", NULL, NULL));
}

static void
test_wording (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *grant = cs_sample_word (&fixture->sample, fixture->department,
                                           CS_OUTCOME_GRANT, NULL);
  g_autofree char *chinese = NULL;
  g_autofree char *basis = NULL;
  g_autoptr(CsCase) kase = cs_sample_make_case (&fixture->sample);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_nonnull (strstr (grant, "has 1 child."));
  g_assert_nonnull (strstr (grant, "四川省绵阳市三台县"));
  g_free (cs_sample_word (&fixture->sample, fixture->department, CS_OUTCOME_DENY, NULL));
  g_free (cs_sample_word (&fixture->sample, fixture->department, CS_OUTCOME_NOT_ACCEPTED,
                          NULL));

  /* An instant matter has no extension. */
  g_assert_false (cs_department_get_wording (fixture->department, kase, fixture->sample.matter,
                                             CS_OUTCOME_EXTENSION, &text, NULL, &error));
  g_assert_error (error, CS_DEPARTMENT_ERROR, CS_DEPARTMENT_ERROR_NOT_SUPPORTED);

  if (!cs_fixture_use_chinese ())
    {
      g_test_skip ("no zh_CN.UTF-8 locale or no built translations");
      return;
    }
  chinese = cs_sample_word (&fixture->sample, fixture->department, CS_OUTCOME_GRANT, &basis);
  g_assert_nonnull (strstr (chinese, "《流动人口婚育证明》"));
  g_assert_nonnull (strstr (chinese, "现有子女1名"));
  g_assert_nonnull (strstr (basis, "《流动人口计划生育工作条例》第八条"));
  cs_fixture_use_english ();
}

static void
test_panel (Fixture       *fixture,
            gconstpointer  data)
{
  const char * const fields[] = {
    "applicant.name", "applicant.id_number", "applicant.gender", "marital_status", "children",
    "household_register", "current_address", "purpose", NULL
  };
  GtkWidget *panel;

  if (!gtk_init_check ())
    {
      g_test_skip ("no display");
      return;
    }
  adw_init ();

  panel = make_panel (fixture);
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (panel, g_type_from_name ("HlthMarriagePanel")));
  assert_fields (panel, fields);
  g_object_unref (panel);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, id, func) \
  g_test_add ("/health/marriage/" path, Fixture, id, fixture_set_up, func, fixture_tear_down)
  ADD ("demo-case", MARRIED_CASE, test_demo_case);
  ADD ("id-number", BAD_ID_CASE, test_id_number);
  ADD ("marriage", NO_CERTIFICATE, test_marriage);
  ADD ("household", MARRIED_CASE, test_household);
  ADD ("wording", MARRIED_CASE, test_wording);
  ADD ("panel", MARRIED_CASE, test_panel);
#undef ADD

  return g_test_run ();
}
