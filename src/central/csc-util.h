/* csc-util.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

char       *csc_format_timestamp    (GDateTime   *when);
char       *csc_now_timestamp       (void);
char       *csc_normalize_timestamp (const char  *text);
gboolean    csc_parse_date          (const char  *text,
                                     GDate       *date);
char       *csc_format_date         (const GDate *date);
char       *csc_json_to_string      (JsonNode    *node);
JsonNode   *csc_json_parse          (const char  *text,
                                     gssize       length,
                                     GError     **error);
void        csc_builder_add_string  (JsonBuilder *builder,
                                     const char  *member,
                                     const char  *value);
void        csc_builder_add_column_text (JsonBuilder  *builder,
                                         const char   *member,
                                         sqlite3_stmt *stmt,
                                         int           column);
void        csc_builder_add_column_json (JsonBuilder  *builder,
                                         const char   *member,
                                         sqlite3_stmt *stmt,
                                         int           column);
const char *csc_column_text         (sqlite3_stmt *stmt,
                                     int           column);

G_END_DECLS
