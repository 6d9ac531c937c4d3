/* csc-password.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CSC_PASSWORD_ITERATIONS 60000

gboolean  csc_password_hash    (const char  *password,
                                guint        iterations,
                                GBytes     **salt,
                                GBytes     **hash,
                                GError     **error);
gboolean  csc_password_verify  (const char  *password,
                                guint        iterations,
                                GBytes      *salt,
                                GBytes      *hash);
char     *csc_token_new        (GError     **error);
char     *csc_token_digest     (const char  *token);

G_END_DECLS
