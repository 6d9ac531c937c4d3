/* test-plugin-api.c — CsFinding and the CsDepartment wrappers: what a
 * plugin returns is checked, never trusted.
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <countersign.h>

#include "cs-check-context-private.h"

#include "cs-plugin-fixtures.h"

/* A department whose every answer the test picks. */
typedef enum
{
  BEHAVE_WELL,
  BEHAVE_NULL_NO_ERROR,
  BEHAVE_ERROR,
  BEHAVE_NOT_A_FINDING,
  BEHAVE_KEPT_WIDGET,
} Behaviour;

#define TEST_TYPE_DEPARTMENT (test_department_get_type ())
G_DECLARE_FINAL_TYPE (TestDepartment, test_department, TEST, DEPARTMENT, GObject)

struct _TestDepartment
{
  GObject parent_instance;
  Behaviour behaviour;
  GtkWidget *kept;
  guint loads;
  guint unloads;
};

static void test_department_iface_init (CsDepartmentInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TestDepartment, test_department, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (CS_TYPE_DEPARTMENT,
                                                      test_department_iface_init))

static const char * const test_matters[] = { "health.radiation-worker", NULL };

static void
test_load (CsDepartment *department)
{
  TEST_DEPARTMENT (department)->loads++;
}

static void
test_unload (CsDepartment *department)
{
  TEST_DEPARTMENT (department)->unloads++;
}

static const char *
test_get_code (CsDepartment *department)
{
  return "health";
}

static const char * const *
test_get_matter_codes (CsDepartment *department)
{
  return test_matters;
}

static GtkWidget *
test_create_case_panel (CsDepartment *department,
                        CsCase       *kase,
                        CsMatter     *matter)
{
  TestDepartment *self = TEST_DEPARTMENT (department);

  switch (self->behaviour)
    {
    case BEHAVE_WELL:
      return gtk_label_new ("panel");
    case BEHAVE_KEPT_WIDGET:
      if (self->kept == NULL)
        self->kept = g_object_ref_sink (gtk_label_new ("kept"));
      return self->kept;
    case BEHAVE_NULL_NO_ERROR:
    case BEHAVE_ERROR:
    case BEHAVE_NOT_A_FINDING:
    default:
      return NULL;
    }
}

static GPtrArray *
test_check_case (CsDepartment    *department,
                 CsCheckContext  *context,
                 GError         **error)
{
  GPtrArray *findings;

  switch (TEST_DEPARTMENT (department)->behaviour)
    {
    case BEHAVE_NULL_NO_ERROR:
      return NULL;
    case BEHAVE_ERROR:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the rules file is missing");
      return NULL;
    case BEHAVE_NOT_A_FINDING:
      findings = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (findings, g_object_new (G_TYPE_OBJECT, NULL));
      return findings;
    case BEHAVE_WELL:
    case BEHAVE_KEPT_WIDGET:
    default:
      /* No free function: the wrapper must not rely on the plugin's. */
      findings = g_ptr_array_new ();
      g_ptr_array_add (findings, cs_finding_new (CS_FINDING_WARNING, "look"));
      return findings;
    }
}

static gboolean
test_get_wording (CsDepartment  *department,
                  CsCase        *kase,
                  CsMatter      *matter,
                  CsOutcome      outcome,
                  char         **text,
                  char         **legal_basis,
                  GError       **error)
{
  switch (TEST_DEPARTMENT (department)->behaviour)
    {
    case BEHAVE_NULL_NO_ERROR:
      return TRUE;              /* success, but no text */
    case BEHAVE_ERROR:
      return FALSE;             /* failure, but no error */
    case BEHAVE_WELL:
    case BEHAVE_NOT_A_FINDING:
    case BEHAVE_KEPT_WIDGET:
    default:
      *text = g_strdup ("granted");
      return TRUE;              /* no legal basis: the matter's */
    }
}

static void
test_department_iface_init (CsDepartmentInterface *iface)
{
  iface->load = test_load;
  iface->unload = test_unload;
  iface->get_code = test_get_code;
  iface->get_matter_codes = test_get_matter_codes;
  iface->create_case_panel = test_create_case_panel;
  iface->check_case = test_check_case;
  iface->get_wording = test_get_wording;
}

static void
test_department_finalize (GObject *object)
{
  g_clear_object (&TEST_DEPARTMENT (object)->kept);
  G_OBJECT_CLASS (test_department_parent_class)->finalize (object);
}

static void
test_department_class_init (TestDepartmentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_department_finalize;
}

static void
test_department_init (TestDepartment *self)
{
}

/* A department that implements nothing optional, nor get_code. */
#define BARE_TYPE_DEPARTMENT (bare_department_get_type ())
G_DECLARE_FINAL_TYPE (BareDepartment, bare_department, BARE, DEPARTMENT, GObject)

struct _BareDepartment
{
  GObject parent_instance;
};

static void
bare_department_iface_init (CsDepartmentInterface *iface)
{
}

G_DEFINE_FINAL_TYPE_WITH_CODE (BareDepartment, bare_department, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (CS_TYPE_DEPARTMENT,
                                                      bare_department_iface_init))

static void
bare_department_class_init (BareDepartmentClass *klass)
{
}

static void
bare_department_init (BareDepartment *self)
{
}

/* Fixtures ---------------------------------------------------------------- */


static CsCase *
load_case (void)
{
  g_autoptr(JsonObject) object = cs_fixture_read_json ("data/radiation-worker-case.json");
  g_autoptr(GError) error = NULL;
  CsCase *kase = cs_case_new_from_json (object, &error);

  g_assert_no_error (error);
  return kase;
}

static gboolean
have_display (void)
{
  static int state = -1;

  if (state < 0)
    state = gtk_init_check ();
  return state;
}

/* Tests ------------------------------------------------------------------- */

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_finding (void)
{
  g_autoptr(CsFinding) finding = cs_finding_new (CS_FINDING_ERROR, "The ID number is not valid");
  g_autofree char *field = NULL;
  CsFindingSeverity severity;
  guint notified = 0;

  g_assert_cmpint (cs_finding_get_severity (finding), ==, CS_FINDING_ERROR);
  g_assert_cmpstr (cs_finding_get_message (finding), ==, "The ID number is not valid");
  g_assert_null (cs_finding_get_field (finding));
  g_assert_null (cs_finding_get_material (finding));
  g_assert_null (cs_finding_get_checklist_item (finding));

  g_signal_connect (finding, "notify", G_CALLBACK (on_notify), &notified);
  cs_finding_set_field (finding, "applicant.id_number");
  cs_finding_set_field (finding, "applicant.id_number");   /* same value: no notify */
  cs_finding_set_material (finding, "m2");
  cs_finding_set_checklist_item (finding, "id-card");
  cs_finding_set_severity (finding, CS_FINDING_WARNING);
  cs_finding_set_severity (finding, CS_FINDING_WARNING);
  g_assert_cmpuint (notified, ==, 4);

  g_object_get (finding, "field", &field, "severity", &severity, NULL);
  g_assert_cmpstr (field, ==, "applicant.id_number");
  g_assert_cmpint (severity, ==, CS_FINDING_WARNING);
  g_assert_cmpstr (cs_finding_get_material (finding), ==, "m2");
  g_assert_cmpstr (cs_finding_get_checklist_item (finding), ==, "id-card");

  cs_finding_set_field (finding, NULL);
  g_assert_null (cs_finding_get_field (finding));
  g_assert_cmpuint (notified, ==, 5);

  g_assert_true (G_TYPE_IS_ENUM (CS_TYPE_FINDING_SEVERITY));
}

static void
test_check_context (void)
{
  g_autoptr(CsCase) kase = load_case ();
  g_autoptr(CsMatter) matter = cs_fixture_load_matter ("health.radiation-worker");
  g_autoptr(CsCheckContext) context = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 20, 11, 2026);
  context = _cs_check_context_new (kase, matter, &today);
  g_assert_true (cs_check_context_get_case (context) == kase);
  g_assert_true (cs_check_context_get_matter (context) == matter);
  g_assert_cmpint (g_date_compare (cs_check_context_get_today (context), &today), ==, 0);

  g_assert_null (cs_check_context_get_material_text (context, "m4"));
  _cs_check_context_set_material_text (context, "m4", "姓名：陈丽萍");
  g_assert_cmpstr (cs_check_context_get_material_text (context, "m4"), ==, "姓名：陈丽萍");
  _cs_check_context_set_material_text (context, "m4", NULL);
  g_assert_null (cs_check_context_get_material_text (context, "m4"));

  /* Without a day, the local one. */
  g_clear_object (&context);
  context = _cs_check_context_new (kase, matter, NULL);
  g_assert_true (g_date_valid (cs_check_context_get_today (context)));
}

static void
test_department_basics (void)
{
  g_autoptr(TestDepartment) department = g_object_new (TEST_TYPE_DEPARTMENT, NULL);
  g_autoptr(BareDepartment) bare = g_object_new (BARE_TYPE_DEPARTMENT, NULL);

  cs_department_load (CS_DEPARTMENT (department));
  cs_department_unload (CS_DEPARTMENT (department));
  g_assert_cmpuint (department->loads, ==, 1);
  g_assert_cmpuint (department->unloads, ==, 1);

  g_assert_cmpstr (cs_department_get_code (CS_DEPARTMENT (department)), ==, "health");
  g_assert_true (cs_department_handles_matter (CS_DEPARTMENT (department),
                                               "health.radiation-worker"));
  g_assert_false (cs_department_handles_matter (CS_DEPARTMENT (department), "forestry.timber"));
  g_assert_false (cs_department_handles_matter (CS_DEPARTMENT (department), NULL));

  /* Optional calls missing, required ones too: no crash, empty answers. */
  cs_department_load (CS_DEPARTMENT (bare));
  cs_department_unload (CS_DEPARTMENT (bare));
  g_assert_null (cs_department_get_code (CS_DEPARTMENT (bare)));
  g_assert_nonnull (cs_department_get_matter_codes (CS_DEPARTMENT (bare)));
  g_assert_null (cs_department_get_matter_codes (CS_DEPARTMENT (bare))[0]);
}

static void
test_department_check_case (void)
{
  g_autoptr(TestDepartment) department = g_object_new (TEST_TYPE_DEPARTMENT, NULL);
  g_autoptr(CsCase) kase = load_case ();
  g_autoptr(CsMatter) matter = cs_fixture_load_matter ("health.radiation-worker");
  g_autoptr(CsMatter) other = cs_fixture_load_matter ("health.marriage-childbearing");
  g_autoptr(CsCheckContext) context = _cs_check_context_new (kase, matter, NULL);
  g_autoptr(CsCheckContext) other_context = _cs_check_context_new (kase, other, NULL);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;

  findings = cs_department_check_case (CS_DEPARTMENT (department), context, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_true (CS_IS_FINDING (g_ptr_array_index (findings, 0)));
  g_clear_pointer (&findings, g_ptr_array_unref);   /* frees the finding: no leak */

  department->behaviour = BEHAVE_NULL_NO_ERROR;
  findings = cs_department_check_case (CS_DEPARTMENT (department), context, &error);
  g_assert_error (error, CS_DEPARTMENT_ERROR, CS_DEPARTMENT_ERROR_INVALID_RESULT);
  g_assert_null (findings);
  g_clear_error (&error);

  department->behaviour = BEHAVE_ERROR;
  findings = cs_department_check_case (CS_DEPARTMENT (department), context, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_null (findings);
  g_clear_error (&error);

  department->behaviour = BEHAVE_NOT_A_FINDING;
  findings = cs_department_check_case (CS_DEPARTMENT (department), context, &error);
  g_assert_error (error, CS_DEPARTMENT_ERROR, CS_DEPARTMENT_ERROR_INVALID_RESULT);
  g_assert_null (findings);
  g_clear_error (&error);

  /* A matter the plugin does not handle is never handed to it. */
  department->behaviour = BEHAVE_WELL;
  findings = cs_department_check_case (CS_DEPARTMENT (department), other_context, &error);
  g_assert_error (error, CS_DEPARTMENT_ERROR, CS_DEPARTMENT_ERROR_NOT_SUPPORTED);
  g_assert_null (findings);
  g_clear_error (&error);
}

static void
test_department_wording (void)
{
  g_autoptr(TestDepartment) department = g_object_new (TEST_TYPE_DEPARTMENT, NULL);
  g_autoptr(BareDepartment) bare = g_object_new (BARE_TYPE_DEPARTMENT, NULL);
  g_autoptr(CsCase) kase = load_case ();
  g_autoptr(CsMatter) matter = cs_fixture_load_matter ("health.radiation-worker");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *basis = NULL;

  g_assert_true (cs_department_get_wording (CS_DEPARTMENT (department), kase, matter,
                                            CS_OUTCOME_GRANT, &text, &basis, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "granted");
  g_assert_cmpstr (basis, ==, cs_matter_get_legal_basis (matter));
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&basis, g_free);

  /* An outcome the matter does not allow never reaches the plugin. */
  g_assert_false (cs_department_get_wording (CS_DEPARTMENT (department), kase, matter,
                                             CS_OUTCOME_NONE, &text, &basis, &error));
  g_assert_error (error, CS_DEPARTMENT_ERROR, CS_DEPARTMENT_ERROR_NOT_SUPPORTED);
  g_assert_null (text);
  g_clear_error (&error);

  department->behaviour = BEHAVE_NULL_NO_ERROR;
  g_assert_false (cs_department_get_wording (CS_DEPARTMENT (department), kase, matter,
                                             CS_OUTCOME_DENY, &text, NULL, &error));
  g_assert_error (error, CS_DEPARTMENT_ERROR, CS_DEPARTMENT_ERROR_INVALID_RESULT);
  g_clear_error (&error);

  department->behaviour = BEHAVE_ERROR;
  g_assert_false (cs_department_get_wording (CS_DEPARTMENT (department), kase, matter,
                                             CS_OUTCOME_DENY, &text, NULL, &error));
  g_assert_error (error, CS_DEPARTMENT_ERROR, CS_DEPARTMENT_ERROR_FAILED);
  g_clear_error (&error);

  g_assert_false (cs_department_get_wording (CS_DEPARTMENT (bare), kase, matter,
                                             CS_OUTCOME_GRANT, &text, NULL, &error));
  g_assert_error (error, CS_DEPARTMENT_ERROR, CS_DEPARTMENT_ERROR_NOT_SUPPORTED);
}

static void
test_department_panel (void)
{
  g_autoptr(TestDepartment) department = g_object_new (TEST_TYPE_DEPARTMENT, NULL);
  g_autoptr(CsCase) kase = load_case ();
  g_autoptr(CsMatter) matter = cs_fixture_load_matter ("health.radiation-worker");
  g_autoptr(GError) error = NULL;
  GtkWidget *panel;

  if (!have_display ())
    {
      g_test_skip ("no display");
      return;
    }

  panel = cs_department_create_case_panel (CS_DEPARTMENT (department), kase, matter, &error);
  g_assert_no_error (error);
  g_assert_true (GTK_IS_LABEL (panel));
  g_assert_true (g_object_is_floating (panel));
  g_object_unref (g_object_ref_sink (panel));

  department->behaviour = BEHAVE_NULL_NO_ERROR;
  panel = cs_department_create_case_panel (CS_DEPARTMENT (department), kase, matter, &error);
  g_assert_error (error, CS_DEPARTMENT_ERROR, CS_DEPARTMENT_ERROR_NOT_SUPPORTED);
  g_assert_null (panel);
  g_clear_error (&error);

  /* A widget the plugin keeps for itself is refused, and left alone. */
  department->behaviour = BEHAVE_KEPT_WIDGET;
  panel = cs_department_create_case_panel (CS_DEPARTMENT (department), kase, matter, &error);
  g_assert_error (error, CS_DEPARTMENT_ERROR, CS_DEPARTMENT_ERROR_INVALID_RESULT);
  g_assert_null (panel);
  g_assert_true (GTK_IS_LABEL (department->kept));
}

static void
test_mark_field (void)
{
  GtkWidget *box;
  GtkWidget *inner;
  GtkWidget *label;

  if (!have_display ())
    {
      g_test_skip ("no display");
      return;
    }

  box = g_object_ref_sink (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  label = gtk_label_new ("陈丽萍");
  gtk_box_append (GTK_BOX (box), gtk_label_new ("unmarked"));
  gtk_box_append (GTK_BOX (box), inner);
  gtk_box_append (GTK_BOX (inner), label);

  cs_department_mark_field (label, "applicant.name");
  g_assert_cmpstr (cs_department_get_marked_field (label), ==, "applicant.name");
  g_assert_true (cs_department_find_field (box, "applicant.name") == label);
  g_assert_null (cs_department_find_field (box, "employer"));

  cs_department_mark_field (label, NULL);
  g_assert_null (cs_department_find_field (box, "applicant.name"));
  g_object_unref (box);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plugin-api/finding", test_finding);
  g_test_add_func ("/plugin-api/check-context", test_check_context);
  g_test_add_func ("/plugin-api/department/basics", test_department_basics);
  g_test_add_func ("/plugin-api/department/check-case", test_department_check_case);
  g_test_add_func ("/plugin-api/department/wording", test_department_wording);
  g_test_add_func ("/plugin-api/department/panel", test_department_panel);
  g_test_add_func ("/plugin-api/department/mark-field", test_mark_field);

  return g_test_run ();
}
