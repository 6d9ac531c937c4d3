/* cs-case-list.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* Private to the desk and countersign-cli; not installed. */

#include <gio/gio.h>

#include "cs-cache.h"
#include "cs-case.h"
#include "cs-version-macros.h"

G_BEGIN_DECLS

#define CS_TYPE_CASE_LIST (cs_case_list_get_type ())

CS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (CsCaseList, cs_case_list, CS, CASE_LIST, GObject)

CS_AVAILABLE_IN_ALL
CsCaseList *cs_case_list_new          (void);
CS_AVAILABLE_IN_ALL
void        cs_case_list_load_async   (CsCaseList          *self,
                                       CsCache             *cache,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
CS_AVAILABLE_IN_ALL
gboolean    cs_case_list_load_finish  (CsCaseList          *self,
                                       GAsyncResult        *result,
                                       GError             **error);
CS_AVAILABLE_IN_ALL
void        cs_case_list_replace_all  (CsCaseList          *self,
                                       GPtrArray           *cases);
CS_AVAILABLE_IN_ALL
void        cs_case_list_update       (CsCaseList          *self,
                                       CsCase              *kase);
CS_AVAILABLE_IN_ALL
CsCase     *cs_case_list_lookup       (CsCaseList          *self,
                                       const char          *case_id);

G_END_DECLS
