/* hlth-checks.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "HlthChecks"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hlth-checks.h"

/* The pre-checks of a radiation worker certificate (放射工作人员证核发):
 * who may hold one, per 《放射工作人员职业健康管理办法》: of age, found fit
 * by an occupational health examination, trained in radiation protection
 * (trainings at most two years apart), and the materials must be the
 * applicant's own. */

#define TRAINING_INTERVAL_YEARS 2
#define EXAM_INTERVAL_YEARS 2
#define MINIMUM_AGE 18

/* The materials that carry the applicant's name and ID number. */
static const char * const personal_items[] = {
  "application", "id-card", "health-exam", "training", "dosimetry", NULL
};

static CsFinding *
add_finding (GPtrArray         *findings,
             CsFindingSeverity  severity,
             const char        *field,
             const char        *material,
             const char        *checklist_item,
             const char        *format,
             ...) G_GNUC_PRINTF (6, 7);

static CsFinding *
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
  return finding;
}

/* A string member, stripped; NULL when missing, empty or not a string. */
const char *
hlth_form_get_string (JsonObject *form,
                      const char *member)
{
  JsonNode *node;
  const char *value;

  if (form == NULL || !json_object_has_member (form, member))
    return NULL;
  node = json_object_get_member (form, member);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  value = json_node_get_string (node);
  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return value;
  return NULL;
}

/* GBZ 98's conclusions: 可从事放射工作, 在一定限制条件下可从事放射工作,
 * 不宜（不应）从事放射工作, 暂时脱离放射工作. */
gboolean
hlth_exam_conclusion_is_unfit (const char *conclusion)
{
  return conclusion != NULL &&
         (strstr (conclusion, "脱离") != NULL || strstr (conclusion, "不宜") != NULL ||
          strstr (conclusion, "不应") != NULL || strstr (conclusion, "不能") != NULL ||
          strstr (conclusion, "不得") != NULL);
}

gboolean
hlth_id_number_birth_date (const char *id_number,
                           GDate      *birth)
{
  guint year, month, day;

  if (id_number == NULL || strlen (id_number) != 18)
    return FALSE;
  for (guint i = 6; i < 14; i++)
    if (!g_ascii_isdigit (id_number[i]))
      return FALSE;

  year = g_ascii_digit_value (id_number[6]) * 1000 + g_ascii_digit_value (id_number[7]) * 100 +
         g_ascii_digit_value (id_number[8]) * 10 + g_ascii_digit_value (id_number[9]);
  month = g_ascii_digit_value (id_number[10]) * 10 + g_ascii_digit_value (id_number[11]);
  day = g_ascii_digit_value (id_number[12]) * 10 + g_ascii_digit_value (id_number[13]);
  if (!g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (birth, 1);
  g_date_set_dmy (birth, day, month, year);
  return TRUE;
}

guint
hlth_age_on (const GDate *birth,
             const GDate *day)
{
  int age = g_date_get_year (day) - g_date_get_year (birth);

  if (g_date_get_month (day) < g_date_get_month (birth) ||
      (g_date_get_month (day) == g_date_get_month (birth) &&
       g_date_get_day (day) < g_date_get_day (birth)))
    age--;
  return MAX (age, 0);
}

/* The day @years before @day (29 February goes to the 28th). */
static void
years_before (const GDate *day,
              guint        years,
              GDate       *out)
{
  *out = *day;
  g_date_subtract_years (out, years);
}

static char *
format_date (const GDate *date)
{
  char text[32];

  g_snprintf (text, sizeof text, "%04u-%02u-%02u", g_date_get_year (date),
              g_date_get_month (date), g_date_get_day (date));
  return g_strdup (text);
}

/* Material texts ------------------------------------------------------------ */

static GPtrArray *
find_id_numbers (const char *text)
{
  g_autoptr(GRegex) regex = g_regex_new ("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9Xx])", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GPtrArray *numbers = g_ptr_array_new_with_free_func (g_free);

  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      char *number = g_match_info_fetch (match, 0);

      number[17] = g_ascii_toupper (number[17]);
      g_ptr_array_add (numbers, number);
      g_match_info_next (match, NULL);
    }
  return numbers;
}

/* The name printed after a 姓名 label and a colon on the same line
 * ("姓名：陈丽萍"), or NULL. A label alone on its line is not trusted: in
 * extracted text the next line may as well be a table's header. */
static char *
find_printed_name (const char *text)
{
  g_autoptr(GRegex) regex = g_regex_new ("姓[ \\t]*名[ \\t]*[:：][ \\t]*([^\\s:：、,，]{2,20})",
                                         G_REGEX_OPTIMIZE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (!g_regex_match (regex, text, 0, &match))
    return NULL;
  return g_match_info_fetch (match, 1);
}

/* The latest valid date printed as 2025年3月7日, or FALSE. */
static gboolean
find_latest_date (const char *text,
                  GDate      *latest)
{
  g_autoptr(GRegex) regex = g_regex_new ("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日",
                                         0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  gboolean found = FALSE;

  g_date_clear (latest, 1);
  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *y = g_match_info_fetch (match, 1);
      g_autofree char *m = g_match_info_fetch (match, 2);
      g_autofree char *d = g_match_info_fetch (match, 3);
      guint year = atoi (y), month = atoi (m), day = atoi (d);

      if (g_date_valid_dmy (day, month, year))
        {
          GDate date;

          g_date_clear (&date, 1);
          g_date_set_dmy (&date, day, month, year);
          if (!found || g_date_compare (&date, latest) > 0)
            *latest = date;
          found = TRUE;
        }
      g_match_info_next (match, NULL);
    }
  return found;
}

static void
check_personal_material (GPtrArray      *findings,
                         CsCheckContext *context,
                         CsMaterial     *material,
                         const char     *name,
                         const char     *id_number)
{
  const char *id = cs_material_get_id (material);
  const char *item = cs_material_get_checklist_item (material);
  const char *title = cs_material_get_name (material);
  const char *text = cs_check_context_get_material_text (context, id);
  g_autoptr(GPtrArray) numbers = NULL;
  g_autofree char *printed_name = NULL;
  gboolean id_matches = FALSE;

  if (text == NULL)
    {
      add_finding (findings, CS_FINDING_INFO, NULL, id, item,
                   _("“%s” has no text the desk can read (a scan or a photo): check the name "
                     "and ID number on it by eye."), title);
      return;
    }

  /* A name the material clearly gives, and not the applicant's anywhere:
   * someone else's material. No name found at all: to be looked at. */
  printed_name = find_printed_name (text);
  if (name != NULL && strstr (text, name) == NULL)
    {
      if (printed_name != NULL)
        add_finding (findings, CS_FINDING_ERROR, HLTH_FIELD_APPLICANT_NAME, id, item,
                     _("“%s” is made out to %s, but the applicant is %s."),
                     title, printed_name, name);
      else
        add_finding (findings, CS_FINDING_WARNING, HLTH_FIELD_APPLICANT_NAME, id, item,
                     _("The applicant’s name, %s, does not appear on “%s”."), name, title);
    }

  if (id_number == NULL)
    return;

  numbers = find_id_numbers (text);
  for (guint i = 0; i < numbers->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (numbers, i), id_number) == 0)
      id_matches = TRUE;

  if (numbers->len == 0)
    add_finding (findings, CS_FINDING_INFO, HLTH_FIELD_APPLICANT_ID_NUMBER, id, item,
                 _("No ID number could be read on “%s”: check it by eye."), title);
  else if (!id_matches)
    add_finding (findings, CS_FINDING_ERROR, HLTH_FIELD_APPLICANT_ID_NUMBER, id, item,
                 _("The ID number on “%s”, %s, is not the applicant’s (%s)."),
                 title, (const char *) g_ptr_array_index (numbers, 0), id_number);
}

static void
check_employer_licence (GPtrArray      *findings,
                        CsCheckContext *context,
                        CsMaterial     *material,
                        const char     *employer,
                        const char     *licence_no)
{
  const char *id = cs_material_get_id (material);
  const char *item = cs_material_get_checklist_item (material);
  const char *title = cs_material_get_name (material);
  const char *text = cs_check_context_get_material_text (context, id);

  if (text == NULL)
    {
      add_finding (findings, CS_FINDING_INFO, NULL, id, item,
                   _("“%s” has no text the desk can read (a scan or a photo): check the "
                     "employer’s name and licence number on it by eye."), title);
      return;
    }
  if (employer != NULL && strstr (text, employer) == NULL)
    add_finding (findings, CS_FINDING_WARNING, HLTH_FIELD_EMPLOYER, id, item,
                 _("The employer named in the form, %s, does not appear on “%s”."),
                 employer, title);
  if (licence_no != NULL && strstr (text, licence_no) == NULL)
    add_finding (findings, CS_FINDING_WARNING, HLTH_FIELD_EMPLOYER_LICENCE_NO, id, item,
                 _("The licence number in the form, %s, does not appear on “%s”."),
                 licence_no, title);
}

/* A certificate older than @years before today must have been renewed;
 * one dated after today is not genuine. */
static void
check_material_date (GPtrArray      *findings,
                     CsCheckContext *context,
                     CsMaterial     *material,
                     guint           years,
                     const char     *too_old_format)
{
  const char *id = cs_material_get_id (material);
  const char *text = cs_check_context_get_material_text (context, id);
  const GDate *today = cs_check_context_get_today (context);
  g_autofree char *date_text = NULL;
  GDate latest, limit;

  if (text == NULL || !find_latest_date (text, &latest))
    return;

  date_text = format_date (&latest);
  years_before (today, years, &limit);
  if (g_date_compare (&latest, today) > 0)
    add_finding (findings, CS_FINDING_ERROR, NULL, id, cs_material_get_checklist_item (material),
                 _("“%s” is dated %s, after today."), cs_material_get_name (material), date_text);
  else if (g_date_compare (&latest, &limit) < 0)
    add_finding (findings, CS_FINDING_WARNING, NULL, id,
                 cs_material_get_checklist_item (material),
                 too_old_format, cs_material_get_name (material), date_text);
}

/* The year in a certificate number such as 粤放培〔2025〕11382号. */
static gboolean
certificate_year (const char *number,
                  guint      *year)
{
  g_autoptr(GRegex) regex = g_regex_new ("[〔\\[(（]\\s*(\\d{4})\\s*[〕\\])）]", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *digits = NULL;

  if (!g_regex_match (regex, number, 0, &match))
    return FALSE;
  digits = g_match_info_fetch (match, 1);
  *year = atoi (digits);
  return TRUE;
}

/* The checks ---------------------------------------------------------------- */

static void
check_applicant (GPtrArray      *findings,
                 CsCheckContext *context,
                 CsApplicant    *applicant)
{
  g_autoptr(GError) error = NULL;
  const char *id_number;
  GDate birth;

  if (applicant == NULL || cs_applicant_get_kind (applicant) != CS_APPLICANT_PERSON)
    {
      add_finding (findings, CS_FINDING_ERROR, HLTH_FIELD_APPLICANT_NAME, NULL, NULL,
                   _("The applicant must be the radiation worker in person, not an "
                     "organisation."));
      return;
    }

  id_number = cs_applicant_get_id_number (applicant);
  if (!cs_validate_resident_id (id_number, &error))
    {
      add_finding (findings, CS_FINDING_ERROR, HLTH_FIELD_APPLICANT_ID_NUMBER, NULL, "id-card",
                   _("The applicant’s ID number is not valid: %s"), error->message);
      return;
    }

  if (hlth_id_number_birth_date (id_number, &birth) &&
      hlth_age_on (&birth, cs_check_context_get_today (context)) < MINIMUM_AGE)
    add_finding (findings, CS_FINDING_ERROR, HLTH_FIELD_APPLICANT_ID_NUMBER, NULL, NULL,
                 _("The applicant is under %d: radiation workers must be of age."), MINIMUM_AGE);
}

static void
check_form (GPtrArray      *findings,
            CsCheckContext *context,
            JsonObject     *form,
            gboolean       *out_working)
{
  static const struct {
    const char *field;
    const char *label;
  } required[] = {
    { HLTH_FIELD_EMPLOYER, N_("the employer") },
    { HLTH_FIELD_EMPLOYER_LICENCE_NO, N_("the employer’s radiation diagnosis and treatment "
                                         "licence number") },
    { HLTH_FIELD_POST, N_("the post") },
    { HLTH_FIELD_WORK_SINCE, N_("the start of radiation work") },
    { HLTH_FIELD_TRAINING_NO, N_("the training certificate number") },
    { HLTH_FIELD_EXAM_CONCLUSION, N_("the conclusion of the occupational health examination") },
  };
  const GDate *today = cs_check_context_get_today (context);
  CsApplicant *applicant = cs_case_get_applicant (cs_check_context_get_case (context));
  const char *since_text = hlth_form_get_string (form, HLTH_FIELD_WORK_SINCE);
  const char *training = hlth_form_get_string (form, HLTH_FIELD_TRAINING_NO);
  const char *conclusion = hlth_form_get_string (form, HLTH_FIELD_EXAM_CONCLUSION);
  guint year;

  *out_working = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (hlth_form_get_string (form, required[i].field) == NULL)
      add_finding (findings, CS_FINDING_ERROR, required[i].field, NULL, "application",
                   _("The application form does not give %s."), _(required[i].label));

  if (since_text != NULL)
    {
      g_autoptr(GError) error = NULL;
      GDate since, birth;

      if (!cs_validate_date (since_text, &since, &error))
        add_finding (findings, CS_FINDING_ERROR, HLTH_FIELD_WORK_SINCE, NULL, NULL,
                     _("The start of radiation work is not a valid date: %s"), error->message);
      else if (g_date_compare (&since, today) > 0)
        add_finding (findings, CS_FINDING_WARNING, HLTH_FIELD_WORK_SINCE, NULL, NULL,
                     _("The start of radiation work, %s, lies in the future: the applicant "
                       "must not start before the certificate is issued."), since_text);
      else
        {
          *out_working = TRUE;
          if (applicant != NULL &&
              hlth_id_number_birth_date (cs_applicant_get_id_number (applicant), &birth) &&
              hlth_age_on (&birth, &since) < MINIMUM_AGE)
            add_finding (findings, CS_FINDING_WARNING, HLTH_FIELD_WORK_SINCE, NULL, NULL,
                         _("The applicant started radiation work on %s, before the age of %d."),
                         since_text, MINIMUM_AGE);
        }
    }

  if (training != NULL && certificate_year (training, &year))
    {
      if (year > g_date_get_year (today))
        add_finding (findings, CS_FINDING_ERROR, HLTH_FIELD_TRAINING_NO, NULL, "training",
                     _("The training certificate %s carries the year %u, after this year."),
                     training, year);
      else if (g_date_get_year (today) - year > TRAINING_INTERVAL_YEARS)
        add_finding (findings, CS_FINDING_WARNING, HLTH_FIELD_TRAINING_NO, NULL, "training",
                     _("The training certificate %s is from %u: two trainings may be at most "
                       "%d years apart, so ask for the latest one."),
                     training, year, TRAINING_INTERVAL_YEARS);
    }

  if (conclusion != NULL)
    {
      if (hlth_exam_conclusion_is_unfit (conclusion))
        add_finding (findings, CS_FINDING_ERROR, HLTH_FIELD_EXAM_CONCLUSION, NULL, "health-exam",
                     _("The occupational health examination concluded “%s”: the applicant "
                       "does not meet the health requirements for radiation work."), conclusion);
      else if (!g_str_equal (conclusion, HLTH_EXAM_FIT))
        add_finding (findings, CS_FINDING_WARNING, HLTH_FIELD_EXAM_CONCLUSION, NULL,
                     "health-exam",
                     _("The occupational health examination concluded “%s”: check the "
                       "conditions it sets against the post."), conclusion);
    }

  if (*out_working && hlth_form_get_string (form, HLTH_FIELD_DOSIMETER_NO) == NULL)
    add_finding (findings, CS_FINDING_WARNING, HLTH_FIELD_DOSIMETER_NO, NULL, NULL,
                 _("The applicant already does radiation work but the form gives no personal "
                   "dosimeter."));
}

static gboolean
has_material_for (GListModel *materials,
                  const char *item)
{
  for (guint i = 0; i < g_list_model_get_n_items (materials); i++)
    {
      g_autoptr(CsMaterial) material = g_list_model_get_item (materials, i);

      if (g_strcmp0 (cs_material_get_checklist_item (material), item) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
check_checklist (GPtrArray  *findings,
                 CsMatter   *matter,
                 GListModel *materials,
                 gboolean    working)
{
  GListModel *checklist = cs_matter_get_checklist (matter);

  for (guint i = 0; i < g_list_model_get_n_items (checklist); i++)
    {
      g_autoptr(CsChecklistItem) item = g_list_model_get_item (checklist, i);
      const char *code = cs_checklist_item_get_code (item);

      if (has_material_for (materials, code))
        continue;

      if (cs_checklist_item_get_required (item))
        add_finding (findings, CS_FINDING_ERROR, NULL, NULL, code,
                     _("No material was handed in for “%s”."), cs_checklist_item_get_name (item));
      else if (g_str_equal (code, "dosimetry") && working)
        add_finding (findings, CS_FINDING_WARNING, NULL, NULL, code,
                     _("The applicant already does radiation work, so “%s” is needed (%s), but "
                       "none was handed in."),
                     cs_checklist_item_get_name (item), cs_checklist_item_get_condition (item));
    }
}

GPtrArray *
hlth_check_radiation_worker (CsCheckContext *context)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  CsCase *kase = cs_check_context_get_case (context);
  CsMatter *matter = cs_check_context_get_matter (context);
  CsApplicant *applicant = cs_case_get_applicant (kase);
  JsonObject *form = cs_case_get_form (kase);
  GListModel *materials = cs_case_get_materials (kase);
  const char *name = NULL;
  const char *id_number = NULL;
  gboolean working = FALSE;

  check_applicant (findings, context, applicant);
  if (applicant != NULL && cs_applicant_get_kind (applicant) == CS_APPLICANT_PERSON)
    {
      name = cs_applicant_get_name (applicant);
      id_number = cs_applicant_get_id_number (applicant);
    }

  if (form == NULL)
    add_finding (findings, CS_FINDING_ERROR, NULL, NULL, "application",
                 _("The case carries no application form data."));
  else
    check_form (findings, context, form, &working);

  if (materials == NULL)
    return g_steal_pointer (&findings);

  check_checklist (findings, matter, materials, working);

  for (guint i = 0; i < g_list_model_get_n_items (materials); i++)
    {
      g_autoptr(CsMaterial) material = g_list_model_get_item (materials, i);
      const char *item = cs_material_get_checklist_item (material);

      if (item == NULL)
        continue;
      if (g_strv_contains (personal_items, item))
        check_personal_material (findings, context, material, name, id_number);
      else if (g_str_equal (item, "employer-licence"))
        check_employer_licence (findings, context, material,
                                hlth_form_get_string (form, HLTH_FIELD_EMPLOYER),
                                hlth_form_get_string (form, HLTH_FIELD_EMPLOYER_LICENCE_NO));

      if (g_str_equal (item, "training"))
        check_material_date (findings, context, material, TRAINING_INTERVAL_YEARS,
                             _("“%s” is dated %s, more than two years ago: two trainings may "
                               "be at most two years apart, so ask for the latest one."));
      else if (g_str_equal (item, "health-exam"))
        check_material_date (findings, context, material, EXAM_INTERVAL_YEARS,
                             _("“%s” is dated %s, more than two years ago: workers must be "
                               "examined at least every two years."));
    }

  return g_steal_pointer (&findings);
}
