/* psb-department.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "PsbDepartment"

#include "config.h"

#include "psb-checks.h"
#include "psb-department.h"
#include "psb-review-panel.h"
#include "psb-wording.h"

/* The public security bureau (公安分局): the internal security review of
 * an enterprise (企业内部治安保卫审查), its part of the parallel approval of
 * an industrial product production licence. */
struct _PsbDepartment
{
  GObject parent_instance;
};

static void department_iface_init (CsDepartmentInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PsbDepartment, psb_department, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (CS_TYPE_DEPARTMENT, department_iface_init))

static const char * const matter_codes[] = {
  PSB_MATTER_SECURITY_REVIEW,
  NULL
};

static const char *
psb_department_get_code (CsDepartment *department)
{
  return "public-security";
}

static const char * const *
psb_department_get_matter_codes (CsDepartment *department)
{
  return matter_codes;
}

static GtkWidget *
psb_department_create_case_panel (CsDepartment *department,
                                  CsCase       *kase,
                                  CsMatter     *matter)
{
  const char *code = cs_matter_get_code (matter);

  if (g_str_equal (code, PSB_MATTER_SECURITY_REVIEW))
    return psb_review_panel_new (kase);
  return NULL;
}

static GPtrArray *
psb_department_check_case (CsDepartment    *department,
                           CsCheckContext  *context,
                           GError         **error)
{
  const char *code = cs_matter_get_code (cs_check_context_get_matter (context));

  if (g_str_equal (code, PSB_MATTER_SECURITY_REVIEW))
    return psb_check_security_review (context);
  return g_ptr_array_new_with_free_func (g_object_unref);
}

static gboolean
psb_department_get_wording (CsDepartment  *department,
                            CsCase        *kase,
                            CsMatter      *matter,
                            CsOutcome      outcome,
                            char         **text,
                            char         **legal_basis,
                            GError       **error)
{
  const char *code = cs_matter_get_code (matter);

  if (g_str_equal (code, PSB_MATTER_SECURITY_REVIEW))
    return psb_word_security_review (kase, matter, outcome, text, legal_basis, error);
  return cs_wording_standard (kase, matter, outcome, NULL, text, legal_basis, error);
}

static void
department_iface_init (CsDepartmentInterface *iface)
{
  iface->get_code = psb_department_get_code;
  iface->get_matter_codes = psb_department_get_matter_codes;
  iface->create_case_panel = psb_department_create_case_panel;
  iface->check_case = psb_department_check_case;
  iface->get_wording = psb_department_get_wording;
}

static void
psb_department_class_init (PsbDepartmentClass *klass)
{
}

static void
psb_department_init (PsbDepartment *self)
{
}
