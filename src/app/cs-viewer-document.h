/* cs-viewer-document.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CS_VIEWER_DOCUMENT_ERROR (cs_viewer_document_error_quark ())

/**
 * CsViewerDocumentError:
 * @CS_VIEWER_DOCUMENT_ERROR_EMPTY: the file has no bytes
 * @CS_VIEWER_DOCUMENT_ERROR_DAMAGED: the file is damaged, truncated or of another kind
 * @CS_VIEWER_DOCUMENT_ERROR_NEEDS_PASSWORD: the PDF is encrypted and no password was given
 * @CS_VIEWER_DOCUMENT_ERROR_WRONG_PASSWORD: the password given does not open it
 * @CS_VIEWER_DOCUMENT_ERROR_NO_PAGES: a readable PDF without a page
 * @CS_VIEWER_DOCUMENT_ERROR_TOO_LARGE: an image too large to show
 * @CS_VIEWER_DOCUMENT_ERROR_PAGE: one page could not be drawn
 */
typedef enum
{
  CS_VIEWER_DOCUMENT_ERROR_EMPTY,
  CS_VIEWER_DOCUMENT_ERROR_DAMAGED,
  CS_VIEWER_DOCUMENT_ERROR_NEEDS_PASSWORD,
  CS_VIEWER_DOCUMENT_ERROR_WRONG_PASSWORD,
  CS_VIEWER_DOCUMENT_ERROR_NO_PAGES,
  CS_VIEWER_DOCUMENT_ERROR_TOO_LARGE,
  CS_VIEWER_DOCUMENT_ERROR_PAGE,
} CsViewerDocumentError;

/* A rendered page never exceeds this many pixels (256 MB as ARGB): a page
 * that declares a sheet of a hundred metres, or 400 % of a large drawing,
 * is drawn smaller and scaled up on screen rather than exhausting memory. */
#define CS_VIEWER_DOCUMENT_MAX_PIXELS (64 * 1024 * 1024)

#define CS_TYPE_VIEWER_DOCUMENT (cs_viewer_document_get_type ())

G_DECLARE_FINAL_TYPE (CsViewerDocument, cs_viewer_document, CS, VIEWER_DOCUMENT, GObject)

GQuark            cs_viewer_document_error_quark       (void);

CsViewerDocument *cs_viewer_document_open              (GBytes           *bytes,
                                                        const char       *media_type,
                                                        const char       *password,
                                                        GCancellable     *cancellable,
                                                        GError          **error);
gboolean          cs_viewer_document_is_pdf            (CsViewerDocument *self);
guint             cs_viewer_document_get_n_pages       (CsViewerDocument *self);
void              cs_viewer_document_get_page_size     (CsViewerDocument *self,
                                                        guint             page,
                                                        double           *width,
                                                        double           *height);
gboolean          cs_viewer_document_get_sizes_known   (CsViewerDocument *self);
gboolean          cs_viewer_document_read_page_sizes   (CsViewerDocument *self,
                                                        GCancellable     *cancellable,
                                                        GError          **error);
char             *cs_viewer_document_get_title         (CsViewerDocument *self);
guint             cs_viewer_document_get_n_instances   (CsViewerDocument *self);

GdkTexture       *cs_viewer_document_render_page       (CsViewerDocument *self,
                                                        guint             page,
                                                        double            scale,
                                                        int               rotation,
                                                        GCancellable     *cancellable,
                                                        GError          **error);
gboolean          cs_viewer_document_draw_page         (CsViewerDocument *self,
                                                        guint             page,
                                                        cairo_t          *cr,
                                                        gboolean          for_printing,
                                                        GError          **error);
GArray           *cs_viewer_document_find_text         (CsViewerDocument *self,
                                                        guint             page,
                                                        const char       *text,
                                                        GCancellable     *cancellable,
                                                        GError          **error);
gboolean          cs_viewer_document_get_text_layout   (CsViewerDocument *self,
                                                        guint             page,
                                                        char            **text,
                                                        GArray          **rects,
                                                        GError          **error);
GPtrArray        *cs_viewer_document_read_signatures   (CsViewerDocument *self,
                                                        GCancellable     *cancellable,
                                                        GError          **error);

G_END_DECLS
