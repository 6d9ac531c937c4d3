/* cs-render-cache.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsRenderCache"

#include "config.h"

#include "cs-render-cache.h"

/**
 * CsRenderCache:
 *
 * The rendered pages of one document, bounded in bytes: inserting a page
 * gives back the textures least recently looked up until the cache is
 * within its bound again. A view looks up the pages it draws on every
 * frame, so what is on screen is what stays; the bound is what a
 * thousand-page file costs however far the person scrolls.
 *
 * A page is kept at one width (in device pixels) and rotation at a time:
 * a render at a new zoom replaces it. Main thread only.
 */

typedef struct
{
  guint page;
  int width;
  int rotation;
  GdkTexture *texture;
  gsize bytes;
} Entry;

struct _CsRenderCache
{
  GObject parent_instance;

  gsize max_bytes;
  gsize size;
  GQueue entries;          /* Entry, most recently used first */
  GHashTable *by_page;     /* page → GList link in entries */
};

G_DEFINE_FINAL_TYPE (CsRenderCache, cs_render_cache, G_TYPE_OBJECT)

static void
entry_free (Entry *entry)
{
  g_object_unref (entry->texture);
  g_free (entry);
}

static void
remove_link (CsRenderCache *self,
             GList         *link)
{
  Entry *entry = link->data;

  g_hash_table_remove (self->by_page, GUINT_TO_POINTER (entry->page));
  self->size -= entry->bytes;
  g_queue_delete_link (&self->entries, link);
  entry_free (entry);
}

static void
cs_render_cache_finalize (GObject *object)
{
  CsRenderCache *self = (CsRenderCache *)object;

  cs_render_cache_clear (self);
  g_clear_pointer (&self->by_page, g_hash_table_unref);

  G_OBJECT_CLASS (cs_render_cache_parent_class)->finalize (object);
}

static void
cs_render_cache_class_init (CsRenderCacheClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cs_render_cache_finalize;
}

static void
cs_render_cache_init (CsRenderCache *self)
{
  self->by_page = g_hash_table_new (NULL, NULL);
}

/**
 * cs_render_cache_new:
 * @max_bytes: the bound, in bytes of pixels
 *
 * Returns: (transfer full): an empty cache
 */
CsRenderCache *
cs_render_cache_new (gsize max_bytes)
{
  CsRenderCache *self = g_object_new (CS_TYPE_RENDER_CACHE, NULL);

  self->max_bytes = max_bytes;
  return self;
}

gsize
cs_render_cache_get_max_bytes (CsRenderCache *self)
{
  g_return_val_if_fail (CS_IS_RENDER_CACHE (self), 0);
  return self->max_bytes;
}

/**
 * cs_render_cache_get_size:
 * @self: a #CsRenderCache
 *
 * Returns: the bytes of pixels held
 */
gsize
cs_render_cache_get_size (CsRenderCache *self)
{
  g_return_val_if_fail (CS_IS_RENDER_CACHE (self), 0);
  return self->size;
}

guint
cs_render_cache_get_n_textures (CsRenderCache *self)
{
  g_return_val_if_fail (CS_IS_RENDER_CACHE (self), 0);
  return self->entries.length;
}

/**
 * cs_render_cache_insert:
 * @self: a #CsRenderCache
 * @page: the page index
 * @width: the width the page was rendered for, in device pixels
 * @rotation: the rotation it was rendered at
 * @texture: the rendered page
 *
 * Keeps @texture for @page in place of any earlier one, then gives back
 * the least recently used textures over the bound. The texture just
 * inserted always stays, even alone over the bound: it is on screen.
 */
void
cs_render_cache_insert (CsRenderCache *self,
                        guint          page,
                        int            width,
                        int            rotation,
                        GdkTexture    *texture)
{
  GList *link;
  Entry *entry;

  g_return_if_fail (CS_IS_RENDER_CACHE (self));
  g_return_if_fail (GDK_IS_TEXTURE (texture));

  link = g_hash_table_lookup (self->by_page, GUINT_TO_POINTER (page));
  if (link != NULL)
    remove_link (self, link);

  entry = g_new0 (Entry, 1);
  entry->page = page;
  entry->width = width;
  entry->rotation = rotation;
  entry->texture = g_object_ref (texture);
  entry->bytes = (gsize)gdk_texture_get_width (texture) * gdk_texture_get_height (texture) * 4;
  g_queue_push_head (&self->entries, entry);
  g_hash_table_insert (self->by_page, GUINT_TO_POINTER (page), self->entries.head);
  self->size += entry->bytes;

  while (self->size > self->max_bytes && self->entries.tail != self->entries.head)
    remove_link (self, self->entries.tail);
}

static GList *
find (CsRenderCache *self,
      guint          page)
{
  GList *link = g_hash_table_lookup (self->by_page, GUINT_TO_POINTER (page));

  if (link != NULL)
    {
      /* Most recently used */
      g_queue_unlink (&self->entries, link);
      g_queue_push_head_link (&self->entries, link);
    }
  return link;
}

/**
 * cs_render_cache_lookup:
 * @self: a #CsRenderCache
 * @page: the page index
 * @width: the width wanted, in device pixels
 * @rotation: the rotation wanted
 *
 * Returns: (transfer none) (nullable): the page rendered at that width
 *   and rotation
 */
GdkTexture *
cs_render_cache_lookup (CsRenderCache *self,
                        guint          page,
                        int            width,
                        int            rotation)
{
  GList *link;
  Entry *entry;

  g_return_val_if_fail (CS_IS_RENDER_CACHE (self), NULL);

  link = find (self, page);
  if (link == NULL)
    return NULL;
  entry = link->data;
  if (entry->width != width || entry->rotation != rotation)
    return NULL;
  return entry->texture;
}

/**
 * cs_render_cache_lookup_any:
 * @self: a #CsRenderCache
 * @page: the page index
 * @rotation: the rotation wanted
 *
 * Finds the page at whatever width it was rendered, to draw scaled while
 * the render at the new zoom is on its way.
 *
 * Returns: (transfer none) (nullable): the page at some width
 */
GdkTexture *
cs_render_cache_lookup_any (CsRenderCache *self,
                            guint          page,
                            int            rotation)
{
  GList *link;
  Entry *entry;

  g_return_val_if_fail (CS_IS_RENDER_CACHE (self), NULL);

  link = find (self, page);
  if (link == NULL)
    return NULL;
  entry = link->data;
  return entry->rotation == rotation ? entry->texture : NULL;
}

void
cs_render_cache_clear (CsRenderCache *self)
{
  g_return_if_fail (CS_IS_RENDER_CACHE (self));

  g_queue_clear_full (&self->entries, (GDestroyNotify)entry_free);
  if (self->by_page != NULL)
    g_hash_table_remove_all (self->by_page);
  self->size = 0;
}
