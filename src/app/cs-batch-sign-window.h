/* cs-batch-sign-window.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-plugin-host.h"
#include "cs-session.h"

G_BEGIN_DECLS

#define CS_TYPE_BATCH_SIGN_WINDOW (cs_batch_sign_window_get_type ())

G_DECLARE_FINAL_TYPE (CsBatchSignWindow, cs_batch_sign_window, CS, BATCH_SIGN_WINDOW, AdwWindow)

CsBatchSignWindow *cs_batch_sign_window_new (GtkWindow    *parent,
                                             CsSession    *session,
                                             CsPluginHost *host,
                                             CsMatter     *matter);

G_END_DECLS
