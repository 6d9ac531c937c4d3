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
 * cs_document_signature_new_from_json:
 * @object: one signature as countersign-pdf-signatures prints it
 *
 * Returns: (transfer full): a new #CsDocumentSignature
 */
CsDocumentSignature *
cs_document_signature_new_from_json (JsonObject *object)
{
  CsDocumentSignature *self = g_object_new (CS_TYPE_DOCUMENT_SIGNATURE, NULL);
  const char *time = json_object_get_string_member_with_default (object, "time", NULL);
  gint64 page = json_object_get_int_member_with_default (object, "page", 0);
  gint64 signature = json_object_get_int_member_with_default (object, "signature",
                                                              POPPLER_SIGNATURE_GENERIC_ERROR);
  gint64 certificate = json_object_get_int_member_with_default (object, "certificate",
                                                                POPPLER_CERTIFICATE_GENERIC_ERROR);

  self->field_name = g_strdup (json_object_get_string_member_with_default (object, "field", NULL));
  self->signer = g_strdup (json_object_get_string_member_with_default (object, "signer", NULL));
  self->page = (guint)CLAMP (page, 0, G_MAXUINT);
  if (time != NULL)
    self->signing_time = g_date_time_new_from_iso8601 (time, NULL);
  /* Values this desk does not know read as "could not be checked". */
  self->signature_status = signature >= POPPLER_SIGNATURE_VALID &&
                           signature <= POPPLER_SIGNATURE_NOT_VERIFIED
                           ? (PopplerSignatureStatus)signature : POPPLER_SIGNATURE_GENERIC_ERROR;
  self->certificate_status = certificate >= POPPLER_CERTIFICATE_TRUSTED &&
                             certificate <= POPPLER_CERTIFICATE_NOT_VERIFIED
                             ? (PopplerCertificateStatus)certificate
                             : POPPLER_CERTIFICATE_GENERIC_ERROR;
  return self;
}

/**
 * cs_document_signature_new_unchecked:
 * @page: the page of the signature field, %G_MAXUINT when not known
 *
 * A signature the checker could not validate (it failed or took too
 * long).
 *
 * Returns: (transfer full): a new #CsDocumentSignature
 */
CsDocumentSignature *
cs_document_signature_new_unchecked (guint page)
{
  CsDocumentSignature *self = g_object_new (CS_TYPE_DOCUMENT_SIGNATURE, NULL);

  self->page = page;
  self->signature_status = POPPLER_SIGNATURE_GENERIC_ERROR;
  self->certificate_status = POPPLER_CERTIFICATE_GENERIC_ERROR;
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
  if (self->page == G_MAXUINT)
    /* Translators: a signature that could not be read: "Signed by an unknown signer" */
    return g_strdup_printf (_("Signed by %s"), signer);
  if (self->signing_time != NULL)
    {
      when = g_date_time_format (self->signing_time, "%Y-%m-%d %H:%M");
      /* Translators: "Signed by 张伟 on 2026-11-18 09:30, page 3" */
      return g_strdup_printf (_("Signed by %s on %s, page %u"), signer, when, self->page + 1);
    }
  /* Translators: "Signed by 张伟, page 3" */
  return g_strdup_printf (_("Signed by %s, page %u"), signer, self->page + 1);
}
