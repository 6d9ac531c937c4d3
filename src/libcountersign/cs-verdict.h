/* cs-verdict.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(COUNTERSIGN_INSIDE) && !defined(COUNTERSIGN_COMPILATION)
# error "Only <countersign.h> can be included directly."
#endif

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "cs-version-macros.h"

G_BEGIN_DECLS

/**
 * CsVerdictKind:
 * @CS_VERDICT_VERIFIED: the material for the item is present and right.
 * @CS_VERDICT_PROBLEM: the material is missing or faulty; the verdict
 *   says why.
 *
 * The approver's finding on one checklist item.
 */
typedef enum
{
  CS_VERDICT_VERIFIED,
  CS_VERDICT_PROBLEM,
} CsVerdictKind;

#define CS_TYPE_VERDICT (cs_verdict_get_type ())

CS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (CsVerdict, cs_verdict, CS, VERDICT, GObject)

CS_AVAILABLE_IN_ALL
CsVerdict     *cs_verdict_new            (const char    *item,
                                          CsVerdictKind  kind,
                                          const char    *reason);
CS_AVAILABLE_IN_ALL
CsVerdict     *cs_verdict_new_from_json  (JsonObject    *object,
                                          GError       **error);
CS_AVAILABLE_IN_ALL
JsonNode      *cs_verdict_to_json        (CsVerdict     *self);
CS_AVAILABLE_IN_ALL
const char    *cs_verdict_get_item       (CsVerdict     *self);
CS_AVAILABLE_IN_ALL
CsVerdictKind  cs_verdict_get_kind       (CsVerdict     *self);
CS_AVAILABLE_IN_ALL
const char    *cs_verdict_get_reason     (CsVerdict     *self);
CS_AVAILABLE_IN_ALL
const char    *cs_verdict_get_material   (CsVerdict     *self);
CS_AVAILABLE_IN_ALL
guint          cs_verdict_get_page       (CsVerdict     *self);
CS_AVAILABLE_IN_ALL
void           cs_verdict_set_material   (CsVerdict     *self,
                                          const char    *material_id,
                                          guint          page);

G_END_DECLS
