/* cs-case-view.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cs-plugin-host.h"
#include "cs-session.h"

G_BEGIN_DECLS

#define CS_TYPE_CASE_VIEW (cs_case_view_get_type ())

G_DECLARE_FINAL_TYPE (CsCaseView, cs_case_view, CS, CASE_VIEW, AdwBin)

CsCaseView *cs_case_view_new             (void);
void        cs_case_view_set_session     (CsCaseView   *self,
                                          CsSession    *session);
void        cs_case_view_set_plugin_host (CsCaseView   *self,
                                          CsPluginHost *host);
void        cs_case_view_open            (CsCaseView   *self,
                                          CsCase       *kase);
void        cs_case_view_close           (CsCaseView   *self);
CsCase     *cs_case_view_get_case        (CsCaseView   *self);

G_END_DECLS
