/* cs-page-thumbnail.h
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

#define CS_PAGE_THUMBNAIL_WIDTH 112

#define CS_TYPE_PAGE_THUMBNAIL (cs_page_thumbnail_get_type ())

G_DECLARE_FINAL_TYPE (CsPageThumbnail, cs_page_thumbnail, CS, PAGE_THUMBNAIL, GtkWidget)

GtkWidget *cs_page_thumbnail_new    (void);
void       cs_page_thumbnail_bind   (CsPageThumbnail   *self,
                                     CsRenderScheduler *scheduler,
                                     CsRenderCache     *cache,
                                     CsViewerDocument  *document,
                                     guint              page);
void       cs_page_thumbnail_unbind (CsPageThumbnail   *self);

G_END_DECLS
