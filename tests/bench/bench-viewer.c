/* bench-viewer.c — figures for the document viewer's render pipeline
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage (run-bench-viewer drives it and measures the peers):
 *   bench-viewer [--pages N] [--scroll] FILE.pdf…
 *
 * For each file, through the code the viewer widget uses (CsViewerDocument
 * opened in a CsRenderScheduler worker, pages rendered by the scheduler
 * into a CsRenderCache), prints one line of key=value fields:
 *
 *   file=…  pages=…  open_ms=…  first_page_ms=…  page_ms_median=…
 *   pages_per_s=…  workers=…  peak_rss_kb=…  [scroll_peak_rss_kb=…]
 *
 * or file=… error=… for a file it cannot open (and still exits 0).
 *
 * open_ms: opening the file (read, parse) until the page count is known.
 * first_page_ms: from asking to open the file until its first page is
 *   rendered at 150 dpi: what a person waits for. Both are medians of five
 *   cold opens.
 * page_ms_median: one page at 150 dpi, one at a time, over the first
 *   --pages pages (50 unless given).
 * pages_per_s: the same pages asked of the whole worker pool at once.
 * scroll_peak_rss_kb (with --scroll): the peak resident memory while
 *   scrolling through every page the way the widget does (the page in
 *   view and one either side rendered at 150 dpi, the rest cancelled,
 *   kept in a cache with the widget's bound).
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <gtk/gtk.h>

#include "cs-pages-view.h"
#include "cs-render-cache.h"
#include "cs-render-scheduler.h"
#include "cs-viewer-document.h"

#define DPI 150.0
#define SCALE (DPI / 72.0)
#define COLD_OPENS 5

static void
store_result (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

/* Linux: the peak of resident memory since the last reset_peak_rss(). */
static long
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line != NULL ? strtol (line + 6, NULL, 10) : -1;
}

static void
reset_peak_rss (void)
{
  g_file_set_contents ("/proc/self/clear_refs", "5", 1, NULL);
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return values->len > 0 ? g_array_index (values, double, values->len / 2) : 0;
}

typedef struct
{
  GBytes *bytes;
  double opened_at;
} Open;

static gpointer
open_func (gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  Open *open = data;
  CsViewerDocument *document = cs_viewer_document_open (open->bytes, "application/pdf", NULL,
                                                        cancellable, error);

  open->opened_at = now_ms ();
  return document;
}

static CsViewerDocument *
open_document (CsRenderScheduler  *scheduler,
               const char         *path,
               double             *open_ms,
               double             *first_page_ms,
               GError            **error)
{
  g_autoptr(GAsyncResult) opened = NULL;
  g_autoptr(GAsyncResult) rendered = NULL;
  g_autoptr(CsViewerDocument) document = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  Open open = { NULL, 0 };
  double start = now_ms ();

  /* Read as the desk reads a material: the whole file, in the worker. */
  mapped = g_mapped_file_new (path, FALSE, error);
  if (mapped == NULL)
    return NULL;
  open.bytes = g_bytes_new (g_mapped_file_get_contents (mapped), g_mapped_file_get_length (mapped));
  cs_render_scheduler_run_async (scheduler, CS_RENDER_PRIORITY_VISIBLE, open_func, &open, NULL,
                                 g_object_unref, NULL, store_result, &opened);
  document = cs_render_scheduler_run_finish (scheduler, wait_for (&opened), error);
  g_bytes_unref (open.bytes);
  if (document == NULL)
    return NULL;
  *open_ms = open.opened_at - start;

  cs_render_scheduler_render_async (scheduler, document, 0, SCALE, 0, CS_RENDER_PRIORITY_VISIBLE,
                                    NULL, store_result, &rendered);
  texture = cs_render_scheduler_render_finish (scheduler, wait_for (&rendered), error);
  if (texture == NULL)
    return NULL;
  *first_page_ms = now_ms () - start;
  return g_steal_pointer (&document);
}

static double
render_one (CsRenderScheduler *scheduler,
            CsViewerDocument  *document,
            guint              page)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  double start = now_ms ();

  cs_render_scheduler_render_async (scheduler, document, page, SCALE, 0,
                                    CS_RENDER_PRIORITY_VISIBLE, NULL, store_result, &result);
  texture = cs_render_scheduler_render_finish (scheduler, wait_for (&result), &error);
  if (texture == NULL)
    g_printerr ("bench-viewer: page %u: %s\n", page + 1, error->message);
  return now_ms () - start;
}

typedef struct
{
  guint remaining;
  CsRenderCache *cache;
  CsRenderScheduler *scheduler;
} Batch;

typedef struct
{
  Batch *batch;
  guint page;
} Asked;

static void
batch_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Asked *asked = user_data;
  g_autoptr(GdkTexture) texture =
    cs_render_scheduler_render_finish (asked->batch->scheduler, result, NULL);

  if (texture != NULL && asked->batch->cache != NULL)
    cs_render_cache_insert (asked->batch->cache, asked->page,
                            gdk_texture_get_width (texture), 0, texture);
  asked->batch->remaining--;
  g_free (asked);
}

static double
pages_per_second (CsRenderScheduler *scheduler,
                  CsViewerDocument  *document,
                  guint              n_pages)
{
  Batch batch = { n_pages, NULL, scheduler };
  double start = now_ms ();

  for (guint i = 0; i < n_pages; i++)
    {
      Asked *asked = g_new0 (Asked, 1);

      asked->batch = &batch;
      asked->page = i;
      cs_render_scheduler_render_async (scheduler, document, i, SCALE, 0,
                                        CS_RENDER_PRIORITY_VISIBLE, NULL, batch_cb, asked);
    }
  while (batch.remaining > 0)
    g_main_context_iteration (NULL, TRUE);
  return n_pages / ((now_ms () - start) / 1000.0);
}

/* Scrolls from the first page to the last as the widget does: the page in
 * view at visible priority, its neighbours nearby, what fell behind
 * cancelled, every render kept in a cache with the widget's bound. */
static long
scroll_through (CsRenderScheduler *scheduler,
                CsViewerDocument  *document)
{
  g_autoptr(CsRenderCache) cache = cs_render_cache_new (CS_PAGES_VIEW_CACHE_BYTES);
  guint n_pages = cs_viewer_document_get_n_pages (document);
  GCancellable **pending = g_new0 (GCancellable *, n_pages);
  Batch batch = { 0, cache, scheduler };

  reset_peak_rss ();
  for (guint page = 0; page < n_pages; page++)
    {
      /* Each step moves the view by one page: the page two behind leaves. */
      if (page >= 2 && pending[page - 2] != NULL)
        g_cancellable_cancel (pending[page - 2]);
      for (guint i = page; i <= MIN (page + 1, n_pages - 1); i++)
        {
          Asked *asked;

          if (pending[i] != NULL)
            continue;
          asked = g_new0 (Asked, 1);
          asked->batch = &batch;
          asked->page = i;
          batch.remaining++;
          pending[i] = g_cancellable_new ();
          cs_render_scheduler_render_async (scheduler, document, i, SCALE, 0,
                                            i == page ? CS_RENDER_PRIORITY_VISIBLE
                                                      : CS_RENDER_PRIORITY_NEARBY,
                                            pending[i], batch_cb, asked);
        }
      /* The page in view is drawn before the person scrolls on. */
      while (cs_render_cache_lookup_any (cache, page, 0) == NULL && batch.remaining > 0)
        g_main_context_iteration (NULL, TRUE);
    }
  while (batch.remaining > 0)
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < n_pages; i++)
    g_clear_object (&pending[i]);
  g_free (pending);
  return peak_rss_kb ();
}

static void
bench_file (CsRenderScheduler *scheduler,
            const char        *path,
            guint              max_pages,
            gboolean           scroll)
{
  g_autoptr(GArray) opens = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) firsts = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) pages = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(CsViewerDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  guint n_pages, measured;
  double per_second;
  long scroll_rss = -1;

  reset_peak_rss ();
  for (int i = 0; i < COLD_OPENS; i++)
    {
      double open_ms, first_page_ms;

      g_clear_object (&document);
      document = open_document (scheduler, path, &open_ms, &first_page_ms, &error);
      if (document == NULL)
        {
          g_autofree char *message = g_strdelimit (g_strdup (error->message), "\"\n", '\'');

          printf ("file=%s error=\"%s\"\n", path, message);
          fflush (stdout);
          return;
        }
      g_array_append_val (opens, open_ms);
      g_array_append_val (firsts, first_page_ms);
    }

  n_pages = cs_viewer_document_get_n_pages (document);
  measured = MIN (n_pages, max_pages);
  for (guint i = 0; i < measured; i++)
    {
      double ms = render_one (scheduler, document, i);

      g_array_append_val (pages, ms);
    }
  per_second = pages_per_second (scheduler, document, measured);
  line = g_strdup_printf ("file=%s pages=%u open_ms=%.2f first_page_ms=%.2f page_ms_median=%.2f "
                          "pages_per_s=%.1f measured_pages=%u workers=%u peak_rss_kb=%ld",
                          path, n_pages, median (opens), median (firsts), median (pages),
                          per_second, measured, cs_render_scheduler_get_n_workers (scheduler),
                          peak_rss_kb ());
  if (scroll)
    {
      scroll_rss = scroll_through (scheduler, document);
      printf ("%s scroll_peak_rss_kb=%ld\n", line, scroll_rss);
    }
  else
    printf ("%s\n", line);
  fflush (stdout);
}

int
main (int   argc,
      char *argv[])
{
  int max_pages = 50, workers = 0;
  gboolean scroll = FALSE;
  g_auto(GStrv) files = NULL;
  GOptionEntry entries[] = {
    { "pages", 0, 0, G_OPTION_ARG_INT, &max_pages, "Pages measured one at a time (50)", "N" },
    { "workers", 0, 0, G_OPTION_ARG_INT, &workers, "Worker threads (the desk's default)", "N" },
    { "scroll", 0, 0, G_OPTION_ARG_NONE, &scroll, "Also scroll through every page", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "FILE.pdf…" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE.pdf…");
  g_autoptr(GError) error = NULL;
  g_autoptr(CsRenderScheduler) scheduler = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || files == NULL || max_pages < 1)
    {
      g_printerr ("%s\n", error != NULL ? error->message
                                        : "usage: bench-viewer [--pages N] [--scroll] FILE.pdf…");
      return 2;
    }

  scheduler = workers > 0 ? cs_render_scheduler_new (workers)
                          : g_object_ref (cs_render_scheduler_get_default ());
  for (guint i = 0; files[i] != NULL; i++)
    bench_file (scheduler, files[i], max_pages, scroll);
  return 0;
}
