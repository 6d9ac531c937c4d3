/* main.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CscMain"

#include "config.h"

#include <locale.h>
#include <stdio.h>

#include <glib/gi18n.h>
#include <glib-unix.h>

#include "csc-audit.h"
#include "csc-certificate.h"
#include "csc-database.h"
#include "csc-demo.h"
#include "csc-server.h"

static gboolean
quit_on_signal (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static int
verify_audit (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CscDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *count = NULL;
  gint64 n_checked = 0;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The database to check"), N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (_("— check the audit chain of a central database"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("countersign-central verify-audit: %s\n", error->message);
      return 2;
    }

  if (db_path == NULL)
    {
      g_printerr ("countersign-central verify-audit: %s\n", _("--db FILE is required."));
      return 2;
    }

  if (!g_file_test (db_path, G_FILE_TEST_IS_REGULAR))
    {
      g_printerr ("countersign-central verify-audit: %s: %s\n", db_path,
                  _("no such database"));
      return 2;
    }

  db = csc_database_open (db_path, &error);
  if (db == NULL)
    {
      g_printerr ("countersign-central verify-audit: %s\n", error->message);
      return 2;
    }

  if (!csc_audit_verify (db, &n_checked, &error))
    {
      g_printerr (_("The audit chain is broken: %s\n"), error->message);
      return 1;
    }

  count = g_strdup_printf ("%" G_GINT64_FORMAT, n_checked);
  g_print (_("The audit chain is intact: %s entries checked.\n"), count);
  return 0;
}

static int
register_certificate (int    argc,
                      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CscDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *pem = NULL;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The central database"), N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (_("USERNAME CERTIFICATE.pem — register a chief "
                                    "representative’s signing certificate"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("countersign-central register-certificate: %s\n", error->message);
      return 2;
    }
  if (db_path == NULL || argc != 3)
    {
      g_printerr ("countersign-central register-certificate: %s\n",
                  _("Usage: register-certificate --db FILE USERNAME CERTIFICATE.pem"));
      return 2;
    }
  if (!g_file_test (db_path, G_FILE_TEST_IS_REGULAR))
    {
      g_printerr ("countersign-central register-certificate: %s: %s\n", db_path,
                  _("no such database"));
      return 2;
    }
  if (!g_file_get_contents (argv[2], &pem, NULL, &error) ||
      (db = csc_database_open (db_path, &error)) == NULL ||
      !csc_certificate_register (db, argv[1], pem, &error))
    {
      g_printerr ("countersign-central register-certificate: %s\n", error->message);
      return 1;
    }

  g_print (_("The certificate in %s is now the one %s signs with.\n"), argv[2], argv[1]);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CscDatabase) db = NULL;
  g_autoptr(CscServer) server = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *listen = NULL;
  g_autofree char *tls_cert = NULL;
  g_autofree char *tls_key = NULL;
  g_autofree char *demo_dir = NULL;
  g_autofree char *demo_cache = NULL;
  g_autofree char *today = NULL;
  g_autofree char *url = NULL;
  gboolean seed_demo = FALSE;
  int token_ttl = 0;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path,
      N_("The SQLite database (created if missing)"), N_("FILE") },
    { "listen", 0, 0, G_OPTION_ARG_STRING, &listen,
      N_("Serve on ADDRESS:PORT; port 0 picks a free one"), N_("ADDRESS:PORT") },
    { "tls-cert", 0, 0, G_OPTION_ARG_FILENAME, &tls_cert,
      N_("Serve HTTPS with this PEM certificate"), N_("FILE") },
    { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &tls_key,
      N_("The PEM private key of the certificate"), N_("FILE") },
    { "seed-demo", 0, 0, G_OPTION_ARG_NONE, &seed_demo,
      N_("Fill a new database with the demo service centre"), NULL },
    { "demo-dir", 0, 0, G_OPTION_ARG_FILENAME, &demo_dir,
      N_("Write the demo CA and the chiefs’ PKCS#12 files here"), N_("DIR") },
    { "demo-cache", 0, 0, G_OPTION_ARG_FILENAME, &demo_cache,
      N_("Keep rendered demo materials here, to reuse on the next seed"), N_("DIR") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today,
      N_("Seed the demo as if today were DATE (for reproducible tests)"), N_("YYYY-MM-DD") },
    { "token-ttl", 0, 0, G_OPTION_ARG_INT, &token_ttl,
      N_("Sessions expire after this many seconds (default 12 hours)"), N_("SECONDS") },
    { NULL }
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc > 1 && g_str_equal (argv[1], "verify-audit"))
    return verify_audit (argc - 1, argv + 1);
  if (argc > 1 && g_str_equal (argv[1], "register-certificate"))
    return register_certificate (argc - 1, argv + 1);

  context = g_option_context_new (_("— the reference central platform of Countersign"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
                                    _("Commands:\n"
                                      "  verify-audit --db FILE   check the audit chain; exits 1 "
                                      "and names the first bad entry when it is broken\n"
                                      "  register-certificate --db FILE USERNAME CERT.pem\n"
                                      "                           make CERT.pem the certificate "
                                      "the chief representative USERNAME signs with\n"));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("countersign-central: %s\n", error->message);
      return 2;
    }

  if (argc > 1)
    {
      g_printerr ("countersign-central: %s “%s”\n", _("unknown command"), argv[1]);
      return 2;
    }

  if (db_path == NULL)
    {
      g_printerr ("countersign-central: %s\n", _("--db FILE is required."));
      return 2;
    }

  if ((tls_cert == NULL) != (tls_key == NULL))
    {
      g_printerr ("countersign-central: %s\n", _("--tls-cert and --tls-key go together."));
      return 2;
    }

  if (token_ttl < 0)
    {
      g_printerr ("countersign-central: %s\n", _("--token-ttl must be positive."));
      return 2;
    }

  db = csc_database_open (db_path, &error);
  if (db == NULL)
    {
      g_printerr ("countersign-central: %s\n", error->message);
      return 1;
    }

  if (seed_demo)
    {
      GDate date;

      if (today != NULL)
        {
          int y, m, d;
          char tail;

          if (sscanf (today, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 ||
              !g_date_valid_dmy (d, m, y))
            {
              g_printerr ("countersign-central: %s\n", _("--today takes a date as YYYY-MM-DD."));
              return 2;
            }
          g_date_clear (&date, 1);
          g_date_set_dmy (&date, d, m, y);
        }
      else
        {
          g_date_clear (&date, 1);
          g_date_set_time_t (&date, time (NULL));
        }

      if (!csc_demo_seed (db, &date, demo_dir, demo_cache, &error))
        {
          g_printerr ("countersign-central: %s\n", error->message);
          return 1;
        }
    }
  else if (demo_dir != NULL || demo_cache != NULL)
    {
      g_printerr ("countersign-central: %s\n", _("--demo-dir and --demo-cache go with --seed-demo."));
      return 2;
    }

  /* Without --listen the database is created, migrated or seeded only. */
  if (listen == NULL)
    return 0;

  if (tls_cert != NULL)
    {
      certificate = g_tls_certificate_new_from_files (tls_cert, tls_key, &error);
      if (certificate == NULL)
        {
          g_printerr ("countersign-central: %s\n", error->message);
          return 1;
        }
    }

  server = csc_server_new (db, certificate, &error);
  if (server == NULL)
    {
      g_printerr ("countersign-central: %s\n", error->message);
      return 1;
    }

  if (token_ttl > 0)
    csc_server_set_token_ttl (server, token_ttl);

  if (!csc_server_listen (server, listen, &error))
    {
      g_printerr ("countersign-central: %s\n", error->message);
      return 1;
    }

  /* The first line of standard output is the URL, for scripts and tests. */
  url = csc_server_dup_url (server);
  g_print ("%s\n", url);
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, quit_on_signal, loop);
  g_unix_signal_add (SIGTERM, quit_on_signal, loop);
  g_main_loop_run (loop);

  return 0;
}
