/* cs-session.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsSession"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-case-info.h"
#include "cs-credentials.h"
#include "cs-feed.h"
#include "cs-session.h"
#include "cs-sync.h"
#include "cs-util-private.h"

/**
 * CsSession:
 *
 * The desk's signed-in account: the client with its token, the account's
 * cache, outbox and inbox list, and the live feed.
 *
 * Signing in (or resuming with a token from the environment or the
 * keyring) opens the cache and loads the inbox from it before anything
 * is asked of the server, so that the desk opens at once and works with
 * the network down. Then, in the background: who the user is, the
 * catalogue and calendars, the cases changed since the last sync, and
 * the event feed; queued writes are sent whenever the server answers.
 */
typedef struct _Preload Preload;

struct _CsSession
{
  GObject parent_instance;

  char *data_dir;
  char *server_url;
  char *ca_file;
  char *username;

  CsClient *client;
  CsCache *cache;
  CsOutbox *outbox;
  CsFeed *feed;
  CsCaseList *cases;
  CsUser *user;
  CsCalendar *calendar;
  GListModel *matters;

  Preload *preload;            /* an inbox read ahead (cs_session_preload()) */
  GCancellable *cancellable;   /* background work of this account */
  GError *offline_reason;
  GDate today;
  gboolean today_fixed;
  gboolean online;
  gboolean syncing;
  gboolean draining;
  gboolean token_kept;
};

G_DEFINE_FINAL_TYPE (CsSession, cs_session, G_TYPE_OBJECT)

static void drop_preload (CsSession *self);

enum {
  PROP_0,
  PROP_SERVER_URL,
  PROP_USERNAME,
  PROP_USER,
  PROP_ONLINE,
  PROP_SYNCING,
  PROP_CALENDAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CASE_CHANGED,
  WRITE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_online (CsSession    *self,
            gboolean      online,
            const GError *reason)
{
  g_clear_error (&self->offline_reason);
  if (!online && reason != NULL)
    self->offline_reason = g_error_copy (reason);
  if (self->online == online)
    {
      /* The reason may have changed: say so all the same. */
      if (!online)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLINE]);
      return;
    }
  self->online = online;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLINE]);
}

static void
set_syncing (CsSession *self,
             gboolean   syncing)
{
  if (self->syncing == syncing)
    return;
  self->syncing = syncing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYNCING]);
}

static void
set_user (CsSession *self,
          CsUser    *user)
{
  if (g_set_object (&self->user, user))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER]);
}

static void
reload_calendar (CsSession *self)
{
  g_autoptr(CsCalendar) calendar = cs_cache_load_calendar (self->cache, NULL);

  if (calendar == NULL)
    return;
  g_set_object (&self->calendar, calendar);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CALENDAR]);
}

static void
reload_matters (CsSession *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) matters = cs_cache_load_matters (self->cache, &error);

  if (matters == NULL)
    {
      g_warning ("The catalogue could not be read from the cache: %s", error->message);
      return;
    }
  g_set_object (&self->matters, matters);
}

/* Closes the account: background work stops, the models empty. */
static void
close_account (CsSession *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->feed != NULL)
    {
      cs_feed_stop (self->feed);
      g_signal_handlers_disconnect_by_data (self->feed, self);
    }
  g_clear_object (&self->feed);
  g_clear_object (&self->outbox);
  g_clear_object (&self->cache);
  g_clear_object (&self->client);
  g_clear_object (&self->calendar);
  g_clear_object (&self->matters);
  set_user (self, NULL);
  cs_case_list_replace_all (self->cases, g_ptr_array_new ());
  set_syncing (self, FALSE);
  set_online (self, FALSE, NULL);
  self->draining = FALSE;
}

static void
cs_session_dispose (GObject *object)
{
  CsSession *self = (CsSession *) object;

  drop_preload (self);
  if (self->cases != NULL)
    close_account (self);
  g_clear_object (&self->cases);

  G_OBJECT_CLASS (cs_session_parent_class)->dispose (object);
}

static void
cs_session_finalize (GObject *object)
{
  CsSession *self = (CsSession *) object;

  g_free (self->data_dir);
  g_free (self->server_url);
  g_free (self->ca_file);
  g_free (self->username);
  g_clear_error (&self->offline_reason);

  G_OBJECT_CLASS (cs_session_parent_class)->finalize (object);
}

static void
cs_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CsSession *self = CS_SESSION (object);

  switch (prop_id)
    {
    case PROP_SERVER_URL:
      g_value_set_string (value, self->server_url);
      break;
    case PROP_USERNAME:
      g_value_set_string (value, self->username);
      break;
    case PROP_USER:
      g_value_set_object (value, self->user);
      break;
    case PROP_ONLINE:
      g_value_set_boolean (value, self->online);
      break;
    case PROP_SYNCING:
      g_value_set_boolean (value, self->syncing);
      break;
    case PROP_CALENDAR:
      g_value_set_object (value, self->calendar);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_session_class_init (CsSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cs_session_dispose;
  object_class->finalize = cs_session_finalize;
  object_class->get_property = cs_session_get_property;

  properties[PROP_SERVER_URL] =
    g_param_spec_string ("server-url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_USERNAME] =
    g_param_spec_string ("username", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_USER] =
    g_param_spec_object ("user", NULL, NULL, CS_TYPE_USER,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ONLINE] =
    g_param_spec_boolean ("online", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SYNCING] =
    g_param_spec_boolean ("syncing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CALENDAR] =
    g_param_spec_object ("calendar", NULL, NULL, CS_TYPE_CALENDAR,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CsSession::case-changed:
   * @self: the session
   * @kase: the case as it now stands (a summary or in full)
   *
   * The server changed a case: an event of the feed, or the answer to a
   * write of this desk's outbox. The inbox list is up to date already.
   */
  signals[CASE_CHANGED] = g_signal_new ("case-changed", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, CS_TYPE_CASE);

  /**
   * CsSession::write-changed:
   * @self: the session
   * @item: the outbox item as it now stands
   *
   * A write of this account's outbox was queued, sent, failed, retried or
   * discarded.
   */
  signals[WRITE_CHANGED] = g_signal_new ("write-changed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, CS_TYPE_OUTBOX_ITEM);
}

static void
cs_session_init (CsSession *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  self->cases = cs_case_list_new ();
  g_date_clear (&self->today, 1);
  g_date_set_dmy (&self->today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
}

/**
 * cs_session_new:
 * @data_dir: where accounts keep their caches
 *
 * Returns: (transfer full): a session, signed out
 */
CsSession *
cs_session_new (const char *data_dir)
{
  CsSession *self = g_object_new (CS_TYPE_SESSION, NULL);

  self->data_dir = g_strdup (data_dir);
  return self;
}

const char *
cs_session_get_server_url (CsSession *self)
{
  g_return_val_if_fail (CS_IS_SESSION (self), NULL);
  return self->server_url;
}

const char *
cs_session_get_username (CsSession *self)
{
  g_return_val_if_fail (CS_IS_SESSION (self), NULL);
  return self->username;
}

/**
 * cs_session_get_user:
 *
 * Returns: (transfer none) (nullable): the signed-in user
 */
CsUser *
cs_session_get_user (CsSession *self)
{
  g_return_val_if_fail (CS_IS_SESSION (self), NULL);
  return self->user;
}

gboolean
cs_session_get_online (CsSession *self)
{
  g_return_val_if_fail (CS_IS_SESSION (self), FALSE);
  return self->online;
}

gboolean
cs_session_get_syncing (CsSession *self)
{
  g_return_val_if_fail (CS_IS_SESSION (self), FALSE);
  return self->syncing;
}

/**
 * cs_session_get_offline_reason:
 *
 * Returns: (transfer none) (nullable): why the server cannot be reached
 */
const GError *
cs_session_get_offline_reason (CsSession *self)
{
  g_return_val_if_fail (CS_IS_SESSION (self), NULL);
  return self->offline_reason;
}

/* Whether the token of the last sign-in is in the keyring (or came from
 * the environment): when not, the next start asks for the password. */
gboolean
cs_session_get_token_kept (CsSession *self)
{
  g_return_val_if_fail (CS_IS_SESSION (self), FALSE);
  return self->token_kept;
}

/**
 * cs_session_get_cases:
 *
 * Returns: (transfer none): the inbox, empty while signed out
 */
CsCaseList *
cs_session_get_cases (CsSession *self)
{
  g_return_val_if_fail (CS_IS_SESSION (self), NULL);
  return self->cases;
}

CsCache *
cs_session_get_cache (CsSession *self)
{
  g_return_val_if_fail (CS_IS_SESSION (self), NULL);
  return self->cache;
}

CsClient *
cs_session_get_client (CsSession *self)
{
  g_return_val_if_fail (CS_IS_SESSION (self), NULL);
  return self->client;
}

CsOutbox *
cs_session_get_outbox (CsSession *self)
{
  g_return_val_if_fail (CS_IS_SESSION (self), NULL);
  return self->outbox;
}

/**
 * cs_session_get_calendar:
 *
 * Returns: (transfer none) (nullable): the working-day calendar, once synced
 */
CsCalendar *
cs_session_get_calendar (CsSession *self)
{
  g_return_val_if_fail (CS_IS_SESSION (self), NULL);
  return self->calendar;
}

void
cs_session_get_today (CsSession *self,
                      GDate     *today)
{
  g_return_if_fail (CS_IS_SESSION (self));
  *today = self->today;
}

/* Deadlines count from this day; a fixed one is for demos and tests. */
void
cs_session_set_today (CsSession   *self,
                      const GDate *today)
{
  g_return_if_fail (CS_IS_SESSION (self));
  g_return_if_fail (g_date_valid (today));
  self->today = *today;
  self->today_fixed = TRUE;
}

/* Background work */

static void drain_outbox (CsSession *self);

static void
drained_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(CsSession) self = user_data;
  g_autoptr(GError) error = NULL;

  self->draining = FALSE;
  if (!cs_outbox_drain_finish (CS_OUTBOX (object), result, NULL, NULL, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Outbox not drained: %s", error->message);
}

static void
drain_outbox (CsSession *self)
{
  if (self->outbox == NULL || self->draining || cs_outbox_count_pending (self->outbox) == 0)
    return;
  self->draining = TRUE;
  cs_outbox_drain_async (self->outbox, self->client, CS_OUTBOX_DRAIN_NOW, self->cancellable,
                         drained_cb, g_object_ref (self));
}

static void
list_reloaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!cs_case_list_load_finish (CS_CASE_LIST (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("The inbox could not be read from the cache: %s", error->message);
}

static void
feed_synced_cb (CsFeed    *feed,
                CsSession *self)
{
  set_syncing (self, FALSE);
  cs_case_list_load_async (self->cases, self->cache, self->cancellable, list_reloaded_cb, NULL);
  drain_outbox (self);
}

static void
feed_case_changed_cb (CsFeed    *feed,
                      CsCase    *kase,
                      CsSession *self)
{
  cs_case_list_update (self->cases, kase);
  g_signal_emit (self, signals[CASE_CHANGED], 0, kase);
}

static void
feed_online_cb (CsFeed     *feed,
                GParamSpec *pspec,
                CsSession  *self)
{
  gboolean online = cs_feed_get_online (feed);

  set_online (self, online, cs_feed_get_last_error (feed));
  if (online)
    drain_outbox (self);
  else
    set_syncing (self, FALSE);
}

static void
outbox_case_updated_cb (CsOutbox  *outbox,
                        CsCase    *kase,
                        CsSession *self)
{
  cs_case_list_update (self->cases, kase);
  g_signal_emit (self, signals[CASE_CHANGED], 0, kase);
}

static void
outbox_item_changed_cb (CsOutbox     *outbox,
                        CsOutboxItem *item,
                        CsSession    *self)
{
  g_signal_emit (self, signals[WRITE_CHANGED], 0, item);
}

static void
start_feed (CsSession *self)
{
  if (self->feed != NULL)
    return;
  self->feed = cs_feed_new (self->client, self->cache);
  g_signal_connect_object (self->feed, "synced", G_CALLBACK (feed_synced_cb), self, 0);
  g_signal_connect_object (self->feed, "case-changed", G_CALLBACK (feed_case_changed_cb), self, 0);
  g_signal_connect_object (self->feed, "notify::online", G_CALLBACK (feed_online_cb), self, 0);
  cs_feed_start (self->feed);
}

static void
catalogue_synced_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(CsSession) self = user_data;
  g_autoptr(GError) error = NULL;
  guint fetched = 0;

  if (!cs_sync_finish (result, &fetched, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_syncing (self, FALSE);
      set_online (self, FALSE, error);
      /* The feed keeps trying, with backoff, and syncs when it gets through. */
      start_feed (self);
      return;
    }

  set_online (self, TRUE, NULL);
  reload_calendar (self);
  reload_matters (self);
  if (fetched > 0)
    cs_case_list_load_async (self->cases, self->cache, self->cancellable, list_reloaded_cb,
                             NULL);
  set_syncing (self, FALSE);
  drain_outbox (self);
  start_feed (self);
}

static void
me_refreshed_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(CsSession) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsUser) user = cs_client_get_me_finish (CS_CLIENT (object), result, &error);

  if (user == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_debug ("Who am I: %s", error->message);
      return;
    }
  if (!cs_cache_store_user (self->cache, user, &error))
    g_warning ("%s", error->message);
  set_user (self, user);
}

/* Brings the opened account up to date; the desk is usable meanwhile. */
static void
go_online (CsSession *self)
{
  set_syncing (self, TRUE);
  cs_client_get_me_async (self->client, self->cancellable, me_refreshed_cb, g_object_ref (self));
  cs_sync_async (self->client, self->cache, CS_SYNC_NONE, self->cancellable,
                 catalogue_synced_cb, g_object_ref (self));
}

/* Opening an account */

typedef struct
{
  char *server_url;
  char *ca_file;
  char *username;
  char *password;
  CsClient *client;
  CsUser *user;
  gboolean token_kept;
} Opening;

static void
opening_free (Opening *opening)
{
  g_free (opening->server_url);
  g_free (opening->ca_file);
  g_free (opening->username);
  if (opening->password != NULL)
    memset (opening->password, 0, strlen (opening->password));
  g_free (opening->password);
  g_clear_object (&opening->client);
  g_clear_object (&opening->user);
  g_free (opening);
}

static Opening *
opening_new (const char  *server_url,
             const char  *ca_file,
             const char  *username,
             const char  *password,
             GError     **error)
{
  Opening *opening = g_new0 (Opening, 1);

  opening->server_url = cs_client_normalize_url (server_url, error);
  if (opening->server_url == NULL)
    goto fail;
  opening->ca_file = ca_file != NULL && *ca_file != '\0' ? g_strdup (ca_file) : NULL;
  opening->username = username != NULL && *username != '\0' ? g_strdup (username) : NULL;
  opening->password = g_strdup (password);
  opening->client = cs_client_new (opening->server_url, error);
  if (opening->client == NULL ||
      !cs_client_set_ca_file (opening->client, opening->ca_file, error))
    goto fail;
  return opening;

fail:
  opening_free (opening);
  return NULL;
}

/* The first load of an account: what the inbox shows of each case is
 * worked out in the worker too, beside the reading, so the inbox's first
 * frame waits for no case. A preload opens a cache of its own in the
 * worker (a second connection: the session's own one stays free while
 * the rows are read) and reads the calendar the cases are prepared with. */
typedef struct
{
  char *dir;              /* a preload's account folder */
  CsCache *cache;
  CsCalendar *calendar;
  GDate today;
} FirstLoad;

static void
first_load_free (FirstLoad *load)
{
  g_free (load->dir);
  g_clear_object (&load->cache);
  g_clear_object (&load->calendar);
  g_free (load);
}

static void
first_load_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  FirstLoad *load = task_data;
  GError *error = NULL;
  GPtrArray *cases;

  if (load->cache == NULL)
    {
      load->cache = cs_cache_new (load->dir, &error);
      if (load->cache == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      load->calendar = cs_cache_load_calendar (load->cache, NULL);
    }

  cases = cs_cache_load_cases (load->cache, NULL, &error);
  if (cases == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* A preload nobody wants any more stops here. */
  if (g_task_return_error_if_cancelled (task))
    {
      g_ptr_array_unref (cases);
      return;
    }
  cs_case_info_prepare (cases, load->calendar, &load->today);
  g_task_return_pointer (task, cases, (GDestroyNotify) g_ptr_array_unref);
}

/* The inbox is read: the opening @task of the account ends. */
static void
account_loaded (GTask     *task,
                GPtrArray *cases,
                GError    *error)
{
  CsSession *self = g_task_get_source_object (task);

  if (cases == NULL)
    {
      close_account (self);
      g_task_return_error (task, error);
      return;
    }

  cs_case_list_replace_all (self->cases, cases);
  g_task_return_boolean (task, TRUE);
  go_online (self);
}

static void
cases_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GPtrArray *cases = g_task_propagate_pointer (G_TASK (result), &error);

  account_loaded (task, cases, error);
}

static void
load_first (CsSession           *self,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  FirstLoad *load = g_new0 (FirstLoad, 1);

  load->cache = g_object_ref (self->cache);
  load->calendar = self->calendar != NULL ? g_object_ref (self->calendar) : NULL;
  load->today = self->today;
  g_task_set_source_tag (task, load_first);
  g_task_set_task_data (task, load, (GDestroyNotify) first_load_free);
  g_task_run_in_thread (task, first_load_thread);
}

/* Preloading: the inbox of the account the desk will most likely open,
 * read while GTK starts up. The opening of that account adopts it (its
 * cases and the calendar they were prepared with); any other opening, a
 * failed resume and signing out drop it. */
struct _Preload
{
  char *dir;
  GCancellable *cancellable;
  GPtrArray *cases;       /* once read */
  CsCalendar *calendar;   /* the cases were prepared with it */
  GError *error;          /* once the reading failed */
  gboolean done;
  gboolean dropped;       /* nobody wants it: freed when done */
  GTask *adopted_by;      /* an opening that waits for it */
};

static void
preload_free (Preload *preload)
{
  g_free (preload->dir);
  g_clear_object (&preload->cancellable);
  g_clear_pointer (&preload->cases, g_ptr_array_unref);
  g_clear_object (&preload->calendar);
  g_clear_error (&preload->error);
  g_clear_object (&preload->adopted_by);
  g_free (preload);
}

/* Hands the preload's result to the opening that adopted it. */
static void
preload_deliver (Preload *preload)
{
  g_autoptr(GTask) task = g_steal_pointer (&preload->adopted_by);
  CsSession *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    {
      account_loaded (task, NULL, error);
      preload_free (preload);
      return;
    }
  if (preload->calendar != NULL)
    {
      g_set_object (&self->calendar, preload->calendar);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CALENDAR]);
    }
  error = g_steal_pointer (&preload->error);
  account_loaded (task, g_steal_pointer (&preload->cases), error);
  preload_free (preload);
}

static void
preloaded_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Preload *preload = user_data;
  FirstLoad *load = g_task_get_task_data (G_TASK (result));

  preload->done = TRUE;
  preload->cases = g_task_propagate_pointer (G_TASK (result), &preload->error);
  preload->calendar = g_steal_pointer (&load->calendar);
  if (preload->dropped)
    preload_free (preload);
  else if (preload->adopted_by != NULL)
    preload_deliver (preload);
}

/* Nobody will use @preload: it goes now, or when its reading ends. */
static void
preload_release (Preload *preload)
{
  if (preload->done)
    {
      preload_free (preload);
      return;
    }
  preload->dropped = TRUE;
  g_cancellable_cancel (preload->cancellable);
}

static void
drop_preload (CsSession *self)
{
  if (self->preload != NULL)
    preload_release (g_steal_pointer (&self->preload));
}

/**
 * cs_session_drop_preload:
 * @self: a #CsSession
 *
 * Lets go of the inbox cs_session_preload() read or is reading: no
 * account will be opened to use it.
 */
void
cs_session_drop_preload (CsSession *self)
{
  g_return_if_fail (CS_IS_SESSION (self));

  drop_preload (self);
}

/**
 * cs_session_preload:
 * @self: a #CsSession, signed out
 * @server_url: the server the account is on
 * @username: the account's username
 *
 * Starts reading the inbox of @username on @server_url from its cache, in
 * a worker, for the resume or sign-in of the same account that follows to
 * find it read: the desk calls it before GTK starts up, with the account
 * it remembers. Does nothing when that account has no cache on this
 * computer yet. Only the opening of that account uses what was read; a
 * failure to read is reported by that opening, as if it had read itself.
 */
void
cs_session_preload (CsSession  *self,
                    const char *server_url,
                    const char *username)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *normalized = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  FirstLoad *load;

  g_return_if_fail (CS_IS_SESSION (self));
  g_return_if_fail (server_url != NULL && username != NULL);

  drop_preload (self);
  normalized = cs_client_normalize_url (server_url, NULL);
  if (normalized == NULL || *username == '\0')
    return;
  dir = cs_cache_account_dir (self->data_dir, normalized, username);
  file = g_build_filename (dir, "cache.db", NULL);
  if (!g_file_test (file, G_FILE_TEST_IS_REGULAR))
    return;

  self->preload = g_new0 (Preload, 1);
  self->preload->dir = g_strdup (dir);
  self->preload->cancellable = g_cancellable_new ();
  load = g_new0 (FirstLoad, 1);
  load->dir = g_steal_pointer (&dir);
  load->today = self->today;
  task = g_task_new (NULL, self->preload->cancellable, preloaded_cb, self->preload);
  g_task_set_source_tag (task, cs_session_preload);
  g_task_set_task_data (task, load, (GDestroyNotify) first_load_free);
  g_task_run_in_thread (task, first_load_thread);
}

/* The preload for @dir, taken from the session; any other is dropped. */
static Preload *
take_preload (CsSession  *self,
              const char *dir)
{
  if (self->preload != NULL && g_str_equal (self->preload->dir, dir))
    return g_steal_pointer (&self->preload);
  drop_preload (self);
  return NULL;
}

/* The token is set: opens the account's cache and loads the inbox. */
static void
open_account (GTask *task)
{
  CsSession *self = g_task_get_source_object (task);
  Opening *opening = g_task_get_task_data (task);
  g_autofree char *dir = NULL;
  g_autoptr(CsUser) cached_user = NULL;
  GError *error = NULL;
  Preload *preload;
  CsCache *cache;

  dir = cs_cache_account_dir (self->data_dir, opening->server_url, opening->username);
  preload = take_preload (self, dir);
  cache = cs_cache_new (dir, &error);
  if (cache == NULL)
    {
      if (preload != NULL)
        preload_release (preload);
      g_task_return_error (task, error);
      return;
    }

  close_account (self);
  self->cancellable = g_cancellable_new ();
  self->cache = cache;
  self->client = g_object_ref (opening->client);
  self->outbox = cs_outbox_new (cache);
  g_signal_connect_object (self->outbox, "case-updated", G_CALLBACK (outbox_case_updated_cb),
                           self, 0);
  g_signal_connect_object (self->outbox, "item-changed", G_CALLBACK (outbox_item_changed_cb),
                           self, 0);
  self->token_kept = opening->token_kept;
  _cs_set_str (&self->server_url, opening->server_url);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVER_URL]);
  _cs_set_str (&self->ca_file, opening->ca_file);
  _cs_set_str (&self->username, opening->username);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USERNAME]);

  if (opening->user != NULL && !cs_cache_store_user (cache, opening->user, &error))
    {
      g_warning ("%s", error->message);
      g_clear_error (&error);
    }
  cached_user = opening->user != NULL ? g_object_ref (opening->user)
                                      : cs_cache_load_user (cache, NULL);
  set_user (self, cached_user);
  reload_matters (self);

  /* close_account() left the list empty. */
  if (preload != NULL)
    {
      /* The calendar comes with the cases, which were prepared with it. */
      preload->adopted_by = g_object_ref (task);
      if (preload->done)
        preload_deliver (preload);
      return;
    }
  reload_calendar (self);
  load_first (self, g_task_get_cancellable (task), cases_loaded_cb, g_object_ref (task));
}

static void
token_stored_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Opening *opening = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  opening->token_kept = cs_credentials_store_token_finish (result, &error);
  if (!opening->token_kept)
    g_warning ("The session could not be kept in the keyring: %s", error->message);
  open_account (task);
}

static void
logged_in_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Opening *opening = g_task_get_task_data (task);
  g_autoptr(CsUser) user = NULL;
  g_autofree char *token = NULL;
  GCancellable *cancellable;
  GError *error = NULL;

  token = cs_client_login_finish (CS_CLIENT (object), result, &user, &error);
  if (token == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  cs_client_set_token (opening->client, token);
  if (user != NULL)
    {
      opening->user = g_object_ref (user);
      g_free (opening->username);
      opening->username = g_strdup (cs_user_get_username (user));
    }
  cancellable = g_task_get_cancellable (task);
  cs_credentials_store_token_async (opening->server_url, opening->username, token,
                                    cancellable, token_stored_cb, g_steal_pointer (&task));
}

/**
 * cs_session_sign_in_async:
 * @self: a #CsSession
 * @server_url: the central platform's address
 * @ca_file: (nullable): an extra CA certificate file to trust
 * @username: the user's name
 * @password: the password
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the inbox is loaded from the cache
 * @user_data: data for @callback
 *
 * Signs in with a password; the session's token goes to the keyring.
 */
void
cs_session_sign_in_async (CsSession           *self,
                          const char          *server_url,
                          const char          *ca_file,
                          const char          *username,
                          const char          *password,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  Opening *opening;

  g_return_if_fail (CS_IS_SESSION (self));
  g_return_if_fail (username != NULL && password != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cs_session_sign_in_async);

  opening = opening_new (server_url, ca_file, username, password, &error);
  if (opening == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_set_task_data (task, opening, (GDestroyNotify) opening_free);
  cs_client_login_async (opening->client, opening->username, opening->password, cancellable,
                         logged_in_cb, g_steal_pointer (&task));
}

gboolean
cs_session_sign_in_finish (CsSession     *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
me_for_token_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Opening *opening = g_task_get_task_data (task);
  GError *error = NULL;
  CsUser *user = cs_client_get_me_finish (CS_CLIENT (object), result, &error);

  if (user == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  opening->user = user;
  g_free (opening->username);
  opening->username = g_strdup (cs_user_get_username (user));
  open_account (task);
}

static void
token_found_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Opening *opening = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  char *token;

  token = cs_credentials_lookup_token_finish (result, &error);
  if (token == NULL)
    {
      if (error != NULL)
        g_debug ("No token from the keyring: %s", error->message);
      g_task_return_new_error (task, CS_ERROR, CS_ERROR_NOT_SIGNED_IN,
                               _("Sign in to %s as %s"), opening->server_url,
                               opening->username);
      return;
    }
  cs_client_set_token (opening->client, token);
  cs_credentials_token_free (token);
  opening->token_kept = TRUE;
  open_account (task);
}

/**
 * cs_session_resume_async:
 * @self: a #CsSession
 * @server_url: the central platform's address
 * @ca_file: (nullable): an extra CA certificate file to trust
 * @username: (nullable): the user last signed in, or %NULL
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the inbox is loaded from the cache
 * @user_data: data for @callback
 *
 * Signs in without a password: with `COUNTERSIGN_TOKEN` from the
 * environment (asking the server whose it is when @username is %NULL), or
 * with the token the keyring keeps for @server_url and @username. Fails
 * with %CS_ERROR_NOT_SIGNED_IN when there is none. The server need not be
 * reachable when the user is known: the desk opens from the cache.
 */
void
cs_session_resume_async (CsSession           *self,
                         const char          *server_url,
                         const char          *ca_file,
                         const char          *username,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  const char *env_token = g_getenv ("COUNTERSIGN_TOKEN");
  GError *error = NULL;
  Opening *opening;

  g_return_if_fail (CS_IS_SESSION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cs_session_resume_async);

  opening = opening_new (server_url, ca_file, username, NULL, &error);
  if (opening == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_set_task_data (task, opening, (GDestroyNotify) opening_free);

  if (env_token != NULL && *env_token != '\0')
    {
      cs_client_set_token (opening->client, env_token);
      opening->token_kept = TRUE;
      if (opening->username == NULL)
        cs_client_get_me_async (opening->client, cancellable, me_for_token_cb,
                                g_steal_pointer (&task));
      else
        open_account (task);
      return;
    }

  if (opening->username == NULL)
    {
      g_task_return_new_error (task, CS_ERROR, CS_ERROR_NOT_SIGNED_IN,
                               _("Sign in to %s"), opening->server_url);
      return;
    }
  cs_credentials_lookup_token_async (opening->server_url, opening->username, cancellable,
                                     token_found_cb, g_steal_pointer (&task));
}

gboolean
cs_session_resume_finish (CsSession     *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  gboolean resumed;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  resumed = g_task_propagate_boolean (G_TASK (result), error);
  /* Signed out: the inbox read ahead is nobody's yet. */
  if (!resumed)
    drop_preload (self);
  return resumed;
}

/* Signing out */

static void
token_cleared_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!cs_credentials_clear_token_finish (result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
logged_out_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CsSession *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *server_url = g_strdup (self->server_url);
  g_autofree char *username = g_strdup (self->username);

  /* Offline, the server's session stays until it expires; the token is
   * forgotten here all the same. */
  if (!cs_client_logout_finish (CS_CLIENT (object), result, &error))
    g_debug ("Signing out at the server: %s", error->message);

  close_account (self);
  _cs_set_str (&self->username, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USERNAME]);
  cs_credentials_clear_token_async (server_url, username, NULL, token_cleared_cb,
                                    g_steal_pointer (&task));
}

/**
 * cs_session_sign_out_async:
 * @self: a #CsSession
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when signed out
 * @user_data: data for @callback
 *
 * Ends the session at the server (when it can be reached) and deletes the
 * token from the keyring. The cache and queued writes stay, for the next
 * sign-in of the same user.
 */
void
cs_session_sign_out_async (CsSession           *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CS_IS_SESSION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cs_session_sign_out_async);
  drop_preload (self);
  if (self->client == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  cs_client_logout_async (self->client, cancellable, logged_out_cb, g_steal_pointer (&task));
}

gboolean
cs_session_sign_out_finish (CsSession     *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * cs_session_refresh:
 * @self: a #CsSession
 *
 * Syncs now and sends what is queued (the person asked for it).
 */
void
cs_session_refresh (CsSession *self)
{
  g_return_if_fail (CS_IS_SESSION (self));

  if (self->client == NULL || self->syncing)
    return;
  drain_outbox (self);
  go_online (self);
}

/**
 * cs_session_lookup_matter:
 * @self: a #CsSession
 * @code: a matter code
 *
 * Returns: (transfer none) (nullable): the catalogue's matter, once synced
 */
CsMatter *
cs_session_lookup_matter (CsSession  *self,
                          const char *code)
{
  g_return_val_if_fail (CS_IS_SESSION (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  for (guint i = 0; self->matters != NULL && i < g_list_model_get_n_items (self->matters); i++)
    {
      g_autoptr(CsMatter) matter = g_list_model_get_item (self->matters, i);

      if (g_strcmp0 (cs_matter_get_code (matter), code) == 0)
        return matter;   /* the list keeps it */
    }
  return NULL;
}

/**
 * cs_session_load_cached_case:
 * @self: a #CsSession
 * @case_id: the case's ID
 *
 * Returns: (transfer full) (nullable): the case in full as the cache last
 *   saw it, for a case view to show before the server answers
 */
CsCase *
cs_session_load_cached_case (CsSession  *self,
                             const char *case_id)
{
  g_autoptr(GError) error = NULL;
  CsCase *kase;

  g_return_val_if_fail (CS_IS_SESSION (self), NULL);
  g_return_val_if_fail (case_id != NULL, NULL);

  if (self->cache == NULL)
    return NULL;
  kase = cs_cache_load_case (self->cache, case_id, NULL, &error);
  if (error != NULL)
    g_warning ("Case %s could not be read from the cache: %s", case_id, error->message);
  return kase;
}

typedef struct
{
  char *case_id;
  CsCase *cached;
} FetchCase;

static void
fetch_case_free (FetchCase *fetch)
{
  g_free (fetch->case_id);
  g_clear_object (&fetch->cached);
  g_free (fetch);
}

static void
case_fetched_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CsSession *self = g_task_get_source_object (task);
  FetchCase *fetch = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(CsCase) kase = NULL;

  kase = cs_client_get_case_finish (CS_CLIENT (object), result, &etag, &error);
  if (kase != NULL)
    {
      g_autoptr(GError) store_error = NULL;

      if (self->cache != NULL && !cs_cache_store_case (self->cache, kase, etag, &store_error))
        g_warning ("Case %s could not be cached: %s", fetch->case_id, store_error->message);
      g_task_return_pointer (task, g_steal_pointer (&kase), g_object_unref);
    }
  else if (error == NULL && fetch->cached != NULL)
    /* 304: the cached copy is current. */
    g_task_return_pointer (task, g_object_ref (fetch->cached), g_object_unref);
  else
    {
      if (error == NULL)
        error = g_error_new_literal (CS_ERROR, CS_ERROR_PROTOCOL,
                                     _("The server answered “not modified” for a case this "
                                       "desk does not hold"));
      g_task_return_error (task, g_steal_pointer (&error));
    }
}

/**
 * cs_session_fetch_case_async:
 * @self: a #CsSession
 * @case_id: the case's ID
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the case in full
 * @user_data: data for @callback
 *
 * Asks the server for the case in full, sending the cached copy's ETag so
 * that an unchanged case costs no transfer; the answer goes into the cache.
 */
void
cs_session_fetch_case_async (CsSession           *self,
                             const char          *case_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  FetchCase *fetch;

  g_return_if_fail (CS_IS_SESSION (self));
  g_return_if_fail (case_id != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cs_session_fetch_case_async);
  if (self->client == NULL)
    {
      g_task_return_new_error (task, CS_ERROR, CS_ERROR_NOT_SIGNED_IN, _("Not signed in"));
      return;
    }

  fetch = g_new0 (FetchCase, 1);
  fetch->case_id = g_strdup (case_id);
  fetch->cached = cs_cache_load_case (self->cache, case_id, &etag, &error);
  if (error != NULL)
    g_warning ("Case %s could not be read from the cache: %s", case_id, error->message);
  g_task_set_task_data (task, fetch, (GDestroyNotify)fetch_case_free);

  cs_client_get_case_async (self->client, case_id, fetch->cached != NULL ? etag : NULL,
                            cancellable, case_fetched_cb, g_steal_pointer (&task));
}

/**
 * cs_session_fetch_case_finish:
 * @self: a #CsSession
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the case in full
 */
CsCase *
cs_session_fetch_case_finish (CsSession     *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  char *sha256;
  GFileProgressCallback progress;
  gpointer progress_data;
} FetchMaterial;

static void
fetch_material_free (FetchMaterial *fetch)
{
  g_free (fetch->sha256);
  g_free (fetch);
}

static void
material_downloaded_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CsSession *self = g_task_get_source_object (task);
  FetchMaterial *fetch = g_task_get_task_data (task);
  GError *error = NULL;
  GFile *file;

  if (!cs_client_download_finish (CS_CLIENT (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (self->cache == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Signed out"));
      return;
    }
  file = cs_cache_commit_material (self->cache, fetch->sha256, &error);
  if (file == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, file, g_object_unref);
}

/**
 * cs_session_fetch_material_async:
 * @self: a #CsSession
 * @case_id: the case the material belongs to
 * @material: the material
 * @progress: (nullable) (scope notified): called as bytes arrive
 * @progress_data: data for @progress
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the material's file
 * @user_data: data for @callback
 *
 * Finds the material in the cache, or downloads it there (resuming an
 * earlier attempt), checked against its SHA-256 either way.
 */
void
cs_session_fetch_material_async (CsSession             *self,
                                 const char            *case_id,
                                 CsMaterial            *material,
                                 GFileProgressCallback  progress,
                                 gpointer               progress_data,
                                 GCancellable          *cancellable,
                                 GAsyncReadyCallback    callback,
                                 gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GFile) cached = NULL;
  g_autoptr(GFile) partial = NULL;
  const char *sha256;
  FetchMaterial *fetch;

  g_return_if_fail (CS_IS_SESSION (self));
  g_return_if_fail (case_id != NULL);
  g_return_if_fail (CS_IS_MATERIAL (material));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cs_session_fetch_material_async);
  if (self->cache == NULL)
    {
      g_task_return_new_error (task, CS_ERROR, CS_ERROR_NOT_SIGNED_IN, _("Not signed in"));
      return;
    }

  sha256 = cs_material_get_sha256 (material);
  cached = cs_cache_lookup_material (self->cache, sha256);
  if (cached != NULL)
    {
      g_task_return_pointer (task, g_steal_pointer (&cached), g_object_unref);
      return;
    }

  partial = cs_cache_get_partial_file (self->cache, sha256);
  if (partial == NULL)
    {
      g_task_return_new_error (task, CS_ERROR, CS_ERROR_PROTOCOL,
                               _("The server named the material “%s” with a malformed "
                                 "digest"), cs_material_get_name (material));
      return;
    }

  fetch = g_new0 (FetchMaterial, 1);
  fetch->sha256 = g_strdup (sha256);
  g_task_set_task_data (task, fetch, (GDestroyNotify)fetch_material_free);
  cs_client_download_async (self->client, case_id, cs_material_get_id (material), sha256,
                            partial, progress, progress_data, cancellable,
                            material_downloaded_cb, g_steal_pointer (&task));
}

/**
 * cs_session_fetch_material_finish:
 * @self: a #CsSession
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the material's file in the cache
 */
GFile *
cs_session_fetch_material_finish (CsSession     *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* A write is safe once queued; it goes out now when the server answers,
 * else whenever it is back. */
static CsOutboxItem *
queued (CsSession    *self,
        CsOutboxItem *item)
{
  if (item != NULL && self->online)
    drain_outbox (self);
  return item;
}

static gboolean
check_signed_in (CsSession  *self,
                 GError    **error)
{
  if (self->outbox != NULL)
    return TRUE;
  g_set_error_literal (error, CS_ERROR, CS_ERROR_NOT_SIGNED_IN, _("Not signed in"));
  return FALSE;
}

/**
 * cs_session_claim:
 * @self: a #CsSession
 * @case_id: the case to claim
 * @error: return location for an error
 *
 * Queues the claim of a case in the outbox and sends it when online.
 *
 * Returns: (transfer full) (nullable): the queued write
 */
CsOutboxItem *
cs_session_claim (CsSession   *self,
                  const char  *case_id,
                  GError     **error)
{
  g_return_val_if_fail (CS_IS_SESSION (self), NULL);

  if (!check_signed_in (self, error))
    return NULL;
  return queued (self, cs_outbox_enqueue_claim (self->outbox, case_id, NULL, error));
}

static gboolean
check_chief (CsSession  *self,
             GError    **error)
{
  if (!check_signed_in (self, error))
    return FALSE;
  if (self->user == NULL || !cs_user_is_chief (self->user))
    {
      g_set_error_literal (error, CS_ERROR, CS_ERROR_FORBIDDEN,
                           _("Only the department’s chief representative distributes its work"));
      return FALSE;
    }
  return TRUE;
}

/**
 * cs_session_assign:
 * @self: a #CsSession
 * @case_ids: the cases to hand on, at least one
 * @assignee: the approver's username
 * @reason: why, for the audit trail
 * @error: return location for an error
 *
 * Queues the chief representative's assignment of cases in the outbox,
 * one write for all of them, and sends it when online.
 *
 * Returns: (transfer full) (nullable): the queued write
 */
CsOutboxItem *
cs_session_assign (CsSession          *self,
                   const char * const *case_ids,
                   const char         *assignee,
                   const char         *reason,
                   GError            **error)
{
  g_return_val_if_fail (CS_IS_SESSION (self), NULL);

  if (!check_chief (self, error))
    return NULL;
  return queued (self, cs_outbox_enqueue_assignment (self->outbox,
                                                     cs_user_get_department (self->user),
                                                     case_ids, assignee, reason, error));
}

/**
 * cs_session_add_substitution:
 * @self: a #CsSession
 * @absent: the absent approver's username
 * @substitute: the username of who stands in
 * @from: the first day
 * @to: the last day, inclusive
 * @reason: why, for the audit trail
 * @error: return location for an error
 *
 * Queues a substitution in the outbox and sends it when online.
 *
 * Returns: (transfer full) (nullable): the queued write
 */
CsOutboxItem *
cs_session_add_substitution (CsSession    *self,
                             const char   *absent,
                             const char   *substitute,
                             const GDate  *from,
                             const GDate  *to,
                             const char   *reason,
                             GError      **error)
{
  g_return_val_if_fail (CS_IS_SESSION (self), NULL);

  if (!check_chief (self, error))
    return NULL;
  return queued (self, cs_outbox_enqueue_substitution (self->outbox,
                                                       cs_user_get_department (self->user),
                                                       absent, substitute, from, to, reason,
                                                       error));
}

/**
 * cs_session_release:
 * @self: a #CsSession
 * @case_id: the case to give back
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the queued write
 */
CsOutboxItem *
cs_session_release (CsSession   *self,
                    const char  *case_id,
                    GError     **error)
{
  g_return_val_if_fail (CS_IS_SESSION (self), NULL);

  if (!check_signed_in (self, error))
    return NULL;
  return queued (self, cs_outbox_enqueue_release (self->outbox, case_id, NULL, error));
}

/**
 * cs_session_save_review:
 * @self: a #CsSession
 * @case_id: the case reviewed
 * @opinion: the review opinion
 * @proposed_outcome: the outcome proposed to the chief representative
 * @final: %TRUE to submit it for decision, %FALSE for a draft
 * @verdicts: (element-type CsVerdict): the checklist verdicts
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the queued write
 */
CsOutboxItem *
cs_session_save_review (CsSession   *self,
                        const char  *case_id,
                        const char  *opinion,
                        CsOutcome    proposed_outcome,
                        gboolean     final,
                        GPtrArray   *verdicts,
                        GError     **error)
{
  g_return_val_if_fail (CS_IS_SESSION (self), NULL);

  if (!check_signed_in (self, error))
    return NULL;
  return queued (self, cs_outbox_enqueue_review (self->outbox, case_id, opinion,
                                                 proposed_outcome, final, verdicts, error));
}

/**
 * cs_session_queue_decision:
 * @self: a #CsSession
 * @case_id: the case decided
 * @payload: the signed bytes
 * @signature: their detached CMS signature
 * @document: the decision document whose SHA-256 @payload names
 * @error: return location for an error
 *
 * Queues a signed decision in the outbox, against the version of the case
 * kept in the cache (the one the decision was drafted from), and sends it
 * when online.
 *
 * Returns: (transfer full) (nullable): the queued write
 */
CsOutboxItem *
cs_session_queue_decision (CsSession   *self,
                           const char  *case_id,
                           GBytes      *payload,
                           GBytes      *signature,
                           GBytes      *document,
                           GError     **error)
{
  g_autoptr(CsCase) cached = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *etag = NULL;

  g_return_val_if_fail (CS_IS_SESSION (self), NULL);

  if (!check_signed_in (self, error))
    return NULL;
  cached = cs_cache_load_case (self->cache, case_id, &etag, &local_error);
  if (cached == NULL || etag == NULL)
    {
      if (local_error == NULL)
        g_set_error (&local_error, CS_ERROR, CS_ERROR_CACHE,
                     _("The case %s is not kept in full on this computer: open it again"),
                     case_id);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return queued (self, cs_outbox_enqueue_decision (self->outbox, case_id, etag, payload,
                                                   signature, document, error));
}
