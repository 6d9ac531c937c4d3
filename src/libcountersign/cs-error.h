/* cs-error.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(COUNTERSIGN_INSIDE) && !defined(COUNTERSIGN_COMPILATION)
# error "Only <countersign.h> can be included directly."
#endif

#include <glib.h>

#include "cs-version-macros.h"

G_BEGIN_DECLS

/**
 * CS_ERROR:
 *
 * The error domain of the central API client, the offline cache and the
 * outbox. Messages are written for the person at the desk, in their
 * language.
 */
#define CS_ERROR (cs_error_quark ())

/**
 * CsError:
 * @CS_ERROR_FAILED: a failure with no more specific code.
 * @CS_ERROR_NETWORK: the server could not be reached (no route, refused,
 *   timed out, connection lost); worth retrying later.
 * @CS_ERROR_TLS: the server's certificate is not trusted or the TLS
 *   handshake failed; never retried by itself.
 * @CS_ERROR_SERVER: the server failed (5xx); worth retrying later.
 * @CS_ERROR_PROTOCOL: the server's answer does not follow the API contract.
 * @CS_ERROR_UNAUTHORIZED: the session expired or was revoked: sign in again.
 * @CS_ERROR_INVALID_CREDENTIALS: wrong username or password.
 * @CS_ERROR_FORBIDDEN: the user lacks the role for this action.
 * @CS_ERROR_NOT_FOUND: no such case, material or year for this department.
 * @CS_ERROR_CONFLICT: the case is not in a state that allows the action, or
 *   someone else holds it (409); the person must decide what to do.
 * @CS_ERROR_INVALID: the request was refused as malformed or against a
 *   rule of the procedure (400, 422).
 * @CS_ERROR_NOT_SIGNED_IN: no session is known for this server and user.
 * @CS_ERROR_CACHE: the local cache could not be read or written.
 * @CS_ERROR_SIGNING: the signing key could not be used: the PKCS#12 file
 *   or its password, the token, its PIN, or the signature itself failed.
 * @CS_ERROR_CERTIFICATE: a certificate is not acceptable: expired, not yet
 *   valid, not issued by the expected authority, or not for signing.
 * @CS_ERROR_SIGNATURE: a signature is malformed or does not match the
 *   bytes it claims to sign.
 * @CS_ERROR_DOCUMENT: a decision document does not match the SHA-256 that
 *   the signed decision carries, or cannot be drawn.
 *
 * Failures of the client, the cache and the outbox.
 */
typedef enum
{
  CS_ERROR_FAILED,
  CS_ERROR_NETWORK,
  CS_ERROR_TLS,
  CS_ERROR_SERVER,
  CS_ERROR_PROTOCOL,
  CS_ERROR_UNAUTHORIZED,
  CS_ERROR_INVALID_CREDENTIALS,
  CS_ERROR_FORBIDDEN,
  CS_ERROR_NOT_FOUND,
  CS_ERROR_CONFLICT,
  CS_ERROR_INVALID,
  CS_ERROR_NOT_SIGNED_IN,
  CS_ERROR_CACHE,
  CS_ERROR_SIGNING,
  CS_ERROR_CERTIFICATE,
  CS_ERROR_SIGNATURE,
  CS_ERROR_DOCUMENT,
} CsError;

CS_AVAILABLE_IN_ALL
GQuark   cs_error_quark        (void);
CS_AVAILABLE_IN_ALL
gboolean cs_error_is_transient (const GError *error);

G_END_DECLS
