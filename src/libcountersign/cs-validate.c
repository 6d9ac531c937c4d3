/* cs-validate.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsValidate"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cs-validate.h"

G_DEFINE_QUARK (cs-validate-error-quark, cs_validate_error)

/* GB 11643-1999: the first two digits name a province-level division. */
static gboolean
is_province_code (int code)
{
  switch (code)
    {
    case 11: case 12: case 13: case 14: case 15:
    case 21: case 22: case 23:
    case 31: case 32: case 33: case 34: case 35: case 36: case 37:
    case 41: case 42: case 43: case 44: case 45: case 46:
    case 50: case 51: case 52: case 53: case 54:
    case 61: case 62: case 63: case 64: case 65:
    case 71: case 81: case 82: case 83:
      return TRUE;
    default:
      return FALSE;
    }
}

/* GB 11643-1999: the address code is the code (GB/T 2260) of the
 * county-level division where the person is registered. A code that names
 * a whole province (the province's two digits, then four zeros) is none,
 * with one exception: the residence permits of residents of Hong Kong,
 * Macao and Taiwan (港澳台居民居住证, 2018) carry 810000, 820000 and 830000.
 * The four digits are not checked further: prefecture-level cities without
 * counties (东莞 441900, 中山 442000) and county-level units under the
 * province (仙桃 429004, 五指山 469001) are real places of registration,
 * and the list of codes changes every year. */
static gboolean
is_whole_province (const char *value)
{
  return strncmp (value + 2, "0000", 4) == 0 &&
         !(value[0] == '8' && value[1] >= '1' && value[1] <= '3');
}

/* The position (from 1, in characters) of the first character of @value,
 * valid UTF-8, that is not ASCII; 0 when there is none. */
static guint
first_non_ascii (const char *value)
{
  guint position = 1;

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p), position++)
    if ((guchar) *p >= 0x80)
      return position;
  return 0;
}

/* The length as a person counts it: in characters when @value is UTF-8. */
static guint
length_in_characters (const char *value)
{
  return g_utf8_validate (value, -1, NULL) ? (guint) g_utf8_strlen (value, -1)
                                           : (guint) strlen (value);
}

/**
 * cs_resident_id_check_digit:
 * @first17: the first 17 digits of a resident identity number
 *
 * Computes the check character of GB 11643-1999 (ISO 7064 MOD 11-2).
 *
 * Returns: '0' to '9' or 'X', or 0 when @first17 is not 17 digits
 */
char
cs_resident_id_check_digit (const char *first17)
{
  static const int weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  static const char check[] = "10X98765432";
  int sum = 0;

  if (first17 == NULL)
    return 0;

  for (guint i = 0; i < 17; i++)
    {
      if (!g_ascii_isdigit (first17[i]))
        return 0;
      sum += (first17[i] - '0') * weights[i];
    }

  return check[sum % 11];
}

/**
 * cs_validate_resident_id:
 * @value: a resident identity number (公民身份号码)
 * @error: return location for a #GError in %CS_VALIDATE_ERROR
 *
 * Checks an 18-character resident identity number: its length and
 * characters, its address code (a province's two digits, and not the code
 * of a whole province, but for 810000, 820000 and 830000 of the residence
 * permits of Hong Kong, Macao and Taiwan residents), its birth date (a real
 * day from 1800 on, not in the future) and its check character. A
 * lower-case 'x' is accepted. Characters that are not ASCII, such as
 * full-width digits, are named as such, not counted as a wrong length.
 *
 * Returns: %TRUE when the number is valid
 */
gboolean
cs_validate_resident_id (const char  *value,
                         GError     **error)
{
  g_autoptr(GDateTime) now = NULL;
  guint year, month, day;
  char expected;

  if (value == NULL || value[0] == '\0')
    {
      g_set_error_literal (error, CS_VALIDATE_ERROR, CS_VALIDATE_ERROR_EMPTY,
                           _("No identity number was given."));
      return FALSE;
    }

  if (length_in_characters (value) != 18)
    {
      g_set_error (error, CS_VALIDATE_ERROR, CS_VALIDATE_ERROR_LENGTH,
                   _("An identity number has 18 characters, this one has %u."),
                   length_in_characters (value));
      return FALSE;
    }

  /* Eighteen characters, some of them not ASCII (full-width digits). */
  if (strlen (value) != 18)
    {
      guint position = first_non_ascii (value);

      if (position == 18)
        g_set_error_literal (error, CS_VALIDATE_ERROR, CS_VALIDATE_ERROR_CHARSET,
                             _("The last character of the identity number must be a digit or X."));
      else
        g_set_error (error, CS_VALIDATE_ERROR, CS_VALIDATE_ERROR_CHARSET,
                     _("Character %u of the identity number is not a digit."), position);
      return FALSE;
    }

  for (guint i = 0; i < 17; i++)
    {
      if (!g_ascii_isdigit (value[i]))
        {
          g_set_error (error, CS_VALIDATE_ERROR, CS_VALIDATE_ERROR_CHARSET,
                       _("Character %u of the identity number is not a digit."), i + 1);
          return FALSE;
        }
    }

  if (!g_ascii_isdigit (value[17]) && value[17] != 'X' && value[17] != 'x')
    {
      g_set_error_literal (error, CS_VALIDATE_ERROR, CS_VALIDATE_ERROR_CHARSET,
                           _("The last character of the identity number must be a digit or X."));
      return FALSE;
    }

  if (!is_province_code ((value[0] - '0') * 10 + (value[1] - '0')))
    {
      g_set_error (error, CS_VALIDATE_ERROR, CS_VALIDATE_ERROR_REGION,
                   _("The identity number starts with %.2s, which is no province’s code."),
                   value);
      return FALSE;
    }

  if (is_whole_province (value))
    {
      g_set_error (error, CS_VALIDATE_ERROR, CS_VALIDATE_ERROR_REGION,
                   _("The identity number starts with %.6s, the code of a whole province, "
                     "not of a county or district."),
                   value);
      return FALSE;
    }

  year = (value[6] - '0') * 1000 + (value[7] - '0') * 100 +
         (value[8] - '0') * 10 + (value[9] - '0');
  month = (value[10] - '0') * 10 + (value[11] - '0');
  day = (value[12] - '0') * 10 + (value[13] - '0');
  now = g_date_time_new_now_local ();

  if (year < 1800 || !g_date_valid_dmy (day, month, year) ||
      year > (guint)g_date_time_get_year (now) ||
      (year == (guint)g_date_time_get_year (now) &&
       (month > (guint)g_date_time_get_month (now) ||
        (month == (guint)g_date_time_get_month (now) &&
         day > (guint)g_date_time_get_day_of_month (now)))))
    {
      g_set_error (error, CS_VALIDATE_ERROR, CS_VALIDATE_ERROR_DATE,
                   _("The birth date %.8s in the identity number is not a real past day."),
                   value + 6);
      return FALSE;
    }

  expected = cs_resident_id_check_digit (value);
  if (g_ascii_toupper (value[17]) != expected)
    {
      g_set_error (error, CS_VALIDATE_ERROR, CS_VALIDATE_ERROR_CHECK_DIGIT,
                   _("The check digit of the identity number is wrong: "
                     "it ends in %c, the other digits call for %c."),
                   g_ascii_toupper (value[17]), expected);
      return FALSE;
    }

  return TRUE;
}

/* GB 32100-2015 uses the digits and the capitals without I, O, Z, S and V. */
static const char uscc_charset[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

static int
uscc_value (char c)
{
  const char *p;

  if (c == '\0')
    return -1;

  p = strchr (uscc_charset, c);
  return p != NULL ? (int)(p - uscc_charset) : -1;
}

/**
 * cs_uscc_check_character:
 * @first17: the first 17 characters of a unified social credit code
 *
 * Computes the check character of GB 32100-2015.
 *
 * Returns: the check character, or 0 when @first17 has a character outside
 *   the code's alphabet or is shorter than 17 characters
 */
char
cs_uscc_check_character (const char *first17)
{
  static const int weights[17] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
  int sum = 0;
  int check;

  if (first17 == NULL)
    return 0;

  for (guint i = 0; i < 17; i++)
    {
      int v = uscc_value (first17[i]);

      if (v < 0)
        return 0;
      sum += v * weights[i];
    }

  check = 31 - sum % 31;
  return uscc_charset[check == 31 ? 0 : check];
}

/**
 * cs_validate_uscc:
 * @value: a unified social credit code (统一社会信用代码)
 * @error: return location for a #GError in %CS_VALIDATE_ERROR
 *
 * Checks an 18-character unified social credit code: its alphabet, its
 * administrative region code (six digits) and its check character.
 *
 * Returns: %TRUE when the code is valid
 */
gboolean
cs_validate_uscc (const char  *value,
                  GError     **error)
{
  char expected;

  if (value == NULL || value[0] == '\0')
    {
      g_set_error_literal (error, CS_VALIDATE_ERROR, CS_VALIDATE_ERROR_EMPTY,
                           _("No unified social credit code was given."));
      return FALSE;
    }

  if (length_in_characters (value) != 18)
    {
      g_set_error (error, CS_VALIDATE_ERROR, CS_VALIDATE_ERROR_LENGTH,
                   _("A unified social credit code has 18 characters, this one has %u."),
                   length_in_characters (value));
      return FALSE;
    }

  /* Eighteen characters, some of them not ASCII (full-width ones). */
  if (strlen (value) != 18)
    {
      g_set_error (error, CS_VALIDATE_ERROR, CS_VALIDATE_ERROR_CHARSET,
                   _("Character %u of the credit code is not allowed "
                     "(the code uses digits and capitals without I, O, S, V and Z)."),
                   first_non_ascii (value));
      return FALSE;
    }

  for (guint i = 0; i < 18; i++)
    {
      if (uscc_value (value[i]) < 0)
        {
          g_set_error (error, CS_VALIDATE_ERROR, CS_VALIDATE_ERROR_CHARSET,
                       _("Character %u of the credit code is not allowed "
                         "(the code uses digits and capitals without I, O, S, V and Z)."),
                       i + 1);
          return FALSE;
        }
    }

  for (guint i = 2; i < 8; i++)
    {
      if (!g_ascii_isdigit (value[i]))
        {
          g_set_error_literal (error, CS_VALIDATE_ERROR, CS_VALIDATE_ERROR_REGION,
                               _("Characters 3 to 8 of the credit code must be the "
                                 "digits of a region code."));
          return FALSE;
        }
    }

  expected = cs_uscc_check_character (value);
  if (value[17] != expected)
    {
      g_set_error (error, CS_VALIDATE_ERROR, CS_VALIDATE_ERROR_CHECK_DIGIT,
                   _("The check character of the credit code is wrong: "
                     "it ends in %c, the other characters call for %c."),
                   value[17], expected);
      return FALSE;
    }

  return TRUE;
}

/* Reads the eleven digits of a mobile number into @digits (with room for a
 * terminating NUL), or says why it cannot. */
static gboolean
parse_mobile (const char  *value,
              char         digits[12],
              GError     **error)
{
  char all[16];
  guint n = 0;
  guint offset = 0;
  gboolean plus = FALSE;

  digits[0] = '\0';

  if (value != NULL && value[0] == '+')
    {
      plus = TRUE;
      value++;
    }

  for (const char *p = value; p != NULL && *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (n < sizeof all)
            all[n] = *p;
          n++;
        }
      else if (*p != ' ' && *p != '-')
        {
          g_set_error_literal (error, CS_VALIDATE_ERROR, CS_VALIDATE_ERROR_CHARSET,
                               _("A mobile number may contain only digits, spaces and "
                                 "hyphens, after an optional +86."));
          return FALSE;
        }
    }

  if (n == 0 && !plus)
    {
      g_set_error_literal (error, CS_VALIDATE_ERROR, CS_VALIDATE_ERROR_EMPTY,
                           _("No mobile number was given."));
      return FALSE;
    }

  /* The country code 86, written +86, 0086 or 86: a mainland number
   * itself starts with 1, so 13 digits starting with 86 are unambiguous. */
  if (plus || (n >= 2 && all[0] == '0' && all[1] == '0'))
    {
      if (plus && n >= 2 && all[0] == '8' && all[1] == '6')
        offset = 2;
      else if (!plus && n >= 4 && all[2] == '8' && all[3] == '6')
        offset = 4;
      else
        {
          g_set_error_literal (error, CS_VALIDATE_ERROR, CS_VALIDATE_ERROR_PREFIX,
                               _("Only mobile numbers of mainland China (+86) are accepted."));
          return FALSE;
        }
    }
  else if (n == 13 && all[0] == '8' && all[1] == '6')
    offset = 2;

  if (n - offset != 11)
    {
      g_set_error (error, CS_VALIDATE_ERROR, CS_VALIDATE_ERROR_LENGTH,
                   _("A mobile number has 11 digits, this one has %u."),
                   n - offset);
      return FALSE;
    }

  if (all[offset] != '1' || all[offset + 1] < '3')
    {
      g_set_error (error, CS_VALIDATE_ERROR, CS_VALIDATE_ERROR_PREFIX,
                   /* Translators: %c%c are the first two digits of the number */
                   _("A mobile number of mainland China starts with 13 to 19, "
                     "this one starts with %c%c."),
                   all[offset], all[offset + 1]);
      return FALSE;
    }

  memcpy (digits, all + offset, 11);
  digits[11] = '\0';
  return TRUE;
}

/**
 * cs_validate_mobile:
 * @value: a mobile phone number of mainland China (手机号码)
 * @error: return location for a #GError in %CS_VALIDATE_ERROR
 *
 * Checks a mobile number as a person types it: 11 digits, the first 1 and
 * the second 3 to 9 (the ranges the networks allot: 13x to 19x). Spaces
 * and hyphens anywhere are ignored ("138 0013 8000", "138-0013-8000"), and
 * the country code may come first as "+86", "0086" or "86". Any other
 * country code, full-width digits, letters or other punctuation are
 * refused. Landline numbers (starting with 0) are refused as well.
 *
 * Returns: %TRUE when the number is valid
 */
gboolean
cs_validate_mobile (const char  *value,
                    GError     **error)
{
  char digits[12];

  return parse_mobile (value, digits, error);
}

/**
 * cs_mobile_normalize:
 * @value: a mobile number as cs_validate_mobile() accepts it
 *
 * Returns: (transfer full) (nullable): the 11 digits of @value without
 *   country code, spaces or hyphens, or %NULL when @value is not valid
 */
char *
cs_mobile_normalize (const char *value)
{
  char digits[12];

  if (!parse_mobile (value, digits, NULL))
    return NULL;

  return g_strdup (digits);
}

/**
 * cs_validate_date:
 * @value: a date written YYYY-MM-DD (ISO 8601, as the central API writes
 *   dates)
 * @out_date: (out caller-allocates) (optional): return location for the
 *   date; cleared (invalid) on failure
 * @error: return location for a #GError in %CS_VALIDATE_ERROR
 *
 * Checks that @value is exactly four digits, a hyphen, two digits, a
 * hyphen and two digits, naming a day that exists in the Gregorian
 * calendar (so 2024-02-29 is valid and 2026-02-29 is not). The year runs
 * from 0001 to 9999; no time, time zone or surrounding space is allowed.
 *
 * Returns: %TRUE when @value is a valid date
 */
gboolean
cs_validate_date (const char  *value,
                  GDate       *out_date,
                  GError     **error)
{
  guint year = 0;
  guint month = 0;
  guint day = 0;

  if (out_date != NULL)
    g_date_clear (out_date, 1);

  if (value == NULL || value[0] == '\0')
    {
      g_set_error_literal (error, CS_VALIDATE_ERROR, CS_VALIDATE_ERROR_EMPTY,
                           _("No date was given."));
      return FALSE;
    }

  for (guint i = 0; i < 10; i++)
    {
      gboolean ok = (i == 4 || i == 7) ? value[i] == '-' : g_ascii_isdigit (value[i]);

      if (!ok)
        goto bad_format;
    }
  if (value[10] != '\0')
    goto bad_format;

  for (guint i = 0; i < 4; i++)
    year = year * 10 + (guint)(value[i] - '0');
  month = (guint)(value[5] - '0') * 10 + (guint)(value[6] - '0');
  day = (guint)(value[8] - '0') * 10 + (guint)(value[9] - '0');

  if (!g_date_valid_dmy ((GDateDay)day, (GDateMonth)month, (GDateYear)year))
    {
      g_set_error (error, CS_VALIDATE_ERROR, CS_VALIDATE_ERROR_DATE,
                   /* Translators: %s is a date written YYYY-MM-DD, such as 2026-02-29 */
                   _("There is no day %s in the calendar."),
                   value);
      return FALSE;
    }

  if (out_date != NULL)
    g_date_set_dmy (out_date, (GDateDay)day, (GDateMonth)month, (GDateYear)year);

  return TRUE;

bad_format:
  g_set_error_literal (error, CS_VALIDATE_ERROR, CS_VALIDATE_ERROR_FORMAT,
                       _("A date must be written YYYY-MM-DD, such as 2026-11-18."));
  return FALSE;
}
