/* main.c — countersign-plugin-check PLUGIN_DIR [CASES.json]
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsPluginCheck"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "cs-check-context-private.h"
#include "cs-plugin-loader.h"

/* Loads a department plugin out of the desk, the way the desk does (its
 * ABI before its module, then what it gives), runs its pre-checks and its
 * wording of every outcome over sample cases, and prints what it finds, so
 * that an agency can test its plugin in its own CI. The cases are the
 * plugin's own (the file its .plugin names with X-Countersign-Samples) or
 * the ones given; each is a case as GET /v1/cases/{id} gives it, with the
 * text of its materials as the desk would extract it:
 *
 *   { "today": "2026-11-20",
 *     "matters": [ …as GET /v1/matters gives them… ],
 *     "cases": [ { "case": {…}, "texts": { "m1": "…" } } ] }
 *
 * Exit status: 0 when the plugin works, 1 when it is broken (the desk
 * would refuse or disable it), 2 when the command or the cases are wrong. */

enum
{
  EXIT_WORKS = 0,
  EXIT_BROKEN = 1,
  EXIT_USAGE = 2,
};

typedef struct
{
  gboolean have_display;
  gboolean quiet;
  guint n_cases;
  guint n_findings;
  guint n_wordings;
  guint n_broken;
} Run;

static const CsOutcome outcomes[] = {
  CS_OUTCOME_GRANT, CS_OUTCOME_DENY, CS_OUTCOME_SUPPLEMENT,
  CS_OUTCOME_NOT_ACCEPTED, CS_OUTCOME_EXTENSION, CS_OUTCOME_SUSPENSION,
};

static void
broken (Run        *run,
        const char *format,
        ...) G_GNUC_PRINTF (2, 3);

static void
broken (Run        *run,
        const char *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* Translators: the start of a line that says what is wrong with a plugin */
  g_print ("  %s %s\n", _("BROKEN:"), message);
  run->n_broken++;
}

static const char *
severity_name (CsFindingSeverity severity)
{
  switch (severity)
    {
    case CS_FINDING_ERROR:
      /* Translators: a finding's severity, as countersign-plugin-check prints it */
      return _("error");
    case CS_FINDING_WARNING:
      /* Translators: a finding's severity, as countersign-plugin-check prints it */
      return _("warning");
    case CS_FINDING_INFO:
    default:
      /* Translators: a finding's severity, as countersign-plugin-check prints it */
      return _("info");
    }
}

static void
print_indented (const char *prefix,
                const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    g_print ("%s%s\n", prefix, lines[i]);
}

static gboolean
parse_day (const char *text,
           GDate      *day)
{
  g_autoptr(GError) error = NULL;

  return cs_validate_date (text, day, &error);
}

static JsonObject *
read_cases (const char  *path,
            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (!json_parser_load_from_file (parser, path, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member (json_node_get_object (root), "cases") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (root), "cases")))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s is not a file of sample cases: it needs a “cases” array."), path);
      return NULL;
    }
  return json_object_ref (json_node_get_object (root));
}

static CsMatter *
find_matter (JsonObject  *cases,
             const char  *code,
             GError     **error)
{
  JsonArray *matters = json_object_has_member (cases, "matters")
                       ? json_object_get_array_member (cases, "matters") : NULL;

  for (guint i = 0; matters != NULL && i < json_array_get_length (matters); i++)
    {
      JsonNode *node = json_array_get_element (matters, i);
      JsonObject *matter;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      matter = json_node_get_object (node);
      if (g_strcmp0 (json_object_get_string_member_with_default (matter, "code", NULL),
                     code) == 0)
        return cs_matter_new_from_json (matter, error);
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               _("The sample cases carry no matter “%s” in their “matters”."), code);
  return NULL;
}

/* The panel: built where there is a display, and every finding's field
 * shown in it, or the desk could not lead the approver there. */
static void
check_panel (Run          *run,
             CsDepartment *department,
             CsCase       *kase,
             CsMatter     *matter,
             GPtrArray    *findings)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *panel;

  if (!run->have_display)
    return;

  panel = cs_department_create_case_panel (department, kase, matter, &error);
  if (panel == NULL)
    {
      if (g_error_matches (error, CS_DEPARTMENT_ERROR, CS_DEPARTMENT_ERROR_NOT_SUPPORTED))
        g_print ("  %s\n", _("panel: none (the desk shows its generic form panel)"));
      else
        broken (run, _("its case panel: %s"), error->message);
      return;
    }

  g_object_ref_sink (panel);
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      const char *field = cs_finding_get_field (g_ptr_array_index (findings, i));

      if (field != NULL && cs_department_find_field (panel, field) == NULL)
        broken (run, _("a finding points at the field “%s”, which its panel does not show."),
                field);
    }
  g_print ("  %s %s\n", _("panel:"), G_OBJECT_TYPE_NAME (panel));
  g_object_unref (panel);
}

static void
check_case (Run          *run,
            CsDepartment *department,
            JsonObject   *cases,
            JsonObject   *entry,
            const GDate  *today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsCase) kase = NULL;
  g_autoptr(CsMatter) matter = NULL;
  g_autoptr(CsCheckContext) context = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  JsonObject *texts;

  if (!json_object_has_member (entry, "case") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (entry, "case")))
    {
      g_printerr ("countersign-plugin-check: %s\n", _("A sample case has no “case” object."));
      run->n_broken++;
      return;
    }
  kase = cs_case_new_from_json (json_object_get_object_member (entry, "case"), &error);
  if (kase == NULL)
    {
      g_printerr ("countersign-plugin-check: %s\n", error->message);
      run->n_broken++;
      return;
    }
  if (!cs_department_handles_matter (department, cs_case_get_matter_code (kase)))
    return;
  matter = find_matter (cases, cs_case_get_matter_code (kase), &error);
  if (matter == NULL)
    {
      g_printerr ("countersign-plugin-check: %s\n", error->message);
      run->n_broken++;
      return;
    }

  run->n_cases++;
  g_print ("\n%s %s  %s  %s\n", _("case"), cs_case_get_number (kase),
           cs_case_get_matter_code (kase), cs_case_get_applicant_name (kase));

  context = _cs_check_context_new (kase, matter, today);
  texts = json_object_has_member (entry, "texts") &&
          JSON_NODE_HOLDS_OBJECT (json_object_get_member (entry, "texts"))
          ? json_object_get_object_member (entry, "texts") : NULL;
  if (texts != NULL)
    {
      JsonObjectIter iter;
      const char *id;
      JsonNode *text;

      json_object_iter_init (&iter, texts);
      while (json_object_iter_next (&iter, &id, &text))
        if (JSON_NODE_HOLDS_VALUE (text) && json_node_get_value_type (text) == G_TYPE_STRING)
          _cs_check_context_set_material_text (context, id, json_node_get_string (text));
    }

  findings = cs_department_check_case (department, context, &error);
  if (findings == NULL)
    {
      broken (run, _("its pre-checks failed: %s"), error->message);
      g_clear_error (&error);
    }
  else
    for (guint i = 0; i < findings->len; i++)
      {
        CsFinding *finding = g_ptr_array_index (findings, i);
        g_autoptr(GString) where = g_string_new (NULL);

        if (cs_finding_get_field (finding) != NULL)
          g_string_append_printf (where, " [%s %s]", _("field"), cs_finding_get_field (finding));
        if (cs_finding_get_material (finding) != NULL)
          g_string_append_printf (where, " [%s %s]", _("material"),
                                  cs_finding_get_material (finding));
        if (cs_finding_get_checklist_item (finding) != NULL)
          g_string_append_printf (where, " [%s %s]", _("item"),
                                  cs_finding_get_checklist_item (finding));
        g_print ("  %-7s %s%s\n", severity_name (cs_finding_get_severity (finding)),
                 cs_finding_get_message (finding), where->str);
        run->n_findings++;
      }

  check_panel (run, department, kase, matter, findings);

  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    {
      g_autofree char *text = NULL;
      g_autofree char *basis = NULL;

      if (!cs_matter_allows_outcome (matter, outcomes[i]))
        continue;
      if (!cs_department_get_wording (department, kase, matter, outcomes[i], &text, &basis,
                                      &error))
        {
          broken (run, _("it cannot word the decision “%s”: %s"),
                  cs_outcome_get_label (outcomes[i]), error->message);
          g_clear_error (&error);
          continue;
        }
      run->n_wordings++;
      if (run->quiet)
        continue;
      g_print ("  %s %s\n", _("wording:"), cs_outcome_get_label (outcomes[i]));
      print_indented ("    ", text);
      if (basis != NULL)
        {
          g_autofree char *line = g_strdup_printf ("%s %s", _("Legal basis:"), basis);

          print_indented ("    ", line);
        }
    }
}

static int
check_plugin (Run            *run,
              PeasEngine     *engine,
              PeasPluginInfo *info,
              const char     *cases_path,
              const GDate    *today_option)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PeasExtension) extension = NULL;
  g_autoptr(JsonObject) cases = NULL;
  g_autofree char *samples = NULL;
  CsDepartment *department;
  const char * const *codes;
  const char *version = peas_plugin_info_get_version (info);
  JsonArray *entries;
  GDate today;

  g_print ("%s %s (%s%s%s)\n", _("plugin"), peas_plugin_info_get_module_name (info),
           peas_plugin_info_get_name (info), version != NULL ? " " : "",
           version != NULL ? version : "");

  if (peas_plugin_info_get_name (info) == NULL || *peas_plugin_info_get_name (info) == '\0')
    broken (run, _("its .plugin file gives no Name."));
  if (peas_plugin_info_get_description (info) == NULL)
    broken (run, _("its .plugin file gives no Description for the preferences page."));
  if (cs_plugin_loader_get_department (info) == NULL)
    broken (run, _("its .plugin file gives no X-Countersign-Department."));
  if (!cs_plugin_loader_check_abi (info, &error))
    {
      broken (run, "%s", error->message);
      return EXIT_BROKEN;
    }
  g_print ("  %s %d\n", _("plugin API:"), CS_API_VERSION);

  if (!cs_plugin_loader_load (engine, info, &error))
    {
      broken (run, "%s", error->message);
      return EXIT_BROKEN;
    }
  if (!peas_engine_provides_extension (engine, info, CS_TYPE_DEPARTMENT))
    {
      broken (run, "%s", _("The plugin provides no department."));
      return EXIT_BROKEN;
    }
  extension = peas_engine_create_extension (engine, info, CS_TYPE_DEPARTMENT, NULL);
  department = CS_IS_DEPARTMENT (extension) ? CS_DEPARTMENT (extension) : NULL;
  if (department != NULL)
    cs_department_load (department);
  if (!cs_plugin_loader_check_department (info, department, &error))
    {
      broken (run, "%s", error->message);
      return EXIT_BROKEN;
    }
  codes = cs_department_get_matter_codes (department);
  g_print ("  %s %s\n", _("department:"), cs_department_get_code (department));
  for (guint i = 0; codes[i] != NULL; i++)
    g_print ("  %s %s\n", _("matter:"), codes[i]);

  /* Its own samples, unless others are given. */
  if (cases_path == NULL && peas_plugin_info_get_external_data (info, "Countersign-Samples"))
    cases_path = samples =
      g_build_filename (peas_plugin_info_get_module_dir (info),
                        peas_plugin_info_get_external_data (info, "Countersign-Samples"), NULL);
  if (cases_path == NULL)
    {
      g_print ("  %s\n", _("No sample cases: give a CASES.json, or name the plugin’s own with "
                           "X-Countersign-Samples."));
      cs_department_unload (department);
      return run->n_broken > 0 ? EXIT_BROKEN : EXIT_WORKS;
    }

  cases = read_cases (cases_path, &error);
  if (cases == NULL)
    {
      g_printerr ("countersign-plugin-check: %s\n", error->message);
      cs_department_unload (department);
      return EXIT_USAGE;
    }

  g_date_clear (&today, 1);
  if (today_option != NULL && g_date_valid (today_option))
    today = *today_option;
  else if (!json_object_has_member (cases, "today") ||
           !parse_day (json_object_get_string_member_with_default (cases, "today", ""), &today))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
    }

  entries = json_object_get_array_member (cases, "cases");
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonNode *node = json_array_get_element (entries, i);

      if (JSON_NODE_HOLDS_OBJECT (node))
        check_case (run, department, cases, json_node_get_object (node), &today);
    }

  if (run->n_cases == 0)
    g_print ("  %s\n", _("None of the sample cases is of a matter of this plugin."));
  cs_department_unload (department);
  return run->n_broken > 0 ? EXIT_BROKEN : EXIT_WORKS;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(PeasEngine) engine = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *plugin_dir = NULL;
  const char *localedir = g_getenv ("COUNTERSIGN_LOCALEDIR");
  gboolean quiet = FALSE;
  gboolean no_display = FALSE;
  Run run = { 0 };
  GDate today;
  int status = EXIT_WORKS;
  guint n_plugins = 0;
  GOptionEntry entries[] = {
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("Check as if today were DATE (default: the cases’ own, else today)"),
      N_("YYYY-MM-DD") },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet,
      N_("Print the findings, not the wording"), NULL },
    { "no-display", 0, 0, G_OPTION_ARG_NONE, &no_display,
      N_("Do not build the case panels, even where there is a display"), NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (_("PLUGIN_DIR [CASES.json] — check a department plugin"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("countersign-plugin-check: %s\n", error->message);
      return EXIT_USAGE;
    }
  if (argc < 2 || argc > 3)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_printerr ("%s", help);
      return EXIT_USAGE;
    }
  g_date_clear (&today, 1);
  if (today_text != NULL && !parse_day (today_text, &today))
    {
      g_printerr ("countersign-plugin-check: %s\n", _("--today takes a date as YYYY-MM-DD."));
      return EXIT_USAGE;
    }
  if (!g_file_test (argv[1], G_FILE_TEST_IS_DIR))
    {
      g_printerr ("countersign-plugin-check: %s: %s\n", argv[1], _("not a folder"));
      return EXIT_USAGE;
    }

  run.quiet = quiet;
  run.have_display = !no_display && gtk_init_check ();
  plugin_dir = g_canonicalize_filename (argv[1], NULL);

  engine = cs_plugin_loader_new_engine ();
  peas_engine_add_search_path (engine, plugin_dir, plugin_dir);
  for (const GList *l = peas_engine_get_plugin_list (engine); l != NULL; l = l->next)
    {
      PeasPluginInfo *info = l->data;
      g_autofree char *dir = g_canonicalize_filename (peas_plugin_info_get_module_dir (info),
                                                      NULL);
      int plugin_status;

      /* Only the folder's own, not those of the folders below it. */
      if (!g_str_equal (dir, plugin_dir))
        continue;
      n_plugins++;
      plugin_status = check_plugin (&run, engine, info, argc > 2 ? argv[2] : NULL,
                                    g_date_valid (&today) ? &today : NULL);
      status = MAX (status, plugin_status);
    }

  if (n_plugins == 0)
    {
      g_printerr ("countersign-plugin-check: %s: %s\n", argv[1],
                  _("no .plugin file in this folder"));
      return EXIT_USAGE;
    }

  g_print ("\n");
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u case checked", "%u cases checked", run.n_cases),
           run.n_cases);
  g_print (", ");
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u finding", "%u findings", run.n_findings),
           run.n_findings);
  g_print (", ");
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u decision worded", "%u decisions worded",
                        run.n_wordings),
           run.n_wordings);
  g_print (": %s\n", status == EXIT_WORKS ? _("the plugin works.")
                     : status == EXIT_BROKEN ? _("the plugin is broken; the desk would refuse or "
                                                 "disable it.")
                     : _("the sample cases could not be read."));
  return status;
}
