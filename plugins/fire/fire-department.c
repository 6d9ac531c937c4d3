/* fire-department.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "FireDepartment"

#include "config.h"

#include "fire-checks.h"
#include "fire-department.h"
#include "fire-inspection-panel.h"
#include "fire-wording.h"

/* The fire and rescue brigade (消防救援大队): the fire safety inspection
 * before a public venue is put into use or opens (公众聚集场所投入使用、
 * 营业前消防安全检查), on its own or as a co-department of a parallel
 * approval led by the market regulation administration. */
struct _FireDepartment
{
  GObject parent_instance;
};

static void department_iface_init (CsDepartmentInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FireDepartment, fire_department, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (CS_TYPE_DEPARTMENT, department_iface_init))

static const char * const matter_codes[] = {
  FIRE_MATTER_PRE_OPENING,
  NULL
};

static const char *
fire_department_get_code (CsDepartment *department)
{
  return "fire";
}

static const char * const *
fire_department_get_matter_codes (CsDepartment *department)
{
  return matter_codes;
}

static GtkWidget *
fire_department_create_case_panel (CsDepartment *department,
                                   CsCase       *kase,
                                   CsMatter     *matter)
{
  const char *code = cs_matter_get_code (matter);

  if (g_str_equal (code, FIRE_MATTER_PRE_OPENING))
    return fire_inspection_panel_new (kase);
  return NULL;
}

static GPtrArray *
fire_department_check_case (CsDepartment    *department,
                            CsCheckContext  *context,
                            GError         **error)
{
  const char *code = cs_matter_get_code (cs_check_context_get_matter (context));

  if (g_str_equal (code, FIRE_MATTER_PRE_OPENING))
    return fire_check_pre_opening (context);
  return g_ptr_array_new_with_free_func (g_object_unref);
}

static gboolean
fire_department_get_wording (CsDepartment  *department,
                             CsCase        *kase,
                             CsMatter      *matter,
                             CsOutcome      outcome,
                             char         **text,
                             char         **legal_basis,
                             GError       **error)
{
  const char *code = cs_matter_get_code (matter);

  if (g_str_equal (code, FIRE_MATTER_PRE_OPENING))
    return fire_word_pre_opening (kase, matter, outcome, text, legal_basis, error);
  return cs_wording_standard (kase, matter, outcome, NULL, text, legal_basis, error);
}

static void
department_iface_init (CsDepartmentInterface *iface)
{
  iface->get_code = fire_department_get_code;
  iface->get_matter_codes = fire_department_get_matter_codes;
  iface->create_case_panel = fire_department_create_case_panel;
  iface->check_case = fire_department_check_case;
  iface->get_wording = fire_department_get_wording;
}

static void
fire_department_class_init (FireDepartmentClass *klass)
{
}

static void
fire_department_init (FireDepartment *self)
{
}
