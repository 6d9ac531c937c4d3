/* cs-case-info.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsCaseInfo"

#include "config.h"

#include "cs-case-info.h"

typedef struct
{
  CsCaseInfo info;
  gint64 version;
  gint64 updated_at;
  CsCalendar *calendar;      /* compared, never dereferenced */
  guint32 today;
} Cached;

static GQuark
info_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("cs-case-info");
  return quark;
}

static void
cached_free (Cached *cached)
{
  g_free (cached->info.search_key);
  g_free (cached);
}

/* Folds case and width so that a search matches what a person types:
 * "ab" finds "AB", and full-width digits find half-width ones. */
char *
cs_case_info_fold (const char *text)
{
  g_autofree char *normalized = NULL;

  if (text == NULL)
    return g_strdup ("");
  normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  return g_utf8_casefold (normalized != NULL ? normalized : text, -1);
}

static int
state_rank (CsClockState state)
{
  switch (state)
    {
    case CS_CLOCK_STATE_RED:
      return 3;
    case CS_CLOCK_STATE_YELLOW:
      return 2;
    case CS_CLOCK_STATE_PAUSED:
      return 1;
    case CS_CLOCK_STATE_ON_TRACK:
    default:
      return 0;
    }
}

static void
compute_clocks (CsCaseInfo  *info,
                CsCase      *kase,
                CsCalendar  *calendar,
                const GDate *today)
{
  g_autoptr(CsLegalClock) clock = NULL;
  g_autoptr(CsDeadline) promised = NULL;
  g_autoptr(CsDeadline) statutory = NULL;

  const GDate *decided_on = cs_case_get_decided_on (kase);

  /* A decided case is measured on the day of its decision: in time or
   * late, but no longer running. */
  info->closed = !cs_case_status_is_open (cs_case_get_status (kase));
  if (info->closed && decided_on != NULL && g_date_valid (decided_on))
    today = decided_on;

  info->has_clock = FALSE;
  if (calendar == NULL || (clock = cs_case_dup_legal_clock (kase, NULL)) == NULL)
    return;
  promised = cs_legal_clock_compute_promised (clock, calendar, today, NULL);
  statutory = cs_legal_clock_compute_statutory (clock, calendar, today, NULL);
  if (promised == NULL || statutory == NULL)
    return;

  info->has_clock = TRUE;
  info->promised_remaining = cs_deadline_get_remaining (promised, today);
  info->statutory_remaining = cs_deadline_get_remaining (statutory, today);
  info->promised_due = *cs_deadline_get_due (promised);
  info->statutory_due = *cs_deadline_get_due (statutory);
  info->promised_state = cs_deadline_get_state (promised, today);
  info->statutory_state = cs_deadline_get_state (statutory, today);
  info->worst_state = state_rank (info->statutory_state) > state_rank (info->promised_state)
                      ? info->statutory_state : info->promised_state;
}

/**
 * cs_case_info_get:
 * @kase: a case
 * @calendar: (nullable): the working-day calendar
 * @today: the day deadlines count from
 *
 * Returns: (transfer none): what the inbox shows of @kase; valid until
 *   the next call for the same case
 */
const CsCaseInfo *
cs_case_info_get (CsCase      *kase,
                  CsCalendar  *calendar,
                  const GDate *today)
{
  Cached *cached = g_object_get_qdata (G_OBJECT (kase), info_quark ());
  guint32 julian = g_date_get_julian (today);

  if (cached != NULL && cached->version == cs_case_get_version (kase) &&
      cached->updated_at == cs_case_get_updated_at (kase) &&
      cached->calendar == calendar && cached->today == julian)
    return &cached->info;

  if (cached == NULL)
    {
      cached = g_new0 (Cached, 1);
      g_object_set_qdata_full (G_OBJECT (kase), info_quark (), cached,
                               (GDestroyNotify) cached_free);
    }

  if (cached->info.search_key == NULL || cached->version != cs_case_get_version (kase) ||
      cached->updated_at != cs_case_get_updated_at (kase))
    {
      g_autofree char *joined = g_strjoin ("\n",
                                           cs_case_get_number (kase),
                                           cs_case_get_applicant_name (kase),
                                           cs_case_get_applicant_id_number (kase) != NULL
                                           ? cs_case_get_applicant_id_number (kase) : "",
                                           cs_case_get_matter_name (kase),
                                           cs_case_get_matter_code (kase),
                                           NULL);

      g_free (cached->info.search_key);
      cached->info.search_key = cs_case_info_fold (joined);
    }

  compute_clocks (&cached->info, kase, calendar, today);
  cached->version = cs_case_get_version (kase);
  cached->updated_at = cs_case_get_updated_at (kase);
  cached->calendar = calendar;
  cached->today = julian;
  return &cached->info;
}
