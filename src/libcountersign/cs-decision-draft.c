/* cs-decision-draft.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsDecisionDraft"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "cs-checklist-item.h"
#include "cs-decision-draft.h"
#include "cs-error.h"
#include "cs-review.h"
#include "cs-verdict.h"

/**
 * CsDecisionDraft:
 *
 * A decision as the chief representative is about to sign it: the case
 * and version it decides, the outcome, its wording, and what the outcome
 * needs by law (DESIGN.md §2):
 *
 * - a denial carries its reasons, its legal basis and the notice of the
 *   right to administrative reconsideration or litigation (Art. 38);
 * - a supplement notice names checklist items only, and all the items the
 *   last final review found faulty, at once (Art. 32, 一次性告知): the
 *   draft takes them from the review, and they cannot be edited;
 * - an extension is the only one of the case, of 1 to 10 working days
 *   (Art. 42);
 * - a suspension names its kind (expert review, testing, inspection or
 *   hearing) and its reason, and stops the clock (Art. 45).
 *
 * cs_decision_draft_check() enforces these before anything is drawn or
 * signed; the central platform enforces them again. The draft makes the
 * exact bytes that are signed: cs_decision_draft_build_payload().
 */

typedef struct
{
  char *item;
  char *name;
  char *reason;
} SupplementItem;

struct _CsDecisionDraft
{
  GObject parent_instance;

  CsOutcome outcome;
  char *case_id;
  gint64 version;
  char *case_number;
  char *department;
  char *department_name;
  char *matter_code;
  char *matter_name;
  char *applicant;
  char *document_number;
  GDate date;
  char *text;
  char *legal_basis;
  char *reasons;
  char *remedy_notice;
  GArray *supplement_items;      /* SupplementItem */
  guint previous_extension_days;
  guint extension_days;
  char *suspension_kind;
  char *suspension_reason;
  char *signer_username;
  char *signer_name;
  gboolean matter_allows_outcome;
};

G_DEFINE_FINAL_TYPE (CsDecisionDraft, cs_decision_draft, G_TYPE_OBJECT)

static const char * const suspension_kinds[] = {
  "expert_review", "testing", "inspection", "hearing",
};

static void
supplement_item_clear (gpointer data)
{
  SupplementItem *item = data;

  g_free (item->item);
  g_free (item->name);
  g_free (item->reason);
}

static void
cs_decision_draft_finalize (GObject *object)
{
  CsDecisionDraft *self = (CsDecisionDraft *) object;

  g_free (self->case_id);
  g_free (self->case_number);
  g_free (self->department);
  g_free (self->department_name);
  g_free (self->matter_code);
  g_free (self->matter_name);
  g_free (self->applicant);
  g_free (self->document_number);
  g_free (self->text);
  g_free (self->legal_basis);
  g_free (self->reasons);
  g_free (self->remedy_notice);
  g_clear_pointer (&self->supplement_items, g_array_unref);
  g_free (self->suspension_kind);
  g_free (self->suspension_reason);
  g_free (self->signer_username);
  g_free (self->signer_name);

  G_OBJECT_CLASS (cs_decision_draft_parent_class)->finalize (object);
}

static void
cs_decision_draft_class_init (CsDecisionDraftClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cs_decision_draft_finalize;
}

static void
cs_decision_draft_init (CsDecisionDraft *self)
{
  g_date_clear (&self->date, 1);
  self->supplement_items = g_array_new (FALSE, TRUE, sizeof (SupplementItem));
  g_array_set_clear_func (self->supplement_items, supplement_item_clear);
}

static void
set_string (char       **slot,
            const char  *value)
{
  if (*slot != value)
    {
      g_free (*slot);
      *slot = g_strdup (value);
    }
}

static const char *
document_word (CsOutcome outcome)
{
  switch (outcome)
    {
    case CS_OUTCOME_GRANT:
      /* Translators: part of a decision document's number, e.g. 准字〔2026〕… */
      return C_("document number", "Grant");
    case CS_OUTCOME_DENY:
      return C_("document number", "Deny");
    case CS_OUTCOME_SUPPLEMENT:
      return C_("document number", "Supplement");
    case CS_OUTCOME_NOT_ACCEPTED:
      return C_("document number", "Not accepted");
    case CS_OUTCOME_EXTENSION:
      return C_("document number", "Extension");
    case CS_OUTCOME_SUSPENSION:
      return C_("document number", "Suspension");
    case CS_OUTCOME_NONE:
    default:
      return "";
    }
}

/* The problem items of the last final review: what a supplement notice
 * must name, all of them. */
static void
take_problem_items (CsDecisionDraft *self,
                    CsCase          *kase,
                    CsMatter        *matter)
{
  GListModel *reviews = cs_case_get_reviews (kase);
  g_autoptr(CsReview) last_final = NULL;
  GListModel *verdicts;

  for (guint i = 0; reviews != NULL && i < g_list_model_get_n_items (reviews); i++)
    {
      g_autoptr(CsReview) review = g_list_model_get_item (reviews, i);

      if (cs_review_get_final (review))
        g_set_object (&last_final, review);
    }
  if (last_final == NULL)
    return;

  verdicts = cs_review_get_checklist (last_final);
  for (guint i = 0; verdicts != NULL && i < g_list_model_get_n_items (verdicts); i++)
    {
      g_autoptr(CsVerdict) verdict = g_list_model_get_item (verdicts, i);
      CsChecklistItem *checklist_item;
      SupplementItem item = { 0 };

      if (cs_verdict_get_kind (verdict) != CS_VERDICT_PROBLEM)
        continue;
      checklist_item = matter != NULL ? cs_matter_lookup_checklist_item (matter,
                                                                         cs_verdict_get_item (verdict))
                                      : NULL;
      item.item = g_strdup (cs_verdict_get_item (verdict));
      item.name = g_strdup (checklist_item != NULL ? cs_checklist_item_get_name (checklist_item)
                                                   : cs_verdict_get_item (verdict));
      item.reason = g_strdup (cs_verdict_get_reason (verdict));
      g_array_append_val (self->supplement_items, item);
    }
}

static char *
default_text (CsDecisionDraft *self)
{
  switch (self->outcome)
    {
    case CS_OUTCOME_GRANT:
      return g_strdup_printf (_("Having examined the application for “%s”, this department finds "
                                "that it meets the statutory conditions and standards. In "
                                "accordance with %s, it is decided to grant it."),
                              self->matter_name, self->legal_basis);
    case CS_OUTCOME_DENY:
      return g_strdup_printf (_("Having examined the application for “%s”, this department finds "
                                "that it does not meet the statutory conditions and standards, "
                                "and decides not to grant it, for the reasons below."),
                              self->matter_name);
    case CS_OUTCOME_SUPPLEMENT:
      return g_strdup_printf (_("The application for “%s” is incomplete. Please supply or correct, "
                                "all at once, the materials listed below; the application is "
                                "accepted on the day they are complete."),
                              self->matter_name);
    case CS_OUTCOME_NOT_ACCEPTED:
      return g_strdup_printf (_("The application for “%s” does not meet the conditions for "
                                "acceptance by this department, and is not accepted."),
                              self->matter_name);
    case CS_OUTCOME_EXTENSION:
      return g_strdup_printf (_("The application for “%s” cannot be decided within the statutory "
                                "limit. With the approval of the chief representative, the limit "
                                "is extended once."),
                              self->matter_name);
    case CS_OUTCOME_SUSPENSION:
      return g_strdup_printf (_("The examination of the application for “%s” is suspended; the "
                                "time it takes does not count towards the limit."),
                              self->matter_name);
    case CS_OUTCOME_NONE:
    default:
      return g_strdup ("");
    }
}

/**
 * cs_decision_draft_new_for_case:
 * @kase: the case, as opened in full (its reviews are read)
 * @matter: (nullable): the case's matter from the catalogue: its legal
 *   basis, checklist names and department name
 * @outcome: the outcome to decide
 *
 * Starts a decision of @kase's current version, dated today, with the
 * default wording of @outcome. A supplement notice takes every problem item
 * of the last final review.
 *
 * Returns: (transfer full): a new draft
 */
CsDecisionDraft *
cs_decision_draft_new_for_case (CsCase    *kase,
                                CsMatter  *matter,
                                CsOutcome  outcome)
{
  CsDecisionDraft *self;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_val_if_fail (CS_IS_CASE (kase), NULL);
  g_return_val_if_fail (matter == NULL || CS_IS_MATTER (matter), NULL);

  self = g_object_new (CS_TYPE_DECISION_DRAFT, NULL);
  self->outcome = outcome;
  self->case_id = g_strdup (cs_case_get_id (kase));
  self->version = cs_case_get_version (kase);
  self->case_number = g_strdup (cs_case_get_number (kase));
  self->department = g_strdup (cs_case_get_department (kase));
  self->department_name = g_strdup (matter != NULL && cs_matter_get_department_name (matter) != NULL
                                    ? cs_matter_get_department_name (matter)
                                    : cs_case_get_department (kase));
  self->matter_code = g_strdup (cs_case_get_matter_code (kase));
  self->matter_name = g_strdup (cs_case_get_matter_name (kase));
  self->applicant = g_strdup (cs_case_get_applicant_name (kase));
  self->legal_basis = g_strdup (matter != NULL ? cs_matter_get_legal_basis (matter) : "");
  self->previous_extension_days = cs_case_get_extension_days (kase);
  self->matter_allows_outcome = matter == NULL || cs_matter_allows_outcome (matter, outcome);
  g_date_set_dmy (&self->date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  /* Translators: a decision document's number: the kind, the year, the case number */
  self->document_number = g_strdup_printf (_("%s [%d] No. %s"), document_word (outcome),
                                           g_date_time_get_year (now), self->case_number);

  if (outcome == CS_OUTCOME_DENY || outcome == CS_OUTCOME_NOT_ACCEPTED)
    self->remedy_notice = g_strdup (_("If you disagree with this decision, you may apply for "
                                      "administrative reconsideration within 60 days of "
                                      "receiving it, or bring an administrative lawsuit before "
                                      "the people’s court within 6 months."));
  if (outcome == CS_OUTCOME_SUPPLEMENT)
    take_problem_items (self, kase, matter);
  if (outcome == CS_OUTCOME_EXTENSION)
    self->extension_days = 10;

  self->text = default_text (self);
  return self;
}

CsOutcome
cs_decision_draft_get_outcome (CsDecisionDraft *self)
{
  g_return_val_if_fail (CS_IS_DECISION_DRAFT (self), CS_OUTCOME_NONE);
  return self->outcome;
}

const char *
cs_decision_draft_get_case_id (CsDecisionDraft *self)
{
  g_return_val_if_fail (CS_IS_DECISION_DRAFT (self), NULL);
  return self->case_id;
}

/**
 * cs_decision_draft_get_version:
 * @self: a #CsDecisionDraft
 *
 * Returns: the case version the decision is of; the central platform
 *   refuses it once the case has changed
 */
gint64
cs_decision_draft_get_version (CsDecisionDraft *self)
{
  g_return_val_if_fail (CS_IS_DECISION_DRAFT (self), 0);
  return self->version;
}

const char *
cs_decision_draft_get_case_number (CsDecisionDraft *self)
{
  g_return_val_if_fail (CS_IS_DECISION_DRAFT (self), NULL);
  return self->case_number;
}

const char *
cs_decision_draft_get_department_name (CsDecisionDraft *self)
{
  g_return_val_if_fail (CS_IS_DECISION_DRAFT (self), NULL);
  return self->department_name;
}

const char *
cs_decision_draft_get_matter_name (CsDecisionDraft *self)
{
  g_return_val_if_fail (CS_IS_DECISION_DRAFT (self), NULL);
  return self->matter_name;
}

const char *
cs_decision_draft_get_applicant (CsDecisionDraft *self)
{
  g_return_val_if_fail (CS_IS_DECISION_DRAFT (self), NULL);
  return self->applicant;
}

const char *
cs_decision_draft_get_document_number (CsDecisionDraft *self)
{
  g_return_val_if_fail (CS_IS_DECISION_DRAFT (self), NULL);
  return self->document_number;
}

/**
 * cs_decision_draft_get_date:
 * @self: a #CsDecisionDraft
 *
 * Returns: (transfer none): the day the decision is dated
 */
const GDate *
cs_decision_draft_get_date (CsDecisionDraft *self)
{
  g_return_val_if_fail (CS_IS_DECISION_DRAFT (self), NULL);
  return &self->date;
}

const char *
cs_decision_draft_get_text (CsDecisionDraft *self)
{
  g_return_val_if_fail (CS_IS_DECISION_DRAFT (self), NULL);
  return self->text;
}

/**
 * cs_decision_draft_set_text:
 * @self: a #CsDecisionDraft
 * @text: the decision's wording, replacing the default
 */
void
cs_decision_draft_set_text (CsDecisionDraft *self,
                            const char      *text)
{
  g_return_if_fail (CS_IS_DECISION_DRAFT (self));
  set_string (&self->text, text);
}

const char *
cs_decision_draft_get_legal_basis (CsDecisionDraft *self)
{
  g_return_val_if_fail (CS_IS_DECISION_DRAFT (self), NULL);
  return self->legal_basis;
}

void
cs_decision_draft_set_legal_basis (CsDecisionDraft *self,
                                   const char      *legal_basis)
{
  g_return_if_fail (CS_IS_DECISION_DRAFT (self));
  set_string (&self->legal_basis, legal_basis);
}

const char *
cs_decision_draft_get_reasons (CsDecisionDraft *self)
{
  g_return_val_if_fail (CS_IS_DECISION_DRAFT (self), NULL);
  return self->reasons;
}

/**
 * cs_decision_draft_set_reasons:
 * @self: a #CsDecisionDraft
 * @reasons: (nullable): why; required for a denial
 */
void
cs_decision_draft_set_reasons (CsDecisionDraft *self,
                               const char      *reasons)
{
  g_return_if_fail (CS_IS_DECISION_DRAFT (self));
  set_string (&self->reasons, reasons);
}

const char *
cs_decision_draft_get_remedy_notice (CsDecisionDraft *self)
{
  g_return_val_if_fail (CS_IS_DECISION_DRAFT (self), NULL);
  return self->remedy_notice;
}

/**
 * cs_decision_draft_set_remedy_notice:
 * @self: a #CsDecisionDraft
 * @notice: (nullable): the notice of the right to administrative
 *   reconsideration or litigation; required for a denial
 */
void
cs_decision_draft_set_remedy_notice (CsDecisionDraft *self,
                                     const char      *notice)
{
  g_return_if_fail (CS_IS_DECISION_DRAFT (self));
  set_string (&self->remedy_notice, notice);
}

guint
cs_decision_draft_get_n_supplement_items (CsDecisionDraft *self)
{
  g_return_val_if_fail (CS_IS_DECISION_DRAFT (self), 0);
  return self->supplement_items->len;
}

/**
 * cs_decision_draft_get_supplement_item:
 * @self: a #CsDecisionDraft
 * @index: the item's position
 * @item: (out) (optional): the checklist item's code
 * @name: (out) (optional): its name in the checklist
 * @reason: (out) (optional): what is wrong with it
 *
 * One of the items a supplement notice names.
 */
void
cs_decision_draft_get_supplement_item (CsDecisionDraft  *self,
                                       guint             index,
                                       const char      **item,
                                       const char      **name,
                                       const char      **reason)
{
  SupplementItem *entry;

  g_return_if_fail (CS_IS_DECISION_DRAFT (self));
  g_return_if_fail (index < self->supplement_items->len);

  entry = &g_array_index (self->supplement_items, SupplementItem, index);
  if (item != NULL)
    *item = entry->item;
  if (name != NULL)
    *name = entry->name;
  if (reason != NULL)
    *reason = entry->reason;
}

guint
cs_decision_draft_get_extension_days (CsDecisionDraft *self)
{
  g_return_val_if_fail (CS_IS_DECISION_DRAFT (self), 0);
  return self->extension_days;
}

/**
 * cs_decision_draft_set_extension_days:
 * @self: a #CsDecisionDraft
 * @days: working days to add to the statutory limit (1 to 10)
 */
void
cs_decision_draft_set_extension_days (CsDecisionDraft *self,
                                      guint            days)
{
  g_return_if_fail (CS_IS_DECISION_DRAFT (self));
  self->extension_days = days;
}

/**
 * cs_decision_draft_set_suspension:
 * @self: a #CsDecisionDraft
 * @kind: `expert_review`, `testing`, `inspection` or `hearing`
 * @reason: why the examination is suspended
 */
void
cs_decision_draft_set_suspension (CsDecisionDraft *self,
                                  const char      *kind,
                                  const char      *reason)
{
  g_return_if_fail (CS_IS_DECISION_DRAFT (self));
  set_string (&self->suspension_kind, kind);
  set_string (&self->suspension_reason, reason);
}

const char *
cs_decision_draft_get_suspension_kind (CsDecisionDraft *self)
{
  g_return_val_if_fail (CS_IS_DECISION_DRAFT (self), NULL);
  return self->suspension_kind;
}

const char *
cs_decision_draft_get_suspension_reason (CsDecisionDraft *self)
{
  g_return_val_if_fail (CS_IS_DECISION_DRAFT (self), NULL);
  return self->suspension_reason;
}

/**
 * cs_decision_draft_set_signer:
 * @self: a #CsDecisionDraft
 * @username: the chief representative's username
 * @name: their name, as the document shows it
 */
void
cs_decision_draft_set_signer (CsDecisionDraft *self,
                              const char      *username,
                              const char      *name)
{
  g_return_if_fail (CS_IS_DECISION_DRAFT (self));
  set_string (&self->signer_username, username);
  set_string (&self->signer_name, name);
}

const char *
cs_decision_draft_get_signer_name (CsDecisionDraft *self)
{
  g_return_val_if_fail (CS_IS_DECISION_DRAFT (self), NULL);
  return self->signer_name;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static gboolean
refuse (GError     **error,
        const char  *message)
{
  g_set_error_literal (error, CS_ERROR, CS_ERROR_INVALID, message);
  return FALSE;
}

/**
 * cs_decision_draft_check:
 * @self: a #CsDecisionDraft
 * @error: return location for a %CS_ERROR_INVALID
 *
 * Checks the rules of the outcome (see #CsDecisionDraft) and that the
 * draft names its signer.
 *
 * Returns: %TRUE when the draft may be signed
 */
gboolean
cs_decision_draft_check (CsDecisionDraft  *self,
                         GError          **error)
{
  g_return_val_if_fail (CS_IS_DECISION_DRAFT (self), FALSE);

  if (self->outcome == CS_OUTCOME_NONE)
    return refuse (error, _("A decision needs an outcome"));
  if (!self->matter_allows_outcome)
    {
      g_set_error (error, CS_ERROR, CS_ERROR_INVALID,
                   _("The matter “%s” does not allow the outcome “%s”"), self->matter_name,
                   cs_outcome_get_label (self->outcome));
      return FALSE;
    }
  if (is_blank (self->signer_username))
    return refuse (error, _("A decision needs the chief representative who signs it"));
  if (is_blank (self->text))
    return refuse (error, _("A decision needs its text"));

  switch (self->outcome)
    {
    case CS_OUTCOME_DENY:
      if (is_blank (self->reasons))
        return refuse (error, _("A denial must give its reasons"));
      if (is_blank (self->legal_basis))
        return refuse (error, _("A denial must give its legal basis"));
      if (is_blank (self->remedy_notice))
        return refuse (error, _("A denial must tell the applicant of the right to administrative "
                                "reconsideration or litigation"));
      break;

    case CS_OUTCOME_SUPPLEMENT:
      if (self->supplement_items->len == 0)
        return refuse (error, _("A supplement notice names the checklist items with problems, "
                                "and the last final review marks none"));
      break;

    case CS_OUTCOME_EXTENSION:
      if (self->previous_extension_days > 0)
        return refuse (error, _("The limit of this case was extended already; it can be "
                                "extended only once"));
      if (self->extension_days < 1 || self->extension_days > 10)
        return refuse (error, _("An extension adds 1 to 10 working days"));
      break;

    case CS_OUTCOME_SUSPENSION:
      {
        gboolean known = FALSE;

        for (guint i = 0; i < G_N_ELEMENTS (suspension_kinds); i++)
          known |= g_strcmp0 (self->suspension_kind, suspension_kinds[i]) == 0;
        if (!known)
          return refuse (error, _("A suspension names its kind: expert_review, testing, "
                                  "inspection or hearing"));
        if (is_blank (self->suspension_reason))
          return refuse (error, _("A suspension must give its reason"));
      }
      break;

    case CS_OUTCOME_GRANT:
    case CS_OUTCOME_NOT_ACCEPTED:
    case CS_OUTCOME_NONE:
    default:
      break;
    }

  return TRUE;
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value != NULL ? value : "");
}

/**
 * cs_decision_draft_build_payload:
 * @self: a #CsDecisionDraft
 * @document_sha256: the SHA-256 (hex) of the rendered decision document
 * @signed_at: (nullable): when it is signed, %NULL for now
 * @error: return location for a %CS_ERROR_INVALID
 *
 * Makes the exact bytes that are signed: the `DecisionPayload` of the
 * central API, UTF-8 JSON, compact, members in a fixed order.
 *
 * Returns: (transfer full) (nullable): the bytes to sign
 */
GBytes *
cs_decision_draft_build_payload (CsDecisionDraft  *self,
                                 const char       *document_sha256,
                                 GDateTime        *signed_at,
                                 GError          **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *timestamp = NULL;
  char date[16];
  char *json;
  gsize length;

  g_return_val_if_fail (CS_IS_DECISION_DRAFT (self), NULL);
  g_return_val_if_fail (document_sha256 != NULL, NULL);

  if (!cs_decision_draft_check (self, error))
    return NULL;

  now = signed_at != NULL ? g_date_time_ref (signed_at) : g_date_time_new_now_utc ();
  utc = g_date_time_to_utc (now);
  timestamp = g_date_time_format (utc, "%FT%TZ");
  g_date_strftime (date, sizeof date, "%Y-%m-%d", &self->date);

  json_builder_begin_object (builder);
  add_string (builder, "case_id", self->case_id);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, self->version);
  add_string (builder, "department", self->department);
  add_string (builder, "matter_code", self->matter_code);
  add_string (builder, "case_number", self->case_number);
  add_string (builder, "applicant", self->applicant);
  add_string (builder, "outcome", cs_outcome_to_string (self->outcome));
  add_string (builder, "document_number", self->document_number);
  add_string (builder, "decided_on", date);
  add_string (builder, "text", self->text);
  add_string (builder, "legal_basis", self->legal_basis);
  if (!is_blank (self->reasons))
    add_string (builder, "reasons", self->reasons);
  if (!is_blank (self->remedy_notice))
    add_string (builder, "remedy_notice", self->remedy_notice);
  if (self->outcome == CS_OUTCOME_SUPPLEMENT)
    {
      json_builder_set_member_name (builder, "supplement_items");
      json_builder_begin_array (builder);
      for (guint i = 0; i < self->supplement_items->len; i++)
        {
          SupplementItem *item = &g_array_index (self->supplement_items, SupplementItem, i);

          json_builder_begin_object (builder);
          add_string (builder, "item", item->item);
          add_string (builder, "reason", item->reason);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  if (self->outcome == CS_OUTCOME_EXTENSION)
    {
      json_builder_set_member_name (builder, "extension_days");
      json_builder_add_int_value (builder, self->extension_days);
    }
  if (self->outcome == CS_OUTCOME_SUSPENSION)
    {
      json_builder_set_member_name (builder, "suspension");
      json_builder_begin_object (builder);
      add_string (builder, "kind", self->suspension_kind);
      add_string (builder, "reason", self->suspension_reason);
      json_builder_end_object (builder);
    }
  add_string (builder, "document_sha256", document_sha256);
  add_string (builder, "signer", self->signer_username);
  add_string (builder, "signer_name", self->signer_name);
  add_string (builder, "signed_at", timestamp);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, &length);
  return g_bytes_new_take (json, length);
}
