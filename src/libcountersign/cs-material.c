/* cs-material.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"


#include <glib/gi18n-lib.h>

#include "cs-error.h"
#include "cs-json-private.h"
#include "cs-material.h"

/**
 * CsMaterial:
 *
 * A document the front desk scanned or received for a case (申请材料):
 * which checklist item it answers, its media type, size, SHA-256 (the key
 * of the offline cache) and page count.
 */
struct _CsMaterial
{
  GObject parent_instance;

  char *id;
  char *matter_code;
  char *checklist_item;
  char *name;
  char *media_type;
  char *sha256;
  guint64 size;
  gint64 received_at;
  guint pages;
};

G_DEFINE_FINAL_TYPE (CsMaterial, cs_material, G_TYPE_OBJECT)

static void
cs_material_finalize (GObject *object)
{
  CsMaterial *self = (CsMaterial *) object;

  g_free (self->id);
  g_free (self->matter_code);
  g_free (self->checklist_item);
  g_free (self->name);
  g_free (self->media_type);
  g_free (self->sha256);

  G_OBJECT_CLASS (cs_material_parent_class)->finalize (object);
}

static void
cs_material_class_init (CsMaterialClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cs_material_finalize;
}

static void
cs_material_init (CsMaterial *self)
{
}

/**
 * cs_material_new_from_json:
 * @object: a `Material` of the central API
 * @error: return location for a #CS_ERROR_PROTOCOL
 *
 * Returns: (transfer full) (nullable): the material, or %NULL when
 *   @object does not follow the contract
 */
CsMaterial *
cs_material_new_from_json (JsonObject  *object,
                           GError     **error)
{
  g_autoptr(CsMaterial) self = g_object_new (CS_TYPE_MATERIAL, NULL);
  const char *id, *matter_code, *item, *name, *media_type, *sha256;
  gint64 size, pages;

  if (!_cs_json_get_string (object, "material", "id", 0, &id, error) ||
      !_cs_json_get_string (object, "material", "matter_code", 0, &matter_code, error) ||
      !_cs_json_get_string (object, "material", "checklist_item", CS_JSON_NULLABLE, &item,
                            error) ||
      !_cs_json_get_string (object, "material", "name", 0, &name, error) ||
      !_cs_json_get_string (object, "material", "media_type", 0, &media_type, error) ||
      !_cs_json_get_int (object, "material", "size", 0, &size, error) ||
      !_cs_json_get_string (object, "material", "sha256", 0, &sha256, error) ||
      !_cs_json_get_int (object, "material", "pages", CS_JSON_NULLABLE, &pages, error) ||
      !_cs_json_get_datetime (object, "material", "received_at", 0, &self->received_at, error))
    return NULL;

  /* The digest names a file in the cache: never trust it unchecked. */
  if (!_cs_is_sha256_hex (sha256) || size < 0 || pages < 0)
    {
      g_set_error (error, CS_ERROR, CS_ERROR_PROTOCOL,
                   _("The server’s answer cannot be read: material “%s” is described "
                     "wrongly"), id);
      return NULL;
    }

  self->id = g_strdup (id);
  self->matter_code = g_strdup (matter_code);
  self->checklist_item = g_strdup (item);
  self->name = g_strdup (name);
  self->media_type = g_strdup (media_type);
  self->sha256 = g_strdup (sha256);
  self->size = size;
  self->pages = (guint) MIN (pages, G_MAXUINT);

  return g_steal_pointer (&self);
}

const char *
cs_material_get_id (CsMaterial *self)
{
  g_return_val_if_fail (CS_IS_MATERIAL (self), NULL);
  return self->id;
}

const char *
cs_material_get_matter_code (CsMaterial *self)
{
  g_return_val_if_fail (CS_IS_MATERIAL (self), NULL);
  return self->matter_code;
}

/**
 * cs_material_get_checklist_item:
 * @self: a #CsMaterial
 *
 * Returns: (nullable): the code of the checklist item the material
 *   answers, %NULL for a material outside the checklist
 */
const char *
cs_material_get_checklist_item (CsMaterial *self)
{
  g_return_val_if_fail (CS_IS_MATERIAL (self), NULL);
  return self->checklist_item;
}

const char *
cs_material_get_name (CsMaterial *self)
{
  g_return_val_if_fail (CS_IS_MATERIAL (self), NULL);
  return self->name;
}

/**
 * cs_material_get_media_type:
 * @self: a #CsMaterial
 *
 * Returns: `application/pdf`, `image/jpeg` or `image/png`
 */
const char *
cs_material_get_media_type (CsMaterial *self)
{
  g_return_val_if_fail (CS_IS_MATERIAL (self), NULL);
  return self->media_type;
}

guint64
cs_material_get_size (CsMaterial *self)
{
  g_return_val_if_fail (CS_IS_MATERIAL (self), 0);
  return self->size;
}

/**
 * cs_material_get_sha256:
 * @self: a #CsMaterial
 *
 * Returns: the SHA-256 of the content, 64 lower-case hex digits
 */
const char *
cs_material_get_sha256 (CsMaterial *self)
{
  g_return_val_if_fail (CS_IS_MATERIAL (self), NULL);
  return self->sha256;
}

/**
 * cs_material_get_pages:
 * @self: a #CsMaterial
 *
 * Returns: the number of pages, 0 when unknown (an image)
 */
guint
cs_material_get_pages (CsMaterial *self)
{
  g_return_val_if_fail (CS_IS_MATERIAL (self), 0);
  return self->pages;
}

/**
 * cs_material_get_received_at:
 * @self: a #CsMaterial
 *
 * Returns: when the front desk received it, in microseconds since the
 *   Unix epoch
 */
gint64
cs_material_get_received_at (CsMaterial *self)
{
  g_return_val_if_fail (CS_IS_MATERIAL (self), 0);
  return self->received_at;
}
