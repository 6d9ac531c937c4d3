/* hlth-department.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "HlthDepartment"

#include "config.h"

#include "hlth-checks.h"
#include "hlth-department.h"
#include "hlth-marriage.h"
#include "hlth-marriage-panel.h"
#include "hlth-radiation-panel.h"
#include "hlth-wording.h"

/* The health commission (卫生健康委员会): the radiation worker certificate,
 * and the marriage and childbearing certificate of the floating population,
 * an instant matter decided at the window. */
struct _HlthDepartment
{
  GObject parent_instance;
};

static void department_iface_init (CsDepartmentInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HlthDepartment, hlth_department, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (CS_TYPE_DEPARTMENT, department_iface_init))

static const char * const matter_codes[] = {
  HLTH_MATTER_RADIATION_WORKER,
  HLTH_MATTER_MARRIAGE_CHILDBEARING,
  NULL
};

static const char *
hlth_department_get_code (CsDepartment *department)
{
  return "health";
}

static const char * const *
hlth_department_get_matter_codes (CsDepartment *department)
{
  return matter_codes;
}

static GtkWidget *
hlth_department_create_case_panel (CsDepartment *department,
                                   CsCase       *kase,
                                   CsMatter     *matter)
{
  if (g_str_equal (cs_matter_get_code (matter), HLTH_MATTER_MARRIAGE_CHILDBEARING))
    return hlth_marriage_panel_new (kase);
  if (g_str_equal (cs_matter_get_code (matter), HLTH_MATTER_RADIATION_WORKER))
    return hlth_radiation_panel_new (kase);
  return NULL;
}

static GPtrArray *
hlth_department_check_case (CsDepartment    *department,
                            CsCheckContext  *context,
                            GError         **error)
{
  if (g_str_equal (cs_matter_get_code (cs_check_context_get_matter (context)),
                   HLTH_MATTER_MARRIAGE_CHILDBEARING))
    return hlth_check_marriage_childbearing (context);
  return hlth_check_radiation_worker (context);
}

static gboolean
hlth_department_get_wording (CsDepartment  *department,
                             CsCase        *kase,
                             CsMatter      *matter,
                             CsOutcome      outcome,
                             char         **text,
                             char         **legal_basis,
                             GError       **error)
{
  if (g_str_equal (cs_matter_get_code (matter), HLTH_MATTER_MARRIAGE_CHILDBEARING))
    return hlth_word_marriage_childbearing (kase, matter, outcome, text, legal_basis, error);
  return hlth_word_radiation_worker (kase, matter, outcome, text, legal_basis, error);
}

static void
department_iface_init (CsDepartmentInterface *iface)
{
  iface->get_code = hlth_department_get_code;
  iface->get_matter_codes = hlth_department_get_matter_codes;
  iface->create_case_panel = hlth_department_create_case_panel;
  iface->check_case = hlth_department_check_case;
  iface->get_wording = hlth_department_get_wording;
}

static void
hlth_department_class_init (HlthDepartmentClass *klass)
{
}

static void
hlth_department_init (HlthDepartment *self)
{
}
