/* cs-clock-watcher.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include <countersign.h>

#include "cs-session.h"

G_BEGIN_DECLS

/* A case whose clock has just turned yellow or red. */
typedef struct
{
  char *case_id;
  char *number;
  CsClockState state;
} CsClockCrossing;

void cs_clock_crossing_free (CsClockCrossing *crossing);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CsClockCrossing, cs_clock_crossing_free)

#define CS_TYPE_CLOCK_WATCHER (cs_clock_watcher_get_type ())

G_DECLARE_FINAL_TYPE (CsClockWatcher, cs_clock_watcher, CS, CLOCK_WATCHER, GObject)

CsClockWatcher *cs_clock_watcher_new    (const char     *state_path);
GPtrArray      *cs_clock_watcher_check  (CsClockWatcher *self,
                                         GListModel     *cases,
                                         CsCalendar     *calendar,
                                         const GDate    *today,
                                         GError        **error);
void            cs_clock_watcher_notify (CsClockWatcher *self,
                                         GApplication   *application,
                                         GPtrArray      *crossings);
void            cs_clock_watcher_watch  (CsClockWatcher *self,
                                         GApplication   *application,
                                         CsSession      *session);

G_END_DECLS
