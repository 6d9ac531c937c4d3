/* cs-verdict-bar.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsVerdictBar"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-verdict-bar.h"

/**
 * CsVerdictBar:
 *
 * The checklist item of the material being read, above the viewer, so that
 * the approver ticks the item while reading its pages: verified or a
 * problem with its reason, and the page the verdict points at. It edits
 * the item's row in the checklist, which stays the one record of the
 * verdict; a change made in either shows in both.
 */

struct _CsVerdictBar
{
  GtkBox parent_instance;

  GtkLabel *item_label;
  GtkToggleButton *verified_button;
  GtkToggleButton *problem_button;
  GtkButton *cite_button;
  GtkEntry *reason_entry;

  CsChecklistRow *row;
  CsMaterial *material;
  guint page;                  /* from 1 */
  gboolean editable;
  gboolean syncing;
};

G_DEFINE_FINAL_TYPE (CsVerdictBar, cs_verdict_bar, GTK_TYPE_BOX)

static void
sync_from_row (CsVerdictBar *self)
{
  g_autoptr(CsVerdict) verdict = NULL;
  gboolean problem = FALSE;

  if (self->row == NULL)
    return;
  verdict = cs_checklist_row_dup_verdict (self->row);
  self->syncing = TRUE;
  if (verdict == NULL)
    {
      gtk_toggle_button_set_active (self->verified_button, FALSE);
      gtk_toggle_button_set_active (self->problem_button, FALSE);
    }
  else if (cs_verdict_get_kind (verdict) == CS_VERDICT_VERIFIED)
    gtk_toggle_button_set_active (self->verified_button, TRUE);
  else
    {
      const char *reason = cs_verdict_get_reason (verdict);
      g_autofree char *shown =
        g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_entry))));

      problem = TRUE;
      gtk_toggle_button_set_active (self->problem_button, TRUE);
      /* Not while the approver types here: the row trims what it keeps. */
      if (g_strcmp0 (reason != NULL ? reason : "", shown) != 0 &&
          gtk_widget_get_focus_child (GTK_WIDGET (self->reason_entry)) == NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->reason_entry), reason != NULL ? reason : "");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->reason_entry), problem);
  self->syncing = FALSE;
}

static void
update_cite (CsVerdictBar *self)
{
  g_autofree char *label = NULL;
  guint cited = self->row != NULL ? cs_checklist_row_get_cited_page (self->row) : 0;

  /* Translators: points the checklist verdict at the page being read */
  label = g_strdup_printf (_("Cite Page %u"), MAX (self->page, 1));
  gtk_button_set_label (self->cite_button, label);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cite_button),
                            self->editable && self->material != NULL && self->page > 0 &&
                            cited != self->page);
}

static void
on_row_changed (CsVerdictBar *self)
{
  sync_from_row (self);
  update_cite (self);
}

static void
on_verdict_toggled (CsVerdictBar    *self,
                    GtkToggleButton *button)
{
  if (self->syncing || self->row == NULL || !gtk_toggle_button_get_active (button))
    return;
  cs_checklist_row_mark (self->row,
                         button == self->problem_button ? CS_VERDICT_PROBLEM : CS_VERDICT_VERIFIED,
                         NULL);
  if (button == self->problem_button)
    gtk_widget_grab_focus (GTK_WIDGET (self->reason_entry));
}

static void
on_reason_changed (CsVerdictBar *self)
{
  if (self->syncing || self->row == NULL)
    return;
  cs_checklist_row_mark (self->row, CS_VERDICT_PROBLEM,
                         gtk_editable_get_text (GTK_EDITABLE (self->reason_entry)));
}

static void
on_cite_clicked (CsVerdictBar *self)
{
  if (self->row != NULL && self->material != NULL && self->page > 0)
    cs_checklist_row_cite (self->row, self->material, self->page);
}

/**
 * cs_verdict_bar_set_row:
 * @self: a #CsVerdictBar
 * @row: (nullable): the checklist row of the material shown
 * @material: (nullable): the material shown
 *
 * Shows the verdict of @row, or hides the bar.
 */
void
cs_verdict_bar_set_row (CsVerdictBar   *self,
                        CsChecklistRow *row,
                        CsMaterial     *material)
{
  g_return_if_fail (CS_IS_VERDICT_BAR (self));

  if (self->row != NULL)
    g_signal_handlers_disconnect_by_func (self->row, on_row_changed, self);
  g_set_object (&self->row, row);
  g_set_object (&self->material, material);
  self->page = 1;
  gtk_widget_set_visible (GTK_WIDGET (self), row != NULL);
  if (row == NULL)
    return;
  g_signal_connect_object (row, "changed", G_CALLBACK (on_row_changed), self, G_CONNECT_SWAPPED);
  gtk_label_set_label (self->item_label,
                       cs_checklist_item_get_name (cs_checklist_row_get_item (row)));
  gtk_editable_set_text (GTK_EDITABLE (self->reason_entry), "");
  sync_from_row (self);
  update_cite (self);
}

/**
 * cs_verdict_bar_set_page:
 * @self: a #CsVerdictBar
 * @page: the page being read, from 1
 */
void
cs_verdict_bar_set_page (CsVerdictBar *self,
                         guint         page)
{
  g_return_if_fail (CS_IS_VERDICT_BAR (self));

  self->page = page;
  update_cite (self);
}

/**
 * cs_verdict_bar_set_editable:
 * @self: a #CsVerdictBar
 * @editable: whether the case is the user's to review
 */
void
cs_verdict_bar_set_editable (CsVerdictBar *self,
                             gboolean      editable)
{
  g_return_if_fail (CS_IS_VERDICT_BAR (self));

  self->editable = editable;
  gtk_widget_set_sensitive (GTK_WIDGET (self->verified_button), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->problem_button), editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->reason_entry), editable);
  update_cite (self);
}

static void
cs_verdict_bar_dispose (GObject *object)
{
  CsVerdictBar *self = CS_VERDICT_BAR (object);

  if (self->row != NULL)
    g_signal_handlers_disconnect_by_func (self->row, on_row_changed, self);
  g_clear_object (&self->row);
  g_clear_object (&self->material);
  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_VERDICT_BAR);

  G_OBJECT_CLASS (cs_verdict_bar_parent_class)->dispose (object);
}

static void
cs_verdict_bar_class_init (CsVerdictBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_verdict_bar_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/countersign/Desk/cs-verdict-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, CsVerdictBar, cite_button);
  gtk_widget_class_bind_template_child (widget_class, CsVerdictBar, item_label);
  gtk_widget_class_bind_template_child (widget_class, CsVerdictBar, problem_button);
  gtk_widget_class_bind_template_child (widget_class, CsVerdictBar, reason_entry);
  gtk_widget_class_bind_template_child (widget_class, CsVerdictBar, verified_button);
  gtk_widget_class_bind_template_callback (widget_class, on_cite_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_reason_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_verdict_toggled);
}

static void
cs_verdict_bar_init (CsVerdictBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->page = 1;
}
