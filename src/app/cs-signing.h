/* cs-signing.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <countersign.h>

#include "cs-decision-document.h"
#include "cs-decision-draft.h"
#include "cs-signer.h"

G_BEGIN_DECLS

char               *cs_signing_find_placeholder   (const char          *text);
gboolean            cs_signing_check_draft        (CsDecisionDraft     *draft,
                                                   GError             **error);

void                cs_signing_render_async       (CsDecisionDraft     *draft,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
CsDecisionDocument *cs_signing_render_finish      (GAsyncResult        *result,
                                                   GError             **error);

void                cs_signing_sign_async         (CsDecisionDraft     *draft,
                                                   CsDecisionDocument  *document,
                                                   CsSigner            *signer,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean            cs_signing_sign_finish        (GAsyncResult        *result,
                                                   CsDecisionDocument **out_document,
                                                   GBytes             **out_payload,
                                                   GBytes             **out_signature,
                                                   GError             **error);

void                cs_signing_open_key_async     (const char          *key,
                                                   const char          *secret,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
CsSigner           *cs_signing_open_key_finish    (GAsyncResult        *result,
                                                   GError             **error);

void                cs_signing_lookup_secret_async (const char         *key,
                                                    const char         *username,
                                                    GCancellable       *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer            user_data);
char               *cs_signing_lookup_secret_finish (GAsyncResult      *result,
                                                     GError           **error);
void                cs_signing_free_secret        (char                *secret);
void                cs_signing_store_secret_async (const char          *key,
                                                   const char          *username,
                                                   const char          *secret,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean            cs_signing_store_secret_finish (GAsyncResult       *result,
                                                    GError            **error);
void                cs_signing_clear_secret_async (const char          *key,
                                                   const char          *username,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean            cs_signing_clear_secret_finish (GAsyncResult       *result,
                                                    GError            **error);

char               *cs_signing_format_validity    (CsSigner            *signer);

G_END_DECLS
