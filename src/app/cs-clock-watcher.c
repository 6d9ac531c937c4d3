/* cs-clock-watcher.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsClockWatcher"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-case-info.h"
#include "cs-clock-watcher.h"

/**
 * CsClockWatcher:
 *
 * Warns on the desktop (GNotification) when a case's clock turns yellow
 * (the deadline near) or red (overdue), as the inbox colours it, at most
 * once per case and state: the warnings given are kept in a key file of
 * the account, so that the next start, the next sync or the next day
 * does not repeat them. A case that goes from on track straight to red is
 * warned about once, as red. Many new warnings at once (the first sign-in
 * of the day) become one summary per state.
 */
struct _CsClockWatcher
{
  GObject parent_instance;

  char *state_path;
  GKeyFile *notified;     /* [notified] CASE_ID=yellow;red */

  GApplication *application;  /* (weak) while watching */
  CsSession *session;
  guint idle_id;
  guint timeout_id;
};

G_DEFINE_FINAL_TYPE (CsClockWatcher, cs_clock_watcher, G_TYPE_OBJECT)

#define GROUP "notified"
#define MAX_SINGLE 3
#define RECHECK_SECONDS (10 * 60)

void
cs_clock_crossing_free (CsClockCrossing *crossing)
{
  g_free (crossing->case_id);
  g_free (crossing->number);
  g_free (crossing);
}

static void
cs_clock_watcher_dispose (GObject *object)
{
  CsClockWatcher *self = (CsClockWatcher *)object;

  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (cs_session_get_cases (self->session), self);
  g_clear_object (&self->session);
  g_clear_weak_pointer (&self->application);

  G_OBJECT_CLASS (cs_clock_watcher_parent_class)->dispose (object);
}

static void
cs_clock_watcher_finalize (GObject *object)
{
  CsClockWatcher *self = (CsClockWatcher *)object;

  g_free (self->state_path);
  g_key_file_unref (self->notified);

  G_OBJECT_CLASS (cs_clock_watcher_parent_class)->finalize (object);
}

static void
cs_clock_watcher_class_init (CsClockWatcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cs_clock_watcher_dispose;
  object_class->finalize = cs_clock_watcher_finalize;
}

static void
cs_clock_watcher_init (CsClockWatcher *self)
{
  self->notified = g_key_file_new ();
}

static void
load_state (CsClockWatcher *self,
            const char     *state_path)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (self->state_path, state_path) == 0)
    return;

  g_free (self->state_path);
  self->state_path = g_strdup (state_path);
  g_key_file_unref (self->notified);
  self->notified = g_key_file_new ();
  if (state_path != NULL &&
      !g_key_file_load_from_file (self->notified, state_path, G_KEY_FILE_NONE, &error) &&
      !g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    g_warning ("The warnings already given cannot be read from %s: %s", state_path,
               error->message);
}

/**
 * cs_clock_watcher_new:
 * @state_path: (nullable): the key file of the warnings given; %NULL to
 *   keep them in memory only
 *
 * Returns: (transfer full): a new watcher
 */
CsClockWatcher *
cs_clock_watcher_new (const char *state_path)
{
  CsClockWatcher *self = g_object_new (CS_TYPE_CLOCK_WATCHER, NULL);

  load_state (self, state_path);
  return self;
}

static const char *
state_name (CsClockState state)
{
  return state == CS_CLOCK_STATE_RED ? "red" : "yellow";
}

static gboolean
was_notified (CsClockWatcher *self,
              const char     *case_id,
              CsClockState    state)
{
  g_auto(GStrv) states = g_key_file_get_string_list (self->notified, GROUP, case_id, NULL, NULL);

  return states != NULL && g_strv_contains ((const char * const *)states, state_name (state));
}

static void
mark_notified (CsClockWatcher *self,
               const char     *case_id,
               CsClockState    state)
{
  g_auto(GStrv) states = g_key_file_get_string_list (self->notified, GROUP, case_id, NULL, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;

  if (states != NULL)
    g_strv_builder_addv (builder, (const char **)states);
  g_strv_builder_add (builder, state_name (state));
  updated = g_strv_builder_end (builder);
  g_key_file_set_string_list (self->notified, GROUP, case_id, (const char * const *)updated,
                              g_strv_length (updated));
}

/**
 * cs_clock_watcher_check:
 * @self: a #CsClockWatcher
 * @cases: (element-type CsCase): the inbox
 * @calendar: the working-day calendar
 * @today: the day the clocks are seen from
 * @error: return location for an error saving the warnings given
 *
 * Finds the cases whose clock is yellow or red on @today and was not
 * warned about in that state before, and records them as warned.
 *
 * Returns: (transfer full) (element-type CsClockCrossing): the new
 *   crossings, in the order of @cases; %NULL with @error set when they
 *   could not be recorded
 */
GPtrArray *
cs_clock_watcher_check (CsClockWatcher *self,
                        GListModel     *cases,
                        CsCalendar     *calendar,
                        const GDate    *today,
                        GError        **error)
{
  g_autoptr(GPtrArray) crossings = g_ptr_array_new_with_free_func ((GDestroyNotify)cs_clock_crossing_free);
  guint n;

  g_return_val_if_fail (CS_IS_CLOCK_WATCHER (self), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (cases), NULL);
  g_return_val_if_fail (CS_IS_CALENDAR (calendar), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  n = g_list_model_get_n_items (cases);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsCase) kase = g_list_model_get_item (cases, i);
      const CsCaseInfo *info = cs_case_info_get (kase, calendar, today);
      CsClockCrossing *crossing;

      if (!info->has_clock || info->closed ||
          (info->worst_state != CS_CLOCK_STATE_YELLOW && info->worst_state != CS_CLOCK_STATE_RED) ||
          was_notified (self, cs_case_get_id (kase), info->worst_state))
        continue;

      crossing = g_new0 (CsClockCrossing, 1);
      crossing->case_id = g_strdup (cs_case_get_id (kase));
      crossing->number = g_strdup (cs_case_get_number (kase));
      crossing->state = info->worst_state;
      g_ptr_array_add (crossings, crossing);
      mark_notified (self, crossing->case_id, crossing->state);
    }

  if (crossings->len > 0 && self->state_path != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self->state_path);

      if (g_mkdir_with_parents (dir, 0700) != 0 ||
          !g_key_file_save_to_file (self->notified, self->state_path, error))
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                         _("The folder %s cannot be created"), dir);
          return NULL;
        }
    }

  return g_steal_pointer (&crossings);
}

/* One notification a case, or one a state when there are many. */
static void
send_notifications (GApplication *application,
                    GPtrArray    *crossings)
{
  guint n_red = 0, n_yellow = 0;

  for (guint i = 0; i < crossings->len; i++)
    {
      CsClockCrossing *c = g_ptr_array_index (crossings, i);

      if (c->state == CS_CLOCK_STATE_RED)
        n_red++;
      else
        n_yellow++;
    }

  if (crossings->len <= MAX_SINGLE)
    {
      for (guint i = 0; i < crossings->len; i++)
        {
          CsClockCrossing *c = g_ptr_array_index (crossings, i);
          g_autoptr(GNotification) notification = NULL;
          g_autofree char *title = NULL;
          g_autofree char *id = g_strdup_printf ("clock-%s-%s", c->case_id, state_name (c->state));

          title = g_strdup_printf (c->state == CS_CLOCK_STATE_RED ? _("Case %s is overdue")
                                                                  : _("Case %s is nearly due"),
                                   c->number);
          notification = g_notification_new (title);
          g_notification_set_body (notification,
                                   c->state == CS_CLOCK_STATE_RED
                                   ? _("Its deadline has passed: decide it, or record an extension "
                                       "or a suspension.")
                                   : _("The last fifth of its limit has begun."));
          g_notification_set_priority (notification, c->state == CS_CLOCK_STATE_RED
                                                     ? G_NOTIFICATION_PRIORITY_HIGH
                                                     : G_NOTIFICATION_PRIORITY_NORMAL);
          g_application_send_notification (application, id, notification);
        }
      return;
    }

  if (n_red > 0)
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u case is overdue",
                                                             "%u cases are overdue", n_red), n_red);
      g_autoptr(GNotification) notification = g_notification_new (title);

      g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
      g_application_send_notification (application, "clock-red", notification);
    }
  if (n_yellow > 0)
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u case is nearly due",
                                                             "%u cases are nearly due", n_yellow),
                                                n_yellow);
      g_autoptr(GNotification) notification = g_notification_new (title);

      g_application_send_notification (application, "clock-yellow", notification);
    }
}

typedef struct
{
  GApplication *application;
  GPtrArray *crossings;
} Pending;

static void
pending_free (Pending *pending)
{
  g_object_unref (pending->application);
  g_ptr_array_unref (pending->crossings);
  g_free (pending);
}

static void
has_server_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Pending *pending = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_owner = FALSE;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &has_owner);
  if (has_owner)
    send_notifications (pending->application, pending->crossings);
  else
    g_debug ("No notification server on the session bus: %u warnings not shown",
             pending->crossings->len);
  pending_free (pending);
}

/**
 * cs_clock_watcher_notify:
 * @self: a #CsClockWatcher
 * @application: the desk, registered on the session bus
 * @crossings: (element-type CsClockCrossing): from cs_clock_watcher_check()
 *
 * Sends the desktop notifications, when the session has a notification
 * server (GLib would only complain otherwise): one a case, or one a state
 * when there are many. The inbox shows the same colours either way.
 */
void
cs_clock_watcher_notify (CsClockWatcher *self,
                         GApplication   *application,
                         GPtrArray      *crossings)
{
  GDBusConnection *bus;
  Pending *pending;

  g_return_if_fail (CS_IS_CLOCK_WATCHER (self));
  g_return_if_fail (G_IS_APPLICATION (application));

  bus = g_application_get_dbus_connection (application);
  if (bus == NULL || crossings->len == 0)
    return;

  pending = g_new0 (Pending, 1);
  pending->application = g_object_ref (application);
  pending->crossings = g_ptr_array_ref (crossings);
  g_dbus_connection_call (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                          "org.freedesktop.DBus", "NameHasOwner",
                          g_variant_new ("(s)", "org.freedesktop.Notifications"),
                          G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, 5000, NULL,
                          has_server_cb, pending);
}

static gboolean
check_now (gpointer user_data)
{
  CsClockWatcher *self = user_data;
  CsCalendar *calendar = cs_session_get_calendar (self->session);
  CsCache *cache = cs_session_get_cache (self->session);
  g_autoptr(GPtrArray) crossings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GDate today;

  self->idle_id = 0;
  if (calendar == NULL || cache == NULL || self->application == NULL)
    return G_SOURCE_REMOVE;

  /* Each account keeps its own record, beside its cache. */
  path = g_build_filename (cs_cache_get_directory (cache), "clock-warnings.ini", NULL);
  load_state (self, path);

  cs_session_get_today (self->session, &today);
  crossings = cs_clock_watcher_check (self, G_LIST_MODEL (cs_session_get_cases (self->session)),
                                      calendar, &today, &error);
  if (crossings == NULL)
    g_warning ("%s", error->message);
  else if (crossings->len > 0)
    cs_clock_watcher_notify (self, self->application, crossings);
  return G_SOURCE_REMOVE;
}

static void
schedule_check (CsClockWatcher *self)
{
  if (self->idle_id == 0)
    self->idle_id = g_timeout_add_seconds (1, check_now, self);
}

static void
cases_changed_cb (GListModel     *model,
                  guint           position,
                  guint           removed,
                  guint           added,
                  CsClockWatcher *self)
{
  schedule_check (self);
}

static gboolean
recheck_cb (gpointer user_data)
{
  schedule_check (user_data);
  return G_SOURCE_CONTINUE;
}

/**
 * cs_clock_watcher_watch:
 * @self: a #CsClockWatcher
 * @application: the desk, which sends the notifications
 * @session: the session whose inbox is watched
 *
 * Checks the inbox whenever it changes, and every ten minutes for the
 * clocks that run on by themselves.
 */
void
cs_clock_watcher_watch (CsClockWatcher *self,
                        GApplication   *application,
                        CsSession      *session)
{
  g_return_if_fail (CS_IS_CLOCK_WATCHER (self));
  g_return_if_fail (G_IS_APPLICATION (application));
  g_return_if_fail (CS_IS_SESSION (session));
  g_return_if_fail (self->session == NULL);

  g_set_weak_pointer (&self->application, application);
  self->session = g_object_ref (session);
  g_signal_connect (cs_session_get_cases (session), "items-changed",
                    G_CALLBACK (cases_changed_cb), self);
  self->timeout_id = g_timeout_add_seconds (RECHECK_SECONDS, recheck_cb, self);
}
