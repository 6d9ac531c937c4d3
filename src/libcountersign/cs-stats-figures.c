/* cs-stats-figures.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-error.h"
#include "cs-json-private.h"
#include "cs-stats-figures.h"

/**
 * CsStatsFigures:
 *
 * The figures of a department over a period, for the whole department, one
 * matter or one approver, as `GET /v1/departments/{code}/stats` gives them:
 * how many parts were decided and how many within the promised limit, the
 * working days they took against the statutory limit, the instant matters
 * decided on the spot, the supplement notices among the parts accepted.
 */
struct _CsStatsFigures
{
  GObject parent_instance;

  char *key;
  char *name;
  gint64 counts[CS_STATS_N_COUNTS];
  double measures[CS_STATS_N_MEASURES];
  gboolean has_measure[CS_STATS_N_MEASURES];
};

G_DEFINE_FINAL_TYPE (CsStatsFigures, cs_stats_figures, G_TYPE_OBJECT)

static const char * const count_members[CS_STATS_N_COUNTS] = {
  "decided",
  "within_promised",
  "instant_decided",
  "instant_same_day",
  "accepted",
  "supplement_notices",
};

static const char * const measure_members[CS_STATS_N_MEASURES] = {
  "within_promised_pct",
  "mean_days",
  "median_days",
  "mean_statutory_limit",
  "ratio",
  "instant_same_day_pct",
  "supplement_rate_pct",
};

static void
cs_stats_figures_finalize (GObject *object)
{
  CsStatsFigures *self = (CsStatsFigures *)object;

  g_free (self->key);
  g_free (self->name);

  G_OBJECT_CLASS (cs_stats_figures_parent_class)->finalize (object);
}

static void
cs_stats_figures_class_init (CsStatsFiguresClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cs_stats_figures_finalize;
}

static void
cs_stats_figures_init (CsStatsFigures *self)
{
}

static gboolean
get_number (JsonObject  *object,
            const char  *path,
            const char  *member,
            double      *out,
            gboolean    *present,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  GType type;

  *out = 0;
  *present = FALSE;
  if (node == NULL)
    {
      g_set_error (error, CS_ERROR, CS_ERROR_PROTOCOL,
                   _("The server’s answer cannot be read: “%s.%s” is missing"),
                   path, member);
      return FALSE;
    }
  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (type != G_TYPE_DOUBLE && type != G_TYPE_INT64)
    {
      g_set_error (error, CS_ERROR, CS_ERROR_PROTOCOL,
                   _("The server’s answer cannot be read: “%s.%s” should be %s"),
                   path, member, _("a number"));
      return FALSE;
    }
  *out = type == G_TYPE_DOUBLE ? json_node_get_double (node) : (double)json_node_get_int (node);
  *present = TRUE;
  return TRUE;
}

/**
 * cs_stats_figures_new_from_json:
 * @object: a `Figures`, `MatterFigures` or `ApproverFigures` of the API
 * @path: where @object is, for error messages (`stats.matters[0]`)
 * @key_member: (nullable): the member naming the group (`code`,
 *   `username`), with a `name` beside it; %NULL for the whole department
 * @error: return location for a #CS_ERROR_PROTOCOL
 *
 * Returns: (transfer full) (nullable): the figures, or %NULL when @object
 *   does not follow the contract
 */
CsStatsFigures *
cs_stats_figures_new_from_json (JsonObject  *object,
                                const char  *path,
                                const char  *key_member,
                                GError     **error)
{
  g_autoptr(CsStatsFigures) self = g_object_new (CS_TYPE_STATS_FIGURES, NULL);

  g_return_val_if_fail (object != NULL, NULL);

  if (key_member != NULL)
    {
      const char *key, *name;

      if (!_cs_json_get_string (object, path, key_member, 0, &key, error) ||
          !_cs_json_get_string (object, path, "name", 0, &name, error))
        return NULL;
      self->key = g_strdup (key);
      self->name = g_strdup (name);
    }

  for (guint i = 0; i < CS_STATS_N_COUNTS; i++)
    {
      if (!_cs_json_get_int (object, path, count_members[i], 0, &self->counts[i], error))
        return NULL;
      if (self->counts[i] < 0)
        {
          g_set_error (error, CS_ERROR, CS_ERROR_PROTOCOL,
                       _("The server’s answer cannot be read: “%s.%s” should be %s"),
                       path, count_members[i], _("zero or more"));
          return NULL;
        }
    }

  for (guint i = 0; i < CS_STATS_N_MEASURES; i++)
    if (!get_number (object, path, measure_members[i], &self->measures[i],
                     &self->has_measure[i], error))
      return NULL;

  return g_steal_pointer (&self);
}

/**
 * cs_stats_figures_get_key:
 * @self: a #CsStatsFigures
 *
 * Returns: (nullable): the matter code or username; %NULL for the whole
 *   department
 */
const char *
cs_stats_figures_get_key (CsStatsFigures *self)
{
  g_return_val_if_fail (CS_IS_STATS_FIGURES (self), NULL);
  return self->key;
}

/**
 * cs_stats_figures_get_name:
 * @self: a #CsStatsFigures
 *
 * Returns: (nullable): the matter's or approver's name; %NULL for the whole
 *   department
 */
const char *
cs_stats_figures_get_name (CsStatsFigures *self)
{
  g_return_val_if_fail (CS_IS_STATS_FIGURES (self), NULL);
  return self->name;
}

/**
 * cs_stats_figures_get_count:
 * @self: a #CsStatsFigures
 * @count: which count
 *
 * Returns: the count
 */
gint64
cs_stats_figures_get_count (CsStatsFigures *self,
                            CsStatsCount    count)
{
  g_return_val_if_fail (CS_IS_STATS_FIGURES (self), 0);
  g_return_val_if_fail (count < CS_STATS_N_COUNTS, 0);
  return self->counts[count];
}

/**
 * cs_stats_figures_get_measure:
 * @self: a #CsStatsFigures
 * @measure: which measure
 * @value: (out) (optional): the value, 0 when there is none
 *
 * Returns: %TRUE when the measure has a value (a share of nothing has none)
 */
gboolean
cs_stats_figures_get_measure (CsStatsFigures *self,
                              CsStatsMeasure  measure,
                              double         *value)
{
  g_return_val_if_fail (CS_IS_STATS_FIGURES (self), FALSE);
  g_return_val_if_fail (measure < CS_STATS_N_MEASURES, FALSE);

  if (value != NULL)
    *value = self->measures[measure];
  return self->has_measure[measure];
}
