/* cs-stats-figures.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "cs-version-macros.h"

G_BEGIN_DECLS

/**
 * CsStatsCount:
 * @CS_STATS_DECIDED: parts decided in the period
 * @CS_STATS_WITHIN_PROMISED: of those, decided within the promised limit
 * @CS_STATS_INSTANT_DECIDED: decided parts of instant matters (即办件)
 * @CS_STATS_INSTANT_SAME_DAY: of those, decided on the day of acceptance
 * @CS_STATS_ACCEPTED: parts accepted in the period
 * @CS_STATS_SUPPLEMENT_NOTICES: of those, with a supplement notice
 *
 * The counts of a #CsStatsFigures.
 */
typedef enum
{
  CS_STATS_DECIDED,
  CS_STATS_WITHIN_PROMISED,
  CS_STATS_INSTANT_DECIDED,
  CS_STATS_INSTANT_SAME_DAY,
  CS_STATS_ACCEPTED,
  CS_STATS_SUPPLEMENT_NOTICES,
  CS_STATS_N_COUNTS,
} CsStatsCount;

/**
 * CsStatsMeasure:
 * @CS_STATS_WITHIN_PROMISED_PCT: decided within the promised limit, in %
 * @CS_STATS_MEAN_DAYS: the mean working days the decided parts took
 * @CS_STATS_MEDIAN_DAYS: their median
 * @CS_STATS_MEAN_STATUTORY_LIMIT: the mean of their statutory limits
 * @CS_STATS_RATIO: the working days taken over the statutory limits
 * @CS_STATS_INSTANT_SAME_DAY_PCT: instant matters decided the same day, in %
 * @CS_STATS_SUPPLEMENT_RATE_PCT: accepted parts with a supplement notice, in %
 *
 * The measures of a #CsStatsFigures; each may be missing (a share of
 * nothing).
 */
typedef enum
{
  CS_STATS_WITHIN_PROMISED_PCT,
  CS_STATS_MEAN_DAYS,
  CS_STATS_MEDIAN_DAYS,
  CS_STATS_MEAN_STATUTORY_LIMIT,
  CS_STATS_RATIO,
  CS_STATS_INSTANT_SAME_DAY_PCT,
  CS_STATS_SUPPLEMENT_RATE_PCT,
  CS_STATS_N_MEASURES,
} CsStatsMeasure;

#define CS_TYPE_STATS_FIGURES (cs_stats_figures_get_type ())

CS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (CsStatsFigures, cs_stats_figures, CS, STATS_FIGURES, GObject)

CS_AVAILABLE_IN_ALL
CsStatsFigures *cs_stats_figures_new_from_json (JsonObject      *object,
                                                const char      *path,
                                                const char      *key_member,
                                                GError         **error);
CS_AVAILABLE_IN_ALL
const char     *cs_stats_figures_get_key       (CsStatsFigures  *self);
CS_AVAILABLE_IN_ALL
const char     *cs_stats_figures_get_name      (CsStatsFigures  *self);
CS_AVAILABLE_IN_ALL
gint64          cs_stats_figures_get_count     (CsStatsFigures  *self,
                                                CsStatsCount     count);
CS_AVAILABLE_IN_ALL
gboolean        cs_stats_figures_get_measure   (CsStatsFigures  *self,
                                                CsStatsMeasure   measure,
                                                double          *value);

G_END_DECLS
