/* cs-render-cache.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CS_TYPE_RENDER_CACHE (cs_render_cache_get_type ())

G_DECLARE_FINAL_TYPE (CsRenderCache, cs_render_cache, CS, RENDER_CACHE, GObject)

CsRenderCache *cs_render_cache_new             (gsize          max_bytes);
gsize          cs_render_cache_get_max_bytes   (CsRenderCache *self);
gsize          cs_render_cache_get_size        (CsRenderCache *self);
guint          cs_render_cache_get_n_textures  (CsRenderCache *self);
void           cs_render_cache_insert          (CsRenderCache *self,
                                                guint          page,
                                                int            width,
                                                int            rotation,
                                                GdkTexture    *texture);
GdkTexture    *cs_render_cache_lookup          (CsRenderCache *self,
                                                guint          page,
                                                int            width,
                                                int            rotation);
GdkTexture    *cs_render_cache_lookup_any      (CsRenderCache *self,
                                                guint          page,
                                                int            rotation);
void           cs_render_cache_clear           (CsRenderCache *self);

G_END_DECLS
