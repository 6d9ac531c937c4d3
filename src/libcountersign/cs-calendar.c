/* cs-calendar.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsCalendar"

#include "config.h"

#include <string.h>

#include "cs-calendar.h"
#include "cs-validate.h"

/**
 * CsCalendar:
 *
 * The working-day calendar that legal clocks count on.
 *
 * China's calendar cannot be computed from weekdays alone: public holidays
 * fall on weekdays and make-up working days (调休) fall on weekends, and the
 * State Council publishes both year by year. A #CsCalendar holds the
 * published exceptions in the format of the central API's `/v1/calendar`
 * document: a day that is not listed is a working day from Monday to Friday
 * and a rest day on Saturday and Sunday; a listed day overrides that.
 */

typedef struct
{
  gboolean  workday;
  char     *name;
} DayException;

struct _CsCalendar
{
  GObject     parent_instance;

  /* Julian day number → DayException */
  GHashTable *exceptions;
  /* Years whose exceptions have been published (loaded) */
  GHashTable *years;
};

G_DEFINE_FINAL_TYPE (CsCalendar, cs_calendar, G_TYPE_OBJECT)

G_DEFINE_QUARK (cs-calendar-error-quark, cs_calendar_error)

static void
day_exception_free (gpointer data)
{
  DayException *exception = data;

  g_free (exception->name);
  g_free (exception);
}

static void
cs_calendar_finalize (GObject *object)
{
  CsCalendar *self = (CsCalendar *)object;

  g_clear_pointer (&self->exceptions, g_hash_table_unref);
  g_clear_pointer (&self->years, g_hash_table_unref);

  G_OBJECT_CLASS (cs_calendar_parent_class)->finalize (object);
}

static void
cs_calendar_class_init (CsCalendarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cs_calendar_finalize;
}

static void
cs_calendar_init (CsCalendar *self)
{
  self->exceptions = g_hash_table_new_full (NULL, NULL, NULL, day_exception_free);
  self->years = g_hash_table_new (NULL, NULL);
}

/**
 * cs_calendar_new:
 *
 * Creates a calendar with no published exceptions: every weekday is a
 * working day until exceptions are added.
 *
 * Returns: (transfer full): a new #CsCalendar
 */
CsCalendar *
cs_calendar_new (void)
{
  return g_object_new (CS_TYPE_CALENDAR, NULL);
}

/**
 * cs_calendar_add_year:
 * @self: a #CsCalendar
 * @year: a year such as 2026
 *
 * Records that the exceptions of @year are known, even if it has none.
 */
void
cs_calendar_add_year (CsCalendar *self,
                      guint       year)
{
  g_return_if_fail (CS_IS_CALENDAR (self));
  g_return_if_fail (g_date_valid_year (year));

  g_hash_table_add (self->years, GUINT_TO_POINTER (year));
}

/**
 * cs_calendar_has_year:
 * @self: a #CsCalendar
 * @year: a year such as 2026
 *
 * Returns: whether the exceptions of @year have been loaded
 */
gboolean
cs_calendar_has_year (CsCalendar *self,
                      guint       year)
{
  g_return_val_if_fail (CS_IS_CALENDAR (self), FALSE);

  return g_hash_table_contains (self->years, GUINT_TO_POINTER (year));
}

/**
 * cs_calendar_set_exception:
 * @self: a #CsCalendar
 * @date: the day
 * @workday: whether the day is a working day
 * @name: (nullable): the holiday or make-up day's name, such as "国庆节"
 *
 * Overrides the weekday rule for @date, and marks its year as known.
 */
void
cs_calendar_set_exception (CsCalendar  *self,
                           const GDate *date,
                           gboolean     workday,
                           const char  *name)
{
  DayException *exception;

  g_return_if_fail (CS_IS_CALENDAR (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  exception = g_new0 (DayException, 1);
  exception->workday = !!workday;
  exception->name = g_strdup (name);

  g_hash_table_replace (self->exceptions,
                        GUINT_TO_POINTER (g_date_get_julian (date)),
                        exception);
  cs_calendar_add_year (self, g_date_get_year (date));
}

static gboolean
load_year (CsCalendar  *self,
           JsonObject  *object,
           GError     **error)
{
  JsonNode *year_node;
  JsonNode *exceptions_node;
  JsonArray *exceptions;
  gint64 year;
  guint n;

  year_node = json_object_get_member (object, "year");
  exceptions_node = json_object_get_member (object, "exceptions");

  if (year_node == NULL || json_node_get_value_type (year_node) != G_TYPE_INT64)
    {
      g_set_error_literal (error, CS_CALENDAR_ERROR, CS_CALENDAR_ERROR_INVALID,
                           "calendar document has no integer \"year\"");
      return FALSE;
    }

  year = json_node_get_int (year_node);
  if (year < 1 || year > G_MAXUINT16 || !g_date_valid_year ((GDateYear)year))
    {
      g_set_error (error, CS_CALENDAR_ERROR, CS_CALENDAR_ERROR_INVALID,
                   "calendar year %" G_GINT64_FORMAT " is out of range", year);
      return FALSE;
    }

  if (exceptions_node == NULL || !JSON_NODE_HOLDS_ARRAY (exceptions_node))
    {
      g_set_error (error, CS_CALENDAR_ERROR, CS_CALENDAR_ERROR_INVALID,
                   "calendar of %" G_GINT64_FORMAT " has no \"exceptions\" array", year);
      return FALSE;
    }

  exceptions = json_node_get_array (exceptions_node);
  n = json_array_get_length (exceptions);

  /* Validate everything before changing anything, so that a bad document
   * leaves the calendar as it was. */
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (exceptions, i);
      JsonObject *day;
      JsonNode *workday;
      GDate date;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        goto bad_entry;

      day = json_node_get_object (node);
      workday = json_object_get_member (day, "workday");

      if (!cs_validate_date (json_object_get_string_member_with_default (day, "date", NULL), &date, NULL) ||
          g_date_get_year (&date) != year ||
          workday == NULL ||
          json_node_get_value_type (workday) != G_TYPE_BOOLEAN)
        goto bad_entry;

      continue;

    bad_entry:
      g_set_error (error, CS_CALENDAR_ERROR, CS_CALENDAR_ERROR_INVALID,
                   "calendar of %" G_GINT64_FORMAT ": exception %u is not a day of that year "
                   "with \"date\" and \"workday\"", year, i);
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      JsonObject *day = json_array_get_object_element (exceptions, i);
      GDate date;

      cs_validate_date (json_object_get_string_member (day, "date"), &date, NULL);
      cs_calendar_set_exception (self, &date,
                                 json_object_get_boolean_member (day, "workday"),
                                 json_object_get_string_member_with_default (day, "name", NULL));
    }

  cs_calendar_add_year (self, (guint)year);

  return TRUE;
}

/**
 * cs_calendar_load_json:
 * @self: a #CsCalendar
 * @node: a `/v1/calendar` document, or an array of them
 * @error: return location for a #GError
 *
 * Adds the exceptions of one or more published years.
 *
 * Returns: %TRUE on success; on failure the years before the bad one are
 *   loaded and @error says which document was wrong
 */
gboolean
cs_calendar_load_json (CsCalendar  *self,
                       JsonNode    *node,
                       GError     **error)
{
  g_return_val_if_fail (CS_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (node != NULL, FALSE);

  if (JSON_NODE_HOLDS_OBJECT (node))
    return load_year (self, json_node_get_object (node), error);

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *years = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (years); i++)
        {
          JsonNode *element = json_array_get_element (years, i);

          if (!JSON_NODE_HOLDS_OBJECT (element))
            {
              g_set_error (error, CS_CALENDAR_ERROR, CS_CALENDAR_ERROR_INVALID,
                           "calendar list element %u is not an object", i);
              return FALSE;
            }

          if (!load_year (self, json_node_get_object (element), error))
            return FALSE;
        }

      return TRUE;
    }

  g_set_error_literal (error, CS_CALENDAR_ERROR, CS_CALENDAR_ERROR_INVALID,
                       "a calendar is an object or an array of objects");
  return FALSE;
}

/**
 * cs_calendar_is_workday:
 * @self: a #CsCalendar
 * @date: a valid day
 *
 * Returns: whether @date is a working day
 */
gboolean
cs_calendar_is_workday (CsCalendar  *self,
                        const GDate *date)
{
  DayException *exception;
  GDateWeekday weekday;

  g_return_val_if_fail (CS_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  exception = g_hash_table_lookup (self->exceptions,
                                   GUINT_TO_POINTER (g_date_get_julian (date)));
  if (exception != NULL)
    return exception->workday;

  weekday = g_date_get_weekday (date);
  return weekday != G_DATE_SATURDAY && weekday != G_DATE_SUNDAY;
}

/**
 * cs_calendar_get_day_name:
 * @self: a #CsCalendar
 * @date: a valid day
 *
 * Returns: (nullable): the name published for @date (a holiday or a make-up
 *   working day), or %NULL for an ordinary day
 */
const char *
cs_calendar_get_day_name (CsCalendar  *self,
                          const GDate *date)
{
  DayException *exception;

  g_return_val_if_fail (CS_IS_CALENDAR (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  exception = g_hash_table_lookup (self->exceptions,
                                   GUINT_TO_POINTER (g_date_get_julian (date)));

  return exception != NULL ? exception->name : NULL;
}

/**
 * cs_calendar_add_working_days:
 * @self: a #CsCalendar
 * @date: (inout): a valid day, moved in place
 * @n_days: how many working days to move, backwards when negative
 *
 * Moves @date to the @n_days-th working day after it (or before it). The
 * starting day itself is never counted, as the legal clock counts from the
 * day after acceptance; with @n_days 0 @date does not move.
 */
void
cs_calendar_add_working_days (CsCalendar *self,
                              GDate      *date,
                              int         n_days)
{
  int step = n_days < 0 ? -1 : 1;
  int remaining = ABS (n_days);

  g_return_if_fail (CS_IS_CALENDAR (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  while (remaining > 0)
    {
      if (step > 0)
        g_date_add_days (date, 1);
      else
        g_date_subtract_days (date, 1);

      if (cs_calendar_is_workday (self, date))
        remaining--;
    }
}

/**
 * cs_calendar_count_working_days:
 * @self: a #CsCalendar
 * @from: the first day, not counted
 * @to: the last day, counted
 *
 * Counts the working days after @from up to and including @to: the number
 * of working days that have run on @to of a clock started on @from. It is
 * negative when @to is before @from.
 *
 * Returns: the number of working days
 */
int
cs_calendar_count_working_days (CsCalendar  *self,
                                const GDate *from,
                                const GDate *to)
{
  GDate day;
  int sign = 1;
  int count = 0;
  const GDate *first = from;
  const GDate *last = to;

  g_return_val_if_fail (CS_IS_CALENDAR (self), 0);
  g_return_val_if_fail (from != NULL && g_date_valid (from), 0);
  g_return_val_if_fail (to != NULL && g_date_valid (to), 0);

  if (g_date_compare (to, from) < 0)
    {
      first = to;
      last = from;
      sign = -1;
    }

  day = *first;
  while (g_date_compare (&day, last) < 0)
    {
      g_date_add_days (&day, 1);
      if (cs_calendar_is_workday (self, &day))
        count++;
    }

  return sign * count;
}
