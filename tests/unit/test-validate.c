/* test-validate.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <countersign.h>

static void
test_resident_id (void)
{
  static const char *valid[] = {
    "11010519491231002X",   /* the example of GB 11643-1999 */
    "440524188001010014",   /* the second example of the standard */
    "11010519491231002x",
  };
  static const struct {
    const char     *value;
    int         code;
  } invalid[] = {
    { "", CS_VALIDATE_ERROR_EMPTY },
    { "11010519491231002", CS_VALIDATE_ERROR_LENGTH },
    { "1101051949123100212", CS_VALIDATE_ERROR_LENGTH },
    { "1101051949A231002X", CS_VALIDATE_ERROR_CHARSET },
    { "11010519491231002Y", CS_VALIDATE_ERROR_CHARSET },
    { "990105194912310021", CS_VALIDATE_ERROR_REGION },
    { "110105194902300021", CS_VALIDATE_ERROR_DATE },
    { "110105290001010021", CS_VALIDATE_ERROR_DATE },
    { "110105194912310021", CS_VALIDATE_ERROR_CHECK_DIGIT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (cs_validate_resident_id (valid[i], &error));
      g_assert_no_error (error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (cs_validate_resident_id (invalid[i].value, &error));
      g_assert_error (error, CS_VALIDATE_ERROR, invalid[i].code);
      g_assert_cmpstr (error->message, !=, "");
    }

  g_assert_cmpint (cs_resident_id_check_digit ("11010519491231002"), ==, 'X');
  g_assert_cmpint (cs_resident_id_check_digit ("1101051949123100"), ==, 0);
}

static void
test_uscc (void)
{
  static const char *valid[] = {
    "91350100M000100Y43",   /* the example of GB 32100-2015 */
  };
  static const struct {
    const char     *value;
    int         code;
  } invalid[] = {
    { NULL, CS_VALIDATE_ERROR_EMPTY },
    { "91350100M000100Y4", CS_VALIDATE_ERROR_LENGTH },
    { "91350100M000100Y4I", CS_VALIDATE_ERROR_CHARSET },
    { "91350100m000100Y43", CS_VALIDATE_ERROR_CHARSET },
    { "9135A100M000100Y43", CS_VALIDATE_ERROR_REGION },
    { "91350100M000100Y44", CS_VALIDATE_ERROR_CHECK_DIGIT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", valid[i]);
      g_assert_true (cs_validate_uscc (valid[i], &error));
      g_assert_no_error (error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (cs_validate_uscc (invalid[i].value, &error));
      g_assert_error (error, CS_VALIDATE_ERROR, invalid[i].code);
    }

  g_assert_cmpint (cs_uscc_check_character ("91350100M000100Y4"), ==, '3');
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validate/resident-id", test_resident_id);
  g_test_add_func ("/validate/uscc", test_uscc);

  return g_test_run ();
}
