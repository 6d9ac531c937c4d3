/* cs-verdict.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-error.h"
#include "cs-json-private.h"
#include "cs-verdict.h"

/**
 * CsVerdict:
 *
 * The approver's finding on one checklist item of a case: verified, or a
 * problem with its reason, optionally pointing at a material and a page.
 */
struct _CsVerdict
{
  GObject parent_instance;

  char *item;
  char *reason;
  char *material;
  guint page;
  CsVerdictKind kind;
};

G_DEFINE_FINAL_TYPE (CsVerdict, cs_verdict, G_TYPE_OBJECT)

static void
cs_verdict_finalize (GObject *object)
{
  CsVerdict *self = (CsVerdict *) object;

  g_free (self->item);
  g_free (self->reason);
  g_free (self->material);

  G_OBJECT_CLASS (cs_verdict_parent_class)->finalize (object);
}

static void
cs_verdict_class_init (CsVerdictClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cs_verdict_finalize;
}

static void
cs_verdict_init (CsVerdict *self)
{
}

/**
 * cs_verdict_new:
 * @item: the checklist item's code
 * @kind: the finding
 * @reason: (nullable): why, for %CS_VERDICT_PROBLEM
 *
 * Returns: (transfer full): a new verdict
 */
CsVerdict *
cs_verdict_new (const char    *item,
                CsVerdictKind  kind,
                const char    *reason)
{
  CsVerdict *self;

  g_return_val_if_fail (item != NULL, NULL);

  self = g_object_new (CS_TYPE_VERDICT, NULL);
  self->item = g_strdup (item);
  self->kind = kind;
  self->reason = g_strdup (reason);
  return self;
}

/**
 * cs_verdict_new_from_json:
 * @object: a `Verdict` of the central API
 * @error: return location for a #CS_ERROR_PROTOCOL
 *
 * Returns: (transfer full) (nullable): the verdict, or %NULL when @object
 *   does not follow the contract
 */
CsVerdict *
cs_verdict_new_from_json (JsonObject  *object,
                          GError     **error)
{
  g_autoptr(CsVerdict) self = g_object_new (CS_TYPE_VERDICT, NULL);
  const char *item, *verdict, *reason, *material;
  gint64 page;

  if (!_cs_json_get_string (object, "verdict", "item", 0, &item, error) ||
      !_cs_json_get_string (object, "verdict", "verdict", 0, &verdict, error) ||
      !_cs_json_get_string (object, "verdict", "reason", CS_JSON_OPTIONAL, &reason, error) ||
      !_cs_json_get_string (object, "verdict", "material", CS_JSON_OPTIONAL, &material,
                            error) ||
      !_cs_json_get_int (object, "verdict", "page", CS_JSON_OPTIONAL, &page, error))
    return NULL;

  if (g_str_equal (verdict, "verified"))
    self->kind = CS_VERDICT_VERIFIED;
  else if (g_str_equal (verdict, "problem"))
    self->kind = CS_VERDICT_PROBLEM;
  else
    {
      g_set_error (error, CS_ERROR, CS_ERROR_PROTOCOL,
                   _("The server’s answer cannot be read: unknown verdict “%s”"), verdict);
      return NULL;
    }

  self->item = g_strdup (item);
  self->reason = g_strdup (reason);
  self->material = g_strdup (material);
  self->page = (guint) CLAMP (page, 0, G_MAXUINT);
  return g_steal_pointer (&self);
}

/**
 * cs_verdict_to_json:
 * @self: a #CsVerdict
 *
 * Returns: (transfer full): the verdict as the central API's `Verdict`
 */
JsonNode *
cs_verdict_to_json (CsVerdict *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (CS_IS_VERDICT (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "item");
  json_builder_add_string_value (builder, self->item);
  json_builder_set_member_name (builder, "verdict");
  json_builder_add_string_value (builder,
                                 self->kind == CS_VERDICT_PROBLEM ? "problem" : "verified");
  if (self->reason != NULL && *self->reason != '\0')
    {
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, self->reason);
    }
  if (self->material != NULL)
    {
      json_builder_set_member_name (builder, "material");
      json_builder_add_string_value (builder, self->material);
    }
  if (self->page > 0)
    {
      json_builder_set_member_name (builder, "page");
      json_builder_add_int_value (builder, self->page);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

const char *
cs_verdict_get_item (CsVerdict *self)
{
  g_return_val_if_fail (CS_IS_VERDICT (self), NULL);
  return self->item;
}

CsVerdictKind
cs_verdict_get_kind (CsVerdict *self)
{
  g_return_val_if_fail (CS_IS_VERDICT (self), 0);
  return self->kind;
}

/**
 * cs_verdict_get_reason:
 * @self: a #CsVerdict
 *
 * Returns: (nullable): why the item is a problem
 */
const char *
cs_verdict_get_reason (CsVerdict *self)
{
  g_return_val_if_fail (CS_IS_VERDICT (self), NULL);
  return self->reason;
}

/**
 * cs_verdict_get_material:
 * @self: a #CsVerdict
 *
 * Returns: (nullable): the ID of the material the verdict points at
 */
const char *
cs_verdict_get_material (CsVerdict *self)
{
  g_return_val_if_fail (CS_IS_VERDICT (self), NULL);
  return self->material;
}

/**
 * cs_verdict_get_page:
 * @self: a #CsVerdict
 *
 * Returns: the page of the material the verdict points at, 0 for none
 */
guint
cs_verdict_get_page (CsVerdict *self)
{
  g_return_val_if_fail (CS_IS_VERDICT (self), 0);
  return self->page;
}

/**
 * cs_verdict_set_material:
 * @self: a #CsVerdict
 * @material_id: (nullable): the material the verdict points at
 * @page: the page, counted from 1, or 0 for the whole material
 *
 * Points the verdict at the material (and page) it concerns.
 */
void
cs_verdict_set_material (CsVerdict  *self,
                         const char *material_id,
                         guint       page)
{
  g_return_if_fail (CS_IS_VERDICT (self));

  g_free (self->material);
  self->material = g_strdup (material_id);
  self->page = material_id != NULL ? page : 0;
}
