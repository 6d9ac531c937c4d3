/* cs-plugin.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libpeas/peas.h>
#include <countersign.h>

G_BEGIN_DECLS

#define CS_TYPE_PLUGIN (cs_plugin_get_type ())

G_DECLARE_FINAL_TYPE (CsPlugin, cs_plugin, CS, PLUGIN, GObject)

CsPlugin       *cs_plugin_new             (PeasPluginInfo *info);
PeasPluginInfo *cs_plugin_get_info        (CsPlugin       *self);
const char     *cs_plugin_get_module_name (CsPlugin       *self);
const char     *cs_plugin_get_name        (CsPlugin       *self);
const char     *cs_plugin_get_description (CsPlugin       *self);
const char     *cs_plugin_get_version     (CsPlugin       *self);
const char     *cs_plugin_get_department_code (CsPlugin   *self);
gboolean        cs_plugin_get_enabled     (CsPlugin       *self);
void            cs_plugin_set_enabled     (CsPlugin       *self,
                                           gboolean        enabled);
gboolean        cs_plugin_get_can_enable  (CsPlugin       *self);
void            cs_plugin_set_can_enable  (CsPlugin       *self,
                                           gboolean        can_enable);
const char     *cs_plugin_get_error       (CsPlugin       *self);
void            cs_plugin_set_error       (CsPlugin       *self,
                                           const char     *error);
CsDepartment   *cs_plugin_get_department  (CsPlugin       *self);
void            cs_plugin_set_department  (CsPlugin       *self,
                                           CsDepartment   *department);

G_END_DECLS
