/* frst-department.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "FrstDepartment"

#include "config.h"

#include "frst-checks.h"
#include "frst-department.h"
#include "frst-logging-panel.h"
#include "frst-wording.h"

/* The forestry and landscaping bureau (林业和园林局): timber logging
 * permits (林木采伐许可证核发). */
struct _FrstDepartment
{
  GObject parent_instance;
};

static void department_iface_init (CsDepartmentInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FrstDepartment, frst_department, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (CS_TYPE_DEPARTMENT, department_iface_init))

static const char * const matter_codes[] = {
  FRST_MATTER_TIMBER_LOGGING,
  NULL
};

static const char *
frst_department_get_code (CsDepartment *department)
{
  return "forestry";
}

static const char * const *
frst_department_get_matter_codes (CsDepartment *department)
{
  return matter_codes;
}

static GtkWidget *
frst_department_create_case_panel (CsDepartment *department,
                                   CsCase       *kase,
                                   CsMatter     *matter)
{
  return frst_logging_panel_new (kase);
}

static GPtrArray *
frst_department_check_case (CsDepartment    *department,
                            CsCheckContext  *context,
                            GError         **error)
{
  return frst_check_timber_logging (context);
}

static gboolean
frst_department_get_wording (CsDepartment  *department,
                             CsCase        *kase,
                             CsMatter      *matter,
                             CsOutcome      outcome,
                             char         **text,
                             char         **legal_basis,
                             GError       **error)
{
  return frst_word_timber_logging (kase, matter, outcome, text, legal_basis, error);
}

static void
department_iface_init (CsDepartmentInterface *iface)
{
  iface->get_code = frst_department_get_code;
  iface->get_matter_codes = frst_department_get_matter_codes;
  iface->create_case_panel = frst_department_create_case_panel;
  iface->check_case = frst_department_check_case;
  iface->get_wording = frst_department_get_wording;
}

static void
frst_department_class_init (FrstDepartmentClass *klass)
{
}

static void
frst_department_init (FrstDepartment *self)
{
}
