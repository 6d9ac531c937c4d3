/* countersign-pdf-signatures — validates the signatures of one PDF, in a
 * process of its own
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The desk's viewer runs this on a signed material rather than validating
 * in its own process: Poppler 22.12 frees a signer's certificate while
 * NSS's certificate cache still points at it, so a second validation of
 * the same certificate in one process reads freed memory (seen by
 * AddressSanitizer); and whatever an applicant's signature does to NSS
 * stays out of the desk.
 *
 * Reads the PDF on standard input (the password of an encrypted one, if
 * any, in COUNTERSIGN_PDF_PASSWORD) and prints a JSON array, one object a
 * signature field in page order: field, page (from 0), signer, time
 * (ISO 8601, or null), signature and certificate (Poppler's
 * PopplerSignatureStatus and PopplerCertificateStatus, as numbers).
 * Exits 0 with [] for an unsigned document, 1 for a file it cannot open.
 */

#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include <gio/gunixinputstream.h>
#include <json-glib/json-glib.h>
#include <poppler.h>

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

static GBytes *
read_stdin (GError **error)
{
  g_autoptr(GInputStream) in = g_unix_input_stream_new (STDIN_FILENO, FALSE);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  if (g_output_stream_splice (out, in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, error) < 0)
    return NULL;
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = read_stdin (&error);
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  const char *password = g_getenv ("COUNTERSIGN_PDF_PASSWORD");
  int n_pages;

  if (bytes != NULL)
    {
      /* A password goes through the stream constructor: see
       * cs-viewer-document.c for the bytes constructor's crash. */
      g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);

      pdf = poppler_document_new_from_stream (stream, g_bytes_get_size (bytes),
                                              password, NULL, &error);
    }
  if (pdf == NULL)
    {
      g_printerr ("countersign-pdf-signatures: %s\n", error->message);
      _exit (1);
    }

  json_builder_begin_array (builder);
  n_pages = poppler_document_get_n_signatures (pdf) > 0 ? poppler_document_get_n_pages (pdf) : 0;
  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      GList *mapping;

      if (page == NULL)
        continue;
      mapping = poppler_page_get_form_field_mapping (page);
      for (GList *l = mapping; l != NULL; l = l->next)
        {
          PopplerFormFieldMapping *m = l->data;
          g_autoptr(GError) local_error = NULL;
          g_autofree char *name = NULL;
          PopplerSignatureInfo *info;
          GDateTime *time;

          if (poppler_form_field_get_field_type (m->field) != POPPLER_FORM_FIELD_SIGNATURE)
            continue;
          name = poppler_form_field_get_name (m->field);
          info = poppler_form_field_signature_validate_sync (
                   m->field, POPPLER_SIGNATURE_VALIDATION_FLAG_VALIDATE_CERTIFICATE, NULL,
                   &local_error);
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "field");
          json_builder_add_string_value (builder, name);
          json_builder_set_member_name (builder, "page");
          json_builder_add_int_value (builder, i);
          json_builder_set_member_name (builder, "signer");
          json_builder_add_string_value (builder, info != NULL
                                         ? poppler_signature_info_get_signer_name (info) : NULL);
          time = info != NULL ? poppler_signature_info_get_local_signing_time (info) : NULL;
          json_builder_set_member_name (builder, "time");
          if (time != NULL)
            {
              g_autofree char *text = g_date_time_format_iso8601 (time);

              json_builder_add_string_value (builder, text);
            }
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "signature");
          json_builder_add_int_value (builder, info != NULL
                                      ? poppler_signature_info_get_signature_status (info)
                                      : POPPLER_SIGNATURE_GENERIC_ERROR);
          json_builder_set_member_name (builder, "certificate");
          json_builder_add_int_value (builder, info != NULL
                                      ? poppler_signature_info_get_certificate_status (info)
                                      : POPPLER_CERTIFICATE_GENERIC_ERROR);
          json_builder_end_object (builder);
          g_clear_pointer (&info, poppler_signature_info_free);
        }
      poppler_page_free_form_field_mapping (mapping);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, NULL);
  puts (json);
  fflush (stdout);
  /* Out without the libraries' static destructors: Poppler 22.12's
   * GlobalParams, torn down after NSS, crashes about one exit in ten once
   * a signature has been validated. The answer is written; nothing is
   * left to clean up that the end of the process does not. */
  _exit (ferror (stdout) ? 1 : 0);
}
