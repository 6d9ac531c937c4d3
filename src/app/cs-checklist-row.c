/* cs-checklist-row.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsChecklistRow"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-checklist-row.h"

/**
 * CsChecklistRow:
 *
 * One item of the matter's standard checklist: what the checklist asks
 * for, the materials the front desk received for it (each opens in the
 * viewer), and the approver's verdict on it, verified or a problem with
 * a reason the applicant can act on.
 */
struct _CsChecklistRow
{
  GtkListBoxRow parent_instance;

  CsChecklistItem *item;
  GPtrArray *materials;        /* CsMaterial */

  GtkLabel *name_label;
  GtkLabel *requirement_label;
  GtkLabel *condition_label;
  GtkBox *materials_box;
  GtkLabel *missing_label;
  GtkToggleButton *verified_button;
  GtkToggleButton *problem_button;
  GtkEntry *reason_entry;
  GtkImage *state_icon;
  GtkLabel *citation_label;

  /* The page the verdict points at, if any */
  CsMaterial *cited_material;
  guint cited_page;            /* from 1 */
};

G_DEFINE_FINAL_TYPE (CsChecklistRow, cs_checklist_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  CHANGED,
  OPEN_MATERIAL,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
form_label (CsMaterialForm form)
{
  switch (form)
    {
    case CS_MATERIAL_FORM_ORIGINAL:
      return C_("material form", "original");
    case CS_MATERIAL_FORM_COPY:
      return C_("material form", "copy");
    case CS_MATERIAL_FORM_ELECTRONIC:
      return C_("material form", "electronic");
    default:
      return "";
    }
}

static void
update_state (CsChecklistRow *self)
{
  gboolean problem = gtk_toggle_button_get_active (self->problem_button);
  gboolean verified = gtk_toggle_button_get_active (self->verified_button);

  gtk_widget_set_visible (GTK_WIDGET (self->reason_entry), problem);
  gtk_widget_set_visible (GTK_WIDGET (self->state_icon), problem || verified);
  gtk_image_set_from_icon_name (self->state_icon, problem ? "dialog-warning-symbolic"
                                                          : "emblem-ok-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_icon), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_icon), "warning");
  gtk_widget_add_css_class (GTK_WIDGET (self->state_icon), problem ? "warning" : "success");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->state_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  problem ? _("Problem") : _("Verified"), -1);
}

static void
show_citation (CsChecklistRow *self)
{
  g_autofree char *text = NULL;

  if (self->cited_material != NULL)
    /* Translators: under a checklist item's verdict: "Page 3 of 营业执照" */
    text = g_strdup_printf (_("Page %u of %s"), self->cited_page,
                            cs_material_get_name (self->cited_material));
  gtk_label_set_label (self->citation_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->citation_label), text != NULL);
}

static void
on_verdict_toggled (CsChecklistRow  *self,
                    GtkToggleButton *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  update_state (self);
  if (button == self->problem_button)
    gtk_widget_grab_focus (GTK_WIDGET (self->reason_entry));
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_reason_changed (CsChecklistRow *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_material_clicked (GtkButton      *button,
                     CsChecklistRow *self)
{
  CsMaterial *material = g_object_get_data (G_OBJECT (button), "cs-material");

  g_signal_emit (self, signals[OPEN_MATERIAL], 0, material);
}

static GtkWidget *
material_button (CsChecklistRow *self,
                 CsMaterial     *material)
{
  g_autofree char *pages = NULL;
  g_autofree char *accessible = NULL;
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();
  gboolean image = g_str_has_prefix (cs_material_get_media_type (material), "image/");

  if (cs_material_get_pages (material) > 0)
    pages = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u page", "%u pages",
                                          cs_material_get_pages (material)),
                             cs_material_get_pages (material));
  else
    pages = g_strdup (image ? _("scan") : "");
  accessible = g_strdup_printf (_("Open %s (%s)"), cs_material_get_name (material), pages);

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content),
                                    image ? "image-x-generic-symbolic"
                                          : "x-office-document-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), cs_material_get_name (material));
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_set_tooltip_text (button, accessible);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "material-button");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  accessible, -1);
  g_object_set_data_full (G_OBJECT (button), "cs-material", g_object_ref (material),
                          g_object_unref);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_material_clicked), self, 0);
  return button;
}

static void
cs_checklist_row_dispose (GObject *object)
{
  CsChecklistRow *self = (CsChecklistRow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_CHECKLIST_ROW);
  g_clear_object (&self->item);
  g_clear_pointer (&self->materials, g_ptr_array_unref);
  g_clear_object (&self->cited_material);

  G_OBJECT_CLASS (cs_checklist_row_parent_class)->dispose (object);
}

static void
cs_checklist_row_class_init (CsChecklistRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_checklist_row_dispose;

  /**
   * CsChecklistRow::changed:
   *
   * The verdict or its reason changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * CsChecklistRow::open-material:
   * @material: the material to show
   */
  signals[OPEN_MATERIAL] = g_signal_new ("open-material", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, CS_TYPE_MATERIAL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/countersign/Desk/cs-checklist-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CsChecklistRow, citation_label);
  gtk_widget_class_bind_template_child (widget_class, CsChecklistRow, condition_label);
  gtk_widget_class_bind_template_child (widget_class, CsChecklistRow, materials_box);
  gtk_widget_class_bind_template_child (widget_class, CsChecklistRow, missing_label);
  gtk_widget_class_bind_template_child (widget_class, CsChecklistRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, CsChecklistRow, problem_button);
  gtk_widget_class_bind_template_child (widget_class, CsChecklistRow, reason_entry);
  gtk_widget_class_bind_template_child (widget_class, CsChecklistRow, requirement_label);
  gtk_widget_class_bind_template_child (widget_class, CsChecklistRow, state_icon);
  gtk_widget_class_bind_template_child (widget_class, CsChecklistRow, verified_button);
  gtk_widget_class_bind_template_callback (widget_class, on_reason_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_verdict_toggled);
}

static void
cs_checklist_row_init (CsChecklistRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cs_checklist_row_new:
 * @item: the checklist item
 * @materials: (element-type CsMaterial): the materials received for it
 *
 * Returns: (transfer floating): a new row, without a verdict
 */
CsChecklistRow *
cs_checklist_row_new (CsChecklistItem *item,
                      GPtrArray       *materials)
{
  CsChecklistRow *self;
  g_autofree char *requirement = NULL;
  g_autofree char *accessible = NULL;
  guint copies;

  g_return_val_if_fail (CS_IS_CHECKLIST_ITEM (item), NULL);

  self = g_object_new (CS_TYPE_CHECKLIST_ROW, NULL);
  self->item = g_object_ref (item);
  self->materials = g_ptr_array_ref (materials);

  copies = MAX (cs_checklist_item_get_copies (item), 1);
  /* Translators: "required · 1 copy, original" under a checklist item */
  requirement = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u copy, %s",
                                              "%s · %u copies, %s", copies),
                                 cs_checklist_item_get_required (item) ? _("required")
                                                                      : _("conditional"),
                                 copies, form_label (cs_checklist_item_get_form (item)));
  gtk_label_set_label (self->name_label, cs_checklist_item_get_name (item));
  gtk_label_set_label (self->requirement_label, requirement);
  if (cs_checklist_item_get_condition (item) != NULL)
    {
      gtk_label_set_label (self->condition_label, cs_checklist_item_get_condition (item));
      gtk_widget_set_visible (GTK_WIDGET (self->condition_label), TRUE);
    }

  for (guint i = 0; i < materials->len; i++)
    gtk_box_append (self->materials_box, material_button (self, g_ptr_array_index (materials, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->missing_label), materials->len == 0);
  if (materials->len == 0 && !cs_checklist_item_get_required (item))
    gtk_label_set_label (self->missing_label, _("No material received (not required unless the "
                                                "condition applies)"));
  else if (materials->len == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->missing_label), "warning");

  accessible = g_strdup_printf ("%s, %s", cs_checklist_item_get_name (item), requirement);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->verified_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  cs_checklist_item_get_name (item), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->problem_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  cs_checklist_item_get_name (item), -1);
  return self;
}

CsChecklistItem *
cs_checklist_row_get_item (CsChecklistRow *self)
{
  g_return_val_if_fail (CS_IS_CHECKLIST_ROW (self), NULL);
  return self->item;
}

/**
 * cs_checklist_row_dup_verdict:
 * @self: a #CsChecklistRow
 *
 * Returns: (transfer full) (nullable): the verdict as marked, or %NULL
 *   while the item is not marked yet
 */
CsVerdict *
cs_checklist_row_dup_verdict (CsChecklistRow *self)
{
  g_autofree char *reason = NULL;
  CsVerdict *verdict;

  g_return_val_if_fail (CS_IS_CHECKLIST_ROW (self), NULL);

  if (gtk_toggle_button_get_active (self->verified_button))
    verdict = cs_verdict_new (cs_checklist_item_get_code (self->item), CS_VERDICT_VERIFIED, NULL);
  else if (gtk_toggle_button_get_active (self->problem_button))
    {
      reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_entry))));
      verdict = cs_verdict_new (cs_checklist_item_get_code (self->item), CS_VERDICT_PROBLEM,
                                *reason != '\0' ? reason : NULL);
    }
  else
    return NULL;
  if (self->cited_material != NULL)
    cs_verdict_set_material (verdict, cs_material_get_id (self->cited_material), self->cited_page);
  return verdict;
}

/**
 * cs_checklist_row_set_verdict:
 * @self: a #CsChecklistRow
 * @verdict: (nullable): the verdict to show, or %NULL for none
 */
void
cs_checklist_row_set_verdict (CsChecklistRow *self,
                              CsVerdict      *verdict)
{
  g_return_if_fail (CS_IS_CHECKLIST_ROW (self));

  g_signal_handlers_block_matched (self, G_SIGNAL_MATCH_ID, signals[CHANGED], 0, NULL, NULL,
                                   NULL);
  if (verdict == NULL)
    {
      gtk_toggle_button_set_active (self->verified_button, FALSE);
      gtk_toggle_button_set_active (self->problem_button, FALSE);
      gtk_editable_set_text (GTK_EDITABLE (self->reason_entry), "");
    }
  else if (cs_verdict_get_kind (verdict) == CS_VERDICT_VERIFIED)
    gtk_toggle_button_set_active (self->verified_button, TRUE);
  else
    {
      gtk_toggle_button_set_active (self->problem_button, TRUE);
      gtk_editable_set_text (GTK_EDITABLE (self->reason_entry),
                             cs_verdict_get_reason (verdict) != NULL
                             ? cs_verdict_get_reason (verdict) : "");
    }
  g_clear_object (&self->cited_material);
  if (verdict != NULL && cs_verdict_get_material (verdict) != NULL && cs_verdict_get_page (verdict) > 0)
    for (guint i = 0; i < self->materials->len; i++)
      {
        CsMaterial *material = g_ptr_array_index (self->materials, i);

        if (g_strcmp0 (cs_material_get_id (material), cs_verdict_get_material (verdict)) == 0)
          {
            self->cited_material = g_object_ref (material);
            self->cited_page = cs_verdict_get_page (verdict);
          }
      }
  show_citation (self);
  update_state (self);
  if (verdict == NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->state_icon), FALSE);
  g_signal_handlers_unblock_matched (self, G_SIGNAL_MATCH_ID, signals[CHANGED], 0, NULL, NULL,
                                     NULL);
}

/**
 * cs_checklist_row_mark:
 * @self: a #CsChecklistRow
 * @kind: verified or a problem
 * @reason: (nullable): the problem's reason, %NULL to keep the one typed
 *
 * Marks the item as the approver does with its buttons (from the viewer's
 * side of the case view): the row tells of the change.
 */
void
cs_checklist_row_mark (CsChecklistRow *self,
                       CsVerdictKind   kind,
                       const char     *reason)
{
  g_return_if_fail (CS_IS_CHECKLIST_ROW (self));

  gtk_toggle_button_set_active (kind == CS_VERDICT_VERIFIED ? self->verified_button
                                                            : self->problem_button, TRUE);
  if (kind == CS_VERDICT_PROBLEM && reason != NULL &&
      g_strcmp0 (reason, gtk_editable_get_text (GTK_EDITABLE (self->reason_entry))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->reason_entry), reason);
}

/**
 * cs_checklist_row_cite:
 * @self: a #CsChecklistRow
 * @material: (nullable): one of the item's materials, or %NULL to cite none
 * @page: the page, counted from 1
 *
 * Points the item's verdict at a page of its material: where the approver
 * found the problem, or what they checked.
 */
void
cs_checklist_row_cite (CsChecklistRow *self,
                       CsMaterial     *material,
                       guint           page)
{
  g_return_if_fail (CS_IS_CHECKLIST_ROW (self));
  g_return_if_fail (material == NULL || page > 0);

  if (material == NULL)
    g_clear_object (&self->cited_material);
  else
    g_set_object (&self->cited_material, material);
  self->cited_page = material != NULL ? page : 0;
  show_citation (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * cs_checklist_row_get_cited_page:
 * @self: a #CsChecklistRow
 *
 * Returns: the page the verdict points at, from 1; 0 for none
 */
guint
cs_checklist_row_get_cited_page (CsChecklistRow *self)
{
  g_return_val_if_fail (CS_IS_CHECKLIST_ROW (self), 0);
  return self->cited_material != NULL ? self->cited_page : 0;
}

/**
 * cs_checklist_row_set_editable:
 * @self: a #CsChecklistRow
 * @editable: whether the verdict can be changed (the case is the user's)
 */
void
cs_checklist_row_set_editable (CsChecklistRow *self,
                               gboolean        editable)
{
  g_return_if_fail (CS_IS_CHECKLIST_ROW (self));

  gtk_widget_set_sensitive (GTK_WIDGET (self->verified_button), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->problem_button), editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->reason_entry), editable);
}

gboolean
cs_checklist_row_has_material (CsChecklistRow *self,
                               const char     *material_id)
{
  g_return_val_if_fail (CS_IS_CHECKLIST_ROW (self), FALSE);

  for (guint i = 0; i < self->materials->len; i++)
    if (g_strcmp0 (cs_material_get_id (g_ptr_array_index (self->materials, i)),
                   material_id) == 0)
      return TRUE;
  return FALSE;
}

/**
 * cs_checklist_row_reveal:
 * @self: a #CsChecklistRow
 *
 * Moves the keyboard focus to the item's verdict, for a finding about it.
 */
void
cs_checklist_row_reveal (CsChecklistRow *self)
{
  g_return_if_fail (CS_IS_CHECKLIST_ROW (self));

  if (gtk_toggle_button_get_active (self->problem_button))
    gtk_widget_grab_focus (GTK_WIDGET (self->reason_entry));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->verified_button));
}
