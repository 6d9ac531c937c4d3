/* tmpl-panel.c
 *
 * Copyright 2026 Your agency
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TmplPanel"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tmpl-panel.h"

/* The case's form laid out for the approver, from a template in the
 * plugin's resources. Each row that shows a form member is marked with
 * it, so that the desk can lead the approver from a finding to the row. */
struct _TmplPanel
{
  AdwBin parent_instance;

  AdwActionRow *id_number_row;
  AdwActionRow *name_row;
  AdwActionRow *purpose_row;
};

G_DEFINE_FINAL_TYPE (TmplPanel, tmpl_panel, ADW_TYPE_BIN)

static void
tmpl_panel_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TMPL_TYPE_PANEL);

  G_OBJECT_CLASS (tmpl_panel_parent_class)->dispose (object);
}

static void
tmpl_panel_class_init (TmplPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tmpl_panel_dispose;

  g_type_ensure (ADW_TYPE_ACTION_ROW);
  g_type_ensure (ADW_TYPE_PREFERENCES_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class, "/plugins/template/tmpl-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, TmplPanel, id_number_row);
  gtk_widget_class_bind_template_child (widget_class, TmplPanel, name_row);
  gtk_widget_class_bind_template_child (widget_class, TmplPanel, purpose_row);
}

static void
tmpl_panel_init (TmplPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
set_row (AdwActionRow *row,
         const char   *field,
         const char   *value)
{
  GtkWidget *label = gtk_label_new (value != NULL ? value : _("Not given"));

  gtk_label_set_selectable (GTK_LABEL (label), value != NULL);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (row, label);
  cs_department_mark_field (GTK_WIDGET (row), field);
}

/* Returns a new floating widget without a parent: the desk takes it. */
GtkWidget *
tmpl_panel_new (CsCase *kase)
{
  TmplPanel *self = g_object_new (TMPL_TYPE_PANEL, NULL);

  set_row (self->name_row, "applicant.name", cs_case_get_applicant_name (kase));
  set_row (self->id_number_row, "applicant.id_number", cs_case_get_applicant_id_number (kase));
  set_row (self->purpose_row, "purpose", cs_form_get_string (cs_case_get_form (kase), "purpose"));
  return GTK_WIDGET (self);
}
