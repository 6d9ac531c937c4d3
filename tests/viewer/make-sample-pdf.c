/* make-sample-pdf.c — writes the PDFs that the viewer's tests and
 * benchmark read: text pages such as a construction file's, in Chinese
 * and Latin script, and optionally scanned pages (a raster image a page).
 *
 *   make-sample-pdf [--pages N] [--scans N] [--title TEXT] OUT.pdf
 *
 * The output depends only on the arguments, so every run measures the
 * same bytes.
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdlib.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <glib.h>
#include <pango/pangocairo.h>

#define PAGE_WIDTH  595.276
#define PAGE_HEIGHT 841.890
#define MARGIN      56.0

static const char *paragraphs[] = {
  "本工程位于开发区创业路以东、科技大道以北，总建筑面积二万三千六百平方米，"
  "地上十八层，地下二层，结构形式为钢筋混凝土框架剪力墙结构。",
  "The site survey was carried out on 12 March by the licensed surveyor; "
  "boundary markers 1 to 14 were found in place and photographed.",
  "施工单位应当按照审查合格的施工图设计文件和施工技术标准施工，不得擅自修改"
  "工程设计，不得偷工减料；对建筑材料、建筑构配件、设备和商品混凝土进行检验。",
  "消防设施、器材按照国家标准配置并定期组织检验维修，疏散通道、安全出口保持"
  "畅通，应急照明和疏散指示标志完好有效。",
  "Concrete grade C35 for columns and walls up to level 6, C30 above; "
  "reinforcement HRB400, cover 25 mm to beams and 20 mm to slabs.",
  "建设单位应当自领取施工许可证之日起三个月内开工，因故不能按期开工的，应当向"
  "发证机关申请延期；延期以两次为限，每次不超过三个月。",
};

static void
draw_text_page (cairo_t    *cr,
                const char *title,
                int         number,
                int         n_pages)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Noto Sans CJK SC 10.5");
  g_autoptr(GString) text = g_string_new (NULL);
  int height;

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  pango_layout_set_width (layout, pango_units_from_double (PAGE_WIDTH - 2 * MARGIN));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_spacing (layout, pango_units_from_double (4));

  g_string_printf (text, "<b><big>%s</big></b>\n<small>第 %d 页 / Page %d of %d</small>\n\n",
                   title, number, number, n_pages);
  for (int i = 0; i < 9; i++)
    g_string_append_printf (text, "%d.%d　%s\n\n", number, i + 1,
                            paragraphs[(number * 7 + i) % G_N_ELEMENTS (paragraphs)]);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_markup (layout, text->str, -1);
  cairo_move_to (cr, MARGIN, MARGIN);
  pango_cairo_show_layout (cr, layout);

  pango_layout_get_size (layout, NULL, &height);
  cairo_set_line_width (cr, 0.6);
  cairo_rectangle (cr, MARGIN, PAGE_HEIGHT - MARGIN - 90, PAGE_WIDTH - 2 * MARGIN, 70);
  cairo_stroke (cr);
}

static void
draw_scan_page (cairo_t *cr,
                int      number)
{
  /* A grey scan at 100 dpi with a little noise, as a front desk's scanner
   * sends it. */
  int width = (int)(PAGE_WIDTH / 72.0 * 100);
  int height = (int)(PAGE_HEIGHT / 72.0 * 100);
  cairo_surface_t *scan = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *scr = cairo_create (scan);
  GRand *rand = g_rand_new_with_seed (number);
  unsigned char *data;
  int stride;

  cairo_set_source_rgb (scr, 0.96, 0.95, 0.92);
  cairo_paint (scr);
  cairo_scale (scr, 100.0 / 72.0, 100.0 / 72.0);
  draw_text_page (scr, "扫描件 Scanned page", number, number);
  cairo_destroy (scr);
  cairo_surface_flush (scan);
  data = cairo_image_surface_get_data (scan);
  stride = cairo_image_surface_get_stride (scan);
  for (int i = 0; i < width * height / 40; i++)
    {
      int x = g_rand_int_range (rand, 0, width);
      int y = g_rand_int_range (rand, 0, height);
      guint32 *p = (guint32 *)(data + y * stride) + x;
      *p = 0x00808080;
    }
  cairo_surface_mark_dirty (scan);
  g_rand_free (rand);

  cairo_save (cr);
  cairo_scale (cr, 72.0 / 100, 72.0 / 100);
  cairo_set_source_surface (cr, scan, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
  cairo_surface_destroy (scan);
}

int
main (int   argc,
      char *argv[])
{
  int n_pages = 1, n_scans = 0;
  g_autofree char *title = NULL;
  g_auto(GStrv) rest = NULL;
  GOptionEntry entries[] = {
    { "pages", 0, 0, G_OPTION_ARG_INT, &n_pages, "Text pages", "N" },
    { "scans", 0, 0, G_OPTION_ARG_INT, &n_scans, "Scanned pages after them", "N" },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, "Heading of each page", "TEXT" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, "OUT.pdf" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("OUT.pdf");
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  int total;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) ||
      rest == NULL || rest[0] == NULL || n_pages < 0 || n_scans < 0 || n_pages + n_scans == 0)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "usage: make-sample-pdf [--pages N] [--scans N] OUT.pdf");
      return 2;
    }

  surface = cairo_pdf_surface_create (rest[0], PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  title != NULL ? title : "Sample material");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, "2026-11-18T09:00:00");
  cr = cairo_create (surface);
  total = n_pages + n_scans;
  for (int i = 1; i <= total; i++)
    {
      if (i <= n_pages)
        draw_text_page (cr, title != NULL ? title : "建设工程施工许可申请材料", i, total);
      else
        draw_scan_page (cr, i);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_printerr ("%s: %s\n", rest[0], cairo_status_to_string (cairo_surface_status (surface)));
      return 1;
    }
  cairo_surface_destroy (surface);
  return 0;
}
