/* cs-outbox-item.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-outbox-item-private.h"

/**
 * CsOutboxItem:
 *
 * One write to the central API as the outbox stores it: what it does
 * (`claim`, `release`, `review`, `decision`), for which case, its
 * idempotency key, and where it stands.
 */

G_DEFINE_FINAL_TYPE (CsOutboxItem, cs_outbox_item, G_TYPE_OBJECT)

static void
cs_outbox_item_finalize (GObject *object)
{
  CsOutboxItem *self = (CsOutboxItem *) object;

  g_free (self->kind);
  g_free (self->case_id);
  g_free (self->idempotency_key);
  g_free (self->method);
  g_free (self->path);
  g_free (self->body);
  g_free (self->content_type);
  g_clear_pointer (&self->body_bytes, g_bytes_unref);
  g_free (self->if_match);
  g_free (self->last_error);

  G_OBJECT_CLASS (cs_outbox_item_parent_class)->finalize (object);
}

static void
cs_outbox_item_class_init (CsOutboxItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cs_outbox_item_finalize;
}

static void
cs_outbox_item_init (CsOutboxItem *self)
{
}

gint64
cs_outbox_item_get_id (CsOutboxItem *self)
{
  g_return_val_if_fail (CS_IS_OUTBOX_ITEM (self), 0);
  return self->id;
}

const char *
cs_outbox_item_get_kind (CsOutboxItem *self)
{
  g_return_val_if_fail (CS_IS_OUTBOX_ITEM (self), NULL);
  return self->kind;
}

const char *
cs_outbox_item_get_case_id (CsOutboxItem *self)
{
  g_return_val_if_fail (CS_IS_OUTBOX_ITEM (self), NULL);
  return self->case_id;
}

const char *
cs_outbox_item_get_idempotency_key (CsOutboxItem *self)
{
  g_return_val_if_fail (CS_IS_OUTBOX_ITEM (self), NULL);
  return self->idempotency_key;
}

CsOutboxState
cs_outbox_item_get_state (CsOutboxItem *self)
{
  g_return_val_if_fail (CS_IS_OUTBOX_ITEM (self), CS_OUTBOX_PENDING);
  return self->state;
}

guint
cs_outbox_item_get_attempts (CsOutboxItem *self)
{
  g_return_val_if_fail (CS_IS_OUTBOX_ITEM (self), 0);
  return self->attempts;
}

/**
 * cs_outbox_item_get_created_at:
 * @self: a #CsOutboxItem
 *
 * Returns: when the write was queued, in microseconds since the epoch
 */
gint64
cs_outbox_item_get_created_at (CsOutboxItem *self)
{
  g_return_val_if_fail (CS_IS_OUTBOX_ITEM (self), 0);
  return self->created_at;
}

/**
 * cs_outbox_item_get_next_attempt_at:
 * @self: a #CsOutboxItem
 *
 * Returns: when a pending write is tried again, in microseconds since the
 *   epoch; 0 for at once
 */
gint64
cs_outbox_item_get_next_attempt_at (CsOutboxItem *self)
{
  g_return_val_if_fail (CS_IS_OUTBOX_ITEM (self), 0);
  return self->next_attempt_at;
}

/**
 * cs_outbox_item_get_last_error:
 * @self: a #CsOutboxItem
 *
 * Returns: (nullable): why the last attempt failed, for people
 */
const char *
cs_outbox_item_get_last_error (CsOutboxItem *self)
{
  g_return_val_if_fail (CS_IS_OUTBOX_ITEM (self), NULL);
  return self->last_error;
}

/**
 * cs_outbox_item_get_state_label:
 * @self: a #CsOutboxItem
 *
 * Returns: the state in words, translated
 */
const char *
cs_outbox_item_get_state_label (CsOutboxItem *self)
{
  g_return_val_if_fail (CS_IS_OUTBOX_ITEM (self), NULL);

  switch (self->state)
    {
    case CS_OUTBOX_SENT:
      return _("Sent");
    case CS_OUTBOX_FAILED:
      return _("Failed");
    case CS_OUTBOX_PENDING:
    default:
      return self->attempts > 0 ? _("Waiting to retry") : _("Pending");
    }
}
