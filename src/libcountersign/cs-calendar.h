/* cs-calendar.h
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

#include "cs-version-macros.h"

G_BEGIN_DECLS

/**
 * CS_CALENDAR_ERROR:
 *
 * The error domain of #CsCalendar.
 */
#define CS_CALENDAR_ERROR (cs_calendar_error_quark ())

/**
 * CsCalendarError:
 * @CS_CALENDAR_ERROR_INVALID: the calendar document is malformed.
 *
 * Errors raised while reading a calendar document.
 */
typedef enum
{
  CS_CALENDAR_ERROR_INVALID,
} CsCalendarError;

#define CS_TYPE_CALENDAR (cs_calendar_get_type ())

CS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (CsCalendar, cs_calendar, CS, CALENDAR, GObject)

CS_AVAILABLE_IN_ALL
GQuark       cs_calendar_error_quark      (void);
CS_AVAILABLE_IN_ALL
CsCalendar  *cs_calendar_new              (void);
CS_AVAILABLE_IN_ALL
gboolean     cs_calendar_load_json        (CsCalendar   *self,
                                           JsonNode     *node,
                                           GError      **error);
CS_AVAILABLE_IN_ALL
void         cs_calendar_set_exception    (CsCalendar   *self,
                                           const GDate  *date,
                                           gboolean      workday,
                                           const char   *name);
CS_AVAILABLE_IN_ALL
void         cs_calendar_add_year         (CsCalendar   *self,
                                           guint         year);
CS_AVAILABLE_IN_ALL
gboolean     cs_calendar_has_year         (CsCalendar   *self,
                                           guint         year);
CS_AVAILABLE_IN_ALL
gboolean     cs_calendar_is_workday       (CsCalendar   *self,
                                           const GDate  *date);
CS_AVAILABLE_IN_ALL
const char  *cs_calendar_get_day_name     (CsCalendar   *self,
                                           const GDate  *date);
CS_AVAILABLE_IN_ALL
void         cs_calendar_add_working_days (CsCalendar   *self,
                                           GDate        *date,
                                           int           n_days);
CS_AVAILABLE_IN_ALL
int          cs_calendar_count_working_days (CsCalendar  *self,
                                             const GDate *from,
                                             const GDate *to);

G_END_DECLS
