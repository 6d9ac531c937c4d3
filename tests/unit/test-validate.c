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
  /* Besides the standard's examples, numbers made for real address codes
   * (GB/T 2260) and real days, their check characters computed with
   * ISO 7064 MOD 11-2 (and each one checked by hand): no real person's. */
  static const char *valid[] = {
    "11010519491231002X",   /* the example of GB 11643-1999 */
    "440524188001010014",   /* the second example of the standard */
    "11010519491231002x",
    "440103199003070010",   /* 广州市荔湾区, the demo centre's district */
    "11010120000229019X",   /* 北京市东城区, born on a leap day */
    "310104198512310070",   /* 上海市徐汇区; sum ≡ 1, check 0 */
    "441900197810150021",   /* 东莞市: a prefecture-level city without counties */
    "46900120101001001X",   /* 五指山市: a county-level city under the province */
    "650102196001010013",   /* 乌鲁木齐市天山区 */
    "540102199912310015",   /* 拉萨市城关区 */
    "500103202301010017",   /* 重庆市渝中区 */
    "810000199507010016",   /* a Hong Kong resident's residence permit (2018) */
    "830000198808080017",   /* a Taiwan resident's residence permit */
    "110105180001010010",   /* the earliest birth year accepted */
  };
  /* Each with one fault only: everything else about it is valid. */
  static const struct {
    const char     *value;
    int         code;
  } invalid[] = {
    { "", CS_VALIDATE_ERROR_EMPTY },
    { NULL, CS_VALIDATE_ERROR_EMPTY },
    { "11010519491231002", CS_VALIDATE_ERROR_LENGTH },          /* no check character */
    { "1101051949123100212", CS_VALIDATE_ERROR_LENGTH },
    { "110105491231002", CS_VALIDATE_ERROR_LENGTH },            /* the old 15 digits */
    { "110105 19491231 002X", CS_VALIDATE_ERROR_LENGTH },       /* as written on a form */
    { "1101051949A231002X", CS_VALIDATE_ERROR_CHARSET },
    { "11010519491231002Y", CS_VALIDATE_ERROR_CHARSET },
    { "11O10519491231002X", CS_VALIDATE_ERROR_CHARSET },        /* a letter O */
    { "１１０１０５１９４９１２３１００２Ｘ", CS_VALIDATE_ERROR_CHARSET }, /* full-width */
    { "11010519491231002Ｘ", CS_VALIDATE_ERROR_CHARSET },       /* a full-width X */
    { "990105194912310021", CS_VALIDATE_ERROR_REGION },
    { "000000199003070014", CS_VALIDATE_ERROR_REGION },
    { "11000019900307001X", CS_VALIDATE_ERROR_REGION },         /* all of Beijing */
    { "440000199003070016", CS_VALIDATE_ERROR_REGION },         /* all of Guangdong */
    { "110105194902300021", CS_VALIDATE_ERROR_DATE },
    { "110105290001010021", CS_VALIDATE_ERROR_DATE },
    { "440103194902300016", CS_VALIDATE_ERROR_DATE },           /* 30 February */
    { "440103194913010014", CS_VALIDATE_ERROR_DATE },           /* month 13 */
    { "440103194901000011", CS_VALIDATE_ERROR_DATE },           /* day 0 */
    { "44010317991231001X", CS_VALIDATE_ERROR_DATE },           /* before 1800 */
    { "440103209912310014", CS_VALIDATE_ERROR_DATE },           /* not born yet */
    { "440103190002290010", CS_VALIDATE_ERROR_DATE },           /* 1900 was no leap year */
    { "440103202302290018", CS_VALIDATE_ERROR_DATE },
    { "110105194912310021", CS_VALIDATE_ERROR_CHECK_DIGIT },
    { "440103199003070011", CS_VALIDATE_ERROR_CHECK_DIGIT },    /* …0010, last digit off */
    { "440103199003071103", CS_VALIDATE_ERROR_CHECK_DIGIT },    /* …1013, 1 and 0 swapped */
    { "44010319900307005X", CS_VALIDATE_ERROR_CHECK_DIGIT },    /* …0053 ending in X */
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", valid[i]);
      g_assert_true (cs_validate_resident_id (valid[i], &error));
      g_assert_no_error (error);
      g_assert_cmpint (cs_resident_id_check_digit (valid[i]), ==, g_ascii_toupper (valid[i][17]));
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", invalid[i].value);
      g_assert_false (cs_validate_resident_id (invalid[i].value, &error));
      g_assert_error (error, CS_VALIDATE_ERROR, invalid[i].code);
      g_assert_cmpstr (error->message, !=, "");
    }

  /* The messages count characters as a person does, and name the place. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (cs_validate_resident_id ("１１０１０５１９４９１２３１００２Ｘ", &error));
    g_assert_cmpstr (error->message, ==, "Character 1 of the identity number is not a digit.");
    g_clear_error (&error);
    g_assert_false (cs_validate_resident_id ("110105 19491231 002X", &error));
    g_assert_cmpstr (error->message, ==,
                     "An identity number has 18 characters, this one has 20.");
    g_clear_error (&error);
    g_assert_false (cs_validate_resident_id ("11010519491231002Ｘ", &error));
    g_assert_cmpstr (error->message, ==,
                     "The last character of the identity number must be a digit or X.");
  }

  g_assert_cmpint (cs_resident_id_check_digit ("11010519491231002"), ==, 'X');
  g_assert_cmpint (cs_resident_id_check_digit ("44052418800101001"), ==, '4');
  g_assert_cmpint (cs_resident_id_check_digit ("31010419851231007"), ==, '0');
  g_assert_cmpint (cs_resident_id_check_digit ("44190019781015002"), ==, '1');
  g_assert_cmpint (cs_resident_id_check_digit ("1101051949123100"), ==, 0);
  g_assert_cmpint (cs_resident_id_check_digit ("1101051949123100A"), ==, 0);
}

static void
test_uscc (void)
{
  /* Codes of real organisations, as published: on Huawei's licence (and
   * its Wikipedia entry) and on the business licence report of Shenzhen
   * Tencent Computer Systems. Each was checked twice before it went in:
   * its GB 32100 check character, and the GB 11714 check character of the
   * organisation code inside it (characters 9 to 17: 19220382-1 and
   * 70846113-6), both computed by hand. */
  static const char *valid[] = {
    "91350100M000100Y43",   /* the example of GB 32100-2015 */
    "914403001922038216",   /* 华为技术有限公司, Shenzhen */
    "91440300708461136T",   /* 深圳市腾讯计算机系统有限公司: a letter for a check */
  };
  /* Each with one fault only. */
  static const struct {
    const char     *value;
    int         code;
  } invalid[] = {
    { NULL, CS_VALIDATE_ERROR_EMPTY },
    { "", CS_VALIDATE_ERROR_EMPTY },
    { "91350100M000100Y4", CS_VALIDATE_ERROR_LENGTH },
    { "9144030019220382167", CS_VALIDATE_ERROR_LENGTH },
    { "440301103448669", CS_VALIDATE_ERROR_LENGTH },          /* Tencent's old registration number */
    { "19220382-1", CS_VALIDATE_ERROR_LENGTH },               /* Huawei's old organisation code */
    { "91440300 1922038216", CS_VALIDATE_ERROR_LENGTH },
    { "91350100M000100Y4I", CS_VALIDATE_ERROR_CHARSET },
    { "91350100m000100Y43", CS_VALIDATE_ERROR_CHARSET },
    { "9144O3001922038216", CS_VALIDATE_ERROR_CHARSET },      /* a letter O for a zero */
    { "914403001922I38216", CS_VALIDATE_ERROR_CHARSET },      /* I is not in the alphabet */
    { "91440300708461136t", CS_VALIDATE_ERROR_CHARSET },      /* lower case */
    { "９１４４０３００１９２２０３８２１６", CS_VALIDATE_ERROR_CHARSET }, /* full-width */
    { "9135A100M000100Y43", CS_VALIDATE_ERROR_REGION },
    { "91A403001922038216", CS_VALIDATE_ERROR_REGION },
    { "91350100M000100Y44", CS_VALIDATE_ERROR_CHECK_DIGIT },
    { "914403001922038217", CS_VALIDATE_ERROR_CHECK_DIGIT },   /* the last one off */
    { "914403001292038216", CS_VALIDATE_ERROR_CHECK_DIGIT },   /* 2 and 9 swapped */
    { "91440300708461136X", CS_VALIDATE_ERROR_CHECK_DIGIT },
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

      g_test_message ("%s", invalid[i].value);
      g_assert_false (cs_validate_uscc (invalid[i].value, &error));
      g_assert_error (error, CS_VALIDATE_ERROR, invalid[i].code);
      g_assert_cmpstr (error->message, !=, "");
    }

  g_assert_cmpint (cs_uscc_check_character ("91350100M000100Y4"), ==, '3');
  g_assert_cmpint (cs_uscc_check_character ("91440300192203821"), ==, '6');
  g_assert_cmpint (cs_uscc_check_character ("91440300708461136"), ==, 'T');
  g_assert_cmpint (cs_uscc_check_character ("9144030070846113"), ==, 0);
  g_assert_cmpint (cs_uscc_check_character ("9144030070846113I"), ==, 0);

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (cs_validate_uscc ("９１４４０３００１９２２０３８２１６", &error));
    g_assert_cmpstr (error->message, ==,
                     "Character 1 of the credit code is not allowed "
                     "(the code uses digits and capitals without I, O, S, V and Z).");
  }
}

static void
test_mobile (void)
{
  static const struct {
    const char *value;
    const char *digits;
  } valid[] = {
    { "13800138000", "13800138000" },       /* China Mobile's customer line */
    { "18612345678", "18612345678" },
    { "19912345678", "19912345678" },
    { "14700000000", "14700000000" },
    { "16612345678", "16612345678" },
    { "17012345678", "17012345678" },
    { "138 0013 8000", "13800138000" },
    { "138-0013-8000", "13800138000" },
    { "+86 138 0013 8000", "13800138000" },
    { "+8613800138000", "13800138000" },
    { "+86-138-0013-8000", "13800138000" },
    { "8613800138000", "13800138000" },
    { "0086 13800138000", "13800138000" },
    { " 138 0013 8000 ", "13800138000" },   /* pasted with spaces around */
  };
  static const struct {
    const char *value;
    int         code;
  } invalid[] = {
    { NULL, CS_VALIDATE_ERROR_EMPTY },
    { "", CS_VALIDATE_ERROR_EMPTY },
    { "  ", CS_VALIDATE_ERROR_EMPTY },
    { "1380013800", CS_VALIDATE_ERROR_LENGTH },          /* 10 digits */
    { "138001380001", CS_VALIDATE_ERROR_LENGTH },        /* 12 digits */
    { "+86 1380013800", CS_VALIDATE_ERROR_LENGTH },
    { "12800138000", CS_VALIDATE_ERROR_PREFIX },         /* no 12x networks */
    { "10086000000", CS_VALIDATE_ERROR_PREFIX },
    { "23800138000", CS_VALIDATE_ERROR_PREFIX },
    { "01012345678", CS_VALIDATE_ERROR_PREFIX },         /* a Beijing landline */
    { "010-1234-5678", CS_VALIDATE_ERROR_PREFIX },
    { "86 12800138000", CS_VALIDATE_ERROR_PREFIX },
    { "+852 6123 4567", CS_VALIDATE_ERROR_PREFIX },      /* Hong Kong */
    { "+1 650 253 0000", CS_VALIDATE_ERROR_PREFIX },
    { "001 650 253 0000", CS_VALIDATE_ERROR_PREFIX },
    { "+", CS_VALIDATE_ERROR_PREFIX },
    { "1380013800O", CS_VALIDATE_ERROR_CHARSET },        /* a letter O */
    { "(138) 0013 8000", CS_VALIDATE_ERROR_CHARSET },
    { "138.0013.8000", CS_VALIDATE_ERROR_CHARSET },
    { "１３８００１３８０００", CS_VALIDATE_ERROR_CHARSET }, /* full-width digits */
    { "86+13800138000", CS_VALIDATE_ERROR_CHARSET },
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *digits = NULL;

      g_test_message ("%s", valid[i].value);
      g_assert_true (cs_validate_mobile (valid[i].value, &error));
      g_assert_no_error (error);
      digits = cs_mobile_normalize (valid[i].value);
      g_assert_cmpstr (digits, ==, valid[i].digits);
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *digits = NULL;

      g_test_message ("%s", invalid[i].value);
      g_assert_false (cs_validate_mobile (invalid[i].value, &error));
      g_assert_error (error, CS_VALIDATE_ERROR, invalid[i].code);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_cmpstr (error->message, !=, "");
      digits = cs_mobile_normalize (invalid[i].value);
      g_assert_null (digits);
    }
}

static void
test_date (void)
{
  static const struct {
    const char *value;
    int         y, m, d;
  } valid[] = {
    { "2024-02-29", 2024, 2, 29 },    /* a leap year */
    { "2000-02-29", 2000, 2, 29 },    /* divisible by 400 */
    { "2026-11-18", 2026, 11, 18 },
    { "2026-12-31", 2026, 12, 31 },
    { "2025-01-01", 2025, 1, 1 },
    { "0001-01-01", 1, 1, 1 },
    { "9999-12-31", 9999, 12, 31 },
  };
  static const struct {
    const char *value;
    int         code;
  } invalid[] = {
    { NULL, CS_VALIDATE_ERROR_EMPTY },
    { "", CS_VALIDATE_ERROR_EMPTY },
    { "2026-02-29", CS_VALIDATE_ERROR_DATE },     /* 2026 is not a leap year */
    { "1900-02-29", CS_VALIDATE_ERROR_DATE },     /* nor is 1900 */
    { "2026-13-01", CS_VALIDATE_ERROR_DATE },
    { "2026-00-10", CS_VALIDATE_ERROR_DATE },
    { "2026-04-31", CS_VALIDATE_ERROR_DATE },
    { "2026-11-00", CS_VALIDATE_ERROR_DATE },
    { "0000-01-01", CS_VALIDATE_ERROR_DATE },
    { "2026-1-5", CS_VALIDATE_ERROR_FORMAT },
    { "2026/11/18", CS_VALIDATE_ERROR_FORMAT },
    { "20261118", CS_VALIDATE_ERROR_FORMAT },
    { "18-11-2026", CS_VALIDATE_ERROR_FORMAT },
    { "2026-11-18T00:00:00Z", CS_VALIDATE_ERROR_FORMAT },
    { " 2026-11-18", CS_VALIDATE_ERROR_FORMAT },
    { "2026-11-18 ", CS_VALIDATE_ERROR_FORMAT },
    { "+2026-11-18", CS_VALIDATE_ERROR_FORMAT },
    { "2026-11-1８", CS_VALIDATE_ERROR_FORMAT },   /* a full-width 8 */
    { "2026年11月18日", CS_VALIDATE_ERROR_FORMAT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate date;

      g_test_message ("%s", valid[i].value);
      g_assert_true (cs_validate_date (valid[i].value, &date, &error));
      g_assert_no_error (error);
      g_assert_true (g_date_valid (&date));
      g_assert_cmpint (g_date_get_year (&date), ==, valid[i].y);
      g_assert_cmpint (g_date_get_month (&date), ==, valid[i].m);
      g_assert_cmpint (g_date_get_day (&date), ==, valid[i].d);
      g_assert_true (cs_validate_date (valid[i].value, NULL, NULL));
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate date;

      g_test_message ("%s", invalid[i].value);
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, 1, 2000);
      g_assert_false (cs_validate_date (invalid[i].value, &date, &error));
      g_assert_error (error, CS_VALIDATE_ERROR, invalid[i].code);
      g_assert_cmpstr (error->message, !=, "");
      g_assert_false (g_date_valid (&date));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validate/resident-id", test_resident_id);
  g_test_add_func ("/validate/uscc", test_uscc);
  g_test_add_func ("/validate/mobile", test_mobile);
  g_test_add_func ("/validate/date", test_date);

  return g_test_run ();
}
