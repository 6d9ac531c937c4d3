/* cs-test-central.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/* The fixed "today" of the demo centre in the tests (a Wednesday). */
#define CS_TEST_TODAY "2026-11-18"

typedef struct
{
  GSubprocess *process;
  char        *url;
  char        *dir;
  char        *db_path;
  SoupSession *session;
} CsTestCentral;

typedef struct
{
  guint               status;
  SoupMessageHeaders *headers;
  GBytes             *body;
  JsonNode           *json;     /* (nullable) when the body is JSON */
} CsTestResponse;

void            cs_test_store_result       (GObject        *source,
                                            GAsyncResult   *result,
                                            gpointer        user_data);
GAsyncResult   *cs_test_wait               (GAsyncResult  **slot);
const char     *cs_test_central_binary     (void);
SoupSession    *cs_test_session_new        (void);
CsTestCentral  *cs_test_central_new_seeded (void);
void            cs_test_central_serve      (CsTestCentral  *central,
                                            const char     *first_extra_arg,
                                            ...);
CsTestCentral  *cs_test_central_start      (void);
void            cs_test_central_free       (CsTestCentral  *central);
char           *cs_test_central_login      (CsTestCentral  *central,
                                            const char     *username);

CsTestResponse *cs_test_request            (CsTestCentral  *central,
                                            const char     *method,
                                            const char     *path,
                                            const char     *token,
                                            const char     *json_body,
                                            ...) G_GNUC_NULL_TERMINATED;
CsTestResponse *cs_test_request_raw        (CsTestCentral  *central,
                                            const char     *method,
                                            const char     *path,
                                            const char     *token,
                                            const char     *content_type,
                                            GBytes         *body,
                                            ...) G_GNUC_NULL_TERMINATED;
void            cs_test_response_free      (CsTestResponse *response);
JsonObject     *cs_test_response_object    (CsTestResponse *response);
const char     *cs_test_response_header    (CsTestResponse *response,
                                            const char     *name);
void            cs_test_assert_problem     (CsTestResponse *response,
                                            guint           status,
                                            const char     *code);
gint64          cs_test_sqlite_count       (CsTestCentral  *central,
                                            const char     *sql);
void            cs_test_remove_tree        (const char     *path);
int             cs_test_run_cli            (const char * const *argv,
                                            char              **out,
                                            char              **err);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsTestCentral, cs_test_central_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsTestResponse, cs_test_response_free)

G_END_DECLS
