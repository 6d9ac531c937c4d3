/* cs-check-context-private.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* Only the desk (and the tests) build check contexts: the header is not
 * installed, but the symbols are exported, as the desk links the shared
 * library. */

#include "cs-check-context.h"

G_BEGIN_DECLS

CS_AVAILABLE_IN_ALL
CsCheckContext *_cs_check_context_new               (CsCase         *kase,
                                                     CsMatter       *matter,
                                                     const GDate    *today);
CS_AVAILABLE_IN_ALL
void            _cs_check_context_set_material_text (CsCheckContext *self,
                                                     const char     *material_id,
                                                     const char     *text);

G_END_DECLS
