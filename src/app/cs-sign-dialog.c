/* cs-sign-dialog.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsSignDialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cs-sign-dialog.h"
#include "cs-signing.h"

/**
 * CsSignDialog:
 *
 * Where the chief representative chooses the key to sign with: a PKCS#12
 * file and its password, or a key on a PKCS#11 token (a `pkcs11:` URI)
 * and its PIN. Opening the key shows its certificate (subject, issuer,
 * validity); a certificate out of date is refused here, in words, before
 * anything is signed. The PIN or password is kept in the keyring only when
 * the chief turns on "Remember in the keyring", and a kept one fills in by
 * itself the next time the same key is chosen.
 *
 * #CsSignDialog::sign hands the opened key over; the dialog then closes.
 */
struct _CsSignDialog
{
  AdwWindow parent_instance;

  char *username;
  CsCache *cache;              /* the account's: which key was chosen last */
  CsSigner *signer;            /* opened, and in date */
  GCancellable *cancellable;
  gboolean busy;
  gboolean closing;            /* signed: destroyed at the next idle */

  AdwPreferencesGroup *certificate_group;
  AdwEntryRow *file_row;
  AdwPreferencesGroup *file_group;
  GtkToggleButton *file_toggle;
  AdwActionRow *issuer_row;
  AdwPasswordEntryRow *password_row;
  AdwPasswordEntryRow *pin_row;
  GtkSwitch *remember_switch;
  GtkSpinner *spinner;
  GtkBox *state_box;
  GtkLabel *state_label;
  AdwActionRow *subject_row;
  GtkLabel *summary_label;
  AdwPreferencesGroup *token_group;
  GtkToggleButton *token_toggle;
  AdwEntryRow *uri_row;
  AdwActionRow *validity_row;
};

G_DEFINE_FINAL_TYPE (CsSignDialog, cs_sign_dialog, ADW_TYPE_WINDOW)

enum {
  SIGN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
token_chosen (CsSignDialog *self)
{
  return gtk_toggle_button_get_active (self->token_toggle);
}

/* The key as cs_signer_new_for_key() takes it, or NULL when none is given. */
static char *
dup_key (CsSignDialog *self)
{
  g_autofree char *text = NULL;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (token_chosen (self)
                                                                     ? self->uri_row
                                                                     : self->file_row))));
  if (*text == '\0')
    return NULL;
  if (token_chosen (self))
    return g_steal_pointer (&text);
  if (g_str_has_prefix (text, "pkcs12:"))
    return g_steal_pointer (&text);
  return g_strconcat ("pkcs12:", text, NULL);
}

static GtkEditable *
secret_editable (CsSignDialog *self)
{
  return GTK_EDITABLE (token_chosen (self) ? self->pin_row : self->password_row);
}

static void
show_state (CsSignDialog *self,
            const char   *text,
            gboolean      busy,
            gboolean      error)
{
  gtk_widget_set_visible (GTK_WIDGET (self->state_box), text != NULL);
  gtk_label_set_label (self->state_label, text != NULL ? text : "");
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->state_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "error");
}

static void
update_actions (CsSignDialog *self)
{
  g_autofree char *key = dup_key (self);
  const char *secret = gtk_editable_get_text (secret_editable (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign.open-key",
                                 !self->busy && key != NULL &&
                                 (token_chosen (self) || *secret != '\0'));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign.sign",
                                 !self->busy && self->signer != NULL);
}

static void
forget_signer (CsSignDialog *self)
{
  g_clear_object (&self->signer);
  gtk_widget_set_visible (GTK_WIDGET (self->certificate_group), FALSE);
}

typedef struct
{
  CsSignDialog *self;
  char *key;
} Lookup;

static void
secret_found_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Lookup *lookup = user_data;
  g_autoptr(CsSignDialog) self = lookup->self;
  g_autofree char *looked_up = lookup->key;
  g_autofree char *key = NULL;
  g_autoptr(GError) error = NULL;
  char *secret = cs_signing_lookup_secret_finish (result, &error);

  g_free (lookup);
  if (g_cancellable_is_cancelled (self->cancellable))
    {
      /* The dialog is gone. */
      if (secret != NULL)
        cs_signing_free_secret (secret);
      return;
    }
  if (secret == NULL)
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No kept secret: %s", error->message);
      return;
    }
  /* Only for the key still chosen, and never over what the chief typed. */
  key = dup_key (self);
  if (g_strcmp0 (key, looked_up) == 0 && *gtk_editable_get_text (secret_editable (self)) == '\0')
    {
      gtk_editable_set_text (secret_editable (self), secret);
      gtk_switch_set_active (self->remember_switch, TRUE);
      show_state (self, token_chosen (self) ? _("The PIN kept in the keyring is filled in.")
                                            : _("The password kept in the keyring is filled in."),
                  FALSE, FALSE);
    }
  cs_signing_free_secret (secret);
}

static void
look_up_secret (CsSignDialog *self)
{
  g_autofree char *key = dup_key (self);
  Lookup *lookup;

  if (key == NULL || self->username == NULL)
    return;
  lookup = g_new0 (Lookup, 1);
  lookup->self = g_object_ref (self);
  lookup->key = g_steal_pointer (&key);
  /* Never cancelled: libsecret does not take a lookup cancelled half-way
   * well; the answer is dropped if the dialog is gone by then. */
  cs_signing_lookup_secret_async (lookup->key, self->username, NULL, secret_found_cb, lookup);
}

static void
on_key_changed (CsSignDialog *self)
{
  forget_signer (self);
  if (!self->busy)
    show_state (self, NULL, FALSE, FALSE);
  update_actions (self);
}

/* A key chosen anew: its PIN or password, if the keyring keeps it. */
static void
on_key_path_changed (CsSignDialog *self)
{
  on_key_changed (self);
  if (*gtk_editable_get_text (secret_editable (self)) == '\0')
    look_up_secret (self);
}

static void
on_kind_toggled (CsSignDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->file_group), !token_chosen (self));
  gtk_widget_set_visible (GTK_WIDGET (self->token_group), token_chosen (self));
  on_key_changed (self);
  look_up_secret (self);
}

static void
secret_kept_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CsSignDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!cs_signing_store_secret_finish (result, &error) &&
      !g_cancellable_is_cancelled (self->cancellable))
    {
      g_autofree char *text = g_strdup_printf (_("The key is open, but the keyring did not keep "
                                                 "its secret: %s"), error->message);
      show_state (self, text, FALSE, TRUE);
    }
}

static void
secret_cleared_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!cs_signing_clear_secret_finish (result, &error))
    g_debug ("The kept secret was not cleared: %s", error->message);
}

static void
key_opened_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(CsSignDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsSigner) signer = cs_signing_open_key_finish (result, &error);
  g_autofree char *key = dup_key (self);
  g_autofree char *validity = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  if (signer == NULL)
    {
      show_state (self, error->message, FALSE, TRUE);
      update_actions (self);
      return;
    }

  validity = cs_signing_format_validity (signer);
  adw_action_row_set_subtitle (self->subject_row, cs_signer_get_subject (signer));
  adw_action_row_set_subtitle (self->issuer_row, cs_signer_get_issuer (signer));
  adw_action_row_set_subtitle (self->validity_row, validity);
  gtk_widget_set_visible (GTK_WIDGET (self->certificate_group), TRUE);

  if (!cs_signer_check_validity (signer, NULL, &error))
    {
      /* Shown, so the chief sees which certificate it is, but not usable. */
      g_autofree char *text = g_strdup_printf (_("This certificate cannot sign: %s"),
                                               error->message);
      show_state (self, text, FALSE, TRUE);
      update_actions (self);
      return;
    }

  self->signer = g_steal_pointer (&signer);
  show_state (self, _("The key is open and its certificate is in date."), FALSE, FALSE);
  if (key != NULL && self->username != NULL)
    {
      if (gtk_switch_get_active (self->remember_switch))
        /* Not cancelled with the dialog: signing closes it at once, and
         * the keyring finishes what the chief asked for. */
        cs_signing_store_secret_async (key, self->username,
                                       gtk_editable_get_text (secret_editable (self)),
                                       NULL, secret_kept_cb, g_object_ref (self));
      else
        cs_signing_clear_secret_async (key, self->username, NULL, secret_cleared_cb, NULL);
    }
  update_actions (self);
}

static void
open_key_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CsSignDialog *self = CS_SIGN_DIALOG (widget);
  g_autofree char *key = dup_key (self);

  if (key == NULL || self->busy)
    return;
  forget_signer (self);
  self->busy = TRUE;
  show_state (self, token_chosen (self) ? _("Logging in to the token…")
                                        : _("Opening the key file…"), TRUE, FALSE);
  update_actions (self);
  cs_signing_open_key_async (key, gtk_editable_get_text (secret_editable (self)),
                             self->cancellable, key_opened_cb, g_object_ref (self));
}

static void
on_secret_activated (CsSignDialog *self)
{
  if (self->signer != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "sign.sign", NULL);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "sign.open-key", NULL);
}

static gboolean
close_later (gpointer user_data)
{
  gtk_window_destroy (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
sign_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CsSignDialog *self = CS_SIGN_DIALOG (widget);

  g_autofree char *key = dup_key (self);
  g_autoptr(GError) error = NULL;

  if (self->signer == NULL || self->closing)
    return;
  /* Where the key is, never its secret: the next dialog starts there. */
  if (self->cache != NULL && key != NULL &&
      !cs_cache_set_meta (self->cache, "signing-key", key, &error))
    g_debug ("The signing key chosen is not remembered: %s", error->message);
  self->closing = TRUE;
  gtk_widget_action_set_enabled (widget, "sign.sign", FALSE);
  g_signal_emit (self, signals[SIGN], 0, self->signer);
  /* Closed once the action that signed has returned: destroying the window
   * inside it (an accessibility client's click among others) leaves GTK's
   * accessibility bus with a widget gone under its feet. Not hidden in the
   * meantime either: GTK 4.8 answers an accessibility client that asks for
   * the application's last child with a hidden window's missing object
   * path, a critical warning (seen when a window went away between the
   * client's ChildCount and GetChildAtIndex). gtk_window_destroy() takes
   * the window off the list of toplevels before it hides it. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_later, g_object_ref (self), g_object_unref);
}

static void
file_chosen_cb (GtkNativeDialog *chooser,
                int              response,
                gpointer         user_data)
{
  CsSignDialog *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->file_row), path);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CsSignDialog *self = CS_SIGN_DIALOG (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Choose the Signing Key"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PKCS#12 keys (.p12, .pfx)"));
  gtk_file_filter_add_pattern (filter, "*.p12");
  gtk_file_filter_add_pattern (filter, "*.pfx");
  gtk_file_filter_add_mime_type (filter, "application/x-pkcs12");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  g_signal_connect (chooser, "response", G_CALLBACK (file_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
cs_sign_dialog_dispose (GObject *object)
{
  CsSignDialog *self = (CsSignDialog *) object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CS_TYPE_SIGN_DIALOG);
  G_OBJECT_CLASS (cs_sign_dialog_parent_class)->dispose (object);
}

static void
cs_sign_dialog_finalize (GObject *object)
{
  CsSignDialog *self = (CsSignDialog *) object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->signer);
  g_clear_object (&self->cache);
  g_clear_pointer (&self->username, g_free);
  G_OBJECT_CLASS (cs_sign_dialog_parent_class)->finalize (object);
}

static void
cs_sign_dialog_class_init (CsSignDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cs_sign_dialog_dispose;
  object_class->finalize = cs_sign_dialog_finalize;

  /**
   * CsSignDialog::sign:
   * @self: the dialog
   * @signer: the chief's key, opened, its certificate in date
   */
  signals[SIGN] = g_signal_new ("sign", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 1, CS_TYPE_SIGNER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/countersign/Desk/cs-sign-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CsSignDialog, certificate_group);
  gtk_widget_class_bind_template_child (widget_class, CsSignDialog, file_group);
  gtk_widget_class_bind_template_child (widget_class, CsSignDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, CsSignDialog, file_toggle);
  gtk_widget_class_bind_template_child (widget_class, CsSignDialog, issuer_row);
  gtk_widget_class_bind_template_child (widget_class, CsSignDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, CsSignDialog, pin_row);
  gtk_widget_class_bind_template_child (widget_class, CsSignDialog, remember_switch);
  gtk_widget_class_bind_template_child (widget_class, CsSignDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, CsSignDialog, state_box);
  gtk_widget_class_bind_template_child (widget_class, CsSignDialog, state_label);
  gtk_widget_class_bind_template_child (widget_class, CsSignDialog, subject_row);
  gtk_widget_class_bind_template_child (widget_class, CsSignDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CsSignDialog, token_group);
  gtk_widget_class_bind_template_child (widget_class, CsSignDialog, token_toggle);
  gtk_widget_class_bind_template_child (widget_class, CsSignDialog, uri_row);
  gtk_widget_class_bind_template_child (widget_class, CsSignDialog, validity_row);
  gtk_widget_class_bind_template_callback (widget_class, on_key_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_key_path_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_secret_activated);

  gtk_widget_class_install_action (widget_class, "sign.open-key", NULL, open_key_action);
  gtk_widget_class_install_action (widget_class, "sign.sign", NULL, sign_action);
  gtk_widget_class_install_action (widget_class, "sign.choose-file", NULL, choose_file_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cs_sign_dialog_init (CsSignDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  update_actions (self);
}

/**
 * cs_sign_dialog_new:
 * @parent: the window it belongs to
 * @session: the chief's session: a kept PIN is filed under its username,
 *   and the key chosen last is kept in its account's cache
 * @summary: what is about to be signed, in words
 */
CsSignDialog *
cs_sign_dialog_new (GtkWindow  *parent,
                    CsSession  *session,
                    const char *summary)
{
  CsSignDialog *self = g_object_new (CS_TYPE_SIGN_DIALOG, "transient-for", parent, NULL);
  CsUser *user = cs_session_get_user (session);
  CsCache *cache = cs_session_get_cache (session);
  g_autofree char *last = NULL;

  self->username = g_strdup (user != NULL ? cs_user_get_username (user)
                                          : cs_session_get_username (session));
  self->cache = cache != NULL ? g_object_ref (cache) : NULL;
  gtk_label_set_label (self->summary_label, summary);
  last = cache != NULL ? cs_cache_dup_meta (cache, "signing-key") : NULL;
  cs_sign_dialog_set_key (self, last);
  return self;
}

/**
 * cs_sign_dialog_set_key:
 * @self: a #CsSignDialog
 * @key: (nullable): the key chosen last time: `pkcs12:FILE` or a `pkcs11:` URI
 *
 * Starts from the key chosen last time (its kept PIN or password, if any,
 * fills in by itself).
 */
void
cs_sign_dialog_set_key (CsSignDialog *self,
                        const char   *key)
{
  g_return_if_fail (CS_IS_SIGN_DIALOG (self));

  if (key == NULL || *key == '\0')
    return;
  if (g_str_has_prefix (key, "pkcs11:"))
    {
      gtk_toggle_button_set_active (self->token_toggle, TRUE);
      gtk_editable_set_text (GTK_EDITABLE (self->uri_row), key);
    }
  else
    {
      gtk_toggle_button_set_active (self->file_toggle, TRUE);
      gtk_editable_set_text (GTK_EDITABLE (self->file_row),
                             g_str_has_prefix (key, "pkcs12:") ? key + strlen ("pkcs12:") : key);
    }
}

/**
 * cs_sign_dialog_dup_key:
 * @self: a #CsSignDialog
 *
 * Returns: (transfer full) (nullable): the key chosen, as
 *   cs_signer_new_for_key() takes it
 */
char *
cs_sign_dialog_dup_key (CsSignDialog *self)
{
  g_return_val_if_fail (CS_IS_SIGN_DIALOG (self), NULL);
  return dup_key (self);
}

CsSigner *
cs_sign_dialog_get_signer (CsSignDialog *self)
{
  g_return_val_if_fail (CS_IS_SIGN_DIALOG (self), NULL);
  return self->signer;
}
