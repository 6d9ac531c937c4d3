/* cs-plugin.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsPlugin"

#include "config.h"

#include "cs-plugin.h"
#include "cs-util-private.h"

/* One department plugin as the preferences page shows it: what its
 * .plugin file says, whether it runs, and why not when it does not. The
 * host (CsPluginHost) sets the state; views only read it. */
struct _CsPlugin
{
  GObject parent_instance;

  PeasPluginInfo *info;         /* owned by the host's engine */
  CsDepartment *department;     /* while loaded */
  char *error;
  gboolean enabled;
  gboolean can_enable;
};

G_DEFINE_FINAL_TYPE (CsPlugin, cs_plugin, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MODULE_NAME,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_VERSION,
  PROP_DEPARTMENT_CODE,
  PROP_ENABLED,
  PROP_CAN_ENABLE,
  PROP_ERROR,
  PROP_DEPARTMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cs_plugin_finalize (GObject *object)
{
  CsPlugin *self = (CsPlugin *) object;

  g_clear_object (&self->department);
  g_free (self->error);

  G_OBJECT_CLASS (cs_plugin_parent_class)->finalize (object);
}

static void
cs_plugin_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CsPlugin *self = CS_PLUGIN (object);

  switch (prop_id)
    {
    case PROP_MODULE_NAME:
      g_value_set_string (value, cs_plugin_get_module_name (self));
      break;
    case PROP_NAME:
      g_value_set_string (value, cs_plugin_get_name (self));
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, cs_plugin_get_description (self));
      break;
    case PROP_VERSION:
      g_value_set_string (value, cs_plugin_get_version (self));
      break;
    case PROP_DEPARTMENT_CODE:
      g_value_set_string (value, cs_plugin_get_department_code (self));
      break;
    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;
    case PROP_CAN_ENABLE:
      g_value_set_boolean (value, self->can_enable);
      break;
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    case PROP_DEPARTMENT:
      g_value_set_object (value, self->department);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_plugin_class_init (CsPluginClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cs_plugin_finalize;
  object_class->get_property = cs_plugin_get_property;

  properties[PROP_MODULE_NAME] =
    g_param_spec_string ("module-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] =
    g_param_spec_string ("version", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEPARTMENT_CODE] =
    g_param_spec_string ("department-code", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_ENABLE] =
    g_param_spec_boolean ("can-enable", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEPARTMENT] =
    g_param_spec_object ("department", NULL, NULL, CS_TYPE_DEPARTMENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cs_plugin_init (CsPlugin *self)
{
  self->can_enable = TRUE;
}

CsPlugin *
cs_plugin_new (PeasPluginInfo *info)
{
  CsPlugin *self;

  g_return_val_if_fail (info != NULL, NULL);

  self = g_object_new (CS_TYPE_PLUGIN, NULL);
  self->info = info;
  return self;
}

PeasPluginInfo *
cs_plugin_get_info (CsPlugin *self)
{
  g_return_val_if_fail (CS_IS_PLUGIN (self), NULL);
  return self->info;
}

const char *
cs_plugin_get_module_name (CsPlugin *self)
{
  g_return_val_if_fail (CS_IS_PLUGIN (self), NULL);
  return peas_plugin_info_get_module_name (self->info);
}

const char *
cs_plugin_get_name (CsPlugin *self)
{
  const char *name;

  g_return_val_if_fail (CS_IS_PLUGIN (self), NULL);
  name = peas_plugin_info_get_name (self->info);
  return name != NULL ? name : peas_plugin_info_get_module_name (self->info);
}

const char *
cs_plugin_get_description (CsPlugin *self)
{
  g_return_val_if_fail (CS_IS_PLUGIN (self), NULL);
  return peas_plugin_info_get_description (self->info);
}

const char *
cs_plugin_get_version (CsPlugin *self)
{
  g_return_val_if_fail (CS_IS_PLUGIN (self), NULL);
  return peas_plugin_info_get_version (self->info);
}

/* The running department's own word, else what its .plugin file says. */
const char *
cs_plugin_get_department_code (CsPlugin *self)
{
  g_return_val_if_fail (CS_IS_PLUGIN (self), NULL);

  if (self->department != NULL && cs_department_get_code (self->department) != NULL)
    return cs_department_get_code (self->department);
  return peas_plugin_info_get_external_data (self->info, "Countersign-Department");
}

gboolean
cs_plugin_get_enabled (CsPlugin *self)
{
  g_return_val_if_fail (CS_IS_PLUGIN (self), FALSE);
  return self->enabled;
}

void
cs_plugin_set_enabled (CsPlugin *self,
                       gboolean  enabled)
{
  g_return_if_fail (CS_IS_PLUGIN (self));

  enabled = !!enabled;
  if (self->enabled == enabled)
    return;
  self->enabled = enabled;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
}

gboolean
cs_plugin_get_can_enable (CsPlugin *self)
{
  g_return_val_if_fail (CS_IS_PLUGIN (self), FALSE);
  return self->can_enable;
}

void
cs_plugin_set_can_enable (CsPlugin *self,
                          gboolean  can_enable)
{
  g_return_if_fail (CS_IS_PLUGIN (self));

  can_enable = !!can_enable;
  if (self->can_enable == can_enable)
    return;
  self->can_enable = can_enable;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_ENABLE]);
}

const char *
cs_plugin_get_error (CsPlugin *self)
{
  g_return_val_if_fail (CS_IS_PLUGIN (self), NULL);
  return self->error;
}

void
cs_plugin_set_error (CsPlugin   *self,
                     const char *error)
{
  g_return_if_fail (CS_IS_PLUGIN (self));

  if (_cs_set_str (&self->error, error))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

CsDepartment *
cs_plugin_get_department (CsPlugin *self)
{
  g_return_val_if_fail (CS_IS_PLUGIN (self), NULL);
  return self->department;
}

void
cs_plugin_set_department (CsPlugin     *self,
                          CsDepartment *department)
{
  g_return_if_fail (CS_IS_PLUGIN (self));

  if (g_set_object (&self->department, department))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEPARTMENT]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEPARTMENT_CODE]);
    }
}
