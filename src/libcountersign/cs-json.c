/* cs-json.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsJson"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cs-error.h"
#include "cs-json-private.h"

static gboolean
missing (const char  *path,
         const char  *member,
         GError     **error)
{
  g_set_error (error, CS_ERROR, CS_ERROR_PROTOCOL,
               /* Translators: %s.%s is the path of a JSON member, e.g. case.clock */
               _("The server’s answer cannot be read: “%s.%s” is missing"),
               path, member);
  return FALSE;
}

static gboolean
wrong_type (const char  *path,
            const char  *member,
            const char  *expected,
            GError     **error)
{
  g_set_error (error, CS_ERROR, CS_ERROR_PROTOCOL,
               /* Translators: the last %s is a kind of value: text, a number… */
               _("The server’s answer cannot be read: “%s.%s” should be %s"),
               path, member, expected);
  return FALSE;
}

/* Returns the member's node, NULL for an allowed null/absence (with *ok
 * TRUE), or NULL with *ok FALSE and @error set. */
static JsonNode *
get_node (JsonObject   *object,
          const char   *path,
          const char   *member,
          CsJsonFlags   flags,
          gboolean     *ok,
          GError      **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *ok = TRUE;
  if (node == NULL)
    {
      if (flags & CS_JSON_OPTIONAL)
        return NULL;
      *ok = missing (path, member, error);
      return NULL;
    }
  if (JSON_NODE_HOLDS_NULL (node))
    {
      if (flags & (CS_JSON_NULLABLE | CS_JSON_OPTIONAL))
        return NULL;
      *ok = missing (path, member, error);
      return NULL;
    }
  return node;
}

gboolean
_cs_json_get_string (JsonObject   *object,
                     const char   *path,
                     const char   *member,
                     CsJsonFlags   flags,
                     const char  **out,
                     GError      **error)
{
  gboolean ok;
  JsonNode *node = get_node (object, path, member, flags, &ok, error);

  *out = NULL;
  if (node == NULL)
    return ok;
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    return wrong_type (path, member, _("text"), error);
  *out = json_node_get_string (node);
  return TRUE;
}

gboolean
_cs_json_get_int (JsonObject   *object,
                  const char   *path,
                  const char   *member,
                  CsJsonFlags   flags,
                  gint64       *out,
                  GError      **error)
{
  gboolean ok;
  JsonNode *node = get_node (object, path, member, flags, &ok, error);

  *out = 0;
  if (node == NULL)
    return ok;
  if (json_node_get_value_type (node) != G_TYPE_INT64)
    return wrong_type (path, member, _("a whole number"), error);
  *out = json_node_get_int (node);
  return TRUE;
}

gboolean
_cs_json_get_boolean (JsonObject   *object,
                      const char   *path,
                      const char   *member,
                      CsJsonFlags   flags,
                      gboolean     *out,
                      GError      **error)
{
  gboolean ok;
  JsonNode *node = get_node (object, path, member, flags, &ok, error);

  *out = FALSE;
  if (node == NULL)
    return ok;
  if (json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return wrong_type (path, member, _("true or false"), error);
  *out = json_node_get_boolean (node);
  return TRUE;
}

gboolean
_cs_json_get_object (JsonObject   *object,
                     const char   *path,
                     const char   *member,
                     CsJsonFlags   flags,
                     JsonObject  **out,
                     GError      **error)
{
  gboolean ok;
  JsonNode *node = get_node (object, path, member, flags, &ok, error);

  *out = NULL;
  if (node == NULL)
    return ok;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return wrong_type (path, member, _("an object"), error);
  *out = json_node_get_object (node);
  return TRUE;
}

gboolean
_cs_json_get_array (JsonObject   *object,
                    const char   *path,
                    const char   *member,
                    CsJsonFlags   flags,
                    JsonArray   **out,
                    GError      **error)
{
  gboolean ok;
  JsonNode *node = get_node (object, path, member, flags, &ok, error);

  *out = NULL;
  if (node == NULL)
    return ok;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return wrong_type (path, member, _("a list"), error);
  *out = json_node_get_array (node);
  return TRUE;
}

gboolean
_cs_json_parse_date (const char *text,
                     GDate      *out)
{
  unsigned int y, m, d;
  int consumed = 0;

  g_date_clear (out, 1);
  if (text == NULL ||
      sscanf (text, "%4u-%2u-%2u%n", &y, &m, &d, &consumed) != 3 ||
      consumed != 10 || strlen (text) != 10 ||
      !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (out, d, m, y);
  return TRUE;
}

gboolean
_cs_json_get_date (JsonObject   *object,
                   const char   *path,
                   const char   *member,
                   CsJsonFlags   flags,
                   GDate        *out,
                   GError      **error)
{
  const char *text;

  g_date_clear (out, 1);
  if (!_cs_json_get_string (object, path, member, flags, &text, error))
    return FALSE;
  if (text != NULL && !_cs_json_parse_date (text, out))
    return wrong_type (path, member, _("a date (YYYY-MM-DD)"), error);
  return TRUE;
}

gboolean
_cs_json_parse_datetime (const char *text,
                         gint64     *out_unix_usec)
{
  g_autoptr(GDateTime) dt = NULL;

  *out_unix_usec = 0;
  if (text == NULL || (dt = g_date_time_new_from_iso8601 (text, NULL)) == NULL)
    return FALSE;
  *out_unix_usec = g_date_time_to_unix (dt) * G_USEC_PER_SEC +
                   g_date_time_get_microsecond (dt);
  return TRUE;
}

gboolean
_cs_json_get_datetime (JsonObject   *object,
                       const char   *path,
                       const char   *member,
                       CsJsonFlags   flags,
                       gint64       *out_unix_usec,
                       GError      **error)
{
  const char *text;

  *out_unix_usec = 0;
  if (!_cs_json_get_string (object, path, member, flags, &text, error))
    return FALSE;
  if (text != NULL && !_cs_json_parse_datetime (text, out_unix_usec))
    return wrong_type (path, member, _("a time (RFC 3339)"), error);
  return TRUE;
}

JsonObject *
_cs_json_array_get_object (JsonArray   *array,
                           guint        index,
                           const char  *path,
                           GError     **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *member = g_strdup_printf ("%u", index);
      wrong_type (path, member, _("an object"), error);
      return NULL;
    }
  return json_node_get_object (node);
}

char *
_cs_json_format_date (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (date),
                          g_date_get_month (date),
                          g_date_get_day (date));
}

char *
_cs_json_to_string (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

JsonNode *
_cs_json_from_string (const char  *text,
                      GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonNode *node = json_from_string (text, &local_error);

  if (node == NULL)
    {
      g_set_error (error, CS_ERROR, CS_ERROR_PROTOCOL,
                   _("The server’s answer cannot be read: %s"),
                   local_error != NULL ? local_error->message : _("it is empty"));
      return NULL;
    }
  return node;
}

void
_cs_set_str (char       **field,
             const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
}
