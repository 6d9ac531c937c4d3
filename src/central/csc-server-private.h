/* csc-server-private.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "csc-database.h"
#include "csc-server.h"

G_BEGIN_DECLS

/* The user behind a bearer token, cached for the token's lifetime. */
typedef struct
{
  gint64   id;
  char    *username;
  char    *name;
  char    *department;
  char    *department_name;
  char   **roles;
  gint64   expires_at;  /* Unix seconds */
} CscUser;

/* One request on its way through the handlers. */
typedef struct
{
  CscServer         *server;
  CscDatabase       *db;
  SoupServerMessage *msg;
  const char        *method;
  char             **segments;   /* the path below /v1/, split at '/' */
  guint              n_segments;
  GHashTable        *query;      /* (nullable) */
  CscUser           *user;       /* (nullable) until authenticated */
  char              *token_digest; /* (nullable) the SHA-256 of the bearer token */
  char              *idempotency_key;
  char              *fingerprint;
  gboolean           paused;     /* answered later, by the event feed */
} CscRequest;

typedef enum
{
  CSC_PROBLEM_BAD_REQUEST,
  CSC_PROBLEM_INVALID_JSON,
  CSC_PROBLEM_INVALID_PARAMETER,
  CSC_PROBLEM_INVALID_FIELD,
  CSC_PROBLEM_UNAUTHORIZED,
  CSC_PROBLEM_INVALID_CREDENTIALS,
  CSC_PROBLEM_FORBIDDEN,
  CSC_PROBLEM_NOT_FOUND,
  CSC_PROBLEM_METHOD_NOT_ALLOWED,
  CSC_PROBLEM_INVALID_TRANSITION,
  CSC_PROBLEM_NOT_ASSIGNEE,
  CSC_PROBLEM_IDEMPOTENCY_KEY_REUSED,
  CSC_PROBLEM_RULE_VIOLATION,
  CSC_PROBLEM_PAYLOAD_TOO_LARGE,
  CSC_PROBLEM_LENGTH_REQUIRED,
  CSC_PROBLEM_UNSUPPORTED_MEDIA_TYPE,
  CSC_PROBLEM_RANGE_NOT_SATISFIABLE,
  CSC_PROBLEM_CALENDAR_NOT_PUBLISHED,
  CSC_PROBLEM_STALE_VERSION,
  CSC_PROBLEM_IDEMPOTENCY_CONFLICT,
  CSC_PROBLEM_INVALID_SIGNATURE,
  CSC_PROBLEM_INVALID_CERTIFICATE,
  CSC_PROBLEM_DOCUMENT_MISMATCH,
  CSC_PROBLEM_INTERNAL,
} CscProblem;

/* Responses */
void         csc_request_respond_json     (CscRequest   *req,
                                           guint         status,
                                           const char   *json);
void         csc_request_respond_node     (CscRequest   *req,
                                           guint         status,
                                           JsonNode     *node);
void         csc_request_problem          (CscRequest   *req,
                                           CscProblem    problem,
                                           const char   *field,
                                           const char   *format,
                                           ...) G_GNUC_PRINTF (4, 5);
void         csc_request_internal_error   (CscRequest   *req,
                                           const GError *error);

/* Checks; each responds itself and returns FALSE when the request must stop. */
gboolean     csc_request_require_role     (CscRequest   *req,
                                           const char   *role);
JsonObject  *csc_request_parse_object     (CscRequest   *req,
                                           gboolean      optional,
                                           JsonNode    **root);
gboolean     csc_request_get_optional_string (CscRequest  *req,
                                              JsonObject  *object,
                                              const char  *member,
                                              gsize        max_chars,
                                              const char **value);
gboolean     csc_request_get_string       (CscRequest   *req,
                                           JsonObject   *object,
                                           const char   *member,
                                           gsize         max_chars,
                                           const char  **value);

/* Writes: one transaction per request; replayed for a known Idempotency-Key. */
gboolean     csc_request_begin_write      (CscRequest   *req);
gboolean     csc_request_begin_write_full (CscRequest   *req,
                                           char         *fingerprint,
                                           CscProblem    reused);
void         csc_request_finish_write     (CscRequest   *req,
                                           guint         status,
                                           const char   *json);
void         csc_request_abort_write      (CscRequest   *req);

gboolean     csc_user_has_role            (const CscUser *user,
                                           const char    *role);

/* A change of the caller's part within the open transaction: the event,
 * the new version and summaries, the audit entry; then the commit, with
 * the summary as the response (or {extra_member: extra_json, case: …}). */
typedef struct
{
  const char *action;
  const char *reason;
  char       *detail;
} CscChange;

void         csc_request_commit_change    (CscRequest      *req,
                                           const char      *case_id,
                                           const char      *event_type,
                                           const CscChange *change,
                                           guint            status,
                                           const char      *extra_member,
                                           const char      *extra_json);

/* Handlers */
void         csc_server_handle_sessions   (CscRequest   *req);
void         csc_server_handle_me         (CscRequest   *req);
void         csc_server_handle_matters    (CscRequest   *req);
void         csc_server_handle_calendar   (CscRequest   *req);
void         csc_server_handle_cases      (CscRequest   *req);
void         csc_server_handle_events     (CscRequest   *req);
void         csc_server_handle_decisions  (CscRequest   *req,
                                           const char   *case_id);
void         csc_server_handle_departments (CscRequest  *req);

int          csc_server_substitute_covers (CscDatabase  *db,
                                           const char   *department,
                                           gint64        absent_id,
                                           gint64        substitute_id,
                                           GError      **error);

void         csc_server_notify_events     (CscServer    *self);
GBytes      *csc_server_get_blob          (CscServer    *self,
                                           const char   *sha256,
                                           GError      **error);
guint        csc_server_get_token_ttl     (CscServer    *self);
void         csc_server_forget_token      (CscServer    *self,
                                           const char   *digest);

G_END_DECLS
