/* cs-credentials.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* Private to the desk and countersign-cli: plugins never see a token. The
 * header is not installed.
 *
 * The session token lives in the desktop keyring only (libsecret schema
 * `org.countersign.Token`, attributes `server` and `username`). The
 * environment variable `COUNTERSIGN_TOKEN`, when set and not empty, wins
 * over the keyring in cs_credentials_lookup_token(), for scripts and tests;
 * storing and clearing always go to the keyring. */

#include <gio/gio.h>

#include "cs-version-macros.h"

G_BEGIN_DECLS

/**
 * CS_CREDENTIALS_ERROR:
 *
 * The error domain of the keyring that keeps the session tokens.
 */
#define CS_CREDENTIALS_ERROR (cs_credentials_error_quark ())

/**
 * CsCredentialsError:
 * @CS_CREDENTIALS_ERROR_FAILED: the keyring refused for another reason.
 * @CS_CREDENTIALS_ERROR_UNAVAILABLE: no keyring (Secret Service) answers in
 *   this session, or there is no session bus at all.
 * @CS_CREDENTIALS_ERROR_LOCKED: the keyring is locked and stayed so: the
 *   person dismissed the unlock prompt, or no prompt could be shown.
 * @CS_CREDENTIALS_ERROR_NO_KEYRING: there is no default keyring to store
 *   into, and none was created (the person dismissed the prompt).
 *
 * Why the keyring could not keep, give or forget a token. The message says
 * it in words a person understands and ends with the keyring's own reason.
 */
typedef enum
{
  CS_CREDENTIALS_ERROR_FAILED,
  CS_CREDENTIALS_ERROR_UNAVAILABLE,
  CS_CREDENTIALS_ERROR_LOCKED,
  CS_CREDENTIALS_ERROR_NO_KEYRING,
} CsCredentialsError;

CS_AVAILABLE_IN_ALL
GQuark    cs_credentials_error_quark         (void);

CS_AVAILABLE_IN_ALL
gboolean  cs_credentials_store_token         (const char           *server,
                                              const char           *username,
                                              const char           *token,
                                              GCancellable         *cancellable,
                                              GError              **error);
CS_AVAILABLE_IN_ALL
void      cs_credentials_store_token_async   (const char           *server,
                                              const char           *username,
                                              const char           *token,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
CS_AVAILABLE_IN_ALL
gboolean  cs_credentials_store_token_finish  (GAsyncResult         *result,
                                              GError              **error);

CS_AVAILABLE_IN_ALL
char     *cs_credentials_lookup_token        (const char           *server,
                                              const char           *username,
                                              GCancellable         *cancellable,
                                              GError              **error);
CS_AVAILABLE_IN_ALL
void      cs_credentials_lookup_token_async  (const char           *server,
                                              const char           *username,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
CS_AVAILABLE_IN_ALL
char     *cs_credentials_lookup_token_finish (GAsyncResult         *result,
                                              GError              **error);

CS_AVAILABLE_IN_ALL
gboolean  cs_credentials_clear_token         (const char           *server,
                                              const char           *username,
                                              GCancellable         *cancellable,
                                              GError              **error);
CS_AVAILABLE_IN_ALL
void      cs_credentials_clear_token_async   (const char           *server,
                                              const char           *username,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
CS_AVAILABLE_IN_ALL
gboolean  cs_credentials_clear_token_finish  (GAsyncResult         *result,
                                              GError              **error);

CS_AVAILABLE_IN_ALL
void      cs_credentials_token_free          (char                 *token);

G_END_DECLS
