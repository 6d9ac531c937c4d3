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

static void
add_finding (GPtrArray         *findings,
             CsFindingSeverity  severity,
             const char        *field,
             const char        *material,
             const char        *checklist_item,
             const char        *format,
             ...) G_GNUC_PRINTF (6, 7);

static void
add_finding (GPtrArray         *findings,
             CsFindingSeverity  severity,
             const char        *field,
             const char        *material,
             const char        *checklist_item,
             const char        *format,
             ...)
{
  g_autofree char *message = NULL;
  CsFinding *finding;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  finding = cs_finding_new (severity, message);
  cs_finding_set_field (finding, field);
  cs_finding_set_material (finding, material);
  cs_finding_set_checklist_item (finding, checklist_item);
  g_ptr_array_add (findings, finding);
}

/* Identity numbers (GB 11643) or credit codes (GB 32100) printed in a
 * material's text, upper-cased. */
static GPtrArray *
find_numbers (const char *text,
              gboolean    organisation)
{
  g_autoptr(GRegex) regex = g_regex_new (organisation
                                         ? "(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}"
                                           "[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Z])"
                                         : "(?<![0-9])[0-9]{17}[0-9Xx](?![0-9Xx])",
                                         0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GPtrArray *numbers = g_ptr_array_new_with_free_func (g_free);

  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      char *number = g_match_info_fetch (match, 0);

      for (char *p = number; *p != '\0'; p++)
        *p = g_ascii_toupper (*p);
      g_ptr_array_add (numbers, number);
      g_match_info_next (match, NULL);
    }
  return numbers;
}

/* A material that names someone else, or carries another ID number or
 * credit code than the applicant's, is not the applicant's. */
static void
check_material_identity (GPtrArray      *findings,
                         CsCheckContext *context,
                         CsMaterial     *material,
                         CsApplicant    *applicant)
{
  const char *id = cs_material_get_id (material);
  const char *item = cs_material_get_checklist_item (material);
  const char *title = cs_material_get_name (material);
  const char *text = cs_check_context_get_material_text (context, id);
  gboolean organisation = cs_applicant_get_kind (applicant) == CS_APPLICANT_ORGANISATION;
  const char *name = cs_applicant_get_name (applicant);
  const char *number = organisation ? cs_applicant_get_uscc (applicant)
                                    : cs_applicant_get_id_number (applicant);
  g_autoptr(GPtrArray) numbers = NULL;
  gboolean matches = FALSE;

  if (text == NULL)
    {
      if (organisation)
        add_finding (findings, CS_FINDING_INFO, NULL, id, item,
                     _("“%s” has no text the desk can read (a scan or a photo): check the name "
                       "and credit code on it by eye."), title);
      else
        add_finding (findings, CS_FINDING_INFO, NULL, id, item,
                     _("“%s” has no text the desk can read (a scan or a photo): check the name "
                       "and ID number on it by eye."), title);
      return;
    }

  if (name != NULL && strstr (text, name) == NULL)
    add_finding (findings, CS_FINDING_WARNING, "applicant.name", id, item,
                 _("The applicant’s name, %s, does not appear on “%s”."), name, title);

  if (number == NULL)
    return;
  numbers = find_numbers (text, organisation);
  for (guint i = 0; i < numbers->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (numbers, i), number) == 0)
      matches = TRUE;
  if (numbers->len > 0 && !matches)
    {
      if (organisation)
        add_finding (findings, CS_FINDING_ERROR, "applicant.uscc", id, item,
                     _("The credit code on “%s”, %s, is not the applicant’s (%s)."),
                     title, (const char *) g_ptr_array_index (numbers, 0), number);
      else
        add_finding (findings, CS_FINDING_ERROR, "applicant.id_number", id, item,
                     _("The ID number on “%s”, %s, is not the applicant’s (%s)."),
                     title, (const char *) g_ptr_array_index (numbers, 0), number);
    }
}

/* The applicant's ID number (GB 11643) or credit code (GB 32100). */
static void
check_applicant (GPtrArray   *findings,
                 CsApplicant *applicant,
                 const char  *checklist_item)
{
  g_autoptr(GError) error = NULL;

  if (cs_applicant_get_kind (applicant) == CS_APPLICANT_ORGANISATION)
    {
      if (!cs_validate_uscc (cs_applicant_get_uscc (applicant), &error))
        add_finding (findings, CS_FINDING_ERROR, "applicant.uscc", NULL, checklist_item,
                     _("The applicant’s unified social credit code is not valid: %s"),
                     error->message);
    }
  else if (!cs_validate_resident_id (cs_applicant_get_id_number (applicant), &error))
    add_finding (findings, CS_FINDING_ERROR, "applicant.id_number", NULL, checklist_item,
                 _("The applicant’s ID number is not valid: %s"), error->message);
}

/* Materials of @matter_code only: a parallel case carries every
 * department's materials, and "application" is an item of each. */
static gboolean
has_material_for (GListModel *materials,
                  const char *matter_code,
                  const char *item)
{
  for (guint i = 0; materials != NULL && i < g_list_model_get_n_items (materials); i++)
    {
      g_autoptr(CsMaterial) material = g_list_model_get_item (materials, i);

      if (g_strcmp0 (cs_material_get_matter_code (material), matter_code) == 0 &&
          g_strcmp0 (cs_material_get_checklist_item (material), item) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
check_required_materials (GPtrArray  *findings,
                          CsMatter   *matter,
                          GListModel *materials)
{
  GListModel *checklist = cs_matter_get_checklist (matter);

  for (guint i = 0; i < g_list_model_get_n_items (checklist); i++)
    {
      g_autoptr(CsChecklistItem) item = g_list_model_get_item (checklist, i);

      if (cs_checklist_item_get_required (item) &&
          !has_material_for (materials, cs_matter_get_code (matter),
                             cs_checklist_item_get_code (item)))
        add_finding (findings, CS_FINDING_ERROR, NULL, NULL, cs_checklist_item_get_code (item),
                     _("No material was handed in for “%s”."), cs_checklist_item_get_name (item));
    }
}

/* Every material of the matter the applicant's own. */
static void
check_materials_identity (GPtrArray      *findings,
                          CsCheckContext *context,
                          CsApplicant    *applicant)
{
  CsCase *kase = cs_check_context_get_case (context);
  const char *matter_code = cs_matter_get_code (cs_check_context_get_matter (context));
  GListModel *materials = cs_case_get_materials (kase);

  for (guint i = 0; applicant != NULL && materials != NULL &&
                    i < g_list_model_get_n_items (materials); i++)
    {
      g_autoptr(CsMaterial) material = g_list_model_get_item (materials, i);

      if (g_strcmp0 (cs_material_get_matter_code (material), matter_code) == 0)
        check_material_identity (findings, context, material, applicant);
    }
}

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
    add_finding (findings, CS_FINDING_ERROR, "applicant.name", NULL, "business-licence",
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
    check_applicant (findings, applicant, "business-licence");
  if (form == NULL)
    {
      add_finding (findings, CS_FINDING_ERROR, NULL, NULL, "application",
                   _("The case carries no application form data."));
      return g_steal_pointer (&findings);
    }

  if (business == NULL)
    add_finding (findings, CS_FINDING_ERROR, MKT_FIELD_BUSINESS_NAME, NULL, "application",
                 _("The form gives no business name."));
  else if (g_strcmp0 (business, cs_case_get_applicant_name (kase)) != 0)
    add_finding (findings, CS_FINDING_WARNING, MKT_FIELD_BUSINESS_NAME, NULL,
                 "business-licence",
                 _("The business name in the form, %s, is not the name on the business "
                   "licence, %s."), business, cs_case_get_applicant_name (kase));

  if (type == NULL)
    add_finding (findings, CS_FINDING_ERROR, MKT_FIELD_OPERATOR_TYPE, NULL, "application",
                 _("The form does not say what type of food business operator the applicant "
                   "is."));
  if (items[0] == NULL)
    add_finding (findings, CS_FINDING_ERROR, MKT_FIELD_ITEMS, NULL, "application",
                 _("The form names no business item."));
  for (guint i = 0; type != NULL && g_str_equal (type, MKT_OPERATOR_SELLER) && items[i] != NULL;
       i++)
    if (strstr (items[i], "制售") != NULL)
      add_finding (findings, CS_FINDING_WARNING, MKT_FIELD_ITEMS, NULL, "premises-plan",
                   _("A food seller applies for “%s”, which makes food on the premises: check "
                     "the premises plan for a kitchen, or the type of operator."), items[i]);

  if (premises == NULL)
    add_finding (findings, CS_FINDING_ERROR, MKT_FIELD_PREMISES, NULL, "premises-plan",
                 _("The form gives no business premises."));
  else if (applicant != NULL && g_strcmp0 (premises, cs_applicant_get_address (applicant)) != 0 &&
           !has_material_for (materials, cs_matter_get_code (matter), "lease"))
    add_finding (findings, CS_FINDING_WARNING, MKT_FIELD_PREMISES, NULL, "lease",
                 _("The premises, %s, are not the registered address of the business, and no "
                   "lease or proof of ownership was handed in."), premises);
  if (!cs_form_get_number (form, MKT_FIELD_AREA, &area) || area <= 0)
    add_finding (findings, CS_FINDING_ERROR, MKT_FIELD_AREA, NULL, "premises-plan",
                 _("The form gives no area of the premises."));

  if (cs_form_get_string (form, MKT_FIELD_SAFETY_MANAGER) == NULL)
    add_finding (findings, CS_FINDING_ERROR, MKT_FIELD_SAFETY_MANAGER, NULL, "safety-manager",
                 _("The form names no food safety manager: every food business must have "
                   "one."));

  check_required_materials (findings, matter, materials);
  check_materials_identity (findings, context, applicant);
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
          add_finding (findings, CS_FINDING_ERROR, NULL, NULL, NULL,
                       _("The matter is approved in parallel with “%s”, but the case has no "
                         "part for it: ask the central platform to forward it."), co[i]);
          continue;
        }
      field = g_strconcat ("parallel.", cs_case_part_get_department (part), NULL);
      status = cs_case_part_get_status (part);
      if (status != CS_CASE_STATUS_DECIDED)
        add_finding (findings, CS_FINDING_ERROR, field, NULL, NULL,
                     _("%s has not reported its part yet (%s): as the lead department, decide "
                       "only after every co-department has decided its part."),
                     part_name (part), cs_case_status_get_label (status));
      else if (cs_case_part_get_outcome (part) != CS_OUTCOME_GRANT)
        add_finding (findings, CS_FINDING_ERROR, field, NULL, NULL,
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
    check_applicant (findings, applicant, "business-licence");
  if (form == NULL)
    add_finding (findings, CS_FINDING_ERROR, NULL, NULL, "application",
                 _("The case carries no application form data."));
  else
    {
      if (cs_form_get_string (form, MKT_FIELD_PRODUCT) == NULL)
        add_finding (findings, CS_FINDING_ERROR, MKT_FIELD_PRODUCT, NULL, "application",
                     _("The form names no product to be licensed."));
      if (cs_form_get_string (form, MKT_FIELD_PRODUCTION_ADDRESS) == NULL)
        add_finding (findings, CS_FINDING_ERROR, MKT_FIELD_PRODUCTION_ADDRESS, NULL,
                     "application", _("The form gives no production address."));
      if (!cs_form_get_number (form, MKT_FIELD_PLANT_AREA, &value) || value <= 0)
        add_finding (findings, CS_FINDING_ERROR, MKT_FIELD_PLANT_AREA, NULL, "application",
                     _("The form gives no plant area."));
      if (!cs_form_get_number (form, MKT_FIELD_EMPLOYEES, &value) || value < 1)
        add_finding (findings, CS_FINDING_ERROR, MKT_FIELD_EMPLOYEES, NULL, "application",
                     _("The form gives no employees: a licensed producer needs staff for "
                       "production and inspection."));
      if (cs_form_get_string (form, MKT_FIELD_CAPACITY) == NULL)
        add_finding (findings, CS_FINDING_WARNING, MKT_FIELD_CAPACITY, NULL, "equipment",
                     _("The form gives no annual production capacity to check the equipment "
                       "list against."));
    }

  if (cs_case_get_lead (kase))
    check_parallel_parts (findings, kase, matter);
  check_required_materials (findings, matter, cs_case_get_materials (kase));
  check_materials_identity (findings, context, applicant);
  return g_steal_pointer (&findings);
}
