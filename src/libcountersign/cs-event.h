/* cs-event.h
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
 * CsEventKind:
 * @CS_EVENT_UNKNOWN: an event this version does not know; fetch the case.
 * @CS_EVENT_CASE_CREATED: a case was forwarded to the department.
 * @CS_EVENT_CASE_CHANGED: a case changed (claimed, reviewed, …).
 * @CS_EVENT_DECISION_RECORDED: a decision on a part of a case was recorded.
 *
 * What an event of the central API's feed says happened.
 */
typedef enum
{
  CS_EVENT_UNKNOWN,
  CS_EVENT_CASE_CREATED,
  CS_EVENT_CASE_CHANGED,
  CS_EVENT_DECISION_RECORDED,
} CsEventKind;

#define CS_TYPE_EVENT (cs_event_get_type ())

CS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (CsEvent, cs_event, CS, EVENT, GObject)

CS_AVAILABLE_IN_ALL
CsEvent     *cs_event_new_from_json  (JsonObject  *object,
                                      GError     **error);
CS_AVAILABLE_IN_ALL
gint64       cs_event_get_seq        (CsEvent     *self);
CS_AVAILABLE_IN_ALL
CsEventKind  cs_event_get_kind       (CsEvent     *self);
CS_AVAILABLE_IN_ALL
const char  *cs_event_get_case_id    (CsEvent     *self);
CS_AVAILABLE_IN_ALL
gint64       cs_event_get_at         (CsEvent     *self);

G_END_DECLS
