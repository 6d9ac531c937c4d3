/* hlth-marriage-panel.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "HlthMarriagePanel"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hlth-marriage-panel.h"

/* The form of a marriage and childbearing certificate of the floating
 * population as the approver at the window reads it: the person, the
 * marriage and the children, where the household is registered and where
 * the person lives, and what the certificate is for. */
struct _HlthMarriagePanel
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (HlthMarriagePanel, hlth_marriage_panel, ADW_TYPE_BIN)

static void
hlth_marriage_panel_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HLTH_TYPE_MARRIAGE_PANEL);

  G_OBJECT_CLASS (hlth_marriage_panel_parent_class)->dispose (object);
}

static void
hlth_marriage_panel_class_init (HlthMarriagePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hlth_marriage_panel_dispose;

  g_type_ensure (ADW_TYPE_ACTION_ROW);
  g_type_ensure (ADW_TYPE_PREFERENCES_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/plugins/health/hlth-marriage-panel.ui");
}

static void
hlth_marriage_panel_init (HlthMarriagePanel *self)
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
  if (g_str_equal (member, "gender"))
    return cs_applicant_get_gender (applicant);
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
          if (organisation ? (g_str_equal (member, "id_number") || g_str_equal (member, "gender"))
                           : (g_str_equal (member, "uscc") ||
                              g_str_equal (member, "legal_representative") ||
                              g_str_equal (member, "contact")))
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
hlth_marriage_panel_new (CsCase *kase)
{
  HlthMarriagePanel *self;

  g_return_val_if_fail (CS_IS_CASE (kase), NULL);

  self = g_object_new (HLTH_TYPE_MARRIAGE_PANEL, NULL);
  fill_rows (GTK_WIDGET (self), kase);

  return GTK_WIDGET (self);
}
