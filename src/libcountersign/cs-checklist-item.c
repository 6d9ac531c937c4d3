/* cs-checklist-item.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-checklist-item.h"
#include "cs-error.h"
#include "cs-json-private.h"

/**
 * CsChecklistItem:
 *
 * One entry of a matter's standard checklist (材料清单): a material the
 * applicant must hand in, how many copies, in what form, and whether it
 * is always required or only under a condition.
 */
struct _CsChecklistItem
{
  GObject parent_instance;

  char *code;
  char *name;
  char *condition;
  guint copies;
  CsMaterialForm form;
  gboolean required;
};

G_DEFINE_FINAL_TYPE (CsChecklistItem, cs_checklist_item, G_TYPE_OBJECT)

static void
cs_checklist_item_finalize (GObject *object)
{
  CsChecklistItem *self = (CsChecklistItem *) object;

  g_free (self->code);
  g_free (self->name);
  g_free (self->condition);

  G_OBJECT_CLASS (cs_checklist_item_parent_class)->finalize (object);
}

static void
cs_checklist_item_class_init (CsChecklistItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cs_checklist_item_finalize;
}

static void
cs_checklist_item_init (CsChecklistItem *self)
{
}

/**
 * cs_checklist_item_new_from_json:
 * @object: a `ChecklistItem` of the central API
 * @error: return location for a #CS_ERROR_PROTOCOL
 *
 * Returns: (transfer full) (nullable): the item, or %NULL when @object
 *   does not follow the contract
 */
CsChecklistItem *
cs_checklist_item_new_from_json (JsonObject  *object,
                                 GError     **error)
{
  g_autoptr(CsChecklistItem) self = g_object_new (CS_TYPE_CHECKLIST_ITEM, NULL);
  const char *code, *name, *form, *requirement, *condition;
  gint64 copies;

  if (!_cs_json_get_string (object, "checklist", "code", 0, &code, error) ||
      !_cs_json_get_string (object, "checklist", "name", 0, &name, error) ||
      !_cs_json_get_int (object, "checklist", "copies", 0, &copies, error) ||
      !_cs_json_get_string (object, "checklist", "form", 0, &form, error) ||
      !_cs_json_get_string (object, "checklist", "requirement", 0, &requirement, error) ||
      !_cs_json_get_string (object, "checklist", "condition", CS_JSON_NULLABLE,
                            &condition, error))
    return NULL;

  if (g_str_equal (form, "original"))
    self->form = CS_MATERIAL_FORM_ORIGINAL;
  else if (g_str_equal (form, "copy"))
    self->form = CS_MATERIAL_FORM_COPY;
  else if (g_str_equal (form, "electronic"))
    self->form = CS_MATERIAL_FORM_ELECTRONIC;
  else
    {
      g_set_error (error, CS_ERROR, CS_ERROR_PROTOCOL,
                   _("The server’s answer cannot be read: unknown material form “%s”"), form);
      return NULL;
    }

  self->code = g_strdup (code);
  self->name = g_strdup (name);
  self->condition = g_strdup (condition);
  self->copies = (guint) CLAMP (copies, 1, G_MAXUINT16);
  self->required = !g_str_equal (requirement, "conditional");

  return g_steal_pointer (&self);
}

const char *
cs_checklist_item_get_code (CsChecklistItem *self)
{
  g_return_val_if_fail (CS_IS_CHECKLIST_ITEM (self), NULL);
  return self->code;
}

const char *
cs_checklist_item_get_name (CsChecklistItem *self)
{
  g_return_val_if_fail (CS_IS_CHECKLIST_ITEM (self), NULL);
  return self->name;
}

guint
cs_checklist_item_get_copies (CsChecklistItem *self)
{
  g_return_val_if_fail (CS_IS_CHECKLIST_ITEM (self), 0);
  return self->copies;
}

CsMaterialForm
cs_checklist_item_get_form (CsChecklistItem *self)
{
  g_return_val_if_fail (CS_IS_CHECKLIST_ITEM (self), 0);
  return self->form;
}

/**
 * cs_checklist_item_get_required:
 * @self: a #CsChecklistItem
 *
 * Returns: %TRUE when the item is always required, %FALSE when only under
 *   the item's condition
 */
gboolean
cs_checklist_item_get_required (CsChecklistItem *self)
{
  g_return_val_if_fail (CS_IS_CHECKLIST_ITEM (self), FALSE);
  return self->required;
}

/**
 * cs_checklist_item_get_condition:
 * @self: a #CsChecklistItem
 *
 * Returns: (nullable): when a conditional item is required, in words
 */
const char *
cs_checklist_item_get_condition (CsChecklistItem *self)
{
  g_return_val_if_fail (CS_IS_CHECKLIST_ITEM (self), NULL);
  return self->condition;
}
