/* hlth-marriage.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "HlthMarriage"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hlth-checks.h"
#include "hlth-marriage.h"

/* The marriage and childbearing certificate of the floating population
 * (流动人口婚育证明), an instant matter decided at the window, per the
 * Regulations on Family Planning Work for the Floating Population (流动人口
 * 计划生育工作条例, Art. 8): it certifies the marital status and children
 * of a person who lives away from where the household is registered. So the
 * household register must be elsewhere than this district; a married
 * applicant shows the marriage certificate, and was of the legal age for
 * marriage (Civil Code Art. 1047: 22 for men, 20 for women). */

/* The district whose service centre this is (GB/T 2260): who is
 * registered here is not floating population here. */
#define HOME_DISTRICT_CODE "440103"
#define HOME_DISTRICT_NAME "广州市荔湾区"

/**
 * hlth_legal_marriage_age:
 * @id_number: (nullable): a valid resident ID number
 *
 * The legal age for marriage of the person: 22 for a man, 20 for a woman;
 * the 17th digit of the ID number is odd for a man (GB 11643).
 *
 * Returns: the age, or 0 when @id_number says nothing
 */
guint
hlth_legal_marriage_age (const char *id_number)
{
  if (id_number == NULL || strlen (id_number) != 18 || !g_ascii_isdigit (id_number[16]))
    return 0;
  return (id_number[16] - '0') % 2 == 1 ? 22 : 20;
}

static void
check_form (GPtrArray      *findings,
            CsCheckContext *context,
            JsonObject     *form,
            CsApplicant    *applicant)
{
  CsCase *kase = cs_check_context_get_case (context);
  CsMatter *matter = cs_check_context_get_matter (context);
  const char *status = cs_form_get_string (form, HLTH_FIELD_MARITAL_STATUS);
  const char *household = cs_form_get_string (form, HLTH_FIELD_HOUSEHOLD_REGISTER);
  const char *id_number = cs_applicant_get_id_number (applicant);
  double children = 0;
  GDate birth;

  if (status == NULL)
    cs_findings_add (findings, CS_FINDING_ERROR, HLTH_FIELD_MARITAL_STATUS, NULL, "application",
                     _("The form gives no marital status: it is what the certificate certifies."));
  else if (g_str_equal (status, HLTH_MARRIED))
    {
      guint legal_age = hlth_legal_marriage_age (id_number);

      if (!cs_materials_have_item (cs_case_get_materials (kase), cs_matter_get_code (matter),
                                   "marriage-certificate"))
        cs_findings_add (findings, CS_FINDING_ERROR, HLTH_FIELD_MARITAL_STATUS, NULL,
                         "marriage-certificate",
                         _("The applicant is married, but no marriage certificate was handed in."));
      if (legal_age > 0 && hlth_id_number_birth_date (id_number, &birth) &&
          hlth_age_on (&birth, cs_check_context_get_today (context)) < legal_age)
        cs_findings_add (findings, CS_FINDING_ERROR, HLTH_FIELD_MARITAL_STATUS, NULL,
                         "marriage-certificate",
                         _("The applicant is said to be married but is under %u, the legal age for "
                           "marriage: check the marriage certificate."), legal_age);
    }

  if (json_object_has_member (form, HLTH_FIELD_CHILDREN) &&
      (!cs_form_get_number (form, HLTH_FIELD_CHILDREN, &children) || children < 0 ||
       children != (double) (gint64) children))
    cs_findings_add (findings, CS_FINDING_ERROR, HLTH_FIELD_CHILDREN, NULL, "application",
                     _("The number of children in the form is not a number of children."));
  else if (!json_object_has_member (form, HLTH_FIELD_CHILDREN))
    cs_findings_add (findings, CS_FINDING_ERROR, HLTH_FIELD_CHILDREN, NULL, "application",
                     _("The form does not say how many children the applicant has."));

  if (household == NULL)
    cs_findings_add (findings, CS_FINDING_ERROR, HLTH_FIELD_HOUSEHOLD_REGISTER, NULL,
                     "household-register",
                     _("The form does not say where the applicant’s household is registered."));
  else if (strstr (household, HOME_DISTRICT_NAME) != NULL)
    cs_findings_add (findings, CS_FINDING_ERROR, HLTH_FIELD_HOUSEHOLD_REGISTER, NULL,
                     "household-register",
                     _("The applicant’s household is registered in this district (%s): the "
                       "certificate is for people who live away from their household register."),
                     household);
  else if (id_number != NULL && g_str_has_prefix (id_number, HOME_DISTRICT_CODE))
    cs_findings_add (findings, CS_FINDING_INFO, HLTH_FIELD_HOUSEHOLD_REGISTER, NULL,
                     "household-register",
                     _("The ID number was issued in this district, but the household is registered "
                       "in %s: check the household register for the move."), household);

  if (cs_form_get_string (form, HLTH_FIELD_CURRENT_ADDRESS) == NULL)
    cs_findings_add (findings, CS_FINDING_ERROR, HLTH_FIELD_CURRENT_ADDRESS, NULL, "application",
                     _("The form does not say where the applicant lives now."));
  if (cs_form_get_string (form, HLTH_FIELD_PURPOSE) == NULL)
    cs_findings_add (findings, CS_FINDING_WARNING, HLTH_FIELD_PURPOSE, NULL, "application",
                     _("The form does not say what the certificate is for."));
}

GPtrArray *
hlth_check_marriage_childbearing (CsCheckContext *context)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  CsCase *kase = cs_check_context_get_case (context);
  CsApplicant *applicant = cs_case_get_applicant (kase);
  JsonObject *form = cs_case_get_form (kase);

  if (applicant == NULL || cs_applicant_get_kind (applicant) != CS_APPLICANT_PERSON)
    {
      cs_findings_add (findings, CS_FINDING_ERROR, "applicant.name", NULL, NULL,
                       _("The certificate is of a person’s marriage and children: the applicant "
                         "must "
                         "be that person, not an organisation."));
      return g_steal_pointer (&findings);
    }

  cs_check_applicant_number (findings, applicant, "id-card");
  if (form == NULL)
    cs_findings_add (findings, CS_FINDING_ERROR, NULL, NULL, "application",
                     _("The case carries no application form data."));
  else
    check_form (findings, context, form, applicant);

  cs_check_required_materials (findings, cs_check_context_get_matter (context),
                               cs_case_get_materials (kase));
  cs_check_materials_identity (findings, context, applicant);
  return g_steal_pointer (&findings);
}

static char *
deny_reasons (CsCase *kase)
{
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  CsApplicant *applicant = cs_case_get_applicant (kase);
  JsonObject *form = cs_case_get_form (kase);
  const char *household = cs_form_get_string (form, HLTH_FIELD_HOUSEHOLD_REGISTER);

  if (applicant != NULL && !cs_validate_resident_id (cs_applicant_get_id_number (applicant), NULL))
    g_ptr_array_add (reasons,
                     g_strdup_printf (_("the ID number %s is not a valid one"),
                                      cs_applicant_get_id_number (applicant)));
  if (household != NULL && strstr (household, HOME_DISTRICT_NAME) != NULL)
    g_ptr_array_add (reasons,
                     g_strdup_printf (_("the applicant’s household is registered in this "
                                        "district, so the applicant is not floating "
                                        "population here")));
  if (reasons->len == 0)
    return NULL;
  g_ptr_array_add (reasons, NULL);
  /* Translators: separates the reasons of a denial */
  return g_strjoinv (_("; "), (char **) reasons->pdata);
}

gboolean
hlth_word_marriage_childbearing (CsCase     *kase,
                                 CsMatter   *matter,
                                 CsOutcome   outcome,
                                 char      **text,
                                 char      **legal_basis,
                                 GError    **error)
{
  JsonObject *form = cs_case_get_form (kase);
  g_autofree char *reasons = NULL;
  g_autofree char *children_text = NULL;
  const char *status = cs_form_get_string (form, HLTH_FIELD_MARITAL_STATUS);
  const char *household = cs_form_get_string (form, HLTH_FIELD_HOUSEHOLD_REGISTER);
  const char *address = cs_form_get_string (form, HLTH_FIELD_CURRENT_ADDRESS);
  const char *id_number = cs_case_get_applicant_id_number (kase);
  double children = 0;

  if (outcome == CS_OUTCOME_DENY)
    {
      reasons = deny_reasons (kase);
      return cs_wording_standard (kase, matter, outcome, reasons, text, legal_basis, error);
    }
  if (outcome != CS_OUTCOME_GRANT || status == NULL || household == NULL || address == NULL ||
      id_number == NULL || !cs_form_get_number (form, HLTH_FIELD_CHILDREN, &children))
    return cs_wording_standard (kase, matter, outcome, NULL, text, legal_basis, error);

  children_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u child", "%u children",
                                                (guint) children),
                                   (guint) children);
  /* Translators: name, ID number, household register, address, marital status, “2 children” */
  *text = g_strdup_printf (_("Having examined the application of %s on the spot, we find the "
                             "materials complete and in the statutory form. Under Article 38(1) "
                             "of the Administrative Licensing Law of the People’s Republic of "
                             "China and Article 8 of the Regulations on Family Planning Work for "
                             "the Floating Population, a Marriage and Childbearing Certificate of "
                             "the Floating Population is issued, certifying that the holder "
                             "(ID number %s), whose household is registered in %s and who lives "
                             "at %s, is %s and has %s."),
                           cs_case_get_applicant_name (kase), id_number, household, address,
                           status, children_text);
  if (legal_basis != NULL)
    *legal_basis = cs_wording_legal_basis (matter, outcome);
  return TRUE;
}
