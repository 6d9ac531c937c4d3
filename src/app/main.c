/* main.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "cs-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CsApplication) app = NULL;
  /* The build tree's catalogues, for running and testing uninstalled
   * (meson devenv sets it). */
  const char *localedir = g_getenv ("COUNTERSIGN_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = cs_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
