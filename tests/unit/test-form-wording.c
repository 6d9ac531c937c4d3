/* test-form-wording.c — what the core gives every plugin: the form
 * accessors (a missing, blank or mistyped member is "not given") and the
 * Administrative Licensing Law's standard wording of each outcome.
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <countersign.h>

#define FORM \
  "{ \"site\": \"从化区良口镇塘料村\", \"blank\": \"  \", \"volume_m3\": 90.9," \
  "  \"floors\": 3, \"quota\": 220.0, \"regeneration\": true, \"species\": [\"杉木\", \" \", 7, \"马尾松\"]," \
  "  \"nothing\": null, \"object\": { \"a\": 1 } }"

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonNode) node = json_from_string (text, NULL);

  g_assert_nonnull (node);
  return json_object_ref (json_node_get_object (node));
}

static void
test_form (void)
{
  g_autoptr(JsonObject) form = parse_object (FORM);
  g_auto(GStrv) species = NULL;
  g_auto(GStrv) single = NULL;
  g_auto(GStrv) none = NULL;
  gboolean flag = FALSE;
  double number = 0;

  g_assert_cmpstr (cs_form_get_string (form, "site"), ==, "从化区良口镇塘料村");
  g_assert_null (cs_form_get_string (form, "blank"));
  g_assert_null (cs_form_get_string (form, "volume_m3"));
  g_assert_null (cs_form_get_string (form, "missing"));
  g_assert_null (cs_form_get_string (NULL, "site"));

  g_assert_true (cs_form_get_number (form, "volume_m3", &number));
  g_assert_cmpfloat (number, ==, 90.9);
  g_assert_true (cs_form_get_number (form, "floors", &number));
  g_assert_cmpfloat (number, ==, 3);
  g_assert_false (cs_form_get_number (form, "site", NULL));
  g_assert_false (cs_form_get_number (form, "nothing", NULL));

  g_assert_true (cs_form_get_boolean (form, "regeneration", &flag));
  g_assert_true (flag);
  g_assert_false (cs_form_get_boolean (form, "floors", NULL));

  species = cs_form_dup_strv (form, "species");
  g_assert_cmpuint (g_strv_length (species), ==, 2);
  g_assert_cmpstr (species[1], ==, "马尾松");
  single = cs_form_dup_strv (form, "site");
  g_assert_cmpuint (g_strv_length (single), ==, 1);
  none = cs_form_dup_strv (form, "object");
  g_assert_cmpuint (g_strv_length (none), ==, 0);
}

static void
test_form_text (void)
{
  g_autoptr(JsonObject) form = parse_object (FORM);
  struct { const char *member; const char *text; } cases[] = {
    { "site", "从化区良口镇塘料村" },
    { "volume_m3", "90.9" },
    { "floors", "3" },
    { "quota", "220" },
    { "regeneration", "Yes" },
    { "species", "杉木, 马尾松" },
    { "blank", NULL },
    { "nothing", NULL },
    { "object", NULL },
    { "missing", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = cs_form_dup_text (form, cases[i].member);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static CsMatter *
make_matter (const char *outcomes)
{
  g_autofree char *text = g_strdup_printf (
    "{ \"code\": \"forestry.timber-logging\", \"name\": \"林木采伐许可证核发\","
    "  \"department\": \"forestry\", \"department_name\": \"林业和园林局\","
    "  \"statutory_limit\": 20, \"promised_limit\": 10, \"instant\": false,"
    "  \"outcomes\": %s, \"legal_basis\": \"《中华人民共和国森林法》第五十六条\","
    "  \"co_matters\": [], \"checklist\": [] }", outcomes);
  g_autoptr(JsonObject) object = parse_object (text);
  g_autoptr(GError) error = NULL;
  CsMatter *matter = cs_matter_new_from_json (object, &error);

  g_assert_no_error (error);
  return matter;
}

static CsCase *
make_case (void)
{
  g_autoptr(JsonObject) object = parse_object (
    "{ \"id\": \"c1\", \"number\": \"LW1\", \"version\": 1, \"department\": \"forestry\","
    "  \"role\": \"lead\", \"matter\": { \"code\": \"forestry.timber-logging\", \"name\": \"林木采伐许可证核发\" },"
    "  \"instant\": false, \"status\": \"under_review\", \"assignee\": null, \"outcome\": null,"
    "  \"decided_on\": null, \"clock\": { \"accepted_on\": \"2026-10-20\", \"statutory_limit\": 20,"
    "  \"promised_limit\": 10, \"extension_days\": 0, \"suspensions\": [],"
    "  \"supplement_requested_on\": null },"
    "  \"applicant\": { \"kind\": \"person\", \"name\": \"陈晓东\", \"id_type\": \"resident_id\","
    "  \"id_number\": \"11010519491231002X\" },"
    "  \"received_at\": \"2026-10-20T08:25:00.000Z\", \"accepted_on\": \"2026-10-20\","
    "  \"green_channel\": false, \"priority\": \"normal\","
    "  \"updated_at\": \"2026-10-26T02:51:00.000Z\", \"parallel\": null }");
  g_autoptr(GError) error = NULL;
  CsCase *kase = cs_case_new_from_json (object, &error);

  g_assert_no_error (error);
  return kase;
}

static void
test_wording (void)
{
  g_autoptr(CsMatter) matter = make_matter ("[\"grant\", \"deny\", \"supplement\", "
                                            "\"not_accepted\", \"extension\", \"suspension\"]");
  g_autoptr(CsCase) kase = make_case ();
  g_autoptr(GError) error = NULL;
  g_autofree char *notice = cs_wording_appeal_notice ();

  for (CsOutcome outcome = CS_OUTCOME_GRANT; outcome <= CS_OUTCOME_SUSPENSION; outcome++)
    {
      g_autofree char *text = NULL;
      g_autofree char *basis = NULL;
      gboolean refusal = outcome == CS_OUTCOME_DENY || outcome == CS_OUTCOME_NOT_ACCEPTED;

      g_assert_true (cs_wording_standard (kase, matter, outcome, NULL, &text, &basis, &error));
      g_assert_no_error (error);
      g_test_message ("%s: %s (%s)", cs_outcome_to_string (outcome), text, basis);
      g_assert_nonnull (strstr (text, "陈晓东"));
      g_assert_nonnull (strstr (text, "林木采伐许可证核发"));
      /* The notice of appeal ends every refusal, and only a refusal. */
      g_assert_cmpint (g_str_has_suffix (text, notice), ==, refusal);
      /* The matter's own basis for a grant or a denial. */
      g_assert_cmpint (strstr (basis, "森林法") != NULL, ==,
                       outcome == CS_OUTCOME_GRANT || outcome == CS_OUTCOME_DENY);
    }

  /* Reasons given replace the placeholder. */
  {
    g_autofree char *text = NULL;

    g_assert_true (cs_wording_standard (kase, matter, CS_OUTCOME_DENY, "the quota is used up",
                                        &text, NULL, &error));
    g_assert_nonnull (strstr (text, "conditions: the quota is used up. Under Article 38(2)"));
    g_assert_null (strstr (text, "[state the reasons"));
  }

  {
    g_autofree char *basis = cs_wording_legal_basis (matter, CS_OUTCOME_EXTENSION);
    g_autofree char *text = NULL;

    g_assert_cmpstr (basis, ==, "Administrative Licensing Law of the People’s Republic of "
                                "China, Article 42(1)");
    g_assert_null (cs_wording_legal_basis (matter, CS_OUTCOME_NONE));
    g_assert_false (cs_wording_standard (kase, matter, CS_OUTCOME_NONE, NULL, &text, NULL,
                                         &error));
    g_assert_error (error, CS_DEPARTMENT_ERROR, CS_DEPARTMENT_ERROR_NOT_SUPPORTED);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/form/values", test_form);
  g_test_add_func ("/form/text", test_form_text);
  g_test_add_func ("/wording/standard", test_wording);

  return g_test_run ();
}
