/* cs-review-editor.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsReviewEditor"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-review-editor.h"

/**
 * CsReviewEditor:
 *
 * The approver's review of a case: the proposed outcome (those the matter
 * allows, all in sight), whether it goes to the chief representative for
 * decision or stays a draft, the opinion, what still keeps it from being
 * saved, and where the case's last write through the outbox stands.
 *
 * It holds no rules of its own: the case view checks the review against
 * the checklist and says what is missing (cs_review_editor_set_problem()).
 * #CsReviewEditor::changed is emitted for the person's changes only, not
 * for what the setters put in.
 */
struct _CsReviewEditor
{
  GtkBox parent_instance;

  GPtrArray *outcome_buttons;   /* GtkToggleButton, "cs-outcome" data */
  gboolean filling;             /* the setters at work: not the person */

  GtkLabel *basis_label;
  GtkSwitch *final_switch;
  GtkTextView *opinion_view;
  GtkGrid *outcome_grid;
  GtkImage *outbox_icon;
  GtkLabel *outbox_label;
  GtkButton *retry_button;
  GtkLabel *review_hint_label;
};

G_DEFINE_FINAL_TYPE (CsReviewEditor, cs_review_editor, GTK_TYPE_BOX)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const CsOutcome review_outcomes[] = {
  CS_OUTCOME_GRANT,
  CS_OUTCOME_DENY,
  CS_OUTCOME_SUPPLEMENT,
  CS_OUTCOME_NOT_ACCEPTED,
  CS_OUTCOME_EXTENSION,
  CS_OUTCOME_SUSPENSION,
};

static void
on_user_changed (CsReviewEditor *self)
{
  if (!self->filling)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_outcome_toggled (CsReviewEditor  *self,
                    GtkToggleButton *button)
{
  if (gtk_toggle_button_get_active (button))
    on_user_changed (self);
}

/**
 * cs_review_editor_set_matter:
 * @self: a #CsReviewEditor
 * @matter: (nullable): the case's matter, or %NULL while the catalogue is
 *   not synced (every outcome is offered then, and the server decides)
 *
 * Offers the outcomes the matter allows; none is chosen.
 */
void
cs_review_editor_set_matter (CsReviewEditor *self,
                             CsMatter       *matter)
{
  GtkToggleButton *group = NULL;
  GtkWidget *child;
  guint n = 0;

  g_return_if_fail (CS_IS_REVIEW_EDITOR (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->outcome_grid))) != NULL)
    gtk_grid_remove (self->outcome_grid, child);
  g_ptr_array_set_size (self->outcome_buttons, 0);
  for (guint i = 0; i < G_N_ELEMENTS (review_outcomes); i++)
    {
      GtkWidget *button;

      if (matter != NULL && !cs_matter_allows_outcome (matter, review_outcomes[i]))
        continue;
      button = gtk_toggle_button_new_with_label (cs_outcome_get_label (review_outcomes[i]));
      gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      group = GTK_TOGGLE_BUTTON (button);
      gtk_widget_add_css_class (button, "outcome");
      g_object_set_data (G_OBJECT (button), "cs-outcome", GINT_TO_POINTER (review_outcomes[i]));
      g_signal_connect_object (button, "toggled", G_CALLBACK (on_outcome_toggled), self,
                               G_CONNECT_SWAPPED);
      gtk_grid_attach (self->outcome_grid, button, n % 3, n / 3, 1, 1);
      g_ptr_array_add (self->outcome_buttons, button);
      n++;
    }
}

CsOutcome
cs_review_editor_get_outcome (CsReviewEditor *self)
{
  g_return_val_if_fail (CS_IS_REVIEW_EDITOR (self), CS_OUTCOME_NONE);

  for (guint i = 0; i < self->outcome_buttons->len; i++)
    {
      GtkToggleButton *button = g_ptr_array_index (self->outcome_buttons, i);

      if (gtk_toggle_button_get_active (button))
        return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "cs-outcome"));
    }
  return CS_OUTCOME_NONE;
}

/**
 * cs_review_editor_dup_opinion:
 * @self: a #CsReviewEditor
 *
 * Returns: (transfer full): the opinion as typed
 */
char *
cs_review_editor_dup_opinion (CsReviewEditor *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (CS_IS_REVIEW_EDITOR (self), NULL);

  buffer = gtk_text_view_get_buffer (self->opinion_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

gboolean
cs_review_editor_get_final (CsReviewEditor *self)
{
  g_return_val_if_fail (CS_IS_REVIEW_EDITOR (self), FALSE);
  return gtk_switch_get_active (self->final_switch);
}

/**
 * cs_review_editor_set_review:
 * @self: a #CsReviewEditor
 * @opinion: (nullable): the opinion
 * @outcome: the proposed outcome, %CS_OUTCOME_NONE for none
 * @final: whether it is submitted for decision
 *
 * Fills the editor (a draft, or the user's last review), without
 * #CsReviewEditor::changed.
 */
void
cs_review_editor_set_review (CsReviewEditor *self,
                             const char     *opinion,
                             CsOutcome       outcome,
                             gboolean        final)
{
  g_return_if_fail (CS_IS_REVIEW_EDITOR (self));

  self->filling = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->opinion_view),
                            opinion != NULL ? opinion : "", -1);
  for (guint i = 0; i < self->outcome_buttons->len; i++)
    {
      GtkToggleButton *button = g_ptr_array_index (self->outcome_buttons, i);
      CsOutcome mine = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "cs-outcome"));

      if (mine == outcome || gtk_toggle_button_get_active (button))
        gtk_toggle_button_set_active (button, mine == outcome);
    }
  gtk_switch_set_active (self->final_switch, final);
  self->filling = FALSE;
}

/**
 * cs_review_editor_set_editable:
 * @self: a #CsReviewEditor
 * @editable: whether the user may review the case now
 */
void
cs_review_editor_set_editable (CsReviewEditor *self,
                               gboolean        editable)
{
  g_return_if_fail (CS_IS_REVIEW_EDITOR (self));

  gtk_text_view_set_editable (self->opinion_view, editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->outcome_grid), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->final_switch), editable);
}

/**
 * cs_review_editor_set_problem:
 * @self: a #CsReviewEditor
 * @problem: (nullable): why the review cannot be saved yet, or %NULL when
 *   it can
 */
void
cs_review_editor_set_problem (CsReviewEditor *self,
                              const char     *problem)
{
  g_return_if_fail (CS_IS_REVIEW_EDITOR (self));

  gtk_label_set_label (self->review_hint_label,
                       problem != NULL ? problem
                                       : _("Ready to save. The review goes through the outbox: "
                                           "it is kept if the network is down."));
}

/**
 * cs_review_editor_set_legal_basis:
 * @self: a #CsReviewEditor
 * @legal_basis: (nullable): the legal basis of the proposed outcome
 */
void
cs_review_editor_set_legal_basis (CsReviewEditor *self,
                                  const char     *legal_basis)
{
  g_return_if_fail (CS_IS_REVIEW_EDITOR (self));

  if (legal_basis != NULL)
    {
      g_autofree char *line = g_strdup_printf (_("Legal basis: %s"), legal_basis);

      gtk_label_set_label (self->basis_label, line);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->basis_label), legal_basis != NULL);
}

static void
show_state (CsReviewEditor *self,
            const char     *icon_name,
            const char     *text,
            const char     *css_class,
            gboolean        retry)
{
  gtk_label_set_label (self->outbox_label, text);
  gtk_image_set_from_icon_name (self->outbox_icon, icon_name);
  gtk_widget_set_visible (GTK_WIDGET (self->outbox_icon), icon_name != NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->outbox_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->outbox_label), "success");
  if (css_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->outbox_label), css_class);
  gtk_widget_set_visible (GTK_WIDGET (self->retry_button), retry);
}

/**
 * cs_review_editor_show_write:
 * @self: a #CsReviewEditor
 * @item: a write of the case in the outbox (claim, release or review)
 *
 * Says where the write stands: waiting, sent, kept while the server is
 * away, or refused (with Send Again).
 */
void
cs_review_editor_show_write (CsReviewEditor *self,
                             CsOutboxItem   *item)
{
  g_autofree char *text = NULL;
  const char *kind = cs_outbox_item_get_kind (item);
  const char *error = cs_outbox_item_get_last_error (item);
  const char *what;

  g_return_if_fail (CS_IS_REVIEW_EDITOR (self));

  if (g_strcmp0 (kind, "claim") == 0)
    what = _("Claim");
  else if (g_strcmp0 (kind, "release") == 0)
    what = _("Release");
  else
    what = _("Review");

  switch (cs_outbox_item_get_state (item))
    {
    case CS_OUTBOX_SENT:
      /* Translators: "Review sent to the central platform" */
      text = g_strdup_printf (_("%s sent to the central platform."), what);
      show_state (self, "emblem-ok-symbolic", text, "success", FALSE);
      break;
    case CS_OUTBOX_FAILED:
      text = g_strdup_printf (_("%s refused: %s"), what, error != NULL ? error : "");
      show_state (self, "dialog-error-symbolic", text, "error", TRUE);
      break;
    case CS_OUTBOX_PENDING:
    default:
      if (cs_outbox_item_get_attempts (item) > 0 && error != NULL)
        text = g_strdup_printf (_("%s kept in the outbox; it is sent when the server answers (%s)."),
                                what, error);
      else
        text = g_strdup_printf (_("%s waiting in the outbox to be sent."), what);
      show_state (self, "mail-send-symbolic", text, NULL, FALSE);
      break;
    }
}

/**
 * cs_review_editor_show_message:
 * @self: a #CsReviewEditor
 * @message: what went wrong with the last write
 */
void
cs_review_editor_show_message (CsReviewEditor *self,
                               const char     *message)
{
  g_return_if_fail (CS_IS_REVIEW_EDITOR (self));
  show_state (self, "dialog-error-symbolic", message, "error", FALSE);
}

void
cs_review_editor_clear_write (CsReviewEditor *self)
{
  g_return_if_fail (CS_IS_REVIEW_EDITOR (self));
  show_state (self, NULL, "", NULL, FALSE);
}

static void
cs_review_editor_dispose (GObject *object)
{
  CsReviewEditor *self = (CsReviewEditor *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_REVIEW_EDITOR);
  g_clear_pointer (&self->outcome_buttons, g_ptr_array_unref);

  G_OBJECT_CLASS (cs_review_editor_parent_class)->dispose (object);
}

static void
cs_review_editor_class_init (CsReviewEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_review_editor_dispose;

  /**
   * CsReviewEditor::changed:
   *
   * The person changed the outcome, the opinion or whether it is final.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/countersign/Desk/cs-review-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CsReviewEditor, basis_label);
  gtk_widget_class_bind_template_child (widget_class, CsReviewEditor, final_switch);
  gtk_widget_class_bind_template_child (widget_class, CsReviewEditor, opinion_view);
  gtk_widget_class_bind_template_child (widget_class, CsReviewEditor, outbox_icon);
  gtk_widget_class_bind_template_child (widget_class, CsReviewEditor, outbox_label);
  gtk_widget_class_bind_template_child (widget_class, CsReviewEditor, outcome_grid);
  gtk_widget_class_bind_template_child (widget_class, CsReviewEditor, retry_button);
  gtk_widget_class_bind_template_child (widget_class, CsReviewEditor, review_hint_label);
  gtk_widget_class_bind_template_callback (widget_class, on_user_changed);
}

static void
cs_review_editor_init (CsReviewEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->outcome_buttons = g_ptr_array_new ();
  g_signal_connect_object (gtk_text_view_get_buffer (self->opinion_view), "changed",
                           G_CALLBACK (on_user_changed), self, G_CONNECT_SWAPPED);
}
