/* cs-signer.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* Private to the desk and countersign-cli: plugins never sign. The header
 * is not installed. */

#include <gio/gio.h>

#include "cs-version-macros.h"

G_BEGIN_DECLS

#define CS_TYPE_SIGNER (cs_signer_get_type ())

CS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (CsSigner, cs_signer, CS, SIGNER, GObject)

CS_AVAILABLE_IN_ALL
CsSigner   *cs_signer_new_from_pkcs12        (const char    *path,
                                              const char    *password,
                                              GError       **error);
CS_AVAILABLE_IN_ALL
CsSigner   *cs_signer_new_from_pkcs11        (const char    *uri,
                                              const char    *pin,
                                              GError       **error);
CS_AVAILABLE_IN_ALL
CsSigner   *cs_signer_new_for_key            (const char    *key,
                                              const char    *secret,
                                              GError       **error);
CS_AVAILABLE_IN_ALL
void        cs_signer_new_for_key_async      (const char          *key,
                                              const char          *secret,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
CS_AVAILABLE_IN_ALL
CsSigner   *cs_signer_new_for_key_finish     (GAsyncResult        *result,
                                              GError             **error);
CS_AVAILABLE_IN_ALL
const char *cs_signer_get_subject            (CsSigner      *self);
CS_AVAILABLE_IN_ALL
const char *cs_signer_get_common_name        (CsSigner      *self);
CS_AVAILABLE_IN_ALL
const char *cs_signer_get_issuer             (CsSigner      *self);
CS_AVAILABLE_IN_ALL
GDateTime  *cs_signer_get_not_before         (CsSigner      *self);
CS_AVAILABLE_IN_ALL
GDateTime  *cs_signer_get_not_after          (CsSigner      *self);
CS_AVAILABLE_IN_ALL
char       *cs_signer_dup_certificate_pem    (CsSigner      *self);
CS_AVAILABLE_IN_ALL
gboolean    cs_signer_check_validity         (CsSigner      *self,
                                              GDateTime     *when,
                                              GError       **error);
CS_AVAILABLE_IN_ALL
GBytes     *cs_signer_sign                   (CsSigner      *self,
                                              GBytes        *data,
                                              GError       **error);
CS_AVAILABLE_IN_ALL
void        cs_signer_sign_async             (CsSigner            *self,
                                              GBytes              *data,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
CS_AVAILABLE_IN_ALL
GBytes     *cs_signer_sign_finish            (CsSigner      *self,
                                              GAsyncResult  *result,
                                              GError       **error);

G_END_DECLS
