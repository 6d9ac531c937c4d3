/* cs-viewer-window.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CS_TYPE_VIEWER_WINDOW (cs_viewer_window_get_type ())

G_DECLARE_FINAL_TYPE (CsViewerWindow, cs_viewer_window, CS, VIEWER_WINDOW, AdwWindow)

GtkWindow *cs_viewer_window_new (GtkApplication *application,
                                 GFile          *file,
                                 const char     *media_type,
                                 const char     *title);

G_END_DECLS
