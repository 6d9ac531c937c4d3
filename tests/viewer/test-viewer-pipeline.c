/* test-viewer-pipeline.c — the viewer's render cache, worker pool and
 * document, without a display
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "cs-document-search.h"
#include "cs-document-signature.h"
#include "cs-render-cache.h"
#include "cs-render-scheduler.h"
#include "cs-viewer-document.h"

static GdkTexture *
make_texture (int width,
              int height)
{
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_malloc0 ((gsize)width * height * 4),
                                              (gsize)width * height * 4);

  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, width * 4);
}

static GBytes *
read_sample (const char *variable)
{
  const char *path = g_getenv (variable);
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  if (path == NULL)
    return NULL;
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  return g_bytes_new_take (contents, length);
}

static CsViewerDocument *
open_sample (const char *variable)
{
  g_autoptr(GBytes) bytes = read_sample (variable);
  g_autoptr(GError) error = NULL;
  CsViewerDocument *document;

  g_assert_nonnull (bytes);
  document = cs_viewer_document_open (bytes, "application/pdf", NULL, NULL, &error);
  g_assert_no_error (error);
  return document;
}

/* The cache */

static void
test_cache_bound (void)
{
  /* Pages of 100 × 100 pixels: 40,000 bytes; five fit. */
  g_autoptr(CsRenderCache) cache = cs_render_cache_new (200000);

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(GdkTexture) texture = make_texture (100, 100);

      cs_render_cache_insert (cache, i, 100, 0, texture);
    }
  g_assert_cmpuint (cs_render_cache_get_n_textures (cache), ==, 5);
  g_assert_cmpuint (cs_render_cache_get_size (cache), ==, 200000);

  /* Page 0 looked up again: page 1 is now the least recently used. */
  g_assert_nonnull (cs_render_cache_lookup (cache, 0, 100, 0));
  {
    g_autoptr(GdkTexture) texture = make_texture (100, 100);

    cs_render_cache_insert (cache, 5, 100, 0, texture);
  }
  g_assert_cmpuint (cs_render_cache_get_size (cache), <=, 200000);
  g_assert_nonnull (cs_render_cache_lookup (cache, 0, 100, 0));
  g_assert_null (cs_render_cache_lookup_any (cache, 1, 0));
  g_assert_nonnull (cs_render_cache_lookup (cache, 5, 100, 0));

  /* Hundreds of pages later it still holds five. */
  for (guint i = 6; i < 400; i++)
    {
      g_autoptr(GdkTexture) texture = make_texture (100, 100);

      cs_render_cache_insert (cache, i, 100, 0, texture);
      g_assert_cmpuint (cs_render_cache_get_size (cache), <=, 200000);
    }
  g_assert_cmpuint (cs_render_cache_get_n_textures (cache), ==, 5);

  cs_render_cache_clear (cache);
  g_assert_cmpuint (cs_render_cache_get_size (cache), ==, 0);
  g_assert_cmpuint (cs_render_cache_get_n_textures (cache), ==, 0);
}

static void
test_cache_keys (void)
{
  g_autoptr(CsRenderCache) cache = cs_render_cache_new (10 * 1000 * 1000);
  g_autoptr(GdkTexture) small = make_texture (100, 140);
  g_autoptr(GdkTexture) large = make_texture (200, 280);
  g_autoptr(GdkTexture) huge = make_texture (2000, 2000);

  cs_render_cache_insert (cache, 3, 100, 0, small);
  g_assert_true (cs_render_cache_lookup (cache, 3, 100, 0) == small);
  /* Another zoom or rotation is another render; meanwhile the old one
   * stands in at the same rotation. */
  g_assert_null (cs_render_cache_lookup (cache, 3, 200, 0));
  g_assert_null (cs_render_cache_lookup (cache, 3, 100, 90));
  g_assert_true (cs_render_cache_lookup_any (cache, 3, 0) == small);
  g_assert_null (cs_render_cache_lookup_any (cache, 3, 90));

  /* A page keeps one render: the new zoom replaces the old. */
  cs_render_cache_insert (cache, 3, 200, 0, large);
  g_assert_cmpuint (cs_render_cache_get_n_textures (cache), ==, 1);
  g_assert_cmpuint (cs_render_cache_get_size (cache), ==, 200 * 280 * 4);
  g_assert_true (cs_render_cache_lookup (cache, 3, 200, 0) == large);

  /* A page larger than the whole bound stays, alone: it is on screen. */
  cs_render_cache_insert (cache, 4, 2000, 0, huge);
  g_assert_cmpuint (cs_render_cache_get_n_textures (cache), ==, 1);
  g_assert_true (cs_render_cache_lookup (cache, 4, 2000, 0) == huge);
  g_assert_null (cs_render_cache_lookup_any (cache, 3, 0));
}

/* The scheduler */

typedef struct
{
  GMutex lock;
  GCond cond;
  gboolean open;
  gboolean started;
} Gate;

static gpointer
gate_func (gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  Gate *gate = data;

  g_mutex_lock (&gate->lock);
  gate->started = TRUE;
  g_cond_broadcast (&gate->cond);
  while (!gate->open)
    g_cond_wait (&gate->cond, &gate->lock);
  g_mutex_unlock (&gate->lock);
  return g_strdup ("gate");
}

static void
gate_wait_started (Gate *gate)
{
  g_mutex_lock (&gate->lock);
  while (!gate->started)
    g_cond_wait (&gate->cond, &gate->lock);
  g_mutex_unlock (&gate->lock);
}

static void
gate_open (Gate *gate)
{
  g_mutex_lock (&gate->lock);
  gate->open = TRUE;
  g_cond_broadcast (&gate->cond);
  g_mutex_unlock (&gate->lock);
}

typedef struct
{
  GMutex lock;
  GString *order;
} Order;

typedef struct
{
  Order *order;
  char name;
} Step;

static gpointer
step_func (gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  Step *step = data;

  g_mutex_lock (&step->order->lock);
  g_string_append_c (step->order->order, step->name);
  g_mutex_unlock (&step->order->lock);
  return g_strdup ("done");
}

typedef struct
{
  guint done;
  guint cancelled;
} Counts;

static void
count_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Counts *counts = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = cs_render_scheduler_run_finish (CS_RENDER_SCHEDULER (object), result,
                                                           &error);

  if (value != NULL)
    counts->done++;
  else
    {
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      counts->cancelled++;
    }
}

static void
run (CsRenderScheduler *scheduler,
     int                priority,
     Step              *step,
     GCancellable      *cancellable,
     Counts            *counts)
{
  cs_render_scheduler_run_async (scheduler, priority, step_func, step, NULL, g_free, cancellable,
                                 count_cb, counts);
}

static void
test_scheduler_priority (void)
{
  g_autoptr(CsRenderScheduler) scheduler = cs_render_scheduler_new (1);
  Gate gate = { .open = FALSE };
  Order order = { .order = g_string_new (NULL) };
  Step steps[] = {
    { &order, 'b' }, { &order, 'v' }, { &order, 'n' }, { &order, 'w' }, { &order, 't' },
  };
  Counts counts = { 0, 0 };

  g_mutex_init (&gate.lock);
  g_cond_init (&gate.cond);
  g_mutex_init (&order.lock);

  /* The one worker is busy while the others queue. */
  cs_render_scheduler_run_async (scheduler, CS_RENDER_PRIORITY_VISIBLE, gate_func, &gate, NULL,
                                 g_free, NULL, count_cb, &counts);
  gate_wait_started (&gate);
  run (scheduler, CS_RENDER_PRIORITY_BACKGROUND, &steps[0], NULL, &counts);
  run (scheduler, CS_RENDER_PRIORITY_VISIBLE, &steps[1], NULL, &counts);
  run (scheduler, CS_RENDER_PRIORITY_NEARBY, &steps[2], NULL, &counts);
  run (scheduler, CS_RENDER_PRIORITY_VISIBLE, &steps[3], NULL, &counts);
  run (scheduler, CS_RENDER_PRIORITY_THUMBNAIL, &steps[4], NULL, &counts);
  gate_open (&gate);

  while (counts.done < 6)
    g_main_context_iteration (NULL, TRUE);
  /* Visible first, in the order asked; then nearby, thumbnails, background. */
  g_assert_cmpstr (order.order->str, ==, "vwntb");
  g_assert_cmpuint (cs_render_scheduler_get_max_running (scheduler), ==, 1);

  g_string_free (order.order, TRUE);
  g_mutex_clear (&order.lock);
  g_mutex_clear (&gate.lock);
  g_cond_clear (&gate.cond);
}

static void
test_scheduler_cancel (void)
{
  g_autoptr(CsRenderScheduler) scheduler = cs_render_scheduler_new (1);
  g_autoptr(GCancellable) scrolled_past = g_cancellable_new ();
  g_autoptr(GCancellable) already = g_cancellable_new ();
  Gate gate = { .open = FALSE };
  Order order = { .order = g_string_new (NULL) };
  Step steps[] = { { &order, 'a' }, { &order, 'b' }, { &order, 'c' } };
  Counts counts = { 0, 0 };
  guint run_before;

  g_mutex_init (&gate.lock);
  g_cond_init (&gate.cond);
  g_mutex_init (&order.lock);

  cs_render_scheduler_run_async (scheduler, CS_RENDER_PRIORITY_VISIBLE, gate_func, &gate, NULL,
                                 g_free, NULL, count_cb, &counts);
  gate_wait_started (&gate);
  run (scheduler, CS_RENDER_PRIORITY_VISIBLE, &steps[0], scrolled_past, &counts);
  run (scheduler, CS_RENDER_PRIORITY_VISIBLE, &steps[1], NULL, &counts);
  g_cancellable_cancel (already);
  run (scheduler, CS_RENDER_PRIORITY_VISIBLE, &steps[2], already, &counts);

  /* Cancelled while the worker is still busy: the callback comes at once. */
  g_cancellable_cancel (scrolled_past);
  while (counts.cancelled < 2)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (counts.done, ==, 0);
  run_before = cs_render_scheduler_get_n_run (scheduler);

  gate_open (&gate);
  while (counts.done < 2)
    g_main_context_iteration (NULL, TRUE);
  /* The gate and b ran; a and c never did. */
  g_assert_cmpstr (order.order->str, ==, "b");
  g_assert_cmpuint (counts.cancelled, ==, 2);
  g_assert_cmpuint (cs_render_scheduler_get_n_run (scheduler), ==, run_before + 1);

  g_string_free (order.order, TRUE);
  g_mutex_clear (&order.lock);
  g_mutex_clear (&gate.lock);
  g_cond_clear (&gate.cond);
}

static gpointer
slow_func (gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  g_usleep (5000);
  return g_strdup ("slow");
}

static void
test_scheduler_workers (void)
{
  g_autoptr(CsRenderScheduler) scheduler = cs_render_scheduler_new (2);
  Counts counts = { 0, 0 };

  g_assert_cmpuint (cs_render_scheduler_get_n_workers (scheduler), ==, 2);
  for (guint i = 0; i < 24; i++)
    cs_render_scheduler_run_async (scheduler, CS_RENDER_PRIORITY_VISIBLE, slow_func, NULL, NULL,
                                   g_free, NULL, count_cb, &counts);
  while (counts.done < 24)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (cs_render_scheduler_get_n_run (scheduler), ==, 24);
  g_assert_cmpuint (cs_render_scheduler_get_max_running (scheduler), >=, 1);
  g_assert_cmpuint (cs_render_scheduler_get_max_running (scheduler), <=, 2);
}

/* The document */

typedef struct
{
  guint remaining;
  guint failed;
} Renders;

static void
render_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Renders *renders = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture =
    cs_render_scheduler_render_finish (CS_RENDER_SCHEDULER (object), result, &error);

  if (texture == NULL)
    renders->failed++;
  renders->remaining--;
}

static void
test_document_pages (void)
{
  g_autoptr(CsViewerDocument) document = open_sample ("COUNTERSIGN_SAMPLE_TEXT_PDF");
  g_autoptr(CsRenderScheduler) scheduler = cs_render_scheduler_new (2);
  g_autoptr(GdkTexture) page = NULL;
  g_autoptr(GdkTexture) turned = NULL;
  g_autoptr(GError) error = NULL;
  Renders renders = { 0, 0 };
  double width, height;

  g_assert_true (cs_viewer_document_is_pdf (document));
  g_assert_cmpuint (cs_viewer_document_get_n_pages (document), ==, 12);
  /* Opening reads only the first page's size; the rest come later. */
  g_assert_false (cs_viewer_document_get_sizes_known (document));
  g_assert_true (cs_viewer_document_read_page_sizes (document, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (cs_viewer_document_get_sizes_known (document));
  cs_viewer_document_get_page_size (document, 11, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.276, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.01);

  /* 150 dpi */
  page = cs_viewer_document_render_page (document, 0, 150.0 / 72, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (page), ==, 1241);
  g_assert_cmpint (gdk_texture_get_height (page), ==, 1754);
  turned = cs_viewer_document_render_page (document, 0, 150.0 / 72, 90, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (turned), ==, 1754);
  g_assert_cmpint (gdk_texture_get_height (turned), ==, 1241);

  /* A page asked at an absurd zoom is drawn within the pixel bound. */
  g_clear_object (&page);
  page = cs_viewer_document_render_page (document, 0, 40.0, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint ((gint64)gdk_texture_get_width (page) * gdk_texture_get_height (page), <=,
                   CS_VIEWER_DOCUMENT_MAX_PIXELS);

  /* Every page through two workers at once: one Poppler document each. */
  for (guint round = 0; round < 3; round++)
    for (guint i = 0; i < 12; i++)
      {
        renders.remaining++;
        cs_render_scheduler_render_async (scheduler, document, i, 0.5, 0,
                                          CS_RENDER_PRIORITY_VISIBLE, NULL, render_cb, &renders);
      }
  while (renders.remaining > 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (renders.failed, ==, 0);
  g_assert_cmpuint (cs_viewer_document_get_n_instances (document), >=, 1);
  /* The test's own calls above ran in this thread, one at a time. */
  g_assert_cmpuint (cs_viewer_document_get_n_instances (document), <=, 2);
}

static void
test_document_text (void)
{
  g_autoptr(CsViewerDocument) document = open_sample ("COUNTERSIGN_SAMPLE_TEXT_PDF");
  g_autoptr(GArray) hits = NULL;
  g_autoptr(GArray) none = NULL;
  g_autoptr(GArray) rects = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const graphene_rect_t *hit;

  /* The heading is at the top of the page, in the page's own coordinates
   * (from the top-left corner). */
  hits = cs_viewer_document_find_text (document, 2, "施工许可", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, >=, 1);
  hit = &g_array_index (hits, graphene_rect_t, 0);
  g_assert_cmpfloat (hit->origin.y, <, 120);
  g_assert_cmpfloat (hit->origin.x, >, 40);
  g_assert_cmpfloat (hit->size.width, >, 10);
  /* Case does not matter */
  g_clear_pointer (&hits, g_array_unref);
  hits = cs_viewer_document_find_text (document, 2, "concrete GRADE", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, >=, 1);
  none = cs_viewer_document_find_text (document, 2, "审批结果通知书", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);

  g_assert_true (cs_viewer_document_get_text_layout (document, 0, &text, &rects, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "建设工程施工许可申请材料"));
  g_assert_cmpuint (rects->len, ==, g_utf8_strlen (text, -1));
}

static void
test_document_errors (void)
{
  struct {
    const char *contents;
    gssize length;
    int code;
  } cases[] = {
    { "", 0, CS_VIEWER_DOCUMENT_ERROR_EMPTY },
    { "not a document at all", -1, CS_VIEWER_DOCUMENT_ERROR_DAMAGED },
    { "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<", -1, CS_VIEWER_DOCUMENT_ERROR_DAMAGED },
    { "\x89PNG\r\n\x1a\n", 8, CS_VIEWER_DOCUMENT_ERROR_DAMAGED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize length = cases[i].length >= 0 ? (gsize)cases[i].length : strlen (cases[i].contents);
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].contents, length);
      g_autoptr(GError) error = NULL;
      g_autoptr(CsViewerDocument) document =
        cs_viewer_document_open (bytes, "application/pdf", NULL, NULL, &error);

      g_assert_null (document);
      g_assert_error (error, CS_VIEWER_DOCUMENT_ERROR, cases[i].code);
      g_assert_cmpstr (error->message, !=, "");
    }

  /* An image that is not one */
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static ("\xff\xd8\xff\xe0 broken", 12);
    g_autoptr(GError) error = NULL;
    g_autoptr(CsViewerDocument) document =
      cs_viewer_document_open (bytes, "image/jpeg", NULL, NULL, &error);

    g_assert_null (document);
    g_assert_error (error, CS_VIEWER_DOCUMENT_ERROR, CS_VIEWER_DOCUMENT_ERROR_DAMAGED);
  }
}

static void
test_document_password (void)
{
  g_autoptr(GBytes) bytes = read_sample ("COUNTERSIGN_SAMPLE_ENCRYPTED_PDF");
  g_autoptr(GError) error = NULL;
  g_autoptr(CsViewerDocument) document = NULL;

  g_assert_nonnull (bytes);
  document = cs_viewer_document_open (bytes, "application/pdf", NULL, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, CS_VIEWER_DOCUMENT_ERROR, CS_VIEWER_DOCUMENT_ERROR_NEEDS_PASSWORD);
  g_clear_error (&error);

  document = cs_viewer_document_open (bytes, "application/pdf", "guess", NULL, &error);
  g_assert_null (document);
  g_assert_error (error, CS_VIEWER_DOCUMENT_ERROR, CS_VIEWER_DOCUMENT_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);

  document = cs_viewer_document_open (bytes, "application/pdf", "letmein", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cs_viewer_document_get_n_pages (document), ==, 12);
  {
    /* Every worker's instance opens with the same password. */
    g_autoptr(GArray) hits = cs_viewer_document_find_text (document, 0, "施工", NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, >=, 1);
  }
}

static void
test_document_image (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 300);
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "countersign-test-scan.png", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsViewerDocument) document = NULL;
  g_autoptr(GdkTexture) page = NULL;
  g_autoptr(GArray) hits = NULL;
  char *contents;
  gsize length;
  double width, height;

  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_unlink (path);
  bytes = g_bytes_new_take (contents, length);

  document = cs_viewer_document_open (bytes, "image/png", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (cs_viewer_document_is_pdf (document));
  g_assert_cmpuint (cs_viewer_document_get_n_pages (document), ==, 1);
  g_assert_true (cs_viewer_document_get_sizes_known (document));
  cs_viewer_document_get_page_size (document, 0, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 300, 0.01);    /* 400 px at 96 dpi */
  g_assert_cmpfloat_with_epsilon (height, 225, 0.01);
  page = cs_viewer_document_render_page (document, 0, 2.0, 270, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (page), ==, 450);
  g_assert_cmpint (gdk_texture_get_height (page), ==, 600);
  hits = cs_viewer_document_find_text (document, 0, "anything", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 0);
}

/* Signatures */

static void
test_signatures (void)
{
  g_autoptr(CsViewerDocument) unsigned_document = open_sample ("COUNTERSIGN_SAMPLE_TEXT_PDF");
  g_autoptr(CsViewerDocument) signed_document = open_sample ("COUNTERSIGN_SAMPLE_SIGNED_PDF");
  g_autoptr(CsViewerDocument) tampered = open_sample ("COUNTERSIGN_SAMPLE_TAMPERED_PDF");
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) good = NULL;
  g_autoptr(GPtrArray) bad = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  CsDocumentSignature *signature;

  none = cs_viewer_document_read_signatures (unsigned_document, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);

  good = cs_viewer_document_read_signatures (signed_document, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (good->len, ==, 1);
  signature = g_ptr_array_index (good, 0);
  g_assert_cmpstr (cs_document_signature_get_signer (signature), ==, "Zhang Wei");
  g_assert_nonnull (cs_document_signature_get_signing_time (signature));
  g_assert_cmpuint (cs_document_signature_get_page (signature), ==, 0);
  g_assert_true (cs_document_signature_is_valid (signature));
  /* Its own certificate, from no authority this computer trusts. */
  g_assert_false (cs_document_signature_is_trusted (signature));
  g_assert_cmpstr (cs_document_signature_describe_signature (signature), ==,
                   "The document has not been changed since it was signed.");
  line = cs_document_signature_describe (signature);
  g_assert_true (g_str_has_prefix (line, "Signed by Zhang Wei on "));

  /* The same signer's certificate again, in the same process: the check
   * runs in a process of its own each time (Poppler 22.12 would read
   * freed memory here). */
  g_clear_pointer (&good, g_ptr_array_unref);
  good = cs_viewer_document_read_signatures (signed_document, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (good->len, ==, 1);
  g_assert_true (cs_document_signature_is_valid (g_ptr_array_index (good, 0)));

  bad = cs_viewer_document_read_signatures (tampered, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bad->len, ==, 1);
  signature = g_ptr_array_index (bad, 0);
  g_assert_false (cs_document_signature_is_valid (signature));
  g_assert_cmpstr (cs_document_signature_describe_signature (signature), ==,
                   "The document was changed after it was signed.");
}

static void
test_signatures_unchecked (void)
{
  g_autoptr(CsViewerDocument) document = open_sample ("COUNTERSIGN_SAMPLE_SIGNED_PDF");
  g_autofree char *saved = g_strdup (g_getenv ("COUNTERSIGN_LIBEXECDIR"));
  g_autoptr(GPtrArray) signatures = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  CsDocumentSignature *signature;

  /* No checker to run: the signature is there, and could not be checked. */
  g_setenv ("COUNTERSIGN_LIBEXECDIR", "/nonexistent", TRUE);
  signatures = cs_viewer_document_read_signatures (document, NULL, &error);
  g_setenv ("COUNTERSIGN_LIBEXECDIR", saved, TRUE);
  g_assert_no_error (error);
  g_assert_cmpuint (signatures->len, ==, 1);
  signature = g_ptr_array_index (signatures, 0);
  g_assert_false (cs_document_signature_is_valid (signature));
  g_assert_cmpstr (cs_document_signature_describe_signature (signature), ==,
                   "The signature could not be checked.");
  line = cs_document_signature_describe (signature);
  g_assert_cmpstr (line, ==, "Signed by an unknown signer");
}

/* Search */

static void
on_finished (GObject    *search,
             GParamSpec *pspec,
             gboolean   *finished)
{
  *finished = cs_document_search_get_finished (CS_DOCUMENT_SEARCH (search));
}

static void
test_search (void)
{
  g_autoptr(CsViewerDocument) document = open_sample ("COUNTERSIGN_SAMPLE_TEXT_PDF");
  g_autoptr(CsRenderScheduler) scheduler = cs_render_scheduler_new (2);
  g_autoptr(CsDocumentSearch) search = cs_document_search_new (scheduler, document);
  gboolean finished = FALSE;
  guint page, index, first_page;

  g_signal_connect (search, "notify::finished", G_CALLBACK (on_finished), &finished);
  /* The heading is on every page. */
  cs_document_search_start (search, "施工许可申请", 5);
  while (!finished)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (cs_document_search_get_n_hits (search), ==, 12);
  for (guint i = 0; i < 12; i++)
    g_assert_cmpuint (cs_document_search_get_page_hits (search, i)->len, ==, 1);

  /* Stepping starts from the page read and wraps around. */
  g_assert_true (cs_document_search_step (search, TRUE, 5, &page, &index));
  g_assert_cmpuint (page, ==, 5);
  g_assert_cmpuint (index, ==, 0);
  g_assert_cmpuint (cs_document_search_get_position (search), ==, 6);
  first_page = page;
  for (guint i = 0; i < 7; i++)
    g_assert_true (cs_document_search_step (search, TRUE, 0, &page, &index));
  g_assert_cmpuint (page, ==, 0);
  g_assert_true (cs_document_search_step (search, FALSE, 0, &page, &index));
  g_assert_cmpuint (page, ==, 11);
  g_assert_cmpuint (first_page, ==, 5);

  /* Nothing found */
  finished = FALSE;
  cs_document_search_start (search, "no such words anywhere", 0);
  while (!finished)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (cs_document_search_get_n_hits (search), ==, 0);
  g_assert_false (cs_document_search_step (search, TRUE, 0, &page, &index));

  /* Stopped half way: nothing more arrives. */
  cs_document_search_start (search, "施工", 0);
  cs_document_search_stop (search);
  g_assert_true (cs_document_search_get_finished (search));
  g_assert_cmpuint (cs_document_search_get_n_hits (search), ==, 0);
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (cs_document_search_get_n_hits (search), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/viewer/cache/bound", test_cache_bound);
  g_test_add_func ("/viewer/cache/keys", test_cache_keys);
  g_test_add_func ("/viewer/scheduler/priority", test_scheduler_priority);
  g_test_add_func ("/viewer/scheduler/cancel", test_scheduler_cancel);
  g_test_add_func ("/viewer/scheduler/workers", test_scheduler_workers);
  g_test_add_func ("/viewer/document/pages", test_document_pages);
  g_test_add_func ("/viewer/document/text", test_document_text);
  g_test_add_func ("/viewer/document/errors", test_document_errors);
  g_test_add_func ("/viewer/document/password", test_document_password);
  g_test_add_func ("/viewer/document/image", test_document_image);
  g_test_add_func ("/viewer/document/signatures", test_signatures);
  g_test_add_func ("/viewer/document/signatures-unchecked", test_signatures_unchecked);
  g_test_add_func ("/viewer/search", test_search);

  return g_test_run ();
}
