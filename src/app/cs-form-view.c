/* cs-form-view.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsFormView"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-form-view.h"

/* The generic case panel, for a matter no plugin lays out: every member of
 * the form as a row, the name made readable, the value in words (numbers
 * and yes/no as a person writes them), nested objects and lists of objects
 * as rows that open. Each row is marked with the member's path (`a.b`,
 * `list.0.b`) so that findings can lead to it. */
struct _CsFormView
{
  AdwBin parent_instance;

  AdwPreferencesGroup *group;
};

G_DEFINE_FINAL_TYPE (CsFormView, cs_form_view, ADW_TYPE_BIN)

static void
cs_form_view_class_init (CsFormViewClass *klass)
{
}

static void
cs_form_view_init (CsFormView *self)
{
  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  /* The case view titles the section; this says what kind of list it is. */
  adw_preferences_group_set_description (self->group,
                                         _("As the applicant filled it in; no plugin lays out "
                                           "this matter."));
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->group));
}

/* "employer_licence_no" → "Employer licence no"; units spelt out. */
char *
cs_form_view_format_label (const char *member)
{
  g_auto(GStrv) words = g_strsplit (member, "_", -1);
  g_autoptr(GString) label = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *word = words[i];

      if (*word == '\0')
        continue;
      if (label->len > 0)
        g_string_append_c (label, ' ');
      if (g_str_equal (word, "m2"))
        g_string_append (label, _("(m²)"));
      else if (g_str_equal (word, "m3"))
        g_string_append (label, _("(m³)"));
      else if (g_str_equal (word, "mu"))
        g_string_append (label, _("(mu)"));
      else if (g_str_equal (word, "no"))
        g_string_append (label, _("number"));
      else
        g_string_append (label, word);
    }

  if (label->len == 0)
    return g_strdup (member);
  label->str[0] = g_ascii_toupper (label->str[0]);
  return g_string_free (g_steal_pointer (&label), FALSE);
}

static char *
format_double (double value)
{
  g_autofree char *text = g_strdup_printf ("%'.3f", value);
  char *point = strchr (text, '.');

  /* Three decimals at most, without trailing zeros. */
  if (point == NULL)
    point = strchr (text, ',');
  if (point != NULL)
    {
      char *end = text + strlen (text) - 1;

      while (end > point && *end == '0')
        *end-- = '\0';
      if (end == point)
        *end = '\0';
    }
  return g_steal_pointer (&text);
}

/* A value in words; NULL for an object or an array of objects, which get
 * rows of their own. */
char *
cs_form_view_format_value (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup (_("Not given"));

  if (JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint n = json_array_get_length (array);
      g_autoptr(GString) text = g_string_new (NULL);

      if (n == 0)
        return g_strdup (_("None"));
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *element = NULL;

          if (!JSON_NODE_HOLDS_VALUE (json_array_get_element (array, i)) &&
              !JSON_NODE_HOLDS_NULL (json_array_get_element (array, i)))
            return NULL;
          element = cs_form_view_format_value (json_array_get_element (array, i));
          if (i > 0)
            /* Translators: separates the items of a list in one line */
            g_string_append (text, _(", "));
          g_string_append (text, element);
        }
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return g_strdup (json_node_get_string (node));
    case G_TYPE_INT64:
      return g_strdup_printf ("%'" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      return format_double (json_node_get_double (node));
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? _("Yes") : _("No"));
    default:
      return g_strdup (_("Not given"));
    }
}

static GtkWidget *
value_row (const char *title,
           const char *value,
           const char *path)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  /* A wrapping label asks for the width of one character (any Chinese
   * character is a break): give short values their line, long ones the row. */
  gtk_label_set_width_chars (GTK_LABEL (label),
                             MIN ((int) g_utf8_strlen (gtk_label_get_text (GTK_LABEL (label)),
                                                       -1), 18));
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL,
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  cs_department_mark_field (row, path);
  return row;
}

static void add_members (GtkWidget  *parent,
                         JsonObject *object,
                         const char *prefix);

static void
add_row (GtkWidget *parent,
         GtkWidget *row)
{
  if (ADW_IS_EXPANDER_ROW (parent))
    adw_expander_row_add_row (ADW_EXPANDER_ROW (parent), row);
  else
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (parent), row);
}

static GtkWidget *
expander_row (const char *title,
              const char *subtitle,
              const char *path)
{
  GtkWidget *row = adw_expander_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  cs_department_mark_field (row, path);
  return row;
}

static void
add_member (GtkWidget  *parent,
            const char *title,
            JsonNode   *node,
            const char *path)
{
  g_autofree char *value = cs_form_view_format_value (node);
  GtkWidget *row;

  if (value != NULL)
    {
      add_row (parent, value_row (title, value, path));
      return;
    }

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      row = expander_row (title, NULL, path);
      add_members (row, json_node_get_object (node), path);
      add_row (parent, row);
      return;
    }

  /* A list with objects: one row that opens per element. */
  {
    JsonArray *array = json_node_get_array (node);
    guint n = json_array_get_length (array);
    g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry",
                                                           "%u entries", n), n);

    row = expander_row (title, count, path);
    for (guint i = 0; i < n; i++)
      {
        g_autofree char *element_path = g_strdup_printf ("%s.%u", path, i);
        /* Translators: the title of one entry of a list in the form, %u counts from 1 */
        g_autofree char *element_title = g_strdup_printf (_("Entry %u"), i + 1);
        JsonNode *element = json_array_get_element (array, i);

        if (JSON_NODE_HOLDS_OBJECT (element))
          {
            GtkWidget *element_row = expander_row (element_title, NULL, element_path);

            add_members (element_row, json_node_get_object (element), element_path);
            add_row (row, element_row);
          }
        else
          add_member (row, element_title, element, element_path);
      }
    add_row (parent, row);
  }
}

static void
add_members (GtkWidget  *parent,
             JsonObject *object,
             const char *prefix)
{
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &member, &node))
    {
      g_autofree char *title = cs_form_view_format_label (member);
      g_autofree char *path = prefix != NULL ? g_strconcat (prefix, ".", member, NULL)
                                             : g_strdup (member);

      add_member (parent, title, node, path);
    }
}

/**
 * cs_form_view_new:
 * @form: (nullable): a case's form data
 *
 * Returns: (transfer floating): the generic panel of the form data
 */
GtkWidget *
cs_form_view_new (JsonObject *form)
{
  CsFormView *self = g_object_new (CS_TYPE_FORM_VIEW, NULL);

  if (form == NULL || json_object_get_size (form) == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("The form is empty."));
      adw_preferences_group_add (self->group, row);
    }
  else
    add_members (GTK_WIDGET (self->group), form, NULL);

  return GTK_WIDGET (self);
}
