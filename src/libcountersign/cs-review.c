/* cs-review.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-error.h"
#include "cs-json-private.h"
#include "cs-review.h"

/**
 * CsReview:
 *
 * A review opinion (审查意见) an approver posted on the department's part
 * of a case: the opinion, the proposed outcome and the checklist verdicts.
 * A final review hands the case on to the chief representative.
 */
struct _CsReview
{
  GObject parent_instance;

  gint64 id;
  char *author_username;
  char *author_name;
  char *opinion;
  GListStore *checklist;
  gint64 created_at;
  CsOutcome proposed_outcome;
  gboolean final;
};

G_DEFINE_FINAL_TYPE (CsReview, cs_review, G_TYPE_OBJECT)

static void
cs_review_finalize (GObject *object)
{
  CsReview *self = (CsReview *) object;

  g_free (self->author_username);
  g_free (self->author_name);
  g_free (self->opinion);
  g_clear_object (&self->checklist);

  G_OBJECT_CLASS (cs_review_parent_class)->finalize (object);
}

static void
cs_review_class_init (CsReviewClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cs_review_finalize;
}

static void
cs_review_init (CsReview *self)
{
  self->checklist = g_list_store_new (CS_TYPE_VERDICT);
}

/**
 * cs_review_new_from_json:
 * @object: a `Review` of the central API
 * @error: return location for a #CS_ERROR_PROTOCOL
 *
 * Returns: (transfer full) (nullable): the review, or %NULL when @object
 *   does not follow the contract
 */
CsReview *
cs_review_new_from_json (JsonObject  *object,
                         GError     **error)
{
  g_autoptr(CsReview) self = g_object_new (CS_TYPE_REVIEW, NULL);
  JsonObject *author;
  JsonArray *checklist;
  const char *username, *name, *opinion, *outcome;

  if (!_cs_json_get_int (object, "review", "id", 0, &self->id, error) ||
      !_cs_json_get_object (object, "review", "author", 0, &author, error) ||
      !_cs_json_get_string (author, "review.author", "username", 0, &username, error) ||
      !_cs_json_get_string (author, "review.author", "name", 0, &name, error) ||
      !_cs_json_get_string (object, "review", "opinion", 0, &opinion, error) ||
      !_cs_json_get_string (object, "review", "proposed_outcome", 0, &outcome, error) ||
      !_cs_json_get_boolean (object, "review", "final", 0, &self->final, error) ||
      !_cs_json_get_array (object, "review", "checklist", 0, &checklist, error) ||
      !_cs_json_get_datetime (object, "review", "created_at", 0, &self->created_at, error))
    return NULL;

  self->proposed_outcome = cs_outcome_from_string (outcome);
  if (self->proposed_outcome == CS_OUTCOME_NONE)
    {
      g_set_error (error, CS_ERROR, CS_ERROR_PROTOCOL,
                   _("The server’s answer cannot be read: unknown outcome “%s”"), outcome);
      return NULL;
    }

  self->author_username = g_strdup (username);
  self->author_name = g_strdup (name);
  self->opinion = g_strdup (opinion);

  for (guint i = 0; i < json_array_get_length (checklist); i++)
    {
      JsonObject *verdict_object = _cs_json_array_get_object (checklist, i, "review.checklist",
                                                              error);
      g_autoptr(CsVerdict) verdict = NULL;

      if (verdict_object == NULL ||
          (verdict = cs_verdict_new_from_json (verdict_object, error)) == NULL)
        return NULL;
      g_list_store_append (self->checklist, verdict);
    }

  return g_steal_pointer (&self);
}

gint64
cs_review_get_id (CsReview *self)
{
  g_return_val_if_fail (CS_IS_REVIEW (self), 0);
  return self->id;
}

const char *
cs_review_get_author_username (CsReview *self)
{
  g_return_val_if_fail (CS_IS_REVIEW (self), NULL);
  return self->author_username;
}

const char *
cs_review_get_author_name (CsReview *self)
{
  g_return_val_if_fail (CS_IS_REVIEW (self), NULL);
  return self->author_name;
}

const char *
cs_review_get_opinion (CsReview *self)
{
  g_return_val_if_fail (CS_IS_REVIEW (self), NULL);
  return self->opinion;
}

CsOutcome
cs_review_get_proposed_outcome (CsReview *self)
{
  g_return_val_if_fail (CS_IS_REVIEW (self), CS_OUTCOME_NONE);
  return self->proposed_outcome;
}

/**
 * cs_review_get_final:
 * @self: a #CsReview
 *
 * Returns: %TRUE when the review hands the case on for decision
 */
gboolean
cs_review_get_final (CsReview *self)
{
  g_return_val_if_fail (CS_IS_REVIEW (self), FALSE);
  return self->final;
}

/**
 * cs_review_get_checklist:
 * @self: a #CsReview
 *
 * Returns: (transfer none): a list model of #CsVerdict
 */
GListModel *
cs_review_get_checklist (CsReview *self)
{
  g_return_val_if_fail (CS_IS_REVIEW (self), NULL);
  return G_LIST_MODEL (self->checklist);
}

/**
 * cs_review_get_created_at:
 * @self: a #CsReview
 *
 * Returns: when the server recorded the review, in microseconds since the
 *   Unix epoch
 */
gint64
cs_review_get_created_at (CsReview *self)
{
  g_return_val_if_fail (CS_IS_REVIEW (self), 0);
  return self->created_at;
}
