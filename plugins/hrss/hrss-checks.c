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
    cs_findings_add (findings, CS_FINDING_ERROR, HRSS_FIELD_EMPLOYER_NAME, NULL, "application",
                     _("The form does not name the employer to be registered."));
  else if (g_strcmp0 (employer, cs_applicant_get_name (applicant)) != 0)
    cs_findings_add (findings, CS_FINDING_ERROR, HRSS_FIELD_EMPLOYER_NAME, NULL, "application",
                     _("The form registers %s, but the applicant is %s: an employer registers "
                       "itself."), employer, cs_applicant_get_name (applicant));

  if (cs_applicant_get_legal_representative (applicant) == NULL)
    cs_findings_add (findings, CS_FINDING_ERROR, "applicant.legal_representative", NULL,
                     "legal-rep-id", _("The application names no legal representative."));
  if (cs_applicant_get_address (applicant) == NULL)
    cs_findings_add (findings, CS_FINDING_ERROR, "applicant.address", NULL, "business-licence",
                     _("The application gives no address of the employer."));
  if (cs_applicant_get_phone (applicant) != NULL &&
      !cs_validate_mobile (cs_applicant_get_phone (applicant), &error))
    cs_findings_add (findings, CS_FINDING_WARNING, "applicant.phone", NULL, NULL,
                     _("The employer’s phone number looks wrong: %s"), error->message);

  if (cs_form_get_string (form, HRSS_FIELD_BANK) == NULL)
    cs_findings_add (findings, CS_FINDING_ERROR, HRSS_FIELD_BANK, NULL, "bank-account",
                     _("The form names no bank for the contributions."));
  if (account == NULL)
    cs_findings_add (findings, CS_FINDING_ERROR, HRSS_FIELD_BANK_ACCOUNT, NULL, "bank-account",
                     _("The form gives no bank account for the contributions."));
  else if (!hrss_bank_account_is_valid (account))
    cs_findings_add (findings, CS_FINDING_ERROR, HRSS_FIELD_BANK_ACCOUNT, NULL, "bank-account",
                     _("The bank account %s is not an account number: 9 to 30 digits."), account);

  if (!cs_form_get_number (form, HRSS_FIELD_EMPLOYEES, &employees) || employees < 1)
    cs_findings_add (findings, CS_FINDING_ERROR, HRSS_FIELD_EMPLOYEES, NULL, "application",
                     _("The form gives no employees to be insured."));

  if (missing[0] != NULL)
    {
      /* Translators: separates the items of a list in a form field */
      g_autofree char *list = g_strjoinv (_(", "), missing);

      cs_findings_add (findings, CS_FINDING_ERROR, HRSS_FIELD_INSURANCES, NULL, "application",
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
      cs_findings_add (findings, CS_FINDING_ERROR, "applicant.name", NULL, NULL,
                       _("Social insurance registration is made by the employer, an organisation, "
                         "not by a person."));
      return g_steal_pointer (&findings);
    }

  cs_check_applicant_number (findings, applicant, "business-licence");
  if (form == NULL)
    cs_findings_add (findings, CS_FINDING_ERROR, NULL, NULL, "application",
                     _("The case carries no application form data."));
  else
    check_form (findings, form, applicant);

  cs_check_required_materials (findings, matter, materials);

  /* Someone other than the legal representative handles the registration:
   * the authorisation is needed. */
  contact = cs_applicant_get_contact (applicant);
  representative = cs_applicant_get_legal_representative (applicant);
  if (contact != NULL && representative != NULL && !g_str_equal (contact, representative) &&
      !cs_materials_have_item (materials, cs_matter_get_code (matter), "authorisation"))
    cs_findings_add (findings, CS_FINDING_WARNING, "applicant.contact", NULL, "authorisation",
                     _("%s handles the registration for the legal representative %s, but no "
                       "authorisation was handed in."), contact, representative);

  cs_check_materials_identity (findings, context, applicant);
  return g_steal_pointer (&findings);
}
