/* cs-event.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-event.h"
#include "cs-json-private.h"

/**
 * CsEvent:
 *
 * One change from the central API's event feed. Events carry no state:
 * whoever receives one fetches the case to see what changed.
 */
struct _CsEvent
{
  GObject parent_instance;

  gint64 seq;
  gint64 at;
  char *case_id;
  CsEventKind kind;
};

G_DEFINE_FINAL_TYPE (CsEvent, cs_event, G_TYPE_OBJECT)

static void
cs_event_finalize (GObject *object)
{
  CsEvent *self = (CsEvent *) object;

  g_free (self->case_id);

  G_OBJECT_CLASS (cs_event_parent_class)->finalize (object);
}

static void
cs_event_class_init (CsEventClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cs_event_finalize;
}

static void
cs_event_init (CsEvent *self)
{
}

/**
 * cs_event_new_from_json:
 * @object: an `Event` of the central API
 * @error: return location for a #CS_ERROR_PROTOCOL
 *
 * Returns: (transfer full) (nullable): the event, or %NULL when @object
 *   does not follow the contract
 */
CsEvent *
cs_event_new_from_json (JsonObject  *object,
                        GError     **error)
{
  g_autoptr(CsEvent) self = g_object_new (CS_TYPE_EVENT, NULL);
  const char *type, *case_id;

  if (!_cs_json_get_int (object, "event", "seq", 0, &self->seq, error) ||
      !_cs_json_get_string (object, "event", "type", 0, &type, error) ||
      !_cs_json_get_string (object, "event", "case_id", CS_JSON_NULLABLE, &case_id, error) ||
      !_cs_json_get_datetime (object, "event", "at", 0, &self->at, error))
    return NULL;

  if (g_str_equal (type, "case.created"))
    self->kind = CS_EVENT_CASE_CREATED;
  else if (g_str_equal (type, "case.changed"))
    self->kind = CS_EVENT_CASE_CHANGED;
  else if (g_str_equal (type, "decision.recorded"))
    self->kind = CS_EVENT_DECISION_RECORDED;
  else
    self->kind = CS_EVENT_UNKNOWN;   /* newer servers may say more */
  self->case_id = g_strdup (case_id);

  return g_steal_pointer (&self);
}

/**
 * cs_event_get_seq:
 * @self: a #CsEvent
 *
 * Returns: the event's sequence number, increasing along the feed
 */
gint64
cs_event_get_seq (CsEvent *self)
{
  g_return_val_if_fail (CS_IS_EVENT (self), 0);
  return self->seq;
}

CsEventKind
cs_event_get_kind (CsEvent *self)
{
  g_return_val_if_fail (CS_IS_EVENT (self), CS_EVENT_UNKNOWN);
  return self->kind;
}

/**
 * cs_event_get_case_id:
 * @self: a #CsEvent
 *
 * Returns: (nullable): the ID of the case the event concerns
 */
const char *
cs_event_get_case_id (CsEvent *self)
{
  g_return_val_if_fail (CS_IS_EVENT (self), NULL);
  return self->case_id;
}

/**
 * cs_event_get_at:
 * @self: a #CsEvent
 *
 * Returns: when it happened, in microseconds since the Unix epoch
 */
gint64
cs_event_get_at (CsEvent *self)
{
  g_return_val_if_fail (CS_IS_EVENT (self), 0);
  return self->at;
}
