/* cs-document-search.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cs-render-scheduler.h"
#include "cs-viewer-document.h"

G_BEGIN_DECLS

#define CS_TYPE_DOCUMENT_SEARCH (cs_document_search_get_type ())

G_DECLARE_FINAL_TYPE (CsDocumentSearch, cs_document_search, CS, DOCUMENT_SEARCH, GObject)

CsDocumentSearch *cs_document_search_new          (CsRenderScheduler *scheduler,
                                                   CsViewerDocument  *document);
void              cs_document_search_start        (CsDocumentSearch  *self,
                                                   const char        *text,
                                                   guint              from_page);
void              cs_document_search_stop         (CsDocumentSearch  *self);
const char       *cs_document_search_get_text     (CsDocumentSearch  *self);
guint             cs_document_search_get_n_hits   (CsDocumentSearch  *self);
gboolean          cs_document_search_get_finished (CsDocumentSearch  *self);
GArray           *cs_document_search_get_page_hits (CsDocumentSearch *self,
                                                   guint              page);
gboolean          cs_document_search_step         (CsDocumentSearch  *self,
                                                   gboolean           forward,
                                                   guint              from_page,
                                                   guint             *page,
                                                   guint             *index);
guint             cs_document_search_get_position (CsDocumentSearch  *self);

G_END_DECLS
