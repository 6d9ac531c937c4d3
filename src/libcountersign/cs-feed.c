/* cs-feed.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsFeed"

#include "config.h"

#include "cs-error.h"
#include "cs-feed.h"
#include "cs-outbox.h"
#include "cs-sync.h"

/**
 * CsFeed:
 *
 * Keeps the cache live: long-polls the central API's event feed and, when
 * events arrive, runs an incremental sync (one request for every change,
 * however many events came) and announces each changed case with
 * #CsFeed::case-changed, read back from the cache. Events carry no state,
 * so a missed one costs nothing: the sync is based on `updated_since`.
 *
 * When the server cannot be reached, #CsFeed:online turns %FALSE and the
 * feed tries again after a growing, jittered wait; when it is back, it
 * syncs once before following the feed again.
 */
struct _CsFeed
{
  GObject parent_instance;

  CsClient *client;
  CsCache *cache;
  GCancellable *cancellable;
  GError *last_error;
  gint64 last_seq;
  guint retry_source;
  guint failures;
  gboolean online;
  gboolean running;
  gboolean needs_sync;
};

G_DEFINE_FINAL_TYPE (CsFeed, cs_feed, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ONLINE,
  N_PROPS
};

enum {
  CASE_CHANGED,
  SYNCED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define POLL_TIMEOUT_SECONDS 25

static void poll_events (CsFeed *self);
static void resync (CsFeed *self, GPtrArray *case_ids);

static void
cs_feed_dispose (GObject *object)
{
  CsFeed *self = (CsFeed *) object;

  cs_feed_stop (self);
  g_clear_object (&self->client);
  g_clear_object (&self->cache);
  g_clear_error (&self->last_error);

  G_OBJECT_CLASS (cs_feed_parent_class)->dispose (object);
}

static void
cs_feed_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  CsFeed *self = CS_FEED (object);

  switch (prop_id)
    {
    case PROP_ONLINE:
      g_value_set_boolean (value, self->online);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_feed_class_init (CsFeedClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cs_feed_dispose;
  object_class->get_property = cs_feed_get_property;

  /**
   * CsFeed:online:
   *
   * Whether the server answered the last request.
   */
  properties[PROP_ONLINE] =
    g_param_spec_boolean ("online", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CsFeed::case-changed:
   * @self: the feed
   * @kase: the case as the cache now holds it
   *
   * A case changed at the server and the cache has the new version.
   */
  signals[CASE_CHANGED] = g_signal_new ("case-changed", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, CS_TYPE_CASE);

  /**
   * CsFeed::synced:
   * @self: the feed
   *
   * The cache caught up with the server (at the start, and after the
   * server was out of reach): a view may reload its whole list.
   */
  signals[SYNCED] = g_signal_new ("synced", G_TYPE_FROM_CLASS (klass),
                                  G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cs_feed_init (CsFeed *self)
{
  self->last_seq = -1;
}

/**
 * cs_feed_new:
 * @client: a signed-in client
 * @cache: the account's cache
 *
 * Returns: (transfer full): a feed, not yet started
 */
CsFeed *
cs_feed_new (CsClient *client,
             CsCache  *cache)
{
  CsFeed *self;

  g_return_val_if_fail (CS_IS_CLIENT (client), NULL);
  g_return_val_if_fail (CS_IS_CACHE (cache), NULL);

  self = g_object_new (CS_TYPE_FEED, NULL);
  self->client = g_object_ref (client);
  self->cache = g_object_ref (cache);
  return self;
}

static void
set_online (CsFeed       *self,
            gboolean      online,
            const GError *error)
{
  g_clear_error (&self->last_error);
  if (error != NULL)
    self->last_error = g_error_copy (error);
  if (self->online == online)
    return;
  self->online = online;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLINE]);
}

static gboolean
retry_cb (gpointer user_data)
{
  CsFeed *self = user_data;

  self->retry_source = 0;
  self->needs_sync = TRUE;
  poll_events (self);
  return G_SOURCE_REMOVE;
}

/* After a failure: wait (backoff with jitter, as the outbox does), then
 * ask where the feed stands and sync, which also finds what was missed. */
static void
schedule_retry (CsFeed       *self,
                const GError *error)
{
  gint64 wait;

  if (!self->running)
    return;
  set_online (self, !cs_error_is_transient (error), error);
  wait = cs_outbox_backoff (++self->failures);
  g_debug ("Feed stopped (%s); again in %" G_GINT64_FORMAT " ms", error->message,
           wait / 1000);
  self->retry_source = g_timeout_add (MAX (wait / 1000, 1), retry_cb, self);
}

typedef struct
{
  CsFeed *self;
  GPtrArray *case_ids;
} Resync;

static void
sync_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Resync *resync = user_data;
  g_autoptr(CsFeed) self = resync->self;
  g_autoptr(GPtrArray) case_ids = resync->case_ids;
  g_autoptr(GError) error = NULL;

  g_free (resync);
  if (!cs_sync_finish (result, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        schedule_retry (self, error);
      return;
    }

  self->failures = 0;
  set_online (self, TRUE, NULL);

  if (case_ids == NULL)
    g_signal_emit (self, signals[SYNCED], 0);
  for (guint i = 0; case_ids != NULL && i < case_ids->len; i++)
    {
      g_autoptr(CsCase) kase = cs_cache_load_case (self->cache,
                                                   g_ptr_array_index (case_ids, i),
                                                   NULL, NULL);
      if (kase != NULL)
        g_signal_emit (self, signals[CASE_CHANGED], 0, kase);
    }

  poll_events (self);
}

static void
resync (CsFeed    *self,
        GPtrArray *case_ids)
{
  Resync *resync = g_new0 (Resync, 1);

  resync->self = g_object_ref (self);
  resync->case_ids = case_ids != NULL ? g_ptr_array_ref (case_ids) : NULL;
  self->needs_sync = FALSE;
  cs_sync_async (self->client, self->cache, CS_SYNC_CASES_ONLY, self->cancellable,
                 sync_cb, resync);
}

static void
events_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(CsFeed) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) case_ids = NULL;
  g_autoptr(GHashTable) seen = NULL;
  gint64 last_seq = 0;

  events = cs_client_get_events_finish (CS_CLIENT (object), result, &last_seq, &error);
  if (events == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        schedule_retry (self, error);
      return;
    }

  self->failures = 0;
  set_online (self, TRUE, NULL);
  self->last_seq = last_seq;

  case_ids = g_ptr_array_new_with_free_func (g_free);
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < events->len; i++)
    {
      const char *id = cs_event_get_case_id (g_ptr_array_index (events, i));

      if (id != NULL && g_hash_table_add (seen, (gpointer) id))
        g_ptr_array_add (case_ids, g_strdup (id));
    }

  if (self->needs_sync)
    resync (self, NULL);
  else if (case_ids->len > 0)
    resync (self, case_ids);
  else
    poll_events (self);
}

static void
poll_events (CsFeed *self)
{
  if (!self->running)
    return;
  cs_client_get_events_async (self->client, self->last_seq,
                              self->needs_sync ? 0 : POLL_TIMEOUT_SECONDS,
                              self->cancellable, events_cb, g_object_ref (self));
}

/**
 * cs_feed_start:
 * @self: a #CsFeed
 *
 * Learns where the feed stands, syncs once, then follows the feed until
 * cs_feed_stop().
 */
void
cs_feed_start (CsFeed *self)
{
  g_return_if_fail (CS_IS_FEED (self));

  if (self->running)
    return;
  self->running = TRUE;
  self->needs_sync = TRUE;
  self->cancellable = g_cancellable_new ();
  /* Where the feed stands first, then the sync: nothing falls between. */
  poll_events (self);
}

/**
 * cs_feed_stop:
 * @self: a #CsFeed
 *
 * Stops following the feed; a request under way is cancelled.
 */
void
cs_feed_stop (CsFeed *self)
{
  g_return_if_fail (CS_IS_FEED (self));

  self->running = FALSE;
  g_clear_handle_id (&self->retry_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

gboolean
cs_feed_get_online (CsFeed *self)
{
  g_return_val_if_fail (CS_IS_FEED (self), FALSE);
  return self->online;
}

/**
 * cs_feed_get_last_error:
 * @self: a #CsFeed
 *
 * Returns: (nullable): why the feed is offline, for people
 */
const GError *
cs_feed_get_last_error (CsFeed *self)
{
  g_return_val_if_fail (CS_IS_FEED (self), NULL);
  return self->last_error;
}
