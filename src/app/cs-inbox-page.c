/* cs-inbox-page.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsInboxPage"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cs-application.h"
#include "cs-batch-sign-window.h"
#include "cs-case-filter-model.h"
#include "cs-case-info.h"
#include "cs-inbox-bench.h"
#include "cs-inbox-page.h"
#include "cs-util-private.h"

/* The inbox: every case of the department in a GtkColumnView over the
 * session's CsCaseList, through a filter (search, saved view, scope, state,
 * deadline) and the column view's own sorter. Cases change in place, so
 * live updates keep the selection and the scroll position. */

typedef enum
{
  VIEW_ALL,
  VIEW_OVERDUE,
  VIEW_DUE_THIS_WEEK,
  VIEW_GREEN_CHANNEL,
} SavedView;

typedef enum
{
  DEADLINE_ANY,
  DEADLINE_ON_TRACK,
  DEADLINE_YELLOW,
  DEADLINE_RED,
  DEADLINE_PAUSED,
} DeadlineFilter;

/* The filters a person picks from, each a drop-down. */
typedef enum
{
  FACET_VIEW,
  FACET_SCOPE,
  FACET_STATE,
  FACET_DEADLINE,
  FACET_MATTER,      /* "Any Matter", then the matters of the cases */
  N_FACETS
} Facet;

#define N_VIEWS 4
#define N_SCOPES 3
#define N_STATES 10
#define N_DEADLINES 5
#define MAX_CHOICES N_STATES  /* of the fixed facets; the matters are counted apart */

/* The state filter's entries after "Any state" and "Open". */
static const CsCaseStatus state_filters[] = {
  CS_CASE_STATUS_FORWARDED, CS_CASE_STATUS_CLAIMED, CS_CASE_STATUS_UNDER_REVIEW,
  CS_CASE_STATUS_REVIEWED, CS_CASE_STATUS_SUPPLEMENT_REQUESTED, CS_CASE_STATUS_SUSPENDED,
  CS_CASE_STATUS_EXTENDED, CS_CASE_STATUS_DECIDED,
};

struct _CsInboxPage
{
  AdwBin parent_instance;

  CsSession *session;
  GtkCustomFilter *filter;
  CsCaseFilterModel *filter_model;
  GtkSortListModel *sort_model;
  GtkSingleSelection *selection;
  char **search_terms;           /* casefolded; all must match */
  char **search_needed;          /* those of them some case lacks (see trivial_term()) */
  char *common_prefix;           /* of every case's search key, or NULL: not known */
  guint chosen[N_FACETS];        /* each filter's choice, read once per change */
  gboolean refiltering;
  GdkFrameClock *flush_clock;    /* while rows out of view wait for their cases */
  gulong flush_id;
  gboolean loaded;
  GDate today;                   /* as of the last refilter or count */
  GDate end_of_week;

  /* How many cases each choice of each filter would show (see
   * update_counts()), and the count labels bound in the drop-downs. */
  guint counts[N_FACETS][MAX_CHOICES];
  GArray *matter_counts;         /* guint: "Any Matter", then each of matter_codes */
  GPtrArray *count_labels[N_FACETS];
  guint counts_source;
  gboolean counted;
  gboolean bench;
  GtkDropDown *facets[N_FACETS];
  /* The matter filter's choices after "Any Matter": the matters of the
   * cases held, by name; the choice is kept by code while they change. */
  GPtrArray *matter_codes;
  char *chosen_matter;           /* NULL: any matter */
  gboolean filling_matters;
  gboolean focus_list_when_shown;
  gboolean focus_on_map;

  GtkColumnView *column_view;
  GtkScrolledWindow *list_scroller;
  GtkLabel *count_label;
  GtkDropDown *deadline_dropdown;
  GtkLabel *offline_label;
  GtkRevealer *offline_revealer;
  GtkDropDown *scope_dropdown;
  GtkSearchEntry *search_entry;
  GtkDropDown *matter_dropdown;
  GtkButton *sign_proposals_button;
  GtkDropDown *state_dropdown;
  GtkButton *status_button;
  AdwStatusPage *status_page;
  GtkSpinner *sync_spinner;
  GtkDropDown *view_dropdown;
  AdwWindowTitle *window_title;
};

G_DEFINE_FINAL_TYPE (CsInboxPage, cs_inbox_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SCOPE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CASE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const CsCaseInfo *
info_for (CsInboxPage *self,
          CsCase      *kase)
{
  GDate today;

  cs_session_get_today (self->session, &today);
  return cs_case_info_get (kase, cs_session_get_calendar (self->session), &today);
}

/* Formatting */

/* Days are working days throughout; the column's header says so. */
static char *
format_remaining (const CsCaseInfo *info,
                  int               remaining,
                  CsClockState      state)
{
  if (info->closed)
    return remaining < 0
           ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "decided %d day late",
                                           "decided %d days late", -remaining),
                              -remaining)
           : g_strdup (_("decided in time"));
  if (state == CS_CLOCK_STATE_PAUSED)
    return g_strdup (_("clock stopped"));
  if (remaining < 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day overdue",
                                         "%d days overdue", -remaining),
                            -remaining);
  if (remaining == 0)
    return g_strdup (_("due today"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day left", "%d days left",
                                       remaining),
                          remaining);
}

static const char *
state_css_class (CsClockState state)
{
  switch (state)
    {
    case CS_CLOCK_STATE_RED:
      return "error";
    case CS_CLOCK_STATE_YELLOW:
      return "warning";
    case CS_CLOCK_STATE_ON_TRACK:
    case CS_CLOCK_STATE_PAUSED:
    default:
      return NULL;
    }
}

static char *
format_date (const GDate *date)
{
  char text[32];

  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");
  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  return g_strdup (text);
}

static char *
format_received (gint64 received_at)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (received_at / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  return local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup ("");
}

/* Cells: each column's factory makes its widgets once and fills them for
 * whichever case the row shows. A row is handed another case when a search
 * or a filter changes the list, and says so when its case changes in place
 * (notify::case either way): the widgets stay. */

typedef void (*BindCell) (CsInboxPage *self,
                          GtkWidget   *cell,
                          CsCase      *kase);

/* The case a cell shows, or NULL to let go of it. */
static void
cell_show_case (GtkListItem *item,
                CsCase      *kase)
{
  CsInboxPage *self = g_object_get_data (G_OBJECT (item), "cs-page");
  BindCell bind = g_object_get_data (G_OBJECT (item), "cs-bind");
  GtkWidget *cell = gtk_list_item_get_child (item);

  if (g_object_get_data (G_OBJECT (cell), "cs-case") != kase)
    g_object_set_data (G_OBJECT (cell), "cs-case", kase);
  if (kase != NULL && self != NULL && bind != NULL)
    bind (self, cell, kase);
}

static void
on_row_case_changed (CsCaseRow   *row,
                     GParamSpec  *pspec,
                     GtkListItem *item)
{
  cell_show_case (item, cs_case_row_get_case (row));
}

static void
cell_bind (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           CsInboxPage              *self)
{
  CsCaseRow *row = gtk_list_item_get_item (item);

  g_object_set_data (G_OBJECT (item), "cs-page", self);
  g_object_set_data (G_OBJECT (item), "cs-bind",
                     g_object_get_data (G_OBJECT (factory), "cs-bind"));
  g_signal_connect_object (row, "notify::case", G_CALLBACK (on_row_case_changed), item, 0);
  cell_show_case (item, cs_case_row_get_case (row));
}

static void
cell_unbind (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             CsInboxPage              *self)
{
  CsCaseRow *row = gtk_list_item_get_item (item);

  if (row != NULL)
    g_signal_handlers_disconnect_by_func (row, on_row_case_changed, item);
  cell_show_case (item, NULL);
}

/* Tooltips are asked for when shown, never set while binding: setting one
 * makes GTK look up the pointer, a round trip to the display server for
 * every cell of every row that scrolls or filters into view. */
static CsCase *
cell_case (GtkWidget *cell)
{
  for (; cell != NULL; cell = gtk_widget_get_parent (cell))
    {
      CsCase *kase = g_object_get_data (G_OBJECT (cell), "cs-case");

      if (kase != NULL)
        return kase;
    }
  return NULL;
}

static gboolean
label_query_tooltip (GtkInscription *label,
                     int             x,
                     int             y,
                     gboolean        keyboard,
                     GtkTooltip     *tooltip,
                     gpointer        user_data)
{
  const char *text = gtk_inscription_get_text (label);
  g_autoptr(PangoLayout) layout = NULL;
  int width;

  /* The whole text, when the column is too narrow for it. */
  if (text == NULL || *text == '\0')
    return FALSE;
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (label), text);
  pango_layout_get_pixel_size (layout, &width, NULL);
  if (width <= gtk_widget_get_width (GTK_WIDGET (label)))
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* The cells' text is a GtkInscription: its size does not depend on its
 * text, so a row handed another case is only drawn again. With GtkLabels a
 * new search measured every label of the ~200 rows GTK 4.8's list view
 * keeps, shaping their text (a third of the frame after a search that
 * changed the rows). */
static GtkWidget *
cell_text_new (void)
{
  GtkWidget *text = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (text), 0);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (text),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  return text;
}

static void
label_setup (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkWidget *label = cell_text_new ();

  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (label_query_tooltip), NULL);
  gtk_list_item_set_child (item, label);
}

static void
set_label (GtkWidget  *cell,
           const char *text)
{
  gtk_inscription_set_text (GTK_INSCRIPTION (cell), text != NULL ? text : "");
}

/* A cell of one tag, shown or not. */
static GtkWidget *
tag_new (const char *text,
         const char *style)
{
  GtkWidget *tag = gtk_label_new (text);

  gtk_widget_add_css_class (tag, "tag");
  gtk_widget_add_css_class (tag, style);
  gtk_widget_set_halign (tag, GTK_ALIGN_START);
  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  return tag;
}

/* The number, and "Urgent" under it for a case marked so (the row has
 * two lines for the deadlines): the number is never cut short. */
static void
number_setup (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *number = cell_text_new ();
  /* Translators: a tag in the inbox: the case is marked urgent */
  GtkWidget *urgent = tag_new (_("Urgent"), "urgent");

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_has_tooltip (number, TRUE);
  g_signal_connect (number, "query-tooltip", G_CALLBACK (label_query_tooltip), NULL);
  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), urgent);
  gtk_list_item_set_child (item, box);
}

static void
bind_number (CsInboxPage *self,
             GtkWidget   *cell,
             CsCase      *kase)
{
  GtkWidget *number = gtk_widget_get_first_child (cell);

  set_label (number, cs_case_get_number (kase));
  gtk_widget_set_visible (gtk_widget_get_next_sibling (number), cs_case_get_urgent (kase));
}

static void
bind_matter (CsInboxPage *self,
             GtkWidget   *cell,
             CsCase      *kase)
{
  set_label (cell, cs_case_get_matter_name (kase));
}

static void
bind_applicant (CsInboxPage *self,
                GtkWidget   *cell,
                CsCase      *kase)
{
  set_label (cell, cs_case_get_applicant_name (kase));
}

static void
bind_received (CsInboxPage *self,
               GtkWidget   *cell,
               CsCase      *kase)
{
  g_autofree char *text = format_received (cs_case_get_received_at (kase));

  set_label (cell, text);
}

static void
bind_state (CsInboxPage *self,
            GtkWidget   *cell,
            CsCase      *kase)
{
  set_label (cell, cs_case_status_get_label (cs_case_get_status (kase)));
}

static void
bind_assignee (CsInboxPage *self,
               GtkWidget   *cell,
               CsCase      *kase)
{
  const char *name = cs_case_get_assignee_name (kase);

  set_label (cell, name != NULL ? name : _("Unclaimed"));
  if (name == NULL)
    gtk_widget_add_css_class (cell, "dim-label");
  else
    gtk_widget_remove_css_class (cell, "dim-label");
}

static gboolean
deadline_query_tooltip (GtkWidget   *cell,
                        int          x,
                        int          y,
                        gboolean     keyboard,
                        GtkTooltip  *tooltip,
                        CsInboxPage *self)
{
  CsCase *kase = cell_case (cell);
  const CsCaseInfo *info;
  g_autofree char *promised_due = NULL;
  g_autofree char *statutory_due = NULL;
  g_autofree char *text = NULL;

  if (kase == NULL || self->session == NULL)
    return FALSE;
  info = info_for (self, kase);
  if (!info->has_clock)
    {
      gtk_tooltip_set_text (tooltip, _("The working-day calendar is fetched with the next sync"));
      return TRUE;
    }
  promised_due = format_date (&info->promised_due);
  statutory_due = format_date (&info->statutory_due);
  /* Translators: tooltip of the deadline column; the dates are YYYY-MM-DD */
  text = g_strdup_printf (_("Promised limit due %s\nStatutory limit due %s\n"
                            "Counted in working days"),
                          promised_due, statutory_due);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
deadline_setup (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                CsInboxPage              *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *promised = cell_text_new ();
  GtkWidget *statutory = cell_text_new ();

  gtk_widget_add_css_class (statutory, "caption");
  gtk_box_append (GTK_BOX (box), promised);
  gtk_box_append (GTK_BOX (box), statutory);
  gtk_widget_set_has_tooltip (box, TRUE);
  g_signal_connect (box, "query-tooltip", G_CALLBACK (deadline_query_tooltip), self);
  gtk_list_item_set_child (item, box);
}

static void
set_state_class (GtkWidget    *label,
                 CsClockState  state)
{
  const char *css = state_css_class (state);

  /* Only what changes: a class taken off and put back makes GTK work
   * out the label's style again. */
  if (g_strcmp0 (css, "error") != 0)
    gtk_widget_remove_css_class (label, "error");
  if (g_strcmp0 (css, "warning") != 0)
    gtk_widget_remove_css_class (label, "warning");
  if (css != NULL)
    gtk_widget_add_css_class (label, css);
}

static void
bind_deadline (CsInboxPage *self,
               GtkWidget   *cell,
               CsCase      *kase)
{
  const CsCaseInfo *info = info_for (self, kase);
  GtkWidget *promised = gtk_widget_get_first_child (cell);
  GtkWidget *statutory = gtk_widget_get_last_child (cell);
  g_autofree char *promised_text = NULL;
  g_autofree char *promised_left = NULL;
  g_autofree char *statutory_text = NULL;
  g_autofree char *statutory_left = NULL;

  if (!info->has_clock)
    {
      set_label (promised, _("No calendar yet"));
      set_label (statutory, "");
      set_state_class (promised, CS_CLOCK_STATE_ON_TRACK);
      set_state_class (statutory, CS_CLOCK_STATE_ON_TRACK);
      return;
    }

  promised_left = format_remaining (info, info->promised_remaining, info->promised_state);
  statutory_left = format_remaining (info, info->statutory_remaining, info->statutory_state);
  /* Translators: the inbox's deadline column: the promised clock, e.g. "Promised: 3 working days left" */
  promised_text = g_strdup_printf (_("Promised: %s"), promised_left);
  /* Translators: the inbox's deadline column: the statutory clock */
  statutory_text = g_strdup_printf (_("Statutory: %s"), statutory_left);
  set_label (promised, promised_text);
  set_label (statutory, statutory_text);
  set_state_class (promised, info->closed ? CS_CLOCK_STATE_ON_TRACK : info->promised_state);
  set_state_class (statutory, info->closed ? CS_CLOCK_STATE_ON_TRACK : info->statutory_state);
  if (info->closed)
    {
      gtk_widget_add_css_class (promised, "dim-label");
      gtk_widget_add_css_class (statutory, "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (promised, "dim-label");
      gtk_widget_remove_css_class (statutory, "dim-label");
    }
}

static gboolean
parallel_query_tooltip (GtkWidget  *label,
                        int         x,
                        int         y,
                        gboolean    keyboard,
                        GtkTooltip *tooltip,
                        gpointer    user_data)
{
  CsCase *kase = cell_case (label);

  if (kase == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, cs_case_get_lead (kase)
                                 ? _("Parallel approval: this department leads")
                                 : _("Parallel approval: this department takes part"));
  return TRUE;
}

static void
green_channel_setup (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  /* Translators: a tag in the inbox: the case goes through the green channel (promised limit halved) */
  gtk_list_item_set_child (item, tag_new (_("Green channel"), "green-channel"));
}

static void
bind_green_channel (CsInboxPage *self,
                    GtkWidget   *cell,
                    CsCase      *kase)
{
  gtk_widget_set_visible (cell, cs_case_get_green_channel (kase));
}

static void
parallel_setup (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  /* Translators: a tag in the inbox: this department leads a parallel approval */
  GtkWidget *tag = tag_new (C_("parallel approval", "Leads"), "parallel");

  gtk_widget_set_has_tooltip (tag, TRUE);
  g_signal_connect (tag, "query-tooltip", G_CALLBACK (parallel_query_tooltip), NULL);
  gtk_list_item_set_child (item, tag);
}

static void
bind_parallel (CsInboxPage *self,
               GtkWidget   *cell,
               CsCase      *kase)
{
  gtk_widget_set_visible (cell, cs_case_get_parallel (kase));
  gtk_label_set_text (GTK_LABEL (cell),
                      cs_case_get_lead (kase)
                      ? C_("parallel approval", "Leads")
                      /* Translators: a tag in the inbox: this department takes part in a parallel approval led by another */
                      : C_("parallel approval", "Takes part"));
}

/* Sorting */

static int
compare_strings (const char *a,
                 const char *b)
{
  return g_strcmp0 (a, b);
}

static int
compare_number (gconstpointer a, gconstpointer b, gpointer data)
{
  return compare_strings (cs_case_get_number ((CsCase *) a), cs_case_get_number ((CsCase *) b));
}

static int
compare_matter (gconstpointer a, gconstpointer b, gpointer data)
{
  return compare_strings (cs_case_get_matter_name ((CsCase *) a),
                          cs_case_get_matter_name ((CsCase *) b));
}

static int
compare_applicant (gconstpointer a, gconstpointer b, gpointer data)
{
  return compare_strings (cs_case_get_applicant_name ((CsCase *) a),
                          cs_case_get_applicant_name ((CsCase *) b));
}

static int
compare_int64 (gint64 a,
               gint64 b)
{
  return a < b ? -1 : a > b ? 1 : 0;
}

static int
compare_received (gconstpointer a, gconstpointer b, gpointer data)
{
  return compare_int64 (cs_case_get_received_at ((CsCase *) a),
                        cs_case_get_received_at ((CsCase *) b));
}

/* Most urgent first: open cases before decided ones, then the fewest
 * promised days left, then statutory ones; cases without a clock (no
 * calendar yet) last. */
static int
compare_deadline (gconstpointer a, gconstpointer b, gpointer data)
{
  CsInboxPage *self = data;
  const CsCaseInfo *ia = info_for (self, (CsCase *) a);
  int a_has = ia->has_clock, a_promised = ia->promised_remaining;
  int a_statutory = ia->statutory_remaining;
  const CsCaseInfo *ib = info_for (self, (CsCase *) b);

  if (ia->closed != ib->closed)
    return ia->closed ? 1 : -1;
  if (a_has != ib->has_clock)
    return a_has ? -1 : 1;
  if (a_promised != ib->promised_remaining)
    return a_promised < ib->promised_remaining ? -1 : 1;
  if (a_statutory != ib->statutory_remaining)
    return a_statutory < ib->statutory_remaining ? -1 : 1;
  return compare_received (a, b, NULL);
}

static int
compare_state (gconstpointer a, gconstpointer b, gpointer data)
{
  return (int) cs_case_get_status ((CsCase *) a) - (int) cs_case_get_status ((CsCase *) b);
}

/* Tagged cases first when sorted ascending. */
static int
compare_green_channel (gconstpointer a, gconstpointer b, gpointer data)
{
  return cs_case_get_green_channel ((CsCase *) b) - cs_case_get_green_channel ((CsCase *) a);
}

/* Led here, then taking part, then not parallel. */
static int
compare_parallel (gconstpointer a, gconstpointer b, gpointer data)
{
  int ta = cs_case_get_parallel ((CsCase *) a) * 2 + cs_case_get_lead ((CsCase *) a);
  int tb = cs_case_get_parallel ((CsCase *) b) * 2 + cs_case_get_lead ((CsCase *) b);

  return tb - ta;
}

static int
compare_assignee (gconstpointer a, gconstpointer b, gpointer data)
{
  return compare_strings (cs_case_get_assignee_name ((CsCase *) a),
                          cs_case_get_assignee_name ((CsCase *) b));
}

static GtkColumnViewColumn *
add_column (CsInboxPage      *self,
            const char       *title,
            GCallback         setup,
            BindCell          bind,
            GCompareDataFunc  compare,
            gboolean          expand,
            int               fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;
  g_autoptr(GtkSorter) sorter = NULL;

  g_object_set_data (G_OBJECT (factory), "cs-bind", bind);
  g_signal_connect (factory, "setup", setup, self);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind), self);

  column = gtk_column_view_column_new (title, factory);
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare, self, NULL));
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (column, fixed_width);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
  return column;
}

/* Filtering */

static gboolean
matches_terms (char       **terms,
               const char  *key)
{
  for (guint i = 0; terms != NULL && terms[i] != NULL; i++)
    if (strstr (key, terms[i]) == NULL)
      return FALSE;
  return TRUE;
}

static gboolean
matches_search (CsInboxPage      *self,
                const CsCaseInfo *info)
{
  return matches_terms (self->search_terms, info->search_key);
}

/* Each filter's test for one of its choices: the filter uses the chosen
 * one, the counts every one. */
static gboolean
matches_view (CsInboxPage      *self,
              CsCase           *kase,
              const CsCaseInfo *info,
              SavedView         view)
{
  switch (view)
    {
    case VIEW_OVERDUE:
      return cs_case_status_is_open (cs_case_get_status (kase)) && info->has_clock &&
             info->worst_state == CS_CLOCK_STATE_RED;
    case VIEW_DUE_THIS_WEEK:
      return cs_case_status_is_open (cs_case_get_status (kase)) && info->has_clock &&
             g_date_compare (&info->promised_due, &self->today) >= 0 &&
             g_date_compare (&info->promised_due, &self->end_of_week) <= 0;
    case VIEW_GREEN_CHANNEL:
      return cs_case_get_green_channel (kase);
    case VIEW_ALL:
    default:
      return TRUE;
    }
}

static gboolean
matches_scope (CsInboxPage  *self,
               CsCase       *kase,
               CsInboxScope  scope)
{
  switch (scope)
    {
    case CS_INBOX_SCOPE_MINE:
      return g_strcmp0 (cs_case_get_assignee_username (kase),
                        cs_session_get_username (self->session)) == 0;
    case CS_INBOX_SCOPE_UNCLAIMED:
      return cs_case_get_assignee_username (kase) == NULL &&
             cs_case_status_is_open (cs_case_get_status (kase));
    case CS_INBOX_SCOPE_ALL:
    default:
      return TRUE;
    }
}

/* 0: any state; 1: open; then state_filters[]. */
static gboolean
matches_state (CsCase *kase,
               guint   choice)
{
  if (choice == 0 || choice == GTK_INVALID_LIST_POSITION)
    return TRUE;
  if (choice == 1)
    return cs_case_status_is_open (cs_case_get_status (kase));
  return choice - 2 < G_N_ELEMENTS (state_filters) &&
         cs_case_get_status (kase) == state_filters[choice - 2];
}

static gboolean
matches_deadline (const CsCaseInfo *info,
                  DeadlineFilter    choice)
{
  switch (choice)
    {
    case DEADLINE_ON_TRACK:
      return info->has_clock && info->worst_state == CS_CLOCK_STATE_ON_TRACK;
    case DEADLINE_YELLOW:
      return info->has_clock && info->worst_state == CS_CLOCK_STATE_YELLOW;
    case DEADLINE_RED:
      return info->has_clock && info->worst_state == CS_CLOCK_STATE_RED;
    case DEADLINE_PAUSED:
      return info->has_clock && info->worst_state == CS_CLOCK_STATE_PAUSED;
    case DEADLINE_ANY:
    default:
      return TRUE;
    }
}

/* @code: a matter's code, or NULL for any matter. Codes are compared,
 * not names: two matters may share a name across departments. */
static gboolean
matches_matter (CsInboxPage *self,
                CsCase      *kase,
                const char  *code)
{
  return code == NULL || g_strcmp0 (cs_case_get_matter_code (kase), code) == 0;
}

static guint
selected (CsInboxPage *self,
          Facet        facet)
{
  return gtk_drop_down_get_selected (self->facets[facet]);
}

/* The matter of the matter filter's choice @position, or NULL. */
static const char *
matter_at (CsInboxPage *self,
           guint        position)
{
  if (position == 0 || position == GTK_INVALID_LIST_POSITION ||
      position > self->matter_codes->len)
    return NULL;
  return g_ptr_array_index (self->matter_codes, position - 1);
}

/* The filter reads the drop-downs once per change, not once per case
 * (four lookups each: ~5 ms a pass over 100,000 cases). */
static void
read_choices (CsInboxPage *self)
{
  for (guint f = 0; f < N_FACETS; f++)
    self->chosen[f] = selected (self, f);
  if (!self->filling_matters)
    _cs_set_str (&self->chosen_matter, matter_at (self, self->chosen[FACET_MATTER]));
}

/* What the search looks in, which the filter model keeps beside each
 * case (see CsCaseFilterModel). */
static const char *
case_search_key (gpointer item,
                 gpointer user_data)
{
  return cs_case_info_get_search_key (item);
}

/* The filters; the filter model does the search. */
static gboolean
filter_case (gpointer item,
             gpointer user_data)
{
  CsInboxPage *self = user_data;
  CsCase *kase = item;
  const CsCaseInfo *info;

  if (self->session == NULL)
    return FALSE;
  if (self->chosen[FACET_SCOPE] != CS_INBOX_SCOPE_ALL &&
      !matches_scope (self, kase, self->chosen[FACET_SCOPE]))
    return FALSE;
  if (self->chosen[FACET_STATE] != 0 && !matches_state (kase, self->chosen[FACET_STATE]))
    return FALSE;
  if (!matches_matter (self, kase, self->chosen_matter))
    return FALSE;
  /* The derived data only when a filter needs it: the deadlines are
   * checked against the day. */
  if (self->chosen[FACET_VIEW] == VIEW_ALL && self->chosen[FACET_DEADLINE] == DEADLINE_ANY)
    return TRUE;
  info = info_for (self, kase);
  return matches_view (self, kase, info, self->chosen[FACET_VIEW]) &&
         matches_deadline (info, self->chosen[FACET_DEADLINE]);
}

/* A term found in the start every case's search key shares (all case
 * numbers begin with "LW2026", say) matches every case: the filter does
 * not look for it, and typing it changes nothing. */
static gboolean
trivial_term (CsInboxPage *self,
              const char  *term)
{
  return self->common_prefix != NULL && strstr (self->common_prefix, term) != NULL;
}

static void
update_search_needed (CsInboxPage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_clear_pointer (&self->search_needed, g_strfreev);
  for (guint i = 0; self->search_terms != NULL && self->search_terms[i] != NULL; i++)
    if (!trivial_term (self, self->search_terms[i]))
      g_strv_builder_add (builder, self->search_terms[i]);
  self->search_needed = g_strv_builder_end (builder);
  if (self->search_needed[0] == NULL)
    g_clear_pointer (&self->search_needed, g_strfreev);
  if (self->filter_model != NULL)
    cs_case_filter_model_set_search (self->filter_model,
                                     (const char * const *) self->search_needed);
}

/* Counts per filter */

static void
update_week (CsInboxPage *self)
{
  cs_session_get_today (self->session, &self->today);
  self->end_of_week = self->today;
  g_date_add_days (&self->end_of_week, 7 - g_date_get_weekday (&self->today));
}

static const guint n_choices[N_FACETS] = { N_VIEWS, N_SCOPES, N_STATES, N_DEADLINES, 1 };

static guint
count_of (CsInboxPage *self,
          Facet        facet,
          guint        position)
{
  if (facet == FACET_MATTER)
    return position < self->matter_counts->len
           ? g_array_index (self->matter_counts, guint, position) : 0;
  return position < n_choices[facet] ? self->counts[facet][position] : 0;
}

/* A choice's count beside its name, and in its accessible label. */
static void
show_count (CsInboxPage *self,
            Facet        facet,
            GtkWidget   *box)
{
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (box), "cs-position"));
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *count = gtk_widget_get_last_child (box);
  guint n = count_of (self, facet, position);
  g_autofree char *text = g_strdup_printf ("%u", n);
  g_autofree char *label = NULL;

  if (!self->counted || self->session == NULL ||
      g_list_model_get_n_items (G_LIST_MODEL (cs_session_get_cases (self->session))) == 0)
    {
      /* Not counted yet, or nothing to count: the name alone. */
      gtk_widget_set_visible (count, FALSE);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL);
      return;
    }
  gtk_label_set_text (GTK_LABEL (count), text);
  gtk_widget_set_visible (count, TRUE);
  if (n == 0)
    gtk_widget_add_css_class (count, "dim-label");
  else
    gtk_widget_remove_css_class (count, "dim-label");
  /* Translators: the accessible label of a filter choice with its count,
   * e.g. "Overdue, 12 cases" */
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u case", "%s, %u cases", n),
                           gtk_label_get_text (GTK_LABEL (name)), n);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
show_counts (CsInboxPage *self)
{
  for (guint f = 0; f < N_FACETS; f++)
    for (guint i = 0; i < self->count_labels[f]->len; i++)
      show_count (self, f, g_ptr_array_index (self->count_labels[f], i));
}

typedef struct
{
  const char *code;          /* the case's, which outlives the count */
  const char *name;
  guint count;
} MatterCount;

static int
compare_matter_counts (gconstpointer a,
                       gconstpointer b)
{
  const MatterCount *ma = *(MatterCount **) a, *mb = *(MatterCount **) b;
  int order = g_utf8_collate (ma->name != NULL ? ma->name : "", mb->name != NULL ? mb->name : "");

  return order != 0 ? order : strcmp (ma->code, mb->code);
}

/* The matter filter offers the matters of the cases held, by name, each
 * with its count; the choice stays on its matter while the list changes,
 * and a matter chosen that no case has any more stays offered (with no
 * case) until another is chosen. */
static void
update_matter_choices (CsInboxPage *self,
                       GHashTable  *matters,
                       guint        any_matter)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_sized_new (g_hash_table_size (matters) + 1);
  g_autoptr(GtkStringList) names = NULL;
  MatterCount kept = { self->chosen_matter, NULL, 0 };
  GHashTableIter iter;
  gpointer value;
  gboolean same;
  guint chosen = 0;

  g_hash_table_iter_init (&iter, matters);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (sorted, value);

  /* No case at all (signed out, or another account opening): the matters
   * of the last account are not this one's. */
  if (g_hash_table_size (matters) == 0)
    g_clear_pointer (&self->chosen_matter, g_free);
  if (self->chosen_matter != NULL && !g_hash_table_contains (matters, self->chosen_matter))
    {
      /* Its name as last shown. */
      for (guint i = 0; i < self->matter_codes->len; i++)
        if (g_str_equal (g_ptr_array_index (self->matter_codes, i), self->chosen_matter))
          kept.name = gtk_string_list_get_string (
            GTK_STRING_LIST (gtk_drop_down_get_model (self->matter_dropdown)), i + 1);
      g_ptr_array_add (sorted, &kept);
    }
  g_ptr_array_sort (sorted, compare_matter_counts);

  g_array_set_size (self->matter_counts, sorted->len + 1);
  g_array_index (self->matter_counts, guint, 0) = any_matter;
  same = sorted->len == self->matter_codes->len;
  for (guint i = 0; i < sorted->len; i++)
    {
      MatterCount *matter = g_ptr_array_index (sorted, i);

      g_array_index (self->matter_counts, guint, i + 1) = matter->count;
      same = same && g_str_equal (g_ptr_array_index (self->matter_codes, i), matter->code);
    }
  if (same)
    return;

  /* Other matters: the choices are made again, the chosen one kept. */
  names = gtk_string_list_new (NULL);
  gtk_string_list_append (names, _("Any Matter"));
  g_ptr_array_set_size (self->matter_codes, 0);
  for (guint i = 0; i < sorted->len; i++)
    {
      MatterCount *matter = g_ptr_array_index (sorted, i);

      g_ptr_array_add (self->matter_codes, g_strdup (matter->code));
      gtk_string_list_append (names, matter->name != NULL && *matter->name != '\0'
                                     ? matter->name : matter->code);
      if (g_strcmp0 (matter->code, self->chosen_matter) == 0)
        chosen = i + 1;
    }
  self->filling_matters = TRUE;
  gtk_drop_down_set_model (self->matter_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->matter_dropdown, chosen);
  self->filling_matters = FALSE;
}

/* Loads @icon_name as the status page shows it, into the icon theme's
 * cache: the first search that finds nothing, a keystroke, then does not
 * wait for its image to be drawn from its SVG (1.6 ms). */
static void
warm_icon (GtkWidget  *status_page,
           const char *icon_name)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (status_page));
  g_autoptr(GtkIconPaintable) icon = NULL;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  /* AdwStatusPage's icon size. */
  icon = gtk_icon_theme_lookup_icon (theme, icon_name, NULL, 128,
                                     gtk_widget_get_scale_factor (status_page),
                                     gtk_widget_get_direction (status_page), 0);
  gdk_paintable_snapshot (GDK_PAINTABLE (icon), GDK_SNAPSHOT (snapshot), 128, 128);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

/* How many cases each choice of each filter would show, given the search
 * and the other filters as they are: what a person gets by picking it.
 * One pass over the cases for every count; a case that fails two filters
 * counts nowhere, one that fails one counts only for that filter's
 * choices. */
static gboolean
update_counts (gpointer data)
{
  CsInboxPage *self = data;
  gboolean warmed = self->counted;
  GListModel *cases = G_LIST_MODEL (cs_session_get_cases (self->session));
  guint n = g_list_model_get_n_items (cases);
  gint64 start = g_get_monotonic_time ();
  guint chosen[N_FACETS];
  const char *prefix = NULL;
  gsize prefix_len = 0;
  /* matter code → MatterCount, and the count of "Any Matter" */
  g_autoptr(GHashTable) matters = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  guint any_matter = 0;

  self->counts_source = 0;
  self->counted = TRUE;
  update_week (self);
  memset (self->counts, 0, sizeof self->counts);
  for (guint f = 0; f < N_FACETS; f++)
    {
      chosen[f] = selected (self, f);
      if (chosen[f] >= n_choices[f])
        chosen[f] = 0;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsCase) kase = g_list_model_get_item (cases, i);
      const CsCaseInfo *info = info_for (self, kase);
      gboolean match[N_FACETS][MAX_CHOICES] = { { FALSE } };
      guint fails = 0, failed = 0;
      const char *matter = cs_case_get_matter_code (kase);
      MatterCount *matter_count;

      if (i == 0)
        prefix_len = strlen (info->search_key);
      else
        {
          guint k = 0;

          while (k < prefix_len && info->search_key[k] == prefix[k])
            k++;
          prefix_len = k;
        }
      if (i == 0)
        prefix = info->search_key;

      /* Every matter of the cases is a choice, whatever the search. */
      if (matter == NULL)
        matter = "";
      matter_count = g_hash_table_lookup (matters, matter);
      if (matter_count == NULL)
        {
          matter_count = g_new0 (MatterCount, 1);
          matter_count->code = matter;
          matter_count->name = cs_case_get_matter_name (kase);
          g_hash_table_insert (matters, (gpointer) matter, matter_count);
        }

      if (!matches_search (self, info))
        continue;
      for (guint c = 0; c < N_VIEWS; c++)
        match[FACET_VIEW][c] = matches_view (self, kase, info, c);
      for (guint c = 0; c < N_SCOPES; c++)
        match[FACET_SCOPE][c] = matches_scope (self, kase, c);
      for (guint c = 0; c < N_STATES; c++)
        match[FACET_STATE][c] = matches_state (kase, c);
      for (guint c = 0; c < N_DEADLINES; c++)
        match[FACET_DEADLINE][c] = matches_deadline (info, c);
      /* The matter facet's choices are "any" and this case's matter. */
      match[FACET_MATTER][0] = matches_matter (self, kase, self->chosen_matter);

      for (guint f = 0; f < N_FACETS; f++)
        if (!match[f][f == FACET_MATTER ? 0 : chosen[f]])
          {
            fails++;
            failed = f;
          }
      if (fails > 1)
        continue;
      for (guint f = 0; f < N_FACETS; f++)
        if (f != FACET_MATTER && (fails == 0 || f == failed))
          for (guint c = 0; c < n_choices[f]; c++)
            self->counts[f][c] += match[f][c];
      if (fails == 0 || failed == FACET_MATTER)
        {
          any_matter++;
          matter_count->count++;
        }
    }
  update_matter_choices (self, matters, any_matter);

  g_clear_pointer (&self->common_prefix, g_free);
  if (n > 0)
    {
      /* Cut back to a whole character, so that a term can be compared. */
      while (prefix_len > 0 && (prefix[prefix_len] & 0xC0) == 0x80)
        prefix_len--;
      self->common_prefix = g_strndup (prefix, prefix_len);
    }
  update_search_needed (self);
  show_counts (self);
  /* The first counts come a moment after the inbox is drawn: the filter
   * may copy the search keys now, for the first search. */
  cs_case_filter_model_prepare_keys (self->filter_model);
  if (!warmed)
    warm_icon (GTK_WIDGET (self->status_page), "edit-find-symbolic");
  if (self->bench)
    {
      g_print ("counts %" G_GINT64_FORMAT "\n", g_get_monotonic_time () - start);
      fflush (stdout);
    }
  return G_SOURCE_REMOVE;
}

/* Counts follow changes a moment later, all in one pass: while the person
 * types, only once the typing pauses (@restart); for changes of the cases,
 * at most a few times a second. */
static void
schedule_counts (CsInboxPage *self,
                 gboolean     restart)
{
  if (self->session == NULL)
    return;
  if (self->counts_source != 0 && !restart)
    return;
  g_clear_handle_id (&self->counts_source, g_source_remove);
  self->counts_source = g_timeout_add_full (G_PRIORITY_LOW, restart ? 300 : 200,
                                            update_counts, self, NULL);
}

static void
choice_setup (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              CsInboxPage              *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *count = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_label_set_xalign (GTK_LABEL (count), 1);
  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_add_css_class (count, "filter-count");
  gtk_widget_set_visible (count, FALSE);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), count);
  gtk_list_item_set_child (item, box);
}

static void
choice_bind (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             CsInboxPage              *self)
{
  Facet facet = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "cs-facet"));
  GtkWidget *box = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
  g_object_set_data (G_OBJECT (box), "cs-position",
                     GUINT_TO_POINTER (gtk_list_item_get_position (item)));
  g_ptr_array_add (self->count_labels[facet], box);
  show_count (self, facet, box);
}

static void
choice_unbind (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               CsInboxPage              *self)
{
  Facet facet = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "cs-facet"));

  g_ptr_array_remove_fast (self->count_labels[facet], gtk_list_item_get_child (item));
}

static void
set_choice_factory (CsInboxPage *self,
                    Facet        facet)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "cs-facet", GUINT_TO_POINTER (facet));
  g_signal_connect (factory, "setup", G_CALLBACK (choice_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (choice_bind), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (choice_unbind), self);
  /* Every choice shows its count in the pop-up; the saved view's also on
   * the button, next to its name ("Overdue 12"): the others would repeat
   * the status line. */
  gtk_drop_down_set_list_factory (self->facets[facet], factory);
  if (facet == FACET_VIEW)
    gtk_drop_down_set_factory (self->facets[facet], factory);
}

static gboolean
any_filter_set (CsInboxPage *self)
{
  return self->search_terms != NULL ||
         selected (self, FACET_VIEW) != VIEW_ALL ||
         cs_inbox_page_get_scope (self) != CS_INBOX_SCOPE_ALL ||
         selected (self, FACET_STATE) != 0 || selected (self, FACET_DEADLINE) != DEADLINE_ANY ||
         self->chosen_matter != NULL;
}

/* Whether the server was not reached at all (the network), as opposed to
 * reached and unusable (its certificate refused, an error answered). */
static gboolean
unreachable (const GError *reason)
{
  return reason == NULL || reason->domain != CS_ERROR || reason->code == CS_ERROR_NETWORK;
}

/* What the page shows: the list, or a status page that says what is
 * happening and what to do. */
/* The status page over the list, or the list. Under the status page the
 * list keeps its last rows (see CsCaseFilterModel), not drawn, not under
 * the pointer, out of the keyboard's way and hidden from assistive
 * technologies. */
static void
show_status_page (CsInboxPage *self,
                  gboolean     shown)
{
  GtkWidget *list = GTK_WIDGET (self->list_scroller);
  GtkRoot *root;
  GtkWidget *focus;

  if (gtk_widget_get_visible (GTK_WIDGET (self->status_page)) == shown &&
      gtk_widget_get_can_focus (list) == !shown)
    return;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->status_page), shown);
  gtk_widget_set_opacity (list, shown ? 0 : 1);
  gtk_widget_set_can_target (list, !shown);
  gtk_widget_set_can_focus (list, !shown);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->column_view), GTK_ACCESSIBLE_STATE_HIDDEN,
                               shown, -1);
  if (shown && focus != NULL && gtk_widget_is_ancestor (focus, list))
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
update_status (CsInboxPage *self)
{
  guint shown = cs_case_filter_model_get_n_matches (self->filter_model);
  g_autofree char *description = NULL;
  guint total = self->session != NULL
                ? g_list_model_get_n_items (G_LIST_MODEL (cs_session_get_cases (self->session)))
                : 0;
  g_autofree char *count = NULL;

  if (total == 0)
    count = g_strdup ("");
  else if (shown == total)
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u case", "%u cases", total),
                             total);
  else
    /* Translators: the inbox's status line while filtered: "Showing 12 of 250 cases" */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Showing %u of %u case",
                                          "Showing %u of %u cases", total),
                             shown, total);
  gtk_label_set_text (self->count_label, count);

  show_status_page (self, shown == 0);
  if (shown > 0)
    {
      if (self->focus_list_when_shown)
        {
          GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
          GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

          self->focus_list_when_shown = FALSE;
          if (self->search_terms == NULL && focus != NULL &&
              (focus == GTK_WIDGET (self->search_entry) ||
               gtk_widget_is_ancestor (focus, GTK_WIDGET (self->search_entry))))
            gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
        }
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->status_button), TRUE);
  if (!self->loaded)
    {
      adw_status_page_set_icon_name (self->status_page, "content-loading-symbolic");
      adw_status_page_set_title (self->status_page, _("Opening the Inbox…"));
      adw_status_page_set_description (self->status_page,
                                       _("Reading the cases kept on this computer."));
      gtk_widget_set_visible (GTK_WIDGET (self->status_button), FALSE);
    }
  else if (total == 0 && cs_session_get_syncing (self->session))
    {
      adw_status_page_set_icon_name (self->status_page, "folder-download-symbolic");
      adw_status_page_set_title (self->status_page, _("Fetching Cases…"));
      adw_status_page_set_description (self->status_page,
                                       _("The department’s cases are being copied from the "
                                         "server; they will stay available offline."));
      gtk_widget_set_visible (GTK_WIDGET (self->status_button), FALSE);
    }
  else if (total == 0 && !cs_session_get_online (self->session) &&
           !unreachable (cs_session_get_offline_reason (self->session)))
    {
      adw_status_page_set_icon_name (self->status_page, "dialog-warning-symbolic");
      adw_status_page_set_title (self->status_page, _("The Server Is Not Working"));
      /* Translators: %s is the server's error */
      description = g_strdup_printf (_("The server answered, but the cases could not be "
                                       "fetched: %s. Try again later; if this lasts, tell the "
                                       "service desk."),
                                     cs_session_get_offline_reason (self->session)->message);
      adw_status_page_set_description (self->status_page, description);
      gtk_button_set_label (self->status_button, _("_Try Again"));
    }
  else if (total == 0 && !cs_session_get_online (self->session))
    {
      adw_status_page_set_icon_name (self->status_page, "network-offline-symbolic");
      adw_status_page_set_title (self->status_page, _("No Cases Offline"));
      adw_status_page_set_description (self->status_page,
                                       _("The server cannot be reached and no cases have been "
                                         "kept on this computer yet. Check the network, then "
                                         "try again."));
      gtk_button_set_label (self->status_button, _("_Try Again"));
    }
  else if (total == 0)
    {
      adw_status_page_set_icon_name (self->status_page, "emblem-ok-symbolic");
      adw_status_page_set_title (self->status_page, _("No Cases"));
      adw_status_page_set_description (self->status_page,
                                       _("Nothing has been forwarded to your department. New "
                                         "cases appear here as soon as the front desk "
                                         "forwards them."));
      gtk_widget_set_visible (GTK_WIDGET (self->status_button), FALSE);
    }
  else
    {
      adw_status_page_set_icon_name (self->status_page, "edit-find-symbolic");
      adw_status_page_set_title (self->status_page, _("No Matching Cases"));
      adw_status_page_set_description (self->status_page,
                                       _("No case matches the search and the filters."));
      gtk_button_set_label (self->status_button, _("_Show All Cases"));
      gtk_widget_set_visible (GTK_WIDGET (self->status_button), any_filter_set (self));
    }
}

/* A new search or filter starts from its first case, at the top of the
 * list. Unselecting first
 * also spares the selection model a search for the old case among every
 * case the filter changed, one lookup each (GTK 4.8): hundreds of
 * milliseconds at 100,000 cases. */
static void
stop_flush (CsInboxPage *self)
{
  if (self->flush_id != 0)
    g_clear_signal_handler (&self->flush_id, self->flush_clock);
  g_clear_object (&self->flush_clock);
}

static void
flush_rows_after_paint (GdkFrameClock *clock,
                        CsInboxPage   *self)
{
  stop_flush (self);
  cs_case_filter_model_flush_rows (self->filter_model);
}

/* The rows out of view get their new cases once the new list is drawn
 * (see cs_case_filter_model_flush_rows()). */
static void
schedule_flush (CsInboxPage *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (self->flush_id != 0)
    return;
  if (clock == NULL)
    {
      cs_case_filter_model_flush_rows (self->filter_model);
      return;
    }
  self->flush_clock = g_object_ref (clock);
  self->flush_id = g_signal_connect (clock, "after-paint", G_CALLBACK (flush_rows_after_paint),
                                     self);
}

static void
on_list_changing (CsInboxPage *self)
{
  GtkAdjustment *scroll = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));

  /* The filter hands the rows in view the new list's first cases (see
   * CsCaseFilterModel): show them from the top. */
  if (scroll != NULL)
    gtk_adjustment_set_value (scroll, gtk_adjustment_get_lower (scroll));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

/* A filter change that leaves the same cases changes nothing on screen:
 * the model says so by not emitting CsCaseFilterModel::changing. */
static void
refilter_with (CsInboxPage     *self,
               GtkFilterChange  change)
{
  update_week (self);
  read_choices (self);
  self->refiltering = TRUE;
  gtk_filter_changed (GTK_FILTER (self->filter), change);
  self->refiltering = FALSE;
  schedule_flush (self);
  /* Held rows (no match) are never selected. */
  gtk_single_selection_set_autoselect (self->selection,
                                       cs_case_filter_model_get_n_matches (self->filter_model) > 0);
  update_status (self);
}

static void
refilter (CsInboxPage *self)
{
  refilter_with (self, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_filter_changed (CsInboxPage *self)
{
  /* The matter choices made again keep the same choice. */
  if (self->filling_matters)
    return;
  if (self->filter != NULL)
    {
      refilter (self);
      schedule_counts (self, FALSE);
    }
  /* The scope is a setting: say when it changes, however it changed. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCOPE]);
}

/* Whether every term of @inner lies inside some term of @outer: then
 * whatever matches @outer matches @inner. */
static gboolean
terms_cover (char **outer,
             char **inner)
{
  for (guint i = 0; inner != NULL && inner[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; outer != NULL && outer[j] != NULL && !found; j++)
        found = strstr (outer[j], inner[i]) != NULL;
      if (!found)
        return FALSE;
    }
  return TRUE;
}

/* Filters as the person types, without the search entry's delay. A term
 * that grows only narrows the list: the filter then looks again at the
 * cases shown, not at all of them. */
/* Connected before the list's models: a case that changes or comes may
 * not share the start any more, and the filter looks at it next. */
static void
on_cases_changing (CsInboxPage *self)
{
  if (self->common_prefix == NULL)
    return;
  g_clear_pointer (&self->common_prefix, g_free);
  update_search_needed (self);
}

static void
on_search_changed (CsInboxPage *self)
{
  g_autofree char *folded = cs_case_info_fold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  /* Folding made ideographic spaces plain ones. */
  g_auto(GStrv) terms = g_strsplit_set (g_strstrip (folded), " \t", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) old = NULL;
  gboolean narrower, wider;

  for (guint i = 0; terms[i] != NULL; i++)
    if (*terms[i] != '\0')
      g_strv_builder_add (builder, terms[i]);
  g_clear_pointer (&self->search_terms, g_strfreev);
  self->search_terms = g_strv_builder_end (builder);
  if (self->search_terms[0] == NULL)
    g_clear_pointer (&self->search_terms, g_strfreev);

  /* What the filter looks for, before and after. */
  old = g_steal_pointer (&self->search_needed);
  update_search_needed (self);
  narrower = terms_cover (self->search_needed, old);
  wider = terms_cover (old, self->search_needed);
  /* The counts follow the whole search, for the status line's sake too. */
  schedule_counts (self, TRUE);
  if (self->filter == NULL || (narrower && wider))
    return;
  refilter_with (self, narrower ? GTK_FILTER_CHANGE_MORE_STRICT
                      : wider ? GTK_FILTER_CHANGE_LESS_STRICT : GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_stop_search (CsInboxPage *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void on_row_activated (CsInboxPage *self,
                              guint        position);

/* Enter in the search: a number typed or scanned that leaves one case
 * opens it; otherwise the keyboard moves on to the list. */
static void
on_search_activate (CsInboxPage *self)
{
  guint n = cs_case_filter_model_get_n_matches (self->filter_model);

  if (n == 1)
    on_row_activated (self, 0);
  else if (n > 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CsInboxPage *self = CS_INBOX_PAGE (widget);
  guint selected = gtk_single_selection_get_selected (self->selection);

  if (selected != GTK_INVALID_LIST_POSITION)
    on_row_activated (self, selected);
}

/* The chief's batch: the proposals of the selected case's matter, or of
 * the matter with the most proposals waiting when none is selected. */
static void
sign_proposals_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CsInboxPage *self = CS_INBOX_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GListModel *cases = G_LIST_MODEL (cs_session_get_cases (self->session));
  guint selected = gtk_single_selection_get_selected (self->selection);
  CsCase *chosen = NULL;
  g_autoptr(GHashTable) waiting = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(CsMatter) matter = NULL;
  const char *code = NULL;
  guint most = 0;
  GtkApplication *application;
  CsBatchSignWindow *window;

  if (selected != GTK_INVALID_LIST_POSITION)
    chosen = cs_case_filter_model_get_case (self->filter_model, selected);
  if (chosen != NULL)
    code = cs_case_get_matter_code (chosen);
  for (guint i = 0; code == NULL && i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(CsCase) kase = g_list_model_get_item (cases, i);
      const char *matter_code = cs_case_get_matter_code (kase);
      guint n;

      if (cs_case_get_status (kase) != CS_CASE_STATUS_REVIEWED)
        continue;
      n = GPOINTER_TO_UINT (g_hash_table_lookup (waiting, matter_code)) + 1;
      g_hash_table_insert (waiting, (gpointer) matter_code, GUINT_TO_POINTER (n));
      if (n > most)
        most = n;
    }
  if (code == NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, waiting);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (GPOINTER_TO_UINT (value) == most && (code == NULL || g_strcmp0 (key, code) < 0))
          code = key;
    }
  matter = code != NULL ? cs_session_lookup_matter (self->session, code) : NULL;
  if (matter == NULL)
    return;
  g_object_ref (matter);
  application = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;
  window = cs_batch_sign_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                     self->session,
                                     CS_IS_APPLICATION (application)
                                     ? cs_application_get_plugin_host (CS_APPLICATION (application))
                                     : NULL,
                                     matter);
  gtk_window_present (GTK_WINDOW (window));
}

static void
on_user_changed (CsInboxPage *self)
{
  CsUser *user = cs_session_get_user (self->session);
  gboolean chief = user != NULL && cs_user_is_chief (user);

  gtk_widget_set_visible (GTK_WIDGET (self->sign_proposals_button), chief);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "inbox.sign-proposals", chief);
}

static void
on_status_button_clicked (CsInboxPage *self)
{
  if (self->session != NULL && g_list_model_get_n_items (G_LIST_MODEL (cs_session_get_cases (self->session))) == 0)
    {
      cs_session_refresh (self->session);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->view_dropdown, VIEW_ALL);
  gtk_drop_down_set_selected (self->state_dropdown, 0);
  gtk_drop_down_set_selected (self->deadline_dropdown, DEADLINE_ANY);
  gtk_drop_down_set_selected (self->matter_dropdown, 0);
  cs_inbox_page_set_scope (self, CS_INBOX_SCOPE_ALL);
}

static void
on_row_activated (CsInboxPage *self,
                  guint        position)
{
  g_autoptr(CsCase) kase = NULL;

  kase = cs_case_filter_model_get_case (self->filter_model, position);
  if (kase != NULL)
    {
      g_object_ref (kase);
      g_signal_emit (self, signals[CASE_ACTIVATED], 0, kase);
    }
}

/* j and k move through the list as the arrows do. */
static void
move_selection (CsInboxPage *self,
                int          delta)
{
  guint n = cs_case_filter_model_get_n_matches (self->filter_model);
  guint selected = gtk_single_selection_get_selected (self->selection);
  guint next;

  if (n == 0)
    return;
  if (selected == GTK_INVALID_LIST_POSITION)
    next = 0;
  else if (delta < 0)
    next = selected > 0 ? selected - 1 : 0;
  else
    next = MIN (selected + 1, n - 1);
  gtk_single_selection_set_selected (self->selection, next);
  /* GTK 4.8 has the list's actions on the list view inside the column
   * view; scrolling to the row also moves the keyboard focus there, so that
   * Enter opens the case selected, as after the arrow keys. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", next);
}

static void
select_next_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  move_selection (CS_INBOX_PAGE (widget), 1);
}

static void
select_previous_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  move_selection (CS_INBOX_PAGE (widget), -1);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CsInboxPage *self = CS_INBOX_PAGE (widget);

  if (self->session != NULL)
    cs_session_refresh (self->session);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  cs_inbox_page_focus_search (CS_INBOX_PAGE (widget));
}

/* Letters typed in the list (other than j and k) start a search. */
static gboolean
on_list_key_pressed (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     CsInboxPage           *self)
{
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      /* The case selected, which j and k move without the row's focus. */
      if (gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
        return FALSE;
      on_row_activated (self, gtk_single_selection_get_selected (self->selection));
      return TRUE;
    case GDK_KEY_j:
      move_selection (self, 1);
      return TRUE;
    case GDK_KEY_k:
      move_selection (self, -1);
      return TRUE;
    case GDK_KEY_slash:
      cs_inbox_page_focus_search (self);
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
on_search_key_pressed (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       CsInboxPage           *self)
{
  if (keyval == GDK_KEY_Down && cs_case_filter_model_get_n_matches (self->filter_model) > 0)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
      return TRUE;
    }
  return FALSE;
}

static void
on_items_changed (CsInboxPage *self)
{
  guint matches = cs_case_filter_model_get_n_matches (self->filter_model);

  /* A live update that brings matches after none selects as before. */
  if (!self->refiltering)
    gtk_single_selection_set_autoselect (self->selection, matches > 0);
  update_status (self);
}

/* Session state */

static void
update_online (CsInboxPage *self)
{
  const GError *reason = cs_session_get_offline_reason (self->session);
  gboolean offline = cs_session_get_username (self->session) != NULL &&
                     !cs_session_get_online (self->session) &&
                     !cs_session_get_syncing (self->session);
  g_autofree char *text = NULL;

  /* Not reached, or reached and unusable: the person checks the network
   * in the one case, tells the service desk in the others. */
  if (offline && reason != NULL && g_error_matches (reason, CS_ERROR, CS_ERROR_TLS))
    /* Translators: the inbox's banner when the server's certificate is refused; %s says why */
    text = g_strdup_printf (_("The server’s identity could not be confirmed, so nothing is "
                              "sent to it — showing the cases kept on this computer. Work "
                              "you save waits on this computer. (%s)"),
                            reason->message);
  else if (offline && !unreachable (reason))
    /* Translators: the inbox's banner when the server answers with an error; %s is the error */
    text = g_strdup_printf (_("The server is not working as it should — showing the cases "
                              "kept on this computer. Work you save is sent once it is. "
                              "If this lasts, tell the service desk. (%s)"),
                            reason->message);
  else if (offline)
    /* Translators: the offline banner; %s is the reason, such as "The server cannot be reached" */
    text = g_strdup_printf (_("Offline — showing the cases kept on this computer. Work you "
                              "save is sent when the server is back. (%s)"),
                            reason != NULL ? reason->message
                                           : _("The server cannot be reached"));
  if (text != NULL)
    gtk_label_set_text (self->offline_label, text);
  gtk_revealer_set_reveal_child (self->offline_revealer, offline);
  update_status (self);
}

static void
update_syncing (CsInboxPage *self)
{
  gboolean syncing = cs_session_get_syncing (self->session);

  gtk_widget_set_visible (GTK_WIDGET (self->sync_spinner), syncing);
  gtk_spinner_set_spinning (self->sync_spinner, syncing);
  update_online (self);
}

static void
update_title (CsInboxPage *self)
{
  CsUser *user = cs_session_get_user (self->session);
  g_autofree char *subtitle = NULL;

  if (user != NULL)
    /* Translators: the inbox's subtitle: the user's name and department */
    subtitle = g_strdup_printf (_("%s · %s"), cs_user_get_name (user),
                                cs_user_get_department_name (user));
  else
    subtitle = g_strdup (cs_session_get_username (self->session));
  adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : "");
}

static void
on_cases_changed (CsInboxPage *self)
{
  schedule_counts (self, FALSE);
}

static void
on_calendar_changed (CsInboxPage *self)
{
  schedule_counts (self, FALSE);
  /* Deadlines change with the calendar: filter and sort again, and
   * redraw what is shown. */
  refilter (self);
  gtk_sorter_changed (gtk_column_view_get_sorter (self->column_view),
                      GTK_SORTER_CHANGE_DIFFERENT);
}

static void
cs_inbox_page_dispose (GObject *object)
{
  CsInboxPage *self = (CsInboxPage *) object;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_handle_id (&self->counts_source, g_source_remove);
  stop_flush (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_INBOX_PAGE);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->search_terms, g_strfreev);
  g_clear_pointer (&self->search_needed, g_strfreev);
  g_clear_pointer (&self->common_prefix, g_free);
  for (guint f = 0; f < N_FACETS; f++)
    if (self->count_labels[f] != NULL)
      g_ptr_array_set_size (self->count_labels[f], 0);

  G_OBJECT_CLASS (cs_inbox_page_parent_class)->dispose (object);
}

static void
cs_inbox_page_finalize (GObject *object)
{
  CsInboxPage *self = (CsInboxPage *) object;

  for (guint f = 0; f < N_FACETS; f++)
    g_clear_pointer (&self->count_labels[f], g_ptr_array_unref);
  g_clear_pointer (&self->matter_codes, g_ptr_array_unref);
  g_clear_pointer (&self->matter_counts, g_array_unref);
  g_clear_pointer (&self->chosen_matter, g_free);

  G_OBJECT_CLASS (cs_inbox_page_parent_class)->finalize (object);
}

static void
cs_inbox_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CsInboxPage *self = CS_INBOX_PAGE (object);

  switch (prop_id)
    {
    case PROP_SCOPE:
      g_value_set_string (value, cs_inbox_page_get_scope (self) == CS_INBOX_SCOPE_MINE
                                 ? "mine"
                                 : cs_inbox_page_get_scope (self) == CS_INBOX_SCOPE_UNCLAIMED
                                 ? "unclaimed" : "all");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_inbox_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CsInboxPage *self = CS_INBOX_PAGE (object);
  const char *scope;

  switch (prop_id)
    {
    case PROP_SCOPE:
      scope = g_value_get_string (value);
      cs_inbox_page_set_scope (self, g_strcmp0 (scope, "mine") == 0 ? CS_INBOX_SCOPE_MINE
                                     : g_strcmp0 (scope, "unclaimed") == 0
                                     ? CS_INBOX_SCOPE_UNCLAIMED : CS_INBOX_SCOPE_ALL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The keyboard goes to the list, where the arrows, j/k and Enter work at
 * once; to the search when no case is listed. */
static gboolean
cs_inbox_page_grab_focus (GtkWidget *widget)
{
  CsInboxPage *self = CS_INBOX_PAGE (widget);

  /* Not shown yet (back from a case, while the window's stack changes
   * pages): once it is. */
  if (!gtk_widget_get_mapped (widget))
    {
      self->focus_on_map = TRUE;
      return TRUE;
    }
  if (!gtk_widget_get_visible (GTK_WIDGET (self->status_page)))
    return gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
  /* The list, once it shows cases, unless the person has typed. */
  self->focus_list_when_shown = TRUE;
  return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
cs_inbox_page_map (GtkWidget *widget)
{
  CsInboxPage *self = CS_INBOX_PAGE (widget);

  GTK_WIDGET_CLASS (cs_inbox_page_parent_class)->map (widget);
  if (self->focus_on_map)
    {
      self->focus_on_map = FALSE;
      cs_inbox_page_grab_focus (widget);
    }
}

static void
cs_inbox_page_class_init (CsInboxPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_inbox_page_dispose;
  object_class->finalize = cs_inbox_page_finalize;
  object_class->get_property = cs_inbox_page_get_property;
  object_class->set_property = cs_inbox_page_set_property;
  widget_class->grab_focus = cs_inbox_page_grab_focus;
  widget_class->map = cs_inbox_page_map;

  /* A string, the nick of the `inbox-scope` setting, so that it binds. */
  properties[PROP_SCOPE] =
    g_param_spec_string ("scope", NULL, NULL, "all",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CsInboxPage::case-activated:
   * @kase: the case
   *
   * The person opened a case (Enter, or a double click).
   */
  signals[CASE_ACTIVATED] = g_signal_new ("case-activated", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, CS_TYPE_CASE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/countersign/Desk/cs-inbox-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CsInboxPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, CsInboxPage, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, CsInboxPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, CsInboxPage, deadline_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CsInboxPage, offline_label);
  gtk_widget_class_bind_template_child (widget_class, CsInboxPage, offline_revealer);
  gtk_widget_class_bind_template_child (widget_class, CsInboxPage, scope_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CsInboxPage, matter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CsInboxPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CsInboxPage, sign_proposals_button);
  gtk_widget_class_bind_template_child (widget_class, CsInboxPage, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CsInboxPage, status_button);
  gtk_widget_class_bind_template_child (widget_class, CsInboxPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, CsInboxPage, sync_spinner);
  gtk_widget_class_bind_template_child (widget_class, CsInboxPage, view_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CsInboxPage, window_title);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_status_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);

  gtk_widget_class_install_action (widget_class, "inbox.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "inbox.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "inbox.sign-proposals", NULL,
                                   sign_proposals_action);
  gtk_widget_class_install_action (widget_class, "inbox.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "inbox.select-next", NULL, select_next_action);
  gtk_widget_class_install_action (widget_class, "inbox.select-previous", NULL,
                                   select_previous_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "inbox.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "inbox.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "inbox.refresh", NULL);
}

static GtkStringList *
string_list (const char * const *strings)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; strings[i] != NULL; i++)
    gtk_string_list_append (list, strings[i]);
  return list;
}

static void
fill_dropdowns (CsInboxPage *self)
{
  const char *views[] = {
    /* Translators: saved views of the inbox */
    _("All Cases"), _("Overdue"), _("Due This Week"), _("Green Channel"), NULL
  };
  const char *scopes[] = {
    /* Translators: whose cases the inbox lists */
    _("Mine"), _("Unclaimed"), _("Everyone’s"), NULL
  };
  const char *deadlines[] = {
    _("Any Deadline"), _("On Track"), _("Due Soon"), _("Overdue"), _("Clock Stopped"), NULL
  };
  g_autoptr(GtkStringList) states = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) view_list = string_list (views);
  g_autoptr(GtkStringList) scope_list = string_list (scopes);
  g_autoptr(GtkStringList) deadline_list = string_list (deadlines);
  /* Translators: the matter filter; the matters follow from the cases */
  const char *any_matter[] = { _("Any Matter"), NULL };
  g_autoptr(GtkStringList) matter_list = string_list (any_matter);

  gtk_string_list_append (states, _("Any State"));
  /* Translators: the state filter: every case not decided yet */
  gtk_string_list_append (states, _("Open"));
  for (guint i = 0; i < G_N_ELEMENTS (state_filters); i++)
    gtk_string_list_append (states, cs_case_status_get_label (state_filters[i]));

  gtk_drop_down_set_model (self->view_dropdown, G_LIST_MODEL (view_list));
  gtk_drop_down_set_model (self->scope_dropdown, G_LIST_MODEL (scope_list));
  gtk_drop_down_set_model (self->state_dropdown, G_LIST_MODEL (states));
  gtk_drop_down_set_model (self->deadline_dropdown, G_LIST_MODEL (deadline_list));
  gtk_drop_down_set_model (self->matter_dropdown, G_LIST_MODEL (matter_list));
  gtk_drop_down_set_selected (self->scope_dropdown, CS_INBOX_SCOPE_ALL);
}

static void
cs_inbox_page_init (CsInboxPage *self)
{
  GtkEventController *keys;
  GtkColumnViewColumn *deadline;

  gtk_widget_init_template (GTK_WIDGET (self));
  g_date_clear (&self->today, 1);
  g_date_clear (&self->end_of_week, 1);
  self->facets[FACET_VIEW] = self->view_dropdown;
  self->facets[FACET_SCOPE] = self->scope_dropdown;
  self->facets[FACET_STATE] = self->state_dropdown;
  self->facets[FACET_DEADLINE] = self->deadline_dropdown;
  self->facets[FACET_MATTER] = self->matter_dropdown;
  self->matter_codes = g_ptr_array_new_with_free_func (g_free);
  self->matter_counts = g_array_new (FALSE, TRUE, sizeof (guint));
  for (guint f = 0; f < N_FACETS; f++)
    {
      self->count_labels[f] = g_ptr_array_new ();
      set_choice_factory (self, f);
    }
  fill_dropdowns (self);

  add_column (self, _("Number"), G_CALLBACK (number_setup), bind_number, compare_number,
              FALSE, 150);
  add_column (self, _("Matter"), G_CALLBACK (label_setup), bind_matter, compare_matter,
              TRUE, -1);
  add_column (self, _("Applicant"), G_CALLBACK (label_setup), bind_applicant,
              compare_applicant, FALSE, 110);
  add_column (self, _("Received"), G_CALLBACK (label_setup), bind_received, compare_received,
              FALSE, 135);
  /* Translators: a column of the inbox; the days it shows are working days */
  deadline = add_column (self, _("Deadline (working days)"), G_CALLBACK (deadline_setup),
                         bind_deadline, compare_deadline, FALSE, 200);
  add_column (self, _("State"), G_CALLBACK (label_setup), bind_state, compare_state, FALSE, 105);
  /* Translators: a column of the inbox */
  add_column (self, _("Green Channel"), G_CALLBACK (green_channel_setup), bind_green_channel,
              compare_green_channel, FALSE, 125);
  /* Translators: a column of the inbox: the department's part in a parallel approval */
  add_column (self, C_("inbox column", "Parallel"), G_CALLBACK (parallel_setup), bind_parallel,
              compare_parallel, FALSE, 95);
  add_column (self, _("Assignee"), G_CALLBACK (label_setup), bind_assignee, compare_assignee,
              FALSE, 90);
  gtk_column_view_sort_by_column (self->column_view, deadline, GTK_SORT_ASCENDING);

  keys = gtk_event_controller_key_new ();
  /* Before the focused row: Enter opens the case selected. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_list_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), keys);
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_search_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}

CsInboxPage *
cs_inbox_page_new (void)
{
  return g_object_new (CS_TYPE_INBOX_PAGE, NULL);
}

static guint
bench_count (gpointer filter_model)
{
  return cs_case_filter_model_get_n_matches (filter_model);
}

void
cs_inbox_page_set_session (CsInboxPage *self,
                           CsSession   *session)
{
  const char *bench;

  g_return_if_fail (CS_IS_INBOX_PAGE (self));
  g_return_if_fail (CS_IS_SESSION (session));
  g_return_if_fail (self->session == NULL);

  self->session = g_object_ref (session);
  g_signal_connect_object (session, "notify::user", G_CALLBACK (on_user_changed), self,
                           G_CONNECT_SWAPPED);
  on_user_changed (self);
  update_week (self);
  /* Sorted first, then filtered: searching and filtering keep the order
   * and never sort again. */
  read_choices (self);
  g_signal_connect_object (cs_session_get_cases (session), "items-changed",
                           G_CALLBACK (on_cases_changing), self, G_CONNECT_SWAPPED);
  self->filter = gtk_custom_filter_new (filter_case, self, NULL);
  self->sort_model =
    gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (cs_session_get_cases (session))),
                             g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->filter_model = cs_case_filter_model_new_with_keys (G_LIST_MODEL (self->sort_model),
                                                           GTK_FILTER (self->filter),
                                                           case_search_key,
                                                           filter_case, self);
  /* A search typed before there were cases. */
  if (self->search_needed != NULL)
    {
      cs_case_filter_model_set_search (self->filter_model,
                                       (const char * const *) self->search_needed);
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
    }
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filter_model));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->filter_model, "items-changed", G_CALLBACK (on_items_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "changing", G_CALLBACK (on_list_changing),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (cs_session_get_cases (session), "items-changed",
                           G_CALLBACK (on_cases_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::online", G_CALLBACK (update_online), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::syncing", G_CALLBACK (update_syncing), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::user", G_CALLBACK (update_title), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::username", G_CALLBACK (update_title), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::calendar", G_CALLBACK (on_calendar_changed), self,
                           G_CONNECT_SWAPPED);
  self->loaded = TRUE;
  update_title (self);
  update_syncing (self);

  bench = g_getenv ("COUNTERSIGN_BENCH");
  self->bench = bench != NULL && *bench != '\0';
  if (self->bench)
    _cs_inbox_bench_attach (GTK_WIDGET (self), GTK_EDITABLE (self->search_entry),
                            bench_count, self->filter_model, bench);
}

void
cs_inbox_page_focus_search (CsInboxPage *self)
{
  g_return_if_fail (CS_IS_INBOX_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

CsInboxScope
cs_inbox_page_get_scope (CsInboxPage *self)
{
  guint selected;

  g_return_val_if_fail (CS_IS_INBOX_PAGE (self), CS_INBOX_SCOPE_ALL);

  selected = gtk_drop_down_get_selected (self->scope_dropdown);
  return selected <= CS_INBOX_SCOPE_ALL ? (CsInboxScope) selected : CS_INBOX_SCOPE_ALL;
}

void
cs_inbox_page_set_scope (CsInboxPage  *self,
                         CsInboxScope  scope)
{
  g_return_if_fail (CS_IS_INBOX_PAGE (self));

  gtk_drop_down_set_selected (self->scope_dropdown, scope);
}
