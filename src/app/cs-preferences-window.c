/* cs-preferences-window.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsPreferencesWindow"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-plugin.h"
#include "cs-preferences-window.h"

/* The desk's preferences; for now its department plugins: what each is,
 * whether it runs, why not, and a switch to turn it on or off. */
struct _CsPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  CsPluginHost *host;

  GtkListBox *list_box;
  GtkStack *stack;
};

G_DEFINE_FINAL_TYPE (CsPreferencesWindow, cs_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

typedef struct
{
  CsPreferencesWindow *window;  /* unowned: the window owns the rows */
  CsPlugin *plugin;
  GtkSwitch *toggle;
  GtkImage *icon;
  gboolean updating;
} PluginRow;

static void
plugin_row_free (gpointer data)
{
  PluginRow *row = data;

  g_clear_object (&row->plugin);
  g_free (row);
}

static void
update_row (AdwActionRow *action_row)
{
  PluginRow *row = g_object_get_data (G_OBJECT (action_row), "cs-plugin-row");
  CsPlugin *plugin = row->plugin;
  const char *description = cs_plugin_get_description (plugin);
  const char *department = cs_plugin_get_department_code (plugin);
  const char *version = cs_plugin_get_version (plugin);
  const char *error = cs_plugin_get_error (plugin);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *accessible = NULL;

  if (description != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (description, -1);

      g_string_append (subtitle, escaped);
    }
  {
    /* Translators: the department code (health) and version of a plugin */
    g_autofree char *details = g_markup_printf_escaped (_("Department: %s · Version %s"),
                                                        department != NULL ? department : "—",
                                                        version != NULL ? version : "—");

    if (subtitle->len > 0)
      g_string_append_c (subtitle, '\n');
    g_string_append (subtitle, details);
  }
  if (error != NULL)
    {
      g_autofree char *line = g_markup_printf_escaped ("\n<b>%s</b>", error);

      g_string_append (subtitle, line);
    }
  adw_action_row_set_subtitle (action_row, subtitle->str);

  gtk_widget_set_visible (GTK_WIDGET (row->icon), error != NULL);
  if (error != NULL)
    gtk_widget_set_tooltip_text (GTK_WIDGET (row->icon), error);

  row->updating = TRUE;
  gtk_switch_set_active (row->toggle, cs_plugin_get_enabled (plugin));
  gtk_widget_set_sensitive (GTK_WIDGET (row->toggle), cs_plugin_get_can_enable (plugin));
  row->updating = FALSE;

  /* Translators: the accessible name of a plugin's switch, %s is its name */
  accessible = g_strdup_printf (_("Use the plugin %s"), cs_plugin_get_name (plugin));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->toggle),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  error != NULL ? error : "",
                                  -1);
}

static void
on_plugin_notify (CsPlugin     *plugin,
                  GParamSpec   *pspec,
                  AdwActionRow *action_row)
{
  update_row (action_row);
}

static void
on_switch_active (GtkSwitch    *toggle,
                  GParamSpec   *pspec,
                  AdwActionRow *action_row)
{
  PluginRow *row = g_object_get_data (G_OBJECT (action_row), "cs-plugin-row");

  if (row->updating || row->window->host == NULL)
    return;
  cs_plugin_host_set_plugin_enabled (row->window->host, cs_plugin_get_module_name (row->plugin),
                                     gtk_switch_get_active (toggle));
  /* A plugin that refused to load flips its switch back, with the reason. */
  update_row (action_row);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  CsPreferencesWindow *self = user_data;
  CsPlugin *plugin = item;
  GtkWidget *action_row = adw_action_row_new ();
  PluginRow *row = g_new0 (PluginRow, 1);

  row->window = self;
  row->plugin = g_object_ref (plugin);
  row->toggle = GTK_SWITCH (gtk_switch_new ());
  row->icon = GTK_IMAGE (gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  gtk_widget_add_css_class (GTK_WIDGET (row->icon), "warning");
  gtk_widget_set_valign (GTK_WIDGET (row->toggle), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("The plugin failed"),
                                  -1);
  g_object_set_data_full (G_OBJECT (action_row), "cs-plugin-row", row, plugin_row_free);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (action_row), TRUE);
  {
    g_autofree char *title = g_markup_escape_text (cs_plugin_get_name (plugin), -1);

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action_row), title);
  }
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (action_row), 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (action_row), GTK_WIDGET (row->icon));
  adw_action_row_add_suffix (ADW_ACTION_ROW (action_row), GTK_WIDGET (row->toggle));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (action_row), GTK_WIDGET (row->toggle));

  update_row (ADW_ACTION_ROW (action_row));
  g_signal_connect_object (plugin, "notify", G_CALLBACK (on_plugin_notify), action_row, 0);
  g_signal_connect_object (row->toggle, "notify::active", G_CALLBACK (on_switch_active),
                           action_row, 0);
  return action_row;
}

static void
cs_preferences_window_dispose (GObject *object)
{
  CsPreferencesWindow *self = (CsPreferencesWindow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->host);

  G_OBJECT_CLASS (cs_preferences_window_parent_class)->dispose (object);
}

static void
cs_preferences_window_class_init (CsPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/countersign/Desk/cs-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CsPreferencesWindow, list_box);
  gtk_widget_class_bind_template_child (widget_class, CsPreferencesWindow, stack);
}

static void
cs_preferences_window_init (CsPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cs_preferences_window_new:
 * @parent: (nullable): the window it belongs to
 * @host: the desk's plugin host
 *
 * Returns: (transfer full): a new preferences window
 */
GtkWidget *
cs_preferences_window_new (GtkWindow    *parent,
                           CsPluginHost *host)
{
  CsPreferencesWindow *self;
  GListModel *plugins;

  g_return_val_if_fail (CS_IS_PLUGIN_HOST (host), NULL);

  self = g_object_new (CS_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->host = g_object_ref (host);
  plugins = cs_plugin_host_get_plugins (host);
  gtk_list_box_bind_model (self->list_box, plugins, create_row, self, NULL);
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (plugins) > 0 ? "plugins" : "empty");
  return GTK_WIDGET (self);
}
