/* hrss-wording.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "HrssWording"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hrss-checks.h"
#include "hrss-wording.h"

/* The decisions on a social insurance registration. A grant names the
 * employer, its credit code and the insurances it is registered for, and
 * the duty to pay in full and on time (社会保险法 Art. 60); a denial gives
 * the reasons the case itself shows. The other outcomes say what the
 * Administrative Licensing Law makes them say (cs_wording_standard). */

static char *
deny_reasons (CsCase *kase)
{
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  CsApplicant *applicant = cs_case_get_applicant (kase);
  JsonObject *form = cs_case_get_form (kase);
  g_auto(GStrv) missing = hrss_missing_insurances (form);
  const char *employer = cs_form_get_string (form, HRSS_FIELD_EMPLOYER_NAME);

  if (applicant != NULL && cs_applicant_get_kind (applicant) == CS_APPLICANT_ORGANISATION &&
      !cs_validate_uscc (cs_applicant_get_uscc (applicant), NULL))
    g_ptr_array_add (reasons,
                     g_strdup_printf (_("the unified social credit code %s is not a valid "
                                        "one"), cs_applicant_get_uscc (applicant)));
  if (employer != NULL && g_strcmp0 (employer, cs_case_get_applicant_name (kase)) != 0)
    g_ptr_array_add (reasons,
                     g_strdup_printf (_("the employer to be registered, %s, is not the "
                                        "applicant"), employer));
  if (missing[0] != NULL)
    {
      /* Translators: separates the items of a list in a form field */
      g_autofree char *list = g_strjoinv (_(", "), missing);

      g_ptr_array_add (reasons,
                       g_strdup_printf (_("the registration leaves out %s, which the Social "
                                          "Insurance Law makes compulsory for every "
                                          "employee"), list));
    }
  if (reasons->len == 0)
    return NULL;

  g_ptr_array_add (reasons, NULL);
  /* Translators: separates the reasons of a denial */
  return g_strjoinv (_("; "), (char **) reasons->pdata);
}

gboolean
hrss_word_social_insurance (CsCase     *kase,
                            CsMatter   *matter,
                            CsOutcome   outcome,
                            char      **text,
                            char      **legal_basis,
                            GError    **error)
{
  CsApplicant *applicant = cs_case_get_applicant (kase);
  JsonObject *form = cs_case_get_form (kase);
  g_autofree char *reasons = NULL;
  g_autofree char *insurances = NULL;
  g_autofree char *employees = NULL;
  const char *uscc;

  if (outcome == CS_OUTCOME_DENY)
    {
      reasons = deny_reasons (kase);
      return cs_wording_standard (kase, matter, outcome, reasons, text, legal_basis, error);
    }
  uscc = applicant != NULL ? cs_applicant_get_uscc (applicant) : NULL;
  insurances = cs_form_dup_text (form, HRSS_FIELD_INSURANCES);
  employees = cs_form_dup_text (form, HRSS_FIELD_EMPLOYEES);
  if (outcome != CS_OUTCOME_GRANT || uscc == NULL || insurances == NULL || employees == NULL)
    return cs_wording_standard (kase, matter, outcome, NULL, text, legal_basis, error);

  /* Translators: employer, credit code, insurances, number of employees */
  *text = g_strdup_printf (_("Having examined the social insurance registration of %s (unified "
                             "social credit code %s), we find the materials complete and in the "
                             "statutory form. Under Article 57 of the Social Insurance Law of the "
                             "People’s Republic of China, the employer is registered for %s for "
                             "its %s employees, and a social insurance registration certificate "
                             "is issued. The employer shall declare and pay the contributions of "
                             "its employees in full and on time (Article 60), and report any "
                             "change of its registration within thirty days."),
                           cs_case_get_applicant_name (kase), uscc, insurances, employees);
  if (legal_basis != NULL)
    *legal_basis = cs_wording_legal_basis (matter, outcome);
  return TRUE;
}
