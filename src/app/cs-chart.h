/* cs-chart.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib-object.h>

G_BEGIN_DECLS

/**
 * CsChartKind:
 * @CS_CHART_GROUPED: the series' bars side by side in each category
 * @CS_CHART_STACKED: the series' bars on top of each other
 */
typedef enum
{
  CS_CHART_GROUPED,
  CS_CHART_STACKED,
} CsChartKind;

#define CS_TYPE_CHART (cs_chart_get_type ())

G_DECLARE_FINAL_TYPE (CsChart, cs_chart, CS, CHART, GObject)

CsChart    *cs_chart_new                (const char   *title,
                                         CsChartKind   kind);
const char *cs_chart_get_title          (CsChart      *self);
CsChartKind cs_chart_get_kind           (CsChart      *self);
void        cs_chart_add_category       (CsChart      *self,
                                         const char   *label);
guint       cs_chart_get_n_categories   (CsChart      *self);
const char *cs_chart_get_category       (CsChart      *self,
                                         guint         index);
guint       cs_chart_add_series         (CsChart      *self,
                                         const char   *name,
                                         guint32       rgb);
guint       cs_chart_get_n_series       (CsChart      *self);
const char *cs_chart_get_series_name    (CsChart      *self,
                                         guint         series);
void        cs_chart_set_value          (CsChart      *self,
                                         guint         series,
                                         guint         category,
                                         double        value);
gboolean    cs_chart_get_value          (CsChart      *self,
                                         guint         series,
                                         guint         category,
                                         double       *value);
void        cs_chart_draw               (CsChart      *self,
                                         cairo_t      *cr,
                                         int           width,
                                         int           height);
char       *cs_chart_to_csv             (CsChart      *self);
gboolean    cs_chart_write_csv          (CsChart      *self,
                                         const char   *path,
                                         GError      **error);
gboolean    cs_chart_write_png          (CsChart      *self,
                                         const char   *path,
                                         int           width,
                                         int           height,
                                         GError      **error);

G_END_DECLS
