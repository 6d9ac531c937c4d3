/* cs-test-relay.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* A loopback HTTP/1.1 relay between a client under test and the real
 * countersign-central: it passes every request on to the server, byte for
 * byte, and the server's answer back, and records what went through, so
 * that a test can prove from the wire what the client asked and what the
 * server answered. It can also inject faults the real server never makes
 * on demand: answer requests itself with an error (a proxy's 503), or keep
 * back the server's answer to one request (the client is then killed, or
 * the connection dropped, after the server acted). Its threads never touch
 * the caller's main context. */

typedef struct _CsTestRelay CsTestRelay;

typedef struct
{
  char               *method;
  char               *path;               /* with the query */
  SoupMessageHeaders *request_headers;
  gsize               request_body_size;

  guint               status;             /* 0 when no answer was had */
  SoupMessageHeaders *response_headers;   /* (nullable) */
  gsize               response_body_size; /* the body's bytes, without chunk framing */
  GBytes             *response_body;      /* (nullable) kept for JSON answers only */
  gboolean            injected;           /* the relay answered; the server never saw it */
  gboolean            held;               /* the server answered; the client never got it */
} CsTestExchange;

CsTestRelay          *cs_test_relay_new             (const char   *upstream_url);
void                  cs_test_relay_free            (CsTestRelay  *relay);
const char           *cs_test_relay_get_url         (CsTestRelay  *relay);

guint                 cs_test_relay_count           (CsTestRelay  *relay);
GPtrArray            *cs_test_relay_exchanges       (CsTestRelay  *relay,
                                                     guint         first);

void                  cs_test_relay_refuse          (CsTestRelay  *relay,
                                                     const char   *method,
                                                     guint         n,
                                                     guint         status);
void                  cs_test_relay_hold            (CsTestRelay  *relay,
                                                     const char   *method,
                                                     const char   *path_part,
                                                     guint         skip);
const CsTestExchange *cs_test_relay_wait_held       (CsTestRelay  *relay);
void                  cs_test_relay_release         (CsTestRelay  *relay);

const char           *cs_test_exchange_request_header  (const CsTestExchange *exchange,
                                                        const char           *name);
const char           *cs_test_exchange_response_header (const CsTestExchange *exchange,
                                                        const char           *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsTestRelay, cs_test_relay_free)

G_END_DECLS
