/* tmpl-department.c
 *
 * Copyright 2026 Your agency
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "TmplDepartment"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tmpl-department.h"
#include "tmpl-panel.h"

/* The department: its code, its matters, its panel, its pre-checks and
 * its wording. Every call happens on the desk's main thread and must not
 * block; what it is given is borrowed for the call. */
struct _TmplDepartment
{
  GObject parent_instance;
};

static void department_iface_init (CsDepartmentInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TmplDepartment, tmpl_department, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (CS_TYPE_DEPARTMENT, department_iface_init))

static const char * const matter_codes[] = { TMPL_MATTER, NULL };

static const char *
tmpl_department_get_code (CsDepartment *department)
{
  return "template";
}

static const char * const *
tmpl_department_get_matter_codes (CsDepartment *department)
{
  return matter_codes;
}

static GtkWidget *
tmpl_department_create_case_panel (CsDepartment *department,
                                   CsCase       *kase,
                                   CsMatter     *matter)
{
  return tmpl_panel_new (kase);
}

static void
add_finding (GPtrArray         *findings,
             CsFindingSeverity  severity,
             const char        *field,
             const char        *material,
             const char        *message)
{
  CsFinding *finding = cs_finding_new (severity, message);

  cs_finding_set_field (finding, field);
  cs_finding_set_material (finding, material);
  g_ptr_array_add (findings, finding);
}

/* The pre-checks: the core's validators on the applicant, a form member
 * that must be given, and every material the desk could not read. */
static GPtrArray *
tmpl_department_check_case (CsDepartment    *department,
                            CsCheckContext  *context,
                            GError         **error)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  CsCase *kase = cs_check_context_get_case (context);
  CsApplicant *applicant = cs_case_get_applicant (kase);
  GListModel *materials = cs_case_get_materials (kase);
  g_autoptr(GError) invalid = NULL;

  if (applicant != NULL && !cs_validate_resident_id (cs_applicant_get_id_number (applicant),
                                                     &invalid))
    {
      g_autofree char *message = g_strdup_printf (_("The applicant’s ID number is not valid: %s"),
                                                  invalid->message);

      add_finding (findings, CS_FINDING_ERROR, "applicant.id_number", NULL, message);
    }

  if (cs_form_get_string (cs_case_get_form (kase), "purpose") == NULL)
    add_finding (findings, CS_FINDING_WARNING, "purpose", NULL,
                 _("The form does not say what the application is for."));

  for (guint i = 0; materials != NULL && i < g_list_model_get_n_items (materials); i++)
    {
      g_autoptr(CsMaterial) material = g_list_model_get_item (materials, i);

      if (cs_check_context_get_material_text (context, cs_material_get_id (material)) == NULL)
        {
          g_autofree char *message =
            g_strdup_printf (_("“%s” has no text the desk can read: check it by eye."),
                             cs_material_get_name (material));

          add_finding (findings, CS_FINDING_INFO, NULL, cs_material_get_id (material), message);
        }
    }

  return g_steal_pointer (&findings);
}

/* The wording: the Administrative Licensing Law's standard text for every
 * outcome; a real plugin says what its grant covers and why it denies. */
static gboolean
tmpl_department_get_wording (CsDepartment  *department,
                             CsCase        *kase,
                             CsMatter      *matter,
                             CsOutcome      outcome,
                             char         **text,
                             char         **legal_basis,
                             GError       **error)
{
  return cs_wording_standard (kase, matter, outcome, NULL, text, legal_basis, error);
}

static void
department_iface_init (CsDepartmentInterface *iface)
{
  iface->get_code = tmpl_department_get_code;
  iface->get_matter_codes = tmpl_department_get_matter_codes;
  iface->create_case_panel = tmpl_department_create_case_panel;
  iface->check_case = tmpl_department_check_case;
  iface->get_wording = tmpl_department_get_wording;
}

static void
tmpl_department_class_init (TmplDepartmentClass *klass)
{
}

static void
tmpl_department_init (TmplDepartment *self)
{
}
