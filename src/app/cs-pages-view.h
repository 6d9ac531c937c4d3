/* cs-pages-view.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cs-render-cache.h"
#include "cs-render-scheduler.h"
#include "cs-viewer-document.h"

G_BEGIN_DECLS

typedef enum
{
  CS_ZOOM_FIT_WIDTH,
  CS_ZOOM_FIT_PAGE,
  CS_ZOOM_FREE,
} CsZoomMode;

#define CS_ZOOM_MIN 0.25
#define CS_ZOOM_MAX 4.0

/* A page's render cache: some thirty pages at a wide window's width. */
#define CS_PAGES_VIEW_CACHE_BYTES (128 * 1024 * 1024)

#define CS_TYPE_PAGES_VIEW (cs_pages_view_get_type ())

G_DECLARE_FINAL_TYPE (CsPagesView, cs_pages_view, CS, PAGES_VIEW, GtkWidget)

GtkWidget        *cs_pages_view_new                (void);
void              cs_pages_view_set_document       (CsPagesView      *self,
                                                    CsViewerDocument *document);
CsViewerDocument *cs_pages_view_get_document       (CsPagesView      *self);
void              cs_pages_view_set_scheduler      (CsPagesView      *self,
                                                    CsRenderScheduler *scheduler);
guint             cs_pages_view_get_page           (CsPagesView      *self);
void              cs_pages_view_go_to_page         (CsPagesView      *self,
                                                    guint             page);
void              cs_pages_view_scroll_pages       (CsPagesView      *self,
                                                    int               pages);
CsZoomMode        cs_pages_view_get_zoom_mode      (CsPagesView      *self);
void              cs_pages_view_set_zoom_mode      (CsPagesView      *self,
                                                    CsZoomMode        mode);
double            cs_pages_view_get_zoom           (CsPagesView      *self);
void              cs_pages_view_set_zoom           (CsPagesView      *self,
                                                    double            zoom);
void              cs_pages_view_zoom_step          (CsPagesView      *self,
                                                    int               steps);
int               cs_pages_view_get_rotation       (CsPagesView      *self);
void              cs_pages_view_set_rotation       (CsPagesView      *self,
                                                    int               rotation);
void              cs_pages_view_set_hits           (CsPagesView      *self,
                                                    guint             page,
                                                    GArray           *hits);
void              cs_pages_view_clear_hits         (CsPagesView      *self);
void              cs_pages_view_show_hit           (CsPagesView      *self,
                                                    guint             page,
                                                    guint             index);
void              cs_pages_view_select             (CsPagesView      *self,
                                                    guint             page,
                                                    const graphene_point_t *from,
                                                    const graphene_point_t *to);
gboolean          cs_pages_view_get_has_selection  (CsPagesView      *self);
char             *cs_pages_view_get_selected_text  (CsPagesView      *self);
void              cs_pages_view_clear_selection    (CsPagesView      *self);
CsRenderCache    *cs_pages_view_get_cache          (CsPagesView      *self);

G_END_DECLS
