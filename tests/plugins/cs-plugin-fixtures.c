/* cs-plugin-fixtures.c — what the plugin tests read from tests/plugins/data
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-plugin-fixtures.h"

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
