/* cs-checklist-item.h
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
 * CsMaterialForm:
 * @CS_MATERIAL_FORM_ORIGINAL: the original (原件).
 * @CS_MATERIAL_FORM_COPY: a copy (复印件).
 * @CS_MATERIAL_FORM_ELECTRONIC: an electronic document (电子件).
 *
 * In what form a checklist item must be handed in.
 */
typedef enum
{
  CS_MATERIAL_FORM_ORIGINAL,
  CS_MATERIAL_FORM_COPY,
  CS_MATERIAL_FORM_ELECTRONIC,
} CsMaterialForm;

#define CS_TYPE_CHECKLIST_ITEM (cs_checklist_item_get_type ())

CS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (CsChecklistItem, cs_checklist_item, CS, CHECKLIST_ITEM, GObject)

CS_AVAILABLE_IN_ALL
CsChecklistItem *cs_checklist_item_new_from_json  (JsonObject       *object,
                                                   GError          **error);
CS_AVAILABLE_IN_ALL
const char      *cs_checklist_item_get_code       (CsChecklistItem  *self);
CS_AVAILABLE_IN_ALL
const char      *cs_checklist_item_get_name       (CsChecklistItem  *self);
CS_AVAILABLE_IN_ALL
guint            cs_checklist_item_get_copies     (CsChecklistItem  *self);
CS_AVAILABLE_IN_ALL
CsMaterialForm   cs_checklist_item_get_form       (CsChecklistItem  *self);
CS_AVAILABLE_IN_ALL
gboolean         cs_checklist_item_get_required   (CsChecklistItem  *self);
CS_AVAILABLE_IN_ALL
const char      *cs_checklist_item_get_condition  (CsChecklistItem  *self);

G_END_DECLS
