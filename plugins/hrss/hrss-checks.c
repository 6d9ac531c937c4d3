/* hrss-checks.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "HrssChecks"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hrss-checks.h"

/* The pre-checks of an employer's social insurance registration (社会保险
 * 登记), per the Social Insurance Law (社会保险法): the employer registers
 * itself, identified by its unified social credit code, with its legal
 * representative, address and the account its contributions come from
 * (Art. 57), for all of the insurances the law makes compulsory for its
 * employees: basic pension, basic medical (with maternity since 2019),
 * unemployment and work-injury insurance (Arts. 10, 23, 33, 44, 53). */

/* As the forms write them. */
static const char * const compulsory_insurances[] = {
  "基本养老保险", "基本医疗保险", "失业保险", "工伤保险", NULL
};

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
 * hrss_missing_insurances:
 * @form: the case's form data
 *
 * Returns: (transfer full): the compulsory insurances the form leaves out
 */
GStrv
hrss_missing_insurances (JsonObject *form)
{
  g_auto(GStrv) chosen = cs_form_dup_strv (form, HRSS_FIELD_INSURANCES);
  g_autoptr(GStrvBuilder) missing = g_strv_builder_new ();

  for (guint i = 0; compulsory_insurances[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) chosen, compulsory_insurances[i]))
      g_strv_builder_add (missing, compulsory_insurances[i]);
  return g_strv_builder_end (missing);
}

/* A bank account number: digits only, as long as Chinese banks make them
 * (public accounts run from 9 to 30 digits). */
gboolean
hrss_bank_account_is_valid (const char *account)
{
  gsize length = 0;

  if (account == NULL)
    return FALSE;
  for (const char *p = account; *p != '\0'; p++, length++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return length >= 9 && length <= 30;
}

static void
check_form (GPtrArray   *findings,
            JsonObject  *form,
            CsApplicant *applicant)
{
  const char *employer = cs_form_get_string (form, HRSS_FIELD_EMPLOYER_NAME);
  const char *account = cs_form_get_string (form, HRSS_FIELD_BANK_ACCOUNT);
  g_auto(GStrv) missing = hrss_missing_insurances (form);
  g_autoptr(GError) error = NULL;
  double employees = 0;

  if (employer == NULL)
    add_finding (findings, CS_FINDING_ERROR, HRSS_FIELD_EMPLOYER_NAME, NULL, "application",
                 _("The form does not name the employer to be registered."));
  else if (g_strcmp0 (employer, cs_applicant_get_name (applicant)) != 0)
    add_finding (findings, CS_FINDING_ERROR, HRSS_FIELD_EMPLOYER_NAME, NULL, "application",
                 _("The form registers %s, but the applicant is %s: an employer registers "
                   "itself."), employer, cs_applicant_get_name (applicant));

  if (cs_applicant_get_legal_representative (applicant) == NULL)
    add_finding (findings, CS_FINDING_ERROR, "applicant.legal_representative", NULL,
                 "legal-rep-id", _("The application names no legal representative."));
  if (cs_applicant_get_address (applicant) == NULL)
    add_finding (findings, CS_FINDING_ERROR, "applicant.address", NULL, "business-licence",
                 _("The application gives no address of the employer."));
  if (cs_applicant_get_phone (applicant) != NULL &&
      !cs_validate_mobile (cs_applicant_get_phone (applicant), &error))
    add_finding (findings, CS_FINDING_WARNING, "applicant.phone", NULL, NULL,
                 _("The employer’s phone number looks wrong: %s"), error->message);

  if (cs_form_get_string (form, HRSS_FIELD_BANK) == NULL)
    add_finding (findings, CS_FINDING_ERROR, HRSS_FIELD_BANK, NULL, "bank-account",
                 _("The form names no bank for the contributions."));
  if (account == NULL)
    add_finding (findings, CS_FINDING_ERROR, HRSS_FIELD_BANK_ACCOUNT, NULL, "bank-account",
                 _("The form gives no bank account for the contributions."));
  else if (!hrss_bank_account_is_valid (account))
    add_finding (findings, CS_FINDING_ERROR, HRSS_FIELD_BANK_ACCOUNT, NULL, "bank-account",
                 _("The bank account %s is not an account number: 9 to 30 digits."), account);

  if (!cs_form_get_number (form, HRSS_FIELD_EMPLOYEES, &employees) || employees < 1)
    add_finding (findings, CS_FINDING_ERROR, HRSS_FIELD_EMPLOYEES, NULL, "application",
                 _("The form gives no employees to be insured."));

  if (missing[0] != NULL)
    {
      /* Translators: separates the items of a list in a form field */
      g_autofree char *list = g_strjoinv (_(", "), missing);

      add_finding (findings, CS_FINDING_ERROR, HRSS_FIELD_INSURANCES, NULL, "application",
                   _("An employer must insure its employees for basic pension, basic medical, "
                     "unemployment and work-injury insurance; the form leaves out %s."), list);
    }
}

GPtrArray *
hrss_check_social_insurance (CsCheckContext *context)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  CsCase *kase = cs_check_context_get_case (context);
  CsMatter *matter = cs_check_context_get_matter (context);
  CsApplicant *applicant = cs_case_get_applicant (kase);
  JsonObject *form = cs_case_get_form (kase);
  GListModel *materials = cs_case_get_materials (kase);
  const char *contact;
  const char *representative;

  if (applicant == NULL || cs_applicant_get_kind (applicant) != CS_APPLICANT_ORGANISATION)
    {
      add_finding (findings, CS_FINDING_ERROR, "applicant.name", NULL, NULL,
                   _("Social insurance registration is made by the employer, an organisation, "
                     "not by a person."));
      return g_steal_pointer (&findings);
    }

  check_applicant (findings, applicant, "business-licence");
  if (form == NULL)
    add_finding (findings, CS_FINDING_ERROR, NULL, NULL, "application",
                 _("The case carries no application form data."));
  else
    check_form (findings, form, applicant);

  check_required_materials (findings, matter, materials);

  /* Someone other than the legal representative handles the registration:
   * the authorisation is needed. */
  contact = cs_applicant_get_contact (applicant);
  representative = cs_applicant_get_legal_representative (applicant);
  if (contact != NULL && representative != NULL && !g_str_equal (contact, representative) &&
      !has_material_for (materials, cs_matter_get_code (matter), "authorisation"))
    add_finding (findings, CS_FINDING_WARNING, "applicant.contact", NULL, "authorisation",
                 _("%s handles the registration for the legal representative %s, but no "
                   "authorisation was handed in."), contact, representative);

  check_materials_identity (findings, context, applicant);
  return g_steal_pointer (&findings);
}
