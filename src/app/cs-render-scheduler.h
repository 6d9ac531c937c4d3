/* cs-render-scheduler.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cs-viewer-document.h"

G_BEGIN_DECLS

/* Lower runs first. */
#define CS_RENDER_PRIORITY_VISIBLE    0     /* a page on screen */
#define CS_RENDER_PRIORITY_NEARBY     10    /* the pages either side */
#define CS_RENDER_PRIORITY_THUMBNAIL  20
#define CS_RENDER_PRIORITY_BACKGROUND 30    /* sizes, search, signatures */

/**
 * CsRenderJobFunc:
 * @data: the job's data
 * @cancellable: the job's #GCancellable
 * @error: the return location for an error
 *
 * Work run in one of the scheduler's threads.
 *
 * Returns: (nullable): the result; %NULL with @error set on failure
 */
typedef gpointer (*CsRenderJobFunc) (gpointer       data,
                                     GCancellable  *cancellable,
                                     GError       **error);

#define CS_TYPE_RENDER_SCHEDULER (cs_render_scheduler_get_type ())

G_DECLARE_FINAL_TYPE (CsRenderScheduler, cs_render_scheduler, CS, RENDER_SCHEDULER, GObject)

CsRenderScheduler *cs_render_scheduler_new             (guint                n_workers);
CsRenderScheduler *cs_render_scheduler_get_default     (void);
guint              cs_render_scheduler_get_n_workers   (CsRenderScheduler   *self);
guint              cs_render_scheduler_get_max_running (CsRenderScheduler   *self);
guint              cs_render_scheduler_get_n_run       (CsRenderScheduler   *self);
void               cs_render_scheduler_run_async       (CsRenderScheduler   *self,
                                                        int                  priority,
                                                        CsRenderJobFunc      func,
                                                        gpointer             data,
                                                        GDestroyNotify       data_free,
                                                        GDestroyNotify       result_free,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gpointer           cs_render_scheduler_run_finish      (CsRenderScheduler   *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);
void               cs_render_scheduler_render_async    (CsRenderScheduler   *self,
                                                        CsViewerDocument    *document,
                                                        guint                page,
                                                        double               scale,
                                                        int                  rotation,
                                                        int                  priority,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
GdkTexture        *cs_render_scheduler_render_finish   (CsRenderScheduler   *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);

G_END_DECLS
