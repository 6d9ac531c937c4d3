/* cs-document-search.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsDocumentSearch"

#include "config.h"

#include "cs-document-search.h"

/**
 * CsDocumentSearch:
 *
 * Finds a text in every page of a document, a few pages a job in the
 * viewer's workers at background priority, so that pages in view are
 * still rendered first. The search starts at the page being read and
 * wraps around; #CsDocumentSearch::page-searched reports each page's hits
 * as they come, and the hits can be stepped through while the rest of the
 * document is still being searched.
 */

#define PAGES_A_JOB 8

struct _CsDocumentSearch
{
  GObject parent_instance;

  CsRenderScheduler *scheduler;
  CsViewerDocument *document;
  GCancellable *cancellable;
  char *text;
  guint from_page;
  guint n_searched;
  guint n_hits;
  GPtrArray *hits;             /* GArray of graphene_rect_t a page, NULL until searched */
  gboolean has_current;
  guint current_page;
  guint current_index;
};

G_DEFINE_FINAL_TYPE (CsDocumentSearch, cs_document_search, G_TYPE_OBJECT)

/* Pages not searched yet hold NULL. */
static void
hits_free (gpointer hits)
{
  if (hits != NULL)
    g_array_unref (hits);
}

enum {
  PROP_0,
  PROP_N_HITS,
  PROP_FINISHED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  PAGE_SEARCHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  CsViewerDocument *document;
  char *text;
  guint first;               /* in search order, from from_page */
  guint count;
  guint from_page;
  guint n_pages;
} Job;

typedef struct
{
  guint first;
  GPtrArray *hits;           /* GArray a page of the job, in search order */
} Found;

static void
job_free (Job *job)
{
  g_object_unref (job->document);
  g_free (job->text);
  g_free (job);
}

static void
found_free (Found *found)
{
  g_ptr_array_unref (found->hits);
  g_free (found);
}

static gpointer
search_func (gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  Job *job = data;
  Found *found = g_new0 (Found, 1);

  found->first = job->first;
  found->hits = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  for (guint i = 0; i < job->count; i++)
    {
      guint page = (job->from_page + job->first + i) % job->n_pages;
      GArray *hits = cs_viewer_document_find_text (job->document, page, job->text,
                                                   cancellable, error);

      if (hits == NULL)
        {
          found_free (found);
          return NULL;
        }
      g_ptr_array_add (found->hits, hits);
    }
  return found;
}

static void search_next (CsDocumentSearch *self);

static void
search_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(CsDocumentSearch) self = user_data;
  g_autoptr(GError) error = NULL;
  Found *found = cs_render_scheduler_run_finish (CS_RENDER_SCHEDULER (object), result, &error);
  guint n_pages;

  if (found == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_warning ("Search: %s", error->message);
          self->n_searched = cs_viewer_document_get_n_pages (self->document);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINISHED]);
        }
      return;
    }

  n_pages = cs_viewer_document_get_n_pages (self->document);
  for (guint i = 0; i < found->hits->len; i++)
    {
      guint page = (self->from_page + found->first + i) % n_pages;
      GArray *hits = g_ptr_array_index (found->hits, i);

      g_ptr_array_index (self->hits, page) = g_array_ref (hits);
      self->n_hits += hits->len;
      self->n_searched++;
      g_signal_emit (self, signals[PAGE_SEARCHED], 0, page, hits);
    }
  found_free (found);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_HITS]);
  if (self->n_searched < n_pages)
    search_next (self);
  else
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINISHED]);
}

static void
search_next (CsDocumentSearch *self)
{
  guint n_pages = cs_viewer_document_get_n_pages (self->document);
  Job *job = g_new0 (Job, 1);

  job->document = g_object_ref (self->document);
  job->text = g_strdup (self->text);
  job->first = self->n_searched;
  job->count = MIN (PAGES_A_JOB, n_pages - self->n_searched);
  job->from_page = self->from_page;
  job->n_pages = n_pages;
  cs_render_scheduler_run_async (self->scheduler, CS_RENDER_PRIORITY_BACKGROUND, search_func, job,
                                 (GDestroyNotify)job_free, (GDestroyNotify)found_free,
                                 self->cancellable, search_cb, g_object_ref (self));
}

static void
cs_document_search_dispose (GObject *object)
{
  CsDocumentSearch *self = (CsDocumentSearch *)object;

  cs_document_search_stop (self);

  G_OBJECT_CLASS (cs_document_search_parent_class)->dispose (object);
}

static void
cs_document_search_finalize (GObject *object)
{
  CsDocumentSearch *self = (CsDocumentSearch *)object;

  g_clear_pointer (&self->hits, g_ptr_array_unref);
  g_clear_object (&self->document);
  g_clear_object (&self->scheduler);
  g_free (self->text);

  G_OBJECT_CLASS (cs_document_search_parent_class)->finalize (object);
}

static void
cs_document_search_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CsDocumentSearch *self = CS_DOCUMENT_SEARCH (object);

  switch (prop_id)
    {
    case PROP_N_HITS:
      g_value_set_uint (value, self->n_hits);
      break;
    case PROP_FINISHED:
      g_value_set_boolean (value, cs_document_search_get_finished (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_document_search_class_init (CsDocumentSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cs_document_search_dispose;
  object_class->finalize = cs_document_search_finalize;
  object_class->get_property = cs_document_search_get_property;

  properties[PROP_N_HITS] =
    g_param_spec_uint ("n-hits", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FINISHED] =
    g_param_spec_boolean ("finished", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CsDocumentSearch::page-searched:
   * @self: the search
   * @page: the page index
   * @hits: (element-type graphene_rect_t): the hits on that page
   *
   * A page has been searched.
   */
  signals[PAGE_SEARCHED] =
    g_signal_new ("page-searched", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_ARRAY);
}

static void
cs_document_search_init (CsDocumentSearch *self)
{
}

/**
 * cs_document_search_new:
 * @scheduler: the workers to search with
 * @document: the document to search
 *
 * Returns: (transfer full): a search, not started
 */
CsDocumentSearch *
cs_document_search_new (CsRenderScheduler *scheduler,
                        CsViewerDocument  *document)
{
  CsDocumentSearch *self;

  g_return_val_if_fail (CS_IS_RENDER_SCHEDULER (scheduler), NULL);
  g_return_val_if_fail (CS_IS_VIEWER_DOCUMENT (document), NULL);

  self = g_object_new (CS_TYPE_DOCUMENT_SEARCH, NULL);
  self->scheduler = g_object_ref (scheduler);
  self->document = g_object_ref (document);
  return self;
}

/**
 * cs_document_search_stop:
 * @self: a #CsDocumentSearch
 *
 * Stops searching and forgets the hits.
 */
void
cs_document_search_stop (CsDocumentSearch *self)
{
  g_return_if_fail (CS_IS_DOCUMENT_SEARCH (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->hits, g_ptr_array_unref);
  g_clear_pointer (&self->text, g_free);
  self->n_hits = 0;
  self->n_searched = 0;
  self->has_current = FALSE;
}

/**
 * cs_document_search_start:
 * @self: a #CsDocumentSearch
 * @text: what to find
 * @from_page: the page to start from
 *
 * Searches again, for @text. An empty text stops the search.
 */
void
cs_document_search_start (CsDocumentSearch *self,
                          const char       *text,
                          guint             from_page)
{
  guint n_pages;

  g_return_if_fail (CS_IS_DOCUMENT_SEARCH (self));

  cs_document_search_stop (self);
  n_pages = cs_viewer_document_get_n_pages (self->document);
  if (text != NULL && text[0] != '\0' && n_pages > 0)
    {
      self->text = g_strdup (text);
      self->from_page = MIN (from_page, n_pages - 1);
      self->cancellable = g_cancellable_new ();
      self->hits = g_ptr_array_new_full (n_pages, hits_free);
      g_ptr_array_set_size (self->hits, n_pages);
      search_next (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_HITS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINISHED]);
}

const char *
cs_document_search_get_text (CsDocumentSearch *self)
{
  g_return_val_if_fail (CS_IS_DOCUMENT_SEARCH (self), NULL);
  return self->text;
}

guint
cs_document_search_get_n_hits (CsDocumentSearch *self)
{
  g_return_val_if_fail (CS_IS_DOCUMENT_SEARCH (self), 0);
  return self->n_hits;
}

gboolean
cs_document_search_get_finished (CsDocumentSearch *self)
{
  g_return_val_if_fail (CS_IS_DOCUMENT_SEARCH (self), TRUE);
  return self->hits == NULL || self->n_searched >= self->hits->len;
}

/**
 * cs_document_search_get_page_hits:
 * @self: a #CsDocumentSearch
 * @page: a page index
 *
 * Returns: (transfer none) (nullable) (element-type graphene_rect_t): the
 *   hits on @page, or %NULL when it has not been searched yet
 */
GArray *
cs_document_search_get_page_hits (CsDocumentSearch *self,
                                  guint             page)
{
  g_return_val_if_fail (CS_IS_DOCUMENT_SEARCH (self), NULL);

  if (self->hits == NULL || page >= self->hits->len)
    return NULL;
  return g_ptr_array_index (self->hits, page);
}

static guint
hits_on (CsDocumentSearch *self,
         guint             page)
{
  GArray *hits = g_ptr_array_index (self->hits, page);

  return hits != NULL ? hits->len : 0;
}

/**
 * cs_document_search_step:
 * @self: a #CsDocumentSearch
 * @forward: the next hit, or the previous one
 * @from_page: where to look from when no hit is current: the page read
 * @page: (out): the hit's page
 * @index: (out): the hit's index among that page's hits
 *
 * Moves to the next or previous hit, wrapping around the document.
 *
 * Returns: whether there is a hit to go to
 */
gboolean
cs_document_search_step (CsDocumentSearch *self,
                         gboolean          forward,
                         guint             from_page,
                         guint            *page,
                         guint            *index)
{
  guint n_pages, p;

  g_return_val_if_fail (CS_IS_DOCUMENT_SEARCH (self), FALSE);

  if (self->hits == NULL || self->n_hits == 0)
    return FALSE;
  n_pages = self->hits->len;

  if (self->has_current)
    {
      p = self->current_page;
      if (forward && self->current_index + 1 < hits_on (self, p))
        {
          self->current_index++;
          goto found;
        }
      if (!forward && self->current_index > 0)
        {
          self->current_index--;
          goto found;
        }
      for (guint i = 1; i <= n_pages; i++)
        {
          p = forward ? (self->current_page + i) % n_pages
                      : (self->current_page + n_pages - i) % n_pages;
          if (hits_on (self, p) > 0)
            {
              self->current_page = p;
              self->current_index = forward ? 0 : hits_on (self, p) - 1;
              goto found;
            }
        }
      return FALSE;
    }

  for (guint i = 0; i < n_pages; i++)
    {
      p = forward ? (from_page + i) % n_pages : (from_page + n_pages - i) % n_pages;
      if (hits_on (self, p) > 0)
        {
          self->current_page = p;
          self->current_index = forward ? 0 : hits_on (self, p) - 1;
          self->has_current = TRUE;
          goto found;
        }
    }
  return FALSE;

found:
  *page = self->current_page;
  *index = self->current_index;
  return TRUE;
}

/**
 * cs_document_search_get_position:
 * @self: a #CsDocumentSearch
 *
 * Returns: the current hit's number counted from the first page's first
 *   hit, from 1; 0 when no hit is current
 */
guint
cs_document_search_get_position (CsDocumentSearch *self)
{
  guint position = 0;

  g_return_val_if_fail (CS_IS_DOCUMENT_SEARCH (self), 0);

  if (!self->has_current || self->hits == NULL)
    return 0;
  for (guint p = 0; p < self->current_page; p++)
    position += hits_on (self, p);
  return position + self->current_index + 1;
}
