/* csc-server-decisions.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CscServer"

#include "config.h"

#include <string.h>

#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

#include "countersign.h"
#include "cs-decision-verifier.h"

#include "csc-case-store.h"
#include "csc-server-private.h"
#include "csc-util.h"

/* Signed decisions: POST and GET /v1/cases/{id}/decisions.
 *
 * A decision arrives as multipart/form-data with three parts: `payload`
 * (the exact bytes the chief representative signed), `signature` (a
 * detached CMS signature over them, DER) and `document` (the decision PDF).
 * Nothing in the payload is read before the signature verifies against the
 * centre's CA, the certificate is the one registered to the signed-in chief
 * and in date, and the document is the one the payload names. Then the
 * payload is checked against the case (its version above all) and the rules
 * of the outcome, and the decision is recorded from those bytes: they are
 * stored as they came, so anyone can verify them again later. */

#define MAX_TEXT 20000
#define MAX_SUPPLEMENT_ITEMS 200

static const char * const suspension_kinds[] = {
  "expert_review", "testing", "inspection", "hearing", NULL
};

typedef struct
{
  GBytes *payload;
  GBytes *signature;
  GBytes *document;
} Parts;

static void
parts_clear (Parts *parts)
{
  g_clear_pointer (&parts->payload, g_bytes_unref);
  g_clear_pointer (&parts->signature, g_bytes_unref);
  g_clear_pointer (&parts->document, g_bytes_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Parts, parts_clear)

/* The part of the case this decision is of, with what the rules need. */
typedef struct
{
  char   *state;
  char   *matter_code;
  gint64  version;
  gint64  extension_days;
  char   *supplement_requested_on;
  char   *suspensions;
} PartState;

static void
part_state_clear (PartState *part)
{
  g_clear_pointer (&part->state, g_free);
  g_clear_pointer (&part->matter_code, g_free);
  g_clear_pointer (&part->supplement_requested_on, g_free);
  g_clear_pointer (&part->suspensions, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PartState, part_state_clear)

static gboolean
load_part_state (CscRequest  *req,
                 const char  *case_id,
                 PartState   *part)
{
  g_autoptr(CscStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;
  int rc;

  stmt = csc_database_prepare (req->db,
                               "SELECT p.state, p.matter_code, c.version, p.extension_days,"
                               " p.supplement_requested_on, p.suspensions"
                               " FROM case_parts p JOIN cases c ON c.id = p.case_id"
                               " WHERE p.case_id = ? AND p.department = ?",
                               &error);
  if (stmt == NULL)
    {
      csc_request_internal_error (req, error);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, case_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, req->user->department, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      csc_request_problem (req, CSC_PROBLEM_NOT_FOUND, NULL,
                           "There is no case %s for your department.", case_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      csc_database_set_error (req->db, &error, "reading a case");
      csc_request_internal_error (req, error);
      return FALSE;
    }

  part->state = g_strdup (csc_column_text (stmt, 0));
  part->matter_code = g_strdup (csc_column_text (stmt, 1));
  part->version = sqlite3_column_int64 (stmt, 2);
  part->extension_days = sqlite3_column_int64 (stmt, 3);
  part->supplement_requested_on = g_strdup (csc_column_text (stmt, 4));
  part->suspensions = g_strdup (csc_column_text (stmt, 5));
  return TRUE;
}

static gboolean
state_is_one_of (const char         *state,
                 const char * const *states)
{
  return g_strv_contains (states, state);
}

static char *
digest_bytes (GBytes *bytes)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

/* Reads the three parts, each exactly once. */
static gboolean
read_parts (CscRequest *req,
            Parts      *parts)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (req->msg);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(SoupMultipart) multipart = NULL;
  const char *content_type = soup_message_headers_get_content_type (headers, NULL);

  if (content_type == NULL || g_ascii_strcasecmp (content_type, "multipart/form-data") != 0)
    {
      csc_request_problem (req, CSC_PROBLEM_UNSUPPORTED_MEDIA_TYPE, NULL,
                           "A decision is sent as multipart/form-data with the parts "
                           "“payload”, “signature” and “document”.");
      return FALSE;
    }

  body = soup_message_body_flatten (soup_server_message_get_request_body (req->msg));
  multipart = soup_multipart_new_from_message (headers, body);
  if (multipart == NULL)
    {
      csc_request_problem (req, CSC_PROBLEM_BAD_REQUEST, NULL,
                           "The multipart body cannot be read.");
      return FALSE;
    }

  for (int i = 0; i < soup_multipart_get_length (multipart); i++)
    {
      SoupMessageHeaders *part_headers = NULL;
      GBytes *part_body = NULL;
      g_autoptr(GHashTable) params = NULL;
      g_autofree char *disposition = NULL;
      const char *name;
      GBytes **slot;

      if (!soup_multipart_get_part (multipart, i, &part_headers, &part_body) ||
          !soup_message_headers_get_content_disposition (part_headers, &disposition, &params) ||
          (name = g_hash_table_lookup (params, "name")) == NULL)
        {
          csc_request_problem (req, CSC_PROBLEM_BAD_REQUEST, NULL,
                               "Part %d of the body has no name.", i + 1);
          return FALSE;
        }

      if (g_str_equal (name, "payload"))
        slot = &parts->payload;
      else if (g_str_equal (name, "signature"))
        slot = &parts->signature;
      else if (g_str_equal (name, "document"))
        slot = &parts->document;
      else
        {
          csc_request_problem (req, CSC_PROBLEM_INVALID_FIELD, name,
                               "“%s” is not a part of a decision.", name);
          return FALSE;
        }

      if (*slot != NULL)
        {
          csc_request_problem (req, CSC_PROBLEM_INVALID_FIELD, name,
                               "The part “%s” is given more than once.", name);
          return FALSE;
        }
      *slot = g_bytes_ref (part_body);
    }

  if (parts->payload == NULL || parts->signature == NULL || parts->document == NULL)
    {
      const char *missing = parts->payload == NULL ? "payload"
                            : parts->signature == NULL ? "signature" : "document";

      csc_request_problem (req, CSC_PROBLEM_INVALID_FIELD, missing,
                           "The part “%s” is missing.", missing);
      return FALSE;
    }

  return TRUE;
}

/* The request's identity for Idempotency-Key: its path and the digests of
 * its parts, whatever the multipart boundary. */
static char *
parts_fingerprint (CscRequest  *req,
                   const Parts *parts)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  GBytes *all[] = { parts->payload, parts->signature, parts->document };

  g_checksum_update (checksum, (const guchar *) "POST ", -1);
  g_checksum_update (checksum, (const guchar *) g_uri_get_path (soup_server_message_get_uri (req->msg)), -1);
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      g_autofree char *digest = digest_bytes (all[i]);

      g_checksum_update (checksum, (const guchar *) "\n", 1);
      g_checksum_update (checksum, (const guchar *) digest, -1);
    }
  return g_strdup (g_checksum_get_string (checksum));
}

/* The certificate registered to the signed-in chief, DER. */
static GBytes *
registered_certificate (CscRequest  *req,
                        GError     **error)
{
  g_autoptr(CscStatement) stmt = NULL;
  gnutls_x509_crt_t crt = NULL;
  gnutls_datum_t pem, der = { NULL, 0 };
  const char *text;
  GBytes *bytes = NULL;

  stmt = csc_database_prepare (req->db, "SELECT certificate_pem FROM users WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, req->user->id);
  if (sqlite3_step (stmt) != SQLITE_ROW || (text = csc_column_text (stmt, 0)) == NULL)
    return NULL;

  pem.data = (unsigned char *) text;
  pem.size = strlen (text);
  if (gnutls_x509_crt_init (&crt) >= 0 &&
      gnutls_x509_crt_import (crt, &pem, GNUTLS_X509_FMT_PEM) >= 0 &&
      gnutls_x509_crt_export2 (crt, GNUTLS_X509_FMT_DER, &der) >= 0)
    bytes = g_bytes_new (der.data, der.size);
  gnutls_free (der.data);
  if (crt != NULL)
    gnutls_x509_crt_deinit (crt);
  return bytes;
}

static const char *
payload_string (JsonObject *payload,
                const char *member)
{
  JsonNode *node = json_object_get_member (payload, member);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

/* A string member the payload must have; answers 422 when it does not. */
static gboolean
require_string (CscRequest  *req,
                JsonObject  *payload,
                const char  *member,
                const char **value)
{
  *value = payload_string (payload, member);
  if (*value == NULL || **value == '\0')
    {
      csc_request_problem (req, CSC_PROBLEM_INVALID_FIELD, member,
                           "The signed decision has no “%s”.", member);
      return FALSE;
    }
  if (g_utf8_strlen (*value, -1) > MAX_TEXT)
    {
      csc_request_problem (req, CSC_PROBLEM_INVALID_FIELD, member,
                           "“%s” is longer than %d characters.", member, MAX_TEXT);
      return FALSE;
    }
  return TRUE;
}

static gboolean
rule (CscRequest *req,
      gboolean    holds,
      const char *field,
      const char *message)
{
  if (!holds)
    csc_request_problem (req, CSC_PROBLEM_RULE_VIOLATION, field, "%s", message);
  return holds;
}

static gboolean
matter_allows (CscDatabase *db,
               const char  *matter_code,
               const char  *outcome)
{
  g_autoptr(CscStatement) stmt = NULL;
  g_autoptr(JsonNode) outcomes = NULL;

  stmt = csc_database_prepare (db, "SELECT outcomes FROM matters WHERE code = ?", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, matter_code, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  outcomes = csc_json_parse (csc_column_text (stmt, 0), -1, NULL);
  if (outcomes == NULL || !JSON_NODE_HOLDS_ARRAY (outcomes))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (outcomes)); i++)
    if (g_strcmp0 (json_array_get_string_element (json_node_get_array (outcomes), i), outcome) == 0)
      return TRUE;
  return FALSE;
}

/* The problem items of the department's last final review. */
static GHashTable *
last_review_problems (CscRequest *req,
                      const char *case_id)
{
  g_autoptr(CscStatement) stmt = NULL;
  g_autoptr(JsonNode) checklist = NULL;
  GHashTable *items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *array;

  stmt = csc_database_prepare (req->db,
                               "SELECT checklist FROM reviews WHERE case_id = ? AND department = ?"
                               " AND final = 1 ORDER BY id DESC LIMIT 1",
                               NULL);
  if (stmt == NULL)
    return items;
  sqlite3_bind_text (stmt, 1, case_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, req->user->department, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return items;

  checklist = csc_json_parse (csc_column_text (stmt, 0), -1, NULL);
  if (checklist == NULL || !JSON_NODE_HOLDS_ARRAY (checklist))
    return items;
  array = json_node_get_array (checklist);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *verdict = json_array_get_object_element (array, i);

      if (verdict != NULL &&
          g_strcmp0 (json_object_get_string_member_with_default (verdict, "verdict", NULL),
                     "problem") == 0)
        g_hash_table_add (items, g_strdup (json_object_get_string_member (verdict, "item")));
    }
  return items;
}

/* A supplement notice names only checklist items with a reason, each once,
 * and every item the last final review found faulty (一次性告知). */
static gboolean
check_supplement (CscRequest *req,
                  const char *case_id,
                  JsonObject *payload,
                  PartState  *part)
{
  g_autoptr(GHashTable) problems = last_review_problems (req, case_id);
  g_autoptr(GHashTable) named = g_hash_table_new (g_str_hash, g_str_equal);
  JsonNode *node = json_object_get_member (payload, "supplement_items");
  JsonArray *items;

  if (!rule (req, part->supplement_requested_on == NULL, "outcome",
             "A supplement notice was sent for this case already; it names every item at once "
             "and is sent only once."))
    return FALSE;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) ||
      json_array_get_length (json_node_get_array (node)) == 0 ||
      json_array_get_length (json_node_get_array (node)) > MAX_SUPPLEMENT_ITEMS)
    {
      csc_request_problem (req, CSC_PROBLEM_RULE_VIOLATION, "supplement_items",
                           "A supplement notice names the checklist items to supply "
                           "(“supplement_items”).");
      return FALSE;
    }

  items = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autofree char *field = g_strdup_printf ("supplement_items[%u]", i);
      g_autoptr(CscStatement) stmt = NULL;
      JsonObject *entry = json_array_get_object_element (items, i);
      const char *item = entry != NULL ? payload_string (entry, "item") : NULL;
      const char *reason = entry != NULL ? payload_string (entry, "reason") : NULL;

      if (item == NULL || is_blank (reason))
        {
          csc_request_problem (req, CSC_PROBLEM_INVALID_FIELD, field,
                               "Each item to supply names a checklist item and what is wrong.");
          return FALSE;
        }

      stmt = csc_database_prepare (req->db,
                                   "SELECT 1 FROM checklist_items WHERE matter_code = ? AND code = ?",
                                   NULL);
      if (stmt == NULL)
        {
          csc_request_internal_error (req, NULL);
          return FALSE;
        }
      sqlite3_bind_text (stmt, 1, part->matter_code, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, item, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          csc_request_problem (req, CSC_PROBLEM_RULE_VIOLATION, field,
                               "“%s” is not an item of this matter’s checklist; a supplement "
                               "notice names checklist items only.", item);
          return FALSE;
        }

      if (!g_hash_table_add (named, (gpointer) item))
        {
          csc_request_problem (req, CSC_PROBLEM_INVALID_FIELD, field,
                               "“%s” is named more than once.", item);
          return FALSE;
        }
    }

  {
    GHashTableIter iter;
    gpointer code;

    g_hash_table_iter_init (&iter, problems);
    while (g_hash_table_iter_next (&iter, &code, NULL))
      if (!g_hash_table_contains (named, code))
        {
          csc_request_problem (req, CSC_PROBLEM_RULE_VIOLATION, "supplement_items",
                               "The last review found a problem with “%s”, which the notice "
                               "does not name: every item is named at once.", (char *) code);
          return FALSE;
        }
  }

  return TRUE;
}

static gboolean
check_rules (CscRequest *req,
             const char *case_id,
             const char *outcome,
             JsonObject *payload,
             PartState  *part)
{
  const char *text;

  if (!require_string (req, payload, "text", &text))
    return FALSE;

  if (g_str_equal (outcome, "deny"))
    return rule (req, !is_blank (payload_string (payload, "reasons")), "reasons",
                 "A denial gives its reasons (Art. 38).") &&
           rule (req, !is_blank (payload_string (payload, "legal_basis")), "legal_basis",
                 "A denial gives its legal basis (Art. 38).") &&
           rule (req, !is_blank (payload_string (payload, "remedy_notice")), "remedy_notice",
                 "A denial tells the applicant of the right to administrative reconsideration "
                 "or litigation (Art. 38).");

  if (g_str_equal (outcome, "supplement"))
    return check_supplement (req, case_id, payload, part);

  if (g_str_equal (outcome, "extension"))
    {
      JsonNode *days = json_object_get_member (payload, "extension_days");

      return rule (req, part->extension_days == 0, "outcome",
                   "The limit of this case was extended already; it is extended only once "
                   "(Art. 42).") &&
             rule (req, days != NULL && json_node_get_value_type (days) == G_TYPE_INT64 &&
                        json_node_get_int (days) >= 1 && json_node_get_int (days) <= 10,
                   "extension_days", "An extension adds 1 to 10 working days (Art. 42).");
    }

  if (g_str_equal (outcome, "suspension"))
    {
      JsonNode *node = json_object_get_member (payload, "suspension");
      JsonObject *suspension = node != NULL && JSON_NODE_HOLDS_OBJECT (node)
                               ? json_node_get_object (node) : NULL;
      const char *kind = suspension != NULL ? payload_string (suspension, "kind") : NULL;

      return rule (req, kind != NULL && g_strv_contains (suspension_kinds, kind), "suspension",
                   "A suspension names its kind: expert_review, testing, inspection or "
                   "hearing (Art. 45).") &&
             rule (req, !is_blank (payload_string (suspension, "reason")), "suspension",
                   "A suspension gives its reason.");
    }

  return TRUE;
}

static char *
today_in_china (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("+08:00");
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);

  return g_date_time_format (now, "%F");
}

static gboolean
update_part (CscRequest  *req,
             const char  *case_id,
             const char  *outcome,
             JsonObject  *payload,
             PartState   *part,
             const char  *today,
             const char **next_state,
             GError     **error)
{
  g_autoptr(CscStatement) stmt = NULL;
  g_autofree char *suspensions = NULL;
  const char *sql;

  if (g_str_equal (outcome, "supplement"))
    {
      *next_state = "supplement_requested";
      sql = "UPDATE case_parts SET state = ?3, supplement_requested_on = ?4"
            " WHERE case_id = ?1 AND department = ?2";
    }
  else if (g_str_equal (outcome, "extension"))
    {
      *next_state = "extended";
      sql = "UPDATE case_parts SET state = ?3, extension_days = ?5"
            " WHERE case_id = ?1 AND department = ?2";
    }
  else if (g_str_equal (outcome, "suspension"))
    {
      JsonObject *suspension = json_object_get_object_member (payload, "suspension");
      g_autoptr(JsonNode) earlier = csc_json_parse (part->suspensions != NULL
                                                    ? part->suspensions : "[]", -1, NULL);
      g_autoptr(JsonNode) list = NULL;
      JsonArray *array = json_array_new ();
      JsonObject *entry = json_object_new ();

      /* The stored list is read-only once parsed: copy it, then add. */
      if (earlier != NULL && JSON_NODE_HOLDS_ARRAY (earlier))
        for (guint i = 0; i < json_array_get_length (json_node_get_array (earlier)); i++)
          json_array_add_element (array,
                                  json_node_copy (json_array_get_element (
                                    json_node_get_array (earlier), i)));
      json_object_set_string_member (entry, "kind", payload_string (suspension, "kind"));
      json_object_set_string_member (entry, "reason", payload_string (suspension, "reason"));
      json_object_set_string_member (entry, "from", today);
      json_object_set_null_member (entry, "to");
      json_array_add_object_element (array, entry);
      list = json_node_init_array (json_node_alloc (), array);
      json_array_unref (array);
      suspensions = csc_json_to_string (list);

      *next_state = "suspended";
      sql = "UPDATE case_parts SET state = ?3, suspensions = ?6"
            " WHERE case_id = ?1 AND department = ?2";
    }
  else
    {
      *next_state = "decided";
      sql = "UPDATE case_parts SET state = ?3, outcome = ?7, decided_on = ?4"
            " WHERE case_id = ?1 AND department = ?2";
    }

  stmt = csc_database_prepare (req->db, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, case_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, req->user->department, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, *next_state, -1, SQLITE_STATIC);
  if (g_str_equal (outcome, "supplement") || g_str_equal (*next_state, "decided"))
    sqlite3_bind_text (stmt, 4, today, -1, SQLITE_STATIC);
  if (g_str_equal (outcome, "extension"))
    sqlite3_bind_int64 (stmt, 5, json_object_get_int_member (payload, "extension_days"));
  if (suspensions != NULL)
    sqlite3_bind_text (stmt, 6, suspensions, -1, SQLITE_STATIC);
  if (g_str_equal (*next_state, "decided"))
    sqlite3_bind_text (stmt, 7, outcome, -1, SQLITE_STATIC);
  return csc_database_step_done (req->db, stmt, error);
}

/* A Decision of the contract, from a row of `decisions` joined with the
 * signer. Columns: id, case_id, department, outcome, decided_on,
 * document_sha256, username, name, signed_bytes, signature, recorded_at,
 * document. */
static void
build_decision (JsonBuilder  *builder,
                sqlite3_stmt *stmt,
                gboolean      with_document)
{
  g_autoptr(JsonNode) payload = NULL;
  g_autofree char *signed_bytes = NULL;
  g_autofree char *signature = NULL;
  const guchar *data = sqlite3_column_blob (stmt, 8);
  gsize size = sqlite3_column_bytes (stmt, 8);

  payload = csc_json_parse ((const char *) data, size, NULL);
  signed_bytes = g_base64_encode (data, size);
  signature = g_base64_encode (sqlite3_column_blob (stmt, 9), sqlite3_column_bytes (stmt, 9));

  json_builder_begin_object (builder);
  csc_builder_add_column_text (builder, "id", stmt, 0);
  csc_builder_add_column_text (builder, "case_id", stmt, 1);
  csc_builder_add_column_text (builder, "department", stmt, 2);
  csc_builder_add_column_text (builder, "outcome", stmt, 3);
  csc_builder_add_column_text (builder, "decided_on", stmt, 4);
  csc_builder_add_column_text (builder, "document_sha256", stmt, 5);
  json_builder_set_member_name (builder, "signer");
  json_builder_begin_object (builder);
  csc_builder_add_column_text (builder, "username", stmt, 6);
  csc_builder_add_column_text (builder, "name", stmt, 7);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "payload");
  if (payload != NULL)
    json_builder_add_value (builder, g_steal_pointer (&payload));
  else
    json_builder_add_null_value (builder);
  csc_builder_add_string (builder, "signed_bytes", signed_bytes);
  csc_builder_add_string (builder, "signature", signature);
  if (with_document)
    {
      g_autofree char *document = g_base64_encode (sqlite3_column_blob (stmt, 11),
                                                   sqlite3_column_bytes (stmt, 11));
      csc_builder_add_string (builder, "document", document);
    }
  csc_builder_add_column_text (builder, "recorded_at", stmt, 10);
  json_builder_end_object (builder);
}

#define DECISION_COLUMNS \
  "SELECT d.id, d.case_id, d.department, d.outcome, d.decided_on, d.document_sha256," \
  " u.username, u.name, d.signed_bytes, d.signature, d.recorded_at, d.document" \
  " FROM decisions d JOIN users u ON u.id = d.signer_id"

static char *
decision_json (CscRequest  *req,
               const char  *decision_id,
               GError     **error)
{
  g_autoptr(CscStatement) stmt = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;

  stmt = csc_database_prepare (req->db, DECISION_COLUMNS " WHERE d.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, decision_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      csc_database_set_error (req->db, error, "reading a decision");
      return NULL;
    }
  build_decision (builder, stmt, FALSE);
  root = json_builder_get_root (builder);
  return csc_json_to_string (root);
}

static void
bind_bytes (sqlite3_stmt *stmt,
            int           column,
            GBytes       *bytes)
{
  gsize size;
  gconstpointer data = g_bytes_get_data (bytes, &size);

  /* An empty part is still a value, not NULL. */
  sqlite3_bind_blob64 (stmt, column, data != NULL ? data : "", size, SQLITE_STATIC);
}

static void
post_decision (CscRequest *req,
               const char *case_id)
{
  static const char * const final_states[] = { "reviewed", NULL };
  static const char * const open_states[] = {
    "claimed", "under_review", "reviewed", "extended", NULL
  };
  g_auto(Parts) parts = { 0 };
  g_auto(PartState) part = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CsDecisionVerifier) verifier = NULL;
  g_autoptr(JsonObject) payload = NULL;
  g_autoptr(GBytes) signer_der = NULL;
  g_autoptr(GBytes) registered = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(CscStatement) insert = NULL;
  g_autofree char *ca_pem = NULL;
  g_autofree char *signer_name = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *today = today_in_china ();
  g_autofree char *recorded_at = NULL;
  g_autofree char *decision_id = NULL;
  g_autofree char *decision = NULL;
  g_autofree char *detail = NULL;
  const char *if_match;
  const char *outcome;
  const char *text;
  const char *next_state;
  JsonNode *version;

  if (!csc_request_require_role (req, "chief") || !read_parts (req, &parts))
    return;

  if_match = soup_message_headers_get_one (soup_server_message_get_request_headers (req->msg),
                                           "If-Match");
  if (if_match == NULL)
    {
      csc_request_problem (req, CSC_PROBLEM_BAD_REQUEST, "If-Match",
                           "A decision names the case version it decides: send the case’s "
                           "ETag as If-Match.");
      return;
    }

  if (!csc_request_begin_write_full (req, parts_fingerprint (req, &parts),
                                     CSC_PROBLEM_IDEMPOTENCY_CONFLICT))
    return;

  if (!load_part_state (req, case_id, &part))
    goto abort;

  etag = g_strdup_printf ("\"%" G_GINT64_FORMAT "-%s\"", part.version, req->user->department);
  if (!g_str_equal (if_match, etag) && !g_str_equal (if_match, "*"))
    {
      csc_request_abort_write (req);
      csc_request_problem (req, CSC_PROBLEM_STALE_VERSION, "If-Match",
                           "Case %s is at version %s now, not %s: reload it, check it and "
                           "sign again.", case_id, etag, if_match);
      return;
    }

  /* The signature first: nothing of the payload is believed before. */
  ca_pem = csc_database_dup_meta (req->db, "ca_pem");
  if (ca_pem == NULL)
    {
      csc_request_abort_write (req);
      csc_request_problem (req, CSC_PROBLEM_INVALID_CERTIFICATE, "signature",
                           "This centre has no certification authority configured for "
                           "signed decisions.");
      return;
    }
  verifier = cs_decision_verifier_new (ca_pem, &error);
  if (verifier != NULL)
    payload = cs_decision_verifier_verify (verifier, parts.payload, parts.signature,
                                           parts.document, now, &signer_der, &signer_name,
                                           &error);
  if (payload == NULL)
    {
      csc_request_abort_write (req);
      if (g_error_matches (error, CS_ERROR, CS_ERROR_CERTIFICATE))
        csc_request_problem (req, CSC_PROBLEM_INVALID_CERTIFICATE, "signature", "%s.",
                             error->message);
      else if (g_error_matches (error, CS_ERROR, CS_ERROR_DOCUMENT))
        csc_request_problem (req, CSC_PROBLEM_DOCUMENT_MISMATCH, "document", "%s.",
                             error->message);
      else
        csc_request_problem (req, CSC_PROBLEM_INVALID_SIGNATURE, "signature", "%s.",
                             error->message);
      return;
    }

  registered = registered_certificate (req, &error);
  if (registered == NULL || !g_bytes_equal (registered, signer_der))
    {
      csc_request_abort_write (req);
      if (error != NULL)
        csc_request_internal_error (req, error);
      else
        csc_request_problem (req, CSC_PROBLEM_INVALID_CERTIFICATE, "signature",
                             "The decision is signed with the certificate of %s, which is not "
                             "the certificate registered to %s.", signer_name,
                             req->user->username);
      return;
    }

  /* Now the verified bytes are read as a decision of this case. */
  version = json_object_get_member (payload, "version");
  if (g_strcmp0 (payload_string (payload, "case_id"), case_id) != 0 ||
      g_strcmp0 (payload_string (payload, "department"), req->user->department) != 0 ||
      g_strcmp0 (payload_string (payload, "signer"), req->user->username) != 0 ||
      g_strcmp0 (payload_string (payload, "matter_code"), part.matter_code) != 0)
    {
      csc_request_abort_write (req);
      csc_request_problem (req, CSC_PROBLEM_INVALID_FIELD, "payload",
                           "The signed decision is not of case %s of %s, signed by %s.",
                           case_id, req->user->department, req->user->username);
      return;
    }
  if (version == NULL || json_node_get_value_type (version) != G_TYPE_INT64)
    {
      csc_request_abort_write (req);
      csc_request_problem (req, CSC_PROBLEM_INVALID_FIELD, "version",
                           "The signed decision names no case version.");
      return;
    }
  if (json_node_get_int (version) != part.version)
    {
      csc_request_abort_write (req);
      csc_request_problem (req, CSC_PROBLEM_STALE_VERSION, "version",
                           "The decision was signed for version %" G_GINT64_FORMAT
                           " of case %s, which is now at version %" G_GINT64_FORMAT
                           ": reload it, check it and sign again.",
                           json_node_get_int (version), case_id, part.version);
      return;
    }

  if (!require_string (req, payload, "outcome", &outcome) ||
      !require_string (req, payload, "text", &text))
    goto abort;
  if (cs_outcome_from_string (outcome) == CS_OUTCOME_NONE ||
      !matter_allows (req->db, part.matter_code, outcome))
    {
      csc_request_abort_write (req);
      csc_request_problem (req, CSC_PROBLEM_INVALID_FIELD, "outcome",
                           "“%s” is not an outcome of matter %s.", outcome, part.matter_code);
      return;
    }

  if (!state_is_one_of (part.state, (g_str_equal (outcome, "extension") ||
                                     g_str_equal (outcome, "suspension"))
                                    ? open_states : final_states))
    {
      csc_request_abort_write (req);
      csc_request_problem (req, CSC_PROBLEM_INVALID_TRANSITION, NULL,
                           "Case %s is %s; a decision “%s” cannot be recorded now.",
                           case_id, part.state, outcome);
      return;
    }

  if (!check_rules (req, case_id, outcome, payload, &part))
    goto abort;

  /* Recorded from the bytes that were verified. */
  decision_id = g_uuid_string_random ();
  recorded_at = csc_format_timestamp (now);
  insert = csc_database_prepare (req->db,
                                 "INSERT INTO decisions (id, case_id, department, outcome,"
                                 " decided_on, document_sha256, signer_id, signed_bytes,"
                                 " signature, document, recorded_at)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                 &error);
  if (insert == NULL)
    goto failed;
  sqlite3_bind_text (insert, 1, decision_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 2, case_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 3, req->user->department, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 4, outcome, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 5, today, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 6, payload_string (payload, "document_sha256"), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 7, req->user->id);
  bind_bytes (insert, 8, parts.payload);
  bind_bytes (insert, 9, parts.signature);
  bind_bytes (insert, 10, parts.document);
  sqlite3_bind_text (insert, 11, recorded_at, -1, SQLITE_STATIC);
  if (!csc_database_step_done (req->db, insert, &error) ||
      !update_part (req, case_id, outcome, payload, &part, today, &next_state, &error))
    goto failed;

  decision = decision_json (req, decision_id, &error);
  if (decision == NULL)
    goto failed;

  detail = g_strdup_printf ("{\"decision\":\"%s\",\"outcome\":\"%s\",\"from\":\"%s\","
                            "\"to\":\"%s\",\"document_sha256\":\"%s\"}",
                            decision_id, outcome, part.state, next_state,
                            payload_string (payload, "document_sha256"));
  csc_request_commit_change (req, case_id, "decision.recorded",
                             &(CscChange) { .action = "decision.recorded", .detail = detail },
                             SOUP_STATUS_CREATED, "decision", decision);
  return;

failed:
  csc_request_abort_write (req);
  csc_request_internal_error (req, error);
  return;

abort:
  csc_request_abort_write (req);
}

static void
list_decisions (CscRequest *req,
                const char *case_id)
{
  g_auto(PartState) part = { 0 };
  g_autoptr(CscStatement) stmt = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  int rc;

  if (!load_part_state (req, case_id, &part))
    return;

  stmt = csc_database_prepare (req->db,
                               DECISION_COLUMNS " WHERE d.case_id = ? AND d.department = ?"
                               " ORDER BY d.rowid",
                               &error);
  if (stmt == NULL)
    {
      csc_request_internal_error (req, error);
      return;
    }
  sqlite3_bind_text (stmt, 1, case_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, req->user->department, -1, SQLITE_STATIC);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    build_decision (builder, stmt, TRUE);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  if (rc != SQLITE_DONE)
    {
      csc_database_set_error (req->db, &error, "reading the decisions");
      csc_request_internal_error (req, error);
      return;
    }

  root = json_builder_get_root (builder);
  csc_request_respond_node (req, SOUP_STATUS_OK, root);
}

void
csc_server_handle_decisions (CscRequest *req,
                             const char *case_id)
{
  if (g_str_equal (req->method, SOUP_METHOD_GET) || g_str_equal (req->method, SOUP_METHOD_HEAD))
    list_decisions (req, case_id);
  else if (g_str_equal (req->method, SOUP_METHOD_POST))
    post_decision (req, case_id);
  else
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (req->msg),
                                    "Allow", "GET, POST");
      csc_request_problem (req, CSC_PROBLEM_METHOD_NOT_ALLOWED, NULL, "Use GET or POST.");
    }
}
