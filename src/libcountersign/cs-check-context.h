/* cs-check-context.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(COUNTERSIGN_INSIDE) && !defined(COUNTERSIGN_COMPILATION)
# error "Only <countersign.h> can be included directly."
#endif

#include <glib-object.h>

#include "cs-case.h"
#include "cs-matter.h"
#include "cs-version-macros.h"

G_BEGIN_DECLS

#define CS_TYPE_CHECK_CONTEXT (cs_check_context_get_type ())

CS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (CsCheckContext, cs_check_context, CS, CHECK_CONTEXT, GObject)

CS_AVAILABLE_IN_ALL
CsCase       *cs_check_context_get_case          (CsCheckContext *self);
CS_AVAILABLE_IN_ALL
CsMatter     *cs_check_context_get_matter        (CsCheckContext *self);
CS_AVAILABLE_IN_ALL
const GDate  *cs_check_context_get_today         (CsCheckContext *self);
CS_AVAILABLE_IN_ALL
const char   *cs_check_context_get_material_text (CsCheckContext *self,
                                                  const char     *material_id);

G_END_DECLS
