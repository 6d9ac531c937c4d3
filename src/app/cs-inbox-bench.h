/* cs-inbox-bench.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void _cs_inbox_bench_attach (GtkWidget   *page,
                             GtkEditable *search,
                             GListModel  *shown,
                             const char  *spec);

G_END_DECLS
