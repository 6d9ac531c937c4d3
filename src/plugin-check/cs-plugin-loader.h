/* cs-plugin-loader.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libpeas/peas.h>
#include <countersign.h>

G_BEGIN_DECLS

PeasEngine   *cs_plugin_loader_new_engine         (void);
gboolean      cs_plugin_loader_check_abi          (PeasPluginInfo  *info,
                                                   GError         **error);
const char   *cs_plugin_loader_get_department     (PeasPluginInfo  *info);
gboolean      cs_plugin_loader_load               (PeasEngine      *engine,
                                                   PeasPluginInfo  *info,
                                                   GError         **error);
gboolean      cs_plugin_loader_check_department   (PeasPluginInfo  *info,
                                                   CsDepartment    *department,
                                                   GError         **error);

G_END_DECLS
