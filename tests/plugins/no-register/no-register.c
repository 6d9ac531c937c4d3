/* no-register.c — a plugin module without peas_register_types().
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gmodule.h>

G_MODULE_EXPORT int no_register_answer (void);

G_MODULE_EXPORT int
no_register_answer (void)
{
  return 42;
}
