/* csc-demo.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CscDemo"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <gio/gio.h>

#include <countersign.h>

#include "csc-audit.h"
#include "csc-case-store.h"
#include "csc-demo.h"
#include "csc-demo-documents.h"
#include "csc-demo-resources.h"
#include "csc-demo-pki.h"
#include "csc-password.h"
#include "csc-util.h"

/* The demo service centre: six departments of a district centre, their
 * approvers and chief representatives, the catalogue, three years of the
 * working-day calendar, and some 210 cases spread over every state, with
 * their materials and the history that led to their state.
 *
 * Everything derives from a fixed random seed and the given "today", so the
 * same date gives the same centre, byte for byte: tests can rely on it.
 * The static facts (departments, matters, holidays, names) are data in
 * data/demo/, compiled into the program. */

#define DEMO_RANDOM_SEED 20150930
#define RESOURCE_PREFIX "/org/countersign/central/demo/"

typedef struct
{
  char        *department;
  char        *matter_code;
  const char  *role;
  const char  *state;
  gint64       assignee_id;
  int          extension_days;
  char        *suspensions;      /* JSON array */
  char        *supplement_on;
  const char  *outcome;
  char        *decided_on;
  /* The latest review, if any */
  gboolean     has_review;
  gboolean     review_final;
  const char  *review_outcome;
  char        *review_opinion;
  char        *review_checklist;  /* JSON array */
  char        *review_at;
  gint64       review_author;
} DemoPart;

typedef struct
{
  char            *id;
  char            *matter_code;
  const char      *item;
  char            *name;
  char            *received_at;
  gboolean         jpeg;
  CscDemoDocument  spec;
  /* Owned strings behind spec */
  char            *title;
  char            *issuer;
  GStrv            labels;
  GStrv            values;
} DemoMaterial;

typedef struct
{
  char       *id;
  char       *number;
  char       *matter_code;
  char       *lead_department;
  JsonNode   *applicant;
  JsonNode   *form;
  const char *site;
  const char *route;
  const char *priority;
  gboolean    green_channel;
  GDate       accepted;
  char       *received_at;
  char       *last_activity;
  GPtrArray  *parts;      /* DemoPart */
  GPtrArray  *materials;  /* DemoMaterial */
} DemoCase;

typedef struct
{
  char   *at;
  char   *case_id;
  char   *actor;
  char   *department;
  char   *action;
  char   *reason;
  char   *detail;
  guint   order;
} PendingAudit;

typedef struct
{
  CscDatabase *db;
  CsCalendar  *calendar;
  GRand       *rand;
  GDate        today;
  JsonNode    *catalogue_node;
  JsonNode    *people_node;
  JsonNode    *calendar_node;
  JsonObject  *people;
  GHashTable  *matters;      /* code → JsonObject */
  GHashTable  *users;        /* username → id */
  GHashTable  *rendered;     /* document key → RenderedBlob */
  GPtrArray   *cases;        /* DemoCase */
  GPtrArray   *audit;        /* PendingAudit */
  char        *blob_dir;
  guint        n_cases;
  guint        n_materials;
  guint        n_cached;
} Seed;

typedef struct
{
  char   *sha256;
  gint64  size;
  int     pages;
} RenderedBlob;

typedef enum
{
  SCENARIO_FORWARDED,
  SCENARIO_CLAIMED,
  SCENARIO_UNDER_REVIEW,
  SCENARIO_REVIEWED,
  SCENARIO_DECIDED,
  SCENARIO_SUPPLEMENT,
  SCENARIO_SUSPENDED,
  SCENARIO_EXTENDED,
  SCENARIO_OVERDUE,
} Scenario;

static void
demo_part_free (DemoPart *part)
{
  g_free (part->department);
  g_free (part->matter_code);
  g_free (part->suspensions);
  g_free (part->supplement_on);
  g_free (part->decided_on);
  g_free (part->review_opinion);
  g_free (part->review_checklist);
  g_free (part->review_at);
  g_free (part);
}

static void
demo_material_free (DemoMaterial *material)
{
  g_free (material->id);
  g_free (material->matter_code);
  g_free (material->name);
  g_free (material->received_at);
  g_free (material->title);
  g_free (material->issuer);
  g_strfreev (material->labels);
  g_strfreev (material->values);
  g_free (material);
}

static void
demo_case_free (DemoCase *dc)
{
  g_free (dc->id);
  g_free (dc->number);
  g_free (dc->matter_code);
  g_free (dc->lead_department);
  g_clear_pointer (&dc->applicant, json_node_unref);
  g_clear_pointer (&dc->form, json_node_unref);
  g_free (dc->received_at);
  g_free (dc->last_activity);
  g_ptr_array_unref (dc->parts);
  g_ptr_array_unref (dc->materials);
  g_free (dc);
}

static void
pending_audit_free (PendingAudit *entry)
{
  g_free (entry->at);
  g_free (entry->case_id);
  g_free (entry->actor);
  g_free (entry->department);
  g_free (entry->action);
  g_free (entry->reason);
  g_free (entry->detail);
  g_free (entry);
}

static void
rendered_blob_free (RenderedBlob *blob)
{
  g_free (blob->sha256);
  g_free (blob);
}

static void
seed_clear (Seed *seed)
{
  g_clear_object (&seed->calendar);
  g_clear_pointer (&seed->rand, g_rand_free);
  g_clear_pointer (&seed->catalogue_node, json_node_unref);
  g_clear_pointer (&seed->people_node, json_node_unref);
  g_clear_pointer (&seed->calendar_node, json_node_unref);
  g_clear_pointer (&seed->matters, g_hash_table_unref);
  g_clear_pointer (&seed->users, g_hash_table_unref);
  g_clear_pointer (&seed->rendered, g_hash_table_unref);
  g_clear_pointer (&seed->cases, g_ptr_array_unref);
  g_clear_pointer (&seed->audit, g_ptr_array_unref);
  g_clear_pointer (&seed->blob_dir, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Seed, seed_clear)

/* Small helpers ------------------------------------------------------------ */

static JsonNode *
load_resource (const char  *name,
               GError     **error)
{
  g_autofree char *path = g_strconcat (RESOURCE_PREFIX, name, NULL);
  g_autoptr(GBytes) bytes = NULL;
  gsize size;
  const char *data;

  /* Through the resource itself: a static library drops an object whose
   * symbols nobody references, constructor and all. */
  bytes = g_resource_lookup_data (csc_demo_get_resource (), path, 0, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &size);
  return csc_json_parse (data, size, error);
}

static const char *
pick_string (Seed       *seed,
             const char *member)
{
  JsonArray *array = json_object_get_array_member (seed->people, member);

  return json_array_get_string_element (array,
                                        g_rand_int_range (seed->rand, 0,
                                                          json_array_get_length (array)));
}

static JsonObject *
pick_object (Seed       *seed,
             const char *member)
{
  JsonArray *array = json_object_get_array_member (seed->people, member);

  return json_array_get_object_element (array,
                                        g_rand_int_range (seed->rand, 0,
                                                          json_array_get_length (array)));
}

static gboolean
chance (Seed   *seed,
        double  probability)
{
  return g_rand_double (seed->rand) < probability;
}

/* A moment of a working day in Beijing time, as the server's UTC text. */
static char *
timestamp_on (const GDate *date,
              int          minutes_after_nine)
{
  g_autoptr(GTimeZone) beijing = g_time_zone_new_offset (8 * 3600);
  g_autoptr(GDateTime) when = NULL;

  when = g_date_time_new (beijing, g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date), 9 + minutes_after_nine / 60,
                          minutes_after_nine % 60, 0);
  return csc_format_timestamp (when);
}

static char *
random_timestamp_on (Seed        *seed,
                     const GDate *date)
{
  /* Office hours: 9:00 to 12:00 and 14:00 to 17:30. */
  int minutes = g_rand_int_range (seed->rand, 0, 390);

  if (minutes >= 180)
    minutes += 120;
  return timestamp_on (date, minutes);
}

static GDate
working_days_before_today (Seed *seed,
                           int   n)
{
  GDate date = seed->today;

  /* Anchor on a working day: "today" may be a weekend. */
  while (!cs_calendar_is_workday (seed->calendar, &date))
    g_date_subtract_days (&date, 1);
  cs_calendar_add_working_days (seed->calendar, &date, -n);
  return date;
}

static GDate
working_days_after (Seed        *seed,
                    const GDate *from,
                    int          n)
{
  GDate date = *from;

  cs_calendar_add_working_days (seed->calendar, &date, n);
  return date;
}

static char *
date_text (const GDate *date)
{
  return csc_format_date (date);
}

/* Identity numbers ----------------------------------------------------------- */

static char *
make_resident_id (Seed       *seed,
                  const char *region,
                  gboolean    male,
                  gboolean    valid)
{
  char id[19];
  GDateYear year = g_rand_int_range (seed->rand, 1962, 2001);
  int month = g_rand_int_range (seed->rand, 1, 13);
  int day = g_rand_int_range (seed->rand, 1, g_date_get_days_in_month (month, year) + 1);
  int sequence = g_rand_int_range (seed->rand, 0, 500) * 2 + (male ? 1 : 0);
  char check;

  g_snprintf (id, sizeof id, "%.6s%04u%02d%02d%03d", region, year, month, day, sequence % 1000);
  check = cs_resident_id_check_digit (id);

  /* A deliberately wrong check digit, for the plugins' pre-checks. */
  if (!valid)
    check = check == '0' ? '5' : (check == 'X' ? '3' : '0');

  id[17] = check;
  id[18] = '\0';
  return g_strdup (id);
}

/* GB 11714 organisation code: eight characters and a check character. */
static void
make_organisation_code (Seed *seed,
                        char  code[10])
{
  static const int weights[8] = { 3, 7, 9, 10, 5, 8, 4, 2 };
  static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  int sum = 0;
  int check;

  for (guint i = 0; i < 8; i++)
    {
      char c = alphabet[g_rand_int_range (seed->rand, 0, i < 2 ? 31 : 10)];
      int value = g_ascii_isdigit (c) ? c - '0' : c - 'A' + 10;

      code[i] = c;
      sum += value * weights[i];
    }

  check = 11 - sum % 11;
  code[8] = check == 10 ? 'X' : (check == 11 ? '0' : '0' + check);
  code[9] = '\0';
}

static char *
make_uscc (Seed       *seed,
           const char *kind,
           gboolean    valid)
{
  char org[10];
  char code[19];
  char check;

  make_organisation_code (seed, org);
  g_snprintf (code, sizeof code, "%s440103%s", kind, org);
  check = cs_uscc_check_character (code);
  if (!valid)
    check = check == 'A' ? 'B' : 'A';
  code[17] = check;
  code[18] = '\0';
  return g_strdup (code);
}

static char *
make_phone (Seed *seed)
{
  static const char *prefixes[] = { "135", "137", "138", "139", "150", "158", "186", "189", "136", "188" };

  return g_strdup_printf ("%s%08d", prefixes[g_rand_int_range (seed->rand, 0, G_N_ELEMENTS (prefixes))],
                          g_rand_int_range (seed->rand, 0, 100000000));
}

static char *
make_address (Seed *seed)
{
  return g_strdup_printf ("广州市荔湾区%s%d号%s", pick_string (seed, "streets"),
                          g_rand_int_range (seed->rand, 1, 400),
                          chance (seed, 0.5) ? "" : "首层");
}

/* Applicants and forms ------------------------------------------------------- */

static JsonNode *
make_person (Seed       *seed,
             const char *region_code)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *name = NULL;
  g_autofree char *id_number = NULL;
  g_autofree char *phone = make_phone (seed);
  g_autofree char *address = make_address (seed);
  gboolean male = chance (seed, 0.5);
  JsonObject *region = pick_object (seed, "regions");

  name = g_strconcat (pick_string (seed, "surnames"),
                      pick_string (seed, male ? "given_male" : "given_female"), NULL);
  id_number = make_resident_id (seed,
                                region_code != NULL ? region_code
                                                    : json_object_get_string_member (region, "code"),
                                male, !chance (seed, 0.06));

  json_builder_begin_object (builder);
  csc_builder_add_string (builder, "kind", "person");
  csc_builder_add_string (builder, "name", name);
  csc_builder_add_string (builder, "gender", male ? "男" : "女");
  csc_builder_add_string (builder, "id_type", "resident_id");
  csc_builder_add_string (builder, "id_number", id_number);
  csc_builder_add_string (builder, "phone", phone);
  csc_builder_add_string (builder, "address", address);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static char *
make_company_name (Seed       *seed,
                   const char *kinds)
{
  return g_strconcat (pick_string (seed, "company_prefixes"), pick_string (seed, "company_cores"),
                      pick_string (seed, kinds), NULL);
}

static JsonNode *
make_organisation (Seed       *seed,
                   const char *name,
                   const char *uscc)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *generated_uscc = NULL;
  g_autofree char *representative = NULL;
  g_autofree char *contact = NULL;
  g_autofree char *phone = make_phone (seed);
  g_autofree char *address = make_address (seed);

  if (uscc == NULL)
    uscc = generated_uscc = make_uscc (seed, "91", !chance (seed, 0.06));

  representative = g_strconcat (pick_string (seed, "surnames"), pick_string (seed, "given_male"), NULL);
  contact = g_strconcat (pick_string (seed, "surnames"), pick_string (seed, "given_female"), NULL);

  json_builder_begin_object (builder);
  csc_builder_add_string (builder, "kind", "organisation");
  csc_builder_add_string (builder, "name", name);
  csc_builder_add_string (builder, "uscc", uscc);
  csc_builder_add_string (builder, "legal_representative", representative);
  csc_builder_add_string (builder, "contact", contact);
  csc_builder_add_string (builder, "phone", phone);
  csc_builder_add_string (builder, "address", address);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static const char *
applicant_member (DemoCase   *dc,
                  const char *member)
{
  return json_object_get_string_member_with_default (json_node_get_object (dc->applicant),
                                                     member, "");
}

static JsonNode *
make_form (Seed       *seed,
           const char *matter_code,
           DemoCase   *dc,
           JsonObject *employer)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);

  if (g_str_equal (matter_code, "health.radiation-worker"))
    {
      GDate start = working_days_before_today (seed, g_rand_int_range (seed->rand, 20, 2000));
      g_autofree char *start_text = date_text (&start);
      g_autofree char *training = g_strdup_printf ("粤放培〔%d〕%05d号",
                                                   g_date_get_year (&seed->today) - 1,
                                                   g_rand_int_range (seed->rand, 1, 99999));
      g_autofree char *dosimeter = g_strdup_printf ("GZ-LW-%06d", g_rand_int_range (seed->rand, 1, 999999));

      csc_builder_add_string (b, "employer", json_object_get_string_member (employer, "name"));
      csc_builder_add_string (b, "employer_licence_no", json_object_get_string_member (employer, "licence"));
      csc_builder_add_string (b, "post", pick_string (seed, "posts"));
      csc_builder_add_string (b, "radiation_work_since", start_text);
      csc_builder_add_string (b, "training_certificate_no", training);
      csc_builder_add_string (b, "health_exam_conclusion",
                              chance (seed, 0.92) ? "可从事放射工作" : "暂时脱离放射工作");
      csc_builder_add_string (b, "dosimeter_no", dosimeter);
    }
  else if (g_str_equal (matter_code, "health.marriage-childbearing"))
    {
      gboolean married = chance (seed, 0.7);

      csc_builder_add_string (b, "marital_status", married ? "已婚" : "未婚");
      json_builder_set_member_name (b, "children");
      json_builder_add_int_value (b, married ? g_rand_int_range (seed->rand, 0, 3) : 0);
      csc_builder_add_string (b, "household_register", json_object_get_string_member (pick_object (seed, "regions"), "name"));
      csc_builder_add_string (b, "current_address", applicant_member (dc, "address"));
      csc_builder_add_string (b, "purpose", chance (seed, 0.5) ? "办理居住证" : "子女入学");
    }
  else if (g_str_equal (matter_code, "forestry.timber-logging"))
    {
      double quota = 50 + g_rand_int_range (seed->rand, 0, 40) * 10;
      double volume = quota * (chance (seed, 0.2) ? 1.05 + g_rand_double (seed->rand) * 0.3
                                                  : 0.5 + g_rand_double (seed->rand) * 0.45);
      g_autofree char *certificate = g_strdup_printf ("粤(%d)从化区不动产权第%07d号",
                                                      g_rand_int_range (seed->rand, 2016, 2025),
                                                      g_rand_int_range (seed->rand, 1, 9999999));

      csc_builder_add_string (b, "site", pick_string (seed, "forest_sites"));
      csc_builder_add_string (b, "land_ownership_certificate", certificate);
      csc_builder_add_string (b, "forest_category", chance (seed, 0.85) ? "商品林" : "公益林");
      json_builder_set_member_name (b, "species");
      json_builder_begin_array (b);
      json_builder_add_string_value (b, pick_string (seed, "tree_species"));
      if (chance (seed, 0.4))
        json_builder_add_string_value (b, pick_string (seed, "tree_species"));
      json_builder_end_array (b);
      json_builder_set_member_name (b, "area_mu");
      json_builder_add_double_value (b, (double)g_rand_int_range (seed->rand, 50, 800) / 10.0);
      json_builder_set_member_name (b, "volume_m3");
      json_builder_add_double_value (b, (double)(gint64)(volume * 10) / 10.0);
      json_builder_set_member_name (b, "annual_quota_m3");
      json_builder_add_double_value (b, quota);
      csc_builder_add_string (b, "method", chance (seed, 0.6) ? "皆伐" : "择伐");
      json_builder_set_member_name (b, "regeneration_commitment");
      json_builder_add_boolean_value (b, chance (seed, 0.8));
    }
  else if (g_str_equal (matter_code, "market.food-business"))
    {
      csc_builder_add_string (b, "business_name", applicant_member (dc, "name"));
      csc_builder_add_string (b, "premises", applicant_member (dc, "address"));
      csc_builder_add_string (b, "operator_type", chance (seed, 0.8) ? "餐饮服务经营者" : "食品销售经营者");
      json_builder_set_member_name (b, "items");
      json_builder_begin_array (b);
      json_builder_add_string_value (b, "热食类食品制售");
      if (chance (seed, 0.5))
        json_builder_add_string_value (b, "冷食类食品制售");
      if (chance (seed, 0.3))
        json_builder_add_string_value (b, "糕点类食品制售");
      json_builder_end_array (b);
      json_builder_set_member_name (b, "area_m2");
      json_builder_add_int_value (b, g_rand_int_range (seed->rand, 30, 600));
      csc_builder_add_string (b, "food_safety_manager", applicant_member (dc, "contact"));
    }
  else if (g_str_equal (matter_code, "market.industrial-product"))
    {
      csc_builder_add_string (b, "product", pick_string (seed, "factory_products"));
      csc_builder_add_string (b, "production_address", applicant_member (dc, "address"));
      json_builder_set_member_name (b, "employees");
      json_builder_add_int_value (b, g_rand_int_range (seed->rand, 30, 400));
      json_builder_set_member_name (b, "plant_area_m2");
      json_builder_add_int_value (b, g_rand_int_range (seed->rand, 1500, 20000));
      csc_builder_add_string (b, "annual_capacity", chance (seed, 0.5) ? "5000吨" : "12000千米");
      json_builder_set_member_name (b, "storage_of_hazardous_materials");
      json_builder_add_boolean_value (b, chance (seed, 0.5));
    }
  else if (g_str_equal (matter_code, "hrss.social-insurance"))
    {
      g_autofree char *account = g_strdup_printf ("3602%012" G_GINT64_MODIFIER "d",
                                                  (gint64)g_rand_int (seed->rand) * 7);

      csc_builder_add_string (b, "employer_name", applicant_member (dc, "name"));
      csc_builder_add_string (b, "bank", pick_string (seed, "banks"));
      csc_builder_add_string (b, "bank_account", account);
      json_builder_set_member_name (b, "employees");
      json_builder_add_int_value (b, g_rand_int_range (seed->rand, 3, 200));
      json_builder_set_member_name (b, "insurance_types");
      json_builder_begin_array (b);
      json_builder_add_string_value (b, "基本养老保险");
      json_builder_add_string_value (b, "基本医疗保险");
      json_builder_add_string_value (b, "失业保险");
      json_builder_add_string_value (b, "工伤保险");
      json_builder_end_array (b);
    }
  else if (g_str_equal (matter_code, "fire.pre-opening"))
    {
      JsonObject *venue = pick_object (seed, "venues");

      csc_builder_add_string (b, "venue_name", applicant_member (dc, "name"));
      csc_builder_add_string (b, "venue_type", json_object_get_string_member (venue, "kind"));
      csc_builder_add_string (b, "address", applicant_member (dc, "address"));
      json_builder_set_member_name (b, "building_area_m2");
      json_builder_add_int_value (b, g_rand_int_range (seed->rand, 300, 12000));
      json_builder_set_member_name (b, "floors");
      json_builder_add_int_value (b, g_rand_int_range (seed->rand, 1, 12));
      json_builder_set_member_name (b, "max_occupancy");
      json_builder_add_int_value (b, g_rand_int_range (seed->rand, 50, 2000));
    }

  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* Materials ------------------------------------------------------------------ */

static const struct {
  const char *key;
  const char *label;
} form_labels[] = {
  { "employer", "工作单位" },
  { "employer_licence_no", "放射诊疗许可证号" },
  { "post", "放射工作岗位" },
  { "radiation_work_since", "从事放射工作起始日期" },
  { "training_certificate_no", "培训合格证号" },
  { "health_exam_conclusion", "职业健康检查结论" },
  { "dosimeter_no", "个人剂量计编号" },
  { "marital_status", "婚姻状况" },
  { "children", "现有子女数" },
  { "household_register", "户籍地" },
  { "current_address", "现居住地" },
  { "purpose", "申请用途" },
  { "site", "采伐地点" },
  { "land_ownership_certificate", "权属证书号" },
  { "forest_category", "林种" },
  { "species", "树种" },
  { "area_mu", "采伐面积（亩）" },
  { "volume_m3", "采伐蓄积（立方米）" },
  { "annual_quota_m3", "年度采伐限额（立方米）" },
  { "method", "采伐方式" },
  { "regeneration_commitment", "更新造林承诺" },
  { "business_name", "经营者名称" },
  { "premises", "经营场所" },
  { "operator_type", "主体业态" },
  { "items", "经营项目" },
  { "area_m2", "经营面积（平方米）" },
  { "food_safety_manager", "食品安全管理人员" },
  { "product", "申请产品" },
  { "production_address", "生产地址" },
  { "employees", "职工人数" },
  { "plant_area_m2", "厂区面积（平方米）" },
  { "annual_capacity", "年生产能力" },
  { "storage_of_hazardous_materials", "是否储存危险物品" },
  { "employer_name", "单位名称" },
  { "bank", "开户银行" },
  { "bank_account", "银行账号" },
  { "insurance_types", "参保险种" },
  { "venue_name", "场所名称" },
  { "venue_type", "场所类型" },
  { "address", "地址" },
  { "building_area_m2", "建筑面积（平方米）" },
  { "floors", "楼层数" },
  { "max_occupancy", "最大容纳人数" },
};

static const char *
form_label (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (form_labels); i++)
    if (g_str_equal (form_labels[i].key, key))
      return form_labels[i].label;

  return key;
}

static char *
value_text (JsonNode *node)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *element = value_text (json_array_get_element (array, i));

          if (i > 0)
            g_string_append (text, "、");
          g_string_append (text, element);
        }
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return g_strdup (json_node_get_string (node));
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      return g_strdup_printf ("%.1f", json_node_get_double (node));
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "是" : "否");
    default:
      return g_strdup ("");
    }
}

/* The application form shows what the applicant wrote: who they are, then
 * every field of the form. */
static void
application_fields (DemoCase  *dc,
                    GStrv     *labels,
                    GStrv     *values)
{
  g_autoptr(GStrvBuilder) l = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) v = g_strv_builder_new ();
  JsonObject *applicant = json_node_get_object (dc->applicant);
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;
  gboolean person = g_str_equal (json_object_get_string_member (applicant, "kind"), "person");

  g_strv_builder_add (l, person ? "申请人姓名" : "申请单位名称");
  g_strv_builder_add (v, json_object_get_string_member (applicant, "name"));
  g_strv_builder_add (l, person ? "公民身份号码" : "统一社会信用代码");
  g_strv_builder_add (v, json_object_get_string_member (applicant, person ? "id_number" : "uscc"));
  if (!person)
    {
      g_strv_builder_add (l, "法定代表人");
      g_strv_builder_add (v, json_object_get_string_member (applicant, "legal_representative"));
    }
  g_strv_builder_add (l, "联系电话");
  g_strv_builder_add (v, json_object_get_string_member (applicant, "phone"));
  g_strv_builder_add (l, person ? "住址" : "住所");
  g_strv_builder_add (v, json_object_get_string_member (applicant, "address"));

  json_object_iter_init (&iter, json_node_get_object (dc->form));
  while (json_object_iter_next (&iter, &key, &value))
    {
      g_autofree char *text = value_text (value);

      g_strv_builder_add (l, form_label (key));
      g_strv_builder_add (v, text);
    }

  *labels = g_strv_builder_end (l);
  *values = g_strv_builder_end (v);
}

static GStrv
strv_of (const char *first,
         ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  va_list args;

  va_start (args, first);
  for (const char *s = first; s != NULL; s = va_arg (args, const char *))
    g_strv_builder_add (builder, s);
  va_end (args);

  return g_strv_builder_end (builder);
}

typedef struct
{
  const char   *item;
  CscDemoStyle  style;
  const char   *title;    /* NULL: the checklist item's name */
  const char   *issuer;   /* NULL: the applicant */
  guint         min_pages;
  guint         max_pages;
  gboolean      jpeg;
  gboolean      scanned;
} MaterialKind;

static const MaterialKind material_kinds[] = {
  { "id-card", CSC_DEMO_STYLE_FORM, "居民身份证", "", 1, 1, TRUE, TRUE },
  { "legal-rep-id", CSC_DEMO_STYLE_FORM, "居民身份证", "", 1, 1, TRUE, TRUE },
  { "household-register", CSC_DEMO_STYLE_FORM, "居民户口簿", "", 1, 1, TRUE, TRUE },
  { "business-licence", CSC_DEMO_STYLE_CERTIFICATE, "营业执照", "广州市荔湾区市场监督管理局", 1, 1, FALSE, TRUE },
  { "employer-licence", CSC_DEMO_STYLE_CERTIFICATE, "放射诊疗许可证", "广州市荔湾区卫生健康局", 1, 1, FALSE, TRUE },
  { "training", CSC_DEMO_STYLE_CERTIFICATE, "放射防护培训合格证", "广东省职业病防治院", 1, 1, FALSE, FALSE },
  { "ownership", CSC_DEMO_STYLE_CERTIFICATE, "不动产权证书", "广州市规划和自然资源局", 1, 1, FALSE, TRUE },
  { "fire-acceptance", CSC_DEMO_STYLE_CERTIFICATE, "建设工程消防验收备案凭证", "广州市荔湾区住房和建设局", 1, 1, FALSE, TRUE },
  { "safety-manager", CSC_DEMO_STYLE_CERTIFICATE, "食品安全管理人员培训考核合格证明", "广州市荔湾区市场监督管理局", 1, 1, FALSE, FALSE },
  { "marriage-certificate", CSC_DEMO_STYLE_CERTIFICATE, "结婚证", "广州市荔湾区民政局", 1, 1, FALSE, TRUE },
  { "health-exam", CSC_DEMO_STYLE_DOCUMENT, NULL, "广州市职业病防治院", 2, 4, FALSE, FALSE },
  { "dosimetry", CSC_DEMO_STYLE_DOCUMENT, NULL, "广东省职业病防治院", 2, 3, FALSE, FALSE },
  { "facility-report", CSC_DEMO_STYLE_DOCUMENT, NULL, "广东建科消防检测有限公司", 3, 6, FALSE, FALSE },
  { "quality-manual", CSC_DEMO_STYLE_DOCUMENT, NULL, NULL, 12, 24, FALSE, FALSE },
  { "process-file", CSC_DEMO_STYLE_DOCUMENT, NULL, NULL, 8, 16, FALSE, FALSE },
  { "design", CSC_DEMO_STYLE_DOCUMENT, NULL, "广州市林业调查规划设计所", 3, 6, FALSE, FALSE },
  { "premises-plan", CSC_DEMO_STYLE_DOCUMENT, NULL, NULL, 1, 2, FALSE, FALSE },
  { "site-plan", CSC_DEMO_STYLE_DOCUMENT, NULL, NULL, 1, 2, FALSE, FALSE },
  { "security-plan", CSC_DEMO_STYLE_DOCUMENT, NULL, NULL, 2, 4, FALSE, FALSE },
  { "safety-rules", CSC_DEMO_STYLE_DOCUMENT, NULL, NULL, 2, 5, FALSE, FALSE },
  { "equipment", CSC_DEMO_STYLE_DOCUMENT, NULL, NULL, 1, 3, FALSE, FALSE },
  { "guard-roster", CSC_DEMO_STYLE_DOCUMENT, NULL, NULL, 1, 2, FALSE, TRUE },
};

static const MaterialKind default_kind = {
  NULL, CSC_DEMO_STYLE_FORM, NULL, NULL, 1, 1, FALSE, FALSE
};

static const MaterialKind *
kind_for_item (const char *item)
{
  for (guint i = 0; i < G_N_ELEMENTS (material_kinds); i++)
    if (g_str_equal (material_kinds[i].item, item))
      return &material_kinds[i];

  return &default_kind;
}

static void
add_material (Seed       *seed,
              DemoCase   *dc,
              const char *matter_code,
              JsonObject *item,
              guint       force_pages)
{
  const char *code = json_object_get_string_member (item, "code");
  const char *item_name = json_object_get_string_member (item, "name");
  const MaterialKind *kind = kind_for_item (code);
  JsonObject *applicant = json_node_get_object (dc->applicant);
  gboolean person = g_str_equal (json_object_get_string_member (applicant, "kind"), "person");
  DemoMaterial *material = g_new0 (DemoMaterial, 1);
  g_autofree char *seed_key = NULL;
  const char *shared = NULL;

  /* A personal identity item of a company is its business licence. */
  if (g_str_equal (code, "identity"))
    kind = kind_for_item (person ? "id-card" : "business-licence");

  material->id = g_strdup_printf ("m%u", dc->materials->len + 1);
  material->matter_code = g_strdup (matter_code);
  material->item = code;
  material->jpeg = kind->jpeg;
  material->title = g_strdup (kind->title != NULL ? kind->title : item_name);
  material->issuer = g_strdup (kind->issuer == NULL ? json_object_get_string_member (applicant, "name")
                                                    : (*kind->issuer ? kind->issuer : NULL));
  material->received_at = g_strdup (dc->received_at);

  if (g_str_equal (code, "application"))
    {
      application_fields (dc, &material->labels, &material->values);
      material->spec.style = CSC_DEMO_STYLE_FORM;
      material->spec.n_pages = g_strv_length (material->labels) > 12 ? 2 : 1;
      material->spec.scanned = chance (seed, 0.5);
    }
  else if (g_str_equal (material->title, "居民身份证"))
    {
      const char *name = json_object_get_string_member (applicant, person ? "name" : "legal_representative");

      material->labels = strv_of ("姓名", "住址", "公民身份号码", NULL);
      material->values = strv_of (name, json_object_get_string_member (applicant, "address"),
                                  person ? json_object_get_string_member (applicant, "id_number")
                                         : "",
                                  NULL);
      material->spec.style = kind->style;
      material->spec.n_pages = 1;
    }
  else
    {
      const char *who = json_object_get_string_member (applicant, "name");

      if (person)
        {
          material->labels = strv_of ("姓名", "公民身份号码", NULL);
          material->values = strv_of (who, json_object_get_string_member (applicant, "id_number"), NULL);
        }
      else
        {
          material->labels = strv_of ("名称", "统一社会信用代码", "法定代表人", "住所", NULL);
          material->values = strv_of (who, json_object_get_string_member (applicant, "uscc"),
                                      json_object_get_string_member (applicant, "legal_representative"),
                                      json_object_get_string_member (applicant, "address"), NULL);
        }

      material->spec.style = kind->style;
      material->spec.n_pages = force_pages > 0 ? force_pages
                                               : (guint)g_rand_int_range (seed->rand, kind->min_pages,
                                                                          kind->max_pages + 1);
      material->spec.scanned = kind->scanned;
    }

  /* The hospital's licence is one document for all of its applicants. */
  if (g_str_equal (code, "employer-licence"))
    shared = json_object_get_string_member (json_node_get_object (dc->form), "employer");

  if (shared != NULL)
    {
      g_strfreev (material->labels);
      g_strfreev (material->values);
      material->labels = strv_of ("单位名称", "许可证号", NULL);
      material->values = strv_of (shared, json_object_get_string_member (json_node_get_object (dc->form),
                                                                         "employer_licence_no"), NULL);
      g_free (material->issuer);
      material->issuer = g_strdup (kind->issuer);
      seed_key = g_strconcat ("shared:", shared, code, NULL);
    }
  else
    seed_key = g_strconcat (dc->id, ":", material->id, NULL);

  material->spec.title = material->title;
  material->spec.issuer = material->issuer;
  material->spec.labels = (const char * const *)material->labels;
  material->spec.values = (const char * const *)material->values;
  material->spec.seed = g_str_hash (seed_key);
  material->name = g_strdup_printf ("%s.%s", item_name, material->jpeg ? "jpg" : "pdf");

  g_ptr_array_add (dc->materials, material);
}

static char *
document_key (const DemoMaterial *material)
{
  g_autofree char *labels = g_strjoinv ("\x1f", material->labels);
  g_autofree char *values = g_strjoinv ("\x1f", material->values);

  return g_strdup_printf ("%d\x1e%d\x1e%s\x1e%s\x1e%s\x1e%s\x1e%u\x1e%d\x1e%u",
                          material->jpeg, material->spec.style, material->title,
                          material->issuer ? material->issuer : "", labels, values,
                          material->spec.n_pages, material->spec.scanned, material->spec.seed);
}

/* Rendering --------------------------------------------------------------- */

/* Rendering a thousand documents is most of the seed's work; with
 * --demo-cache it happens once per machine rather than once per seed. A
 * document's bytes depend only on its description, so the cache is keyed
 * by a hash of that.
 *
 * The documents are rendered one at a time, in one worker: with two,
 * cairo 1.16 (Debian 12's) deadlocks now and then, one thread finishing a
 * PDF surface (cairo_scaled_font_destroy() under the font map's lock,
 * waiting for a scaled font's) while the other measures text with
 * Pango (holding that scaled font's lock, waiting for the font map's).
 * Seen as a seed that never ended, 1 in ~12 cold seeds run side by side. */

typedef struct
{
  Seed         *seed;
  const char   *cache_dir;
  GMutex        mutex;
  GError       *error;
} RenderBatch;

typedef struct
{
  RenderBatch  *batch;
  DemoMaterial *material;
  RenderedBlob *blob;
  char         *key_hash;
} RenderJob;

static char *
blob_path (const char *dir,
           const char *sha256)
{
  return g_build_filename (dir, (char[]){ sha256[0], sha256[1], '\0' }, sha256, NULL);
}

static gboolean
ensure_parent (const char  *path,
               GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "creating %s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* Puts a copy of @source at @target: a hard link where possible. */
static gboolean
link_or_copy (const char  *source,
              const char  *target,
              GError     **error)
{
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = NULL;

  if (g_file_test (target, G_FILE_TEST_EXISTS))
    return TRUE;
  if (!ensure_parent (target, error))
    return FALSE;
  if (link (source, target) == 0 || errno == EEXIST)
    return TRUE;

  from = g_file_new_for_path (source);
  to = g_file_new_for_path (target);
  return g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error);
}

static gboolean
store_bytes (const char  *path,
             GBytes      *bytes,
             GError     **error)
{
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  return ensure_parent (path, error) &&
         g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

static gboolean
render_job_run (RenderJob  *job,
                GError    **error)
{
  DemoMaterial *material = job->material;
  RenderBatch *batch = job->batch;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *target = NULL;

  if (material->jpeg)
    bytes = csc_demo_document_render_jpeg (&material->spec, error);
  else
    bytes = csc_demo_document_render_pdf (&material->spec, error);
  if (bytes == NULL)
    {
      g_prefix_error (error, "rendering the demo material “%s”: ", material->title);
      return FALSE;
    }

  job->blob->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  job->blob->size = g_bytes_get_size (bytes);
  job->blob->pages = material->jpeg ? 0 : (int)material->spec.n_pages;

  target = blob_path (batch->seed->blob_dir, job->blob->sha256);
  if (!store_bytes (target, bytes, error))
    return FALSE;

  if (batch->cache_dir != NULL)
    {
      g_autofree char *cache_blobs = g_build_filename (batch->cache_dir, "blobs", NULL);
      g_autofree char *cached = blob_path (cache_blobs, job->blob->sha256);
      g_autofree char *index = g_build_filename (batch->cache_dir, "index", job->key_hash, NULL);
      g_autofree char *entry = g_strdup_printf ("%s %" G_GINT64_FORMAT " %d\n", job->blob->sha256,
                                                job->blob->size, job->blob->pages);
      g_autoptr(GBytes) entry_bytes = g_bytes_new (entry, strlen (entry));

      /* The blob before the index entry that names it. */
      if (!link_or_copy (target, cached, error) ||
          !store_bytes (index, entry_bytes, error))
        return FALSE;
    }

  return TRUE;
}

static void
render_job_func (gpointer data,
                 gpointer user_data)
{
  RenderJob *job = data;
  RenderBatch *batch = job->batch;
  g_autoptr(GError) error = NULL;

  g_mutex_lock (&batch->mutex);
  if (batch->error != NULL)
    {
      g_mutex_unlock (&batch->mutex);
      return;
    }
  g_mutex_unlock (&batch->mutex);

  if (!render_job_run (job, &error))
    {
      g_mutex_lock (&batch->mutex);
      if (batch->error == NULL)
        batch->error = g_steal_pointer (&error);
      g_mutex_unlock (&batch->mutex);
    }
}

static void
render_job_free (RenderJob *job)
{
  g_free (job->key_hash);
  g_free (job);
}

/* Looks a document up in the cache; on a hit its blob is linked into the
 * database's blob folder. */
static gboolean
from_cache (Seed          *seed,
            const char    *cache_dir,
            const char    *key_hash,
            RenderedBlob  *blob)
{
  g_autofree char *index = g_build_filename (cache_dir, "index", key_hash, NULL);
  g_autofree char *entry = NULL;
  g_autofree char *cache_blobs = NULL;
  g_autofree char *cached = NULL;
  g_autofree char *target = NULL;
  g_auto(GStrv) fields = NULL;

  if (!g_file_get_contents (index, &entry, NULL, NULL))
    return FALSE;

  fields = g_strsplit (g_strstrip (entry), " ", 3);
  if (g_strv_length (fields) != 3 || strlen (fields[0]) != 64)
    return FALSE;

  cache_blobs = g_build_filename (cache_dir, "blobs", NULL);
  cached = blob_path (cache_blobs, fields[0]);
  target = blob_path (seed->blob_dir, fields[0]);
  if (!g_file_test (cached, G_FILE_TEST_IS_REGULAR) || !link_or_copy (cached, target, NULL))
    return FALSE;

  blob->sha256 = g_strdup (fields[0]);
  blob->size = g_ascii_strtoll (fields[1], NULL, 10);
  blob->pages = (int)g_ascii_strtoll (fields[2], NULL, 10);
  return TRUE;
}

static gboolean
render_all (Seed        *seed,
            const char  *cache_dir,
            GError     **error)
{
  RenderBatch batch = { .seed = seed, .cache_dir = cache_dir };
  g_autoptr(GPtrArray) jobs = g_ptr_array_new_with_free_func ((GDestroyNotify)render_job_free);
  GThreadPool *pool;

  g_mutex_init (&batch.mutex);

  for (guint i = 0; i < seed->cases->len; i++)
    {
      DemoCase *dc = g_ptr_array_index (seed->cases, i);

      for (guint j = 0; j < dc->materials->len; j++)
        {
          DemoMaterial *material = g_ptr_array_index (dc->materials, j);
          g_autofree char *key = document_key (material);
          RenderJob *job;
          RenderedBlob *blob;

          if (g_hash_table_contains (seed->rendered, key))
            continue;

          blob = g_new0 (RenderedBlob, 1);
          g_hash_table_insert (seed->rendered, g_strdup (key), blob);

          job = g_new0 (RenderJob, 1);
          job->batch = &batch;
          job->material = material;
          job->blob = blob;
          job->key_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);

          if (cache_dir != NULL && from_cache (seed, cache_dir, job->key_hash, blob))
            {
              render_job_free (job);
              seed->n_cached++;
              continue;
            }

          g_ptr_array_add (jobs, job);
        }
    }

  pool = g_thread_pool_new (render_job_func, NULL, 1, TRUE, error);
  if (pool == NULL)
    return FALSE;

  for (guint i = 0; i < jobs->len; i++)
    g_thread_pool_push (pool, g_ptr_array_index (jobs, i), NULL);
  g_thread_pool_free (pool, FALSE, TRUE);

  g_mutex_clear (&batch.mutex);
  if (batch.error != NULL)
    {
      g_propagate_error (error, batch.error);
      return FALSE;
    }

  return TRUE;
}

/* Cases and their histories ---------------------------------------------------- */

static void
add_audit (Seed       *seed,
           const char *at,
           const char *case_id,
           const char *actor,
           const char *department,
           const char *action,
           const char *reason,
           char       *detail)
{
  PendingAudit *entry = g_new0 (PendingAudit, 1);

  entry->at = g_strdup (at);
  entry->case_id = g_strdup (case_id);
  entry->actor = g_strdup (actor);
  entry->department = g_strdup (department);
  entry->action = g_strdup (action);
  entry->reason = g_strdup (reason);
  entry->detail = detail;
  entry->order = seed->audit->len;
  g_ptr_array_add (seed->audit, entry);
}

static void
note_activity (DemoCase   *dc,
               const char *at)
{
  if (dc->last_activity == NULL || g_strcmp0 (at, dc->last_activity) > 0)
    {
      g_free (dc->last_activity);
      dc->last_activity = g_strdup (at);
    }
}

static JsonObject *
matter (Seed       *seed,
        const char *code)
{
  return g_hash_table_lookup (seed->matters, code);
}

static gint64
user_id (Seed       *seed,
         const char *department,
         const char *role)
{
  g_autofree char *username = g_strdup_printf ("%s-%s", department, role);

  return GPOINTER_TO_SIZE (g_hash_table_lookup (seed->users, username));
}

/* The materials of @matter_code with problems found by review: a problem
 * item is either missing or unclear, and every problem is named at once. */
static char *
review_checklist (Seed        *seed,
                  DemoCase    *dc,
                  const char  *matter_code,
                  GHashTable  *problems)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  JsonArray *items = json_object_get_array_member (matter (seed, matter_code), "checklist");

  json_builder_begin_array (b);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      const char *code = json_object_get_string_member (item, "code");
      const char *reason = problems != NULL ? g_hash_table_lookup (problems, code) : NULL;
      const DemoMaterial *found = NULL;

      for (guint j = 0; j < dc->materials->len; j++)
        {
          const DemoMaterial *m = g_ptr_array_index (dc->materials, j);

          if (g_str_equal (m->matter_code, matter_code) && g_str_equal (m->item, code))
            found = m;
        }

      if (found == NULL && reason == NULL)
        continue;

      json_builder_begin_object (b);
      csc_builder_add_string (b, "item", code);
      csc_builder_add_string (b, "verdict", reason != NULL ? "problem" : "verified");
      if (reason != NULL)
        csc_builder_add_string (b, "reason", reason);
      if (found != NULL)
        csc_builder_add_string (b, "material", found->id);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  root = json_builder_get_root (b);
  return csc_json_to_string (root);
}

static void
set_review (Seed        *seed,
            DemoCase    *dc,
            DemoPart    *part,
            const GDate *day,
            gboolean     final,
            const char  *outcome,
            GHashTable  *problems)
{
  const char *matter_name = json_object_get_string_member (matter (seed, part->matter_code), "name");
  const char *who = applicant_member (dc, "name");
  g_autofree char *at = random_timestamp_on (seed, day);
  g_autofree char *actor = NULL;

  part->has_review = TRUE;
  part->review_final = final;
  part->review_outcome = outcome;
  part->review_author = part->assignee_id;
  part->review_at = g_strdup (at);
  part->review_checklist = review_checklist (seed, dc, part->matter_code, problems);

  if (g_str_equal (outcome, "supplement"))
    {
      g_autoptr(GString) text = g_string_new ("申请材料不齐全或不符合法定形式，需一次性告知申请人补正：");
      GHashTableIter iter;
      gpointer code, reason;
      guint n = 0;

      g_hash_table_iter_init (&iter, problems);
      while (g_hash_table_iter_next (&iter, &code, &reason))
        g_string_append_printf (text, "%s%s（%s）", n++ > 0 ? "；" : "", (char *)code, (char *)reason);
      g_string_append (text, "。");
      part->review_opinion = g_string_free (g_steal_pointer (&text), FALSE);
    }
  else if (g_str_equal (outcome, "deny"))
    part->review_opinion = g_strdup_printf ("经审查及现场核查，%s申请%s不符合法定条件，拟不予许可，"
                                            "并告知申请人依法享有申请行政复议或者提起行政诉讼的权利。",
                                            who, matter_name);
  else
    part->review_opinion = g_strdup_printf ("经审查，%s申请%s的材料齐全，符合法定形式，"
                                            "符合法定条件，拟准予许可。", who, matter_name);

  actor = g_strdup_printf ("%s-%s", part->department,
                           part->assignee_id == user_id (seed, part->department, "chief")
                             ? "chief" : "approver");
  add_audit (seed, at, dc->id, actor,
             part->department, final ? "review.submitted" : "review.saved", NULL,
             g_strdup_printf ("{\"proposed_outcome\":\"%s\",\"final\":%s}", outcome,
                              final ? "true" : "false"));
  note_activity (dc, at);
}

static const char *suspension_kinds[][2] = {
  { "expert_review", "组织专家评审" },
  { "testing", "委托检验检测" },
  { "inspection", "现场核查" },
  { "hearing", "依申请举行听证" },
};

static void
apply_scenario (Seed       *seed,
                DemoCase   *dc,
                DemoPart   *part,
                Scenario    scenario,
                GHashTable *problems)
{
  JsonObject *m = matter (seed, part->matter_code);
  int promised = json_object_get_int_member (m, "promised_limit");
  int elapsed = cs_calendar_count_working_days (seed->calendar, &dc->accepted, &seed->today);
  g_autofree char *chief = g_strdup_printf ("%s-chief", part->department);
  g_autofree char *approver = g_strdup_printf ("%s-approver", part->department);
  g_autofree char *at = NULL;
  GDate claim_day;
  GDate review_day;

  part->state = "forwarded";
  if (elapsed < 1 || scenario == SCENARIO_FORWARDED)
    return;

  /* Claimed the working day after acceptance, mostly by the approver. */
  claim_day = working_days_after (seed, &dc->accepted, 1);
  part->assignee_id = chance (seed, 0.85) ? user_id (seed, part->department, "approver")
                                          : user_id (seed, part->department, "chief");
  part->state = "claimed";
  at = random_timestamp_on (seed, &claim_day);
  add_audit (seed, at, dc->id, part->assignee_id == user_id (seed, part->department, "chief")
                                 ? chief : approver,
             part->department, "case.claimed", NULL,
             g_strdup ("{\"from\":\"forwarded\",\"to\":\"claimed\"}"));
  note_activity (dc, at);
  g_clear_pointer (&at, g_free);

  if (scenario == SCENARIO_CLAIMED || elapsed < 2)
    return;

  review_day = working_days_after (seed, &dc->accepted, MIN (elapsed, 2 + g_rand_int_range (seed->rand, 0, 3)));

  switch (scenario)
    {
    case SCENARIO_UNDER_REVIEW:
    case SCENARIO_OVERDUE:
      set_review (seed, dc, part, &review_day, FALSE, "grant", NULL);
      part->state = "under_review";
      break;

    case SCENARIO_REVIEWED:
      set_review (seed, dc, part, &review_day, TRUE,
                  problems != NULL && g_hash_table_size (problems) > 0 ? "supplement" : "grant",
                  problems);
      part->state = "reviewed";
      break;

    case SCENARIO_DECIDED:
    case SCENARIO_SUPPLEMENT:
      {
        gboolean supplement = scenario == SCENARIO_SUPPLEMENT;
        const char *outcome;
        int k;
        GDate decided;

        if (supplement)
          outcome = "supplement";
        else if (chance (seed, 0.85))
          outcome = "grant";
        else
          outcome = chance (seed, 0.6) ? "deny" : "not_accepted";

        set_review (seed, dc, part, &review_day, TRUE,
                    g_str_equal (outcome, "not_accepted") ? "not_accepted" : outcome,
                    supplement ? problems : NULL);

        /* Most decisions keep the promised limit; a few run late. Supplement
         * notices go out within five working days (Art. 32). */
        if (supplement)
          k = MIN (elapsed, 3 + g_rand_int_range (seed->rand, 0, 3));
        else
          k = MIN (elapsed, chance (seed, 0.85) ? g_rand_int_range (seed->rand, 2, MAX (3, promised + 1))
                                                : promised + g_rand_int_range (seed->rand, 1, 6));
        k = MAX (k, cs_calendar_count_working_days (seed->calendar, &dc->accepted, &review_day));
        decided = working_days_after (seed, &dc->accepted, k);

        at = timestamp_on (&decided, 7 * 60 + g_rand_int_range (seed->rand, 0, 60));
        add_audit (seed, at, dc->id, chief, part->department, "decision.recorded", NULL,
                   g_strdup_printf ("{\"outcome\":\"%s\"}", outcome));
        note_activity (dc, at);

        if (supplement)
          {
            part->state = "supplement_requested";
            part->supplement_on = date_text (&decided);
          }
        else
          {
            part->state = "decided";
            part->outcome = outcome;
            part->decided_on = date_text (&decided);
          }
      }
      break;

    case SCENARIO_SUSPENDED:
      {
        int kind = g_rand_int_range (seed->rand, 0, G_N_ELEMENTS (suspension_kinds));
        g_autofree char *from = date_text (&review_day);

        set_review (seed, dc, part, &review_day, FALSE, "grant", NULL);
        part->state = "suspended";
        part->suspensions = g_strdup_printf ("[{\"kind\":\"%s\",\"reason\":\"%s\","
                                             "\"from\":\"%s\",\"to\":null}]",
                                             suspension_kinds[kind][0],
                                             suspension_kinds[kind][1], from);
        at = timestamp_on (&review_day, 7 * 60 + 30);
        add_audit (seed, at, dc->id, chief, part->department, "case.suspended",
                   suspension_kinds[kind][1],
                   g_strdup_printf ("{\"kind\":\"%s\",\"from\":\"%s\"}",
                                    suspension_kinds[kind][0], from));
        note_activity (dc, at);
      }
      break;

    case SCENARIO_EXTENDED:
      {
        int statutory = json_object_get_int_member (m, "statutory_limit");
        GDate extended_on = working_days_after (seed, &dc->accepted,
                                                MIN (elapsed, MAX (3, statutory - 2)));

        set_review (seed, dc, part, &review_day, FALSE, "grant", NULL);
        part->state = "extended";
        part->extension_days = 10;
        at = timestamp_on (&extended_on, 7 * 60 + 10);
        add_audit (seed, at, dc->id, chief, part->department, "case.extended",
                   "案情复杂，需组织现场核查，经首席代表批准延长十个工作日",
                   g_strdup ("{\"days\":10}"));
        note_activity (dc, at);
      }
      break;

    case SCENARIO_FORWARDED:
    case SCENARIO_CLAIMED:
    default:
      break;
    }
}

static DemoPart *
new_part (const char *department,
          const char *matter_code,
          const char *role)
{
  DemoPart *part = g_new0 (DemoPart, 1);

  part->department = g_strdup (department);
  part->matter_code = g_strdup (matter_code);
  part->role = role;
  part->state = "forwarded";
  return part;
}

/* Picks the checklist items of @matter_code to be problems (for supplement
 * scenarios) and adds the materials that were handed in. */
static void
add_matter_materials (Seed        *seed,
                      DemoCase    *dc,
                      const char  *matter_code,
                      GHashTable  *problems,
                      guint        process_pages)
{
  JsonArray *items = json_object_get_array_member (matter (seed, matter_code), "checklist");

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      const char *code = json_object_get_string_member (item, "code");
      gboolean required = g_str_equal (json_object_get_string_member (item, "requirement"), "required");

      if (problems != NULL && g_hash_table_contains (problems, code) &&
          g_str_has_prefix (g_hash_table_lookup (problems, code), "未提交"))
        continue;

      if (!required && !chance (seed, 0.5))
        continue;

      add_material (seed, dc, matter_code, item,
                    g_str_equal (code, "process-file") ? process_pages : 0);
    }
}

static GHashTable *
pick_problems (Seed       *seed,
               const char *matter_code)
{
  static const char *reasons[] = {
    "未提交该材料",
    "复印件不清晰，无法辨认，请提供清晰复印件",
    "材料已过有效期，请提供有效期内的材料",
    "材料未加盖申请单位公章",
  };
  GHashTable *problems = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *items = json_object_get_array_member (matter (seed, matter_code), "checklist");
  guint n = g_rand_int_range (seed->rand, 1, 3);

  for (guint tries = 0; g_hash_table_size (problems) < n && tries < 20; tries++)
    {
      JsonObject *item = json_array_get_object_element (items,
                                                        g_rand_int_range (seed->rand, 1,
                                                                          json_array_get_length (items)));

      if (g_str_equal (json_object_get_string_member (item, "requirement"), "required"))
        g_hash_table_insert (problems, (gpointer)json_object_get_string_member (item, "code"),
                             (gpointer)reasons[g_rand_int_range (seed->rand, 0, G_N_ELEMENTS (reasons))]);
    }

  return problems;
}

static int
accepted_days_for (Seed     *seed,
                   Scenario  scenario,
                   int       statutory)
{
  switch (scenario)
    {
    case SCENARIO_FORWARDED:
      return g_rand_int_range (seed->rand, 0, 5);
    case SCENARIO_CLAIMED:
    case SCENARIO_UNDER_REVIEW:
    case SCENARIO_REVIEWED:
      return g_rand_int_range (seed->rand, 2, 14);
    case SCENARIO_DECIDED:
      return g_rand_int_range (seed->rand, 4, 45);
    case SCENARIO_SUPPLEMENT:
      return g_rand_int_range (seed->rand, 5, 15);
    case SCENARIO_SUSPENDED:
      return g_rand_int_range (seed->rand, 4, 20);
    case SCENARIO_EXTENDED:
      return statutory - g_rand_int_range (seed->rand, 0, 3);
    case SCENARIO_OVERDUE:
      return statutory + g_rand_int_range (seed->rand, 1, 7);
    default:
      return 0;
    }
}

#define N_SCENARIOS (SCENARIO_OVERDUE + 1)

static Scenario
pick_scenario (Seed *seed)
{
  static const struct { Scenario scenario; int weight; } weights[] = {
    { SCENARIO_FORWARDED, 22 },
    { SCENARIO_CLAIMED, 11 },
    { SCENARIO_UNDER_REVIEW, 11 },
    { SCENARIO_REVIEWED, 13 },
    { SCENARIO_DECIDED, 22 },
    { SCENARIO_SUPPLEMENT, 7 },
    { SCENARIO_SUSPENDED, 5 },
    { SCENARIO_EXTENDED, 4 },
    { SCENARIO_OVERDUE, 5 },
  };
  int total = 0;
  int pick;

  for (guint i = 0; i < G_N_ELEMENTS (weights); i++)
    total += weights[i].weight;

  pick = g_rand_int_range (seed->rand, 0, total);
  for (guint i = 0; i < G_N_ELEMENTS (weights); i++)
    {
      if (pick < weights[i].weight)
        return weights[i].scenario;
      pick -= weights[i].weight;
    }

  return SCENARIO_FORWARDED;
}

/* The first cases of a matter take every scenario in turn, so that each
 * department has a case in every state; the rest are drawn by weight. */
static Scenario
scenario_for (Seed *seed,
              guint index)
{
  return index < N_SCENARIOS ? (Scenario)index : pick_scenario (seed);
}

static DemoCase *
new_case (Seed        *seed,
          const char  *matter_code,
          JsonNode    *applicant,
          int          accepted_days_ago)
{
  DemoCase *dc = g_new0 (DemoCase, 1);
  JsonObject *m = matter (seed, matter_code);
  g_autofree char *day = NULL;

  seed->n_cases++;
  dc->id = g_strdup_printf ("%08x%04x", g_rand_int (seed->rand), seed->n_cases);
  dc->matter_code = g_strdup (matter_code);
  dc->lead_department = g_strdup (json_object_get_string_member (m, "department"));
  dc->applicant = applicant;
  dc->accepted = working_days_before_today (seed, MAX (0, accepted_days_ago));
  dc->received_at = random_timestamp_on (seed, &dc->accepted);
  dc->site = pick_string (seed, "sites");
  dc->route = g_str_has_suffix (dc->site, "（网上申办）") ? "online" : "window";
  dc->priority = chance (seed, 0.1) ? "urgent" : "normal";
  dc->green_channel = !json_object_get_boolean_member (m, "instant") && chance (seed, 0.1);
  dc->parts = g_ptr_array_new_with_free_func ((GDestroyNotify)demo_part_free);
  dc->materials = g_ptr_array_new_with_free_func ((GDestroyNotify)demo_material_free);

  day = g_strdup_printf ("%04u%02u%02u", g_date_get_year (&dc->accepted),
                         g_date_get_month (&dc->accepted), g_date_get_day (&dc->accepted));
  dc->number = g_strdup_printf ("LW%s%04u", day, seed->n_cases);

  add_audit (seed, dc->received_at, dc->id, "front-desk", NULL, "case.forwarded", NULL,
             g_strdup_printf ("{\"site\":\"%s\",\"number\":\"%s\"}", dc->site, dc->number));
  note_activity (dc, dc->received_at);

  return dc;
}

/* A case of a single department's matter. */
static void
make_simple_case (Seed       *seed,
                  const char *matter_code,
                  JsonNode   *applicant,
                  JsonObject *employer,
                  Scenario    scenario,
                  int         accepted_days_ago)
{
  JsonObject *m = matter (seed, matter_code);
  const char *department = json_object_get_string_member (m, "department");
  g_autoptr(GHashTable) problems = NULL;
  DemoCase *dc;
  DemoPart *part;

  if (accepted_days_ago < 0)
    accepted_days_ago = accepted_days_for (seed, scenario,
                                           json_object_get_int_member (m, "statutory_limit"));

  dc = new_case (seed, matter_code, applicant, accepted_days_ago);
  dc->form = make_form (seed, matter_code, dc, employer);

  if (scenario == SCENARIO_SUPPLEMENT || (scenario == SCENARIO_REVIEWED && chance (seed, 0.15)))
    problems = pick_problems (seed, matter_code);

  add_matter_materials (seed, dc, matter_code, problems, 0);

  part = new_part (department, matter_code, "lead");
  g_ptr_array_add (dc->parts, part);
  apply_scenario (seed, dc, part, scenario, problems);
  g_ptr_array_add (seed->cases, dc);
}

/* An instant matter is decided on the spot, the day it is accepted. */
static void
make_instant_case (Seed       *seed,
                   const char *matter_code,
                   gboolean    today)
{
  JsonObject *m = matter (seed, matter_code);
  const char *department = json_object_get_string_member (m, "department");
  g_autofree char *chief = g_strdup_printf ("%s-approver", department);
  g_autofree char *decided_at = NULL;
  DemoCase *dc;
  DemoPart *part;
  GDate review_day;

  dc = new_case (seed, matter_code, make_person (seed, NULL),
                 today ? 0 : g_rand_int_range (seed->rand, 1, 30));
  dc->form = make_form (seed, matter_code, dc, NULL);
  add_matter_materials (seed, dc, matter_code, NULL, 0);

  part = new_part (department, matter_code, "lead");
  g_ptr_array_add (dc->parts, part);

  if (today)
    {
      g_ptr_array_add (seed->cases, dc);
      return;
    }

  review_day = dc->accepted;
  part->assignee_id = user_id (seed, department, "approver");
  set_review (seed, dc, part, &review_day, TRUE, "grant", NULL);
  part->state = "decided";
  part->outcome = "grant";
  part->decided_on = date_text (&dc->accepted);
  decided_at = timestamp_on (&dc->accepted, 8 * 60 + 20);
  add_audit (seed, decided_at, dc->id, chief, department, "decision.recorded", "即办件当场办结",
             g_strdup ("{\"outcome\":\"grant\"}"));
  note_activity (dc, decided_at);
  g_ptr_array_add (seed->cases, dc);
}

/* A production licence led by market regulation, with fire safety and
 * public security deciding their own parts in parallel. */
static void
make_parallel_case (Seed     *seed,
                    Scenario  lead_scenario,
                    guint     process_pages)
{
  const char *lead_matter = "market.industrial-product";
  JsonObject *m = matter (seed, lead_matter);
  JsonArray *co = json_object_get_array_member (m, "co_matters");
  g_autofree char *name = make_company_name (seed, "factory_kinds");
  g_autoptr(GHashTable) problems = NULL;
  DemoCase *dc;
  DemoPart *lead;

  dc = new_case (seed, lead_matter, make_organisation (seed, name, NULL),
                 accepted_days_for (seed, lead_scenario, json_object_get_int_member (m, "statutory_limit")));
  dc->form = make_form (seed, lead_matter, dc, NULL);

  if (lead_scenario == SCENARIO_SUPPLEMENT)
    problems = pick_problems (seed, lead_matter);

  add_matter_materials (seed, dc, lead_matter, problems, process_pages);
  for (guint i = 0; i < json_array_get_length (co); i++)
    add_matter_materials (seed, dc, json_array_get_string_element (co, i), NULL, 0);

  lead = new_part ("market", lead_matter, "lead");
  g_ptr_array_add (dc->parts, lead);

  for (guint i = 0; i < json_array_get_length (co); i++)
    {
      const char *co_matter = json_array_get_string_element (co, i);
      const char *department = json_object_get_string_member (matter (seed, co_matter), "department");
      static const Scenario co_scenarios[] = {
        SCENARIO_FORWARDED, SCENARIO_CLAIMED, SCENARIO_REVIEWED, SCENARIO_DECIDED, SCENARIO_DECIDED,
      };
      DemoPart *part = new_part (department, co_matter, "co");

      g_ptr_array_add (dc->parts, part);
      apply_scenario (seed, dc, part,
                      co_scenarios[g_rand_int_range (seed->rand, 0, G_N_ELEMENTS (co_scenarios))],
                      NULL);
    }

  /* The lead decides only after every co-department has reported. */
  if (lead_scenario == SCENARIO_DECIDED)
    for (guint i = 1; i < dc->parts->len; i++)
      {
        DemoPart *part = g_ptr_array_index (dc->parts, i);

        if (!g_str_equal (part->state, "decided"))
          {
            lead_scenario = SCENARIO_REVIEWED;
            break;
          }
      }

  apply_scenario (seed, dc, lead, lead_scenario, problems);
  g_ptr_array_add (seed->cases, dc);
}

/* The static centre ---------------------------------------------------------- */

static gboolean
step (CscDatabase   *db,
      sqlite3_stmt  *stmt,
      GError       **error)
{
  gboolean ok = csc_database_step_done (db, stmt, error);

  csc_statement_release (stmt);
  return ok;
}

static gboolean
insert_departments_and_users (Seed        *seed,
                              JsonArray   *departments,
                              CscDemoPki  *pki,
                              const char  *demo_dir,
                              GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) not_before = g_date_time_add_days (now, -1);
  g_autoptr(GDateTime) not_after = g_date_time_add_years (now, 3);

  for (guint i = 0; i < json_array_get_length (departments); i++)
    {
      JsonObject *department = json_array_get_object_element (departments, i);
      JsonArray *users = json_object_get_array_member (department, "users");
      const char *code = json_object_get_string_member (department, "code");
      sqlite3_stmt *stmt;

      stmt = csc_database_prepare (seed->db,
                                   "INSERT INTO departments (code, name, short_name, position)"
                                   " VALUES (?, ?, ?, ?)",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, json_object_get_string_member (department, "name"), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, json_object_get_string_member (department, "short_name"), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, i);
      if (!step (seed->db, stmt, error))
        return FALSE;

      for (guint j = 0; j < json_array_get_length (users); j++)
        {
          JsonObject *user = json_array_get_object_element (users, j);
          JsonArray *roles = json_object_get_array_member (user, "roles");
          const char *username = json_object_get_string_member (user, "username");
          g_autoptr(GStrvBuilder) role_names = g_strv_builder_new ();
          g_auto(GStrv) role_list = NULL;
          g_autofree char *role_text = NULL;
          g_autofree char *cert_pem = NULL;
          g_autoptr(GBytes) pkcs12 = NULL;
          g_autoptr(GBytes) salt = NULL;
          g_autoptr(GBytes) hash = NULL;

          for (guint k = 0; k < json_array_get_length (roles); k++)
            g_strv_builder_add (role_names, json_array_get_string_element (roles, k));
          role_list = g_strv_builder_end (role_names);
          role_text = g_strjoinv (" ", role_list);

          if (!csc_password_hash ("demo", CSC_PASSWORD_ITERATIONS, &salt, &hash, error))
            return FALSE;

          /* Each chief representative signs with a certificate of the demo CA. */
          if (g_strv_contains ((const char * const *)role_list, "chief"))
            {
              if (!csc_demo_pki_issue (pki, json_object_get_string_member (user, "name"),
                                       json_object_get_string_member (department, "name"),
                                       "首席代表", not_before, not_after, "demo",
                                       &cert_pem, &pkcs12, error))
                return FALSE;

              if (demo_dir != NULL)
                {
                  g_autofree char *file = g_strconcat (username, ".p12", NULL);
                  g_autofree char *path = g_build_filename (demo_dir, file, NULL);

                  if (!g_file_set_contents_full (path, g_bytes_get_data (pkcs12, NULL),
                                                 g_bytes_get_size (pkcs12),
                                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
                    return FALSE;
                }
            }

          stmt = csc_database_prepare (seed->db,
                                       "INSERT INTO users (username, name, department, roles,"
                                       " password_salt, password_hash, password_iterations,"
                                       " certificate_pem) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                       error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_text (stmt, 1, username, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 2, json_object_get_string_member (user, "name"), -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 3, code, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 4, role_text, -1, SQLITE_STATIC);
          sqlite3_bind_blob (stmt, 5, g_bytes_get_data (salt, NULL), g_bytes_get_size (salt), SQLITE_STATIC);
          sqlite3_bind_blob (stmt, 6, g_bytes_get_data (hash, NULL), g_bytes_get_size (hash), SQLITE_STATIC);
          sqlite3_bind_int (stmt, 7, CSC_PASSWORD_ITERATIONS);
          sqlite3_bind_text (stmt, 8, cert_pem, -1, SQLITE_STATIC);
          if (!step (seed->db, stmt, error))
            return FALSE;

          g_hash_table_insert (seed->users, g_strdup (username),
                               GSIZE_TO_POINTER (sqlite3_last_insert_rowid (csc_database_get_handle (seed->db))));
        }
    }

  return TRUE;
}

static gboolean
insert_matters (Seed       *seed,
                JsonArray  *matters,
                GError    **error)
{
  for (guint i = 0; i < json_array_get_length (matters); i++)
    {
      JsonObject *m = json_array_get_object_element (matters, i);
      JsonArray *checklist = json_object_get_array_member (m, "checklist");
      const char *code = json_object_get_string_member (m, "code");
      g_autofree char *outcomes = csc_json_to_string (json_object_get_member (m, "outcomes"));
      g_autofree char *co_matters = NULL;
      sqlite3_stmt *stmt;

      if (json_object_has_member (m, "co_matters"))
        co_matters = csc_json_to_string (json_object_get_member (m, "co_matters"));

      stmt = csc_database_prepare (seed->db,
                                   "INSERT INTO matters (code, name, department, statutory_limit,"
                                   " promised_limit, instant, outcomes, legal_basis, co_matters,"
                                   " position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, json_object_get_string_member (m, "name"), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, json_object_get_string_member (m, "department"), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, json_object_get_int_member (m, "statutory_limit"));
      sqlite3_bind_int (stmt, 5, json_object_get_int_member (m, "promised_limit"));
      sqlite3_bind_int (stmt, 6, json_object_get_boolean_member (m, "instant"));
      sqlite3_bind_text (stmt, 7, outcomes, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 8, json_object_get_string_member (m, "legal_basis"), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 9, co_matters != NULL ? co_matters : "[]", -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 10, i);
      if (!step (seed->db, stmt, error))
        return FALSE;

      for (guint j = 0; j < json_array_get_length (checklist); j++)
        {
          JsonObject *item = json_array_get_object_element (checklist, j);

          stmt = csc_database_prepare (seed->db,
                                       "INSERT INTO checklist_items (matter_code, position, code,"
                                       " name, copies, form, requirement, condition)"
                                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                       error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
          sqlite3_bind_int (stmt, 2, j);
          sqlite3_bind_text (stmt, 3, json_object_get_string_member (item, "code"), -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 4, json_object_get_string_member (item, "name"), -1, SQLITE_STATIC);
          sqlite3_bind_int (stmt, 5, json_object_get_int_member (item, "copies"));
          sqlite3_bind_text (stmt, 6, json_object_get_string_member (item, "form"), -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 7, json_object_get_string_member (item, "requirement"), -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 8, json_object_get_string_member_with_default (item, "condition", NULL),
                             -1, SQLITE_STATIC);
          if (!step (seed->db, stmt, error))
            return FALSE;
        }

      g_hash_table_insert (seed->matters, g_strdup (code), m);
    }

  return TRUE;
}

static gboolean
insert_day (Seed        *seed,
            const GDate *date,
            gboolean     workday,
            const char  *name,
            GError     **error)
{
  g_autofree char *text = date_text (date);
  sqlite3_stmt *stmt;

  /* Saturdays and Sundays inside a holiday are listed too: the desk can
   * then say which holiday a skipped day belonged to. */
  stmt = csc_database_prepare (seed->db,
                               "INSERT OR REPLACE INTO calendar_days (date, workday, name)"
                               " VALUES (?, ?, ?)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, workday);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_STATIC);
  if (!step (seed->db, stmt, error))
    return FALSE;

  cs_calendar_set_exception (seed->calendar, date, workday, name);
  return TRUE;
}

static gboolean
insert_calendar_year (Seed     *seed,
                      guint     year,
                      GError  **error)
{
  JsonObject *root = json_node_get_object (seed->calendar_node);
  JsonArray *years = json_object_get_array_member (root, "years");
  g_autofree char *key = g_strdup_printf ("calendar_%u", year);

  for (guint i = 0; i < json_array_get_length (years); i++)
    {
      JsonObject *entry = json_array_get_object_element (years, i);
      JsonArray *holidays;
      JsonArray *workdays;

      if ((guint)json_object_get_int_member (entry, "year") != year)
        continue;

      holidays = json_object_get_array_member (entry, "holidays");
      workdays = json_object_get_array_member (entry, "workdays");

      for (guint j = 0; j < json_array_get_length (holidays); j++)
        {
          JsonObject *holiday = json_array_get_object_element (holidays, j);
          GDate day, last;

          csc_parse_date (json_object_get_string_member (holiday, "from"), &day);
          csc_parse_date (json_object_get_string_member (holiday, "to"), &last);
          for (; g_date_compare (&day, &last) <= 0; g_date_add_days (&day, 1))
            if (!insert_day (seed, &day, FALSE, json_object_get_string_member (holiday, "name"), error))
              return FALSE;
        }

      for (guint j = 0; j < json_array_get_length (workdays); j++)
        {
          JsonObject *workday = json_array_get_object_element (workdays, j);
          GDate day;

          csc_parse_date (json_object_get_string_member (workday, "date"), &day);
          if (!insert_day (seed, &day, TRUE, json_object_get_string_member (workday, "name"), error))
            return FALSE;
        }

      cs_calendar_add_year (seed->calendar, year);
      return csc_database_set_meta (seed->db, key, "published", error);
    }

  /* A year without a published arrangement: its fixed-date holidays only. */
  {
    JsonArray *fixed = json_object_get_array_member (root, "fixed");

    g_message ("No holiday arrangement for %u in the demo data; using fixed-date holidays only", year);
    for (guint j = 0; j < json_array_get_length (fixed); j++)
      {
        JsonObject *holiday = json_array_get_object_element (fixed, j);
        GDate day;

        g_date_clear (&day, 1);
        g_date_set_dmy (&day, json_object_get_int_member (holiday, "day"),
                        json_object_get_int_member (holiday, "month"), year);
        for (gint64 k = 0; k < json_object_get_int_member (holiday, "days"); k++, g_date_add_days (&day, 1))
          if (!insert_day (seed, &day, FALSE, json_object_get_string_member (holiday, "name"), error))
            return FALSE;
      }
  }

  cs_calendar_add_year (seed->calendar, year);
  return csc_database_set_meta (seed->db, key, "published", error);
}

/* The cases -------------------------------------------------------------------- */

static void
generate_cases (Seed *seed)
{
  JsonArray *hospitals = json_object_get_array_member (seed->people, "hospitals");
  JsonObject *batch_hospital = json_array_get_object_element (hospitals, 0);

  /* One hospital's 50 radiation workers, accepted together: most reviewed
   * and waiting for the chief's batch signature. */
  for (guint i = 0; i < 50; i++)
    make_simple_case (seed, "health.radiation-worker", make_person (seed, "440103"), batch_hospital,
                      i < 40 ? SCENARIO_REVIEWED : (i < 46 ? SCENARIO_CLAIMED : SCENARIO_FORWARDED),
                      4);

  for (guint i = 0; i < 16; i++)
    make_simple_case (seed, "health.radiation-worker", make_person (seed, NULL),
                      json_array_get_object_element (hospitals, 1 + i % (json_array_get_length (hospitals) - 1)),
                      scenario_for (seed, i), -1);

  for (guint i = 0; i < 12; i++)
    make_instant_case (seed, "health.marriage-childbearing", i >= 9);

  for (guint i = 0; i < 25; i++)
    {
      JsonNode *applicant;

      if (chance (seed, 0.6))
        applicant = make_person (seed, "440184");
      else
        {
          g_autofree char *name = g_strconcat ("广州市从化区", pick_string (seed, "company_cores"),
                                               "林场", NULL);
          g_autofree char *uscc = make_uscc (seed, "93", !chance (seed, 0.06));

          applicant = make_organisation (seed, name, uscc);
        }
      make_simple_case (seed, "forestry.timber-logging", applicant, NULL, scenario_for (seed, i), -1);
    }

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *name = make_company_name (seed, "restaurant_kinds");

      make_simple_case (seed, "market.food-business", make_organisation (seed, name, NULL), NULL,
                        scenario_for (seed, i), -1);
    }

  /* Parallel approvals; one carries the 300-page process file. */
  for (guint i = 0; i < 12; i++)
    make_parallel_case (seed, i == 0 ? SCENARIO_CLAIMED : scenario_for (seed, i - 1), i == 0 ? 320 : 0);

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *name = make_company_name (seed, "company_kinds");

      make_simple_case (seed, "hrss.social-insurance", make_organisation (seed, name, NULL), NULL,
                        scenario_for (seed, i), -1);
    }

  for (guint i = 0; i < 15; i++)
    {
      JsonObject *venue = pick_object (seed, "venues");
      g_autofree char *name = g_strconcat ("广州", pick_string (seed, "company_cores"),
                                           json_object_get_string_member (venue, "suffix"), NULL);

      make_simple_case (seed, "fire.pre-opening", make_organisation (seed, name, NULL), NULL,
                        scenario_for (seed, i), -1);
    }
}

static int
compare_cases (gconstpointer a,
               gconstpointer b)
{
  const DemoCase *x = *(const DemoCase **)a;
  const DemoCase *y = *(const DemoCase **)b;
  int cmp = g_strcmp0 (x->last_activity, y->last_activity);

  return cmp != 0 ? cmp : g_strcmp0 (x->number, y->number);
}

static int
compare_audit (gconstpointer a,
               gconstpointer b)
{
  const PendingAudit *x = *(const PendingAudit **)a;
  const PendingAudit *y = *(const PendingAudit **)b;
  int cmp = g_strcmp0 (x->at, y->at);

  return cmp != 0 ? cmp : (x->order > y->order) - (x->order < y->order);
}

static void
bind_optional_text (sqlite3_stmt *stmt,
                    int           column,
                    const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, column);
}

static gboolean
insert_case (Seed      *seed,
             DemoCase  *dc,
             GError   **error)
{
  g_autofree char *applicant = csc_json_to_string (dc->applicant);
  g_autofree char *form = csc_json_to_string (dc->form);
  g_autofree char *accepted = date_text (&dc->accepted);
  sqlite3_stmt *stmt;

  stmt = csc_database_prepare (seed->db,
                               "INSERT INTO cases (id, number, matter_code, lead_department,"
                               " applicant, form, site, route, priority, green_channel,"
                               " received_at, accepted_on, version, updated_seq, updated_at)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, dc->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, dc->number, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, dc->matter_code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, dc->lead_department, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, applicant, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, form, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, dc->site, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, dc->route, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, dc->priority, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 10, dc->green_channel);
  sqlite3_bind_text (stmt, 11, dc->received_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 12, accepted, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 13, dc->last_activity, -1, SQLITE_STATIC);
  if (!step (seed->db, stmt, error))
    return FALSE;

  for (guint i = 0; i < dc->parts->len; i++)
    {
      DemoPart *part = g_ptr_array_index (dc->parts, i);

      stmt = csc_database_prepare (seed->db,
                                   "INSERT INTO case_parts (case_id, department, matter_code, role,"
                                   " state, assignee_id, extension_days, suspensions,"
                                   " supplement_requested_on, outcome, decided_on, updated_seq,"
                                   " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, dc->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, part->department, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, part->matter_code, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, part->role, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, part->state, -1, SQLITE_STATIC);
      if (part->assignee_id > 0)
        sqlite3_bind_int64 (stmt, 6, part->assignee_id);
      else
        sqlite3_bind_null (stmt, 6);
      sqlite3_bind_int (stmt, 7, part->extension_days);
      sqlite3_bind_text (stmt, 8, part->suspensions != NULL ? part->suspensions : "[]", -1, SQLITE_STATIC);
      bind_optional_text (stmt, 9, part->supplement_on);
      bind_optional_text (stmt, 10, part->outcome);
      bind_optional_text (stmt, 11, part->decided_on);
      sqlite3_bind_text (stmt, 12, dc->last_activity, -1, SQLITE_STATIC);
      if (!step (seed->db, stmt, error))
        return FALSE;

      if (part->has_review)
        {
          stmt = csc_database_prepare (seed->db,
                                       "INSERT INTO reviews (case_id, department, author_id, opinion,"
                                       " proposed_outcome, final, checklist, created_at)"
                                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                       error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_text (stmt, 1, dc->id, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 2, part->department, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 3, part->review_author);
          sqlite3_bind_text (stmt, 4, part->review_opinion, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 5, part->review_outcome, -1, SQLITE_STATIC);
          sqlite3_bind_int (stmt, 6, part->review_final);
          sqlite3_bind_text (stmt, 7, part->review_checklist, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 8, part->review_at, -1, SQLITE_STATIC);
          if (!step (seed->db, stmt, error))
            return FALSE;
        }
    }

  for (guint i = 0; i < dc->materials->len; i++)
    {
      DemoMaterial *material = g_ptr_array_index (dc->materials, i);
      g_autofree char *key = document_key (material);
      RenderedBlob *blob = g_hash_table_lookup (seed->rendered, key);

      g_assert (blob != NULL && blob->sha256 != NULL);

      stmt = csc_database_prepare (seed->db,
                                   "INSERT INTO materials (id, case_id, position, matter_code,"
                                   " checklist_item, name, media_type, size, sha256, pages,"
                                   " received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, material->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, dc->id, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, i);
      sqlite3_bind_text (stmt, 4, material->matter_code, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, material->item, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, material->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, material->jpeg ? "image/jpeg" : "application/pdf", -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 8, blob->size);
      sqlite3_bind_text (stmt, 9, blob->sha256, -1, SQLITE_STATIC);
      if (blob->pages > 0)
        sqlite3_bind_int (stmt, 10, blob->pages);
      else
        sqlite3_bind_null (stmt, 10);
      sqlite3_bind_text (stmt, 11, material->received_at, -1, SQLITE_STATIC);
      if (!step (seed->db, stmt, error))
        return FALSE;
      seed->n_materials++;
    }

  return csc_case_store_touch (seed->db, dc->id, "case.created", dc->last_activity, error);
}

static gboolean
database_is_empty (CscDatabase *db)
{
  g_autoptr(CscStatement) stmt = csc_database_prepare (db, "SELECT COUNT(*) FROM departments", NULL);

  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 0;
}

static gboolean
seed_all (Seed        *seed,
          const char  *demo_dir,
          const char  *cache_dir,
          GError     **error)
{
  g_autoptr(CscDemoPki) pki = NULL;
  g_autofree char *ca_pem = NULL;
  g_autofree char *today = date_text (&seed->today);
  JsonObject *catalogue = json_node_get_object (seed->catalogue_node);
  guint year = g_date_get_year (&seed->today);

  pki = csc_demo_pki_new (error);
  if (pki == NULL)
    return FALSE;
  ca_pem = csc_demo_pki_dup_ca_pem (pki);

  if (demo_dir != NULL)
    {
      g_autofree char *path = g_build_filename (demo_dir, "ca.pem", NULL);

      if (g_mkdir_with_parents (demo_dir, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       "creating %s: %s", demo_dir, g_strerror (saved_errno));
          return FALSE;
        }

      if (!g_file_set_contents (path, ca_pem, -1, error))
        return FALSE;

      /* The demo CA's key, so that tests can issue more certificates. */
      {
        g_autofree char *key = csc_demo_pki_dup_ca_key_pem (pki);
        g_autofree char *key_path = g_build_filename (demo_dir, "ca-key.pem", NULL);

        if (key == NULL ||
            !g_file_set_contents_full (key_path, key, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                       error))
          {
            if (key == NULL)
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Demo PKI: writing the CA key");
            return FALSE;
          }
      }

      /* A server certificate for loopback, to serve the demo over HTTPS. */
      {
        g_autofree char *cert = NULL;
        g_autofree char *key = NULL;
        g_autofree char *cert_path = g_build_filename (demo_dir, "server.pem", NULL);
        g_autofree char *key_path = g_build_filename (demo_dir, "server-key.pem", NULL);

        if (!csc_demo_pki_issue_server (pki, &cert, &key, error) ||
            !g_file_set_contents (cert_path, cert, -1, error) ||
            !g_file_set_contents_full (key_path, key, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
          return FALSE;
      }
    }

  if (!csc_database_set_meta (seed->db, "ca_pem", ca_pem, error) ||
      !csc_database_set_meta (seed->db, "centre", json_object_get_string_member (catalogue, "centre"), error) ||
      !csc_database_set_meta (seed->db, "demo_today", today, error) ||
      !insert_departments_and_users (seed, json_object_get_array_member (catalogue, "departments"),
                                     pki, demo_dir, error) ||
      !insert_matters (seed, json_object_get_array_member (catalogue, "matters"), error))
    return FALSE;

  for (guint y = year - 1; y <= year + 1; y++)
    if (!insert_calendar_year (seed, y, error))
      return FALSE;

  generate_cases (seed);
  if (!render_all (seed, cache_dir, error))
    return FALSE;

  /* Insert in the order of the cases' last activity, so that the change
   * sequence, the event feed and the audit chain follow time. */
  g_ptr_array_sort (seed->cases, compare_cases);
  for (guint i = 0; i < seed->cases->len; i++)
    if (!insert_case (seed, g_ptr_array_index (seed->cases, i), error))
      return FALSE;

  g_ptr_array_sort (seed->audit, compare_audit);
  for (guint i = 0; i < seed->audit->len; i++)
    {
      PendingAudit *pending = g_ptr_array_index (seed->audit, i);
      CscAuditEntry entry = {
        .at = pending->at,
        .case_id = pending->case_id,
        .actor = pending->actor,
        .department = pending->department,
        .action = pending->action,
        .reason = pending->reason,
        .detail = pending->detail,
      };

      if (!csc_audit_append (seed->db, &entry, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
csc_demo_seed (CscDatabase  *db,
               const GDate  *today,
               const char   *demo_dir,
               const char   *cache_dir,
               GError      **error)
{
  g_auto(Seed) seed = { 0 };

  g_return_val_if_fail (CSC_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  if (!database_is_empty (db))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   "%s already holds a centre; --seed-demo needs a new database",
                   csc_database_get_path (db));
      return FALSE;
    }

  seed.db = db;
  seed.today = *today;
  seed.rand = g_rand_new_with_seed (DEMO_RANDOM_SEED);
  seed.calendar = cs_calendar_new ();
  seed.matters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  seed.users = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  seed.rendered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify)rendered_blob_free);
  seed.cases = g_ptr_array_new_with_free_func ((GDestroyNotify)demo_case_free);
  seed.audit = g_ptr_array_new_with_free_func ((GDestroyNotify)pending_audit_free);
  seed.blob_dir = csc_database_dup_blob_dir (db);

  seed.catalogue_node = load_resource ("catalogue.json", error);
  if (seed.catalogue_node == NULL)
    return FALSE;
  seed.people_node = load_resource ("people.json", error);
  if (seed.people_node == NULL)
    return FALSE;
  seed.calendar_node = load_resource ("calendar.json", error);
  if (seed.calendar_node == NULL)
    return FALSE;
  seed.people = json_node_get_object (seed.people_node);

  if (!csc_database_begin (db, error))
    return FALSE;

  if (!seed_all (&seed, demo_dir, cache_dir, error) || !csc_database_commit (db, error))
    {
      csc_database_rollback (db);
      g_prefix_error (error, "seeding the demo centre: ");
      return FALSE;
    }

  g_message ("Seeded the demo centre: %u cases, %u materials (%u distinct documents, %u from the "
             "cache), %u audit entries",
             seed.cases->len, seed.n_materials, g_hash_table_size (seed.rendered), seed.n_cached,
             seed.audit->len);
  return TRUE;
}
