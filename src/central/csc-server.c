/* csc-server.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CscServer"

#include "config.h"

#include <string.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

#include "csc-server-private.h"
#include "csc-password.h"
#include "csc-util.h"

/**
 * CscServer:
 *
 * The central API, v1, on a #SoupServer: routing, bearer-token
 * authentication, problem+json errors, idempotent writes and the
 * long-polled event feed. The handlers themselves live in
 * `csc-server-*.c`; this file holds what every request goes through.
 *
 * Everything runs on the main context, one request at a time, so a request
 * sees and leaves the database consistent without locks: each write is one
 * SQLite transaction, committed before its response is sent.
 */

#define DEFAULT_TOKEN_TTL (12 * 60 * 60)
#define MAX_JSON_BODY (1024 * 1024)
/* A signed decision carries its PDF. */
#define MAX_DECISION_BODY (8 * 1024 * 1024)
#define MAX_IDEMPOTENCY_KEY 200
#define LISTEN_BACKLOG 1024

struct _CscServer
{
  GObject          parent_instance;

  CscDatabase     *db;
  SoupServer      *soup;
  GTlsCertificate *certificate;
  GHashTable      *tokens;    /* token digest → CscUser */
  GList           *waiters;   /* EventWaiter, for GET /v1/events */
  GHashTable      *blobs;     /* sha256 → GList link in blob_order */
  GQueue           blob_order;/* BlobEntry, most recently used first */
  guint            token_ttl;
};

/* Material files stay mapped while they are in use: a download then costs
 * no open, mmap and munmap. */
#define MAX_MAPPED_BLOBS 256

typedef struct
{
  char   *sha256;
  GBytes *bytes;
} BlobEntry;

G_DEFINE_FINAL_TYPE (CscServer, csc_server, G_TYPE_OBJECT)

static const struct {
  guint       status;
  const char *code;
  const char *title;
} problems[] = {
  [CSC_PROBLEM_BAD_REQUEST] = { 400, "bad-request", "The request is malformed" },
  [CSC_PROBLEM_INVALID_JSON] = { 400, "invalid-json", "The body is not valid JSON" },
  [CSC_PROBLEM_INVALID_PARAMETER] = { 400, "invalid-parameter", "A query parameter is invalid" },
  [CSC_PROBLEM_INVALID_FIELD] = { 422, "invalid-field", "A field of the request is invalid" },
  [CSC_PROBLEM_UNAUTHORIZED] = { 401, "unauthorized", "Sign-in required" },
  [CSC_PROBLEM_INVALID_CREDENTIALS] = { 401, "invalid-credentials", "Wrong username or password" },
  [CSC_PROBLEM_FORBIDDEN] = { 403, "forbidden", "Your role does not allow this" },
  [CSC_PROBLEM_NOT_FOUND] = { 404, "not-found", "Not found" },
  [CSC_PROBLEM_METHOD_NOT_ALLOWED] = { 405, "method-not-allowed", "Method not allowed" },
  [CSC_PROBLEM_INVALID_TRANSITION] = { 409, "invalid-transition", "The case is not in a state that allows this" },
  [CSC_PROBLEM_NOT_ASSIGNEE] = { 409, "not-assignee", "The case is not claimed by you" },
  [CSC_PROBLEM_IDEMPOTENCY_KEY_REUSED] = { 422, "idempotency-key-reused", "The Idempotency-Key was used for a different request" },
  [CSC_PROBLEM_RULE_VIOLATION] = { 422, "rule-violation", "The request breaks a rule of the procedure" },
  [CSC_PROBLEM_PAYLOAD_TOO_LARGE] = { 413, "payload-too-large", "The request body is too large" },
  [CSC_PROBLEM_LENGTH_REQUIRED] = { 411, "length-required", "The request body needs a Content-Length" },
  [CSC_PROBLEM_UNSUPPORTED_MEDIA_TYPE] = { 415, "unsupported-media-type", "The body must be application/json" },
  [CSC_PROBLEM_RANGE_NOT_SATISFIABLE] = { 416, "range-not-satisfiable", "The requested range is outside the content" },
  [CSC_PROBLEM_CALENDAR_NOT_PUBLISHED] = { 404, "calendar-not-published", "No calendar has been published for that year" },
  [CSC_PROBLEM_STALE_VERSION] = { 409, "stale-version", "The case has changed since this was prepared" },
  [CSC_PROBLEM_IDEMPOTENCY_CONFLICT] = { 409, "idempotency-key-reused", "The Idempotency-Key was used for a different request" },
  [CSC_PROBLEM_INVALID_SIGNATURE] = { 422, "invalid-signature", "The signature does not verify" },
  [CSC_PROBLEM_INVALID_CERTIFICATE] = { 422, "invalid-certificate", "The signer's certificate is not accepted" },
  [CSC_PROBLEM_DOCUMENT_MISMATCH] = { 422, "document-mismatch", "The document is not the one that was signed" },
  [CSC_PROBLEM_INTERNAL] = { 500, "internal", "The server failed" },
};

static void
csc_user_free (CscUser *user)
{
  g_free (user->username);
  g_free (user->name);
  g_free (user->department);
  g_free (user->department_name);
  g_strfreev (user->roles);
  g_free (user);
}

gboolean
csc_user_has_role (const CscUser *user,
                   const char    *role)
{
  return user != NULL && g_strv_contains ((const char * const *)user->roles, role);
}

/* Responses ------------------------------------------------------------- */

void
csc_request_respond_json (CscRequest *req,
                          guint       status,
                          const char *json)
{
  soup_server_message_set_status (req->msg, status, NULL);
  soup_server_message_set_response (req->msg, "application/json", SOUP_MEMORY_COPY,
                                    json, strlen (json));
}

void
csc_request_respond_node (CscRequest *req,
                          guint       status,
                          JsonNode   *node)
{
  g_autofree char *json = csc_json_to_string (node);

  csc_request_respond_json (req, status, json);
}

static void
respond_problem_valist (SoupServerMessage *msg,
                        CscProblem         problem,
                        const char        *field,
                        const char        *format,
                        va_list            args)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *detail = g_strdup_vprintf (format, args);
  g_autofree char *type = g_strconcat ("urn:countersign:problem:", problems[problem].code, NULL);
  g_autofree char *body = NULL;
  gsize length;

  json_builder_begin_object (builder);
  csc_builder_add_string (builder, "type", type);
  csc_builder_add_string (builder, "title", problems[problem].title);
  json_builder_set_member_name (builder, "status");
  json_builder_add_int_value (builder, problems[problem].status);
  csc_builder_add_string (builder, "detail", detail);
  csc_builder_add_string (builder, "code", problems[problem].code);
  if (field != NULL)
    csc_builder_add_string (builder, "field", field);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  body = csc_json_to_string (root);

  length = strlen (body);
  soup_server_message_set_status (msg, problems[problem].status, NULL);
  soup_server_message_set_response (msg, "application/problem+json", SOUP_MEMORY_TAKE,
                                    g_steal_pointer (&body), length);
}

static void
respond_problem (SoupServerMessage *msg,
                 CscProblem         problem,
                 const char        *field,
                 const char        *format,
                 ...)
{
  va_list args;

  va_start (args, format);
  respond_problem_valist (msg, problem, field, format, args);
  va_end (args);
}

void
csc_request_problem (CscRequest *req,
                     CscProblem  problem,
                     const char *field,
                     const char *format,
                     ...)
{
  va_list args;

  va_start (args, format);
  respond_problem_valist (req->msg, problem, field, format, args);
  va_end (args);

  if (problem == CSC_PROBLEM_UNAUTHORIZED || problem == CSC_PROBLEM_INVALID_CREDENTIALS)
    soup_message_headers_replace (soup_server_message_get_response_headers (req->msg),
                                  "WWW-Authenticate", "Bearer realm=\"countersign\"");
}

void
csc_request_internal_error (CscRequest   *req,
                            const GError *error)
{
  g_warning ("%s %s: %s", req->method,
             g_uri_get_path (soup_server_message_get_uri (req->msg)),
             error != NULL ? error->message : "unknown error");
  csc_request_problem (req, CSC_PROBLEM_INTERNAL, NULL,
                       "The server could not complete the request; nothing was changed.");
}

/* Checks ---------------------------------------------------------------- */

gboolean
csc_request_require_role (CscRequest *req,
                          const char *role)
{
  if (csc_user_has_role (req->user, role))
    return TRUE;

  csc_request_problem (req, CSC_PROBLEM_FORBIDDEN, NULL,
                       "This needs the role “%s”, which %s does not have.",
                       role, req->user->username);
  return FALSE;
}

static gboolean
content_type_is_json (SoupServerMessage *msg)
{
  const char *content_type;

  content_type = soup_message_headers_get_content_type (soup_server_message_get_request_headers (msg),
                                                        NULL);

  return content_type != NULL &&
         (g_ascii_strcasecmp (content_type, "application/json") == 0 ||
          g_str_has_suffix (content_type, "+json"));
}

/* Parses the body as one JSON object. An empty body is accepted when
 * @optional, and gives an empty object. */
JsonObject *
csc_request_parse_object (CscRequest  *req,
                          gboolean     optional,
                          JsonNode   **root)
{
  SoupMessageBody *body = soup_server_message_get_request_body (req->msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  *root = NULL;

  if (length == 0)
    {
      if (!optional)
        {
          csc_request_problem (req, CSC_PROBLEM_INVALID_JSON, NULL,
                               "The request needs a JSON object as its body.");
          return NULL;
        }

      node = json_node_init_object (json_node_alloc (), json_object_new ());
      *root = g_steal_pointer (&node);
      return json_node_get_object (*root);
    }

  if (!content_type_is_json (req->msg))
    {
      csc_request_problem (req, CSC_PROBLEM_UNSUPPORTED_MEDIA_TYPE, NULL,
                           "The body must be sent as application/json.");
      return NULL;
    }

  if (length > MAX_JSON_BODY)
    {
      csc_request_problem (req, CSC_PROBLEM_PAYLOAD_TOO_LARGE, NULL,
                           "The body has %" G_GSIZE_FORMAT " bytes; at most %d are accepted.",
                           length, MAX_JSON_BODY);
      return NULL;
    }

  if (!g_utf8_validate (data, length, NULL))
    {
      csc_request_problem (req, CSC_PROBLEM_INVALID_JSON, NULL, "The body is not UTF-8 text.");
      return NULL;
    }

  node = csc_json_parse (data, length, &error);
  if (node == NULL)
    {
      csc_request_problem (req, CSC_PROBLEM_INVALID_JSON, NULL, "%s", error->message);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      csc_request_problem (req, CSC_PROBLEM_INVALID_JSON, NULL, "The body must be a JSON object.");
      return NULL;
    }

  *root = g_steal_pointer (&node);
  return json_node_get_object (*root);
}

gboolean
csc_request_get_optional_string (CscRequest  *req,
                                 JsonObject  *object,
                                 const char  *member,
                                 gsize        max_chars,
                                 const char **value)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *text;

  *value = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (json_node_get_value_type (node) != G_TYPE_STRING)
    {
      csc_request_problem (req, CSC_PROBLEM_INVALID_FIELD, member,
                           "“%s” must be a string.", member);
      return FALSE;
    }

  text = json_node_get_string (node);
  if (g_utf8_strlen (text, -1) > (glong)max_chars)
    {
      csc_request_problem (req, CSC_PROBLEM_INVALID_FIELD, member,
                           "“%s” is longer than %" G_GSIZE_FORMAT " characters.",
                           member, max_chars);
      return FALSE;
    }

  *value = text;
  return TRUE;
}

gboolean
csc_request_get_string (CscRequest  *req,
                        JsonObject  *object,
                        const char  *member,
                        gsize        max_chars,
                        const char **value)
{
  if (!csc_request_get_optional_string (req, object, member, max_chars, value))
    return FALSE;

  if (*value == NULL || **value == '\0')
    {
      csc_request_problem (req, CSC_PROBLEM_INVALID_FIELD, member,
                           "“%s” is required.", member);
      return FALSE;
    }

  return TRUE;
}

/* Idempotent writes ------------------------------------------------------ */

static char *
request_fingerprint (CscRequest *req)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GBytes) body = NULL;
  gsize length;
  const guchar *data;

  body = soup_message_body_flatten (soup_server_message_get_request_body (req->msg));
  data = g_bytes_get_data (body, &length);

  g_checksum_update (checksum, (const guchar *)req->method, -1);
  g_checksum_update (checksum, (const guchar *)" ", 1);
  g_checksum_update (checksum, (const guchar *)g_uri_get_path (soup_server_message_get_uri (req->msg)), -1);
  g_checksum_update (checksum, (const guchar *)"\n", 1);
  if (length > 0)
    g_checksum_update (checksum, data, length);

  return g_strdup (g_checksum_get_string (checksum));
}

/* Starts the transaction of a write. When the request carries an
 * Idempotency-Key that this user has used before, the first response is
 * sent again (or a 422 if the key came with a different request) and FALSE
 * is returned: the handler must not act a second time. */
gboolean
csc_request_begin_write (CscRequest *req)
{
  return csc_request_begin_write_full (req, NULL, CSC_PROBLEM_IDEMPOTENCY_KEY_REUSED);
}

/* As csc_request_begin_write(), with the request's own @fingerprint (taken;
 * NULL for the method, path and body) and the problem a reused key gets. A
 * multipart request is fingerprinted by its parts, so that a retry whose
 * boundary differs is still the same request. */
gboolean
csc_request_begin_write_full (CscRequest *req,
                              char       *fingerprint,
                              CscProblem  reused)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *given_fingerprint = fingerprint;
  const char *key;

  key = soup_message_headers_get_one (soup_server_message_get_request_headers (req->msg),
                                      "Idempotency-Key");
  if (key != NULL)
    {
      g_autoptr(CscStatement) stmt = NULL;
      gsize len = strlen (key);

      if (len == 0 || len > MAX_IDEMPOTENCY_KEY)
        {
          csc_request_problem (req, CSC_PROBLEM_BAD_REQUEST, "Idempotency-Key",
                               "An Idempotency-Key has 1 to %d characters.", MAX_IDEMPOTENCY_KEY);
          return FALSE;
        }
      for (gsize i = 0; i < len; i++)
        if (!g_ascii_isgraph (key[i]))
          {
            csc_request_problem (req, CSC_PROBLEM_BAD_REQUEST, "Idempotency-Key",
                                 "An Idempotency-Key is printable ASCII without spaces.");
            return FALSE;
          }

      req->idempotency_key = g_strdup (key);
      req->fingerprint = given_fingerprint != NULL ? g_steal_pointer (&given_fingerprint)
                                                   : request_fingerprint (req);

      stmt = csc_database_prepare (req->db,
                                   "SELECT fingerprint, status, body FROM idempotency"
                                   " WHERE user_id = ? AND key = ?",
                                   &error);
      if (stmt == NULL)
        {
          csc_request_internal_error (req, error);
          return FALSE;
        }

      sqlite3_bind_int64 (stmt, 1, req->user->id);
      sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          if (g_strcmp0 (csc_column_text (stmt, 0), req->fingerprint) != 0)
            {
              csc_request_problem (req, reused, "Idempotency-Key",
                                   "The key “%s” was already used for a different request.", key);
              return FALSE;
            }

          csc_request_respond_json (req, sqlite3_column_int (stmt, 1), csc_column_text (stmt, 2));
          soup_message_headers_replace (soup_server_message_get_response_headers (req->msg),
                                        "Idempotent-Replayed", "true");
          return FALSE;
        }
    }

  if (!csc_database_begin (req->db, &error))
    {
      csc_request_internal_error (req, error);
      return FALSE;
    }

  return TRUE;
}

void
csc_request_abort_write (CscRequest *req)
{
  csc_database_rollback (req->db);
}

/* Commits the write with its response; the response is remembered under
 * the request's Idempotency-Key in the same transaction, so that a retry
 * after a lost response gets it back instead of acting twice. */
void
csc_request_finish_write (CscRequest *req,
                          guint       status,
                          const char *json)
{
  g_autoptr(GError) error = NULL;

  if (req->idempotency_key != NULL)
    {
      g_autoptr(CscStatement) stmt = NULL;

      stmt = csc_database_prepare (req->db,
                                   "INSERT INTO idempotency (user_id, key, fingerprint, status,"
                                   " body, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                                   &error);
      if (stmt == NULL)
        goto failed;

      sqlite3_bind_int64 (stmt, 1, req->user->id);
      sqlite3_bind_text (stmt, 2, req->idempotency_key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, req->fingerprint, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, status);
      sqlite3_bind_text (stmt, 5, json, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 6, g_get_real_time () / G_USEC_PER_SEC);
      if (!csc_database_step_done (req->db, stmt, &error))
        goto failed;
    }

  if (!csc_database_commit (req->db, &error))
    goto failed;

  csc_request_respond_json (req, status, json);
  csc_server_notify_events (req->server);
  return;

failed:
  csc_database_rollback (req->db);
  csc_request_internal_error (req, error);
}

/* Authentication ---------------------------------------------------------- */

guint
csc_server_get_token_ttl (CscServer *self)
{
  return self->token_ttl;
}

void
csc_server_forget_token (CscServer  *self,
                         const char *digest)
{
  g_hash_table_remove (self->tokens, digest);
}

static CscUser *
load_token (CscServer   *self,
            const char  *digest,
            GError     **error)
{
  g_autoptr(CscStatement) stmt = NULL;
  CscUser *user;

  stmt = csc_database_prepare (self->db,
                               "SELECT u.id, u.username, u.name, u.department, d.name, u.roles,"
                               " t.expires_at"
                               " FROM tokens t JOIN users u ON u.id = t.user_id"
                               " JOIN departments d ON d.code = u.department"
                               " WHERE t.token_hash = ?",
                               error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, digest, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  user = g_new0 (CscUser, 1);
  user->id = sqlite3_column_int64 (stmt, 0);
  user->username = g_strdup (csc_column_text (stmt, 1));
  user->name = g_strdup (csc_column_text (stmt, 2));
  user->department = g_strdup (csc_column_text (stmt, 3));
  user->department_name = g_strdup (csc_column_text (stmt, 4));
  user->roles = g_strsplit (csc_column_text (stmt, 5), " ", -1);
  user->expires_at = sqlite3_column_int64 (stmt, 6);

  g_hash_table_insert (self->tokens, g_strdup (digest), user);
  return user;
}

static gboolean
authenticate (CscRequest *req)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *digest = NULL;
  const char *header;
  const char *token;
  CscUser *user;

  header = soup_message_headers_get_one (soup_server_message_get_request_headers (req->msg),
                                         "Authorization");
  if (header == NULL || g_ascii_strncasecmp (header, "Bearer ", 7) != 0)
    {
      csc_request_problem (req, CSC_PROBLEM_UNAUTHORIZED, NULL,
                           "Sign in with POST /v1/sessions and send the token as "
                           "“Authorization: Bearer TOKEN”.");
      return FALSE;
    }

  token = header + 7;
  while (*token == ' ')
    token++;

  digest = csc_token_digest (token);
  user = g_hash_table_lookup (req->server->tokens, digest);
  if (user == NULL)
    user = load_token (req->server, digest, &error);

  if (error != NULL)
    {
      csc_request_internal_error (req, error);
      return FALSE;
    }

  if (user == NULL)
    {
      csc_request_problem (req, CSC_PROBLEM_UNAUTHORIZED, NULL,
                           "The token is unknown or has been revoked; sign in again.");
      return FALSE;
    }

  if (user->expires_at <= g_get_real_time () / G_USEC_PER_SEC)
    {
      g_hash_table_remove (req->server->tokens, digest);
      csc_request_problem (req, CSC_PROBLEM_UNAUTHORIZED, NULL,
                           "The session has expired; sign in again.");
      return FALSE;
    }

  req->user = user;
  req->token_digest = g_steal_pointer (&digest);
  return TRUE;
}

/* Routing ------------------------------------------------------------------- */

/* Path segments are IDs and names: a strict alphabet keeps encoded slashes,
 * dot segments and other path tricks out of every handler. */
static gboolean
segment_is_valid (const char *segment)
{
  gsize len = strlen (segment);

  if (len == 0 || len > 128 || segment[0] == '.')
    return FALSE;

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (segment[i]) && segment[i] != '-' && segment[i] != '_' &&
        segment[i] != '.')
      return FALSE;

  return TRUE;
}

static void
handle_v1 (SoupServer        *soup,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  CscServer *self = user_data;
  g_auto(GStrv) segments = NULL;
  CscRequest req = { 0 };
  const char *resource;

  req.server = self;
  req.db = self->db;
  req.msg = msg;
  req.method = soup_server_message_get_method (msg);
  req.query = query;

  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Cache-Control", "no-store");

  if (!g_str_has_prefix (path, "/v1/"))
    {
      respond_problem (msg, CSC_PROBLEM_NOT_FOUND, NULL, "The API lives under /v1/.");
      return;
    }

  segments = g_strsplit (path + strlen ("/v1/"), "/", 8);
  req.segments = segments;
  req.n_segments = g_strv_length (segments);

  /* A trailing slash names the same resource. */
  if (req.n_segments > 1 && segments[req.n_segments - 1][0] == '\0')
    {
      g_clear_pointer (&segments[req.n_segments - 1], g_free);
      req.n_segments--;
    }

  for (guint i = 0; i < req.n_segments; i++)
    if (!segment_is_valid (segments[i]))
      {
        respond_problem (msg, CSC_PROBLEM_NOT_FOUND, NULL, "There is no resource at %s.", path);
        return;
      }

  resource = segments[0];

  if (g_str_equal (resource, "sessions") && req.n_segments == 1 &&
      g_str_equal (req.method, SOUP_METHOD_POST))
    {
      csc_server_handle_sessions (&req);
      goto out;
    }

  if (!authenticate (&req))
    goto out;

  if (g_str_equal (resource, "sessions"))
    csc_server_handle_sessions (&req);
  else if (g_str_equal (resource, "me"))
    csc_server_handle_me (&req);
  else if (g_str_equal (resource, "matters"))
    csc_server_handle_matters (&req);
  else if (g_str_equal (resource, "calendar"))
    csc_server_handle_calendar (&req);
  else if (g_str_equal (resource, "cases"))
    csc_server_handle_cases (&req);
  else if (g_str_equal (resource, "events"))
    csc_server_handle_events (&req);
  else if (g_str_equal (resource, "departments"))
    csc_server_handle_departments (&req);
  else
    csc_request_problem (&req, CSC_PROBLEM_NOT_FOUND, NULL, "There is no resource at %s.", path);

out:
  /* A handler that forgot to answer must not leave the client hanging. */
  if (soup_server_message_get_status (msg) == 0 && !req.paused)
    {
      g_critical ("%s %s got no response", req.method, path);
      respond_problem (msg, CSC_PROBLEM_INTERNAL, NULL, "The request was not handled.");
    }

  csc_database_rollback (self->db);
  g_free (req.idempotency_key);
  g_free (req.fingerprint);
  g_free (req.token_digest);
}

static void
handle_other (SoupServer        *soup,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  respond_problem (msg, CSC_PROBLEM_NOT_FOUND, NULL, "The API lives under /v1/.");
}

/* Answers with a problem and hangs up, without reading the request body:
 * libsoup would otherwise read all of it into memory, however large,
 * before any handler could refuse it. */
static void
refuse_body (SoupServerMessage *msg,
             CscProblem         problem,
             const char        *format,
             ...)
{
  g_autoptr(GIOStream) stream = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *head = NULL;
  va_list args;

  va_start (args, format);
  respond_problem_valist (msg, problem, NULL, format, args);
  va_end (args);

  body = soup_message_body_flatten (soup_server_message_get_response_body (msg));
  head = g_strdup_printf ("HTTP/1.1 %u %s\r\n"
                          "Content-Type: application/problem+json\r\n"
                          "Content-Length: %" G_GSIZE_FORMAT "\r\n"
                          "Connection: close\r\n\r\n",
                          problems[problem].status,
                          soup_status_get_phrase (problems[problem].status),
                          g_bytes_get_size (body));

  stream = soup_server_message_steal_connection (msg);
  if (stream != NULL)
    {
      GOutputStream *out = g_io_stream_get_output_stream (stream);

      /* A few hundred bytes into an empty socket buffer: this does not
       * block; a client that reads nothing loses only its answer. */
      g_output_stream_write_all (out, head, strlen (head), NULL, NULL, NULL);
      g_output_stream_write_all (out, g_bytes_get_data (body, NULL), g_bytes_get_size (body),
                                 NULL, NULL, NULL);
      g_io_stream_close (stream, NULL, NULL);
    }
}

/* Refuses an oversized body from its headers, before it is read. A body
 * without a Content-Length (chunked) is refused as well: its size is known
 * only once it has all been read, and a hostile client need not stop. */
static void
check_request_size (SoupServer        *soup,
                    SoupServerMessage *msg,
                    const char        *path,
                    GHashTable        *query,
                    gpointer           user_data)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  int limit = MAX_JSON_BODY;
  goffset length;

  if (path != NULL && g_str_has_prefix (path, "/v1/cases/") &&
      (g_str_has_suffix (path, "/decisions") || g_str_has_suffix (path, "/decisions/")))
    limit = MAX_DECISION_BODY;

  switch (soup_message_headers_get_encoding (headers))
    {
    case SOUP_ENCODING_CHUNKED:
      refuse_body (msg, CSC_PROBLEM_LENGTH_REQUIRED,
                   "Send the body with a Content-Length (at most %d bytes).", limit);
      break;

    case SOUP_ENCODING_CONTENT_LENGTH:
      length = soup_message_headers_get_content_length (headers);
      if (length > limit)
        refuse_body (msg, CSC_PROBLEM_PAYLOAD_TOO_LARGE,
                     "The body has %" G_GOFFSET_FORMAT " bytes; at most %d are accepted.",
                     length, limit);
      break;

    default:
      break;
    }
}

/* libsoup writes a response's headers and body separately; with Nagle's
 * algorithm the body then waits for the client's delayed ACK, adding tens
 * of milliseconds to a response on a kept-alive connection. */
static void
disable_nagle (SoupServer        *soup,
               SoupServerMessage *msg,
               gpointer           user_data)
{
  GSocket *socket = soup_server_message_get_socket (msg);

  if (socket != NULL && g_socket_get_family (socket) != G_SOCKET_FAMILY_UNIX)
    g_socket_set_option (socket, IPPROTO_TCP, TCP_NODELAY, 1, NULL);
}

/* libsoup refuses some requests itself (a malformed request line, a path it
 * cannot parse) before any handler runs; give those the same problem+json
 * body as every other error. */
static void
explain_refusal (SoupServer        *soup,
                 SoupServerMessage *msg,
                 gpointer           user_data)
{
  guint status = soup_server_message_get_status (msg);
  SoupMessageBody *body = soup_server_message_get_response_body (msg);

  if (status >= 400 && status < 500 && body->length == 0)
    {
      CscProblem problem = CSC_PROBLEM_BAD_REQUEST;

      for (guint i = 0; i < G_N_ELEMENTS (problems); i++)
        if (problems[i].status == status)
          {
            problem = i;
            break;
          }

      respond_problem (msg, problem, NULL, "The request could not be understood.");
    }
}

/* Object ---------------------------------------------------------------- */

typedef struct
{
  CscServer         *server;
  SoupServerMessage *msg;
  char              *department;
  gint64             after;
  guint              timeout_id;
  gulong             finished_id;
} EventWaiter;

static void waiter_remove (EventWaiter *waiter);

static void
blob_entry_free (gpointer data)
{
  BlobEntry *entry = data;

  g_free (entry->sha256);
  g_bytes_unref (entry->bytes);
  g_free (entry);
}

GBytes *
csc_server_get_blob (CscServer   *self,
                     const char  *sha256,
                     GError     **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autofree char *blob_dir = NULL;
  g_autofree char *path = NULL;
  BlobEntry *entry;
  GList *link;

  link = g_hash_table_lookup (self->blobs, sha256);
  if (link != NULL)
    {
      g_queue_unlink (&self->blob_order, link);
      g_queue_push_head_link (&self->blob_order, link);
      return g_bytes_ref (((BlobEntry *)link->data)->bytes);
    }

  blob_dir = csc_database_dup_blob_dir (self->db);
  path = g_build_filename (blob_dir, (char[]){ sha256[0], sha256[1], '\0' }, sha256, NULL);
  file = g_mapped_file_new (path, FALSE, error);
  if (file == NULL)
    return NULL;

  entry = g_new0 (BlobEntry, 1);
  entry->sha256 = g_strdup (sha256);
  entry->bytes = g_mapped_file_get_bytes (file);
  g_queue_push_head (&self->blob_order, entry);
  g_hash_table_insert (self->blobs, entry->sha256, self->blob_order.head);

  if (self->blob_order.length > MAX_MAPPED_BLOBS)
    {
      BlobEntry *oldest = g_queue_pop_tail (&self->blob_order);

      g_hash_table_remove (self->blobs, oldest->sha256);
      blob_entry_free (oldest);
    }

  return g_bytes_ref (entry->bytes);
}

static void
csc_server_dispose (GObject *object)
{
  CscServer *self = (CscServer *)object;

  while (self->waiters != NULL)
    {
      EventWaiter *waiter = self->waiters->data;

      respond_problem (waiter->msg, CSC_PROBLEM_INTERNAL, NULL, "The server is shutting down.");
      soup_server_message_unpause (waiter->msg);
      waiter_remove (waiter);
    }

  if (self->soup != NULL)
    soup_server_disconnect (self->soup);

  g_clear_object (&self->soup);
  g_clear_object (&self->certificate);
  g_clear_object (&self->db);
  g_clear_pointer (&self->tokens, g_hash_table_unref);
  g_clear_pointer (&self->blobs, g_hash_table_unref);
  g_queue_clear_full (&self->blob_order, blob_entry_free);

  G_OBJECT_CLASS (csc_server_parent_class)->dispose (object);
}

static void
csc_server_class_init (CscServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = csc_server_dispose;
}

static void
csc_server_init (CscServer *self)
{
  self->token_ttl = DEFAULT_TOKEN_TTL;
  self->tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify)csc_user_free);
  self->blobs = g_hash_table_new (g_str_hash, g_str_equal);
  g_queue_init (&self->blob_order);
}

CscServer *
csc_server_new (CscDatabase      *database,
                GTlsCertificate  *certificate,
                GError          **error)
{
  g_autoptr(CscServer) self = NULL;

  g_return_val_if_fail (CSC_IS_DATABASE (database), NULL);
  g_return_val_if_fail (certificate == NULL || G_IS_TLS_CERTIFICATE (certificate), NULL);

  self = g_object_new (CSC_TYPE_SERVER, NULL);
  self->db = g_object_ref (database);
  g_set_object (&self->certificate, certificate);

  /* Raw paths: percent-encoded slashes and dots reach the router still
   * encoded, where the strict segment alphabet refuses them. */
  self->soup = soup_server_new ("server-header", "countersign-central/" PACKAGE_VERSION " ",
                                "tls-certificate", certificate,
                                "raw-paths", TRUE,
                                NULL);

  g_signal_connect (self->soup, "request-started", G_CALLBACK (disable_nagle), NULL);
  g_signal_connect (self->soup, "request-read", G_CALLBACK (explain_refusal), NULL);

  /* libsoup keeps one early handler per path, beside the handler of the
   * same path: the check goes on every path that has a handler. */
  soup_server_add_early_handler (self->soup, "/v1", check_request_size, self, NULL);
  soup_server_add_early_handler (self->soup, NULL, check_request_size, self, NULL);
  soup_server_add_handler (self->soup, "/v1", handle_v1, self, NULL);
  soup_server_add_handler (self->soup, NULL, handle_other, self, NULL);

  return g_steal_pointer (&self);
}

void
csc_server_set_token_ttl (CscServer *self,
                          guint      seconds)
{
  g_return_if_fail (CSC_IS_SERVER (self));
  g_return_if_fail (seconds > 0);

  self->token_ttl = seconds;
}

gboolean
csc_server_listen (CscServer   *self,
                   const char  *address,
                   GError     **error)
{
  g_autoptr(GSocketConnectable) connectable = NULL;
  g_autoptr(GInetAddress) inet = NULL;
  g_autoptr(GSocketAddress) socket_address = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autofree char *host = NULL;
  guint16 port;
  SoupServerListenOptions options = 0;

  g_return_val_if_fail (CSC_IS_SERVER (self), FALSE);

  connectable = g_network_address_parse (address, 0, error);
  if (connectable == NULL)
    return FALSE;

  host = g_strdup (g_network_address_get_hostname (G_NETWORK_ADDRESS (connectable)));
  port = g_network_address_get_port (G_NETWORK_ADDRESS (connectable));

  if (g_str_equal (host, "localhost"))
    inet = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  else
    inet = g_inet_address_new_from_string (host);

  if (inet == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "“%s” is not an IP address to listen on (for example 127.0.0.1:8080)",
                   address);
      return FALSE;
    }

  socket_address = g_inet_socket_address_new (inet, port);

  /* Our own socket, for its backlog: GLib's default of 10 drops the
   * handshakes of a burst of clients, who then wait out a retransmission. */
  socket = g_socket_new (g_inet_address_get_family (inet), G_SOCKET_TYPE_STREAM,
                         G_SOCKET_PROTOCOL_TCP, error);
  if (socket == NULL)
    return FALSE;

  g_socket_set_listen_backlog (socket, LISTEN_BACKLOG);
  if (!g_socket_bind (socket, socket_address, TRUE, error) ||
      !g_socket_listen (socket, error))
    return FALSE;

  if (self->certificate != NULL)
    options |= SOUP_SERVER_LISTEN_HTTPS;

  return soup_server_listen_socket (self->soup, socket, options, error);
}

char *
csc_server_dup_url (CscServer *self)
{
  GSList *uris;
  char *url = NULL;

  g_return_val_if_fail (CSC_IS_SERVER (self), NULL);

  uris = soup_server_get_uris (self->soup);
  if (uris != NULL)
    {
      GUri *uri = uris->data;

      url = g_strdup_printf ("%s://%s:%d", g_uri_get_scheme (uri), g_uri_get_host (uri),
                             g_uri_get_port (uri));
    }

  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);
  return url;
}

/* Events ---------------------------------------------------------------------- */

#define MAX_EVENTS_PER_RESPONSE 200
#define MAX_EVENT_TIMEOUT 60
#define DEFAULT_EVENT_TIMEOUT 25

static gint64
event_head (CscServer *self)
{
  sqlite3_stmt *stmt;
  gint64 head = 0;

  stmt = csc_database_prepare (self->db, "SELECT COALESCE(MAX(seq), 0) FROM events", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    head = sqlite3_column_int64 (stmt, 0);
  csc_statement_release (stmt);

  return head;
}

/* Answers with the events after @after that @department may see, or
 * returns FALSE (and sends nothing) when there are none and @wait is set. */
static gboolean
respond_events (CscServer         *self,
                SoupServerMessage *msg,
                const char        *department,
                gint64             after,
                gboolean           wait)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(CscStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  gint64 last_seq;
  guint count = 0;
  gsize length;

  /* Read the head first: an event committed later cannot be skipped. */
  last_seq = MAX (after, event_head (self));

  stmt = csc_database_prepare (self->db,
                               "SELECT e.seq, e.type, e.case_id, e.at FROM event_departments v"
                               " JOIN events e ON e.seq = v.seq"
                               " WHERE v.department = ? AND v.seq > ? AND v.seq <= ?"
                               " ORDER BY v.seq LIMIT ?",
                               &error);
  if (stmt == NULL)
    {
      respond_problem (msg, CSC_PROBLEM_INTERNAL, NULL, "The event feed failed.");
      return TRUE;
    }

  sqlite3_bind_text (stmt, 1, department, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, after);
  sqlite3_bind_int64 (stmt, 3, last_seq);
  sqlite3_bind_int (stmt, 4, MAX_EVENTS_PER_RESPONSE);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "events");
  json_builder_begin_array (builder);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "seq");
      json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 0));
      csc_builder_add_column_text (builder, "type", stmt, 1);
      csc_builder_add_column_text (builder, "case_id", stmt, 2);
      csc_builder_add_column_text (builder, "at", stmt, 3);
      json_builder_end_object (builder);

      /* A full page ends where it ends, so the client asks on from there. */
      if (++count == MAX_EVENTS_PER_RESPONSE)
        last_seq = sqlite3_column_int64 (stmt, 0);
    }
  json_builder_end_array (builder);

  if (count == 0 && wait)
    return FALSE;

  json_builder_set_member_name (builder, "last_seq");
  json_builder_add_int_value (builder, last_seq);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  body = csc_json_to_string (root);
  length = strlen (body);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE,
                                    g_steal_pointer (&body), length);
  return TRUE;
}

static void
waiter_remove (EventWaiter *waiter)
{
  CscServer *self = waiter->server;

  self->waiters = g_list_remove (self->waiters, waiter);
  g_clear_handle_id (&waiter->timeout_id, g_source_remove);
  g_clear_signal_handler (&waiter->finished_id, waiter->msg);
  g_object_unref (waiter->msg);
  g_free (waiter->department);
  g_free (waiter);
}

static gboolean
waiter_timeout (gpointer data)
{
  EventWaiter *waiter = data;

  waiter->timeout_id = 0;
  respond_events (waiter->server, waiter->msg, waiter->department, waiter->after, FALSE);
  soup_server_message_unpause (waiter->msg);
  waiter_remove (waiter);

  return G_SOURCE_REMOVE;
}

static void
waiter_finished (SoupServerMessage *msg,
                 EventWaiter       *waiter)
{
  waiter_remove (waiter);
}

void
csc_server_notify_events (CscServer *self)
{
  GList *l = self->waiters;

  while (l != NULL)
    {
      EventWaiter *waiter = l->data;

      l = l->next;

      if (respond_events (self, waiter->msg, waiter->department, waiter->after, TRUE))
        {
          soup_server_message_unpause (waiter->msg);
          waiter_remove (waiter);
        }
    }
}

static gboolean
parse_int_param (CscRequest *req,
                 const char *name,
                 gint64      min,
                 gint64      max,
                 gint64      fallback,
                 gint64     *value)
{
  const char *text = req->query != NULL ? g_hash_table_lookup (req->query, name) : NULL;
  g_autoptr(GError) error = NULL;

  if (text == NULL)
    {
      *value = fallback;
      return TRUE;
    }

  if (!g_ascii_string_to_signed (text, 10, min, max, value, &error))
    {
      csc_request_problem (req, CSC_PROBLEM_INVALID_PARAMETER, name,
                           "“%s” must be a whole number from %" G_GINT64_FORMAT
                           " to %" G_GINT64_FORMAT ".", name, min, max);
      return FALSE;
    }

  return TRUE;
}

void
csc_server_handle_events (CscRequest *req)
{
  CscServer *self = req->server;
  EventWaiter *waiter;
  gint64 after;
  gint64 timeout;

  if (req->n_segments != 1)
    {
      csc_request_problem (req, CSC_PROBLEM_NOT_FOUND, NULL, "There is no such resource.");
      return;
    }

  if (!g_str_equal (req->method, SOUP_METHOD_GET))
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (req->msg),
                                    "Allow", "GET");
      csc_request_problem (req, CSC_PROBLEM_METHOD_NOT_ALLOWED, NULL, "Use GET.");
      return;
    }

  if (!parse_int_param (req, "after", 0, G_MAXINT64, -1, &after) ||
      !parse_int_param (req, "timeout", 0, MAX_EVENT_TIMEOUT, DEFAULT_EVENT_TIMEOUT, &timeout))
    return;

  /* Without "after" the client learns where the feed stands, to follow it. */
  if (after < 0)
    {
      respond_events (self, req->msg, req->user->department, event_head (self), FALSE);
      return;
    }

  if (timeout == 0 || respond_events (self, req->msg, req->user->department, after, TRUE))
    {
      if (soup_server_message_get_status (req->msg) == 0)
        respond_events (self, req->msg, req->user->department, after, FALSE);
      return;
    }

  waiter = g_new0 (EventWaiter, 1);
  waiter->server = self;
  waiter->msg = g_object_ref (req->msg);
  waiter->department = g_strdup (req->user->department);
  waiter->after = after;
  waiter->timeout_id = g_timeout_add (timeout * 1000, waiter_timeout, waiter);
  waiter->finished_id = g_signal_connect (req->msg, "finished",
                                          G_CALLBACK (waiter_finished), waiter);
  self->waiters = g_list_prepend (self->waiters, waiter);

  req->paused = TRUE;
  soup_server_message_pause (req->msg);
}
