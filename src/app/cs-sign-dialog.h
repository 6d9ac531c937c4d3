/* cs-sign-dialog.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-session.h"
#include "cs-signer.h"

G_BEGIN_DECLS

#define CS_TYPE_SIGN_DIALOG (cs_sign_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CsSignDialog, cs_sign_dialog, CS, SIGN_DIALOG, AdwWindow)

CsSignDialog *cs_sign_dialog_new         (GtkWindow    *parent,
                                          CsSession    *session,
                                          const char   *summary);
void          cs_sign_dialog_set_key     (CsSignDialog *self,
                                          const char   *key);
char         *cs_sign_dialog_dup_key     (CsSignDialog *self);
CsSigner     *cs_sign_dialog_get_signer  (CsSignDialog *self);

G_END_DECLS
