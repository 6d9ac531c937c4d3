/* cs-applicant.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-applicant.h"
#include "cs-error.h"
#include "cs-json-private.h"

/**
 * CsApplicant:
 *
 * The person or organisation that applied. A case summary carries the
 * name and identifier only; the full case adds the contact details.
 */
struct _CsApplicant
{
  GObject parent_instance;

  CsApplicantKind kind;
  char *name;
  char *id_type;
  char *id_number;
  char *uscc;
  char *gender;
  char *phone;
  char *address;
  char *legal_representative;
  char *contact;
};

G_DEFINE_FINAL_TYPE (CsApplicant, cs_applicant, G_TYPE_OBJECT)

static void
cs_applicant_finalize (GObject *object)
{
  CsApplicant *self = (CsApplicant *) object;

  g_free (self->name);
  g_free (self->id_type);
  g_free (self->id_number);
  g_free (self->uscc);
  g_free (self->gender);
  g_free (self->phone);
  g_free (self->address);
  g_free (self->legal_representative);
  g_free (self->contact);

  G_OBJECT_CLASS (cs_applicant_parent_class)->finalize (object);
}

static void
cs_applicant_class_init (CsApplicantClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cs_applicant_finalize;
}

static void
cs_applicant_init (CsApplicant *self)
{
}

/**
 * cs_applicant_new_from_json:
 * @object: an `Applicant` or `ApplicantSummary` of the central API
 * @error: return location for a #CS_ERROR_PROTOCOL
 *
 * Returns: (transfer full) (nullable): the applicant, or %NULL when
 *   @object does not follow the contract
 */
CsApplicant *
cs_applicant_new_from_json (JsonObject  *object,
                            GError     **error)
{
  g_autoptr(CsApplicant) self = g_object_new (CS_TYPE_APPLICANT, NULL);
  const char *kind, *name;
  struct { const char *member; char **field; } optional[] = {
    { "id_type", &self->id_type },
    { "id_number", &self->id_number },
    { "uscc", &self->uscc },
    { "gender", &self->gender },
    { "phone", &self->phone },
    { "address", &self->address },
    { "legal_representative", &self->legal_representative },
    { "contact", &self->contact },
  };

  if (!_cs_json_get_string (object, "applicant", "kind", 0, &kind, error) ||
      !_cs_json_get_string (object, "applicant", "name", 0, &name, error))
    return NULL;

  if (g_str_equal (kind, "person"))
    self->kind = CS_APPLICANT_PERSON;
  else if (g_str_equal (kind, "organisation"))
    self->kind = CS_APPLICANT_ORGANISATION;
  else
    {
      g_set_error (error, CS_ERROR, CS_ERROR_PROTOCOL,
                   _("The server’s answer cannot be read: unknown kind of applicant “%s”"),
                   kind);
      return NULL;
    }
  self->name = g_strdup (name);

  for (guint i = 0; i < G_N_ELEMENTS (optional); i++)
    {
      const char *value;

      if (!_cs_json_get_string (object, "applicant", optional[i].member, CS_JSON_OPTIONAL,
                                &value, error))
        return NULL;
      *optional[i].field = g_strdup (value);
    }

  return g_steal_pointer (&self);
}

CsApplicantKind
cs_applicant_get_kind (CsApplicant *self)
{
  g_return_val_if_fail (CS_IS_APPLICANT (self), 0);
  return self->kind;
}

const char *
cs_applicant_get_name (CsApplicant *self)
{
  g_return_val_if_fail (CS_IS_APPLICANT (self), NULL);
  return self->name;
}

/**
 * cs_applicant_get_id_type:
 * @self: a #CsApplicant
 *
 * Returns: (nullable): the kind of identity document, e.g. `resident_id`
 */
const char *
cs_applicant_get_id_type (CsApplicant *self)
{
  g_return_val_if_fail (CS_IS_APPLICANT (self), NULL);
  return self->id_type;
}

/**
 * cs_applicant_get_id_number:
 * @self: a #CsApplicant
 *
 * Returns: (nullable): a person's identity document number
 */
const char *
cs_applicant_get_id_number (CsApplicant *self)
{
  g_return_val_if_fail (CS_IS_APPLICANT (self), NULL);
  return self->id_number;
}

/**
 * cs_applicant_get_uscc:
 * @self: a #CsApplicant
 *
 * Returns: (nullable): an organisation's unified social credit code
 */
const char *
cs_applicant_get_uscc (CsApplicant *self)
{
  g_return_val_if_fail (CS_IS_APPLICANT (self), NULL);
  return self->uscc;
}

/**
 * cs_applicant_get_gender:
 * @self: a #CsApplicant
 *
 * Returns: (nullable): the gender as the front desk recorded it (full case)
 */
const char *
cs_applicant_get_gender (CsApplicant *self)
{
  g_return_val_if_fail (CS_IS_APPLICANT (self), NULL);
  return self->gender;
}

/**
 * cs_applicant_get_phone:
 * @self: a #CsApplicant
 *
 * Returns: (nullable): the phone number (full case)
 */
const char *
cs_applicant_get_phone (CsApplicant *self)
{
  g_return_val_if_fail (CS_IS_APPLICANT (self), NULL);
  return self->phone;
}

/**
 * cs_applicant_get_address:
 * @self: a #CsApplicant
 *
 * Returns: (nullable): the address (full case)
 */
const char *
cs_applicant_get_address (CsApplicant *self)
{
  g_return_val_if_fail (CS_IS_APPLICANT (self), NULL);
  return self->address;
}

/**
 * cs_applicant_get_legal_representative:
 * @self: a #CsApplicant
 *
 * Returns: (nullable): an organisation's legal representative (full case)
 */
const char *
cs_applicant_get_legal_representative (CsApplicant *self)
{
  g_return_val_if_fail (CS_IS_APPLICANT (self), NULL);
  return self->legal_representative;
}

/**
 * cs_applicant_get_contact:
 * @self: a #CsApplicant
 *
 * Returns: (nullable): an organisation's contact person (full case)
 */
const char *
cs_applicant_get_contact (CsApplicant *self)
{
  g_return_val_if_fail (CS_IS_APPLICANT (self), NULL);
  return self->contact;
}
