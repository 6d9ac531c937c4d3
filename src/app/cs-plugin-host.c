/* cs-plugin-host.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsPluginHost"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>
#include <libpeas/peas.h>
#include <poppler.h>

#include "cs-check-context-private.h"
#include "cs-form-view.h"
#include "cs-plugin.h"
#include "cs-plugin-host.h"
#include "cs-plugin-loader.h"

/* The desk's side of the department plugins: a libpeas engine of its own
 * (tests make several), the plugins found in the build tree
 * (COUNTERSIGN_PLUGIN_PATH) and in PLUGINDIR, each checked for the plugin
 * API it was built for before it is loaded, the CsDepartment extensions
 * followed through a PeasExtensionSet.
 *
 * A plugin that breaks (fails to load, returns no valid panel, fails its
 * checks) is unloaded for the rest of the session with its message kept
 * for the preferences page; the desk goes on with the generic panel and no
 * findings. Only the person's own choice is remembered (GSettings
 * `disabled-plugins`): a plugin that failed once is tried again at the
 * next start. */
struct _CsPluginHost
{
  GObject parent_instance;

  GSettings *settings;
  PeasEngine *engine;
  PeasExtensionSet *extensions;
  GListStore *plugins;          /* CsPlugin, in the engine's order */
};

G_DEFINE_FINAL_TYPE (CsPluginHost, cs_plugin_host, G_TYPE_OBJECT)

#define HIGHLIGHT_CLASS "cs-revealed-field"
#define HIGHLIGHT_MS 2000

static CsPlugin *
find_plugin (CsPluginHost         *self,
             const PeasPluginInfo *info)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->plugins));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsPlugin) plugin = g_list_model_get_item (G_LIST_MODEL (self->plugins), i);

      if (cs_plugin_get_info (plugin) == info)
        return plugin;
    }
  return NULL;
}

static CsPlugin *
find_plugin_by_module (CsPluginHost *self,
                       const char   *module_name)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->plugins));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsPlugin) plugin = g_list_model_get_item (G_LIST_MODEL (self->plugins), i);

      if (g_strcmp0 (cs_plugin_get_module_name (plugin), module_name) == 0)
        return plugin;
    }
  return NULL;
}

static CsPlugin *
find_plugin_by_department (CsPluginHost *self,
                           CsDepartment *department)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->plugins));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsPlugin) plugin = g_list_model_get_item (G_LIST_MODEL (self->plugins), i);

      if (cs_plugin_get_department (plugin) == department)
        return plugin;
    }
  return NULL;
}

static void
on_extension_added (PeasExtensionSet *set,
                    PeasPluginInfo   *info,
                    GObject          *extension,
                    CsPluginHost     *self)
{
  CsPlugin *plugin = find_plugin (self, info);

  if (plugin == NULL || !CS_IS_DEPARTMENT (extension))
    return;

  cs_department_load (CS_DEPARTMENT (extension));
  cs_plugin_set_department (plugin, CS_DEPARTMENT (extension));
}

static void
on_extension_removed (PeasExtensionSet *set,
                      PeasPluginInfo   *info,
                      GObject          *extension,
                      CsPluginHost     *self)
{
  CsPlugin *plugin = find_plugin (self, info);

  if (!CS_IS_DEPARTMENT (extension))
    return;

  cs_department_unload (CS_DEPARTMENT (extension));
  if (plugin != NULL)
    {
      cs_plugin_set_department (plugin, NULL);
      cs_plugin_set_enabled (plugin, FALSE);
    }
}

/* A broken plugin is unloaded, its message kept; the desk goes on. */
static void
disable_plugin (CsPluginHost *self,
                CsPlugin     *plugin,
                const char   *message)
{
  g_autoptr(CsPlugin) hold = g_object_ref (plugin);
  PeasPluginInfo *info = cs_plugin_get_info (plugin);

  g_message ("Disabling the plugin “%s”: %s", cs_plugin_get_module_name (plugin), message);
  cs_plugin_set_error (plugin, message);
  if (peas_plugin_info_is_loaded (info))
    peas_engine_unload_plugin (self->engine, info);
  cs_plugin_set_department (plugin, NULL);
  cs_plugin_set_enabled (plugin, FALSE);
}

/* What the plugin says it was built for must be what this desk offers;
 * countersign-plugin-check says it in the same words. */
static gboolean
check_abi (CsPlugin  *plugin,
           GError   **error)
{
  return cs_plugin_loader_check_abi (cs_plugin_get_info (plugin), error);
}

/* What a loaded plugin gives must make sense before the desk relies on
 * it: a department code, matters of its own. */
static gboolean
check_department (CsPluginHost  *self,
                  CsPlugin      *plugin,
                  GError       **error)
{
  CsDepartment *department = cs_plugin_get_department (plugin);
  const char * const *codes;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->plugins));

  if (!cs_plugin_loader_check_department (cs_plugin_get_info (plugin), department, error))
    return FALSE;

  /* No two plugins for one matter: the first one found keeps it. */
  codes = cs_department_get_matter_codes (department);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsPlugin) other = g_list_model_get_item (G_LIST_MODEL (self->plugins), i);
      CsDepartment *other_department = cs_plugin_get_department (other);

      if (other == plugin || other_department == NULL)
        continue;
      for (guint j = 0; codes[j] != NULL; j++)
        if (cs_department_handles_matter (other_department, codes[j]))
          {
            g_set_error (error, CS_DEPARTMENT_ERROR, CS_DEPARTMENT_ERROR_NOT_SUPPORTED,
                         _("The matter “%s” is already handled by the plugin “%s”."),
                         codes[j], cs_plugin_get_name (other));
            return FALSE;
          }
    }
  return TRUE;
}

static void
load_plugin (CsPluginHost *self,
             CsPlugin     *plugin)
{
  PeasPluginInfo *info = cs_plugin_get_info (plugin);
  g_autoptr(GError) error = NULL;

  cs_plugin_set_error (plugin, NULL);

  if (!check_abi (plugin, &error))
    {
      cs_plugin_set_can_enable (plugin, FALSE);
      cs_plugin_set_error (plugin, error->message);
      return;
    }

  if (!cs_plugin_loader_load (self->engine, info, &error))
    {
      cs_plugin_set_error (plugin, error->message);
      return;
    }

  if (!check_department (self, plugin, &error))
    {
      disable_plugin (self, plugin, error->message);
      return;
    }

  cs_plugin_set_enabled (plugin, TRUE);
}

static void
cs_plugin_host_dispose (GObject *object)
{
  CsPluginHost *self = (CsPluginHost *) object;

  /* Each department hears unload before the engine lets it go. */
  if (self->engine != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->plugins));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CsPlugin) plugin = g_list_model_get_item (G_LIST_MODEL (self->plugins), i);

          if (peas_plugin_info_is_loaded (cs_plugin_get_info (plugin)))
            peas_engine_unload_plugin (self->engine, cs_plugin_get_info (plugin));
        }
    }

  if (self->extensions != NULL)
    g_signal_handlers_disconnect_by_data (self->extensions, self);
  g_clear_object (&self->extensions);
  if (self->plugins != NULL)
    g_list_store_remove_all (self->plugins);
  g_clear_object (&self->engine);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cs_plugin_host_parent_class)->dispose (object);
}

static void
cs_plugin_host_finalize (GObject *object)
{
  CsPluginHost *self = (CsPluginHost *) object;

  g_clear_object (&self->plugins);

  G_OBJECT_CLASS (cs_plugin_host_parent_class)->finalize (object);
}

static void
cs_plugin_host_class_init (CsPluginHostClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cs_plugin_host_dispose;
  object_class->finalize = cs_plugin_host_finalize;
}

static void
cs_plugin_host_init (CsPluginHost *self)
{
  self->plugins = g_list_store_new (CS_TYPE_PLUGIN);
}

static void
add_search_paths (CsPluginHost *self)
{
  const char *path = g_getenv ("COUNTERSIGN_PLUGIN_PATH");

  /* The build tree first, so that an uninstalled desk prefers its own
   * plugins over installed ones of the same name. */
  if (path != NULL && *path != '\0')
    {
      g_auto(GStrv) dirs = g_strsplit (path, G_SEARCHPATH_SEPARATOR_S, -1);

      for (guint i = 0; dirs[i] != NULL; i++)
        if (*dirs[i] != '\0')
          peas_engine_add_search_path (self->engine, dirs[i], dirs[i]);
    }
  peas_engine_add_search_path (self->engine, PLUGINDIR, PLUGINDIR);
}

/**
 * cs_plugin_host_new:
 * @settings: the desk's settings (`disabled-plugins`)
 *
 * Finds the plugins and loads those the person has not disabled.
 *
 * Returns: (transfer full): a new host
 */
CsPluginHost *
cs_plugin_host_new (GSettings *settings)
{
  CsPluginHost *self;
  g_auto(GStrv) disabled = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (CS_TYPE_PLUGIN_HOST, NULL);
  self->settings = g_object_ref (settings);
  self->engine = cs_plugin_loader_new_engine ();
  add_search_paths (self);

  self->extensions = peas_extension_set_new (self->engine, CS_TYPE_DEPARTMENT, NULL);
  g_signal_connect (self->extensions, "extension-added",
                    G_CALLBACK (on_extension_added), self);
  g_signal_connect (self->extensions, "extension-removed",
                    G_CALLBACK (on_extension_removed), self);

  disabled = g_settings_get_strv (settings, "disabled-plugins");
  for (const GList *l = peas_engine_get_plugin_list (self->engine); l != NULL; l = l->next)
    {
      PeasPluginInfo *info = l->data;
      g_autoptr(CsPlugin) plugin = NULL;

      if (peas_plugin_info_is_hidden (info))
        continue;

      plugin = cs_plugin_new (info);
      g_list_store_append (self->plugins, plugin);
      if (!g_strv_contains ((const char * const *) disabled,
                            peas_plugin_info_get_module_name (info)))
        load_plugin (self, plugin);
      else
        {
          g_autoptr(GError) error = NULL;

          /* Disabled, but a refusal still says why it could not run. */
          if (!check_abi (plugin, &error))
            {
              cs_plugin_set_can_enable (plugin, FALSE);
              cs_plugin_set_error (plugin, error->message);
            }
        }
    }

  return self;
}

/**
 * cs_plugin_host_get_plugins:
 * @self: a #CsPluginHost
 *
 * Returns: (transfer none): the plugins found, as #CsPlugin, loaded or not
 */
GListModel *
cs_plugin_host_get_plugins (CsPluginHost *self)
{
  g_return_val_if_fail (CS_IS_PLUGIN_HOST (self), NULL);
  return G_LIST_MODEL (self->plugins);
}

/**
 * cs_plugin_host_set_plugin_enabled:
 * @self: a #CsPluginHost
 * @module_name: a plugin's module name
 * @enabled: whether the person wants the plugin
 *
 * Loads or unloads a plugin at the person's wish, and remembers the wish.
 * A plugin that cannot load stays disabled, with its error.
 */
void
cs_plugin_host_set_plugin_enabled (CsPluginHost *self,
                                   const char   *module_name,
                                   gboolean      enabled)
{
  g_auto(GStrv) disabled = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  CsPlugin *plugin;

  g_return_if_fail (CS_IS_PLUGIN_HOST (self));
  g_return_if_fail (module_name != NULL);

  plugin = find_plugin_by_module (self, module_name);
  if (plugin == NULL)
    return;

  disabled = g_settings_get_strv (self->settings, "disabled-plugins");
  for (guint i = 0; disabled[i] != NULL; i++)
    if (!g_str_equal (disabled[i], module_name))
      g_strv_builder_add (builder, disabled[i]);
  if (!enabled)
    g_strv_builder_add (builder, module_name);
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "disabled-plugins", (const char * const *) updated);

  if (enabled && !cs_plugin_get_enabled (plugin))
    load_plugin (self, plugin);
  else if (!enabled && cs_plugin_get_enabled (plugin))
    {
      peas_engine_unload_plugin (self->engine, cs_plugin_get_info (plugin));
      cs_plugin_set_enabled (plugin, FALSE);
      cs_plugin_set_error (plugin, NULL);
    }
}

/**
 * cs_plugin_host_lookup:
 * @self: a #CsPluginHost
 * @department_code: (nullable): a department's code, %NULL for any
 * @matter_code: (nullable): a matter's code, %NULL for any of the department's
 *
 * Returns: (transfer none) (nullable): the running department plugin that
 *   handles the matter
 */
CsDepartment *
cs_plugin_host_lookup (CsPluginHost *self,
                       const char   *department_code,
                       const char   *matter_code)
{
  guint n;

  g_return_val_if_fail (CS_IS_PLUGIN_HOST (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->plugins));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsPlugin) plugin = g_list_model_get_item (G_LIST_MODEL (self->plugins), i);
      CsDepartment *department = cs_plugin_get_department (plugin);

      if (department == NULL || !cs_plugin_get_enabled (plugin))
        continue;
      if (department_code != NULL &&
          g_strcmp0 (cs_department_get_code (department), department_code) != 0)
        continue;
      if (matter_code != NULL && !cs_department_handles_matter (department, matter_code))
        continue;
      return department;
    }
  return NULL;
}

static CsDepartment *
lookup_for (CsPluginHost *self,
            CsCase       *kase,
            CsMatter     *matter)
{
  const char *department = cs_matter_get_department (matter);

  if (department == NULL)
    department = cs_case_get_department (kase);
  return cs_plugin_host_lookup (self, department, cs_matter_get_code (matter));
}

/**
 * cs_plugin_host_create_case_panel:
 * @self: a #CsPluginHost
 * @kase: a case, opened in full
 * @matter: the case's matter
 *
 * Returns: (transfer floating): the plugin's panel of the case's form data,
 *   or the generic one when no plugin handles the matter, gives no panel
 *   or fails; never %NULL
 */
GtkWidget *
cs_plugin_host_create_case_panel (CsPluginHost *self,
                                  CsCase       *kase,
                                  CsMatter     *matter)
{
  CsDepartment *department;

  g_return_val_if_fail (CS_IS_PLUGIN_HOST (self), NULL);
  g_return_val_if_fail (CS_IS_CASE (kase), NULL);
  g_return_val_if_fail (CS_IS_MATTER (matter), NULL);

  department = lookup_for (self, kase, matter);
  if (department != NULL)
    {
      g_autoptr(CsDepartment) hold = g_object_ref (department);
      g_autoptr(GError) error = NULL;
      GtkWidget *panel = cs_department_create_case_panel (department, kase, matter, &error);

      if (panel != NULL)
        return panel;
      if (!g_error_matches (error, CS_DEPARTMENT_ERROR, CS_DEPARTMENT_ERROR_NOT_SUPPORTED))
        {
          CsPlugin *plugin = find_plugin_by_department (self, department);

          if (plugin != NULL)
            disable_plugin (self, plugin, error->message);
        }
    }

  return cs_form_view_new (cs_case_get_form (kase));
}

/* Checking a case --------------------------------------------------------- */

typedef struct
{
  char *id;
  char *sha256;
  char *text;                   /* NULL: nothing to read */
} MaterialText;

typedef struct
{
  CsDepartment *department;
  CsCache *cache;
  CsCase *kase;
  CsMatter *matter;
  GArray *materials;            /* MaterialText */
  GDate today;
} CheckData;

static void
material_text_clear (gpointer data)
{
  MaterialText *material = data;

  g_free (material->id);
  g_free (material->sha256);
  g_free (material->text);
}

static void
check_data_free (gpointer data)
{
  CheckData *check = data;

  g_clear_object (&check->department);
  g_clear_object (&check->cache);
  g_clear_object (&check->kase);
  g_clear_object (&check->matter);
  g_clear_pointer (&check->materials, g_array_unref);
  g_free (check);
}

/* The text layer of a PDF, pages separated by form feeds; NULL for a scan
 * (pages that are only pictures) or a file Poppler cannot read. */
static char *
extract_pdf_text (GFile        *file,
                  GCancellable *cancellable)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *document;
  gboolean readable = FALSE;
  int n_pages;

  /* Poppler 22.12 declares no autoptr cleanups. */
  document = poppler_document_new_from_gfile (file, NULL, cancellable, &error);
  if (document == NULL)
    {
      g_debug ("Cannot read %s: %s", g_file_peek_path (file), error->message);
      return NULL;
    }

  n_pages = poppler_document_get_n_pages (document);
  for (int i = 0; i < n_pages && !g_cancellable_is_cancelled (cancellable); i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      g_autofree char *page_text = page != NULL ? poppler_page_get_text (page) : NULL;

      g_clear_object (&page);
      if (i > 0)
        g_string_append_c (text, '\f');
      if (page_text == NULL)
        continue;
      g_string_append (text, page_text);
      for (const char *p = page_text; *p != '\0' && !readable; p++)
        if (!g_ascii_isspace (*p))
          readable = TRUE;
    }
  g_object_unref (document);

  return readable ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static void
extract_texts_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  CheckData *check = task_data;

  for (guint i = 0; i < check->materials->len; i++)
    {
      MaterialText *material = &g_array_index (check->materials, MaterialText, i);
      g_autoptr(GFile) file = NULL;

      if (g_task_return_error_if_cancelled (task))
        return;

      /* Only what is cached already: no network from a pre-check. */
      file = cs_cache_lookup_material (check->cache, material->sha256);
      if (file != NULL)
        material->text = extract_pdf_text (file, cancellable);
    }

  g_task_return_boolean (task, TRUE);
}

static gint
compare_severity (gconstpointer a,
                  gconstpointer b)
{
  CsFinding *finding_a = *(CsFinding **) a;
  CsFinding *finding_b = *(CsFinding **) b;

  return (int) cs_finding_get_severity (finding_a) - (int) cs_finding_get_severity (finding_b);
}

static void
on_texts_extracted (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  CsPluginHost *self = CS_PLUGIN_HOST (object);
  g_autoptr(GTask) task = user_data;
  CheckData *check = g_task_get_task_data (task);
  g_autoptr(CsCheckContext) context = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  CsPlugin *plugin;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The plugin may have been disabled while the texts were read. */
  plugin = find_plugin_by_department (self, check->department);
  if (plugin == NULL || !cs_plugin_get_enabled (plugin))
    {
      g_task_return_new_error (task, CS_DEPARTMENT_ERROR, CS_DEPARTMENT_ERROR_FAILED,
                               _("The plugin was disabled while the case was being checked."));
      return;
    }

  context = _cs_check_context_new (check->kase, check->matter, &check->today);
  for (guint i = 0; i < check->materials->len; i++)
    {
      MaterialText *material = &g_array_index (check->materials, MaterialText, i);

      _cs_check_context_set_material_text (context, material->id, material->text);
    }

  findings = cs_department_check_case (check->department, context, &error);
  if (findings == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The plugin “%s” failed to check the case "
                                                    "and was disabled: %s"),
                                                  cs_plugin_get_name (plugin), error->message);

      disable_plugin (self, plugin, error->message);
      g_task_return_new_error (task, CS_DEPARTMENT_ERROR, CS_DEPARTMENT_ERROR_FAILED,
                               "%s", message);
      return;
    }

  g_ptr_array_sort (findings, compare_severity);
  g_task_return_pointer (task, g_steal_pointer (&findings), (GDestroyNotify) g_ptr_array_unref);
}

/**
 * cs_plugin_host_check_case_async:
 * @self: a #CsPluginHost
 * @cache: (nullable): the session's cache, where the materials' files are
 * @kase: a case, opened in full
 * @matter: the case's matter
 * @today: (nullable): the desk's day; %NULL for the local date
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the main thread when the checks are done
 * @user_data: data for @callback
 *
 * Runs the pre-checks of the plugin that handles the matter: the text of
 * the case's cached PDF materials is read in a worker thread (a material
 * not in the cache is skipped: no network), then the plugin's checks run
 * on the main thread.
 */
void
cs_plugin_host_check_case_async (CsPluginHost        *self,
                                 CsCache             *cache,
                                 CsCase              *kase,
                                 CsMatter            *matter,
                                 const GDate         *today,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) extract = NULL;
  CsDepartment *department;
  GListModel *materials;
  CheckData *check;

  g_return_if_fail (CS_IS_PLUGIN_HOST (self));
  g_return_if_fail (cache == NULL || CS_IS_CACHE (cache));
  g_return_if_fail (CS_IS_CASE (kase));
  g_return_if_fail (CS_IS_MATTER (matter));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cs_plugin_host_check_case_async);

  department = lookup_for (self, kase, matter);
  if (department == NULL)
    {
      g_task_return_pointer (task, g_ptr_array_new_with_free_func (g_object_unref),
                             (GDestroyNotify) g_ptr_array_unref);
      return;
    }

  check = g_new0 (CheckData, 1);
  check->department = g_object_ref (department);
  check->cache = cache != NULL ? g_object_ref (cache) : NULL;
  check->kase = g_object_ref (kase);
  check->matter = g_object_ref (matter);
  check->materials = g_array_new (FALSE, TRUE, sizeof (MaterialText));
  g_array_set_clear_func (check->materials, material_text_clear);
  g_date_clear (&check->today, 1);
  if (today != NULL && g_date_valid (today))
    check->today = *today;
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_set_dmy (&check->today, g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now), g_date_time_get_year (now));
    }

  /* Only plain data crosses into the thread: the case stays here. */
  materials = cs_case_get_materials (kase);
  for (guint i = 0; cache != NULL && materials != NULL && i < g_list_model_get_n_items (materials);
       i++)
    {
      g_autoptr(CsMaterial) material = g_list_model_get_item (materials, i);
      MaterialText entry = { 0 };

      if (g_strcmp0 (cs_material_get_media_type (material), "application/pdf") != 0 ||
          cs_material_get_sha256 (material) == NULL)
        continue;
      entry.id = g_strdup (cs_material_get_id (material));
      entry.sha256 = g_strdup (cs_material_get_sha256 (material));
      g_array_append_val (check->materials, entry);
    }
  g_task_set_task_data (task, check, check_data_free);

  extract = g_task_new (self, cancellable, on_texts_extracted, g_steal_pointer (&task));
  g_task_set_source_tag (extract, extract_texts_thread);
  g_task_set_task_data (extract, check, NULL);
  g_task_run_in_thread (extract, extract_texts_thread);
}

/**
 * cs_plugin_host_check_case_finish:
 * @self: a #CsPluginHost
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type CsFinding): the findings, errors
 *   first, empty when no plugin handles the matter; %NULL with @error set
 *   when the plugin failed (and was disabled) or the check was cancelled
 */
GPtrArray *
cs_plugin_host_check_case_finish (CsPluginHost  *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (CS_IS_PLUGIN_HOST (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * cs_plugin_host_get_wording:
 * @self: a #CsPluginHost
 * @kase: a case, opened in full
 * @matter: the case's matter
 * @outcome: the decision's outcome
 * @text: (out) (transfer full): the wording, translated
 * @legal_basis: (out) (transfer full) (optional): its legal basis
 * @error: return location for a #GError
 *
 * Returns: %TRUE with @text set; %FALSE with @error set when no plugin
 *   handles the matter or the plugin cannot word the outcome
 */
gboolean
cs_plugin_host_get_wording (CsPluginHost  *self,
                            CsCase        *kase,
                            CsMatter      *matter,
                            CsOutcome      outcome,
                            char         **text,
                            char         **legal_basis,
                            GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  CsDepartment *department;

  g_return_val_if_fail (CS_IS_PLUGIN_HOST (self), FALSE);
  g_return_val_if_fail (CS_IS_CASE (kase), FALSE);
  g_return_val_if_fail (CS_IS_MATTER (matter), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  *text = NULL;
  if (legal_basis != NULL)
    *legal_basis = NULL;

  department = lookup_for (self, kase, matter);
  if (department == NULL)
    {
      g_set_error (error, CS_DEPARTMENT_ERROR, CS_DEPARTMENT_ERROR_NOT_SUPPORTED,
                   _("No plugin words the decisions on “%s”."), cs_matter_get_name (matter));
      return FALSE;
    }

  g_object_ref (department);
  if (!cs_department_get_wording (department, kase, matter, outcome, text, legal_basis,
                                  &local_error))
    {
      /* Breaking the contract disables; an honest "cannot" does not. */
      if (g_error_matches (local_error, CS_DEPARTMENT_ERROR, CS_DEPARTMENT_ERROR_INVALID_RESULT))
        {
          CsPlugin *plugin = find_plugin_by_department (self, department);

          if (plugin != NULL)
            disable_plugin (self, plugin, local_error->message);
        }
      g_object_unref (department);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_object_unref (department);
  return TRUE;
}

/* Revealing a field ------------------------------------------------------- */

static void
ensure_highlight_style (GtkWidget *widget)
{
  static GQuark quark;
  GdkDisplay *display = gtk_widget_get_display (widget);
  g_autoptr(GtkCssProvider) provider = NULL;

  if (quark == 0)
    quark = g_quark_from_static_string ("cs-plugin-host-highlight");
  if (g_object_get_qdata (G_OBJECT (display), quark) != NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider,
                                   "." HIGHLIGHT_CLASS " {"
                                   "  background-color: alpha(@accent_bg_color, 0.25);"
                                   "  transition: background-color 300ms ease-out;"
                                   "}", -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_qdata_full (G_OBJECT (display), quark, g_object_ref (provider), g_object_unref);
}

static gboolean
end_highlight (gpointer data)
{
  GtkWidget *widget = data;

  gtk_widget_remove_css_class (widget, HIGHLIGHT_CLASS);
  return G_SOURCE_REMOVE;
}

/**
 * cs_plugin_host_reveal_field:
 * @panel: a case panel from cs_plugin_host_create_case_panel()
 * @field: the form member a finding concerns
 *
 * Opens what hides the widget marked with @field, moves the focus to it
 * (which scrolls it into view) and highlights it for a moment. Does
 * nothing when the panel shows no such field.
 */
void
cs_plugin_host_reveal_field (GtkWidget  *panel,
                             const char *field)
{
  GtkWidget *widget;

  g_return_if_fail (GTK_IS_WIDGET (panel));
  g_return_if_fail (field != NULL);

  widget = cs_department_find_field (panel, field);
  if (widget == NULL)
    return;

  for (GtkWidget *ancestor = gtk_widget_get_parent (widget);
       ancestor != NULL;
       ancestor = gtk_widget_get_parent (ancestor))
    if (ADW_IS_EXPANDER_ROW (ancestor))
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (ancestor), TRUE);

  ensure_highlight_style (widget);
  gtk_widget_add_css_class (widget, HIGHLIGHT_CLASS);
  g_timeout_add_full (G_PRIORITY_DEFAULT, HIGHLIGHT_MS, end_highlight,
                      g_object_ref (widget), g_object_unref);

  if (!gtk_widget_grab_focus (widget))
    gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD);
}
