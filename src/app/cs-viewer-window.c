/* cs-viewer-window.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsViewerWindow"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-material-view.h"
#include "cs-viewer-window.h"

/**
 * CsViewerWindow:
 *
 * A material in a window of its own, to read it on a second screen or
 * beside another case: the same viewer as in the case view.
 */

struct _CsViewerWindow
{
  AdwWindow parent_instance;

  AdwWindowTitle *window_title;
  CsMaterialView *material_view;
};

G_DEFINE_FINAL_TYPE (CsViewerWindow, cs_viewer_window, ADW_TYPE_WINDOW)

static void
cs_viewer_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CS_TYPE_VIEWER_WINDOW);

  G_OBJECT_CLASS (cs_viewer_window_parent_class)->dispose (object);
}

static void
cs_viewer_window_class_init (CsViewerWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_viewer_window_dispose;

  g_type_ensure (CS_TYPE_MATERIAL_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/countersign/Desk/cs-viewer-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CsViewerWindow, material_view);
  gtk_widget_class_bind_template_child (widget_class, CsViewerWindow, window_title);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
cs_viewer_window_init (CsViewerWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cs_viewer_window_new:
 * @application: (nullable): the desk
 * @file: the material's file
 * @media_type: its media type
 * @title: (nullable): its name
 *
 * Returns: (transfer none): a new window showing the material
 */
GtkWindow *
cs_viewer_window_new (GtkApplication *application,
                      GFile          *file,
                      const char     *media_type,
                      const char     *title)
{
  CsViewerWindow *self = g_object_new (CS_TYPE_VIEWER_WINDOW,
                                       "application", application,
                                       NULL);

  adw_window_title_set_title (self->window_title, title != NULL ? title : _("Material"));
  gtk_window_set_title (GTK_WINDOW (self), title != NULL ? title : _("Material"));
  cs_material_view_load (self->material_view, file, media_type, title);
  return GTK_WINDOW (self);
}
