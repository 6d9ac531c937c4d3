/* hrss-department.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "HrssDepartment"

#include "config.h"

#include "hrss-checks.h"
#include "hrss-department.h"
#include "hrss-registration-panel.h"
#include "hrss-wording.h"

/* The human resources and social security bureau (人力资源和社会保障局): social
 * insurance registration of employers (社会保险登记). */
struct _HrssDepartment
{
  GObject parent_instance;
};

static void department_iface_init (CsDepartmentInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HrssDepartment, hrss_department, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (CS_TYPE_DEPARTMENT, department_iface_init))

static const char * const matter_codes[] = {
  HRSS_MATTER_SOCIAL_INSURANCE,
  NULL
};

static const char *
hrss_department_get_code (CsDepartment *department)
{
  return "hrss";
}

static const char * const *
hrss_department_get_matter_codes (CsDepartment *department)
{
  return matter_codes;
}

static GtkWidget *
hrss_department_create_case_panel (CsDepartment *department,
                                   CsCase       *kase,
                                   CsMatter     *matter)
{
  const char *code = cs_matter_get_code (matter);

  if (g_str_equal (code, HRSS_MATTER_SOCIAL_INSURANCE))
    return hrss_registration_panel_new (kase);
  return NULL;
}

static GPtrArray *
hrss_department_check_case (CsDepartment    *department,
                            CsCheckContext  *context,
                            GError         **error)
{
  const char *code = cs_matter_get_code (cs_check_context_get_matter (context));

  if (g_str_equal (code, HRSS_MATTER_SOCIAL_INSURANCE))
    return hrss_check_social_insurance (context);
  return g_ptr_array_new_with_free_func (g_object_unref);
}

static gboolean
hrss_department_get_wording (CsDepartment  *department,
                             CsCase        *kase,
                             CsMatter      *matter,
                             CsOutcome      outcome,
                             char         **text,
                             char         **legal_basis,
                             GError       **error)
{
  const char *code = cs_matter_get_code (matter);

  if (g_str_equal (code, HRSS_MATTER_SOCIAL_INSURANCE))
    return hrss_word_social_insurance (kase, matter, outcome, text, legal_basis, error);
  return cs_wording_standard (kase, matter, outcome, NULL, text, legal_basis, error);
}

static void
department_iface_init (CsDepartmentInterface *iface)
{
  iface->get_code = hrss_department_get_code;
  iface->get_matter_codes = hrss_department_get_matter_codes;
  iface->create_case_panel = hrss_department_create_case_panel;
  iface->check_case = hrss_department_check_case;
  iface->get_wording = hrss_department_get_wording;
}

static void
hrss_department_class_init (HrssDepartmentClass *klass)
{
}

static void
hrss_department_init (HrssDepartment *self)
{
}
