/* cs-page-thumbnail.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsPageThumbnail"

#include "config.h"

#include <math.h>

#include "cs-page-thumbnail.h"

/**
 * CsPageThumbnail:
 *
 * A small picture of one page, for the viewer's sidebar. A list view binds
 * only the rows in view, so only their pages are rendered, after the pages
 * being read; a row scrolled away cancels its render.
 */

struct _CsPageThumbnail
{
  GtkWidget parent_instance;

  CsRenderScheduler *scheduler;
  CsRenderCache *cache;
  CsViewerDocument *document;
  GCancellable *cancellable;
  guint page;
  int width;                   /* device pixels asked for */
};

G_DEFINE_FINAL_TYPE (CsPageThumbnail, cs_page_thumbnail, GTK_TYPE_WIDGET)

static double
aspect (CsPageThumbnail *self)
{
  double w, h;

  if (self->document == NULL)
    return 1.414;
  cs_viewer_document_get_page_size (self->document, self->page, &w, &h);
  return h / w;
}

static void
cs_page_thumbnail_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  CsPageThumbnail *self = CS_PAGE_THUMBNAIL (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = CS_PAGE_THUMBNAIL_WIDTH;
  else
    *minimum = *natural = (int)round (CS_PAGE_THUMBNAIL_WIDTH * MIN (aspect (self), 3.0));
}

static void
cs_page_thumbnail_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  CsPageThumbnail *self = CS_PAGE_THUMBNAIL (widget);
  static const GdkRGBA white = { 1, 1, 1, 1 };
  static const GdkRGBA shadow = { 0, 0, 0, 0.3 };
  graphene_rect_t bounds;
  GskRoundedRect outline;
  GdkTexture *texture = NULL;

  graphene_rect_init (&bounds, 0, 0, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  gsk_rounded_rect_init_from_rect (&outline, &bounds, 0);
  gtk_snapshot_append_outset_shadow (snapshot, &outline, &shadow, 0, 1, 0, 2);
  gtk_snapshot_append_color (snapshot, &white, &bounds);
  if (self->cache != NULL && self->document != NULL)
    texture = cs_render_cache_lookup_any (self->cache, self->page, 0);
  if (texture != NULL)
    gtk_snapshot_append_texture (snapshot, texture, &bounds);
}

static void
render_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(CsPageThumbnail) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture =
    cs_render_scheduler_render_finish (CS_RENDER_SCHEDULER (object), result, &error);

  if (texture == NULL || self->cache == NULL)
    return;
  cs_render_cache_insert (self->cache, self->page, self->width, 0, texture);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * cs_page_thumbnail_bind:
 * @self: a #CsPageThumbnail
 * @scheduler: the workers to render with
 * @cache: the sidebar's cache of thumbnails
 * @document: the document
 * @page: the page to show
 *
 * Shows @page, rendering it unless @cache has it.
 */
void
cs_page_thumbnail_bind (CsPageThumbnail   *self,
                        CsRenderScheduler *scheduler,
                        CsRenderCache     *cache,
                        CsViewerDocument  *document,
                        guint              page)
{
  double w, h;

  g_return_if_fail (CS_IS_PAGE_THUMBNAIL (self));

  cs_page_thumbnail_unbind (self);
  self->scheduler = g_object_ref (scheduler);
  self->cache = g_object_ref (cache);
  self->document = g_object_ref (document);
  self->page = page;
  self->width = CS_PAGE_THUMBNAIL_WIDTH * gtk_widget_get_scale_factor (GTK_WIDGET (self));
  gtk_widget_queue_resize (GTK_WIDGET (self));

  if (cs_render_cache_lookup (cache, page, self->width, 0) != NULL)
    return;
  cs_viewer_document_get_page_size (document, page, &w, &h);
  self->cancellable = g_cancellable_new ();
  cs_render_scheduler_render_async (scheduler, document, page, self->width / w, 0,
                                    CS_RENDER_PRIORITY_THUMBNAIL, self->cancellable, render_cb,
                                    g_object_ref (self));
}

void
cs_page_thumbnail_unbind (CsPageThumbnail *self)
{
  g_return_if_fail (CS_IS_PAGE_THUMBNAIL (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->document);
  g_clear_object (&self->cache);
  g_clear_object (&self->scheduler);
}

static void
cs_page_thumbnail_dispose (GObject *object)
{
  cs_page_thumbnail_unbind (CS_PAGE_THUMBNAIL (object));

  G_OBJECT_CLASS (cs_page_thumbnail_parent_class)->dispose (object);
}

static void
cs_page_thumbnail_class_init (CsPageThumbnailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_page_thumbnail_dispose;
  widget_class->measure = cs_page_thumbnail_measure;
  widget_class->snapshot = cs_page_thumbnail_snapshot;
  gtk_widget_class_set_css_name (widget_class, "thumbnail");
}

static void
cs_page_thumbnail_init (CsPageThumbnail *self)
{
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}

GtkWidget *
cs_page_thumbnail_new (void)
{
  return g_object_new (CS_TYPE_PAGE_THUMBNAIL, NULL);
}
