/* cs-matter.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-error.h"
#include "cs-json-private.h"
#include "cs-matter.h"

/**
 * CsMatter:
 *
 * A catalogued service (事项): its department, its statutory and promised
 * limits in working days, whether it is decided on the spot (即办件), the
 * outcomes it allows, its legal basis, the matters of other departments
 * approved with it in parallel, and its standard checklist.
 */
struct _CsMatter
{
  GObject parent_instance;

  char *code;
  char *name;
  char *department;
  char *department_name;
  char *legal_basis;
  GStrv co_matters;
  GListStore *checklist;
  guint statutory_limit;
  guint promised_limit;
  guint outcomes;               /* bit per CsOutcome */
  gboolean instant;
};

G_DEFINE_FINAL_TYPE (CsMatter, cs_matter, G_TYPE_OBJECT)

static void
cs_matter_finalize (GObject *object)
{
  CsMatter *self = (CsMatter *) object;

  g_free (self->code);
  g_free (self->name);
  g_free (self->department);
  g_free (self->department_name);
  g_free (self->legal_basis);
  g_strfreev (self->co_matters);
  g_clear_object (&self->checklist);

  G_OBJECT_CLASS (cs_matter_parent_class)->finalize (object);
}

static void
cs_matter_class_init (CsMatterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cs_matter_finalize;
}

static void
cs_matter_init (CsMatter *self)
{
  self->checklist = g_list_store_new (CS_TYPE_CHECKLIST_ITEM);
}

/**
 * cs_matter_new_from_json:
 * @object: a `Matter` of the central API
 * @error: return location for a #CS_ERROR_PROTOCOL
 *
 * Returns: (transfer full) (nullable): the matter, or %NULL when @object
 *   does not follow the contract
 */
CsMatter *
cs_matter_new_from_json (JsonObject  *object,
                         GError     **error)
{
  g_autoptr(CsMatter) self = g_object_new (CS_TYPE_MATTER, NULL);
  g_autoptr(GStrvBuilder) co = g_strv_builder_new ();
  const char *code, *name, *department, *department_name, *legal_basis;
  gint64 statutory, promised;
  JsonArray *outcomes, *co_matters, *checklist;

  if (!_cs_json_get_string (object, "matter", "code", 0, &code, error) ||
      !_cs_json_get_string (object, "matter", "name", 0, &name, error) ||
      !_cs_json_get_string (object, "matter", "department", 0, &department, error) ||
      !_cs_json_get_string (object, "matter", "department_name", 0, &department_name, error) ||
      !_cs_json_get_int (object, "matter", "statutory_limit", 0, &statutory, error) ||
      !_cs_json_get_int (object, "matter", "promised_limit", 0, &promised, error) ||
      !_cs_json_get_boolean (object, "matter", "instant", 0, &self->instant, error) ||
      !_cs_json_get_array (object, "matter", "outcomes", 0, &outcomes, error) ||
      !_cs_json_get_string (object, "matter", "legal_basis", 0, &legal_basis, error) ||
      !_cs_json_get_array (object, "matter", "co_matters", 0, &co_matters, error) ||
      !_cs_json_get_array (object, "matter", "checklist", 0, &checklist, error))
    return NULL;

  if (statutory < 0 || statutory > 3650 || promised < 0 || promised > statutory)
    {
      g_set_error (error, CS_ERROR, CS_ERROR_PROTOCOL,
                   _("The server’s answer cannot be read: the limits of matter “%s” are "
                     "impossible"), code);
      return NULL;
    }

  self->code = g_strdup (code);
  self->name = g_strdup (name);
  self->department = g_strdup (department);
  self->department_name = g_strdup (department_name);
  self->legal_basis = g_strdup (legal_basis);
  self->statutory_limit = statutory;
  self->promised_limit = promised;

  for (guint i = 0; i < json_array_get_length (outcomes); i++)
    {
      const char *text = json_array_get_string_element (outcomes, i);
      CsOutcome outcome = cs_outcome_from_string (text);

      if (outcome != CS_OUTCOME_NONE)
        self->outcomes |= 1u << outcome;
    }

  for (guint i = 0; i < json_array_get_length (co_matters); i++)
    {
      const char *text = json_array_get_string_element (co_matters, i);

      if (text != NULL)
        g_strv_builder_add (co, text);
    }
  self->co_matters = g_strv_builder_end (co);

  for (guint i = 0; i < json_array_get_length (checklist); i++)
    {
      JsonObject *item_object = _cs_json_array_get_object (checklist, i, "matter.checklist",
                                                           error);
      g_autoptr(CsChecklistItem) item = NULL;

      if (item_object == NULL ||
          (item = cs_checklist_item_new_from_json (item_object, error)) == NULL)
        return NULL;
      g_list_store_append (self->checklist, item);
    }

  return g_steal_pointer (&self);
}

const char *
cs_matter_get_code (CsMatter *self)
{
  g_return_val_if_fail (CS_IS_MATTER (self), NULL);
  return self->code;
}

const char *
cs_matter_get_name (CsMatter *self)
{
  g_return_val_if_fail (CS_IS_MATTER (self), NULL);
  return self->name;
}

const char *
cs_matter_get_department (CsMatter *self)
{
  g_return_val_if_fail (CS_IS_MATTER (self), NULL);
  return self->department;
}

const char *
cs_matter_get_department_name (CsMatter *self)
{
  g_return_val_if_fail (CS_IS_MATTER (self), NULL);
  return self->department_name;
}

/**
 * cs_matter_get_statutory_limit:
 * @self: a #CsMatter
 *
 * Returns: the statutory limit (法定时限) in working days
 */
guint
cs_matter_get_statutory_limit (CsMatter *self)
{
  g_return_val_if_fail (CS_IS_MATTER (self), 0);
  return self->statutory_limit;
}

/**
 * cs_matter_get_promised_limit:
 * @self: a #CsMatter
 *
 * Returns: the department's promised limit (承诺时限) in working days
 */
guint
cs_matter_get_promised_limit (CsMatter *self)
{
  g_return_val_if_fail (CS_IS_MATTER (self), 0);
  return self->promised_limit;
}

/**
 * cs_matter_get_instant:
 * @self: a #CsMatter
 *
 * Returns: %TRUE for an instant matter (即办件), decided on the spot
 */
gboolean
cs_matter_get_instant (CsMatter *self)
{
  g_return_val_if_fail (CS_IS_MATTER (self), FALSE);
  return self->instant;
}

const char *
cs_matter_get_legal_basis (CsMatter *self)
{
  g_return_val_if_fail (CS_IS_MATTER (self), NULL);
  return self->legal_basis;
}

/**
 * cs_matter_allows_outcome:
 * @self: a #CsMatter
 * @outcome: an outcome
 *
 * Returns: %TRUE when a decision on this matter may have @outcome
 */
gboolean
cs_matter_allows_outcome (CsMatter  *self,
                          CsOutcome  outcome)
{
  g_return_val_if_fail (CS_IS_MATTER (self), FALSE);
  return outcome != CS_OUTCOME_NONE && (self->outcomes & (1u << outcome)) != 0;
}

/**
 * cs_matter_get_co_matters:
 * @self: a #CsMatter
 *
 * Returns: (transfer none): the codes of the other departments' matters
 *   approved in parallel with this one
 */
const char * const *
cs_matter_get_co_matters (CsMatter *self)
{
  g_return_val_if_fail (CS_IS_MATTER (self), NULL);
  return (const char * const *) self->co_matters;
}

/**
 * cs_matter_get_checklist:
 * @self: a #CsMatter
 *
 * Returns: (transfer none): a list model of #CsChecklistItem, in the
 *   checklist's order
 */
GListModel *
cs_matter_get_checklist (CsMatter *self)
{
  g_return_val_if_fail (CS_IS_MATTER (self), NULL);
  return G_LIST_MODEL (self->checklist);
}

/**
 * cs_matter_lookup_checklist_item:
 * @self: a #CsMatter
 * @code: a checklist item code
 *
 * Returns: (transfer none) (nullable): the item, or %NULL
 */
CsChecklistItem *
cs_matter_lookup_checklist_item (CsMatter   *self,
                                 const char *code)
{
  guint n;

  g_return_val_if_fail (CS_IS_MATTER (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->checklist));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsChecklistItem) item = g_list_model_get_item (G_LIST_MODEL (self->checklist), i);

      if (g_strcmp0 (cs_checklist_item_get_code (item), code) == 0)
        return item;   /* the store keeps its reference */
    }
  return NULL;
}
