/* cs-material-view.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CS_TYPE_MATERIAL_VIEW (cs_material_view_get_type ())

G_DECLARE_FINAL_TYPE (CsMaterialView, cs_material_view, CS, MATERIAL_VIEW, AdwBin)

CsMaterialView *cs_material_view_new          (void);
void            cs_material_view_load         (CsMaterialView *self,
                                               GFile          *file,
                                               const char     *media_type,
                                               const char     *title);
void            cs_material_view_show_message (CsMaterialView *self,
                                               const char     *icon_name,
                                               const char     *title,
                                               const char     *description);
void            cs_material_view_clear        (CsMaterialView *self);
guint           cs_material_view_get_n_pages  (CsMaterialView *self);
guint           cs_material_view_get_page     (CsMaterialView *self);
void            cs_material_view_go_to_page   (CsMaterialView *self,
                                               guint           page);
GtkPrintOperation *cs_material_view_new_print_operation (CsMaterialView *self);
void            cs_material_view_report       (CsMaterialView *self,
                                               const char     *title,
                                               const char     *detail);

G_END_DECLS
