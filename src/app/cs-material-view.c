/* cs-material-view.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsMaterialView"

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>

#include "cs-document-search.h"
#include "cs-document-signature.h"
#include "cs-material-view.h"
#include "cs-page-thumbnail.h"
#include "cs-pages-view.h"
#include "cs-render-cache.h"
#include "cs-render-scheduler.h"
#include "cs-viewer-document.h"
#include "cs-viewer-window.h"

/**
 * CsMaterialView:
 *
 * The document viewer: an applicant's material, a PDF or a scanned image,
 * with its pages one under the other (#CsPagesView), page thumbnails, zoom
 * and rotation, going to a page, search with every hit highlighted,
 * selecting and copying text, printing, opening in another window or in
 * the system's viewer, and the validation of any signature the PDF
 * carries.
 *
 * Nothing here waits for Poppler: opening, rendering, searching and
 * validating run in the #CsRenderScheduler's workers. A file that cannot
 * be shown (empty, damaged, not a PDF, protected by a password) gets a
 * message, or a password prompt, in place of the pages.
 */

/* Thumbnails: a couple of hundred small pages. */
#define THUMBNAIL_CACHE_BYTES (16 * 1024 * 1024)

struct _CsMaterialView
{
  AdwBin parent_instance;

  GtkWidget *toolbar;
  GtkToggleButton *thumbnails_button;
  GtkEntry *page_entry;
  GtkLabel *n_pages_label;
  GtkLabel *zoom_label;
  GtkToggleButton *search_button;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkLabel *search_status;
  GtkListBox *signatures_list;
  AdwExpanderRow *signatures_row;
  GtkStack *stack;
  AdwStatusPage *message_page;
  AdwStatusPage *password_page;
  GtkPasswordEntry *password_entry;
  GtkButton *unlock_button;
  GtkListView *thumbnails_view;
  GtkScrolledWindow *scroller;
  CsPagesView *pages_view;
  GtkLabel *page_label;

  GCancellable *cancellable;       /* the file being shown */
  GFile *file;
  char *media_type;
  char *title;
  CsViewerDocument *document;
  CsDocumentSearch *search;
  CsRenderCache *thumbnail_cache;
  GtkSingleSelection *thumbnail_selection;
  GPtrArray *signature_rows;
  GtkPrintOperation *print_operation;
  gboolean syncing_thumbnails;
};

G_DEFINE_FINAL_TYPE (CsMaterialView, cs_material_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PAGE,
  PROP_N_PAGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void open_document (CsMaterialView *self,
                           const char     *password);

static CsRenderScheduler *
scheduler (void)
{
  return cs_render_scheduler_get_default ();
}

static void
update_actions (CsMaterialView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean open = self->document != NULL;
  gboolean pdf = open && cs_viewer_document_is_pdf (self->document);

  gtk_widget_action_set_enabled (widget, "viewer.zoom-in", open);
  gtk_widget_action_set_enabled (widget, "viewer.zoom-out", open);
  gtk_widget_action_set_enabled (widget, "viewer.zoom-fit-width", open);
  gtk_widget_action_set_enabled (widget, "viewer.zoom-fit-page", open);
  gtk_widget_action_set_enabled (widget, "viewer.zoom-set", open);
  gtk_widget_action_set_enabled (widget, "viewer.rotate-left", open);
  gtk_widget_action_set_enabled (widget, "viewer.rotate-right", open);
  gtk_widget_action_set_enabled (widget, "viewer.go-to-page", open);
  gtk_widget_action_set_enabled (widget, "viewer.next-page", open);
  gtk_widget_action_set_enabled (widget, "viewer.previous-page", open);
  gtk_widget_action_set_enabled (widget, "viewer.first-page", open);
  gtk_widget_action_set_enabled (widget, "viewer.last-page", open);
  gtk_widget_action_set_enabled (widget, "viewer.thumbnails", open);
  gtk_widget_action_set_enabled (widget, "viewer.search", pdf);
  gtk_widget_action_set_enabled (widget, "viewer.find-next", pdf);
  gtk_widget_action_set_enabled (widget, "viewer.find-previous", pdf);
  gtk_widget_action_set_enabled (widget, "viewer.print", open);
  gtk_widget_action_set_enabled (widget, "viewer.open-window", self->file != NULL);
  gtk_widget_action_set_enabled (widget, "viewer.open-external", self->file != NULL);
  gtk_widget_action_set_enabled (widget, "viewer.copy",
                                 open && cs_pages_view_get_has_selection (self->pages_view));
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_button), pdf);
  gtk_widget_set_visible (self->toolbar, open);
}

/* Pages, zoom and thumbnails */

static void
on_page_changed (CsMaterialView *self)
{
  guint page = cs_pages_view_get_page (self->pages_view);
  guint n_pages = self->document != NULL ? cs_viewer_document_get_n_pages (self->document) : 0;
  g_autofree char *number = g_strdup_printf ("%u", page + 1);
  g_autofree char *label = NULL;

  if (n_pages == 0)
    return;
  label = g_strdup_printf (_("Page %u of %u"), page + 1, n_pages);
  gtk_label_set_label (self->page_label, label);
  if (!gtk_widget_has_focus (GTK_WIDGET (self->page_entry)) &&
      gtk_widget_get_focus_child (GTK_WIDGET (self->page_entry)) == NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->page_entry), number);

  if (self->thumbnail_selection != NULL &&
      gtk_single_selection_get_selected (self->thumbnail_selection) != page)
    {
      self->syncing_thumbnails = TRUE;
      gtk_single_selection_set_selected (self->thumbnail_selection, page);
      if (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (
            GTK_WIDGET (self->thumbnails_view), GTK_TYPE_REVEALER))))
        gtk_widget_activate_action (GTK_WIDGET (self->thumbnails_view), "list.scroll-to-item",
                                    "u", page);
      self->syncing_thumbnails = FALSE;
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

static void
on_zoom_changed (CsMaterialView *self)
{
  g_autofree char *label = NULL;

  /* Translators: the zoom level shown, "150 %" */
  label = g_strdup_printf (_("%d %%"), (int)(cs_pages_view_get_zoom (self->pages_view) * 100 + 0.5));
  gtk_label_set_label (self->zoom_label, label);
}

static void
on_selection_changed (CsMaterialView *self)
{
  update_actions (self);
}

static void
on_page_entry_activate (CsMaterialView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->page_entry));
  guint64 page;

  if (self->document == NULL)
    return;
  if (!g_ascii_string_to_unsigned (text, 10, 1, cs_viewer_document_get_n_pages (self->document),
                                   &page, NULL))
    {
      gtk_widget_error_bell (GTK_WIDGET (self->page_entry));
      return;
    }
  cs_pages_view_go_to_page (self->pages_view, page - 1);
  gtk_widget_grab_focus (GTK_WIDGET (self->pages_view));
}

static void
on_thumbnail_activate (CsMaterialView *self,
                       guint           position)
{
  if (!self->syncing_thumbnails)
    cs_pages_view_go_to_page (self->pages_view, position);
}

static void set_up_thumbnails (CsMaterialView *self);

static void
on_thumbnails_toggled (CsMaterialView *self)
{
  if (!gtk_toggle_button_get_active (self->thumbnails_button) || self->document == NULL)
    return;
  /* Made when first shown: most materials are read without them. */
  if (self->thumbnail_selection == NULL)
    set_up_thumbnails (self);
  gtk_widget_activate_action (GTK_WIDGET (self->thumbnails_view), "list.scroll-to-item", "u",
                              cs_pages_view_get_page (self->pages_view));
}

static void
thumbnail_setup (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), cs_page_thumbnail_new ());
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static void
thumbnail_bind (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                CsMaterialView           *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *thumbnail = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (thumbnail);
  guint page = gtk_list_item_get_position (item);
  g_autofree char *number = g_strdup_printf ("%u", page + 1);
  g_autofree char *name = g_strdup_printf (_("Page %u"), page + 1);

  gtk_label_set_label (GTK_LABEL (label), number);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  if (self->document != NULL)
    cs_page_thumbnail_bind (CS_PAGE_THUMBNAIL (thumbnail), scheduler (), self->thumbnail_cache,
                            self->document, page);
}

static void
thumbnail_unbind (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkWidget *box = gtk_list_item_get_child (item);

  cs_page_thumbnail_unbind (CS_PAGE_THUMBNAIL (gtk_widget_get_first_child (box)));
}

static void
set_up_thumbnails (CsMaterialView *self)
{
  g_autoptr(GtkStringList) pages = gtk_string_list_new (NULL);
  guint n_pages = cs_viewer_document_get_n_pages (self->document);

  /* The list only counts the pages: each row renders its own. */
  for (guint i = 0; i < n_pages; i++)
    {
      char number[16];

      g_snprintf (number, sizeof number, "%u", i + 1);
      gtk_string_list_append (pages, number);
    }
  g_clear_object (&self->thumbnail_selection);
  self->thumbnail_selection = gtk_single_selection_new (G_LIST_MODEL (g_steal_pointer (&pages)));
  gtk_single_selection_set_autoselect (self->thumbnail_selection, FALSE);
  gtk_single_selection_set_selected (self->thumbnail_selection,
                                     cs_pages_view_get_page (self->pages_view));
  gtk_list_view_set_model (self->thumbnails_view, GTK_SELECTION_MODEL (self->thumbnail_selection));
}

/* Search */

static void
update_search_status (CsMaterialView *self)
{
  g_autofree char *text = NULL;
  guint n_hits, position;
  gboolean finished;

  if (self->search == NULL || cs_document_search_get_text (self->search) == NULL)
    {
      gtk_label_set_label (self->search_status, "");
      return;
    }
  n_hits = cs_document_search_get_n_hits (self->search);
  finished = cs_document_search_get_finished (self->search);
  position = cs_document_search_get_position (self->search);
  if (n_hits == 0)
    text = g_strdup (finished ? _("No matches") : _("Searching…"));
  else if (position > 0 && finished)
    /* Translators: "3 of 12" matches */
    text = g_strdup_printf (_("%u of %u"), position, n_hits);
  else if (position > 0)
    /* Translators: the search has not reached every page yet */
    text = g_strdup_printf (_("%u of %u so far"), position, n_hits);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match", "%u matches", n_hits),
                            n_hits);
  gtk_label_set_label (self->search_status, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

static void
find (CsMaterialView *self,
      gboolean        forward)
{
  guint page, index;

  if (self->search == NULL)
    return;
  if (cs_document_search_step (self->search, forward, cs_pages_view_get_page (self->pages_view),
                               &page, &index))
    cs_pages_view_show_hit (self->pages_view, page, index);
  else
    gtk_widget_error_bell (GTK_WIDGET (self));
  update_search_status (self);
}

static void
on_page_searched (CsMaterialView   *self,
                  guint             page,
                  GArray           *hits,
                  CsDocumentSearch *search)
{
  cs_pages_view_set_hits (self->pages_view, page, hits);
  /* The first hit found is shown at once: it is on the page being read, or
   * the first one after it. */
  if (hits->len > 0 && cs_document_search_get_position (search) == 0)
    find (self, TRUE);
}

static void
on_search_progress (CsMaterialView *self)
{
  update_search_status (self);
}

static void
on_search_changed (CsMaterialView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (self->search == NULL)
    return;
  cs_pages_view_clear_hits (self->pages_view);
  cs_document_search_start (self->search, text, cs_pages_view_get_page (self->pages_view));
  update_search_status (self);
}

static void
on_search_activate (CsMaterialView *self)
{
  find (self, TRUE);
}

static void
on_search_next (CsMaterialView *self)
{
  find (self, TRUE);
}

static void
on_search_previous (CsMaterialView *self)
{
  find (self, FALSE);
}

static void
on_search_stop (CsMaterialView *self)
{
  gtk_toggle_button_set_active (self->search_button, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->pages_view));
}

static void
on_search_mode (CsMaterialView *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    return;
  if (self->search != NULL)
    cs_document_search_stop (self->search);
  cs_pages_view_clear_hits (self->pages_view);
  update_search_status (self);
}

/* Signatures */

static void
clear_signatures (CsMaterialView *self)
{
  for (guint i = 0; self->signature_rows != NULL && i < self->signature_rows->len; i++)
    adw_expander_row_remove (self->signatures_row, g_ptr_array_index (self->signature_rows, i));
  g_clear_pointer (&self->signature_rows, g_ptr_array_unref);
  gtk_widget_set_visible (GTK_WIDGET (self->signatures_list), FALSE);
}

static gpointer
read_signatures_func (gpointer       data,
                      GCancellable  *cancellable,
                      GError       **error)
{
  return cs_viewer_document_read_signatures (data, cancellable, error);
}

static void
signatures_read_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(CsMaterialView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) signatures =
    cs_render_scheduler_run_finish (CS_RENDER_SCHEDULER (object), result, &error);
  g_autofree char *title = NULL;
  guint n_good = 0, n_unchanged = 0;

  if (signatures == NULL || signatures->len == 0)
    return;

  clear_signatures (self);
  self->signature_rows = g_ptr_array_new ();
  for (guint i = 0; i < signatures->len; i++)
    {
      CsDocumentSignature *signature = g_ptr_array_index (signatures, i);
      gboolean good = cs_document_signature_is_valid (signature) &&
                      cs_document_signature_is_trusted (signature);
      g_autofree char *heading = cs_document_signature_describe (signature);
      g_autofree char *subtitle = g_strconcat (cs_document_signature_describe_signature (signature),
                                               "\n",
                                               cs_document_signature_describe_certificate (signature),
                                               NULL);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name (good ? "emblem-ok-symbolic"
                                                           : "dialog-warning-symbolic");

      n_good += good;
      n_unchanged += cs_document_signature_is_valid (signature);
      gtk_widget_add_css_class (icon, good ? "success" : "warning");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), heading);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_expander_row_add_row (self->signatures_row, row);
      g_ptr_array_add (self->signature_rows, row);
    }

  if (n_good == signatures->len)
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Signed: the signature is valid",
                                          "Signed: all %u signatures are valid",
                                          signatures->len), signatures->len);
  else if (n_unchanged == signatures->len)
    /* The document is as signed; who signed is not vouched for. */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Signed and unchanged: confirm the signer",
                                          "Signed and unchanged: confirm %u of %u signers",
                                          signatures->len),
                             signatures->len - n_good, signatures->len);
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Signed: check the signature",
                                          "Signed: %u of %u signatures need checking",
                                          signatures->len),
                             signatures->len - n_good, signatures->len);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->signatures_row), title);
  adw_expander_row_set_expanded (self->signatures_row, n_good < signatures->len);
  gtk_widget_set_visible (GTK_WIDGET (self->signatures_list), TRUE);
}

/* Opening */

static void
reset (CsMaterialView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->search != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->search, self);
      cs_document_search_stop (self->search);
      g_clear_object (&self->search);
    }
  cs_pages_view_set_document (self->pages_view, NULL);
  gtk_list_view_set_model (self->thumbnails_view, NULL);
  g_clear_object (&self->thumbnail_selection);
  if (self->thumbnail_cache != NULL)
    cs_render_cache_clear (self->thumbnail_cache);
  g_clear_object (&self->document);
  clear_signatures (self);
  gtk_toggle_button_set_active (self->search_button, FALSE);
  gtk_label_set_label (self->search_status, "");
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
}

typedef struct
{
  GFile *file;
  char *media_type;
  char *password;
} Open;

static void
open_free (Open *open)
{
  g_object_unref (open->file);
  g_free (open->media_type);
  g_free (open->password);
  g_free (open);
}

static gpointer
open_func (gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  Open *open = data;
  g_autoptr(GBytes) bytes = g_file_load_bytes (open->file, cancellable, NULL, error);

  if (bytes == NULL)
    return NULL;
  return cs_viewer_document_open (bytes, open->media_type, open->password, cancellable, error);
}

static void
opened_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(CsMaterialView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsViewerDocument) document =
    cs_render_scheduler_run_finish (CS_RENDER_SCHEDULER (object), result, &error);
  guint n_pages;
  g_autofree char *of = NULL;

  if (document == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (g_error_matches (error, CS_VIEWER_DOCUMENT_ERROR, CS_VIEWER_DOCUMENT_ERROR_NEEDS_PASSWORD) ||
          g_error_matches (error, CS_VIEWER_DOCUMENT_ERROR, CS_VIEWER_DOCUMENT_ERROR_WRONG_PASSWORD))
        {
          adw_status_page_set_description (
            self->password_page,
            g_error_matches (error, CS_VIEWER_DOCUMENT_ERROR, CS_VIEWER_DOCUMENT_ERROR_WRONG_PASSWORD)
            ? _("That password does not open it. Ask the applicant or the front desk for the right one.")
            : _("Enter the password the applicant gave to read it."));
          gtk_widget_set_sensitive (GTK_WIDGET (self->unlock_button), TRUE);
          gtk_stack_set_visible_child_name (self->stack, "password");
          gtk_widget_grab_focus (GTK_WIDGET (self->password_entry));
          return;
        }
      adw_status_page_set_icon_name (self->message_page, "dialog-warning-symbolic");
      adw_status_page_set_title (self->message_page,
                                 self->media_type != NULL &&
                                 g_str_has_prefix (self->media_type, "image/")
                                 ? _("The Image Cannot Be Shown")
                                 : _("The Document Cannot Be Shown"));
      adw_status_page_set_description (self->message_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "message");
      return;
    }

  self->document = g_object_ref (document);
  n_pages = cs_viewer_document_get_n_pages (document);
  cs_pages_view_set_document (self->pages_view, document);
  self->search = cs_document_search_new (scheduler (), document);
  g_signal_connect_object (self->search, "page-searched", G_CALLBACK (on_page_searched), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search, "notify::n-hits", G_CALLBACK (on_search_progress), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search, "notify::finished", G_CALLBACK (on_search_progress),
                           self, G_CONNECT_SWAPPED);
  if (gtk_toggle_button_get_active (self->thumbnails_button))
    set_up_thumbnails (self);

  /* Translators: after the page number entry: "of 120" pages */
  of = g_strdup_printf (_("of %u"), n_pages);
  gtk_label_set_label (self->n_pages_label, of);
  gtk_editable_set_text (GTK_EDITABLE (self->page_entry), "1");
  on_page_changed (self);
  on_zoom_changed (self);
  gtk_stack_set_visible_child_name (self->stack, "document");
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);

  if (cs_viewer_document_is_pdf (document))
    cs_render_scheduler_run_async (scheduler (), CS_RENDER_PRIORITY_BACKGROUND,
                                   read_signatures_func, g_object_ref (document), g_object_unref,
                                   (GDestroyNotify)g_ptr_array_unref, self->cancellable,
                                   signatures_read_cb, g_object_ref (self));
}

static void
open_document (CsMaterialView *self,
               const char     *password)
{
  Open *open;

  reset (self);
  self->cancellable = g_cancellable_new ();
  gtk_stack_set_visible_child_name (self->stack, "loading");

  open = g_new0 (Open, 1);
  open->file = g_object_ref (self->file);
  open->media_type = g_strdup (self->media_type);
  open->password = g_strdup (password);
  cs_render_scheduler_run_async (scheduler (), CS_RENDER_PRIORITY_VISIBLE, open_func, open,
                                 (GDestroyNotify)open_free, g_object_unref, self->cancellable,
                                 opened_cb, g_object_ref (self));
}

static void
on_unlock (CsMaterialView *self)
{
  g_autofree char *password =
    g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->password_entry)));

  if (password[0] == '\0')
    {
      gtk_widget_error_bell (GTK_WIDGET (self->password_entry));
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->password_entry), "");
  open_document (self, password);
}

/**
 * cs_material_view_load:
 * @self: a #CsMaterialView
 * @file: the material's file
 * @media_type: its media type: `application/pdf`, `image/jpeg` or `image/png`
 * @title: (nullable): its name, for the accessible description and the
 *   viewer's own window
 *
 * Shows a material. Opening happens in a worker thread; a file that
 * cannot be shown gets a message in place of the pages.
 */
void
cs_material_view_load (CsMaterialView *self,
                       GFile          *file,
                       const char     *media_type,
                       const char     *title)
{
  g_return_if_fail (CS_IS_MATERIAL_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->file, file);
  g_free (self->media_type);
  self->media_type = g_strdup (media_type);
  g_free (self->title);
  self->title = g_strdup (title);
  if (title != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, title, -1);
  open_document (self, NULL);
}

/**
 * cs_material_view_show_message:
 * @self: a #CsMaterialView
 * @icon_name: (nullable): an icon
 * @title: what happened
 * @description: (nullable): what it means, or what to do
 *
 * Shows a message in place of a document: loading, offline, damaged.
 */
void
cs_material_view_show_message (CsMaterialView *self,
                               const char     *icon_name,
                               const char     *title,
                               const char     *description)
{
  g_return_if_fail (CS_IS_MATERIAL_VIEW (self));

  reset (self);
  g_clear_object (&self->file);
  adw_status_page_set_icon_name (self->message_page, icon_name);
  adw_status_page_set_title (self->message_page, title);
  adw_status_page_set_description (self->message_page, description);
  gtk_stack_set_visible_child_name (self->stack, "message");
  update_actions (self);
}

/**
 * cs_material_view_clear:
 * @self: a #CsMaterialView
 *
 * Shows no material, and asks the person to pick one.
 */
void
cs_material_view_clear (CsMaterialView *self)
{
  cs_material_view_show_message (self, "x-office-document-symbolic", _("No Material Open"),
                                 _("Choose a material in the checklist to read it here."));
}

guint
cs_material_view_get_n_pages (CsMaterialView *self)
{
  g_return_val_if_fail (CS_IS_MATERIAL_VIEW (self), 0);
  return self->document != NULL ? cs_viewer_document_get_n_pages (self->document) : 0;
}

guint
cs_material_view_get_page (CsMaterialView *self)
{
  g_return_val_if_fail (CS_IS_MATERIAL_VIEW (self), 0);
  return self->document != NULL ? cs_pages_view_get_page (self->pages_view) : 0;
}

/**
 * cs_material_view_go_to_page:
 * @self: a #CsMaterialView
 * @page: a page index
 *
 * Shows @page at the top of the viewer.
 */
void
cs_material_view_go_to_page (CsMaterialView *self,
                             guint           page)
{
  g_return_if_fail (CS_IS_MATERIAL_VIEW (self));
  cs_pages_view_go_to_page (self->pages_view, page);
}

/* Printing */

typedef struct
{
  CsViewerDocument *document;
  GtkPrintOperation *operation;
  cairo_t *cr;
  guint page;
  double width;                /* the printable area, in points */
  double height;
} PrintPage;

static void
print_page_free (PrintPage *print)
{
  g_object_unref (print->document);
  g_object_unref (print->operation);
  cairo_destroy (print->cr);
  g_free (print);
}

static gpointer
print_page_func (gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  PrintPage *print = data;
  double w, h, scale;

  /* The print context is the operation's, and nothing else draws on it
   * until gtk_print_operation_draw_page_finish(): this worker may. */
  cs_viewer_document_get_page_size (print->document, print->page, &w, &h);
  scale = MIN (print->width / w, print->height / h);
  cairo_save (print->cr);
  cairo_translate (print->cr, (print->width - w * scale) / 2, (print->height - h * scale) / 2);
  cairo_scale (print->cr, scale, scale);
  if (!cs_viewer_document_draw_page (print->document, print->page, print->cr, TRUE, error))
    {
      cairo_restore (print->cr);
      return NULL;
    }
  cairo_restore (print->cr);
  return g_object_ref (print->document);
}

static void
page_printed_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GtkPrintOperation *operation = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsViewerDocument) document =
    cs_render_scheduler_run_finish (CS_RENDER_SCHEDULER (object), result, &error);

  if (document == NULL)
    g_warning ("Printing: %s", error->message);
  gtk_print_operation_draw_page_finish (operation);
  g_object_unref (operation);
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              CsMaterialView    *self)
{
  PrintPage *print;

  if (self->document == NULL || page < 0 ||
      (guint)page >= cs_viewer_document_get_n_pages (self->document))
    return;
  gtk_print_operation_set_defer_drawing (operation);
  print = g_new0 (PrintPage, 1);
  print->document = g_object_ref (self->document);
  print->operation = g_object_ref (operation);
  print->cr = cairo_reference (gtk_print_context_get_cairo_context (context));
  print->page = page;
  print->width = gtk_print_context_get_width (context);
  print->height = gtk_print_context_get_height (context);
  cs_render_scheduler_run_async (scheduler (), CS_RENDER_PRIORITY_VISIBLE, print_page_func, print,
                                 (GDestroyNotify)print_page_free, g_object_unref, NULL,
                                 page_printed_cb, g_object_ref (operation));
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               CsMaterialView          *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      cs_material_view_report (self, _("The material could not be printed"), error->message);
    }
}

/**
 * cs_material_view_new_print_operation:
 * @self: a #CsMaterialView
 *
 * Makes the print operation of the document shown: every page drawn as
 * vectors in a worker, fitted to the paper. The viewer's Print action runs
 * it with the print dialog; a test can export it to a file.
 *
 * Returns: (transfer full) (nullable): the operation, or %NULL when no
 *   document is shown
 */
GtkPrintOperation *
cs_material_view_new_print_operation (CsMaterialView *self)
{
  GtkPrintOperation *operation;

  g_return_val_if_fail (CS_IS_MATERIAL_VIEW (self), NULL);

  if (self->document == NULL)
    return NULL;
  operation = gtk_print_operation_new ();
  gtk_print_operation_set_n_pages (operation, cs_viewer_document_get_n_pages (self->document));
  gtk_print_operation_set_job_name (operation, self->title != NULL ? self->title : _("Material"));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_current_page (operation, cs_pages_view_get_page (self->pages_view));
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (on_draw_page), self, 0);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  return operation;
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CsMaterialView *self = CS_MATERIAL_VIEW (widget);
  g_autoptr(GtkPrintOperation) operation = cs_material_view_new_print_operation (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GError) error = NULL;

  if (operation == NULL)
    return;
  /* Kept until the next print: with allow-async the operation runs on
   * after this returns. */
  g_set_object (&self->print_operation, operation);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    cs_material_view_report (self, _("The material could not be printed"), error->message);
}

/* Elsewhere */

/**
 * cs_material_view_report:
 * @self: a #CsMaterialView
 * @title: what went wrong
 * @detail: (nullable): why
 *
 * Tells the person that an action on the document failed, without
 * leaving the document.
 */
void
cs_material_view_report (CsMaterialView *self,
                         const char     *title,
                         const char     *detail)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              title, detail);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
export_name (CsMaterialView *self)
{
  const char *extension = g_strcmp0 (self->media_type, "image/jpeg") == 0 ? ".jpg"
                          : g_strcmp0 (self->media_type, "image/png") == 0 ? ".png" : ".pdf";
  g_autofree char *name = g_strdup (self->title != NULL && self->title[0] != '\0'
                                    ? self->title : _("Material"));

  /* A name the file system takes. */
  g_strdelimit (name, "/\\:*?\"<>|", '_');
  if (g_str_has_suffix (name, extension))
    return g_steal_pointer (&name);
  return g_strconcat (name, extension, NULL);
}

static void
launched_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(CsMaterialView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    cs_material_view_report (self, _("No application could open the material"), error->message);
}

static void
open_external_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CsMaterialView *self = CS_MATERIAL_VIEW (widget);
  g_autofree char *name = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  if (self->file == NULL)
    return;
  /* The cache names files by their SHA-256, without an extension: the
   * system's viewer gets a copy under the material's own name. */
  name = export_name (self);
  dir = g_build_filename (g_get_user_cache_dir (), "countersign", "opened", NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      cs_material_view_report (self, _("No application could open the material"),
                               g_strerror (errno));
      return;
    }
  copy = g_file_new_build_filename (dir, name, NULL);
  if (!g_file_copy (self->file, copy, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
    {
      cs_material_view_report (self, _("No application could open the material"), error->message);
      return;
    }
  uri = g_file_get_uri (copy);
  g_app_info_launch_default_for_uri_async (uri, NULL, NULL, launched_cb, g_object_ref (self));
}

static void
open_window_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CsMaterialView *self = CS_MATERIAL_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWindow *window;

  if (self->file == NULL)
    return;
  window = cs_viewer_window_new (GTK_IS_WINDOW (root)
                                 ? gtk_window_get_application (GTK_WINDOW (root)) : NULL,
                                 self->file, self->media_type, self->title);
  gtk_window_present (window);
}

/* Actions */

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CsMaterialView *self = CS_MATERIAL_VIEW (widget);

  if (g_str_equal (action_name, "viewer.zoom-in"))
    cs_pages_view_zoom_step (self->pages_view, 1);
  else if (g_str_equal (action_name, "viewer.zoom-out"))
    cs_pages_view_zoom_step (self->pages_view, -1);
  else if (g_str_equal (action_name, "viewer.zoom-fit-width"))
    cs_pages_view_set_zoom_mode (self->pages_view, CS_ZOOM_FIT_WIDTH);
  else if (g_str_equal (action_name, "viewer.zoom-fit-page"))
    cs_pages_view_set_zoom_mode (self->pages_view, CS_ZOOM_FIT_PAGE);
  else if (g_str_equal (action_name, "viewer.zoom-set"))
    cs_pages_view_set_zoom (self->pages_view, g_variant_get_double (parameter));
}

static void
rotate_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CsMaterialView *self = CS_MATERIAL_VIEW (widget);
  int rotation = cs_pages_view_get_rotation (self->pages_view);

  rotation += g_str_equal (action_name, "viewer.rotate-left") ? -90 : 90;
  cs_pages_view_set_rotation (self->pages_view, rotation);
}

static void
go_to_page_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CsMaterialView *self = CS_MATERIAL_VIEW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->page_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->page_entry), 0, -1);
}

static void
page_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CsMaterialView *self = CS_MATERIAL_VIEW (widget);

  if (self->document == NULL)
    return;
  if (g_str_equal (action_name, "viewer.next-page"))
    cs_pages_view_scroll_pages (self->pages_view, 1);
  else if (g_str_equal (action_name, "viewer.previous-page"))
    cs_pages_view_scroll_pages (self->pages_view, -1);
  else if (g_str_equal (action_name, "viewer.first-page"))
    cs_pages_view_go_to_page (self->pages_view, 0);
  else
    cs_pages_view_go_to_page (self->pages_view, cs_viewer_document_get_n_pages (self->document) - 1);
}

static void
thumbnails_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CsMaterialView *self = CS_MATERIAL_VIEW (widget);

  gtk_toggle_button_set_active (self->thumbnails_button,
                                !gtk_toggle_button_get_active (self->thumbnails_button));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CsMaterialView *self = CS_MATERIAL_VIEW (widget);

  gtk_toggle_button_set_active (self->search_button, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  find (CS_MATERIAL_VIEW (widget), g_str_equal (action_name, "viewer.find-next"));
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CsMaterialView *self = CS_MATERIAL_VIEW (widget);
  g_autofree char *text = cs_pages_view_get_selected_text (self->pages_view);

  if (text != NULL)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

static void
cs_material_view_dispose (GObject *object)
{
  CsMaterialView *self = (CsMaterialView *) object;

  reset (self);
  g_clear_object (&self->file);
  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_MATERIAL_VIEW);

  G_OBJECT_CLASS (cs_material_view_parent_class)->dispose (object);
}

static void
cs_material_view_finalize (GObject *object)
{
  CsMaterialView *self = (CsMaterialView *) object;

  g_clear_object (&self->thumbnail_cache);
  g_clear_object (&self->print_operation);
  g_free (self->media_type);
  g_free (self->title);

  G_OBJECT_CLASS (cs_material_view_parent_class)->finalize (object);
}

static void
cs_material_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CsMaterialView *self = CS_MATERIAL_VIEW (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      g_value_set_uint (value, cs_material_view_get_page (self));
      break;
    case PROP_N_PAGES:
      g_value_set_uint (value, cs_material_view_get_n_pages (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_binding (GtkWidgetClass  *widget_class,
             guint            keyval,
             GdkModifierType  mods,
             const char      *action)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, mods, action, NULL);
}

static void
cs_material_view_class_init (CsMaterialViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_material_view_dispose;
  object_class->finalize = cs_material_view_finalize;
  object_class->get_property = cs_material_view_get_property;

  properties[PROP_PAGE] =
    g_param_spec_uint ("page", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CS_TYPE_PAGES_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/countersign/Desk/cs-material-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CsMaterialView, message_page);
  gtk_widget_class_bind_template_child (widget_class, CsMaterialView, n_pages_label);
  gtk_widget_class_bind_template_child (widget_class, CsMaterialView, page_entry);
  gtk_widget_class_bind_template_child (widget_class, CsMaterialView, page_label);
  gtk_widget_class_bind_template_child (widget_class, CsMaterialView, pages_view);
  gtk_widget_class_bind_template_child (widget_class, CsMaterialView, password_entry);
  gtk_widget_class_bind_template_child (widget_class, CsMaterialView, password_page);
  gtk_widget_class_bind_template_child (widget_class, CsMaterialView, scroller);
  gtk_widget_class_bind_template_child (widget_class, CsMaterialView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CsMaterialView, search_button);
  gtk_widget_class_bind_template_child (widget_class, CsMaterialView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CsMaterialView, search_status);
  gtk_widget_class_bind_template_child (widget_class, CsMaterialView, signatures_list);
  gtk_widget_class_bind_template_child (widget_class, CsMaterialView, signatures_row);
  gtk_widget_class_bind_template_child (widget_class, CsMaterialView, stack);
  gtk_widget_class_bind_template_child (widget_class, CsMaterialView, thumbnails_button);
  gtk_widget_class_bind_template_child (widget_class, CsMaterialView, thumbnails_view);
  gtk_widget_class_bind_template_child (widget_class, CsMaterialView, toolbar);
  gtk_widget_class_bind_template_child (widget_class, CsMaterialView, unlock_button);
  gtk_widget_class_bind_template_child (widget_class, CsMaterialView, zoom_label);
  gtk_widget_class_bind_template_callback (widget_class, on_page_changed);
  gtk_widget_class_bind_template_callback_full (widget_class, "spinner_start",
                                                  G_CALLBACK (gtk_spinner_start));
  gtk_widget_class_bind_template_callback_full (widget_class, "spinner_stop",
                                                  G_CALLBACK (gtk_spinner_stop));
  gtk_widget_class_bind_template_callback (widget_class, on_page_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_next);
  gtk_widget_class_bind_template_callback (widget_class, on_search_previous);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_thumbnail_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_thumbnails_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_unlock);
  gtk_widget_class_bind_template_callback (widget_class, on_zoom_changed);

  gtk_widget_class_install_action (widget_class, "viewer.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-fit-width", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-fit-page", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-set", "d", zoom_action);
  gtk_widget_class_install_action (widget_class, "viewer.rotate-left", NULL, rotate_action);
  gtk_widget_class_install_action (widget_class, "viewer.rotate-right", NULL, rotate_action);
  gtk_widget_class_install_action (widget_class, "viewer.go-to-page", NULL, go_to_page_action);
  gtk_widget_class_install_action (widget_class, "viewer.next-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "viewer.previous-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "viewer.first-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "viewer.last-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "viewer.thumbnails", NULL, thumbnails_action);
  gtk_widget_class_install_action (widget_class, "viewer.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "viewer.find-next", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "viewer.find-previous", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "viewer.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "viewer.open-window", NULL, open_window_action);
  gtk_widget_class_install_action (widget_class, "viewer.open-external", NULL,
                                   open_external_action);
  gtk_widget_class_install_action (widget_class, "viewer.copy", NULL, copy_action);

  add_binding (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "viewer.zoom-in");
  add_binding (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "viewer.zoom-in");
  add_binding (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "viewer.zoom-in");
  add_binding (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "viewer.zoom-out");
  add_binding (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "viewer.zoom-out");
  add_binding (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "viewer.zoom-fit-width");
  add_binding (widget_class, GDK_KEY_Left, GDK_CONTROL_MASK, "viewer.rotate-left");
  add_binding (widget_class, GDK_KEY_Right, GDK_CONTROL_MASK, "viewer.rotate-right");
  add_binding (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "viewer.go-to-page");
  add_binding (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "viewer.next-page");
  add_binding (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "viewer.previous-page");
  add_binding (widget_class, GDK_KEY_Home, GDK_CONTROL_MASK, "viewer.first-page");
  add_binding (widget_class, GDK_KEY_End, GDK_CONTROL_MASK, "viewer.last-page");
  add_binding (widget_class, GDK_KEY_F9, 0, "viewer.thumbnails");
  add_binding (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "viewer.search");
  add_binding (widget_class, GDK_KEY_F3, 0, "viewer.find-next");
  add_binding (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "viewer.find-next");
  add_binding (widget_class, GDK_KEY_F3, GDK_SHIFT_MASK, "viewer.find-previous");
  add_binding (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "viewer.find-previous");
  add_binding (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "viewer.print");
  add_binding (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "viewer.copy");

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cs_material_view_init (CsMaterialView *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->thumbnail_cache = cs_render_cache_new (THUMBNAIL_CACHE_BYTES);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (thumbnail_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (thumbnail_bind), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (thumbnail_unbind), self);
  gtk_list_view_set_factory (self->thumbnails_view, factory);
  g_object_unref (factory);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (on_search_mode), self, G_CONNECT_SWAPPED);
  cs_material_view_clear (self);
}

CsMaterialView *
cs_material_view_new (void)
{
  return g_object_new (CS_TYPE_MATERIAL_VIEW, NULL);
}
