/* cs-application.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsApplication"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-application.h"
#include "cs-preferences-window.h"
#include "cs-session.h"
#include "cs-viewer-window.h"
#include "cs-window.h"

struct _CsApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  CsSession *session;
  CsPluginHost *plugin_host;
  char *server_url;
  char *ca_file;
  char *data_dir;
  GDate today;
};

G_DEFINE_FINAL_TYPE (CsApplication, cs_application, ADW_TYPE_APPLICATION)

static int
cs_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  CsApplication *self = CS_APPLICATION (app);
  const char *text = NULL;

  if (g_variant_dict_lookup (options, "version", "b", NULL))
    {
      g_print ("countersign %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }
  g_variant_dict_lookup (options, "server", "s", &self->server_url);
  g_variant_dict_lookup (options, "ca-file", "^ay", &self->ca_file);
  g_variant_dict_lookup (options, "data-dir", "^ay", &self->data_dir);
  if (g_variant_dict_lookup (options, "today", "&s", &text))
    {
      g_autoptr(GError) error = NULL;

      if (!cs_validate_date (text, &self->today, &error))
        {
          g_printerr ("countersign: --today: %s\n", error->message);
          return EXIT_FAILURE;
        }
    }
  return -1;
}

/* `--server URL` (and `--ca-file`) goes in the settings, where the
 * desk's start and the sign-in page look: another server forgets the user
 * remembered for the last one. */
static void
remember_server_option (CsApplication *self)
{
  g_autofree char *last_server = g_settings_get_string (self->settings, "server-url");
  g_autofree char *normalized = NULL;
  gboolean same;

  if (self->server_url == NULL)
    return;

  normalized = cs_client_normalize_url (self->server_url, NULL);
  same = normalized != NULL && g_strcmp0 (normalized, last_server) == 0;
  g_settings_set_string (self->settings, "server-url",
                         normalized != NULL ? normalized : self->server_url);
  if (self->ca_file != NULL || !same)
    g_settings_set_string (self->settings, "ca-file", self->ca_file != NULL ? self->ca_file : "");
  if (!same)
    g_settings_set_string (self->settings, "username", "");
}

static void
cs_application_startup (GApplication *app)
{
  CsApplication *self = CS_APPLICATION (app);
  g_autofree char *data_dir = NULL;
  g_autofree char *server = NULL;
  g_autofree char *username = NULL;

  data_dir = self->data_dir != NULL ? g_strdup (self->data_dir)
                                    : g_build_filename (g_get_user_data_dir (), "countersign",
                                                        NULL);
  self->settings = g_settings_new (APP_ID);
  remember_server_option (self);
  self->session = cs_session_new (data_dir);
  if (g_date_valid (&self->today))
    cs_session_set_today (self->session, &self->today);

  /* The inbox of the account the desk opens on is read from its cache
   * while GTK starts up (it takes about as long). */
  server = g_settings_get_string (self->settings, "server-url");
  username = g_settings_get_string (self->settings, "username");
  if (*server != '\0' && *username != '\0')
    cs_session_preload (self->session, server, username);

  G_APPLICATION_CLASS (cs_application_parent_class)->startup (app);

  /* Before the first window: the case view asks it for panels. */
  self->plugin_host = cs_plugin_host_new (self->settings);
  gtk_window_set_default_icon_name (APP_ID);
}

static void
cs_application_activate (GApplication *app)
{
  CsApplication *self = CS_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = GTK_WINDOW (cs_window_new (ADW_APPLICATION (app), self->session, self->settings));
      cs_window_start (CS_WINDOW (window));
    }
  gtk_window_present (window);
}

/* `countersign FILE…`: each file in a viewer window of its own, to read a
 * material received outside the desk without signing in. */
static void
cs_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  CsApplication *self = CS_APPLICATION (app);

  /* Only viewers, no inbox (unless one is open already). */
  if (gtk_application_get_active_window (GTK_APPLICATION (app)) == NULL)
    cs_session_drop_preload (self->session);

  for (int i = 0; i < n_files; i++)
    {
      g_autoptr(GFileInfo) info = NULL;
      g_autofree char *media_type = NULL;
      g_autofree char *name = g_file_get_basename (files[i]);
      const char *content_type = NULL;
      GtkWindow *window;

      info = g_file_query_info (files[i], G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE,
                                G_FILE_QUERY_INFO_NONE, NULL, NULL);
      if (info != NULL)
        content_type = g_file_info_get_content_type (info);
      if (content_type != NULL)
        media_type = g_content_type_get_mime_type (content_type);
      /* Anything but a JPEG or PNG scan is tried as a PDF: the viewer says
       * so if it is not one. */
      if (g_strcmp0 (media_type, "image/jpeg") != 0 && g_strcmp0 (media_type, "image/png") != 0)
        {
          g_free (media_type);
          media_type = g_strdup ("application/pdf");
        }
      window = cs_viewer_window_new (GTK_APPLICATION (app), files[i], media_type, name);
      gtk_window_present (window);
    }
}

static void
cs_application_shutdown (GApplication *app)
{
  CsApplication *self = CS_APPLICATION (app);

  G_APPLICATION_CLASS (cs_application_parent_class)->shutdown (app);
  g_clear_object (&self->plugin_host);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);
}

static void
cs_application_finalize (GObject *object)
{
  CsApplication *self = (CsApplication *) object;

  g_free (self->server_url);
  g_free (self->ca_file);
  g_free (self->data_dir);

  G_OBJECT_CLASS (cs_application_parent_class)->finalize (object);
}

static void
cs_application_class_init (CsApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = cs_application_finalize;
  app_class->handle_local_options = cs_application_handle_local_options;
  app_class->startup = cs_application_startup;
  app_class->activate = cs_application_activate;
  app_class->open = cs_application_open;
  app_class->shutdown = cs_application_shutdown;
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  const char *developers[] = { _("The Countersign authors"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-icon", APP_ID,
                        "application-name", _("Countersign"),
                        "developer-name", _("The Countersign authors"),
                        "version", PACKAGE_VERSION,
                        "comments", _("The back-office desk of a one-window service centre: "
                                      "review forwarded cases against the checklist and the "
                                      "legal deadlines, and sign the decisions."),
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: put your names here, one a line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  CsApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->plugin_host == NULL)
    return;
  gtk_window_present (GTK_WINDOW (cs_preferences_window_new (parent, self->plugin_host)));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "preferences", preferences_action },
  { "quit", quit_action },
};

static void
cs_application_init (CsApplication *self)
{
  const GOptionEntry options[] = {
    { "server", 's', 0, G_OPTION_ARG_STRING, NULL,
      N_("Use the central platform at URL"), N_("URL") },
    { "ca-file", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Also trust the CA certificates in FILE for that server"), N_("FILE") },
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Keep the offline cache in DIR"), N_("DIR") },
    { "today", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Count deadlines as if today were DATE (for demonstrations and tests)"),
      N_("YYYY-MM-DD") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version"), NULL },
    { NULL }
  };
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *preferences_accels[] = { "<Control>comma", NULL };
  const char *shortcuts_accels[] = { "<Control>question", NULL };

  g_date_clear (&self->today, 1);
  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("The back-office approval desk"));
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         shortcuts_accels);
}

CsApplication *
cs_application_new (void)
{
  return g_object_new (CS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/countersign/Desk",
                       NULL);
}

/**
 * cs_application_get_plugin_host:
 * @self: a #CsApplication
 *
 * Returns: (transfer none) (nullable): the department plugins, from
 *   start-up to shutdown
 */
CsPluginHost *
cs_application_get_plugin_host (CsApplication *self)
{
  g_return_val_if_fail (CS_IS_APPLICATION (self), NULL);
  return self->plugin_host;
}
