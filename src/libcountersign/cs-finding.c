/* cs-finding.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsFinding"

#include "config.h"

#include "cs-enum-types.h"
#include "cs-finding.h"
#include "cs-util-private.h"

/**
 * CsFinding:
 *
 * What a department plugin's pre-check found in a case: how much it weighs,
 * a sentence for the approver (translated), and what it concerns, so that
 * the desk can lead the approver there: a member of the form
 * (#CsFinding:field), a material (#CsFinding:material, the material's id) or
 * an item of the matter's checklist (#CsFinding:checklist-item). Any of the
 * three may be set, or none for a finding about the case as a whole.
 */
struct _CsFinding
{
  GObject parent_instance;

  char *message;
  char *field;
  char *material;
  char *checklist_item;
  CsFindingSeverity severity;
};

G_DEFINE_FINAL_TYPE (CsFinding, cs_finding, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SEVERITY,
  PROP_MESSAGE,
  PROP_FIELD,
  PROP_MATERIAL,
  PROP_CHECKLIST_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cs_finding_finalize (GObject *object)
{
  CsFinding *self = (CsFinding *) object;

  g_free (self->message);
  g_free (self->field);
  g_free (self->material);
  g_free (self->checklist_item);

  G_OBJECT_CLASS (cs_finding_parent_class)->finalize (object);
}

static void
cs_finding_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CsFinding *self = CS_FINDING (object);

  switch (prop_id)
    {
    case PROP_SEVERITY:
      g_value_set_enum (value, self->severity);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_FIELD:
      g_value_set_string (value, self->field);
      break;
    case PROP_MATERIAL:
      g_value_set_string (value, self->material);
      break;
    case PROP_CHECKLIST_ITEM:
      g_value_set_string (value, self->checklist_item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_finding_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CsFinding *self = CS_FINDING (object);

  switch (prop_id)
    {
    case PROP_SEVERITY:
      cs_finding_set_severity (self, g_value_get_enum (value));
      break;
    case PROP_MESSAGE:
      cs_finding_set_message (self, g_value_get_string (value));
      break;
    case PROP_FIELD:
      cs_finding_set_field (self, g_value_get_string (value));
      break;
    case PROP_MATERIAL:
      cs_finding_set_material (self, g_value_get_string (value));
      break;
    case PROP_CHECKLIST_ITEM:
      cs_finding_set_checklist_item (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_finding_class_init (CsFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cs_finding_finalize;
  object_class->get_property = cs_finding_get_property;
  object_class->set_property = cs_finding_set_property;

  /**
   * CsFinding:severity:
   *
   * How much the finding weighs.
   */
  properties[PROP_SEVERITY] =
    g_param_spec_enum ("severity", NULL, NULL,
                       CS_TYPE_FINDING_SEVERITY, CS_FINDING_INFO,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CsFinding:message:
   *
   * What was found, in a sentence for the approver, translated.
   */
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CsFinding:field:
   *
   * The name of the form member the finding concerns, or %NULL.
   */
  properties[PROP_FIELD] =
    g_param_spec_string ("field", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CsFinding:material:
   *
   * The id of the material the finding concerns, or %NULL.
   */
  properties[PROP_MATERIAL] =
    g_param_spec_string ("material", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CsFinding:checklist-item:
   *
   * The code of the checklist item the finding concerns, or %NULL.
   */
  properties[PROP_CHECKLIST_ITEM] =
    g_param_spec_string ("checklist-item", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cs_finding_init (CsFinding *self)
{
  self->severity = CS_FINDING_INFO;
  self->message = g_strdup ("");
}

/**
 * cs_finding_new:
 * @severity: how much the finding weighs
 * @message: what was found, translated
 *
 * Returns: (transfer full): a new finding about the case as a whole; set
 *   what it concerns with cs_finding_set_field() and the like
 */
CsFinding *
cs_finding_new (CsFindingSeverity  severity,
                const char        *message)
{
  g_return_val_if_fail (message != NULL, NULL);

  return g_object_new (CS_TYPE_FINDING,
                       "severity", severity,
                       "message", message,
                       NULL);
}

/**
 * cs_finding_get_severity:
 * @self: a #CsFinding
 *
 * Returns: how much the finding weighs
 */
CsFindingSeverity
cs_finding_get_severity (CsFinding *self)
{
  g_return_val_if_fail (CS_IS_FINDING (self), CS_FINDING_INFO);
  return self->severity;
}

/**
 * cs_finding_set_severity:
 * @self: a #CsFinding
 * @severity: how much the finding weighs
 */
void
cs_finding_set_severity (CsFinding         *self,
                         CsFindingSeverity  severity)
{
  g_return_if_fail (CS_IS_FINDING (self));
  g_return_if_fail (severity <= CS_FINDING_INFO);

  if (self->severity == severity)
    return;
  self->severity = severity;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEVERITY]);
}

/**
 * cs_finding_get_message:
 * @self: a #CsFinding
 *
 * Returns: what was found, translated
 */
const char *
cs_finding_get_message (CsFinding *self)
{
  g_return_val_if_fail (CS_IS_FINDING (self), NULL);
  return self->message;
}

/**
 * cs_finding_set_message:
 * @self: a #CsFinding
 * @message: what was found, translated
 */
void
cs_finding_set_message (CsFinding  *self,
                        const char *message)
{
  g_return_if_fail (CS_IS_FINDING (self));

  if (_cs_set_str (&self->message, message != NULL ? message : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

/**
 * cs_finding_get_field:
 * @self: a #CsFinding
 *
 * Returns: (nullable): the name of the form member the finding concerns
 */
const char *
cs_finding_get_field (CsFinding *self)
{
  g_return_val_if_fail (CS_IS_FINDING (self), NULL);
  return self->field;
}

/**
 * cs_finding_set_field:
 * @self: a #CsFinding
 * @field: (nullable): the name of a member of the case's form
 *
 * Points the finding at a form field; the desk reveals the widget the
 * plugin marked with cs_department_mark_field().
 */
void
cs_finding_set_field (CsFinding  *self,
                      const char *field)
{
  g_return_if_fail (CS_IS_FINDING (self));

  if (_cs_set_str (&self->field, field))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD]);
}

/**
 * cs_finding_get_material:
 * @self: a #CsFinding
 *
 * Returns: (nullable): the id of the material the finding concerns
 */
const char *
cs_finding_get_material (CsFinding *self)
{
  g_return_val_if_fail (CS_IS_FINDING (self), NULL);
  return self->material;
}

/**
 * cs_finding_set_material:
 * @self: a #CsFinding
 * @material: (nullable): the id of one of the case's materials
 */
void
cs_finding_set_material (CsFinding  *self,
                         const char *material)
{
  g_return_if_fail (CS_IS_FINDING (self));

  if (_cs_set_str (&self->material, material))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MATERIAL]);
}

/**
 * cs_finding_get_checklist_item:
 * @self: a #CsFinding
 *
 * Returns: (nullable): the code of the checklist item the finding concerns
 */
const char *
cs_finding_get_checklist_item (CsFinding *self)
{
  g_return_val_if_fail (CS_IS_FINDING (self), NULL);
  return self->checklist_item;
}

/**
 * cs_finding_set_checklist_item:
 * @self: a #CsFinding
 * @checklist_item: (nullable): the code of an item of the matter's checklist
 */
void
cs_finding_set_checklist_item (CsFinding  *self,
                               const char *checklist_item)
{
  g_return_if_fail (CS_IS_FINDING (self));

  if (_cs_set_str (&self->checklist_item, checklist_item))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKLIST_ITEM]);
}
