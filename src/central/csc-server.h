/* csc-server.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "csc-database.h"

G_BEGIN_DECLS

#define CSC_TYPE_SERVER (csc_server_get_type ())

G_DECLARE_FINAL_TYPE (CscServer, csc_server, CSC, SERVER, GObject)

CscServer *csc_server_new           (CscDatabase      *database,
                                     GTlsCertificate  *certificate,
                                     GError          **error);
void       csc_server_set_token_ttl (CscServer        *self,
                                     guint             seconds);
gboolean   csc_server_listen        (CscServer        *self,
                                     const char       *address,
                                     GError          **error);
char      *csc_server_dup_url       (CscServer        *self);

G_END_DECLS
