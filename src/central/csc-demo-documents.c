/* csc-demo-documents.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CscDemoDocuments"

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>
#include <pango/pangocairo.h>

#include "csc-demo-documents.h"

/* The demo centre's materials: what a front desk scans and forwards. Each
 * page is drawn once as vectors; a "scanned" page is that drawing
 * rasterised at scanner resolution, tinted, speckled and slightly skewed.
 * Output depends only on the description and its seed, so the same
 * material has the same bytes (and SHA-256) on every seed of the demo. */

#define PAGE_WIDTH  595.276
#define PAGE_HEIGHT 841.890
#define MARGIN      56.0
#define SCAN_DPI    110.0
/* Every face used is embedded (as a subset) in every PDF, and CJK subsets
 * are large: forms and reports keep to one family, certificates add the
 * serif of their titles and seal. */
#define SANS        "Noto Sans CJK SC"
#define SERIF       "Noto Serif CJK SC"

static const char *phrases[] = {
  "本单位严格按照国家有关法律法规和标准组织生产经营活动",
  "建立健全质量管理体系，明确各岗位职责和操作规程",
  "原材料进厂实行逐批检验，检验合格后方可投入使用",
  "关键工序设置质量控制点，由专人负责记录和复核",
  "成品出厂前按照产品标准进行出厂检验，并留存检验记录",
  "放射工作场所设置电离辐射警告标志和工作指示灯",
  "放射工作人员上岗前接受职业健康检查和放射防护培训",
  "个人剂量计按季度送检，检测结果记入个人剂量档案",
  "消防设施、器材按照国家标准配置并定期组织检验维修",
  "疏散通道、安全出口保持畅通，应急照明和疏散指示标志完好有效",
  "建立消防安全责任制，每日开展防火巡查并做好记录",
  "采伐作业严格控制在批准的地点、面积、树种和蓄积范围内",
  "伐区调查采用标准地实测，样地面积和数量符合技术规程要求",
  "采伐后于当年或次年完成更新造林，成活率不低于百分之八十五",
  "食品原料采购执行进货查验和记录制度，保存相关票证",
  "从业人员每年进行健康检查，取得健康证明后方可上岗",
  "餐饮具使用后及时洗净、消毒，存放于专用保洁设施内",
  "单位依法为职工办理社会保险登记，按时足额缴纳社会保险费",
  "内部治安保卫制度健全，重要部位设置技术防范设施",
  "生产设备和检验设备定期校准，计量器具在检定有效期内",
  "不合格品按照程序进行标识、隔离、评审和处置",
  "定期开展内部审核和管理评审，持续改进管理体系",
  "危险物品按照类别分区存放，专人管理并建立出入库台账",
  "应急预案每半年至少组织一次演练，演练情况记录存档",
  "检测结果表明各项指标均符合相关标准规定的限值要求",
  "经现场核查，场所布局合理，设施设备与申报内容一致",
  "本报告仅对所检样品负责，未经书面批准不得部分复制",
  "以上情况属实，如有虚假，本单位愿承担相应法律责任",
};

static const char *section_titles[] = {
  "基本情况", "管理制度", "人员配备", "设施设备", "工艺流程", "检验检测",
  "质量控制", "安全措施", "应急处置", "结论与建议",
};

static const char *chinese_numbers[] = {
  "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
  "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十",
};

typedef struct
{
  const CscDemoDocument *document;
  GRand                 *rand;
  /* Where the running text of a DOCUMENT stands */
  guint                  section;
  guint                  labels_done;
} Renderer;

static void
renderer_clear (Renderer *renderer)
{
  g_clear_pointer (&renderer->rand, g_rand_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Renderer, renderer_clear)

static PangoLayout *
new_layout (cairo_t    *cr,
            const char *family,
            double      size,
            gboolean    bold,
            double      width,
            const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();

  pango_font_description_set_family (font, family);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int width, height;

  pango_layout_get_size (layout, &width, &height);
  return (double)height / PANGO_SCALE;
}

static double
layout_width (PangoLayout *layout)
{
  int width, height;

  pango_layout_get_size (layout, &width, &height);
  return (double)width / PANGO_SCALE;
}

/* Draws @text at (@x, @y), returns its height. */
static double
draw_text (cairo_t    *cr,
           const char *family,
           double      size,
           gboolean    bold,
           double      x,
           double      y,
           double      width,
           const char *text)
{
  g_autoptr(PangoLayout) layout = new_layout (cr, family, size, bold, width, text);

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return layout_height (layout);
}

static double
draw_centered (cairo_t    *cr,
               const char *family,
               double      size,
               gboolean    bold,
               double      y,
               const char *text)
{
  g_autoptr(PangoLayout) layout = new_layout (cr, family, size, bold, -1, text);

  cairo_move_to (cr, (PAGE_WIDTH - layout_width (layout)) / 2, y);
  pango_cairo_show_layout (cr, layout);
  return layout_height (layout);
}

static const char *
label_at (const CscDemoDocument *document,
          guint                  i)
{
  return document->labels != NULL ? document->labels[i] : NULL;
}

static const char *
value_at (const CscDemoDocument *document,
          guint                  i)
{
  return document->values != NULL && document->values[i] != NULL ? document->values[i] : "";
}

static guint
n_labels (const CscDemoDocument *document)
{
  return document->labels != NULL ? g_strv_length ((char **)document->labels) : 0;
}

static char *
document_number (Renderer *renderer)
{
  return g_strdup_printf ("No. %06u", renderer->document->seed % 1000000);
}

/* The red seal of an office: a ring, a five-pointed star, the office's
 * name around the upper rim, a line below the star. */
static void
draw_seal (cairo_t    *cr,
           double      cx,
           double      cy,
           double      radius,
           const char *name,
           const char *line)
{
  glong n_chars = g_utf8_strlen (name, -1);
  double span = MIN (G_PI * 1.35, 0.28 * n_chars);
  const char *p = name;

  cairo_save (cr);
  cairo_set_source_rgba (cr, 0.84, 0.0, 0.06, 0.85);

  cairo_set_line_width (cr, radius * 0.06);
  cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
  cairo_stroke (cr);

  /* The star, its points on a circle of a third of the seal. */
  cairo_new_path (cr);
  for (int i = 0; i < 10; i++)
    {
      double r = i % 2 == 0 ? radius * 0.30 : radius * 0.12;
      double angle = -G_PI / 2 + i * G_PI / 5;

      if (i == 0)
        cairo_move_to (cr, cx + r * cos (angle), cy + r * sin (angle));
      else
        cairo_line_to (cr, cx + r * cos (angle), cy + r * sin (angle));
    }
  cairo_close_path (cr);
  cairo_fill (cr);

  /* The name, one character at a time, upright towards the centre. */
  for (glong i = 0; i < n_chars; i++, p = g_utf8_next_char (p))
    {
      char glyph[8] = { 0 };
      double angle = -G_PI / 2 - span / 2 + (n_chars > 1 ? span * i / (n_chars - 1) : span / 2);
      g_autoptr(PangoLayout) layout = NULL;

      memcpy (glyph, p, g_utf8_next_char (p) - p);
      layout = new_layout (cr, SERIF, radius * 0.26, TRUE, -1, glyph);

      cairo_save (cr);
      cairo_translate (cr, cx + radius * 0.74 * cos (angle), cy + radius * 0.74 * sin (angle));
      cairo_rotate (cr, angle + G_PI / 2);
      cairo_move_to (cr, -layout_width (layout) / 2, -layout_height (layout) / 2);
      pango_cairo_show_layout (cr, layout);
      cairo_restore (cr);
    }

  if (line != NULL)
    {
      g_autoptr(PangoLayout) layout = new_layout (cr, SERIF, radius * 0.2, TRUE, -1, line);

      cairo_move_to (cr, cx - layout_width (layout) / 2, cy + radius * 0.38);
      pango_cairo_show_layout (cr, layout);
    }

  cairo_restore (cr);
}

static char *
random_date (Renderer *renderer)
{
  return g_strdup_printf ("%d年%d月%d日", 2019 + g_rand_int_range (renderer->rand, 0, 7),
                          g_rand_int_range (renderer->rand, 1, 13),
                          g_rand_int_range (renderer->rand, 1, 29));
}

/* FORM --------------------------------------------------------------------- */

static void
draw_form_page (Renderer *renderer,
                cairo_t  *cr,
                guint     page,
                guint     n_pages)
{
  const CscDemoDocument *document = renderer->document;
  guint n = n_labels (document);
  guint per_page = (n + n_pages - 1) / MAX (n_pages, 1);
  guint first = page * per_page;
  guint last = MIN (n, first + per_page);
  double label_width = 150;
  double table_width = PAGE_WIDTH - 2 * MARGIN;
  double y = MARGIN;
  g_autofree char *number = document_number (renderer);

  cairo_set_source_rgb (cr, 0, 0, 0);
  y += draw_centered (cr, SANS, 20, TRUE, y, document->title) + 8;
  draw_text (cr, SANS, 9, FALSE, PAGE_WIDTH - MARGIN - 90, y, -1, number);
  y += 22;

  cairo_set_line_width (cr, 0.8);
  for (guint i = first; i < last; i++)
    {
      g_autoptr(PangoLayout) label = new_layout (cr, SANS, 10.5, TRUE, label_width - 12, label_at (document, i));
      g_autoptr(PangoLayout) value = new_layout (cr, SANS, 10.5, FALSE, table_width - label_width - 12,
                                                 value_at (document, i));
      double row = MAX (layout_height (label), layout_height (value)) + 14;

      if (y + row > PAGE_HEIGHT - 150)
        break;

      cairo_rectangle (cr, MARGIN, y, label_width, row);
      cairo_rectangle (cr, MARGIN + label_width, y, table_width - label_width, row);
      cairo_stroke (cr);
      cairo_move_to (cr, MARGIN + 6, y + 7);
      pango_cairo_show_layout (cr, label);
      cairo_move_to (cr, MARGIN + label_width + 6, y + 7);
      pango_cairo_show_layout (cr, value);
      y += row;
    }

  if (page + 1 == n_pages)
    {
      y = MAX (y + 30, PAGE_HEIGHT - 190);
      draw_text (cr, SANS, 10.5, FALSE, MARGIN, y, table_width,
                 "本人（单位）承诺：所填写内容及提交的材料真实、有效，如有虚假，愿承担相应法律责任。");
      draw_text (cr, SANS, 10.5, FALSE, MARGIN, y + 50, -1, "申请人（签字或盖章）：");
      draw_text (cr, SANS, 10.5, FALSE, PAGE_WIDTH - MARGIN - 170, y + 50, -1, "日期：　　年　　月　　日");
      cairo_move_to (cr, MARGIN + 120, y + 64);
      cairo_line_to (cr, MARGIN + 260, y + 64);
      cairo_stroke (cr);

      /* A hand signature: a few loose strokes. */
      cairo_set_line_width (cr, 1.2);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.35);
      cairo_move_to (cr, MARGIN + 130, y + 60);
      for (int i = 0; i < 6; i++)
        cairo_curve_to (cr,
                        MARGIN + 140 + i * 18, y + 40 + g_rand_double_range (renderer->rand, -6, 6),
                        MARGIN + 148 + i * 18, y + 66 + g_rand_double_range (renderer->rand, -6, 6),
                        MARGIN + 156 + i * 18, y + 54 + g_rand_double_range (renderer->rand, -4, 4));
      cairo_stroke (cr);
    }
}

/* CERTIFICATE ----------------------------------------------------------------- */

static void
draw_certificate_page (Renderer *renderer,
                       cairo_t  *cr)
{
  const CscDemoDocument *document = renderer->document;
  g_autofree char *number = document_number (renderer);
  g_autofree char *date = random_date (renderer);
  double y;

  /* A double frame with small corner ornaments. */
  cairo_set_source_rgb (cr, 0.55, 0.35, 0.1);
  cairo_set_line_width (cr, 4);
  cairo_rectangle (cr, 30, 30, PAGE_WIDTH - 60, PAGE_HEIGHT - 60);
  cairo_stroke (cr);
  cairo_set_line_width (cr, 1);
  cairo_rectangle (cr, 40, 40, PAGE_WIDTH - 80, PAGE_HEIGHT - 80);
  cairo_stroke (cr);
  for (int corner = 0; corner < 4; corner++)
    {
      double cx = corner % 2 == 0 ? 40 : PAGE_WIDTH - 40;
      double cy = corner < 2 ? 40 : PAGE_HEIGHT - 40;

      cairo_arc (cr, cx, cy, 12, 0, 2 * G_PI);
      cairo_stroke (cr);
    }

  cairo_set_source_rgb (cr, 0, 0, 0);
  y = 110;
  y += draw_centered (cr, SERIF, 34, TRUE, y, document->title) + 12;
  y += draw_centered (cr, SANS, 10, FALSE, y, number) + 50;

  for (guint i = 0; i < n_labels (document); i++)
    {
      g_autofree char *line = g_strdup_printf ("%s：%s", label_at (document, i), value_at (document, i));

      y += draw_text (cr, SERIF, 14, FALSE, 90, y, PAGE_WIDTH - 180, line) + 18;
    }

  y += 20;
  y += draw_text (cr, SERIF, 13, FALSE, 90, y, PAGE_WIDTH - 180,
                  "经审核，符合有关规定，特发此证。") + 14;

  if (document->issuer != NULL)
    {
      draw_text (cr, SERIF, 14, FALSE, PAGE_WIDTH - 300, PAGE_HEIGHT - 220, 220, document->issuer);
      draw_text (cr, SERIF, 13, FALSE, PAGE_WIDTH - 300, PAGE_HEIGHT - 190, -1, date);
      draw_seal (cr, PAGE_WIDTH - 200, PAGE_HEIGHT - 200, 62, document->issuer, "专用章");
    }
}

/* DOCUMENT -------------------------------------------------------------------- */

static char *
filler_paragraph (Renderer *renderer)
{
  g_autoptr(GString) text = g_string_new ("　　");
  guint n = g_rand_int_range (renderer->rand, 2, 6);

  for (guint i = 0; i < n; i++)
    {
      g_string_append (text, phrases[g_rand_int_range (renderer->rand, 0, G_N_ELEMENTS (phrases))]);
      g_string_append (text, i + 1 < n ? "，" : "。");
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static double
draw_table (Renderer *renderer,
            cairo_t  *cr,
            double    y)
{
  static const char *headers[] = { "序号", "项目", "标准要求", "检测结果", "结论" };
  static const char *items[] = { "外观", "尺寸偏差", "抗拉强度", "绝缘电阻", "剂量当量率", "照度", "含水率", "蓄积量" };
  double widths[] = { 40, 130, 120, 110, 83 };
  double row = 20;
  guint n_rows = g_rand_int_range (renderer->rand, 3, 7);

  cairo_set_line_width (cr, 0.6);
  for (guint r = 0; r <= n_rows; r++)
    {
      double x = MARGIN;

      for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
        {
          g_autofree char *cell = NULL;

          if (r == 0)
            cell = g_strdup (headers[c]);
          else if (c == 0)
            cell = g_strdup_printf ("%u", r);
          else if (c == 1)
            cell = g_strdup (items[g_rand_int_range (renderer->rand, 0, G_N_ELEMENTS (items))]);
          else if (c == 2)
            cell = g_strdup_printf ("≤ %.1f", g_rand_double_range (renderer->rand, 1, 100));
          else if (c == 3)
            cell = g_strdup_printf ("%.2f", g_rand_double_range (renderer->rand, 0.5, 90));
          else
            cell = g_strdup ("合格");

          cairo_rectangle (cr, x, y, widths[c], row);
          cairo_stroke (cr);
          draw_text (cr, SANS, 9, r == 0, x + 4, y + 4, widths[c] - 8, cell);
          x += widths[c];
        }
      y += row;
    }

  return y + 12;
}

static void
draw_document_page (Renderer *renderer,
                    cairo_t  *cr,
                    guint     page,
                    guint     n_pages)
{
  const CscDemoDocument *document = renderer->document;
  double width = PAGE_WIDTH - 2 * MARGIN;
  double bottom = PAGE_HEIGHT - MARGIN - 20;
  g_autofree char *footer = g_strdup_printf ("第 %u 页 共 %u 页", page + 1, n_pages);
  double y = MARGIN;

  cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
  draw_text (cr, SANS, 8, FALSE, MARGIN, y - 20, width, document->title);
  if (document->issuer != NULL)
    {
      g_autoptr(PangoLayout) issuer = new_layout (cr, SANS, 8, FALSE, -1, document->issuer);

      cairo_move_to (cr, PAGE_WIDTH - MARGIN - layout_width (issuer), y - 20);
      pango_cairo_show_layout (cr, issuer);
    }
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN, y - 6);
  cairo_line_to (cr, PAGE_WIDTH - MARGIN, y - 6);
  cairo_stroke (cr);
  draw_centered (cr, SANS, 8, FALSE, PAGE_HEIGHT - MARGIN + 6, footer);

  cairo_set_source_rgb (cr, 0, 0, 0);
  if (page == 0)
    {
      y += 30;
      y += draw_centered (cr, SANS, 22, TRUE, y, document->title) + 10;
      if (document->issuer != NULL)
        y += draw_centered (cr, SANS, 11, FALSE, y, document->issuer) + 24;
    }

  while (y < bottom - 40)
    {
      g_autofree char *heading = NULL;
      g_autofree char *body = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      double height;

      /* A new section now and then: the labels first, then stock titles. */
      if (renderer->labels_done < n_labels (document) || g_rand_int_range (renderer->rand, 0, 4) == 0)
        {
          const char *title;

          if (renderer->labels_done < n_labels (document))
            {
              title = label_at (document, renderer->labels_done);
              body = g_strdup (value_at (document, renderer->labels_done));
              renderer->labels_done++;
            }
          else
            title = section_titles[renderer->section % G_N_ELEMENTS (section_titles)];

          heading = g_strdup_printf ("%s、%s", chinese_numbers[renderer->section % G_N_ELEMENTS (chinese_numbers)],
                                     title);
          renderer->section++;
          y += 6 + draw_text (cr, SANS, 12, TRUE, MARGIN, y + 6, width, heading) + 6;
        }

      if (g_rand_int_range (renderer->rand, 0, 5) == 0 && y < bottom - 180)
        {
          y = draw_table (renderer, cr, y);
          continue;
        }

      if (body == NULL)
        body = filler_paragraph (renderer);

      layout = new_layout (cr, SANS, 11, FALSE, width, body);
      pango_layout_set_spacing (layout, 4 * PANGO_SCALE);
      height = layout_height (layout);
      if (y + height > bottom)
        break;

      cairo_move_to (cr, MARGIN, y);
      pango_cairo_show_layout (cr, layout);
      y += height + 8;
    }
}

/* Pages ---------------------------------------------------------------------------- */

static void
draw_page (Renderer *renderer,
           cairo_t  *cr,
           guint     page,
           guint     n_pages)
{
  cairo_save (cr);
  switch (renderer->document->style)
    {
    case CSC_DEMO_STYLE_FORM:
      draw_form_page (renderer, cr, page, n_pages);
      break;
    case CSC_DEMO_STYLE_CERTIFICATE:
      draw_certificate_page (renderer, cr);
      break;
    case CSC_DEMO_STYLE_DOCUMENT:
    default:
      draw_document_page (renderer, cr, page, n_pages);
      break;
    }
  cairo_restore (cr);
}

static inline guint32
xorshift (guint32 *state)
{
  guint32 x = *state;

  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  return *state = x;
}

/* Paper tint, sensor noise and dust on an RGB24 scan, in place. */
static void
add_scan_noise (Renderer        *renderer,
                cairo_surface_t *surface)
{
  guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  guint32 state = renderer->document->seed | 1;
  int tint_r = 250 - g_rand_int_range (renderer->rand, 0, 6);
  int tint_g = 247 - g_rand_int_range (renderer->rand, 0, 6);
  int tint_b = 238 - g_rand_int_range (renderer->rand, 0, 10);

  cairo_surface_flush (surface);
  for (int y = 0; y < height; y++)
    {
      guint32 *row = (guint32 *)(data + y * stride);

      for (int x = 0; x < width; x++)
        {
          guint32 pixel = row[x];
          int noise = (int)(xorshift (&state) & 15) - 8;
          int r = ((pixel >> 16) & 0xff) * tint_r / 255 + noise;
          int g = ((pixel >> 8) & 0xff) * tint_g / 255 + noise;
          int b = (pixel & 0xff) * tint_b / 255 + noise;

          row[x] = (CLAMP (r, 0, 255) << 16) | (CLAMP (g, 0, 255) << 8) | CLAMP (b, 0, 255);
        }
    }
  cairo_surface_mark_dirty (surface);

  /* Dust and a faint shadow along one edge, as from a scanner lid. */
  {
    cairo_t *cr = cairo_create (surface);
    int n_specks = g_rand_int_range (renderer->rand, 40, 140);

    cairo_set_source_rgba (cr, 0.2, 0.2, 0.2, 0.5);
    for (int i = 0; i < n_specks; i++)
      {
        cairo_arc (cr, g_rand_double_range (renderer->rand, 0, width),
                   g_rand_double_range (renderer->rand, 0, height),
                   g_rand_double_range (renderer->rand, 0.4, 1.6), 0, 2 * G_PI);
        cairo_fill (cr);
      }

    {
      cairo_pattern_t *shadow = cairo_pattern_create_linear (0, 0, 18, 0);

      cairo_pattern_add_color_stop_rgba (shadow, 0, 0, 0, 0, 0.35);
      cairo_pattern_add_color_stop_rgba (shadow, 1, 0, 0, 0, 0);
      cairo_set_source (cr, shadow);
      cairo_rectangle (cr, 0, 0, 18, height);
      cairo_fill (cr);
      cairo_pattern_destroy (shadow);
    }
    cairo_destroy (cr);
  }
}

/* Rasterises one page as a scanner would see it. */
static cairo_surface_t *
scan_page (Renderer *renderer,
           guint     page,
           guint     n_pages,
           double    page_width,
           double    page_height,
           double    dpi)
{
  double scale = dpi / 72.0;
  int width = (int)ceil (page_width * scale);
  int height = (int)ceil (page_height * scale);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  double skew = g_rand_double_range (renderer->rand, -0.8, 0.8) * G_PI / 180;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  cairo_translate (cr, width / 2.0, height / 2.0);
  cairo_rotate (cr, skew);
  cairo_translate (cr, -width / 2.0, -height / 2.0);
  cairo_scale (cr, scale * page_width / PAGE_WIDTH, scale * page_height / PAGE_HEIGHT);
  draw_page (renderer, cr, page, n_pages);
  cairo_destroy (cr);

  add_scan_noise (renderer, surface);
  return surface;
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_status (cairo_status_t   status,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "drawing a demo document: %s",
               cairo_status_to_string (status));
  return FALSE;
}

static GdkPixbuf *pixbuf_from_surface (cairo_surface_t *surface);

static gboolean
encode_jpeg (cairo_surface_t  *surface,
             char            **buffer,
             gsize            *size,
             GError          **error)
{
  g_autoptr(GdkPixbuf) pixbuf = pixbuf_from_surface (surface);

  return gdk_pixbuf_save_to_buffer (pixbuf, buffer, size, "jpeg", error, "quality", "85", NULL);
}

static gboolean
attach_jpeg (cairo_surface_t  *surface,
             GError          **error)
{
  char *buffer = NULL;
  gsize size = 0;

  if (!encode_jpeg (surface, &buffer, &size, error))
    return FALSE;

  return check_status (cairo_surface_set_mime_data (surface, CAIRO_MIME_TYPE_JPEG,
                                                    (const unsigned char *)buffer, size,
                                                    g_free, buffer),
                       error);
}

static void
renderer_init (Renderer              *renderer,
               const CscDemoDocument *document)
{
  renderer->document = document;
  renderer->rand = g_rand_new_with_seed (document->seed);
}

GBytes *
csc_demo_document_render_pdf (const CscDemoDocument  *document,
                              GError                **error)
{
  g_auto(Renderer) renderer = { 0 };
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages;

  g_return_val_if_fail (document != NULL, NULL);
  g_return_val_if_fail (document->title != NULL, NULL);

  renderer_init (&renderer, document);
  n_pages = MAX (document->n_pages, 1);

  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, PAGE_WIDTH, PAGE_HEIGHT);
  /* Fixed metadata: the same document gives the same bytes. */
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, document->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Countersign demo");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, "2026-01-01T00:00:00");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, "2026-01-01T00:00:00");
  cr = cairo_create (surface);

  for (guint page = 0; page < n_pages; page++)
    {
      if (document->scanned)
        {
          cairo_surface_t *scan = scan_page (&renderer, page, n_pages, PAGE_WIDTH, PAGE_HEIGHT, SCAN_DPI);

          /* Embedded as the JPEG a scanner would produce: a noisy page does
           * not compress losslessly, and this is what real scans are. */
          if (!attach_jpeg (scan, error))
            {
              cairo_surface_destroy (scan);
              cairo_destroy (cr);
              cairo_surface_destroy (surface);
              return NULL;
            }

          cairo_save (cr);
          cairo_scale (cr, 72.0 / SCAN_DPI, 72.0 / SCAN_DPI);
          cairo_set_source_surface (cr, scan, 0, 0);
          cairo_paint (cr);
          cairo_restore (cr);
          cairo_surface_destroy (scan);
        }
      else
        {
          draw_page (&renderer, cr, page, n_pages);
        }

      cairo_show_page (cr);
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!check_status (status, error))
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/* An identity card: the photo side, with a drawn head-and-shoulders portrait. */
static void
draw_identity_card (Renderer        *renderer,
                    cairo_surface_t *surface)
{
  const CscDemoDocument *document = renderer->document;
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  cairo_t *cr = cairo_create (surface);
  cairo_pattern_t *background = cairo_pattern_create_linear (0, 0, width, height);
  double y = 60;

  cairo_pattern_add_color_stop_rgb (background, 0, 0.86, 0.91, 0.95);
  cairo_pattern_add_color_stop_rgb (background, 1, 0.95, 0.93, 0.86);
  cairo_set_source (cr, background);
  cairo_paint (cr);
  cairo_pattern_destroy (background);

  /* Fine guilloche lines. */
  cairo_set_source_rgba (cr, 0.5, 0.6, 0.75, 0.25);
  cairo_set_line_width (cr, 0.7);
  for (int i = 0; i < 24; i++)
    {
      cairo_arc (cr, width * 0.7, height * 0.5, 30 + i * 14, 0, 2 * G_PI);
      cairo_stroke (cr);
    }

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  for (guint i = 0; i < n_labels (document); i++)
    {
      g_autoptr(PangoLayout) label = new_layout (cr, SANS, 20, FALSE, -1, label_at (document, i));
      g_autoptr(PangoLayout) value = new_layout (cr, SANS, 22, FALSE, width * 0.5, value_at (document, i));

      cairo_set_source_rgb (cr, 0.25, 0.35, 0.55);
      cairo_move_to (cr, 40, y);
      pango_cairo_show_layout (cr, label);
      cairo_set_source_rgb (cr, 0.05, 0.05, 0.05);
      cairo_move_to (cr, 40 + MAX (110, layout_width (label) + 24), y);
      pango_cairo_show_layout (cr, value);
      y += MAX (layout_height (value), 30) + 26;
    }

  /* The portrait. */
  cairo_set_source_rgb (cr, 0.78, 0.8, 0.84);
  cairo_rectangle (cr, width - 250, 60, 190, 240);
  cairo_fill_preserve (cr);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, 0.55, 0.58, 0.64);
  cairo_arc (cr, width - 155, 150, 55, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_arc (cr, width - 155, 330, 105, G_PI, 2 * G_PI);
  cairo_fill (cr);

  cairo_destroy (cr);
  add_scan_noise (renderer, surface);
}

static GdkPixbuf *
pixbuf_from_surface (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  GdkPixbuf *pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int rowstride = gdk_pixbuf_get_rowstride (pixbuf);

  cairo_surface_flush (surface);
  for (int y = 0; y < height; y++)
    {
      const guint32 *src = (const guint32 *)(data + y * stride);
      guint8 *dst = pixels + y * rowstride;

      for (int x = 0; x < width; x++)
        {
          dst[3 * x] = (src[x] >> 16) & 0xff;
          dst[3 * x + 1] = (src[x] >> 8) & 0xff;
          dst[3 * x + 2] = src[x] & 0xff;
        }
    }

  return pixbuf;
}

GBytes *
csc_demo_document_render_jpeg (const CscDemoDocument  *document,
                               GError                **error)
{
  g_auto(Renderer) renderer = { 0 };
  g_autofree char *buffer = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  gsize size = 0;

  g_return_val_if_fail (document != NULL, NULL);
  g_return_val_if_fail (document->title != NULL, NULL);

  renderer_init (&renderer, document);

  if (strstr (document->title, "身份证") != NULL)
    {
      /* ISO/IEC 7810 ID-1 (85.6 × 54 mm) at 254 dpi. */
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 856, 540);
      draw_identity_card (&renderer, surface);
    }
  else
    {
      surface = scan_page (&renderer, 0, 1, PAGE_WIDTH, PAGE_HEIGHT, 100);
    }

  status = cairo_surface_status (surface);
  if (!check_status (status, error))
    {
      cairo_surface_destroy (surface);
      return NULL;
    }

  if (!encode_jpeg (surface, &buffer, &size, error))
    {
      cairo_surface_destroy (surface);
      return NULL;
    }
  cairo_surface_destroy (surface);

  return g_bytes_new_take (g_steal_pointer (&buffer), size);
}
