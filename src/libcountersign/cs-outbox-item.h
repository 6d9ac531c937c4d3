/* cs-outbox-item.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* Private to the desk and countersign-cli; not installed. */

#include <glib-object.h>

#include "cs-version-macros.h"

G_BEGIN_DECLS

/**
 * CsOutboxState:
 * @CS_OUTBOX_PENDING: stored, not yet accepted by the server (queued, or
 *   waiting for its next attempt after a network failure or a 5xx).
 * @CS_OUTBOX_SENT: the server accepted it.
 * @CS_OUTBOX_FAILED: the server refused it (4xx); it waits for the person
 *   to retry or discard it, and is never sent again by itself.
 *
 * Where a write stands.
 */
typedef enum
{
  CS_OUTBOX_PENDING,
  CS_OUTBOX_SENT,
  CS_OUTBOX_FAILED,
} CsOutboxState;

#define CS_TYPE_OUTBOX_ITEM (cs_outbox_item_get_type ())

CS_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (CsOutboxItem, cs_outbox_item, CS, OUTBOX_ITEM, GObject)

CS_AVAILABLE_IN_ALL
gint64         cs_outbox_item_get_id              (CsOutboxItem *self);
CS_AVAILABLE_IN_ALL
const char    *cs_outbox_item_get_kind            (CsOutboxItem *self);
CS_AVAILABLE_IN_ALL
const char    *cs_outbox_item_get_case_id         (CsOutboxItem *self);
CS_AVAILABLE_IN_ALL
const char    *cs_outbox_item_get_idempotency_key (CsOutboxItem *self);
CS_AVAILABLE_IN_ALL
CsOutboxState  cs_outbox_item_get_state           (CsOutboxItem *self);
CS_AVAILABLE_IN_ALL
guint          cs_outbox_item_get_attempts        (CsOutboxItem *self);
CS_AVAILABLE_IN_ALL
gint64         cs_outbox_item_get_created_at      (CsOutboxItem *self);
CS_AVAILABLE_IN_ALL
gint64         cs_outbox_item_get_next_attempt_at (CsOutboxItem *self);
CS_AVAILABLE_IN_ALL
const char    *cs_outbox_item_get_last_error      (CsOutboxItem *self);
CS_AVAILABLE_IN_ALL
const char    *cs_outbox_item_get_state_label     (CsOutboxItem *self);

G_END_DECLS
