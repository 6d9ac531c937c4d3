/* csc-demo-documents.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  /* An application form: a title, a bordered table of fields, signature
   * and date lines. */
  CSC_DEMO_STYLE_FORM,
  /* A certificate or licence: a double border, a large title, the fields,
   * and the issuer's red seal. */
  CSC_DEMO_STYLE_CERTIFICATE,
  /* A report or technical file: running header and page numbers,
   * numbered sections, paragraphs and tables on every page. */
  CSC_DEMO_STYLE_DOCUMENT,
} CscDemoStyle;

typedef struct
{
  CscDemoStyle       style;
  const char        *title;
  const char        *issuer;   /* (nullable) */
  const char *const *labels;   /* (nullable) NULL-terminated */
  const char *const *values;   /* (nullable) as many as labels */
  guint              n_pages;
  gboolean           scanned;  /* pages as slightly skewed, noisy images */
  guint32            seed;     /* all variation comes from it */
} CscDemoDocument;

GBytes *csc_demo_document_render_pdf  (const CscDemoDocument  *document,
                                       GError                **error);
GBytes *csc_demo_document_render_jpeg (const CscDemoDocument  *document,
                                       GError                **error);

G_END_DECLS
