/* cs-client.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* Private to the desk and countersign-cli: plugins never talk HTTP. The
 * header is not installed. */

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cs-case.h"
#include "cs-department-stats.h"
#include "cs-event.h"
#include "cs-user.h"
#include "cs-version-macros.h"

G_BEGIN_DECLS

#define CS_TYPE_CLIENT (cs_client_get_type ())

CS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (CsClient, cs_client, CS, CLIENT, GObject)

/**
 * CsCasePage:
 * @cases: (element-type CsCase): the cases of the page
 * @next_cursor: (nullable): the cursor of the next page, %NULL on the last
 *
 * One page of `GET /v1/cases`.
 */
typedef struct
{
  GPtrArray *cases;
  char *next_cursor;
} CsCasePage;

CS_AVAILABLE_IN_ALL
void cs_case_page_free (CsCasePage *page);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsCasePage, cs_case_page_free)

/**
 * CsWriteResult:
 * @status: the HTTP status
 * @replayed: whether the server answered from an earlier request with the
 *   same idempotency key
 * @body: (nullable): the answer's JSON
 *
 * What a write to the central API answered.
 */
typedef struct
{
  guint status;
  gboolean replayed;
  JsonNode *body;
} CsWriteResult;

CS_AVAILABLE_IN_ALL
void cs_write_result_free (CsWriteResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsWriteResult, cs_write_result_free)

CS_AVAILABLE_IN_ALL
CsClient     *cs_client_new                    (const char           *server_url,
                                                GError              **error);
CS_AVAILABLE_IN_ALL
const char   *cs_client_get_server_url         (CsClient             *self);
CS_AVAILABLE_IN_ALL
gboolean      cs_client_set_ca_file            (CsClient             *self,
                                                const char           *path,
                                                GError              **error);
CS_AVAILABLE_IN_ALL
void          cs_client_set_token              (CsClient             *self,
                                                const char           *token);
CS_AVAILABLE_IN_ALL
gboolean      cs_client_has_token              (CsClient             *self);
CS_AVAILABLE_IN_ALL
char         *cs_client_normalize_url          (const char           *server_url,
                                                GError              **error);

CS_AVAILABLE_IN_ALL
void          cs_client_login_async            (CsClient             *self,
                                                const char           *username,
                                                const char           *password,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
CS_AVAILABLE_IN_ALL
char         *cs_client_login_finish           (CsClient             *self,
                                                GAsyncResult         *result,
                                                CsUser              **out_user,
                                                GError              **error);
CS_AVAILABLE_IN_ALL
void          cs_client_logout_async           (CsClient             *self,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
CS_AVAILABLE_IN_ALL
gboolean      cs_client_logout_finish          (CsClient             *self,
                                                GAsyncResult         *result,
                                                GError              **error);
CS_AVAILABLE_IN_ALL
void          cs_client_get_me_async           (CsClient             *self,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
CS_AVAILABLE_IN_ALL
CsUser       *cs_client_get_me_finish          (CsClient             *self,
                                                GAsyncResult         *result,
                                                GError              **error);
CS_AVAILABLE_IN_ALL
void          cs_client_get_matters_async      (CsClient             *self,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
CS_AVAILABLE_IN_ALL
JsonNode     *cs_client_get_matters_finish     (CsClient             *self,
                                                GAsyncResult         *result,
                                                GError              **error);
CS_AVAILABLE_IN_ALL
void          cs_client_get_calendar_async     (CsClient             *self,
                                                guint                 year,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
CS_AVAILABLE_IN_ALL
JsonNode     *cs_client_get_calendar_finish    (CsClient             *self,
                                                GAsyncResult         *result,
                                                GError              **error);
CS_AVAILABLE_IN_ALL
void          cs_client_list_cases_async       (CsClient             *self,
                                                const char           *status,
                                                const char           *updated_since,
                                                const char           *cursor,
                                                guint                 limit,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
CS_AVAILABLE_IN_ALL
CsCasePage   *cs_client_list_cases_finish      (CsClient             *self,
                                                GAsyncResult         *result,
                                                GError              **error);
CS_AVAILABLE_IN_ALL
GBytes       *cs_client_list_cases_bytes_finish (CsClient           *self,
                                                GAsyncResult         *result,
                                                GError              **error);

/**
 * CsNextPageFunc:
 * @cursor: the cursor of the next page
 * @user_data: the data given with the function
 *
 * Told the next page of a list as soon as the answer's headers name it.
 */
typedef void (*CsNextPageFunc) (const char *cursor,
                                gpointer    user_data);

CS_AVAILABLE_IN_ALL
void          cs_client_list_cases_bytes_async (CsClient             *self,
                                                const char           *updated_since,
                                                const char           *cursor,
                                                guint                 limit,
                                                CsNextPageFunc        next_func,
                                                gpointer              next_data,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
CS_AVAILABLE_IN_ALL
void          cs_client_get_case_async         (CsClient             *self,
                                                const char           *case_id,
                                                const char           *etag,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
CS_AVAILABLE_IN_ALL
CsCase       *cs_client_get_case_finish        (CsClient             *self,
                                                GAsyncResult         *result,
                                                char                **out_etag,
                                                GError              **error);
CS_AVAILABLE_IN_ALL
void          cs_client_get_department_stats_async (CsClient         *self,
                                                const char           *department,
                                                const GDate          *from,
                                                const GDate          *to,
                                                const GDate          *as_of,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
CS_AVAILABLE_IN_ALL
CsDepartmentStats *cs_client_get_department_stats_finish (CsClient   *self,
                                                GAsyncResult         *result,
                                                GError              **error);
CS_AVAILABLE_IN_ALL
void          cs_client_get_audit_async        (CsClient             *self,
                                                const char           *case_id,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
CS_AVAILABLE_IN_ALL
JsonNode     *cs_client_get_audit_finish       (CsClient             *self,
                                                GAsyncResult         *result,
                                                GError              **error);
CS_AVAILABLE_IN_ALL
void          cs_client_list_decisions_async   (CsClient             *self,
                                                const char           *case_id,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
CS_AVAILABLE_IN_ALL
JsonNode     *cs_client_list_decisions_finish  (CsClient             *self,
                                                GAsyncResult         *result,
                                                GError              **error);
CS_AVAILABLE_IN_ALL
void          cs_client_get_events_async       (CsClient             *self,
                                                gint64                after,
                                                guint                 timeout_seconds,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
CS_AVAILABLE_IN_ALL
GPtrArray    *cs_client_get_events_finish      (CsClient             *self,
                                                GAsyncResult         *result,
                                                gint64               *out_last_seq,
                                                GError              **error);
CS_AVAILABLE_IN_ALL
void          cs_client_download_async         (CsClient             *self,
                                                const char           *case_id,
                                                const char           *material_id,
                                                const char           *sha256,
                                                GFile                *partial,
                                                GFileProgressCallback progress,
                                                gpointer              progress_data,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
CS_AVAILABLE_IN_ALL
gboolean      cs_client_download_finish        (CsClient             *self,
                                                GAsyncResult         *result,
                                                GError              **error);
CS_AVAILABLE_IN_ALL
void          cs_client_write_async            (CsClient             *self,
                                                const char           *method,
                                                const char           *path,
                                                const char           *body,
                                                const char           *idempotency_key,
                                                const char           *if_match,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
CS_AVAILABLE_IN_ALL
void          cs_client_write_bytes_async      (CsClient             *self,
                                                const char           *method,
                                                const char           *path,
                                                const char           *content_type,
                                                GBytes               *body,
                                                const char           *idempotency_key,
                                                const char           *if_match,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
CS_AVAILABLE_IN_ALL
CsWriteResult *cs_client_write_finish          (CsClient             *self,
                                                GAsyncResult         *result,
                                                GError              **error);

G_END_DECLS
