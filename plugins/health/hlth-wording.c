/* hlth-wording.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "HlthWording"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hlth-checks.h"
#include "hlth-wording.h"

/* The decisions on a radiation worker certificate, worded as the health
 * commission's documents word them. Where only the approver can know what
 * to say (the reasons for an extension), the text carries a bracketed
 * placeholder the approver replaces before the chief signs. Every refusal
 * ends with the notice of the right to reconsideration or litigation
 * (行政许可法 Art. 38). */

static char *
appeal_notice (void)
{
  return g_strdup (_("If you disagree with this decision, you may apply for administrative "
                     "reconsideration according to law within sixty days of receiving it, or "
                     "bring an administrative lawsuit before a people’s court according to law "
                     "within six months of receiving it."));
}

static char *
with_matter_basis (const char *law,
                   CsMatter   *matter)
{
  const char *basis = cs_matter_get_legal_basis (matter);

  if (basis == NULL || *basis == '\0')
    return g_strdup (law);
  /* Translators: joins two legal bases */
  return g_strconcat (law, _("; "), basis, NULL);
}

/* What the case itself shows against a grant. */
static char *
deny_reasons (CsCase *kase)
{
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  CsApplicant *applicant = cs_case_get_applicant (kase);
  JsonObject *form = cs_case_get_form (kase);
  const char *conclusion = hlth_form_get_string (form, HLTH_FIELD_EXAM_CONCLUSION);
  const GDate *accepted;
  GDate birth, today;

  if (hlth_exam_conclusion_is_unfit (conclusion))
    g_ptr_array_add (reasons,
                     g_strdup_printf (_("the occupational health examination concluded “%s”, "
                                        "so the applicant does not meet the occupational health "
                                        "requirements for radiation workers"), conclusion));

  /* Of age on the day the application was accepted. */
  accepted = cs_case_get_accepted_on (kase);
  if (accepted != NULL && g_date_valid (accepted))
    today = *accepted;
  else
    {
      GDateTime *now = g_date_time_new_now_local ();

      g_date_clear (&today, 1);
      g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
      g_date_time_unref (now);
    }
  if (applicant != NULL &&
      hlth_id_number_birth_date (cs_applicant_get_id_number (applicant), &birth) &&
      hlth_age_on (&birth, &today) < 18)
    g_ptr_array_add (reasons, g_strdup (_("the applicant is under eighteen years of age")));

  if (form != NULL && hlth_form_get_string (form, HLTH_FIELD_TRAINING_NO) == NULL)
    g_ptr_array_add (reasons, g_strdup (_("the application shows no certificate of passing the "
                                          "radiation protection and legal knowledge training")));

  if (reasons->len == 0)
    /* Translators: a placeholder the approver replaces before the decision is signed */
    return g_strdup (_("[state the reasons for the denial]"));

  g_ptr_array_add (reasons, NULL);
  /* Translators: separates the reasons of a denial */
  return g_strjoinv (_("; "), (char **) reasons->pdata);
}

static char *
not_accepted_reason (CsCase *kase)
{
  CsApplicant *applicant = cs_case_get_applicant (kase);

  if (applicant != NULL && cs_applicant_get_kind (applicant) != CS_APPLICANT_PERSON)
    return g_strdup (_("the certificate is issued to radiation workers in person, so an "
                       "organisation cannot apply for it"));
  /* Translators: a placeholder the approver replaces before the decision is signed */
  return g_strdup (_("[state why: the matter needs no licence by law, or does not fall within "
                     "this authority’s powers, and which authority to apply to]"));
}

gboolean
hlth_word_radiation_worker (CsCase     *kase,
                            CsMatter   *matter,
                            CsOutcome   outcome,
                            char      **text,
                            char      **legal_basis,
                            GError    **error)
{
  const char *name = cs_case_get_applicant_name (kase);
  JsonObject *form = cs_case_get_form (kase);
  const char *employer = hlth_form_get_string (form, HLTH_FIELD_EMPLOYER);
  const char *post = hlth_form_get_string (form, HLTH_FIELD_POST);
  guint limit = cs_matter_get_statutory_limit (matter);
  g_autofree char *body = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *reasons = NULL;

  if (name == NULL || *name == '\0')
    name = _("the applicant");

  switch (outcome)
    {
    case CS_OUTCOME_GRANT:
      if (employer != NULL && post != NULL)
        *text = g_strdup_printf (_("Having examined the application of %s for a radiation worker "
                                   "certificate, we find the materials complete, in the "
                                   "statutory form and meeting the statutory conditions. Under "
                                   "Article 38(1) of the Administrative Licensing Law of the "
                                   "People’s Republic of China, the application is granted and a "
                                   "Radiation Worker Certificate is issued. The holder, working "
                                   "for %s as %s, shall keep to the rules of radiation "
                                   "protection and undergo occupational health monitoring and "
                                   "personal dose monitoring."), name, employer, post);
      else
        *text = g_strdup_printf (_("Having examined the application of %s for a radiation worker "
                                   "certificate, we find the materials complete, in the "
                                   "statutory form and meeting the statutory conditions. Under "
                                   "Article 38(1) of the Administrative Licensing Law of the "
                                   "People’s Republic of China, the application is granted and a "
                                   "Radiation Worker Certificate is issued. The holder shall "
                                   "keep to the rules of radiation protection and undergo "
                                   "occupational health monitoring and personal dose "
                                   "monitoring."), name);
      *legal_basis = with_matter_basis (_("Administrative Licensing Law of the People’s Republic "
                                          "of China, Article 38(1)"), matter);
      return TRUE;

    case CS_OUTCOME_DENY:
      reasons = deny_reasons (kase);
      body = g_strdup_printf (_("Having examined the application of %s for a radiation worker "
                                "certificate, we find that it does not meet the statutory "
                                "conditions: %s. Under Article 38(2) of the Administrative "
                                "Licensing Law of the People’s Republic of China, the "
                                "application is denied."), name, reasons);
      notice = appeal_notice ();
      *text = g_strconcat (body, "\n\n", notice, NULL);
      *legal_basis = with_matter_basis (_("Administrative Licensing Law of the People’s Republic "
                                          "of China, Article 38(2)"), matter);
      return TRUE;

    case CS_OUTCOME_SUPPLEMENT:
      *text = g_strdup_printf (_("%s: your application for a radiation worker certificate is "
                                 "incomplete or not in the statutory form. Under item 4 of "
                                 "Article 32(1) of the Administrative Licensing Law of the "
                                 "People’s Republic of China, you are hereby told, all at once, "
                                 "everything that must be supplemented or corrected, as listed "
                                 "below. Please hand in the supplemented or corrected materials "
                                 "at the window; the application is accepted from the day they "
                                 "are all received."), name);
      *legal_basis = g_strdup (_("Administrative Licensing Law of the People’s Republic of "
                                 "China, Article 32(1), item 4"));
      return TRUE;

    case CS_OUTCOME_NOT_ACCEPTED:
      reasons = not_accepted_reason (kase);
      body = g_strdup_printf (_("Having examined the application of %s for a radiation worker "
                                "certificate, we find that it cannot be accepted: %s. Under "
                                "Article 32(1) of the Administrative Licensing Law of the "
                                "People’s Republic of China, the application is not accepted."),
                              name, reasons);
      notice = appeal_notice ();
      *text = g_strconcat (body, "\n\n", notice, NULL);
      *legal_basis = g_strdup (_("Administrative Licensing Law of the People’s Republic of "
                                 "China, Article 32(1)"));
      return TRUE;

    case CS_OUTCOME_EXTENSION:
      /* Translators: the last %s is a placeholder the approver replaces */
      *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%s: the decision on your application for a "
                                            "radiation worker certificate cannot be made within "
                                            "the statutory limit of %u working day, because %s. "
                                            "With the approval of the head of this authority, "
                                            "and under Article 42(1) of the Administrative "
                                            "Licensing Law of the People’s Republic of China, "
                                            "the time limit is extended by ten working days.",
                                            "%s: the decision on your application for a "
                                            "radiation worker certificate cannot be made within "
                                            "the statutory limit of %u working days, because %s. "
                                            "With the approval of the head of this authority, "
                                            "and under Article 42(1) of the Administrative "
                                            "Licensing Law of the People’s Republic of China, "
                                            "the time limit is extended by ten working days.",
                                            limit),
                               name, limit, _("[state the reason for the extension]"));
      *legal_basis = g_strdup (_("Administrative Licensing Law of the People’s Republic of "
                                 "China, Article 42(1)"));
      return TRUE;

    case CS_OUTCOME_SUSPENSION:
      *text = g_strdup_printf (_("%s: the examination of your application for a radiation "
                                 "worker certificate requires %s. Under Article 45 of the "
                                 "Administrative Licensing Law of the People’s Republic of "
                                 "China, the time this takes does not count towards the time "
                                 "limit: the time limit stops from today and runs on when it "
                                 "is done."),
                               name,
                               /* Translators: a placeholder the approver replaces */
                               _("[a hearing, testing, inspection or expert review: say which, "
                                 "and how long it is expected to take]"));
      *legal_basis = g_strdup (_("Administrative Licensing Law of the People’s Republic of "
                                 "China, Article 45"));
      return TRUE;

    case CS_OUTCOME_NONE:
    default:
      g_set_error (error, CS_DEPARTMENT_ERROR, CS_DEPARTMENT_ERROR_NOT_SUPPORTED,
                   _("A radiation worker certificate has no decision “%s”."),
                   cs_outcome_get_label (outcome));
      return FALSE;
    }
}
