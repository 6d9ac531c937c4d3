/* cs-legal-clock.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(COUNTERSIGN_INSIDE) && !defined(COUNTERSIGN_COMPILATION)
# error "Only <countersign.h> can be included directly."
#endif

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "cs-calendar.h"
#include "cs-version-macros.h"

G_BEGIN_DECLS

/**
 * CS_LEGAL_CLOCK_ERROR:
 *
 * The error domain of #CsLegalClock.
 */
#define CS_LEGAL_CLOCK_ERROR (cs_legal_clock_error_quark ())

/**
 * CS_LEGAL_CLOCK_MAX_EXTENSION_DAYS:
 *
 * The most working days one extension may add to the statutory limit
 * (Administrative Licensing Law, Art. 42).
 */
#define CS_LEGAL_CLOCK_MAX_EXTENSION_DAYS 10

/**
 * CS_LEGAL_CLOCK_SUPPLEMENT_DAYS:
 *
 * The working days within which an incomplete application must be answered
 * with one supplement notice (Administrative Licensing Law, Art. 32).
 */
#define CS_LEGAL_CLOCK_SUPPLEMENT_DAYS 5

/**
 * CsLegalClockError:
 * @CS_LEGAL_CLOCK_ERROR_INVALID: the clock document is malformed: a member
 *   is missing, has the wrong type or an impossible value.
 * @CS_LEGAL_CLOCK_ERROR_UNPUBLISHED_YEAR: the count reached a year whose
 *   working-day calendar has not been published.
 *
 * Why a legal clock could not be read or counted.
 */
typedef enum
{
  CS_LEGAL_CLOCK_ERROR_INVALID,
  CS_LEGAL_CLOCK_ERROR_UNPUBLISHED_YEAR,
} CsLegalClockError;

/**
 * CsDeadlineKind:
 * @CS_DEADLINE_STATUTORY: the decision within the statutory limit (法定时限)
 *   plus any extension, not counting suspended days.
 * @CS_DEADLINE_PROMISED: the decision within the department's promised limit
 *   (承诺时限), halved for a green-channel case, not counting suspended days.
 * @CS_DEADLINE_SUPPLEMENT_NOTICE: the one supplement notice (补正通知) within
 *   %CS_LEGAL_CLOCK_SUPPLEMENT_DAYS working days; suspensions do not apply.
 *
 * Which limit a #CsDeadline counts.
 */
typedef enum
{
  CS_DEADLINE_STATUTORY,
  CS_DEADLINE_PROMISED,
  CS_DEADLINE_SUPPLEMENT_NOTICE,
} CsDeadlineKind;

/**
 * CsClockState:
 * @CS_CLOCK_STATE_ON_TRACK: more working days are left than the warning
 *   threshold.
 * @CS_CLOCK_STATE_YELLOW: the deadline is near: the working days left after
 *   today (cs_deadline_get_remaining()) are at most the warning threshold
 *   max(1, ⌈limit / 5⌉), the last fifth of the limit
 *   (cs_deadline_get_warning_days()). The due day itself (0 left) is
 *   always yellow.
 * @CS_CLOCK_STATE_RED: today is after the due date: overdue.
 * @CS_CLOCK_STATE_PAUSED: today lies inside a suspension (Art. 45), so the
 *   clock is not running; only for the statutory and promised deadlines,
 *   and only while not overdue.
 *
 * How a deadline stands on a given day. cs_deadline_get_state() applies
 * the first that matches: red, paused, yellow, on track. A 20-day limit
 * turns yellow with 4 working days left, a 10-day one with 2, a 5-day one
 * (the supplement notice) with 1; see `docs/legal-clock.md`.
 */
typedef enum
{
  CS_CLOCK_STATE_ON_TRACK,
  CS_CLOCK_STATE_YELLOW,
  CS_CLOCK_STATE_RED,
  CS_CLOCK_STATE_PAUSED,
} CsClockState;

/**
 * CsDeadlineDayKind:
 * @CS_DEADLINE_DAY_SKIPPED_WEEKEND: a Saturday or Sunday, not counted.
 * @CS_DEADLINE_DAY_SKIPPED_HOLIDAY: a public holiday (or a weekend day the
 *   calendar lists as part of one), not counted.
 * @CS_DEADLINE_DAY_SKIPPED_SUSPENSION: a working day inside a suspension,
 *   not counted.
 * @CS_DEADLINE_DAY_COUNTED_MAKEUP: a Saturday or Sunday that the calendar
 *   makes a working day (调休), counted.
 *
 * Why a day between acceptance and the due date is worth explaining.
 */
typedef enum
{
  CS_DEADLINE_DAY_SKIPPED_WEEKEND,
  CS_DEADLINE_DAY_SKIPPED_HOLIDAY,
  CS_DEADLINE_DAY_SKIPPED_SUSPENSION,
  CS_DEADLINE_DAY_COUNTED_MAKEUP,
} CsDeadlineDayKind;

/**
 * CsDeadlineDay:
 * @date: the day
 * @kind: why it was skipped or counted
 * @name: (nullable): for a holiday or a make-up day, the name the calendar
 *   publishes (such as "国庆节" or "国庆节调休"); for a suspension its kind
 *   (such as "testing", see cs_suspension_kind_get_label()); else %NULL
 * @reason: (nullable): for a suspension, the reason recorded with it; else
 *   %NULL
 *
 * One day of a deadline's explanation. The strings belong to the
 * #CsDeadline.
 */
typedef struct
{
  GDate              date;
  CsDeadlineDayKind  kind;
  const char        *name;
  const char        *reason;
} CsDeadlineDay;

/**
 * CsDeadline:
 *
 * An immutable, reference-counted result of a legal clock: when a limit
 * runs out and why.
 */
typedef struct _CsDeadline CsDeadline;

#define CS_TYPE_DEADLINE (cs_deadline_get_type ())
#define CS_TYPE_LEGAL_CLOCK (cs_legal_clock_get_type ())

CS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (CsLegalClock, cs_legal_clock, CS, LEGAL_CLOCK, GObject)

CS_AVAILABLE_IN_ALL
GQuark               cs_legal_clock_error_quark           (void);
CS_AVAILABLE_IN_ALL
CsLegalClock        *cs_legal_clock_new                   (const GDate    *accepted_on,
                                                           guint           statutory_limit,
                                                           guint           promised_limit);
CS_AVAILABLE_IN_ALL
CsLegalClock        *cs_legal_clock_new_from_json         (JsonObject     *clock,
                                                           gboolean        green_channel,
                                                           gboolean        instant,
                                                           GError        **error);
CS_AVAILABLE_IN_ALL
const GDate         *cs_legal_clock_get_accepted_on       (CsLegalClock   *self);
CS_AVAILABLE_IN_ALL
guint                cs_legal_clock_get_statutory_limit   (CsLegalClock   *self);
CS_AVAILABLE_IN_ALL
void                 cs_legal_clock_set_statutory_limit   (CsLegalClock   *self,
                                                           guint           statutory_limit);
CS_AVAILABLE_IN_ALL
guint                cs_legal_clock_get_promised_limit    (CsLegalClock   *self);
CS_AVAILABLE_IN_ALL
void                 cs_legal_clock_set_promised_limit    (CsLegalClock   *self,
                                                           guint           promised_limit);
CS_AVAILABLE_IN_ALL
guint                cs_legal_clock_get_extension_days    (CsLegalClock   *self);
CS_AVAILABLE_IN_ALL
void                 cs_legal_clock_set_extension_days    (CsLegalClock   *self,
                                                           guint           extension_days);
CS_AVAILABLE_IN_ALL
gboolean             cs_legal_clock_get_green_channel     (CsLegalClock   *self);
CS_AVAILABLE_IN_ALL
void                 cs_legal_clock_set_green_channel     (CsLegalClock   *self,
                                                           gboolean        green_channel);
CS_AVAILABLE_IN_ALL
gboolean             cs_legal_clock_get_instant           (CsLegalClock   *self);
CS_AVAILABLE_IN_ALL
void                 cs_legal_clock_set_instant           (CsLegalClock   *self,
                                                           gboolean        instant);
CS_AVAILABLE_IN_ALL
const GDate         *cs_legal_clock_get_supplement_requested_on
                                                          (CsLegalClock   *self);
CS_AVAILABLE_IN_ALL
void                 cs_legal_clock_set_supplement_requested_on
                                                          (CsLegalClock   *self,
                                                           const GDate    *date);
CS_AVAILABLE_IN_ALL
void                 cs_legal_clock_add_suspension        (CsLegalClock   *self,
                                                           const char     *kind,
                                                           const char     *reason,
                                                           const GDate    *from,
                                                           const GDate    *to);
CS_AVAILABLE_IN_ALL
guint                cs_legal_clock_get_n_suspensions     (CsLegalClock   *self);
CS_AVAILABLE_IN_ALL
void                 cs_legal_clock_get_suspension        (CsLegalClock   *self,
                                                           guint           index,
                                                           const char    **kind,
                                                           const char    **reason,
                                                           GDate          *from,
                                                           GDate          *to);
CS_AVAILABLE_IN_ALL
gboolean             cs_legal_clock_is_suspended_on       (CsLegalClock   *self,
                                                           const GDate    *day);
CS_AVAILABLE_IN_ALL
guint                cs_legal_clock_get_limit             (CsLegalClock   *self,
                                                           CsDeadlineKind  kind);
CS_AVAILABLE_IN_ALL
CsDeadline          *cs_legal_clock_compute               (CsLegalClock   *self,
                                                           CsDeadlineKind  kind,
                                                           CsCalendar     *calendar,
                                                           const GDate    *today,
                                                           GError        **error);
CS_AVAILABLE_IN_ALL
CsDeadline          *cs_legal_clock_compute_statutory     (CsLegalClock   *self,
                                                           CsCalendar     *calendar,
                                                           const GDate    *today,
                                                           GError        **error);
CS_AVAILABLE_IN_ALL
CsDeadline          *cs_legal_clock_compute_promised      (CsLegalClock   *self,
                                                           CsCalendar     *calendar,
                                                           const GDate    *today,
                                                           GError        **error);
CS_AVAILABLE_IN_ALL
CsDeadline          *cs_legal_clock_compute_supplement_notice
                                                          (CsLegalClock   *self,
                                                           CsCalendar     *calendar,
                                                           GError        **error);

CS_AVAILABLE_IN_ALL
const char          *cs_suspension_kind_get_label         (const char     *kind);
CS_AVAILABLE_IN_ALL
const char          *cs_clock_state_get_label             (CsClockState    state);

CS_AVAILABLE_IN_ALL
GType                cs_deadline_get_type                 (void) G_GNUC_CONST;
CS_AVAILABLE_IN_ALL
CsDeadline          *cs_deadline_ref                      (CsDeadline     *self);
CS_AVAILABLE_IN_ALL
void                 cs_deadline_unref                    (CsDeadline     *self);
CS_AVAILABLE_IN_ALL
CsDeadlineKind       cs_deadline_get_kind                 (CsDeadline     *self);
CS_AVAILABLE_IN_ALL
const GDate         *cs_deadline_get_accepted_on          (CsDeadline     *self);
CS_AVAILABLE_IN_ALL
const GDate         *cs_deadline_get_due                  (CsDeadline     *self);
CS_AVAILABLE_IN_ALL
guint                cs_deadline_get_limit                (CsDeadline     *self);
CS_AVAILABLE_IN_ALL
const GDate         *cs_deadline_get_as_of                (CsDeadline     *self);
CS_AVAILABLE_IN_ALL
gboolean             cs_deadline_get_has_open_suspension  (CsDeadline     *self);
CS_AVAILABLE_IN_ALL
guint                cs_deadline_get_warning_days         (CsDeadline     *self);
CS_AVAILABLE_IN_ALL
int                  cs_deadline_get_remaining            (CsDeadline     *self,
                                                           const GDate    *today);
CS_AVAILABLE_IN_ALL
CsClockState         cs_deadline_get_state                (CsDeadline     *self,
                                                           const GDate    *today);
CS_AVAILABLE_IN_ALL
const CsDeadlineDay *cs_deadline_get_days                 (CsDeadline     *self,
                                                           guint          *n_days);
CS_AVAILABLE_IN_ALL
char                *cs_deadline_explain                  (CsDeadline     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsDeadline, cs_deadline_unref)

G_END_DECLS
