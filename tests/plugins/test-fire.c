/* test-fire.c — the fire brigade's plugin: the inspection before a venue
 * opens, on its own and as a co-department of a parallel approval;
 * pre-checks on demo cases and real-world credit codes, wording in English
 * and Chinese, panel.
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <countersign.h>

#include "fire-department.h"

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
  cs_sample_init (&fixture->sample, "fire", data);
  fixture->department = g_object_new (FIRE_TYPE_DEPARTMENT, NULL);
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

/* Demo cases in plugins/fire/fire-cases.json. */
#define VENUE_CASE "2d2b549900cd"   /* a KTV venue, the brigade leads */
#define PLANT_CASE "210ff8920099"   /* a plant, its part of a parallel approval */

#define REPORT_TEXT(date) \
  "消防设施检测报告\n广东建科消防检测有限公司\n名称：广州荔枝湾KTV\n检测日期：" date "\n结论：合格"

static void
test_venue (Fixture       *fixture,
            gconstpointer  data)
{
  JsonObject *form = cs_sample_form (&fixture->sample);
  g_autoptr(GPtrArray) findings = cs_sample_check (&fixture->sample, fixture->department);

  g_assert_cmpuint (cs_fixture_count (findings, CS_FINDING_ERROR), ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* More than a person a square metre; no floors. */
  json_object_set_int_member (form, "building_area_m2", 300);
  json_object_set_int_member (form, "max_occupancy", 900);
  json_object_remove_member (form, "floors");
  findings = cs_sample_check (&fixture->sample, fixture->department);
  g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_WARNING, "max_occupancy", NULL, NULL));
  g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_ERROR, "floors", NULL, NULL));
}

/* GB 32100: the standard's example; one character changed. */
static void
test_credit_code (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;

  json_object_set_string_member (cs_sample_applicant (&fixture->sample), "uscc",
                                 "91350100M000100Y43");
  findings = cs_sample_check (&fixture->sample, fixture->department);
  g_assert_null (cs_fixture_find (findings, CS_FINDING_ERROR, "applicant.uscc", NULL,
                                  "business-licence"));
  g_clear_pointer (&findings, g_ptr_array_unref);
  json_object_set_string_member (cs_sample_applicant (&fixture->sample), "uscc",
                                 "91350100M000100Y4X");
  findings = cs_sample_check (&fixture->sample, fixture->department);
  g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_ERROR, "applicant.uscc", NULL,
                                     "business-licence"));
}

/* Fire facilities are tested in full every year (消防法 Art. 16). */
static void
test_facility_report (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = NULL;

  json_object_set_string_member (fixture->sample.texts, "m4", REPORT_TEXT ("2026年3月2日"));
  findings = cs_sample_check (&fixture->sample, fixture->department);
  g_assert_null (cs_fixture_find (findings, CS_FINDING_WARNING, NULL, "m4", "facility-report"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  json_object_set_string_member (fixture->sample.texts, "m4", REPORT_TEXT ("2025年3月2日"));
  findings = cs_sample_check (&fixture->sample, fixture->department);
  g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_WARNING, NULL, "m4", "facility-report"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  json_object_set_string_member (fixture->sample.texts, "m4", REPORT_TEXT ("2027年3月2日"));
  findings = cs_sample_check (&fixture->sample, fixture->department);
  g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_ERROR, NULL, "m4", "facility-report"));
}

static void
test_plant (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = cs_sample_check (&fixture->sample, fixture->department);
  g_autofree char *grant = NULL;

  /* The lead's form: no venue to ask about, its own materials only. */
  g_assert_cmpuint (cs_fixture_count (findings, CS_FINDING_ERROR), ==, 0);
  g_assert_null (cs_fixture_find (findings, CS_FINDING_ERROR, "venue_name", NULL, NULL));
  g_assert_null (cs_fixture_find (findings, CS_FINDING_INFO, NULL, "m2", NULL));
  g_clear_pointer (&findings, g_ptr_array_unref);

  json_object_set_boolean_member (cs_sample_form (&fixture->sample),
                                  "storage_of_hazardous_materials", TRUE);
  cs_sample_remove_material (&fixture->sample, "fire.pre-opening", "fire-acceptance");
  findings = cs_sample_check (&fixture->sample, fixture->department);
  g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_WARNING,
                                     "storage_of_hazardous_materials", NULL, NULL));
  g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_ERROR, NULL, NULL, "fire-acceptance"));

  grant = cs_sample_word (&fixture->sample, fixture->department, CS_OUTCOME_GRANT, NULL);
  g_assert_nonnull (strstr (grant, "reported to the lead department"));
}

static void
test_wording (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *grant = cs_sample_word (&fixture->sample, fixture->department,
                                           CS_OUTCOME_GRANT, NULL);
  g_autofree char *deny = NULL;
  g_autofree char *chinese = NULL;

  g_assert_nonnull (strstr (grant, "Article 15 of the Fire Protection Law"));
  g_assert_nonnull (strstr (grant, "广州荔枝湾KTV"));
  cs_sample_remove_material (&fixture->sample, "fire.pre-opening", "fire-acceptance");
  deny = cs_sample_word (&fixture->sample, fixture->department, CS_OUTCOME_DENY, NULL);
  g_assert_nonnull (strstr (deny, "Article 13 of the Fire Protection Law"));
  for (CsOutcome outcome = CS_OUTCOME_SUPPLEMENT; outcome <= CS_OUTCOME_SUSPENSION; outcome++)
    g_free (cs_sample_word (&fixture->sample, fixture->department, outcome, NULL));

  if (!cs_fixture_use_chinese ())
    {
      g_test_skip ("no zh_CN.UTF-8 locale or no built translations");
      return;
    }
  chinese = cs_sample_word (&fixture->sample, fixture->department, CS_OUTCOME_GRANT, NULL);
  g_assert_nonnull (strstr (chinese, "准予投入使用、营业"));
  cs_fixture_use_english ();
}

static void
test_panel (Fixture       *fixture,
            gconstpointer  data)
{
  const char * const fields[] = {
    "applicant.name", "applicant.uscc", "product", "production_address", "plant_area_m2",
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

  /* A part of a parallel approval shows the plant, not a venue. */
  panel = make_panel (fixture);
  assert_fields (panel, fields);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (
    cs_department_find_field (panel, "venue_name"), ADW_TYPE_PREFERENCES_GROUP)));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (
    cs_department_find_field (panel, "product"), ADW_TYPE_PREFERENCES_GROUP)));
  g_object_unref (panel);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, id, func) \
  g_test_add ("/fire/" path, Fixture, id, fixture_set_up, func, fixture_tear_down)
  ADD ("venue", VENUE_CASE, test_venue);
  ADD ("credit-code", VENUE_CASE, test_credit_code);
  ADD ("facility-report", VENUE_CASE, test_facility_report);
  ADD ("plant", PLANT_CASE, test_plant);
  ADD ("wording", VENUE_CASE, test_wording);
  ADD ("panel", PLANT_CASE, test_panel);
#undef ADD

  return g_test_run ();
}
