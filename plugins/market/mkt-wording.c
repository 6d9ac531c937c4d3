/* mkt-wording.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "MktWording"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mkt-checks.h"
#include "mkt-wording.h"

/* The decisions of the market regulation administration. A grant says
 * what the licence covers; a denial gives the reasons the case itself
 * shows (for a parallel approval: the co-departments that refused their
 * part). The other outcomes say what the Administrative Licensing Law
 * makes them say (cs_wording_standard). */

static char *
join_reasons (GPtrArray *reasons)
{
  if (reasons->len == 0)
    return NULL;
  g_ptr_array_add (reasons, NULL);
  /* Translators: separates the reasons of a denial */
  return g_strjoinv (_("; "), (char **) reasons->pdata);
}

static void
add_uscc_reason (GPtrArray *reasons,
                 CsCase    *kase)
{
  CsApplicant *applicant = cs_case_get_applicant (kase);

  if (applicant != NULL && cs_applicant_get_kind (applicant) == CS_APPLICANT_ORGANISATION &&
      !cs_validate_uscc (cs_applicant_get_uscc (applicant), NULL))
    g_ptr_array_add (reasons,
                     g_strdup_printf (_("the unified social credit code %s is not a valid "
                                        "one"), cs_applicant_get_uscc (applicant)));
}

gboolean
mkt_word_food_business (CsCase     *kase,
                        CsMatter   *matter,
                        CsOutcome   outcome,
                        char      **text,
                        char      **legal_basis,
                        GError    **error)
{
  JsonObject *form = cs_case_get_form (kase);
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *reason_text = NULL;
  g_autofree char *items = cs_form_dup_text (form, MKT_FIELD_ITEMS);
  const char *type = cs_form_get_string (form, MKT_FIELD_OPERATOR_TYPE);
  const char *premises = cs_form_get_string (form, MKT_FIELD_PREMISES);
  const char *manager = cs_form_get_string (form, MKT_FIELD_SAFETY_MANAGER);

  if (outcome == CS_OUTCOME_DENY)
    {
      add_uscc_reason (reasons, kase);
      if (manager == NULL)
        g_ptr_array_add (reasons, g_strdup (_("the business has no food safety manager, which "
                                              "Article 33 of the Food Safety Law requires")));
      if (premises == NULL)
        g_ptr_array_add (reasons, g_strdup (_("the application gives no premises fit for the "
                                              "business")));
      reason_text = join_reasons (reasons);
      return cs_wording_standard (kase, matter, outcome, reason_text, text, legal_basis, error);
    }
  if (outcome != CS_OUTCOME_GRANT || items == NULL || type == NULL || premises == NULL ||
      manager == NULL)
    return cs_wording_standard (kase, matter, outcome, NULL, text, legal_basis, error);

  /* Translators: the operator, its type, the business items, the premises, the manager */
  *text = g_strdup_printf (_("Having examined the application of %s for a food business "
                             "licence, we find the materials complete, in the statutory form "
                             "and meeting the statutory conditions. Under Article 38(1) of the "
                             "Administrative Licensing Law of the People’s Republic of China and "
                             "Article 35 of the Food Safety Law of the People’s Republic of "
                             "China, the application is granted and a Food Business Licence is "
                             "issued, for a %s, with the business items %s, at %s. The licensee "
                             "shall run its business within the licence, keep its food safety "
                             "rules, with %s as its food safety manager, and apply for a change "
                             "of the licence before it changes its items or premises."),
                           cs_case_get_applicant_name (kase), type, items, premises, manager);
  if (legal_basis != NULL)
    *legal_basis = cs_wording_legal_basis (matter, outcome);
  return TRUE;
}

gboolean
mkt_word_industrial_product (CsCase     *kase,
                             CsMatter   *matter,
                             CsOutcome   outcome,
                             char      **text,
                             char      **legal_basis,
                             GError    **error)
{
  JsonObject *form = cs_case_get_form (kase);
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *reason_text = NULL;
  g_autofree char *refused = NULL;
  const char *product = cs_form_get_string (form, MKT_FIELD_PRODUCT);
  const char *address = cs_form_get_string (form, MKT_FIELD_PRODUCTION_ADDRESS);

  if (outcome == CS_OUTCOME_DENY)
    {
      add_uscc_reason (reasons, kase);
      refused = mkt_parts_refused (kase, matter);
      if (refused != NULL)
        g_ptr_array_add (reasons,
                         g_strdup_printf (_("in the parallel approval, %s did not approve "
                                            "its part"), refused));
      reason_text = join_reasons (reasons);
      return cs_wording_standard (kase, matter, outcome, reason_text, text, legal_basis, error);
    }
  if (outcome != CS_OUTCOME_GRANT || product == NULL || address == NULL)
    return cs_wording_standard (kase, matter, outcome, NULL, text, legal_basis, error);

  /* Translators: the enterprise, the product, the production address */
  *text = g_strdup_printf (_("Having examined the application of %s for an industrial product "
                             "production licence, together with the fire safety inspection and "
                             "the internal security review decided in parallel by the "
                             "departments concerned, we find the materials complete, in the "
                             "statutory form and meeting the statutory conditions. Under Article "
                             "38(1) of the Administrative Licensing Law of the People’s Republic "
                             "of China and Articles 9 and 18 of the Regulations on Production "
                             "Licences for Industrial Products, the application is granted and an "
                             "Industrial Product Production Licence is issued for %s, produced "
                             "at %s. The licensee shall produce to the licence’s conditions and "
                             "mark its products with the licence’s sign and number."),
                           cs_case_get_applicant_name (kase), product, address);
  if (legal_basis != NULL)
    *legal_basis = cs_wording_legal_basis (matter, outcome);
  return TRUE;
}
