/* cs-viewer-document.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsViewerDocument"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <json-glib/json-glib.h>
#include <poppler.h>

#include "cs-document-signature.h"
#include "cs-viewer-document.h"

/* Poppler 22.12 declares no cleanup functions of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

/**
 * CsViewerDocument:
 *
 * A material opened for reading: a PDF through Poppler, or a scanned
 * JPEG or PNG image as a document of one page. Everything here blocks and
 * is meant for the viewer's worker threads (#CsRenderScheduler); the
 * widget only reads the page count and sizes.
 *
 * Poppler's objects may not be used from two threads at once. Rather
 * than serialise every use of one #PopplerDocument behind a lock, which
 * would make a text search or a thumbnail wait for every page render, a
 * document keeps a small pool of #PopplerDocument instances opened from
 * the same bytes: a worker takes one for the length of a job, so each
 * instance is used by one thread at a time, and workers render pages of
 * the same file side by side. The pool grows to the number of workers
 * that ever worked on the file at once (two on this machine), and an
 * instance costs the parsed cross-reference table and fonts of one file.
 */

/* Images carry no trustworthy resolution: a pixel is drawn as a CSS pixel
 * (1/96 inch) at 100 %. */
#define IMAGE_POINTS_PER_PIXEL 0.75
/* A signature check that takes longer has gone wrong. */
#define SIGNATURE_CHECK_TIMEOUT_S 30
/* Larger scans are decoded at this many pixels (a 300 dpi A1 sheet). */
#define MAX_IMAGE_PIXELS (7016 * 9933)

struct _CsViewerDocument
{
  GObject parent_instance;

  GBytes *bytes;
  char *password;
  char *title;
  guint n_pages;

  GMutex lock;
  /* Under lock */
  GPtrArray *idle;             /* PopplerDocument, not in use by a worker */
  guint n_instances;
  double *widths;              /* points, as Poppler reports them (after /Rotate) */
  double *heights;
  gboolean sizes_known;

  /* An image: decoded once, never changed after opening */
  cairo_surface_t *image;
};

G_DEFINE_FINAL_TYPE (CsViewerDocument, cs_viewer_document, G_TYPE_OBJECT)

G_DEFINE_QUARK (cs-viewer-document-error-quark, cs_viewer_document_error)

static void
cs_viewer_document_finalize (GObject *object)
{
  CsViewerDocument *self = (CsViewerDocument *)object;

  g_clear_pointer (&self->idle, g_ptr_array_unref);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->image, cairo_surface_destroy);
  g_free (self->password);
  g_free (self->title);
  g_free (self->widths);
  g_free (self->heights);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (cs_viewer_document_parent_class)->finalize (object);
}

static void
cs_viewer_document_class_init (CsViewerDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cs_viewer_document_finalize;
}

static void
cs_viewer_document_init (CsViewerDocument *self)
{
  g_mutex_init (&self->lock);
  self->idle = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Page sizes that Poppler reports for a damaged page can be zero, negative,
 * not a number or absurdly large; the layout needs a sane one. */
static void
sanitise_size (double *width,
               double *height)
{
  if (!(*width >= 1 && *width <= 200000) || !(*height >= 1 && *height <= 200000))
    {
      *width = 595.276;    /* A4 */
      *height = 841.890;
    }
}

static PopplerDocument *
open_instance (CsViewerDocument  *self,
               GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  PopplerDocument *pdf;

  if (self->password == NULL)
    pdf = poppler_document_new_from_bytes (self->bytes, NULL, &local_error);
  else
    {
      g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (self->bytes);

      /* Poppler 22.12 crashes when poppler_document_new_from_bytes() (or
       * _from_data()) is given a wrong password: its second try, with the
       * password as UTF-8, opens a stream the first try has freed. Its
       * stream constructor retries correctly. */
      pdf = poppler_document_new_from_stream (stream, g_bytes_get_size (self->bytes),
                                              self->password, NULL, &local_error);
    }
  if (pdf != NULL)
    return pdf;

  if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
    {
      if (self->password == NULL || self->password[0] == '\0')
        g_set_error_literal (error, CS_VIEWER_DOCUMENT_ERROR,
                             CS_VIEWER_DOCUMENT_ERROR_NEEDS_PASSWORD,
                             _("The document is protected by a password."));
      else
        g_set_error_literal (error, CS_VIEWER_DOCUMENT_ERROR,
                             CS_VIEWER_DOCUMENT_ERROR_WRONG_PASSWORD,
                             _("The password does not open this document."));
    }
  else
    {
      g_debug ("Poppler: %s", local_error->message);
      g_set_error_literal (error, CS_VIEWER_DOCUMENT_ERROR, CS_VIEWER_DOCUMENT_ERROR_DAMAGED,
                           _("The file is damaged or is not a PDF document."));
    }
  return NULL;
}

/* Takes an instance for the length of one job; see the type's comment. */
static PopplerDocument *
acquire (CsViewerDocument  *self,
         GError           **error)
{
  PopplerDocument *pdf = NULL;

  g_mutex_lock (&self->lock);
  if (self->idle->len > 0)
    pdf = g_ptr_array_steal_index_fast (self->idle, self->idle->len - 1);
  g_mutex_unlock (&self->lock);
  if (pdf != NULL)
    return pdf;

  pdf = open_instance (self, error);
  if (pdf != NULL)
    {
      g_mutex_lock (&self->lock);
      self->n_instances++;
      g_mutex_unlock (&self->lock);
    }
  return pdf;
}

static void
release (CsViewerDocument *self,
         PopplerDocument  *pdf)
{
  g_mutex_lock (&self->lock);
  g_ptr_array_add (self->idle, pdf);
  g_mutex_unlock (&self->lock);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)

static void
on_size_prepared (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  double pixels = (double)width * height;

  if (pixels > MAX_IMAGE_PIXELS)
    {
      double factor = sqrt (MAX_IMAGE_PIXELS / pixels);

      gdk_pixbuf_loader_set_size (loader, MAX (1, (int)(width * factor)),
                                  MAX (1, (int)(height * factor)));
    }
}

static gboolean
open_image (CsViewerDocument  *self,
            GError           **error)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(cairo_surface_t) surface = NULL;
  GdkPixbuf *pixbuf;
  cairo_t *cr;
  int width, height;

  g_signal_connect (loader, "size-prepared", G_CALLBACK (on_size_prepared), NULL);
  if (!gdk_pixbuf_loader_write_bytes (loader, self->bytes, &local_error) ||
      !gdk_pixbuf_loader_close (loader, &local_error))
    {
      g_debug ("gdk-pixbuf: %s", local_error->message);
      g_set_error_literal (error, CS_VIEWER_DOCUMENT_ERROR, CS_VIEWER_DOCUMENT_ERROR_DAMAGED,
                           _("The file is damaged or is not an image this desk can read."));
      return FALSE;
    }
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    {
      g_set_error_literal (error, CS_VIEWER_DOCUMENT_ERROR, CS_VIEWER_DOCUMENT_ERROR_DAMAGED,
                           _("The file is damaged or is not an image this desk can read."));
      return FALSE;
    }

  width = gdk_pixbuf_get_width (pixbuf);
  height = gdk_pixbuf_get_height (pixbuf);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error_literal (error, CS_VIEWER_DOCUMENT_ERROR, CS_VIEWER_DOCUMENT_ERROR_TOO_LARGE,
                           _("The image is too large to show."));
      return FALSE;
    }
  cr = cairo_create (surface);
  gdk_cairo_set_source_pixbuf (cr, pixbuf, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);

  self->image = g_steal_pointer (&surface);
  self->n_pages = 1;
  self->widths = g_new (double, 1);
  self->heights = g_new (double, 1);
  self->widths[0] = width * IMAGE_POINTS_PER_PIXEL;
  self->heights[0] = height * IMAGE_POINTS_PER_PIXEL;
  self->sizes_known = TRUE;
  return TRUE;
}

static gboolean
open_pdf (CsViewerDocument  *self,
          GError           **error)
{
  g_autoptr(PopplerDocument) pdf = open_instance (self, error);
  g_autoptr(PopplerPage) first = NULL;
  int n_pages;

  if (pdf == NULL)
    return FALSE;

  n_pages = poppler_document_get_n_pages (pdf);
  if (n_pages <= 0)
    {
      g_set_error_literal (error, CS_VIEWER_DOCUMENT_ERROR, CS_VIEWER_DOCUMENT_ERROR_NO_PAGES,
                           _("The document has no pages."));
      return FALSE;
    }
  self->n_pages = n_pages;
  self->title = poppler_document_get_title (pdf);

  /* Only the first page's size is read now: walking the page tree of a
   * thousand pages costs more than drawing the first one, and the first
   * page is what the person waits for. Until cs_viewer_document_read_page_sizes()
   * has run, every page is taken to be the size of the first. */
  self->widths = g_new (double, self->n_pages);
  self->heights = g_new (double, self->n_pages);
  first = poppler_document_get_page (pdf, 0);
  if (first != NULL)
    poppler_page_get_size (first, &self->widths[0], &self->heights[0]);
  else
    self->widths[0] = self->heights[0] = 0;
  sanitise_size (&self->widths[0], &self->heights[0]);
  for (guint i = 1; i < self->n_pages; i++)
    {
      self->widths[i] = self->widths[0];
      self->heights[i] = self->heights[0];
    }
  self->sizes_known = self->n_pages == 1;

  self->n_instances = 1;
  g_ptr_array_add (self->idle, g_steal_pointer (&pdf));
  return TRUE;
}

/**
 * cs_viewer_document_open:
 * @bytes: the file's contents
 * @media_type: `application/pdf`, `image/jpeg` or `image/png`
 * @password: (nullable): the password of an encrypted PDF
 * @cancellable: (nullable): a #GCancellable
 * @error: the return location for an error in %CS_VIEWER_DOCUMENT_ERROR
 *
 * Opens a material. Blocks: call it in a worker thread.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
CsViewerDocument *
cs_viewer_document_open (GBytes        *bytes,
                         const char    *media_type,
                         const char    *password,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(CsViewerDocument) self = NULL;
  gboolean image;
  gboolean ok;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (g_bytes_get_size (bytes) == 0)
    {
      g_set_error_literal (error, CS_VIEWER_DOCUMENT_ERROR, CS_VIEWER_DOCUMENT_ERROR_EMPTY,
                           _("The file is empty."));
      return NULL;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  self = g_object_new (CS_TYPE_VIEWER_DOCUMENT, NULL);
  self->bytes = g_bytes_ref (bytes);
  self->password = g_strdup (password);
  image = g_strcmp0 (media_type, "image/jpeg") == 0 || g_strcmp0 (media_type, "image/png") == 0;
  ok = image ? open_image (self, error) : open_pdf (self, error);
  return ok ? g_steal_pointer (&self) : NULL;
}

gboolean
cs_viewer_document_is_pdf (CsViewerDocument *self)
{
  g_return_val_if_fail (CS_IS_VIEWER_DOCUMENT (self), FALSE);
  return self->image == NULL;
}

guint
cs_viewer_document_get_n_pages (CsViewerDocument *self)
{
  g_return_val_if_fail (CS_IS_VIEWER_DOCUMENT (self), 0);
  return self->n_pages;
}

/**
 * cs_viewer_document_get_page_size:
 * @self: a #CsViewerDocument
 * @page: a page index
 * @width: (out): the width in points
 * @height: (out): the height in points
 *
 * The size of a page as it is displayed unrotated. Until
 * cs_viewer_document_read_page_sizes() has run, the first page's size
 * stands for every page's.
 */
void
cs_viewer_document_get_page_size (CsViewerDocument *self,
                                  guint             page,
                                  double           *width,
                                  double           *height)
{
  g_return_if_fail (CS_IS_VIEWER_DOCUMENT (self));
  g_return_if_fail (page < self->n_pages);

  g_mutex_lock (&self->lock);
  *width = self->widths[page];
  *height = self->heights[page];
  g_mutex_unlock (&self->lock);
}

gboolean
cs_viewer_document_get_sizes_known (CsViewerDocument *self)
{
  gboolean known;

  g_return_val_if_fail (CS_IS_VIEWER_DOCUMENT (self), FALSE);

  g_mutex_lock (&self->lock);
  known = self->sizes_known;
  g_mutex_unlock (&self->lock);
  return known;
}

/**
 * cs_viewer_document_read_page_sizes:
 * @self: a #CsViewerDocument
 * @cancellable: (nullable): a #GCancellable
 * @error: the return location for an error
 *
 * Reads the size of every page. Blocks: call it in a worker thread.
 *
 * Returns: whether the sizes were read
 */
gboolean
cs_viewer_document_read_page_sizes (CsViewerDocument  *self,
                                    GCancellable      *cancellable,
                                    GError           **error)
{
  g_autofree double *widths = NULL;
  g_autofree double *heights = NULL;
  PopplerDocument *pdf;

  g_return_val_if_fail (CS_IS_VIEWER_DOCUMENT (self), FALSE);

  if (cs_viewer_document_get_sizes_known (self))
    return TRUE;
  pdf = acquire (self, error);
  if (pdf == NULL)
    return FALSE;

  widths = g_new (double, self->n_pages);
  heights = g_new (double, self->n_pages);
  for (guint i = 0; i < self->n_pages; i++)
    {
      g_autoptr(PopplerPage) page = NULL;

      if (i % 64 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          release (self, pdf);
          return FALSE;
        }
      page = poppler_document_get_page (pdf, i);
      if (page != NULL)
        poppler_page_get_size (page, &widths[i], &heights[i]);
      else
        widths[i] = heights[i] = 0;
      sanitise_size (&widths[i], &heights[i]);
    }
  release (self, pdf);

  g_mutex_lock (&self->lock);
  memcpy (self->widths, widths, sizeof (double) * self->n_pages);
  memcpy (self->heights, heights, sizeof (double) * self->n_pages);
  self->sizes_known = TRUE;
  g_mutex_unlock (&self->lock);
  return TRUE;
}

/**
 * cs_viewer_document_get_title:
 * @self: a #CsViewerDocument
 *
 * Returns: (transfer full) (nullable): the title the PDF declares
 */
char *
cs_viewer_document_get_title (CsViewerDocument *self)
{
  g_return_val_if_fail (CS_IS_VIEWER_DOCUMENT (self), NULL);
  return g_strdup (self->title);
}

/**
 * cs_viewer_document_get_n_instances:
 * @self: a #CsViewerDocument
 *
 * Returns: how many Poppler documents of this file have been opened: one
 *   for each worker that used the file at the same time as another
 */
guint
cs_viewer_document_get_n_instances (CsViewerDocument *self)
{
  guint n;

  g_return_val_if_fail (CS_IS_VIEWER_DOCUMENT (self), 0);

  g_mutex_lock (&self->lock);
  n = self->n_instances;
  g_mutex_unlock (&self->lock);
  return n;
}

/* Draws @page unrotated at the cairo context's current transformation,
 * the page's top-left corner at the origin. */
static gboolean
draw_page (CsViewerDocument  *self,
           guint              page,
           cairo_t           *cr,
           gboolean           for_printing,
           GError           **error)
{
  PopplerDocument *pdf;
  g_autoptr(PopplerPage) poppler_page = NULL;

  if (self->image != NULL)
    {
      cairo_scale (cr, IMAGE_POINTS_PER_PIXEL, IMAGE_POINTS_PER_PIXEL);
      cairo_set_source_surface (cr, self->image, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
      cairo_paint (cr);
      return TRUE;
    }

  pdf = acquire (self, error);
  if (pdf == NULL)
    return FALSE;
  poppler_page = poppler_document_get_page (pdf, page);
  if (poppler_page != NULL)
    {
      if (for_printing)
        poppler_page_render_for_printing (poppler_page, cr);
      else
        poppler_page_render (poppler_page, cr);
    }
  /* A page Poppler cannot read stays white. */
  g_clear_object (&poppler_page);
  release (self, pdf);
  return TRUE;
}

/**
 * cs_viewer_document_render_page:
 * @self: a #CsViewerDocument
 * @page: a page index
 * @scale: device pixels a point
 * @rotation: 0, 90, 180 or 270 degrees clockwise
 * @cancellable: (nullable): a #GCancellable, checked before drawing
 * @error: the return location for an error
 *
 * Draws a page on white. Blocks: call it in a worker thread. A page larger
 * than %CS_VIEWER_DOCUMENT_MAX_PIXELS is drawn at a smaller scale.
 *
 * Returns: (transfer full): the page, or %NULL with @error set
 */
GdkTexture *
cs_viewer_document_render_page (CsViewerDocument  *self,
                                guint              page,
                                double             scale,
                                int                rotation,
                                GCancellable      *cancellable,
                                GError           **error)
{
  g_autoptr(GBytes) bytes = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height, pixels;
  int surface_width, surface_height, stride;
  gboolean swap;

  g_return_val_if_fail (CS_IS_VIEWER_DOCUMENT (self), NULL);
  g_return_val_if_fail (page < self->n_pages, NULL);
  g_return_val_if_fail (scale > 0, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  rotation = ((rotation % 360) + 360) % 360;
  cs_viewer_document_get_page_size (self, page, &width, &height);
  pixels = width * scale * height * scale;
  /* A little under the bound, so that rounding the size up stays within it. */
  if (pixels > CS_VIEWER_DOCUMENT_MAX_PIXELS)
    scale *= sqrt (CS_VIEWER_DOCUMENT_MAX_PIXELS / pixels) * 0.995;

  swap = rotation == 90 || rotation == 270;
  surface_width = MAX (1, (int)ceil ((swap ? height : width) * scale - 0.01));
  surface_height = MAX (1, (int)ceil ((swap ? width : height) * scale - 0.01));
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, surface_width, surface_height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_set_error_literal (error, CS_VIEWER_DOCUMENT_ERROR, CS_VIEWER_DOCUMENT_ERROR_PAGE,
                           _("There is not enough memory to draw the page."));
      return NULL;
    }

  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  switch (rotation)
    {
    case 90:
      cairo_translate (cr, height, 0);
      break;
    case 180:
      cairo_translate (cr, width, height);
      break;
    case 270:
      cairo_translate (cr, 0, width);
      break;
    default:
      break;
    }
  cairo_rotate (cr, rotation * G_PI / 180);
  if (!draw_page (self, page, cr, FALSE, error))
    {
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      return NULL;
    }
  cairo_destroy (cr);

  cairo_surface_flush (surface);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_set_error_literal (error, CS_VIEWER_DOCUMENT_ERROR, CS_VIEWER_DOCUMENT_ERROR_PAGE,
                           _("The page could not be drawn."));
      return NULL;
    }
  stride = cairo_image_surface_get_stride (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize)stride * surface_height,
                                      (GDestroyNotify)cairo_surface_destroy, surface);
  /* Cairo's ARGB32 is premultiplied BGRA in memory on little-endian
   * machines and ARGB on big-endian ones: GDK_MEMORY_DEFAULT either way. */
  return gdk_memory_texture_new (surface_width, surface_height, GDK_MEMORY_DEFAULT, bytes, stride);
}

/**
 * cs_viewer_document_draw_page:
 * @self: a #CsViewerDocument
 * @page: a page index
 * @cr: where to draw, in points, the page's top-left corner at the origin
 * @for_printing: leave out what a PDF marks as not to be printed
 * @error: the return location for an error
 *
 * Draws a page as vectors, for printing. Blocks.
 *
 * Returns: whether the page was drawn
 */
gboolean
cs_viewer_document_draw_page (CsViewerDocument  *self,
                              guint              page,
                              cairo_t           *cr,
                              gboolean           for_printing,
                              GError           **error)
{
  g_return_val_if_fail (CS_IS_VIEWER_DOCUMENT (self), FALSE);
  g_return_val_if_fail (page < self->n_pages, FALSE);

  return draw_page (self, page, cr, for_printing, error);
}

/**
 * cs_viewer_document_find_text:
 * @self: a #CsViewerDocument
 * @page: a page index
 * @text: what to look for, in any case
 * @cancellable: (nullable): a #GCancellable
 * @error: the return location for an error
 *
 * Finds @text on a page, also where a line break splits it. Blocks.
 *
 * Returns: (transfer full) (element-type graphene_rect_t): where each hit
 *   is, in points from the page's top-left corner (a hit across a line
 *   break is two rectangles); empty for an image
 */
GArray *
cs_viewer_document_find_text (CsViewerDocument  *self,
                              guint              page,
                              const char        *text,
                              GCancellable      *cancellable,
                              GError           **error)
{
  GArray *hits = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  PopplerDocument *pdf;
  g_autoptr(PopplerPage) poppler_page = NULL;
  GList *found;
  double width, height;

  g_return_val_if_fail (CS_IS_VIEWER_DOCUMENT (self), NULL);
  g_return_val_if_fail (page < self->n_pages, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (self->image != NULL || text[0] == '\0')
    return hits;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_array_unref (hits);
      return NULL;
    }
  pdf = acquire (self, error);
  if (pdf == NULL)
    {
      g_array_unref (hits);
      return NULL;
    }
  poppler_page = poppler_document_get_page (pdf, page);
  if (poppler_page != NULL)
    {
      poppler_page_get_size (poppler_page, &width, &height);
      found = poppler_page_find_text_with_options (poppler_page, text, POPPLER_FIND_MULTILINE);
      for (GList *l = found; l != NULL; l = l->next)
        {
          PopplerRectangle *r = l->data;
          graphene_rect_t rect;

          /* Poppler counts y from the bottom of the page. */
          graphene_rect_init (&rect, MIN (r->x1, r->x2), height - MAX (r->y1, r->y2),
                              fabs (r->x2 - r->x1), fabs (r->y2 - r->y1));
          g_array_append_val (hits, rect);
        }
      g_list_free_full (found, (GDestroyNotify)poppler_rectangle_free);
    }
  g_clear_object (&poppler_page);
  release (self, pdf);
  return hits;
}

/**
 * cs_viewer_document_get_text_layout:
 * @self: a #CsViewerDocument
 * @page: a page index
 * @text: (out) (transfer full): the page's text
 * @rects: (out) (transfer full) (element-type graphene_rect_t): one
 *   rectangle for each character of @text, in points from the page's
 *   top-left corner
 * @error: the return location for an error
 *
 * Reads a page's text and where each character is, for selecting it.
 * Blocks. An image has no text: @text is empty.
 *
 * Returns: whether the layout was read
 */
gboolean
cs_viewer_document_get_text_layout (CsViewerDocument  *self,
                                    guint              page,
                                    char             **text,
                                    GArray           **rects,
                                    GError           **error)
{
  g_autoptr(PopplerPage) poppler_page = NULL;
  g_autofree PopplerRectangle *layout = NULL;
  g_autofree char *page_text = NULL;
  g_autoptr(GArray) result = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  PopplerDocument *pdf;
  guint n_layout = 0;
  glong n_chars;

  g_return_val_if_fail (CS_IS_VIEWER_DOCUMENT (self), FALSE);
  g_return_val_if_fail (page < self->n_pages, FALSE);

  if (self->image != NULL)
    {
      *text = g_strdup ("");
      *rects = g_steal_pointer (&result);
      return TRUE;
    }
  pdf = acquire (self, error);
  if (pdf == NULL)
    return FALSE;
  poppler_page = poppler_document_get_page (pdf, page);
  if (poppler_page != NULL)
    {
      page_text = poppler_page_get_text (poppler_page);
      if (!poppler_page_get_text_layout (poppler_page, &layout, &n_layout))
        n_layout = 0;
    }
  g_clear_object (&poppler_page);
  release (self, pdf);

  if (page_text == NULL || !g_utf8_validate (page_text, -1, NULL))
    {
      g_free (page_text);
      page_text = g_strdup ("");
    }
  /* One rectangle a character; should Poppler ever disagree, the text is
   * cut to the rectangles it has. */
  n_chars = g_utf8_strlen (page_text, -1);
  if ((guint)n_chars > n_layout)
    {
      char *end = g_utf8_offset_to_pointer (page_text, n_layout);

      *end = '\0';
      n_chars = n_layout;
    }
  for (glong i = 0; i < n_chars; i++)
    {
      graphene_rect_t rect;

      graphene_rect_init (&rect, layout[i].x1, layout[i].y1,
                          layout[i].x2 - layout[i].x1, layout[i].y2 - layout[i].y1);
      g_array_append_val (result, rect);
    }
  *text = g_steal_pointer (&page_text);
  *rects = g_steal_pointer (&result);
  return TRUE;
}

/* The signature checker: beside the desk in a build tree (named by
 * COUNTERSIGN_LIBEXECDIR), else where it is installed. */
static char *
find_signature_checker (void)
{
  const char *dir = g_getenv ("COUNTERSIGN_LIBEXECDIR");

  return g_build_filename (dir != NULL && dir[0] != '\0' ? dir : LIBEXECDIR,
                           "countersign-pdf-signatures", NULL);
}

static gboolean
checker_too_slow (gpointer user_data)
{
  g_subprocess_force_exit (user_data);
  return G_SOURCE_REMOVE;
}

static void
checked_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

/* Runs countersign-pdf-signatures on the document: its standard output,
 * or NULL when it failed, crashed or took too long. */
static GBytes *
run_signature_checker (CsViewerDocument  *self,
                       GCancellable      *cancellable,
                       GError           **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) checker = NULL;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) output = NULL;
  g_autoptr(GBytes) errors = NULL;
  g_autoptr(GSource) timeout = NULL;
  g_autofree char *path = find_signature_checker ();

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  if (self->password != NULL)
    g_subprocess_launcher_setenv (launcher, "COUNTERSIGN_PDF_PASSWORD", self->password, TRUE);
  checker = g_subprocess_launcher_spawn (launcher, error, path, NULL);
  if (checker == NULL)
    return NULL;

  /* This worker waits on a main context of its own, with a time limit. */
  g_main_context_push_thread_default (context);
  timeout = g_timeout_source_new_seconds (SIGNATURE_CHECK_TIMEOUT_S);
  g_source_set_callback (timeout, checker_too_slow, checker, NULL);
  g_source_attach (timeout, context);
  g_subprocess_communicate_async (checker, self->bytes, cancellable, checked_cb, &result);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);
  g_source_destroy (timeout);
  g_main_context_pop_thread_default (context);

  if (!g_subprocess_communicate_finish (checker, result, &output, &errors, error))
    return NULL;
  if (!g_subprocess_get_if_exited (checker) || g_subprocess_get_exit_status (checker) != 0)
    {
      g_autofree char *said = g_strndup (g_bytes_get_data (errors, NULL), g_bytes_get_size (errors));

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "countersign-pdf-signatures failed (%s %d): %s",
                   g_subprocess_get_if_exited (checker) ? "exit status" : "signal",
                   g_subprocess_get_if_exited (checker) ? g_subprocess_get_exit_status (checker)
                                                        : g_subprocess_get_term_sig (checker),
                   said);
      return NULL;
    }
  return g_steal_pointer (&output);
}

/**
 * cs_viewer_document_read_signatures:
 * @self: a #CsViewerDocument
 * @cancellable: (nullable): a #GCancellable
 * @error: the return location for an error
 *
 * Finds every signature field of the PDF and validates it, with its
 * certificate, against the system's trust store (through NSS, as Poppler
 * does). Validation runs in a process of its own,
 * countersign-pdf-signatures, within a time limit: see its source for
 * the Poppler bug this keeps out of the desk. A signature the checker
 * could not read comes back as one that could not be checked. Blocks.
 *
 * Returns: (transfer full) (element-type CsDocumentSignature): the
 *   signatures in page order, empty for an unsigned document
 */
GPtrArray *
cs_viewer_document_read_signatures (CsViewerDocument  *self,
                                    GCancellable      *cancellable,
                                    GError           **error)
{
  g_autoptr(GPtrArray) signatures = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GBytes) output = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  PopplerDocument *pdf;
  JsonNode *root;
  int n_signatures;

  g_return_val_if_fail (CS_IS_VIEWER_DOCUMENT (self), NULL);

  if (self->image != NULL)
    return g_steal_pointer (&signatures);
  /* Most materials have no signature at all: asked of Poppler here, which
   * only reads the document's form. */
  pdf = acquire (self, error);
  if (pdf == NULL)
    return NULL;
  n_signatures = poppler_document_get_n_signatures (pdf);
  release (self, pdf);
  if (n_signatures <= 0)
    return g_steal_pointer (&signatures);

  output = run_signature_checker (self, cancellable, &local_error);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (output != NULL &&
      json_parser_load_from_data (parser, g_bytes_get_data (output, NULL),
                                  g_bytes_get_size (output), &local_error) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_OBJECT (node))
            g_ptr_array_add (signatures,
                             cs_document_signature_new_from_json (json_node_get_object (node)));
        }
      return g_steal_pointer (&signatures);
    }

  g_debug ("Signatures not checked: %s",
           local_error != NULL ? local_error->message : "no answer");
  for (int i = 0; i < n_signatures; i++)
    g_ptr_array_add (signatures, cs_document_signature_new_unchecked (G_MAXUINT));
  return g_steal_pointer (&signatures);
}
