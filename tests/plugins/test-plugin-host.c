/* test-plugin-host.c — the desk's plugin host with the real health plugin
 * and deliberately broken ones, all loaded from the build tree: refused,
 * disabled with a message, and the desk keeps working.
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "cs-cache.h"
#include "cs-form-view.h"
#include "cs-plugin.h"
#include "cs-plugin-host.h"

#include "cs-plugin-fixtures.h"

#define TRAINING_NAME "陈丽萍"
#define TRAINING_ID "440113197411123066"

static gboolean display;


/* The matter of the broken test plugin, which no real plugin claims. */
#define BROKEN_MATTER "health.test-only"

/* The demo's radiation worker case, or the same case filed for @matter_code. */
static CsCase *
load_case (const char *matter_code,
           const char *training_sha256)
{
  g_autoptr(JsonObject) object = cs_fixture_read_json ("data/radiation-worker-case.json");
  JsonArray *materials = json_object_get_array_member (object, "materials");
  g_autoptr(GError) error = NULL;
  CsCase *kase;

  if (matter_code != NULL)
    json_object_set_string_member (json_object_get_object_member (object, "matter"), "code",
                                   matter_code);
  for (guint i = 0; training_sha256 != NULL && i < json_array_get_length (materials); i++)
    {
      JsonObject *material = json_array_get_object_element (materials, i);

      if (g_str_equal (json_object_get_string_member (material, "id"), "m4"))
        json_object_set_string_member (material, "sha256", training_sha256);
    }

  kase = cs_case_new_from_json (object, &error);
  g_assert_no_error (error);
  return kase;
}

static GSettings *
new_settings (void)
{
  GSettings *settings = g_settings_new (APP_ID);

  g_settings_reset (settings, "disabled-plugins");
  return settings;
}

/* libpeas warns about the module without types while it fails to load it. */
static CsPluginHost *
new_host (GSettings *settings,
          gboolean   expect_no_register)
{
  static gboolean module_tried;
  CsPluginHost *host;

  /* The symbol is looked for once a process: the module stays open. */
  if (expect_no_register)
    {
      if (!module_tried)
        g_test_expect_message ("libpeas", G_LOG_LEVEL_WARNING,
                               "Failed to get 'peas_register_types' for module 'no-register'*");
      module_tried = TRUE;
      g_test_expect_message ("libpeas", G_LOG_LEVEL_WARNING, "Error loading plugin 'no-register'*");
    }
  host = cs_plugin_host_new (settings);
  if (expect_no_register)
    g_test_assert_expected_messages ();
  return host;
}

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

static void
run_check (CsPluginHost *host,
           CsCache      *cache,
           CsCase       *kase,
           CsMatter     *matter,
           CheckResult  *check)
{
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 20, 11, 2026);
  memset (check, 0, sizeof *check);
  cs_plugin_host_check_case_async (host, cache, kase, matter, &today, NULL, on_checked, check);
  while (!check->done)
    g_main_context_iteration (NULL, TRUE);
}

static void
check_result_clear (CheckResult *check)
{
  g_clear_pointer (&check->findings, g_ptr_array_unref);
  g_clear_error (&check->error);
}

static CsFinding *
find (GPtrArray         *findings,
      CsFindingSeverity  severity,
      const char        *material)
{
  for (guint i = 0; i < findings->len; i++)
    {
      CsFinding *finding = g_ptr_array_index (findings, i);

      if (cs_finding_get_severity (finding) == severity &&
          g_strcmp0 (cs_finding_get_material (finding), material) == 0)
        return finding;
    }
  return NULL;
}

/* A training certificate as a real PDF with a text layer, in Chinese. */
static GBytes *
make_training_pdf (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  PangoLayout *layout;
  PangoFontDescription *font;
  char *contents;
  gsize length;
  int fd;

  fd = g_file_open_tmp ("cs-training-XXXXXX.pdf", &path, &error);
  g_assert_no_error (error);
  close (fd);

  surface = cairo_pdf_surface_create (path, 595, 842);
  cr = cairo_create (surface);
  layout = pango_cairo_create_layout (cr);
  font = pango_font_description_from_string ("Noto Sans CJK SC 14");
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, "放射防护培训合格证\n姓名：" TRAINING_NAME "\n公民身份号码："
                         TRAINING_ID "\n广东省职业病防治院\n2025年10月15日", -1);
  cairo_move_to (cr, 72, 72);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (font);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_unlink (path);
  return g_bytes_new_take (contents, length);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* The demo centre's matters (data/demo/catalogue.json) and their plugins. */
static const struct
{
  const char *module;
  const char *department;
  const char *matter;
} demo_matters[] = {
  { "health", "health", "health.radiation-worker" },
  { "health", "health", "health.marriage-childbearing" },
  { "forestry", "forestry", "forestry.timber-logging" },
  { "market", "market", "market.food-business" },
  { "market", "market", "market.industrial-product" },
  { "hrss", "hrss", "hrss.social-insurance" },
  { "fire", "fire", "fire.pre-opening" },
  { "public-security", "public-security", "public-security.security-review" },
};

/* Tests ------------------------------------------------------------------- */

static void
test_load (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(CsPluginHost) host = new_host (settings, TRUE);
  CsPlugin *health = get_plugin (host, "health");
  CsPlugin *abi = get_plugin (host, "broken-abi");
  CsPlugin *no_register = get_plugin (host, "no-register");
  CsPlugin *broken = get_plugin (host, "broken-check");
  g_autofree char *expected = NULL;

  g_assert_nonnull (health);
  g_assert_true (cs_plugin_get_enabled (health));
  g_assert_null (cs_plugin_get_error (health));
  g_assert_cmpstr (cs_plugin_get_department_code (health), ==, "health");
  g_assert_cmpstr (cs_plugin_get_version (health), ==, PACKAGE_VERSION);
  g_assert_nonnull (cs_plugin_get_description (health));
  g_assert_true (CS_IS_DEPARTMENT (cs_plugin_get_department (health)));

  /* Refused before loading, with what it was built for and what is on offer. */
  g_assert_nonnull (abi);
  g_assert_false (cs_plugin_get_enabled (abi));
  g_assert_false (cs_plugin_get_can_enable (abi));
  expected = g_strdup_printf ("built for plugin API %d; this desk offers plugin API %d",
                              CS_API_VERSION + 41, CS_API_VERSION);
  g_assert_nonnull (strstr (cs_plugin_get_error (abi), expected));

  g_assert_nonnull (no_register);
  g_assert_false (cs_plugin_get_enabled (no_register));
  g_assert_nonnull (cs_plugin_get_error (no_register));
  g_test_message ("no-register: %s", cs_plugin_get_error (no_register));

  g_assert_nonnull (broken);
  g_assert_true (cs_plugin_get_enabled (broken));

  g_assert_true (cs_plugin_host_lookup (host, "health", "health.radiation-worker") ==
                 cs_plugin_get_department (health));
  g_assert_true (cs_plugin_host_lookup (host, NULL, "health.radiation-worker") ==
                 cs_plugin_get_department (health));
  g_assert_true (cs_plugin_host_lookup (host, "health", BROKEN_MATTER) ==
                 cs_plugin_get_department (broken));
  g_assert_null (cs_plugin_host_lookup (host, "health", "health.unknown"));

  /* Every department of the demo centre has its plugin, for every matter. */
  for (guint i = 0; i < G_N_ELEMENTS (demo_matters); i++)
    {
      CsPlugin *plugin = get_plugin (host, demo_matters[i].module);
      CsDepartment *department;

      g_assert_nonnull (plugin);
      g_assert_true (cs_plugin_get_enabled (plugin));
      g_assert_null (cs_plugin_get_error (plugin));
      g_assert_cmpstr (cs_plugin_get_department_code (plugin), ==, demo_matters[i].department);
      department = cs_plugin_host_lookup (host, demo_matters[i].department,
                                          demo_matters[i].matter);
      g_assert_true (department == cs_plugin_get_department (plugin));
      g_assert_cmpstr (cs_department_get_code (department), ==, demo_matters[i].department);
    }

  /* Turning a refused plugin on changes nothing. */
  cs_plugin_host_set_plugin_enabled (host, "broken-abi", TRUE);
  g_assert_false (cs_plugin_get_enabled (abi));
  g_assert_nonnull (cs_plugin_get_error (abi));
}

/* A plugin whose file names another department than it implements is
 * refused once loaded, with both named; the others go on. It lives in a
 * folder of its own (tests/plugins/refused), searched by this test only. */
static void
test_wrong_department (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(CsPluginHost) host = NULL;
  g_autofree char *saved = g_strdup (g_getenv ("COUNTERSIGN_PLUGIN_PATH"));
  g_auto(GStrv) dirs = g_strsplit (saved, G_SEARCHPATH_SEPARATOR_S, -1);
  g_autofree char *refused = g_test_build_filename (G_TEST_BUILT, "refused", NULL);
  g_autofree char *path = g_strconcat (dirs[0], G_SEARCHPATH_SEPARATOR_S, refused, NULL);
  CsPlugin *wrong;

  g_setenv ("COUNTERSIGN_PLUGIN_PATH", path, TRUE);
  g_test_expect_message ("CsPluginHost", G_LOG_LEVEL_MESSAGE, "*wrong-department*");
  host = new_host (settings, FALSE);
  g_test_assert_expected_messages ();
  g_setenv ("COUNTERSIGN_PLUGIN_PATH", saved, TRUE);

  wrong = get_plugin (host, "wrong-department");
  g_assert_nonnull (wrong);
  g_assert_false (cs_plugin_get_enabled (wrong));
  g_assert_nonnull (strstr (cs_plugin_get_error (wrong), "“forestry”"));
  g_assert_nonnull (strstr (cs_plugin_get_error (wrong), "“health”"));
  g_assert_null (cs_plugin_host_lookup (host, NULL, "health.test-wrong-department"));
  g_assert_nonnull (cs_plugin_host_lookup (host, "health", "health.radiation-worker"));
  g_assert_nonnull (cs_plugin_host_lookup (host, "forestry", "forestry.timber-logging"));
}

static void
test_check_case (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(CsPluginHost) host = new_host (settings, TRUE);
  g_autoptr(GBytes) pdf = make_training_pdf ();
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  g_autofree char *dir = g_dir_make_tmp ("cs-plugin-host-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsCache) cache = cs_cache_new (dir, &error);
  g_autoptr(GFile) partial = NULL;
  g_autoptr(GFile) stored = NULL;
  g_autoptr(CsCase) kase = NULL;
  g_autoptr(CsMatter) matter = cs_fixture_load_matter ("health.radiation-worker");
  CheckResult check;

  g_assert_no_error (error);
  partial = cs_cache_get_partial_file (cache, sha256);
  g_assert_true (g_file_replace_contents (partial, g_bytes_get_data (pdf, NULL),
                                          g_bytes_get_size (pdf), NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, &error));
  g_assert_no_error (error);
  stored = cs_cache_commit_material (cache, sha256, &error);
  g_assert_no_error (error);

  kase = load_case (NULL, sha256);
  run_check (host, cache, kase, matter, &check);
  g_assert_no_error (check.error);
  g_assert_nonnull (check.findings);
  for (guint i = 0; i < check.findings->len; i++)
    g_test_message ("%s", cs_finding_get_message (g_ptr_array_index (check.findings, i)));

  /* The training certificate's text was read from the PDF: nothing to
   * check by eye there, and its name and number match. The other
   * materials are not in the cache: to be checked by eye. */
  g_assert_null (find (check.findings, CS_FINDING_INFO, "m4"));
  g_assert_null (find (check.findings, CS_FINDING_ERROR, "m4"));
  g_assert_null (find (check.findings, CS_FINDING_WARNING, "m4"));
  g_assert_nonnull (find (check.findings, CS_FINDING_INFO, "m3"));
  g_assert_nonnull (find (check.findings, CS_FINDING_INFO, "m2"));
  /* Errors first. */
  for (guint i = 1; i < check.findings->len; i++)
    g_assert_cmpint (cs_finding_get_severity (g_ptr_array_index (check.findings, i - 1)), <=,
                     cs_finding_get_severity (g_ptr_array_index (check.findings, i)));
  check_result_clear (&check);

  /* Without a cache, nothing is read: every PDF is to be checked by eye. */
  run_check (host, NULL, kase, matter, &check);
  g_assert_no_error (check.error);
  g_assert_nonnull (find (check.findings, CS_FINDING_INFO, "m4"));
  check_result_clear (&check);

  g_clear_object (&cache);
  remove_tree (dir);
}

static void
test_broken_plugin (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(CsPluginHost) host = new_host (settings, TRUE);
  g_autoptr(CsCase) broken_case = load_case (BROKEN_MATTER, NULL);
  g_autoptr(CsCase) radiation = load_case (NULL, NULL);
  g_autoptr(CsMatter) broken_matter = cs_fixture_load_matter (BROKEN_MATTER);
  g_autoptr(CsMatter) radiation_matter = cs_fixture_load_matter ("health.radiation-worker");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) disabled = NULL;
  g_autofree char *text = NULL;
  CsPlugin *broken = get_plugin (host, "broken-check");
  CheckResult check;

  g_assert_true (cs_plugin_get_enabled (broken));

  /* Its checks fail: an error for the caller, the plugin disabled. */
  g_test_expect_message ("CsPluginHost", G_LOG_LEVEL_MESSAGE, "*broken-check*");
  run_check (host, NULL, broken_case, broken_matter, &check);
  g_test_assert_expected_messages ();
  g_assert_error (check.error, CS_DEPARTMENT_ERROR, CS_DEPARTMENT_ERROR_FAILED);
  g_assert_nonnull (strstr (check.error->message, "The rules table is missing."));
  g_assert_false (cs_plugin_get_enabled (broken));
  g_assert_cmpstr (cs_plugin_get_error (broken), ==, "The rules table is missing.");
  g_assert_null (cs_plugin_host_lookup (host, "health", BROKEN_MATTER));
  check_result_clear (&check);

  /* Not the person's choice: nothing remembered. */
  disabled = g_settings_get_strv (settings, "disabled-plugins");
  g_assert_cmpuint (g_strv_length (disabled), ==, 0);

  /* The desk goes on: no plugin for the matter now, so no findings … */
  run_check (host, NULL, broken_case, broken_matter, &check);
  g_assert_no_error (check.error);
  g_assert_cmpuint (check.findings->len, ==, 0);
  check_result_clear (&check);

  /* … and the health plugin still checks its cases. */
  run_check (host, NULL, radiation, radiation_matter, &check);
  g_assert_no_error (check.error);
  g_assert_cmpuint (check.findings->len, >, 0);
  check_result_clear (&check);

  /* Switched on again, its empty wording disables it again. */
  cs_plugin_host_set_plugin_enabled (host, "broken-check", TRUE);
  g_assert_true (cs_plugin_get_enabled (broken));
  g_assert_null (cs_plugin_get_error (broken));
  g_test_expect_message ("CsPluginHost", G_LOG_LEVEL_MESSAGE, "*broken-check*");
  g_assert_false (cs_plugin_host_get_wording (host, broken_case, broken_matter, CS_OUTCOME_GRANT,
                                              &text, NULL, &error));
  g_test_assert_expected_messages ();
  g_assert_error (error, CS_DEPARTMENT_ERROR, CS_DEPARTMENT_ERROR_INVALID_RESULT);
  g_assert_false (cs_plugin_get_enabled (broken));
  g_clear_error (&error);

  /* With no plugin, the host says so. */
  g_assert_false (cs_plugin_host_get_wording (host, broken_case, broken_matter, CS_OUTCOME_GRANT,
                                              &text, NULL, &error));
  g_assert_error (error, CS_DEPARTMENT_ERROR, CS_DEPARTMENT_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);

  g_assert_true (cs_plugin_host_get_wording (host, radiation, radiation_matter,
                                             CS_OUTCOME_GRANT, &text, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (text);
}

static void
test_settings (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(CsPluginHost) host = NULL;
  g_auto(GStrv) disabled = NULL;
  const char *health_only[] = { "health", NULL };
  CsPlugin *health;

  g_settings_set_strv (settings, "disabled-plugins", health_only);
  host = new_host (settings, TRUE);
  health = get_plugin (host, "health");
  g_assert_false (cs_plugin_get_enabled (health));
  g_assert_true (cs_plugin_get_can_enable (health));
  g_assert_null (cs_plugin_get_error (health));
  g_assert_null (cs_plugin_host_lookup (host, "health", "health.radiation-worker"));

  cs_plugin_host_set_plugin_enabled (host, "health", TRUE);
  g_assert_true (cs_plugin_get_enabled (health));
  g_assert_nonnull (cs_plugin_host_lookup (host, "health", "health.radiation-worker"));
  disabled = g_settings_get_strv (settings, "disabled-plugins");
  g_assert_false (g_strv_contains ((const char * const *) disabled, "health"));
  g_clear_pointer (&disabled, g_strfreev);

  cs_plugin_host_set_plugin_enabled (host, "health", FALSE);
  g_assert_false (cs_plugin_get_enabled (health));
  g_assert_null (cs_plugin_host_lookup (host, "health", "health.radiation-worker"));
  disabled = g_settings_get_strv (settings, "disabled-plugins");
  g_assert_true (g_strv_contains ((const char * const *) disabled, "health"));

  /* Twice: each host runs its own engine. */
  cs_plugin_host_set_plugin_enabled (host, "health", TRUE);
  {
    g_autoptr(CsPluginHost) second = new_host (settings, TRUE);

    g_assert_nonnull (cs_plugin_host_lookup (second, "health", "health.radiation-worker"));
    g_assert_true (cs_plugin_host_lookup (second, "health", "health.radiation-worker") !=
                   cs_plugin_host_lookup (host, "health", "health.radiation-worker"));
  }
  g_assert_nonnull (cs_plugin_host_lookup (host, "health", "health.radiation-worker"));
}

static void
test_format_value (void)
{
  g_autoptr(JsonNode) number = json_from_string ("12000", NULL);
  g_autoptr(JsonNode) fraction = json_from_string ("36.50", NULL);
  g_autoptr(JsonNode) yes = json_from_string ("true", NULL);
  g_autoptr(JsonNode) nothing = json_from_string ("null", NULL);
  g_autoptr(JsonNode) list = json_from_string ("[\"杉木\", \"马尾松\"]", NULL);
  g_autoptr(JsonNode) objects = json_from_string ("[{\"a\": 1}]", NULL);
  g_autofree char *text = NULL;

  text = cs_form_view_format_value (number);
  g_assert_true (g_str_equal (text, "12000") || g_str_equal (text, "12,000"));
  g_clear_pointer (&text, g_free);
  text = cs_form_view_format_value (fraction);
  g_assert_cmpstr (text, ==, "36.5");
  g_clear_pointer (&text, g_free);
  text = cs_form_view_format_value (yes);
  g_assert_cmpstr (text, ==, "Yes");
  g_clear_pointer (&text, g_free);
  text = cs_form_view_format_value (nothing);
  g_assert_cmpstr (text, ==, "Not given");
  g_clear_pointer (&text, g_free);
  text = cs_form_view_format_value (list);
  g_assert_cmpstr (text, ==, "杉木, 马尾松");
  g_clear_pointer (&text, g_free);
  g_assert_null (cs_form_view_format_value (objects));

  text = cs_form_view_format_label ("employer_licence_no");
  g_assert_cmpstr (text, ==, "Employer licence number");
  g_clear_pointer (&text, g_free);
  text = cs_form_view_format_label ("area_m2");
  g_assert_cmpstr (text, ==, "Area (m²)");
}

static void
test_panels (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(CsPluginHost) host = NULL;
  g_autoptr(CsCase) radiation = load_case (NULL, NULL);
  g_autoptr(CsCase) broken_case = load_case (BROKEN_MATTER, NULL);
  g_autoptr(CsMatter) radiation_matter = cs_fixture_load_matter ("health.radiation-worker");
  g_autoptr(CsMatter) broken_matter = cs_fixture_load_matter (BROKEN_MATTER);
  GtkWidget *window;
  GtkWidget *panel;
  GtkWidget *row;

  if (!display)
    {
      g_test_skip ("no display");
      return;
    }

  host = new_host (settings, TRUE);

  /* The health plugin's own panel, fields revealable. */
  panel = cs_plugin_host_create_case_panel (host, radiation, radiation_matter);
  g_assert_nonnull (panel);
  g_assert_false (CS_IS_FORM_VIEW (panel));
  window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), gtk_scrolled_window_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (gtk_window_get_child (GTK_WINDOW (window))),
                                 panel);
  gtk_window_present (GTK_WINDOW (window));
  row = cs_department_find_field (panel, "health_exam_conclusion");
  g_assert_nonnull (row);
  cs_plugin_host_reveal_field (panel, "health_exam_conclusion");
  g_assert_true (gtk_widget_has_css_class (row, "cs-revealed-field"));
  cs_plugin_host_reveal_field (panel, "no-such-field");
  gtk_window_destroy (GTK_WINDOW (window));

  /* The broken plugin keeps its widget: refused, plugin disabled, and the
   * generic panel shows the form instead. */
  g_test_expect_message ("CsPluginHost", G_LOG_LEVEL_MESSAGE, "*broken-check*");
  panel = g_object_ref_sink (cs_plugin_host_create_case_panel (host, broken_case, broken_matter));
  g_test_assert_expected_messages ();
  g_assert_true (CS_IS_FORM_VIEW (panel));
  g_assert_false (cs_plugin_get_enabled (get_plugin (host, "broken-check")));
  g_assert_nonnull (strstr (cs_plugin_get_error (get_plugin (host, "broken-check")),
                            "not a new widget"));
  row = cs_department_find_field (panel, "employer_licence_no");
  g_assert_true (ADW_IS_ACTION_ROW (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Employer licence number");
  g_object_unref (panel);

  /* No plugin at all for the matter: the generic panel, quietly. */
  panel = g_object_ref_sink (cs_plugin_host_create_case_panel (host, broken_case, broken_matter));
  g_assert_true (CS_IS_FORM_VIEW (panel));
  g_object_unref (panel);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  display = gtk_init_check ();
  if (display)
    adw_init ();

  g_test_add_func ("/plugin-host/load", test_load);
  g_test_add_func ("/plugin-host/wrong-department", test_wrong_department);
  g_test_add_func ("/plugin-host/check-case", test_check_case);
  g_test_add_func ("/plugin-host/broken-plugin", test_broken_plugin);
  g_test_add_func ("/plugin-host/settings", test_settings);
  g_test_add_func ("/plugin-host/form-view/format", test_format_value);
  g_test_add_func ("/plugin-host/panels", test_panels);

  return g_test_run ();
}
