/* cs-plugin-loader.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsPluginLoader"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-plugin-loader.h"

/* What the desk and countersign-plugin-check both do before they trust a
 * plugin: the plugin API it was built for, read from its .plugin before
 * the module is opened, then loading it, then the sense of what it gives.
 * The messages are the ones a person reads on the preferences page. */

/**
 * cs_plugin_loader_new_engine:
 *
 * A libpeas engine of its own (not the default one), with the Python 3
 * loader enabled so that plugins written in Python through the typelib
 * load beside the C ones.
 *
 * Returns: (transfer full): a new engine
 */
PeasEngine *
cs_plugin_loader_new_engine (void)
{
  PeasEngine *engine = peas_engine_new ();

  peas_engine_enable_loader (engine, "python3");
  return engine;
}

/**
 * cs_plugin_loader_check_abi:
 * @info: a plugin found by the engine
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the plugin's `X-Countersign-ABI` is the plugin API
 *   version of this libcountersign
 */
gboolean
cs_plugin_loader_check_abi (PeasPluginInfo  *info,
                            GError         **error)
{
  const char *abi = peas_plugin_info_get_external_data (info, "Countersign-ABI");
  g_autofree char *offered = g_strdup_printf ("%d", CS_API_VERSION);
  g_autofree char *stripped = NULL;

  if (abi == NULL)
    {
      g_set_error (error, CS_DEPARTMENT_ERROR, CS_DEPARTMENT_ERROR_NOT_SUPPORTED,
                   _("The plugin does not say which plugin API it was built for; this desk "
                     "offers plugin API %d."), CS_API_VERSION);
      return FALSE;
    }
  stripped = g_strstrip (g_strdup (abi));
  if (!g_str_equal (stripped, offered))
    {
      g_set_error (error, CS_DEPARTMENT_ERROR, CS_DEPARTMENT_ERROR_NOT_SUPPORTED,
                   _("The plugin was built for plugin API %s; this desk offers plugin API %d."),
                   stripped, CS_API_VERSION);
      return FALSE;
    }
  return TRUE;
}

/**
 * cs_plugin_loader_get_department:
 * @info: a plugin found by the engine
 *
 * Returns: (nullable): the department the `.plugin` file names
 *   (`X-Countersign-Department`), known before the module is loaded
 */
const char *
cs_plugin_loader_get_department (PeasPluginInfo *info)
{
  return peas_plugin_info_get_external_data (info, "Countersign-Department");
}

/**
 * cs_plugin_loader_load:
 * @engine: the engine that found @info
 * @info: a plugin whose ABI was checked
 * @error: return location for a #GError
 *
 * Loads the plugin's module, or says why it cannot be loaded (a missing
 * library, no `peas_register_types`, a Python loader that is missing).
 *
 * Returns: %TRUE when the plugin is loaded
 */
gboolean
cs_plugin_loader_load (PeasEngine      *engine,
                       PeasPluginInfo  *info,
                       GError         **error)
{
  g_autoptr(GError) peas_error = NULL;

  if (peas_plugin_info_is_loaded (info) || peas_engine_load_plugin (engine, info))
    return TRUE;

  if (peas_plugin_info_is_available (info, &peas_error) || peas_error == NULL)
    g_set_error_literal (error, CS_DEPARTMENT_ERROR, CS_DEPARTMENT_ERROR_FAILED,
                         _("The plugin could not be loaded."));
  else
    g_set_error (error, CS_DEPARTMENT_ERROR, CS_DEPARTMENT_ERROR_FAILED,
                 _("The plugin could not be loaded: %s"), peas_error->message);
  return FALSE;
}

/**
 * cs_plugin_loader_check_department:
 * @info: a loaded plugin
 * @department: (nullable): the extension it provides
 * @error: return location for a #GError
 *
 * Checks what a loaded plugin gives before anyone relies on it: a
 * department, a department code, matters of its own.
 *
 * Returns: %TRUE when the department makes sense
 */
gboolean
cs_plugin_loader_check_department (PeasPluginInfo  *info,
                                   CsDepartment    *department,
                                   GError         **error)
{
  const char * const *codes;
  const char *code;
  g_autofree char *declared = NULL;

  if (department == NULL)
    {
      g_set_error_literal (error, CS_DEPARTMENT_ERROR, CS_DEPARTMENT_ERROR_INVALID_RESULT,
                           _("The plugin provides no department."));
      return FALSE;
    }

  code = cs_department_get_code (department);
  codes = cs_department_get_matter_codes (department);
  if (code == NULL || codes == NULL || codes[0] == NULL)
    {
      g_set_error_literal (error, CS_DEPARTMENT_ERROR, CS_DEPARTMENT_ERROR_INVALID_RESULT,
                           _("The plugin names no department code or no matter."));
      return FALSE;
    }

  declared = g_strdup (cs_plugin_loader_get_department (info));
  if (declared != NULL && !g_str_equal (g_strstrip (declared), code))
    {
      g_set_error (error, CS_DEPARTMENT_ERROR, CS_DEPARTMENT_ERROR_INVALID_RESULT,
                   _("The plugin’s file names the department “%s”, but the plugin says it is "
                     "“%s”."), declared, code);
      return FALSE;
    }
  return TRUE;
}
