/* cs-signing.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsSigning"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "cs-signing.h"

/* What the desk does around a decision before it is queued: the rules it
 * checks before anything is signed, and the slow steps (rendering, opening
 * a key, signing) in worker threads so that the desk never freezes. A
 * draft and its document are only read by the worker, never changed while
 * it runs: the desk makes a new draft for every change. */

/* A placeholder left in a wording: 〔…〕 or […] with words in it. A bracket
 * of digits alone is a year in a document number (粤卫〔2026〕12号). */
char *
cs_signing_find_placeholder (const char *text)
{
  static const struct { const char *open, *close; } brackets[] = {
    { "〔", "〕" }, { "[", "]" }, { "【", "】" },
  };

  if (text == NULL)
    return NULL;
  for (guint b = 0; b < G_N_ELEMENTS (brackets); b++)
    {
      const char *at = text;

      while ((at = strstr (at, brackets[b].open)) != NULL)
        {
          const char *inside = at + strlen (brackets[b].open);
          const char *end = strstr (inside, brackets[b].close);
          gboolean digits = TRUE;

          if (end == NULL)
            break;
          for (const char *p = inside; p < end; p++)
            digits &= g_ascii_isdigit (*p) || *p == ' ';
          if (!digits && end > inside)
            return g_strndup (at, end + strlen (brackets[b].close) - at);
          at = end;
        }
    }
  return NULL;
}

/**
 * cs_signing_check_draft:
 * @draft: a decision about to be signed
 * @error: return location for a %CS_ERROR_INVALID in words
 *
 * The rules of the outcome (cs_decision_draft_check()), and no bracketed
 * placeholder of the wording left unfilled anywhere in what is signed.
 */
gboolean
cs_signing_check_draft (CsDecisionDraft  *draft,
                        GError          **error)
{
  struct { const char *text; const char *what; } parts[] = {
    { cs_decision_draft_get_text (draft), N_("The decision text") },
    { cs_decision_draft_get_reasons (draft), N_("The reasons") },
    { cs_decision_draft_get_legal_basis (draft), N_("The legal basis") },
    { cs_decision_draft_get_remedy_notice (draft), N_("The notice of remedies") },
    { cs_decision_draft_get_suspension_reason (draft), N_("The reason of the suspension") },
  };

  if (!cs_decision_draft_check (draft, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *placeholder = cs_signing_find_placeholder (parts[i].text);

      if (placeholder != NULL)
        {
          /* Translators: the first %s is a part of a decision, the second a placeholder such
           * as 〔请写明延期理由〕 */
          g_set_error (error, CS_ERROR, CS_ERROR_INVALID,
                       _("%s still has a placeholder to fill in: %s"), _(parts[i].what),
                       placeholder);
          return FALSE;
        }
    }
  return TRUE;
}

/* Rendering */

static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  CsDecisionDocument *document = cs_decision_document_new_render (task_data, &error);

  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

void
cs_signing_render_async (CsDecisionDraft     *draft,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_return_if_fail (CS_IS_DECISION_DRAFT (draft));

  g_task_set_source_tag (task, cs_signing_render_async);
  g_task_set_task_data (task, g_object_ref (draft), g_object_unref);
  g_task_run_in_thread (task, render_thread);
}

CsDecisionDocument *
cs_signing_render_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Signing */

typedef struct
{
  CsDecisionDraft *draft;
  CsDecisionDocument *document;   /* NULL: rendered in the worker */
  CsSigner *signer;
  GBytes *payload;
  GBytes *signature;
} SignJob;

static void
sign_job_free (SignJob *job)
{
  g_clear_object (&job->draft);
  g_clear_object (&job->document);
  g_clear_object (&job->signer);
  g_clear_pointer (&job->payload, g_bytes_unref);
  g_clear_pointer (&job->signature, g_bytes_unref);
  g_free (job);
}

static void
sign_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SignJob *job = task_data;
  GError *error = NULL;
  const char *sha256;

  if (job->document == NULL &&
      (job->document = cs_decision_document_new_render (job->draft, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  /* The certificate is looked at once more, at the moment of signing. */
  sha256 = cs_decision_document_get_sha256 (job->document);
  if (!cs_signer_check_validity (job->signer, NULL, &error) ||
      (job->payload = cs_decision_draft_build_payload (job->draft, sha256, NULL,
                                                       &error)) == NULL ||
      (job->signature = cs_signer_sign (job->signer, job->payload, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * cs_signing_sign_async:
 * @draft: the decision, checked
 * @document: (nullable): the document rendered from @draft and shown to the
 *   chief: these very bytes are signed; %NULL to render it in the worker
 * @signer: the chief's key
 *
 * Builds the signed bytes (with the document's SHA-256) and signs them, in
 * a worker thread.
 */
void
cs_signing_sign_async (CsDecisionDraft     *draft,
                       CsDecisionDocument  *document,
                       CsSigner            *signer,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  SignJob *job = g_new0 (SignJob, 1);

  g_return_if_fail (CS_IS_DECISION_DRAFT (draft));
  g_return_if_fail (CS_IS_SIGNER (signer));

  job->draft = g_object_ref (draft);
  job->document = document != NULL ? g_object_ref (document) : NULL;
  job->signer = g_object_ref (signer);
  g_task_set_source_tag (task, cs_signing_sign_async);
  g_task_set_task_data (task, job, (GDestroyNotify) sign_job_free);
  g_task_run_in_thread (task, sign_thread);
}

gboolean
cs_signing_sign_finish (GAsyncResult        *result,
                        CsDecisionDocument **out_document,
                        GBytes             **out_payload,
                        GBytes             **out_signature,
                        GError             **error)
{
  SignJob *job;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  job = g_task_get_task_data (G_TASK (result));
  if (out_document != NULL)
    *out_document = g_object_ref (job->document);
  if (out_payload != NULL)
    *out_payload = g_bytes_ref (job->payload);
  if (out_signature != NULL)
    *out_signature = g_bytes_ref (job->signature);
  return TRUE;
}

/* Keys */

typedef struct
{
  char *key;
  char *secret;
} KeyJob;

static void
key_job_free (KeyJob *job)
{
  g_free (job->key);
  if (job->secret != NULL)
    {
      memset (job->secret, 0, strlen (job->secret));
      g_free (job->secret);
    }
  g_free (job);
}

static void
open_key_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  KeyJob *job = task_data;
  GError *error = NULL;
  CsSigner *signer = cs_signer_new_for_key (job->key, job->secret, &error);

  if (signer == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, signer, g_object_unref);
}

/**
 * cs_signing_open_key_async:
 * @key: `pkcs12:FILE` or a `pkcs11:` URI
 * @secret: the file's password or the token's PIN
 *
 * Opens the chief's key in a worker thread (a PKCS#12 file's key
 * derivation and a token's login both take a moment).
 */
void
cs_signing_open_key_async (const char          *key,
                           const char          *secret,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  KeyJob *job = g_new0 (KeyJob, 1);

  job->key = g_strdup (key);
  job->secret = g_strdup (secret);
  g_task_set_source_tag (task, cs_signing_open_key_async);
  g_task_set_task_data (task, job, (GDestroyNotify) key_job_free);
  g_task_run_in_thread (task, open_key_thread);
}

CsSigner *
cs_signing_open_key_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* A token's PIN or a key file's password, kept in the keyring only when
 * the chief asks for it: never in a file. */
static const SecretSchema key_schema = {
  "org.countersign.KeySecret", SECRET_SCHEMA_NONE,
  {
    { "key", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "username", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  },
  0, NULL, NULL, NULL, NULL, NULL, NULL, NULL
};

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *secret = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, secret, (GDestroyNotify) secret_password_free);
}

void
cs_signing_lookup_secret_async (const char          *key,
                                const char          *username,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, cs_signing_lookup_secret_async);
  secret_password_lookup (&key_schema, cancellable, lookup_cb, task,
                          "key", key, "username", username, NULL);
}

/**
 * cs_signing_lookup_secret_finish:
 *
 * Returns: (transfer full) (nullable): the kept secret (free it with
 *   cs_signing_free_secret()), or %NULL when none is kept
 */
char *
cs_signing_lookup_secret_finish (GAsyncResult  *result,
                                 GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
cs_signing_free_secret (char *secret)
{
  secret_password_free (secret);
}

static void
stored_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
cs_signing_store_secret_async (const char          *key,
                               const char          *username,
                               const char          *secret,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  /* Translators: the label of a keyring item; %s is a key file or token */
  g_autofree char *label = g_strdup_printf (_("Countersign signing key %s"), key);

  g_task_set_source_tag (task, cs_signing_store_secret_async);
  secret_password_store (&key_schema, SECRET_COLLECTION_DEFAULT, label, secret, cancellable,
                         stored_cb, task, "key", key, "username", username, NULL);
}

gboolean
cs_signing_store_secret_finish (GAsyncResult  *result,
                                GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
cleared_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
cs_signing_clear_secret_async (const char          *key,
                               const char          *username,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, cs_signing_clear_secret_async);
  secret_password_clear (&key_schema, cancellable, cleared_cb, task,
                         "key", key, "username", username, NULL);
}

gboolean
cs_signing_clear_secret_finish (GAsyncResult  *result,
                                GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

char *
cs_signing_format_validity (CsSigner *signer)
{
  g_autoptr(GDateTime) from = g_date_time_to_local (cs_signer_get_not_before (signer));
  g_autoptr(GDateTime) until = g_date_time_to_local (cs_signer_get_not_after (signer));
  g_autofree char *a = g_date_time_format (from, "%Y-%m-%d %H:%M");
  g_autofree char *b = g_date_time_format (until, "%Y-%m-%d %H:%M");

  /* Translators: a certificate's validity, from one moment until another */
  return g_strdup_printf (_("%s to %s"), a, b);
}
