/* test-demo-documents.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "csc-demo-documents.h"

static const char *labels[] = { "申请人姓名", "公民身份号码", "工作单位", NULL };
static const char *values[] = { "陈晓玲", "44010319850612002X", "广州市荔湾区人民医院", NULL };

static CscDemoDocument
document (CscDemoStyle style,
          guint        n_pages,
          gboolean     scanned)
{
  return (CscDemoDocument) {
    .style = style,
    .title = "放射工作人员证申请表",
    .issuer = "广州市荔湾区卫生健康局",
    .labels = labels,
    .values = values,
    .n_pages = n_pages,
    .scanned = scanned,
    .seed = 42,
  };
}

/* Counts the page objects of a PDF: "/Type /Page" not followed by "s". */
static guint
count_pages (GBytes *pdf)
{
  gsize size;
  const char *data = g_bytes_get_data (pdf, &size);
  const char *end = data + size;
  guint pages = 0;

  for (const char *p = data; p + 11 < end; p++)
    if (memcmp (p, "/Type /Page", 11) == 0 && p[11] != 's')
      pages++;

  return pages;
}

static void
assert_pdf (GBytes *pdf)
{
  gsize size;
  const char *data = g_bytes_get_data (pdf, &size);
  g_autofree char *tail = NULL;

  g_assert_cmpuint (size, >, 1000);
  g_assert_cmpmem (data, 5, "%PDF-", 5);
  tail = g_strndup (data + size - 8, 8);
  g_assert_nonnull (strstr (tail, "%%EOF"));
}

static void
test_styles (void)
{
  static const CscDemoStyle styles[] = {
    CSC_DEMO_STYLE_FORM, CSC_DEMO_STYLE_CERTIFICATE, CSC_DEMO_STYLE_DOCUMENT,
  };

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    for (guint scanned = 0; scanned < 2; scanned++)
      {
        CscDemoDocument doc = document (styles[i], styles[i] == CSC_DEMO_STYLE_DOCUMENT ? 5 : 1, scanned);
        g_autoptr(GError) error = NULL;
        g_autoptr(GBytes) first = csc_demo_document_render_pdf (&doc, &error);
        g_autoptr(GBytes) second = NULL;

        g_assert_no_error (error);
        assert_pdf (first);
        g_assert_cmpuint (count_pages (first), ==, doc.n_pages);

        /* Same description, same bytes: the server's ETag is their hash. */
        second = csc_demo_document_render_pdf (&doc, &error);
        g_assert_no_error (error);
        g_assert_true (g_bytes_equal (first, second));
      }
}

static void
test_seed_varies (void)
{
  CscDemoDocument a = document (CSC_DEMO_STYLE_DOCUMENT, 2, FALSE);
  CscDemoDocument b = a;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;

  b.seed = 43;
  first = csc_demo_document_render_pdf (&a, NULL);
  second = csc_demo_document_render_pdf (&b, NULL);
  g_assert_false (g_bytes_equal (first, second));
}

static void
test_jpeg (void)
{
  CscDemoDocument page = document (CSC_DEMO_STYLE_FORM, 1, TRUE);
  CscDemoDocument card = page;
  struct {
    CscDemoDocument *doc;
    int              width;
    int              height;
  } cases[] = {
    { &page, 827, 1170 },
    { &card, 856, 540 },
  };

  card.title = "居民身份证";

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) jpeg = csc_demo_document_render_jpeg (cases[i].doc, &error);
      g_autoptr(GInputStream) stream = NULL;
      g_autoptr(GdkPixbuf) pixbuf = NULL;

      g_assert_no_error (error);
      g_assert_cmpmem (g_bytes_get_data (jpeg, NULL), 3, "\xff\xd8\xff", 3);

      stream = g_memory_input_stream_new_from_bytes (jpeg);
      pixbuf = gdk_pixbuf_new_from_stream (stream, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, cases[i].width);
      g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, cases[i].height);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo-documents/styles", test_styles);
  g_test_add_func ("/demo-documents/seed-varies", test_seed_varies);
  g_test_add_func ("/demo-documents/jpeg", test_jpeg);

  return g_test_run ();
}
