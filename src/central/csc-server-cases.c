/* csc-server-cases.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CscServer"

#include "config.h"

#include <string.h>

#include "csc-audit.h"
#include "csc-case-store.h"
#include "csc-server-private.h"
#include "csc-util.h"

/* The cases of the caller's department and the per-department state
 * machine:
 *
 *   forwarded ──claim──▶ claimed ──review (draft)──▶ under_review
 *       ▲                  │  │                          │
 *       └────release───────┘  └──review (final)──▶ reviewed ◀─┘
 *
 * `extended` (after an extension decision) behaves like `under_review`.
 * `decided`, `supplement_requested` and `suspended` are reached through
 * decisions, which are recorded by the signing part of the API.
 *
 * A case that does not involve the caller's department is answered with
 * 404, exactly as one that does not exist. */

#define DEFAULT_PAGE 50
#define MAX_PAGE 500
#define MAX_OPINION 10000
#define MAX_REASON 2000
#define MAX_VERDICTS 200

static const char *states[] = {
  "forwarded",
  "claimed",
  "under_review",
  "reviewed",
  "decided",
  "supplement_requested",
  "suspended",
  "extended",
};

static gboolean
is_state (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    if (g_str_equal (text, states[i]))
      return TRUE;

  return FALSE;
}

static gboolean
state_in (const char *state,
          const char *first,
          ...)
{
  va_list args;
  gboolean found = FALSE;

  va_start (args, first);
  for (const char *s = first; s != NULL; s = va_arg (args, const char *))
    if (g_str_equal (state, s))
      {
        found = TRUE;
        break;
      }
  va_end (args);

  return found;
}

static gboolean
method_is (CscRequest *req,
           const char *allowed)
{
  if (g_str_equal (req->method, allowed) ||
      (g_str_equal (allowed, SOUP_METHOD_GET) && g_str_equal (req->method, SOUP_METHOD_HEAD)))
    return TRUE;

  soup_message_headers_replace (soup_server_message_get_response_headers (req->msg),
                                "Allow", allowed);
  csc_request_problem (req, CSC_PROBLEM_METHOD_NOT_ALLOWED, NULL, "Use %s.", allowed);
  return FALSE;
}

static void
case_not_found (CscRequest *req,
                const char *case_id)
{
  csc_request_problem (req, CSC_PROBLEM_NOT_FOUND, NULL,
                       "There is no case %s for your department.", case_id);
}

/* Loads the caller's part of a case, answering 404 (or 500) when there is
 * none. */
static gboolean
load_part (CscRequest  *req,
           const char  *case_id,
           CscCasePart *part)
{
  g_autoptr(GError) error = NULL;

  if (csc_case_store_load_part (req->db, case_id, req->user->department, part, &error))
    return TRUE;

  if (error != NULL)
    csc_request_internal_error (req, error);
  else
    case_not_found (req, case_id);

  return FALSE;
}

static char *
today_in_china (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("+08:00");
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);

  return g_date_time_format (now, "%F");
}

/* Whether the caller stands in today for the approver who holds @part. */
static int
caller_covers (CscRequest        *req,
               const CscCasePart *part,
               GError           **error)
{
  return csc_server_substitute_covers (req->db, req->user->department, part->assignee_id,
                                       req->user->id, error);
}

/* GET /v1/cases ------------------------------------------------------------ */

static gboolean
parse_status_filter (CscRequest  *req,
                     char       **json)
{
  const char *text = req->query != NULL ? g_hash_table_lookup (req->query, "status") : NULL;
  g_auto(GStrv) names = NULL;
  g_autoptr(GString) array = NULL;

  *json = NULL;
  if (text == NULL || *text == '\0')
    return TRUE;

  names = g_strsplit (text, ",", -1);
  array = g_string_new ("[");
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (!is_state (names[i]))
        {
          csc_request_problem (req, CSC_PROBLEM_INVALID_PARAMETER, "status",
                               "“%s” is not a case status.", names[i]);
          return FALSE;
        }
      g_string_append_printf (array, "%s\"%s\"", i > 0 ? "," : "", names[i]);
    }
  g_string_append_c (array, ']');

  *json = g_string_free (g_steal_pointer (&array), FALSE);
  return TRUE;
}

/* `<…>; rel="next"`: this request with the cursor after @last_seq. */
static char *
next_page_link (CscRequest *req,
                gint64      last_seq,
                gint64      limit)
{
  static const char * const kept[] = { "status", "updated_since", "assignee" };
  g_autoptr(GString) link = g_string_new ("</v1/cases?");

  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      const char *value = req->query != NULL ? g_hash_table_lookup (req->query, kept[i]) : NULL;
      g_autofree char *escaped = NULL;

      if (value == NULL)
        continue;
      escaped = g_uri_escape_string (value, NULL, FALSE);
      g_string_append_printf (link, "%s=%s&", kept[i], escaped);
    }
  g_string_append_printf (link, "cursor=%" G_GINT64_FORMAT "&limit=%" G_GINT64_FORMAT
                          ">; rel=\"next\"", last_seq, limit);
  return g_string_free (g_steal_pointer (&link), FALSE);
}

static void
list_cases (CscRequest *req)
{
  g_autoptr(CscStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) body = NULL;
  g_autofree char *status_json = NULL;
  g_autofree char *since = NULL;
  g_autofree char *today = NULL;
  const char *assignee;
  const char *text;
  gint64 cursor = 0;
  gint64 limit = DEFAULT_PAGE;
  gint64 last_seq = 0;
  guint count = 0;
  gboolean more = FALSE;
  gsize length;
  int rc;

  if (!parse_status_filter (req, &status_json))
    return;

  text = req->query != NULL ? g_hash_table_lookup (req->query, "updated_since") : NULL;
  if (text != NULL && (since = csc_normalize_timestamp (text)) == NULL)
    {
      csc_request_problem (req, CSC_PROBLEM_INVALID_PARAMETER, "updated_since",
                           "“updated_since” must be an RFC 3339 timestamp such as "
                           "2026-11-02T09:30:00+08:00.");
      return;
    }

  text = req->query != NULL ? g_hash_table_lookup (req->query, "cursor") : NULL;
  if (text != NULL && !g_ascii_string_to_signed (text, 10, 0, G_MAXINT64, &cursor, NULL))
    {
      csc_request_problem (req, CSC_PROBLEM_INVALID_PARAMETER, "cursor",
                           "The cursor is not one this server handed out.");
      return;
    }

  text = req->query != NULL ? g_hash_table_lookup (req->query, "limit") : NULL;
  if (text != NULL && !g_ascii_string_to_signed (text, 10, 1, MAX_PAGE, &limit, NULL))
    {
      csc_request_problem (req, CSC_PROBLEM_INVALID_PARAMETER, "limit",
                           "“limit” must be a whole number from 1 to %d.", MAX_PAGE);
      return;
    }

  /* An approver's own cases, and those of colleagues they stand in for
   * today. */
  assignee = req->query != NULL ? g_hash_table_lookup (req->query, "assignee") : NULL;
  if (assignee != NULL && (*assignee == '\0' || strlen (assignee) > 64))
    {
      csc_request_problem (req, CSC_PROBLEM_INVALID_PARAMETER, "assignee",
                           "“assignee” is a username.");
      return;
    }
  if (assignee != NULL)
    today = today_in_china ();

  /* Pages follow the order of the last change: a case that changes while a
   * client pages moves to the end, where the client meets it again, and
   * the cursor (the last change seen) never skips one. */
  stmt = csc_database_prepare (req->db,
                               "SELECT summary, updated_seq FROM case_parts"
                               " WHERE department = ?1 AND updated_seq > ?2"
                               " AND (?3 IS NULL OR updated_at >= ?3)"
                               " AND (?4 IS NULL OR state IN (SELECT value FROM json_each(?4)))"
                               " AND (?6 IS NULL OR assignee_id IN"
                               "      (SELECT id FROM users WHERE username = ?6"
                               "       UNION SELECT s.absent_id FROM substitutions s"
                               "       JOIN users u ON u.id = s.substitute_id"
                               "       WHERE u.username = ?6 AND s.department = ?1"
                               "       AND s.from_date <= ?7 AND s.to_date >= ?7))"
                               " ORDER BY updated_seq LIMIT ?5",
                               &error);
  if (stmt == NULL)
    {
      csc_request_internal_error (req, error);
      return;
    }

  sqlite3_bind_text (stmt, 1, req->user->department, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, cursor);
  sqlite3_bind_text (stmt, 3, since, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, status_json, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, limit + 1);
  sqlite3_bind_text (stmt, 6, assignee, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, today, -1, SQLITE_STATIC);

  body = g_string_sized_new (1024 * (gsize)limit);
  g_string_append (body, "{\"items\":[");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (count == limit)
        {
          more = TRUE;
          break;
        }

      if (count > 0)
        g_string_append_c (body, ',');
      g_string_append_len (body, sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
      last_seq = sqlite3_column_int64 (stmt, 1);
      count++;
    }

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      csc_database_set_error (req->db, &error, "listing cases");
      csc_request_internal_error (req, error);
      return;
    }

  g_string_append (body, "],\"next_cursor\":");
  if (more)
    g_string_append_printf (body, "\"%" G_GINT64_FORMAT "\"}", last_seq);
  else
    g_string_append (body, "null}");

  /* The next page is named before the body too (RFC 8288), so that a
   * client can ask for it while this one is still on its way. */
  if (more)
    {
      g_autofree char *link = next_page_link (req, last_seq, limit);

      soup_message_headers_replace (soup_server_message_get_response_headers (req->msg),
                                    "Link", link);
    }

  length = body->len;
  soup_server_message_set_status (req->msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (req->msg, "application/json", SOUP_MEMORY_TAKE,
                                    g_string_free (g_steal_pointer (&body), FALSE), length);
}

/* GET /v1/cases/{id} ------------------------------------------------------- */

static gboolean
etag_matches (SoupServerMessage *msg,
              const char        *etag)
{
  const char *header;
  g_auto(GStrv) candidates = NULL;

  header = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                         "If-None-Match");
  if (header == NULL)
    return FALSE;

  candidates = g_strsplit (header, ",", -1);
  for (guint i = 0; candidates[i] != NULL; i++)
    {
      const char *candidate = g_strstrip (candidates[i]);

      if (g_str_has_prefix (candidate, "W/"))
        candidate += 2;
      if (g_str_equal (candidate, "*") || g_str_equal (candidate, etag))
        return TRUE;
    }

  return FALSE;
}

static void
get_case (CscRequest *req,
          const char *case_id)
{
  g_auto(CscCasePart) part = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) detail = NULL;
  g_autofree char *etag = NULL;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (req->msg);

  if (!load_part (req, case_id, &part))
    return;

  /* The same version reads differently for each department: tag both. */
  etag = g_strdup_printf ("\"%" G_GINT64_FORMAT "-%s\"", part.version, part.department);
  soup_message_headers_replace (headers, "ETag", etag);
  soup_message_headers_replace (headers, "Cache-Control", "private, no-cache");

  if (etag_matches (req->msg, etag))
    {
      soup_server_message_set_status (req->msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }

  detail = csc_case_store_dup_detail (req->db, case_id, req->user->department, &error);
  if (detail == NULL)
    {
      csc_request_internal_error (req, error);
      return;
    }

  csc_request_respond_node (req, SOUP_STATUS_OK, detail);
}

/* GET /v1/cases/{id}/materials/{material_id}/content ---------------------- */

typedef enum
{
  RANGE_NONE,           /* no usable Range: send everything */
  RANGE_SATISFIABLE,
  RANGE_UNSATISFIABLE,
} RangeResult;

/* Reads a single "bytes=" range. Several ranges, or a header that cannot be
 * parsed, are ignored as RFC 9110 allows, and the whole content is sent. */
static RangeResult
parse_range (const char *header,
             goffset     total,
             goffset    *start,
             goffset    *end)
{
  const char *spec;
  const char *dash;
  guint64 first = 0;
  guint64 last = 0;
  gboolean has_first;
  gboolean has_last;

  if (header == NULL)
    return RANGE_NONE;

  while (*header == ' ')
    header++;
  if (g_ascii_strncasecmp (header, "bytes=", 6) != 0)
    return RANGE_NONE;

  spec = header + 6;
  if (strchr (spec, ',') != NULL)
    return RANGE_NONE;

  dash = strchr (spec, '-');
  if (dash == NULL)
    return RANGE_NONE;

  has_first = dash > spec;
  has_last = dash[1] != '\0';

  if (has_first)
    {
      g_autofree char *text = g_strndup (spec, dash - spec);

      if (!g_ascii_string_to_unsigned (g_strstrip (text), 10, 0, G_MAXINT64, &first, NULL))
        return RANGE_NONE;
    }

  if (has_last)
    {
      g_autofree char *text = g_strdup (dash + 1);

      if (!g_ascii_string_to_unsigned (g_strstrip (text), 10, 0, G_MAXINT64, &last, NULL))
        return RANGE_NONE;
    }

  if (!has_first && !has_last)
    return RANGE_NONE;

  if (!has_first)
    {
      /* The last N bytes. */
      if (last == 0)
        return RANGE_UNSATISFIABLE;
      *start = last >= (guint64)total ? 0 : total - (goffset)last;
      *end = total - 1;
      return total > 0 ? RANGE_SATISFIABLE : RANGE_UNSATISFIABLE;
    }

  if (has_last && last < first)
    return RANGE_NONE;

  if (first >= (guint64)total)
    return RANGE_UNSATISFIABLE;

  *start = (goffset)first;
  *end = has_last ? MIN ((goffset)last, total - 1) : total - 1;
  return RANGE_SATISFIABLE;
}

static char *
content_disposition (const char *name)
{
  g_autofree char *escaped = g_uri_escape_string (name, NULL, FALSE);

  return g_strdup_printf ("inline; filename*=UTF-8''%s", escaped);
}

static void
get_material_content (CscRequest *req,
                      const char *case_id,
                      const char *material_id)
{
  g_auto(CscCasePart) part = { 0 };
  g_autoptr(CscStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *media_type = NULL;
  g_autofree char *disposition = NULL;
  SoupMessageHeaders *request_headers = soup_server_message_get_request_headers (req->msg);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (req->msg);
  const char *sha256;
  const char *if_range;
  goffset total;
  goffset start = 0;
  goffset end = 0;
  RangeResult range;

  /* One read checks the department's access and finds the material. */
  stmt = csc_database_prepare (req->db,
                               "SELECT m.media_type, m.sha256, m.name FROM materials m"
                               " JOIN case_parts p ON p.case_id = m.case_id AND p.department = ?"
                               " WHERE m.case_id = ? AND m.id = ?",
                               &error);
  if (stmt == NULL)
    {
      csc_request_internal_error (req, error);
      return;
    }

  sqlite3_bind_text (stmt, 1, req->user->department, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, case_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, material_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      /* Say which of the two is missing; both are 404. */
      if (load_part (req, case_id, &part))
        csc_request_problem (req, CSC_PROBLEM_NOT_FOUND, NULL,
                             "Case %s has no material %s.", case_id, material_id);
      return;
    }

  media_type = g_strdup (csc_column_text (stmt, 0));
  sha256 = csc_column_text (stmt, 1);
  disposition = content_disposition (csc_column_text (stmt, 2));
  etag = g_strdup_printf ("\"%s\"", sha256);

  soup_message_headers_replace (headers, "ETag", etag);
  soup_message_headers_replace (headers, "Accept-Ranges", "bytes");
  soup_message_headers_replace (headers, "Cache-Control", "private, max-age=31536000, immutable");
  soup_message_headers_replace (headers, "Content-Disposition", disposition);
  soup_message_headers_replace (headers, "X-Content-Type-Options", "nosniff");

  if (etag_matches (req->msg, etag))
    {
      soup_server_message_set_status (req->msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }

  bytes = csc_server_get_blob (req->server, sha256, &error);
  if (bytes == NULL)
    {
      csc_request_internal_error (req, error);
      return;
    }

  total = g_bytes_get_size (bytes);

  /* A Range with If-Range applies only while the content is unchanged. */
  if_range = soup_message_headers_get_one (request_headers, "If-Range");
  if (if_range != NULL && !g_str_equal (if_range, etag))
    range = RANGE_NONE;
  else
    range = parse_range (soup_message_headers_get_one (request_headers, "Range"),
                         total, &start, &end);

  if (range == RANGE_UNSATISFIABLE)
    {
      g_autofree char *content_range = g_strdup_printf ("bytes */%" G_GOFFSET_FORMAT, total);

      soup_message_headers_replace (headers, "Content-Range", content_range);
      csc_request_problem (req, CSC_PROBLEM_RANGE_NOT_SATISFIABLE, "Range",
                           "The material has %" G_GOFFSET_FORMAT " bytes.", total);
      return;
    }

  if (range == RANGE_SATISFIABLE)
    {
      g_autoptr(GBytes) slice = g_bytes_new_from_bytes (bytes, start, end - start + 1);

      soup_message_headers_set_content_range (headers, start, end, total);
      soup_server_message_set_status (req->msg, SOUP_STATUS_PARTIAL_CONTENT, NULL);
      soup_message_headers_set_content_type (headers, media_type, NULL);
      soup_message_body_append_bytes (soup_server_message_get_response_body (req->msg), slice);
      return;
    }

  /* libsoup would turn a 200 into a 206 by itself when the request has a
   * Range; here the whole content is meant. */
  soup_message_headers_remove (request_headers, "Range");
  soup_server_message_set_status (req->msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_content_type (headers, media_type, NULL);
  soup_message_body_append_bytes (soup_server_message_get_response_body (req->msg), bytes);
}

/* Writes --------------------------------------------------------------------- */

/* Records a change of the caller's part within the open transaction: the
 * event, the new version and summaries, and the audit entry; then commits
 * with the summary as the response. */
void
csc_request_commit_change (CscRequest      *req,
                           const char      *case_id,
                           const char      *event_type,
                           const CscChange *change,
                           guint            status,
                           const char      *extra_member,
                           const char      *extra_json)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *now = csc_now_timestamp ();
  g_autofree char *summary = NULL;
  g_autofree char *response = NULL;
  CscAuditEntry entry = {
    .at = now,
    .case_id = case_id,
    .actor = req->user->username,
    .department = req->user->department,
    .action = change->action,
    .reason = change->reason,
    .detail = change->detail,
  };

  if (!csc_case_store_touch (req->db, case_id, event_type, now, &error) ||
      !csc_audit_append (req->db, &entry, &error))
    goto failed;

  summary = csc_case_store_dup_summary (req->db, case_id, req->user->department, &error);
  if (summary == NULL)
    goto failed;

  if (extra_member != NULL)
    response = g_strdup_printf ("{\"%s\":%s,\"case\":%s}", extra_member, extra_json, summary);
  else
    response = g_steal_pointer (&summary);

  csc_request_finish_write (req, status, response);
  return;

failed:
  csc_request_abort_write (req);
  csc_request_internal_error (req, error);
}

static char *
transition_detail (const char *from,
                   const char *to)
{
  return g_strdup_printf ("{\"from\":\"%s\",\"to\":\"%s\"}", from, to);
}

static gboolean
set_part_state (CscRequest  *req,
                const char  *case_id,
                const char  *state,
                gint64       assignee_id,
                GError     **error)
{
  g_autoptr(CscStatement) stmt = NULL;

  stmt = csc_database_prepare (req->db,
                               "UPDATE case_parts SET state = ?, assignee_id = ?"
                               " WHERE case_id = ? AND department = ?",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, state, -1, SQLITE_STATIC);
  if (assignee_id > 0)
    sqlite3_bind_int64 (stmt, 2, assignee_id);
  else
    sqlite3_bind_null (stmt, 2);
  sqlite3_bind_text (stmt, 3, case_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, req->user->department, -1, SQLITE_STATIC);

  return csc_database_step_done (req->db, stmt, error);
}

static const char *
optional_reason (CscRequest *req,
                 JsonObject *body,
                 gboolean   *ok)
{
  const char *reason = NULL;

  *ok = csc_request_get_optional_string (req, body, "reason", MAX_REASON, &reason);
  return reason;
}

static void
claim_case (CscRequest *req,
            const char *case_id)
{
  g_auto(CscCasePart) part = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *detail = NULL;
  JsonObject *body;
  const char *reason;
  gboolean ok;

  if (!csc_request_require_role (req, "approver"))
    return;

  body = csc_request_parse_object (req, TRUE, &root);
  if (body == NULL)
    return;
  reason = optional_reason (req, body, &ok);
  if (!ok || !csc_request_begin_write (req))
    return;

  if (!load_part (req, case_id, &part))
    goto abort;

  if (part.assignee_id == req->user->id &&
      state_in (part.state, "claimed", "under_review", "reviewed", "extended", NULL))
    {
      /* Already the caller's: claiming again changes nothing. */
      g_autofree char *summary = csc_case_store_dup_summary (req->db, case_id,
                                                             req->user->department, &error);
      if (summary == NULL)
        goto failed;
      csc_request_finish_write (req, SOUP_STATUS_OK, summary);
      return;
    }

  if (!g_str_equal (part.state, "forwarded"))
    {
      csc_request_abort_write (req);
      if (part.assignee_id != 0)
        csc_request_problem (req, CSC_PROBLEM_INVALID_TRANSITION, NULL,
                             "Case %s is already claimed by %s.", case_id, part.assignee_name);
      else
        csc_request_problem (req, CSC_PROBLEM_INVALID_TRANSITION, NULL,
                             "Case %s is %s and cannot be claimed.", case_id, part.state);
      return;
    }

  if (!set_part_state (req, case_id, "claimed", req->user->id, &error))
    goto failed;

  detail = transition_detail (part.state, "claimed");
  csc_request_commit_change (req, case_id, "case.changed",
                             &(CscChange) { .action = "case.claimed", .reason = reason,
                                            .detail = detail },
                             SOUP_STATUS_OK, NULL, NULL);
  return;

failed:
  csc_request_abort_write (req);
  csc_request_internal_error (req, error);
  return;

abort:
  csc_request_abort_write (req);
}

static void
release_case (CscRequest *req,
              const char *case_id)
{
  g_auto(CscCasePart) part = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *detail = NULL;
  JsonObject *body;
  const char *reason;
  gboolean ok;
  int covers = 0;

  if (!csc_request_require_role (req, "approver"))
    return;

  body = csc_request_parse_object (req, TRUE, &root);
  if (body == NULL)
    return;
  reason = optional_reason (req, body, &ok);
  if (!ok || !csc_request_begin_write (req))
    return;

  if (!load_part (req, case_id, &part))
    {
      csc_request_abort_write (req);
      return;
    }

  if (!state_in (part.state, "claimed", "under_review", "extended", NULL))
    {
      csc_request_abort_write (req);
      csc_request_problem (req, CSC_PROBLEM_INVALID_TRANSITION, NULL,
                           "Case %s is %s; only a claimed case can be released.",
                           case_id, part.state);
      return;
    }

  /* The chief representative may release a colleague's case, to hand it
   * to someone else; an approver only their own. */
  if (part.assignee_id != req->user->id && !csc_user_has_role (req->user, "chief") &&
      (covers = caller_covers (req, &part, &error)) != 1)
    {
      if (covers < 0)
        {
          csc_request_abort_write (req);
          csc_request_internal_error (req, error);
          return;
        }
      csc_request_abort_write (req);
      csc_request_problem (req, CSC_PROBLEM_NOT_ASSIGNEE, NULL,
                           "Case %s is claimed by %s; only they or the chief representative "
                           "can release it.", case_id, part.assignee_name);
      return;
    }

  if (!set_part_state (req, case_id, "forwarded", 0, &error))
    {
      csc_request_abort_write (req);
      csc_request_internal_error (req, error);
      return;
    }

  detail = transition_detail (part.state, "forwarded");
  csc_request_commit_change (req, case_id, "case.changed",
                             &(CscChange) { .action = "case.released", .reason = reason,
                                            .detail = detail },
                             SOUP_STATUS_OK, NULL, NULL);
}

/* POST /v1/cases/{id}/reviews ----------------------------------------------- */

typedef struct
{
  GHashTable *required;   /* item code → item code, for the required ones */
  GHashTable *all;        /* item code → item code */
  JsonArray  *outcomes;
  JsonNode   *outcomes_node;
} MatterRules;

static void
matter_rules_clear (MatterRules *rules)
{
  g_clear_pointer (&rules->required, g_hash_table_unref);
  g_clear_pointer (&rules->all, g_hash_table_unref);
  g_clear_pointer (&rules->outcomes_node, json_node_unref);
  rules->outcomes = NULL;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MatterRules, matter_rules_clear)

static gboolean
load_matter_rules (CscDatabase  *db,
                   const char   *matter_code,
                   MatterRules  *rules,
                   GError      **error)
{
  g_autoptr(CscStatement) matter = NULL;
  g_autoptr(CscStatement) items = NULL;
  int rc;

  rules->required = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  rules->all = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  matter = csc_database_prepare (db, "SELECT outcomes FROM matters WHERE code = ?", error);
  if (matter == NULL)
    return FALSE;
  sqlite3_bind_text (matter, 1, matter_code, -1, SQLITE_STATIC);
  if (sqlite3_step (matter) != SQLITE_ROW)
    {
      g_set_error (error, CSC_DATABASE_ERROR, CSC_DATABASE_ERROR_FAILED,
                   "no matter %s", matter_code);
      return FALSE;
    }

  rules->outcomes_node = csc_json_parse (csc_column_text (matter, 0), -1, error);
  if (rules->outcomes_node == NULL)
    return FALSE;
  rules->outcomes = json_node_get_array (rules->outcomes_node);

  items = csc_database_prepare (db,
                                "SELECT code, requirement FROM checklist_items"
                                " WHERE matter_code = ?",
                                error);
  if (items == NULL)
    return FALSE;
  sqlite3_bind_text (items, 1, matter_code, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (items)) == SQLITE_ROW)
    {
      const char *code = csc_column_text (items, 0);

      g_hash_table_add (rules->all, g_strdup (code));
      if (g_str_equal (csc_column_text (items, 1), "required"))
        g_hash_table_add (rules->required, g_strdup (code));
    }

  if (rc != SQLITE_DONE)
    {
      csc_database_set_error (db, error, "reading a checklist");
      return FALSE;
    }

  return TRUE;
}

static gboolean
outcome_allowed (const MatterRules *rules,
                 const char        *outcome)
{
  for (guint i = 0; i < json_array_get_length (rules->outcomes); i++)
    if (g_strcmp0 (json_array_get_string_element (rules->outcomes, i), outcome) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
material_exists (CscDatabase *db,
                 const char  *case_id,
                 const char  *material_id)
{
  g_autoptr(CscStatement) stmt = NULL;

  stmt = csc_database_prepare (db, "SELECT 1 FROM materials WHERE case_id = ? AND id = ?", NULL);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, case_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, material_id, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/* Checks the checklist verdicts and rewrites them into @verdicts, keeping
 * only the members the server knows. */
static gboolean
read_verdicts (CscRequest        *req,
               const char        *case_id,
               JsonObject        *body,
               const MatterRules *rules,
               JsonArray         *verdicts,
               guint             *n_problems)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonNode *node = json_object_get_member (body, "checklist");
  JsonArray *array;

  *n_problems = 0;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      csc_request_problem (req, CSC_PROBLEM_INVALID_FIELD, "checklist",
                           "“checklist” must be an array of verdicts.");
      return FALSE;
    }

  array = json_node_get_array (node);
  if (json_array_get_length (array) > MAX_VERDICTS)
    {
      csc_request_problem (req, CSC_PROBLEM_INVALID_FIELD, "checklist",
                           "“checklist” has more than %d verdicts.", MAX_VERDICTS);
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *field = g_strdup_printf ("checklist[%u]", i);
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *verdict;
      JsonObject *copy;
      JsonNode *page;
      const char *item;
      const char *value;
      const char *reason;
      const char *material;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          csc_request_problem (req, CSC_PROBLEM_INVALID_FIELD, field,
                               "Each verdict must be an object.");
          return FALSE;
        }

      verdict = json_node_get_object (element);
      if (!csc_request_get_string (req, verdict, "item", 64, &item) ||
          !csc_request_get_string (req, verdict, "verdict", 16, &value) ||
          !csc_request_get_optional_string (req, verdict, "reason", MAX_REASON, &reason) ||
          !csc_request_get_optional_string (req, verdict, "material", 128, &material))
        return FALSE;

      if (!g_hash_table_contains (rules->all, item))
        {
          csc_request_problem (req, CSC_PROBLEM_INVALID_FIELD, field,
                               "“%s” is not an item of this matter’s checklist.", item);
          return FALSE;
        }

      if (!g_hash_table_add (seen, (gpointer)item))
        {
          csc_request_problem (req, CSC_PROBLEM_INVALID_FIELD, field,
                               "Checklist item “%s” has more than one verdict.", item);
          return FALSE;
        }

      if (!g_str_equal (value, "verified") && !g_str_equal (value, "problem"))
        {
          csc_request_problem (req, CSC_PROBLEM_INVALID_FIELD, field,
                               "A verdict is “verified” or “problem”, not “%s”.", value);
          return FALSE;
        }

      if (g_str_equal (value, "problem"))
        {
          if (reason == NULL || *reason == '\0')
            {
              csc_request_problem (req, CSC_PROBLEM_INVALID_FIELD, field,
                                   "A problem with “%s” needs a reason the applicant can act on.",
                                   item);
              return FALSE;
            }
          (*n_problems)++;
        }

      if (material != NULL && !material_exists (req->db, case_id, material))
        {
          csc_request_problem (req, CSC_PROBLEM_INVALID_FIELD, field,
                               "Case %s has no material %s.", case_id, material);
          return FALSE;
        }

      page = json_object_get_member (verdict, "page");
      if (page != NULL && !JSON_NODE_HOLDS_NULL (page) &&
          (json_node_get_value_type (page) != G_TYPE_INT64 || json_node_get_int (page) < 1 ||
           json_node_get_int (page) > 100000))
        {
          csc_request_problem (req, CSC_PROBLEM_INVALID_FIELD, field,
                               "“page” must be a page number from 1.");
          return FALSE;
        }

      copy = json_object_new ();
      json_object_set_string_member (copy, "item", item);
      json_object_set_string_member (copy, "verdict", value);
      if (reason != NULL)
        json_object_set_string_member (copy, "reason", reason);
      if (material != NULL)
        json_object_set_string_member (copy, "material", material);
      if (page != NULL && !JSON_NODE_HOLDS_NULL (page))
        json_object_set_int_member (copy, "page", json_node_get_int (page));
      json_array_add_object_element (verdicts, copy);
    }

  return TRUE;
}

static char *
missing_required (const MatterRules *rules,
                  JsonArray         *verdicts)
{
  g_autoptr(GHashTable) given = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer code;

  for (guint i = 0; i < json_array_get_length (verdicts); i++)
    g_hash_table_add (given, (gpointer)json_object_get_string_member (
                        json_array_get_object_element (verdicts, i), "item"));

  g_hash_table_iter_init (&iter, rules->required);
  while (g_hash_table_iter_next (&iter, &code, NULL))
    if (!g_hash_table_contains (given, code))
      g_ptr_array_add (missing, code);

  if (missing->len == 0)
    return NULL;

  g_ptr_array_sort (missing, (GCompareFunc)g_strcmp0);
  g_ptr_array_add (missing, NULL);
  return g_strjoinv (", ", (char **)missing->pdata);
}

static void
post_review (CscRequest *req,
             const char *case_id)
{
  g_auto(CscCasePart) part = { 0 };
  g_auto(MatterRules) rules = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonArray) verdicts = json_array_new ();
  g_autoptr(JsonNode) verdicts_node = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CscStatement) insert = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) review = NULL;
  g_autofree char *checklist_json = NULL;
  g_autofree char *review_json = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *now = NULL;
  const char *opinion;
  const char *outcome;
  const char *next_state;
  JsonObject *body;
  JsonNode *final_node;
  gboolean final = TRUE;
  int covers = 0;
  guint n_problems;
  gint64 review_id;

  if (!csc_request_require_role (req, "approver"))
    return;

  body = csc_request_parse_object (req, FALSE, &root);
  if (body == NULL ||
      !csc_request_get_string (req, body, "opinion", MAX_OPINION, &opinion) ||
      !csc_request_get_string (req, body, "proposed_outcome", 32, &outcome))
    return;

  final_node = json_object_get_member (body, "final");
  if (final_node != NULL && !JSON_NODE_HOLDS_NULL (final_node))
    {
      if (json_node_get_value_type (final_node) != G_TYPE_BOOLEAN)
        {
          csc_request_problem (req, CSC_PROBLEM_INVALID_FIELD, "final",
                               "“final” must be true or false.");
          return;
        }
      final = json_node_get_boolean (final_node);
    }

  if (!csc_request_begin_write (req))
    return;

  if (!load_part (req, case_id, &part))
    {
      csc_request_abort_write (req);
      return;
    }

  if (!state_in (part.state, "claimed", "under_review", "reviewed", "extended", NULL))
    {
      csc_request_abort_write (req);
      csc_request_problem (req, CSC_PROBLEM_INVALID_TRANSITION, NULL,
                           g_str_equal (part.state, "forwarded")
                             ? "Case %s must be claimed before it is reviewed (it is %s)."
                             : "Case %s is %s and can no longer be reviewed.",
                           case_id, part.state);
      return;
    }

  /* A substitute works the cases of the approver they stand in for. */
  if (part.assignee_id != req->user->id &&
      (covers = caller_covers (req, &part, &error)) != 1)
    {
      csc_request_abort_write (req);
      if (covers < 0)
        csc_request_internal_error (req, error);
      else
        csc_request_problem (req, CSC_PROBLEM_NOT_ASSIGNEE, NULL,
                             "Case %s is claimed by %s; only they, or who stands in for "
                             "them, can review it.", case_id, part.assignee_name);
      return;
    }

  if (!load_matter_rules (req->db, part.matter_code, &rules, &error))
    goto failed;

  if (!outcome_allowed (&rules, outcome))
    {
      csc_request_abort_write (req);
      csc_request_problem (req, CSC_PROBLEM_INVALID_FIELD, "proposed_outcome",
                           "“%s” is not an outcome of matter %s.", outcome, part.matter_code);
      return;
    }

  if (!read_verdicts (req, case_id, body, &rules, verdicts, &n_problems))
    {
      csc_request_abort_write (req);
      return;
    }

  if (g_str_equal (outcome, "grant") && n_problems > 0)
    {
      csc_request_abort_write (req);
      csc_request_problem (req, CSC_PROBLEM_RULE_VIOLATION, "proposed_outcome",
                           "A grant cannot be proposed while %u checklist item(s) have problems.",
                           n_problems);
      return;
    }

  /* One supplement notice names every missing item at once (一次性告知). */
  if (g_str_equal (outcome, "supplement") && n_problems == 0)
    {
      csc_request_abort_write (req);
      csc_request_problem (req, CSC_PROBLEM_RULE_VIOLATION, "proposed_outcome",
                           "A supplement notice must name the checklist items with problems; "
                           "none is marked.");
      return;
    }

  if (final && (missing = missing_required (&rules, verdicts)) != NULL)
    {
      csc_request_abort_write (req);
      csc_request_problem (req, CSC_PROBLEM_RULE_VIOLATION, "checklist",
                           "A final review needs a verdict on every required item; missing: %s.",
                           missing);
      return;
    }

  verdicts_node = json_node_init_array (json_node_alloc (), verdicts);
  checklist_json = csc_json_to_string (verdicts_node);
  now = csc_now_timestamp ();

  insert = csc_database_prepare (req->db,
                                 "INSERT INTO reviews (case_id, department, author_id, opinion,"
                                 " proposed_outcome, final, checklist, created_at)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                 &error);
  if (insert == NULL)
    goto failed;
  sqlite3_bind_text (insert, 1, case_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 2, req->user->department, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 3, req->user->id);
  sqlite3_bind_text (insert, 4, opinion, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 5, outcome, -1, SQLITE_STATIC);
  sqlite3_bind_int (insert, 6, final);
  sqlite3_bind_text (insert, 7, checklist_json, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 8, now, -1, SQLITE_STATIC);
  if (!csc_database_step_done (req->db, insert, &error))
    goto failed;
  review_id = sqlite3_last_insert_rowid (csc_database_get_handle (req->db));

  next_state = final ? "reviewed"
                     : (g_str_equal (part.state, "extended") ? "extended" : "under_review");
  /* A substitute's review leaves the case with the approver it belongs to. */
  if (!set_part_state (req, case_id, next_state, part.assignee_id, &error))
    goto failed;

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, review_id);
  json_builder_set_member_name (builder, "author");
  json_builder_begin_object (builder);
  csc_builder_add_string (builder, "username", req->user->username);
  csc_builder_add_string (builder, "name", req->user->name);
  json_builder_end_object (builder);
  csc_builder_add_string (builder, "opinion", opinion);
  csc_builder_add_string (builder, "proposed_outcome", outcome);
  json_builder_set_member_name (builder, "final");
  json_builder_add_boolean_value (builder, final);
  json_builder_set_member_name (builder, "checklist");
  json_builder_add_value (builder, json_node_copy (verdicts_node));
  csc_builder_add_string (builder, "created_at", now);
  json_builder_end_object (builder);
  review = json_builder_get_root (builder);
  review_json = csc_json_to_string (review);

  detail = g_strdup_printf ("{\"from\":\"%s\",\"to\":\"%s\",\"review\":%" G_GINT64_FORMAT
                            ",\"proposed_outcome\":\"%s\",\"final\":%s}",
                            part.state, next_state, review_id, outcome,
                            final ? "true" : "false");
  csc_request_commit_change (req, case_id, "case.changed",
                             &(CscChange) { .action = final ? "review.submitted"
                                                            : "review.saved",
                                            .detail = detail },
                             SOUP_STATUS_CREATED, "review", review_json);
  return;

failed:
  csc_request_abort_write (req);
  csc_request_internal_error (req, error);
}

/* GET /v1/cases/{id}/audit --------------------------------------------------- */

static void
get_audit (CscRequest *req,
           const char *case_id)
{
  g_auto(CscCasePart) part = { 0 };
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(CscStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;
  int rc;

  if (!load_part (req, case_id, &part))
    return;

  stmt = csc_database_prepare (req->db,
                               "SELECT a.seq, a.at, a.actor, u.name, a.department, a.action,"
                               " a.reason, a.detail, a.prev_hash, a.hash"
                               " FROM audit a LEFT JOIN users u ON u.username = a.actor"
                               " WHERE a.case_id = ? ORDER BY a.seq",
                               &error);
  if (stmt == NULL)
    {
      csc_request_internal_error (req, error);
      return;
    }

  sqlite3_bind_text (stmt, 1, case_id, -1, SQLITE_STATIC);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "seq");
      json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 0));
      csc_builder_add_column_text (builder, "at", stmt, 1);
      json_builder_set_member_name (builder, "actor");
      json_builder_begin_object (builder);
      csc_builder_add_column_text (builder, "username", stmt, 2);
      csc_builder_add_column_text (builder, "name", stmt, 3);
      csc_builder_add_column_text (builder, "department", stmt, 4);
      json_builder_end_object (builder);
      csc_builder_add_column_text (builder, "action", stmt, 5);
      csc_builder_add_column_text (builder, "reason", stmt, 6);
      csc_builder_add_column_json (builder, "detail", stmt, 7);
      csc_builder_add_column_text (builder, "prev_hash", stmt, 8);
      csc_builder_add_column_text (builder, "hash", stmt, 9);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  if (rc != SQLITE_DONE)
    {
      csc_database_set_error (req->db, &error, "reading the audit trail");
      csc_request_internal_error (req, error);
      return;
    }

  root = json_builder_get_root (builder);
  csc_request_respond_node (req, SOUP_STATUS_OK, root);
}

/* Dispatch ------------------------------------------------------------------------ */

void
csc_server_handle_cases (CscRequest *req)
{
  const char *case_id = req->n_segments > 1 ? req->segments[1] : NULL;
  const char *sub = req->n_segments > 2 ? req->segments[2] : NULL;

  switch (req->n_segments)
    {
    case 1:
      if (method_is (req, SOUP_METHOD_GET))
        list_cases (req);
      return;

    case 2:
      if (method_is (req, SOUP_METHOD_GET))
        get_case (req, case_id);
      return;

    case 3:
      if (g_str_equal (sub, "claim"))
        {
          if (method_is (req, SOUP_METHOD_POST))
            claim_case (req, case_id);
          return;
        }
      if (g_str_equal (sub, "release"))
        {
          if (method_is (req, SOUP_METHOD_POST))
            release_case (req, case_id);
          return;
        }
      if (g_str_equal (sub, "reviews"))
        {
          if (method_is (req, SOUP_METHOD_POST))
            post_review (req, case_id);
          return;
        }
      if (g_str_equal (sub, "decisions"))
        {
          csc_server_handle_decisions (req, case_id);
          return;
        }
      if (g_str_equal (sub, "audit"))
        {
          if (method_is (req, SOUP_METHOD_GET))
            get_audit (req, case_id);
          return;
        }
      break;

    case 5:
      if (g_str_equal (sub, "materials") && g_str_equal (req->segments[4], "content"))
        {
          if (method_is (req, SOUP_METHOD_GET))
            get_material_content (req, case_id, req->segments[3]);
          return;
        }
      break;

    default:
      break;
    }

  csc_request_problem (req, CSC_PROBLEM_NOT_FOUND, NULL, "There is no such resource.");
}
