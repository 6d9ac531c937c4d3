/* cs-client.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsClient"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "cs-client.h"
#include "cs-department-stats.h"
#include "cs-error.h"
#include "cs-json-private.h"

/**
 * CsClient:
 *
 * The central API's client: one libsoup session per server, the bearer
 * token, and every call of the v1 contract as an `_async`/`_finish` pair.
 * Refusals (problem+json) become #CS_ERROR errors with a message written
 * for the person at the desk; the server's own detail follows in
 * parentheses.
 *
 * TLS uses the system's trust store. A CA file, when set, is trusted in
 * addition; a certificate neither accepts is refused, never waved through.
 */
struct _CsClient
{
  GObject parent_instance;

  char *server_url;          /* no trailing slash */
  char *host;
  SoupSession *session;
  GTlsDatabase *extra_ca;
  char *token;
};

G_DEFINE_FINAL_TYPE (CsClient, cs_client, G_TYPE_OBJECT)

#define DOWNLOAD_CHUNK (64 * 1024)

typedef struct
{
  SoupMessage *message;
  GInputStream *stream;
  GByteArray *buffer;
  gsize filled;
  gsize reserved;         /* what the buffer was sized for, from Content-Length */
  guint status;
  GBytes *body;
  char *etag;
  gboolean replayed;
  CsNextPageFunc next_func;   /* told the next page from the headers */
  gpointer next_data;
} Response;

static void
response_free (Response *response)
{
  g_clear_object (&response->stream);
  g_clear_pointer (&response->buffer, g_byte_array_unref);
  g_clear_object (&response->message);
  g_clear_pointer (&response->body, g_bytes_unref);
  g_free (response->etag);
  g_free (response);
}

void
cs_case_page_free (CsCasePage *page)
{
  g_clear_pointer (&page->cases, g_ptr_array_unref);
  g_free (page->next_cursor);
  g_free (page);
}

void
cs_write_result_free (CsWriteResult *result)
{
  g_clear_pointer (&result->body, json_node_unref);
  g_free (result);
}

static void
cs_client_finalize (GObject *object)
{
  CsClient *self = (CsClient *) object;

  g_free (self->server_url);
  g_free (self->host);
  g_clear_object (&self->session);
  g_clear_object (&self->extra_ca);
  if (self->token != NULL)
    memset (self->token, 0, strlen (self->token));
  g_free (self->token);

  G_OBJECT_CLASS (cs_client_parent_class)->finalize (object);
}

static void
cs_client_class_init (CsClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cs_client_finalize;
}

static void
cs_client_init (CsClient *self)
{
  self->session = soup_session_new_with_options ("user-agent", PACKAGE_NAME "/" PACKAGE_VERSION,
                                                 "timeout", 90,
                                                 "idle-timeout", 60,
                                                 NULL);
}

/**
 * cs_client_normalize_url:
 * @server_url: a server's base URL, e.g. `https://central.example:8443/`
 * @error: return location for a %CS_ERROR_INVALID
 *
 * Returns: (transfer full) (nullable): @server_url without a trailing
 *   slash, the form the keyring and the cache key on, or %NULL when it is
 *   not an http or https URL
 */
char *
cs_client_normalize_url (const char  *server_url,
                         GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *text = NULL;
  const char *scheme;
  gsize len;

  if (server_url != NULL)
    uri = g_uri_parse (server_url, G_URI_FLAGS_NONE, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' ||
      (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0) ||
      g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL ||
      g_uri_get_userinfo (uri) != NULL)
    {
      g_set_error (error, CS_ERROR, CS_ERROR_INVALID,
                   _("“%s” is not a server address: give an http:// or https:// URL"),
                   server_url != NULL ? server_url : "");
      return NULL;
    }

  text = g_uri_to_string (uri);
  len = strlen (text);
  while (len > 0 && text[len - 1] == '/')
    text[--len] = '\0';
  return g_steal_pointer (&text);
}

static gboolean
is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

/**
 * cs_client_new:
 * @server_url: the server's base URL (the one without `/v1`)
 * @error: return location for a %CS_ERROR_INVALID
 *
 * Returns: (transfer full) (nullable): a client, or %NULL for a bad URL
 */
CsClient *
cs_client_new (const char  *server_url,
               GError     **error)
{
  g_autofree char *url = cs_client_normalize_url (server_url, error);
  g_autoptr(GUri) uri = NULL;
  CsClient *self;

  if (url == NULL)
    return NULL;

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  self = g_object_new (CS_TYPE_CLIENT, NULL);
  self->server_url = g_steal_pointer (&url);
  self->host = g_strdup (g_uri_get_host (uri));

  /* No proxy ever stands between us and this machine; asking the system's
   * proxy settings would cost the first request some 12 ms for nothing. */
  if (is_loopback (self->host))
    soup_session_set_proxy_resolver (self->session, NULL);

  return self;
}

const char *
cs_client_get_server_url (CsClient *self)
{
  g_return_val_if_fail (CS_IS_CLIENT (self), NULL);
  return self->server_url;
}

/**
 * cs_client_set_ca_file:
 * @self: a #CsClient
 * @path: (nullable): a PEM file of CA certificates to trust in addition to
 *   the system's, or %NULL for the system's alone
 * @error: return location for a %CS_ERROR_TLS
 *
 * Returns: %TRUE when the file could be read
 */
gboolean
cs_client_set_ca_file (CsClient    *self,
                       const char  *path,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  GTlsDatabase *database = NULL;

  g_return_val_if_fail (CS_IS_CLIENT (self), FALSE);

  if (path != NULL)
    {
      database = g_tls_file_database_new (path, &local_error);
      if (database == NULL)
        {
          g_set_error (error, CS_ERROR, CS_ERROR_TLS,
                       _("The CA file “%s” cannot be used: %s"), path, local_error->message);
          return FALSE;
        }
    }

  g_clear_object (&self->extra_ca);
  self->extra_ca = database;
  return TRUE;
}

/**
 * cs_client_set_token:
 * @self: a #CsClient
 * @token: (nullable): the session's bearer token
 *
 * Sets the token sent with every request. The client keeps it in memory
 * only; the keyring keeps it across runs.
 */
void
cs_client_set_token (CsClient   *self,
                     const char *token)
{
  g_return_if_fail (CS_IS_CLIENT (self));

  if (self->token != NULL)
    memset (self->token, 0, strlen (self->token));
  g_free (self->token);
  self->token = g_strdup (token);
}

gboolean
cs_client_has_token (CsClient *self)
{
  g_return_val_if_fail (CS_IS_CLIENT (self), FALSE);
  return self->token != NULL;
}

/* The system refused the certificate: accept it only when it chains to the
 * configured extra CA and names this host. */
static gboolean
on_accept_certificate (SoupMessage          *message,
                       GTlsCertificate      *certificate,
                       GTlsCertificateFlags  errors,
                       CsClient             *self)
{
  g_autoptr(GSocketConnectable) identity = NULL;
  GTlsCertificateFlags flags;

  if (self->extra_ca == NULL)
    return FALSE;

  identity = g_network_address_new (self->host, 0);
  flags = g_tls_database_verify_chain (self->extra_ca, certificate,
                                       G_TLS_DATABASE_PURPOSE_AUTHENTICATE_SERVER,
                                       identity, NULL, G_TLS_DATABASE_VERIFY_NONE,
                                       NULL, NULL);
  return flags == 0;
}

static const char *
problem_message (const char *code,
                 guint       status)
{
  static const struct { const char *code; const char *message; } messages[] = {
    { "unauthorized", N_("Your session has ended. Please sign in again.") },
    { "invalid-credentials", N_("The username or the password is wrong.") },
    { "forbidden", N_("Your role does not allow this.") },
    { "not-found", N_("It does not exist, or it belongs to another department.") },
    { "calendar-not-published",
      N_("The working-day calendar of that year has not been published.") },
    { "invalid-transition", N_("The case’s state does not allow this now.") },
    { "not-assignee", N_("Another approver holds this case.") },
    { "rule-violation", N_("This would break a rule of the procedure.") },
    { "invalid-field", N_("The central platform refused a value of the request.") },
    { "invalid-json", N_("The central platform could not read the request.") },
    { "invalid-parameter", N_("The central platform refused a parameter of the request.") },
    { "bad-request", N_("The central platform refused the request as malformed.") },
    { "idempotency-key-reused",
      N_("The request’s key was already used for a different request.") },
    { "payload-too-large", N_("The request is too large for the central platform.") },
    { "range-not-satisfiable", N_("The requested part of the document does not exist.") },
    { "stale-version",
      N_("The case has changed since the decision was signed: reload it and sign again.") },
    { "invalid-signature", N_("The central platform found the signature invalid.") },
    { "invalid-certificate",
      N_("The central platform does not accept the signing certificate.") },
    { "document-mismatch", N_("The decision document is not the one that was signed.") },
  };

  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (messages); i++)
    if (g_str_equal (code, messages[i].code))
      return _(messages[i].message);

  if (status >= 500)
    return _("The central platform failed. Try again later.");
  return _("The central platform refused the request.");
}

static int
error_code_for (const char *code,
                guint       status)
{
  if (status >= 500)
    return CS_ERROR_SERVER;
  switch (status)
    {
    case 401:
      return g_strcmp0 (code, "invalid-credentials") == 0 ? CS_ERROR_INVALID_CREDENTIALS
                                                          : CS_ERROR_UNAUTHORIZED;
    case 403:
      return CS_ERROR_FORBIDDEN;
    case 404:
      return CS_ERROR_NOT_FOUND;
    case 409:
      return CS_ERROR_CONFLICT;
    case 400: case 411: case 413: case 415: case 416: case 422:
      return CS_ERROR_INVALID;
    default:
      return CS_ERROR_FAILED;
    }
}

/* Turns a refusal into a GError: the lead is ours and translated, the
 * server's detail (and the member it names) follow for the specifics. */
static void
set_error_from_response (Response  *response,
                         GError   **error)
{
  g_autoptr(JsonNode) root = NULL;
  const char *code = NULL, *detail = NULL, *field = NULL;
  const char *content_type = soup_message_headers_get_content_type (
      soup_message_get_response_headers (response->message), NULL);

  if (response->body != NULL && g_strcmp0 (content_type, "application/problem+json") == 0)
    {
      gsize size;
      const char *data = g_bytes_get_data (response->body, &size);
      g_autofree char *text = g_strndup (data, size);

      root = json_from_string (text, NULL);
      if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
        {
          JsonObject *problem = json_node_get_object (root);

          code = json_object_get_string_member_with_default (problem, "code", NULL);
          detail = json_object_get_string_member_with_default (problem, "detail", NULL);
          field = json_object_get_string_member_with_default (problem, "field", NULL);
        }
    }

  if (detail != NULL && field != NULL)
    g_set_error (error, CS_ERROR, error_code_for (code, response->status),
                 /* Translators: a message, then the server's explanation */
                 _("%s (HTTP %u, “%s”: %s)"),
                 problem_message (code, response->status), response->status, field, detail);
  else if (detail != NULL)
    g_set_error (error, CS_ERROR, error_code_for (code, response->status),
                 _("%s (HTTP %u: %s)"),
                 problem_message (code, response->status), response->status, detail);
  else
    g_set_error (error, CS_ERROR, error_code_for (code, response->status),
                 _("%s (HTTP %u)"), problem_message (code, response->status),
                 response->status);
}

static void
set_error_from_transport (CsClient     *self,
                          const GError *cause,
                          GError      **error)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (cause));
  else if (cause->domain == G_TLS_ERROR)
    g_set_error (error, CS_ERROR, CS_ERROR_TLS,
                 _("The connection to %s is not secure, so it was refused: %s"),
                 self->server_url, cause->message);
  else
    g_set_error (error, CS_ERROR, CS_ERROR_NETWORK,
                 _("The central platform at %s cannot be reached: %s"),
                 self->server_url, cause->message);
}

static SoupMessage *
new_message (CsClient   *self,
             const char *method,
             const char *path)
{
  g_autofree char *url = g_strconcat (self->server_url, path, NULL);
  SoupMessage *message = soup_message_new (method, url);
  SoupMessageHeaders *headers;

  /* The paths are built from escaped segments: this cannot fail. */
  g_assert (message != NULL);

  headers = soup_message_get_request_headers (message);
  soup_message_headers_replace (headers, "Accept", "application/json");
  if (self->token != NULL)
    {
      g_autofree char *bearer = g_strconcat ("Bearer ", self->token, NULL);
      soup_message_headers_replace (headers, "Authorization", bearer);
      memset (bearer, 0, strlen (bearer));
    }

  g_signal_connect_object (message, "accept-certificate",
                           G_CALLBACK (on_accept_certificate), self, 0);
  return message;
}

static char *
escape (const char *segment)
{
  return g_uri_escape_string (segment, NULL, FALSE);
}

/* The body is read in large steps into one buffer sized from the
 * Content-Length: a page of cases is half a megabyte, and reading it 8 KiB
 * at a time (as soup_session_send_and_read() does) costs a main-loop
 * iteration for each. */
#define BODY_STEP (256 * 1024)
#define BODY_MAX_PREALLOCATION (64 * 1024 * 1024)

static void read_body (GTask *task);

static void
finish_response (GTask *task)
{
  Response *response = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (response->message);

  g_input_stream_close (response->stream, NULL, NULL);
  g_clear_object (&response->stream);
  response->status = soup_message_get_status (response->message);
  response->body = g_byte_array_free_to_bytes (g_steal_pointer (&response->buffer));
  response->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
  response->replayed = g_strcmp0 (soup_message_headers_get_one (headers,
                                                                "Idempotent-Replayed"),
                                  "true") == 0;

  if (response->status >= 400)
    {
      g_autoptr(GError) refusal = NULL;

      set_error_from_response (response, &refusal);
      g_task_return_error (task, g_steal_pointer (&refusal));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
body_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Response *response = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gssize n;

  n = g_input_stream_read_finish (G_INPUT_STREAM (object), result, &error);
  if (n < 0)
    {
      g_autoptr(GError) mapped = NULL;

      g_byte_array_set_size (response->buffer, response->filled);
      set_error_from_transport (g_task_get_source_object (task), error, &mapped);
      g_task_return_error (task, g_steal_pointer (&mapped));
      return;
    }

  response->filled += n;
  g_byte_array_set_size (response->buffer, response->filled);
  if (n == 0)
    finish_response (task);
  else
    read_body (g_steal_pointer (&task));
}

static void
read_body (GTask *task)
{
  Response *response = g_task_get_task_data (task);
  gsize step;

  /* Within the announced length, read into the room reserved for it (one
   * byte more, to see the end); past it, grow by half. The buffer must not
   * move while a read fills it: it is grown first. */
  if (response->filled < response->reserved)
    step = MIN (BODY_STEP, response->reserved - response->filled);
  else
    step = MAX (BODY_STEP, response->buffer->len / 2);
  g_byte_array_set_size (response->buffer, response->filled + step);
  g_input_stream_read_async (response->stream, response->buffer->data + response->filled, step,
                             G_PRIORITY_DEFAULT, g_task_get_cancellable (task), body_read_cb,
                             task);
}

/* The cursor of the page that a `Link: <…>; rel="next"` header names
 * (RFC 8288, as the central API writes it before the body), or NULL. */
static char *
next_cursor_from_link (SoupMessage *message)
{
  const char *value = soup_message_headers_get_list (soup_message_get_response_headers (message),
                                                     "Link");
  GSList *links;
  char *cursor = NULL;

  if (value == NULL)
    return NULL;
  links = soup_header_parse_list (value);
  for (GSList *l = links; l != NULL && cursor == NULL; l = l->next)
    {
      const char *link = l->data;
      const char *end;
      g_autofree char *target = NULL;
      g_autoptr(GHashTable) params = NULL;
      g_autoptr(GHashTable) query = NULL;
      g_autoptr(GUri) uri = NULL;
      g_auto(GStrv) relations = NULL;
      const char *rel;
      gboolean next = FALSE;

      while (g_ascii_isspace (*link))
        link++;
      if (*link != '<' || (end = strchr (link, '>')) == NULL)
        continue;
      target = g_strndup (link + 1, end - link - 1);
      for (end++; g_ascii_isspace (*end) || *end == ';'; end++)
        ;
      params = soup_header_parse_semi_param_list (end);
      if ((rel = g_hash_table_lookup (params, "rel")) == NULL)
        continue;
      relations = g_strsplit_set (rel, " \t", -1);
      for (guint i = 0; relations[i] != NULL; i++)
        next |= g_ascii_strcasecmp (relations[i], "next") == 0;
      if (!next)
        continue;

      uri = g_uri_parse_relative (soup_message_get_uri (message), target, G_URI_FLAGS_NONE,
                                  NULL);
      if (uri == NULL || g_uri_get_query (uri) == NULL)
        continue;
      query = g_uri_parse_params (g_uri_get_query (uri), -1, "&", G_URI_PARAMS_NONE, NULL);
      if (query != NULL && g_hash_table_lookup (query, "cursor") != NULL)
        cursor = g_strdup (g_hash_table_lookup (query, "cursor"));
    }
  soup_header_free_list (links);
  return cursor;
}

static void
request_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CsClient *self = g_task_get_source_object (task);
  Response *response = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  goffset length;

  response->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (response->stream == NULL)
    {
      g_autoptr(GError) mapped = NULL;

      set_error_from_transport (self, error, &mapped);
      g_task_return_error (task, g_steal_pointer (&mapped));
      return;
    }

  length = soup_message_headers_get_content_length (
      soup_message_get_response_headers (response->message));
  response->reserved = length > 0 && length < BODY_MAX_PREALLOCATION ? length + 1 : 0;
  response->buffer = g_byte_array_sized_new (MAX (response->reserved, BODY_STEP));
  response->filled = 0;

  if (response->next_func != NULL && soup_message_get_status (response->message) == 200)
    {
      g_autofree char *next = next_cursor_from_link (response->message);

      if (next != NULL)
        response->next_func (next, response->next_data);
    }

  read_body (g_steal_pointer (&task));
}

static void
request_bytes_async (CsClient            *self,
                     const char          *method,
                     const char          *path,
                     const char          *content_type,
                     GBytes              *body,
                     const char * const  *headers,
                     gpointer             source_tag,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Response *response = g_new0 (Response, 1);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, response, (GDestroyNotify) response_free);

  response->message = new_message (self, method, path);
  for (guint i = 0; headers != NULL && headers[i] != NULL; i += 2)
    if (headers[i + 1] != NULL)
      soup_message_headers_replace (soup_message_get_request_headers (response->message),
                                    headers[i], headers[i + 1]);
  soup_message_set_request_body_from_bytes (response->message, content_type, body);

  soup_session_send_async (self->session, response->message, G_PRIORITY_DEFAULT,
                           cancellable, request_cb, g_steal_pointer (&task));
}

static void request_full_async (CsClient            *self,
                                const char          *method,
                                const char          *path,
                                const char          *body,
                                const char * const  *headers,
                                CsNextPageFunc       next_func,
                                gpointer             next_data,
                                gpointer             source_tag,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data);

static void
request_async (CsClient            *self,
               const char          *method,
               const char          *path,
               const char          *body,
               const char * const  *headers,
               gpointer             source_tag,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  request_full_async (self, method, path, body, headers, NULL, NULL, source_tag, cancellable,
                      callback, user_data);
}

static void
request_full_async (CsClient            *self,
                    const char          *method,
                    const char          *path,
                    const char          *body,
                    const char * const  *headers,
                    CsNextPageFunc       next_func,
                    gpointer             next_data,
                    gpointer             source_tag,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Response *response = g_new0 (Response, 1);

  response->next_func = next_func;
  response->next_data = next_data;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, response, (GDestroyNotify) response_free);

  response->message = new_message (self, method, path);
  for (guint i = 0; headers != NULL && headers[i] != NULL; i += 2)
    if (headers[i + 1] != NULL)
      soup_message_headers_replace (soup_message_get_request_headers (response->message),
                                    headers[i], headers[i + 1]);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
      soup_message_set_request_body_from_bytes (response->message, "application/json", bytes);
    }

  soup_session_send_async (self->session, response->message, G_PRIORITY_DEFAULT,
                           cancellable, request_cb, g_steal_pointer (&task));
}

/* Returns the response (owned by the task) or NULL with @error set. */
static Response *
request_finish (CsClient      *self,
                GAsyncResult  *result,
                gpointer       source_tag,
                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  return g_task_get_task_data (G_TASK (result));
}

static JsonNode *
response_json (Response  *response,
               GError   **error)
{
  gsize size = 0;
  const char *data = response->body != NULL ? g_bytes_get_data (response->body, &size) : NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;

  if (size == 0 || !json_parser_load_from_data (parser, data, size, &local_error))
    {
      g_set_error (error, CS_ERROR, CS_ERROR_PROTOCOL,
                   _("The server’s answer cannot be read: %s"),
                   local_error != NULL ? local_error->message : _("it is empty"));
      return NULL;
    }
  return json_parser_steal_root (parser);
}

static JsonObject *
response_object (Response    *response,
                 JsonNode   **out_root,
                 GError     **error)
{
  g_autoptr(JsonNode) root = response_json (response, error);

  if (root == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, CS_ERROR, CS_ERROR_PROTOCOL,
                   _("The server’s answer cannot be read: %s"), _("it is not an object"));
      return NULL;
    }
  *out_root = g_steal_pointer (&root);
  return json_node_get_object (*out_root);
}

/* Sessions */

void
cs_client_login_async (CsClient            *self,
                       const char          *username,
                       const char          *password,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *body = NULL;

  g_return_if_fail (CS_IS_CLIENT (self));
  g_return_if_fail (username != NULL && password != NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "username");
  json_builder_add_string_value (builder, username);
  json_builder_set_member_name (builder, "password");
  json_builder_add_string_value (builder, password);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  body = _cs_json_to_string (root);

  request_async (self, "POST", "/v1/sessions", body, NULL, cs_client_login_async,
                 cancellable, callback, user_data);
  memset (body, 0, strlen (body));
}

/**
 * cs_client_login_finish:
 * @self: a #CsClient
 * @result: the result
 * @out_user: (out) (optional) (transfer full): the signed-in user
 * @error: return location for an error
 *
 * Finishes signing in. The client does not keep the token: the caller
 * stores it (cs_credentials_store_token()) and sets it
 * (cs_client_set_token()).
 *
 * Returns: (transfer full) (nullable): the session's token
 */
char *
cs_client_login_finish (CsClient      *self,
                        GAsyncResult  *result,
                        CsUser       **out_user,
                        GError       **error)
{
  Response *response = request_finish (self, result, cs_client_login_async, error);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(CsUser) user = NULL;
  JsonObject *object, *user_object;
  const char *token;

  if (response == NULL || (object = response_object (response, &root, error)) == NULL)
    return NULL;

  if (!_cs_json_get_string (object, "session", "token", 0, &token, error) ||
      !_cs_json_get_object (object, "session", "user", 0, &user_object, error) ||
      (user = cs_user_new_from_json (user_object, error)) == NULL)
    return NULL;

  if (out_user != NULL)
    *out_user = g_steal_pointer (&user);
  return g_strdup (token);
}

void
cs_client_logout_async (CsClient            *self,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_return_if_fail (CS_IS_CLIENT (self));

  request_async (self, "DELETE", "/v1/sessions/current", NULL, NULL, cs_client_logout_async,
                 cancellable, callback, user_data);
}

/**
 * cs_client_logout_finish:
 * @self: a #CsClient
 * @result: the result
 * @error: return location for an error
 *
 * Finishes revoking the session's token at the server.
 *
 * Returns: %TRUE when the server revoked it
 */
gboolean
cs_client_logout_finish (CsClient      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  return request_finish (self, result, cs_client_logout_async, error) != NULL;
}

void
cs_client_get_me_async (CsClient            *self,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_return_if_fail (CS_IS_CLIENT (self));

  request_async (self, "GET", "/v1/me", NULL, NULL, cs_client_get_me_async,
                 cancellable, callback, user_data);
}

/**
 * cs_client_get_me_finish:
 * @self: a #CsClient
 * @result: the result
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the signed-in user
 */
CsUser *
cs_client_get_me_finish (CsClient      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  Response *response = request_finish (self, result, cs_client_get_me_async, error);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  if (response == NULL || (object = response_object (response, &root, error)) == NULL)
    return NULL;
  return cs_user_new_from_json (object, error);
}

/* Catalogue and calendar: returned as checked JSON, which the cache keeps
 * as it came. */

void
cs_client_get_matters_async (CsClient            *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (CS_IS_CLIENT (self));

  request_async (self, "GET", "/v1/matters", NULL, NULL, cs_client_get_matters_async,
                 cancellable, callback, user_data);
}

/**
 * cs_client_get_matters_finish:
 * @self: a #CsClient
 * @result: the result
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the JSON array of `Matter` objects
 *   (the `items` of the answer)
 */
JsonNode *
cs_client_get_matters_finish (CsClient      *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  Response *response = request_finish (self, result, cs_client_get_matters_async, error);
  g_autoptr(JsonNode) root = NULL;

  JsonObject *object;
  JsonArray *items;

  if (response == NULL || (object = response_object (response, &root, error)) == NULL ||
      !_cs_json_get_array (object, "matters", "items", 0, &items, error))
    return NULL;
  return json_node_init_array (json_node_alloc (), items);
}

void
cs_client_get_calendar_async (CsClient            *self,
                              guint                year,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autofree char *path = g_strdup_printf ("/v1/calendar?year=%u", year);

  g_return_if_fail (CS_IS_CLIENT (self));

  request_async (self, "GET", path, NULL, NULL, cs_client_get_calendar_async,
                 cancellable, callback, user_data);
}

/**
 * cs_client_get_calendar_finish:
 * @self: a #CsClient
 * @result: the result
 * @error: return location for an error; %CS_ERROR_NOT_FOUND when the year
 *   is not published
 *
 * Returns: (transfer full) (nullable): the `Calendar` document
 */
JsonNode *
cs_client_get_calendar_finish (CsClient      *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  Response *response = request_finish (self, result, cs_client_get_calendar_async, error);
  g_autoptr(JsonNode) root = NULL;

  if (response == NULL || response_object (response, &root, error) == NULL)
    return NULL;
  return g_steal_pointer (&root);
}

/* Supervision */

/**
 * cs_client_get_department_stats_async:
 * @self: a #CsClient
 * @department: the department's code (the signed-in chief's own)
 * @from: the first day of the period
 * @to: the last day of the period, inclusive
 * @as_of: (nullable): the day the open cases are seen from; the server's
 *   today when %NULL
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the figures
 * @user_data: data for @callback
 *
 * Fetches the department's figures over a period
 * (`GET /v1/departments/{code}/stats`), for its chief representative.
 */
void
cs_client_get_department_stats_async (CsClient            *self,
                                      const char          *department,
                                      const GDate         *from,
                                      const GDate         *to,
                                      const GDate         *as_of,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *as_of_text = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (CS_IS_CLIENT (self));
  g_return_if_fail (department != NULL);
  g_return_if_fail (from != NULL && g_date_valid (from));
  g_return_if_fail (to != NULL && g_date_valid (to));
  g_return_if_fail (as_of == NULL || g_date_valid (as_of));

  escaped = escape (department);
  from_text = _cs_json_format_date (from);
  to_text = _cs_json_format_date (to);
  if (as_of != NULL)
    as_of_text = _cs_json_format_date (as_of);
  path = g_strdup_printf ("/v1/departments/%s/stats?from=%s&to=%s%s%s", escaped,
                          from_text, to_text, as_of != NULL ? "&as_of=" : "",
                          as_of != NULL ? as_of_text : "");
  request_async (self, "GET", path, NULL, NULL, cs_client_get_department_stats_async,
                 cancellable, callback, user_data);
}

/**
 * cs_client_get_department_stats_finish:
 * @self: a #CsClient
 * @result: the result
 * @error: return location for an error; %CS_ERROR_FORBIDDEN for someone
 *   who is not the department's chief representative
 *
 * Returns: (transfer full) (nullable): the figures
 */
CsDepartmentStats *
cs_client_get_department_stats_finish (CsClient      *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  Response *response = request_finish (self, result, cs_client_get_department_stats_async, error);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  if (response == NULL || (object = response_object (response, &root, error)) == NULL)
    return NULL;
  return cs_department_stats_new_from_json (object, error);
}

/* Cases */

/**
 * cs_client_list_cases_async:
 * @self: a #CsClient
 * @status: (nullable): comma-separated states to keep
 * @updated_since: (nullable): an RFC 3339 time; only cases changed at or
 *   after it
 * @cursor: (nullable): the previous page's `next_cursor`
 * @limit: the page size, 1 to 500 (0 for the server's default)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the page arrives
 * @user_data: data for @callback
 *
 * Fetches one page of the department's cases.
 */
static void
list_cases_async (CsClient            *self,
                  const char          *status,
                  const char          *updated_since,
                  const char          *cursor,
                  guint                limit,
                  CsNextPageFunc       next_func,
                  gpointer             next_data,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  g_autoptr(GString) path = g_string_new ("/v1/cases");
  char separator = '?';

#define ADD_PARAM(name, value) G_STMT_START {                              \
    g_autofree char *escaped = g_uri_escape_string (value, NULL, FALSE);  \
    g_string_append_printf (path, "%c%s=%s", separator, name, escaped);   \
    separator = '&';                                                      \
  } G_STMT_END
  if (status != NULL)
    ADD_PARAM ("status", status);
  if (updated_since != NULL)
    ADD_PARAM ("updated_since", updated_since);
  if (cursor != NULL)
    ADD_PARAM ("cursor", cursor);
  if (limit > 0)
    {
      g_autofree char *text = g_strdup_printf ("%u", limit);
      ADD_PARAM ("limit", text);
    }
#undef ADD_PARAM

  request_full_async (self, "GET", path->str, NULL, NULL, next_func, next_data,
                      cs_client_list_cases_async, cancellable, callback, user_data);
}

void
cs_client_list_cases_async (CsClient            *self,
                            const char          *status,
                            const char          *updated_since,
                            const char          *cursor,
                            guint                limit,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (CS_IS_CLIENT (self));

  list_cases_async (self, status, updated_since, cursor, limit, NULL, NULL, cancellable,
                    callback, user_data);
}

/**
 * cs_client_list_cases_bytes_async:
 * @self: a #CsClient
 * @updated_since: (nullable): an RFC 3339 time; only cases changed at or
 *   after it
 * @cursor: (nullable): the previous page's `next_cursor`
 * @limit: the page size, 1 to 500 (0 for the server's default)
 * @next_func: (nullable) (scope call): told the next page's cursor as soon
 *   as the answer's headers name it (`Link: <…>; rel="next"`), before the
 *   body has arrived and before @callback; not called on the last page or
 *   when the server does not say
 * @next_data: data for @next_func
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the page has arrived; finish with
 *   cs_client_list_cases_bytes_finish()
 * @user_data: data for @callback
 *
 * Fetches one page of the department's cases as its raw JSON, telling
 * the next page early so that a sync can ask for it at once.
 */
void
cs_client_list_cases_bytes_async (CsClient            *self,
                                  const char          *updated_since,
                                  const char          *cursor,
                                  guint                limit,
                                  CsNextPageFunc       next_func,
                                  gpointer             next_data,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (CS_IS_CLIENT (self));

  list_cases_async (self, NULL, updated_since, cursor, limit, next_func, next_data,
                    cancellable, callback, user_data);
}

/**
 * cs_client_list_cases_finish:
 * @self: a #CsClient
 * @result: the result
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the page
 */
CsCasePage *
cs_client_list_cases_finish (CsClient      *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  Response *response = request_finish (self, result, cs_client_list_cases_async, error);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(CsCasePage) page = NULL;
  JsonObject *object;
  JsonArray *items;
  const char *cursor;

  if (response == NULL || (object = response_object (response, &root, error)) == NULL)
    return NULL;
  if (!_cs_json_get_array (object, "page", "items", 0, &items, error) ||
      !_cs_json_get_string (object, "page", "next_cursor", CS_JSON_NULLABLE, &cursor, error))
    return NULL;

  page = g_new0 (CsCasePage, 1);
  page->cases = g_ptr_array_new_full (json_array_get_length (items), g_object_unref);
  page->next_cursor = g_strdup (cursor);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = _cs_json_array_get_object (items, i, "page.items", error);
      CsCase *kase;

      if (item == NULL || (kase = cs_case_new_from_json (item, error)) == NULL)
        return NULL;
      g_ptr_array_add (page->cases, kase);
    }

  return g_steal_pointer (&page);
}

/**
 * cs_client_list_cases_bytes_finish:
 * @self: a #CsClient
 * @result: the result of cs_client_list_cases_async()
 * @error: return location for an error
 *
 * Finishes fetching a page as the raw `CasePage` JSON, for
 * cs_cache_store_case_page(), which checks and stores it without building
 * objects.
 *
 * Returns: (transfer full) (nullable): the page's body
 */
GBytes *
cs_client_list_cases_bytes_finish (CsClient      *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  Response *response = request_finish (self, result, cs_client_list_cases_async, error);

  if (response == NULL)
    return NULL;
  return g_bytes_ref (response->body);
}

/**
 * cs_client_get_case_async:
 * @self: a #CsClient
 * @case_id: the case's ID
 * @etag: (nullable): the ETag of the copy the caller has
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the case arrives
 * @user_data: data for @callback
 *
 * Fetches one case in full, unless it is unchanged since @etag.
 */
void
cs_client_get_case_async (CsClient            *self,
                          const char          *case_id,
                          const char          *etag,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  const char *headers[] = { "If-None-Match", etag, NULL };

  g_return_if_fail (CS_IS_CLIENT (self));
  g_return_if_fail (case_id != NULL);

  escaped = escape (case_id);
  path = g_strconcat ("/v1/cases/", escaped, NULL);
  request_async (self, "GET", path, NULL, headers, cs_client_get_case_async,
                 cancellable, callback, user_data);
}

/**
 * cs_client_get_case_finish:
 * @self: a #CsClient
 * @result: the result
 * @out_etag: (out) (optional) (transfer full): the case's ETag
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the full case; %NULL without an
 *   error when it is unchanged since the given ETag
 */
CsCase *
cs_client_get_case_finish (CsClient      *self,
                           GAsyncResult  *result,
                           char         **out_etag,
                           GError       **error)
{
  Response *response = request_finish (self, result, cs_client_get_case_async, error);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(CsCase) kase = NULL;
  JsonObject *object;

  if (out_etag != NULL)
    *out_etag = NULL;
  if (response == NULL)
    return NULL;
  if (response->status == SOUP_STATUS_NOT_MODIFIED)
    {
      if (out_etag != NULL)
        *out_etag = g_strdup (response->etag);
      return NULL;
    }
  if ((object = response_object (response, &root, error)) == NULL)
    return NULL;
  kase = cs_case_new_from_json (object, error);
  if (kase == NULL)
    return NULL;
  if (!cs_case_is_full (kase))
    {
      g_set_error (error, CS_ERROR, CS_ERROR_PROTOCOL,
                   _("The server’s answer cannot be read: “%s.%s” is missing"),
                   "case", "materials");
      return NULL;
    }

  if (out_etag != NULL)
    *out_etag = g_strdup (response->etag);
  return g_steal_pointer (&kase);
}

void
cs_client_get_audit_async (CsClient            *self,
                           const char          *case_id,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (CS_IS_CLIENT (self));
  g_return_if_fail (case_id != NULL);

  escaped = escape (case_id);
  path = g_strconcat ("/v1/cases/", escaped, "/audit", NULL);
  request_async (self, "GET", path, NULL, NULL, cs_client_get_audit_async,
                 cancellable, callback, user_data);
}

/**
 * cs_client_get_audit_finish:
 * @self: a #CsClient
 * @result: the result
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the JSON array of `AuditEntry`
 *   objects, oldest first
 */
JsonNode *
cs_client_get_audit_finish (CsClient      *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  Response *response = request_finish (self, result, cs_client_get_audit_async, error);
  g_autoptr(JsonNode) root = NULL;

  JsonObject *object;
  JsonArray *items;

  if (response == NULL || (object = response_object (response, &root, error)) == NULL ||
      !_cs_json_get_array (object, "audit", "items", 0, &items, error))
    return NULL;
  return json_node_init_array (json_node_alloc (), items);
}

void
cs_client_list_decisions_async (CsClient            *self,
                                const char          *case_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (CS_IS_CLIENT (self));
  g_return_if_fail (case_id != NULL);

  escaped = escape (case_id);
  path = g_strconcat ("/v1/cases/", escaped, "/decisions", NULL);
  request_async (self, "GET", path, NULL, NULL, cs_client_list_decisions_async,
                 cancellable, callback, user_data);
}

/**
 * cs_client_list_decisions_finish:
 * @self: a #CsClient
 * @result: the result
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the JSON array of `Decision`
 *   objects, oldest first, each with its signed bytes, signature and
 *   document (base64)
 */
JsonNode *
cs_client_list_decisions_finish (CsClient      *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  Response *response = request_finish (self, result, cs_client_list_decisions_async, error);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *items;

  if (response == NULL || (object = response_object (response, &root, error)) == NULL ||
      !_cs_json_get_array (object, "decisions", "items", 0, &items, error))
    return NULL;
  return json_node_init_array (json_node_alloc (), items);
}

/**
 * cs_client_get_events_async:
 * @self: a #CsClient
 * @after: the last sequence number seen, or -1 to learn where to start
 * @timeout_seconds: how long the server may hold the request (0 to 60)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when events arrive or the timeout passes
 * @user_data: data for @callback
 *
 * Long-polls the event feed.
 */
void
cs_client_get_events_async (CsClient            *self,
                            gint64               after,
                            guint                timeout_seconds,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (CS_IS_CLIENT (self));

  if (after < 0)
    path = g_strdup ("/v1/events");
  else
    path = g_strdup_printf ("/v1/events?after=%" G_GINT64_FORMAT "&timeout=%u",
                            after, MIN (timeout_seconds, 60));
  request_async (self, "GET", path, NULL, NULL, cs_client_get_events_async,
                 cancellable, callback, user_data);
}

/**
 * cs_client_get_events_finish:
 * @self: a #CsClient
 * @result: the result
 * @out_last_seq: (out): where the next request continues
 * @error: return location for an error
 *
 * Returns: (transfer container) (element-type CsEvent) (nullable): the
 *   events, oldest first
 */
GPtrArray *
cs_client_get_events_finish (CsClient      *self,
                             GAsyncResult  *result,
                             gint64        *out_last_seq,
                             GError       **error)
{
  Response *response = request_finish (self, result, cs_client_get_events_async, error);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) events = NULL;
  JsonObject *object;
  JsonArray *items;

  *out_last_seq = 0;
  if (response == NULL || (object = response_object (response, &root, error)) == NULL)
    return NULL;
  if (!_cs_json_get_array (object, "events", "events", 0, &items, error) ||
      !_cs_json_get_int (object, "events", "last_seq", 0, out_last_seq, error))
    return NULL;

  events = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = _cs_json_array_get_object (items, i, "events.events", error);
      CsEvent *event;

      if (item == NULL || (event = cs_event_new_from_json (item, error)) == NULL)
        return NULL;
      g_ptr_array_add (events, event);
    }
  return g_steal_pointer (&events);
}

/* Writes */

/**
 * cs_client_write_async:
 * @self: a #CsClient
 * @method: `POST`, `PUT` or `DELETE`
 * @path: the path under the server URL, e.g. `/v1/cases/abc/claim`
 * @body: (nullable): the JSON body
 * @idempotency_key: (nullable): the `Idempotency-Key`
 * @if_match: (nullable): the `If-Match` ETag
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * Sends one write. The outbox calls this; nothing else should, so that
 * every write is stored before it is sent.
 */
void
cs_client_write_async (CsClient            *self,
                       const char          *method,
                       const char          *path,
                       const char          *body,
                       const char          *idempotency_key,
                       const char          *if_match,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  const char *headers[] = {
    "Idempotency-Key", idempotency_key,
    "If-Match", if_match,
    NULL
  };

  g_return_if_fail (CS_IS_CLIENT (self));
  g_return_if_fail (method != NULL && path != NULL && path[0] == '/');

  request_async (self, method, path, body, headers, cs_client_write_async,
                 cancellable, callback, user_data);
}

/**
 * cs_client_write_bytes_async:
 * @self: a #CsClient
 * @method: `POST` or `PUT`
 * @path: the path under the server URL
 * @content_type: the body's media type, with its parameters (a multipart
 *   boundary)
 * @body: the body, sent as it is
 * @idempotency_key: (nullable): the `Idempotency-Key`
 * @if_match: (nullable): the `If-Match` ETag
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * Sends one write whose body is not JSON (a signed decision). Finish it
 * with cs_client_write_finish(). The outbox calls this.
 */
void
cs_client_write_bytes_async (CsClient            *self,
                             const char          *method,
                             const char          *path,
                             const char          *content_type,
                             GBytes              *body,
                             const char          *idempotency_key,
                             const char          *if_match,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  const char *headers[] = {
    "Idempotency-Key", idempotency_key,
    "If-Match", if_match,
    NULL
  };

  g_return_if_fail (CS_IS_CLIENT (self));
  g_return_if_fail (method != NULL && path != NULL && path[0] == '/');
  g_return_if_fail (content_type != NULL && body != NULL);

  request_bytes_async (self, method, path, content_type, body, headers, cs_client_write_async,
                       cancellable, callback, user_data);
}

/**
 * cs_client_write_finish:
 * @self: a #CsClient
 * @result: the result
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the answer
 */
CsWriteResult *
cs_client_write_finish (CsClient      *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  Response *response = request_finish (self, result, cs_client_write_async, error);
  CsWriteResult *write;

  if (response == NULL)
    return NULL;

  write = g_new0 (CsWriteResult, 1);
  write->status = response->status;
  write->replayed = response->replayed;
  if (response->body != NULL && g_bytes_get_size (response->body) > 0)
    write->body = response_json (response, NULL);
  return write;
}

/* Material download: streamed into a partial file, resumed with Range and
 * If-Range when the partial file already holds a beginning, and checked
 * against the SHA-256 the case names before anyone may use it. */

typedef struct
{
  SoupMessage *message;
  GFile *partial;
  char *sha256;
  GInputStream *input;
  GOutputStream *output;
  GFileProgressCallback progress;
  gpointer progress_data;
  goffset offset;
  goffset total;
  gboolean retried;
} Download;

static void
download_free (Download *download)
{
  g_clear_object (&download->message);
  g_clear_object (&download->partial);
  g_free (download->sha256);
  g_clear_object (&download->input);
  g_clear_object (&download->output);
  g_free (download);
}

static void download_start (GTask *task);
static void download_read (GTask *task);

static void
release_input (Download *download)
{
  if (download->input != NULL)
    g_input_stream_close (download->input, NULL, NULL);
  g_clear_object (&download->input);
  g_clear_object (&download->message);
}

static void
download_fail (GTask        *task,
               const GError *error)
{
  Download *download = g_task_get_task_data (task);

  release_input (download);
  if (download->output != NULL)
    g_output_stream_close (download->output, NULL, NULL);
  g_task_return_error (task, g_error_copy (error));
  g_object_unref (task);
}

static void
download_verify_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  Download *download = task_data;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GFileInputStream) input = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *buffer = g_malloc (DOWNLOAD_CHUNK);
  gssize n;

  input = g_file_read (download->partial, cancellable, &error);
  if (input == NULL)
    {
      g_task_return_new_error (task, CS_ERROR, CS_ERROR_CACHE,
                               _("The downloaded document cannot be read back: %s"),
                               error->message);
      return;
    }
  while ((n = g_input_stream_read (G_INPUT_STREAM (input), buffer, DOWNLOAD_CHUNK,
                                   cancellable, &error)) > 0)
    g_checksum_update (checksum, buffer, n);
  if (n < 0)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!g_str_equal (g_checksum_get_string (checksum), download->sha256))
    {
      /* Never keep damaged bytes: the next attempt starts afresh. */
      g_file_delete (download->partial, NULL, NULL);
      g_task_return_new_error (task, CS_ERROR, CS_ERROR_PROTOCOL,
                               _("The document arrived damaged (its SHA-256 does not match); "
                                 "download it again"));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
download_closed_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_output_stream_close_finish (G_OUTPUT_STREAM (object), result, &error))
    {
      download_fail (task, error);
      return;
    }
  g_task_run_in_thread (task, download_verify_thread);
  g_object_unref (task);
}

static void
download_written_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GTask *task = user_data;
  Download *download = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gsize written = 0;

  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (object), result, &written, &error))
    {
      download_fail (task, error);
      return;
    }
  download->offset += written;
  if (download->progress != NULL)
    download->progress (download->offset, download->total, download->progress_data);
  download_read (task);
}

static void
download_read_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask *task = user_data;
  Download *download = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize size;
  gconstpointer data;

  bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (bytes == NULL)
    {
      g_autoptr(GError) mapped = NULL;

      set_error_from_transport (g_task_get_source_object (task), error, &mapped);
      download_fail (task, mapped);
      return;
    }

  data = g_bytes_get_data (bytes, &size);
  if (size == 0)
    {
      /* Give the connection back now: the caller may keep the result (and
       * with it this task) for a long time. */
      release_input (download);
      g_output_stream_close_async (download->output, G_PRIORITY_DEFAULT,
                                   g_task_get_cancellable (task), download_closed_cb, task);
      return;
    }

  /* The buffer must outlive the write: keep the bytes on the task. */
  g_object_set_data_full (G_OBJECT (task), "chunk", g_bytes_ref (bytes),
                          (GDestroyNotify) g_bytes_unref);
  g_output_stream_write_all_async (download->output, data, size, G_PRIORITY_DEFAULT,
                                   g_task_get_cancellable (task), download_written_cb, task);
}

static void
download_read (GTask *task)
{
  Download *download = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (download->input, DOWNLOAD_CHUNK, G_PRIORITY_DEFAULT,
                                   g_task_get_cancellable (task), download_read_cb, task);
}

static void
download_sent_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask *task = user_data;
  CsClient *self = g_task_get_source_object (task);
  Download *download = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileOutputStream) output = NULL;
  SoupMessageHeaders *headers;
  goffset start, end, total;
  guint status;

  download->input = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (download->input == NULL)
    {
      g_autoptr(GError) mapped = NULL;

      set_error_from_transport (self, error, &mapped);
      download_fail (task, mapped);
      return;
    }

  status = soup_message_get_status (download->message);
  headers = soup_message_get_response_headers (download->message);

  if (status == SOUP_STATUS_REQUESTED_RANGE_NOT_SATISFIABLE && !download->retried)
    {
      /* The partial file is longer than the document: start afresh. */
      download->retried = TRUE;
      g_file_delete (download->partial, NULL, NULL);
      g_clear_object (&download->input);
      download_start (task);
      return;
    }

  if (status >= 400)
    {
      g_autoptr(GBytes) body = g_input_stream_read_bytes (download->input, 64 * 1024,
                                                          NULL, NULL);
      Response response = { .message = download->message, .status = status, .body = body };
      g_autoptr(GError) refusal = NULL;

      set_error_from_response (&response, &refusal);
      download_fail (task, refusal);
      return;
    }

  if (status == SOUP_STATUS_PARTIAL_CONTENT &&
      soup_message_headers_get_content_range (headers, &start, &end, &total) &&
      start == download->offset)
    {
      download->total = total;
      output = g_file_append_to (download->partial, G_FILE_CREATE_PRIVATE,
                                 g_task_get_cancellable (task), &error);
    }
  else if (status == SOUP_STATUS_OK)
    {
      download->offset = 0;
      download->total = soup_message_headers_get_content_length (headers);
      output = g_file_replace (download->partial, NULL, FALSE, G_FILE_CREATE_PRIVATE,
                               g_task_get_cancellable (task), &error);
    }
  else
    {
      g_autoptr(GError) protocol = g_error_new (CS_ERROR, CS_ERROR_PROTOCOL,
                                                _("The server answered the download with "
                                                  "HTTP %u"), status);
      download_fail (task, protocol);
      return;
    }

  if (output == NULL)
    {
      g_autoptr(GError) cache = g_error_new (CS_ERROR, CS_ERROR_CACHE,
                                             _("The document cannot be saved: %s"),
                                             error->message);
      download_fail (task, cache);
      return;
    }

  download->output = G_OUTPUT_STREAM (g_steal_pointer (&output));
  download_read (task);
}

static void
download_start (GTask *task)
{
  CsClient *self = g_task_get_source_object (task);
  Download *download = g_task_get_task_data (task);
  g_autoptr(GFileInfo) info = NULL;
  const char *path = g_object_get_data (G_OBJECT (task), "path");

  g_clear_object (&download->message);
  download->message = new_message (self, "GET", path);
  soup_message_headers_replace (soup_message_get_request_headers (download->message),
                                "Accept", "*/*");

  info = g_file_query_info (download->partial, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  download->offset = info != NULL ? g_file_info_get_size (info) : 0;
  if (download->offset > 0)
    {
      g_autofree char *etag = g_strdup_printf ("\"%s\"", download->sha256);
      SoupMessageHeaders *headers = soup_message_get_request_headers (download->message);

      soup_message_headers_set_range (headers, download->offset, -1);
      soup_message_headers_replace (headers, "If-Range", etag);
    }

  soup_session_send_async (self->session, download->message, G_PRIORITY_DEFAULT,
                           g_task_get_cancellable (task), download_sent_cb, task);
}

/**
 * cs_client_download_async:
 * @self: a #CsClient
 * @case_id: the case's ID
 * @material_id: the material's ID
 * @sha256: the SHA-256 the case names for the material
 * @partial: the file the bytes go to; when it exists, the download
 *   resumes after its end
 * @progress: (nullable) (scope notified): called as bytes arrive
 * @progress_data: data for @progress
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the material is complete and checked
 * @user_data: data for @callback
 *
 * Downloads a material into @partial. On success @partial holds exactly
 * the bytes whose SHA-256 is @sha256; a damaged result is deleted.
 */
void
cs_client_download_async (CsClient              *self,
                          const char            *case_id,
                          const char            *material_id,
                          const char            *sha256,
                          GFile                 *partial,
                          GFileProgressCallback  progress,
                          gpointer               progress_data,
                          GCancellable          *cancellable,
                          GAsyncReadyCallback    callback,
                          gpointer               user_data)
{
  GTask *task;
  Download *download;
  g_autofree char *case_segment = NULL;
  g_autofree char *material_segment = NULL;

  g_return_if_fail (CS_IS_CLIENT (self));
  g_return_if_fail (case_id != NULL && material_id != NULL && sha256 != NULL);
  g_return_if_fail (G_IS_FILE (partial));

  download = g_new0 (Download, 1);
  download->partial = g_object_ref (partial);
  download->sha256 = g_ascii_strdown (sha256, -1);
  download->progress = progress;
  download->progress_data = progress_data;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cs_client_download_async);
  g_task_set_task_data (task, download, (GDestroyNotify) download_free);

  case_segment = escape (case_id);
  material_segment = escape (material_id);
  g_object_set_data_full (G_OBJECT (task), "path",
                          g_strconcat ("/v1/cases/", case_segment, "/materials/",
                                       material_segment, "/content", NULL),
                          g_free);
  download_start (task);
}

/**
 * cs_client_download_finish:
 * @self: a #CsClient
 * @result: the result
 * @error: return location for an error
 *
 * Returns: %TRUE when the partial file holds the whole, checked material
 */
gboolean
cs_client_download_finish (CsClient      *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
