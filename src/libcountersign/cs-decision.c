/* cs-decision.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cs-decision.h"
#include "cs-error.h"
#include "cs-json-private.h"

/**
 * CsDecision:
 *
 * A decision (审批决定) the central platform recorded for a department's
 * part of a case: the outcome, the day, the SHA-256 of the signed decision
 * document, who signed, and the signed payload as the server verified it.
 */
struct _CsDecision
{
  GObject parent_instance;

  char *id;
  char *case_id;
  char *department;
  char *document_sha256;
  char *signer_username;
  char *signer_name;
  JsonObject *payload;
  GDate decided_on;
  gint64 recorded_at;
  CsOutcome outcome;
};

G_DEFINE_FINAL_TYPE (CsDecision, cs_decision, G_TYPE_OBJECT)

static void
cs_decision_finalize (GObject *object)
{
  CsDecision *self = (CsDecision *) object;

  g_free (self->id);
  g_free (self->case_id);
  g_free (self->department);
  g_free (self->document_sha256);
  g_free (self->signer_username);
  g_free (self->signer_name);
  g_clear_pointer (&self->payload, json_object_unref);

  G_OBJECT_CLASS (cs_decision_parent_class)->finalize (object);
}

static void
cs_decision_class_init (CsDecisionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cs_decision_finalize;
}

static void
cs_decision_init (CsDecision *self)
{
  g_date_clear (&self->decided_on, 1);
}

/**
 * cs_decision_new_from_json:
 * @object: a `Decision` of the central API
 * @error: return location for a #CS_ERROR_PROTOCOL
 *
 * Returns: (transfer full) (nullable): the decision, or %NULL when
 *   @object does not follow the contract
 */
CsDecision *
cs_decision_new_from_json (JsonObject  *object,
                           GError     **error)
{
  g_autoptr(CsDecision) self = g_object_new (CS_TYPE_DECISION, NULL);
  const char *id, *case_id, *department, *outcome, *sha256, *username, *name;
  JsonObject *signer, *payload;

  if (!_cs_json_get_string (object, "decision", "id", 0, &id, error) ||
      !_cs_json_get_string (object, "decision", "case_id", 0, &case_id, error) ||
      !_cs_json_get_string (object, "decision", "department", 0, &department, error) ||
      !_cs_json_get_string (object, "decision", "outcome", 0, &outcome, error) ||
      !_cs_json_get_date (object, "decision", "decided_on", 0, &self->decided_on, error) ||
      !_cs_json_get_string (object, "decision", "document_sha256", 0, &sha256, error) ||
      !_cs_json_get_object (object, "decision", "signer", 0, &signer, error) ||
      !_cs_json_get_string (signer, "decision.signer", "username", 0, &username, error) ||
      !_cs_json_get_string (signer, "decision.signer", "name", 0, &name, error) ||
      !_cs_json_get_object (object, "decision", "payload", 0, &payload, error) ||
      !_cs_json_get_datetime (object, "decision", "recorded_at", 0, &self->recorded_at,
                              error))
    return NULL;

  self->outcome = cs_outcome_from_string (outcome);
  if (self->outcome == CS_OUTCOME_NONE || strlen (sha256) != 64)
    {
      g_set_error (error, CS_ERROR, CS_ERROR_PROTOCOL,
                   _("The server’s answer cannot be read: decision “%s” is described "
                     "wrongly"),
                   id);
      return NULL;
    }

  self->id = g_strdup (id);
  self->case_id = g_strdup (case_id);
  self->department = g_strdup (department);
  self->document_sha256 = g_strdup (sha256);
  self->signer_username = g_strdup (username);
  self->signer_name = g_strdup (name);
  self->payload = json_object_ref (payload);
  return g_steal_pointer (&self);
}

const char *
cs_decision_get_id (CsDecision *self)
{
  g_return_val_if_fail (CS_IS_DECISION (self), NULL);
  return self->id;
}

const char *
cs_decision_get_case_id (CsDecision *self)
{
  g_return_val_if_fail (CS_IS_DECISION (self), NULL);
  return self->case_id;
}

const char *
cs_decision_get_department (CsDecision *self)
{
  g_return_val_if_fail (CS_IS_DECISION (self), NULL);
  return self->department;
}

CsOutcome
cs_decision_get_outcome (CsDecision *self)
{
  g_return_val_if_fail (CS_IS_DECISION (self), CS_OUTCOME_NONE);
  return self->outcome;
}

/**
 * cs_decision_get_decided_on:
 * @self: a #CsDecision
 *
 * Returns: (transfer none): the day of the decision
 */
const GDate *
cs_decision_get_decided_on (CsDecision *self)
{
  g_return_val_if_fail (CS_IS_DECISION (self), NULL);
  return &self->decided_on;
}

/**
 * cs_decision_get_document_sha256:
 * @self: a #CsDecision
 *
 * Returns: the SHA-256 of the signed decision document
 */
const char *
cs_decision_get_document_sha256 (CsDecision *self)
{
  g_return_val_if_fail (CS_IS_DECISION (self), NULL);
  return self->document_sha256;
}

const char *
cs_decision_get_signer_username (CsDecision *self)
{
  g_return_val_if_fail (CS_IS_DECISION (self), NULL);
  return self->signer_username;
}

const char *
cs_decision_get_signer_name (CsDecision *self)
{
  g_return_val_if_fail (CS_IS_DECISION (self), NULL);
  return self->signer_name;
}

/**
 * cs_decision_get_recorded_at:
 * @self: a #CsDecision
 *
 * Returns: when the server recorded it, in microseconds since the epoch
 */
gint64
cs_decision_get_recorded_at (CsDecision *self)
{
  g_return_val_if_fail (CS_IS_DECISION (self), 0);
  return self->recorded_at;
}

/**
 * cs_decision_get_payload:
 * @self: a #CsDecision
 *
 * Returns: (transfer none): the `DecisionPayload` as the server verified
 *   it (reasons, legal basis, supplement items…)
 */
JsonObject *
cs_decision_get_payload (CsDecision *self)
{
  g_return_val_if_fail (CS_IS_DECISION (self), NULL);
  return self->payload;
}
