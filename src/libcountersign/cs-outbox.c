/* cs-outbox.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsOutbox"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "cs-cache-private.h"
#include "cs-case.h"
#include "cs-error.h"
#include "cs-json-private.h"
#include "cs-outbox.h"
#include "cs-outbox-item-private.h"
#include "cs-verdict.h"

/**
 * CsOutbox:
 *
 * The durable outbox: every write to the central API (claim, release,
 * review, decision) is stored in the cache's database — synchronously,
 * before anything goes on the wire — with an idempotency key of its own.
 * Draining sends the items in the order they were queued:
 *
 * - the server accepted it (2xx): the item is marked sent, and the case
 *   the answer carries goes into the cache;
 * - the server could not be reached, or failed (5xx): the item stays
 *   pending with a later next attempt (exponential backoff with jitter),
 *   and draining stops, so that later writes never overtake it;
 * - the session ended (401): draining stops, the item stays pending for
 *   after the next sign-in;
 * - any other refusal (4xx; a 409 conflict among them): the item is
 *   marked failed with the reason, for the person to read, retry or
 *   discard; it is never sent again by itself.
 *
 * A process that dies at any point leaves its items pending; the next
 * drain sends them again with the same key, and the server answers a
 * repeated key with the first result. Each item takes effect exactly once.
 */
struct _CsOutbox
{
  GObject parent_instance;

  CsCache *cache;
};

G_DEFINE_FINAL_TYPE (CsOutbox, cs_outbox, G_TYPE_OBJECT)

enum {
  ITEM_CHANGED,
  CASE_UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define BACKOFF_BASE_USEC (G_USEC_PER_SEC)
#define BACKOFF_CAP_USEC (5 * 60 * G_USEC_PER_SEC)

static const char item_columns[] =
  "id, kind, case_id, idempotency_key, method, path, body, if_match, state, attempts,"
  " created_at, next_attempt_at, last_error, content_type, body_bytes";

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

static void
cs_outbox_dispose (GObject *object)
{
  CsOutbox *self = (CsOutbox *) object;

  g_clear_object (&self->cache);

  G_OBJECT_CLASS (cs_outbox_parent_class)->dispose (object);
}

static void
cs_outbox_class_init (CsOutboxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cs_outbox_dispose;

  /**
   * CsOutbox::item-changed:
   * @self: the outbox
   * @item: the item as it now stands
   *
   * An item was queued, sent, failed, retried or discarded.
   */
  signals[ITEM_CHANGED] = g_signal_new ("item-changed", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, CS_TYPE_OUTBOX_ITEM);

  /**
   * CsOutbox::case-updated:
   * @self: the outbox
   * @kase: the case as the server's answer to a write gave it
   *
   * A sent write changed a case; the cache holds the new version already.
   */
  signals[CASE_UPDATED] = g_signal_new ("case-updated", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, CS_TYPE_CASE);
}

static void
cs_outbox_init (CsOutbox *self)
{
}

/**
 * cs_outbox_new:
 * @cache: the account's cache, whose database holds the outbox
 *
 * Returns: (transfer full): the account's outbox
 */
CsOutbox *
cs_outbox_new (CsCache *cache)
{
  CsOutbox *self;

  g_return_val_if_fail (CS_IS_CACHE (cache), NULL);

  self = g_object_new (CS_TYPE_OUTBOX, NULL);
  self->cache = g_object_ref (cache);
  return self;
}

static CsOutboxState
state_from_string (const char *text)
{
  if (g_strcmp0 (text, "sent") == 0)
    return CS_OUTBOX_SENT;
  if (g_strcmp0 (text, "failed") == 0)
    return CS_OUTBOX_FAILED;
  return CS_OUTBOX_PENDING;
}

static CsOutboxItem *
read_item (sqlite3_stmt *stmt)
{
  CsOutboxItem *item = g_object_new (CS_TYPE_OUTBOX_ITEM, NULL);

  item->id = sqlite3_column_int64 (stmt, 0);
  item->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  item->case_id = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  item->idempotency_key = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  item->method = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  item->path = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  item->body = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  item->if_match = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  item->state = state_from_string ((const char *) sqlite3_column_text (stmt, 8));
  item->attempts = sqlite3_column_int (stmt, 9);
  item->created_at = sqlite3_column_int64 (stmt, 10);
  item->next_attempt_at = sqlite3_column_int64 (stmt, 11);
  item->last_error = g_strdup ((const char *) sqlite3_column_text (stmt, 12));
  item->content_type = g_strdup ((const char *) sqlite3_column_text (stmt, 13));
  if (sqlite3_column_type (stmt, 14) == SQLITE_BLOB)
    item->body_bytes = g_bytes_new (sqlite3_column_blob (stmt, 14),
                                    sqlite3_column_bytes (stmt, 14));
  return item;
}

static sqlite3_stmt *
prepare (CsOutbox    *self,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (_cs_cache_get_db (self->cache), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _cs_cache_set_error (self->cache, error, _("reading the outbox"));
      return NULL;
    }
  return stmt;
}

static CsOutboxItem *
load_item (CsOutbox  *self,
           gint64     id,
           GError   **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM outbox WHERE id = ?", item_columns);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  CsOutboxItem *item = NULL;

  _cs_cache_lock (self->cache);
  stmt = prepare (self, sql, error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        item = read_item (stmt);
      else
        {
          g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

          g_set_error (error, CS_ERROR, CS_ERROR_NOT_FOUND,
                       _("There is no item %s in the outbox"), number);
        }
    }
  _cs_cache_unlock (self->cache);
  return item;
}

static void
emit_item_changed (CsOutbox *self,
                   gint64    id)
{
  g_autoptr(CsOutboxItem) item = load_item (self, id, NULL);

  if (item != NULL)
    g_signal_emit (self, signals[ITEM_CHANGED], 0, item);
}

/**
 * cs_outbox_enqueue:
 * @self: a #CsOutbox
 * @kind: what the write does: `claim`, `release`, `review`, `decision`
 * @case_id: the case it concerns
 * @method: the HTTP method
 * @path: the path under the server URL
 * @body: (nullable): the JSON body
 * @if_match: (nullable): the `If-Match` ETag to send
 * @error: return location for a %CS_ERROR_CACHE
 *
 * Stores a write, durably, with a new idempotency key. Nothing is sent:
 * drain the outbox for that.
 *
 * Returns: (transfer full) (nullable): the stored item
 */
static CsOutboxItem *
enqueue (CsOutbox    *self,
         const char  *kind,
         const char  *case_id,
         const char  *method,
         const char  *path,
         const char  *body,
         const char  *content_type,
         GBytes      *body_bytes,
         const char  *if_match,
         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *key = NULL;
  CsOutboxItem *item;
  gint64 id = 0;

  uuid = g_uuid_string_random ();
  key = g_strconcat (uuid, "-", kind, NULL);

  _cs_cache_lock (self->cache);
  stmt = prepare (self,
                  "INSERT INTO outbox (idempotency_key, kind, case_id, method, path, body,"
                  " if_match, created_at, content_type, body_bytes)"
                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, case_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, method, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, path, -1, SQLITE_STATIC);
      if (body != NULL)
        sqlite3_bind_text (stmt, 6, body, -1, SQLITE_STATIC);
      if (if_match != NULL)
        sqlite3_bind_text (stmt, 7, if_match, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 8, g_get_real_time ());
      if (content_type != NULL)
        sqlite3_bind_text (stmt, 9, content_type, -1, SQLITE_STATIC);
      if (body_bytes != NULL)
        {
          gsize size;
          gconstpointer data = g_bytes_get_data (body_bytes, &size);

          sqlite3_bind_blob64 (stmt, 10, data != NULL ? data : "", size, SQLITE_STATIC);
        }
      if (sqlite3_step (stmt) == SQLITE_DONE)
        id = sqlite3_last_insert_rowid (_cs_cache_get_db (self->cache));
      else
        _cs_cache_set_error (self->cache, error, _("queueing a change"));
    }
  _cs_cache_unlock (self->cache);

  if (id == 0 || (item = load_item (self, id, error)) == NULL)
    return NULL;

  g_signal_emit (self, signals[ITEM_CHANGED], 0, item);
  return item;
}

CsOutboxItem *
cs_outbox_enqueue (CsOutbox    *self,
                   const char  *kind,
                   const char  *case_id,
                   const char  *method,
                   const char  *path,
                   const char  *body,
                   const char  *if_match,
                   GError     **error)
{
  g_return_val_if_fail (CS_IS_OUTBOX (self), NULL);
  g_return_val_if_fail (kind != NULL && case_id != NULL && method != NULL, NULL);
  g_return_val_if_fail (path != NULL && path[0] == '/', NULL);

  return enqueue (self, kind, case_id, method, path, body, NULL, NULL, if_match, error);
}

static char *
case_path (const char *case_id,
           const char *action)
{
  g_autofree char *escaped = g_uri_escape_string (case_id, NULL, FALSE);

  return g_strconcat ("/v1/cases/", escaped, "/", action, NULL);
}

static char *
reason_body (const char *reason)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) node = json_node_alloc ();

  if (reason != NULL && *reason != '\0')
    json_object_set_string_member (object, "reason", reason);
  json_node_init_object (node, object);
  return _cs_json_to_string (node);
}

/**
 * cs_outbox_enqueue_claim:
 * @self: a #CsOutbox
 * @case_id: the case to claim
 * @reason: (nullable): a note for the audit trail
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the stored item
 */
CsOutboxItem *
cs_outbox_enqueue_claim (CsOutbox    *self,
                         const char  *case_id,
                         const char  *reason,
                         GError     **error)
{
  g_autofree char *path = case_path (case_id, "claim");
  g_autofree char *body = reason_body (reason);

  return cs_outbox_enqueue (self, "claim", case_id, "POST", path, body, NULL, error);
}

/**
 * cs_outbox_enqueue_release:
 * @self: a #CsOutbox
 * @case_id: the case to release
 * @reason: (nullable): a note for the audit trail
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the stored item
 */
CsOutboxItem *
cs_outbox_enqueue_release (CsOutbox    *self,
                           const char  *case_id,
                           const char  *reason,
                           GError     **error)
{
  g_autofree char *path = case_path (case_id, "release");
  g_autofree char *body = reason_body (reason);

  return cs_outbox_enqueue (self, "release", case_id, "POST", path, body, NULL, error);
}

static char *
department_path (const char *department,
                 const char *what)
{
  g_autofree char *escaped = g_uri_escape_string (department, NULL, FALSE);

  return g_strconcat ("/v1/departments/", escaped, "/", what, NULL);
}

/**
 * cs_outbox_enqueue_assignment:
 * @self: a #CsOutbox
 * @department: the chief representative's department
 * @case_ids: the cases to hand on, at least one
 * @assignee: the approver's username
 * @reason: why, for the audit trail
 * @error: return location for an error
 *
 * Queues the chief representative's assignment of @case_ids to
 * @assignee, one request for all of them (all or none); the item is
 * filed under the first case.
 *
 * Returns: (transfer full) (nullable): the stored item
 */
CsOutboxItem *
cs_outbox_enqueue_assignment (CsOutbox            *self,
                              const char          *department,
                              const char * const  *case_ids,
                              const char          *assignee,
                              const char          *reason,
                              GError             **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *path = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (CS_IS_OUTBOX (self), NULL);
  g_return_val_if_fail (department != NULL && assignee != NULL && reason != NULL, NULL);
  g_return_val_if_fail (case_ids != NULL && case_ids[0] != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "cases");
  json_builder_begin_array (builder);
  for (guint i = 0; case_ids[i] != NULL; i++)
    json_builder_add_string_value (builder, case_ids[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "assignee");
  json_builder_add_string_value (builder, assignee);
  json_builder_set_member_name (builder, "reason");
  json_builder_add_string_value (builder, reason);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  body = _cs_json_to_string (node);
  path = department_path (department, "assignments");

  return cs_outbox_enqueue (self, "assignment", case_ids[0], "POST", path, body, NULL, error);
}

/**
 * cs_outbox_enqueue_substitution:
 * @self: a #CsOutbox
 * @department: the chief representative's department
 * @absent: the absent approver's username
 * @substitute: the username of who stands in
 * @from: the first day
 * @to: the last day, inclusive
 * @reason: why, for the audit trail
 * @error: return location for an error
 *
 * Queues a substitution. It concerns no case: the item's case is empty.
 *
 * Returns: (transfer full) (nullable): the stored item
 */
CsOutboxItem *
cs_outbox_enqueue_substitution (CsOutbox     *self,
                                const char   *department,
                                const char   *absent,
                                const char   *substitute,
                                const GDate  *from,
                                const GDate  *to,
                                const char   *reason,
                                GError      **error)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) node = json_node_alloc ();
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *path = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (CS_IS_OUTBOX (self), NULL);
  g_return_val_if_fail (department != NULL && absent != NULL && substitute != NULL, NULL);
  g_return_val_if_fail (from != NULL && g_date_valid (from) && to != NULL && g_date_valid (to), NULL);
  g_return_val_if_fail (reason != NULL, NULL);

  from_text = _cs_json_format_date (from);
  to_text = _cs_json_format_date (to);
  json_object_set_string_member (object, "absent", absent);
  json_object_set_string_member (object, "substitute", substitute);
  json_object_set_string_member (object, "from", from_text);
  json_object_set_string_member (object, "to", to_text);
  json_object_set_string_member (object, "reason", reason);
  json_node_init_object (node, object);
  body = _cs_json_to_string (node);
  path = department_path (department, "substitutions");

  return cs_outbox_enqueue (self, "substitution", "", "POST", path, body, NULL, error);
}

/**
 * cs_outbox_enqueue_review:
 * @self: a #CsOutbox
 * @case_id: the case reviewed
 * @opinion: the review opinion
 * @proposed_outcome: the outcome proposed to the chief representative
 * @final: %TRUE to hand the case on for decision, %FALSE for a draft
 * @verdicts: (nullable) (element-type CsVerdict): the checklist verdicts
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the stored item
 */
CsOutboxItem *
cs_outbox_enqueue_review (CsOutbox    *self,
                          const char  *case_id,
                          const char  *opinion,
                          CsOutcome    proposed_outcome,
                          gboolean     final,
                          GPtrArray   *verdicts,
                          GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *path = case_path (case_id, "reviews");
  g_autofree char *body = NULL;

  g_return_val_if_fail (opinion != NULL, NULL);

  if (*opinion == '\0' || proposed_outcome == CS_OUTCOME_NONE)
    {
      g_set_error (error, CS_ERROR, CS_ERROR_INVALID,
                   _("A review needs an opinion and a proposed outcome"));
      return NULL;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "opinion");
  json_builder_add_string_value (builder, opinion);
  json_builder_set_member_name (builder, "proposed_outcome");
  json_builder_add_string_value (builder, cs_outcome_to_string (proposed_outcome));
  json_builder_set_member_name (builder, "final");
  json_builder_add_boolean_value (builder, final);
  json_builder_set_member_name (builder, "checklist");
  json_builder_begin_array (builder);
  for (guint i = 0; verdicts != NULL && i < verdicts->len; i++)
    json_builder_add_value (builder, cs_verdict_to_json (g_ptr_array_index (verdicts, i)));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  body = _cs_json_to_string (root);

  return cs_outbox_enqueue (self, "review", case_id, "POST", path, body, NULL, error);
}

/**
 * cs_outbox_enqueue_decision:
 * @self: a #CsOutbox
 * @case_id: the case decided
 * @if_match: the ETag of the case version that was decided
 * @payload: the exact bytes that were signed
 * @signature: the detached CMS signature over @payload, DER
 * @document: the decision document (PDF) whose SHA-256 @payload carries
 * @error: return location for an error
 *
 * Queues a signed decision: the three parts as multipart/form-data, stored
 * as the very bytes that will be sent, again if need be, with one
 * idempotency key.
 *
 * Returns: (transfer full) (nullable): the stored item
 */
CsOutboxItem *
cs_outbox_enqueue_decision (CsOutbox    *self,
                            const char  *case_id,
                            const char  *if_match,
                            GBytes      *payload,
                            GBytes      *signature,
                            GBytes      *document,
                            GError     **error)
{
  g_autoptr(SoupMultipart) multipart = NULL;
  g_autoptr(SoupMessageHeaders) headers = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *path = NULL;
  const char *content_type;

  g_return_val_if_fail (CS_IS_OUTBOX (self), NULL);
  g_return_val_if_fail (case_id != NULL && if_match != NULL, NULL);
  g_return_val_if_fail (payload != NULL && signature != NULL && document != NULL, NULL);

  multipart = soup_multipart_new (SOUP_FORM_MIME_TYPE_MULTIPART);
  soup_multipart_append_form_file (multipart, "payload", "payload.json", "application/json",
                                   payload);
  soup_multipart_append_form_file (multipart, "signature", "signature.p7s",
                                   "application/pkcs7-signature", signature);
  soup_multipart_append_form_file (multipart, "document", "decision.pdf", "application/pdf",
                                   document);
  headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  soup_multipart_to_message (multipart, headers, &body);

  /* With its boundary. */
  content_type = soup_message_headers_get_one (headers, "Content-Type");

  path = case_path (case_id, "decisions");
  return enqueue (self, "decision", case_id, "POST", path, NULL, content_type, body, if_match,
                  error);
}

/**
 * cs_outbox_list:
 * @self: a #CsOutbox
 * @include_sent: whether to list the sent items too
 * @error: return location for an error
 *
 * Returns: (transfer container) (element-type CsOutboxItem) (nullable):
 *   the items, oldest first
 */
GPtrArray *
cs_outbox_list (CsOutbox  *self,
                gboolean   include_sent,
                GError   **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  int rc = SQLITE_DONE;

  g_return_val_if_fail (CS_IS_OUTBOX (self), NULL);

  sql = g_strdup_printf ("SELECT %s FROM outbox%s ORDER BY id", item_columns,
                         include_sent ? "" : " WHERE state != 'sent'");
  _cs_cache_lock (self->cache);
  stmt = prepare (self, sql, error);
  while (stmt != NULL && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, read_item (stmt));
  if (stmt != NULL && rc != SQLITE_DONE)
    _cs_cache_set_error (self->cache, error, _("reading the outbox"));
  _cs_cache_unlock (self->cache);

  if (stmt == NULL || rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&items);
}

/**
 * cs_outbox_count_pending:
 * @self: a #CsOutbox
 *
 * Returns: how many writes wait to be sent
 */
guint
cs_outbox_count_pending (CsOutbox *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint count = 0;

  g_return_val_if_fail (CS_IS_OUTBOX (self), 0);

  _cs_cache_lock (self->cache);
  stmt = prepare (self, "SELECT count(*) FROM outbox WHERE state = 'pending'", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  _cs_cache_unlock (self->cache);
  return count;
}

/**
 * cs_outbox_get_next_attempt_at:
 * @self: a #CsOutbox
 *
 * Returns: when the first pending write is due, in microseconds since the
 *   epoch (0 for at once), or -1 when nothing is pending
 */
gint64
cs_outbox_get_next_attempt_at (CsOutbox *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 at = -1;

  g_return_val_if_fail (CS_IS_OUTBOX (self), -1);

  _cs_cache_lock (self->cache);
  stmt = prepare (self, "SELECT next_attempt_at FROM outbox WHERE state = 'pending'"
                        " ORDER BY id LIMIT 1", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    at = sqlite3_column_int64 (stmt, 0);
  _cs_cache_unlock (self->cache);
  return at;
}

static gboolean
update_item (CsOutbox    *self,
             gint64       id,
             const char  *sql,
             const char  *text,
             gint64       number,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok = FALSE;

  _cs_cache_lock (self->cache);
  stmt = prepare (self, sql, error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, number);
      ok = sqlite3_step (stmt) == SQLITE_DONE;
      if (!ok)
        _cs_cache_set_error (self->cache, error, _("updating the outbox"));
      else if (sqlite3_changes (_cs_cache_get_db (self->cache)) == 0)
        {
          ok = FALSE;
          g_set_error (error, CS_ERROR, CS_ERROR_NOT_FOUND,
                       _("There is no such item in the outbox, or it was sent already"));
        }
    }
  _cs_cache_unlock (self->cache);
  return ok;
}

/**
 * cs_outbox_retry:
 * @self: a #CsOutbox
 * @id: a failed item's ID
 * @error: return location for an error
 *
 * Puts a failed item back in the queue, when the person decided it should
 * be sent after all. It keeps its idempotency key.
 *
 * Returns: %TRUE when requeued
 */
gboolean
cs_outbox_retry (CsOutbox  *self,
                 gint64     id,
                 GError   **error)
{
  g_return_val_if_fail (CS_IS_OUTBOX (self), FALSE);

  if (!update_item (self, id,
                    "UPDATE outbox SET state = 'pending', next_attempt_at = ?3,"
                    " last_error = ?2 WHERE id = ?1 AND state = 'failed'",
                    NULL, 0, error))
    return FALSE;
  emit_item_changed (self, id);
  return TRUE;
}

/**
 * cs_outbox_discard:
 * @self: a #CsOutbox
 * @id: the ID of an item not sent
 * @error: return location for an error
 *
 * Removes a write that was not sent, when the person gives it up.
 *
 * Returns: %TRUE when removed
 */
gboolean
cs_outbox_discard (CsOutbox  *self,
                   gint64     id,
                   GError   **error)
{
  g_autoptr(CsOutboxItem) item = NULL;

  g_return_val_if_fail (CS_IS_OUTBOX (self), FALSE);

  item = load_item (self, id, error);
  if (item == NULL)
    return FALSE;
  /* update_item() binds all three parameters; a DELETE needs the first. */
  if (!update_item (self, id,
                    "DELETE FROM outbox WHERE id = ?1 AND state != 'sent'"
                    " AND (?2 IS NULL OR ?3 IS NOT NULL)",
                    NULL, 0, error))
    return FALSE;

  item->state = CS_OUTBOX_FAILED;
  g_signal_emit (self, signals[ITEM_CHANGED], 0, item);
  return TRUE;
}

/**
 * cs_outbox_backoff:
 * @attempts: how many attempts failed so far (1 or more)
 *
 * The wait before the next attempt: exponential from one second, capped
 * at five minutes, with "equal jitter" (half fixed, half random), so that
 * many desks coming back online do not all knock at once.
 *
 * Returns: the wait in microseconds
 */
gint64
cs_outbox_backoff (guint attempts)
{
  gint64 wait = (gint64) BACKOFF_BASE_USEC << MIN (MAX (attempts, 1) - 1, 16);

  wait = MIN (wait, BACKOFF_CAP_USEC);
  return wait / 2 + g_random_int_range (0, (gint32) MIN (wait / 2, G_MAXINT32 - 1) + 1);
}

/* Draining */

typedef struct
{
  CsClient *client;
  CsOutboxDrainFlags flags;
  CsOutboxItem *item;
  guint sent;
  guint failed;
} Drain;

static void
drain_free (Drain *drain)
{
  g_clear_object (&drain->client);
  g_clear_object (&drain->item);
  g_free (drain);
}

static void drain_next (GTask *task);

static CsOutboxItem *
next_due_item (CsOutbox            *self,
               CsOutboxDrainFlags   flags,
               GError             **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  CsOutboxItem *item = NULL;
  int rc;

  sql = g_strdup_printf ("SELECT %s FROM outbox WHERE state = 'pending'"
                         " ORDER BY id LIMIT 1", item_columns);
  _cs_cache_lock (self->cache);
  stmt = prepare (self, sql, error);
  if (stmt != NULL)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        item = read_item (stmt);
      else if (rc != SQLITE_DONE)
        _cs_cache_set_error (self->cache, error, _("reading the outbox"));
    }
  _cs_cache_unlock (self->cache);

  /* In order: the first pending item that is not due holds the rest back. */
  if (item != NULL && !(flags & CS_OUTBOX_DRAIN_NOW) &&
      item->next_attempt_at > g_get_real_time ())
    g_clear_object (&item);
  return item;
}

static void
take_case_from_answer (CsOutbox *self,
                       JsonNode *body)
{
  g_autoptr(CsCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  if (body == NULL || !JSON_NODE_HOLDS_OBJECT (body))
    return;
  object = json_node_get_object (body);

  /* A review answers {review, case}; claim and release the case itself. */
  if (json_object_has_member (object, "case"))
    object = json_object_get_object_member (object, "case");
  if (object == NULL || !json_object_has_member (object, "number"))
    return;

  kase = cs_case_new_from_json (object, &error);
  if (kase == NULL || !cs_cache_store_case (self->cache, kase, NULL, &error))
    {
      g_warning ("The answer to a write could not update the cache: %s", error->message);
      return;
    }
  g_signal_emit (self, signals[CASE_UPDATED], 0, kase);
}

static void
drain_sent_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CsOutbox *self = g_task_get_source_object (task);
  Drain *drain = g_task_get_task_data (task);
  g_autoptr(CsWriteResult) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) store_error = NULL;
  gint64 id = drain->item->id;

  answer = cs_client_write_finish (CS_CLIENT (object), result, &error);

  if (answer != NULL)
    {
      if (!update_item (self, id,
                        "UPDATE outbox SET state = 'sent', sent_at = ?3, last_error = ?2"
                        " WHERE id = ?1",
                        NULL, g_get_real_time (), &store_error))
        {
          g_task_return_error (task, g_steal_pointer (&store_error));
          return;
        }
      drain->sent++;
      g_debug ("Sent outbox item %" G_GINT64_FORMAT " (%s %s)%s", id, drain->item->kind,
               drain->item->case_id, answer->replayed ? ", replayed" : "");
      emit_item_changed (self, id);
      take_case_from_answer (self, answer->body);
      drain_next (g_steal_pointer (&task));
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (cs_error_is_transient (error) ||
      g_error_matches (error, CS_ERROR, CS_ERROR_UNAUTHORIZED) ||
      g_error_matches (error, CS_ERROR, CS_ERROR_TLS))
    {
      guint attempts = drain->item->attempts + 1;
      gint64 next = g_get_real_time () + cs_outbox_backoff (attempts);
      g_autofree char *sql = g_strdup_printf ("UPDATE outbox SET attempts = %u,"
                                              " next_attempt_at = ?3, last_error = ?2"
                                              " WHERE id = ?1", attempts);

      update_item (self, id, sql, error->message, next, NULL);
      emit_item_changed (self, id);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Refused: the person must look at it. Later items may still go. */
  if (!update_item (self, id,
                    "UPDATE outbox SET state = 'failed', attempts = attempts + 1,"
                    " last_error = ?2, error_code = ?3 WHERE id = ?1",
                    error->message, error->code, &store_error))
    {
      g_task_return_error (task, g_steal_pointer (&store_error));
      return;
    }
  drain->failed++;
  emit_item_changed (self, id);
  drain_next (g_steal_pointer (&task));
}

static void
drain_next (GTask *task)
{
  CsOutbox *self = g_task_get_source_object (task);
  Drain *drain = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  g_clear_object (&drain->item);
  drain->item = next_due_item (self, drain->flags, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  if (drain->item == NULL)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  if (drain->item->body_bytes != NULL)
    cs_client_write_bytes_async (drain->client, drain->item->method, drain->item->path,
                                 drain->item->content_type, drain->item->body_bytes,
                                 drain->item->idempotency_key, drain->item->if_match,
                                 g_task_get_cancellable (task), drain_sent_cb, task);
  else
    cs_client_write_async (drain->client, drain->item->method, drain->item->path,
                           drain->item->body, drain->item->idempotency_key,
                           drain->item->if_match, g_task_get_cancellable (task),
                           drain_sent_cb, task);
}

/**
 * cs_outbox_drain_async:
 * @self: a #CsOutbox
 * @client: the client to send with
 * @flags: how to drain
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the outbox is empty, or draining stopped
 * @user_data: data for @callback
 *
 * Sends the pending writes in order, as described for #CsOutbox.
 */
void
cs_outbox_drain_async (CsOutbox            *self,
                       CsClient            *client,
                       CsOutboxDrainFlags   flags,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  GTask *task;
  Drain *drain;

  g_return_if_fail (CS_IS_OUTBOX (self));
  g_return_if_fail (CS_IS_CLIENT (client));

  drain = g_new0 (Drain, 1);
  drain->client = g_object_ref (client);
  drain->flags = flags;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cs_outbox_drain_async);
  g_task_set_task_data (task, drain, (GDestroyNotify) drain_free);
  drain_next (task);
}

/**
 * cs_outbox_drain_finish:
 * @self: a #CsOutbox
 * @result: the result
 * @out_sent: (out) (optional): how many items the server accepted
 * @out_failed: (out) (optional): how many it refused
 * @error: return location for the error that stopped draining
 *
 * Returns: %TRUE when every due item was sent or refused; %FALSE when
 *   draining stopped with items left pending (the server unreachable, the
 *   session ended, cancelled)
 */
gboolean
cs_outbox_drain_finish (CsOutbox      *self,
                        GAsyncResult  *result,
                        guint         *out_sent,
                        guint         *out_failed,
                        GError       **error)
{
  Drain *drain;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  drain = g_task_get_task_data (G_TASK (result));
  if (out_sent != NULL)
    *out_sent = drain->sent;
  if (out_failed != NULL)
    *out_failed = drain->failed;
  return g_task_propagate_boolean (G_TASK (result), error);
}
