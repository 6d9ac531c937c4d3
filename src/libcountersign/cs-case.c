/* cs-case.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsCase"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-case-part.h"
#include "cs-case-private.h"
#include "cs-enum-types.h"
#include "cs-error.h"
#include "cs-json-private.h"
#include "cs-material.h"
#include "cs-review.h"

/**
 * CsCase:
 *
 * A case (办件) as the signed-in user's department sees it: the summary
 * every inbox row shows (number, matter, applicant, state, assignee, the
 * inputs of the legal clocks, the parallel parts) and, for a case opened
 * in full, the applicant's details, the form data, the materials and the
 * department's reviews.
 *
 * A case object stays the same while the case changes: when a newer
 * version arrives, the object takes its values and notifies the properties,
 * so a view keeps its selection and scroll position.
 */

struct _CsCaseDetail
{
  JsonObject *object;      /* the whole `Case`, as the cache stores it */
  CsApplicant *applicant;
  char *site;
  char *route;
  JsonObject *form;
  GListStore *materials;
  GListStore *reviews;
};

G_DEFINE_FINAL_TYPE (CsCase, cs_case, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NUMBER,
  PROP_VERSION,
  PROP_MATTER_CODE,
  PROP_MATTER_NAME,
  PROP_STATUS,
  PROP_OUTCOME,
  PROP_ASSIGNEE_USERNAME,
  PROP_ASSIGNEE_NAME,
  PROP_APPLICANT_NAME,
  PROP_APPLICANT_ID_NUMBER,
  PROP_RECEIVED_AT,
  PROP_UPDATED_AT,
  PROP_GREEN_CHANNEL,
  PROP_URGENT,
  PROP_INSTANT,
  PROP_PARALLEL,
  PROP_LEAD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cs_case_detail_free (CsCaseDetail *detail)
{
  g_clear_pointer (&detail->object, json_object_unref);
  g_clear_object (&detail->applicant);
  g_free (detail->site);
  g_free (detail->route);
  g_clear_pointer (&detail->form, json_object_unref);
  g_clear_object (&detail->materials);
  g_clear_object (&detail->reviews);
  g_free (detail);
}

static void
cs_case_clear_summary (CsCase *self)
{
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->number, g_free);
  g_clear_pointer (&self->applicant_name, g_free);
  g_clear_pointer (&self->applicant_id_number, g_free);
  g_clear_pointer (&self->suspensions_json, g_free);
  g_clear_pointer (&self->parallel_json, g_free);
  g_clear_pointer (&self->suspensions, json_array_unref);
  g_clear_object (&self->parts);
}

static void
cs_case_finalize (GObject *object)
{
  CsCase *self = (CsCase *) object;

  cs_case_clear_summary (self);
  g_clear_pointer (&self->detail, cs_case_detail_free);

  G_OBJECT_CLASS (cs_case_parent_class)->finalize (object);
}

static void
cs_case_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  CsCase *self = CS_CASE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;
    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;
    case PROP_MATTER_CODE:
      g_value_set_string (value, self->matter_code);
      break;
    case PROP_MATTER_NAME:
      g_value_set_string (value, self->matter_name);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_OUTCOME:
      g_value_set_enum (value, self->outcome);
      break;
    case PROP_ASSIGNEE_USERNAME:
      g_value_set_string (value, self->assignee_username);
      break;
    case PROP_ASSIGNEE_NAME:
      g_value_set_string (value, self->assignee_name);
      break;
    case PROP_APPLICANT_NAME:
      g_value_set_string (value, self->applicant_name);
      break;
    case PROP_APPLICANT_ID_NUMBER:
      g_value_set_string (value, self->applicant_id_number);
      break;
    case PROP_RECEIVED_AT:
      g_value_set_int64 (value, self->received_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;
    case PROP_GREEN_CHANNEL:
      g_value_set_boolean (value, self->green_channel);
      break;
    case PROP_URGENT:
      g_value_set_boolean (value, self->urgent);
      break;
    case PROP_INSTANT:
      g_value_set_boolean (value, self->instant);
      break;
    case PROP_PARALLEL:
      g_value_set_boolean (value, self->parallel_json != NULL);
      break;
    case PROP_LEAD:
      g_value_set_boolean (value, self->lead);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_case_class_init (CsCaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cs_case_finalize;
  object_class->get_property = cs_case_get_property;

  /**
   * CsCase:id:
   *
   * The case's identifier in the central API.
   */
  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  /**
   * CsCase:number:
   *
   * The case number people quote, e.g. `LW202611180001`.
   */
  properties[PROP_NUMBER] = g_param_spec_string ("number", NULL, NULL, NULL, flags);
  /**
   * CsCase:version:
   *
   * The version of the case, as the department sees it.
   */
  properties[PROP_VERSION] = g_param_spec_int64 ("version", NULL, NULL,
                                                 0, G_MAXINT64, 0, flags);
  /**
   * CsCase:matter-code:
   *
   * The code of the department's matter, e.g. `health.radiation-worker`.
   */
  properties[PROP_MATTER_CODE] = g_param_spec_string ("matter-code", NULL, NULL, NULL, flags);
  /**
   * CsCase:matter-name:
   *
   * The name of the department's matter.
   */
  properties[PROP_MATTER_NAME] = g_param_spec_string ("matter-name", NULL, NULL, NULL, flags);
  /**
   * CsCase:status:
   *
   * The state of the department's part.
   */
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, CS_TYPE_CASE_STATUS,
                                               CS_CASE_STATUS_UNKNOWN, flags);
  /**
   * CsCase:outcome:
   *
   * The decided outcome of the department's part, if any.
   */
  properties[PROP_OUTCOME] = g_param_spec_enum ("outcome", NULL, NULL, CS_TYPE_OUTCOME,
                                                CS_OUTCOME_NONE, flags);
  /**
   * CsCase:assignee-username:
   *
   * The username of the approver who holds the case, or %NULL.
   */
  properties[PROP_ASSIGNEE_USERNAME] = g_param_spec_string ("assignee-username", NULL, NULL,
                                                            NULL, flags);
  /**
   * CsCase:assignee-name:
   *
   * The name of the approver who holds the case, or %NULL.
   */
  properties[PROP_ASSIGNEE_NAME] = g_param_spec_string ("assignee-name", NULL, NULL, NULL,
                                                        flags);
  /**
   * CsCase:applicant-name:
   *
   * The applicant's name.
   */
  properties[PROP_APPLICANT_NAME] = g_param_spec_string ("applicant-name", NULL, NULL, NULL,
                                                         flags);
  /**
   * CsCase:applicant-id-number:
   *
   * The applicant's resident ID number or unified social credit code.
   */
  properties[PROP_APPLICANT_ID_NUMBER] = g_param_spec_string ("applicant-id-number", NULL,
                                                              NULL, NULL, flags);
  /**
   * CsCase:received-at:
   *
   * When the front desk received the application (µs since the epoch).
   */
  properties[PROP_RECEIVED_AT] = g_param_spec_int64 ("received-at", NULL, NULL,
                                                     G_MININT64, G_MAXINT64, 0, flags);
  /**
   * CsCase:updated-at:
   *
   * When the case last changed (µs since the epoch).
   */
  properties[PROP_UPDATED_AT] = g_param_spec_int64 ("updated-at", NULL, NULL,
                                                    G_MININT64, G_MAXINT64, 0, flags);
  /**
   * CsCase:green-channel:
   *
   * Whether the case goes through the green channel (绿色通道).
   */
  properties[PROP_GREEN_CHANNEL] = g_param_spec_boolean ("green-channel", NULL, NULL, FALSE,
                                                         flags);
  /**
   * CsCase:urgent:
   *
   * Whether the front desk marked the case urgent.
   */
  properties[PROP_URGENT] = g_param_spec_boolean ("urgent", NULL, NULL, FALSE, flags);
  /**
   * CsCase:instant:
   *
   * Whether the matter is decided on the spot (即办件).
   */
  properties[PROP_INSTANT] = g_param_spec_boolean ("instant", NULL, NULL, FALSE, flags);
  /**
   * CsCase:parallel:
   *
   * Whether several departments decide the case in parallel.
   */
  properties[PROP_PARALLEL] = g_param_spec_boolean ("parallel", NULL, NULL, FALSE, flags);
  /**
   * CsCase:lead:
   *
   * Whether the department leads the case (主办).
   */
  properties[PROP_LEAD] = g_param_spec_boolean ("lead", NULL, NULL, TRUE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cs_case_init (CsCase *self)
{
  g_date_clear (&self->accepted_on, 1);
  g_date_clear (&self->clock_accepted_on, 1);
  g_date_clear (&self->decided_on, 1);
  g_date_clear (&self->supplement_requested_on, 1);
  self->lead = TRUE;
}

CsCase *
_cs_case_new (void)
{
  return g_object_new (CS_TYPE_CASE, NULL);
}

static const char *
intern (const char *text)
{
  return text != NULL ? g_intern_string (text) : NULL;
}

static gboolean
read_limit (JsonObject  *clock,
            const char  *member,
            guint16     *out,
            GError     **error)
{
  gint64 value;

  if (!_cs_json_get_int (clock, "case.clock", member, 0, &value, error))
    return FALSE;
  if (value < 0 || value > 3650)
    {
      g_set_error (error, CS_ERROR, CS_ERROR_PROTOCOL,
                   _("The server’s answer cannot be read: “case.clock.%s” is out of range"),
                   member);
      return FALSE;
    }
  *out = (guint16) value;
  return TRUE;
}

static gboolean
read_summary (CsCase      *self,
              JsonObject  *object,
              GError     **error)
{
  const char *id, *number, *department, *role, *status, *outcome, *priority;
  const char *matter_code, *matter_name, *assignee_username = NULL, *assignee_name = NULL;
  JsonObject *matter, *assignee, *clock, *applicant;
  JsonArray *suspensions;
  JsonNode *parallel;
  g_autoptr(CsApplicant) applicant_summary = NULL;
  gboolean instant, green_channel;

  if (!_cs_json_get_string (object, "case", "id", 0, &id, error) ||
      !_cs_json_get_string (object, "case", "number", 0, &number, error) ||
      !_cs_json_get_int (object, "case", "version", 0, &self->version, error) ||
      !_cs_json_get_string (object, "case", "department", 0, &department, error) ||
      !_cs_json_get_string (object, "case", "role", 0, &role, error) ||
      !_cs_json_get_object (object, "case", "matter", 0, &matter, error) ||
      !_cs_json_get_string (matter, "case.matter", "code", 0, &matter_code, error) ||
      !_cs_json_get_string (matter, "case.matter", "name", 0, &matter_name, error) ||
      !_cs_json_get_boolean (object, "case", "instant", 0, &instant, error) ||
      !_cs_json_get_string (object, "case", "status", 0, &status, error) ||
      !_cs_json_get_object (object, "case", "assignee", CS_JSON_NULLABLE, &assignee, error) ||
      (assignee != NULL &&
       (!_cs_json_get_string (assignee, "case.assignee", "username", 0, &assignee_username,
                              error) ||
        !_cs_json_get_string (assignee, "case.assignee", "name", 0, &assignee_name, error))) ||
      !_cs_json_get_string (object, "case", "outcome", CS_JSON_NULLABLE, &outcome, error) ||
      !_cs_json_get_date (object, "case", "decided_on", CS_JSON_NULLABLE, &self->decided_on,
                          error) ||
      !_cs_json_get_object (object, "case", "clock", 0, &clock, error) ||
      !_cs_json_get_date (clock, "case.clock", "accepted_on", 0, &self->clock_accepted_on,
                          error) ||
      !read_limit (clock, "statutory_limit", &self->statutory_limit, error) ||
      !read_limit (clock, "promised_limit", &self->promised_limit, error) ||
      !read_limit (clock, "extension_days", &self->extension_days, error) ||
      !_cs_json_get_array (clock, "case.clock", "suspensions", 0, &suspensions, error) ||
      !_cs_json_get_date (clock, "case.clock", "supplement_requested_on", CS_JSON_NULLABLE,
                          &self->supplement_requested_on, error) ||
      !_cs_json_get_object (object, "case", "applicant", 0, &applicant, error) ||
      (applicant_summary = cs_applicant_new_from_json (applicant, error)) == NULL ||
      !_cs_json_get_datetime (object, "case", "received_at", 0, &self->received_at, error) ||
      !_cs_json_get_date (object, "case", "accepted_on", 0, &self->accepted_on, error) ||
      !_cs_json_get_boolean (object, "case", "green_channel", 0, &green_channel, error) ||
      !_cs_json_get_string (object, "case", "priority", 0, &priority, error) ||
      !_cs_json_get_datetime (object, "case", "updated_at", 0, &self->updated_at, error))
    return FALSE;

  parallel = json_object_get_member (object, "parallel");
  if (parallel == NULL)
    {
      g_set_error (error, CS_ERROR, CS_ERROR_PROTOCOL,
                   _("The server’s answer cannot be read: “%s.%s” is missing"),
                   "case", "parallel");
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_NULL (parallel) && !JSON_NODE_HOLDS_OBJECT (parallel))
    {
      g_set_error (error, CS_ERROR, CS_ERROR_PROTOCOL,
                   _("The server’s answer cannot be read: “%s.%s” should be %s"),
                   "case", "parallel", _("an object"));
      return FALSE;
    }

  self->id = g_strdup (id);
  self->number = g_strdup (number);
  self->department = intern (department);
  self->lead = !g_str_equal (role, "co");
  self->matter_code = intern (matter_code);
  self->matter_name = intern (matter_name);
  self->instant = instant;
  self->status = cs_case_status_from_string (status);
  self->assignee_username = intern (assignee_username);
  self->assignee_name = intern (assignee_name);
  self->outcome = cs_outcome_from_string (outcome);
  self->green_channel = green_channel;
  self->urgent = g_str_equal (priority, "urgent");
  self->organisation = cs_applicant_get_kind (applicant_summary) == CS_APPLICANT_ORGANISATION;
  self->applicant_name = g_strdup (cs_applicant_get_name (applicant_summary));
  self->applicant_id_number = g_strdup (self->organisation
                                        ? cs_applicant_get_uscc (applicant_summary)
                                        : cs_applicant_get_id_number (applicant_summary));
  if (json_array_get_length (suspensions) > 0)
    {
      g_autoptr(JsonNode) node = json_node_init_array (json_node_alloc (), suspensions);
      self->suspensions_json = _cs_json_to_string (node);
    }
  if (JSON_NODE_HOLDS_OBJECT (parallel))
    self->parallel_json = _cs_json_to_string (parallel);

  return TRUE;
}

static gboolean
read_detail (CsCase      *self,
             JsonObject  *object,
             GError     **error)
{
  CsCaseDetail *detail = g_new0 (CsCaseDetail, 1);
  JsonObject *applicant, *form;
  JsonArray *materials, *reviews;
  const char *site, *route;

  self->detail = detail;
  detail->object = json_object_ref (object);
  detail->materials = g_list_store_new (CS_TYPE_MATERIAL);
  detail->reviews = g_list_store_new (CS_TYPE_REVIEW);

  if (!_cs_json_get_object (object, "case", "applicant", 0, &applicant, error) ||
      (detail->applicant = cs_applicant_new_from_json (applicant, error)) == NULL ||
      !_cs_json_get_string (object, "case", "site", 0, &site, error) ||
      !_cs_json_get_string (object, "case", "route", 0, &route, error) ||
      !_cs_json_get_object (object, "case", "form", 0, &form, error) ||
      !_cs_json_get_array (object, "case", "materials", 0, &materials, error) ||
      !_cs_json_get_array (object, "case", "reviews", 0, &reviews, error))
    return FALSE;

  detail->site = g_strdup (site);
  detail->route = g_strdup (route);
  detail->form = json_object_ref (form);

  for (guint i = 0; i < json_array_get_length (materials); i++)
    {
      JsonObject *item = _cs_json_array_get_object (materials, i, "case.materials", error);
      g_autoptr(CsMaterial) material = NULL;

      if (item == NULL || (material = cs_material_new_from_json (item, error)) == NULL)
        return FALSE;
      g_list_store_append (detail->materials, material);
    }

  for (guint i = 0; i < json_array_get_length (reviews); i++)
    {
      JsonObject *item = _cs_json_array_get_object (reviews, i, "case.reviews", error);
      g_autoptr(CsReview) review = NULL;

      if (item == NULL || (review = cs_review_new_from_json (item, error)) == NULL)
        return FALSE;
      g_list_store_append (detail->reviews, review);
    }

  return TRUE;
}

/**
 * cs_case_new_from_json:
 * @object: a `CaseSummary` or a full `Case` of the central API
 * @error: return location for a #CS_ERROR_PROTOCOL
 *
 * Reads a case. When @object carries the members of the full case
 * (`materials` among them), the result is a full case
 * (cs_case_is_full() is %TRUE).
 *
 * Returns: (transfer full) (nullable): the case, or %NULL when @object
 *   does not follow the contract
 */
CsCase *
cs_case_new_from_json (JsonObject  *object,
                       GError     **error)
{
  g_autoptr(CsCase) self = _cs_case_new ();

  g_return_val_if_fail (object != NULL, NULL);

  if (!read_summary (self, object, error))
    return NULL;
  if (json_object_has_member (object, "materials") && !read_detail (self, object, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* Takes over @newer's values, so that views holding @self see the change
 * as property notifications instead of a new object. */
void
_cs_case_update_from (CsCase *self,
                      CsCase *newer)
{
  GObject *object = G_OBJECT (self);

  g_return_if_fail (CS_IS_CASE (self));
  g_return_if_fail (CS_IS_CASE (newer));
  g_return_if_fail (g_strcmp0 (self->id, newer->id) == 0);

  if (self->version > newer->version)
    return;

  g_object_freeze_notify (object);

  cs_case_clear_summary (self);
  self->id = g_steal_pointer (&newer->id);
  self->number = g_steal_pointer (&newer->number);
  self->applicant_name = g_steal_pointer (&newer->applicant_name);
  self->applicant_id_number = g_steal_pointer (&newer->applicant_id_number);
  self->suspensions_json = g_steal_pointer (&newer->suspensions_json);
  self->parallel_json = g_steal_pointer (&newer->parallel_json);
  self->department = newer->department;
  self->matter_code = newer->matter_code;
  self->matter_name = newer->matter_name;
  self->assignee_username = newer->assignee_username;
  self->assignee_name = newer->assignee_name;
  self->version = newer->version;
  self->received_at = newer->received_at;
  self->updated_at = newer->updated_at;
  self->accepted_on = newer->accepted_on;
  self->clock_accepted_on = newer->clock_accepted_on;
  self->decided_on = newer->decided_on;
  self->supplement_requested_on = newer->supplement_requested_on;
  self->statutory_limit = newer->statutory_limit;
  self->promised_limit = newer->promised_limit;
  self->extension_days = newer->extension_days;
  self->status = newer->status;
  self->outcome = newer->outcome;
  self->lead = newer->lead;
  self->instant = newer->instant;
  self->green_channel = newer->green_channel;
  self->urgent = newer->urgent;
  self->organisation = newer->organisation;

  /* A summary does not make a full case forget its details. */
  if (newer->detail != NULL)
    {
      g_clear_pointer (&self->detail, cs_case_detail_free);
      self->detail = g_steal_pointer (&newer->detail);
    }

  for (guint i = 1; i < N_PROPS; i++)
    g_object_notify_by_pspec (object, properties[i]);

  g_object_thaw_notify (object);
}

JsonObject *
_cs_case_get_detail_json (CsCase *self)
{
  return self->detail != NULL ? self->detail->object : NULL;
}

const char *
cs_case_get_id (CsCase *self)
{
  g_return_val_if_fail (CS_IS_CASE (self), NULL);
  return self->id;
}

const char *
cs_case_get_number (CsCase *self)
{
  g_return_val_if_fail (CS_IS_CASE (self), NULL);
  return self->number;
}

gint64
cs_case_get_version (CsCase *self)
{
  g_return_val_if_fail (CS_IS_CASE (self), 0);
  return self->version;
}

const char *
cs_case_get_department (CsCase *self)
{
  g_return_val_if_fail (CS_IS_CASE (self), NULL);
  return self->department;
}

/**
 * cs_case_get_lead:
 * @self: a #CsCase
 *
 * Returns: %TRUE when the department leads the case (主办), %FALSE when it
 *   is a co-department (协办) of a parallel approval
 */
gboolean
cs_case_get_lead (CsCase *self)
{
  g_return_val_if_fail (CS_IS_CASE (self), FALSE);
  return self->lead;
}

const char *
cs_case_get_matter_code (CsCase *self)
{
  g_return_val_if_fail (CS_IS_CASE (self), NULL);
  return self->matter_code;
}

const char *
cs_case_get_matter_name (CsCase *self)
{
  g_return_val_if_fail (CS_IS_CASE (self), NULL);
  return self->matter_name;
}

gboolean
cs_case_get_instant (CsCase *self)
{
  g_return_val_if_fail (CS_IS_CASE (self), FALSE);
  return self->instant;
}

CsCaseStatus
cs_case_get_status (CsCase *self)
{
  g_return_val_if_fail (CS_IS_CASE (self), CS_CASE_STATUS_UNKNOWN);
  return self->status;
}

/**
 * cs_case_get_assignee_username:
 * @self: a #CsCase
 *
 * Returns: (nullable): the username of the approver holding the case
 */
const char *
cs_case_get_assignee_username (CsCase *self)
{
  g_return_val_if_fail (CS_IS_CASE (self), NULL);
  return self->assignee_username;
}

/**
 * cs_case_get_assignee_name:
 * @self: a #CsCase
 *
 * Returns: (nullable): the name of the approver holding the case
 */
const char *
cs_case_get_assignee_name (CsCase *self)
{
  g_return_val_if_fail (CS_IS_CASE (self), NULL);
  return self->assignee_name;
}

CsOutcome
cs_case_get_outcome (CsCase *self)
{
  g_return_val_if_fail (CS_IS_CASE (self), CS_OUTCOME_NONE);
  return self->outcome;
}

/**
 * cs_case_get_decided_on:
 * @self: a #CsCase
 *
 * Returns: (transfer none): the day of the decision; an invalid date
 *   while undecided
 */
const GDate *
cs_case_get_decided_on (CsCase *self)
{
  g_return_val_if_fail (CS_IS_CASE (self), NULL);
  return &self->decided_on;
}

CsApplicantKind
cs_case_get_applicant_kind (CsCase *self)
{
  g_return_val_if_fail (CS_IS_CASE (self), CS_APPLICANT_PERSON);
  return self->organisation ? CS_APPLICANT_ORGANISATION : CS_APPLICANT_PERSON;
}

const char *
cs_case_get_applicant_name (CsCase *self)
{
  g_return_val_if_fail (CS_IS_CASE (self), NULL);
  return self->applicant_name;
}

/**
 * cs_case_get_applicant_id_number:
 * @self: a #CsCase
 *
 * Returns: (nullable): a person's ID number or an organisation's unified
 *   social credit code
 */
const char *
cs_case_get_applicant_id_number (CsCase *self)
{
  g_return_val_if_fail (CS_IS_CASE (self), NULL);
  return self->applicant_id_number;
}

/**
 * cs_case_get_received_at:
 * @self: a #CsCase
 *
 * Returns: when the front desk received the application, in microseconds
 *   since the Unix epoch
 */
gint64
cs_case_get_received_at (CsCase *self)
{
  g_return_val_if_fail (CS_IS_CASE (self), 0);
  return self->received_at;
}

/**
 * cs_case_get_accepted_on:
 * @self: a #CsCase
 *
 * Returns: (transfer none): the day the front desk accepted the case
 */
const GDate *
cs_case_get_accepted_on (CsCase *self)
{
  g_return_val_if_fail (CS_IS_CASE (self), NULL);
  return &self->accepted_on;
}

gboolean
cs_case_get_green_channel (CsCase *self)
{
  g_return_val_if_fail (CS_IS_CASE (self), FALSE);
  return self->green_channel;
}

gboolean
cs_case_get_urgent (CsCase *self)
{
  g_return_val_if_fail (CS_IS_CASE (self), FALSE);
  return self->urgent;
}

/**
 * cs_case_get_updated_at:
 * @self: a #CsCase
 *
 * Returns: when the case last changed, in microseconds since the Unix epoch
 */
gint64
cs_case_get_updated_at (CsCase *self)
{
  g_return_val_if_fail (CS_IS_CASE (self), 0);
  return self->updated_at;
}

/**
 * cs_case_get_statutory_limit:
 * @self: a #CsCase
 *
 * Returns: the statutory limit of the department's part, in working days
 */
guint
cs_case_get_statutory_limit (CsCase *self)
{
  g_return_val_if_fail (CS_IS_CASE (self), 0);
  return self->statutory_limit;
}

/**
 * cs_case_get_promised_limit:
 * @self: a #CsCase
 *
 * Returns: the promised limit of the department's part, in working days,
 *   before the green channel halves it
 */
guint
cs_case_get_promised_limit (CsCase *self)
{
  g_return_val_if_fail (CS_IS_CASE (self), 0);
  return self->promised_limit;
}

/**
 * cs_case_get_extension_days:
 * @self: a #CsCase
 *
 * Returns: the working days of the one extension, 0 when not extended
 */
guint
cs_case_get_extension_days (CsCase *self)
{
  g_return_val_if_fail (CS_IS_CASE (self), 0);
  return self->extension_days;
}

/**
 * cs_case_get_supplement_requested_on:
 * @self: a #CsCase
 *
 * Returns: (transfer none): the day the supplement notice went out; an
 *   invalid date when none did
 */
const GDate *
cs_case_get_supplement_requested_on (CsCase *self)
{
  g_return_val_if_fail (CS_IS_CASE (self), NULL);
  return &self->supplement_requested_on;
}

/**
 * cs_case_get_suspensions:
 * @self: a #CsCase
 *
 * Returns: (transfer none): the `Suspension` objects of the department's
 *   clock (often empty)
 */
JsonArray *
cs_case_get_suspensions (CsCase *self)
{
  g_return_val_if_fail (CS_IS_CASE (self), NULL);

  if (self->suspensions == NULL)
    {
      g_autoptr(JsonNode) node = NULL;

      if (self->suspensions_json != NULL)
        node = json_from_string (self->suspensions_json, NULL);
      if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
        self->suspensions = json_array_ref (json_node_get_array (node));
      else
        self->suspensions = json_array_new ();
    }
  return self->suspensions;
}

/**
 * cs_case_dup_clock_json:
 * @self: a #CsCase
 *
 * Returns: (transfer full): the department's `Clock` object, as the
 *   legal clock reads it
 */
JsonObject *
cs_case_dup_clock_json (CsCase *self)
{
  JsonObject *clock = json_object_new ();
  char *text;

  g_return_val_if_fail (CS_IS_CASE (self), NULL);

  text = _cs_json_format_date (&self->clock_accepted_on);
  json_object_set_string_member (clock, "accepted_on", text);
  g_free (text);
  json_object_set_int_member (clock, "statutory_limit", self->statutory_limit);
  json_object_set_int_member (clock, "promised_limit", self->promised_limit);
  json_object_set_int_member (clock, "extension_days", self->extension_days);
  json_object_set_array_member (clock, "suspensions",
                                json_array_ref (cs_case_get_suspensions (self)));
  text = _cs_json_format_date (&self->supplement_requested_on);
  if (text != NULL)
    json_object_set_string_member (clock, "supplement_requested_on", text);
  else
    json_object_set_null_member (clock, "supplement_requested_on");
  g_free (text);

  return clock;
}

/**
 * cs_case_dup_legal_clock:
 * @self: a #CsCase
 * @error: return location for a #CS_LEGAL_CLOCK_ERROR
 *
 * The legal clock of the department's part, green channel and instant
 * matter included, ready to compute deadlines with the calendar.
 *
 * Returns: (transfer full) (nullable): the clock
 */
CsLegalClock *
cs_case_dup_legal_clock (CsCase  *self,
                         GError **error)
{
  g_autoptr(JsonObject) clock = NULL;

  g_return_val_if_fail (CS_IS_CASE (self), NULL);

  clock = cs_case_dup_clock_json (self);
  return cs_legal_clock_new_from_json (clock, self->green_channel, self->instant, error);
}

/**
 * cs_case_get_parallel:
 * @self: a #CsCase
 *
 * Returns: %TRUE when several departments decide the case in parallel
 */
gboolean
cs_case_get_parallel (CsCase *self)
{
  g_return_val_if_fail (CS_IS_CASE (self), FALSE);
  return self->parallel_json != NULL;
}

/**
 * cs_case_get_parts:
 * @self: a #CsCase
 *
 * Returns: (transfer none): a list model of #CsCasePart, every
 *   department's part of a parallel case (empty otherwise)
 */
GListModel *
cs_case_get_parts (CsCase *self)
{
  g_return_val_if_fail (CS_IS_CASE (self), NULL);

  if (self->parts == NULL)
    {
      g_autoptr(JsonNode) node = NULL;
      JsonArray *parts = NULL;

      self->parts = g_list_store_new (CS_TYPE_CASE_PART);
      if (self->parallel_json != NULL)
        node = json_from_string (self->parallel_json, NULL);
      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
        parts = json_object_get_array_member (json_node_get_object (node), "parts");

      for (guint i = 0; parts != NULL && i < json_array_get_length (parts); i++)
        {
          g_autoptr(GError) error = NULL;
          JsonObject *item = _cs_json_array_get_object (parts, i, "case.parallel.parts", &error);
          g_autoptr(CsCasePart) part = NULL;

          if (item != NULL)
            part = cs_case_part_new_from_json (item, &error);
          if (part == NULL)
            {
              g_warning ("Case %s: %s", self->id, error->message);
              continue;
            }
          g_list_store_append (self->parts, part);
        }
    }
  return G_LIST_MODEL (self->parts);
}

/**
 * cs_case_is_full:
 * @self: a #CsCase
 *
 * Returns: %TRUE when the case carries its details (form, materials,
 *   reviews), %FALSE for a summary
 */
gboolean
cs_case_is_full (CsCase *self)
{
  g_return_val_if_fail (CS_IS_CASE (self), FALSE);
  return self->detail != NULL;
}

/**
 * cs_case_get_applicant:
 * @self: a #CsCase
 *
 * Returns: (transfer none) (nullable): the applicant in full, for a full
 *   case
 */
CsApplicant *
cs_case_get_applicant (CsCase *self)
{
  g_return_val_if_fail (CS_IS_CASE (self), NULL);
  return self->detail != NULL ? self->detail->applicant : NULL;
}

/**
 * cs_case_get_site:
 * @self: a #CsCase
 *
 * Returns: (nullable): the receiving site, for a full case
 */
const char *
cs_case_get_site (CsCase *self)
{
  g_return_val_if_fail (CS_IS_CASE (self), NULL);
  return self->detail != NULL ? self->detail->site : NULL;
}

/**
 * cs_case_get_route:
 * @self: a #CsCase
 *
 * Returns: (nullable): how the application came in (`window`, `online`,
 *   `mail`), for a full case
 */
const char *
cs_case_get_route (CsCase *self)
{
  g_return_val_if_fail (CS_IS_CASE (self), NULL);
  return self->detail != NULL ? self->detail->route : NULL;
}

/**
 * cs_case_get_form:
 * @self: a #CsCase
 *
 * The form data the front desk captured: the department's plugin knows its
 * members.
 *
 * Returns: (transfer none) (nullable): the form, for a full case
 */
JsonObject *
cs_case_get_form (CsCase *self)
{
  g_return_val_if_fail (CS_IS_CASE (self), NULL);
  return self->detail != NULL ? self->detail->form : NULL;
}

/**
 * cs_case_get_materials:
 * @self: a #CsCase
 *
 * Returns: (transfer none) (nullable): a list model of #CsMaterial, for a
 *   full case
 */
GListModel *
cs_case_get_materials (CsCase *self)
{
  g_return_val_if_fail (CS_IS_CASE (self), NULL);
  return self->detail != NULL ? G_LIST_MODEL (self->detail->materials) : NULL;
}

/**
 * cs_case_get_reviews:
 * @self: a #CsCase
 *
 * Returns: (transfer none) (nullable): a list model of #CsReview, the
 *   department's reviews, for a full case
 */
GListModel *
cs_case_get_reviews (CsCase *self)
{
  g_return_val_if_fail (CS_IS_CASE (self), NULL);
  return self->detail != NULL ? G_LIST_MODEL (self->detail->reviews) : NULL;
}
