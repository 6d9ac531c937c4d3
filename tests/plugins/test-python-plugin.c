/* test-python-plugin.c — a department plugin written in Python through the
 * typelib (tests/plugins/python/python-example), loaded by the desk's
 * plugin host with libpeas's Python 3 loader: its department, its checks
 * and its wording reach the desk like a C plugin's.
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <countersign.h>

#include "cs-plugin.h"
#include "cs-plugin-host.h"

#include "cs-plugin-fixtures.h"

#define SAMPLES "python/python-example/python-example-cases.json"

static CsPlugin *
get_plugin (CsPluginHost *host,
            const char   *module_name)
{
  GListModel *plugins = cs_plugin_host_get_plugins (host);

  for (guint i = 0; i < g_list_model_get_n_items (plugins); i++)
    {
      g_autoptr(CsPlugin) plugin = g_list_model_get_item (plugins, i);

      if (g_str_equal (cs_plugin_get_module_name (plugin), module_name))
        return plugin;
    }
  return NULL;
}

typedef struct
{
  GPtrArray *findings;
  GError *error;
  gboolean done;
} CheckResult;

static void
on_checked (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  CheckResult *check = user_data;

  check->findings = cs_plugin_host_check_case_finish (CS_PLUGIN_HOST (object), result,
                                                      &check->error);
  check->done = TRUE;
}

static GPtrArray *
check (CsPluginHost *host,
       CsSample     *sample)
{
  g_autoptr(CsCase) kase = cs_sample_make_case (sample);
  CheckResult result = { 0 };

  cs_plugin_host_check_case_async (host, NULL, kase, sample->matter, &sample->today, NULL,
                                   on_checked, &result);
  while (!result.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (result.error);
  g_assert_nonnull (result.findings);
  return result.findings;
}

static void
test_python_plugin (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(CsPluginHost) host = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(CsCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *basis = NULL;
  CsSample good, bad;
  CsPlugin *plugin;
  CsDepartment *department;

  g_settings_reset (settings, "disabled-plugins");
  host = cs_plugin_host_new (settings);
  plugin = get_plugin (host, "python_example");
  g_assert_nonnull (plugin);
  g_test_message ("python_example: %s", cs_plugin_get_error (plugin));
  g_assert_null (cs_plugin_get_error (plugin));
  g_assert_true (cs_plugin_get_enabled (plugin));
  department = cs_plugin_host_lookup (host, "example", "example.hello");
  g_assert_nonnull (department);
  g_assert_true (department == cs_plugin_get_department (plugin));
  g_assert_cmpstr (G_OBJECT_TYPE_NAME (department), ==, "PyExampleDepartment");
  g_assert_cmpstr (cs_department_get_code (department), ==, "example");

  cs_sample_init (&good, SAMPLES, "b58a65ad003b");
  cs_sample_init (&bad, SAMPLES, "b58a65ad0bad");

  /* The core's validator, through the typelib: GB 11643. */
  findings = check (host, &good);
  g_assert_null (cs_fixture_find (findings, CS_FINDING_ERROR, "applicant.id_number", NULL,
                                  NULL));
  /* Without a cache the desk reads no material: each to be checked by eye. */
  g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_INFO, NULL, "m2", NULL));
  g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_INFO, NULL, "m4", NULL));
  g_clear_pointer (&findings, g_ptr_array_unref);

  findings = check (host, &bad);
  g_assert_nonnull (cs_fixture_find (findings, CS_FINDING_ERROR, "applicant.id_number", NULL,
                                     NULL));

  /* The core's standard wording, out arguments and all. */
  kase = cs_sample_make_case (&good);
  g_assert_true (cs_plugin_host_get_wording (host, kase, good.matter, CS_OUTCOME_DENY, &text,
                                             &basis, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "示例事项"));
  g_assert_nonnull (strstr (text, "administrative reconsideration"));
  g_assert_nonnull (strstr (basis, "Article 38(2)"));

  /* Its panel is the desk's generic one. */
  if (gtk_init_check ())
    {
      GtkWidget *panel = g_object_ref_sink (cs_plugin_host_create_case_panel (host, kase,
                                                                                good.matter));

      g_assert_true (GTK_IS_WIDGET (panel));
      g_assert_true (cs_plugin_get_enabled (plugin));
      g_object_unref (panel);
    }

  cs_sample_clear (&good);
  cs_sample_clear (&bad);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/python-plugin/load-check-word", test_python_plugin);

  return g_test_run ();
}
