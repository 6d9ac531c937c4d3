/* cs-case-info.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <countersign.h>

G_BEGIN_DECLS

/* What the inbox derives from a case to show, search, filter and sort it
 * by, kept with the case and worked out again only when the case, the
 * calendar or the day changes. */
typedef struct
{
  char *search_key;          /* number, applicant, ID number, matter: casefolded */
  gboolean has_clock;        /* FALSE: no calendar for the years concerned yet */
  gboolean closed;           /* decided: the clocks stopped on the decision day */
  int promised_remaining;    /* working days left after today; < 0: overdue */
  int statutory_remaining;
  GDate promised_due;
  GDate statutory_due;
  CsClockState promised_state;
  CsClockState statutory_state;
  CsClockState worst_state;  /* of the two, for filters and colours */
} CsCaseInfo;

const CsCaseInfo *cs_case_info_get    (CsCase      *kase,
                                       CsCalendar  *calendar,
                                       const GDate *today);
gboolean          cs_case_info_is_ready (CsCase    *kase,
                                         CsCalendar  *calendar,
                                         const GDate *today);
const char       *cs_case_info_get_search_key (CsCase *kase);
const char       *cs_case_info_peek_search_key (CsCase *kase);
char             *cs_case_info_fold   (const char  *text);
void              cs_case_info_prepare (GPtrArray  *cases,
                                        CsCalendar *calendar,
                                        const GDate *today);

G_END_DECLS
