/* cs-form.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsForm"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cs-form.h"

/* The form data of a case is JSON as the front desk entered it: a value
 * may be missing, blank, or of another type than a plugin expects. These
 * accessors answer "not given" for all of those, so that a pre-check can
 * report a missing field instead of crashing on it. */

static JsonNode *
get_value (JsonObject *form,
           const char *member)
{
  JsonNode *node;

  if (form == NULL || member == NULL || !json_object_has_member (form, member))
    return NULL;
  node = json_object_get_member (form, member);
  return JSON_NODE_HOLDS_VALUE (node) ? node : NULL;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/**
 * cs_form_get_string:
 * @form: (nullable): a case's form data (cs_case_get_form())
 * @member: the name of a form member
 *
 * Returns: (transfer none) (nullable): the member's text, or %NULL when it
 *   is missing, not a string or only white space
 */
const char *
cs_form_get_string (JsonObject *form,
                    const char *member)
{
  JsonNode *node = get_value (form, member);
  const char *value;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  value = json_node_get_string (node);
  return value != NULL && !is_blank (value) ? value : NULL;
}

/**
 * cs_form_get_number:
 * @form: (nullable): a case's form data
 * @member: the name of a form member
 * @out_value: (out) (optional): the number
 *
 * Reads a member that holds a number, integer or not.
 *
 * Returns: %TRUE when the member is a number
 */
gboolean
cs_form_get_number (JsonObject *form,
                    const char *member,
                    double     *out_value)
{
  JsonNode *node = get_value (form, member);
  double value;

  if (node == NULL)
    return FALSE;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      value = (double) json_node_get_int (node);
      break;
    case G_TYPE_DOUBLE:
      value = json_node_get_double (node);
      break;
    default:
      return FALSE;
    }
  if (out_value != NULL)
    *out_value = value;
  return TRUE;
}

/**
 * cs_form_get_boolean:
 * @form: (nullable): a case's form data
 * @member: the name of a form member
 * @out_value: (out) (optional): the value
 *
 * Returns: %TRUE when the member is a boolean
 */
gboolean
cs_form_get_boolean (JsonObject *form,
                     const char *member,
                     gboolean   *out_value)
{
  JsonNode *node = get_value (form, member);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return FALSE;
  if (out_value != NULL)
    *out_value = json_node_get_boolean (node);
  return TRUE;
}

/**
 * cs_form_dup_strv:
 * @form: (nullable): a case's form data
 * @member: the name of a form member that holds a list of strings
 *
 * Returns: (transfer full) (array zero-terminated=1): the list's strings
 *   that are not blank (possibly none); a single string member gives a
 *   list of one
 */
GStrv
cs_form_dup_strv (JsonObject *form,
                  const char *member)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *node;

  if (form != NULL && member != NULL && json_object_has_member (form, member))
    {
      node = json_object_get_member (form, member);
      if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);

          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              JsonNode *element = json_array_get_element (array, i);

              if (JSON_NODE_HOLDS_VALUE (element) &&
                  json_node_get_value_type (element) == G_TYPE_STRING &&
                  !is_blank (json_node_get_string (element)))
                g_strv_builder_add (builder, json_node_get_string (element));
            }
        }
      else if (cs_form_get_string (form, member) != NULL)
        g_strv_builder_add (builder, cs_form_get_string (form, member));
    }
  return g_strv_builder_end (builder);
}

/**
 * cs_form_dup_text:
 * @form: (nullable): a case's form data
 * @member: the name of a form member
 *
 * The member as a person reads it: a string as it is, a number without
 * needless decimals, a boolean as “Yes” or “No” (translated), a list of
 * strings joined by the list separator of the language.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when the member
 *   is missing, null or blank
 */
char *
cs_form_dup_text (JsonObject *form,
                  const char *member)
{
  JsonNode *node;
  double number;
  gboolean flag;

  if (form == NULL || member == NULL || !json_object_has_member (form, member))
    return NULL;
  node = json_object_get_member (form, member);

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      g_auto(GStrv) items = cs_form_dup_strv (form, member);

      if (items[0] == NULL)
        return NULL;
      /* Translators: separates the items of a list in a form field */
      return g_strjoinv (_(", "), items);
    }
  if (cs_form_get_boolean (form, member, &flag))
    return g_strdup (flag ? _("Yes") : _("No"));
  if (cs_form_get_number (form, member, &number))
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      if (number == (double) (gint64) number)
        return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) number);
      g_ascii_formatd (buffer, sizeof buffer, "%.2f", number);
      /* No trailing zeros: 90.9, not 90.90. */
      for (char *end = buffer + strlen (buffer) - 1; end > buffer && *end == '0'; end--)
        *end = '\0';
      return g_strdup (buffer);
    }
  return g_strdup (cs_form_get_string (form, member));
}
