/* cs-batch-sign-window.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsBatchSignWindow"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-batch-sign-window.h"
#include "cs-sign-dialog.h"
#include "cs-signing.h"
#include "cs-viewer-window.h"

/**
 * CsBatchSignWindow:
 *
 * The chief representative's batch: every proposal of one matter that
 * waits for the chief (a final review, the case "reviewed"), each with the
 * decision the approver proposed in the department plugin's wording, and
 * whatever blocks it in words: an unfinished checklist, a co-department
 * that has not reported, a rule of the outcome, a placeholder left in the
 * wording. Any decision document can be shown before signing (and the one
 * shown is the one signed).
 *
 * The key is opened once (#CsSignDialog); then each decision that nothing
 * blocks is rendered and signed in a worker thread, one after another,
 * and queued in the outbox, its row saying where it stands (signing,
 * waiting, sent, refused and why). One failure does not stop the rest.
 */
struct _CsBatchSignWindow
{
  AdwWindow parent_instance;

  CsSession *session;
  CsPluginHost *host;
  CsMatter *matter;
  GPtrArray *items;             /* Item */
  GCancellable *cancellable;
  CsSigner *signer;             /* while the batch runs */
  guint n_loaded;
  gboolean running;

  GtkListBox *list;
  GtkProgressBar *progress_bar;
  GtkLabel *status_label;
  AdwWindowTitle *window_title;
};

G_DEFINE_FINAL_TYPE (CsBatchSignWindow, cs_batch_sign_window, ADW_TYPE_WINDOW)

typedef enum
{
  ITEM_LOADING,
  ITEM_READY,
  ITEM_BLOCKED,
  ITEM_SIGNING,
  ITEM_PENDING,
  ITEM_SENT,
  ITEM_REFUSED,
  ITEM_FAILED,     /* not signed or not queued */
} ItemState;

typedef struct
{
  CsCase *kase;
  CsDecisionDraft *draft;
  CsDecisionDocument *document;    /* rendered to be shown; then signed as it is */
  ItemState state;
  gint64 write_id;
  AdwActionRow *row;
  GtkLabel *state_label;
  GtkButton *show_button;
} Item;

static void
item_free (Item *item)
{
  g_clear_object (&item->kase);
  g_clear_object (&item->draft);
  g_clear_object (&item->document);
  g_free (item);
}

static void
set_item_state (Item       *item,
                ItemState   state,
                const char *detail)
{
  static const char * const css[] = { "error", "success", "warning" };
  const char *label = NULL;
  const char *style = NULL;

  item->state = state;
  switch (state)
    {
    case ITEM_LOADING:
      label = _("Loading…");
      break;
    case ITEM_READY:
      label = _("Ready to sign");
      break;
    case ITEM_BLOCKED:
      label = _("Blocked");
      style = "warning";
      break;
    case ITEM_SIGNING:
      label = _("Signing…");
      break;
    case ITEM_PENDING:
      label = _("Waiting to be sent");
      break;
    case ITEM_SENT:
      label = _("Sent");
      style = "success";
      break;
    case ITEM_REFUSED:
      label = _("Refused");
      style = "error";
      break;
    case ITEM_FAILED:
    default:
      label = _("Not signed");
      style = "error";
      break;
    }
  gtk_label_set_label (item->state_label, label);
  for (guint i = 0; i < G_N_ELEMENTS (css); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (item->state_label), css[i]);
  if (style != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (item->state_label), style);
  if (detail != NULL)
    adw_action_row_set_subtitle (item->row, detail);
  gtk_widget_set_sensitive (GTK_WIDGET (item->show_button), item->draft != NULL);
}

static void
update_status (CsBatchSignWindow *self)
{
  guint counts[ITEM_FAILED + 1] = { 0 };
  guint n = self->items->len;
  guint done;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    counts[((Item *) g_ptr_array_index (self->items, i))->state]++;
  done = counts[ITEM_PENDING] + counts[ITEM_SENT] + counts[ITEM_REFUSED] + counts[ITEM_FAILED];

  if (n == 0)
    text = g_strdup (_("No proposal of this matter waits for your decision."));
  else if (self->n_loaded < n)
    text = g_strdup_printf (_("Loading the proposals: %u of %u…"), self->n_loaded, n);
  else if (self->running || done > 0)
    /* Translators: per-item results of a batch of signed decisions */
    text = g_strdup_printf (_("Signed %u of %u: %u sent, %u waiting, %u refused, %u not signed; "
                              "%u blocked."),
                            done, done + counts[ITEM_SIGNING] + counts[ITEM_READY],
                            counts[ITEM_SENT], counts[ITEM_PENDING], counts[ITEM_REFUSED],
                            counts[ITEM_FAILED], counts[ITEM_BLOCKED]);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u proposal waits for your decision: %u ready to sign, "
                                         "%u blocked.",
                                         "%u proposals wait for your decision: %u ready to sign, "
                                         "%u blocked.", n),
                            n, counts[ITEM_READY], counts[ITEM_BLOCKED]);
  gtk_label_set_label (self->status_label, text);

  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), self->running || done > 0);
  if (done + counts[ITEM_SIGNING] + counts[ITEM_READY] > 0)
    gtk_progress_bar_set_fraction (self->progress_bar,
                                   (double) done /
                                   (double) (done + counts[ITEM_SIGNING] + counts[ITEM_READY]));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "batch.sign-all",
                                 !self->running && self->n_loaded == n && counts[ITEM_READY] > 0);
}

/* What keeps a proposal from being signed, in words, or NULL. */
static char *
find_block (CsBatchSignWindow *self,
            Item              *item)
{
  GListModel *reviews = cs_case_get_reviews (item->kase);
  GListModel *checklist = self->matter != NULL ? cs_matter_get_checklist (self->matter) : NULL;
  GListModel *parts = cs_case_get_parts (item->kase);
  g_autoptr(CsReview) last = NULL;
  g_autoptr(GString) missing = g_string_new (NULL);
  g_autoptr(GString) waiting = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *basis = NULL;
  CsUser *user = cs_session_get_user (self->session);
  GListModel *verdicts;
  CsOutcome outcome;

  for (guint i = 0; reviews != NULL && i < g_list_model_get_n_items (reviews); i++)
    {
      g_autoptr(CsReview) review = g_list_model_get_item (reviews, i);

      if (cs_review_get_final (review))
        g_set_object (&last, review);
    }
  if (cs_case_get_status (item->kase) != CS_CASE_STATUS_REVIEWED || last == NULL)
    return g_strdup_printf (_("The case is “%s”: it no longer waits for a decision."),
                            cs_case_status_get_label (cs_case_get_status (item->kase)));

  /* Every required item of the checklist has the approver's verdict. */
  verdicts = cs_review_get_checklist (last);
  for (guint i = 0; checklist != NULL && i < g_list_model_get_n_items (checklist); i++)
    {
      g_autoptr(CsChecklistItem) entry = g_list_model_get_item (checklist, i);
      gboolean found = FALSE;

      if (!cs_checklist_item_get_required (entry))
        continue;
      for (guint j = 0; verdicts != NULL && j < g_list_model_get_n_items (verdicts) && !found; j++)
        {
          g_autoptr(CsVerdict) verdict = g_list_model_get_item (verdicts, j);

          found = g_strcmp0 (cs_verdict_get_item (verdict),
                             cs_checklist_item_get_code (entry)) == 0;
        }
      if (!found)
        {
          if (missing->len > 0)
            /* Translators: separates the names in a list */
            g_string_append (missing, _(", "));
          g_string_append (missing, cs_checklist_item_get_name (entry));
        }
    }
  if (missing->len > 0)
    return g_strdup_printf (_("The checklist is unfinished: no verdict on %s."), missing->str);

  /* The lead department decides last: after every co-department. */
  for (guint i = 0; cs_case_get_lead (item->kase) && parts != NULL &&
       i < g_list_model_get_n_items (parts); i++)
    {
      g_autoptr(CsCasePart) part = g_list_model_get_item (parts, i);

      if (g_strcmp0 (cs_case_part_get_department (part),
                     cs_case_get_department (item->kase)) == 0 ||
          cs_case_part_get_status (part) == CS_CASE_STATUS_DECIDED)
        continue;
      if (waiting->len > 0)
        g_string_append (waiting, _(", "));
      g_string_append (waiting, cs_case_part_get_department_name (part));
    }
  if (waiting->len > 0)
    return g_strdup_printf (_("Waiting for the co-departments: %s has not reported."),
                            waiting->str);

  outcome = cs_review_get_proposed_outcome (last);
  item->draft = cs_decision_draft_new_for_case (item->kase, self->matter, outcome);
  if (user != NULL)
    cs_decision_draft_set_signer (item->draft, cs_user_get_username (user),
                                  cs_user_get_name (user));
  if (self->host != NULL && self->matter != NULL &&
      cs_plugin_host_get_wording (self->host, item->kase, self->matter, outcome, &text, &basis,
                                  NULL))
    {
      cs_decision_draft_set_text (item->draft, text);
      cs_decision_draft_set_legal_basis (item->draft, basis);
    }
  if (outcome == CS_OUTCOME_DENY)
    cs_decision_draft_set_reasons (item->draft, cs_review_get_opinion (last));
  if (!cs_signing_check_draft (item->draft, &error))
    {
      g_autofree char *why = g_strdup_printf (_("%s: open the case to decide it: %s"),
                                              cs_outcome_get_label (outcome), error->message);
      g_clear_object (&item->draft);
      return g_steal_pointer (&why);
    }
  return NULL;
}

static void fetch_next (CsBatchSignWindow *self);

static void
case_fetched_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(CsBatchSignWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsCase) kase = cs_session_fetch_case_finish (CS_SESSION (object), result, &error);
  Item *item;
  g_autofree char *block = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  item = g_ptr_array_index (self->items, self->n_loaded);
  self->n_loaded++;
  if (kase == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The case could not be loaded: %s"),
                                               error->message);
      set_item_state (item, ITEM_BLOCKED, text);
    }
  else
    {
      g_set_object (&item->kase, kase);
      block = find_block (self, item);
      if (block != NULL)
        set_item_state (item, ITEM_BLOCKED, block);
      else
        {
          /* Translators: the outcome, then the document number */
          CsOutcome outcome = cs_decision_draft_get_outcome (item->draft);
          g_autofree char *text = NULL;

          text = g_strdup_printf (_("%s · %s"), cs_outcome_get_label (outcome),
                                  cs_decision_draft_get_document_number (item->draft));
          set_item_state (item, ITEM_READY, text);
        }
    }
  update_status (self);
  fetch_next (self);
}

static void
fetch_next (CsBatchSignWindow *self)
{
  Item *item;

  if (self->n_loaded >= self->items->len)
    {
      /* Once, when all are loaded: what is blocked comes first. */
      gtk_list_box_invalidate_sort (self->list);
      return;
    }
  item = g_ptr_array_index (self->items, self->n_loaded);
  cs_session_fetch_case_async (self->session, cs_case_get_id (item->kase), self->cancellable,
                               case_fetched_cb, g_object_ref (self));
}

/* Showing one decision document */

typedef struct
{
  CsBatchSignWindow *self;
  Item *item;
} ItemRef;

static void
delete_file (GFile *file)
{
  g_file_delete (file, NULL, NULL);
}

static void
shown_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  ItemRef *ref = user_data;
  g_autoptr(CsBatchSignWindow) self = ref->self;
  Item *item = ref->item;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsDecisionDocument) document = cs_signing_render_finish (result, &error);
  g_autoptr(GFileIOStream) stream = NULL;
  g_autoptr(GFile) file = NULL;
  GBytes *bytes;

  g_free (ref);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (document != NULL)
    {
      bytes = cs_decision_document_get_bytes (document);
      file = g_file_new_tmp ("countersign-decision-XXXXXX.pdf", &stream, &error);
      if (file != NULL &&
          g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (stream)),
                                     g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                     NULL, NULL, &error) &&
          g_io_stream_close (G_IO_STREAM (stream), NULL, &error))
        {
          GtkWindow *viewer;

          /* The one shown is the one signed, if it is signed. */
          if (item->state == ITEM_READY)
            g_set_object (&item->document, document);
          viewer = cs_viewer_window_new (gtk_window_get_application (GTK_WINDOW (self)), file,
                                         "application/pdf",
                                         cs_decision_draft_get_document_number (item->draft));
          gtk_window_set_transient_for (viewer, GTK_WINDOW (self));
          /* The file goes with the window that reads it. */
          g_signal_connect_data (viewer, "destroy", G_CALLBACK (delete_file),
                                 g_object_ref (file),
                                 (GClosureNotify) (void (*) (void)) g_object_unref,
                                 G_CONNECT_SWAPPED);
          gtk_window_present (viewer);
          return;
        }
    }
  adw_action_row_set_subtitle (item->row, error->message);
}

static void
on_show_clicked (GtkButton *button,
                 gpointer   user_data)
{
  CsBatchSignWindow *self = CS_BATCH_SIGN_WINDOW (gtk_widget_get_root (GTK_WIDGET (button)));
  Item *item = user_data;
  ItemRef *ref;

  if (item->draft == NULL)
    return;
  ref = g_new0 (ItemRef, 1);
  ref->self = g_object_ref (self);
  ref->item = item;
  cs_signing_render_async (item->draft, self->cancellable, shown_cb, ref);
}

/* Signing the batch */

static void sign_next (CsBatchSignWindow *self);

static void
show_write (Item         *item,
            CsOutboxItem *write)
{
  const char *error = cs_outbox_item_get_last_error (write);
  g_autofree char *text = NULL;

  switch (cs_outbox_item_get_state (write))
    {
    case CS_OUTBOX_SENT:
      set_item_state (item, ITEM_SENT, _("Signed decision sent to the central platform."));
      break;
    case CS_OUTBOX_FAILED:
      text = g_strdup_printf (_("Signed decision refused: %s"), error != NULL ? error : "");
      set_item_state (item, ITEM_REFUSED, text);
      break;
    case CS_OUTBOX_PENDING:
    default:
      if (cs_outbox_item_get_attempts (write) > 0 && error != NULL)
        text = g_strdup_printf (_("Signed decision kept in the outbox; it is sent when the server "
                                  "answers (%s)."), error);
      set_item_state (item, ITEM_PENDING,
                      text != NULL ? text : _("Signed decision waiting in the outbox to be sent."));
      break;
    }
}

static void
signed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  ItemRef *ref = user_data;
  g_autoptr(CsBatchSignWindow) self = ref->self;
  Item *item = ref->item;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsDecisionDocument) document = NULL;
  g_autoptr(GBytes) payload = NULL;
  g_autoptr(GBytes) signature = NULL;
  g_autoptr(CsOutboxItem) write = NULL;

  g_free (ref);
  if (!cs_signing_sign_finish (result, &document, &payload, &signature, &error))
    {
      g_autofree char *text = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      text = g_strdup_printf (_("Not signed: %s"), error->message);
      set_item_state (item, ITEM_FAILED, text);
    }
  else
    {
      write = cs_session_queue_decision (self->session, cs_case_get_id (item->kase), payload,
                                         signature, cs_decision_document_get_bytes (document),
                                         &error);
      if (write == NULL)
        {
          g_autofree char *text = g_strdup_printf (_("Not queued: %s"), error->message);
          set_item_state (item, ITEM_FAILED, text);
        }
      else
        {
          item->write_id = cs_outbox_item_get_id (write);
          show_write (item, write);
        }
    }
  update_status (self);
  sign_next (self);
}

static void
sign_next (CsBatchSignWindow *self)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);
      ItemRef *ref;

      if (item->state != ITEM_READY)
        continue;
      set_item_state (item, ITEM_SIGNING, NULL);
      update_status (self);
      ref = g_new0 (ItemRef, 1);
      ref->self = g_object_ref (self);
      ref->item = item;
      cs_signing_sign_async (item->draft, item->document, self->signer, self->cancellable,
                             signed_cb, ref);
      return;
    }
  self->running = FALSE;
  g_clear_object (&self->signer);
  update_status (self);
}

static void
on_sign (CsSignDialog      *dialog,
         CsSigner          *signer,
         CsBatchSignWindow *self)
{
  if (self->running)
    return;
  g_set_object (&self->signer, signer);
  self->running = TRUE;
  sign_next (self);
}

static void
sign_all_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CsBatchSignWindow *self = CS_BATCH_SIGN_WINDOW (widget);
  g_autofree char *summary = NULL;
  CsSignDialog *dialog;
  guint ready = 0;

  for (guint i = 0; i < self->items->len; i++)
    ready += ((Item *) g_ptr_array_index (self->items, i))->state == ITEM_READY;
  if (ready == 0 || self->running)
    return;
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u decision on “%s”, in the wording listed: each "
                                          "document is rendered, signed with this key and sent.",
                                          "%u decisions on “%s”, in the wording listed: each "
                                          "document is rendered, signed with this key and sent.",
                                          ready),
                             ready, self->matter != NULL ? cs_matter_get_name (self->matter) : "");
  dialog = cs_sign_dialog_new (GTK_WINDOW (self), self->session, summary);
  g_signal_connect_object (dialog, "sign", G_CALLBACK (on_sign), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_write_changed (CsBatchSignWindow *self,
                  CsOutboxItem      *write)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = g_ptr_array_index (self->items, i);

      if (item->write_id != 0 && item->write_id == cs_outbox_item_get_id (write))
        {
          show_write (item, write);
          update_status (self);
          return;
        }
    }
}

static void
add_item (CsBatchSignWindow *self,
          CsCase            *kase)
{
  Item *item = g_new0 (Item, 1);
  g_autofree char *title = g_strdup_printf ("%s · %s", cs_case_get_number (kase),
                                            cs_case_get_applicant_name (kase));
  g_autofree char *show_label = NULL;
  GtkWidget *box;

  item->kase = g_object_ref (kase);
  item->row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item->row), title);
  adw_action_row_set_subtitle_lines (item->row, 3);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  item->state_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (item->state_label));
  item->show_button = GTK_BUTTON (gtk_button_new_from_icon_name ("x-office-document-symbolic"));
  gtk_widget_add_css_class (GTK_WIDGET (item->show_button), "flat");
  gtk_widget_set_tooltip_text (GTK_WIDGET (item->show_button), _("Show the Decision Document"));
  /* Translators: the accessible name of a button; %s is a case number */
  show_label = g_strdup_printf (_("Show the decision document of case %s"),
                                cs_case_get_number (kase));
  gtk_accessible_update_property (GTK_ACCESSIBLE (item->show_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, show_label, -1);
  g_signal_connect (item->show_button, "clicked", G_CALLBACK (on_show_clicked), item);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (item->show_button));
  adw_action_row_add_suffix (item->row, box);
  g_object_set_data (G_OBJECT (item->row), "cs-item", item);
  gtk_list_box_append (self->list, GTK_WIDGET (item->row));
  g_ptr_array_add (self->items, item);
  set_item_state (item, ITEM_LOADING, _("Loading…"));
}

static int
compare_rows (GtkListBoxRow *a,
              GtkListBoxRow *b,
              gpointer       user_data)
{
  Item *x = g_object_get_data (G_OBJECT (a), "cs-item");
  Item *y = g_object_get_data (G_OBJECT (b), "cs-item");
  CsBatchSignWindow *self = user_data;
  gboolean loaded = self->items != NULL && self->n_loaded == self->items->len;

  if (loaded && (x->state == ITEM_BLOCKED) != (y->state == ITEM_BLOCKED))
    return x->state == ITEM_BLOCKED ? -1 : 1;
  return g_strcmp0 (cs_case_get_number (x->kase), cs_case_get_number (y->kase));
}

static int
compare_numbers (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (cs_case_get_number (*(CsCase **) a), cs_case_get_number (*(CsCase **) b));
}

static void
cs_batch_sign_window_dispose (GObject *object)
{
  CsBatchSignWindow *self = (CsBatchSignWindow *) object;

  g_cancellable_cancel (self->cancellable);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_BATCH_SIGN_WINDOW);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->signer);
  g_clear_object (&self->matter);
  g_clear_object (&self->host);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (cs_batch_sign_window_parent_class)->dispose (object);
}

static void
cs_batch_sign_window_class_init (CsBatchSignWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_batch_sign_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/countersign/Desk/cs-batch-sign-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CsBatchSignWindow, list);
  gtk_widget_class_bind_template_child (widget_class, CsBatchSignWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CsBatchSignWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, CsBatchSignWindow, window_title);

  gtk_widget_class_install_action (widget_class, "batch.sign-all", NULL, sign_all_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cs_batch_sign_window_init (CsBatchSignWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  self->cancellable = g_cancellable_new ();
  gtk_list_box_set_sort_func (self->list, compare_rows, self, NULL);
}

/**
 * cs_batch_sign_window_new:
 * @parent: the desk's window
 * @session: the chief's session
 * @host: (nullable): the department plugins, for the wording
 * @matter: the matter whose proposals are signed
 *
 * Lists the proposals of @matter that wait for the chief (the cases in
 * the session's inbox that are "reviewed") and loads each in full.
 */
CsBatchSignWindow *
cs_batch_sign_window_new (GtkWindow    *parent,
                          CsSession    *session,
                          CsPluginHost *host,
                          CsMatter     *matter)
{
  CsBatchSignWindow *self;
  GListModel *cases = G_LIST_MODEL (cs_session_get_cases (session));
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (CS_IS_SESSION (session), NULL);
  g_return_val_if_fail (CS_IS_MATTER (matter), NULL);

  self = g_object_new (CS_TYPE_BATCH_SIGN_WINDOW, "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->session = g_object_ref (session);
  self->host = host != NULL ? g_object_ref (host) : NULL;
  self->matter = g_object_ref (matter);
  adw_window_title_set_subtitle (self->window_title, cs_matter_get_name (matter));
  g_signal_connect_object (session, "write-changed", G_CALLBACK (on_write_changed), self,
                           G_CONNECT_SWAPPED);

  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(CsCase) kase = g_list_model_get_item (cases, i);

      if (cs_case_get_status (kase) == CS_CASE_STATUS_REVIEWED &&
          g_strcmp0 (cs_case_get_matter_code (kase), cs_matter_get_code (matter)) == 0)
        g_ptr_array_add (found, g_steal_pointer (&kase));
    }
  g_ptr_array_sort (found, compare_numbers);
  for (guint i = 0; i < found->len; i++)
    add_item (self, g_ptr_array_index (found, i));
  update_status (self);
  fetch_next (self);
  return self;
}
