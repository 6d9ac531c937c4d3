/* cs-window.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsWindow"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-application.h"
#include "cs-case-view.h"
#include "cs-clock-watcher.h"
#include "cs-department-page.h"
#include "cs-inbox-page.h"
#include "cs-sign-in-page.h"
#include "cs-window.h"

struct _CsWindow
{
  AdwApplicationWindow parent_instance;

  CsSession *session;
  GSettings *settings;
  GCancellable *cancellable;
  CsClockWatcher *clock_watcher;
  GtkWindow *shortcuts_window;  /* weak: while it is open */

  CsCaseView *case_view;
  CsInboxPage *inbox_page;
  AdwStatusPage *loading_page;
  CsSignInPage *sign_in_page;
  GtkStack *stack;
  AdwToastOverlay *toast_overlay;
};

G_DEFINE_FINAL_TYPE (CsWindow, cs_window, ADW_TYPE_APPLICATION_WINDOW)

static void
toast (CsWindow   *self,
       const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
show_sign_in (CsWindow   *self,
              const char *message)
{
  g_autofree char *server = g_settings_get_string (self->settings, "server-url");
  g_autofree char *ca_file = g_settings_get_string (self->settings, "ca-file");
  g_autofree char *username = g_settings_get_string (self->settings, "username");

  cs_case_view_close (self->case_view);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-out", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.department", FALSE);
  gtk_stack_set_visible_child_name (self->stack, "sign-in");
  cs_sign_in_page_prefill (self->sign_in_page, server, ca_file, username);
  cs_sign_in_page_show_message (self->sign_in_page, message);
}

static void
show_inbox (CsWindow *self)
{
  CsUser *user = cs_session_get_user (self->session);

  cs_case_view_close (self->case_view);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-out", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.department",
                                 user != NULL && cs_user_is_chief (user));
  /* Focus leaves the sign-in form before it is hidden: a text field
   * unmapped while focused never sees its focus-out. */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_stack_set_visible_child_name (self->stack, "inbox");
  gtk_widget_grab_focus (GTK_WIDGET (self->inbox_page));
}

/* The last server and user are remembered; the token never leaves the
 * keyring. */
static void
remember_account (CsWindow *self)
{
  const char *server = cs_session_get_server_url (self->session);
  const char *username = cs_session_get_username (self->session);

  g_settings_set_string (self->settings, "server-url", server != NULL ? server : "");
  g_settings_set_string (self->settings, "username", username != NULL ? username : "");
}

static void
on_case_activated (CsWindow *self,
                   CsCase   *kase)
{
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  cs_case_view_open (self->case_view, kase);
  gtk_stack_set_visible_child_name (self->stack, "case");
  gtk_widget_grab_focus (GTK_WIDGET (self->case_view));
}

/* Back to the inbox as it was left: its selection and scroll position are
 * untouched, and the keyboard is on the list again. */
static void
on_case_back (CsWindow *self)
{
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  cs_case_view_close (self->case_view);
  gtk_stack_set_visible_child_name (self->stack, "inbox");
  gtk_widget_grab_focus (GTK_WIDGET (self->inbox_page));
}

static void
on_signed_in (CsWindow *self)
{
  remember_account (self);
  show_inbox (self);
  if (!cs_session_get_token_kept (self->session))
    toast (self, _("The keyring is not available: you will be asked for your password next time"));
}

static void
resumed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(CsWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->cancellable);
  if (!cs_session_resume_finish (CS_SESSION (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* No token is no failure: the person signs in. */
      show_sign_in (self, g_error_matches (error, CS_ERROR, CS_ERROR_NOT_SIGNED_IN)
                          ? NULL : error->message);
      return;
    }
  remember_account (self);
  show_inbox (self);
}

/**
 * cs_window_start:
 * @self: a #CsWindow
 *
 * Opens the desk on the account the settings remember (the application
 * puts `--server` in them first): signed in with a token from the
 * environment or the keyring when there is one, else on the sign-in page.
 */
void
cs_window_start (CsWindow *self)
{
  g_autofree char *server = NULL;
  g_autofree char *ca_file = NULL;
  g_autofree char *username = NULL;

  g_return_if_fail (CS_IS_WINDOW (self));

  server = g_settings_get_string (self->settings, "server-url");
  ca_file = g_settings_get_string (self->settings, "ca-file");
  username = g_settings_get_string (self->settings, "username");
  if (*server == '\0' || (*username == '\0' && g_getenv ("COUNTERSIGN_TOKEN") == NULL))
    {
      show_sign_in (self, NULL);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "loading");
  self->cancellable = g_cancellable_new ();
  cs_session_resume_async (self->session, server, ca_file, *username != '\0' ? username : NULL,
                           self->cancellable, resumed_cb, g_object_ref (self));
}

static void
signed_out_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(CsWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!cs_session_sign_out_finish (CS_SESSION (object), result, &error))
    toast (self, error->message);
  show_sign_in (self, NULL);
}

static void
sign_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CsWindow *self = CS_WINDOW (widget);

  cs_session_sign_out_async (self->session, NULL, signed_out_cb, g_object_ref (self));
}

/* The keyboard shortcuts, built when asked for and destroyed when closed.
 * Not GtkApplication's help overlay (gtk/help-overlay.ui under the resource
 * base path), which stays a hidden toplevel for the whole run: GTK 4.8
 * answers an accessibility client's GetChildAtIndex past the visible
 * windows (one that closed since the client's ChildCount) with the last
 * toplevel, and a hidden one has no object path, a critical warning. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  CsWindow *self = CS_WINDOW (widget);

  if (self->shortcuts_window == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/org/countersign/Desk/cs-shortcuts-window.ui");

      self->shortcuts_window = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
      g_object_add_weak_pointer (G_OBJECT (self->shortcuts_window),
                                 (gpointer *) &self->shortcuts_window);
      gtk_window_set_transient_for (self->shortcuts_window, GTK_WINDOW (self));
    }
  gtk_window_present (self->shortcuts_window);
}

/* The chief representative's overview, in a window of its own beside the
 * inbox. */
static void
department_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CsWindow *self = CS_WINDOW (widget);
  GtkWidget *window = adw_window_new ();

  gtk_window_set_title (GTK_WINDOW (window), _("Department"));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_default_size (GTK_WINDOW (window), 980, 760);
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (cs_department_page_new (self->session)));
  gtk_window_present (GTK_WINDOW (window));
}

static void
cs_window_dispose (GObject *object)
{
  CsWindow *self = (CsWindow *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->shortcuts_window != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->shortcuts_window),
                                    (gpointer *) &self->shortcuts_window);
      gtk_window_destroy (g_steal_pointer (&self->shortcuts_window));
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_WINDOW);
  g_clear_object (&self->clock_watcher);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cs_window_parent_class)->dispose (object);
}

static void
cs_window_class_init (CsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_window_dispose;

  g_type_ensure (CS_TYPE_CASE_VIEW);
  g_type_ensure (CS_TYPE_INBOX_PAGE);
  g_type_ensure (CS_TYPE_SIGN_IN_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/countersign/Desk/cs-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CsWindow, case_view);
  gtk_widget_class_bind_template_child (widget_class, CsWindow, inbox_page);
  gtk_widget_class_bind_template_child (widget_class, CsWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, CsWindow, sign_in_page);
  gtk_widget_class_bind_template_child (widget_class, CsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CsWindow, toast_overlay);
  gtk_widget_class_bind_template_callback (widget_class, on_case_activated);
  gtk_widget_class_bind_template_callback_full (widget_class, "spinner_start",
                                                  G_CALLBACK (gtk_spinner_start));
  gtk_widget_class_bind_template_callback_full (widget_class, "spinner_stop",
                                                  G_CALLBACK (gtk_spinner_stop));
  gtk_widget_class_bind_template_callback (widget_class, on_case_back);
  gtk_widget_class_bind_template_callback (widget_class, on_signed_in);

  gtk_widget_class_install_action (widget_class, "win.sign-out", NULL, sign_out_action);
  gtk_widget_class_install_action (widget_class, "win.department", NULL, department_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_action);
}

static void
cs_window_init (CsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CsWindow *
cs_window_new (AdwApplication *application,
               CsSession      *session,
               GSettings      *settings)
{
  CsWindow *self = g_object_new (CS_TYPE_WINDOW, "application", application, NULL);

  self->session = g_object_ref (session);
  self->settings = g_object_ref (settings);
  cs_sign_in_page_set_session (self->sign_in_page, session);
  cs_inbox_page_set_session (self->inbox_page, session);
  cs_case_view_set_session (self->case_view, session);
  /* Yellow and red warnings on the desktop, once per case and state. */
  self->clock_watcher = cs_clock_watcher_new (NULL);
  cs_clock_watcher_watch (self->clock_watcher, G_APPLICATION (application), session);
  cs_case_view_set_plugin_host (self->case_view,
                                cs_application_get_plugin_host (CS_APPLICATION (application)));

  g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "inbox-scope", self->inbox_page, "scope", G_SETTINGS_BIND_DEFAULT);
  return self;
}
