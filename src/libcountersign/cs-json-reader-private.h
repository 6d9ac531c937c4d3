/* cs-json-reader-private.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A strict pull reader over a JSON text in memory (RFC 8259): no tree, no
 * allocation per value. The sync reads thousands of cases a second through
 * it; everything else uses json-glib. Strings are decoded into a buffer the
 * caller owns, or (the _span calls) left where they are in the text when
 * they have no escapes; a value can also be taken as its raw text. Text
 * must be UTF-8: strings are checked as they are read, and nothing outside
 * them can be anything but ASCII. */

typedef enum
{
  CS_JSON_TOKEN_ERROR,
  CS_JSON_TOKEN_NULL,
  CS_JSON_TOKEN_BOOLEAN,
  CS_JSON_TOKEN_NUMBER,
  CS_JSON_TOKEN_STRING,
  CS_JSON_TOKEN_OBJECT,
  CS_JSON_TOKEN_ARRAY,
} CsJsonToken;

typedef struct
{
  const char *p;
  const char *end;
  guint depth;
  gboolean failed;
} CsJsonReader;

void         _cs_json_reader_init          (CsJsonReader  *reader,
                                            const char    *data,
                                            gsize          length);
CsJsonToken  _cs_json_reader_peek          (CsJsonReader  *reader);
gboolean     _cs_json_reader_begin_object  (CsJsonReader  *reader);
gboolean     _cs_json_reader_next_member   (CsJsonReader  *reader,
                                            GString       *key,
                                            gboolean      *out_done);
gboolean     _cs_json_reader_next_member_span (CsJsonReader  *reader,
                                               GString       *scratch,
                                               const char   **out_key,
                                               gsize         *out_length,
                                               gboolean      *out_done);
gboolean     _cs_json_reader_begin_array   (CsJsonReader  *reader);
gboolean     _cs_json_reader_next_element  (CsJsonReader  *reader,
                                            gboolean      *out_done);
gboolean     _cs_json_reader_read_string   (CsJsonReader  *reader,
                                            GString       *out);
gboolean     _cs_json_reader_read_string_span (CsJsonReader  *reader,
                                               GString       *scratch,
                                               const char   **out_str,
                                               gsize         *out_length);
gboolean     _cs_json_reader_read_int      (CsJsonReader  *reader,
                                            gint64        *out);
gboolean     _cs_json_reader_read_boolean  (CsJsonReader  *reader,
                                            gboolean      *out);
gboolean     _cs_json_reader_read_null     (CsJsonReader  *reader);
gboolean     _cs_json_reader_skip          (CsJsonReader  *reader,
                                            const char   **out_start,
                                            gsize         *out_length);
gboolean     _cs_json_reader_at_end        (CsJsonReader  *reader);

G_END_DECLS
