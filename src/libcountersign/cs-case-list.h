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

/**
 * CsCaseClockKey:
 * @accepted_on: the Julian day the clock starts from, 0 if none
 * @supplement_requested_on: the Julian day of the supplement notice, 0 if none
 * @statutory_limit: the statutory limit in working days
 * @promised_limit: the promised limit in working days
 * @extension_days: the extension granted
 * @green_channel: whether the promised limit is halved
 * @instant: whether the matter is decided on the spot
 * @suspensions: (nullable): the suspensions as JSON text, owned by the case
 *
 * What a case's legal clock is computed from (see cs_case_dup_legal_clock()).
 */
typedef struct
{
  guint32 accepted_on;
  guint32 supplement_requested_on;
  guint16 statutory_limit;
  guint16 promised_limit;
  guint16 extension_days;
  guint8 green_channel;
  guint8 instant;
  const char *suspensions;
} CsCaseClockKey;

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
CS_AVAILABLE_IN_ALL
void        cs_case_list_get_clock_key (CsCase             *kase,
                                        CsCaseClockKey     *key);

G_END_DECLS
