/* test-models.c — mapping the v1 JSON onto the models
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <countersign.h>

#include "cs-case-private.h"
#include "cs-json-private.h"
#include "cs-json-reader-private.h"

/* A case summary as countersign-central sends it (a parallel case with a
 * suspension, so that every nested member is present). */
static const char summary_json[] =
  "{\"id\":\"c1\",\"number\":\"LW202611180007\",\"version\":7,\"department\":\"fire\","
  "\"role\":\"co\",\"matter\":{\"code\":\"fire.safety-check\",\"name\":\"消防安全检查\"},"
  "\"instant\":false,\"status\":\"claimed\","
  "\"assignee\":{\"username\":\"fire-approver\",\"name\":\"李明\"},"
  "\"outcome\":null,\"decided_on\":null,"
  "\"clock\":{\"accepted_on\":\"2026-11-18\",\"statutory_limit\":20,\"promised_limit\":10,"
  "\"extension_days\":0,\"suspensions\":[{\"kind\":\"testing\",\"reason\":\"检测\","
  "\"from\":\"2026-11-20\",\"to\":\"2026-11-24\"}],\"supplement_requested_on\":null},"
  "\"applicant\":{\"kind\":\"organisation\",\"name\":\"广州某某有限公司\","
  "\"uscc\":\"91350100M000100Y43\"},"
  "\"received_at\":\"2026-11-18T01:30:00.000Z\",\"accepted_on\":\"2026-11-18\","
  "\"green_channel\":true,\"priority\":\"urgent\",\"updated_at\":\"2026-11-19T02:00:00.000Z\","
  "\"parallel\":{\"lead_department\":\"market\",\"lead_matter\":{\"code\":\"market.x\","
  "\"name\":\"X\"},\"parts\":[{\"department\":\"market\",\"department_name\":\"市场监管局\","
  "\"role\":\"lead\",\"matter_code\":\"market.x\",\"status\":\"forwarded\",\"assignee\":null,"
  "\"outcome\":null,\"decided_on\":null},{\"department\":\"fire\",\"department_name\":\"消防\","
  "\"role\":\"co\",\"matter_code\":\"fire.safety-check\",\"status\":\"claimed\","
  "\"assignee\":{\"username\":\"fire-approver\",\"name\":\"李明\"},\"outcome\":null,"
  "\"decided_on\":null}]}}";

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonNode) node = json_from_string (text, NULL);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

static void
test_case_summary (void)
{
  g_autoptr(JsonObject) object = parse_object (summary_json);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsCase) kase = cs_case_new_from_json (object, &error);
  g_autoptr(CsCasePart) lead = NULL;
  g_autoptr(JsonObject) clock = NULL;
  g_autofree char *number = NULL;
  CsCaseStatus status;
  GListModel *parts;

  g_assert_no_error (error);
  g_assert_nonnull (kase);
  g_assert_cmpstr (cs_case_get_id (kase), ==, "c1");
  g_assert_cmpint (cs_case_get_version (kase), ==, 7);
  g_assert_false (cs_case_get_lead (kase));
  g_assert_cmpstr (cs_case_get_matter_name (kase), ==, "消防安全检查");
  g_assert_cmpint (cs_case_get_status (kase), ==, CS_CASE_STATUS_CLAIMED);
  g_assert_cmpstr (cs_case_get_assignee_name (kase), ==, "李明");
  g_assert_cmpint (cs_case_get_outcome (kase), ==, CS_OUTCOME_NONE);
  g_assert_false (g_date_valid (cs_case_get_decided_on (kase)));
  g_assert_cmpint (cs_case_get_applicant_kind (kase), ==, CS_APPLICANT_ORGANISATION);
  g_assert_cmpstr (cs_case_get_applicant_id_number (kase), ==, "91350100M000100Y43");
  /* 2026-11-18T01:30:00Z */
  g_assert_cmpint (cs_case_get_received_at (kase), ==,
                   G_GINT64_CONSTANT (1794965400) * G_USEC_PER_SEC);
  g_assert_cmpint (g_date_get_day (cs_case_get_accepted_on (kase)), ==, 18);
  g_assert_true (cs_case_get_green_channel (kase));
  g_assert_true (cs_case_get_urgent (kase));
  g_assert_cmpuint (cs_case_get_statutory_limit (kase), ==, 20);
  g_assert_cmpuint (cs_case_get_promised_limit (kase), ==, 10);
  g_assert_cmpuint (json_array_get_length (cs_case_get_suspensions (kase)), ==, 1);
  g_assert_false (cs_case_is_full (kase));
  g_assert_null (cs_case_get_materials (kase));

  clock = cs_case_dup_clock_json (kase);
  {
    g_autoptr(CsLegalClock) legal = cs_case_dup_legal_clock (kase, &error);

    g_assert_no_error (error);
    g_assert_true (cs_legal_clock_get_green_channel (legal));
    g_assert_cmpuint (cs_legal_clock_get_n_suspensions (legal), ==, 1);
    g_assert_cmpuint (cs_legal_clock_get_limit (legal, CS_DEADLINE_PROMISED), ==, 5);
  }
  g_assert_cmpstr (json_object_get_string_member (clock, "accepted_on"), ==, "2026-11-18");
  g_assert_true (json_object_get_null_member (clock, "supplement_requested_on"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (clock, "suspensions")),
                    ==, 1);

  g_assert_true (cs_case_get_parallel (kase));
  parts = cs_case_get_parts (kase);
  g_assert_cmpuint (g_list_model_get_n_items (parts), ==, 2);
  lead = g_list_model_get_item (parts, 0);
  g_assert_true (cs_case_part_get_lead (lead));
  g_assert_cmpstr (cs_case_part_get_department_name (lead), ==, "市场监管局");
  g_assert_null (cs_case_part_get_assignee_name (lead));

  /* Properties, as the inbox's expressions read them. */
  g_object_get (kase, "number", &number, "status", &status, NULL);
  g_assert_cmpstr (number, ==, "LW202611180007");
  g_assert_cmpint (status, ==, CS_CASE_STATUS_CLAIMED);
}

static void
test_case_full (void)
{
  g_autoptr(JsonObject) object = parse_object (summary_json);
  g_autoptr(JsonObject) form = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CsCase) kase = NULL;
  g_autoptr(CsMaterial) material = NULL;
  g_autoptr(CsReview) review = NULL;
  g_autoptr(CsVerdict) verdict = NULL;
  g_autoptr(JsonNode) materials = json_from_string (
    "[{\"id\":\"m1\",\"matter_code\":\"fire.safety-check\",\"checklist_item\":\"licence\","
    "\"name\":\"营业执照\",\"media_type\":\"application/pdf\",\"size\":1234,"
    "\"sha256\":\"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\","
    "\"pages\":2,\"received_at\":\"2026-11-18T01:30:00Z\"}]", NULL);
  g_autoptr(JsonNode) reviews = json_from_string (
    "[{\"id\":5,\"author\":{\"username\":\"fire-approver\",\"name\":\"李明\"},"
    "\"opinion\":\"材料齐全\",\"proposed_outcome\":\"grant\",\"final\":false,"
    "\"checklist\":[{\"item\":\"licence\",\"verdict\":\"problem\",\"reason\":\"模糊\","
    "\"material\":\"m1\",\"page\":2}],\"created_at\":\"2026-11-19T02:00:00Z\"}]", NULL);

  json_object_set_string_member (form, "venue_area", "1200");
  json_object_set_object_member (object, "form", json_object_ref (form));
  json_object_set_string_member (object, "site", "荔湾区政务服务中心");
  json_object_set_string_member (object, "route", "window");
  json_object_set_member (object, "materials", json_node_ref (materials));
  json_object_set_member (object, "reviews", json_node_ref (reviews));

  kase = cs_case_new_from_json (object, &error);
  g_assert_no_error (error);
  g_assert_true (cs_case_is_full (kase));
  g_assert_cmpstr (cs_case_get_site (kase), ==, "荔湾区政务服务中心");
  g_assert_cmpstr (json_object_get_string_member (cs_case_get_form (kase), "venue_area"), ==,
                   "1200");
  g_assert_cmpstr (cs_applicant_get_name (cs_case_get_applicant (kase)), ==,
                   "广州某某有限公司");

  g_assert_cmpuint (g_list_model_get_n_items (cs_case_get_materials (kase)), ==, 1);
  material = g_list_model_get_item (cs_case_get_materials (kase), 0);
  g_assert_cmpstr (cs_material_get_checklist_item (material), ==, "licence");
  g_assert_cmpuint (cs_material_get_size (material), ==, 1234);
  g_assert_cmpuint (cs_material_get_pages (material), ==, 2);

  review = g_list_model_get_item (cs_case_get_reviews (kase), 0);
  g_assert_cmpint (cs_review_get_proposed_outcome (review), ==, CS_OUTCOME_GRANT);
  g_assert_false (cs_review_get_final (review));
  verdict = g_list_model_get_item (cs_review_get_checklist (review), 0);
  g_assert_cmpint (cs_verdict_get_kind (verdict), ==, CS_VERDICT_PROBLEM);
  g_assert_cmpstr (cs_verdict_get_reason (verdict), ==, "模糊");
  g_assert_cmpuint (cs_verdict_get_page (verdict), ==, 2);
}

/* Every member the contract requires, taken away or given the wrong type,
 * must give a CS_ERROR_PROTOCOL naming it, never a crash or a default. */
static void
test_case_malformed (void)
{
  static const char * const members[] = {
    "id", "number", "version", "department", "role", "matter", "instant", "status",
    "assignee", "outcome", "decided_on", "clock", "applicant", "received_at",
    "accepted_on", "green_channel", "priority", "updated_at", "parallel",
  };

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      g_autoptr(JsonObject) missing = parse_object (summary_json);
      g_autoptr(JsonObject) wrong = parse_object (summary_json);
      g_autoptr(GError) error = NULL;
      g_autoptr(CsCase) kase = NULL;
      gboolean nullable = g_str_equal (members[i], "assignee") ||
                          g_str_equal (members[i], "outcome") ||
                          g_str_equal (members[i], "decided_on") ||
                          g_str_equal (members[i], "parallel");

      json_object_remove_member (missing, members[i]);
      kase = cs_case_new_from_json (missing, &error);
      g_assert_null (kase);
      g_assert_error (error, CS_ERROR, CS_ERROR_PROTOCOL);
      g_assert_nonnull (strstr (error->message, members[i]));
      g_clear_error (&error);

      /* A number where text or an object belongs, text where a number or
       * a flag does. */
      if (g_str_equal (members[i], "version") || g_str_equal (members[i], "instant") ||
          g_str_equal (members[i], "green_channel"))
        json_object_set_string_member (wrong, members[i], "7");
      else
        json_object_set_int_member (wrong, members[i], 7);
      kase = cs_case_new_from_json (wrong, &error);
      g_assert_null (kase);
      g_assert_error (error, CS_ERROR, CS_ERROR_PROTOCOL);
      g_assert_nonnull (strstr (error->message, members[i]));
      g_clear_error (&error);

      if (!nullable)
        {
          g_autoptr(JsonObject) null = parse_object (summary_json);

          json_object_set_null_member (null, members[i]);
          kase = cs_case_new_from_json (null, &error);
          g_assert_null (kase);
          g_assert_error (error, CS_ERROR, CS_ERROR_PROTOCOL);
        }
    }
}

static void
test_case_bad_values (void)
{
  static const struct { const char *from; const char *to; } edits[] = {
    { "\"accepted_on\":\"2026-11-18\",\"green", "\"accepted_on\":\"2026-02-30\",\"green" },
    { "\"received_at\":\"2026-11-18T01:30:00.000Z\"", "\"received_at\":\"yesterday\"" },
    { "\"statutory_limit\":20", "\"statutory_limit\":-1" },
    { "\"kind\":\"organisation\"", "\"kind\":\"robot\"" },
    { "\"suspensions\":[{", "\"suspensions\":7,\"x\":[{" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autoptr(GString) text = g_string_new (summary_json);
      g_autoptr(JsonObject) object = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(CsCase) kase = NULL;

      g_assert_cmpuint (g_string_replace (text, edits[i].from, edits[i].to, 1), ==, 1);
      object = parse_object (text->str);
      kase = cs_case_new_from_json (object, &error);
      g_assert_null (kase);
      g_assert_error (error, CS_ERROR, CS_ERROR_PROTOCOL);
    }
}

/* Unknown states and outcomes from a newer server are not fatal. */
static void
test_case_unknown_values (void)
{
  g_autoptr(GString) text = g_string_new (summary_json);
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsCase) kase = NULL;

  g_string_replace (text, "\"status\":\"claimed\",\"assignee\":{\"username\":\"fire-approver\","
                          "\"name\":\"李明\"},\"outcome\":null,\"decided_on\":null,\"clock\"",
                    "\"status\":\"archived\",\"assignee\":{\"username\":\"fire-approver\","
                    "\"name\":\"李明\"},\"outcome\":null,\"decided_on\":null,\"clock\"", 1);
  object = parse_object (text->str);
  kase = cs_case_new_from_json (object, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cs_case_get_status (kase), ==, CS_CASE_STATUS_UNKNOWN);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* A newer version updates the object a view holds, with notifications. */
static void
test_case_update_in_place (void)
{
  g_autoptr(JsonObject) object = parse_object (summary_json);
  g_autoptr(CsCase) kase = cs_case_new_from_json (object, NULL);
  g_autoptr(CsCase) newer = NULL;
  g_autoptr(CsCase) older = NULL;
  guint status_notified = 0;

  json_object_set_int_member (object, "version", 8);
  json_object_set_string_member (object, "status", "under_review");
  newer = cs_case_new_from_json (object, NULL);
  json_object_set_int_member (object, "version", 6);
  json_object_set_string_member (object, "status", "forwarded");
  older = cs_case_new_from_json (object, NULL);

  g_signal_connect (kase, "notify::status", G_CALLBACK (count_notify), &status_notified);
  _cs_case_update_from (kase, newer);
  g_assert_cmpint (cs_case_get_version (kase), ==, 8);
  g_assert_cmpint (cs_case_get_status (kase), ==, CS_CASE_STATUS_UNDER_REVIEW);
  g_assert_cmpuint (status_notified, ==, 1);
  g_assert_cmpstr (cs_case_get_number (kase), ==, "LW202611180007");

  /* An older version never rolls it back. */
  _cs_case_update_from (kase, older);
  g_assert_cmpint (cs_case_get_version (kase), ==, 8);
  g_assert_cmpint (cs_case_get_status (kase), ==, CS_CASE_STATUS_UNDER_REVIEW);
}

static const char matter_json[] =
  "{\"code\":\"health.radiation-worker\",\"name\":\"放射工作人员证核发\","
  "\"department\":\"health\",\"department_name\":\"卫生健康局\",\"statutory_limit\":20,"
  "\"promised_limit\":10,\"instant\":false,\"outcomes\":[\"grant\",\"deny\",\"supplement\"],"
  "\"legal_basis\":\"《放射工作人员职业健康管理办法》\",\"co_matters\":[],"
  "\"checklist\":[{\"code\":\"id-card\",\"name\":\"身份证\",\"copies\":1,\"form\":\"copy\","
  "\"requirement\":\"required\",\"condition\":null},{\"code\":\"training\","
  "\"name\":\"培训证明\",\"copies\":2,\"form\":\"original\",\"requirement\":\"conditional\","
  "\"condition\":\"首次申请\"}]}";

static void
test_matter (void)
{
  g_autoptr(JsonObject) object = parse_object (matter_json);
  g_autoptr(GError) error = NULL;
  g_autoptr(CsMatter) matter = cs_matter_new_from_json (object, &error);
  CsChecklistItem *item;

  g_assert_no_error (error);
  g_assert_cmpuint (cs_matter_get_promised_limit (matter), ==, 10);
  g_assert_true (cs_matter_allows_outcome (matter, CS_OUTCOME_DENY));
  g_assert_false (cs_matter_allows_outcome (matter, CS_OUTCOME_EXTENSION));
  g_assert_cmpuint (g_list_model_get_n_items (cs_matter_get_checklist (matter)), ==, 2);
  item = cs_matter_lookup_checklist_item (matter, "training");
  g_assert_nonnull (item);
  g_assert_false (cs_checklist_item_get_required (item));
  g_assert_cmpint (cs_checklist_item_get_form (item), ==, CS_MATERIAL_FORM_ORIGINAL);
  g_assert_cmpstr (cs_checklist_item_get_condition (item), ==, "首次申请");
  g_assert_null (cs_matter_lookup_checklist_item (matter, "passport"));

  /* A checklist item with a wrong form, and limits that cannot be. */
  {
    g_autoptr(GString) text = g_string_new (matter_json);
    g_autoptr(JsonObject) bad = NULL;
    g_autoptr(CsMatter) none = NULL;

    g_string_replace (text, "\"form\":\"copy\"", "\"form\":\"fax\"", 1);
    bad = parse_object (text->str);
    none = cs_matter_new_from_json (bad, &error);
    g_assert_null (none);
    g_assert_error (error, CS_ERROR, CS_ERROR_PROTOCOL);
    g_clear_error (&error);
  }
  {
    g_autoptr(GString) text = g_string_new (matter_json);
    g_autoptr(JsonObject) bad = NULL;
    g_autoptr(CsMatter) none = NULL;

    g_string_replace (text, "\"promised_limit\":10", "\"promised_limit\":30", 1);
    bad = parse_object (text->str);
    none = cs_matter_new_from_json (bad, &error);
    g_assert_null (none);
    g_assert_error (error, CS_ERROR, CS_ERROR_PROTOCOL);
  }
}

static void
test_user_and_event (void)
{
  g_autoptr(JsonObject) user_object = parse_object (
    "{\"id\":3,\"username\":\"health-chief\",\"name\":\"王建国\",\"department\":\"health\","
    "\"department_name\":\"卫生健康局\",\"roles\":[\"approver\",\"chief\"]}");
  g_autoptr(JsonObject) event_object = parse_object (
    "{\"seq\":42,\"type\":\"case.changed\",\"case_id\":\"c1\",\"at\":\"2026-11-18T01:00:00Z\"}");
  g_autoptr(JsonObject) future_event = parse_object (
    "{\"seq\":43,\"type\":\"case.archived\",\"case_id\":null,\"at\":\"2026-11-18T01:00:00Z\"}");
  g_autoptr(GError) error = NULL;
  g_autoptr(CsUser) user = cs_user_new_from_json (user_object, &error);
  g_autoptr(CsUser) again = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(CsEvent) event = NULL;
  g_autoptr(CsEvent) future = NULL;

  g_assert_no_error (error);
  g_assert_true (cs_user_is_chief (user));
  g_assert_true (cs_user_is_approver (user));
  node = cs_user_to_json (user);
  again = cs_user_new_from_json (json_node_get_object (node), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cs_user_get_name (again), ==, "王建国");
  g_assert_true (cs_user_is_chief (again));

  event = cs_event_new_from_json (event_object, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cs_event_get_seq (event), ==, 42);
  g_assert_cmpint (cs_event_get_kind (event), ==, CS_EVENT_CASE_CHANGED);
  future = cs_event_new_from_json (future_event, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cs_event_get_kind (future), ==, CS_EVENT_UNKNOWN);
  g_assert_null (cs_event_get_case_id (future));

  json_object_set_string_member (event_object, "seq", "42");
  g_clear_object (&event);
  event = cs_event_new_from_json (event_object, &error);
  g_assert_null (event);
  g_assert_error (error, CS_ERROR, CS_ERROR_PROTOCOL);
}

static void
test_verdict_round_trip (void)
{
  g_autoptr(CsVerdict) verdict = cs_verdict_new ("id-card", CS_VERDICT_PROBLEM, "复印件不清晰");
  g_autoptr(CsVerdict) again = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  cs_verdict_set_material (verdict, "m3", 2);
  node = cs_verdict_to_json (verdict);
  again = cs_verdict_new_from_json (json_node_get_object (node), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cs_verdict_get_item (again), ==, "id-card");
  g_assert_cmpint (cs_verdict_get_kind (again), ==, CS_VERDICT_PROBLEM);
  g_assert_cmpstr (cs_verdict_get_reason (again), ==, "复印件不清晰");
  g_assert_cmpstr (cs_verdict_get_material (again), ==, "m3");
  g_assert_cmpuint (cs_verdict_get_page (again), ==, 2);
}

/* The sync's fast reading of times agrees with GDateTime's everywhere. */
static void
test_datetime_parsing (void)
{
  static const char * const good[] = {
    "2026-11-18T01:30:00Z", "2026-11-18T01:30:00.000Z", "2026-11-18T09:30:00.123456+08:00",
    "2024-02-29T23:59:59.9-05:30", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59Z",
    "2026-11-18T01:30:00+00:00", "2100-03-01T12:00:00.5Z",
  };
  static const char * const bad[] = {
    "2026-02-30T01:30:00Z", "2026-11-18T24:00:00Z", "2026-11-18", "2026-11-18T01:30:00",
    "2026-11-18T01:30:00.Z", "tomorrow", "", "2026-11-18T01:30:00+8",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (good[i], NULL);
      gint64 usec = 0;

      g_assert_nonnull (dt);
      g_assert_true (_cs_json_parse_datetime (good[i], &usec));
      g_assert_cmpint (usec, ==, g_date_time_to_unix (dt) * G_USEC_PER_SEC +
                                 g_date_time_get_microsecond (dt));
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      gint64 usec;

      g_assert_false (_cs_json_parse_datetime (bad[i], &usec));
    }
}

static void
test_json_reader (void)
{
  static const char * const good[] = {
    "{}", "[]", "{\"a\":[1,-2,3.5e-1,true,false,null,\"x\\n\\u00e9\\ud83d\\ude00\"]}",
    " { \"a\" : { \"b\" : [ ] } } ",
    /* Long runs (read eight bytes at a time) with what stops them at each
     * place: a quote, an escape, a multi-byte character, DEL. */
    "[\"abcdefghijklmnop\",\"abcdefgh\\\"ijklmnop\",\"abcdefg中文hijklmnop\",\"\x7f\x7f\"]",
    "{\"abcdefghijklmnopq\":\"放射工作人员证核发放射工作人员证核发\",\"\xf0\x9f\x98\x80\":1}",
  };
  static const char * const bad[] = {
    "{", "{\"a\":1,}", "[1,]", "[,1]", "{,}", "{\"a\" 1}", "[01]", "[1.]", "[-]",
    "[\"\\x\"]", "[\"\\ud800\"]", "[\"a\nb\"]", "[tru]", "{\"a\":1}x", "[\"\xff\"]",
    /* Not UTF-8: overlong, a surrogate, above U+10FFFF, cut short, a
     * continuation byte alone; in a long run, in a key, in a skipped
     * value. */
    "[\"\xc0\xaf\"]", "[\"\xed\xa0\x80\"]", "[\"\xf4\x90\x80\x80\"]", "[\"\xe4\xb8\"]",
    "[\"\x80\"]", "[\"abcdefghijklmn\xe4\xb8\"]", "[\"abcdefghij\x01klmnop\"]",
    "{\"abcdefghijk\xff\":1}", "{\"a\":{\"b\":[\"\xed\xbf\xbf\"]}}", "[\"\xe4\xb8\xad\xe4\"]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      CsJsonReader reader;

      _cs_json_reader_init (&reader, good[i], strlen (good[i]));
      g_assert_true (_cs_json_reader_skip (&reader, NULL, NULL));
      g_assert_true (_cs_json_reader_at_end (&reader));
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      CsJsonReader reader;

      _cs_json_reader_init (&reader, bad[i], strlen (bad[i]));
      g_assert_false (_cs_json_reader_skip (&reader, NULL, NULL) &&
                      _cs_json_reader_at_end (&reader));
    }

  /* A string without escapes is read where it is; one with escapes is
   * decoded into the scratch buffer. */
  {
    static const char text[] = "[\"放射 worker\",\"a\\u00e9\\n\\/b\"]";
    g_autoptr(GString) scratch = g_string_new (NULL);
    CsJsonReader reader;
    const char *str;
    gsize length;
    gboolean done;

    _cs_json_reader_init (&reader, text, strlen (text));
    g_assert_true (_cs_json_reader_begin_array (&reader));
    g_assert_true (_cs_json_reader_next_element (&reader, &done) && !done);
    g_assert_true (_cs_json_reader_read_string_span (&reader, scratch, &str, &length));
    g_assert_true (str == text + 2);
    g_assert_cmpmem (str, length, "放射 worker", strlen ("放射 worker"));
    g_assert_true (_cs_json_reader_next_element (&reader, &done) && !done);
    g_assert_true (_cs_json_reader_read_string_span (&reader, scratch, &str, &length));
    g_assert_true (str == scratch->str);
    g_assert_cmpmem (str, length, "a\xc3\xa9\n/b", 6);
    g_assert_true (_cs_json_reader_next_element (&reader, &done) && done);
    g_assert_true (_cs_json_reader_at_end (&reader));
  }
}

static void
test_decision (void)
{
  g_autoptr(JsonObject) object = parse_object (
    "{\"id\":\"d1\",\"case_id\":\"c1\",\"department\":\"health\",\"outcome\":\"deny\","
    "\"decided_on\":\"2026-11-20\",\"document_sha256\":"
    "\"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\","
    "\"signer\":{\"username\":\"health-chief\",\"name\":\"王建国\"},\"signed_bytes\":\"e30=\","
    "\"signature\":\"MA==\",\"payload\":{\"reasons\":\"不符合条件\"},"
    "\"recorded_at\":\"2026-11-20T03:00:00Z\"}");
  g_autoptr(GError) error = NULL;
  g_autoptr(CsDecision) decision = cs_decision_new_from_json (object, &error);

  g_assert_no_error (error);
  g_assert_cmpint (cs_decision_get_outcome (decision), ==, CS_OUTCOME_DENY);
  g_assert_cmpstr (cs_decision_get_signer_name (decision), ==, "王建国");
  g_assert_cmpuint (g_date_get_day (cs_decision_get_decided_on (decision)), ==, 20);
  g_assert_cmpstr (json_object_get_string_member (cs_decision_get_payload (decision),
                                                  "reasons"), ==, "不符合条件");

  json_object_set_string_member (object, "outcome", "maybe");
  g_clear_object (&decision);
  decision = cs_decision_new_from_json (object, &error);
  g_assert_null (decision);
  g_assert_error (error, CS_ERROR, CS_ERROR_PROTOCOL);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/models/case/summary", test_case_summary);
  g_test_add_func ("/models/case/full", test_case_full);
  g_test_add_func ("/models/case/malformed", test_case_malformed);
  g_test_add_func ("/models/case/bad-values", test_case_bad_values);
  g_test_add_func ("/models/case/unknown-values", test_case_unknown_values);
  g_test_add_func ("/models/case/update-in-place", test_case_update_in_place);
  g_test_add_func ("/models/matter", test_matter);
  g_test_add_func ("/models/user-and-event", test_user_and_event);
  g_test_add_func ("/models/verdict", test_verdict_round_trip);
  g_test_add_func ("/models/decision", test_decision);
  g_test_add_func ("/models/json/datetime", test_datetime_parsing);
  g_test_add_func ("/models/json/reader", test_json_reader);

  return g_test_run ();
}
