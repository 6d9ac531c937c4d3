/* cs-case-view.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsCaseView"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-case-view.h"
#include "cs-checklist-row.h"
#include "cs-decision-editor.h"
#include "cs-material-view.h"
#include "cs-review-editor.h"
#include "cs-verdict-bar.h"

/**
 * CsCaseView:
 *
 * One case, as an approver works it: who applied for what and where, every
 * legal clock with its due date and how it was counted, the department
 * plugin's panel of the form, its pre-check findings, the checklist with
 * the materials received for each item next to a viewer, the review, the
 * other departments' parts of a parallel case and the audit timeline.
 *
 * The cached copy shows at once; the server's copy follows (an unchanged
 * case costs a 304). Claims, releases and reviews go through the outbox,
 * so they are kept when the network is down, and the page says where each
 * stands. A review being written is kept as a draft in the account's cache
 * until it is queued, so that neither going back to the inbox nor a crash
 * loses it.
 */
struct _CsCaseView
{
  AdwBin parent_instance;

  CsSession *session;
  CsPluginHost *plugin_host;
  CsCase *kase;                /* in full once loaded; the summary before */
  CsMatter *matter;            /* held: the session's catalogue is replaced on sync */
  GCancellable *cancellable;   /* the open case's work */
  GCancellable *material_cancellable;
  GPtrArray *checklist_rows;   /* CsChecklistRow */
  GtkWidget *panel;
  GPtrArray *prefetch;         /* CsMaterial still to bring into the cache */
  CsMaterial *shown_material;
  gint64 write_id;             /* the last write this page queued */
  guint draft_timeout_id;
  gboolean full;               /* the case in full is shown */
  gboolean review_dirty;
  gboolean holds_focus;        /* the view itself has the keyboard, for want of a control */
  gboolean offline;
  CsOutcome basis_outcome;     /* the outcome the legal basis shown is for */

  /* Template widgets */
  GtkRevealer *banner_revealer;
  GtkLabel *banner_label;
  GtkButton *claim_button;
  AdwPreferencesGroup *checklist_group;
  GtkListBox *checklist_list;
  AdwPreferencesGroup *clocks_group;
  CsDecisionEditor *decision_editor;
  GtkBox *details_box;
  GtkScrolledWindow *details_scroller;
  AdwStatusPage *error_page;
  AdwPreferencesGroup *findings_group;
  GtkListBox *findings_list;
  GtkSpinner *findings_spinner;
  AdwPreferencesGroup *form_group;
  GtkLabel *material_title;
  CsMaterialView *material_view;
  CsVerdictBar *verdict_bar;
  AdwBin *panel_bin;
  AdwPreferencesGroup *parts_group;
  GtkButton *release_button;
  CsReviewEditor *review_editor;
  AdwPreferencesGroup *reviews_group;
  GtkStack *stack;
  AdwPreferencesGroup *summary_group;
  GtkListBox *timeline_list;
  AdwWindowTitle *window_title;

  /* Made in code, in these groups */
  GtkGrid *summary_grid;
  guint summary_cells;
  GtkListBox *clocks_list;
  GtkListBox *parts_list;
  GtkListBox *reviews_list;
};

G_DEFINE_FINAL_TYPE (CsCaseView, cs_case_view, ADW_TYPE_BIN)

enum {
  BACK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_review_state (CsCaseView *self);
static void fetch_case (CsCaseView *self);

/* Small helpers */

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkListBox *
add_list (AdwPreferencesGroup *group,
          const char          *accessible_label)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);
  adw_preferences_group_add (group, list);
  return GTK_LIST_BOX (list);
}

static GtkWidget *
property_row (const char *title,
              const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  /* Applicants' names and numbers contain ampersands and angle brackets
   * as often as anyone's: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "property");
  return row;
}

static char *
format_date (const GDate *date)
{
  char text[16];

  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");
  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  return g_strdup (text);
}

static char *
format_time (gint64 usec)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  return local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup ("");
}

static const char *
my_username (CsCaseView *self)
{
  CsUser *user = self->session != NULL ? cs_session_get_user (self->session) : NULL;

  return user != NULL ? cs_user_get_username (user) : cs_session_get_username (self->session);
}

static gboolean
is_mine (CsCaseView *self)
{
  return self->kase != NULL &&
         g_strcmp0 (cs_case_get_assignee_username (self->kase), my_username (self)) == 0;
}

static gboolean
review_editable (CsCaseView *self)
{
  CsUser *user = cs_session_get_user (self->session);

  if (!self->full || !is_mine (self) || (user != NULL && !cs_user_is_approver (user)))
    return FALSE;
  switch (cs_case_get_status (self->kase))
    {
    case CS_CASE_STATUS_CLAIMED:
    case CS_CASE_STATUS_UNDER_REVIEW:
    case CS_CASE_STATUS_REVIEWED:
    case CS_CASE_STATUS_EXTENDED:
      return TRUE;
    default:
      return FALSE;
    }
}

static void
show_banner (CsCaseView *self,
             const char *message)
{
  if (message != NULL)
    gtk_label_set_label (self->banner_label, message);
  gtk_revealer_set_reveal_child (self->banner_revealer, message != NULL);
}

/* Drafts: kept in the account's cache until queued */

static char *
draft_key (CsCaseView *self)
{
  return g_strconcat ("review-draft:", cs_case_get_id (self->kase), NULL);
}

static GPtrArray *
collect_verdicts (CsCaseView *self)
{
  GPtrArray *verdicts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; self->checklist_rows != NULL && i < self->checklist_rows->len; i++)
    {
      CsVerdict *verdict = cs_checklist_row_dup_verdict (g_ptr_array_index (self->checklist_rows, i));

      if (verdict != NULL)
        g_ptr_array_add (verdicts, verdict);
    }
  return verdicts;
}

static void
save_draft (CsCaseView *self)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) verdicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *text = NULL;
  g_autofree char *opinion = NULL;
  CsCache *cache;
  CsOutcome outcome;

  g_clear_handle_id (&self->draft_timeout_id, g_source_remove);
  cache = self->session != NULL ? cs_session_get_cache (self->session) : NULL;
  if (!self->review_dirty || self->kase == NULL || cache == NULL)
    return;

  opinion = cs_review_editor_dup_opinion (self->review_editor);
  outcome = cs_review_editor_get_outcome (self->review_editor);
  verdicts = collect_verdicts (self);
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "opinion");
  json_builder_add_string_value (builder, opinion);
  json_builder_set_member_name (builder, "outcome");
  json_builder_add_string_value (builder, outcome != CS_OUTCOME_NONE
                                          ? cs_outcome_to_string (outcome) : "");
  json_builder_set_member_name (builder, "final");
  json_builder_add_boolean_value (builder, cs_review_editor_get_final (self->review_editor));
  json_builder_set_member_name (builder, "checklist");
  json_builder_begin_array (builder);
  for (guint i = 0; i < verdicts->len; i++)
    json_builder_add_value (builder, cs_verdict_to_json (g_ptr_array_index (verdicts, i)));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  key = draft_key (self);
  if (!cs_cache_set_meta (cache, key, text, &error))
    g_warning ("The review draft could not be kept: %s", error->message);
}

static gboolean
save_draft_cb (gpointer user_data)
{
  CsCaseView *self = user_data;

  self->draft_timeout_id = 0;
  save_draft (self);
  return G_SOURCE_REMOVE;
}

static void
forget_draft (CsCaseView *self)
{
  g_autofree char *key = draft_key (self);
  CsCache *cache = cs_session_get_cache (self->session);

  g_clear_handle_id (&self->draft_timeout_id, g_source_remove);
  self->review_dirty = FALSE;
  if (cache != NULL)
    cs_cache_set_meta (cache, key, NULL, NULL);
}

/* Fills the editor from a draft, else from the user's latest review. */
static void
load_review (CsCaseView *self)
{
  g_autofree char *key = draft_key (self);
  g_autofree char *draft = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GPtrArray) verdicts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *opinion = NULL;
  CsOutcome outcome = CS_OUTCOME_NONE;
  gboolean final = FALSE;
  GListModel *reviews = cs_case_get_reviews (self->kase);
  CsCache *cache = cs_session_get_cache (self->session);

  draft = cache != NULL ? cs_cache_dup_meta (cache, key) : NULL;
  if (draft != NULL)
    node = json_from_string (draft, NULL);

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonArray *checklist = json_object_get_array_member (object, "checklist");

      opinion = g_strdup (json_object_get_string_member_with_default (object, "opinion", ""));
      outcome = cs_outcome_from_string (json_object_get_string_member_with_default (object,
                                                                                  "outcome", ""));
      final = json_object_get_boolean_member_with_default (object, "final", FALSE);
      for (guint i = 0; checklist != NULL && i < json_array_get_length (checklist); i++)
        {
          JsonObject *member = json_array_get_object_element (checklist, i);
          CsVerdict *verdict = member != NULL ? cs_verdict_new_from_json (member, NULL) : NULL;

          if (verdict != NULL)
            g_ptr_array_add (verdicts, verdict);
        }
      self->review_dirty = TRUE;
    }
  else
    {
      CsUser *user = cs_session_get_user (self->session);
      guint n = reviews != NULL ? g_list_model_get_n_items (reviews) : 0;
      gboolean deciding = FALSE;

      /* The user's own latest review: the starting point of the next. A
       * chief deciding another's case, who wrote none, reads the
       * approver's final review instead. */
      for (guint i = 0; i < n && user != NULL && cs_user_is_chief (user) && !is_mine (self); i++)
        {
          g_autoptr(CsReview) review = g_list_model_get_item (reviews, i);

          if (g_strcmp0 (cs_review_get_author_username (review), my_username (self)) == 0)
            break;
          deciding |= i == n - 1;
        }
      for (guint i = n; i > 0; i--)
        {
          g_autoptr(CsReview) review = g_list_model_get_item (reviews, i - 1);
          GListModel *checklist;

          if (deciding ? !cs_review_get_final (review)
                       : g_strcmp0 (cs_review_get_author_username (review), my_username (self)) != 0)
            continue;
          opinion = g_strdup (cs_review_get_opinion (review));
          outcome = cs_review_get_proposed_outcome (review);
          final = cs_review_get_final (review);
          checklist = cs_review_get_checklist (review);
          for (guint j = 0; j < g_list_model_get_n_items (checklist); j++)
            g_ptr_array_add (verdicts, g_list_model_get_item (checklist, j));
          break;
        }
      self->review_dirty = FALSE;
    }

  cs_review_editor_set_review (self->review_editor, opinion, outcome, final);
  for (guint i = 0; i < self->checklist_rows->len; i++)
    {
      CsChecklistRow *row = g_ptr_array_index (self->checklist_rows, i);
      const char *code = cs_checklist_item_get_code (cs_checklist_row_get_item (row));
      CsVerdict *verdict = NULL;

      for (guint j = 0; j < verdicts->len && verdict == NULL; j++)
        if (g_strcmp0 (cs_verdict_get_item (g_ptr_array_index (verdicts, j)), code) == 0)
          verdict = g_ptr_array_index (verdicts, j);
      cs_checklist_row_set_verdict (row, verdict);
    }
}

static void
on_review_changed (CsCaseView *self)
{
  if (self->kase != NULL)
    {
      self->review_dirty = TRUE;
      /* Kept a moment after the last keystroke, not on every one. */
      g_clear_handle_id (&self->draft_timeout_id, g_source_remove);
      self->draft_timeout_id = g_timeout_add_seconds (1, save_draft_cb, self);
    }
  update_review_state (self);
}

/* The review's rules, checked before anything is queued: the same as the
 * server's (docs/api/openapi.yaml, postReview), said in words. Returns
 * why the review cannot be saved yet, or %NULL. */
static char *
review_problem (CsCaseView *self)
{
  g_autofree char *opinion = NULL;
  CsOutcome outcome = cs_review_editor_get_outcome (self->review_editor);
  gboolean final = cs_review_editor_get_final (self->review_editor);
  guint problems = 0;

  if (!self->full)
    return g_strdup (_("The review opens once the case is loaded."));
  if (!review_editable (self))
    {
      const char *assignee = cs_case_get_assignee_name (self->kase);
      CsUser *user = cs_session_get_user (self->session);

      if (user != NULL && !cs_user_is_approver (user))
        return g_strdup (_("Reviews are written by the department's approvers; the chief "
                           "representative decides on them."));
      if (cs_case_get_assignee_username (self->kase) == NULL)
        return g_strdup (_("Claim the case to review it."));
      if (!is_mine (self))
        return g_strdup_printf (_("%s is reviewing this case."), assignee != NULL ? assignee : "");
      return g_strdup_printf (_("A case that is “%s” takes no review."),
                              cs_case_status_get_label (cs_case_get_status (self->kase)));
    }

  for (guint i = 0; i < self->checklist_rows->len; i++)
    {
      CsChecklistRow *row = g_ptr_array_index (self->checklist_rows, i);
      CsChecklistItem *item = cs_checklist_row_get_item (row);
      g_autoptr(CsVerdict) verdict = cs_checklist_row_dup_verdict (row);

      if (verdict != NULL && cs_verdict_get_kind (verdict) == CS_VERDICT_PROBLEM)
        {
          problems++;
          if (cs_verdict_get_reason (verdict) == NULL)
            return g_strdup_printf (_("Say what is wrong with “%s”, in words the applicant can "
                                      "act on."), cs_checklist_item_get_name (item));
        }
      else if (verdict == NULL && final && cs_checklist_item_get_required (item))
        return g_strdup_printf (_("Mark every required item before submitting for decision: "
                                  "“%s” is not marked yet."), cs_checklist_item_get_name (item));
    }

  if (outcome == CS_OUTCOME_NONE)
    return g_strdup (_("Choose the outcome you propose."));
  if (outcome == CS_OUTCOME_GRANT && problems > 0)
    return g_strdup (_("A grant cannot be proposed while checklist items have problems."));
  if (outcome == CS_OUTCOME_SUPPLEMENT && problems == 0)
    return g_strdup (_("A supplement notice names the items the applicant must supply: mark "
                       "each of them as a problem, all at once."));
  opinion = g_strstrip (cs_review_editor_dup_opinion (self->review_editor));
  if (*opinion == '\0')
    return g_strdup (_("Write the review opinion."));
  return NULL;
}

static void
update_review_state (CsCaseView *self)
{
  g_autofree char *problem = NULL;
  gboolean editable;

  if (self->kase == NULL)
    return;
  editable = review_editable (self);
  problem = review_problem (self);
  cs_review_editor_set_editable (self->review_editor, editable);
  for (guint i = 0; self->checklist_rows != NULL && i < self->checklist_rows->len; i++)
    cs_checklist_row_set_editable (g_ptr_array_index (self->checklist_rows, i), editable);
  cs_verdict_bar_set_editable (self->verdict_bar, editable);

  cs_review_editor_set_problem (self->review_editor, problem);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.save-review", problem == NULL);

  /* The plugin's legal basis for the proposed outcome, for reference:
   * asked again only when the outcome changes, not at every keystroke. */
  if (cs_review_editor_get_outcome (self->review_editor) == self->basis_outcome)
    return;
  self->basis_outcome = cs_review_editor_get_outcome (self->review_editor);
  if (self->plugin_host != NULL && self->matter != NULL && self->basis_outcome != CS_OUTCOME_NONE)
    {
      g_autofree char *text = NULL;
      g_autofree char *basis = NULL;

      if (cs_plugin_host_get_wording (self->plugin_host, self->kase, self->matter,
                                      self->basis_outcome, &text, &basis, NULL))
        {
          cs_review_editor_set_legal_basis (self->review_editor, basis);
          return;
        }
    }
  cs_review_editor_set_legal_basis (self->review_editor, NULL);
}

/* Writes through the outbox */

static void
clear_write_state (CsCaseView *self)
{
  self->write_id = 0;
  cs_review_editor_clear_write (self->review_editor);
}

static void
on_outbox_item_changed (CsCaseView   *self,
                        CsOutboxItem *item)
{
  if (self->write_id != 0 && cs_outbox_item_get_id (item) == self->write_id)
    cs_review_editor_show_write (self->review_editor, item);
}

/* Shows the newest write of this case that is still waiting or failed,
 * so that a person coming back sees what is not through yet. */
static void
show_queued_writes (CsCaseView *self)
{
  CsOutbox *outbox = cs_session_get_outbox (self->session);
  g_autoptr(GPtrArray) items = outbox != NULL ? cs_outbox_list (outbox, FALSE, NULL) : NULL;

  clear_write_state (self);
  for (guint i = items != NULL ? items->len : 0; i > 0; i--)
    {
      CsOutboxItem *item = g_ptr_array_index (items, i - 1);

      /* A signed decision's state is the decision editor's to show. */
      if (g_strcmp0 (cs_outbox_item_get_kind (item), "decision") == 0)
        continue;
      if (g_strcmp0 (cs_outbox_item_get_case_id (item), cs_case_get_id (self->kase)) == 0)
        {
          self->write_id = cs_outbox_item_get_id (item);
          cs_review_editor_show_write (self->review_editor, item);
          return;
        }
    }
}

static void
track_write (CsCaseView   *self,
             CsOutboxItem *item,
             GError       *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (item == NULL)
    {
      /* Not even queued: nothing was kept, so the person must hear it. */
      AdwMessageDialog *dialog;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                                : NULL,
                                                           _("Not Saved"), error->message));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  self->write_id = cs_outbox_item_get_id (item);
  cs_review_editor_show_write (self->review_editor, item);
}

static void
claim_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CsCaseView *self = CS_CASE_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsOutboxItem) item = cs_session_claim (self->session, cs_case_get_id (self->kase),
                                                   &error);

  track_write (self, item, error);
  if (item != NULL)
    gtk_widget_set_sensitive (GTK_WIDGET (self->claim_button), FALSE);
}

static void
release_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CsCaseView *self = CS_CASE_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsOutboxItem) item = NULL;

  /* What was typed stays as a draft: releasing is not discarding. */
  save_draft (self);
  item = cs_session_release (self->session, cs_case_get_id (self->kase), &error);
  track_write (self, item, error);
  if (item != NULL)
    gtk_widget_set_sensitive (GTK_WIDGET (self->release_button), FALSE);
}

static void
save_review_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CsCaseView *self = CS_CASE_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsOutboxItem) item = NULL;
  g_autoptr(GPtrArray) verdicts = NULL;
  g_autofree char *problem = review_problem (self);
  g_autofree char *opinion = NULL;

  if (problem != NULL)
    return;
  opinion = g_strstrip (cs_review_editor_dup_opinion (self->review_editor));
  verdicts = collect_verdicts (self);
  item = cs_session_save_review (self->session, cs_case_get_id (self->kase), opinion,
                                 cs_review_editor_get_outcome (self->review_editor), cs_review_editor_get_final (self->review_editor),
                                 verdicts, &error);
  track_write (self, item, error);
  if (item != NULL)
    forget_draft (self);   /* the outbox holds it now, durably */
}

static void
retry_write_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CsCaseView *self = CS_CASE_VIEW (widget);
  g_autoptr(GError) error = NULL;
  CsOutbox *outbox = cs_session_get_outbox (self->session);

  if (outbox == NULL || self->write_id == 0)
    return;
  if (!cs_outbox_retry (outbox, self->write_id, &error))
    {
      cs_review_editor_show_message (self->review_editor, error->message);
      return;
    }
  cs_session_refresh (self->session);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CsCaseView *self = CS_CASE_VIEW (widget);

  save_draft (self);
  g_signal_emit (self, signals[BACK], 0);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CsCaseView *self = CS_CASE_VIEW (widget);

  if (self->kase != NULL)
    fetch_case (self);
}

/* Materials */

static void
material_progress_cb (goffset  current,
                      goffset  total,
                      gpointer user_data)
{
  CsCaseView *self = user_data;
  g_autofree char *text = NULL;

  if (total <= 0 || self->shown_material == NULL)
    return;
  text = g_strdup_printf (_("%d%% of %s"), (int)(100 * current / total),
                          cs_material_get_name (self->shown_material));
  cs_material_view_show_message (self->material_view, "folder-download-symbolic",
                                 _("Downloading the Material…"), text);
}

static void
material_fetched_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(CsCaseView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = cs_session_fetch_material_finish (CS_SESSION (object), result, &error);

  if (file == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      cs_material_view_show_message (self->material_view,
                                     cs_error_is_transient (error) ? "network-offline-symbolic"
                                                                   : "dialog-warning-symbolic",
                                     cs_error_is_transient (error)
                                     ? _("The Material Is Not Here Yet")
                                     : _("The Material Cannot Be Shown"),
                                     cs_error_is_transient (error)
                                     ? _("It was not downloaded before the network went down. It "
                                         "opens once the server answers again.")
                                     : error->message);
      return;
    }
  cs_material_view_load (self->material_view, file,
                         cs_material_get_media_type (self->shown_material),
                         cs_material_get_name (self->shown_material));
}

static CsChecklistRow *
row_of_material (CsCaseView *self,
                 CsMaterial *material)
{
  for (guint i = 0; self->checklist_rows != NULL && i < self->checklist_rows->len; i++)
    if (cs_checklist_row_has_material (g_ptr_array_index (self->checklist_rows, i),
                                       cs_material_get_id (material)))
      return g_ptr_array_index (self->checklist_rows, i);
  return NULL;
}

static void
on_material_page_changed (CsCaseView *self)
{
  cs_verdict_bar_set_page (self->verdict_bar, cs_material_view_get_page (self->material_view) + 1);
}

static void
open_material (CsCaseView *self,
               CsMaterial *material)
{
  if (self->shown_material == material)
    return;
  g_cancellable_cancel (self->material_cancellable);
  g_clear_object (&self->material_cancellable);
  g_set_object (&self->shown_material, material);
  gtk_label_set_label (self->material_title, cs_material_get_name (material));
  /* Side by side: the material's checklist item above its pages. */
  cs_verdict_bar_set_row (self->verdict_bar, row_of_material (self, material), material);
  self->material_cancellable = g_cancellable_new ();
  cs_material_view_show_message (self->material_view, "folder-download-symbolic",
                                 _("Opening the Material…"), NULL);
  cs_session_fetch_material_async (self->session, cs_case_get_id (self->kase), material,
                                   material_progress_cb, self, self->material_cancellable,
                                   material_fetched_cb, g_object_ref (self));
}

/* The decision document the chief is about to sign, in the viewer. */
static void
on_show_decision_document (CsCaseView *self,
                           GFile      *file)
{
  g_cancellable_cancel (self->material_cancellable);
  g_clear_object (&self->material_cancellable);
  g_clear_object (&self->shown_material);
  cs_verdict_bar_set_row (self->verdict_bar, NULL, NULL);
  gtk_label_set_label (self->material_title, _("Decision document, to be signed"));
  cs_material_view_load (self->material_view, file, "application/pdf",
                         _("Decision document"));
}

static void
on_open_material (CsCaseView     *self,
                  CsMaterial     *material,
                  CsChecklistRow *row)
{
  open_material (self, material);
}

static CsMaterial *
find_material (CsCaseView *self,
               const char *material_id)
{
  GListModel *materials = cs_case_get_materials (self->kase);

  for (guint i = 0; materials != NULL && i < g_list_model_get_n_items (materials); i++)
    {
      g_autoptr(CsMaterial) material = g_list_model_get_item (materials, i);

      if (g_strcmp0 (cs_material_get_id (material), material_id) == 0)
        return material;   /* the case keeps it */
    }
  return NULL;
}

/* Pre-checks, once the case's materials are in the cache */

static void
add_finding_row (CsCaseView *self,
                 CsFinding  *finding)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;
  const char *icon_name, *css, *severity;
  g_autofree char *accessible = NULL;
  GString *about = g_string_new (NULL);

  switch (cs_finding_get_severity (finding))
    {
    case CS_FINDING_ERROR:
      icon_name = "dialog-error-symbolic";
      css = "error";
      severity = _("Error");
      break;
    case CS_FINDING_WARNING:
      icon_name = "dialog-warning-symbolic";
      css = "warning";
      severity = _("Warning");
      break;
    case CS_FINDING_INFO:
    default:
      icon_name = "dialog-information-symbolic";
      css = "accent";
      severity = _("Note");
      break;
    }

  if (cs_finding_get_material (finding) != NULL)
    {
      CsMaterial *material = find_material (self, cs_finding_get_material (finding));

      g_string_append (about, material != NULL ? cs_material_get_name (material)
                                               : cs_finding_get_material (finding));
    }
  else if (cs_finding_get_checklist_item (finding) != NULL && self->matter != NULL)
    {
      CsChecklistItem *item = cs_matter_lookup_checklist_item (self->matter,
                                                               cs_finding_get_checklist_item (finding));

      g_string_append (about, item != NULL ? cs_checklist_item_get_name (item)
                                           : cs_finding_get_checklist_item (finding));
    }
  else if (cs_finding_get_field (finding) != NULL)
    g_string_append_printf (about, _("Form: %s"), cs_finding_get_field (finding));

  icon = gtk_image_new_from_icon_name (icon_name);
  gtk_widget_add_css_class (icon, css);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  severity, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cs_finding_get_message (finding));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (about->len > 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), about->str);
  accessible = g_strdup_printf ("%s: %s", severity, cs_finding_get_message (finding));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  if (about->len > 0)
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
    }
  g_object_set_data_full (G_OBJECT (row), "cs-finding", g_object_ref (finding), g_object_unref);
  gtk_list_box_append (self->findings_list, row);
  g_string_free (about, TRUE);
}

static void
show_findings_message (CsCaseView *self,
                       const char *message)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), message);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "dim-label");
  gtk_list_box_append (self->findings_list, row);
}

static void
checked_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(CsCaseView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = NULL;

  findings = cs_plugin_host_check_case_finish (CS_PLUGIN_HOST (object), result, &error);
  if (findings == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_spinner_stop (self->findings_spinner);
  clear_list (self->findings_list);
  if (findings == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The department plugin failed and was turned "
                                                    "off: %s"), error->message);
      show_findings_message (self, message);
      return;
    }
  if (findings->len == 0)
    {
      show_findings_message (self, cs_plugin_host_lookup (self->plugin_host,
                                                          cs_case_get_department (self->kase),
                                                          cs_case_get_matter_code (self->kase))
                                   != NULL
                                   ? _("The department's pre-checks found nothing to report.")
                                   : _("No department plugin checks this matter: review it "
                                       "against the checklist."));
      return;
    }
  for (guint i = 0; i < findings->len; i++)
    add_finding_row (self, g_ptr_array_index (findings, i));
}

static void
run_checks (CsCaseView *self)
{
  GDate today;

  if (self->plugin_host == NULL || self->matter == NULL)
    {
      gtk_spinner_stop (self->findings_spinner);
      clear_list (self->findings_list);
      show_findings_message (self, _("The matter is not in the catalogue yet: the pre-checks run "
                                     "once it is synced."));
      return;
    }
  cs_session_get_today (self->session, &today);
  gtk_spinner_start (self->findings_spinner);
  cs_plugin_host_check_case_async (self->plugin_host, cs_session_get_cache (self->session),
                                   self->kase, self->matter, &today, self->cancellable,
                                   checked_cb, g_object_ref (self));
}

static void prefetch_next (CsCaseView *self);

static void
prefetched_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(CsCaseView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = cs_session_fetch_material_finish (CS_SESSION (object), result, &error);

  if (file == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (file == NULL)
    g_debug ("Material not cached: %s", error->message);
  prefetch_next (self);
}

/* Brings the case's materials into the cache one after the other, so that
 * the pre-checks can read them and the case opens offline later. */
static void
prefetch_next (CsCaseView *self)
{
  g_autoptr(CsMaterial) material = NULL;

  if (self->prefetch == NULL || self->prefetch->len == 0)
    {
      g_clear_pointer (&self->prefetch, g_ptr_array_unref);
      run_checks (self);
      return;
    }
  material = g_ptr_array_steal_index (self->prefetch, 0);
  cs_session_fetch_material_async (self->session, cs_case_get_id (self->kase), material, NULL,
                                   NULL, self->cancellable, prefetched_cb, g_object_ref (self));
}

static void
on_finding_activated (CsCaseView    *self,
                      GtkListBoxRow *row)
{
  CsFinding *finding = g_object_get_data (G_OBJECT (row), "cs-finding");

  if (finding == NULL)
    return;
  if (cs_finding_get_material (finding) != NULL)
    {
      CsMaterial *material = find_material (self, cs_finding_get_material (finding));

      if (material != NULL)
        open_material (self, material);
    }
  if (cs_finding_get_checklist_item (finding) != NULL)
    for (guint i = 0; i < self->checklist_rows->len; i++)
      {
        CsChecklistRow *checklist_row = g_ptr_array_index (self->checklist_rows, i);

        if (g_strcmp0 (cs_checklist_item_get_code (cs_checklist_row_get_item (checklist_row)),
                       cs_finding_get_checklist_item (finding)) == 0)
          {
            cs_checklist_row_reveal (checklist_row);
            return;
          }
      }
  if (cs_finding_get_field (finding) != NULL && self->panel != NULL)
    cs_plugin_host_reveal_field (self->panel, cs_finding_get_field (finding));
}

/* Showing the case */

/* The header's facts, two to a line; a long one takes the whole line. */
static void
add_fact (CsCaseView *self,
          const char *title,
          const char *value,
          gboolean    wide)
{
  GtkWidget *label, *text;
  int column, row;

  if (value == NULL || *value == '\0')
    return;
  if (wide && self->summary_cells % 2 == 1)
    self->summary_cells++;
  column = (self->summary_cells % 2) * 2;
  row = self->summary_cells / 2;

  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  text = gtk_label_new (value);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
  gtk_grid_attach (self->summary_grid, label, column, row, 1, 1);
  gtk_grid_attach (self->summary_grid, text, column + 1, row, wide ? 3 : 1, 1);
  self->summary_cells += wide ? 2 : 1;
}

static void
show_summary (CsCaseView *self)
{
  CsCase *kase = self->kase;
  CsApplicant *applicant = cs_case_get_applicant (kase);
  g_autofree char *received = format_time (cs_case_get_received_at (kase));
  g_autofree char *accepted = format_date (cs_case_get_accepted_on (kase));
  const char *route = cs_case_get_route (kase);
  GString *flags = g_string_new (NULL);
  GtkWidget *child;

  adw_window_title_set_title (self->window_title, cs_case_get_number (kase));
  adw_window_title_set_subtitle (self->window_title, cs_case_get_matter_name (kase));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->summary_grid))) != NULL)
    gtk_grid_remove (self->summary_grid, child);
  self->summary_cells = 0;

  add_fact (self, _("Applicant"), cs_case_get_applicant_name (kase), FALSE);
  add_fact (self,
            cs_case_get_applicant_kind (kase) == CS_APPLICANT_ORGANISATION
            ? _("Unified social credit code") : _("ID number"),
            cs_case_get_applicant_id_number (kase), FALSE);
  if (applicant != NULL)
    {
      add_fact (self, _("Phone"), cs_applicant_get_phone (applicant), FALSE);
      add_fact (self, _("Address"), cs_applicant_get_address (applicant), TRUE);
    }
  add_fact (self, _("Receiving site"), cs_case_get_site (kase), TRUE);
  if (route != NULL)
    add_fact (self, _("Route"),
              g_str_equal (route, "online") ? _("Applied online")
              : g_str_equal (route, "window") ? _("At the window") : route, FALSE);

  g_string_append (flags, cs_case_get_urgent (kase) ? _("Urgent") : _("Normal"));
  if (cs_case_get_green_channel (kase))
    g_string_append_printf (flags, " · %s", _("Green channel"));
  if (cs_case_get_instant (kase))
    g_string_append_printf (flags, " · %s", _("Instant matter"));
  add_fact (self, _("Priority"), flags->str, FALSE);
  g_string_free (flags, TRUE);

  add_fact (self, _("Received"), received, FALSE);
  add_fact (self, _("Accepted"), accepted, FALSE);
  add_fact (self, _("State"), cs_case_status_get_label (cs_case_get_status (kase)), FALSE);
  add_fact (self, _("Assignee"),
            cs_case_get_assignee_name (kase) != NULL ? cs_case_get_assignee_name (kase)
                                                     : _("Nobody yet"), FALSE);
  if (cs_case_get_outcome (kase) != CS_OUTCOME_NONE)
    add_fact (self, _("Outcome"), cs_outcome_get_label (cs_case_get_outcome (kase)), FALSE);
}

static void
add_clock_row (CsCaseView     *self,
               CsLegalClock   *clock,
               CsCalendar     *calendar,
               CsDeadlineKind  kind,
               const GDate    *today)
{
  static const char *titles[] = {
    [CS_DEADLINE_STATUTORY] = N_("Statutory limit"),
    [CS_DEADLINE_PROMISED] = N_("Promised limit"),
    [CS_DEADLINE_SUPPLEMENT_NOTICE] = N_("Supplement notice"),
  };
  g_autoptr(CsDeadline) deadline = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *due = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *explanation = NULL;
  g_auto(GStrv) lines = NULL;
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *badge;
  CsClockState state;
  gboolean open = cs_case_status_is_open (cs_case_get_status (self->kase));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(titles[kind]));
  deadline = cs_legal_clock_compute (clock, kind, calendar, today, &error);
  if (deadline == NULL)
    {
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), error->message);
      gtk_widget_set_sensitive (row, FALSE);
      gtk_list_box_append (self->clocks_list, row);
      return;
    }

  due = format_date (cs_deadline_get_due (deadline));
  state = cs_deadline_get_state (deadline, today);
  if (kind == CS_DEADLINE_SUPPLEMENT_NOTICE && g_date_valid (cs_case_get_supplement_requested_on (self->kase)))
    {
      g_autofree char *sent = format_date (cs_case_get_supplement_requested_on (self->kase));
      subtitle = g_strdup_printf (_("Due %s · notice sent on %s"), due, sent);
      state = CS_CLOCK_STATE_ON_TRACK;
    }
  else if (kind == CS_DEADLINE_SUPPLEMENT_NOTICE && state == CS_CLOCK_STATE_RED)
    subtitle = g_strdup_printf (_("Due %s · passed: the application stands as complete"), due);
  else if (open)
    {
      int remaining = cs_deadline_get_remaining (deadline, today);

      subtitle = remaining >= 0
        ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "Due %s · %u working days · %d day left",
                                        "Due %s · %u working days · %d days left", remaining),
                           due, cs_deadline_get_limit (deadline), remaining)
        : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "Due %s · %u working days · %d day overdue",
                                        "Due %s · %u working days · %d days overdue", -remaining),
                           due, cs_deadline_get_limit (deadline), -remaining);
    }
  else
    subtitle = g_strdup_printf (_("Due %s · %u working days"), due, cs_deadline_get_limit (deadline));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);

  if (open && kind == CS_DEADLINE_SUPPLEMENT_NOTICE && state == CS_CLOCK_STATE_RED)
    {
      /* Past it the application stands as complete (Art. 32): a closed
       * window, not a missed deadline. */
      badge = gtk_label_new (C_("supplement notice", "closed"));
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (badge, "tag");
      gtk_widget_add_css_class (badge, "clock-paused");
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), badge);
    }
  else if (open)
    {
      badge = gtk_label_new (cs_clock_state_get_label (state));
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (badge, "tag");
      gtk_widget_add_css_class (badge, state == CS_CLOCK_STATE_RED ? "clock-red"
                                       : state == CS_CLOCK_STATE_YELLOW ? "clock-yellow"
                                       : state == CS_CLOCK_STATE_PAUSED ? "clock-paused"
                                       : "clock-on-track");
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), badge);
    }

  /* How it was counted: the skipped holidays and suspensions. */
  explanation = cs_deadline_explain (deadline);
  lines = g_strsplit (explanation, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      GtkWidget *line;

      if (lines[i][0] == '\0')
        continue;
      line = gtk_label_new (lines[i]);
      gtk_label_set_xalign (GTK_LABEL (line), 0);
      gtk_label_set_wrap (GTK_LABEL (line), TRUE);
      gtk_label_set_selectable (GTK_LABEL (line), TRUE);
      gtk_widget_set_margin_start (line, 12);
      gtk_widget_set_margin_end (line, 12);
      gtk_widget_set_margin_top (line, 6);
      gtk_widget_set_margin_bottom (line, 6);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), line);
    }
  gtk_list_box_append (self->clocks_list, row);
}

static void
show_clocks (CsCaseView *self)
{
  CsCalendar *calendar = cs_session_get_calendar (self->session);
  g_autoptr(CsLegalClock) clock = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  clear_list (self->clocks_list);
  clock = cs_case_dup_legal_clock (self->kase, &error);
  if (clock == NULL || calendar == NULL)
    {
      gtk_list_box_append (self->clocks_list,
                           property_row (_("The clocks cannot be computed"),
                                         error != NULL ? error->message
                                                       : _("The working-day calendar is not synced "
                                                           "yet.")));
      return;
    }
  cs_session_get_today (self->session, &today);
  add_clock_row (self, clock, calendar, CS_DEADLINE_PROMISED, &today);
  add_clock_row (self, clock, calendar, CS_DEADLINE_STATUTORY, &today);
  if (!cs_case_get_instant (self->kase))
    add_clock_row (self, clock, calendar, CS_DEADLINE_SUPPLEMENT_NOTICE, &today);
}

static void
show_panel (CsCaseView *self)
{
  if (self->plugin_host == NULL)
    return;
  self->panel = cs_plugin_host_create_case_panel (self->plugin_host, self->kase, self->matter);
  adw_bin_set_child (self->panel_bin, self->panel);
}

static void
on_checklist_changed (CsCaseView *self)
{
  on_review_changed (self);
}

static void
show_checklist (CsCaseView *self)
{
  GListModel *materials = cs_case_get_materials (self->kase);
  GListModel *checklist = self->matter != NULL ? cs_matter_get_checklist (self->matter) : NULL;
  g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func (g_object_unref);

  clear_list (self->checklist_list);
  g_ptr_array_set_size (self->checklist_rows, 0);

  for (guint i = 0; checklist != NULL && i < g_list_model_get_n_items (checklist); i++)
    {
      g_autoptr(CsChecklistItem) item = g_list_model_get_item (checklist, i);
      g_autoptr(GPtrArray) received = g_ptr_array_new_with_free_func (g_object_unref);
      CsChecklistRow *row;

      for (guint j = 0; materials != NULL && j < g_list_model_get_n_items (materials); j++)
        {
          g_autoptr(CsMaterial) material = g_list_model_get_item (materials, j);

          if (g_strcmp0 (cs_material_get_matter_code (material), cs_matter_get_code (self->matter)) == 0 &&
              g_strcmp0 (cs_material_get_checklist_item (material), cs_checklist_item_get_code (item)) == 0)
            g_ptr_array_add (received, g_steal_pointer (&material));
        }
      row = cs_checklist_row_new (item, received);
      g_signal_connect_object (row, "changed", G_CALLBACK (on_checklist_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (row, "open-material", G_CALLBACK (on_open_material), self,
                               G_CONNECT_SWAPPED);
      gtk_list_box_append (self->checklist_list, GTK_WIDGET (row));
      g_ptr_array_add (self->checklist_rows, row);
    }

  if (checklist == NULL)
    adw_preferences_group_set_description (self->checklist_group,
                                           _("The matter is not in the catalogue yet: the "
                                             "checklist shows once it is synced."));
  else
    adw_preferences_group_set_description (self->checklist_group,
                                           _("Mark each item verified, or a problem with its "
                                             "reason; a material opens on the right."));
  /* The material being read keeps its item above it. */
  if (self->shown_material != NULL)
    cs_verdict_bar_set_row (self->verdict_bar, row_of_material (self, self->shown_material),
                            self->shown_material);
}

static void
show_reviews (CsCaseView *self)
{
  GListModel *reviews = cs_case_get_reviews (self->kase);
  guint n = reviews != NULL ? g_list_model_get_n_items (reviews) : 0;

  clear_list (self->reviews_list);
  gtk_widget_set_visible (GTK_WIDGET (self->reviews_group), n > 0);
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(CsReview) review = g_list_model_get_item (reviews, i - 1);
      g_autofree char *when = format_time (cs_review_get_created_at (review));
      g_autofree char *title = g_strdup_printf ("%s · %s · %s", cs_review_get_author_name (review),
                                                cs_outcome_get_label (cs_review_get_proposed_outcome (review)),
                                                cs_review_get_final (review) ? _("submitted")
                                                                             : _("draft"));
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *opinion = gtk_label_new (cs_review_get_opinion (review));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), when);
      gtk_label_set_wrap (GTK_LABEL (opinion), TRUE);
      gtk_label_set_xalign (GTK_LABEL (opinion), 0);
      gtk_label_set_selectable (GTK_LABEL (opinion), TRUE);
      gtk_widget_set_margin_start (opinion, 12);
      gtk_widget_set_margin_end (opinion, 12);
      gtk_widget_set_margin_top (opinion, 8);
      gtk_widget_set_margin_bottom (opinion, 8);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), opinion);
      gtk_list_box_append (self->reviews_list, row);
    }
}

static void
show_parts (CsCaseView *self)
{
  GListModel *parts = cs_case_get_parts (self->kase);
  guint n = parts != NULL ? g_list_model_get_n_items (parts) : 0;

  clear_list (self->parts_list);
  gtk_widget_set_visible (GTK_WIDGET (self->parts_group), n > 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsCasePart) part = g_list_model_get_item (parts, i);
      g_autofree char *title = NULL;
      GString *subtitle = g_string_new (cs_case_status_get_label (cs_case_part_get_status (part)));
      GtkWidget *row;

      title = cs_case_part_get_lead (part)
              ? g_strdup_printf (_("%s (lead)"), cs_case_part_get_department_name (part))
              : g_strdup (cs_case_part_get_department_name (part));
      if (cs_case_part_get_assignee_name (part) != NULL)
        g_string_append_printf (subtitle, " · %s", cs_case_part_get_assignee_name (part));
      if (cs_case_part_get_outcome (part) != CS_OUTCOME_NONE)
        {
          g_autofree char *on = format_date (cs_case_part_get_decided_on (part));
          g_string_append_printf (subtitle, " · %s %s",
                                  cs_outcome_get_label (cs_case_part_get_outcome (part)), on);
        }
      row = property_row (title, subtitle->str);
      if (g_strcmp0 (cs_case_part_get_department (part), cs_case_get_department (self->kase)) == 0)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_label_new (_("this department")));
      gtk_list_box_append (self->parts_list, row);
      g_string_free (subtitle, TRUE);
    }
}

static void
show_actions (CsCaseView *self)
{
  CsUser *user = cs_session_get_user (self->session);
  gboolean approver = user == NULL || cs_user_is_approver (user);
  CsCaseStatus status = cs_case_get_status (self->kase);
  gboolean unclaimed = cs_case_get_assignee_username (self->kase) == NULL &&
                       status == CS_CASE_STATUS_FORWARDED;
  gboolean releasable = is_mine (self) && cs_case_status_is_open (status) &&
                        status != CS_CASE_STATUS_FORWARDED;

  gtk_widget_set_visible (GTK_WIDGET (self->claim_button), approver && unclaimed && self->full);
  gtk_widget_set_sensitive (GTK_WIDGET (self->claim_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->release_button), releasable && self->full);
  gtk_widget_set_sensitive (GTK_WIDGET (self->release_button), TRUE);
}

static const char *
audit_action_label (const char *action)
{
  static const struct { const char *action; const char *label; } labels[] = {
    { "case.created", N_("Case created") },
    { "case.forwarded", N_("Forwarded by the front desk") },
    { "case.claimed", N_("Claimed") },
    { "case.released", N_("Released") },
    { "case.changed", N_("Case changed") },
    { "case.extended", N_("Limit extended") },
    { "case.suspended", N_("Clock suspended") },
    { "review.saved", N_("Review saved") },
    { "review.submitted", N_("Review submitted for decision") },
    { "decision.recorded", N_("Decision recorded") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].action, action) == 0)
      return _(labels[i].label);
  return action;
}

static void
show_timeline_message (CsCaseView *self,
                       const char *message)
{
  clear_list (self->timeline_list);
  gtk_list_box_append (self->timeline_list, property_row (message, NULL));
}

static void
audit_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(CsCaseView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = cs_client_get_audit_finish (CS_CLIENT (object), result, &error);
  JsonArray *items;

  if (node == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      show_timeline_message (self, cs_error_is_transient (error)
                                   ? _("The timeline is kept by the central platform: it shows "
                                       "when the server answers again.")
                                   : error->message);
      return;
    }

  clear_list (self->timeline_list);
  items = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  for (guint i = items != NULL ? json_array_get_length (items) : 0; i > 0; i--)
    {
      JsonObject *entry = json_array_get_object_element (items, i - 1);
      JsonObject *actor;
      const char *at, *who, *reason;
      g_autoptr(GDateTime) time = NULL;
      g_autoptr(GDateTime) local = NULL;
      g_autofree char *when = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (entry == NULL)
        continue;
      actor = json_object_get_object_member (entry, "actor");
      at = json_object_get_string_member_with_default (entry, "at", "");
      time = g_date_time_new_from_iso8601 (at, NULL);
      local = time != NULL ? g_date_time_to_local (time) : NULL;
      when = local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup (at);
      who = actor != NULL && json_object_get_string_member_with_default (actor, "name", NULL) != NULL
            ? json_object_get_string_member (actor, "name")
            : actor != NULL ? json_object_get_string_member_with_default (actor, "username", "")
            : "";
      reason = json_object_get_string_member_with_default (entry, "reason", "");
      subtitle = *reason != '\0' ? g_strdup_printf ("%s · %s · %s", when, who, reason)
                                 : g_strdup_printf ("%s · %s", when, who);
      row = property_row (audit_action_label (json_object_get_string_member_with_default (entry,
                                                                                         "action",
                                                                                         "")),
                          subtitle);
      gtk_list_box_append (self->timeline_list, row);
    }
  if (items == NULL || json_array_get_length (items) == 0)
    show_timeline_message (self, _("Nothing recorded yet."));
}

static void
fetch_audit (CsCaseView *self)
{
  CsClient *client = cs_session_get_client (self->session);

  if (client == NULL)
    return;
  cs_client_get_audit_async (client, cs_case_get_id (self->kase), self->cancellable, audit_cb,
                             g_object_ref (self));
}

/* Everything the page shows of the case in full. The review being written
 * survives: what the person typed is theirs until it is saved. */
/* Keyboard focus. The view is given the keyboard as it opens, most often
 * before the case is fetched, and its controls are made anew whenever the
 * case is shown again: until one of them can have the keyboard, the view
 * holds it itself, so that Escape and the other keys of the case work
 * from the start. A control that is made anew under the keyboard hands it
 * back to the view. */
static gboolean
focus_content (CsCaseView *self)
{
  if (!g_str_equal (gtk_stack_get_visible_child_name (self->stack), "case") &&
      !g_str_equal (gtk_stack_get_visible_child_name (self->stack), "error"))
    return FALSE;
  return gtk_widget_child_focus (GTK_WIDGET (self->stack), GTK_DIR_TAB_FORWARD);
}

static void
release_focus (CsCaseView *self)
{
  self->holds_focus = FALSE;
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
}

static gboolean
cs_case_view_grab_focus (GtkWidget *widget)
{
  CsCaseView *self = CS_CASE_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (root == NULL)
    return FALSE;
  /* On the view first: GTK 4.8 focusing a selectable label (the summary's
   * values) with nothing focused before warns (gtk_widget_is_ancestor()
   * on a NULL focus). */
  self->holds_focus = TRUE;
  gtk_widget_set_focusable (widget, TRUE);
  gtk_root_set_focus (root, widget);
  if (focus_content (self))
    release_focus (self);
  return TRUE;
}

/* Whether the keyboard is on the view or one of its controls. */
static gboolean
has_focus_within (CsCaseView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == GTK_WIDGET (self) ||
                           gtk_widget_is_ancestor (focus, GTK_WIDGET (self)));
}

/* After the case is shown: the keyboard goes from the view to its first
 * control, or back to the view if its control is gone. */
static void
settle_focus (CsCaseView *self,
              gboolean    had_focus)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (root == NULL)
    return;
  if (self->holds_focus && gtk_root_get_focus (root) == GTK_WIDGET (self))
    {
      if (focus_content (self))
        release_focus (self);
    }
  else if (had_focus && !has_focus_within (self))
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
fill_case (CsCaseView *self,
           CsCase     *kase)
{
  gboolean same = self->full && self->kase != NULL &&
                  g_strcmp0 (cs_case_get_id (self->kase), cs_case_get_id (kase)) == 0;
  gboolean keep_review = same && self->review_dirty;
  g_autoptr(GPtrArray) verdicts = keep_review ? collect_verdicts (self) : NULL;
  g_autofree char *opinion = keep_review ? cs_review_editor_dup_opinion (self->review_editor) : NULL;
  CsOutcome outcome = keep_review ? cs_review_editor_get_outcome (self->review_editor) : CS_OUTCOME_NONE;
  gboolean final = keep_review && cs_review_editor_get_final (self->review_editor);
  gboolean matter_changed;

  g_set_object (&self->kase, kase);
  self->full = cs_case_is_full (kase);
  matter_changed = g_set_object (&self->matter,
                                cs_session_lookup_matter (self->session,
                                                          cs_case_get_matter_code (kase)));

  show_summary (self);
  show_actions (self);
  if (!self->full)
    return;

  show_clocks (self);
  self->basis_outcome = CS_OUTCOME_NONE;
  cs_review_editor_set_legal_basis (self->review_editor, NULL);
  if (!same)
    show_panel (self);
  show_checklist (self);
  /* Made anew only when they change: the person may be on one of them. */
  if (!same || matter_changed)
    cs_review_editor_set_matter (self->review_editor, self->matter);
  show_reviews (self);
  show_parts (self);
  cs_decision_editor_set_case (self->decision_editor, kase, self->matter);

  if (keep_review)
    {
      /* Put back what the person had, onto the rows made anew. */
      cs_review_editor_set_review (self->review_editor, opinion, outcome, final);
      for (guint i = 0; i < self->checklist_rows->len; i++)
        {
          CsChecklistRow *row = g_ptr_array_index (self->checklist_rows, i);
          const char *code = cs_checklist_item_get_code (cs_checklist_row_get_item (row));

          for (guint j = 0; j < verdicts->len; j++)
            if (g_strcmp0 (cs_verdict_get_item (g_ptr_array_index (verdicts, j)), code) == 0)
              cs_checklist_row_set_verdict (row, g_ptr_array_index (verdicts, j));
        }
    }
  else
    load_review (self);
  update_review_state (self);

  gtk_stack_set_visible_child_name (self->stack, "case");
  if (!same)
    {
      GListModel *materials = cs_case_get_materials (kase);
      g_autoptr(CsMaterial) first = NULL;

      show_queued_writes (self);
      first = materials != NULL && g_list_model_get_n_items (materials) > 0
              ? g_list_model_get_item (materials, 0) : NULL;
      if (first != NULL)
        open_material (self, first);
      else
        {
          gtk_label_set_label (self->material_title, "");
          cs_material_view_show_message (self->material_view, "x-office-document-symbolic",
                                         _("No Materials"),
                                         _("The front desk forwarded no materials with this "
                                           "case."));
        }
    }

  fetch_audit (self);
  clear_list (self->findings_list);
  g_clear_pointer (&self->prefetch, g_ptr_array_unref);
  self->prefetch = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (cs_case_get_materials (kase)); i++)
    g_ptr_array_add (self->prefetch, g_list_model_get_item (cs_case_get_materials (kase), i));
  gtk_spinner_start (self->findings_spinner);
  prefetch_next (self);
}

static void
show_case (CsCaseView *self,
           CsCase     *kase)
{
  gboolean had_focus = has_focus_within (self);

  fill_case (self, kase);
  settle_focus (self, had_focus);
}

static void
case_fetched_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(CsCaseView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsCase) kase = cs_session_fetch_case_finish (CS_SESSION (object), result, &error);

  if (kase == NULL)
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (self->full)
        {
          /* The cached copy stands; say that it may be behind. */
          message = g_strdup_printf (_("Offline: this is the copy kept on this computer. %s"),
                                     error->message);
          self->offline = TRUE;
          show_banner (self, message);
          return;
        }
      adw_status_page_set_description (self->error_page,
                                       cs_error_is_transient (error)
                                       ? _("The case was never opened on this computer, and the "
                                           "server cannot be reached. Try again when the network "
                                           "is back.")
                                       : error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      settle_focus (self, has_focus_within (self));
      return;
    }

  self->offline = FALSE;
  show_banner (self, NULL);
  if (self->full && cs_case_get_version (kase) == cs_case_get_version (self->kase) &&
      cs_case_get_updated_at (kase) == cs_case_get_updated_at (self->kase))
    return;   /* what is shown is current */
  show_case (self, kase);
}

static void
fetch_case (CsCaseView *self)
{
  if (!self->full)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  cs_session_fetch_case_async (self->session, cs_case_get_id (self->kase), self->cancellable,
                               case_fetched_cb, g_object_ref (self));
}

static void
on_case_changed (CsCaseView *self,
                 CsCase     *kase)
{
  if (self->kase == NULL || g_strcmp0 (cs_case_get_id (kase), cs_case_get_id (self->kase)) != 0)
    return;
  if (!self->full)
    return;
  /* The feed gives the summary: the rest comes with the case in full. */
  fetch_case (self);
}

static void
on_online_changed (CsCaseView *self)
{
  if (self->kase != NULL && self->offline && cs_session_get_online (self->session))
    fetch_case (self);
}

/**
 * cs_case_view_open:
 * @self: a #CsCaseView
 * @kase: the case, a summary from the inbox will do
 *
 * Shows a case: the cached copy in full at once when there is one, then
 * the server's.
 */
void
cs_case_view_open (CsCaseView *self,
                   CsCase     *kase)
{
  g_autoptr(CsCase) cached = NULL;

  g_return_if_fail (CS_IS_CASE_VIEW (self));
  g_return_if_fail (CS_IS_CASE (kase));

  cs_case_view_close (self);
  self->cancellable = g_cancellable_new ();
  cached = cs_case_is_full (kase) ? g_object_ref (kase)
                                  : cs_session_load_cached_case (self->session, cs_case_get_id (kase));
  show_case (self, cached != NULL ? cached : kase);
  if (!self->full)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  fetch_case (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->details_scroller), 0);
}

/**
 * cs_case_view_close:
 * @self: a #CsCaseView
 *
 * Stops the open case's work, keeping its review draft.
 */
void
cs_case_view_close (CsCaseView *self)
{
  g_return_if_fail (CS_IS_CASE_VIEW (self));

  save_draft (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->material_cancellable);
  g_clear_object (&self->material_cancellable);
  g_clear_pointer (&self->prefetch, g_ptr_array_unref);
  g_clear_object (&self->shown_material);
  g_clear_object (&self->kase);
  g_clear_object (&self->matter);
  self->full = FALSE;
  self->offline = FALSE;
  self->review_dirty = FALSE;
  self->panel = NULL;
  adw_bin_set_child (self->panel_bin, NULL);
  clear_list (self->findings_list);
  clear_list (self->timeline_list);
  if (self->checklist_rows != NULL)
    g_ptr_array_set_size (self->checklist_rows, 0);
  clear_list (self->checklist_list);
  clear_write_state (self);
  cs_decision_editor_set_case (self->decision_editor, NULL, NULL);
  show_banner (self, NULL);
  cs_verdict_bar_set_row (self->verdict_bar, NULL, NULL);
  cs_material_view_clear (self->material_view);
  release_focus (self);
}

CsCase *
cs_case_view_get_case (CsCaseView *self)
{
  g_return_val_if_fail (CS_IS_CASE_VIEW (self), NULL);
  return self->kase;
}

void
cs_case_view_set_session (CsCaseView *self,
                          CsSession  *session)
{
  g_return_if_fail (CS_IS_CASE_VIEW (self));
  g_return_if_fail (self->session == NULL);

  self->session = g_object_ref (session);
  g_signal_connect_object (session, "case-changed", G_CALLBACK (on_case_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::online", G_CALLBACK (on_online_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "write-changed", G_CALLBACK (on_outbox_item_changed), self,
                           G_CONNECT_SWAPPED);
  cs_decision_editor_set_context (self->decision_editor, session, self->plugin_host);
}

void
cs_case_view_set_plugin_host (CsCaseView   *self,
                              CsPluginHost *host)
{
  g_return_if_fail (CS_IS_CASE_VIEW (self));

  g_set_object (&self->plugin_host, host);
  cs_decision_editor_set_context (self->decision_editor, self->session, host);
}

static void
cs_case_view_dispose (GObject *object)
{
  CsCaseView *self = (CsCaseView *) object;

  if (self->checklist_rows != NULL)
    cs_case_view_close (self);
  g_clear_handle_id (&self->draft_timeout_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_CASE_VIEW);
  g_clear_pointer (&self->checklist_rows, g_ptr_array_unref);
  g_clear_object (&self->plugin_host);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (cs_case_view_parent_class)->dispose (object);
}

static void
cs_case_view_class_init (CsCaseViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_case_view_dispose;
  widget_class->grab_focus = cs_case_view_grab_focus;

  /**
   * CsCaseView::back:
   *
   * The person is done with the case and goes back to the inbox.
   */
  signals[BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (CS_TYPE_MATERIAL_VIEW);
  g_type_ensure (CS_TYPE_VERDICT_BAR);
  g_type_ensure (CS_TYPE_REVIEW_EDITOR);
  g_type_ensure (CS_TYPE_DECISION_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/countersign/Desk/cs-case-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CsCaseView, banner_label);
  gtk_widget_class_bind_template_child (widget_class, CsCaseView, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, CsCaseView, checklist_group);
  gtk_widget_class_bind_template_child (widget_class, CsCaseView, checklist_list);
  gtk_widget_class_bind_template_child (widget_class, CsCaseView, claim_button);
  gtk_widget_class_bind_template_child (widget_class, CsCaseView, clocks_group);
  gtk_widget_class_bind_template_child (widget_class, CsCaseView, decision_editor);
  gtk_widget_class_bind_template_child (widget_class, CsCaseView, details_box);
  gtk_widget_class_bind_template_child (widget_class, CsCaseView, details_scroller);
  gtk_widget_class_bind_template_child (widget_class, CsCaseView, error_page);
  gtk_widget_class_bind_template_child (widget_class, CsCaseView, findings_group);
  gtk_widget_class_bind_template_child (widget_class, CsCaseView, findings_list);
  gtk_widget_class_bind_template_child (widget_class, CsCaseView, findings_spinner);
  gtk_widget_class_bind_template_child (widget_class, CsCaseView, form_group);
  gtk_widget_class_bind_template_child (widget_class, CsCaseView, material_title);
  gtk_widget_class_bind_template_child (widget_class, CsCaseView, verdict_bar);
  gtk_widget_class_bind_template_child (widget_class, CsCaseView, material_view);
  gtk_widget_class_bind_template_child (widget_class, CsCaseView, panel_bin);
  gtk_widget_class_bind_template_child (widget_class, CsCaseView, parts_group);
  gtk_widget_class_bind_template_child (widget_class, CsCaseView, release_button);
  gtk_widget_class_bind_template_child (widget_class, CsCaseView, review_editor);
  gtk_widget_class_bind_template_child (widget_class, CsCaseView, reviews_group);
  gtk_widget_class_bind_template_child (widget_class, CsCaseView, stack);
  gtk_widget_class_bind_template_child (widget_class, CsCaseView, summary_group);
  gtk_widget_class_bind_template_child (widget_class, CsCaseView, timeline_list);
  gtk_widget_class_bind_template_child (widget_class, CsCaseView, window_title);
  gtk_widget_class_bind_template_callback (widget_class, on_finding_activated);
  gtk_widget_class_bind_template_callback_full (widget_class, "spinner_start",
                                                  G_CALLBACK (gtk_spinner_start));
  gtk_widget_class_bind_template_callback_full (widget_class, "spinner_stop",
                                                  G_CALLBACK (gtk_spinner_stop));
  gtk_widget_class_bind_template_callback (widget_class, on_material_page_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_review_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_show_decision_document);

  gtk_widget_class_install_action (widget_class, "case.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "case.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "case.claim", NULL, claim_action);
  gtk_widget_class_install_action (widget_class, "case.release", NULL, release_action);
  gtk_widget_class_install_action (widget_class, "case.save-review", NULL, save_review_action);
  gtk_widget_class_install_action (widget_class, "case.retry-write", NULL, retry_write_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "case.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "case.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "case.save-review", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "case.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "case.reload", NULL);
}

static void
cs_case_view_init (CsCaseView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->checklist_rows = g_ptr_array_new ();
  self->summary_grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (self->summary_grid, 8);
  gtk_grid_set_column_spacing (self->summary_grid, 12);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_grid), "card");
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_grid), "case-facts");
  adw_preferences_group_add (self->summary_group, GTK_WIDGET (self->summary_grid));
  self->clocks_list = add_list (self->clocks_group, _("Legal clocks"));
  self->parts_list = add_list (self->parts_group, _("Parallel approval"));
  self->reviews_list = add_list (self->reviews_group, _("Earlier reviews"));
}

CsCaseView *
cs_case_view_new (void)
{
  return g_object_new (CS_TYPE_CASE_VIEW, NULL);
}
