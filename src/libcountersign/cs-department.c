/* cs-department.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsDepartment"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-department.h"
#include "cs-finding.h"

/**
 * CsDepartment:
 *
 * The extension point of a department's plugin: which department and
 * matters it handles, a panel laying out a case's form data, the
 * pre-checks that turn a case into findings, and the wording and legal
 * basis of each decision.
 *
 * The desk never calls the interface's functions directly: it goes through
 * the wrappers below, which check the arguments and what the plugin
 * returns, so that a plugin that breaks the contract becomes an error the
 * desk can report (and disable the plugin for), never a crash.
 */

G_DEFINE_INTERFACE (CsDepartment, cs_department, G_TYPE_OBJECT)

G_DEFINE_QUARK (cs-department-error-quark, cs_department_error)

static GQuark
field_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("cs-department-field");
  return quark;
}

static void
cs_department_default_init (CsDepartmentInterface *iface)
{
}

/**
 * cs_department_load:
 * @self: a #CsDepartment
 *
 * Lets the plugin prepare itself; the desk calls it once, before anything
 * else.
 */
void
cs_department_load (CsDepartment *self)
{
  CsDepartmentInterface *iface;

  g_return_if_fail (CS_IS_DEPARTMENT (self));

  iface = CS_DEPARTMENT_GET_IFACE (self);
  if (iface->load != NULL)
    iface->load (self);
}

/**
 * cs_department_unload:
 * @self: a #CsDepartment
 *
 * Lets the plugin release what it holds; the desk calls it once, last.
 */
void
cs_department_unload (CsDepartment *self)
{
  CsDepartmentInterface *iface;

  g_return_if_fail (CS_IS_DEPARTMENT (self));

  iface = CS_DEPARTMENT_GET_IFACE (self);
  if (iface->unload != NULL)
    iface->unload (self);
}

/**
 * cs_department_get_code:
 * @self: a #CsDepartment
 *
 * Returns: (nullable): the department's code (`"health"`), or %NULL when
 *   the plugin gives none or an empty one
 */
const char *
cs_department_get_code (CsDepartment *self)
{
  CsDepartmentInterface *iface;
  const char *code;

  g_return_val_if_fail (CS_IS_DEPARTMENT (self), NULL);

  iface = CS_DEPARTMENT_GET_IFACE (self);
  if (iface->get_code == NULL)
    return NULL;
  code = iface->get_code (self);
  return code != NULL && *code != '\0' ? code : NULL;
}

/**
 * cs_department_get_matter_codes:
 * @self: a #CsDepartment
 *
 * Returns: (transfer none) (array zero-terminated=1): the codes of the
 *   matters the plugin handles; an empty array when it gives none
 */
const char * const *
cs_department_get_matter_codes (CsDepartment *self)
{
  static const char * const none[] = { NULL };
  CsDepartmentInterface *iface;
  const char * const *codes;

  g_return_val_if_fail (CS_IS_DEPARTMENT (self), none);

  iface = CS_DEPARTMENT_GET_IFACE (self);
  if (iface->get_matter_codes == NULL)
    return none;
  codes = iface->get_matter_codes (self);
  return codes != NULL ? codes : none;
}

/**
 * cs_department_handles_matter:
 * @self: a #CsDepartment
 * @matter_code: a matter's code
 *
 * Returns: %TRUE when @matter_code is one of the plugin's matters
 */
gboolean
cs_department_handles_matter (CsDepartment *self,
                              const char   *matter_code)
{
  g_return_val_if_fail (CS_IS_DEPARTMENT (self), FALSE);

  if (matter_code == NULL)
    return FALSE;
  return g_strv_contains ((const char * const *) cs_department_get_matter_codes (self),
                          matter_code);
}

static gboolean
check_matter (CsDepartment  *self,
              CsMatter      *matter,
              GError       **error)
{
  if (!cs_department_handles_matter (self, cs_matter_get_code (matter)))
    {
      g_set_error (error, CS_DEPARTMENT_ERROR, CS_DEPARTMENT_ERROR_NOT_SUPPORTED,
                   _("The plugin does not handle the matter “%s”."),
                   cs_matter_get_name (matter));
      return FALSE;
    }
  return TRUE;
}

/**
 * cs_department_create_case_panel:
 * @self: a #CsDepartment
 * @kase: a case, opened in full
 * @matter: the case's matter
 * @error: return location for a #GError
 *
 * Asks the plugin for the panel that shows the case's form data.
 *
 * Returns: (transfer floating) (nullable): a new widget without a parent;
 *   %NULL with @error set when the plugin gives none (the desk then shows
 *   its generic panel) or gives a widget it already uses elsewhere
 */
GtkWidget *
cs_department_create_case_panel (CsDepartment  *self,
                                 CsCase        *kase,
                                 CsMatter      *matter,
                                 GError       **error)
{
  CsDepartmentInterface *iface;
  GtkWidget *panel;

  g_return_val_if_fail (CS_IS_DEPARTMENT (self), NULL);
  g_return_val_if_fail (CS_IS_CASE (kase), NULL);
  g_return_val_if_fail (CS_IS_MATTER (matter), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_matter (self, matter, error))
    return NULL;

  iface = CS_DEPARTMENT_GET_IFACE (self);
  if (iface->create_case_panel == NULL)
    {
      g_set_error (error, CS_DEPARTMENT_ERROR, CS_DEPARTMENT_ERROR_NOT_SUPPORTED,
                   _("The plugin has no panel for the matter “%s”."),
                   cs_matter_get_name (matter));
      return NULL;
    }

  panel = iface->create_case_panel (self, kase, matter);
  if (panel == NULL)
    {
      g_set_error (error, CS_DEPARTMENT_ERROR, CS_DEPARTMENT_ERROR_NOT_SUPPORTED,
                   _("The plugin has no panel for the matter “%s”."),
                   cs_matter_get_name (matter));
      return NULL;
    }

  /* A widget with a parent, or one the plugin already sank, belongs to
   * someone else: taking it would steal it from its owner. */
  if (!GTK_IS_WIDGET (panel) || gtk_widget_get_parent (panel) != NULL ||
      !g_object_is_floating (panel))
    {
      g_set_error_literal (error, CS_DEPARTMENT_ERROR, CS_DEPARTMENT_ERROR_INVALID_RESULT,
                           _("The plugin’s case panel is not a new widget."));
      return NULL;
    }

  return panel;
}

/**
 * cs_department_check_case:
 * @self: a #CsDepartment
 * @context: what to check: the case, its matter, the day, the materials' text
 * @error: return location for a #GError
 *
 * Runs the plugin's pre-checks.
 *
 * Returns: (transfer full) (element-type CsFinding): the findings, possibly
 *   none; %NULL with @error set when the checks could not run or the plugin
 *   returned something that is not a list of findings
 */
GPtrArray *
cs_department_check_case (CsDepartment    *self,
                          CsCheckContext  *context,
                          GError         **error)
{
  CsDepartmentInterface *iface;
  g_autoptr(GPtrArray) returned = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CS_IS_DEPARTMENT (self), NULL);
  g_return_val_if_fail (CS_IS_CHECK_CONTEXT (context), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_matter (self, cs_check_context_get_matter (context), error))
    return NULL;

  findings = g_ptr_array_new_with_free_func (g_object_unref);

  iface = CS_DEPARTMENT_GET_IFACE (self);
  if (iface->check_case == NULL)
    return g_steal_pointer (&findings);

  returned = iface->check_case (self, context, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (returned == NULL)
    {
      g_set_error_literal (error, CS_DEPARTMENT_ERROR, CS_DEPARTMENT_ERROR_INVALID_RESULT,
                           _("The plugin’s pre-checks returned neither findings nor an error."));
      return NULL;
    }

  /* The copy holds its own references, whatever free function (if any)
   * the plugin gave its array. */
  for (guint i = 0; i < returned->len; i++)
    {
      gpointer item = g_ptr_array_index (returned, i);

      if (!CS_IS_FINDING (item))
        {
          g_set_error_literal (error, CS_DEPARTMENT_ERROR, CS_DEPARTMENT_ERROR_INVALID_RESULT,
                               _("The plugin’s pre-checks returned something that is not a "
                                 "finding."));
          return NULL;
        }
      g_ptr_array_add (findings, g_object_ref (item));
    }

  return g_steal_pointer (&findings);
}

/**
 * cs_department_get_wording:
 * @self: a #CsDepartment
 * @kase: a case, opened in full
 * @matter: the case's matter
 * @outcome: an outcome the matter allows
 * @text: (out) (transfer full): the wording of the decision, translated
 * @legal_basis: (out) (transfer full) (optional): the legal basis; the
 *   matter's own when the plugin gives none
 * @error: return location for a #GError
 *
 * Asks the plugin how a decision with @outcome is worded.
 *
 * Returns: %TRUE with @text set, %FALSE with @error set
 */
gboolean
cs_department_get_wording (CsDepartment  *self,
                           CsCase        *kase,
                           CsMatter      *matter,
                           CsOutcome      outcome,
                           char         **text,
                           char         **legal_basis,
                           GError       **error)
{
  CsDepartmentInterface *iface;
  g_autofree char *wording = NULL;
  g_autofree char *basis = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (CS_IS_DEPARTMENT (self), FALSE);
  g_return_val_if_fail (CS_IS_CASE (kase), FALSE);
  g_return_val_if_fail (CS_IS_MATTER (matter), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *text = NULL;
  if (legal_basis != NULL)
    *legal_basis = NULL;

  if (!check_matter (self, matter, error))
    return FALSE;
  if (!cs_matter_allows_outcome (matter, outcome))
    {
      g_set_error (error, CS_DEPARTMENT_ERROR, CS_DEPARTMENT_ERROR_NOT_SUPPORTED,
                   _("The matter “%s” allows no decision “%s”."),
                   cs_matter_get_name (matter), cs_outcome_get_label (outcome));
      return FALSE;
    }

  iface = CS_DEPARTMENT_GET_IFACE (self);
  if (iface->get_wording == NULL)
    {
      g_set_error (error, CS_DEPARTMENT_ERROR, CS_DEPARTMENT_ERROR_NOT_SUPPORTED,
                   _("The plugin has no wording for the decision “%s”."),
                   cs_outcome_get_label (outcome));
      return FALSE;
    }

  ok = iface->get_wording (self, kase, matter, outcome, &wording, &basis, &local_error);
  if (!ok || local_error != NULL)
    {
      if (local_error == NULL)
        g_set_error (error, CS_DEPARTMENT_ERROR, CS_DEPARTMENT_ERROR_FAILED,
                     _("The plugin could not word the decision “%s”."),
                     cs_outcome_get_label (outcome));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (wording == NULL || *wording == '\0' || !g_utf8_validate (wording, -1, NULL) ||
      (basis != NULL && !g_utf8_validate (basis, -1, NULL)))
    {
      g_set_error (error, CS_DEPARTMENT_ERROR, CS_DEPARTMENT_ERROR_INVALID_RESULT,
                   _("The plugin gave no wording for the decision “%s”."),
                   cs_outcome_get_label (outcome));
      return FALSE;
    }

  if (basis == NULL || *basis == '\0')
    {
      g_free (basis);
      basis = g_strdup (cs_matter_get_legal_basis (matter));
    }

  *text = g_steal_pointer (&wording);
  if (legal_basis != NULL)
    *legal_basis = g_steal_pointer (&basis);
  return TRUE;
}

/**
 * cs_department_mark_field:
 * @widget: the widget that shows a form field
 * @field: (nullable): the name of the form member it shows, %NULL to unmark
 *
 * Marks the widget that shows a form member, so that the desk can reveal
 * and highlight it when the approver activates a finding about that field
 * (#CsFinding:field). Mark the widget that should take the focus: a value
 * label, a row.
 */
void
cs_department_mark_field (GtkWidget  *widget,
                          const char *field)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_object_set_qdata_full (G_OBJECT (widget), field_quark (), g_strdup (field), g_free);
}

/**
 * cs_department_get_marked_field:
 * @widget: a widget
 *
 * Returns: (nullable): the form member @widget was marked with
 */
const char *
cs_department_get_marked_field (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  return g_object_get_qdata (G_OBJECT (widget), field_quark ());
}

/**
 * cs_department_find_field:
 * @panel: a case panel
 * @field: the name of a form member
 *
 * Looks through @panel and its descendants, depth first, for the widget
 * marked with @field.
 *
 * Returns: (transfer none) (nullable): the first widget marked with @field
 */
GtkWidget *
cs_department_find_field (GtkWidget  *panel,
                          const char *field)
{
  const char *marked;

  g_return_val_if_fail (GTK_IS_WIDGET (panel), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  marked = cs_department_get_marked_field (panel);
  if (marked != NULL && g_str_equal (marked, field))
    return panel;

  for (GtkWidget *child = gtk_widget_get_first_child (panel);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = cs_department_find_field (child, field);

      if (found != NULL)
        return found;
    }

  return NULL;
}
