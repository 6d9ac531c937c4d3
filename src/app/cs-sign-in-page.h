/* cs-sign-in-page.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-session.h"

G_BEGIN_DECLS

#define CS_TYPE_SIGN_IN_PAGE (cs_sign_in_page_get_type ())

G_DECLARE_FINAL_TYPE (CsSignInPage, cs_sign_in_page, CS, SIGN_IN_PAGE, AdwBin)

CsSignInPage *cs_sign_in_page_new          (void);
void          cs_sign_in_page_set_session  (CsSignInPage *self,
                                            CsSession    *session);
void          cs_sign_in_page_prefill      (CsSignInPage *self,
                                            const char   *server_url,
                                            const char   *ca_file,
                                            const char   *username);
void          cs_sign_in_page_show_message (CsSignInPage *self,
                                            const char   *message);

G_END_DECLS
