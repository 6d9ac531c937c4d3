/* csc-server-supervision.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CscServer"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <countersign.h>

#include "csc-audit.h"
#include "csc-case-store.h"
#include "csc-server-private.h"
#include "csc-util.h"

/* What the chief representative supervises in the department:
 *
 *   GET  /v1/departments/{code}/stats          the figures of a period
 *   POST /v1/departments/{code}/assignments    hand cases to an approver
 *   GET  /v1/departments/{code}/substitutions  absences and who covers them
 *   POST /v1/departments/{code}/substitutions
 *
 * Only the department's own chief representative; another department's
 * code is 404, as for its cases. Working days are counted with the core's
 * legal clock on the published calendar, as the desk counts them. */

#define MAX_REASON 2000
#define MAX_ASSIGNMENTS 200
#define MAX_PERIOD_DAYS 1100

/* Requests ------------------------------------------------------------------- */

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

static char *
today_in_china (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("+08:00");
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);

  return g_date_time_format (now, "%F");
}

static gboolean
date_param (CscRequest *req,
            const char *name,
            gboolean    required,
            GDate      *date)
{
  const char *text = req->query != NULL ? g_hash_table_lookup (req->query, name) : NULL;

  g_date_clear (date, 1);
  if (text == NULL && !required)
    return TRUE;

  if (!csc_parse_date (text, date))
    {
      csc_request_problem (req, CSC_PROBLEM_INVALID_PARAMETER, name,
                           "“%s” must be a date such as 2026-11-02.", name);
      return FALSE;
    }
  return TRUE;
}

/* The user with @username in @department who has @role, or 0. */
static gint64
department_user (CscDatabase  *db,
                 const char   *department,
                 const char   *username,
                 const char   *role,
                 GError      **error)
{
  g_autoptr(CscStatement) stmt = NULL;
  int rc;

  stmt = csc_database_prepare (db,
                               "SELECT id FROM users WHERE username = ? AND department = ?"
                               " AND (' ' || roles || ' ') LIKE ('% ' || ? || ' %')",
                               error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_text (stmt, 1, username, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, department, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, role, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      csc_database_set_error (db, error, "looking up a user");
      return -1;
    }
  return 0;
}

/* Substitutions ---------------------------------------------------------------- */

/**
 * csc_server_substitute_covers:
 * @db: the database
 * @department: the department of the part
 * @absent_id: the user who holds the part
 * @substitute_id: the user who wants to act on it
 * @error: return location for an error
 *
 * Whether @substitute_id covers @absent_id's cases today (China time),
 * through a substitution the chief representative recorded.
 *
 * Returns: 1 if so, 0 if not, -1 with @error set on failure
 */
int
csc_server_substitute_covers (CscDatabase  *db,
                              const char   *department,
                              gint64        absent_id,
                              gint64        substitute_id,
                              GError      **error)
{
  g_autoptr(CscStatement) stmt = NULL;
  g_autofree char *today = today_in_china ();
  int rc;

  if (absent_id <= 0 || substitute_id <= 0)
    return 0;

  stmt = csc_database_prepare (db,
                               "SELECT 1 FROM substitutions WHERE department = ?"
                               " AND absent_id = ? AND substitute_id = ?"
                               " AND from_date <= ?4 AND to_date >= ?4",
                               error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_text (stmt, 1, department, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, absent_id);
  sqlite3_bind_int64 (stmt, 3, substitute_id);
  sqlite3_bind_text (stmt, 4, today, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return 1;
  if (rc != SQLITE_DONE)
    {
      csc_database_set_error (db, error, "reading the substitutions");
      return -1;
    }
  return 0;
}

static void
add_substitution (JsonBuilder  *builder,
                  sqlite3_stmt *stmt)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 0));
  json_builder_set_member_name (builder, "absent");
  json_builder_begin_object (builder);
  csc_builder_add_column_text (builder, "username", stmt, 1);
  csc_builder_add_column_text (builder, "name", stmt, 2);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "substitute");
  json_builder_begin_object (builder);
  csc_builder_add_column_text (builder, "username", stmt, 3);
  csc_builder_add_column_text (builder, "name", stmt, 4);
  json_builder_end_object (builder);
  csc_builder_add_column_text (builder, "from", stmt, 5);
  csc_builder_add_column_text (builder, "to", stmt, 6);
  csc_builder_add_column_text (builder, "reason", stmt, 7);
  csc_builder_add_column_text (builder, "created_by", stmt, 8);
  csc_builder_add_column_text (builder, "created_at", stmt, 9);
  json_builder_end_object (builder);
}

#define SUBSTITUTION_SELECT \
  "SELECT s.id, a.username, a.name, b.username, b.name, s.from_date, s.to_date," \
  " s.reason, c.username, s.created_at FROM substitutions s" \
  " JOIN users a ON a.id = s.absent_id JOIN users b ON b.id = s.substitute_id" \
  " JOIN users c ON c.id = s.created_by"

static void
list_substitutions (CscRequest *req,
                    const char *department)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(CscStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;
  int rc;

  stmt = csc_database_prepare (req->db,
                               SUBSTITUTION_SELECT " WHERE s.department = ?"
                               " ORDER BY s.from_date, s.id",
                               &error);
  if (stmt == NULL)
    {
      csc_request_internal_error (req, error);
      return;
    }
  sqlite3_bind_text (stmt, 1, department, -1, SQLITE_STATIC);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_substitution (builder, stmt);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  if (rc != SQLITE_DONE)
    {
      csc_database_set_error (req->db, &error, "reading the substitutions");
      csc_request_internal_error (req, error);
      return;
    }

  root = json_builder_get_root (builder);
  csc_request_respond_node (req, SOUP_STATUS_OK, root);
}

static gboolean
body_date (CscRequest *req,
           JsonObject *body,
           const char *member,
           GDate      *date)
{
  const char *text;

  if (!csc_request_get_string (req, body, member, 10, &text))
    return FALSE;
  if (!csc_parse_date (text, date))
    {
      csc_request_problem (req, CSC_PROBLEM_INVALID_FIELD, member,
                           "“%s” must be a date such as 2026-11-02.", member);
      return FALSE;
    }
  return TRUE;
}

static gboolean
body_reason (CscRequest  *req,
             JsonObject  *body,
             const char **reason)
{
  const char *c;

  if (!csc_request_get_string (req, body, "reason", MAX_REASON, reason))
    return FALSE;
  for (c = *reason; *c != '\0' && g_ascii_isspace (*c); c++)
    ;
  if (*c == '\0')
    {
      csc_request_problem (req, CSC_PROBLEM_INVALID_FIELD, "reason",
                           "Give the reason, for the audit trail.");
      return FALSE;
    }
  return TRUE;
}

static void
create_substitution (CscRequest *req,
                     const char *department)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(CscStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *now = csc_now_timestamp ();
  g_autofree char *detail = NULL;
  g_autofree char *json = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  JsonObject *body;
  const char *absent;
  const char *substitute;
  const char *reason;
  gint64 absent_id, substitute_id, id;
  GDate from, to;

  body = csc_request_parse_object (req, FALSE, &root);
  if (body == NULL ||
      !csc_request_get_string (req, body, "absent", 64, &absent) ||
      !csc_request_get_string (req, body, "substitute", 64, &substitute) ||
      !body_date (req, body, "from", &from) ||
      !body_date (req, body, "to", &to) ||
      !body_reason (req, body, &reason))
    return;

  if (g_date_compare (&to, &from) < 0)
    {
      csc_request_problem (req, CSC_PROBLEM_INVALID_FIELD, "to",
                           "The substitution ends before it starts.");
      return;
    }

  if ((absent_id = department_user (req->db, department, absent, "approver", &error)) < 0 ||
      (substitute_id = department_user (req->db, department, substitute, "approver", &error)) < 0)
    {
      csc_request_internal_error (req, error);
      return;
    }
  if (absent_id == 0)
    {
      csc_request_problem (req, CSC_PROBLEM_INVALID_FIELD, "absent",
                           "“%s” is not an approver of your department.", absent);
      return;
    }
  if (substitute_id == 0)
    {
      csc_request_problem (req, CSC_PROBLEM_INVALID_FIELD, "substitute",
                           "“%s” is not an approver of your department.", substitute);
      return;
    }
  if (absent_id == substitute_id)
    {
      csc_request_problem (req, CSC_PROBLEM_RULE_VIOLATION, "substitute",
                           "An approver cannot stand in for themselves.");
      return;
    }

  if (!csc_request_begin_write (req))
    return;

  from_text = csc_format_date (&from);
  to_text = csc_format_date (&to);
  stmt = csc_database_prepare (req->db,
                               "INSERT INTO substitutions (department, absent_id, substitute_id,"
                               " from_date, to_date, reason, created_by, created_at)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                               &error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, department, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, absent_id);
  sqlite3_bind_int64 (stmt, 3, substitute_id);
  sqlite3_bind_text (stmt, 4, from_text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, to_text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, reason, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, req->user->id);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_STATIC);
  if (!csc_database_step_done (req->db, stmt, &error))
    goto failed;
  id = sqlite3_last_insert_rowid (csc_database_get_handle (req->db));
  g_clear_pointer (&stmt, csc_statement_release);

  {
    g_autoptr(JsonBuilder) d = json_builder_new_immutable ();
    g_autoptr(JsonNode) dn = NULL;
    CscAuditEntry entry = {
      .at = now,
      .case_id = NULL,
      .actor = req->user->username,
      .department = department,
      .action = "substitution.created",
      .reason = reason,
    };

    json_builder_begin_object (d);
    json_builder_set_member_name (d, "id");
    json_builder_add_int_value (d, id);
    csc_builder_add_string (d, "absent", absent);
    csc_builder_add_string (d, "substitute", substitute);
    csc_builder_add_string (d, "from", from_text);
    csc_builder_add_string (d, "to", to_text);
    json_builder_end_object (d);
    dn = json_builder_get_root (d);
    detail = csc_json_to_string (dn);
    entry.detail = detail;
    if (!csc_audit_append (req->db, &entry, &error))
      goto failed;
  }

  stmt = csc_database_prepare (req->db, SUBSTITUTION_SELECT " WHERE s.id = ?", &error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      csc_database_set_error (req->db, &error, "reading the new substitution");
      goto failed;
    }
  add_substitution (builder, stmt);
  answer = json_builder_get_root (builder);
  json = csc_json_to_string (answer);
  csc_request_finish_write (req, SOUP_STATUS_CREATED, json);
  return;

failed:
  csc_request_abort_write (req);
  csc_request_internal_error (req, error);
}

/* Assignments ------------------------------------------------------------------- */

static gboolean
set_assignee (CscDatabase  *db,
              const char   *case_id,
              const char   *department,
              const char   *state,
              gint64        assignee_id,
              GError      **error)
{
  g_autoptr(CscStatement) stmt = NULL;

  stmt = csc_database_prepare (db,
                               "UPDATE case_parts SET state = ?, assignee_id = ?"
                               " WHERE case_id = ? AND department = ?",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, state, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, assignee_id);
  sqlite3_bind_text (stmt, 3, case_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, department, -1, SQLITE_STATIC);
  return csc_database_step_done (db, stmt, error);
}

/* Hands one or more cases to an approver, all or none: a part waiting in
 * the queue becomes claimed by them, a part being worked keeps its state
 * and changes hands. A reviewed or finished part has no one to hand it to. */
static void
create_assignments (CscRequest *req,
                    const char *department)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GString) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *now = csc_now_timestamp ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *body;
  JsonNode *cases_node;
  JsonArray *cases;
  const char *assignee;
  const char *reason;
  gint64 assignee_id;
  guint n;

  body = csc_request_parse_object (req, FALSE, &root);
  if (body == NULL ||
      !csc_request_get_string (req, body, "assignee", 64, &assignee) ||
      !body_reason (req, body, &reason))
    return;

  cases_node = json_object_get_member (body, "cases");
  if (cases_node == NULL || !JSON_NODE_HOLDS_ARRAY (cases_node))
    {
      csc_request_problem (req, CSC_PROBLEM_INVALID_FIELD, "cases",
                           "“cases” must be a list of case IDs.");
      return;
    }
  cases = json_node_get_array (cases_node);
  n = json_array_get_length (cases);
  if (n == 0 || n > MAX_ASSIGNMENTS)
    {
      csc_request_problem (req, CSC_PROBLEM_INVALID_FIELD, "cases",
                           "Assign from 1 to %d cases at a time.", MAX_ASSIGNMENTS);
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (cases, i);

      if (!JSON_NODE_HOLDS_VALUE (element) ||
          json_node_get_value_type (element) != G_TYPE_STRING ||
          strlen (json_node_get_string (element)) == 0 ||
          strlen (json_node_get_string (element)) > 128 ||
          !g_hash_table_add (seen, (gpointer)json_node_get_string (element)))
        {
          g_autofree char *field = g_strdup_printf ("cases[%u]", i);

          csc_request_problem (req, CSC_PROBLEM_INVALID_FIELD, field,
                               "Each case is named once, by its ID.");
          return;
        }
    }

  assignee_id = department_user (req->db, department, assignee, "approver", &error);
  if (assignee_id < 0)
    {
      csc_request_internal_error (req, error);
      return;
    }
  if (assignee_id == 0)
    {
      csc_request_problem (req, CSC_PROBLEM_INVALID_FIELD, "assignee",
                           "“%s” is not an approver of your department.", assignee);
      return;
    }

  if (!csc_request_begin_write (req))
    return;

  answer = g_string_new ("{\"items\":[");
  for (guint i = 0; i < n; i++)
    {
      const char *case_id = json_array_get_string_element (cases, i);
      g_auto(CscCasePart) part = { 0 };
      g_autofree char *summary = NULL;
      g_autofree char *detail = NULL;
      g_autofree char *previous = NULL;
      const char *state;
      CscAuditEntry entry = {
        .at = now,
        .case_id = case_id,
        .actor = req->user->username,
        .department = department,
        .action = "case.assigned",
        .reason = reason,
      };

      if (!csc_case_store_load_part (req->db, case_id, department, &part, &error))
        {
          csc_request_abort_write (req);
          if (error != NULL)
            csc_request_internal_error (req, error);
          else
            csc_request_problem (req, CSC_PROBLEM_NOT_FOUND, NULL,
                                 "There is no case %s for your department.", case_id);
          return;
        }

      if (g_str_equal (part.state, "forwarded"))
        state = "claimed";
      else if (g_str_equal (part.state, "claimed") || g_str_equal (part.state, "under_review") ||
               g_str_equal (part.state, "extended"))
        state = part.state;
      else
        {
          csc_request_abort_write (req);
          csc_request_problem (req, CSC_PROBLEM_INVALID_TRANSITION, NULL,
                               "Case %s is %s; only a case waiting or being worked on can be "
                               "assigned.", case_id, part.state);
          return;
        }

      if (part.assignee_id > 0)
        {
          g_autoptr(CscStatement) stmt = NULL;

          stmt = csc_database_prepare (req->db, "SELECT username FROM users WHERE id = ?", &error);
          if (stmt == NULL)
            goto failed;
          sqlite3_bind_int64 (stmt, 1, part.assignee_id);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            previous = g_strdup (csc_column_text (stmt, 0));
        }

      {
        g_autoptr(JsonBuilder) d = json_builder_new_immutable ();
        g_autoptr(JsonNode) dn = NULL;

        json_builder_begin_object (d);
        csc_builder_add_string (d, "from", part.state);
        csc_builder_add_string (d, "to", state);
        json_builder_set_member_name (d, "previous_assignee");
        if (previous != NULL)
          json_builder_add_string_value (d, previous);
        else
          json_builder_add_null_value (d);
        csc_builder_add_string (d, "assignee", assignee);
        json_builder_end_object (d);
        dn = json_builder_get_root (d);
        detail = csc_json_to_string (dn);
      }
      entry.detail = detail;

      if (!set_assignee (req->db, case_id, department, state, assignee_id, &error) ||
          !csc_case_store_touch (req->db, case_id, "case.changed", now, &error) ||
          !csc_audit_append (req->db, &entry, &error))
        goto failed;

      summary = csc_case_store_dup_summary (req->db, case_id, department, &error);
      if (summary == NULL)
        goto failed;
      if (i > 0)
        g_string_append_c (answer, ',');
      g_string_append (answer, summary);
    }
  g_string_append (answer, "]}");

  csc_request_finish_write (req, SOUP_STATUS_OK, answer->str);
  return;

failed:
  csc_request_abort_write (req);
  csc_request_internal_error (req, error);
}

/* Figures ------------------------------------------------------------------------ */

typedef struct
{
  char   *key;
  char   *name;
  guint   decided;
  guint   within_promised;
  GArray *days;            /* int: actual working days of each decided part */
  guint64 statutory_sum;   /* the statutory limits (with extensions) of the same */
  guint   instant_decided;
  guint   instant_same_day;
  guint   accepted;
  guint   supplement_notices;
} Figures;

static Figures *
figures_new (const char *key,
             const char *name)
{
  Figures *f = g_new0 (Figures, 1);

  f->key = g_strdup (key);
  f->name = g_strdup (name);
  f->days = g_array_new (FALSE, FALSE, sizeof (int));
  return f;
}

static void
figures_free (Figures *f)
{
  g_free (f->key);
  g_free (f->name);
  g_array_unref (f->days);
  g_free (f);
}

static Figures *
figures_lookup (GHashTable *table,
                GPtrArray  *order,
                const char *key,
                const char *name)
{
  Figures *f = g_hash_table_lookup (table, key);

  if (f == NULL)
    {
      f = figures_new (key, name);
      g_hash_table_insert (table, f->key, f);
      g_ptr_array_add (order, f);
    }
  return f;
}

static int
compare_int (gconstpointer a,
             gconstpointer b)
{
  int x = *(const int *)a, y = *(const int *)b;

  return (x > y) - (x < y);
}

static void
add_ratio (JsonBuilder *builder,
           const char  *member,
           double       numerator,
           double       denominator,
           double       scale)
{
  json_builder_set_member_name (builder, member);
  if (denominator > 0)
    json_builder_add_double_value (builder, scale * numerator / denominator);
  else
    json_builder_add_null_value (builder);
}

static void
add_count (JsonBuilder *builder,
           const char  *member,
           gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

static void
add_figures (JsonBuilder *builder,
             Figures     *f)
{
  double sum = 0;

  for (guint i = 0; i < f->days->len; i++)
    sum += g_array_index (f->days, int, i);

  add_count (builder, "decided", f->decided);
  add_count (builder, "within_promised", f->within_promised);
  add_ratio (builder, "within_promised_pct", f->within_promised, f->decided, 100);
  add_ratio (builder, "mean_days", sum, f->days->len, 1);

  json_builder_set_member_name (builder, "median_days");
  if (f->days->len > 0)
    {
      guint n = f->days->len;

      g_array_sort (f->days, compare_int);
      if (n % 2 == 1)
        json_builder_add_double_value (builder, g_array_index (f->days, int, n / 2));
      else
        json_builder_add_double_value (builder, (g_array_index (f->days, int, n / 2 - 1) +
                                                 g_array_index (f->days, int, n / 2)) / 2.0);
    }
  else
    json_builder_add_null_value (builder);

  add_ratio (builder, "mean_statutory_limit", (double)f->statutory_sum, f->days->len, 1);
  add_ratio (builder, "ratio", sum, (double)f->statutory_sum, 1);
  add_count (builder, "instant_decided", f->instant_decided);
  add_count (builder, "instant_same_day", f->instant_same_day);
  add_ratio (builder, "instant_same_day_pct", f->instant_same_day, f->instant_decided, 100);
  add_count (builder, "accepted", f->accepted);
  add_count (builder, "supplement_notices", f->supplement_notices);
  add_ratio (builder, "supplement_rate_pct", f->supplement_notices, f->accepted, 100);
}

static gboolean
load_calendar (CscDatabase  *db,
               CsCalendar   *calendar,
               GError      **error)
{
  g_autoptr(CscStatement) years = NULL;
  g_autoptr(CscStatement) days = NULL;
  int rc;

  years = csc_database_prepare (db, "SELECT key FROM meta WHERE key LIKE 'calendar\\_%' ESCAPE '\\'",
                                error);
  if (years == NULL)
    return FALSE;
  while ((rc = sqlite3_step (years)) == SQLITE_ROW)
    {
      guint64 year;

      if (g_ascii_string_to_unsigned (csc_column_text (years, 0) + strlen ("calendar_"), 10,
                                      1900, 2200, &year, NULL))
        cs_calendar_add_year (calendar, year);
    }
  if (rc != SQLITE_DONE)
    {
      csc_database_set_error (db, error, "reading the calendar");
      return FALSE;
    }

  days = csc_database_prepare (db, "SELECT date, workday, name FROM calendar_days", error);
  if (days == NULL)
    return FALSE;
  while ((rc = sqlite3_step (days)) == SQLITE_ROW)
    {
      GDate date;

      if (csc_parse_date (csc_column_text (days, 0), &date))
        cs_calendar_set_exception (calendar, &date, sqlite3_column_int (days, 1),
                                   csc_column_text (days, 2));
    }
  if (rc != SQLITE_DONE)
    {
      csc_database_set_error (db, error, "reading the calendar");
      return FALSE;
    }
  return TRUE;
}

static int
clock_rank (CsClockState state)
{
  switch (state)
    {
    case CS_CLOCK_STATE_RED:
      return 3;
    case CS_CLOCK_STATE_YELLOW:
      return 2;
    case CS_CLOCK_STATE_PAUSED:
      return 1;
    case CS_CLOCK_STATE_ON_TRACK:
    default:
      return 0;
    }
}

/* The working days a decided part took: those after acceptance up to and
 * including the day of the decision, without the suspended ones. */
static int
working_days_taken (CsLegalClock *clock,
                    CsCalendar   *calendar,
                    const GDate  *decided)
{
  GDate day = *cs_legal_clock_get_accepted_on (clock);
  int count = 0;

  while (g_date_compare (&day, decided) < 0)
    {
      g_date_add_days (&day, 1);
      if (cs_calendar_is_workday (calendar, &day) && !cs_legal_clock_is_suspended_on (clock, &day))
        count++;
    }
  return count;
}

typedef struct
{
  guint total;
  guint states[4];   /* by clock_rank() */
  guint due_today;
  guint due_this_week;
  guint awaiting_signature;
  guint supplement_requested;
  guint suspended;
  guint waiting_on_co_departments;
} OpenFigures;

static void
get_stats (CscRequest *req,
           const char *department)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(CscStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsCalendar) calendar = cs_calendar_new ();
  g_autoptr(GHashTable) matters = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) approvers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) matter_order = g_ptr_array_new_with_free_func ((GDestroyNotify)figures_free);
  g_autoptr(GPtrArray) approver_order = g_ptr_array_new_with_free_func ((GDestroyNotify)figures_free);
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *as_of_text = NULL;
  Figures *overall = figures_new ("", "");
  OpenFigures open = { 0 };
  GDate from, to, as_of, week_end;
  int rc;

  if (!date_param (req, "from", TRUE, &from) || !date_param (req, "to", TRUE, &to) ||
      !date_param (req, "as_of", FALSE, &as_of))
    goto out;

  if (g_date_compare (&to, &from) < 0)
    {
      csc_request_problem (req, CSC_PROBLEM_INVALID_PARAMETER, "to",
                           "The period ends before it starts.");
      goto out;
    }
  if (g_date_days_between (&from, &to) > MAX_PERIOD_DAYS)
    {
      csc_request_problem (req, CSC_PROBLEM_INVALID_PARAMETER, "to",
                           "A period is at most three years.");
      goto out;
    }
  if (!g_date_valid (&as_of))
    {
      g_autofree char *today = today_in_china ();

      csc_parse_date (today, &as_of);
    }
  week_end = as_of;
  g_date_add_days (&week_end, 7 - g_date_get_weekday (&week_end));

  if (!load_calendar (req->db, calendar, &error))
    {
      csc_request_internal_error (req, error);
      goto out;
    }

  stmt = csc_database_prepare (req->db,
                               "SELECT p.summary, p.state, p.decided_on, p.supplement_requested_on,"
                               " c.accepted_on, u.username, u.name, m.name,"
                               " EXISTS (SELECT 1 FROM case_parts o WHERE o.case_id = p.case_id"
                               "         AND o.department <> p.department"
                               "         AND o.state <> 'decided')"
                               " FROM case_parts p JOIN cases c ON c.id = p.case_id"
                               " JOIN matters m ON m.code = p.matter_code"
                               " LEFT JOIN users u ON u.id = p.assignee_id"
                               " WHERE p.department = ? ORDER BY p.matter_code, c.accepted_on, c.id",
                               &error);
  if (stmt == NULL)
    {
      csc_request_internal_error (req, error);
      goto out;
    }
  sqlite3_bind_text (stmt, 1, department, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(JsonNode) summary = csc_json_parse (csc_column_text (stmt, 0), -1, &error);
      g_autoptr(CsLegalClock) clock = NULL;
      JsonObject *object, *matter;
      const char *state = csc_column_text (stmt, 1);
      const char *username = csc_column_text (stmt, 5);
      const char *matter_code;
      Figures *groups[3] = { overall, NULL, NULL };
      gboolean instant;
      GDate accepted, decided, supplement;

      if (summary == NULL || !JSON_NODE_HOLDS_OBJECT (summary))
        goto broken;
      object = json_node_get_object (summary);
      matter = json_object_get_object_member (object, "matter");
      matter_code = json_object_get_string_member (matter, "code");
      instant = json_object_get_boolean_member (object, "instant");
      clock = cs_legal_clock_new_from_json (json_object_get_object_member (object, "clock"),
                                            json_object_get_boolean_member (object, "green_channel"),
                                            instant, &error);
      if (clock == NULL || !csc_parse_date (csc_column_text (stmt, 4), &accepted))
        goto broken;

      groups[1] = figures_lookup (matters, matter_order, matter_code, csc_column_text (stmt, 7));
      if (username != NULL)
        groups[2] = figures_lookup (approvers, approver_order, username, csc_column_text (stmt, 6));

      if (g_str_equal (state, "decided") && csc_parse_date (csc_column_text (stmt, 2), &decided) &&
          g_date_compare (&decided, &from) >= 0 && g_date_compare (&decided, &to) <= 0)
        {
          g_autoptr(CsDeadline) promised = NULL;
          int days = working_days_taken (clock, calendar, &decided);
          gboolean within;

          promised = cs_legal_clock_compute_promised (clock, calendar, &decided, &error);
          if (promised == NULL)
            goto clock_failed;
          within = g_date_compare (&decided, cs_deadline_get_due (promised)) <= 0;

          for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
            {
              Figures *f = groups[g];

              if (f == NULL)
                continue;
              f->decided++;
              f->within_promised += within;
              g_array_append_val (f->days, days);
              f->statutory_sum += cs_legal_clock_get_limit (clock, CS_DEADLINE_STATUTORY);
              if (instant)
                {
                  f->instant_decided++;
                  f->instant_same_day += g_date_compare (&decided, &accepted) == 0;
                }
            }
        }

      if (g_date_compare (&accepted, &from) >= 0 && g_date_compare (&accepted, &to) <= 0)
        {
          gboolean notice = csc_parse_date (csc_column_text (stmt, 3), &supplement);

          for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
            if (groups[g] != NULL)
              {
                groups[g]->accepted++;
                groups[g]->supplement_notices += notice;
              }
        }

      /* Where the department stands on @as_of. */
      if (g_str_equal (state, "decided"))
        {
          if (sqlite3_column_int (stmt, 8))
            open.waiting_on_co_departments++;
        }
      else if (g_str_equal (state, "supplement_requested"))
        open.supplement_requested++;
      else if (g_date_compare (&accepted, &as_of) <= 0)
        {
          g_autoptr(CsDeadline) statutory = NULL;
          g_autoptr(CsDeadline) promised = NULL;
          const GDate *due_promised, *due_statutory;
          int rank;

          statutory = cs_legal_clock_compute_statutory (clock, calendar, &as_of, &error);
          if (statutory == NULL)
            goto clock_failed;
          promised = cs_legal_clock_compute_promised (clock, calendar, &as_of, &error);
          if (promised == NULL)
            goto clock_failed;

          rank = MAX (clock_rank (cs_deadline_get_state (statutory, &as_of)),
                      clock_rank (cs_deadline_get_state (promised, &as_of)));
          open.total++;
          open.states[rank]++;

          due_promised = cs_deadline_get_due (promised);
          due_statutory = cs_deadline_get_due (statutory);
          if (g_date_compare (due_promised, &as_of) == 0 ||
              g_date_compare (due_statutory, &as_of) == 0)
            open.due_today++;
          if ((g_date_compare (due_promised, &as_of) >= 0 &&
               g_date_compare (due_promised, &week_end) <= 0) ||
              (g_date_compare (due_statutory, &as_of) >= 0 &&
               g_date_compare (due_statutory, &week_end) <= 0))
            open.due_this_week++;
          if (g_str_equal (state, "reviewed"))
            open.awaiting_signature++;
          if (g_str_equal (state, "suspended"))
            open.suspended++;
        }
      continue;

broken:
      if (error == NULL)
        g_set_error (&error, CSC_DATABASE_ERROR, CSC_DATABASE_ERROR_SCHEMA,
                     "a case part's summary cannot be read");
      csc_request_internal_error (req, error);
      goto out;

clock_failed:
      if (g_error_matches (error, CS_LEGAL_CLOCK_ERROR, CS_LEGAL_CLOCK_ERROR_UNPUBLISHED_YEAR))
        csc_request_problem (req, CSC_PROBLEM_CALENDAR_NOT_PUBLISHED, NULL,
                             "The figures need a calendar that has not been published: %s",
                             error->message);
      else
        csc_request_internal_error (req, error);
      goto out;
    }

  if (rc != SQLITE_DONE)
    {
      csc_database_set_error (req->db, &error, "reading the cases");
      csc_request_internal_error (req, error);
      goto out;
    }

  from_text = csc_format_date (&from);
  to_text = csc_format_date (&to);
  as_of_text = csc_format_date (&as_of);

  json_builder_begin_object (builder);
  csc_builder_add_string (builder, "department", department);
  csc_builder_add_string (builder, "from", from_text);
  csc_builder_add_string (builder, "to", to_text);
  csc_builder_add_string (builder, "as_of", as_of_text);
  json_builder_set_member_name (builder, "overall");
  json_builder_begin_object (builder);
  add_figures (builder, overall);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "matters");
  json_builder_begin_array (builder);
  for (guint i = 0; i < matter_order->len; i++)
    {
      Figures *f = g_ptr_array_index (matter_order, i);

      json_builder_begin_object (builder);
      csc_builder_add_string (builder, "code", f->key);
      csc_builder_add_string (builder, "name", f->name);
      add_figures (builder, f);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "approvers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < approver_order->len; i++)
    {
      Figures *f = g_ptr_array_index (approver_order, i);

      json_builder_begin_object (builder);
      csc_builder_add_string (builder, "username", f->key);
      csc_builder_add_string (builder, "name", f->name);
      add_figures (builder, f);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "open");
  json_builder_begin_object (builder);
  add_count (builder, "total", open.total);
  add_count (builder, "on_track", open.states[0]);
  add_count (builder, "paused", open.states[1]);
  add_count (builder, "yellow", open.states[2]);
  add_count (builder, "red", open.states[3]);
  add_count (builder, "due_today", open.due_today);
  add_count (builder, "due_this_week", open.due_this_week);
  add_count (builder, "awaiting_signature", open.awaiting_signature);
  add_count (builder, "supplement_requested", open.supplement_requested);
  add_count (builder, "suspended", open.suspended);
  add_count (builder, "waiting_on_co_departments", open.waiting_on_co_departments);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  answer = json_builder_get_root (builder);
  csc_request_respond_node (req, SOUP_STATUS_OK, answer);

out:
  figures_free (overall);
}

/* Dispatch ------------------------------------------------------------------------ */

void
csc_server_handle_departments (CscRequest *req)
{
  const char *department = req->n_segments > 1 ? req->segments[1] : NULL;
  const char *sub = req->n_segments > 2 ? req->segments[2] : NULL;

  if (req->n_segments != 3)
    {
      csc_request_problem (req, CSC_PROBLEM_NOT_FOUND, NULL, "There is no such resource.");
      return;
    }

  /* Another department's figures are as invisible as its cases. */
  if (!g_str_equal (department, req->user->department))
    {
      csc_request_problem (req, CSC_PROBLEM_NOT_FOUND, NULL,
                           "There is no department %s for you.", department);
      return;
    }

  if (g_str_equal (sub, "stats"))
    {
      if (method_is (req, SOUP_METHOD_GET) && csc_request_require_role (req, "chief"))
        get_stats (req, department);
      return;
    }

  if (g_str_equal (sub, "assignments"))
    {
      if (method_is (req, SOUP_METHOD_POST) && csc_request_require_role (req, "chief"))
        create_assignments (req, department);
      return;
    }

  if (g_str_equal (sub, "substitutions"))
    {
      if (g_str_equal (req->method, SOUP_METHOD_POST))
        {
          if (csc_request_require_role (req, "chief"))
            create_substitution (req, department);
        }
      else if (method_is (req, SOUP_METHOD_GET) && csc_request_require_role (req, "chief"))
        list_substitutions (req, department);
      return;
    }

  csc_request_problem (req, CSC_PROBLEM_NOT_FOUND, NULL, "There is no such resource.");
}
