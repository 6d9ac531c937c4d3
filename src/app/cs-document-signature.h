/* cs-document-signature.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>
#include <poppler.h>

G_BEGIN_DECLS

#define CS_TYPE_DOCUMENT_SIGNATURE (cs_document_signature_get_type ())

G_DECLARE_FINAL_TYPE (CsDocumentSignature, cs_document_signature, CS, DOCUMENT_SIGNATURE, GObject)

CsDocumentSignature *cs_document_signature_new_from_json      (JsonObject                 *object);
CsDocumentSignature *cs_document_signature_new_unchecked      (guint                       page);
const char          *cs_document_signature_get_field_name     (CsDocumentSignature        *self);
guint                cs_document_signature_get_page           (CsDocumentSignature        *self);
const char          *cs_document_signature_get_signer         (CsDocumentSignature        *self);
GDateTime           *cs_document_signature_get_signing_time   (CsDocumentSignature        *self);
gboolean             cs_document_signature_is_valid           (CsDocumentSignature        *self);
gboolean             cs_document_signature_is_trusted         (CsDocumentSignature        *self);
const char          *cs_document_signature_describe_signature (CsDocumentSignature        *self);
const char          *cs_document_signature_describe_certificate (CsDocumentSignature      *self);
char                *cs_document_signature_describe           (CsDocumentSignature        *self);

G_END_DECLS
