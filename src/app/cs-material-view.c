/* cs-material-view.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsMaterialView"

#include "config.h"

#include <glib/gi18n.h>
#include <poppler.h>

#include "cs-material-view.h"

/* Poppler 22.12 declares no cleanup functions of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

/**
 * CsMaterialView:
 *
 * Shows an applicant's material: the pages of a PDF one under the other,
 * fitted to the width, or a scanned image.
 *
 * Nothing here waits for Poppler on the main thread. The document is
 * opened and its pages rendered in worker threads, and only the pages in
 * view (and one either side) are rendered; a page scrolled far away gives
 * its texture back, so memory stays bounded whatever the document's size.
 *
 * Poppler's objects are not safe for use from two threads at once, so a
 * document belongs to one #Document and every use of it holds that
 * document's lock: renders of one document run one after the other,
 * renders of different documents (two views) in parallel.
 */

#define PAGE_MARGIN 12     /* around and between pages, in pixels */
#define KEEP_RENDERED 12   /* textures kept for pages out of view */
#define DEFAULT_WIDTH 720

typedef struct
{
  GMutex lock;
  PopplerDocument *document;   /* under lock */
  guint n_pages;
  double *widths;              /* page sizes in points, read once when opened */
  double *heights;
  /* The pages still wanted, updated as the person scrolls; a render
   * queued for a page outside them is dropped before it starts. */
  int wanted_first;
  int wanted_last;
} Document;

struct _CsMaterialView
{
  AdwBin parent_instance;

  GtkStack *stack;
  AdwStatusPage *message_page;
  GtkScrolledWindow *scroller;
  GtkBox *pages_box;
  GtkPicture *image;
  GtkScrolledWindow *image_scroller;
  GtkLabel *page_label;

  GCancellable *cancellable;   /* the document being shown */
  Document *document;
  GPtrArray *pictures;         /* GtkPicture, one a page */
  GHashTable *requested;       /* page index → TRUE: rendered or rendering */
  GQueue rendered;             /* page indexes, most recently shown first */
  int layout_width;            /* the page width the pictures are laid out for */
  guint relayout_id;
  guint page;
};

G_DEFINE_FINAL_TYPE (CsMaterialView, cs_material_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PAGE,
  PROP_N_PAGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void schedule_render (CsMaterialView *self);

static void
document_free (Document *document)
{
  g_mutex_clear (&document->lock);
  g_clear_object (&document->document);
  g_free (document->widths);
  g_free (document->heights);
}

static Document *
document_ref (Document *document)
{
  return g_atomic_rc_box_acquire (document);
}

static void
document_unref (Document *document)
{
  g_atomic_rc_box_release_full (document, (GDestroyNotify)document_free);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Document, document_unref)

/* Opening, in a worker thread */

static char *
describe_open_error (const GError *error)
{
  if (g_error_matches (error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
    return g_strdup (_("The document is protected by a password."));
  if (error->domain == POPPLER_ERROR)
    return g_strdup (_("The file is damaged or is not a PDF document."));
  return g_strdup (error->message);
}

static void
open_pdf_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(GError) error = NULL;
  Document *document;

  bytes = g_file_load_bytes (file, cancellable, NULL, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_bytes_get_size (bytes) == 0)
    {
      g_task_return_new_error (task, POPPLER_ERROR, POPPLER_ERROR_INVALID, _("The file is empty."));
      return;
    }

  pdf = poppler_document_new_from_bytes (bytes, NULL, &error);
  if (pdf == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  document = g_atomic_rc_box_new0 (Document);
  g_mutex_init (&document->lock);
  document->n_pages = MAX (poppler_document_get_n_pages (pdf), 0);
  document->widths = g_new (double, MAX (document->n_pages, 1));
  document->heights = g_new (double, MAX (document->n_pages, 1));
  for (guint i = 0; i < document->n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);

      poppler_page_get_size (page, &document->widths[i], &document->heights[i]);
      /* A page without a size would lay out as nothing: give it A4's. */
      if (!(document->widths[i] > 1 && document->heights[i] > 1))
        {
          document->widths[i] = 595;
          document->heights[i] = 842;
        }
    }
  document->document = g_steal_pointer (&pdf);
  document->wanted_first = 0;
  document->wanted_last = -1;
  g_task_return_pointer (task, document, (GDestroyNotify)document_unref);
}

static void
load_image_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GFile *file = task_data;
  GError *error = NULL;
  GdkTexture *texture = gdk_texture_new_from_file (file, &error);

  if (texture == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, texture, g_object_unref);
}

/* Rendering, in worker threads */

typedef struct
{
  Document *document;
  guint index;
  int width;        /* device pixels */
} Render;

static void
render_free (Render *render)
{
  document_unref (render->document);
  g_free (render);
}

static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Render *render = task_data;
  Document *document = render->document;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PopplerPage) page = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double scale;
  int height, stride;
  gboolean wanted;

  g_mutex_lock (&document->lock);
  wanted = (int)render->index >= document->wanted_first &&
           (int)render->index <= document->wanted_last;
  if (!wanted || g_cancellable_is_cancelled (cancellable))
    {
      g_mutex_unlock (&document->lock);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Scrolled past");
      return;
    }

  scale = render->width / document->widths[render->index];
  height = MAX (1, (int)(document->heights[render->index] * scale + 0.5));
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, render->width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  page = poppler_document_get_page (document->document, render->index);
  if (page != NULL)
    poppler_page_render (page, cr);
  g_clear_object (&page);
  g_mutex_unlock (&document->lock);
  cairo_destroy (cr);

  cairo_surface_flush (surface);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("The page could not be drawn."));
      return;
    }
  stride = cairo_image_surface_get_stride (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize)stride * height,
                                      (GDestroyNotify)cairo_surface_destroy, surface);
  /* Cairo's ARGB32 is premultiplied BGRA in memory on little-endian
   * machines, ARGB on big-endian ones: GDK_MEMORY_DEFAULT is the same. */
  g_task_return_pointer (task,
                         gdk_memory_texture_new (render->width, height, GDK_MEMORY_DEFAULT,
                                                 bytes, stride),
                         g_object_unref);
}

/* Layout */

static int
page_width (CsMaterialView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->scroller));

  if (width <= 0)
    width = DEFAULT_WIDTH;
  return MAX (width - 2 * PAGE_MARGIN, 64);
}

static int
page_height (CsMaterialView *self,
             guint           index,
             int             width)
{
  Document *document = self->document;

  return MAX (1, (int)(document->heights[index] * width / document->widths[index] + 0.5));
}

static void
forget_rendered (CsMaterialView *self)
{
  for (guint i = 0; self->pictures != NULL && i < self->pictures->len; i++)
    gtk_picture_set_paintable (g_ptr_array_index (self->pictures, i), NULL);
  g_hash_table_remove_all (self->requested);
  g_queue_clear (&self->rendered);
}

static void
lay_out (CsMaterialView *self)
{
  int width = page_width (self);

  if (self->document == NULL)
    return;
  self->layout_width = width;
  /* Only the height is asked for: a page's width follows the view's, so
   * that the view never holds the window wider than it is. */
  for (guint i = 0; i < self->pictures->len; i++)
    gtk_widget_set_size_request (g_ptr_array_index (self->pictures, i), -1,
                                 page_height (self, i, width));
  forget_rendered (self);
  schedule_render (self);
}

static gboolean
relayout_cb (gpointer user_data)
{
  CsMaterialView *self = user_data;

  self->relayout_id = 0;
  if (ABS (page_width (self) - self->layout_width) > 4)
    lay_out (self);
  return G_SOURCE_REMOVE;
}

static void
on_width_changed (CsMaterialView *self)
{
  /* Resizing re-renders every page in view: once the size settles. */
  g_clear_handle_id (&self->relayout_id, g_source_remove);
  self->relayout_id = g_timeout_add (150, relayout_cb, self);
}

static void
set_page (CsMaterialView *self,
          guint           page)
{
  g_autofree char *text = NULL;

  if (self->page == page)
    return;
  self->page = page;
  text = g_strdup_printf (_("Page %u of %u"), page + 1, self->document->n_pages);
  gtk_label_set_label (self->page_label, text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

static void
page_rendered_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(CsMaterialView) self = user_data;
  Render *render = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = g_task_propagate_pointer (G_TASK (result), &error);

  if (render->document != self->document)
    return;                              /* another document since */
  if (texture == NULL)
    {
      /* Not rendered: asked again when it comes into view. */
      g_hash_table_remove (self->requested, GUINT_TO_POINTER (render->index));
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Page %u: %s", render->index + 1, error->message);
      return;
    }
  if (render->width != self->layout_width * gtk_widget_get_scale_factor (GTK_WIDGET (self)))
    {
      g_hash_table_remove (self->requested, GUINT_TO_POINTER (render->index));
      schedule_render (self);
      return;
    }

  gtk_picture_set_paintable (g_ptr_array_index (self->pictures, render->index),
                             GDK_PAINTABLE (texture));
  g_queue_push_head (&self->rendered, GUINT_TO_POINTER (render->index));
}

/* Renders what is in view, forgets what is far from it. */
static void
render_visible (CsMaterialView *self)
{
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double top = gtk_adjustment_get_value (vadjustment);
  double bottom = top + gtk_adjustment_get_page_size (vadjustment);
  int scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  Document *document = self->document;
  int first = -1, last = -1;
  double y = PAGE_MARGIN;
  guint kept;

  if (document == NULL || document->n_pages == 0)
    return;

  for (guint i = 0; i < document->n_pages; i++)
    {
      double height = page_height (self, i, self->layout_width);

      if (first < 0 && y + height > top)
        first = i;
      if (y < bottom)
        last = i;
      y += height + PAGE_MARGIN;
    }
  if (first < 0)
    first = document->n_pages - 1;
  if (last < first)
    last = first;
  set_page (self, first);

  /* One page either side, so that scrolling a little shows a page ready. */
  first = MAX (first - 1, 0);
  last = MIN (last + 1, (int)document->n_pages - 1);
  g_mutex_lock (&document->lock);
  document->wanted_first = first;
  document->wanted_last = last;
  g_mutex_unlock (&document->lock);

  for (int i = first; i <= last; i++)
    {
      Render *render;
      GTask *task;

      if (g_hash_table_contains (self->requested, GINT_TO_POINTER (i)))
        {
          /* Shown again: most recently used. */
          if (g_queue_remove (&self->rendered, GINT_TO_POINTER (i)))
            g_queue_push_head (&self->rendered, GINT_TO_POINTER (i));
          continue;
        }
      g_hash_table_add (self->requested, GINT_TO_POINTER (i));
      render = g_new0 (Render, 1);
      render->document = document_ref (document);
      render->index = i;
      render->width = self->layout_width * scale_factor;
      task = g_task_new (self, self->cancellable, page_rendered_cb, g_object_ref (self));
      g_task_set_source_tag (task, render_visible);
      g_task_set_task_data (task, render, (GDestroyNotify)render_free);
      g_task_run_in_thread (task, render_thread);
      g_object_unref (task);
    }

  /* Bounded memory: the least recently shown pages out of view go. */
  kept = 0;
  for (GList *l = self->rendered.head; l != NULL;)
    {
      GList *next = l->next;
      int index = GPOINTER_TO_INT (l->data);

      if ((index < first || index > last) && ++kept > KEEP_RENDERED)
        {
          gtk_picture_set_paintable (g_ptr_array_index (self->pictures, index), NULL);
          g_hash_table_remove (self->requested, GINT_TO_POINTER (index));
          g_queue_delete_link (&self->rendered, l);
        }
      l = next;
    }
}

static gboolean
render_cb (GtkWidget     *widget,
           GdkFrameClock *frame_clock,
           gpointer       user_data)
{
  render_visible (CS_MATERIAL_VIEW (widget));
  return G_SOURCE_REMOVE;
}

static void
schedule_render (CsMaterialView *self)
{
  /* At most once a frame, however many scroll events arrive. */
  gtk_widget_add_tick_callback (GTK_WIDGET (self), render_cb, NULL, NULL);
}

/* Showing */

static void
reset (CsMaterialView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->relayout_id, g_source_remove);
  forget_rendered (self);
  if (self->pictures != NULL)
    for (guint i = 0; i < self->pictures->len; i++)
      gtk_box_remove (self->pages_box, g_ptr_array_index (self->pictures, i));
  g_clear_pointer (&self->pictures, g_ptr_array_unref);
  g_clear_pointer (&self->document, document_unref);
  gtk_picture_set_paintable (self->image, NULL);
  self->page = 0;
  self->layout_width = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
}

static void
pdf_opened_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(CsMaterialView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  Document *document = g_task_propagate_pointer (G_TASK (result), &error);

  if (document == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      message = describe_open_error (error);
      cs_material_view_show_message (self, "dialog-warning-symbolic",
                                     _("The Document Cannot Be Shown"), message);
      return;
    }
  if (document->n_pages == 0)
    {
      document_unref (document);
      cs_material_view_show_message (self, "dialog-warning-symbolic",
                                     _("The Document Cannot Be Shown"),
                                     _("The document has no pages."));
      return;
    }

  self->document = document;
  self->pictures = g_ptr_array_new ();
  for (guint i = 0; i < document->n_pages; i++)
    {
      GtkWidget *picture = gtk_picture_new ();
      g_autofree char *label = g_strdup_printf (_("Page %u of %u"), i + 1, document->n_pages);

      gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
      gtk_widget_set_hexpand (picture, TRUE);
      gtk_widget_add_css_class (picture, "material-page");
      gtk_accessible_update_property (GTK_ACCESSIBLE (picture),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_box_append (self->pages_box, picture);
      g_ptr_array_add (self->pictures, picture);
    }
  self->page = G_MAXUINT;
  gtk_stack_set_visible_child_name (self->stack, "document");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
  lay_out (self);
}

static void
image_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(CsMaterialView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = g_task_propagate_pointer (G_TASK (result), &error);

  if (texture == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      cs_material_view_show_message (self, "dialog-warning-symbolic",
                                     _("The Image Cannot Be Shown"),
                                     _("The file is damaged or is not an image this desk can "
                                       "read."));
      return;
    }
  gtk_picture_set_paintable (self->image, GDK_PAINTABLE (texture));
  gtk_stack_set_visible_child_name (self->stack, "image");
}

/**
 * cs_material_view_load:
 * @self: a #CsMaterialView
 * @file: the material's file
 * @media_type: its media type: `application/pdf`, `image/jpeg` or `image/png`
 * @title: (nullable): its name, for the accessible description
 *
 * Shows a material. Opening happens in a worker thread; a damaged file
 * shows a message in place of the pages.
 */
void
cs_material_view_load (CsMaterialView *self,
                       GFile          *file,
                       const char     *media_type,
                       const char     *title)
{
  GTask *task;

  g_return_if_fail (CS_IS_MATERIAL_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  reset (self);
  self->cancellable = g_cancellable_new ();
  gtk_stack_set_visible_child_name (self->stack, "loading");
  if (title != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, title, -1);

  if (g_strcmp0 (media_type, "image/jpeg") == 0 || g_strcmp0 (media_type, "image/png") == 0)
    {
      task = g_task_new (self, self->cancellable, image_loaded_cb, g_object_ref (self));
      g_task_set_source_tag (task, cs_material_view_load);
      g_task_set_task_data (task, g_object_ref (file), g_object_unref);
      g_task_run_in_thread (task, load_image_thread);
    }
  else
    {
      task = g_task_new (self, self->cancellable, pdf_opened_cb, g_object_ref (self));
      g_task_set_source_tag (task, cs_material_view_load);
      g_task_set_task_data (task, g_object_ref (file), g_object_unref);
      g_task_run_in_thread (task, open_pdf_thread);
    }
  g_object_unref (task);
}

/**
 * cs_material_view_show_message:
 * @self: a #CsMaterialView
 * @icon_name: (nullable): an icon
 * @title: what happened
 * @description: (nullable): what it means, or what to do
 *
 * Shows a message in place of a document: loading, offline, damaged.
 */
void
cs_material_view_show_message (CsMaterialView *self,
                               const char     *icon_name,
                               const char     *title,
                               const char     *description)
{
  g_return_if_fail (CS_IS_MATERIAL_VIEW (self));

  reset (self);
  adw_status_page_set_icon_name (self->message_page, icon_name);
  adw_status_page_set_title (self->message_page, title);
  adw_status_page_set_description (self->message_page, description);
  gtk_stack_set_visible_child_name (self->stack, "message");
}

/**
 * cs_material_view_clear:
 * @self: a #CsMaterialView
 *
 * Shows no material, and asks the person to pick one.
 */
void
cs_material_view_clear (CsMaterialView *self)
{
  cs_material_view_show_message (self, "x-office-document-symbolic", _("No Material Open"),
                                 _("Choose a material in the checklist to read it here."));
}

guint
cs_material_view_get_n_pages (CsMaterialView *self)
{
  g_return_val_if_fail (CS_IS_MATERIAL_VIEW (self), 0);
  return self->document != NULL ? self->document->n_pages : 0;
}

guint
cs_material_view_get_page (CsMaterialView *self)
{
  g_return_val_if_fail (CS_IS_MATERIAL_VIEW (self), 0);
  return self->document != NULL ? self->page : 0;
}

static void
cs_material_view_dispose (GObject *object)
{
  CsMaterialView *self = (CsMaterialView *) object;

  reset (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_MATERIAL_VIEW);

  G_OBJECT_CLASS (cs_material_view_parent_class)->dispose (object);
}

static void
cs_material_view_finalize (GObject *object)
{
  CsMaterialView *self = (CsMaterialView *) object;

  g_clear_pointer (&self->requested, g_hash_table_unref);

  G_OBJECT_CLASS (cs_material_view_parent_class)->finalize (object);
}

static void
cs_material_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CsMaterialView *self = CS_MATERIAL_VIEW (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      g_value_set_uint (value, cs_material_view_get_page (self));
      break;
    case PROP_N_PAGES:
      g_value_set_uint (value, cs_material_view_get_n_pages (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_material_view_class_init (CsMaterialViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_material_view_dispose;
  object_class->finalize = cs_material_view_finalize;
  object_class->get_property = cs_material_view_get_property;

  properties[PROP_PAGE] =
    g_param_spec_uint ("page", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/countersign/Desk/cs-material-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CsMaterialView, image);
  gtk_widget_class_bind_template_child (widget_class, CsMaterialView, image_scroller);
  gtk_widget_class_bind_template_child (widget_class, CsMaterialView, message_page);
  gtk_widget_class_bind_template_child (widget_class, CsMaterialView, page_label);
  gtk_widget_class_bind_template_child (widget_class, CsMaterialView, pages_box);
  gtk_widget_class_bind_template_child (widget_class, CsMaterialView, scroller);
  gtk_widget_class_bind_template_child (widget_class, CsMaterialView, stack);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cs_material_view_init (CsMaterialView *self)
{
  GtkAdjustment *adjustment;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->requested = g_hash_table_new (NULL, NULL);
  g_queue_init (&self->rendered);

  adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (schedule_render), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "notify::page-size", G_CALLBACK (schedule_render), self,
                           G_CONNECT_SWAPPED);
  adjustment = gtk_scrolled_window_get_hadjustment (self->scroller);
  g_signal_connect_object (adjustment, "notify::page-size", G_CALLBACK (on_width_changed), self,
                           G_CONNECT_SWAPPED);
  cs_material_view_clear (self);
}

CsMaterialView *
cs_material_view_new (void)
{
  return g_object_new (CS_TYPE_MATERIAL_VIEW, NULL);
}
