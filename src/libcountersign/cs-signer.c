/* cs-signer.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsSigner"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <gnutls/gnutls.h>
#include <gnutls/abstract.h>
#include <gnutls/pkcs11.h>
#include <gnutls/pkcs12.h>
#include <gnutls/pkcs7.h>
#include <gnutls/x509.h>

#include "cs-error.h"
#include "cs-signer.h"

/**
 * CsSigner:
 *
 * The chief representative's signing key and certificate, from a PKCS#12
 * file (with its password) or from a PKCS#11 token through p11-kit (with
 * its PIN). It makes CMS (PKCS#7) detached signatures over the exact bytes
 * of a decision: SHA-256, the signing time and the signer's certificate
 * included, which `openssl cms -verify` and the central platform check.
 *
 * A certificate that has expired or is not valid yet is refused before
 * anything is signed.
 */
struct _CsSigner
{
  GObject parent_instance;

  gnutls_privkey_t key;
  gnutls_x509_crt_t certificate;
  char *pin;              /* (nullable) for a token; wiped when finalized */
  char *subject;
  char *common_name;
  char *issuer;
  GDateTime *not_before;
  GDateTime *not_after;
  GMutex lock;            /* GnuTLS objects are not shared between threads */
};

G_DEFINE_FINAL_TYPE (CsSigner, cs_signer, G_TYPE_OBJECT)

static void
clear_datum (gnutls_datum_t *datum)
{
  gnutls_free (datum->data);
  datum->data = NULL;
  datum->size = 0;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (gnutls_datum_t, clear_datum)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_pkcs12_t, gnutls_pkcs12_deinit, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_pkcs7_t, gnutls_pkcs7_deinit, NULL)
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (gnutls_x509_privkey_t, gnutls_x509_privkey_deinit, NULL)

static void
cs_signer_finalize (GObject *object)
{
  CsSigner *self = (CsSigner *) object;

  g_clear_pointer (&self->key, gnutls_privkey_deinit);
  g_clear_pointer (&self->certificate, gnutls_x509_crt_deinit);
  if (self->pin != NULL)
    memset (self->pin, 0, strlen (self->pin));
  g_clear_pointer (&self->pin, g_free);
  g_free (self->subject);
  g_free (self->common_name);
  g_free (self->issuer);
  g_clear_pointer (&self->not_before, g_date_time_unref);
  g_clear_pointer (&self->not_after, g_date_time_unref);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (cs_signer_parent_class)->finalize (object);
}

static void
cs_signer_class_init (CsSignerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cs_signer_finalize;
}

static void
cs_signer_init (CsSigner *self)
{
  g_mutex_init (&self->lock);
}

static char *
datum_to_string (gnutls_datum_t *datum)
{
  return g_strndup ((const char *) datum->data, datum->size);
}

/* Reads what the person is shown of the certificate. */
static gboolean
describe_certificate (CsSigner  *self,
                      GError   **error)
{
  g_auto(gnutls_datum_t) subject = { NULL, 0 };
  g_auto(gnutls_datum_t) issuer = { NULL, 0 };
  char cn[256];
  size_t cn_size = sizeof cn;
  time_t activation, expiration;

  activation = gnutls_x509_crt_get_activation_time (self->certificate);
  expiration = gnutls_x509_crt_get_expiration_time (self->certificate);
  if (gnutls_x509_crt_get_dn3 (self->certificate, &subject, 0) < 0 ||
      gnutls_x509_crt_get_issuer_dn3 (self->certificate, &issuer, 0) < 0 ||
      activation == (time_t) -1 || expiration == (time_t) -1)
    {
      g_set_error (error, CS_ERROR, CS_ERROR_CERTIFICATE,
                   _("The signing certificate cannot be read"));
      return FALSE;
    }

  self->subject = datum_to_string (&subject);
  self->issuer = datum_to_string (&issuer);
  if (gnutls_x509_crt_get_dn_by_oid (self->certificate, GNUTLS_OID_X520_COMMON_NAME, 0, 0,
                                     cn, &cn_size) >= 0)
    self->common_name = g_strndup (cn, cn_size);
  else
    self->common_name = g_strdup (self->subject);
  self->not_before = g_date_time_new_from_unix_utc (activation);
  self->not_after = g_date_time_new_from_unix_utc (expiration);
  return TRUE;
}

/**
 * cs_signer_new_from_pkcs12:
 * @path: a PKCS#12 file (DER or PEM)
 * @password: its password
 * @error: return location for a %CS_ERROR_SIGNING or %CS_ERROR_CERTIFICATE
 *
 * Opens the key and certificate of a PKCS#12 file. The password is needed
 * only here: the key stays in memory for the life of the signer.
 *
 * Returns: (transfer full) (nullable): the signer
 */
CsSigner *
cs_signer_new_from_pkcs12 (const char  *path,
                           const char  *password,
                           GError     **error)
{
  g_autoptr(CsSigner) self = NULL;
  g_auto(gnutls_pkcs12_t) bundle = NULL;
  g_auto(gnutls_x509_privkey_t) x509_key = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gnutls_x509_crt_t *chain = NULL;
  unsigned int chain_size = 0;
  gnutls_datum_t datum;
  gsize length;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (password != NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, CS_ERROR, CS_ERROR_SIGNING,
                   _("The key file %s cannot be read: %s"), path, local_error->message);
      return NULL;
    }

  datum.data = (unsigned char *) contents;
  datum.size = length;
  if (gnutls_pkcs12_init (&bundle) < 0 ||
      (gnutls_pkcs12_import (bundle, &datum, GNUTLS_X509_FMT_DER, 0) < 0 &&
       gnutls_pkcs12_import (bundle, &datum, GNUTLS_X509_FMT_PEM, 0) < 0))
    {
      g_set_error (error, CS_ERROR, CS_ERROR_SIGNING,
                   _("%s is not a PKCS#12 key file"), path);
      return NULL;
    }

  if (gnutls_pkcs12_verify_mac (bundle, password) < 0)
    {
      g_set_error (error, CS_ERROR, CS_ERROR_SIGNING,
                   _("The password of the key file %s is wrong"), path);
      return NULL;
    }

  rc = gnutls_pkcs12_simple_parse (bundle, password, &x509_key, &chain, &chain_size,
                                   NULL, NULL, NULL, 0);
  if (rc < 0 || chain_size == 0)
    {
      for (unsigned int i = 0; i < chain_size; i++)
        gnutls_x509_crt_deinit (chain[i]);
      gnutls_free (chain);
      g_set_error (error, CS_ERROR, CS_ERROR_SIGNING,
                   _("The key file %s holds no key with its certificate (%s)"), path,
                   rc < 0 ? gnutls_strerror (rc) : _("no certificate"));
      return NULL;
    }

  self = g_object_new (CS_TYPE_SIGNER, NULL);
  /* The first of the chain is the key's own certificate. */
  self->certificate = chain[0];
  for (unsigned int i = 1; i < chain_size; i++)
    gnutls_x509_crt_deinit (chain[i]);
  gnutls_free (chain);

  if (gnutls_privkey_init (&self->key) < 0 ||
      gnutls_privkey_import_x509 (self->key, x509_key, GNUTLS_PRIVKEY_IMPORT_AUTO_RELEASE) < 0)
    {
      g_set_error (error, CS_ERROR, CS_ERROR_SIGNING,
                   _("The key in %s cannot be used for signing"), path);
      return NULL;
    }
  x509_key = NULL;   /* owned by the abstract key now */

  if (!describe_certificate (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* Hands the token the PIN once: a second request means it was wrong, and
 * asking again would lock the token. */
static int
pin_callback (void        *user_data,
              int          attempt,
              const char  *token_url,
              const char  *token_label,
              unsigned int flags,
              char        *pin,
              size_t       pin_max)
{
  CsSigner *self = user_data;
  size_t length;

  if (self->pin == NULL || attempt > 0 || (flags & GNUTLS_PIN_WRONG) != 0)
    return GNUTLS_E_PKCS11_PIN_ERROR;

  length = strlen (self->pin);
  if (length + 1 > pin_max)
    return GNUTLS_E_SHORT_MEMORY_BUFFER;
  memcpy (pin, self->pin, length + 1);
  return 0;
}

/* The same URI with its object type set: a token URI usually names the key
 * pair by its label (object=) or ID, and the key and the certificate share
 * them. */
static char *
uri_with_type (const char *uri,
               const char *type)
{
  g_autofree char *path = NULL;
  g_auto(GStrv) attributes = NULL;
  g_autoptr(GString) result = g_string_new ("pkcs11:");
  const char *query;
  gboolean first = TRUE;

  query = strchr (uri, '?');
  path = query != NULL ? g_strndup (uri + strlen ("pkcs11:"), query - uri - strlen ("pkcs11:"))
                       : g_strdup (uri + strlen ("pkcs11:"));
  attributes = g_strsplit (path, ";", -1);
  for (guint i = 0; attributes[i] != NULL; i++)
    {
      if (attributes[i][0] == '\0' || g_str_has_prefix (attributes[i], "type="))
        continue;
      g_string_append_printf (result, "%s%s", first ? "" : ";", attributes[i]);
      first = FALSE;
    }
  g_string_append_printf (result, "%stype=%s", first ? "" : ";", type);
  if (query != NULL)
    g_string_append (result, query);
  return g_string_free (g_steal_pointer (&result), FALSE);
}

/**
 * cs_signer_new_from_pkcs11:
 * @uri: a `pkcs11:` URI (RFC 7512) naming the key pair on the token
 * @pin: (nullable): the token's user PIN
 * @error: return location for a %CS_ERROR_SIGNING or %CS_ERROR_CERTIFICATE
 *
 * Opens a key and its certificate on a PKCS#11 token, through the modules
 * p11-kit knows (SoftHSM, OpenSC and the vendors'). The key never leaves
 * the token; the PIN is kept for the life of the signer, and handed to the
 * token once for each login.
 *
 * Returns: (transfer full) (nullable): the signer
 */
CsSigner *
cs_signer_new_from_pkcs11 (const char  *uri,
                           const char  *pin,
                           GError     **error)
{
  g_autoptr(CsSigner) self = NULL;
  g_autofree char *key_uri = NULL;
  g_autofree char *certificate_uri = NULL;
  int rc;

  g_return_val_if_fail (uri != NULL, NULL);

  if (!g_str_has_prefix (uri, "pkcs11:"))
    {
      g_set_error (error, CS_ERROR, CS_ERROR_SIGNING,
                   _("“%s” is not a PKCS#11 URI (it starts with “pkcs11:”)"), uri);
      return NULL;
    }

  rc = gnutls_pkcs11_init (GNUTLS_PKCS11_FLAG_AUTO, NULL);
  if (rc < 0)
    {
      g_set_error (error, CS_ERROR, CS_ERROR_SIGNING,
                   _("The security tokens cannot be reached: %s"), gnutls_strerror (rc));
      return NULL;
    }

  self = g_object_new (CS_TYPE_SIGNER, NULL);
  self->pin = g_strdup (pin);
  key_uri = uri_with_type (uri, "private");
  certificate_uri = uri_with_type (uri, "cert");

  if (gnutls_x509_crt_init (&self->certificate) < 0)
    {
      g_set_error (error, CS_ERROR, CS_ERROR_SIGNING, _("Out of memory"));
      return NULL;
    }
  gnutls_x509_crt_set_pin_function (self->certificate, pin_callback, self);
  rc = gnutls_x509_crt_import_url (self->certificate, certificate_uri, 0);
  if (rc < 0)
    rc = gnutls_x509_crt_import_url (self->certificate, certificate_uri,
                                     GNUTLS_PKCS11_OBJ_FLAG_LOGIN);
  if (rc < 0)
    {
      g_set_error (error, CS_ERROR, CS_ERROR_SIGNING,
                   _("No certificate was found on the token for %s: %s"), uri,
                   gnutls_strerror (rc));
      return NULL;
    }

  if (gnutls_privkey_init (&self->key) < 0)
    {
      g_set_error (error, CS_ERROR, CS_ERROR_SIGNING, _("Out of memory"));
      return NULL;
    }
  gnutls_privkey_set_pin_function (self->key, pin_callback, self);
  rc = gnutls_privkey_import_url (self->key, key_uri, 0);
  if (rc == GNUTLS_E_PKCS11_PIN_ERROR)
    {
      g_set_error (error, CS_ERROR, CS_ERROR_SIGNING,
                   pin == NULL ? _("The token needs its PIN")
                               : _("The token refused the PIN"));
      return NULL;
    }
  if (rc < 0)
    {
      g_set_error (error, CS_ERROR, CS_ERROR_SIGNING,
                   _("No private key was found on the token for %s: %s"), uri,
                   gnutls_strerror (rc));
      return NULL;
    }

  if (!describe_certificate (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * cs_signer_new_for_key:
 * @key: `pkcs12:FILE`, or a `pkcs11:` URI
 * @secret: (nullable): the file's password, or the token's PIN
 * @error: return location for an error
 *
 * Opens the key as the command line and the preferences name it.
 *
 * Returns: (transfer full) (nullable): the signer
 */
CsSigner *
cs_signer_new_for_key (const char  *key,
                       const char  *secret,
                       GError     **error)
{
  g_return_val_if_fail (key != NULL, NULL);

  if (g_str_has_prefix (key, "pkcs12:"))
    return cs_signer_new_from_pkcs12 (key + strlen ("pkcs12:"), secret != NULL ? secret : "",
                                      error);
  if (g_str_has_prefix (key, "pkcs11:"))
    return cs_signer_new_from_pkcs11 (key, secret, error);

  g_set_error (error, CS_ERROR, CS_ERROR_SIGNING,
               _("“%s” names no key: give pkcs12:FILE or a pkcs11: URI"), key);
  return NULL;
}

typedef struct
{
  char *key;
  char *secret;
} OpenKey;

static void
open_key_free (OpenKey *open)
{
  g_free (open->key);
  if (open->secret != NULL)
    memset (open->secret, 0, strlen (open->secret));
  g_free (open->secret);
  g_free (open);
}

static void
open_key_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  OpenKey *open = task_data;
  GError *error = NULL;
  CsSigner *signer = cs_signer_new_for_key (open->key, open->secret, &error);

  if (signer == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, signer, g_object_unref);
}

/**
 * cs_signer_new_for_key_async:
 * @key: `pkcs12:FILE`, or a `pkcs11:` URI
 * @secret: (nullable): the file's password, or the token's PIN
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the signer
 * @user_data: data for @callback
 *
 * Opens the key in a worker thread, as cs_signer_new_for_key() does: a
 * token's login and a PKCS#12 file's key derivation take a noticeable
 * moment, which the desk's main loop must not wait for.
 */
void
cs_signer_new_for_key_async (const char          *key,
                             const char          *secret,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenKey *open;

  g_return_if_fail (key != NULL);

  open = g_new0 (OpenKey, 1);
  open->key = g_strdup (key);
  open->secret = g_strdup (secret);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cs_signer_new_for_key_async);
  g_task_set_task_data (task, open, (GDestroyNotify) open_key_free);
  g_task_run_in_thread (task, open_key_thread);
}

/**
 * cs_signer_new_for_key_finish:
 * @result: the result
 * @error: return location for a %CS_ERROR_SIGNING or %CS_ERROR_CERTIFICATE
 *
 * Returns: (transfer full) (nullable): the signer
 */
CsSigner *
cs_signer_new_for_key_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cs_signer_new_for_key_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * cs_signer_get_subject:
 * @self: a #CsSigner
 *
 * Returns: the certificate's subject, as an RFC 4514 name
 */
const char *
cs_signer_get_subject (CsSigner *self)
{
  g_return_val_if_fail (CS_IS_SIGNER (self), NULL);
  return self->subject;
}

/**
 * cs_signer_get_common_name:
 * @self: a #CsSigner
 *
 * Returns: the holder's name from the certificate
 */
const char *
cs_signer_get_common_name (CsSigner *self)
{
  g_return_val_if_fail (CS_IS_SIGNER (self), NULL);
  return self->common_name;
}

/**
 * cs_signer_get_issuer:
 * @self: a #CsSigner
 *
 * Returns: the certificate's issuer, as an RFC 4514 name
 */
const char *
cs_signer_get_issuer (CsSigner *self)
{
  g_return_val_if_fail (CS_IS_SIGNER (self), NULL);
  return self->issuer;
}

/**
 * cs_signer_get_not_before:
 * @self: a #CsSigner
 *
 * Returns: (transfer none): the start of the certificate's validity
 */
GDateTime *
cs_signer_get_not_before (CsSigner *self)
{
  g_return_val_if_fail (CS_IS_SIGNER (self), NULL);
  return self->not_before;
}

/**
 * cs_signer_get_not_after:
 * @self: a #CsSigner
 *
 * Returns: (transfer none): the end of the certificate's validity
 */
GDateTime *
cs_signer_get_not_after (CsSigner *self)
{
  g_return_val_if_fail (CS_IS_SIGNER (self), NULL);
  return self->not_after;
}

/**
 * cs_signer_dup_certificate_pem:
 * @self: a #CsSigner
 *
 * Returns: (transfer full): the signing certificate in PEM
 */
char *
cs_signer_dup_certificate_pem (CsSigner *self)
{
  g_auto(gnutls_datum_t) pem = { NULL, 0 };

  g_return_val_if_fail (CS_IS_SIGNER (self), NULL);

  if (gnutls_x509_crt_export2 (self->certificate, GNUTLS_X509_FMT_PEM, &pem) < 0)
    return NULL;
  return datum_to_string (&pem);
}

/**
 * cs_signer_check_validity:
 * @self: a #CsSigner
 * @when: (nullable): the moment to check, %NULL for now
 * @error: return location for a %CS_ERROR_CERTIFICATE
 *
 * Returns: %TRUE when the certificate is valid at @when
 */
gboolean
cs_signer_check_validity (CsSigner   *self,
                          GDateTime  *when,
                          GError    **error)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (CS_IS_SIGNER (self), FALSE);

  now = when != NULL ? g_date_time_ref (when) : g_date_time_new_now_utc ();
  if (g_date_time_compare (now, self->not_before) < 0)
    {
      g_autofree char *from = g_date_time_format (self->not_before, "%F %T UTC");

      g_set_error (error, CS_ERROR, CS_ERROR_CERTIFICATE,
                   _("The certificate of %s is not valid before %s; it cannot sign yet"),
                   self->common_name, from);
      return FALSE;
    }
  if (g_date_time_compare (now, self->not_after) > 0)
    {
      g_autofree char *until = g_date_time_format (self->not_after, "%F %T UTC");

      g_set_error (error, CS_ERROR, CS_ERROR_CERTIFICATE,
                   _("The certificate of %s expired on %s; it can no longer sign"),
                   self->common_name, until);
      return FALSE;
    }
  return TRUE;
}

/**
 * cs_signer_sign:
 * @self: a #CsSigner
 * @data: the exact bytes to sign
 * @error: return location for a %CS_ERROR_SIGNING or %CS_ERROR_CERTIFICATE
 *
 * Makes a CMS (PKCS#7) SignedData over @data, detached (the bytes are not
 * embedded), with SHA-256, the signing time and the signer's certificate.
 * Blocks while a token signs: call it from a thread, or use
 * cs_signer_sign_async().
 *
 * Returns: (transfer full) (nullable): the signature, DER
 */
GBytes *
cs_signer_sign (CsSigner  *self,
                GBytes    *data,
                GError   **error)
{
  g_auto(gnutls_pkcs7_t) signature = NULL;
  g_auto(gnutls_datum_t) der = { NULL, 0 };
  gnutls_datum_t content;
  gsize length;
  int rc;

  g_return_val_if_fail (CS_IS_SIGNER (self), NULL);
  g_return_val_if_fail (data != NULL, NULL);

  if (!cs_signer_check_validity (self, NULL, error))
    return NULL;

  content.data = (unsigned char *) g_bytes_get_data (data, &length);
  content.size = length;

  g_mutex_lock (&self->lock);
  rc = gnutls_pkcs7_init (&signature);
  if (rc >= 0)
    rc = gnutls_pkcs7_sign (signature, self->certificate, self->key, &content, NULL, NULL,
                            GNUTLS_DIG_SHA256,
                            GNUTLS_PKCS7_INCLUDE_TIME | GNUTLS_PKCS7_INCLUDE_CERT);
  if (rc >= 0)
    rc = gnutls_pkcs7_export2 (signature, GNUTLS_X509_FMT_DER, &der);
  g_mutex_unlock (&self->lock);

  if (rc < 0)
    {
      if (rc == GNUTLS_E_PKCS11_PIN_ERROR)
        g_set_error (error, CS_ERROR, CS_ERROR_SIGNING, _("The token refused the PIN"));
      else
        g_set_error (error, CS_ERROR, CS_ERROR_SIGNING, _("Signing failed: %s"),
                     gnutls_strerror (rc));
      return NULL;
    }
  return g_bytes_new (der.data, der.size);
}

static void
sign_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  GBytes *signature = cs_signer_sign (source_object, task_data, &error);

  if (signature == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, signature, (GDestroyNotify) g_bytes_unref);
}

/**
 * cs_signer_sign_async:
 * @self: a #CsSigner
 * @data: the exact bytes to sign
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the signature
 * @user_data: data for @callback
 *
 * Signs in a worker thread, as cs_signer_sign() does.
 */
void
cs_signer_sign_async (CsSigner            *self,
                      GBytes              *data,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CS_IS_SIGNER (self));
  g_return_if_fail (data != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cs_signer_sign_async);
  g_task_set_task_data (task, g_bytes_ref (data), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, sign_thread);
}

/**
 * cs_signer_sign_finish:
 * @self: a #CsSigner
 * @result: the result
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the signature, DER
 */
GBytes *
cs_signer_sign_finish (CsSigner      *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
