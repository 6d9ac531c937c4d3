/* cs-json-private.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Reading the central API's JSON strictly: a member that is missing or of
 * the wrong type is a CS_ERROR_PROTOCOL naming its path ("case.clock"),
 * never a crash or a silent default. A nullable member accepts JSON null
 * and yields NULL / FALSE-with-no-error. */

typedef enum
{
  CS_JSON_REQUIRED = 0,
  CS_JSON_NULLABLE = 1 << 0,
  CS_JSON_OPTIONAL = 1 << 1,   /* may be absent (implies nullable) */
} CsJsonFlags;

gboolean _cs_json_get_string   (JsonObject   *object,
                                const char   *path,
                                const char   *member,
                                CsJsonFlags   flags,
                                const char  **out,
                                GError      **error);
gboolean _cs_json_get_int      (JsonObject   *object,
                                const char   *path,
                                const char   *member,
                                CsJsonFlags   flags,
                                gint64       *out,
                                GError      **error);
gboolean _cs_json_get_boolean  (JsonObject   *object,
                                const char   *path,
                                const char   *member,
                                CsJsonFlags   flags,
                                gboolean     *out,
                                GError      **error);
gboolean _cs_json_get_object   (JsonObject   *object,
                                const char   *path,
                                const char   *member,
                                CsJsonFlags   flags,
                                JsonObject  **out,
                                GError      **error);
gboolean _cs_json_get_array    (JsonObject   *object,
                                const char   *path,
                                const char   *member,
                                CsJsonFlags   flags,
                                JsonArray   **out,
                                GError      **error);
gboolean _cs_json_get_date     (JsonObject   *object,
                                const char   *path,
                                const char   *member,
                                CsJsonFlags   flags,
                                GDate        *out,
                                GError      **error);
gboolean _cs_json_get_datetime (JsonObject   *object,
                                const char   *path,
                                const char   *member,
                                CsJsonFlags   flags,
                                gint64       *out_unix_usec,
                                GError      **error);
JsonObject *_cs_json_array_get_object (JsonArray   *array,
                                       guint        index,
                                       const char  *path,
                                       GError     **error);
gboolean _cs_json_parse_date   (const char   *text,
                                GDate        *out);
gboolean _cs_json_parse_datetime (const char *text,
                                  gint64     *out_unix_usec);
char    *_cs_json_format_date  (const GDate  *date);
char    *_cs_json_to_string    (JsonNode     *node);
JsonNode *_cs_json_from_string (const char   *text,
                                GError      **error);
gboolean _cs_is_sha256_hex     (const char   *text);

G_END_DECLS
