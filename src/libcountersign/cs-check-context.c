/* cs-check-context.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsCheckContext"

#include "config.h"

#include "cs-check-context-private.h"

/**
 * CsCheckContext:
 *
 * What a department plugin's pre-check works on: the full case, its matter
 * (with the checklist), the desk's day (which a demonstration or a test may
 * fix, so a plugin never asks the clock itself), and the text the desk
 * extracted from the case's PDF materials.
 *
 * The desk builds the context and fills the texts before it calls
 * cs_department_check_case(); the plugin only reads it.
 */
struct _CsCheckContext
{
  GObject parent_instance;

  CsCase *kase;
  CsMatter *matter;
  GHashTable *texts;            /* material id → text */
  GDate today;
};

G_DEFINE_FINAL_TYPE (CsCheckContext, cs_check_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CASE,
  PROP_MATTER,
  PROP_TODAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cs_check_context_finalize (GObject *object)
{
  CsCheckContext *self = (CsCheckContext *) object;

  g_clear_object (&self->kase);
  g_clear_object (&self->matter);
  g_clear_pointer (&self->texts, g_hash_table_unref);

  G_OBJECT_CLASS (cs_check_context_parent_class)->finalize (object);
}

static void
cs_check_context_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CsCheckContext *self = CS_CHECK_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_CASE:
      g_value_set_object (value, self->kase);
      break;
    case PROP_MATTER:
      g_value_set_object (value, self->matter);
      break;
    case PROP_TODAY:
      g_value_set_boxed (value, &self->today);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_check_context_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CsCheckContext *self = CS_CHECK_CONTEXT (object);
  const GDate *today;

  switch (prop_id)
    {
    case PROP_CASE:
      self->kase = g_value_dup_object (value);
      break;
    case PROP_MATTER:
      self->matter = g_value_dup_object (value);
      break;
    case PROP_TODAY:
      today = g_value_get_boxed (value);
      if (today != NULL && g_date_valid (today))
        self->today = *today;
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_check_context_class_init (CsCheckContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cs_check_context_finalize;
  object_class->get_property = cs_check_context_get_property;
  object_class->set_property = cs_check_context_set_property;

  /**
   * CsCheckContext:case:
   *
   * The case to check, opened in full (form, applicant, materials).
   */
  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, CS_TYPE_CASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CsCheckContext:matter:
   *
   * The matter the case applies for, with its checklist.
   */
  properties[PROP_MATTER] =
    g_param_spec_object ("matter", NULL, NULL, CS_TYPE_MATTER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CsCheckContext:today:
   *
   * The desk's day, against which dates are checked.
   */
  properties[PROP_TODAY] =
    g_param_spec_boxed ("today", NULL, NULL, G_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cs_check_context_init (CsCheckContext *self)
{
  GDateTime *now = g_date_time_new_now_local ();

  g_date_clear (&self->today, 1);
  g_date_set_dmy (&self->today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  g_date_time_unref (now);
  self->texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * _cs_check_context_new:
 * @kase: the case, opened in full
 * @matter: the case's matter
 * @today: (nullable): the desk's day; %NULL for the local date
 *
 * Returns: (transfer full): a context without material texts yet
 */
CsCheckContext *
_cs_check_context_new (CsCase      *kase,
                       CsMatter    *matter,
                       const GDate *today)
{
  g_return_val_if_fail (CS_IS_CASE (kase), NULL);
  g_return_val_if_fail (CS_IS_MATTER (matter), NULL);

  return g_object_new (CS_TYPE_CHECK_CONTEXT,
                       "case", kase,
                       "matter", matter,
                       "today", today,
                       NULL);
}

/**
 * _cs_check_context_set_material_text:
 * @self: a #CsCheckContext
 * @material_id: a material's id
 * @text: (nullable): the text extracted from the material, %NULL to forget it
 */
void
_cs_check_context_set_material_text (CsCheckContext *self,
                                     const char     *material_id,
                                     const char     *text)
{
  g_return_if_fail (CS_IS_CHECK_CONTEXT (self));
  g_return_if_fail (material_id != NULL);

  if (text == NULL)
    g_hash_table_remove (self->texts, material_id);
  else
    g_hash_table_replace (self->texts, g_strdup (material_id), g_strdup (text));
}

/**
 * cs_check_context_get_case:
 * @self: a #CsCheckContext
 *
 * Returns: (transfer none): the case to check
 */
CsCase *
cs_check_context_get_case (CsCheckContext *self)
{
  g_return_val_if_fail (CS_IS_CHECK_CONTEXT (self), NULL);
  return self->kase;
}

/**
 * cs_check_context_get_matter:
 * @self: a #CsCheckContext
 *
 * Returns: (transfer none): the case's matter
 */
CsMatter *
cs_check_context_get_matter (CsCheckContext *self)
{
  g_return_val_if_fail (CS_IS_CHECK_CONTEXT (self), NULL);
  return self->matter;
}

/**
 * cs_check_context_get_today:
 * @self: a #CsCheckContext
 *
 * Returns: (transfer none): the desk's day; check dates against it, never
 *   against the system clock
 */
const GDate *
cs_check_context_get_today (CsCheckContext *self)
{
  g_return_val_if_fail (CS_IS_CHECK_CONTEXT (self), NULL);
  return &self->today;
}

/**
 * cs_check_context_get_material_text:
 * @self: a #CsCheckContext
 * @material_id: the id of one of the case's materials
 *
 * The text of a material, as the desk extracted it from the PDF's pages,
 * pages separated by form feeds.
 *
 * Returns: (nullable): the text, or %NULL when the material has none to
 *   read: an image or a scan without a text layer, or a material not
 *   available offline. A plugin then says the material must be checked
 *   by eye (a %CS_FINDING_INFO finding) rather than guessing.
 */
const char *
cs_check_context_get_material_text (CsCheckContext *self,
                                    const char     *material_id)
{
  g_return_val_if_fail (CS_IS_CHECK_CONTEXT (self), NULL);
  g_return_val_if_fail (material_id != NULL, NULL);

  return g_hash_table_lookup (self->texts, material_id);
}
