/* cs-sync.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsSync"

#include "config.h"

#include "cs-cache-private.h"
#include "cs-error.h"
#include "cs-json-reader-private.h"
#include "cs-sync.h"

/* Incremental sync: the catalogue, the calendars of last, this and next
 * year (a year not yet published is no error), then the cases changed at
 * or after the newest `updated_at` the cache has seen, page by page
 * following `next_cursor`. Pages are stored as they arrive, a few at most
 * in one transaction, so an interrupted sync keeps what it fetched; the
 * high-water mark moves only when the last page is in.
 *
 * The pages go through a pipeline of three stages that overlap: the main
 * thread downloads, one worker thread checks and reads a page, another
 * stores the pages read before it (all that are waiting, up to
 * STORE_BATCH, in one transaction: a commit costs about a page's inserts).
 * The next page is asked for as soon as it is known: from the `Link:
 * <…>; rel="next"` header of a page, before its body (so the server
 * writes the next page while this one travels: two requests in flight),
 * or else from the `next_cursor` peeked at the end of its body. Pages are
 * stored in order, and a stored page's own cursor is the authority: a
 * page fetched on a wrong hint is thrown away and fetched again. */

#define PAGE_SIZE 500
#define PIPELINE_DEPTH 8
#define MAX_IN_FLIGHT 2
#define STORE_BATCH 8
#define META_SINCE "sync.updated-since"

static guint page_size = PAGE_SIZE;

void
_cs_sync_set_page_size (guint size)
{
  page_size = size > 0 ? size : PAGE_SIZE;
}

typedef struct
{
  GBytes *bytes;
  CsParsedPage *parsed;
  char *cursor;           /* the cursor it was fetched with; NULL: the first */
} Page;

typedef struct
{
  CsClient *client;
  CsCache *cache;
  char *since;
  GQueue fetched;         /* of Page, waiting to be read */
  GQueue parsed;          /* of Page, read, waiting to be stored */
  GHashTable *requested;  /* the cursors asked for ("" for the first page) */
  guint fetching;         /* requests in flight */
  gboolean parsing;
  gboolean storing;
  gboolean stored_any;
  gboolean finished;
  char *stored_next;      /* the next_cursor of the last page stored */
  char *peeked;           /* a cursor learnt and not asked for yet */
  gint64 newest;
  guint fetched_cases;
  int year;
  int last_year;
} Sync;

static void
page_free (Page *page)
{
  g_clear_pointer (&page->bytes, g_bytes_unref);
  g_clear_pointer (&page->parsed, _cs_parsed_page_free);
  g_free (page->cursor);
  g_free (page);
}

static void
sync_free (Sync *sync)
{
  g_clear_object (&sync->client);
  g_clear_object (&sync->cache);
  g_free (sync->since);
  g_queue_clear_full (&sync->fetched, (GDestroyNotify) page_free);
  g_queue_clear_full (&sync->parsed, (GDestroyNotify) page_free);
  g_clear_pointer (&sync->requested, g_hash_table_unref);
  g_free (sync->stored_next);
  g_free (sync->peeked);
  g_free (sync);
}

static void fetch_page (GTask *task, const char *cursor);
static void fetch_calendar (GTask *task);
static void kick (GTask *task);

static void
sync_fail (GTask  *task,
           GError *error)
{
  Sync *sync = g_task_get_task_data (task);

  if (sync->finished)
    {
      g_error_free (error);
      return;
    }
  sync->finished = TRUE;
  g_task_return_error (task, error);
}

/* The high-water mark for @newest (microseconds since the epoch). */
static char *
format_mark (gint64 newest)
{
  g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (newest / G_USEC_PER_SEC);
  g_autoptr(GDateTime) exact = g_date_time_add (at, newest % G_USEC_PER_SEC);

  return g_date_time_format_iso8601 (exact);
}

static void
sync_done (GTask *task)
{
  Sync *sync = g_task_get_task_data (task);

  if (sync->finished)
    return;

  /* The mark went in with the last page; without cases it stays. */
  sync->finished = TRUE;
  g_task_return_boolean (task, TRUE);
}

/* The cursor a page names for the next one, read from the page's end,
 * where the server writes it; NULL when there is none or it cannot be
 * seen cheaply (then the next page waits for the page to be read). */
static char *
peek_next_cursor (GBytes *bytes)
{
  static const char member[] = "\"next_cursor\"";
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  const char *tail = data + (size > 128 ? size - 128 : 0);
  const char *at = g_strrstr_len (tail, data + size - tail, member);
  g_autoptr(GString) cursor = g_string_new (NULL);
  CsJsonReader reader;

  if (at == NULL)
    return NULL;
  _cs_json_reader_init (&reader, at + sizeof member - 1, data + size - (at + sizeof member - 1));
  while (reader.p < reader.end && g_ascii_isspace (*reader.p))
    reader.p++;
  if (reader.p >= reader.end || *reader.p != ':')
    return NULL;
  reader.p++;
  if (_cs_json_reader_peek (&reader) != CS_JSON_TOKEN_STRING ||
      !_cs_json_reader_read_string (&reader, cursor))
    return NULL;
  return g_string_free (g_steal_pointer (&cursor), FALSE);
}

static gboolean
in_flight (Sync *sync)
{
  return sync->fetching > 0 || sync->parsing || sync->storing;
}

static guint
pages_held (Sync *sync)
{
  return g_queue_get_length (&sync->fetched) + g_queue_get_length (&sync->parsed) +
         sync->fetching + sync->parsing + sync->storing;
}

/* Notes @cursor as the next page to ask for, unless it was asked for. */
static void
learn_cursor (Sync       *sync,
              const char *cursor)
{
  if (cursor == NULL || g_hash_table_contains (sync->requested, cursor))
    return;
  g_free (sync->peeked);
  sync->peeked = g_strdup (cursor);
}

static void
parse_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Page *page = task_data;
  GError *error = NULL;

  page->parsed = _cs_parsed_page_new (page->bytes, &error);
  if (page->parsed == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
parsed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Sync *sync = g_task_get_task_data (task);
  Page *page = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  sync->parsing = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      page_free (page);
      sync_fail (task, error);
      return;
    }

  /* The page goes on from the reading task to the store queue. */
  g_clear_pointer (&page->bytes, g_bytes_unref);
  g_queue_push_tail (&sync->parsed, page);
  kick (task);
}

typedef struct
{
  CsCache *cache;
  GPtrArray *pages;       /* of Page, in order */
  char *mark;             /* the high-water mark, with the last page */
} Batch;

static void
batch_free (Batch *batch)
{
  g_clear_object (&batch->cache);
  g_ptr_array_unref (batch->pages);
  g_free (batch->mark);
  g_free (batch);
}

static void
store_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Batch *batch = task_data;
  CsParsedPage *parsed[STORE_BATCH];
  GError *error = NULL;

  for (guint i = 0; i < batch->pages->len; i++)
    parsed[i] = ((Page *) g_ptr_array_index (batch->pages, i))->parsed;
  if (!_cs_cache_insert_parsed_pages (batch->cache, parsed, batch->pages->len,
                                      batch->mark != NULL ? META_SINCE : NULL, batch->mark,
                                      &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
stored_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Sync *sync = g_task_get_task_data (task);
  GPtrArray *batch = ((Batch *) g_task_get_task_data (G_TASK (result)))->pages;
  Page *last = g_ptr_array_index (batch, batch->len - 1);
  GError *error = NULL;

  sync->storing = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      sync_fail (task, error);
      return;
    }

  sync->stored_any = TRUE;
  for (guint i = 0; i < batch->len; i++)
    {
      Page *page = g_ptr_array_index (batch, i);

      sync->fetched_cases += _cs_parsed_page_get_count (page->parsed);
      sync->newest = MAX (sync->newest, _cs_parsed_page_get_newest (page->parsed));
    }
  g_free (sync->stored_next);
  sync->stored_next = g_strdup (_cs_parsed_page_get_next_cursor (last->parsed));
  kick (task);
}

/* Whether @page is the one that follows the page whose next cursor is
 * @next (@first: nothing is stored yet, so only the first page will do). */
static gboolean
page_follows (Page       *page,
              gboolean    first,
              const char *next)
{
  return first ? page->cursor == NULL
               : next != NULL && g_strcmp0 (page->cursor, next) == 0;
}

/* Takes from @queue the page that follows (see page_follows()), wherever
 * it is: two requests in flight may come back in either order. */
static Page *
take_following (GQueue     *queue,
                gboolean    first,
                const char *next)
{
  for (GList *l = queue->head; l != NULL; l = l->next)
    if (page_follows (l->data, first, next))
      {
        Page *page = l->data;

        g_queue_delete_link (queue, l);
        return page;
      }
  return NULL;
}

/* Moves the pipeline on: reads the next fetched page, stores the next read
 * one (in order), and fetches what nobody asked for yet. */
static void
kick (GTask *task)
{
  Sync *sync = g_task_get_task_data (task);
  Page *page;

  if (sync->finished)
    return;

  if (!sync->parsing && (page = g_queue_pop_head (&sync->fetched)) != NULL)
    {
      g_autoptr(GTask) parse = g_task_new (NULL, g_task_get_cancellable (task), parsed_cb,
                                           g_object_ref (task));

      /* The page belongs to the reading task until parsed_cb() takes it. */
      g_task_set_source_tag (parse, parse_thread);
      g_task_set_task_data (parse, page, NULL);
      sync->parsing = TRUE;
      g_task_run_in_thread (parse, parse_thread);
    }

  if (!sync->storing && !g_queue_is_empty (&sync->parsed))
    {
      GPtrArray *batch = g_ptr_array_new_with_free_func ((GDestroyNotify) page_free);
      gboolean first = !sync->stored_any;
      const char *next = sync->stored_next;

      /* Only the pages that follow the last one stored may go in, each
       * after the one before. */
      while (batch->len < STORE_BATCH &&
             (page = take_following (&sync->parsed, first, next)) != NULL)
        {
          g_ptr_array_add (batch, page);
          first = FALSE;
          next = _cs_parsed_page_get_next_cursor (page->parsed);
        }

      if (batch->len > 0)
        {
          g_autoptr(GTask) store = g_task_new (NULL, g_task_get_cancellable (task), stored_cb,
                                               g_object_ref (task));
          Batch *work = g_new0 (Batch, 1);

          work->cache = g_object_ref (sync->cache);
          work->pages = batch;
          /* The last page: the high-water mark goes in with it, in the
           * same transaction (no commit of its own at the end). */
          if (next == NULL)
            {
              gint64 newest = sync->newest;

              for (guint i = 0; i < batch->len; i++)
                newest = MAX (newest, _cs_parsed_page_get_newest (
                                        ((Page *) g_ptr_array_index (batch, i))->parsed));
              if (newest > 0)
                work->mark = format_mark (newest);
            }
          g_task_set_source_tag (store, store_thread);
          g_task_set_task_data (store, work, (GDestroyNotify) batch_free);
          sync->storing = TRUE;
          g_task_run_in_thread (store, store_thread);
        }
      else
        g_ptr_array_unref (batch);
    }

  if (sync->stored_any && sync->stored_next == NULL)
    {
      /* The last page is in; anything else fetched was a wrong peek. */
      g_queue_clear_full (&sync->fetched, (GDestroyNotify) page_free);
      g_queue_clear_full (&sync->parsed, (GDestroyNotify) page_free);
      if (!in_flight (sync))
        sync_done (task);
      return;
    }

  if (sync->fetching < MAX_IN_FLIGHT && sync->peeked != NULL &&
      pages_held (sync) < PIPELINE_DEPTH)
    {
      g_autofree char *cursor = g_steal_pointer (&sync->peeked);
      fetch_page (task, cursor);
    }

  /* Nothing under way and nothing waiting that follows (a page waiting
   * would have gone to the store): the stored page says what is next (its
   * cursor was not learnt early, or the hint was wrong). */
  if (!in_flight (sync) && g_queue_is_empty (&sync->fetched) && sync->stored_any)
    {
      g_queue_clear_full (&sync->parsed, (GDestroyNotify) page_free);
      fetch_page (task, sync->stored_next);
    }
}

typedef struct
{
  GTask *task;
  char *cursor;
} Fetch;

/* The headers of a page name the next one: ask for it now. */
static void
next_page_cb (const char *cursor,
              gpointer    user_data)
{
  Fetch *fetch = user_data;
  Sync *sync = g_task_get_task_data (fetch->task);

  if (sync->finished)
    return;
  learn_cursor (sync, cursor);
  kick (fetch->task);
}

static void
page_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Fetch *fetch = user_data;
  g_autoptr(GTask) task = fetch->task;
  g_autofree char *cursor = fetch->cursor;
  Sync *sync = g_task_get_task_data (task);
  GError *error = NULL;
  Page *page;
  GBytes *bytes;

  g_free (fetch);
  sync->fetching--;
  bytes = cs_client_list_cases_bytes_finish (CS_CLIENT (object), result, &error);
  if (bytes == NULL)
    {
      sync_fail (task, error);
      return;
    }

  page = g_new0 (Page, 1);
  page->bytes = bytes;
  page->cursor = g_steal_pointer (&cursor);
  g_queue_push_tail (&sync->fetched, page);

  /* Ask for the next page as soon as there is room in the pipeline,
   * unless the headers named it already. */
  {
    g_autofree char *peeked = peek_next_cursor (bytes);

    learn_cursor (sync, peeked);
  }

  kick (task);
}

static void
fetch_page (GTask      *task,
            const char *cursor)
{
  Sync *sync = g_task_get_task_data (task);
  Fetch *fetch = g_new0 (Fetch, 1);

  fetch->task = g_object_ref (task);
  fetch->cursor = g_strdup (cursor);
  sync->fetching++;
  g_hash_table_add (sync->requested, g_strdup (cursor != NULL ? cursor : ""));
  if (g_strcmp0 (sync->peeked, cursor) == 0)
    g_clear_pointer (&sync->peeked, g_free);
  cs_client_list_cases_bytes_async (sync->client, sync->since, cursor, page_size, next_page_cb,
                                    fetch, g_task_get_cancellable (task), page_cb, fetch);
}

static void
calendar_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Sync *sync = g_task_get_task_data (task);
  g_autoptr(JsonNode) calendar = NULL;
  GError *error = NULL;

  calendar = cs_client_get_calendar_finish (CS_CLIENT (object), result, &error);
  if (calendar == NULL && !g_error_matches (error, CS_ERROR, CS_ERROR_NOT_FOUND))
    {
      g_task_return_error (task, error);
      return;
    }
  g_clear_error (&error);
  if (calendar != NULL && !cs_cache_store_calendar (sync->cache, calendar, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (++sync->year <= sync->last_year)
    fetch_calendar (g_steal_pointer (&task));
  else
    fetch_page (task, NULL);
}

static void
fetch_calendar (GTask *task)
{
  Sync *sync = g_task_get_task_data (task);

  cs_client_get_calendar_async (sync->client, sync->year, g_task_get_cancellable (task),
                                calendar_cb, task);
}

static void
matters_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Sync *sync = g_task_get_task_data (task);
  g_autoptr(JsonNode) matters = NULL;
  GError *error = NULL;

  matters = cs_client_get_matters_finish (CS_CLIENT (object), result, &error);
  if (matters == NULL || !cs_cache_store_matters (sync->cache, matters, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  fetch_calendar (g_steal_pointer (&task));
}

/**
 * cs_sync_async:
 * @client: a signed-in client
 * @cache: the account's cache
 * @flags: what to fetch
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the cache is up to date
 * @user_data: data for @callback
 *
 * Brings the cache up to date with the server.
 */
void
cs_sync_async (CsClient            *client,
               CsCache             *cache,
               CsSyncFlags          flags,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GTask *task;
  Sync *sync;

  g_return_if_fail (CS_IS_CLIENT (client));
  g_return_if_fail (CS_IS_CACHE (cache));

  sync = g_new0 (Sync, 1);
  sync->client = g_object_ref (client);
  sync->cache = g_object_ref (cache);
  sync->requested = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!(flags & CS_SYNC_FULL))
    sync->since = cs_cache_dup_meta (cache, META_SINCE);
  sync->year = g_date_time_get_year (now) - 1;
  sync->last_year = g_date_time_get_year (now) + 1;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cs_sync_async);
  g_task_set_task_data (task, sync, (GDestroyNotify) sync_free);

  if (flags & CS_SYNC_CASES_ONLY)
    {
      fetch_page (task, NULL);
      g_object_unref (task);
    }
  else
    cs_client_get_matters_async (client, cancellable, matters_cb, task);
}

/**
 * cs_sync_finish:
 * @result: the result
 * @out_fetched: (out) (optional): how many cases were fetched
 * @error: return location for an error
 *
 * Returns: %TRUE when the cache is up to date
 */
gboolean
cs_sync_finish (GAsyncResult  *result,
                guint         *out_fetched,
                GError       **error)
{
  Sync *sync;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  sync = g_task_get_task_data (G_TASK (result));
  if (out_fetched != NULL)
    *out_fetched = sync->fetched_cases;
  return g_task_propagate_boolean (G_TASK (result), error);
}
