/* test-market.c — the market regulation administration's plugin: food
 * business licences and the industrial product licence it leads as a
 * parallel approval; pre-checks on demo cases and real-world credit codes,
 * wording in English and Chinese, panels.
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <countersign.h>

#include "mkt-department.h"

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
  cs_sample_init (&fixture->sample, "market", data);
  fixture->department = g_object_new (MKT_TYPE_DEPARTMENT, NULL);
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

/* Demo cases in plugins/market/market-cases.json. */
#define FOOD_CASE        "dc973d930070"
#define FOOD_BAD_CASE    "30c217ed006b"   /* a credit code with a wrong check character */
#define PRODUCT_DECIDED  "447140490095"   /* every part decided, fire did not accept */
#define PRODUCT_WAITING  "210ff8920099"   /* fire has not reported */

static void
set_part (CsSample   *sample,
          const char *department,
          const char *status,
          const char *outcome)
{
  JsonArray *parts = json_object_get_array_member (json_object_get_object_member (sample->object,
                                                                                  "parallel"),
                                                   "parts");

  for (guint i = 0; i < json_array_get_length (parts); i++)
    {
      JsonObject *part = json_array_get_object_element (parts, i);

      if (!g_str_equal (json_object_get_string_member (part, "department"), department))
        continue;
      if (status == NULL)
        {
          json_array_remove_element (parts, i);
          return;
        }
      json_object_set_string_member (part, "status", status);
      if (outcome != NULL)
        json_object_set_string_member (part, "outcome", outcome);
      else
        json_object_set_null_member (part, "outcome");
      return;
    }
  g_assert_not_reached ();
}

static void
test_food_demo (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = cs_sample_check (&fixture->sample, fixture->department);

  g_assert_cmpuint (cs_fixture_count (findings, CS_FINDING_ERROR), ==, 0);
  g_assert_cmpuint (cs_fixture_count (findings, CS_FINDING_WARNING), ==, 0);
  /* The safety manager's certificate names the business and its code. */
  g_assert_null (cs_fixture_find (findings, CS_FINDING_INFO, NULL, "m5", NULL));
}

/* GB 32100: Alibaba's and Tencent's codes are valid, one changed
 * character is not; the materials then name another code. */
static void
test_food_credit_code (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = cs_sample_check (&fixture->sample, fixture->department);

  g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_ERROR, "applicant.uscc", NULL,
                                     "business-licence"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  json_object_set_string_member (cs_sample_applicant (&fixture->sample), "uscc",
                                 "91330100799655058B");
  findings = cs_sample_check (&fixture->sample, fixture->department);
  g_assert_null (cs_fixture_find (findings, CS_FINDING_ERROR, "applicant.uscc", NULL,
                                  "business-licence"));
  g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_ERROR, "applicant.uscc", "m5",
                                     "safety-manager"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  json_object_set_string_member (cs_sample_applicant (&fixture->sample), "uscc",
                                 "9144030071526726XH");
  findings = cs_sample_check (&fixture->sample, fixture->department);
  g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_ERROR, "applicant.uscc", NULL,
                                     "business-licence"));
}

static void
test_food_rules (Fixture       *fixture,
                 gconstpointer  data)
{
  JsonObject *form = cs_sample_form (&fixture->sample);
  g_autoptr(GPtrArray) findings = NULL;

  json_object_remove_member (form, "food_safety_manager");
  json_object_set_string_member (form, "operator_type", "食品销售经营者");
  json_object_set_string_member (form, "premises", "广州市荔湾区多宝路1号");
  findings = cs_sample_check (&fixture->sample, fixture->department);
  g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_ERROR, "food_safety_manager", NULL,
                                     "safety-manager"));
  g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_WARNING, "items", NULL, NULL));
  g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_WARNING, "premises", NULL, "lease"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  cs_sample_remove_material (&fixture->sample, "market.food-business", "safety-rules");
  findings = cs_sample_check (&fixture->sample, fixture->department);
  g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_ERROR, NULL, NULL, "safety-rules"));
}

/* The lead cannot decide before every co-department has reported, nor
 * grant over a refusal. */
static void
test_parallel_waiting (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = cs_sample_check (&fixture->sample, fixture->department);
  CsFinding *finding = cs_fixture_find (findings, CS_FINDING_ERROR, "parallel.fire", NULL,
                                        NULL);

  g_assert_nonnull (finding);
  g_assert_nonnull (strstr (cs_finding_get_message (finding), "has not reported"));
  g_assert_null (cs_fixture_find (findings, CS_FINDING_ERROR, "parallel.public-security", NULL,
                                  NULL));
  g_clear_pointer (&findings, g_ptr_array_unref);

  set_part (&fixture->sample, "fire", "decided", "grant");
  findings = cs_sample_check (&fixture->sample, fixture->department);
  g_assert_null (cs_fixture_find (findings, CS_FINDING_ERROR, "parallel.fire", NULL, NULL));
  g_assert_cmpuint (cs_fixture_count (findings, CS_FINDING_ERROR), ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* A co-department's part missing altogether. */
  set_part (&fixture->sample, "public-security", NULL, NULL);
  findings = cs_sample_check (&fixture->sample, fixture->department);
  g_assert_cmpuint (cs_fixture_count (findings, CS_FINDING_ERROR), ==, 1);
}

static void
test_parallel_refused (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) findings = cs_sample_check (&fixture->sample, fixture->department);
  g_autofree char *deny = NULL;

  g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_ERROR, "parallel.fire", NULL, NULL));
  deny = cs_sample_word (&fixture->sample, fixture->department, CS_OUTCOME_DENY, NULL);
  g_assert_nonnull (strstr (deny, "广州市荔湾区消防救援大队 did not approve its part"));
  g_assert_nonnull (strstr (deny, "administrative reconsideration"));
}

static void
test_wording (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *grant = cs_sample_word (&fixture->sample, fixture->department,
                                           CS_OUTCOME_GRANT, NULL);
  g_autofree char *basis = NULL;
  g_autofree char *chinese = NULL;

  g_assert_nonnull (strstr (grant, "Food Business Licence"));
  g_assert_nonnull (strstr (grant, "热食类食品制售"));
  for (CsOutcome outcome = CS_OUTCOME_DENY; outcome <= CS_OUTCOME_SUSPENSION; outcome++)
    g_free (cs_sample_word (&fixture->sample, fixture->department, outcome, NULL));

  if (!cs_fixture_use_chinese ())
    {
      g_test_skip ("no zh_CN.UTF-8 locale or no built translations");
      return;
    }
  chinese = cs_sample_word (&fixture->sample, fixture->department, CS_OUTCOME_GRANT, &basis);
  g_assert_nonnull (strstr (chinese, "《食品经营许可证》"));
  g_assert_nonnull (strstr (basis, "《中华人民共和国食品安全法》第三十五条"));
  cs_fixture_use_english ();
}

static void
test_product_wording (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *grant = cs_sample_word (&fixture->sample, fixture->department,
                                           CS_OUTCOME_GRANT, NULL);
  g_autofree char *chinese = NULL;

  g_assert_nonnull (strstr (grant, "Industrial Product Production Licence"));
  g_assert_nonnull (strstr (grant, "decided in parallel"));
  if (!cs_fixture_use_chinese ())
    {
      g_test_skip ("no zh_CN.UTF-8 locale or no built translations");
      return;
    }
  chinese = cs_sample_word (&fixture->sample, fixture->department, CS_OUTCOME_GRANT, NULL);
  g_assert_nonnull (strstr (chinese, "并联办理"));
  cs_fixture_use_english ();
}

static void
test_panels (Fixture       *fixture,
             gconstpointer  data)
{
  const char * const fields[] = {
    "applicant.name", "applicant.uscc", "product", "production_address", "plant_area_m2",
    "employees", "storage_of_hazardous_materials", "parallel.market", "parallel.fire",
    "parallel.public-security", NULL
  };
  GtkWidget *panel;
  GtkWidget *fire;

  if (!gtk_init_check ())
    {
      g_test_skip ("no display");
      return;
    }
  adw_init ();

  panel = make_panel (fixture);
  assert_fields (panel, fields);
  /* The co-department that has not reported stands out. */
  fire = cs_department_find_field (panel, "parallel.fire");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (fire)), ==, "Co-department");
  g_object_unref (panel);
}

static void
test_food_panel (Fixture       *fixture,
                 gconstpointer  data)
{
  const char * const fields[] = {
    "applicant.name", "applicant.uscc", "business_name", "operator_type", "items", "premises",
    "area_m2", "food_safety_manager", NULL
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
  g_assert_false (gtk_widget_get_visible (cs_department_find_field (panel,
                                                                    "applicant.id_number")));
  g_object_unref (panel);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, id, func) \
  g_test_add ("/market/" path, Fixture, id, fixture_set_up, func, fixture_tear_down)
  ADD ("food/demo-case", FOOD_CASE, test_food_demo);
  ADD ("food/credit-code", FOOD_BAD_CASE, test_food_credit_code);
  ADD ("food/rules", FOOD_CASE, test_food_rules);
  ADD ("food/wording", FOOD_CASE, test_wording);
  ADD ("food/panel", FOOD_CASE, test_food_panel);
  ADD ("product/parallel-waiting", PRODUCT_WAITING, test_parallel_waiting);
  ADD ("product/parallel-refused", PRODUCT_DECIDED, test_parallel_refused);
  ADD ("product/wording", PRODUCT_WAITING, test_product_wording);
  ADD ("product/panel", PRODUCT_WAITING, test_panels);
#undef ADD

  return g_test_run ();
}
