/* test-viewer-robustness.c — damaged files through the viewer's pipeline
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Makes several hundred broken PDFs from the two valid samples (truncated
 * anywhere, bytes flipped, ranges zeroed or deleted or repeated, the
 * cross-reference table or trailer cut out, junk before the header) with
 * a fixed seed, and passes each through everything the viewer does with a
 * file: open, read the page sizes, render every page, search, read the text
 * layout, validate signatures. Each must end with a document or a clear
 * error, within a time limit; a crash or a leak is caught by the
 * sanitizers when the tests are built with them.
 */

#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "cs-render-scheduler.h"
#include "cs-viewer-document.h"

#define SEED 20261201
#define PAGES_RENDERED 6
/* A generous bound on one file, sanitizers and a busy machine included:
 * going over it means the viewer would hang. */
#define FILE_TIMEOUT_S 60

typedef struct
{
  char *name;
  GBytes *bytes;
} Mutant;

static void
mutant_free (Mutant *mutant)
{
  g_free (mutant->name);
  g_bytes_unref (mutant->bytes);
  g_free (mutant);
}

static void
add (GPtrArray  *mutants,
     GByteArray *data,
     const char *format,
     ...) G_GNUC_PRINTF (3, 4);

static void
add (GPtrArray  *mutants,
     GByteArray *data,
     const char *format,
     ...)
{
  Mutant *mutant = g_new0 (Mutant, 1);
  va_list args;

  va_start (args, format);
  mutant->name = g_strdup_vprintf (format, args);
  va_end (args);
  mutant->bytes = g_byte_array_free_to_bytes (data);
  g_ptr_array_add (mutants, mutant);
}

static GByteArray *
copy (GBytes *bytes,
      gsize   length)
{
  GByteArray *data = g_byte_array_sized_new (length);

  g_byte_array_append (data, g_bytes_get_data (bytes, NULL), MIN (length, g_bytes_get_size (bytes)));
  return data;
}

static gssize
find_last (GBytes     *bytes,
           const char *needle)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  gsize n = strlen (needle);

  for (gssize i = (gssize)size - n; i >= 0; i--)
    if (memcmp (data + i, needle, n) == 0)
      return i;
  return -1;
}

static void
make_mutants (GPtrArray  *mutants,
              const char *label,
              GBytes     *valid,
              GRand      *rand)
{
  gsize size = g_bytes_get_size (valid);
  gssize xref = find_last (valid, "xref");
  gssize trailer = find_last (valid, "trailer");
  gssize startxref = find_last (valid, "startxref");

  /* Truncated: evenly over the file, and at random. */
  for (guint i = 1; i <= 30; i++)
    add (mutants, copy (valid, size * i / 31), "%s truncated at %u/31", label, i);
  for (guint i = 0; i < 10; i++)
    {
      gsize at = g_rand_int_range (rand, 1, size);

      add (mutants, copy (valid, at), "%s truncated at byte %" G_GSIZE_FORMAT, label, at);
    }
  add (mutants, copy (valid, 8), "%s: the header alone", label);

  /* Bytes flipped: a few, or many. */
  for (guint i = 0; i < 40; i++)
    {
      GByteArray *data = copy (valid, size);
      guint n = i < 20 ? 1 + i : 50 * (i - 19);

      for (guint j = 0; j < n; j++)
        data->data[g_rand_int_range (rand, 0, size)] ^= 1 << g_rand_int_range (rand, 0, 8);
      add (mutants, data, "%s with %u bits flipped", label, n);
    }

  /* A range zeroed, deleted or repeated. */
  for (guint i = 0; i < 12; i++)
    {
      GByteArray *data = copy (valid, size);
      gsize at = g_rand_int_range (rand, 0, size);
      gsize n = MIN (size - at, (gsize)g_rand_int_range (rand, 1, 4096));

      memset (data->data + at, 0, n);
      add (mutants, data, "%s with %" G_GSIZE_FORMAT " bytes zeroed", label, n);
    }
  for (guint i = 0; i < 8; i++)
    {
      GByteArray *data = copy (valid, size);
      gsize at = g_rand_int_range (rand, 0, size);
      gsize n = MIN (size - at, (gsize)g_rand_int_range (rand, 1, 8192));

      g_byte_array_remove_range (data, at, n);
      add (mutants, data, "%s with %" G_GSIZE_FORMAT " bytes deleted", label, n);
    }
  for (guint i = 0; i < 8; i++)
    {
      GByteArray *data = copy (valid, size);
      gsize at = g_rand_int_range (rand, 0, size);
      gsize n = MIN (size - at, (gsize)g_rand_int_range (rand, 1, 8192));
      g_autofree guint8 *chunk = g_memdup2 (data->data + at, n);

      g_byte_array_append (data, chunk, n);
      memmove (data->data + at + n, data->data + at, data->len - at - n);
      memcpy (data->data + at, chunk, n);
      add (mutants, data, "%s with %" G_GSIZE_FORMAT " bytes repeated", label, n);
    }

  /* The structure at the end: without the cross-reference table, the
   * trailer, the pointer to it; a pointer to nowhere. */
  if (xref > 0 && trailer > xref)
    {
      GByteArray *data = copy (valid, size);

      g_byte_array_remove_range (data, xref, trailer - xref);
      add (mutants, data, "%s without its cross-reference table", label);
    }
  if (trailer > 0)
    add (mutants, copy (valid, trailer), "%s cut before its trailer", label);
  if (startxref > 0)
    {
      GByteArray *data = copy (valid, startxref);
      const char *bad = "startxref\n999999999\n%%EOF\n";

      g_byte_array_append (data, (const guint8 *)bad, strlen (bad));
      add (mutants, data, "%s pointing at a table that is not there", label);
    }
  {
    GByteArray *data = g_byte_array_new ();
    const char *junk = "Scanned by the front desk\r\n\x00\x01\x02";

    g_byte_array_append (data, (const guint8 *)junk, 30);
    g_byte_array_append (data, g_bytes_get_data (valid, NULL), size);
    add (mutants, data, "%s after junk", label);
  }
}

typedef struct
{
  GBytes *bytes;
  guint pages_rendered;
  gboolean opened;
} Work;

static gpointer
exercise (gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  Work *work = data;
  g_autoptr(CsViewerDocument) document = NULL;
  g_autoptr(GPtrArray) signatures = NULL;
  guint n_pages;

  document = cs_viewer_document_open (work->bytes, "application/pdf", NULL, NULL, error);
  if (document == NULL)
    {
      g_assert_true ((*error)->domain == CS_VIEWER_DOCUMENT_ERROR);
      g_assert_cmpstr ((*error)->message, !=, "");
      return g_strdup ("refused");
    }
  work->opened = TRUE;
  n_pages = cs_viewer_document_get_n_pages (document);
  g_assert_cmpuint (n_pages, >, 0);
  /* A damaged page may fail to read: it stays drawable. */
  if (!cs_viewer_document_read_page_sizes (document, NULL, error))
    g_clear_error (error);

  for (guint i = 0; i < MIN (n_pages, PAGES_RENDERED); i++)
    {
      g_autoptr(GdkTexture) texture = cs_viewer_document_render_page (document, i, 0.4, 0, NULL,
                                                                      error);
      g_autoptr(GArray) hits = NULL;
      g_autoptr(GArray) rects = NULL;
      g_autofree char *text = NULL;

      if (texture == NULL)
        {
          g_clear_error (error);
          continue;
        }
      work->pages_rendered++;
      hits = cs_viewer_document_find_text (document, i, "施工", NULL, error);
      if (hits == NULL)
        g_clear_error (error);
      if (cs_viewer_document_get_text_layout (document, i, &text, &rects, error))
        g_assert_cmpuint (rects->len, ==, g_utf8_strlen (text, -1));
      else
        g_clear_error (error);
    }
  signatures = cs_viewer_document_read_signatures (document, NULL, error);
  if (signatures == NULL)
    g_clear_error (error);
  return g_strdup ("opened");
}

static void
store_result (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static void
test_mutants (void)
{
  g_autoptr(GPtrArray) mutants = g_ptr_array_new_with_free_func ((GDestroyNotify)mutant_free);
  g_autoptr(CsRenderScheduler) scheduler = cs_render_scheduler_new (2);
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  const char *samples[] = { "COUNTERSIGN_SAMPLE_TEXT_PDF", "COUNTERSIGN_SAMPLE_SCANS_PDF" };
  guint opened = 0, refused = 0, pages = 0;

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      const char *path = g_getenv (samples[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      char *contents;
      gsize length;

      g_assert_nonnull (path);
      g_assert_true (g_file_get_contents (path, &contents, &length, &error));
      bytes = g_bytes_new_take (contents, length);
      make_mutants (mutants, i == 0 ? "text" : "scans", bytes, rand);
    }
  g_assert_cmpuint (mutants->len, >=, 200);
  g_test_message ("%u damaged files", mutants->len);

  for (guint i = 0; i < mutants->len; i++)
    {
      Mutant *mutant = g_ptr_array_index (mutants, i);
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *outcome = NULL;
      Work work = { mutant->bytes, 0, FALSE };
      gint64 deadline = g_get_monotonic_time () + FILE_TIMEOUT_S * G_USEC_PER_SEC;

      /* In a worker, as the viewer does, so that a hang is seen as one. */
      cs_render_scheduler_run_async (scheduler, CS_RENDER_PRIORITY_VISIBLE, exercise, &work, NULL,
                                     g_free, NULL, store_result, &result);
      while (result == NULL && g_get_monotonic_time () < deadline)
        if (!g_main_context_iteration (NULL, FALSE))
          g_usleep (1000);
      if (result == NULL)
        {
          g_test_message ("%s: no answer within %d s", mutant->name, FILE_TIMEOUT_S);
          g_test_fail ();
          return;   /* the worker is stuck: the rest would wait behind it */
        }
      outcome = cs_render_scheduler_run_finish (scheduler, result, &error);
      g_assert_no_error (error);
      if (work.opened)
        opened++;
      else
        refused++;
      pages += work.pages_rendered;
    }
  g_test_message ("%u opened (%u pages drawn), %u refused with a message", opened, pages, refused);
  /* Damage of every kind was made: some files still open, some do not. */
  g_assert_cmpuint (opened, >, 0);
  g_assert_cmpuint (refused, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/viewer/robustness/mutants", test_mutants);

  return g_test_run ();
}
