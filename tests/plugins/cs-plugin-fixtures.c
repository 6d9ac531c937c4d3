/* cs-plugin-fixtures.c — what the plugin tests read from tests/plugins/data
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cs-plugin-fixtures.h"
#include "cs-check-context-private.h"

/**
 * cs_fixture_read_json:
 * @path: relative to tests/plugins in the source tree
 *
 * Returns: (transfer full): the file's JSON object; a test fails without one
 */
JsonObject *
cs_fixture_read_json (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_test_build_filename (G_TEST_DIST, path, NULL);

  json_parser_load_from_file (parser, file, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/**
 * cs_fixture_load_matter:
 * @code: a matter of the health commission
 *
 * Returns: (transfer full): the matter as GET /v1/matters gives it
 */
CsMatter *
cs_fixture_load_matter (const char *code)
{
  g_autoptr(JsonObject) answer = cs_fixture_read_json ("data/health-matters.json");
  JsonArray *matters = json_object_get_array_member (answer, "items");

  for (guint i = 0; i < json_array_get_length (matters); i++)
    {
      JsonObject *matter = json_array_get_object_element (matters, i);

      if (g_str_equal (json_object_get_string_member (matter, "code"), code))
        {
          g_autoptr(GError) error = NULL;
          CsMatter *result = cs_matter_new_from_json (matter, &error);

          g_assert_no_error (error);
          return result;
        }
    }
  g_error ("No matter %s in data/health-matters.json", code);
}

/* A deep copy, so that a test can change one case without the next. */
static JsonObject *
copy_object (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);
  g_autofree char *text = json_to_string (node, FALSE);
  g_autoptr(JsonNode) copy = json_from_string (text, NULL);

  return json_object_ref (json_node_get_object (copy));
}

/**
 * cs_sample_init:
 * @sample: the sample to fill
 * @plugin: a plugin's folder name under plugins/, or a file of sample
 *   cases (relative to tests/plugins)
 * @case_id: the id of one of its sample cases (demo cases)
 *
 * Reads the case, the text of its materials, its matter and the day the
 * samples were taken from the plugin's own sample cases; a test fails when
 * any is missing.
 */
void
cs_sample_init (CsSample   *sample,
                const char *plugin,
                const char *case_id)
{
  g_autofree char *path = g_str_has_suffix (plugin, ".json")
                          ? g_strdup (plugin)
                          : g_strdup_printf ("../../plugins/%s/%s-cases.json", plugin, plugin);
  g_autoptr(GError) error = NULL;
  JsonArray *cases;
  JsonArray *matters;
  const char *matter_code = NULL;

  memset (sample, 0, sizeof *sample);
  sample->samples = cs_fixture_read_json (path);
  cases = json_object_get_array_member (sample->samples, "cases");
  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *entry = json_array_get_object_element (cases, i);
      JsonObject *kase = json_object_get_object_member (entry, "case");

      if (!g_str_equal (json_object_get_string_member (kase, "id"), case_id))
        continue;
      sample->object = copy_object (kase);
      sample->texts = copy_object (json_object_get_object_member (entry, "texts"));
      matter_code = json_object_get_string_member (json_object_get_object_member (kase, "matter"),
                                                   "code");
    }
  if (sample->object == NULL)
    g_error ("No sample case %s in %s", case_id, path);

  matters = json_object_get_array_member (sample->samples, "matters");
  for (guint i = 0; i < json_array_get_length (matters); i++)
    {
      JsonObject *matter = json_array_get_object_element (matters, i);

      if (g_str_equal (json_object_get_string_member (matter, "code"), matter_code))
        sample->matter = cs_matter_new_from_json (matter, &error);
    }
  g_assert_no_error (error);
  g_assert_nonnull (sample->matter);

  g_date_clear (&sample->today, 1);
  g_assert_true (cs_validate_date (json_object_get_string_member (sample->samples, "today"),
                                   &sample->today, NULL));
}

void
cs_sample_clear (CsSample *sample)
{
  g_clear_pointer (&sample->samples, json_object_unref);
  g_clear_pointer (&sample->object, json_object_unref);
  g_clear_pointer (&sample->texts, json_object_unref);
  g_clear_object (&sample->matter);
}

JsonObject *
cs_sample_form (CsSample *sample)
{
  return json_object_get_object_member (sample->object, "form");
}

JsonObject *
cs_sample_applicant (CsSample *sample)
{
  return json_object_get_object_member (sample->object, "applicant");
}

void
cs_sample_remove_material (CsSample   *sample,
                           const char *matter_code,
                           const char *item)
{
  JsonArray *materials = json_object_get_array_member (sample->object, "materials");

  for (guint i = 0; i < json_array_get_length (materials); i++)
    {
      JsonObject *material = json_array_get_object_element (materials, i);

      if (g_str_equal (json_object_get_string_member (material, "checklist_item"), item) &&
          g_str_equal (json_object_get_string_member (material, "matter_code"), matter_code))
        {
          json_array_remove_element (materials, i);
          return;
        }
    }
  g_error ("The sample case has no material %s of %s", item, matter_code);
}

CsCase *
cs_sample_make_case (CsSample *sample)
{
  g_autoptr(GError) error = NULL;
  CsCase *kase = cs_case_new_from_json (sample->object, &error);

  g_assert_no_error (error);
  return kase;
}

/**
 * cs_sample_check:
 * @sample: a sample case
 * @department: the plugin's department
 *
 * Runs the plugin's pre-checks on the case, with the text of its materials,
 * through the interface's wrapper; the test fails when they fail.
 *
 * Returns: (transfer full): the findings
 */
GPtrArray *
cs_sample_check (CsSample     *sample,
                 CsDepartment *department)
{
  g_autoptr(CsCase) kase = cs_sample_make_case (sample);
  g_autoptr(CsCheckContext) context = _cs_check_context_new (kase, sample->matter,
                                                             &sample->today);
  g_autoptr(GError) error = NULL;
  JsonObjectIter iter;
  const char *id;
  JsonNode *text;
  GPtrArray *findings;

  json_object_iter_init (&iter, sample->texts);
  while (json_object_iter_next (&iter, &id, &text))
    _cs_check_context_set_material_text (context, id, json_node_get_string (text));

  findings = cs_department_check_case (department, context, &error);
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

/**
 * cs_sample_word:
 * @sample: a sample case
 * @department: the plugin's department
 * @outcome: an outcome the matter allows
 * @legal_basis: (out) (optional): the legal basis
 *
 * Returns: (transfer full): the wording; the test fails without one
 */
char *
cs_sample_word (CsSample      *sample,
                CsDepartment  *department,
                CsOutcome      outcome,
                char         **legal_basis)
{
  g_autoptr(CsCase) kase = cs_sample_make_case (sample);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (cs_department_get_wording (department, kase, sample->matter, outcome, &text,
                                            legal_basis, &error));
  g_assert_no_error (error);
  g_assert_nonnull (text);
  g_test_message ("%s: %s", cs_outcome_to_string (outcome), text);
  return text;
}

/* The finding of @severity about what is named (NULL: anything). */
CsFinding *
cs_fixture_find (GPtrArray         *findings,
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

guint
cs_fixture_count (GPtrArray         *findings,
                  CsFindingSeverity  severity)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    if (cs_finding_get_severity (g_ptr_array_index (findings, i)) == severity)
      n++;
  return n;
}

/**
 * cs_fixture_use_chinese:
 *
 * Switches the process to Chinese, as the desk runs in a Chinese service
 * centre, with the translations of the build tree.
 *
 * Returns: %FALSE when the machine has no zh_CN.UTF-8 locale or the
 *   translations were not built (the test then skips)
 */
gboolean
cs_fixture_use_chinese (void)
{
  const char *localedir = g_getenv ("COUNTERSIGN_LOCALEDIR");

  if (localedir == NULL || setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    return FALSE;
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  return TRUE;
}

void
cs_fixture_use_english (void)
{
  setlocale (LC_ALL, "C.UTF-8");
}
