/* cs-chart.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsChart"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "cs-chart.h"
#include "cs-error.h"

/**
 * CsChart:
 *
 * A bar chart of the department page: categories along the bottom (days,
 * matters, approvers), one bar a series in each (grouped or stacked), with
 * its numbers as a table. It draws itself with cairo and pango onto any
 * surface, so that the page, the PNG export and the tests draw the same
 * picture without a display; the CSV export is the same table.
 */
struct _CsChart
{
  GObject parent_instance;

  char *title;
  CsChartKind kind;
  GPtrArray *categories;   /* char* */
  GPtrArray *series;       /* Series* */
};

typedef struct
{
  char *name;
  guint32 rgb;
  GArray *values;          /* double, NAN for none; one per category */
} Series;

G_DEFINE_FINAL_TYPE (CsChart, cs_chart, G_TYPE_OBJECT)

static void
series_free (Series *series)
{
  g_free (series->name);
  g_array_unref (series->values);
  g_free (series);
}

static void
cs_chart_finalize (GObject *object)
{
  CsChart *self = (CsChart *)object;

  g_free (self->title);
  g_ptr_array_unref (self->categories);
  g_ptr_array_unref (self->series);

  G_OBJECT_CLASS (cs_chart_parent_class)->finalize (object);
}

static void
cs_chart_class_init (CsChartClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cs_chart_finalize;
}

static void
cs_chart_init (CsChart *self)
{
  self->categories = g_ptr_array_new_with_free_func (g_free);
  self->series = g_ptr_array_new_with_free_func ((GDestroyNotify)series_free);
}

CsChart *
cs_chart_new (const char  *title,
              CsChartKind  kind)
{
  CsChart *self = g_object_new (CS_TYPE_CHART, NULL);

  self->title = g_strdup (title);
  self->kind = kind;
  return self;
}

const char *
cs_chart_get_title (CsChart *self)
{
  g_return_val_if_fail (CS_IS_CHART (self), NULL);
  return self->title;
}

CsChartKind
cs_chart_get_kind (CsChart *self)
{
  g_return_val_if_fail (CS_IS_CHART (self), CS_CHART_GROUPED);
  return self->kind;
}

void
cs_chart_add_category (CsChart    *self,
                       const char *label)
{
  const double none = NAN;

  g_return_if_fail (CS_IS_CHART (self));
  g_return_if_fail (label != NULL);

  g_ptr_array_add (self->categories, g_strdup (label));
  for (guint i = 0; i < self->series->len; i++)
    g_array_append_val (((Series *)g_ptr_array_index (self->series, i))->values, none);
}

guint
cs_chart_get_n_categories (CsChart *self)
{
  g_return_val_if_fail (CS_IS_CHART (self), 0);
  return self->categories->len;
}

const char *
cs_chart_get_category (CsChart *self,
                       guint    index)
{
  g_return_val_if_fail (CS_IS_CHART (self), NULL);
  g_return_val_if_fail (index < self->categories->len, NULL);
  return g_ptr_array_index (self->categories, index);
}

/* @rgb is 0xRRGGBB. Returns the series' index. */
guint
cs_chart_add_series (CsChart    *self,
                     const char *name,
                     guint32     rgb)
{
  Series *series;
  const double none = NAN;

  g_return_val_if_fail (CS_IS_CHART (self), 0);
  g_return_val_if_fail (name != NULL, 0);

  series = g_new0 (Series, 1);
  series->name = g_strdup (name);
  series->rgb = rgb;
  series->values = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < self->categories->len; i++)
    g_array_append_val (series->values, none);
  g_ptr_array_add (self->series, series);
  return self->series->len - 1;
}

guint
cs_chart_get_n_series (CsChart *self)
{
  g_return_val_if_fail (CS_IS_CHART (self), 0);
  return self->series->len;
}

const char *
cs_chart_get_series_name (CsChart *self,
                          guint    series)
{
  g_return_val_if_fail (CS_IS_CHART (self), NULL);
  g_return_val_if_fail (series < self->series->len, NULL);
  return ((Series *)g_ptr_array_index (self->series, series))->name;
}

void
cs_chart_set_value (CsChart *self,
                    guint    series,
                    guint    category,
                    double   value)
{
  Series *s;

  g_return_if_fail (CS_IS_CHART (self));
  g_return_if_fail (series < self->series->len);
  g_return_if_fail (category < self->categories->len);

  s = g_ptr_array_index (self->series, series);
  g_array_index (s->values, double, category) = value;
}

/* FALSE when the value is missing (a share of nothing). */
gboolean
cs_chart_get_value (CsChart *self,
                    guint    series,
                    guint    category,
                    double  *value)
{
  Series *s;
  double v;

  g_return_val_if_fail (CS_IS_CHART (self), FALSE);
  g_return_val_if_fail (series < self->series->len, FALSE);
  g_return_val_if_fail (category < self->categories->len, FALSE);

  s = g_ptr_array_index (self->series, series);
  v = g_array_index (s->values, double, category);
  if (value != NULL)
    *value = isnan (v) ? 0 : v;
  return !isnan (v);
}

/* Drawing ---------------------------------------------------------------------- */

static void
set_rgb (cairo_t *cr,
         guint32  rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

static PangoLayout *
text_layout (cairo_t    *cr,
             const char *text,
             double      size,
             gboolean    bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
show_text (cairo_t    *cr,
           const char *text,
           double      x,
           double      y,
           double      size,
           double      max_width,
           double      align,   /* 0 left, 0.5 centre, 1 right of x */
           gboolean    bold)
{
  g_autoptr(PangoLayout) layout = text_layout (cr, text, size, bold);
  int w, h;

  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int)(max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x - align * w, y);
  pango_cairo_show_layout (cr, layout);
}

/* A step of 1, 2 or 5 times a power of ten giving about five grid lines. */
static double
nice_step (double top)
{
  double raw = top / 5, power, fraction;

  if (raw <= 0)
    return 1;
  power = pow (10, floor (log10 (raw)));
  fraction = raw / power;
  if (fraction <= 1)
    return power;
  if (fraction <= 2)
    return 2 * power;
  if (fraction <= 5)
    return 5 * power;
  return 10 * power;
}

static double
category_total (CsChart *self,
                guint    category)
{
  double total = 0;

  for (guint s = 0; s < self->series->len; s++)
    {
      double v;

      if (cs_chart_get_value (self, s, category, &v))
        total += self->kind == CS_CHART_STACKED ? v : 0;
      if (self->kind == CS_CHART_GROUPED && cs_chart_get_value (self, s, category, &v))
        total = MAX (total, v);
    }
  return total;
}

void
cs_chart_draw (CsChart *self,
               cairo_t *cr,
               int      width,
               int      height)
{
  const double margin = 12, title_h = 26, legend_h = 22, label_h = 34, axis_w = 44;
  double plot_x, plot_y, plot_w, plot_h, top = 0, step, slot, x;
  guint n_cat, n_series;

  g_return_if_fail (CS_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  n_cat = self->categories->len;
  n_series = self->series->len;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  cairo_set_source_rgb (cr, 0.14, 0.14, 0.14);
  show_text (cr, self->title, margin, margin, 15, width - 2 * margin, 0, TRUE);

  /* The legend, one swatch a series. */
  x = margin;
  for (guint s = 0; s < n_series; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);
      g_autoptr(PangoLayout) layout = text_layout (cr, series->name, 12, FALSE);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      set_rgb (cr, series->rgb);
      cairo_rectangle (cr, x, margin + title_h + 3, 12, 12);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
      cairo_move_to (cr, x + 16, margin + title_h);
      pango_cairo_show_layout (cr, layout);
      x += 16 + w + 14;
    }

  plot_x = margin + axis_w;
  plot_y = margin + title_h + legend_h + 8;
  plot_w = MAX (1, width - plot_x - margin);
  plot_h = MAX (1, height - plot_y - label_h - margin);

  for (guint c = 0; c < n_cat; c++)
    top = MAX (top, category_total (self, c));
  step = nice_step (top > 0 ? top : 1);
  top = MAX (step, ceil (top / step) * step);

  /* Grid and scale. */
  cairo_set_line_width (cr, 1);
  for (double v = 0; v <= top + step / 2; v += step)
    {
      double y = plot_y + plot_h - v / top * plot_h;
      g_autofree char *label = g_strdup_printf ("%g", v);

      cairo_set_source_rgb (cr, 0.88, 0.88, 0.88);
      cairo_move_to (cr, plot_x, floor (y) + 0.5);
      cairo_line_to (cr, plot_x + plot_w, floor (y) + 0.5);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
      show_text (cr, label, plot_x - 6, y - 7, 11, 0, 1, FALSE);
    }

  if (n_cat == 0 || n_series == 0)
    {
      cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
      show_text (cr, _("No figures for this period"), plot_x + plot_w / 2, plot_y + plot_h / 2 - 8,
                 13, 0, 0.5, FALSE);
      cairo_restore (cr);
      return;
    }

  slot = plot_w / n_cat;
  for (guint c = 0; c < n_cat; c++)
    {
      double left = plot_x + c * slot, base = plot_y + plot_h;
      double bar_w = self->kind == CS_CHART_STACKED ? slot * 0.6 : slot * 0.8 / n_series;

      for (guint s = 0; s < n_series; s++)
        {
          Series *series = g_ptr_array_index (self->series, s);
          double v, h, bx;

          if (!cs_chart_get_value (self, s, c, &v) || v <= 0)
            continue;
          h = v / top * plot_h;
          bx = self->kind == CS_CHART_STACKED ? left + slot * 0.2 : left + slot * 0.1 + s * bar_w;
          set_rgb (cr, series->rgb);
          cairo_rectangle (cr, bx, base - h, MAX (1, bar_w - 1), h);
          cairo_fill (cr);
          if (self->kind == CS_CHART_STACKED)
            base -= h;
          else if (bar_w >= 18)
            {
              g_autofree char *label = g_strdup_printf ("%.3g", v);

              cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
              show_text (cr, label, bx + bar_w / 2, base - h - 14, 10, 0, 0.5, FALSE);
            }
        }

      cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
      show_text (cr, g_ptr_array_index (self->categories, c), left + slot / 2, plot_y + plot_h + 4,
                 11, slot - 2, 0.5, FALSE);
    }

  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  cairo_move_to (cr, plot_x + 0.5, plot_y);
  cairo_line_to (cr, plot_x + 0.5, plot_y + plot_h + 0.5);
  cairo_line_to (cr, plot_x + plot_w, plot_y + plot_h + 0.5);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Exports ----------------------------------------------------------------------- */

static void
append_csv_field (GString    *line,
                  const char *value)
{
  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (line, value);
      return;
    }
  g_string_append_c (line, '"');
  for (const char *c = value; *c != '\0'; c++)
    {
      if (*c == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *c);
    }
  g_string_append_c (line, '"');
}

/* The chart's table (RFC 4180): a row a category, a column a series;
 * numbers in the C locale, an empty field for a missing value. */
char *
cs_chart_to_csv (CsChart *self)
{
  GString *csv = g_string_new (NULL);

  g_return_val_if_fail (CS_IS_CHART (self), NULL);

  append_csv_field (csv, self->title);
  for (guint s = 0; s < self->series->len; s++)
    {
      g_string_append_c (csv, ',');
      append_csv_field (csv, cs_chart_get_series_name (self, s));
    }
  g_string_append (csv, "\r\n");

  for (guint c = 0; c < self->categories->len; c++)
    {
      append_csv_field (csv, g_ptr_array_index (self->categories, c));
      for (guint s = 0; s < self->series->len; s++)
        {
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];
          double v;

          g_string_append_c (csv, ',');
          if (cs_chart_get_value (self, s, c, &v))
            g_string_append (csv, g_ascii_formatd (buffer, sizeof buffer, "%.2f", v));
        }
      g_string_append (csv, "\r\n");
    }
  return g_string_free (csv, FALSE);
}

gboolean
cs_chart_write_csv (CsChart     *self,
                    const char  *path,
                    GError     **error)
{
  g_autofree char *csv = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CS_IS_CHART (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  csv = cs_chart_to_csv (self);
  if (!g_file_set_contents (path, csv, -1, &local_error))
    {
      g_set_error (error, CS_ERROR, CS_ERROR_FAILED, _("The table could not be saved: %s"),
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
cs_chart_write_png (CsChart     *self,
                    const char  *path,
                    int          width,
                    int          height,
                    GError     **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (CS_IS_CHART (self), FALSE);
  g_return_val_if_fail (path != NULL && width > 0 && height > 0, FALSE);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (surface);
  cs_chart_draw (self, cr, width, height);
  cairo_destroy (cr);
  status = cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, CS_ERROR, CS_ERROR_FAILED, _("The chart could not be saved as %s: %s"),
                   path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
