/* cs-pages-view.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsPagesView"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "cs-pages-view.h"
#include "cs-render-cache.h"

/**
 * CsPagesView:
 *
 * The pages of a #CsViewerDocument one under the other, in a
 * #GtkScrolledWindow: one widget that draws only the pages in view, so a
 * thousand pages cost what two do.
 *
 * The pages in view and one either side are rendered through the
 * #CsRenderScheduler at the current zoom and kept in a #CsRenderCache
 * bounded in bytes; until a page's render arrives, its last render at
 * another zoom is drawn scaled, or a white sheet. A render asked for a page
 * that has since left the view is cancelled before it starts.
 *
 * Search hits and the selection are drawn over the pages; the text under
 * the pointer comes from each page's text layout, read in a worker when a
 * selection starts on that page.
 */

#define MARGIN 12.0                  /* around and between pages, in pixels */
#define POINTS_TO_PIXELS (96.0 / 72.0)
#define LAYOUTS_KEPT 4

static const double zoom_steps[] = {
  0.25, 0.33, 0.5, 0.67, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0,
};

typedef struct
{
  CsPagesView *self;         /* owned */
  CsViewerDocument *document;
  GCancellable *cancellable;
  guint page;
  int width;
  int rotation;
} Request;

typedef struct
{
  guint page;
  char *text;
  GArray *rects;             /* graphene_rect_t, one a character */
} Layout;

struct _CsPagesView
{
  GtkWidget parent_instance;

  CsViewerDocument *document;
  CsRenderScheduler *scheduler;
  CsRenderCache *cache;
  GCancellable *cancellable;   /* everything for this document */

  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  guint hscroll_policy : 1;
  guint vscroll_policy : 1;

  CsZoomMode zoom_mode;
  double zoom;                 /* CS_ZOOM_FREE: 1.0 is 100 % */
  int rotation;
  double scale;                /* pixels a point, as laid out */
  double notified_scale;       /* as last told through :zoom */
  double *tops;                /* each page's top, in pixels from the first */
  double content_width;
  double content_height;
  guint page;
  double pinch_zoom;           /* when the pinch began */
  gboolean anchor_set;
  guint anchor_page;
  double anchor_fraction;

  GHashTable *pending;         /* page → Request */
  guint update_id;

  GPtrArray *hits;             /* GArray of graphene_rect_t, one a page, or NULL */
  guint hit_page;
  guint hit_index;
  gboolean hit_shown;

  GQueue layouts;              /* Layout, most recent first */
  GCancellable *layout_cancellable;
  gboolean selecting;
  guint selection_page;
  graphene_point_t selection_start;   /* points on the page */
  graphene_point_t selection_end;
  int selection_first;                /* character indexes, -1 for none */
  int selection_last;
};

static void cs_pages_view_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CsPagesView, cs_pages_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE,
                                                      cs_pages_view_scrollable_init))

/* Pages not searched yet hold NULL. */
static void
hits_free (gpointer hits)
{
  if (hits != NULL)
    g_array_unref (hits);
}

enum {
  PROP_0,
  PROP_PAGE,
  PROP_ZOOM,
  PROP_ZOOM_MODE,
  PROP_ROTATION,
  PROP_HAS_SELECTION,
  N_PROPS,

  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

static void queue_update (CsPagesView *self);

static void
layout_free (Layout *layout)
{
  g_free (layout->text);
  g_array_unref (layout->rects);
  g_free (layout);
}

static void
request_free (Request *request)
{
  g_object_unref (request->self);
  g_object_unref (request->document);
  g_object_unref (request->cancellable);
  g_free (request);
}

/* Geometry */

static void
page_size (CsPagesView *self,
           guint        page,
           double      *width,
           double      *height)
{
  double w, h;

  cs_viewer_document_get_page_size (self->document, page, &w, &h);
  if (self->rotation == 90 || self->rotation == 270)
    {
      *width = h;
      *height = w;
    }
  else
    {
      *width = w;
      *height = h;
    }
}

static double
compute_scale (CsPagesView *self,
               int          view_width,
               int          view_height)
{
  double max_width = 1, max_height = 1, scale;
  guint n_pages = cs_viewer_document_get_n_pages (self->document);

  if (self->zoom_mode == CS_ZOOM_FREE)
    return self->zoom * POINTS_TO_PIXELS;

  for (guint i = 0; i < n_pages; i++)
    {
      double w, h;

      page_size (self, i, &w, &h);
      max_width = MAX (max_width, w);
      max_height = MAX (max_height, h);
    }
  scale = MAX (view_width - 2 * MARGIN, 32) / max_width;
  if (self->zoom_mode == CS_ZOOM_FIT_PAGE)
    scale = MIN (scale, MAX (view_height - 2 * MARGIN, 32) / max_height);
  return CLAMP (scale, CS_ZOOM_MIN * POINTS_TO_PIXELS / 4, CS_ZOOM_MAX * POINTS_TO_PIXELS);
}

static double
page_display_height (CsPagesView *self,
                     guint        page)
{
  double w, h;

  page_size (self, page, &w, &h);
  return round (h * self->scale);
}

static double
page_display_width (CsPagesView *self,
                    guint        page)
{
  double w, h;

  page_size (self, page, &w, &h);
  return round (w * self->scale);
}

static double
page_left (CsPagesView *self,
           guint        page)
{
  double view_width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), self->content_width);

  return floor ((view_width - page_display_width (self, page)) / 2);
}

/* The first page whose bottom is below @y. */
static guint
page_at_y (CsPagesView *self,
           double       y)
{
  guint n_pages = cs_viewer_document_get_n_pages (self->document);
  guint lo = 0, hi = n_pages;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (self->tops[mid] + page_display_height (self, mid) + MARGIN / 2 <= y)
        lo = mid + 1;
      else
        hi = mid;
    }
  return MIN (lo, n_pages - 1);
}

/* Points on an unrotated page to pixels in the view's content. */
static graphene_point_t
page_to_view (CsPagesView            *self,
              guint                   page,
              const graphene_point_t *point)
{
  double w, h, x, y;

  cs_viewer_document_get_page_size (self->document, page, &w, &h);
  switch (self->rotation)
    {
    case 90:
      x = h - point->y;
      y = point->x;
      break;
    case 180:
      x = w - point->x;
      y = h - point->y;
      break;
    case 270:
      x = point->y;
      y = w - point->x;
      break;
    default:
      x = point->x;
      y = point->y;
      break;
    }
  return GRAPHENE_POINT_INIT (page_left (self, page) + x * self->scale,
                              self->tops[page] + y * self->scale);
}

static graphene_point_t
view_to_page (CsPagesView *self,
              guint        page,
              double       vx,
              double       vy)
{
  double w, h, x, y;

  cs_viewer_document_get_page_size (self->document, page, &w, &h);
  x = (vx - page_left (self, page)) / self->scale;
  y = (vy - self->tops[page]) / self->scale;
  switch (self->rotation)
    {
    case 90:
      return GRAPHENE_POINT_INIT (y, h - x);
    case 180:
      return GRAPHENE_POINT_INIT (w - x, h - y);
    case 270:
      return GRAPHENE_POINT_INIT (w - y, x);
    default:
      return GRAPHENE_POINT_INIT (x, y);
    }
}

static graphene_rect_t
rect_to_view (CsPagesView           *self,
              guint                  page,
              const graphene_rect_t *rect)
{
  graphene_point_t a = rect->origin, b;
  graphene_rect_t result;

  graphene_point_init (&b, rect->origin.x + rect->size.width, rect->origin.y + rect->size.height);
  a = page_to_view (self, page, &a);
  b = page_to_view (self, page, &b);
  graphene_rect_init (&result, MIN (a.x, b.x), MIN (a.y, b.y), fabs (b.x - a.x), fabs (b.y - a.y));
  return result;
}

static void
remember_anchor (CsPagesView *self)
{
  double value, height;

  if (self->document == NULL || self->tops == NULL || self->anchor_set)
    return;
  value = gtk_adjustment_get_value (self->vadjustment);
  self->anchor_page = page_at_y (self, value);
  height = MAX (page_display_height (self, self->anchor_page), 1);
  self->anchor_fraction = (value - self->tops[self->anchor_page]) / height;
  self->anchor_set = TRUE;
}

static void
set_page (CsPagesView *self,
          guint        page)
{
  g_autofree char *label = NULL;

  if (self->page == page)
    return;
  self->page = page;
  label = g_strdup_printf (_("Page %u of %u"), page + 1,
                           cs_viewer_document_get_n_pages (self->document));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, label, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

static void
configure_adjustment (GtkAdjustment *adjustment,
                      double         value,
                      double         upper,
                      double         page_size)
{
  upper = MAX (upper, page_size);
  gtk_adjustment_configure (adjustment, CLAMP (value, 0, upper - page_size), 0, upper,
                            page_size * 0.1, page_size * 0.9, page_size);
}

static void
cs_pages_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  CsPagesView *self = CS_PAGES_VIEW (widget);
  guint n_pages;
  double y = MARGIN, max_width = 0, value;

  if (self->hadjustment == NULL || self->vadjustment == NULL)
    return;
  if (self->document == NULL)
    {
      configure_adjustment (self->hadjustment, 0, width, width);
      configure_adjustment (self->vadjustment, 0, height, height);
      return;
    }

  n_pages = cs_viewer_document_get_n_pages (self->document);
  /* The zoom is told from the next tick: a handler that changes a label
   * now would add widgets in the middle of the allocation. */
  self->scale = compute_scale (self, width, height);
  for (guint i = 0; i < n_pages; i++)
    {
      self->tops[i] = y;
      y += page_display_height (self, i) + MARGIN;
      max_width = MAX (max_width, page_display_width (self, i));
    }
  self->content_height = y;
  self->content_width = max_width + 2 * MARGIN;

  value = gtk_adjustment_get_value (self->vadjustment);
  if (self->anchor_set)
    {
      value = self->tops[self->anchor_page] +
              self->anchor_fraction * page_display_height (self, self->anchor_page);
      self->anchor_set = FALSE;
    }
  configure_adjustment (self->hadjustment, gtk_adjustment_get_value (self->hadjustment),
                        self->content_width, width);
  configure_adjustment (self->vadjustment, value, self->content_height, height);
  queue_update (self);
}

static void
cs_pages_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  /* Any size: the scrolled window around the view scrolls. */
  *minimum = 0;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 600 : 800;
}

/* Rendering */

static int
render_width (CsPagesView *self,
              guint        page)
{
  double w, h;

  page_size (self, page, &w, &h);
  return MAX (1, (int)ceil (w * self->scale * gtk_widget_get_scale_factor (GTK_WIDGET (self))
                            - 0.01));
}

static void
render_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Request *request = user_data;
  CsPagesView *self = request->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  texture = cs_render_scheduler_render_finish (CS_RENDER_SCHEDULER (object), result, &error);
  if (g_hash_table_lookup (self->pending, GUINT_TO_POINTER (request->page)) == request)
    g_hash_table_remove (self->pending, GUINT_TO_POINTER (request->page));

  if (texture != NULL && request->document == self->document)
    {
      cs_render_cache_insert (self->cache, request->page, request->width, request->rotation,
                              texture);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  else if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Page %u: %s", request->page + 1, error->message);
  request_free (request);
}

static void
cancel_request (CsPagesView *self,
                Request     *request)
{
  /* Out of the table first: the cancellation may call back at once. */
  g_hash_table_remove (self->pending, GUINT_TO_POINTER (request->page));
  g_cancellable_cancel (request->cancellable);
}

static void
request_page (CsPagesView *self,
              guint        page,
              int          priority)
{
  int width = render_width (self, page);
  Request *request;
  double w, h;

  if (cs_render_cache_lookup (self->cache, page, width, self->rotation) != NULL)
    return;
  request = g_hash_table_lookup (self->pending, GUINT_TO_POINTER (page));
  if (request != NULL)
    {
      if (request->width == width && request->rotation == self->rotation)
        return;
      cancel_request (self, request);
    }

  request = g_new0 (Request, 1);
  request->self = g_object_ref (self);
  request->document = g_object_ref (self->document);
  request->cancellable = g_cancellable_new ();
  request->page = page;
  request->width = width;
  request->rotation = self->rotation;
  g_hash_table_insert (self->pending, GUINT_TO_POINTER (page), request);

  page_size (self, page, &w, &h);
  cs_render_scheduler_render_async (self->scheduler, self->document, page, (double)width / w,
                                    self->rotation, priority, request->cancellable,
                                    render_cb, request);
}

static void
update_renders (CsPagesView *self)
{
  double top, bottom;
  guint first, last, n_pages;
  GHashTableIter iter;
  gpointer key, value;
  g_autoptr(GPtrArray) stale = g_ptr_array_new ();

  if (self->document == NULL || self->tops == NULL)
    return;

  n_pages = cs_viewer_document_get_n_pages (self->document);
  top = gtk_adjustment_get_value (self->vadjustment);
  bottom = top + gtk_adjustment_get_page_size (self->vadjustment);
  first = page_at_y (self, top);
  last = page_at_y (self, bottom);
  set_page (self, page_at_y (self, top + gtk_adjustment_get_page_size (self->vadjustment) / 3));

  /* What left the view, with its margin, is not drawn after all. */
  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint page = GPOINTER_TO_UINT (key);

      if (page + 1 < first || page > last + 1)
        g_ptr_array_add (stale, value);
    }
  for (guint i = 0; i < stale->len; i++)
    cancel_request (self, g_ptr_array_index (stale, i));

  for (guint i = first; i <= last; i++)
    request_page (self, i, CS_RENDER_PRIORITY_VISIBLE);
  if (last + 1 < n_pages)
    request_page (self, last + 1, CS_RENDER_PRIORITY_NEARBY);
  if (first > 0)
    request_page (self, first - 1, CS_RENDER_PRIORITY_NEARBY);
}

static gboolean
update_cb (GtkWidget     *widget,
           GdkFrameClock *frame_clock,
           gpointer       user_data)
{
  CsPagesView *self = CS_PAGES_VIEW (widget);

  self->update_id = 0;
  update_renders (self);
  if (self->scale != self->notified_scale)
    {
      self->notified_scale = self->scale;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }
  return G_SOURCE_REMOVE;
}

static void
queue_update (CsPagesView *self)
{
  /* At most once a frame, however many scroll events arrive. */
  if (self->update_id == 0)
    self->update_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), update_cb, NULL, NULL);
}

/* Drawing */

static void
append_rects (CsPagesView     *self,
              GtkSnapshot     *snapshot,
              guint            page,
              const GArray    *rects,
              guint            first,
              guint            last,
              const GdkRGBA   *color)
{
  for (guint i = first; i <= last && i < rects->len; i++)
    {
      const graphene_rect_t *r = &g_array_index (rects, graphene_rect_t, i);
      graphene_rect_t v;

      if (r->size.width <= 0 || r->size.height <= 0)
        continue;
      v = rect_to_view (self, page, r);
      gtk_snapshot_append_color (snapshot, color, &v);
    }
}

static Layout *
find_layout (CsPagesView *self,
             guint        page)
{
  for (GList *l = self->layouts.head; l != NULL; l = l->next)
    if (((Layout *)l->data)->page == page)
      return l->data;
  return NULL;
}

static void
cs_pages_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  CsPagesView *self = CS_PAGES_VIEW (widget);
  static const GdkRGBA white = { 1, 1, 1, 1 };
  static const GdkRGBA shadow = { 0, 0, 0, 0.25 };
  static const GdkRGBA hit = { 1.0, 0.85, 0.0, 0.35 };
  static const GdkRGBA current_hit = { 1.0, 0.45, 0.0, 0.5 };
  static const GdkRGBA selection = { 0.21, 0.52, 0.89, 0.35 };
  double top, bottom;
  guint first, last;

  if (self->document == NULL || self->tops == NULL)
    return;

  top = gtk_adjustment_get_value (self->vadjustment);
  bottom = top + gtk_widget_get_height (widget);
  first = page_at_y (self, top);
  last = page_at_y (self, bottom);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (-gtk_adjustment_get_value (self->hadjustment),
                                                -top));
  for (guint i = first; i <= last; i++)
    {
      graphene_rect_t bounds;
      GskRoundedRect outline;
      GdkTexture *texture;

      graphene_rect_init (&bounds, page_left (self, i), self->tops[i],
                          page_display_width (self, i), page_display_height (self, i));
      gsk_rounded_rect_init_from_rect (&outline, &bounds, 0);
      gtk_snapshot_append_outset_shadow (snapshot, &outline, &shadow, 0, 1, 0, 3);
      gtk_snapshot_append_color (snapshot, &white, &bounds);

      texture = cs_render_cache_lookup (self->cache, i, render_width (self, i), self->rotation);
      if (texture == NULL)
        texture = cs_render_cache_lookup_any (self->cache, i, self->rotation);
      if (texture != NULL)
        gtk_snapshot_append_texture (snapshot, texture, &bounds);

      if (self->hits != NULL && i < self->hits->len && g_ptr_array_index (self->hits, i) != NULL)
        {
          GArray *rects = g_ptr_array_index (self->hits, i);

          append_rects (self, snapshot, i, rects, 0, rects->len, &hit);
          if (self->hit_shown && self->hit_page == i)
            append_rects (self, snapshot, i, rects, self->hit_index, self->hit_index,
                          &current_hit);
        }
      if (self->selection_first >= 0 && self->selection_page == i)
        {
          Layout *layout = find_layout (self, i);

          if (layout != NULL)
            append_rects (self, snapshot, i, layout->rects, self->selection_first,
                          self->selection_last, &selection);
        }
    }
  gtk_snapshot_restore (snapshot);
}

/* Scrolling */

static void
on_adjustment_value_changed (CsPagesView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
  queue_update (self);
}

/* Lays the pages out again. Not gtk_widget_queue_allocate(): in GTK 4.8 it
 * marks the ancestors only up to the first one marked already, and asks
 * the window for a new layout only if it gets that far; a zoom or a page
 * size changed then showed only once something else drew the window (a
 * spinner, say). A resize always reaches the window; the pages' size
 * request does not change, so it costs one measure of the ancestors. */
static void
relayout (CsPagesView *self)
{
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
set_adjustment (CsPagesView    *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  if (*slot == adjustment)
    return;
  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, on_adjustment_value_changed, self);
      g_object_unref (*slot);
    }
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_swapped (adjustment, "value-changed",
                            G_CALLBACK (on_adjustment_value_changed), self);
  relayout (self);
}

/**
 * cs_pages_view_go_to_page:
 * @self: a #CsPagesView
 * @page: a page index
 *
 * Scrolls the top of @page to the top of the view.
 */
void
cs_pages_view_go_to_page (CsPagesView *self,
                          guint        page)
{
  g_return_if_fail (CS_IS_PAGES_VIEW (self));

  if (self->document == NULL)
    return;
  page = MIN (page, cs_viewer_document_get_n_pages (self->document) - 1);
  if (gtk_widget_get_width (GTK_WIDGET (self)) == 0)
    {
      /* Not laid out yet: once it is. */
      self->anchor_set = TRUE;
      self->anchor_page = page;
      self->anchor_fraction = -MARGIN / MAX (page_display_height (self, page), 1);
      relayout (self);
      return;
    }
  gtk_adjustment_set_value (self->vadjustment, self->tops[page] - MARGIN);
  set_page (self, page);
}

/**
 * cs_pages_view_scroll_pages:
 * @self: a #CsPagesView
 * @pages: how many pages forward (negative: back)
 *
 * Goes to the page @pages after the current one.
 */
void
cs_pages_view_scroll_pages (CsPagesView *self,
                            int          pages)
{
  int n_pages;

  g_return_if_fail (CS_IS_PAGES_VIEW (self));

  if (self->document == NULL)
    return;
  n_pages = cs_viewer_document_get_n_pages (self->document);
  cs_pages_view_go_to_page (self, CLAMP ((int)self->page + pages, 0, n_pages - 1));
}

static gboolean
scroll_by (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  CsPagesView *self = CS_PAGES_VIEW (widget);
  const char *how = g_variant_get_string (args, NULL);
  GtkAdjustment *v = self->vadjustment;
  double value = gtk_adjustment_get_value (v);

  if (g_str_equal (how, "page-down"))
    value += gtk_adjustment_get_page_increment (v);
  else if (g_str_equal (how, "page-up"))
    value -= gtk_adjustment_get_page_increment (v);
  else if (g_str_equal (how, "down"))
    value += gtk_adjustment_get_step_increment (v);
  else if (g_str_equal (how, "up"))
    value -= gtk_adjustment_get_step_increment (v);
  else if (g_str_equal (how, "start"))
    value = 0;
  else if (g_str_equal (how, "end"))
    value = gtk_adjustment_get_upper (v);
  else if (g_str_equal (how, "left") || g_str_equal (how, "right"))
    {
      GtkAdjustment *h = self->hadjustment;
      double step = gtk_adjustment_get_step_increment (h);

      gtk_adjustment_set_value (h, gtk_adjustment_get_value (h) +
                                   (g_str_equal (how, "left") ? -step : step));
      return TRUE;
    }
  gtk_adjustment_set_value (v, value);
  return TRUE;
}

/* Zoom */

static void
zoom_changed (CsPagesView *self)
{
  remember_anchor (self);
  relayout (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

CsZoomMode
cs_pages_view_get_zoom_mode (CsPagesView *self)
{
  g_return_val_if_fail (CS_IS_PAGES_VIEW (self), CS_ZOOM_FIT_WIDTH);
  return self->zoom_mode;
}

void
cs_pages_view_set_zoom_mode (CsPagesView *self,
                             CsZoomMode   mode)
{
  g_return_if_fail (CS_IS_PAGES_VIEW (self));

  if (self->zoom_mode == mode)
    return;
  self->zoom_mode = mode;
  zoom_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM_MODE]);
}

/**
 * cs_pages_view_get_zoom:
 * @self: a #CsPagesView
 *
 * Returns: the zoom shown, whatever the mode: 1.0 is 100 %, a page at its
 *   printed size on a 96 dpi screen
 */
double
cs_pages_view_get_zoom (CsPagesView *self)
{
  g_return_val_if_fail (CS_IS_PAGES_VIEW (self), 1.0);

  if (self->zoom_mode == CS_ZOOM_FREE || self->scale <= 0)
    return self->zoom;
  return self->scale / POINTS_TO_PIXELS;
}

/**
 * cs_pages_view_set_zoom:
 * @self: a #CsPagesView
 * @zoom: 0.25 to 4.0
 *
 * Zooms to @zoom, leaving the fit modes.
 */
void
cs_pages_view_set_zoom (CsPagesView *self,
                        double       zoom)
{
  g_return_if_fail (CS_IS_PAGES_VIEW (self));

  zoom = CLAMP (zoom, CS_ZOOM_MIN, CS_ZOOM_MAX);
  if (self->zoom_mode == CS_ZOOM_FREE && fabs (self->zoom - zoom) < 1e-6)
    return;
  self->zoom = zoom;
  if (self->zoom_mode != CS_ZOOM_FREE)
    {
      self->zoom_mode = CS_ZOOM_FREE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM_MODE]);
    }
  zoom_changed (self);
}

/**
 * cs_pages_view_zoom_step:
 * @self: a #CsPagesView
 * @steps: how many steps in (negative: out)
 *
 * Zooms to the next of the usual zoom levels.
 */
void
cs_pages_view_zoom_step (CsPagesView *self,
                         int          steps)
{
  double zoom = cs_pages_view_get_zoom (self);
  int i;

  g_return_if_fail (CS_IS_PAGES_VIEW (self));

  if (steps > 0)
    {
      for (i = 0; i < (int)G_N_ELEMENTS (zoom_steps) - 1 && zoom_steps[i] <= zoom + 0.005; i++)
        ;
      i = MIN (i + steps - 1, (int)G_N_ELEMENTS (zoom_steps) - 1);
    }
  else
    {
      for (i = G_N_ELEMENTS (zoom_steps) - 1; i > 0 && zoom_steps[i] >= zoom - 0.005; i--)
        ;
      i = MAX (i + steps + 1, 0);
    }
  cs_pages_view_set_zoom (self, zoom_steps[i]);
}

int
cs_pages_view_get_rotation (CsPagesView *self)
{
  g_return_val_if_fail (CS_IS_PAGES_VIEW (self), 0);
  return self->rotation;
}

/**
 * cs_pages_view_set_rotation:
 * @self: a #CsPagesView
 * @rotation: degrees clockwise, a multiple of 90
 *
 * Turns every page.
 */
void
cs_pages_view_set_rotation (CsPagesView *self,
                            int          rotation)
{
  g_return_if_fail (CS_IS_PAGES_VIEW (self));

  rotation = ((rotation / 90 * 90) % 360 + 360) % 360;
  if (self->rotation == rotation)
    return;
  remember_anchor (self);
  self->rotation = rotation;
  relayout (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROTATION]);
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           CsPagesView              *self)
{
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if ((state & GDK_CONTROL_MASK) == 0 || self->document == NULL)
    return FALSE;
  if (dy != 0)
    cs_pages_view_set_zoom (self, cs_pages_view_get_zoom (self) * pow (1.1, -dy));
  return TRUE;
}

static void
on_pinch_begin (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                CsPagesView      *self)
{
  self->pinch_zoom = cs_pages_view_get_zoom (self);
}

static void
on_pinch_scale_changed (GtkGestureZoom *gesture,
                        double          scale,
                        CsPagesView    *self)
{
  cs_pages_view_set_zoom (self, self->pinch_zoom * scale);
}

/* Search hits */

/**
 * cs_pages_view_set_hits:
 * @self: a #CsPagesView
 * @page: a page index
 * @hits: (element-type graphene_rect_t): where the hits on @page are, in
 *   points from the page's top-left corner
 *
 * Highlights the hits of a search on one page.
 */
void
cs_pages_view_set_hits (CsPagesView *self,
                        guint        page,
                        GArray      *hits)
{
  g_return_if_fail (CS_IS_PAGES_VIEW (self));

  if (self->document == NULL || page >= cs_viewer_document_get_n_pages (self->document))
    return;
  if (self->hits == NULL)
    {
      self->hits = g_ptr_array_new_full (cs_viewer_document_get_n_pages (self->document),
                                         hits_free);
      g_ptr_array_set_size (self->hits, cs_viewer_document_get_n_pages (self->document));
    }
  if (g_ptr_array_index (self->hits, page) != NULL)
    g_array_unref (g_ptr_array_index (self->hits, page));
  g_ptr_array_index (self->hits, page) = hits != NULL && hits->len > 0 ? g_array_ref (hits) : NULL;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
cs_pages_view_clear_hits (CsPagesView *self)
{
  g_return_if_fail (CS_IS_PAGES_VIEW (self));

  g_clear_pointer (&self->hits, g_ptr_array_unref);
  self->hit_shown = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * cs_pages_view_show_hit:
 * @self: a #CsPagesView
 * @page: the hit's page
 * @index: the hit's index among that page's hits
 *
 * Marks one hit as the current one and scrolls it into view.
 */
void
cs_pages_view_show_hit (CsPagesView *self,
                        guint        page,
                        guint        index)
{
  GArray *rects;
  graphene_rect_t r;
  double top, height;

  g_return_if_fail (CS_IS_PAGES_VIEW (self));

  if (self->hits == NULL || page >= self->hits->len)
    return;
  rects = g_ptr_array_index (self->hits, page);
  if (rects == NULL || index >= rects->len)
    return;
  self->hit_page = page;
  self->hit_index = index;
  self->hit_shown = TRUE;

  r = rect_to_view (self, page, &g_array_index (rects, graphene_rect_t, index));
  top = gtk_adjustment_get_value (self->vadjustment);
  height = gtk_adjustment_get_page_size (self->vadjustment);
  if (r.origin.y < top || r.origin.y + r.size.height > top + height)
    gtk_adjustment_set_value (self->vadjustment, r.origin.y - height / 3);
  top = gtk_adjustment_get_value (self->hadjustment);
  height = gtk_adjustment_get_page_size (self->hadjustment);
  if (r.origin.x < top || r.origin.x + r.size.width > top + height)
    gtk_adjustment_set_value (self->hadjustment, r.origin.x - height / 3);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Selection */

static int
nearest_char (Layout                 *layout,
              const graphene_point_t *point)
{
  double best = G_MAXDOUBLE;
  int nearest = -1;

  for (guint i = 0; i < layout->rects->len; i++)
    {
      const graphene_rect_t *r = &g_array_index (layout->rects, graphene_rect_t, i);
      double dx, dy, distance;

      if (r->size.width <= 0 || r->size.height <= 0)
        continue;
      if (graphene_rect_contains_point (r, point))
        return i;
      /* Lines matter more than columns: a point beside a line is that
       * line's, not the nearest character's on the line below. */
      dx = MAX (MAX (r->origin.x - point->x, 0), point->x - (r->origin.x + r->size.width));
      dy = MAX (MAX (r->origin.y - point->y, 0), point->y - (r->origin.y + r->size.height));
      distance = dx + 4 * dy;
      if (distance < best)
        {
          best = distance;
          nearest = i;
        }
    }
  return nearest;
}

static void
update_selection (CsPagesView *self)
{
  Layout *layout = find_layout (self, self->selection_page);
  gboolean had = self->selection_first >= 0;
  int a, b;

  if (layout == NULL)
    return;
  a = nearest_char (layout, &self->selection_start);
  b = nearest_char (layout, &self->selection_end);
  if (a < 0 || b < 0 || graphene_point_distance (&self->selection_start,
                                                 &self->selection_end, NULL, NULL) < 2)
    self->selection_first = self->selection_last = -1;
  else
    {
      self->selection_first = MIN (a, b);
      self->selection_last = MAX (a, b);
    }
  if (had != (self->selection_first >= 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_SELECTION]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

typedef struct
{
  CsViewerDocument *document;
  guint page;
} LayoutJob;

static void
layout_job_free (LayoutJob *job)
{
  g_object_unref (job->document);
  g_free (job);
}

static gpointer
layout_func (gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  LayoutJob *job = data;
  Layout *layout = g_new0 (Layout, 1);

  layout->page = job->page;
  if (!cs_viewer_document_get_text_layout (job->document, job->page, &layout->text,
                                           &layout->rects, error))
    {
      g_free (layout);
      return NULL;
    }
  return layout;
}

static void
layout_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(CsPagesView) self = user_data;
  g_autoptr(GError) error = NULL;
  Layout *layout = cs_render_scheduler_run_finish (CS_RENDER_SCHEDULER (object), result, &error);

  if (layout == NULL)
    return;
  g_queue_push_head (&self->layouts, layout);
  while (self->layouts.length > LAYOUTS_KEPT)
    layout_free (g_queue_pop_tail (&self->layouts));
  if (layout->page == self->selection_page)
    update_selection (self);
}

static void
want_layout (CsPagesView *self,
             guint        page)
{
  LayoutJob *job;

  if (find_layout (self, page) != NULL)
    return;
  g_cancellable_cancel (self->layout_cancellable);
  g_clear_object (&self->layout_cancellable);
  self->layout_cancellable = g_cancellable_new ();
  job = g_new0 (LayoutJob, 1);
  job->document = g_object_ref (self->document);
  job->page = page;
  cs_render_scheduler_run_async (self->scheduler, CS_RENDER_PRIORITY_VISIBLE, layout_func, job,
                                 (GDestroyNotify)layout_job_free, (GDestroyNotify)layout_free,
                                 self->layout_cancellable, layout_cb, g_object_ref (self));
}

/**
 * cs_pages_view_select:
 * @self: a #CsPagesView
 * @page: the page the selection is on
 * @from: where it starts, in points on the unrotated page
 * @to: where it ends
 *
 * Selects the text between two points of a page, as a drag of the pointer
 * does. The page's text layout is read in a worker first, so the
 * selection shows (and #CsPagesView:has-selection changes) once it is in.
 */
void
cs_pages_view_select (CsPagesView            *self,
                      guint                   page,
                      const graphene_point_t *from,
                      const graphene_point_t *to)
{
  g_return_if_fail (CS_IS_PAGES_VIEW (self));

  if (self->document == NULL || page >= cs_viewer_document_get_n_pages (self->document))
    return;
  if (page != self->selection_page || self->selection_first < 0)
    cs_pages_view_clear_selection (self);
  self->selection_page = page;
  self->selection_start = *from;
  self->selection_end = *to;
  if (find_layout (self, page) != NULL)
    update_selection (self);
  else
    want_layout (self, page);
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               CsPagesView    *self)
{
  graphene_point_t point;
  double vx, vy;
  guint page;

  if (self->document == NULL || self->tops == NULL || !cs_viewer_document_is_pdf (self->document))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  gtk_widget_grab_focus (GTK_WIDGET (self));
  vx = x + gtk_adjustment_get_value (self->hadjustment);
  vy = y + gtk_adjustment_get_value (self->vadjustment);
  page = page_at_y (self, vy);
  point = view_to_page (self, page, vx, vy);
  cs_pages_view_clear_selection (self);
  self->selecting = TRUE;
  cs_pages_view_select (self, page, &point, &point);
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                CsPagesView    *self)
{
  graphene_point_t point;
  double x, y;

  if (!self->selecting)
    return;
  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  x += offset_x + gtk_adjustment_get_value (self->hadjustment);
  y += offset_y + gtk_adjustment_get_value (self->vadjustment);
  point = view_to_page (self, self->selection_page, x, y);
  cs_pages_view_select (self, self->selection_page, &self->selection_start, &point);
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          offset_x,
             double          offset_y,
             CsPagesView    *self)
{
  on_drag_update (gesture, offset_x, offset_y, self);
  self->selecting = FALSE;
}

gboolean
cs_pages_view_get_has_selection (CsPagesView *self)
{
  g_return_val_if_fail (CS_IS_PAGES_VIEW (self), FALSE);
  return self->selection_first >= 0;
}

/**
 * cs_pages_view_get_selected_text:
 * @self: a #CsPagesView
 *
 * Returns: (transfer full) (nullable): the text selected
 */
char *
cs_pages_view_get_selected_text (CsPagesView *self)
{
  Layout *layout;
  const char *start, *end;

  g_return_val_if_fail (CS_IS_PAGES_VIEW (self), NULL);

  if (self->selection_first < 0)
    return NULL;
  layout = find_layout (self, self->selection_page);
  if (layout == NULL)
    return NULL;
  start = g_utf8_offset_to_pointer (layout->text, self->selection_first);
  end = g_utf8_offset_to_pointer (layout->text, self->selection_last + 1);
  return g_strndup (start, end - start);
}

void
cs_pages_view_clear_selection (CsPagesView *self)
{
  g_return_if_fail (CS_IS_PAGES_VIEW (self));

  if (self->selection_first < 0)
    return;
  self->selection_first = self->selection_last = -1;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_SELECTION]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The document */

static void
sizes_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(CsPagesView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsViewerDocument) document =
    cs_render_scheduler_run_finish (CS_RENDER_SCHEDULER (object), result, &error);

  if (document == NULL || document != self->document)
    return;
  /* Pages of other sizes than the first move the pages below them. */
  remember_anchor (self);
  relayout (self);
}

static gpointer
read_sizes_func (gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  CsViewerDocument *document = data;

  if (!cs_viewer_document_read_page_sizes (document, cancellable, error))
    return NULL;
  return g_object_ref (document);
}

static void
forget_document (CsPagesView *self)
{
  GHashTableIter iter;
  gpointer value;
  g_autoptr(GPtrArray) requests = g_ptr_array_new ();

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->layout_cancellable);
  g_clear_object (&self->layout_cancellable);
  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (requests, value);
  for (guint i = 0; i < requests->len; i++)
    cancel_request (self, g_ptr_array_index (requests, i));
  g_queue_clear_full (&self->layouts, (GDestroyNotify)layout_free);
  if (self->cache != NULL)
    cs_render_cache_clear (self->cache);
  g_clear_pointer (&self->hits, g_ptr_array_unref);
  g_clear_pointer (&self->tops, g_free);
  g_clear_object (&self->document);
  self->selection_first = self->selection_last = -1;
  self->hit_shown = FALSE;
  self->anchor_set = FALSE;
}

/**
 * cs_pages_view_set_document:
 * @self: a #CsPagesView
 * @document: (nullable): the document to show
 *
 * Shows @document from its first page.
 */
void
cs_pages_view_set_document (CsPagesView      *self,
                            CsViewerDocument *document)
{
  g_return_if_fail (CS_IS_PAGES_VIEW (self));
  g_return_if_fail (document == NULL || CS_IS_VIEWER_DOCUMENT (document));

  if (self->document == document)
    return;
  forget_document (self);
  self->page = G_MAXUINT;
  if (document != NULL)
    {
      self->document = g_object_ref (document);
      self->cancellable = g_cancellable_new ();
      self->tops = g_new0 (double, cs_viewer_document_get_n_pages (document));
      set_page (self, 0);
      if (!cs_viewer_document_get_sizes_known (document))
        cs_render_scheduler_run_async (self->scheduler, CS_RENDER_PRIORITY_BACKGROUND,
                                       read_sizes_func, g_object_ref (document), g_object_unref,
                                       g_object_unref, self->cancellable, sizes_read_cb,
                                       g_object_ref (self));
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                       cs_viewer_document_is_pdf (document) ? "text" : NULL);
    }
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, 0);
  relayout (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

/**
 * cs_pages_view_get_document:
 * @self: a #CsPagesView
 *
 * Returns: (transfer none) (nullable): the document shown
 */
CsViewerDocument *
cs_pages_view_get_document (CsPagesView *self)
{
  g_return_val_if_fail (CS_IS_PAGES_VIEW (self), NULL);
  return self->document;
}

/**
 * cs_pages_view_set_scheduler:
 * @self: a #CsPagesView
 * @scheduler: the worker pool to render with
 *
 * Renders through @scheduler instead of the desk's default one.
 */
void
cs_pages_view_set_scheduler (CsPagesView       *self,
                             CsRenderScheduler *scheduler)
{
  g_return_if_fail (CS_IS_PAGES_VIEW (self));
  g_return_if_fail (CS_IS_RENDER_SCHEDULER (scheduler));

  g_set_object (&self->scheduler, scheduler);
}

guint
cs_pages_view_get_page (CsPagesView *self)
{
  g_return_val_if_fail (CS_IS_PAGES_VIEW (self), 0);
  return self->document != NULL && self->page != G_MAXUINT ? self->page : 0;
}

/**
 * cs_pages_view_get_cache:
 * @self: a #CsPagesView
 *
 * Returns: (transfer none): the view's render cache
 */
CsRenderCache *
cs_pages_view_get_cache (CsPagesView *self)
{
  g_return_val_if_fail (CS_IS_PAGES_VIEW (self), NULL);
  return self->cache;
}

GtkWidget *
cs_pages_view_new (void)
{
  return g_object_new (CS_TYPE_PAGES_VIEW, NULL);
}

static void
cs_pages_view_dispose (GObject *object)
{
  CsPagesView *self = (CsPagesView *)object;

  forget_document (self);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, on_adjustment_value_changed, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, on_adjustment_value_changed, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (cs_pages_view_parent_class)->dispose (object);
}

static void
cs_pages_view_finalize (GObject *object)
{
  CsPagesView *self = (CsPagesView *)object;

  g_clear_object (&self->cache);
  g_clear_object (&self->scheduler);
  g_clear_pointer (&self->pending, g_hash_table_unref);

  G_OBJECT_CLASS (cs_pages_view_parent_class)->finalize (object);
}

static void
cs_pages_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CsPagesView *self = CS_PAGES_VIEW (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      g_value_set_uint (value, cs_pages_view_get_page (self));
      break;
    case PROP_ZOOM:
      g_value_set_double (value, cs_pages_view_get_zoom (self));
      break;
    case PROP_ZOOM_MODE:
      g_value_set_int (value, self->zoom_mode);
      break;
    case PROP_ROTATION:
      g_value_set_int (value, self->rotation);
      break;
    case PROP_HAS_SELECTION:
      g_value_set_boolean (value, cs_pages_view_get_has_selection (self));
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_pages_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CsPagesView *self = CS_PAGES_VIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      cs_pages_view_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_ZOOM_MODE:
      cs_pages_view_set_zoom_mode (self, g_value_get_int (value));
      break;
    case PROP_ROTATION:
      cs_pages_view_set_rotation (self, g_value_get_int (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
cs_pages_view_get_border (GtkScrollable *scrollable,
                          GtkBorder     *border)
{
  return FALSE;
}

static void
cs_pages_view_scrollable_init (GtkScrollableInterface *iface)
{
  iface->get_border = cs_pages_view_get_border;
}

static void
add_scroll_binding (GtkWidgetClass  *widget_class,
                    guint            keyval,
                    GdkModifierType  mods,
                    const char      *how)
{
  gtk_widget_class_add_binding (widget_class, keyval, mods, scroll_by, "s", how);
}

static void
cs_pages_view_class_init (CsPagesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_pages_view_dispose;
  object_class->finalize = cs_pages_view_finalize;
  object_class->get_property = cs_pages_view_get_property;
  object_class->set_property = cs_pages_view_set_property;

  widget_class->measure = cs_pages_view_measure;
  widget_class->size_allocate = cs_pages_view_size_allocate;
  widget_class->snapshot = cs_pages_view_snapshot;

  properties[PROP_PAGE] =
    g_param_spec_uint ("page", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, CS_ZOOM_MIN / 4, CS_ZOOM_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM_MODE] =
    g_param_spec_int ("zoom-mode", NULL, NULL, CS_ZOOM_FIT_WIDTH, CS_ZOOM_FREE,
                      CS_ZOOM_FIT_WIDTH,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROTATION] =
    g_param_spec_int ("rotation", NULL, NULL, 0, 270, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_SELECTION] =
    g_param_spec_boolean ("has-selection", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  add_scroll_binding (widget_class, GDK_KEY_Page_Down, 0, "page-down");
  add_scroll_binding (widget_class, GDK_KEY_KP_Page_Down, 0, "page-down");
  add_scroll_binding (widget_class, GDK_KEY_space, 0, "page-down");
  add_scroll_binding (widget_class, GDK_KEY_Page_Up, 0, "page-up");
  add_scroll_binding (widget_class, GDK_KEY_KP_Page_Up, 0, "page-up");
  add_scroll_binding (widget_class, GDK_KEY_space, GDK_SHIFT_MASK, "page-up");
  add_scroll_binding (widget_class, GDK_KEY_Down, 0, "down");
  add_scroll_binding (widget_class, GDK_KEY_Up, 0, "up");
  add_scroll_binding (widget_class, GDK_KEY_Left, 0, "left");
  add_scroll_binding (widget_class, GDK_KEY_Right, 0, "right");
  add_scroll_binding (widget_class, GDK_KEY_Home, 0, "start");
  add_scroll_binding (widget_class, GDK_KEY_KP_Home, 0, "start");
  add_scroll_binding (widget_class, GDK_KEY_End, 0, "end");
  add_scroll_binding (widget_class, GDK_KEY_KP_End, 0, "end");

  gtk_widget_class_set_css_name (widget_class, "pages");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DOCUMENT);
}

static void
cs_pages_view_init (CsPagesView *self)
{
  GtkEventController *scroll;
  GtkGesture *drag, *pinch;

  self->zoom_mode = CS_ZOOM_FIT_WIDTH;
  self->zoom = 1.0;
  self->page = G_MAXUINT;
  self->selection_first = self->selection_last = -1;
  self->scheduler = g_object_ref (cs_render_scheduler_get_default ());
  self->cache = cs_render_cache_new (CS_PAGES_VIEW_CACHE_BYTES);
  self->pending = g_hash_table_new (NULL, NULL);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  pinch = gtk_gesture_zoom_new ();
  g_signal_connect (pinch, "begin", G_CALLBACK (on_pinch_begin), self);
  g_signal_connect (pinch, "scale-changed", G_CALLBACK (on_pinch_scale_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pinch));
}
