/* cs-decision-editor.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsDecisionEditor"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-decision-editor.h"
#include "cs-sign-dialog.h"
#include "cs-signing.h"

/**
 * CsDecisionEditor:
 *
 * The chief representative's decision on a case: the outcome (the
 * approver's proposal chosen to begin with), the department plugin's
 * wording and legal basis for it, and what the outcome needs by law (a
 * denial's reasons and notice of remedies, the problem items of a
 * supplement notice, an extension's days, a suspension's kind and reason).
 * What keeps it from being signed is said in words, as soon as it is so.
 *
 * "Show Document" renders the decision document in a worker thread and
 * hands it to the case view's viewer (#CsDecisionEditor::show-document);
 * "Sign Decision…" signs exactly that document and the bytes that name
 * its SHA-256, and is only possible while what is shown is what the
 * fields say: any change takes the document back. The signed decision
 * goes through the outbox, and the editor says where it stands.
 *
 * Only a chief sees it (cs_decision_editor_get_shown()).
 */
struct _CsDecisionEditor
{
  GtkBox parent_instance;

  CsSession *session;
  CsPluginHost *host;
  CsCase *kase;
  CsMatter *matter;
  GPtrArray *outcome_buttons;       /* GtkToggleButton, "cs-outcome" data */
  CsOutcome proposed;
  char *proposal_opinion;
  gboolean filling;

  CsDecisionDraft *draft;           /* what the document shown was rendered from */
  CsDecisionDocument *document;     /* shown in the viewer: what is signed */
  CsDecisionDraft *rendering;       /* the draft of the document being rendered */
  GFile *document_file;
  GCancellable *cancellable;
  gboolean busy;
  gint64 write_id;

  AdwEntryRow *basis_row;
  AdwActionRow *days_row;
  GtkSpinButton *days_spin;
  GtkLabel *document_label;
  AdwActionRow *items_row;
  AdwComboRow *kind_row;
  GtkImage *outbox_icon;
  GtkLabel *outbox_label;
  GtkGrid *outcome_grid;
  GtkLabel *problem_label;
  GtkLabel *proposal_label;
  AdwEntryRow *reasons_row;
  AdwEntryRow *remedy_row;
  GtkButton *retry_button;
  GtkSpinner *spinner;
  AdwEntryRow *suspension_reason_row;
  GtkTextView *text_view;
};

G_DEFINE_FINAL_TYPE (CsDecisionEditor, cs_decision_editor, GTK_TYPE_BOX)

enum {
  SHOW_DOCUMENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const CsOutcome decision_outcomes[] = {
  CS_OUTCOME_GRANT, CS_OUTCOME_DENY, CS_OUTCOME_SUPPLEMENT,
  CS_OUTCOME_NOT_ACCEPTED, CS_OUTCOME_EXTENSION, CS_OUTCOME_SUSPENSION,
};

/* In the order of the kind_model in the .ui; the API's names. */
static const char * const suspension_kinds[] = {
  "expert_review", "testing", "inspection", "hearing",
};

static void update_state (CsDecisionEditor *self);

static gboolean
is_chief (CsDecisionEditor *self)
{
  CsUser *user = self->session != NULL ? cs_session_get_user (self->session) : NULL;

  return user != NULL && cs_user_is_chief (user);
}

static CsOutcome
chosen_outcome (CsDecisionEditor *self)
{
  for (guint i = 0; self->outcome_buttons != NULL && i < self->outcome_buttons->len; i++)
    {
      GtkToggleButton *button = g_ptr_array_index (self->outcome_buttons, i);

      if (gtk_toggle_button_get_active (button))
        return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "cs-outcome"));
    }
  return CS_OUTCOME_NONE;
}

static char *
dup_text (CsDecisionEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static const char *
entry_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* The decision as the fields say it now: a new draft every time, so that
 * one rendered or being signed is never changed under it. */
static CsDecisionDraft *
build_draft (CsDecisionEditor *self)
{
  CsOutcome outcome = chosen_outcome (self);
  CsUser *user = cs_session_get_user (self->session);
  g_autoptr(CsDecisionDraft) draft = NULL;
  g_autofree char *text = NULL;
  guint kind;
  int days;

  if (self->kase == NULL || outcome == CS_OUTCOME_NONE)
    return NULL;
  draft = cs_decision_draft_new_for_case (self->kase, self->matter, outcome);
  if (user != NULL)
    cs_decision_draft_set_signer (draft, cs_user_get_username (user), cs_user_get_name (user));
  text = g_strstrip (dup_text (self));
  cs_decision_draft_set_text (draft, text);
  cs_decision_draft_set_legal_basis (draft, entry_text (self->basis_row));
  switch (outcome)
    {
    case CS_OUTCOME_DENY:
      cs_decision_draft_set_reasons (draft, entry_text (self->reasons_row));
      cs_decision_draft_set_remedy_notice (draft, entry_text (self->remedy_row));
      break;
    case CS_OUTCOME_NOT_ACCEPTED:
      cs_decision_draft_set_remedy_notice (draft, entry_text (self->remedy_row));
      break;
    case CS_OUTCOME_EXTENSION:
      days = gtk_spin_button_get_value_as_int (self->days_spin);
      cs_decision_draft_set_extension_days (draft, days > 0 ? (guint) days : 0);
      break;
    case CS_OUTCOME_SUSPENSION:
      kind = adw_combo_row_get_selected (self->kind_row);
      cs_decision_draft_set_suspension (draft,
                                        kind < G_N_ELEMENTS (suspension_kinds)
                                        ? suspension_kinds[kind] : NULL,
                                        entry_text (self->suspension_reason_row));
      break;
    case CS_OUTCOME_GRANT:
    case CS_OUTCOME_SUPPLEMENT:
    case CS_OUTCOME_NONE:
    default:
      break;
    }
  return g_steal_pointer (&draft);
}

static gboolean
case_decidable (CsDecisionEditor *self,
                CsOutcome         outcome)
{
  switch (cs_case_get_status (self->kase))
    {
    case CS_CASE_STATUS_REVIEWED:
      return TRUE;
    case CS_CASE_STATUS_CLAIMED:
    case CS_CASE_STATUS_UNDER_REVIEW:
    case CS_CASE_STATUS_EXTENDED:
      return outcome == CS_OUTCOME_EXTENSION || outcome == CS_OUTCOME_SUSPENSION;
    default:
      return FALSE;
    }
}

/* Why the decision cannot be signed yet, in words, or NULL. */
static char *
decision_problem (CsDecisionEditor *self)
{
  CsOutcome outcome = chosen_outcome (self);
  g_autoptr(CsDecisionDraft) draft = NULL;
  g_autoptr(GError) error = NULL;

  if (self->kase == NULL || !cs_case_is_full (self->kase))
    return g_strdup (_("The decision opens once the case is loaded."));
  if (outcome == CS_OUTCOME_NONE)
    return g_strdup (_("Choose the decision."));
  if (!case_decidable (self, outcome))
    {
      if (cs_case_get_status (self->kase) == CS_CASE_STATUS_CLAIMED ||
          cs_case_get_status (self->kase) == CS_CASE_STATUS_UNDER_REVIEW ||
          cs_case_get_status (self->kase) == CS_CASE_STATUS_EXTENDED)
        return g_strdup (_("The approver has not submitted a final review yet: before it, only "
                           "an extension or a suspension can be decided."));
      return g_strdup_printf (_("A case that is “%s” takes no decision."),
                              cs_case_status_get_label (cs_case_get_status (self->kase)));
    }
  draft = build_draft (self);
  if (!cs_signing_check_draft (draft, &error))
    return g_strdup (error->message);
  return NULL;
}

static void
drop_document (CsDecisionEditor *self)
{
  g_clear_object (&self->draft);
  g_clear_object (&self->document);
  gtk_widget_set_visible (GTK_WIDGET (self->document_label), FALSE);
}

static void
set_busy (CsDecisionEditor *self,
          const char       *text)
{
  self->busy = text != NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->busy);
  gtk_spinner_set_spinning (self->spinner, self->busy);
  if (text != NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->outbox_icon), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->retry_button), FALSE);
      gtk_label_set_label (self->outbox_label, text);
    }
}

static void
show_message (CsDecisionEditor *self,
              const char       *icon,
              const char       *text,
              const char       *css_class)
{
  gtk_image_set_from_icon_name (self->outbox_icon, icon);
  gtk_widget_set_visible (GTK_WIDGET (self->outbox_icon), icon != NULL);
  gtk_label_set_label (self->outbox_label, text != NULL ? text : "");
  gtk_widget_remove_css_class (GTK_WIDGET (self->outbox_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->outbox_label), "success");
  if (css_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->outbox_label), css_class);
}

static void
show_write (CsDecisionEditor *self,
            CsOutboxItem     *item)
{
  g_autofree char *text = NULL;
  const char *error = cs_outbox_item_get_last_error (item);

  self->write_id = cs_outbox_item_get_id (item);
  gtk_widget_set_visible (GTK_WIDGET (self->retry_button),
                          cs_outbox_item_get_state (item) == CS_OUTBOX_FAILED);
  switch (cs_outbox_item_get_state (item))
    {
    case CS_OUTBOX_SENT:
      show_message (self, "emblem-ok-symbolic",
                    _("Signed decision sent to the central platform."), "success");
      break;
    case CS_OUTBOX_FAILED:
      text = g_strdup_printf (_("Signed decision refused: %s"), error != NULL ? error : "");
      show_message (self, "dialog-error-symbolic", text, "error");
      break;
    case CS_OUTBOX_PENDING:
    default:
      if (cs_outbox_item_get_attempts (item) > 0 && error != NULL)
        text = g_strdup_printf (_("Signed decision kept in the outbox; it is sent when the server "
                                  "answers (%s)."), error);
      else
        text = g_strdup (_("Signed decision waiting in the outbox to be sent."));
      show_message (self, "mail-send-symbolic", text, NULL);
      break;
    }
  update_state (self);
}

static gboolean
write_in_flight (CsDecisionEditor *self)
{
  CsOutbox *outbox = self->session != NULL ? cs_session_get_outbox (self->session) : NULL;
  g_autoptr(GPtrArray) items = NULL;

  if (self->write_id == 0 || outbox == NULL)
    return FALSE;
  items = cs_outbox_list (outbox, FALSE, NULL);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      CsOutboxItem *item = g_ptr_array_index (items, i);

      if (cs_outbox_item_get_id (item) == self->write_id)
        return cs_outbox_item_get_state (item) == CS_OUTBOX_PENDING;
    }
  return FALSE;
}

static void
update_state (CsDecisionEditor *self)
{
  g_autofree char *problem = NULL;
  gboolean editable;
  CsOutcome outcome = chosen_outcome (self);

  if (self->kase == NULL)
    return;
  problem = decision_problem (self);
  editable = !self->busy && cs_case_is_full (self->kase);
  gtk_widget_set_sensitive (GTK_WIDGET (self->outcome_grid), editable);
  gtk_text_view_set_editable (self->text_view, editable);

  gtk_widget_set_visible (GTK_WIDGET (self->reasons_row), outcome == CS_OUTCOME_DENY);
  gtk_widget_set_visible (GTK_WIDGET (self->remedy_row),
                          outcome == CS_OUTCOME_DENY || outcome == CS_OUTCOME_NOT_ACCEPTED);
  gtk_widget_set_visible (GTK_WIDGET (self->items_row), outcome == CS_OUTCOME_SUPPLEMENT);
  gtk_widget_set_visible (GTK_WIDGET (self->days_row), outcome == CS_OUTCOME_EXTENSION);
  gtk_widget_set_visible (GTK_WIDGET (self->kind_row), outcome == CS_OUTCOME_SUSPENSION);
  gtk_widget_set_visible (GTK_WIDGET (self->suspension_reason_row),
                          outcome == CS_OUTCOME_SUSPENSION);

  gtk_label_set_label (self->problem_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "decision.preview",
                                 problem == NULL && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "decision.sign",
                                 problem == NULL && !self->busy && self->document != NULL &&
                                 !write_in_flight (self));
}

static void
on_changed (CsDecisionEditor *self)
{
  if (self->filling)
    return;
  /* What was shown is no longer what the fields say. */
  if (self->document != NULL)
    {
      drop_document (self);
      show_message (self, NULL, _("Changed since the document was shown: show it again to sign "
                                  "it."), NULL);
    }
  update_state (self);
}

static char *
describe_items (CsDecisionDraft *draft)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < cs_decision_draft_get_n_supplement_items (draft); i++)
    {
      const char *item, *name, *reason;

      cs_decision_draft_get_supplement_item (draft, i, &item, &name, &reason);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (reason != NULL && *reason != '\0')
        /* Translators: a checklist item to supplement and why */
        g_string_append_printf (text, _("%s: %s"), name, reason);
      else
        g_string_append (text, name);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The wording of the outcome: the department plugin's, else the core's. */
static void
fill_wording (CsDecisionEditor *self)
{
  CsOutcome outcome = chosen_outcome (self);
  g_autoptr(CsDecisionDraft) defaults = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *basis = NULL;
  g_autofree char *items = NULL;

  if (self->kase == NULL || outcome == CS_OUTCOME_NONE)
    return;
  defaults = cs_decision_draft_new_for_case (self->kase, self->matter, outcome);
  if (self->host == NULL || self->matter == NULL ||
      !cs_plugin_host_get_wording (self->host, self->kase, self->matter, outcome, &text, &basis,
                                   &error))
    {
      if (error != NULL)
        g_debug ("No plugin wording: %s", error->message);
      g_clear_pointer (&text, g_free);
      g_clear_pointer (&basis, g_free);
    }

  self->filling = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view),
                            text != NULL ? text : cs_decision_draft_get_text (defaults), -1);
  gtk_editable_set_text (GTK_EDITABLE (self->basis_row),
                         basis != NULL ? basis : cs_decision_draft_get_legal_basis (defaults));
  gtk_editable_set_text (GTK_EDITABLE (self->remedy_row),
                         cs_decision_draft_get_remedy_notice (defaults) != NULL
                         ? cs_decision_draft_get_remedy_notice (defaults) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->reasons_row),
                         outcome == self->proposed && self->proposal_opinion != NULL
                         ? self->proposal_opinion : "");
  items = describe_items (defaults);
  adw_action_row_set_subtitle (self->items_row,
                               *items != '\0' ? items
                               : _("The last final review marks no item with a problem."));
  gtk_spin_button_set_value (self->days_spin, 10);
  self->filling = FALSE;
}

static void
on_outcome_toggled (GtkToggleButton  *button,
                    CsDecisionEditor *self)
{
  if (self->filling || !gtk_toggle_button_get_active (button))
    return;
  fill_wording (self);
  on_changed (self);
}

static void
make_outcome_buttons (CsDecisionEditor *self)
{
  GtkWidget *child;
  GtkToggleButton *first = NULL;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->outcome_grid))) != NULL)
    gtk_grid_remove (self->outcome_grid, child);
  g_ptr_array_set_size (self->outcome_buttons, 0);

  for (guint i = 0; i < G_N_ELEMENTS (decision_outcomes); i++)
    {
      GtkWidget *button;

      if (self->matter != NULL && !cs_matter_allows_outcome (self->matter, decision_outcomes[i]))
        continue;
      button = gtk_toggle_button_new_with_label (cs_outcome_get_label (decision_outcomes[i]));
      g_object_set_data (G_OBJECT (button), "cs-outcome", GINT_TO_POINTER (decision_outcomes[i]));
      if (first != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), first);
      else
        first = GTK_TOGGLE_BUTTON (button);
      g_signal_connect (button, "toggled", G_CALLBACK (on_outcome_toggled), self);
      gtk_grid_attach (self->outcome_grid, button, n % 3, n / 3, 1, 1);
      g_ptr_array_add (self->outcome_buttons, button);
      n++;
    }
}

/* The approver's proposal: the outcome of the last final review. */
static void
read_proposal (CsDecisionEditor *self)
{
  GListModel *reviews = cs_case_get_reviews (self->kase);
  g_autoptr(CsReview) last = NULL;

  self->proposed = CS_OUTCOME_NONE;
  g_clear_pointer (&self->proposal_opinion, g_free);
  for (guint i = 0; reviews != NULL && i < g_list_model_get_n_items (reviews); i++)
    {
      g_autoptr(CsReview) review = g_list_model_get_item (reviews, i);

      if (cs_review_get_final (review))
        g_set_object (&last, review);
    }
  if (last == NULL)
    {
      gtk_label_set_label (self->proposal_label, _("No final review proposes an outcome yet."));
      return;
    }
  self->proposed = cs_review_get_proposed_outcome (last);
  self->proposal_opinion = g_strdup (cs_review_get_opinion (last));
  {
    /* Translators: the approver's name, the proposed outcome, the review opinion */
    g_autofree char *text = g_strdup_printf (_("%s proposes: %s. “%s”"),
                                             cs_review_get_author_name (last),
                                             cs_outcome_get_label (self->proposed),
                                             cs_review_get_opinion (last));
    gtk_label_set_label (self->proposal_label, text);
  }
}

static void
choose_outcome (CsDecisionEditor *self,
                CsOutcome         outcome)
{
  self->filling = TRUE;
  for (guint i = 0; i < self->outcome_buttons->len; i++)
    {
      GtkToggleButton *button = g_ptr_array_index (self->outcome_buttons, i);
      CsOutcome mine = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "cs-outcome"));

      gtk_toggle_button_set_active (button, mine == outcome);
    }
  self->filling = FALSE;
  if (outcome != CS_OUTCOME_NONE)
    fill_wording (self);
  else
    {
      self->filling = TRUE;
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), "", -1);
      self->filling = FALSE;
    }
}

/* The newest decision of this case in the outbox, sent or not. */
static void
show_queued_decision (CsDecisionEditor *self)
{
  CsOutbox *outbox = cs_session_get_outbox (self->session);
  g_autoptr(GPtrArray) items = outbox != NULL ? cs_outbox_list (outbox, TRUE, NULL) : NULL;

  self->write_id = 0;
  show_message (self, NULL, NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->retry_button), FALSE);
  for (guint i = items != NULL ? items->len : 0; i > 0; i--)
    {
      CsOutboxItem *item = g_ptr_array_index (items, i - 1);

      if (g_strcmp0 (cs_outbox_item_get_kind (item), "decision") == 0 &&
          g_strcmp0 (cs_outbox_item_get_case_id (item), cs_case_get_id (self->kase)) == 0)
        {
          show_write (self, item);
          return;
        }
    }
}

/**
 * cs_decision_editor_set_case:
 * @self: a #CsDecisionEditor
 * @kase: the case, in full
 * @matter: (nullable): its matter
 *
 * Starts the decision of a case anew from the approver's proposal, or,
 * for the same case at a newer version, keeps what the chief has written
 * (the document shown is taken back: it names the old version).
 */
void
cs_decision_editor_set_case (CsDecisionEditor *self,
                             CsCase           *kase,
                             CsMatter         *matter)
{
  gboolean same;

  g_return_if_fail (CS_IS_DECISION_EDITOR (self));

  same = self->kase != NULL && kase != NULL &&
         g_strcmp0 (cs_case_get_id (self->kase), cs_case_get_id (kase)) == 0;
  if (!same)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      self->cancellable = g_cancellable_new ();
      set_busy (self, NULL);
    }
  g_set_object (&self->kase, kase);
  g_set_object (&self->matter, matter);
  drop_document (self);
  gtk_widget_set_visible (GTK_WIDGET (self), kase != NULL && is_chief (self));
  if (kase == NULL)
    {
      self->write_id = 0;
      return;
    }
  if (!same)
    {
      make_outcome_buttons (self);
      read_proposal (self);
      choose_outcome (self, self->proposed);
      show_queued_decision (self);
    }
  update_state (self);
}

gboolean
cs_decision_editor_get_shown (CsDecisionEditor *self)
{
  g_return_val_if_fail (CS_IS_DECISION_EDITOR (self), FALSE);
  return gtk_widget_get_visible (GTK_WIDGET (self));
}

/* Showing the document */

static void
rendered_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(CsDecisionEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsDecisionDocument) document = cs_signing_render_finish (result, &error);
  g_autoptr(CsDecisionDraft) draft = NULL;
  g_autoptr(GFileIOStream) stream = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *text = NULL;
  GBytes *bytes;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  draft = g_steal_pointer (&self->rendering);
  set_busy (self, NULL);
  if (document == NULL)
    {
      show_message (self, "dialog-error-symbolic", error->message, "error");
      update_state (self);
      return;
    }

  /* The viewer reads a file: these very bytes, which are signed. */
  bytes = cs_decision_document_get_bytes (document);
  file = g_file_new_tmp ("countersign-decision-XXXXXX.pdf", &stream, &error);
  if (file == NULL ||
      !g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (stream)),
                                  g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL,
                                  NULL, &error) ||
      !g_io_stream_close (G_IO_STREAM (stream), NULL, &error))
    {
      show_message (self, "dialog-error-symbolic", error->message, "error");
      update_state (self);
      return;
    }
  if (self->document_file != NULL)
    g_file_delete (self->document_file, NULL, NULL);
  g_set_object (&self->document_file, file);
  g_set_object (&self->draft, draft);
  g_set_object (&self->document, document);

  /* Translators: the document number, its pages, and its SHA-256 */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u page · SHA-256 %s",
                                       "%s · %u pages · SHA-256 %s",
                                       cs_decision_document_get_n_pages (document)),
                          cs_decision_draft_get_document_number (draft),
                          cs_decision_document_get_n_pages (document),
                          cs_decision_document_get_sha256 (document));
  gtk_label_set_label (self->document_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->document_label), TRUE);
  show_message (self, NULL, _("The decision document is shown in the viewer: read it, then sign "
                              "it."), NULL);
  g_signal_emit (self, signals[SHOW_DOCUMENT], 0, file);
  update_state (self);
}

static void
preview_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CsDecisionEditor *self = CS_DECISION_EDITOR (widget);
  g_autoptr(CsDecisionDraft) draft = NULL;
  g_autofree char *problem = decision_problem (self);

  if (problem != NULL || self->busy)
    return;
  draft = build_draft (self);
  drop_document (self);
  set_busy (self, _("Rendering the decision document…"));
  update_state (self);
  /* Kept with the document it gives, so that the two stay a pair. */
  g_set_object (&self->rendering, draft);
  cs_signing_render_async (draft, self->cancellable, rendered_cb, g_object_ref (self));
}

/* Signing */

static void
signed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(CsDecisionEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsDecisionDocument) document = NULL;
  g_autoptr(GBytes) payload = NULL;
  g_autoptr(GBytes) signature = NULL;
  g_autoptr(CsOutboxItem) item = NULL;

  if (!cs_signing_sign_finish (result, &document, &payload, &signature, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, NULL);
      show_message (self, "dialog-error-symbolic", error->message, "error");
      update_state (self);
      return;
    }
  set_busy (self, NULL);
  item = cs_session_queue_decision (self->session, cs_case_get_id (self->kase), payload,
                                    signature, cs_decision_document_get_bytes (document), &error);
  if (item == NULL)
    {
      show_message (self, "dialog-error-symbolic", error->message, "error");
      update_state (self);
      return;
    }
  show_write (self, item);
}

static void
on_sign (CsSignDialog     *dialog,
         CsSigner         *signer,
         CsDecisionEditor *self)
{
  if (self->document == NULL || self->busy)
    return;
  set_busy (self, _("Signing…"));
  update_state (self);
  cs_signing_sign_async (self->draft, self->document, signer, self->cancellable, signed_cb,
                         g_object_ref (self));
}

static void
sign_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CsDecisionEditor *self = CS_DECISION_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *summary = NULL;
  CsSignDialog *dialog;

  if (self->document == NULL || self->busy)
    return;
  /* Translators: the outcome, the case number, the document number and its SHA-256 */
  summary = g_strdup_printf (_("%s on case %s, document %s. What is signed is the document "
                               "shown in the viewer (SHA-256 %s)."),
                             cs_outcome_get_label (cs_decision_draft_get_outcome (self->draft)),
                             cs_decision_draft_get_case_number (self->draft),
                             cs_decision_draft_get_document_number (self->draft),
                             cs_decision_document_get_sha256 (self->document));
  dialog = cs_sign_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->session,
                               summary);
  g_signal_connect_object (dialog, "sign", G_CALLBACK (on_sign), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CsDecisionEditor *self = CS_DECISION_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  CsOutbox *outbox = cs_session_get_outbox (self->session);

  if (outbox == NULL || self->write_id == 0)
    return;
  if (!cs_outbox_retry (outbox, self->write_id, &error))
    show_message (self, "dialog-error-symbolic", error->message, "error");
  else
    cs_session_refresh (self->session);
}

static void
on_write_changed (CsDecisionEditor *self,
                  CsOutboxItem     *item)
{
  if (self->write_id != 0 && cs_outbox_item_get_id (item) == self->write_id)
    show_write (self, item);
}

void
cs_decision_editor_set_context (CsDecisionEditor *self,
                                CsSession        *session,
                                CsPluginHost     *host)
{
  g_return_if_fail (CS_IS_DECISION_EDITOR (self));

  if (g_set_object (&self->session, session) && session != NULL)
    g_signal_connect_object (session, "write-changed", G_CALLBACK (on_write_changed), self,
                             G_CONNECT_SWAPPED);
  g_set_object (&self->host, host);
}

static void
cs_decision_editor_dispose (GObject *object)
{
  CsDecisionEditor *self = (CsDecisionEditor *) object;

  g_cancellable_cancel (self->cancellable);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  if (self->document_file != NULL)
    g_file_delete (self->document_file, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_DECISION_EDITOR);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->document_file);
  g_clear_object (&self->draft);
  g_clear_object (&self->document);
  g_clear_object (&self->rendering);
  g_clear_object (&self->kase);
  g_clear_object (&self->matter);
  g_clear_object (&self->host);
  g_clear_object (&self->session);
  g_clear_pointer (&self->proposal_opinion, g_free);
  g_clear_pointer (&self->outcome_buttons, g_ptr_array_unref);

  G_OBJECT_CLASS (cs_decision_editor_parent_class)->dispose (object);
}

static void
cs_decision_editor_class_init (CsDecisionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_decision_editor_dispose;

  /**
   * CsDecisionEditor::show-document:
   * @self: the editor
   * @file: the rendered decision document (PDF), the bytes that are signed
   *
   * The document is rendered: show it before it is signed.
   */
  signals[SHOW_DOCUMENT] = g_signal_new ("show-document", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/countersign/Desk/cs-decision-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CsDecisionEditor, basis_row);
  gtk_widget_class_bind_template_child (widget_class, CsDecisionEditor, days_row);
  gtk_widget_class_bind_template_child (widget_class, CsDecisionEditor, days_spin);
  gtk_widget_class_bind_template_child (widget_class, CsDecisionEditor, document_label);
  gtk_widget_class_bind_template_child (widget_class, CsDecisionEditor, items_row);
  gtk_widget_class_bind_template_child (widget_class, CsDecisionEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, CsDecisionEditor, outbox_icon);
  gtk_widget_class_bind_template_child (widget_class, CsDecisionEditor, outbox_label);
  gtk_widget_class_bind_template_child (widget_class, CsDecisionEditor, outcome_grid);
  gtk_widget_class_bind_template_child (widget_class, CsDecisionEditor, problem_label);
  gtk_widget_class_bind_template_child (widget_class, CsDecisionEditor, proposal_label);
  gtk_widget_class_bind_template_child (widget_class, CsDecisionEditor, reasons_row);
  gtk_widget_class_bind_template_child (widget_class, CsDecisionEditor, remedy_row);
  gtk_widget_class_bind_template_child (widget_class, CsDecisionEditor, retry_button);
  gtk_widget_class_bind_template_child (widget_class, CsDecisionEditor, spinner);
  gtk_widget_class_bind_template_child (widget_class, CsDecisionEditor, suspension_reason_row);
  gtk_widget_class_bind_template_child (widget_class, CsDecisionEditor, text_view);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);

  gtk_widget_class_install_action (widget_class, "decision.preview", NULL, preview_action);
  gtk_widget_class_install_action (widget_class, "decision.sign", NULL, sign_action);
  gtk_widget_class_install_action (widget_class, "decision.retry", NULL, retry_action);
}

static void
cs_decision_editor_init (CsDecisionEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->outcome_buttons = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
