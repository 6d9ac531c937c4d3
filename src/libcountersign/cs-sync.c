/* cs-sync.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsSync"

#include "config.h"

#include "cs-error.h"
#include "cs-sync.h"

/* Incremental sync: the catalogue, the calendars of last, this and next
 * year (a year not yet published is no error), then the cases changed at
 * or after the newest `updated_at` the cache has seen, page by page
 * following `next_cursor`. Each page is stored in its own transaction as
 * it arrives, so an interrupted sync keeps what it fetched; the high-water
 * mark moves only when the last page is in. */

#define PAGE_SIZE 500
#define META_SINCE "sync.updated-since"

typedef struct
{
  CsClient *client;
  CsCache *cache;
  CsSyncFlags flags;
  char *since;
  char *cursor;
  gint64 newest;
  guint fetched;
  int year;
  int last_year;
} Sync;

static void
sync_free (Sync *sync)
{
  g_clear_object (&sync->client);
  g_clear_object (&sync->cache);
  g_free (sync->since);
  g_free (sync->cursor);
  g_free (sync);
}

static void fetch_page (GTask *task);
static void fetch_calendar (GTask *task);

static void
page_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Sync *sync = g_task_get_task_data (task);
  g_autoptr(CsCasePage) page = NULL;
  GError *error = NULL;

  page = cs_client_list_cases_finish (CS_CLIENT (object), result, &error);
  if (page == NULL || !cs_cache_store_cases (sync->cache, page->cases, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  sync->fetched += page->cases->len;
  for (guint i = 0; i < page->cases->len; i++)
    sync->newest = MAX (sync->newest, cs_case_get_updated_at (g_ptr_array_index (page->cases, i)));

  g_free (sync->cursor);
  sync->cursor = g_steal_pointer (&page->next_cursor);
  if (sync->cursor != NULL)
    {
      fetch_page (g_steal_pointer (&task));
      return;
    }

  if (sync->newest > 0)
    {
      g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (sync->newest / G_USEC_PER_SEC);
      g_autoptr(GDateTime) exact = g_date_time_add (at, sync->newest % G_USEC_PER_SEC);
      g_autofree char *text = g_date_time_format_iso8601 (exact);

      if (!cs_cache_set_meta (sync->cache, META_SINCE, text, &error))
        {
          g_task_return_error (task, error);
          return;
        }
    }
  g_task_return_boolean (task, TRUE);
}

static void
fetch_page (GTask *task)
{
  Sync *sync = g_task_get_task_data (task);

  cs_client_list_cases_async (sync->client, NULL, sync->since, sync->cursor, PAGE_SIZE,
                              g_task_get_cancellable (task), page_cb, task);
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
    fetch_page (g_steal_pointer (&task));
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
  sync->flags = flags;
  if (!(flags & CS_SYNC_FULL))
    sync->since = cs_cache_dup_meta (cache, META_SINCE);
  sync->year = g_date_time_get_year (now) - 1;
  sync->last_year = g_date_time_get_year (now) + 1;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cs_sync_async);
  g_task_set_task_data (task, sync, (GDestroyNotify) sync_free);

  if (flags & CS_SYNC_CASES_ONLY)
    fetch_page (task);
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
    *out_fetched = sync->fetched;
  return g_task_propagate_boolean (G_TASK (result), error);
}
