/* cs-plugin-host.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <countersign.h>

#include "cs-cache.h"

G_BEGIN_DECLS

#define CS_TYPE_PLUGIN_HOST (cs_plugin_host_get_type ())

G_DECLARE_FINAL_TYPE (CsPluginHost, cs_plugin_host, CS, PLUGIN_HOST, GObject)

CsPluginHost *cs_plugin_host_new               (GSettings            *settings);
GListModel   *cs_plugin_host_get_plugins       (CsPluginHost         *self);
void          cs_plugin_host_set_plugin_enabled (CsPluginHost        *self,
                                                 const char          *module_name,
                                                 gboolean             enabled);
CsDepartment *cs_plugin_host_lookup            (CsPluginHost         *self,
                                                const char           *department_code,
                                                const char           *matter_code);
GtkWidget    *cs_plugin_host_create_case_panel (CsPluginHost         *self,
                                                CsCase               *kase,
                                                CsMatter             *matter);
void          cs_plugin_host_check_case_async  (CsPluginHost         *self,
                                                CsCache              *cache,
                                                CsCase               *kase,
                                                CsMatter             *matter,
                                                const GDate          *today,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
GPtrArray    *cs_plugin_host_check_case_finish (CsPluginHost         *self,
                                                GAsyncResult         *result,
                                                GError              **error);
gboolean      cs_plugin_host_get_wording       (CsPluginHost         *self,
                                                CsCase               *kase,
                                                CsMatter             *matter,
                                                CsOutcome             outcome,
                                                char                **text,
                                                char                **legal_basis,
                                                GError              **error);
void          cs_plugin_host_reveal_field      (GtkWidget            *panel,
                                                const char           *field);

G_END_DECLS
