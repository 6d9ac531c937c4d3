/* cs-wording.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsWording"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cs-department.h"
#include "cs-wording.h"

/* What the Administrative Licensing Law (行政许可法) makes every decision
 * say, whatever the department: the article each outcome rests on, the
 * notice of the right to reconsideration or litigation that ends every
 * refusal (Art. 38), a supplement notice that names everything at once
 * (Art. 32), an extension by ten working days (Art. 42), a suspension for
 * what does not count towards the limit (Art. 45). A plugin words the
 * parts only it knows (what is granted, why it is denied) and leaves the
 * rest to these, so that every department says the law the same way.
 * Where only the approver can know what to say, the text carries a
 * bracketed placeholder the approver replaces before the chief signs. */

/**
 * cs_wording_appeal_notice:
 *
 * The notice of the right to apply for administrative reconsideration or
 * to bring an administrative lawsuit, which must end a denial or a refusal
 * to accept (行政许可法 Art. 38).
 *
 * Returns: (transfer full): the notice, translated
 */
char *
cs_wording_appeal_notice (void)
{
  return g_strdup (_("If you disagree with this decision, you may apply for administrative "
                     "reconsideration according to law within sixty days of receiving it, or "
                     "bring an administrative lawsuit before a people’s court according to law "
                     "within six months of receiving it."));
}

static const char *
law_article (CsOutcome outcome)
{
  switch (outcome)
    {
    case CS_OUTCOME_GRANT:
      return _("Administrative Licensing Law of the People’s Republic of China, Article 38(1)");
    case CS_OUTCOME_DENY:
      return _("Administrative Licensing Law of the People’s Republic of China, Article 38(2)");
    case CS_OUTCOME_SUPPLEMENT:
      return _("Administrative Licensing Law of the People’s Republic of China, Article 32(1), "
               "item 4");
    case CS_OUTCOME_NOT_ACCEPTED:
      return _("Administrative Licensing Law of the People’s Republic of China, Article 32(1)");
    case CS_OUTCOME_EXTENSION:
      return _("Administrative Licensing Law of the People’s Republic of China, Article 42(1)");
    case CS_OUTCOME_SUSPENSION:
      return _("Administrative Licensing Law of the People’s Republic of China, Article 45");
    case CS_OUTCOME_NONE:
    default:
      return NULL;
    }
}

/**
 * cs_wording_legal_basis:
 * @matter: the case's matter
 * @outcome: a decision's outcome
 *
 * The legal basis of a decision: the article of the Administrative
 * Licensing Law the outcome rests on and, for a grant or a denial, the
 * matter's own legal basis (cs_matter_get_legal_basis()).
 *
 * Returns: (transfer full) (nullable): the legal basis, translated;
 *   %NULL for %CS_OUTCOME_NONE
 */
char *
cs_wording_legal_basis (CsMatter  *matter,
                        CsOutcome  outcome)
{
  const char *law;
  const char *basis;

  g_return_val_if_fail (CS_IS_MATTER (matter), NULL);

  law = law_article (outcome);
  if (law == NULL)
    return NULL;
  basis = cs_matter_get_legal_basis (matter);
  if ((outcome != CS_OUTCOME_GRANT && outcome != CS_OUTCOME_DENY) || basis == NULL ||
      *basis == '\0')
    return g_strdup (law);
  /* Translators: joins two legal bases */
  return g_strconcat (law, _("; "), basis, NULL);
}

/**
 * cs_wording_standard:
 * @kase: a case, opened in full
 * @matter: the case's matter
 * @outcome: the decision's outcome
 * @reasons: (nullable): for a denial or a refusal to accept, the reasons
 *   as a clause (“the volume exceeds the annual quota”); %NULL leaves a
 *   placeholder the approver fills in
 * @text: (out) (transfer full): the wording
 * @legal_basis: (out) (transfer full) (optional): its legal basis
 * @error: return location for a #GError
 *
 * Words a decision the way the Administrative Licensing Law requires,
 * naming the applicant and the matter: a plain grant, a denial with
 * @reasons and the appeal notice, a supplement notice, a refusal to
 * accept, an extension by ten working days, a suspension. A plugin calls
 * it for the outcomes it has nothing of its own to add to.
 *
 * Returns: %TRUE with @text set; %FALSE with @error set for
 *   %CS_OUTCOME_NONE
 */
gboolean
cs_wording_standard (CsCase      *kase,
                     CsMatter    *matter,
                     CsOutcome    outcome,
                     const char  *reasons,
                     char       **text,
                     char       **legal_basis,
                     GError     **error)
{
  const char *name;
  const char *matter_name;
  g_autofree char *body = NULL;
  g_autofree char *notice = NULL;
  guint limit;

  g_return_val_if_fail (CS_IS_CASE (kase), FALSE);
  g_return_val_if_fail (CS_IS_MATTER (matter), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  name = cs_case_get_applicant_name (kase);
  if (name == NULL || *name == '\0')
    name = _("the applicant");
  matter_name = cs_matter_get_name (matter);
  limit = cs_matter_get_statutory_limit (matter);
  if (reasons != NULL && *reasons == '\0')
    reasons = NULL;

  switch (outcome)
    {
    case CS_OUTCOME_GRANT:
      /* Translators: the second %s is the name of a matter */
      *text = g_strdup_printf (_("Having examined the application of %s for “%s”, we find the "
                                 "materials complete, in the statutory form and meeting the "
                                 "statutory conditions. Under Article 38(1) of the "
                                 "Administrative Licensing Law of the People’s Republic of "
                                 "China, the application is granted."), name, matter_name);
      break;

    case CS_OUTCOME_DENY:
      /* Translators: the second %s is the name of a matter, the third the reasons */
      body = g_strdup_printf (_("Having examined the application of %s for “%s”, we find that "
                                "it does not meet the statutory conditions: %s. Under Article "
                                "38(2) of the Administrative Licensing Law of the People’s "
                                "Republic of China, the application is denied."),
                              name, matter_name,
                              reasons != NULL ? reasons
                              /* Translators: a placeholder the approver replaces before the decision is signed */
                              : _("[state the reasons for the denial]"));
      notice = cs_wording_appeal_notice ();
      *text = g_strconcat (body, "\n\n", notice, NULL);
      break;

    case CS_OUTCOME_SUPPLEMENT:
      /* Translators: the second %s is the name of a matter */
      *text = g_strdup_printf (_("%s: your application for “%s” is incomplete or not in the "
                                 "statutory form. Under item 4 of Article 32(1) of the "
                                 "Administrative Licensing Law of the People’s Republic of "
                                 "China, you are hereby told, all at once, everything that must "
                                 "be supplemented or corrected, as listed below. Please hand in "
                                 "the supplemented or corrected materials at the window; the "
                                 "application is accepted from the day they are all received."),
                               name, matter_name);
      break;

    case CS_OUTCOME_NOT_ACCEPTED:
      /* Translators: the second %s is the name of a matter, the third the reasons */
      body = g_strdup_printf (_("Having examined the application of %s for “%s”, we find that "
                                "it cannot be accepted: %s. Under Article 32(1) of the "
                                "Administrative Licensing Law of the People’s Republic of China, "
                                "the application is not accepted."),
                              name, matter_name,
                              reasons != NULL ? reasons
                              /* Translators: a placeholder the approver replaces before the decision is signed */
                              : _("[state why: the matter needs no licence by law, or does not "
                                  "fall within this authority’s powers, and which authority to "
                                  "apply to]"));
      notice = cs_wording_appeal_notice ();
      *text = g_strconcat (body, "\n\n", notice, NULL);
      break;

    case CS_OUTCOME_EXTENSION:
      /* Translators: the second %s is the name of a matter; the last %s is a placeholder the approver replaces */
      *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%s: the decision on your application for “%s” "
                                            "cannot be made within the statutory limit of %u "
                                            "working day, because %s. With the approval of the "
                                            "head of this authority, and under Article 42(1) of "
                                            "the Administrative Licensing Law of the People’s "
                                            "Republic of China, the time limit is extended by "
                                            "ten working days.",
                                            "%s: the decision on your application for “%s” "
                                            "cannot be made within the statutory limit of %u "
                                            "working days, because %s. With the approval of the "
                                            "head of this authority, and under Article 42(1) of "
                                            "the Administrative Licensing Law of the People’s "
                                            "Republic of China, the time limit is extended by "
                                            "ten working days.",
                                            limit),
                               name, matter_name, limit,
                               _("[state the reason for the extension]"));
      break;

    case CS_OUTCOME_SUSPENSION:
      /* Translators: the second %s is the name of a matter */
      *text = g_strdup_printf (_("%s: the examination of your application for “%s” requires "
                                 "%s. Under Article 45 of the Administrative Licensing Law of "
                                 "the People’s Republic of China, the time this takes does not "
                                 "count towards the time limit: the time limit stops from today "
                                 "and runs on when it is done."),
                               name, matter_name,
                               /* Translators: a placeholder the approver replaces */
                               _("[a hearing, testing, inspection or expert review: say which, "
                                 "and how long it is expected to take]"));
      break;

    case CS_OUTCOME_NONE:
    default:
      g_set_error (error, CS_DEPARTMENT_ERROR, CS_DEPARTMENT_ERROR_NOT_SUPPORTED,
                   _("There is no wording for the decision “%s”."),
                   cs_outcome_get_label (outcome));
      return FALSE;
    }

  if (legal_basis != NULL)
    *legal_basis = cs_wording_legal_basis (matter, outcome);
  return TRUE;
}
