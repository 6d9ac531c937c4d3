/* cs-session.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <countersign.h>

#include "cs-cache.h"
#include "cs-case-list.h"
#include "cs-client.h"
#include "cs-outbox.h"

G_BEGIN_DECLS

#define CS_TYPE_SESSION (cs_session_get_type ())

G_DECLARE_FINAL_TYPE (CsSession, cs_session, CS, SESSION, GObject)

CsSession   *cs_session_new              (const char           *data_dir);
const char  *cs_session_get_server_url   (CsSession            *self);
const char  *cs_session_get_username     (CsSession            *self);
CsUser      *cs_session_get_user         (CsSession            *self);
gboolean     cs_session_get_online       (CsSession            *self);
gboolean     cs_session_get_syncing      (CsSession            *self);
const GError *cs_session_get_offline_reason (CsSession         *self);
gboolean     cs_session_get_token_kept   (CsSession            *self);
CsCaseList  *cs_session_get_cases        (CsSession            *self);
CsCache     *cs_session_get_cache        (CsSession            *self);
CsClient    *cs_session_get_client       (CsSession            *self);
CsOutbox    *cs_session_get_outbox       (CsSession            *self);
CsCalendar  *cs_session_get_calendar     (CsSession            *self);
void         cs_session_get_today        (CsSession            *self,
                                          GDate                *today);
void         cs_session_set_today        (CsSession            *self,
                                          const GDate          *today);

void         cs_session_preload          (CsSession            *self,
                                          const char           *server_url,
                                          const char           *username);
void         cs_session_drop_preload     (CsSession            *self);
void         cs_session_sign_in_async    (CsSession            *self,
                                          const char           *server_url,
                                          const char           *ca_file,
                                          const char           *username,
                                          const char           *password,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
gboolean     cs_session_sign_in_finish   (CsSession            *self,
                                          GAsyncResult         *result,
                                          GError              **error);
void         cs_session_resume_async     (CsSession            *self,
                                          const char           *server_url,
                                          const char           *ca_file,
                                          const char           *username,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
gboolean     cs_session_resume_finish    (CsSession            *self,
                                          GAsyncResult         *result,
                                          GError              **error);
void         cs_session_sign_out_async   (CsSession            *self,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
gboolean     cs_session_sign_out_finish  (CsSession            *self,
                                          GAsyncResult         *result,
                                          GError              **error);
void         cs_session_refresh          (CsSession            *self);

CsMatter    *cs_session_lookup_matter    (CsSession            *self,
                                          const char           *code);
CsCase      *cs_session_load_cached_case (CsSession            *self,
                                          const char           *case_id);
void         cs_session_fetch_case_async (CsSession            *self,
                                          const char           *case_id,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
CsCase      *cs_session_fetch_case_finish (CsSession           *self,
                                          GAsyncResult         *result,
                                          GError              **error);
void         cs_session_fetch_material_async  (CsSession             *self,
                                               const char            *case_id,
                                               CsMaterial            *material,
                                               GFileProgressCallback  progress,
                                               gpointer               progress_data,
                                               GCancellable          *cancellable,
                                               GAsyncReadyCallback    callback,
                                               gpointer               user_data);
GFile       *cs_session_fetch_material_finish (CsSession             *self,
                                               GAsyncResult          *result,
                                               GError               **error);
CsOutboxItem *cs_session_claim           (CsSession            *self,
                                          const char           *case_id,
                                          GError              **error);
CsOutboxItem *cs_session_release         (CsSession            *self,
                                          const char           *case_id,
                                          GError              **error);
CsOutboxItem *cs_session_assign          (CsSession            *self,
                                          const char * const   *case_ids,
                                          const char           *assignee,
                                          const char           *reason,
                                          GError              **error);
CsOutboxItem *cs_session_add_substitution (CsSession           *self,
                                          const char           *absent,
                                          const char           *substitute,
                                          const GDate          *from,
                                          const GDate          *to,
                                          const char           *reason,
                                          GError              **error);
CsOutboxItem *cs_session_save_review     (CsSession            *self,
                                          const char           *case_id,
                                          const char           *opinion,
                                          CsOutcome             proposed_outcome,
                                          gboolean              final,
                                          GPtrArray            *verdicts,
                                          GError              **error);

CsOutboxItem *cs_session_queue_decision  (CsSession            *self,
                                          const char           *case_id,
                                          GBytes               *payload,
                                          GBytes               *signature,
                                          GBytes               *document,
                                          GError              **error);

G_END_DECLS
