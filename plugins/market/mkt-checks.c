/* mkt-checks.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "MktChecks"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mkt-checks.h"

/* The pre-checks of the market regulation administration's matters.
 *
 * A food business licence (食品经营许可), per the Food Safety Law
 * (食品安全法 Art. 33, 35) and the measures on food business licences: the
 * operator's type and business items, premises that fit them, and a food
 * safety manager. An industrial product production licence (工业产品生产
 * 许可证), per its regulations (Art. 9): the enterprise, its product and
 * plant; as the lead of a parallel approval, the licence is decided only
 * once every co-department has decided its part, and cannot be granted
 * over a co-department's refusal. */

/**
 * mkt_find_part:
 * @kase: a case, opened in full
 * @matter_code: a matter of the case
 *
 * Returns: (transfer full) (nullable): the part of the parallel approval
 *   that decides @matter_code
 */
CsCasePart *
mkt_find_part (CsCase     *kase,
               const char *matter_code)
{
  GListModel *parts = cs_case_get_parts (kase);

  for (guint i = 0; parts != NULL && i < g_list_model_get_n_items (parts); i++)
    {
      g_autoptr(CsCasePart) part = g_list_model_get_item (parts, i);

      if (g_strcmp0 (cs_case_part_get_matter_code (part), matter_code) == 0)
        return g_steal_pointer (&part);
    }
  return NULL;
}

static const char *
part_name (CsCasePart *part)
{
  return cs_case_part_get_department_name (part) != NULL
         ? cs_case_part_get_department_name (part) : cs_case_part_get_department (part);
}

/**
 * mkt_parts_refused:
 * @kase: a case, opened in full
 * @matter: its lead matter
 *
 * Returns: (transfer full) (nullable): the co-departments that decided
 *   their part with another outcome than a grant, as one list; %NULL when
 *   none did
 */
char *
mkt_parts_refused (CsCase   *kase,
                   CsMatter *matter)
{
  const char * const *co = cs_matter_get_co_matters (matter);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;

  for (guint i = 0; co != NULL && co[i] != NULL; i++)
    {
      g_autoptr(CsCasePart) part = mkt_find_part (kase, co[i]);

      if (part != NULL && cs_case_part_get_status (part) == CS_CASE_STATUS_DECIDED &&
          cs_case_part_get_outcome (part) != CS_OUTCOME_GRANT)
        g_strv_builder_add (names, part_name (part));
    }
  list = g_strv_builder_end (names);
  /* Translators: separates the items of a list in a form field */
  return list[0] != NULL ? g_strjoinv (_(", "), list) : NULL;
}

static void
check_applicant_kind (GPtrArray   *findings,
                      CsApplicant *applicant)
{
  if (applicant == NULL || cs_applicant_get_kind (applicant) != CS_APPLICANT_ORGANISATION)
    cs_findings_add (findings, CS_FINDING_ERROR, "applicant.name", NULL, "business-licence",
                     _("The licence is issued to a registered business, but the applicant is not "
                       "an organisation."));
}

GPtrArray *
mkt_check_food_business (CsCheckContext *context)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  CsCase *kase = cs_check_context_get_case (context);
  CsMatter *matter = cs_check_context_get_matter (context);
  CsApplicant *applicant = cs_case_get_applicant (kase);
  JsonObject *form = cs_case_get_form (kase);
  GListModel *materials = cs_case_get_materials (kase);
  g_auto(GStrv) items = cs_form_dup_strv (form, MKT_FIELD_ITEMS);
  const char *business = cs_form_get_string (form, MKT_FIELD_BUSINESS_NAME);
  const char *premises = cs_form_get_string (form, MKT_FIELD_PREMISES);
  const char *type = cs_form_get_string (form, MKT_FIELD_OPERATOR_TYPE);
  double area = 0;

  check_applicant_kind (findings, applicant);
  if (applicant != NULL)
    cs_check_applicant_number (findings, applicant, "business-licence");
  if (form == NULL)
    {
      cs_findings_add (findings, CS_FINDING_ERROR, NULL, NULL, "application",
                       _("The case carries no application form data."));
      return g_steal_pointer (&findings);
    }

  if (business == NULL)
    cs_findings_add (findings, CS_FINDING_ERROR, MKT_FIELD_BUSINESS_NAME, NULL, "application",
                     _("The form gives no business name."));
  else if (g_strcmp0 (business, cs_case_get_applicant_name (kase)) != 0)
    cs_findings_add (findings, CS_FINDING_WARNING, MKT_FIELD_BUSINESS_NAME, NULL,
                     "business-licence",
                     _("The business name in the form, %s, is not the name on the business "
                       "licence, %s."), business, cs_case_get_applicant_name (kase));

  if (type == NULL)
    cs_findings_add (findings, CS_FINDING_ERROR, MKT_FIELD_OPERATOR_TYPE, NULL, "application",
                     _("The form does not say what type of food business operator the applicant "
                       "is."));
  if (items[0] == NULL)
    cs_findings_add (findings, CS_FINDING_ERROR, MKT_FIELD_ITEMS, NULL, "application",
                     _("The form names no business item."));
  for (guint i = 0; type != NULL && g_str_equal (type, MKT_OPERATOR_SELLER) && items[i] != NULL;
       i++)
    if (strstr (items[i], "制售") != NULL)
      cs_findings_add (findings, CS_FINDING_WARNING, MKT_FIELD_ITEMS, NULL, "premises-plan",
                       _("A food seller applies for “%s”, which makes food on the premises: check "
                         "the premises plan for a kitchen, or the type of operator."), items[i]);

  if (premises == NULL)
    cs_findings_add (findings, CS_FINDING_ERROR, MKT_FIELD_PREMISES, NULL, "premises-plan",
                     _("The form gives no business premises."));
  else if (applicant != NULL && g_strcmp0 (premises, cs_applicant_get_address (applicant)) != 0 &&
           !cs_materials_have_item (materials, cs_matter_get_code (matter), "lease"))
    cs_findings_add (findings, CS_FINDING_WARNING, MKT_FIELD_PREMISES, NULL, "lease",
                     _("The premises, %s, are not the registered address of the business, and no "
                       "lease or proof of ownership was handed in."), premises);
  if (!cs_form_get_number (form, MKT_FIELD_AREA, &area) || area <= 0)
    cs_findings_add (findings, CS_FINDING_ERROR, MKT_FIELD_AREA, NULL, "premises-plan",
                     _("The form gives no area of the premises."));

  if (cs_form_get_string (form, MKT_FIELD_SAFETY_MANAGER) == NULL)
    cs_findings_add (findings, CS_FINDING_ERROR, MKT_FIELD_SAFETY_MANAGER, NULL, "safety-manager",
                     _("The form names no food safety manager: every food business must have "
                       "one."));

  cs_check_required_materials (findings, matter, materials);
  cs_check_materials_identity (findings, context, applicant);
  return g_steal_pointer (&findings);
}

/* The lead decides last: every co-department must have decided its part,
 * and a part that was not granted stops the licence. */
static void
check_parallel_parts (GPtrArray *findings,
                      CsCase    *kase,
                      CsMatter  *matter)
{
  const char * const *co = cs_matter_get_co_matters (matter);

  for (guint i = 0; co != NULL && co[i] != NULL; i++)
    {
      g_autoptr(CsCasePart) part = mkt_find_part (kase, co[i]);
      g_autofree char *field = NULL;
      CsCaseStatus status;

      if (part == NULL)
        {
          cs_findings_add (findings, CS_FINDING_ERROR, NULL, NULL, NULL,
                           _("The matter is approved in parallel with “%s”, but the case has no "
                             "part for it: ask the central platform to forward it."), co[i]);
          continue;
        }
      field = g_strconcat ("parallel.", cs_case_part_get_department (part), NULL);
      status = cs_case_part_get_status (part);
      if (status != CS_CASE_STATUS_DECIDED)
        cs_findings_add (findings, CS_FINDING_ERROR, field, NULL, NULL,
                         _("%s has not reported its part yet (%s): as the lead department, decide "
                           "only after every co-department has decided its part."),
                         part_name (part), cs_case_status_get_label (status));
      else if (cs_case_part_get_outcome (part) != CS_OUTCOME_GRANT)
        cs_findings_add (findings, CS_FINDING_ERROR, field, NULL, NULL,
                         _("%s decided its part with “%s”: the licence cannot be granted over "
                           "it."), part_name (part),
                         cs_outcome_get_label (cs_case_part_get_outcome (part)));
    }
}

GPtrArray *
mkt_check_industrial_product (CsCheckContext *context)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  CsCase *kase = cs_check_context_get_case (context);
  CsMatter *matter = cs_check_context_get_matter (context);
  CsApplicant *applicant = cs_case_get_applicant (kase);
  JsonObject *form = cs_case_get_form (kase);
  double value = 0;

  check_applicant_kind (findings, applicant);
  if (applicant != NULL)
    cs_check_applicant_number (findings, applicant, "business-licence");
  if (form == NULL)
    cs_findings_add (findings, CS_FINDING_ERROR, NULL, NULL, "application",
                     _("The case carries no application form data."));
  else
    {
      if (cs_form_get_string (form, MKT_FIELD_PRODUCT) == NULL)
        cs_findings_add (findings, CS_FINDING_ERROR, MKT_FIELD_PRODUCT, NULL, "application",
                         _("The form names no product to be licensed."));
      if (cs_form_get_string (form, MKT_FIELD_PRODUCTION_ADDRESS) == NULL)
        cs_findings_add (findings, CS_FINDING_ERROR, MKT_FIELD_PRODUCTION_ADDRESS, NULL,
                         "application", _("The form gives no production address."));
      if (!cs_form_get_number (form, MKT_FIELD_PLANT_AREA, &value) || value <= 0)
        cs_findings_add (findings, CS_FINDING_ERROR, MKT_FIELD_PLANT_AREA, NULL, "application",
                         _("The form gives no plant area."));
      if (!cs_form_get_number (form, MKT_FIELD_EMPLOYEES, &value) || value < 1)
        cs_findings_add (findings, CS_FINDING_ERROR, MKT_FIELD_EMPLOYEES, NULL, "application",
                         _("The form gives no employees: a licensed producer needs staff for "
                           "production and inspection."));
      if (cs_form_get_string (form, MKT_FIELD_CAPACITY) == NULL)
        cs_findings_add (findings, CS_FINDING_WARNING, MKT_FIELD_CAPACITY, NULL, "equipment",
                         _("The form gives no annual production capacity to check the equipment "
                           "list against."));
    }

  if (cs_case_get_lead (kase))
    check_parallel_parts (findings, kase, matter);
  cs_check_required_materials (findings, matter, cs_case_get_materials (kase));
  cs_check_materials_identity (findings, context, applicant);
  return g_steal_pointer (&findings);
}
