/* cs-inbox-bench.c — the inbox's benchmark hook (tests/bench/run-bench-desk)
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsInboxBench"

#include "config.h"

#include <stdio.h>
#include <sys/resource.h>

#include "cs-inbox-bench.h"

/* With COUNTERSIGN_BENCH set, the inbox reports on standard output, in
 * the real code path:
 *
 *   startup: the monotonic time (µs) of the first frame painted with the
 *     inbox shown ("startup TIME ROWS PEAK_RSS_KIB"), then quits;
 *   type:FILE: the same, then types each line of FILE into the search
 *     entry one character at a time, as a person would (a pause between
 *     keys, a longer one after a line, then the search is cleared), and
 *     prints for each keystroke the time from the text change to the end
 *     of the first frame that shows the filtered list
 *     ("key MICROSECONDS ROWS TEXT", then "span START END" on the
 *     monotonic clock), then "done" and quits.
 */

#define KEY_INTERVAL_MS 120
#define LINE_PAUSE_MS   600

typedef struct
{
  GtkWidget *page;
  GtkEditable *search;
  CsInboxBenchCount count;
  gpointer count_data;
  GdkFrameClock *clock;
  gulong paint_id;
  char **lines;
  guint line;
  glong typed;             /* characters of the line typed so far; -1: cleared */
  gint64 typed_at;         /* when the last keystroke was made, 0 when seen */
  gboolean started;
} Bench;

static long
peak_rss_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static void
finish (Bench *bench)
{
  printf ("done\n");
  fflush (stdout);
  g_signal_handler_disconnect (bench->clock, bench->paint_id);
  g_application_quit (g_application_get_default ());
}

static gboolean
type_next (gpointer data)
{
  Bench *bench = data;
  const char *line;

  if (bench->lines[bench->line] == NULL)
    {
      finish (bench);
      return G_SOURCE_REMOVE;
    }
  line = bench->lines[bench->line];
  bench->typed_at = g_get_monotonic_time ();
  if (bench->typed >= 0 && bench->typed < g_utf8_strlen (line, -1))
    {
      /* One character at the end, as a key press (or an input method's
       * commit) inserts it. */
      const char *start = g_utf8_offset_to_pointer (line, bench->typed);
      int position = -1;

      bench->typed++;
      gtk_editable_set_position (bench->search, -1);
      position = gtk_editable_get_position (bench->search);
      gtk_editable_insert_text (bench->search, start, g_utf8_next_char (start) - start,
                                &position);
    }
  else
    {
      /* The line is typed: clear the search, as Escape does. */
      bench->typed = -1;
      gtk_editable_delete_text (bench->search, 0, -1);
    }
  return G_SOURCE_REMOVE;
}

static void
after_paint (GdkFrameClock *clock,
             Bench         *bench)
{
  gint64 now = g_get_monotonic_time ();
  guint rows = bench->count (bench->count_data);

  if (!bench->started)
    {
      if (!gtk_widget_get_mapped (bench->page))
        return;
      bench->started = TRUE;
      printf ("startup %" G_GINT64_FORMAT " %u %ld\n", now, rows, peak_rss_kib ());
      fflush (stdout);
      if (bench->lines == NULL)
        finish (bench);
      else
        g_timeout_add (LINE_PAUSE_MS, type_next, bench);
      return;
    }

  /* The inbox filters at once, in the handler of the text change. */
  if (bench->typed_at == 0)
    return;
  printf ("key %" G_GINT64_FORMAT " %u %s\n", now - bench->typed_at, rows,
          gtk_editable_get_text (bench->search));
  /* The span on the monotonic clock, to cut a profile recorded with that
   * clock (perf record -k CLOCK_MONOTONIC) down to the keystroke. */
  printf ("span %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", bench->typed_at, now);
  fflush (stdout);
  bench->typed_at = 0;
  if (bench->typed < 0)
    {
      bench->line++;
      bench->typed = 0;
      g_timeout_add (LINE_PAUSE_MS, type_next, bench);
    }
  else
    g_timeout_add (KEY_INTERVAL_MS, type_next, bench);
}

static void
on_map (GtkWidget *page,
        Bench     *bench)
{
  if (bench->clock != NULL)
    return;
  bench->clock = gtk_widget_get_frame_clock (page);
  bench->paint_id = g_signal_connect (bench->clock, "after-paint", G_CALLBACK (after_paint),
                                      bench);
}

void
_cs_inbox_bench_attach (GtkWidget         *page,
                        GtkEditable       *search,
                        CsInboxBenchCount  count,
                        gpointer           count_data,
                        const char        *spec)
{
  Bench *bench = g_new0 (Bench, 1);

  bench->page = page;
  bench->search = search;
  bench->count = count;
  bench->count_data = count_data;
  if (g_str_has_prefix (spec, "type:"))
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *script = NULL;

      if (!g_file_get_contents (spec + 5, &script, NULL, &error))
        g_error ("COUNTERSIGN_BENCH: %s", error->message);
      g_strchomp (script);
      bench->lines = g_strsplit (script, "\n", -1);
    }
  else if (!g_str_equal (spec, "startup"))
    g_error ("COUNTERSIGN_BENCH: “%s”: give startup or type:FILE", spec);

  /* Lives as long as the process: the benchmark quits it. */
  g_signal_connect (page, "map", G_CALLBACK (on_map), bench);
}
