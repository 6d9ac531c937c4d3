/* csc-server-catalogue.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CscServer"

#include "config.h"

#include <string.h>

#include "csc-audit.h"
#include "csc-password.h"
#include "csc-server-private.h"
#include "csc-util.h"

/* Sessions, the signed-in user, the catalogue of matters and the calendar. */

static gboolean
require_method (CscRequest *req,
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
add_user_object (JsonBuilder   *builder,
                 const CscUser *user)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, user->id);
  csc_builder_add_string (builder, "username", user->username);
  csc_builder_add_string (builder, "name", user->name);
  csc_builder_add_string (builder, "department", user->department);
  csc_builder_add_string (builder, "department_name", user->department_name);
  json_builder_set_member_name (builder, "roles");
  json_builder_begin_array (builder);
  for (guint i = 0; user->roles[i] != NULL; i++)
    json_builder_add_string_value (builder, user->roles[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static gboolean
find_user (CscDatabase  *db,
           const char   *username,
           CscUser      *user,
           GBytes      **salt,
           GBytes      **hash,
           guint        *iterations,
           GError      **error)
{
  g_autoptr(CscStatement) stmt = NULL;

  stmt = csc_database_prepare (db,
                               "SELECT u.id, u.username, u.name, u.department, d.name, u.roles,"
                               " u.password_salt, u.password_hash, u.password_iterations"
                               " FROM users u JOIN departments d ON d.code = u.department"
                               " WHERE u.username = ?",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, username, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;

  user->id = sqlite3_column_int64 (stmt, 0);
  user->username = g_strdup (csc_column_text (stmt, 1));
  user->name = g_strdup (csc_column_text (stmt, 2));
  user->department = g_strdup (csc_column_text (stmt, 3));
  user->department_name = g_strdup (csc_column_text (stmt, 4));
  user->roles = g_strsplit (csc_column_text (stmt, 5), " ", -1);
  *salt = g_bytes_new (sqlite3_column_blob (stmt, 6), sqlite3_column_bytes (stmt, 6));
  *hash = g_bytes_new (sqlite3_column_blob (stmt, 7), sqlite3_column_bytes (stmt, 7));
  *iterations = sqlite3_column_int (stmt, 8);

  return TRUE;
}

static void
clear_user (CscUser *user)
{
  g_clear_pointer (&user->username, g_free);
  g_clear_pointer (&user->name, g_free);
  g_clear_pointer (&user->department, g_free);
  g_clear_pointer (&user->department_name, g_free);
  g_clear_pointer (&user->roles, g_strfreev);
}

static void
create_session (CscRequest *req)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) salt = NULL;
  g_autoptr(GBytes) hash = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) response = NULL;
  g_autoptr(GDateTime) expires = NULL;
  g_autoptr(CscStatement) stmt = NULL;
  g_autofree char *token = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *expires_text = NULL;
  g_autofree char *json = NULL;
  g_autofree char *now = NULL;
  CscUser user = { 0 };
  CscAuditEntry entry = { 0 };
  const char *username;
  const char *password;
  guint iterations = 0;
  gboolean found;
  gint64 now_s;
  JsonObject *body;

  body = csc_request_parse_object (req, FALSE, &root);
  if (body == NULL ||
      !csc_request_get_string (req, body, "username", 64, &username) ||
      !csc_request_get_string (req, body, "password", 256, &password))
    return;

  found = find_user (req->db, username, &user, &salt, &hash, &iterations, &error);
  if (error != NULL)
    {
      csc_request_internal_error (req, error);
      return;
    }

  if (!found)
    {
      g_autoptr(GBytes) dummy_salt = g_bytes_new_static ("countersign-salt", 16);
      g_autoptr(GBytes) dummy_hash = g_bytes_new_static ("0123456789abcdef0123456789abcdef", 32);

      /* Spend the same time as for a real user, so that timing does not
       * tell which usernames exist. */
      csc_password_verify (password, CSC_PASSWORD_ITERATIONS, dummy_salt, dummy_hash);
      csc_request_problem (req, CSC_PROBLEM_INVALID_CREDENTIALS, NULL,
                           "The username or the password is wrong.");
      return;
    }

  if (!csc_password_verify (password, iterations, salt, hash))
    {
      clear_user (&user);
      csc_request_problem (req, CSC_PROBLEM_INVALID_CREDENTIALS, NULL,
                           "The username or the password is wrong.");
      return;
    }

  token = csc_token_new (&error);
  if (token == NULL)
    {
      clear_user (&user);
      csc_request_internal_error (req, error);
      return;
    }

  digest = csc_token_digest (token);
  now_s = g_get_real_time () / G_USEC_PER_SEC;
  expires = g_date_time_new_from_unix_utc (now_s + csc_server_get_token_ttl (req->server));
  expires_text = csc_format_timestamp (expires);
  now = csc_now_timestamp ();

  if (!csc_database_begin (req->db, &error))
    goto failed;

  stmt = csc_database_prepare (req->db,
                               "INSERT INTO tokens (token_hash, user_id, created_at, expires_at)"
                               " VALUES (?, ?, ?, ?)",
                               &error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, digest, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, user.id);
  sqlite3_bind_int64 (stmt, 3, now_s);
  sqlite3_bind_int64 (stmt, 4, now_s + csc_server_get_token_ttl (req->server));
  if (!csc_database_step_done (req->db, stmt, &error))
    goto failed;

  entry.at = now;
  entry.actor = user.username;
  entry.department = user.department;
  entry.action = "session.created";
  if (!csc_audit_append (req->db, &entry, &error) ||
      !csc_database_commit (req->db, &error))
    goto failed;

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  csc_builder_add_string (builder, "token", token);
  csc_builder_add_string (builder, "expires_at", expires_text);
  json_builder_set_member_name (builder, "user");
  add_user_object (builder, &user);
  json_builder_end_object (builder);
  response = json_builder_get_root (builder);

  clear_user (&user);
  csc_request_respond_node (req, SOUP_STATUS_CREATED, response);
  return;

failed:
  clear_user (&user);
  csc_database_rollback (req->db);
  csc_request_internal_error (req, error);
}

static void
delete_session (CscRequest *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CscStatement) stmt = NULL;
  g_autofree char *digest = g_strdup (req->token_digest);
  g_autofree char *now = csc_now_timestamp ();
  CscAuditEntry entry = { 0 };


  if (!csc_database_begin (req->db, &error))
    goto failed;

  stmt = csc_database_prepare (req->db, "DELETE FROM tokens WHERE token_hash = ?", &error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, digest, -1, SQLITE_STATIC);
  if (!csc_database_step_done (req->db, stmt, &error))
    goto failed;

  entry.at = now;
  entry.actor = req->user->username;
  entry.department = req->user->department;
  entry.action = "session.ended";
  if (!csc_audit_append (req->db, &entry, &error) ||
      !csc_database_commit (req->db, &error))
    goto failed;

  /* The cached user belongs to the token: forget it last. */
  req->user = NULL;
  csc_server_forget_token (req->server, digest);
  soup_server_message_set_status (req->msg, SOUP_STATUS_NO_CONTENT, NULL);
  return;

failed:
  csc_database_rollback (req->db);
  csc_request_internal_error (req, error);
}

void
csc_server_handle_sessions (CscRequest *req)
{
  if (req->n_segments == 1 && require_method (req, SOUP_METHOD_POST))
    create_session (req);
  else if (req->n_segments == 2 && g_str_equal (req->segments[1], "current"))
    {
      if (require_method (req, SOUP_METHOD_DELETE))
        delete_session (req);
    }
  else if (req->n_segments != 1)
    csc_request_problem (req, CSC_PROBLEM_NOT_FOUND, NULL, "There is no such session.");
}

void
csc_server_handle_me (CscRequest *req)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;

  if (req->n_segments != 1)
    {
      csc_request_problem (req, CSC_PROBLEM_NOT_FOUND, NULL, "There is no such resource.");
      return;
    }

  if (!require_method (req, SOUP_METHOD_GET))
    return;

  builder = json_builder_new_immutable ();
  add_user_object (builder, req->user);
  root = json_builder_get_root (builder);
  csc_request_respond_node (req, SOUP_STATUS_OK, root);
}

static gboolean
add_checklist (CscDatabase  *db,
               JsonBuilder  *builder,
               const char   *matter_code,
               GError      **error)
{
  g_autoptr(CscStatement) stmt = NULL;
  int rc;

  stmt = csc_database_prepare (db,
                               "SELECT code, name, copies, form, requirement, condition"
                               " FROM checklist_items WHERE matter_code = ? ORDER BY position",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, matter_code, -1, SQLITE_STATIC);

  json_builder_set_member_name (builder, "checklist");
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      csc_builder_add_column_text (builder, "code", stmt, 0);
      csc_builder_add_column_text (builder, "name", stmt, 1);
      json_builder_set_member_name (builder, "copies");
      json_builder_add_int_value (builder, sqlite3_column_int (stmt, 2));
      csc_builder_add_column_text (builder, "form", stmt, 3);
      csc_builder_add_column_text (builder, "requirement", stmt, 4);
      csc_builder_add_column_text (builder, "condition", stmt, 5);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (rc != SQLITE_DONE)
    {
      csc_database_set_error (db, error, "reading a checklist");
      return FALSE;
    }

  return TRUE;
}

void
csc_server_handle_matters (CscRequest *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(CscStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;
  int rc;

  if (req->n_segments != 1)
    {
      csc_request_problem (req, CSC_PROBLEM_NOT_FOUND, NULL, "There is no such resource.");
      return;
    }

  if (!require_method (req, SOUP_METHOD_GET))
    return;

  stmt = csc_database_prepare (req->db,
                               "SELECT m.code, m.name, m.department, d.name, m.statutory_limit,"
                               " m.promised_limit, m.instant, m.outcomes, m.legal_basis, m.co_matters"
                               " FROM matters m JOIN departments d ON d.code = m.department"
                               " ORDER BY d.position, m.position",
                               &error);
  if (stmt == NULL)
    {
      csc_request_internal_error (req, error);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      csc_builder_add_column_text (builder, "code", stmt, 0);
      csc_builder_add_column_text (builder, "name", stmt, 1);
      csc_builder_add_column_text (builder, "department", stmt, 2);
      csc_builder_add_column_text (builder, "department_name", stmt, 3);
      json_builder_set_member_name (builder, "statutory_limit");
      json_builder_add_int_value (builder, sqlite3_column_int (stmt, 4));
      json_builder_set_member_name (builder, "promised_limit");
      json_builder_add_int_value (builder, sqlite3_column_int (stmt, 5));
      json_builder_set_member_name (builder, "instant");
      json_builder_add_boolean_value (builder, sqlite3_column_int (stmt, 6) != 0);
      csc_builder_add_column_json (builder, "outcomes", stmt, 7);
      csc_builder_add_column_text (builder, "legal_basis", stmt, 8);
      csc_builder_add_column_json (builder, "co_matters", stmt, 9);
      if (!add_checklist (req->db, builder, csc_column_text (stmt, 0), &error))
        {
          csc_request_internal_error (req, error);
          return;
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  if (rc != SQLITE_DONE)
    {
      csc_database_set_error (req->db, &error, "reading the catalogue");
      csc_request_internal_error (req, error);
      return;
    }

  root = json_builder_get_root (builder);
  csc_request_respond_node (req, SOUP_STATUS_OK, root);
}

void
csc_server_handle_calendar (CscRequest *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(CscStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *year_key = NULL;
  g_autofree char *year_published = NULL;
  const char *year_text;
  gint64 year;
  int rc;

  if (req->n_segments != 1)
    {
      csc_request_problem (req, CSC_PROBLEM_NOT_FOUND, NULL, "There is no such resource.");
      return;
    }

  if (!require_method (req, SOUP_METHOD_GET))
    return;

  year_text = req->query != NULL ? g_hash_table_lookup (req->query, "year") : NULL;
  if (year_text == NULL)
    {
      now = g_date_time_new_now_local ();
      year = g_date_time_get_year (now);
    }
  else if (!g_ascii_string_to_signed (year_text, 10, 1900, 2200, &year, NULL))
    {
      csc_request_problem (req, CSC_PROBLEM_INVALID_PARAMETER, "year",
                           "“year” must be a year from 1900 to 2200.");
      return;
    }

  year_key = g_strdup_printf ("calendar_%" G_GINT64_FORMAT, year);
  year_published = csc_database_dup_meta (req->db, year_key);
  if (year_published == NULL)
    {
      csc_request_problem (req, CSC_PROBLEM_CALENDAR_NOT_PUBLISHED, "year",
                           "No working-day calendar has been published for %" G_GINT64_FORMAT ".",
                           year);
      return;
    }

  first = g_strdup_printf ("%04" G_GINT64_FORMAT "-01-01", year);
  last = g_strdup_printf ("%04" G_GINT64_FORMAT "-12-31", year);

  stmt = csc_database_prepare (req->db,
                               "SELECT date, workday, name FROM calendar_days"
                               " WHERE date BETWEEN ? AND ? ORDER BY date",
                               &error);
  if (stmt == NULL)
    {
      csc_request_internal_error (req, error);
      return;
    }

  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_STATIC);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "year");
  json_builder_add_int_value (builder, year);
  json_builder_set_member_name (builder, "exceptions");
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      csc_builder_add_column_text (builder, "date", stmt, 0);
      json_builder_set_member_name (builder, "workday");
      json_builder_add_boolean_value (builder, sqlite3_column_int (stmt, 1) != 0);
      csc_builder_add_column_text (builder, "name", stmt, 2);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  if (rc != SQLITE_DONE)
    {
      csc_database_set_error (req->db, &error, "reading the calendar");
      csc_request_internal_error (req, error);
      return;
    }

  root = json_builder_get_root (builder);
  csc_request_respond_node (req, SOUP_STATUS_OK, root);
}
