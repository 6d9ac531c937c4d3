/* cs-sign-in-page.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsSignInPage"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-sign-in-page.h"

struct _CsSignInPage
{
  AdwBin parent_instance;

  CsSession *session;
  GCancellable *cancellable;
  char *ca_file;

  GtkButton *ca_button;
  GtkButton *ca_clear_button;
  AdwActionRow *ca_row;
  GtkLabel *message_label;
  GtkRevealer *message_revealer;
  AdwPasswordEntryRow *password_row;
  AdwEntryRow *server_row;
  GtkButton *sign_in_button;
  GtkLabel *sign_in_label;
  GtkSpinner *spinner;
  AdwEntryRow *username_row;
};

G_DEFINE_FINAL_TYPE (CsSignInPage, cs_sign_in_page, ADW_TYPE_BIN)

enum {
  SIGNED_IN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static gboolean
is_blank (const char *text)
{
  while (*text != '\0' && g_ascii_isspace (*text))
    text++;
  return *text == '\0';
}

static gboolean
is_busy (CsSignInPage *self)
{
  return self->cancellable != NULL;
}

static void
update_sensitivity (CsSignInPage *self)
{
  gboolean complete = !is_blank (row_text (self->server_row)) &&
                      !is_blank (row_text (self->username_row)) &&
                      *row_text (ADW_ENTRY_ROW (self->password_row)) != '\0';

  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_in_button), complete && !is_busy (self));
}

static void
set_busy (CsSignInPage *self,
          gboolean      busy)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* A focused text field made insensitive never sees its focus-out: let
   * the focus go first. */
  if (busy && root != NULL)
    gtk_root_set_focus (root, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_label_set_text_with_mnemonic (self->sign_in_label,
                                    busy ? _("Signing In…") : _("_Sign In"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->server_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->ca_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->username_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->password_row), !busy);
  update_sensitivity (self);
}

void
cs_sign_in_page_show_message (CsSignInPage *self,
                              const char   *message)
{
  g_return_if_fail (CS_IS_SIGN_IN_PAGE (self));

  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->message_revealer, message != NULL);
}

static void
set_ca_file (CsSignInPage *self,
             const char   *ca_file)
{
  g_autofree char *basename = NULL;

  if (ca_file != NULL && *ca_file == '\0')
    ca_file = NULL;
  g_free (self->ca_file);
  self->ca_file = g_strdup (ca_file);

  if (ca_file != NULL)
    basename = g_path_get_basename (ca_file);
  adw_action_row_set_subtitle (self->ca_row,
                               basename != NULL ? basename
                               : _("Only for a server whose certificate your organisation issued"));
  gtk_widget_set_visible (GTK_WIDGET (self->ca_clear_button), ca_file != NULL);
}

static void
signed_in_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(CsSignInPage) self = user_data;
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);

  if (!cs_session_sign_in_finish (CS_SESSION (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      cs_sign_in_page_show_message (self, error->message);
      if (g_error_matches (error, CS_ERROR, CS_ERROR_INVALID_CREDENTIALS))
        {
          gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
          gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
        }
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  cs_sign_in_page_show_message (self, NULL);
  g_signal_emit (self, signals[SIGNED_IN], 0);
}

static void
on_sign_in_clicked (CsSignInPage *self)
{
  g_autofree char *server = NULL;
  g_autofree char *username = NULL;

  if (self->session == NULL || is_busy (self) ||
      !gtk_widget_get_sensitive (GTK_WIDGET (self->sign_in_button)))
    return;

  server = g_strstrip (g_strdup (row_text (self->server_row)));
  username = g_strstrip (g_strdup (row_text (self->username_row)));
  cs_sign_in_page_show_message (self, NULL);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  cs_session_sign_in_async (self->session, server, self->ca_file, username,
                            row_text (ADW_ENTRY_ROW (self->password_row)), self->cancellable,
                            signed_in_cb, g_object_ref (self));
}

/* Enter moves on to the next empty field, and signs in from the last. */
static void
on_entry_activated (CsSignInPage *self,
                    AdwEntryRow  *row)
{
  if (is_blank (row_text (self->server_row)))
    gtk_widget_grab_focus (GTK_WIDGET (self->server_row));
  else if (is_blank (row_text (self->username_row)))
    gtk_widget_grab_focus (GTK_WIDGET (self->username_row));
  else if (*row_text (ADW_ENTRY_ROW (self->password_row)) == '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
  else
    on_sign_in_clicked (self);
}

static void
on_changed (CsSignInPage *self)
{
  update_sensitivity (self);
}

static void
ca_chosen_cb (GtkNativeDialog *dialog,
              int              response,
              gpointer         user_data)
{
  CsSignInPage *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        set_ca_file (self, path);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
on_ca_choose_clicked (CsSignInPage *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  chooser = gtk_file_chooser_native_new (_("Choose a CA Certificate"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PEM Certificates"));
  gtk_file_filter_add_pattern (filter, "*.pem");
  gtk_file_filter_add_pattern (filter, "*.crt");
  gtk_file_filter_add_mime_type (filter, "application/x-x509-ca-cert");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (ca_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_ca_clear_clicked (CsSignInPage *self)
{
  set_ca_file (self, NULL);
}

static void
cs_sign_in_page_dispose (GObject *object)
{
  CsSignInPage *self = (CsSignInPage *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_SIGN_IN_PAGE);

  G_OBJECT_CLASS (cs_sign_in_page_parent_class)->dispose (object);
}

static void
cs_sign_in_page_finalize (GObject *object)
{
  CsSignInPage *self = (CsSignInPage *) object;

  g_free (self->ca_file);

  G_OBJECT_CLASS (cs_sign_in_page_parent_class)->finalize (object);
}

static void
cs_sign_in_page_class_init (CsSignInPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_sign_in_page_dispose;
  object_class->finalize = cs_sign_in_page_finalize;

  /**
   * CsSignInPage::signed-in:
   *
   * The session is signed in and its inbox loaded.
   */
  signals[SIGNED_IN] = g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/countersign/Desk/cs-sign-in-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CsSignInPage, ca_button);
  gtk_widget_class_bind_template_child (widget_class, CsSignInPage, ca_clear_button);
  gtk_widget_class_bind_template_child (widget_class, CsSignInPage, ca_row);
  gtk_widget_class_bind_template_child (widget_class, CsSignInPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, CsSignInPage, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, CsSignInPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, CsSignInPage, server_row);
  gtk_widget_class_bind_template_child (widget_class, CsSignInPage, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, CsSignInPage, sign_in_label);
  gtk_widget_class_bind_template_child (widget_class, CsSignInPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, CsSignInPage, username_row);
  gtk_widget_class_bind_template_callback (widget_class, on_ca_choose_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_ca_clear_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_sign_in_clicked);
}

static void
cs_sign_in_page_init (CsSignInPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CsSignInPage *
cs_sign_in_page_new (void)
{
  return g_object_new (CS_TYPE_SIGN_IN_PAGE, NULL);
}

void
cs_sign_in_page_set_session (CsSignInPage *self,
                             CsSession    *session)
{
  g_return_if_fail (CS_IS_SIGN_IN_PAGE (self));
  g_set_object (&self->session, session);
}

/* Fills in what is remembered and puts the focus where typing starts. */
void
cs_sign_in_page_prefill (CsSignInPage *self,
                         const char   *server_url,
                         const char   *ca_file,
                         const char   *username)
{
  g_return_if_fail (CS_IS_SIGN_IN_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->server_row), server_url != NULL ? server_url : "");
  gtk_editable_set_text (GTK_EDITABLE (self->username_row), username != NULL ? username : "");
  set_ca_file (self, ca_file);
  update_sensitivity (self);

  if (is_blank (row_text (self->server_row)))
    gtk_widget_grab_focus (GTK_WIDGET (self->server_row));
  else if (is_blank (row_text (self->username_row)))
    gtk_widget_grab_focus (GTK_WIDGET (self->username_row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}
