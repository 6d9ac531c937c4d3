/* cs-case-filter-model.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CS_TYPE_CASE_FILTER_MODEL (cs_case_filter_model_get_type ())

G_DECLARE_FINAL_TYPE (CsCaseFilterModel, cs_case_filter_model, CS, CASE_FILTER_MODEL, GObject)

#define CS_TYPE_CASE_ROW (cs_case_row_get_type ())

G_DECLARE_FINAL_TYPE (CsCaseRow, cs_case_row, CS, CASE_ROW, GObject)

typedef const char *(*CsCaseFilterKeyFunc) (gpointer  item,
                                            gpointer  user_data);
typedef gboolean (*CsCaseFilterMatchFunc) (gpointer  item,
                                           gpointer  user_data);

CsCaseFilterModel *cs_case_filter_model_new      (GListModel        *source,
                                                  GtkFilter         *filter);
CsCaseFilterModel *cs_case_filter_model_new_with_keys (GListModel            *source,
                                                       GtkFilter             *filter,
                                                       CsCaseFilterKeyFunc    key_func,
                                                       CsCaseFilterMatchFunc  match_func,
                                                       gpointer               user_data);
void               cs_case_filter_model_set_search    (CsCaseFilterModel  *self,
                                                       const char * const *terms);
void               cs_case_filter_model_prepare_keys  (CsCaseFilterModel *self);
gpointer           cs_case_filter_model_get_case (CsCaseFilterModel *self,
                                                  guint              position);
guint              cs_case_filter_model_get_n_matches (CsCaseFilterModel *self);
gboolean           cs_case_filter_model_flush_rows    (CsCaseFilterModel *self);

gpointer           cs_case_row_get_case          (CsCaseRow         *self);

G_END_DECLS
