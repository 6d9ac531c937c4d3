/* cs-json.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsJson"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cs-error.h"
#include "cs-json-private.h"
#include "cs-validate.h"

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

static gboolean
digits (const char *text,
        guint       count,
        guint      *out)
{
  guint value = 0;

  for (guint i = 0; i < count; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (text[i] - '0');
    }
  *out = value;
  return TRUE;
}

/* The contract's dates are those the validator accepts: YYYY-MM-DD, a day
 * that exists. */
gboolean
_cs_json_parse_date (const char *text,
                     GDate      *out)
{
  return cs_validate_date (text, out, NULL);
}

gboolean
_cs_is_sha256_hex (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
      return FALSE;
  return TRUE;
}

/* Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's
 * days_from_civil). */
static gint64
days_from_civil (gint64 y,
                 guint  m,
                 guint  d)
{
  gint64 era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

/* The form the central API writes, "YYYY-MM-DDTHH:MM:SS[.fff…](Z|±HH:MM)",
 * without going through GDateTime: a sync reads two per case. */
static gboolean
parse_datetime_fast (const char *text,
                     gint64     *out_unix_usec)
{
  guint y, mo, d, h, mi, sec, oh, om;
  gint64 usec = 0, scale = 100000, offset = 0;
  const char *p;

  if (strlen (text) < 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' ||
      text[13] != ':' || text[16] != ':' ||
      !digits (text, 4, &y) || !digits (text + 5, 2, &mo) || !digits (text + 8, 2, &d) ||
      !digits (text + 11, 2, &h) || !digits (text + 14, 2, &mi) ||
      !digits (text + 17, 2, &sec) ||
      !g_date_valid_dmy (d, mo, y) || h > 23 || mi > 59 || sec > 59)
    return FALSE;

  p = text + 19;
  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      for (; g_ascii_isdigit (*p); p++)
        {
          usec += (*p - '0') * scale;
          scale /= 10;
        }
    }

  if (p[0] == 'Z' && p[1] == '\0')
    offset = 0;
  else if ((p[0] == '+' || p[0] == '-') && strlen (p) == 6 && p[3] == ':' &&
           digits (p + 1, 2, &oh) && digits (p + 4, 2, &om) && oh < 24 && om < 60)
    offset = (p[0] == '+' ? 1 : -1) * (gint64) (oh * 3600 + om * 60);
  else
    return FALSE;

  *out_unix_usec = ((days_from_civil (y, mo, d) * 86400 + h * 3600 + mi * 60 + sec) - offset)
                   * G_USEC_PER_SEC + usec;
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
  if (text == NULL)
    return FALSE;
  if (parse_datetime_fast (text, out_unix_usec))
    return TRUE;
  if ((dt = g_date_time_new_from_iso8601 (text, NULL)) == NULL)
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
