/* csc-case-store.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "csc-database.h"

G_BEGIN_DECLS

/* One department's part of a case, as the state machine sees it. */
typedef struct
{
  char   *case_id;
  char   *department;
  char   *matter_code;
  char   *role;
  char   *state;
  gint64  assignee_id;     /* 0 when unclaimed */
  char   *assignee_name;
  gint64  version;
} CscCasePart;

void      csc_case_part_clear         (CscCasePart  *part);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CscCasePart, csc_case_part_clear)

gboolean  csc_case_store_load_part    (CscDatabase  *db,
                                       const char   *case_id,
                                       const char   *department,
                                       CscCasePart  *part,
                                       GError      **error);
gboolean  csc_case_store_touch        (CscDatabase  *db,
                                       const char   *case_id,
                                       const char   *event_type,
                                       const char   *at,
                                       GError      **error);
char     *csc_case_store_dup_summary  (CscDatabase  *db,
                                       const char   *case_id,
                                       const char   *department,
                                       GError      **error);
JsonNode *csc_case_store_dup_detail   (CscDatabase  *db,
                                       const char   *case_id,
                                       const char   *department,
                                       GError      **error);

G_END_DECLS
