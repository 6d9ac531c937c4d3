/* csc-case-store.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CscCaseStore"

#include "config.h"

#include "csc-case-store.h"
#include "csc-util.h"

/* A case is one row in `cases` and one row per department concerned in
 * `case_parts`. Each part keeps the JSON summary of the case as its
 * department sees it, rebuilt in the same transaction as every change, so
 * that listing a page of cases is a single indexed read with no JSON work:
 * the case list is the hottest path of the server. */

void
csc_case_part_clear (CscCasePart *part)
{
  g_clear_pointer (&part->case_id, g_free);
  g_clear_pointer (&part->department, g_free);
  g_clear_pointer (&part->matter_code, g_free);
  g_clear_pointer (&part->role, g_free);
  g_clear_pointer (&part->state, g_free);
  g_clear_pointer (&part->assignee_name, g_free);
  part->assignee_id = 0;
  part->version = 0;
}

/* Returns FALSE with no error set when the case has no part for the
 * department: to that department the case does not exist. */
gboolean
csc_case_store_load_part (CscDatabase  *db,
                          const char   *case_id,
                          const char   *department,
                          CscCasePart  *part,
                          GError      **error)
{
  g_autoptr(CscStatement) stmt = NULL;
  int rc;

  stmt = csc_database_prepare (db,
                               "SELECT p.matter_code, p.role, p.state, p.assignee_id, u.name,"
                               " c.version"
                               " FROM case_parts p JOIN cases c ON c.id = p.case_id"
                               " LEFT JOIN users u ON u.id = p.assignee_id"
                               " WHERE p.case_id = ? AND p.department = ?",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, case_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, department, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return FALSE;
  if (rc != SQLITE_ROW)
    {
      csc_database_set_error (db, error, "reading a case");
      return FALSE;
    }

  part->case_id = g_strdup (case_id);
  part->department = g_strdup (department);
  part->matter_code = g_strdup (csc_column_text (stmt, 0));
  part->role = g_strdup (csc_column_text (stmt, 1));
  part->state = g_strdup (csc_column_text (stmt, 2));
  part->assignee_id = sqlite3_column_int64 (stmt, 3);
  part->assignee_name = g_strdup (csc_column_text (stmt, 4));
  part->version = sqlite3_column_int64 (stmt, 5);

  return TRUE;
}

static void
add_user (JsonBuilder  *builder,
          const char   *member,
          sqlite3_stmt *stmt,
          int           username_column,
          int           name_column)
{
  json_builder_set_member_name (builder, member);

  if (sqlite3_column_type (stmt, username_column) == SQLITE_NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }

  json_builder_begin_object (builder);
  csc_builder_add_column_text (builder, "username", stmt, username_column);
  csc_builder_add_column_text (builder, "name", stmt, name_column);
  json_builder_end_object (builder);
}

/* The applicant as it appears in lists: who it is, without the address and
 * the contact details that only the full case carries. */
static void
add_applicant_summary (JsonBuilder *builder,
                       const char  *applicant_json)
{
  g_autoptr(JsonNode) node = csc_json_parse (applicant_json, -1, NULL);
  static const char *members[] = { "kind", "name", "id_type", "id_number", "uscc" };
  JsonObject *applicant;

  json_builder_set_member_name (builder, "applicant");

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      json_builder_add_null_value (builder);
      return;
    }

  applicant = json_node_get_object (node);
  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      JsonNode *value = json_object_get_member (applicant, members[i]);

      if (value != NULL)
        {
          json_builder_set_member_name (builder, members[i]);
          json_builder_add_value (builder, json_node_copy (value));
        }
    }
  json_builder_end_object (builder);
}

enum {
  PART_DEPARTMENT,
  PART_ROLE,
  PART_STATE,
  PART_MATTER_CODE,
  PART_MATTER_NAME,
  PART_STATUTORY,
  PART_PROMISED,
  PART_INSTANT,
  PART_EXTENSION,
  PART_SUSPENSIONS,
  PART_SUPPLEMENT_ON,
  PART_OUTCOME,
  PART_DECIDED_ON,
  PART_ASSIGNEE_USERNAME,
  PART_ASSIGNEE_NAME,
  PART_DEPARTMENT_NAME,
};

#define PARTS_SQL \
  "SELECT p.department, p.role, p.state, p.matter_code, m.name, m.statutory_limit," \
  " m.promised_limit, m.instant, p.extension_days, p.suspensions," \
  " p.supplement_requested_on, p.outcome, p.decided_on, u.username, u.name, d.name" \
  " FROM case_parts p JOIN matters m ON m.code = p.matter_code" \
  " JOIN departments d ON d.code = p.department" \
  " LEFT JOIN users u ON u.id = p.assignee_id" \
  " WHERE p.case_id = ? ORDER BY p.role = 'lead' DESC, d.position"

static void
add_clock (JsonBuilder  *builder,
           sqlite3_stmt *part,
           const char   *accepted_on)
{
  json_builder_set_member_name (builder, "clock");
  json_builder_begin_object (builder);
  csc_builder_add_string (builder, "accepted_on", accepted_on);
  json_builder_set_member_name (builder, "statutory_limit");
  json_builder_add_int_value (builder, sqlite3_column_int64 (part, PART_STATUTORY));
  json_builder_set_member_name (builder, "promised_limit");
  json_builder_add_int_value (builder, sqlite3_column_int64 (part, PART_PROMISED));
  json_builder_set_member_name (builder, "extension_days");
  json_builder_add_int_value (builder, sqlite3_column_int64 (part, PART_EXTENSION));
  csc_builder_add_column_json (builder, "suspensions", part, PART_SUSPENSIONS);
  csc_builder_add_column_text (builder, "supplement_requested_on", part, PART_SUPPLEMENT_ON);
  json_builder_end_object (builder);
}

static void
add_part_state (JsonBuilder  *builder,
                sqlite3_stmt *part)
{
  csc_builder_add_column_text (builder, "status", part, PART_STATE);
  add_user (builder, "assignee", part, PART_ASSIGNEE_USERNAME, PART_ASSIGNEE_NAME);
  csc_builder_add_column_text (builder, "outcome", part, PART_OUTCOME);
  csc_builder_add_column_text (builder, "decided_on", part, PART_DECIDED_ON);
}

enum {
  CASE_ID,
  CASE_NUMBER,
  CASE_VERSION,
  CASE_MATTER_CODE,
  CASE_MATTER_NAME,
  CASE_APPLICANT,
  CASE_RECEIVED_AT,
  CASE_ACCEPTED_ON,
  CASE_GREEN_CHANNEL,
  CASE_PRIORITY,
  CASE_LEAD_DEPARTMENT,
  CASE_UPDATED_AT,
  CASE_FORM,
  CASE_SITE,
  CASE_ROUTE,
};

#define CASE_SQL \
  "SELECT c.id, c.number, c.version, c.matter_code, m.name, c.applicant, c.received_at," \
  " c.accepted_on, c.green_channel, c.priority, c.lead_department, c.updated_at," \
  " c.form, c.site, c.route" \
  " FROM cases c JOIN matters m ON m.code = c.matter_code WHERE c.id = ?"

/* Builds the members that the summary and the full case share; @cases is
 * on the case's row, and @parts is executed here for the department. */
static gboolean
build_common (CscDatabase  *db,
              JsonBuilder  *builder,
              sqlite3_stmt *cases,
              sqlite3_stmt *parts,
              const char   *department,
              gboolean      full,
              GError      **error)
{
  const char *accepted_on = csc_column_text (cases, CASE_ACCEPTED_ON);
  guint n_parts = 0;
  gboolean found = FALSE;
  int rc;

  csc_builder_add_column_text (builder, "id", cases, CASE_ID);
  csc_builder_add_column_text (builder, "number", cases, CASE_NUMBER);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, sqlite3_column_int64 (cases, CASE_VERSION));
  csc_builder_add_string (builder, "department", department);

  /* The department's own part first: its matter, state and clock. */
  while ((rc = sqlite3_step (parts)) == SQLITE_ROW)
    {
      n_parts++;

      if (g_strcmp0 (csc_column_text (parts, PART_DEPARTMENT), department) != 0)
        continue;

      found = TRUE;
      csc_builder_add_column_text (builder, "role", parts, PART_ROLE);
      json_builder_set_member_name (builder, "matter");
      json_builder_begin_object (builder);
      csc_builder_add_column_text (builder, "code", parts, PART_MATTER_CODE);
      csc_builder_add_column_text (builder, "name", parts, PART_MATTER_NAME);
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "instant");
      json_builder_add_boolean_value (builder, sqlite3_column_int (parts, PART_INSTANT) != 0);
      add_part_state (builder, parts);
      add_clock (builder, parts, accepted_on);
    }

  if (rc != SQLITE_DONE)
    {
      csc_database_set_error (db, error, "reading the parts of a case");
      return FALSE;
    }

  if (!found)
    {
      g_set_error (error, CSC_DATABASE_ERROR, CSC_DATABASE_ERROR_FAILED,
                   "case %s has no part for %s", csc_column_text (cases, CASE_ID), department);
      return FALSE;
    }

  if (full)
    {
      csc_builder_add_column_json (builder, "applicant", cases, CASE_APPLICANT);
    }
  else
    {
      add_applicant_summary (builder, csc_column_text (cases, CASE_APPLICANT));
    }

  csc_builder_add_column_text (builder, "received_at", cases, CASE_RECEIVED_AT);
  csc_builder_add_string (builder, "accepted_on", accepted_on);
  json_builder_set_member_name (builder, "green_channel");
  json_builder_add_boolean_value (builder, sqlite3_column_int (cases, CASE_GREEN_CHANNEL) != 0);
  csc_builder_add_column_text (builder, "priority", cases, CASE_PRIORITY);
  csc_builder_add_column_text (builder, "updated_at", cases, CASE_UPDATED_AT);

  /* Parallel approval: every department sees every part's state. */
  json_builder_set_member_name (builder, "parallel");
  if (n_parts < 2)
    {
      json_builder_add_null_value (builder);
      return TRUE;
    }

  sqlite3_reset (parts);
  json_builder_begin_object (builder);
  csc_builder_add_column_text (builder, "lead_department", cases, CASE_LEAD_DEPARTMENT);
  json_builder_set_member_name (builder, "lead_matter");
  json_builder_begin_object (builder);
  csc_builder_add_column_text (builder, "code", cases, CASE_MATTER_CODE);
  csc_builder_add_column_text (builder, "name", cases, CASE_MATTER_NAME);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "parts");
  json_builder_begin_array (builder);
  while (sqlite3_step (parts) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      csc_builder_add_column_text (builder, "department", parts, PART_DEPARTMENT);
      csc_builder_add_column_text (builder, "department_name", parts, PART_DEPARTMENT_NAME);
      csc_builder_add_column_text (builder, "role", parts, PART_ROLE);
      csc_builder_add_column_text (builder, "matter_code", parts, PART_MATTER_CODE);
      add_part_state (builder, parts);
      if (full)
        add_clock (builder, parts, accepted_on);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return TRUE;
}

static JsonNode *
build_case (CscDatabase  *db,
            const char   *case_id,
            const char   *department,
            gboolean      full,
            GError      **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(CscStatement) cases = NULL;
  g_autoptr(CscStatement) parts = NULL;
  int rc;

  cases = csc_database_prepare (db, CASE_SQL, error);
  if (cases == NULL)
    return NULL;
  parts = csc_database_prepare (db, PARTS_SQL, error);
  if (parts == NULL)
    return NULL;

  sqlite3_bind_text (cases, 1, case_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (parts, 1, case_id, -1, SQLITE_STATIC);

  rc = sqlite3_step (cases);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, CSC_DATABASE_ERROR, CSC_DATABASE_ERROR_FAILED,
                     "no case %s", case_id);
      else
        csc_database_set_error (db, error, "reading a case");
      return NULL;
    }

  json_builder_begin_object (builder);
  if (!build_common (db, builder, cases, parts, department, full, error))
    return NULL;

  if (full)
    {
      csc_builder_add_column_text (builder, "site", cases, CASE_SITE);
      csc_builder_add_column_text (builder, "route", cases, CASE_ROUTE);
      csc_builder_add_column_json (builder, "form", cases, CASE_FORM);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

char *
csc_case_store_dup_summary (CscDatabase  *db,
                            const char   *case_id,
                            const char   *department,
                            GError      **error)
{
  g_autoptr(JsonNode) node = build_case (db, case_id, department, FALSE, error);

  return node != NULL ? csc_json_to_string (node) : NULL;
}

static gboolean
add_materials (CscDatabase  *db,
               JsonObject   *object,
               const char   *case_id,
               GError      **error)
{
  g_autoptr(CscStatement) stmt = NULL;
  g_autoptr(JsonArray) materials = json_array_new ();
  int rc;

  stmt = csc_database_prepare (db,
                               "SELECT id, matter_code, checklist_item, name, media_type, size,"
                               " sha256, pages, received_at"
                               " FROM materials WHERE case_id = ? ORDER BY position",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, case_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

      json_builder_begin_object (builder);
      csc_builder_add_column_text (builder, "id", stmt, 0);
      csc_builder_add_column_text (builder, "matter_code", stmt, 1);
      csc_builder_add_column_text (builder, "checklist_item", stmt, 2);
      csc_builder_add_column_text (builder, "name", stmt, 3);
      csc_builder_add_column_text (builder, "media_type", stmt, 4);
      json_builder_set_member_name (builder, "size");
      json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 5));
      csc_builder_add_column_text (builder, "sha256", stmt, 6);
      json_builder_set_member_name (builder, "pages");
      if (sqlite3_column_type (stmt, 7) == SQLITE_NULL)
        json_builder_add_null_value (builder);
      else
        json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 7));
      csc_builder_add_column_text (builder, "received_at", stmt, 8);
      json_builder_end_object (builder);

      json_array_add_element (materials, json_builder_get_root (builder));
    }

  if (rc != SQLITE_DONE)
    {
      csc_database_set_error (db, error, "reading the materials of a case");
      return FALSE;
    }

  json_object_set_array_member (object, "materials", g_steal_pointer (&materials));
  return TRUE;
}

static gboolean
add_reviews (CscDatabase  *db,
             JsonObject   *object,
             const char   *case_id,
             const char   *department,
             GError      **error)
{
  g_autoptr(CscStatement) stmt = NULL;
  g_autoptr(JsonArray) reviews = json_array_new ();
  int rc;

  /* A department's review opinions are its own; the other departments of a
   * parallel case see only the states of its part. */
  stmt = csc_database_prepare (db,
                               "SELECT r.id, u.username, u.name, r.opinion, r.proposed_outcome,"
                               " r.final, r.checklist, r.created_at"
                               " FROM reviews r JOIN users u ON u.id = r.author_id"
                               " WHERE r.case_id = ? AND r.department = ? ORDER BY r.id",
                               error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, case_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, department, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 0));
      add_user (builder, "author", stmt, 1, 2);
      csc_builder_add_column_text (builder, "opinion", stmt, 3);
      csc_builder_add_column_text (builder, "proposed_outcome", stmt, 4);
      json_builder_set_member_name (builder, "final");
      json_builder_add_boolean_value (builder, sqlite3_column_int (stmt, 5) != 0);
      csc_builder_add_column_json (builder, "checklist", stmt, 6);
      csc_builder_add_column_text (builder, "created_at", stmt, 7);
      json_builder_end_object (builder);

      json_array_add_element (reviews, json_builder_get_root (builder));
    }

  if (rc != SQLITE_DONE)
    {
      csc_database_set_error (db, error, "reading the reviews of a case");
      return FALSE;
    }

  json_object_set_array_member (object, "reviews", g_steal_pointer (&reviews));
  return TRUE;
}

JsonNode *
csc_case_store_dup_detail (CscDatabase  *db,
                           const char   *case_id,
                           const char   *department,
                           GError      **error)
{
  g_autoptr(JsonNode) node = build_case (db, case_id, department, TRUE, error);
  JsonObject *object;

  if (node == NULL)
    return NULL;

  object = json_node_get_object (node);
  if (!add_materials (db, object, case_id, error) ||
      !add_reviews (db, object, case_id, department, error))
    return NULL;

  return g_steal_pointer (&node);
}

gboolean
csc_case_store_touch (CscDatabase  *db,
                      const char   *case_id,
                      const char   *event_type,
                      const char   *at,
                      GError      **error)
{
  g_autoptr(CscStatement) event = NULL;
  g_autoptr(CscStatement) visible = NULL;
  g_autoptr(CscStatement) bump = NULL;
  g_autoptr(CscStatement) bump_parts = NULL;
  g_autoptr(CscStatement) departments = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  gint64 seq;
  int rc;

  event = csc_database_prepare (db, "INSERT INTO events (type, case_id, at) VALUES (?, ?, ?)", error);
  if (event == NULL)
    return FALSE;
  sqlite3_bind_text (event, 1, event_type, -1, SQLITE_STATIC);
  sqlite3_bind_text (event, 2, case_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (event, 3, at, -1, SQLITE_STATIC);
  if (!csc_database_step_done (db, event, error))
    return FALSE;
  seq = sqlite3_last_insert_rowid (csc_database_get_handle (db));

  visible = csc_database_prepare (db,
                                  "INSERT INTO event_departments (department, seq)"
                                  " SELECT department, ? FROM case_parts WHERE case_id = ?",
                                  error);
  if (visible == NULL)
    return FALSE;
  sqlite3_bind_int64 (visible, 1, seq);
  sqlite3_bind_text (visible, 2, case_id, -1, SQLITE_STATIC);
  if (!csc_database_step_done (db, visible, error))
    return FALSE;

  bump = csc_database_prepare (db,
                               "UPDATE cases SET version = version + 1, updated_seq = ?,"
                               " updated_at = ? WHERE id = ?",
                               error);
  if (bump == NULL)
    return FALSE;
  sqlite3_bind_int64 (bump, 1, seq);
  sqlite3_bind_text (bump, 2, at, -1, SQLITE_STATIC);
  sqlite3_bind_text (bump, 3, case_id, -1, SQLITE_STATIC);
  if (!csc_database_step_done (db, bump, error))
    return FALSE;

  bump_parts = csc_database_prepare (db,
                                     "UPDATE case_parts SET updated_seq = ?, updated_at = ?"
                                     " WHERE case_id = ?",
                                     error);
  if (bump_parts == NULL)
    return FALSE;
  sqlite3_bind_int64 (bump_parts, 1, seq);
  sqlite3_bind_text (bump_parts, 2, at, -1, SQLITE_STATIC);
  sqlite3_bind_text (bump_parts, 3, case_id, -1, SQLITE_STATIC);
  if (!csc_database_step_done (db, bump_parts, error))
    return FALSE;

  departments = csc_database_prepare (db, "SELECT department FROM case_parts WHERE case_id = ?",
                                      error);
  if (departments == NULL)
    return FALSE;
  sqlite3_bind_text (departments, 1, case_id, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (departments)) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup (csc_column_text (departments, 0)));
  if (rc != SQLITE_DONE)
    {
      csc_database_set_error (db, error, "reading the parts of a case");
      return FALSE;
    }

  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(CscStatement) store = NULL;
      g_autofree char *summary = NULL;

      summary = csc_case_store_dup_summary (db, case_id, g_ptr_array_index (names, i), error);
      if (summary == NULL)
        return FALSE;

      store = csc_database_prepare (db,
                                    "UPDATE case_parts SET summary = ?"
                                    " WHERE case_id = ? AND department = ?",
                                    error);
      if (store == NULL)
        return FALSE;
      sqlite3_bind_text (store, 1, summary, -1, SQLITE_STATIC);
      sqlite3_bind_text (store, 2, case_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (store, 3, g_ptr_array_index (names, i), -1, SQLITE_STATIC);
      if (!csc_database_step_done (db, store, error))
        return FALSE;
    }

  return TRUE;
}
