/* hlth-radiation-panel.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "HlthRadiationPanel"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hlth-checks.h"
#include "hlth-radiation-panel.h"

/* The form data of a radiation worker certificate, laid out as the
 * approver reads it: the worker, the employer and its licence, the post,
 * then what qualifies the worker (training, health examination). Each row
 * is marked with its form member, so that a finding can lead to it. */
struct _HlthRadiationPanel
{
  AdwBin parent_instance;

  AdwActionRow *address_row;
  AdwActionRow *dosimeter_row;
  AdwActionRow *employer_row;
  AdwActionRow *exam_row;
  AdwActionRow *gender_row;
  AdwActionRow *id_number_row;
  AdwActionRow *licence_row;
  AdwActionRow *name_row;
  AdwActionRow *phone_row;
  AdwActionRow *post_row;
  AdwActionRow *since_row;
  AdwActionRow *training_row;
};

G_DEFINE_FINAL_TYPE (HlthRadiationPanel, hlth_radiation_panel, ADW_TYPE_BIN)

static void
hlth_radiation_panel_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HLTH_TYPE_RADIATION_PANEL);

  G_OBJECT_CLASS (hlth_radiation_panel_parent_class)->dispose (object);
}

static void
hlth_radiation_panel_class_init (HlthRadiationPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hlth_radiation_panel_dispose;

  g_type_ensure (ADW_TYPE_ACTION_ROW);
  g_type_ensure (ADW_TYPE_PREFERENCES_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/plugins/health/hlth-radiation-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, HlthRadiationPanel, address_row);
  gtk_widget_class_bind_template_child (widget_class, HlthRadiationPanel, dosimeter_row);
  gtk_widget_class_bind_template_child (widget_class, HlthRadiationPanel, employer_row);
  gtk_widget_class_bind_template_child (widget_class, HlthRadiationPanel, exam_row);
  gtk_widget_class_bind_template_child (widget_class, HlthRadiationPanel, gender_row);
  gtk_widget_class_bind_template_child (widget_class, HlthRadiationPanel, id_number_row);
  gtk_widget_class_bind_template_child (widget_class, HlthRadiationPanel, licence_row);
  gtk_widget_class_bind_template_child (widget_class, HlthRadiationPanel, name_row);
  gtk_widget_class_bind_template_child (widget_class, HlthRadiationPanel, phone_row);
  gtk_widget_class_bind_template_child (widget_class, HlthRadiationPanel, post_row);
  gtk_widget_class_bind_template_child (widget_class, HlthRadiationPanel, since_row);
  gtk_widget_class_bind_template_child (widget_class, HlthRadiationPanel, training_row);
}

static void
hlth_radiation_panel_init (HlthRadiationPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The value sits at the end of the row, selectable, so it can be copied
 * into a search or a letter. */
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
  /* A wrapping label asks for the width of one character (any Chinese
   * character is a break): give short values their line, long ones the row. */
  gtk_label_set_width_chars (GTK_LABEL (label),
                             MIN ((int) g_utf8_strlen (gtk_label_get_text (GTK_LABEL (label)),
                                                       -1), 18));
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  if (!given)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL,
                                  -1);
  adw_action_row_add_suffix (row, label);
  cs_department_mark_field (GTK_WIDGET (row), field);
  return GTK_LABEL (label);
}

GtkWidget *
hlth_radiation_panel_new (CsCase *kase)
{
  HlthRadiationPanel *self;
  CsApplicant *applicant;
  JsonObject *form;
  const char *conclusion;
  GtkLabel *label;
  GDate birth;

  g_return_val_if_fail (CS_IS_CASE (kase), NULL);

  self = g_object_new (HLTH_TYPE_RADIATION_PANEL, NULL);
  applicant = cs_case_get_applicant (kase);
  form = cs_case_get_form (kase);

  set_row (self->name_row, HLTH_FIELD_APPLICANT_NAME, cs_case_get_applicant_name (kase));
  set_row (self->id_number_row, HLTH_FIELD_APPLICANT_ID_NUMBER,
           cs_case_get_applicant_id_number (kase));
  if (hlth_id_number_birth_date (cs_case_get_applicant_id_number (kase), &birth))
    {
      g_autofree char *subtitle = NULL;
      char date[16];

      g_snprintf (date, sizeof date, "%04u-%02u-%02u", g_date_get_year (&birth),
                  g_date_get_month (&birth), g_date_get_day (&birth));
      /* Translators: %s is a date, read from the ID number */
      subtitle = g_strdup_printf (_("Born on %s"), date);
      adw_action_row_set_subtitle (self->id_number_row, subtitle);
    }
  set_row (self->gender_row, "applicant.gender",
           applicant != NULL ? cs_applicant_get_gender (applicant) : NULL);
  set_row (self->phone_row, "applicant.phone",
           applicant != NULL ? cs_applicant_get_phone (applicant) : NULL);
  set_row (self->address_row, "applicant.address",
           applicant != NULL ? cs_applicant_get_address (applicant) : NULL);

  set_row (self->employer_row, HLTH_FIELD_EMPLOYER,
           hlth_form_get_string (form, HLTH_FIELD_EMPLOYER));
  set_row (self->licence_row, HLTH_FIELD_EMPLOYER_LICENCE_NO,
           hlth_form_get_string (form, HLTH_FIELD_EMPLOYER_LICENCE_NO));

  set_row (self->post_row, HLTH_FIELD_POST, hlth_form_get_string (form, HLTH_FIELD_POST));
  set_row (self->since_row, HLTH_FIELD_WORK_SINCE,
           hlth_form_get_string (form, HLTH_FIELD_WORK_SINCE));
  set_row (self->dosimeter_row, HLTH_FIELD_DOSIMETER_NO,
           hlth_form_get_string (form, HLTH_FIELD_DOSIMETER_NO));

  set_row (self->training_row, HLTH_FIELD_TRAINING_NO,
           hlth_form_get_string (form, HLTH_FIELD_TRAINING_NO));
  conclusion = hlth_form_get_string (form, HLTH_FIELD_EXAM_CONCLUSION);
  label = set_row (self->exam_row, HLTH_FIELD_EXAM_CONCLUSION, conclusion);
  if (conclusion != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (label),
                              hlth_exam_conclusion_is_unfit (conclusion) ? "error"
                              : g_str_equal (conclusion, HLTH_EXAM_FIT) ? "success"
                              : "warning");

  return GTK_WIDGET (self);
}
