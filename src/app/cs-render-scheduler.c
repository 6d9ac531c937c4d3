/* cs-render-scheduler.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsRenderScheduler"

#include "config.h"

#include "cs-render-scheduler.h"

/**
 * CsRenderScheduler:
 *
 * The viewer's worker pool: a fixed number of threads that run page
 * renders, searches and other Poppler work in order of priority (what is
 * on screen before what is near it, thumbnails after, background work
 * last) and, within a priority, in the order asked.
 *
 * A job whose #GCancellable is cancelled completes at once with
 * %G_IO_ERROR_CANCELLED, wherever it is in the queue, and never runs:
 * a page scrolled past costs nothing. A job already running is not
 * interrupted (Poppler cannot stop a page half drawn), but its result is
 * dropped. Results reach the caller in the main context of the thread
 * that asked.
 *
 * The desk uses one scheduler, cs_render_scheduler_get_default(), with a
 * thread a processor (at most four), however many viewers are open.
 */

#define MAX_DEFAULT_WORKERS 4

struct _CsRenderScheduler
{
  GObject parent_instance;

  GThreadPool *pool;
  guint n_workers;
  guint64 next_sequence;   /* main thread */
  int running;             /* atomic */
  int max_running;         /* atomic */
  int n_run;               /* atomic */
};

G_DEFINE_FINAL_TYPE (CsRenderScheduler, cs_render_scheduler, G_TYPE_OBJECT)

typedef struct
{
  GTask *task;
  int priority;
  guint64 sequence;
  CsRenderJobFunc func;
  gpointer data;
  GDestroyNotify data_free;
  GDestroyNotify result_free;
  gulong cancelled_id;
  int claimed;             /* atomic: the worker or the cancellation, whichever comes first */
} Job;

static void
job_free (Job *job)
{
  GCancellable *cancellable = g_task_get_cancellable (job->task);

  /* Still queued when the pool went away. */
  if (g_atomic_int_compare_and_exchange (&job->claimed, 0, 1))
    g_task_return_new_error (job->task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             "The viewer's workers stopped");
  if (job->cancelled_id != 0)
    g_cancellable_disconnect (cancellable, job->cancelled_id);
  if (job->data_free != NULL)
    job->data_free (job->data);
  g_object_unref (job->task);
  g_free (job);
}

static int
compare_jobs (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const Job *ja = a, *jb = b;

  if (ja->priority != jb->priority)
    return ja->priority < jb->priority ? -1 : 1;
  return ja->sequence < jb->sequence ? -1 : (ja->sequence > jb->sequence);
}

static void
job_run (gpointer item,
         gpointer user_data)
{
  Job *job = item;
  CsRenderScheduler *self = user_data;
  GCancellable *cancellable = g_task_get_cancellable (job->task);
  GError *error = NULL;
  gpointer result;
  int running, max;

  if (!g_atomic_int_compare_and_exchange (&job->claimed, 0, 1))
    {
      job_free (job);           /* cancelled while queued: already returned */
      return;
    }

  running = g_atomic_int_add (&self->running, 1) + 1;
  do
    max = g_atomic_int_get (&self->max_running);
  while (running > max && !g_atomic_int_compare_and_exchange (&self->max_running, max, running));
  g_atomic_int_inc (&self->n_run);

  result = job->func (job->data, cancellable, &error);
  g_atomic_int_add (&self->running, -1);

  if (result == NULL)
    {
      if (error == NULL)
        error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "The job returned nothing");
      g_task_return_error (job->task, error);
    }
  else
    g_task_return_pointer (job->task, result, job->result_free);
  job_free (job);
}

static void
on_cancelled (GCancellable *cancellable,
              gpointer      user_data)
{
  Job *job = user_data;

  /* Runs in the thread that cancelled, perhaps inside
   * g_cancellable_connect(); the task's callback still comes from its own
   * main context. */
  if (g_atomic_int_compare_and_exchange (&job->claimed, 0, 1))
    g_task_return_error_if_cancelled (job->task);
}

static void
cs_render_scheduler_finalize (GObject *object)
{
  CsRenderScheduler *self = (CsRenderScheduler *)object;

  g_thread_pool_free (self->pool, TRUE, TRUE);

  G_OBJECT_CLASS (cs_render_scheduler_parent_class)->finalize (object);
}

static void
cs_render_scheduler_class_init (CsRenderSchedulerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cs_render_scheduler_finalize;
}

static void
cs_render_scheduler_init (CsRenderScheduler *self)
{
}

/**
 * cs_render_scheduler_new:
 * @n_workers: how many threads, at least one
 *
 * Returns: (transfer full): a new scheduler
 */
CsRenderScheduler *
cs_render_scheduler_new (guint n_workers)
{
  CsRenderScheduler *self = g_object_new (CS_TYPE_RENDER_SCHEDULER, NULL);
  g_autoptr(GError) error = NULL;

  self->n_workers = MAX (n_workers, 1);
  /* Exclusive threads: started now and kept, so that a render never waits
   * for a thread to be created. */
  self->pool = g_thread_pool_new_full (job_run, self, (GDestroyNotify)job_free,
                                       self->n_workers, TRUE, &error);
  if (self->pool == NULL)
    g_error ("Cannot start the viewer's workers: %s", error->message);
  g_thread_pool_set_sort_function (self->pool, compare_jobs, NULL);
  return self;
}

/**
 * cs_render_scheduler_get_default:
 *
 * Returns: (transfer none): the desk's scheduler
 */
CsRenderScheduler *
cs_render_scheduler_get_default (void)
{
  static CsRenderScheduler *scheduler;

  if (g_once_init_enter (&scheduler))
    g_once_init_leave (&scheduler,
                       cs_render_scheduler_new (CLAMP (g_get_num_processors (), 1,
                                                       MAX_DEFAULT_WORKERS)));
  return scheduler;
}

guint
cs_render_scheduler_get_n_workers (CsRenderScheduler *self)
{
  g_return_val_if_fail (CS_IS_RENDER_SCHEDULER (self), 0);
  return self->n_workers;
}

/**
 * cs_render_scheduler_get_max_running:
 * @self: a #CsRenderScheduler
 *
 * Returns: the most jobs that ran at the same time
 */
guint
cs_render_scheduler_get_max_running (CsRenderScheduler *self)
{
  g_return_val_if_fail (CS_IS_RENDER_SCHEDULER (self), 0);
  return g_atomic_int_get (&self->max_running);
}

/**
 * cs_render_scheduler_get_n_run:
 * @self: a #CsRenderScheduler
 *
 * Returns: how many jobs have run (not counting those cancelled first)
 */
guint
cs_render_scheduler_get_n_run (CsRenderScheduler *self)
{
  g_return_val_if_fail (CS_IS_RENDER_SCHEDULER (self), 0);
  return g_atomic_int_get (&self->n_run);
}

/**
 * cs_render_scheduler_run_async:
 * @self: a #CsRenderScheduler
 * @priority: lower runs first, e.g. %CS_RENDER_PRIORITY_VISIBLE
 * @func: the work
 * @data: (nullable): its data
 * @data_free: (nullable): frees @data once the job is done or dropped
 * @result_free: (nullable): frees a result nobody takes
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in this thread's main context when done
 * @user_data: data for @callback
 *
 * Queues a job.
 */
void
cs_render_scheduler_run_async (CsRenderScheduler   *self,
                               int                  priority,
                               CsRenderJobFunc      func,
                               gpointer             data,
                               GDestroyNotify       data_free,
                               GDestroyNotify       result_free,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  Job *job;

  g_return_if_fail (CS_IS_RENDER_SCHEDULER (self));
  g_return_if_fail (func != NULL);

  job = g_new0 (Job, 1);
  job->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, cs_render_scheduler_run_async);
  /* A cancelled job's callback comes however the worker finishes. */
  g_task_set_check_cancellable (job->task, TRUE);
  job->priority = priority;
  job->sequence = self->next_sequence++;
  job->func = func;
  job->data = data;
  job->data_free = data_free;
  job->result_free = result_free;
  if (cancellable != NULL)
    job->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (on_cancelled), job, NULL);
  g_thread_pool_push (self->pool, job, NULL);
}

/**
 * cs_render_scheduler_run_finish:
 * @self: a #CsRenderScheduler
 * @result: the #GAsyncResult
 * @error: the return location for an error
 *
 * Returns: (transfer full): the job's result
 */
gpointer
cs_render_scheduler_run_finish (CsRenderScheduler  *self,
                                GAsyncResult       *result,
                                GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  CsViewerDocument *document;
  guint page;
  double scale;
  int rotation;
} Render;

static void
render_free (Render *render)
{
  g_object_unref (render->document);
  g_free (render);
}

static gpointer
render_func (gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  Render *render = data;

  return cs_viewer_document_render_page (render->document, render->page, render->scale,
                                         render->rotation, cancellable, error);
}

/**
 * cs_render_scheduler_render_async:
 * @self: a #CsRenderScheduler
 * @document: the document
 * @page: the page index
 * @scale: device pixels a point
 * @rotation: 0, 90, 180 or 270
 * @priority: lower runs first
 * @cancellable: (nullable): cancelled when the page is scrolled past
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Renders a page with cs_viewer_document_render_page() in a worker.
 */
void
cs_render_scheduler_render_async (CsRenderScheduler   *self,
                                  CsViewerDocument    *document,
                                  guint                page,
                                  double               scale,
                                  int                  rotation,
                                  int                  priority,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  Render *render = g_new0 (Render, 1);

  render->document = g_object_ref (document);
  render->page = page;
  render->scale = scale;
  render->rotation = rotation;
  cs_render_scheduler_run_async (self, priority, render_func, render, (GDestroyNotify)render_free,
                                 g_object_unref, cancellable, callback, user_data);
}

/**
 * cs_render_scheduler_render_finish:
 * @self: a #CsRenderScheduler
 * @result: the #GAsyncResult
 * @error: the return location for an error
 *
 * Returns: (transfer full): the page
 */
GdkTexture *
cs_render_scheduler_render_finish (CsRenderScheduler  *self,
                                   GAsyncResult       *result,
                                   GError            **error)
{
  return cs_render_scheduler_run_finish (self, result, error);
}
