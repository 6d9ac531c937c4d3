/* frst-logging-panel.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "FrstLoggingPanel"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "frst-checks.h"
#include "frst-logging-panel.h"

/* The form of a timber logging permit as the approver reads it: who
 * applies, the forest and its ownership, what is to be logged and how
 * (with the volume against the annual quota), the regeneration. The rows
 * of the template are named after the form members they show
 * ("applicant.<member>" for the applicant), so one pass fills them all and
 * marks them for the findings. */
struct _FrstLoggingPanel
{
  AdwBin parent_instance;

  AdwActionRow *volume_row;
};

G_DEFINE_FINAL_TYPE (FrstLoggingPanel, frst_logging_panel, ADW_TYPE_BIN)

static void
frst_logging_panel_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), FRST_TYPE_LOGGING_PANEL);

  G_OBJECT_CLASS (frst_logging_panel_parent_class)->dispose (object);
}

static void
frst_logging_panel_class_init (FrstLoggingPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = frst_logging_panel_dispose;

  g_type_ensure (ADW_TYPE_ACTION_ROW);
  g_type_ensure (ADW_TYPE_PREFERENCES_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/plugins/forestry/frst-logging-panel.ui");
  gtk_widget_class_bind_template_child_full (widget_class, FRST_FIELD_VOLUME, FALSE,
                                             G_STRUCT_OFFSET (FrstLoggingPanel, volume_row));
}

static void
frst_logging_panel_init (FrstLoggingPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static const char *
applicant_value (CsApplicant *applicant,
                 const char  *member)
{
  if (applicant == NULL)
    return NULL;
  if (g_str_equal (member, "name"))
    return cs_applicant_get_name (applicant);
  if (g_str_equal (member, "id_number"))
    return cs_applicant_get_id_number (applicant);
  if (g_str_equal (member, "uscc"))
    return cs_applicant_get_uscc (applicant);
  if (g_str_equal (member, "legal_representative"))
    return cs_applicant_get_legal_representative (applicant);
  if (g_str_equal (member, "contact"))
    return cs_applicant_get_contact (applicant);
  if (g_str_equal (member, "phone"))
    return cs_applicant_get_phone (applicant);
  if (g_str_equal (member, "address"))
    return cs_applicant_get_address (applicant);
  return NULL;
}

/* The value sits at the end of the row, selectable, so it can be copied. */
static GtkLabel *
set_row (AdwActionRow *row,
         const char   *field,
         const char   *value)
{
  gboolean given = value != NULL && *value != '\0';
  GtkWidget *label = gtk_label_new (given ? value : _("Not given"));

  gtk_label_set_selectable (GTK_LABEL (label), given);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_label_set_width_chars (GTK_LABEL (label),
                             MIN ((int) g_utf8_strlen (gtk_label_get_text (GTK_LABEL (label)),
                                                       -1), 18));
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  if (!given)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
  adw_action_row_add_suffix (row, label);
  cs_department_mark_field (GTK_WIDGET (row), field);
  return GTK_LABEL (label);
}

static void
fill_rows (GtkWidget *widget,
           CsCase    *kase)
{
  CsApplicant *applicant = cs_case_get_applicant (kase);
  gboolean organisation = applicant != NULL &&
                          cs_applicant_get_kind (applicant) == CS_APPLICANT_ORGANISATION;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *field = ADW_IS_ACTION_ROW (child)
                          ? gtk_buildable_get_buildable_id (GTK_BUILDABLE (child)) : NULL;

      if (field == NULL)
        {
          fill_rows (child, kase);
          continue;
        }
      if (g_str_has_prefix (field, "applicant."))
        {
          const char *member = field + strlen ("applicant.");

          /* A person has an ID number, an organisation a credit code and a
           * legal representative: show the rows that apply. */
          if (organisation ? g_str_equal (member, "id_number")
                           : (g_str_equal (member, "uscc") ||
                              g_str_equal (member, "legal_representative")))
            gtk_widget_set_visible (child, FALSE);
          set_row (ADW_ACTION_ROW (child), field, applicant_value (applicant, member));
        }
      else
        {
          g_autofree char *value = cs_form_dup_text (cs_case_get_form (kase), field);

          set_row (ADW_ACTION_ROW (child), field, value);
        }
    }
}

GtkWidget *
frst_logging_panel_new (CsCase *kase)
{
  FrstLoggingPanel *self;
  double volume, quota;

  g_return_val_if_fail (CS_IS_CASE (kase), NULL);

  self = g_object_new (FRST_TYPE_LOGGING_PANEL, NULL);
  fill_rows (GTK_WIDGET (self), kase);

  /* The volume against the quota, at a glance. */
  if (cs_form_get_number (cs_case_get_form (kase), FRST_FIELD_VOLUME, &volume) &&
      cs_form_get_number (cs_case_get_form (kase), FRST_FIELD_QUOTA, &quota) && quota > 0)
    {
      g_autofree char *subtitle = NULL;

      /* Translators: the share of the annual logging quota a permit would use */
      subtitle = g_strdup_printf (_("%.0f%% of the annual quota"), volume * 100 / quota);
      adw_action_row_set_subtitle (self->volume_row, subtitle);
      if (volume > quota)
        gtk_widget_add_css_class (GTK_WIDGET (self->volume_row), "error");
    }

  return GTK_WIDGET (self);
}
