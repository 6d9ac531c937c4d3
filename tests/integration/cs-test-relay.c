/* cs-test-relay.c — a recording, fault-injecting loopback HTTP relay
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsTestRelay"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cs-test-relay.h"

/* One thread accepts; one thread a client connection reads a whole
 * request, sends it to the server on a connection of its own, reads the
 * whole answer, records the exchange and only then hands the answer on.
 * Recording first means that once the client has an answer, the test sees
 * its record. Every blocking call takes the relay's cancellable, so
 * freeing the relay unblocks and joins every thread. */

#define MAX_HEAD (64 * 1024)
#define WAIT_SECONDS 120

struct _CsTestRelay
{
  GSocket *listener;
  GSocketAddress *upstream;
  char *url;
  GCancellable *stop;
  GThread *acceptor;

  GMutex lock;
  GCond changed;
  GPtrArray *exchanges;       /* of CsTestExchange, complete */
  GPtrArray *connections;     /* of Connection */

  char *refuse_method;
  guint refuse_left;
  guint refuse_status;

  char *hold_method;
  char *hold_path;
  guint hold_skip;
  CsTestExchange *held;       /* the exchange whose answer is kept back */
};

typedef struct
{
  CsTestRelay *relay;
  GSocket *socket;
  GThread *thread;
  gboolean done;              /* the thread may be joined */
} Connection;

typedef struct
{
  GSocket *socket;
  GByteArray *buffer;         /* received, not consumed yet */
} Peer;

static void
exchange_free (CsTestExchange *exchange)
{
  g_free (exchange->method);
  g_free (exchange->path);
  g_clear_pointer (&exchange->request_headers, soup_message_headers_unref);
  g_clear_pointer (&exchange->response_headers, soup_message_headers_unref);
  g_clear_pointer (&exchange->response_body, g_bytes_unref);
  g_free (exchange);
}

static gboolean
peer_fill (Peer         *peer,
           GCancellable *stop)
{
  guint8 chunk[64 * 1024];
  gssize n = g_socket_receive (peer->socket, (char *) chunk, sizeof chunk, stop, NULL);

  if (n <= 0)
    return FALSE;
  g_byte_array_append (peer->buffer, chunk, (guint) n);
  return TRUE;
}

/* Moves @n bytes from what was received to @raw (and @body). */
static gboolean
peer_take (Peer         *peer,
           gsize         n,
           GByteArray   *raw,
           GByteArray   *body,
           gsize        *body_size,
           GCancellable *stop)
{
  while (n > 0)
    {
      gsize take;

      if (peer->buffer->len == 0 && !peer_fill (peer, stop))
        return FALSE;
      take = MIN (n, peer->buffer->len);
      g_byte_array_append (raw, peer->buffer->data, (guint) take);
      if (body != NULL)
        g_byte_array_append (body, peer->buffer->data, (guint) take);
      if (body_size != NULL)
        *body_size += take;
      g_byte_array_remove_range (peer->buffer, 0, (guint) take);
      n -= take;
    }
  return TRUE;
}

/* Reads up to @terminator (included), which goes to @raw; returns the text
 * before it. */
static char *
peer_read_until (Peer         *peer,
                 const char   *terminator,
                 GByteArray   *raw,
                 GCancellable *stop)
{
  gsize length = strlen (terminator);

  for (;;)
    {
      for (gsize i = 0; peer->buffer->len >= length && i <= peer->buffer->len - length; i++)
        if (memcmp (peer->buffer->data + i, terminator, length) == 0)
          {
            char *text = g_strndup ((const char *) peer->buffer->data, i);

            g_byte_array_append (raw, peer->buffer->data, (guint) (i + length));
            g_byte_array_remove_range (peer->buffer, 0, (guint) (i + length));
            return text;
          }
      if (peer->buffer->len > MAX_HEAD || !peer_fill (peer, stop))
        return NULL;
    }
}

/* The body after a head, framed as HTTP/1.1 says; chunks are passed on as
 * they are and counted without their framing. */
static gboolean
peer_read_body (Peer               *peer,
                SoupMessageHeaders *headers,
                gboolean            has_body,
                GByteArray         *raw,
                GByteArray         *body,
                gsize              *body_size,
                gboolean           *until_close,
                GCancellable       *stop)
{
  *until_close = FALSE;
  if (!has_body)
    return TRUE;

  switch (soup_message_headers_get_encoding (headers))
    {
    case SOUP_ENCODING_CONTENT_LENGTH:
      return peer_take (peer, (gsize) soup_message_headers_get_content_length (headers), raw,
                        body, body_size, stop);

    case SOUP_ENCODING_CHUNKED:
      for (;;)
        {
          g_autofree char *line = peer_read_until (peer, "\r\n", raw, stop);
          guint64 size;

          if (line == NULL)
            return FALSE;
          size = g_ascii_strtoull (line, NULL, 16);
          if (size == 0)
            {
              /* Trailers, up to an empty line. */
              for (;;)
                {
                  g_autofree char *trailer = peer_read_until (peer, "\r\n", raw, stop);

                  if (trailer == NULL)
                    return FALSE;
                  if (*trailer == '\0')
                    return TRUE;
                }
            }
          if (!peer_take (peer, size, raw, body, body_size, stop))
            return FALSE;
          g_free (peer_read_until (peer, "\r\n", raw, stop));
        }

    case SOUP_ENCODING_EOF:
      /* Up to the end of the connection. */
      *until_close = TRUE;
      do
        if (!peer_take (peer, peer->buffer->len, raw, body, body_size, stop))
          return FALSE;
      while (peer_fill (peer, stop));
      return TRUE;

    case SOUP_ENCODING_NONE:
    case SOUP_ENCODING_UNRECOGNIZED:
    case SOUP_ENCODING_BYTERANGES:
    default:
      return TRUE;
    }
}

static gboolean
send_all (GSocket      *socket,
          const guint8 *data,
          gsize         size,
          GCancellable *stop)
{
  while (size > 0)
    {
      gssize n = g_socket_send (socket, (const char *) data, size, stop, NULL);

      if (n <= 0)
        return FALSE;
      data += n;
      size -= (gsize) n;
    }
  return TRUE;
}

static void
record (CsTestRelay    *relay,
        CsTestExchange *exchange)
{
  g_mutex_lock (&relay->lock);
  g_ptr_array_add (relay->exchanges, exchange);
  g_cond_broadcast (&relay->changed);
  g_mutex_unlock (&relay->lock);
}

/* A 503 as a proxy in front of a busy server writes it: plain HTML. */
static GBytes *
injected_answer (guint status)
{
  const char *reason = soup_status_get_phrase (status);
  g_autofree char *body = g_strdup_printf ("<html><body><h1>%u %s</h1>"
                                           "<p>Injected by the test relay.</p></body></html>\n",
                                           status, reason != NULL ? reason : "");
  char *text = g_strdup_printf ("HTTP/1.1 %u %s\r\n"
                                "Content-Type: text/html\r\n"
                                "Content-Length: %zu\r\n"
                                "Retry-After: 1\r\n"
                                "\r\n%s",
                                status, reason != NULL ? reason : "", strlen (body), body);

  return g_bytes_new_take (text, strlen (text));
}

/* Sends one request to the server on a fresh connection and reads its
 * whole answer into @exchange and @raw. */
static gboolean
ask_server (CsTestRelay    *relay,
            GByteArray     *request,
            CsTestExchange *exchange,
            GByteArray     *raw,
            gboolean       *until_close)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GByteArray) body = NULL;
  g_autofree char *head = NULL;
  Peer server = { NULL, NULL };
  gboolean ok = FALSE;
  gboolean has_body;
  guint status = 0;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  if (socket == NULL || !g_socket_connect (socket, relay->upstream, relay->stop, NULL) ||
      !send_all (socket, request->data, request->len, relay->stop))
    return FALSE;

  server.socket = socket;
  server.buffer = g_byte_array_new ();
  head = peer_read_until (&server, "\r\n\r\n", raw, relay->stop);
  if (head == NULL)
    goto out;
  exchange->response_headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
  {
    g_autofree char *with_end = g_strconcat (head, "\r\n\r\n", NULL);

    if (!soup_headers_parse_response (with_end, (int) strlen (with_end),
                                      exchange->response_headers, NULL, &status, NULL))
      goto out;
  }

  has_body = !g_str_equal (exchange->method, "HEAD") && status >= 200 &&
             status != SOUP_STATUS_NO_CONTENT && status != SOUP_STATUS_NOT_MODIFIED;
  {
    const char *type = soup_message_headers_get_content_type (exchange->response_headers, NULL);

    if (type != NULL && g_str_has_suffix (type, "json"))
      body = g_byte_array_new ();
  }
  if (!peer_read_body (&server, exchange->response_headers, has_body, raw, body,
                       &exchange->response_body_size, until_close, relay->stop))
    goto out;

  exchange->status = status;
  if (body != NULL)
    exchange->response_body = g_byte_array_free_to_bytes (g_steal_pointer (&body));
  ok = TRUE;

out:
  g_socket_close (socket, NULL);
  g_byte_array_unref (server.buffer);
  return ok;
}

static gboolean
matches (const char *method,
         const char *wanted)
{
  return wanted != NULL && g_str_equal (method, wanted);
}

static gpointer
serve_connection (gpointer data)
{
  Connection *connection = data;
  CsTestRelay *relay = connection->relay;
  Peer client = { connection->socket, g_byte_array_new () };

  for (;;)
    {
      g_autoptr(GByteArray) request = g_byte_array_new ();
      g_autoptr(GByteArray) answer = g_byte_array_new ();
      g_autofree char *head = NULL;
      g_autofree char *with_end = NULL;
      CsTestExchange *exchange;
      gboolean until_close = FALSE;
      gboolean refuse = FALSE, hold = FALSE;
      const char *tokens;

      head = peer_read_until (&client, "\r\n\r\n", request, relay->stop);
      if (head == NULL)
        break;

      exchange = g_new0 (CsTestExchange, 1);
      exchange->request_headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
      with_end = g_strconcat (head, "\r\n\r\n", NULL);
      if (soup_headers_parse_request (with_end, (int) strlen (with_end),
                                      exchange->request_headers, &exchange->method,
                                      &exchange->path, NULL) != SOUP_STATUS_OK ||
          !peer_read_body (&client, exchange->request_headers, TRUE, request, NULL,
                           &exchange->request_body_size, &until_close, relay->stop))
        {
          exchange_free (exchange);
          break;
        }

      g_mutex_lock (&relay->lock);
      if (relay->refuse_left > 0 && matches (exchange->method, relay->refuse_method))
        {
          relay->refuse_left--;
          refuse = TRUE;
        }
      else if (relay->held == NULL && matches (exchange->method, relay->hold_method) &&
               strstr (exchange->path, relay->hold_path) != NULL)
        {
          if (relay->hold_skip > 0)
            relay->hold_skip--;
          else
            {
              hold = TRUE;
              g_clear_pointer (&relay->hold_method, g_free);
              g_clear_pointer (&relay->hold_path, g_free);
            }
        }
      g_mutex_unlock (&relay->lock);

      if (refuse)
        {
          g_autoptr(GBytes) canned = injected_answer (relay->refuse_status);

          exchange->status = relay->refuse_status;
          exchange->injected = TRUE;
          record (relay, exchange);
          if (!send_all (client.socket, g_bytes_get_data (canned, NULL), g_bytes_get_size (canned),
                         relay->stop))
            break;
          continue;
        }

      if (!ask_server (relay, request, exchange, answer, &until_close))
        {
          /* The server closed without an answer: so does the relay. */
          record (relay, exchange);
          break;
        }

      if (hold)
        {
          g_mutex_lock (&relay->lock);
          exchange->held = TRUE;
          g_ptr_array_add (relay->exchanges, exchange);
          relay->held = exchange;
          g_cond_broadcast (&relay->changed);
          while (relay->held == exchange && !g_cancellable_is_cancelled (relay->stop))
            g_cond_wait (&relay->changed, &relay->lock);
          g_mutex_unlock (&relay->lock);
          break;              /* the answer is dropped with the connection */
        }

      record (relay, exchange);
      if (!send_all (client.socket, answer->data, answer->len, relay->stop))
        break;
      tokens = soup_message_headers_get_list (exchange->response_headers, "Connection");
      if (until_close || (tokens != NULL && soup_header_contains (tokens, "close")))
        break;
    }

  g_socket_close (client.socket, NULL);
  g_byte_array_unref (client.buffer);
  g_mutex_lock (&relay->lock);
  connection->done = TRUE;
  g_mutex_unlock (&relay->lock);
  return NULL;
}

static void
connection_join (Connection *connection)
{
  g_thread_join (connection->thread);
  g_object_unref (connection->socket);
  g_free (connection);
}

static gpointer
accept_connections (gpointer data)
{
  CsTestRelay *relay = data;

  for (;;)
    {
      GSocket *socket = g_socket_accept (relay->listener, relay->stop, NULL);
      Connection *connection;
      g_autoptr(GPtrArray) finished = g_ptr_array_new ();

      if (socket == NULL)
        break;
      connection = g_new0 (Connection, 1);
      connection->relay = relay;
      connection->socket = socket;

      /* The threads of connections closed are joined as new ones come. */
      g_mutex_lock (&relay->lock);
      for (guint i = relay->connections->len; i > 0; i--)
        if (((Connection *) g_ptr_array_index (relay->connections, i - 1))->done)
          g_ptr_array_add (finished, g_ptr_array_steal_index (relay->connections, i - 1));
      connection->thread = g_thread_new ("cs-test-relay", serve_connection, connection);
      g_ptr_array_add (relay->connections, connection);
      g_mutex_unlock (&relay->lock);
      for (guint i = 0; i < finished->len; i++)
        connection_join (g_ptr_array_index (finished, i));
    }
  return NULL;
}

/**
 * cs_test_relay_new:
 * @upstream_url: the server's URL, http://127.0.0.1:PORT
 *
 * Returns: a relay listening on a free loopback port
 */
CsTestRelay *
cs_test_relay_new (const char *upstream_url)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) uri = g_uri_parse (upstream_url, G_URI_FLAGS_NONE, &error);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  CsTestRelay *relay = g_new0 (CsTestRelay, 1);

  g_assert_no_error (error);
  g_assert_cmpstr (g_uri_get_scheme (uri), ==, "http");
  g_assert_cmpstr (g_uri_get_host (uri), ==, "127.0.0.1");
  relay->upstream = g_inet_socket_address_new (loopback, (guint16) g_uri_get_port (uri));

  relay->listener = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                  G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_assert_true (g_socket_bind (relay->listener, any, TRUE, &error));
  g_assert_no_error (error);
  g_socket_set_listen_backlog (relay->listener, 64);
  g_assert_true (g_socket_listen (relay->listener, &error));
  g_assert_no_error (error);
  bound = g_socket_get_local_address (relay->listener, &error);
  g_assert_no_error (error);
  relay->url = g_strdup_printf ("http://127.0.0.1:%u",
                                g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));

  relay->stop = g_cancellable_new ();
  g_mutex_init (&relay->lock);
  g_cond_init (&relay->changed);
  relay->exchanges = g_ptr_array_new_with_free_func ((GDestroyNotify) exchange_free);
  relay->connections = g_ptr_array_new ();
  relay->acceptor = g_thread_new ("cs-test-relay-accept", accept_connections, relay);
  return relay;
}

void
cs_test_relay_free (CsTestRelay *relay)
{
  g_cancellable_cancel (relay->stop);
  g_mutex_lock (&relay->lock);
  g_cond_broadcast (&relay->changed);
  g_mutex_unlock (&relay->lock);

  g_thread_join (relay->acceptor);
  /* No connection is added any more: the acceptor is gone. */
  for (guint i = 0; i < relay->connections->len; i++)
    connection_join (g_ptr_array_index (relay->connections, i));
  g_ptr_array_unref (relay->connections);

  g_socket_close (relay->listener, NULL);
  g_object_unref (relay->listener);
  g_object_unref (relay->upstream);
  g_object_unref (relay->stop);
  g_ptr_array_unref (relay->exchanges);
  g_free (relay->refuse_method);
  g_free (relay->hold_method);
  g_free (relay->hold_path);
  g_mutex_clear (&relay->lock);
  g_cond_clear (&relay->changed);
  g_free (relay->url);
  g_free (relay);
}

const char *
cs_test_relay_get_url (CsTestRelay *relay)
{
  return relay->url;
}

/**
 * cs_test_relay_count:
 *
 * Returns: how many exchanges were recorded so far
 */
guint
cs_test_relay_count (CsTestRelay *relay)
{
  guint n;

  g_mutex_lock (&relay->lock);
  n = relay->exchanges->len;
  g_mutex_unlock (&relay->lock);
  return n;
}

/**
 * cs_test_relay_exchanges:
 * @first: the index of the first exchange wanted
 *
 * Returns: (transfer container): the exchanges recorded from @first on, in
 *   the order they completed; they belong to the relay
 */
GPtrArray *
cs_test_relay_exchanges (CsTestRelay *relay,
                         guint        first)
{
  GPtrArray *list = g_ptr_array_new ();

  g_mutex_lock (&relay->lock);
  for (guint i = first; i < relay->exchanges->len; i++)
    g_ptr_array_add (list, g_ptr_array_index (relay->exchanges, i));
  g_mutex_unlock (&relay->lock);
  return list;
}

/**
 * cs_test_relay_refuse:
 * @method: the requests' method
 * @n: how many
 * @status: the status to answer with, such as 503
 *
 * The next @n requests with @method are answered by the relay with
 * @status; the server never sees them.
 */
void
cs_test_relay_refuse (CsTestRelay *relay,
                      const char  *method,
                      guint        n,
                      guint        status)
{
  g_mutex_lock (&relay->lock);
  g_free (relay->refuse_method);
  relay->refuse_method = g_strdup (method);
  relay->refuse_left = n;
  relay->refuse_status = status;
  g_mutex_unlock (&relay->lock);
}

/**
 * cs_test_relay_hold:
 * @method: the request's method
 * @path_part: a part of its path
 * @skip: how many such requests to pass first
 *
 * The request after @skip others matching is passed to the server, and
 * its answer kept back from the client until cs_test_relay_release(),
 * which drops the connection instead of answering.
 */
void
cs_test_relay_hold (CsTestRelay *relay,
                    const char  *method,
                    const char  *path_part,
                    guint        skip)
{
  g_mutex_lock (&relay->lock);
  g_free (relay->hold_method);
  g_free (relay->hold_path);
  relay->hold_method = g_strdup (method);
  relay->hold_path = g_strdup (path_part);
  relay->hold_skip = skip;
  g_mutex_unlock (&relay->lock);
}

/**
 * cs_test_relay_wait_held:
 *
 * Waits until the server has answered the request chosen with
 * cs_test_relay_hold() (aborting the test after two minutes).
 *
 * Returns: (transfer none): its exchange
 */
const CsTestExchange *
cs_test_relay_wait_held (CsTestRelay *relay)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_TIME_SPAN_SECOND;
  CsTestExchange *held;

  g_mutex_lock (&relay->lock);
  while (relay->held == NULL)
    if (!g_cond_wait_until (&relay->changed, &relay->lock, deadline))
      g_error ("the relay saw no request to hold in %d s", WAIT_SECONDS);
  held = relay->held;
  g_mutex_unlock (&relay->lock);
  return held;
}

void
cs_test_relay_release (CsTestRelay *relay)
{
  g_mutex_lock (&relay->lock);
  relay->held = NULL;
  g_cond_broadcast (&relay->changed);
  g_mutex_unlock (&relay->lock);
}

const char *
cs_test_exchange_request_header (const CsTestExchange *exchange,
                                 const char           *name)
{
  return soup_message_headers_get_one (exchange->request_headers, name);
}

const char *
cs_test_exchange_response_header (const CsTestExchange *exchange,
                                  const char           *name)
{
  return exchange->response_headers != NULL
         ? soup_message_headers_get_one (exchange->response_headers, name) : NULL;
}
