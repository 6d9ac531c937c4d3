/* cs-department-page.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsDepartmentPage"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cs-client.h"
#include "cs-department-charts.h"
#include "cs-department-page.h"

/**
 * CsDepartmentPage:
 *
 * The chief representative's overview of the department: where the open
 * cases stand today (by clock state, due today and this week, waiting for
 * the signature, on the applicant, suspended, on a co-department), the
 * figures of a chosen period overall, per matter and per approver, and
 * three charts, each with its numbers as a table and exports to CSV and
 * PNG. Everything comes from `GET /v1/departments/{code}/stats`: the
 * period's figures once, and the open cases as seen from each of the last
 * ten days for the chart over time.
 */
struct _CsDepartmentPage
{
  AdwBin parent_instance;

  CsSession *session;
  GCancellable *cancellable;
  CsDepartmentStats *stats;
  GPtrArray *stats_by_day;    /* CsDepartmentStats, oldest first; NULL slots until loaded */
  guint pending;
  GPtrArray *rows;            /* widgets added to the groups, removed on reload */

  GtkBox *charts_box;
  AdwPreferencesGroup *figures_group;
  AdwPreferencesGroup *open_group;
  GtkDropDown *period_dropdown;
  GtkSpinner *spinner;
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
};

G_DEFINE_FINAL_TYPE (CsDepartmentPage, cs_department_page, ADW_TYPE_BIN)

#define N_DAYS 10
#define PNG_WIDTH 900
#define PNG_HEIGHT 420

enum { PERIOD_LAST_30_DAYS, PERIOD_THIS_MONTH, PERIOD_LAST_MONTH, PERIOD_THIS_YEAR };

static void
unref_nullable (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static void
toast (CsDepartmentPage *self,
       const char       *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static char *
format_day (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static void
period_bounds (CsDepartmentPage *self,
               GDate            *from,
               GDate            *to)
{
  GDate today;

  cs_session_get_today (self->session, &today);
  *from = today;
  *to = today;
  switch (gtk_drop_down_get_selected (self->period_dropdown))
    {
    case PERIOD_THIS_MONTH:
      g_date_set_day (from, 1);
      break;
    case PERIOD_LAST_MONTH:
      g_date_set_day (to, 1);
      g_date_subtract_days (to, 1);
      *from = *to;
      g_date_set_day (from, 1);
      break;
    case PERIOD_THIS_YEAR:
      g_date_set_dmy (from, 1, G_DATE_JANUARY, g_date_get_year (&today));
      break;
    case PERIOD_LAST_30_DAYS:
    default:
      g_date_subtract_days (from, 29);
      break;
    }
}

/* Rows --------------------------------------------------------------------------- */

static void
clear_rows (CsDepartmentPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *parent = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (parent != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (parent), row);
      else if (gtk_widget_get_parent (row) != NULL)
        gtk_box_remove (GTK_BOX (gtk_widget_get_parent (row)), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static GtkWidget *
count_row (const char *title,
           const char *subtitle,
           gint64      value)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);
  GtkWidget *label = gtk_label_new (text);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

static void
add_row (CsDepartmentPage    *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static char *
measure_text (CsStatsFigures *f,
              CsStatsMeasure  measure,
              gboolean        percent)
{
  double value;

  if (!cs_stats_figures_get_measure (f, measure, &value))
    return g_strdup ("–");
  return percent ? g_strdup_printf ("%.1f %%", value) : g_strdup_printf ("%.1f", value);
}

/* The figures of one group as the subtitle lines of a row. */
static char *
figures_text (CsStatsFigures *f)
{
  g_autofree char *within = measure_text (f, CS_STATS_WITHIN_PROMISED_PCT, TRUE);
  g_autofree char *mean = measure_text (f, CS_STATS_MEAN_DAYS, FALSE);
  g_autofree char *median = measure_text (f, CS_STATS_MEDIAN_DAYS, FALSE);
  g_autofree char *limit = measure_text (f, CS_STATS_MEAN_STATUTORY_LIMIT, FALSE);
  g_autofree char *instant = measure_text (f, CS_STATS_INSTANT_SAME_DAY_PCT, TRUE);
  g_autofree char *supplement = measure_text (f, CS_STATS_SUPPLEMENT_RATE_PCT, TRUE);
  double ratio;
  g_autofree char *ratio_text = cs_stats_figures_get_measure (f, CS_STATS_RATIO, &ratio)
                                ? g_strdup_printf ("%.2f", ratio) : g_strdup ("–");

  return g_strdup_printf (_("Decided %d, within the promised limit %s · "
                            "working days: mean %s, median %s, statutory limit %s, ratio %s · "
                            "instant matters the same day %s · accepted %d, supplement notices %s"),
                          (int)cs_stats_figures_get_count (f, CS_STATS_DECIDED), within, mean,
                          median, limit, ratio_text, instant,
                          (int)cs_stats_figures_get_count (f, CS_STATS_ACCEPTED), supplement);
}

static GtkWidget *
figures_row (const char     *title,
             CsStatsFigures *f)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *text = figures_text (f);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

/* Charts -------------------------------------------------------------------------- */

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  cs_chart_draw (CS_CHART (user_data), cr, width, height);
}

static GtkWidget *
chart_table (CsChart *chart)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_top (grid, 12);
  gtk_widget_set_margin_bottom (grid, 12);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);

  for (guint s = 0; s < cs_chart_get_n_series (chart); s++)
    {
      GtkWidget *head = gtk_label_new (cs_chart_get_series_name (chart, s));

      gtk_widget_add_css_class (head, "heading");
      gtk_grid_attach (GTK_GRID (grid), head, s + 1, 0, 1, 1);
    }
  for (guint c = 0; c < cs_chart_get_n_categories (chart); c++)
    {
      GtkWidget *label = gtk_label_new (cs_chart_get_category (chart, c));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_grid_attach (GTK_GRID (grid), label, 0, c + 1, 1, 1);
      for (guint s = 0; s < cs_chart_get_n_series (chart); s++)
        {
          double value;
          g_autofree char *text = cs_chart_get_value (chart, s, c, &value)
                                  ? g_strdup_printf ("%g", value) : g_strdup ("–");
          GtkWidget *cell = gtk_label_new (text);

          gtk_label_set_xalign (GTK_LABEL (cell), 1);
          gtk_widget_add_css_class (cell, "numeric");
          gtk_grid_attach (GTK_GRID (grid), cell, s + 1, c + 1, 1, 1);
        }
    }
  return grid;
}

static void
table_toggled (GtkToggleButton *button,
               GtkStack        *stack)
{
  gtk_stack_set_visible_child_name (stack, gtk_toggle_button_get_active (button) ? "table" : "chart");
}

typedef struct
{
  CsDepartmentPage *page;
  CsChart *chart;
  gboolean png;
} Export;

static void
export_free (Export *export)
{
  g_object_unref (export->page);
  g_object_unref (export->chart);
  g_free (export);
}

static void
export_response (GtkNativeDialog *dialog,
                 int              response,
                 gpointer         user_data)
{
  Export *export = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;
      gboolean ok = export->png
                    ? cs_chart_write_png (export->chart, path, PNG_WIDTH, PNG_HEIGHT, &error)
                    : cs_chart_write_csv (export->chart, path, &error);

      if (ok)
        {
          g_autofree char *message = g_strdup_printf (_("Saved %s"), path);

          toast (export->page, message);
        }
      else
        toast (export->page, error->message);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  export_free (export);
}

static void
export_chart (CsDepartmentPage *self,
              CsChart          *chart,
              gboolean          png)
{
  GtkFileChooserNative *dialog;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  Export *export = g_new0 (Export, 1);
  g_autofree char *name = g_strconcat (cs_chart_get_title (chart), png ? ".png" : ".csv", NULL);

  export->page = g_object_ref (self);
  export->chart = g_object_ref (chart);
  export->png = png;

  dialog = gtk_file_chooser_native_new (png ? _("Export the Chart") : _("Export the Table"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response), export);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
export_csv_clicked (GtkButton *button,
                    CsChart   *chart)
{
  CsDepartmentPage *self = CS_DEPARTMENT_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (button),
                                                                        CS_TYPE_DEPARTMENT_PAGE));

  export_chart (self, chart, FALSE);
}

static void
export_png_clicked (GtkButton *button,
                    CsChart   *chart)
{
  CsDepartmentPage *self = CS_DEPARTMENT_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (button),
                                                                        CS_TYPE_DEPARTMENT_PAGE));

  export_chart (self, chart, TRUE);
}

/* A chart in a group of its own, with a table instead on demand and its
 * exports in the header. The widgets keep the chart alive. */
static void
add_chart (CsDepartmentPage *self,
           CsChart          *chart)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *table_button = gtk_toggle_button_new_with_label (_("Table"));
  GtkWidget *csv_button = gtk_button_new_with_label (_("Export CSV…"));
  GtkWidget *png_button = gtk_button_new_with_label (_("Export PNG…"));
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *area = gtk_drawing_area_new ();
  GtkWidget *frame = gtk_frame_new (NULL);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), cs_chart_get_title (chart));
  gtk_box_append (GTK_BOX (buttons), table_button);
  gtk_box_append (GTK_BOX (buttons), csv_button);
  gtk_box_append (GTK_BOX (buttons), png_button);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), buttons);

  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 320);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_chart, g_object_ref (chart),
                                  g_object_unref);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  cs_chart_get_title (chart), -1);
  gtk_stack_add_named (GTK_STACK (stack), area, "chart");
  gtk_stack_add_named (GTK_STACK (stack), chart_table (chart), "table");
  gtk_frame_set_child (GTK_FRAME (frame), stack);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), frame);

  g_signal_connect (table_button, "toggled", G_CALLBACK (table_toggled), stack);
  g_signal_connect_data (csv_button, "clicked", G_CALLBACK (export_csv_clicked),
                         g_object_ref (chart), (GClosureNotify)(void (*) (void))g_object_unref, 0);
  g_signal_connect_data (png_button, "clicked", G_CALLBACK (export_png_clicked),
                         g_object_ref (chart), (GClosureNotify)(void (*) (void))g_object_unref, 0);

  gtk_box_append (self->charts_box, group);
  g_ptr_array_add (self->rows, group);
}

/* Showing the figures --------------------------------------------------------------- */

static void
show_figures (CsDepartmentPage *self)
{
  CsDepartmentStats *stats = self->stats;
  g_autofree char *from = format_day (cs_department_stats_get_from (stats));
  g_autofree char *to = format_day (cs_department_stats_get_to (stats));
  g_autofree char *as_of = format_day (cs_department_stats_get_as_of (stats));
  g_autofree char *period = g_strdup_printf (_("%s to %s"), from, to);
  g_autofree char *open_title = g_strdup_printf (_("On %s, by the worse of the statutory and the promised clock"),
                                                 as_of);
  GPtrArray *groups;
  static const struct { CsOpenCount count; const char *title; } open_rows[] = {
    { CS_OPEN_RED, N_("Red: overdue") },
    { CS_OPEN_YELLOW, N_("Yellow: the deadline is near") },
    { CS_OPEN_ON_TRACK, N_("On track") },
    { CS_OPEN_PAUSED, N_("Paused: suspended") },
    { CS_OPEN_DUE_TODAY, N_("Due today") },
    { CS_OPEN_DUE_THIS_WEEK, N_("Due this week") },
    { CS_OPEN_AWAITING_SIGNATURE, N_("Waiting for your signature") },
    { CS_OPEN_SUPPLEMENT_REQUESTED, N_("Supplements awaited from applicants") },
    { CS_OPEN_SUSPENDED, N_("Suspended") },
    { CS_OPEN_WAITING_ON_CO_DEPARTMENTS, N_("Decided here, waiting on co-departments") },
  };

  clear_rows (self);
  adw_window_title_set_subtitle (self->window_title, period);

  adw_preferences_group_set_description (self->open_group, open_title);
  for (guint i = 0; i < G_N_ELEMENTS (open_rows); i++)
    add_row (self, self->open_group,
             count_row (_(open_rows[i].title), NULL,
                        cs_department_stats_get_open (stats, open_rows[i].count)));

  adw_preferences_group_set_description (self->figures_group, period);
  add_row (self, self->figures_group,
           figures_row (_("Whole department"), cs_department_stats_get_overall (stats)));
  groups = cs_department_stats_get_matters (stats);
  for (guint i = 0; i < groups->len; i++)
    {
      CsStatsFigures *f = g_ptr_array_index (groups, i);
      g_autofree char *title = g_strdup_printf (_("Matter: %s"), cs_stats_figures_get_name (f));

      add_row (self, self->figures_group, figures_row (title, f));
    }
  groups = cs_department_stats_get_approvers (stats);
  for (guint i = 0; i < groups->len; i++)
    {
      CsStatsFigures *f = g_ptr_array_index (groups, i);
      g_autofree char *title = g_strdup_printf (_("Approver: %s"), cs_stats_figures_get_name (f));

      add_row (self, self->figures_group, figures_row (title, f));
    }

  {
    g_autoptr(CsChart) states = cs_department_chart_clock_states (self->stats_by_day);
    g_autoptr(CsChart) handling = cs_department_chart_handling_time (stats);
    g_autoptr(CsChart) load = cs_department_chart_approver_load (stats);

    add_chart (self, states);
    add_chart (self, handling);
    add_chart (self, load);
  }
}

/* Work distribution -------------------------------------------------------------- */

/* The department's approvers, as the figures know them (everyone who holds
 * a case): usernames and "name (username)" labels, in the same order. */
static GtkStringList *
approver_choices (CsDepartmentPage *self,
                  GPtrArray        *usernames)
{
  GtkStringList *labels = gtk_string_list_new (NULL);
  GPtrArray *approvers = cs_department_stats_get_approvers (self->stats);

  for (guint i = 0; i < approvers->len; i++)
    {
      CsStatsFigures *f = g_ptr_array_index (approvers, i);
      g_autofree char *label = g_strdup_printf ("%s (%s)", cs_stats_figures_get_name (f),
                                                cs_stats_figures_get_key (f));

      gtk_string_list_append (labels, label);
      g_ptr_array_add (usernames, g_strdup (cs_stats_figures_get_key (f)));
    }
  return labels;
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

typedef struct
{
  CsDepartmentPage *page;
  GtkWindow *window;
  AdwToastOverlay *toasts;
  GPtrArray *usernames;
  GPtrArray *checks;       /* GtkToggleButton, with "case-id" data */
  AdwComboRow *approver;
  AdwComboRow *second;     /* the substitute */
  AdwEntryRow *from;
  AdwEntryRow *to;
  AdwEntryRow *reason;
} Dialog;

static void
dialog_free (Dialog *dialog)
{
  g_object_unref (dialog->page);
  g_ptr_array_unref (dialog->usernames);
  g_clear_pointer (&dialog->checks, g_ptr_array_unref);
  g_free (dialog);
}

static void
dialog_toast (Dialog     *dialog,
              const char *message)
{
  adw_toast_overlay_add_toast (dialog->toasts, adw_toast_new (message));
}

/* A modal window: header bar with the action button, a scrolled body. */
static Dialog *
dialog_new (CsDepartmentPage *self,
            const char       *title,
            const char       *action_label,
            GCallback         action,
            GtkWidget       **body)
{
  Dialog *dialog = g_new0 (Dialog, 1);
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *button = gtk_button_new_with_label (action_label);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  dialog->page = g_object_ref (self);
  dialog->window = GTK_WINDOW (window);
  dialog->usernames = g_ptr_array_new_with_free_func (g_free);
  gtk_window_set_title (dialog->window, title);
  gtk_window_set_modal (dialog->window, TRUE);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (dialog->window, GTK_WINDOW (root));
  gtk_window_set_default_size (dialog->window, 640, 600);

  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect_swapped (button, "clicked", action, dialog);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), button);
  gtk_box_append (GTK_BOX (box), header);

  *body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_top (*body, 18);
  gtk_widget_set_margin_bottom (*body, 18);
  gtk_widget_set_margin_start (*body, 12);
  gtk_widget_set_margin_end (*body, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), *body);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  dialog->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (dialog->toasts, scrolled);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (dialog->toasts));
  adw_window_set_content (ADW_WINDOW (window), box);

  g_object_set_data_full (G_OBJECT (window), "dialog", dialog, (GDestroyNotify)dialog_free);
  return dialog;
}

static AdwComboRow *
approver_row (Dialog     *dialog,
              const char *title)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
  g_autoptr(GtkStringList) labels = NULL;

  g_ptr_array_set_size (dialog->usernames, 0);
  labels = approver_choices (dialog->page, dialog->usernames);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  return row;
}

static AdwEntryRow *
entry_row (const char *title,
           const char *text)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  return row;
}

static void
assign_clicked (Dialog *dialog)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) case_ids = NULL;
  g_autoptr(CsOutboxItem) item = NULL;
  g_autoptr(GError) error = NULL;
  const char *reason = gtk_editable_get_text (GTK_EDITABLE (dialog->reason));
  guint selected = adw_combo_row_get_selected (dialog->approver);
  guint n = 0;

  for (guint i = 0; i < dialog->checks->len; i++)
    {
      GtkToggleButton *check = g_ptr_array_index (dialog->checks, i);

      if (gtk_toggle_button_get_active (check))
        {
          g_strv_builder_add (builder, g_object_get_data (G_OBJECT (check), "case-id"));
          n++;
        }
    }
  case_ids = g_strv_builder_end (builder);

  if (n == 0)
    {
      dialog_toast (dialog, _("Choose the cases to assign"));
      return;
    }
  if (selected == GTK_INVALID_LIST_POSITION || selected >= dialog->usernames->len)
    {
      dialog_toast (dialog, _("Choose the approver"));
      return;
    }
  if (is_blank (reason))
    {
      dialog_toast (dialog, _("Give the reason, for the audit trail"));
      return;
    }

  item = cs_session_assign (dialog->page->session, (const char * const *)case_ids,
                            g_ptr_array_index (dialog->usernames, selected), reason, &error);
  if (item == NULL)
    {
      dialog_toast (dialog, error->message);
      return;
    }

  {
    g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u case assigned to %s",
                                                             "%u cases assigned to %s", n),
                                                n, (const char *)g_ptr_array_index (dialog->usernames,
                                                                                    selected));

    toast (dialog->page, message);
  }
  gtk_window_destroy (dialog->window);
}

static gboolean
assignable (CsCase *kase)
{
  switch (cs_case_get_status (kase))
    {
    case CS_CASE_STATUS_FORWARDED:
    case CS_CASE_STATUS_CLAIMED:
    case CS_CASE_STATUS_UNDER_REVIEW:
    case CS_CASE_STATUS_EXTENDED:
      return TRUE;
    default:
      return FALSE;
    }
}

static void
assign_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CsDepartmentPage *self = CS_DEPARTMENT_PAGE (widget);
  GListModel *cases = G_LIST_MODEL (cs_session_get_cases (self->session));
  GtkWidget *body, *list, *group;
  Dialog *dialog;

  if (self->stats == NULL)
    return;

  dialog = dialog_new (self, _("Assign Cases"), _("Assign"), G_CALLBACK (assign_clicked), &body);
  dialog->checks = g_ptr_array_new ();

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("To"));
  dialog->approver = approver_row (dialog, _("Approver"));
  dialog->reason = entry_row (_("Reason"), NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (dialog->approver));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (dialog->reason));
  gtk_box_append (GTK_BOX (body), group);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Cases"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Waiting in the queue or being worked on"));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(CsCase) kase = g_list_model_get_item (cases, i);
      g_autofree char *label = NULL;
      GtkWidget *check;

      if (!assignable (kase))
        continue;
      label = g_strdup_printf ("%s · %s · %s · %s", cs_case_get_number (kase),
                               cs_case_get_applicant_name (kase), cs_case_get_matter_name (kase),
                               cs_case_get_assignee_name (kase) != NULL
                               ? cs_case_get_assignee_name (kase) : _("Unclaimed"));
      /* A toggle a case (its accessible action is a click, unlike a
       * check button's in GTK 4.8), flat until chosen. */
      check = gtk_toggle_button_new_with_label (label);
      gtk_widget_add_css_class (check, "flat");
      gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (check))), 0);
      g_object_set_data_full (G_OBJECT (check), "case-id", g_strdup (cs_case_get_id (kase)), g_free);
      g_ptr_array_add (dialog->checks, check);
      gtk_list_box_append (GTK_LIST_BOX (list), check);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  gtk_box_append (GTK_BOX (body), group);

  gtk_window_present (dialog->window);
}

static gboolean
parse_day (const char *text,
           GDate      *date)
{
  g_date_clear (date, 1);
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  g_date_set_parse (date, text);
  return g_date_valid (date);
}

static void
substitute_clicked (Dialog *dialog)
{
  g_autoptr(CsOutboxItem) item = NULL;
  g_autoptr(GError) error = NULL;
  const char *reason = gtk_editable_get_text (GTK_EDITABLE (dialog->reason));
  guint absent = adw_combo_row_get_selected (dialog->approver);
  guint substitute = adw_combo_row_get_selected (dialog->second);
  GDate from, to;

  if (absent >= dialog->usernames->len || substitute >= dialog->usernames->len)
    {
      dialog_toast (dialog, _("Choose the approver"));
      return;
    }
  if (absent == substitute)
    {
      dialog_toast (dialog, _("Nobody stands in for themselves"));
      return;
    }
  if (!parse_day (gtk_editable_get_text (GTK_EDITABLE (dialog->from)), &from) ||
      !parse_day (gtk_editable_get_text (GTK_EDITABLE (dialog->to)), &to))
    {
      dialog_toast (dialog, _("Dates are given as YYYY-MM-DD"));
      return;
    }
  if (g_date_compare (&to, &from) < 0)
    {
      dialog_toast (dialog, _("The period ends before it starts"));
      return;
    }
  if (is_blank (reason))
    {
      dialog_toast (dialog, _("Give the reason, for the audit trail"));
      return;
    }

  item = cs_session_add_substitution (dialog->page->session,
                                      g_ptr_array_index (dialog->usernames, absent),
                                      g_ptr_array_index (dialog->usernames, substitute),
                                      &from, &to, reason, &error);
  if (item == NULL)
    {
      dialog_toast (dialog, error->message);
      return;
    }
  {
    g_autofree char *message = g_strdup_printf (_("%s stands in for %s"),
                                                (const char *)g_ptr_array_index (dialog->usernames,
                                                                                 substitute),
                                                (const char *)g_ptr_array_index (dialog->usernames,
                                                                                 absent));

    toast (dialog->page, message);
  }
  gtk_window_destroy (dialog->window);
}

static void
substitute_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CsDepartmentPage *self = CS_DEPARTMENT_PAGE (widget);
  g_autoptr(GtkStringList) labels = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  GtkWidget *body, *group;
  Dialog *dialog;
  GDate today, end;

  if (self->stats == NULL)
    return;

  dialog = dialog_new (self, _("Name a Substitute"), _("Save"), G_CALLBACK (substitute_clicked),
                       &body);
  cs_session_get_today (self->session, &today);
  end = today;
  g_date_add_days (&end, 4);
  first = format_day (&today);
  last = format_day (&end);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("On these days the substitute’s inbox has the absent "
                                           "approver’s cases, and the substitute may work them."));
  dialog->approver = approver_row (dialog, _("Absent"));
  dialog->second = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (dialog->second), _("Substitute"));
  adw_combo_row_set_model (dialog->second, adw_combo_row_get_model (dialog->approver));
  if (dialog->usernames->len > 1)
    adw_combo_row_set_selected (dialog->second, 1);
  dialog->from = entry_row (_("From"), first);
  dialog->to = entry_row (_("To (inclusive)"), last);
  dialog->reason = entry_row (_("Reason"), NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (dialog->approver));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (dialog->second));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (dialog->from));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (dialog->to));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (dialog->reason));
  gtk_box_append (GTK_BOX (body), group);

  gtk_window_present (dialog->window);
}

/* Loading ----------------------------------------------------------------------------- */

typedef struct
{
  CsDepartmentPage *page;
  int day;   /* index into stats_by_day, or -1 for the period's figures */
} Request;

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Request *request = user_data;
  g_autoptr(CsDepartmentPage) self = request->page;
  g_autoptr(CsDepartmentStats) stats = NULL;
  g_autoptr(GError) error = NULL;
  int day = request->day;

  g_free (request);
  stats = cs_client_get_department_stats_finish (CS_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (stats == NULL)
    {
      /* One refusal is enough: the rest are cancelled. */
      g_cancellable_cancel (self->cancellable);
      self->pending = 0;
      gtk_spinner_stop (self->spinner);
      toast (self, error->message);
      return;
    }

  if (day < 0)
    g_set_object (&self->stats, stats);
  else
    g_set_object ((CsDepartmentStats **)&g_ptr_array_index (self->stats_by_day, day), stats);

  if (--self->pending == 0)
    {
      gtk_spinner_stop (self->spinner);
      show_figures (self);
    }
}

static void
request (CsDepartmentPage *self,
         const GDate      *from,
         const GDate      *to,
         const GDate      *as_of,
         int               day)
{
  CsUser *user = cs_session_get_user (self->session);
  Request *r = g_new0 (Request, 1);

  r->page = g_object_ref (self);
  r->day = day;
  self->pending++;
  cs_client_get_department_stats_async (cs_session_get_client (self->session),
                                        cs_user_get_department (user), from, to, as_of,
                                        self->cancellable, loaded_cb, r);
}

/**
 * cs_department_page_reload:
 * @self: a #CsDepartmentPage
 *
 * Fetches the figures of the chosen period again.
 */
void
cs_department_page_reload (CsDepartmentPage *self)
{
  GDate from, to, today;

  g_return_if_fail (CS_IS_DEPARTMENT_PAGE (self));

  if (self->session == NULL || cs_session_get_user (self->session) == NULL ||
      cs_session_get_client (self->session) == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->pending = 0;

  g_ptr_array_set_size (self->stats_by_day, 0);
  g_ptr_array_set_size (self->stats_by_day, N_DAYS);

  period_bounds (self, &from, &to);
  cs_session_get_today (self->session, &today);
  gtk_spinner_start (self->spinner);
  request (self, &from, &to, &today, -1);

  /* The open cases as seen from each of the last days. */
  for (int i = 0; i < N_DAYS; i++)
    {
      GDate day = today;

      g_date_subtract_days (&day, N_DAYS - 1 - i);
      request (self, &day, &day, &day, i);
    }
}

static void
on_period_changed (CsDepartmentPage *self)
{
  cs_department_page_reload (self);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  cs_department_page_reload (CS_DEPARTMENT_PAGE (widget));
}

static void
cs_department_page_dispose (GObject *object)
{
  CsDepartmentPage *self = (CsDepartmentPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_DEPARTMENT_PAGE);
  g_clear_object (&self->stats);
  g_clear_pointer (&self->stats_by_day, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (cs_department_page_parent_class)->dispose (object);
}

static void
cs_department_page_class_init (CsDepartmentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_department_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/countersign/Desk/cs-department-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CsDepartmentPage, charts_box);
  gtk_widget_class_bind_template_child (widget_class, CsDepartmentPage, figures_group);
  gtk_widget_class_bind_template_child (widget_class, CsDepartmentPage, open_group);
  gtk_widget_class_bind_template_child (widget_class, CsDepartmentPage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CsDepartmentPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, CsDepartmentPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CsDepartmentPage, window_title);
  gtk_widget_class_bind_template_callback (widget_class, on_period_changed);

  gtk_widget_class_install_action (widget_class, "department.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "department.assign", NULL, assign_action);
  gtk_widget_class_install_action (widget_class, "department.substitute", NULL, substitute_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "department.reload", NULL);
}

static void
cs_department_page_init (CsDepartmentPage *self)
{
  self->stats_by_day = g_ptr_array_new_with_free_func (unref_nullable);
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

CsDepartmentPage *
cs_department_page_new (CsSession *session)
{
  CsDepartmentPage *self;

  g_return_val_if_fail (CS_IS_SESSION (session), NULL);

  self = g_object_new (CS_TYPE_DEPARTMENT_PAGE, NULL);
  self->session = g_object_ref (session);
  cs_department_page_reload (self);
  return self;
}
