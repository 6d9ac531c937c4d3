/* cs-document-signature.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsDocumentSignature"

#include "config.h"

#include <glib/gi18n.h>

#include "cs-document-signature.h"

/**
 * CsDocumentSignature:
 *
 * One signature field of a PDF and what validating it found, in words an
 * approver can act on: whether the document was changed after signing,
 * and whether the signer's certificate comes from an authority this
 * computer trusts.
 */

struct _CsDocumentSignature
{
  GObject parent_instance;

  char *field_name;
  guint page;
  char *signer;
  GDateTime *signing_time;
  PopplerSignatureStatus signature_status;
  PopplerCertificateStatus certificate_status;
};

G_DEFINE_FINAL_TYPE (CsDocumentSignature, cs_document_signature, G_TYPE_OBJECT)

static void
cs_document_signature_finalize (GObject *object)
{
  CsDocumentSignature *self = (CsDocumentSignature *)object;

  g_free (self->field_name);
  g_free (self->signer);
  g_clear_pointer (&self->signing_time, g_date_time_unref);

  G_OBJECT_CLASS (cs_document_signature_parent_class)->finalize (object);
}

static void
cs_document_signature_class_init (CsDocumentSignatureClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cs_document_signature_finalize;
}

static void
cs_document_signature_init (CsDocumentSignature *self)
{
  self->signature_status = POPPLER_SIGNATURE_NOT_VERIFIED;
  self->certificate_status = POPPLER_CERTIFICATE_NOT_VERIFIED;
}

/**
 * cs_document_signature_new:
 * @field_name: (nullable): the signature field's name
 * @page: the page index the field is on
 * @info: (nullable): what Poppler's validation found; %NULL when
 *   validation itself failed
 *
 * Returns: (transfer full): a new #CsDocumentSignature
 */
CsDocumentSignature *
cs_document_signature_new (const char                 *field_name,
                           guint                       page,
                           const PopplerSignatureInfo *info)
{
  CsDocumentSignature *self = g_object_new (CS_TYPE_DOCUMENT_SIGNATURE, NULL);

  self->field_name = g_strdup (field_name);
  self->page = page;
  if (info != NULL)
    {
      GDateTime *time = poppler_signature_info_get_local_signing_time (info);

      self->signer = g_strdup (poppler_signature_info_get_signer_name (info));
      self->signing_time = time != NULL ? g_date_time_ref (time) : NULL;
      self->signature_status = poppler_signature_info_get_signature_status (info);
      self->certificate_status = poppler_signature_info_get_certificate_status (info);
    }
  else
    {
      self->signature_status = POPPLER_SIGNATURE_GENERIC_ERROR;
      self->certificate_status = POPPLER_CERTIFICATE_GENERIC_ERROR;
    }
  return self;
}

const char *
cs_document_signature_get_field_name (CsDocumentSignature *self)
{
  g_return_val_if_fail (CS_IS_DOCUMENT_SIGNATURE (self), NULL);
  return self->field_name;
}

guint
cs_document_signature_get_page (CsDocumentSignature *self)
{
  g_return_val_if_fail (CS_IS_DOCUMENT_SIGNATURE (self), 0);
  return self->page;
}

/**
 * cs_document_signature_get_signer:
 * @self: a #CsDocumentSignature
 *
 * Returns: (nullable): the signer's name from the certificate
 */
const char *
cs_document_signature_get_signer (CsDocumentSignature *self)
{
  g_return_val_if_fail (CS_IS_DOCUMENT_SIGNATURE (self), NULL);
  return self->signer;
}

/**
 * cs_document_signature_get_signing_time:
 * @self: a #CsDocumentSignature
 *
 * Returns: (nullable) (transfer none): when the signer says they signed
 */
GDateTime *
cs_document_signature_get_signing_time (CsDocumentSignature *self)
{
  g_return_val_if_fail (CS_IS_DOCUMENT_SIGNATURE (self), NULL);
  return self->signing_time;
}

gboolean
cs_document_signature_is_valid (CsDocumentSignature *self)
{
  g_return_val_if_fail (CS_IS_DOCUMENT_SIGNATURE (self), FALSE);
  return self->signature_status == POPPLER_SIGNATURE_VALID;
}

gboolean
cs_document_signature_is_trusted (CsDocumentSignature *self)
{
  g_return_val_if_fail (CS_IS_DOCUMENT_SIGNATURE (self), FALSE);
  return self->certificate_status == POPPLER_CERTIFICATE_TRUSTED;
}

/**
 * cs_document_signature_describe_signature:
 * @self: a #CsDocumentSignature
 *
 * Returns: what the signature says of the document, as a sentence
 */
const char *
cs_document_signature_describe_signature (CsDocumentSignature *self)
{
  g_return_val_if_fail (CS_IS_DOCUMENT_SIGNATURE (self), NULL);

  switch (self->signature_status)
    {
    case POPPLER_SIGNATURE_VALID:
      return _("The document has not been changed since it was signed.");
    case POPPLER_SIGNATURE_DIGEST_MISMATCH:
      return _("The document was changed after it was signed.");
    case POPPLER_SIGNATURE_INVALID:
      return _("The signature does not match the document: it is not valid.");
    case POPPLER_SIGNATURE_DECODING_ERROR:
      return _("The signature is damaged and cannot be read.");
    case POPPLER_SIGNATURE_NOT_FOUND:
      return _("The signature field is empty: nobody has signed it.");
    case POPPLER_SIGNATURE_NOT_VERIFIED:
    case POPPLER_SIGNATURE_GENERIC_ERROR:
    default:
      return _("The signature could not be checked.");
    }
}

/**
 * cs_document_signature_describe_certificate:
 * @self: a #CsDocumentSignature
 *
 * Returns: what is known of the signer's certificate, as a sentence
 */
const char *
cs_document_signature_describe_certificate (CsDocumentSignature *self)
{
  g_return_val_if_fail (CS_IS_DOCUMENT_SIGNATURE (self), NULL);

  switch (self->certificate_status)
    {
    case POPPLER_CERTIFICATE_TRUSTED:
      return _("The signer's certificate comes from an authority this computer trusts.");
    case POPPLER_CERTIFICATE_UNTRUSTED_ISSUER:
      return _("The signer's certificate is not from an authority this computer trusts: "
               "confirm the signer another way.");
    case POPPLER_CERTIFICATE_UNKNOWN_ISSUER:
      return _("The signer's certificate comes from an authority this computer does not know: "
               "confirm the signer another way.");
    case POPPLER_CERTIFICATE_REVOKED:
      return _("The signer's certificate has been revoked.");
    case POPPLER_CERTIFICATE_EXPIRED:
      return _("The signer's certificate was not valid at the time of signing.");
    case POPPLER_CERTIFICATE_NOT_VERIFIED:
    case POPPLER_CERTIFICATE_GENERIC_ERROR:
    default:
      return _("The signer's certificate could not be checked.");
    }
}

/**
 * cs_document_signature_describe:
 * @self: a #CsDocumentSignature
 *
 * Returns: (transfer full): who signed when, on one line
 */
char *
cs_document_signature_describe (CsDocumentSignature *self)
{
  g_autofree char *when = NULL;
  const char *signer;

  g_return_val_if_fail (CS_IS_DOCUMENT_SIGNATURE (self), NULL);

  signer = self->signer != NULL && self->signer[0] != '\0' ? self->signer : _("an unknown signer");
  if (self->signing_time != NULL)
    {
      when = g_date_time_format (self->signing_time, "%Y-%m-%d %H:%M");
      /* Translators: "Signed by 张伟 on 2026-11-18 09:30, page 3" */
      return g_strdup_printf (_("Signed by %s on %s, page %u"), signer, when, self->page + 1);
    }
  /* Translators: "Signed by 张伟, page 3" */
  return g_strdup_printf (_("Signed by %s, page %u"), signer, self->page + 1);
}
