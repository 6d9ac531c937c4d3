/* test-viewer-widget.c — the viewer's widgets on a display: only the pages
 * in view rendered, renders of pages scrolled past cancelled before they
 * run, zoom, selection and copy, printing to a file
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "cs-material-view.h"
#include "cs-pages-view.h"
#include "cs-render-cache.h"
#include "cs-render-scheduler.h"
#include "cs-viewer-document.h"

#define TIMEOUT_S 60

/* Poppler 22.12 declares no cleanup functions of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

static CsViewerDocument *
open_sample (void)
{
  const char *path = g_getenv ("COUNTERSIGN_SAMPLE_TEXT_PDF");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  CsViewerDocument *document;
  char *contents;
  gsize length;

  g_assert_nonnull (path);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  bytes = g_bytes_new_take (contents, length);
  document = cs_viewer_document_open (bytes, "application/pdf", NULL, NULL, &error);
  g_assert_no_error (error);
  return document;
}

typedef gboolean (*Condition) (gpointer data);

static void
iterate_until (Condition condition,
               gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_S * G_USEC_PER_SEC;

  while (!condition (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
}

/* A few frames: the view asks for renders from its frame clock's tick. */
static void
iterate_for (int ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
}

typedef struct
{
  GtkWindow *window;
  CsPagesView *view;
  CsRenderCache *cache;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 700, 800);
  fixture->view = CS_PAGES_VIEW (cs_pages_view_new ());
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_ALWAYS,
                                  GTK_POLICY_ALWAYS);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (fixture->view));
  gtk_window_set_child (fixture->window, scroller);
  fixture->cache = cs_pages_view_get_cache (fixture->view);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
}

static gboolean
first_page_drawn (gpointer data)
{
  Fixture *fixture = data;

  return cs_render_cache_lookup_any (fixture->cache, 0, 0) != NULL;
}

static gboolean
last_page_drawn (gpointer data)
{
  Fixture *fixture = data;

  return cs_render_cache_lookup_any (fixture->cache, 11, 0) != NULL &&
         cs_pages_view_get_page (fixture->view) == 11;
}

static void
test_visible_pages (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(CsViewerDocument) document = open_sample ();

  cs_pages_view_set_document (fixture->view, document);
  gtk_window_present (fixture->window);
  iterate_until (first_page_drawn, fixture);
  for (int i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);

  /* The page in view and the one after it; not the other ten. */
  g_assert_cmpuint (cs_pages_view_get_page (fixture->view), ==, 0);
  g_assert_cmpuint (cs_render_cache_get_n_textures (fixture->cache), <=, 3);
  g_assert_null (cs_render_cache_lookup_any (fixture->cache, 6, 0));

  cs_pages_view_go_to_page (fixture->view, 11);
  iterate_until (last_page_drawn, fixture);
  g_assert_cmpuint (cs_render_cache_get_size (fixture->cache), <=, CS_PAGES_VIEW_CACHE_BYTES);
  /* Fit width: the page is as wide as the view, less its margins. */
  g_assert_cmpfloat (cs_pages_view_get_zoom (fixture->view), >, 0.5);
  g_assert_cmpint (cs_pages_view_get_zoom_mode (fixture->view), ==, CS_ZOOM_FIT_WIDTH);
}

typedef struct
{
  GMutex lock;
  GCond cond;
  gboolean open;
} Gate;

static gpointer
gate_func (gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  Gate *gate = data;

  g_mutex_lock (&gate->lock);
  while (!gate->open)
    g_cond_wait (&gate->cond, &gate->lock);
  g_mutex_unlock (&gate->lock);
  return g_strdup ("open");
}

static void
gate_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_free (cs_render_scheduler_run_finish (CS_RENDER_SCHEDULER (object), result, NULL));
}

static gboolean
allocated (gpointer data)
{
  Fixture *fixture = data;

  return gtk_widget_get_width (GTK_WIDGET (fixture->view)) > 0;
}

static void
test_scrolled_past (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(CsViewerDocument) document = open_sample ();
  g_autoptr(CsRenderScheduler) scheduler = cs_render_scheduler_new (1);
  Gate gate = { .open = FALSE };
  guint run;

  g_mutex_init (&gate.lock);
  g_cond_init (&gate.cond);
  cs_pages_view_set_scheduler (fixture->view, scheduler);

  /* The one worker is busy: the first pages' renders wait in the queue. */
  cs_render_scheduler_run_async (scheduler, CS_RENDER_PRIORITY_VISIBLE, gate_func, &gate, NULL,
                                 g_free, NULL, gate_done, NULL);
  cs_pages_view_set_document (fixture->view, document);
  gtk_window_present (fixture->window);
  iterate_until (allocated, fixture);
  iterate_for (300);

  /* The person jumps to the end before any of them ran. */
  cs_pages_view_go_to_page (fixture->view, 11);
  iterate_for (300);
  g_mutex_lock (&gate.lock);
  gate.open = TRUE;
  g_cond_broadcast (&gate.cond);
  g_mutex_unlock (&gate.lock);
  iterate_until (last_page_drawn, fixture);
  iterate_for (300);

  /* Pages 1 and 2 were never drawn: their renders were cancelled. What
   * ran is the gate, the pages in view at the end (10 to 12) and the
   * page sizes. */
  g_assert_null (cs_render_cache_lookup_any (fixture->cache, 0, 0));
  g_assert_null (cs_render_cache_lookup_any (fixture->cache, 1, 0));
  run = cs_render_scheduler_get_n_run (scheduler);
  for (guint i = 0; i < 12; i++)
    g_test_message ("page %u %s", i + 1,
                    cs_render_cache_lookup_any (fixture->cache, i, 0) ? "drawn" : "not drawn");
  g_test_message ("%u jobs ran", run);
  g_assert_cmpuint (run, <=, 5);

  g_mutex_clear (&gate.lock);
  g_cond_clear (&gate.cond);
}

static gboolean
has_selection (gpointer data)
{
  return cs_pages_view_get_has_selection (data);
}

static void
test_zoom_and_selection (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(CsViewerDocument) document = open_sample ();
  g_autofree char *text = NULL;
  graphene_point_t from = GRAPHENE_POINT_INIT (50, 62);
  graphene_point_t to = GRAPHENE_POINT_INIT (300, 66);

  cs_pages_view_set_document (fixture->view, document);
  gtk_window_present (fixture->window);
  iterate_until (first_page_drawn, fixture);

  cs_pages_view_zoom_step (fixture->view, 1);
  g_assert_cmpint (cs_pages_view_get_zoom_mode (fixture->view), ==, CS_ZOOM_FREE);
  cs_pages_view_set_zoom (fixture->view, 2.0);
  g_assert_cmpfloat_with_epsilon (cs_pages_view_get_zoom (fixture->view), 2.0, 1e-6);
  cs_pages_view_set_zoom (fixture->view, 9.0);
  g_assert_cmpfloat_with_epsilon (cs_pages_view_get_zoom (fixture->view), CS_ZOOM_MAX, 1e-6);
  cs_pages_view_set_zoom_mode (fixture->view, CS_ZOOM_FIT_PAGE);
  for (int i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpfloat (cs_pages_view_get_zoom (fixture->view), <, 1.0);
  cs_pages_view_set_rotation (fixture->view, 450);
  g_assert_cmpint (cs_pages_view_get_rotation (fixture->view), ==, 90);
  cs_pages_view_set_rotation (fixture->view, 0);

  /* The heading of the first page, as a drag over it selects it. */
  g_assert_false (cs_pages_view_get_has_selection (fixture->view));
  cs_pages_view_select (fixture->view, 0, &from, &to);
  iterate_until (has_selection, fixture->view);
  text = cs_pages_view_get_selected_text (fixture->view);
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, "施工许可"));
  cs_pages_view_clear_selection (fixture->view);
  g_assert_false (cs_pages_view_get_has_selection (fixture->view));
  g_assert_null (cs_pages_view_get_selected_text (fixture->view));
}

/* Printing */

static gboolean
material_open (gpointer data)
{
  return cs_material_view_get_n_pages (data) == 12;
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               gboolean                *done)
{
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  *done = TRUE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *)data;
}

static void
test_print (void)
{
  const char *path = g_getenv ("COUNTERSIGN_SAMPLE_TEXT_PDF");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *output = g_build_filename (g_get_tmp_dir (), "countersign-printed.pdf", NULL);
  g_autofree char *uri = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(PopplerDocument) printed = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  CsMaterialView *view = cs_material_view_new ();
  GtkPrintOperationResult result;
  gboolean done = FALSE;

  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_window_set_default_size (window, 700, 800);
  gtk_window_present (window);
  cs_material_view_load (view, file, "application/pdf", "sample");
  iterate_until (material_open, view);

  operation = cs_material_view_new_print_operation (view);
  g_assert_nonnull (operation);
  gtk_print_operation_set_export_filename (operation, output);
  g_signal_connect (operation, "done", G_CALLBACK (on_print_done), &done);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, window, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, !=, GTK_PRINT_OPERATION_RESULT_ERROR);
  iterate_until (flag_set, &done);

  /* What was printed is the document: its twelve pages, its text. */
  uri = g_filename_to_uri (output, NULL, NULL);
  printed = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (printed), ==, 12);
  page = poppler_document_get_page (printed, 0);
  text = poppler_page_get_text (page);
  g_assert_nonnull (strstr (text, "建设工程施工许可申请材料"));
  g_unlink (output);
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* A display is a test dependency here (run-with-display), never a skip. */
  adw_init ();

  g_test_add ("/viewer/widget/visible-pages", Fixture, NULL, fixture_set_up, test_visible_pages,
              fixture_tear_down);
  g_test_add ("/viewer/widget/scrolled-past", Fixture, NULL, fixture_set_up, test_scrolled_past,
              fixture_tear_down);
  g_test_add ("/viewer/widget/zoom-and-selection", Fixture, NULL, fixture_set_up,
              test_zoom_and_selection, fixture_tear_down);
  g_test_add_func ("/viewer/widget/print", test_print);

  return g_test_run ();
}
