/* csc-util.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CscUtil"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "csc-util.h"

/* Every timestamp the server writes is UTC with milliseconds, so that
 * comparing two of them as text compares them in time. */
char *
csc_format_timestamp (GDateTime *when)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (when);

  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                          g_date_time_get_year (utc),
                          g_date_time_get_month (utc),
                          g_date_time_get_day_of_month (utc),
                          g_date_time_get_hour (utc),
                          g_date_time_get_minute (utc),
                          g_date_time_get_second (utc),
                          g_date_time_get_microsecond (utc) / 1000);
}

char *
csc_now_timestamp (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return csc_format_timestamp (now);
}

char *
csc_normalize_timestamp (const char *text)
{
  g_autoptr(GDateTime) parsed = NULL;

  if (text == NULL)
    return NULL;

  parsed = g_date_time_new_from_iso8601 (text, NULL);
  if (parsed == NULL)
    return NULL;

  return csc_format_timestamp (parsed);
}

gboolean
csc_parse_date (const char *text,
                GDate      *date)
{
  guint year, month, day;
  char tail;

  g_date_clear (date, 1);

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  if (sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &tail) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

char *
csc_format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (date),
                          g_date_get_month (date),
                          g_date_get_day (date));
}

char *
csc_json_to_string (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

JsonNode *
csc_json_parse (const char  *text,
                gssize       length,
                GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();

  if (!json_parser_load_from_data (parser, text, length, error))
    return NULL;

  return json_parser_steal_root (parser);
}

void
csc_builder_add_string (JsonBuilder *builder,
                        const char  *member,
                        const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

const char *
csc_column_text (sqlite3_stmt *stmt,
                 int           column)
{
  return (const char *)sqlite3_column_text (stmt, column);
}

void
csc_builder_add_column_text (JsonBuilder  *builder,
                             const char   *member,
                             sqlite3_stmt *stmt,
                             int           column)
{
  csc_builder_add_string (builder, member, csc_column_text (stmt, column));
}

/* Adds a column that holds JSON written by the server itself. */
void
csc_builder_add_column_json (JsonBuilder  *builder,
                             const char   *member,
                             sqlite3_stmt *stmt,
                             int           column)
{
  const char *text = csc_column_text (stmt, column);
  g_autoptr(JsonNode) node = NULL;

  json_builder_set_member_name (builder, member);

  if (text != NULL)
    node = csc_json_parse (text, -1, NULL);

  if (node != NULL)
    json_builder_add_value (builder, g_steal_pointer (&node));
  else
    json_builder_add_null_value (builder);
}
