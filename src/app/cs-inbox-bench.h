/* cs-inbox-bench.h
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* How many cases the inbox shows (its list model may keep rows it hides). */
typedef guint (*CsInboxBenchCount) (gpointer data);

void _cs_inbox_bench_attach (GtkWidget         *page,
                             GtkEditable       *search,
                             CsInboxBenchCount  count,
                             gpointer           count_data,
                             const char        *spec);

G_END_DECLS
