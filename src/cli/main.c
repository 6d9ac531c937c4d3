/* main.c — countersign-cli
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A thin command line over libcountersign, for administrators, scripts and
 * tests. Every command is a few calls into the library; anything smarter
 * belongs there, where the desk shares it.
 */

#define G_LOG_DOMAIN "CountersignCli"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "countersign.h"
#include "cs-cache.h"
#include "cs-client.h"
#include "cs-credentials.h"
#include "cs-decision-document.h"
#include "cs-decision-draft.h"
#include "cs-decision-verifier.h"
#include "cs-department-stats.h"
#include "cs-outbox.h"
#include "cs-signer.h"
#include "cs-sync.h"

#define EXIT_USAGE 2

typedef struct
{
  char *server;          /* normalised, or NULL */
  char *ca_file;
  char *data_dir;
  char *username;
  gboolean no_send;
  gboolean server_given;

  CsClient *client;
  CsCache *cache;
  CsOutbox *outbox;
  CsUser *user;
} Cli;

/* Runs the main context until an async call reports. */
static void
store_result (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

/* Every error is one line on standard error, after the program's name:
 * line breaks and tabs in a message (a server's detail may have some)
 * become single spaces. */
static void
print_error_line (const char *message)
{
  g_autoptr(GString) line = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = message; *p != '\0'; p++)
    {
      if (*p == '\n' || *p == '\r' || *p == '\t' || *p == ' ')
        {
          space = TRUE;
          continue;
        }
      if (space && line->len > 0)
        g_string_append_c (line, ' ');
      space = FALSE;
      g_string_append_c (line, *p);
    }
  g_printerr ("countersign-cli: %s\n", line->str);
}

static int
fail (const GError *error)
{
  print_error_line (error->message);
  return EXIT_FAILURE;
}

/* A command line that cannot be run: what is wrong, and where to look, in
 * the same line. */
static int
usage_error (const char *message)
{
  /* Translators: %s says what is wrong with the command line */
  g_autofree char *line = g_strdup_printf (_("%s (run “countersign-cli --help” to see the "
                                             "commands)"), message);

  print_error_line (line);
  return EXIT_USAGE;
}

static char *
session_path (Cli *cli)
{
  return g_build_filename (cli->data_dir, "session.ini", NULL);
}

/* The last server and user (never the token) are kept in the data folder,
 * so that commands after `login` need no `--server`. */
static void
load_session (Cli *cli)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *path = session_path (cli);
  g_autofree char *server = NULL;

  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL))
    return;
  server = g_key_file_get_string (file, "session", "server", NULL);
  if (cli->server == NULL)
    {
      cli->server = g_steal_pointer (&server);
      if (cli->ca_file == NULL)
        cli->ca_file = g_key_file_get_string (file, "session", "ca-file", NULL);
    }
  if (g_strcmp0 (cli->server, server) == 0 || server == NULL)
    cli->username = g_key_file_get_string (file, "session", "username", NULL);
}

static gboolean
save_session (Cli     *cli,
              GError **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *path = session_path (cli);

  if (g_mkdir_with_parents (cli->data_dir, 0700) != 0)
    {
      g_set_error (error, CS_ERROR, CS_ERROR_CACHE, _("The folder %s cannot be created"),
                   cli->data_dir);
      return FALSE;
    }
  g_key_file_set_string (file, "session", "server", cli->server);
  if (cli->username != NULL)
    g_key_file_set_string (file, "session", "username", cli->username);
  if (cli->ca_file != NULL)
    g_key_file_set_string (file, "session", "ca-file", cli->ca_file);
  return g_key_file_save_to_file (file, path, error);
}

static gboolean
make_client (Cli     *cli,
             GError **error)
{
  if (cli->server == NULL)
    {
      g_set_error (error, CS_ERROR, CS_ERROR_NOT_SIGNED_IN,
                   _("No server is known: give --server URL, or log in first"));
      return FALSE;
    }
  cli->client = cs_client_new (cli->server, error);
  if (cli->client == NULL)
    return FALSE;
  return cs_client_set_ca_file (cli->client, cli->ca_file, error);
}

static gboolean
open_account (Cli     *cli,
              GError **error)
{
  g_autofree char *dir = NULL;

  /* A server named on the command line is remembered, as after login. */
  if (cli->server_given && !save_session (cli, error))
    return FALSE;

  dir = cs_cache_account_dir (cli->data_dir, cli->server, cli->username);
  cli->cache = cs_cache_new (dir, error);
  if (cli->cache == NULL)
    return FALSE;
  cli->outbox = cs_outbox_new (cli->cache);
  cli->user = cs_cache_load_user (cli->cache, NULL);
  return TRUE;
}

/* Finds the token (the environment first, then the keyring) and opens the
 * account's cache. With COUNTERSIGN_TOKEN and no known user, asks the
 * server who the token belongs to. */
static gboolean
sign_in (Cli     *cli,
         GError **error)
{
  const char *env_token = g_getenv ("COUNTERSIGN_TOKEN");
  char *token;

  if (!make_client (cli, error))
    return FALSE;

  if (env_token != NULL && *env_token != '\0')
    {
      cs_client_set_token (cli->client, env_token);
      if (cli->username == NULL)
        {
          g_autoptr(GAsyncResult) result = NULL;
          g_autoptr(CsUser) user = NULL;

          cs_client_get_me_async (cli->client, NULL, store_result, &result);
          user = cs_client_get_me_finish (cli->client, wait_for (&result), error);
          if (user == NULL)
            return FALSE;
          cli->username = g_strdup (cs_user_get_username (user));
          if (!open_account (cli, error))
            return FALSE;
          return cs_cache_store_user (cli->cache, user, error);
        }
      return open_account (cli, error);
    }

  if (cli->username == NULL)
    {
      g_set_error (error, CS_ERROR, CS_ERROR_NOT_SIGNED_IN,
                   _("Not signed in to %s: run “countersign-cli login USERNAME”"), cli->server);
      return FALSE;
    }

  token = cs_credentials_lookup_token (cli->server, cli->username, NULL, error);
  if (token == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, CS_ERROR, CS_ERROR_NOT_SIGNED_IN,
                     _("Not signed in to %s as %s: run “countersign-cli login %s”"),
                     cli->server, cli->username, cli->username);
      return FALSE;
    }
  cs_client_set_token (cli->client, token);
  cs_credentials_token_free (token);
  return open_account (cli, error);
}

static char *
read_password (GError **error)
{
  g_autoptr(GString) line = g_string_new (NULL);
  int c;

  while ((c = getchar ()) != EOF && c != '\n')
    g_string_append_c (line, (char) c);
  if (line->len > 0 && line->str[line->len - 1] == '\r')
    g_string_truncate (line, line->len - 1);
  if (line->len == 0)
    {
      g_set_error (error, CS_ERROR, CS_ERROR_INVALID,
                   _("No password on standard input"));
      return NULL;
    }
  return g_string_free (g_steal_pointer (&line), FALSE);
}

static int
cmd_login (Cli   *cli,
           int    argc,
           char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CsUser) user = NULL;
  g_autofree char *password = NULL;
  g_autofree char *token = NULL;

  if (argc != 2)
    return usage_error (_("Usage: login USERNAME (the password on standard input)"));
  if (!make_client (cli, &error))
    return fail (error);
  if ((password = read_password (&error)) == NULL)
    return fail (error);

  cs_client_login_async (cli->client, argv[1], password, NULL, store_result, &result);
  token = cs_client_login_finish (cli->client, wait_for (&result), &user, &error);
  memset (password, 0, strlen (password));
  if (token == NULL)
    return fail (error);

  g_free (cli->username);
  cli->username = g_strdup (cs_user_get_username (user));
  if (!cs_credentials_store_token (cli->server, cli->username, token, NULL, &error))
    {
      g_autoptr(GAsyncResult) revoked = NULL;

      /* A session nobody can use again is ended at once, not left to expire. */
      cs_client_set_token (cli->client, token);
      cs_client_logout_async (cli->client, NULL, store_result, &revoked);
      cs_client_logout_finish (cli->client, wait_for (&revoked), NULL);
      memset (token, 0, strlen (token));
      return fail (error);
    }
  if (!save_session (cli, &error) ||
      !open_account (cli, &error) ||
      !cs_cache_store_user (cli->cache, user, &error))
    {
      memset (token, 0, strlen (token));
      return fail (error);
    }
  memset (token, 0, strlen (token));

  g_print (_("Signed in to %s as %s (%s, %s)\n"), cli->server, cs_user_get_username (user),
           cs_user_get_name (user), cs_user_get_department_name (user));
  return EXIT_SUCCESS;
}

static int
cmd_logout (Cli   *cli,
            int    argc,
            char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) server_error = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  if (argc != 1)
    return usage_error (_("Usage: logout"));
  if (!sign_in (cli, &error))
    return fail (error);

  cs_client_logout_async (cli->client, NULL, store_result, &result);
  if (!cs_client_logout_finish (cli->client, wait_for (&result), &server_error) &&
      !g_error_matches (server_error, CS_ERROR, CS_ERROR_UNAUTHORIZED))
    g_printerr (_("countersign-cli: the server was not told (%s); the token is forgotten "
                  "here all the same\n"), server_error->message);

  if (!cs_credentials_clear_token (cli->server, cli->username, NULL, &error))
    return fail (error);
  g_print (_("Signed out of %s\n"), cli->server);
  return EXIT_SUCCESS;
}

static char *
roles_text (CsUser *user)
{
  g_autoptr(GStrvBuilder) roles = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;

  if (cs_user_is_approver (user))
    g_strv_builder_add (roles, "approver");
  if (cs_user_is_chief (user))
    g_strv_builder_add (roles, "chief");
  list = g_strv_builder_end (roles);
  return g_strjoinv (",", list);
}

static int
cmd_whoami (Cli   *cli,
            int    argc,
            char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CsUser) user = NULL;
  g_autofree char *roles = NULL;
  gboolean offline = FALSE;

  if (argc != 1)
    return usage_error (_("Usage: whoami"));
  if (!sign_in (cli, &error))
    return fail (error);

  cs_client_get_me_async (cli->client, NULL, store_result, &result);
  user = cs_client_get_me_finish (cli->client, wait_for (&result), &error);
  if (user == NULL && cs_error_is_transient (error) && cli->user != NULL)
    {
      user = g_object_ref (cli->user);
      offline = TRUE;
    }
  else if (user == NULL)
    return fail (error);
  else
    cs_cache_store_user (cli->cache, user, NULL);

  roles = roles_text (user);
  g_print ("%s\t%s\t%s\t%s\n", cs_user_get_username (user), cs_user_get_name (user),
           cs_user_get_department (user), roles);
  if (offline)
    g_printerr (_("countersign-cli: offline, as last seen: %s\n"), error->message);
  return EXIT_SUCCESS;
}

/* Sends what is due; reports each item as it goes, on standard output
 * (the command's one error line, if any, goes to standard error). */
static void
on_item_changed (CsOutbox     *outbox,
                 CsOutboxItem *item,
                 gpointer      user_data)
{
  switch (cs_outbox_item_get_state (item))
    {
    case CS_OUTBOX_SENT:
      g_print ("sent\t%" G_GINT64_FORMAT "\t%s\t%s\n", cs_outbox_item_get_id (item),
               cs_outbox_item_get_kind (item), cs_outbox_item_get_case_id (item));
      break;
    case CS_OUTBOX_FAILED:
      g_print ("failed\t%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", cs_outbox_item_get_id (item),
               cs_outbox_item_get_kind (item), cs_outbox_item_get_case_id (item),
               cs_outbox_item_get_last_error (item) != NULL
               ? cs_outbox_item_get_last_error (item) : _("discarded"));
      break;
    case CS_OUTBOX_PENDING:
    default:
      break;
    }
}

static gboolean
drain (Cli                 *cli,
       CsOutboxDrainFlags   flags,
       guint               *out_failed,
       GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  gulong handler;
  gboolean ok;

  handler = g_signal_connect (cli->outbox, "item-changed", G_CALLBACK (on_item_changed), NULL);
  cs_outbox_drain_async (cli->outbox, cli->client, flags, NULL, store_result, &result);
  ok = cs_outbox_drain_finish (cli->outbox, wait_for (&result), NULL, out_failed, error);
  g_signal_handler_disconnect (cli->outbox, handler);
  return ok;
}

static int
cmd_sync (Cli   *cli,
          int    argc,
          char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) drain_error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  guint fetched = 0;

  if (argc != 1)
    return usage_error (_("Usage: sync"));
  if (!sign_in (cli, &error))
    return fail (error);

  /* Queued work first, so that what is fetched already shows it. */
  if (!drain (cli, CS_OUTBOX_DRAIN_NONE, NULL, &drain_error) &&
      !cs_error_is_transient (drain_error))
    return fail (drain_error);

  cs_sync_async (cli->client, cli->cache, CS_SYNC_NONE, NULL, store_result, &result);
  if (!cs_sync_finish (wait_for (&result), &fetched, &error))
    return fail (error);

  g_print (g_dngettext (GETTEXT_PACKAGE, "Fetched %u case\n", "Fetched %u cases\n", fetched),
           fetched);
  if (drain_error != NULL)
    g_printerr (_("countersign-cli: queued changes wait to be sent: %s\n"),
                drain_error->message);
  return EXIT_SUCCESS;
}

static char *
format_date (const GDate *date)
{
  char text[16];

  if (date == NULL || !g_date_valid (date))
    return g_strdup ("-");
  g_snprintf (text, sizeof text, "%04u-%02u-%02u", g_date_get_year (date),
              g_date_get_month (date), g_date_get_day (date));
  return g_strdup (text);
}

static int
cmd_cases (Cli   *cli,
           int    argc,
           char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autofree char *status = NULL;
  GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &status,
      N_("Only cases in these states (comma-separated)"), N_("STATES") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, FALSE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (error->message);
  if (argc != 1)
    return usage_error (_("Usage: cases [--status STATES]"));
  if (status != NULL)
    {
      g_auto(GStrv) states = g_strsplit (status, ",", -1);

      for (guint i = 0; states[i] != NULL; i++)
        if (cs_case_status_from_string (g_strstrip (states[i])) == CS_CASE_STATUS_UNKNOWN)
          {
            g_autofree char *message = g_strdup_printf (_("Unknown state “%s”"), states[i]);
            return usage_error (message);
          }
    }

  if (!sign_in (cli, &error))
    return fail (error);

  cases = cs_cache_load_cases (cli->cache, status, &error);
  if (cases == NULL)
    return fail (error);

  for (guint i = 0; i < cases->len; i++)
    {
      CsCase *kase = g_ptr_array_index (cases, i);
      g_autofree char *accepted = format_date (cs_case_get_accepted_on (kase));

      g_print ("%s\t%s\t%s\t%s\t%s\t%s\t%s\n",
               cs_case_get_id (kase), cs_case_get_number (kase),
               cs_case_status_to_string (cs_case_get_status (kase)),
               cs_case_get_matter_code (kase), cs_case_get_applicant_name (kase),
               accepted,
               cs_case_get_assignee_username (kase) != NULL
               ? cs_case_get_assignee_username (kase) : "-");
    }
  return EXIT_SUCCESS;
}

static void
print_field (const char *label,
             const char *value)
{
  if (value != NULL && *value != '\0')
    g_print ("%-14s %s\n", label, value);
}

static void
today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

static void
print_explanation (CsDeadline *deadline)
{
  g_autofree char *text = cs_deadline_explain (deadline);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      g_print ("%-14s   %s\n", "", lines[i]);
}

/* Every legal clock of the department's part, with its due date and how
 * it was counted. */
static void
print_clocks (CsCase     *kase,
              CsCalendar *calendar)
{
  static const struct { CsDeadlineKind kind; const char *label; } clocks[] = {
    { CS_DEADLINE_STATUTORY, N_("Statutory:") },
    { CS_DEADLINE_PROMISED, N_("Promised:") },
    { CS_DEADLINE_SUPPLEMENT_NOTICE, N_("Supplement:") },
  };
  g_autoptr(CsLegalClock) clock = NULL;
  g_autoptr(GError) error = NULL;
  GDate now;

  today (&now);
  clock = cs_case_dup_legal_clock (kase, &error);
  if (clock == NULL)
    {
      print_field (_("Clocks:"), error->message);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (clocks); i++)
    {
      g_autoptr(CsDeadline) deadline = NULL;
      g_autoptr(GError) clock_error = NULL;
      g_autofree char *due = NULL;
      g_autofree char *line = NULL;

      deadline = cs_legal_clock_compute (clock, clocks[i].kind, calendar, &now, &clock_error);
      if (deadline == NULL)
        {
          line = g_strdup_printf (_("cannot be computed: %s"), clock_error->message);
          print_field (_(clocks[i].label), line);
          continue;
        }

      due = format_date (cs_deadline_get_due (deadline));
      if (clocks[i].kind == CS_DEADLINE_SUPPLEMENT_NOTICE &&
          g_date_valid (cs_case_get_supplement_requested_on (kase)))
        {
          g_autofree char *sent = format_date (cs_case_get_supplement_requested_on (kase));
          line = g_strdup_printf (_("%s (notice sent on %s)"), due, sent);
        }
      else if (clocks[i].kind == CS_DEADLINE_SUPPLEMENT_NOTICE &&
               cs_deadline_get_state (deadline, &now) == CS_CLOCK_STATE_RED)
        /* Past it, the application stands as complete (Art. 32). */
        line = g_strdup_printf (_("%s (passed: no supplement may be asked for now)"), due);
      else if (cs_case_status_is_open (cs_case_get_status (kase)))
        line = g_strdup_printf (_("%s (%u working days; %d left, %s)"), due,
                                cs_deadline_get_limit (deadline),
                                cs_deadline_get_remaining (deadline, &now),
                                cs_clock_state_get_label (cs_deadline_get_state (deadline, &now)));
      else
        line = g_strdup_printf (_("%s (%u working days)"), due, cs_deadline_get_limit (deadline));
      print_field (_(clocks[i].label), line);
      print_explanation (deadline);
    }
}

static int
cmd_show (Cli   *cli,
          int    argc,
          char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) fetch_error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CsCase) cached = NULL;
  g_autoptr(CsCase) fetched = NULL;
  g_autoptr(CsCalendar) calendar = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *new_etag = NULL;
  g_autofree char *accepted = NULL;
  CsCase *kase;
  CsApplicant *applicant;
  GListModel *materials, *parts;

  if (argc != 2)
    return usage_error (_("Usage: show CASE_ID"));
  if (!sign_in (cli, &error))
    return fail (error);

  cached = cs_cache_load_case (cli->cache, argv[1], &etag, &error);
  if (error != NULL)
    return fail (error);

  cs_client_get_case_async (cli->client, argv[1], etag, NULL, store_result, &result);
  fetched = cs_client_get_case_finish (cli->client, wait_for (&result), &new_etag,
                                       &fetch_error);
  if (fetched != NULL)
    {
      if (!cs_cache_store_case (cli->cache, fetched, new_etag, &error))
        return fail (error);
      kase = fetched;
    }
  else if (fetch_error == NULL && cached != NULL)
    kase = cached;                       /* 304: the cached copy is current */
  else if (cs_error_is_transient (fetch_error) && cached != NULL)
    {
      g_printerr (_("countersign-cli: offline, showing the cached copy: %s\n"),
                  fetch_error->message);
      kase = cached;
    }
  else
    return fail (fetch_error);

  accepted = format_date (cs_case_get_accepted_on (kase));
  print_field (_("Case:"), cs_case_get_number (kase));
  print_field (_("ID:"), cs_case_get_id (kase));
  print_field (_("Matter:"), cs_case_get_matter_name (kase));
  print_field (_("State:"), cs_case_status_get_label (cs_case_get_status (kase)));
  print_field (_("Assignee:"), cs_case_get_assignee_name (kase));
  print_field (_("Applicant:"), cs_case_get_applicant_name (kase));
  print_field (_("ID number:"), cs_case_get_applicant_id_number (kase));
  print_field (_("Accepted:"), accepted);
  print_field (_("Site:"), cs_case_get_site (kase));
  if (cs_case_get_green_channel (kase))
    print_field (_("Channel:"), _("green channel"));
  if (cs_case_get_outcome (kase) != CS_OUTCOME_NONE)
    print_field (_("Outcome:"), cs_outcome_get_label (cs_case_get_outcome (kase)));

  calendar = cs_cache_load_calendar (cli->cache, &error);
  if (calendar == NULL)
    return fail (error);
  print_clocks (kase, calendar);

  applicant = cs_case_get_applicant (kase);
  if (applicant != NULL)
    {
      print_field (_("Phone:"), cs_applicant_get_phone (applicant));
      print_field (_("Address:"), cs_applicant_get_address (applicant));
    }

  parts = cs_case_get_parts (kase);
  for (guint i = 0; i < g_list_model_get_n_items (parts); i++)
    {
      g_autoptr(CsCasePart) part = g_list_model_get_item (parts, i);
      g_autofree char *line = g_strdup_printf ("%s%s — %s",
                                               cs_case_part_get_department_name (part),
                                               cs_case_part_get_lead (part) ? _(" (lead)") : "",
                                               cs_case_status_get_label (
                                                 cs_case_part_get_status (part)));
      print_field (i == 0 ? _("Parallel:") : "", line);
    }

  materials = cs_case_get_materials (kase);
  for (guint i = 0; materials != NULL && i < g_list_model_get_n_items (materials); i++)
    {
      g_autoptr(CsMaterial) material = g_list_model_get_item (materials, i);
      g_autofree char *line = g_strdup_printf ("%s\t%s\t%s", cs_material_get_id (material),
                                               cs_material_get_name (material),
                                               cs_material_get_checklist_item (material) != NULL
                                               ? cs_material_get_checklist_item (material)
                                               : "-");
      print_field (i == 0 ? _("Materials:") : "", line);
    }
  return EXIT_SUCCESS;
}

/* Queues a write, then sends the queue unless asked not to. The write is
 * safe once queued: a server that cannot be reached is not an error. */
static int
send_queued (Cli          *cli,
             CsOutboxItem *item)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsOutboxItem) now = NULL;
  GPtrArray *items;
  guint failed = 0;

  if (cli->no_send)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, cs_outbox_item_get_id (item));

      g_print (_("Queued as outbox item %s\n"), id);
      return EXIT_SUCCESS;
    }

  if (!drain (cli, CS_OUTBOX_DRAIN_NOW, &failed, &error))
    {
      if (cs_error_is_transient (error))
        {
          g_printerr (_("countersign-cli: queued, to be sent when the server can be reached "
                        "(%s)\n"), error->message);
          return EXIT_SUCCESS;
        }
      return fail (error);
    }

  /* Did this item go through? Another one failing is reported above. */
  items = cs_outbox_list (cli->outbox, FALSE, NULL);
  for (guint i = 0; items != NULL && i < items->len; i++)
    if (cs_outbox_item_get_id (g_ptr_array_index (items, i)) == cs_outbox_item_get_id (item))
      now = g_object_ref (g_ptr_array_index (items, i));
  g_clear_pointer (&items, g_ptr_array_unref);

  if (now != NULL && cs_outbox_item_get_state (now) == CS_OUTBOX_FAILED)
    {
      g_autofree char *line = g_strdup_printf ("%s %s: %s", cs_outbox_item_get_kind (now),
                                               cs_outbox_item_get_case_id (now),
                                               cs_outbox_item_get_last_error (now) != NULL
                                               ? cs_outbox_item_get_last_error (now)
                                               : _("discarded"));

      print_error_line (line);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}

static int
cmd_claim (Cli   *cli,
           int    argc,
           char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsOutboxItem) item = NULL;
  gboolean release = g_str_equal (argv[0], "release");

  if (argc != 2)
    return usage_error (release ? _("Usage: release CASE_ID") : _("Usage: claim CASE_ID"));
  if (!sign_in (cli, &error))
    return fail (error);

  item = release ? cs_outbox_enqueue_release (cli->outbox, argv[1], NULL, &error)
                 : cs_outbox_enqueue_claim (cli->outbox, argv[1], NULL, &error);
  if (item == NULL)
    return fail (error);
  return send_queued (cli, item);
}

static int
cmd_review (Cli   *cli,
            int    argc,
            char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(CsOutboxItem) item = NULL;
  g_autoptr(GPtrArray) verdicts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *outcome_text = NULL;
  g_autofree char *opinion = NULL;
  g_auto(GStrv) verified = NULL;
  g_auto(GStrv) problems = NULL;
  gboolean final = FALSE;
  CsOutcome outcome;
  GOptionEntry entries[] = {
    { "outcome", 0, 0, G_OPTION_ARG_STRING, &outcome_text,
      N_("The proposed outcome: grant, deny, supplement, not_accepted, extension, suspension"),
      N_("OUTCOME") },
    { "opinion", 0, 0, G_OPTION_ARG_STRING, &opinion, N_("The review opinion"), N_("TEXT") },
    { "final", 0, 0, G_OPTION_ARG_NONE, &final,
      N_("Hand the case on for decision (otherwise a draft)"), NULL },
    { "verified", 0, 0, G_OPTION_ARG_STRING_ARRAY, &verified,
      N_("A checklist item found in order (repeatable)"), N_("ITEM") },
    { "problem", 0, 0, G_OPTION_ARG_STRING_ARRAY, &problems,
      N_("A checklist item with a problem, and why (repeatable)"), N_("ITEM=REASON") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, FALSE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (error->message);
  if (argc != 2 || outcome_text == NULL || opinion == NULL)
    return usage_error (_("Usage: review CASE_ID --outcome OUTCOME --opinion TEXT [--final] "
                          "[--verified ITEM]… [--problem ITEM=REASON]…"));
  outcome = cs_outcome_from_string (outcome_text);
  if (outcome == CS_OUTCOME_NONE)
    {
      g_autofree char *message = g_strdup_printf (_("Unknown outcome “%s”"), outcome_text);
      return usage_error (message);
    }

  for (guint i = 0; verified != NULL && verified[i] != NULL; i++)
    g_ptr_array_add (verdicts, cs_verdict_new (verified[i], CS_VERDICT_VERIFIED, NULL));
  for (guint i = 0; problems != NULL && problems[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (problems[i], "=", 2);

      if (parts[0] == NULL || parts[1] == NULL || *parts[1] == '\0')
        return usage_error (_("Give a problem as ITEM=REASON"));
      g_ptr_array_add (verdicts, cs_verdict_new (parts[0], CS_VERDICT_PROBLEM, parts[1]));
    }

  if (!sign_in (cli, &error))
    return fail (error);

  item = cs_outbox_enqueue_review (cli->outbox, argv[1], opinion, outcome, final, verdicts,
                                   &error);
  if (item == NULL)
    return fail (error);
  return send_queued (cli, item);
}

/* The case as the server has it now (its version is what is signed), or
 * the cached full copy when the server cannot be reached. */
static CsCase *
fetch_case (Cli         *cli,
            const char  *case_id,
            char       **out_etag,
            GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) fetch_error = NULL;
  g_autoptr(CsCase) fetched = NULL;
  g_autoptr(CsCase) cached = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *new_etag = NULL;

  cached = cs_cache_load_case (cli->cache, case_id, &etag, NULL);
  if (cached != NULL && !cs_case_is_full (cached))
    g_clear_pointer (&etag, g_free);
  cs_client_get_case_async (cli->client, case_id, etag, NULL, store_result, &result);
  fetched = cs_client_get_case_finish (cli->client, wait_for (&result), &new_etag, &fetch_error);
  if (fetched != NULL)
    {
      if (!cs_cache_store_case (cli->cache, fetched, new_etag, error))
        return NULL;
      *out_etag = g_steal_pointer (&new_etag);
      return g_steal_pointer (&fetched);
    }
  if (fetch_error == NULL && cached != NULL)
    {
      *out_etag = g_steal_pointer (&etag);
      return g_steal_pointer (&cached);
    }
  g_propagate_error (error, g_steal_pointer (&fetch_error));
  return NULL;
}

/* The matter from the cached catalogue, fetched first if need be. */
static CsMatter *
find_matter (Cli         *cli,
             const char  *code,
             GError     **error)
{
  for (int attempt = 0; attempt < 2; attempt++)
    {
      g_autoptr(GListModel) matters = cs_cache_load_matters (cli->cache, error);
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(JsonNode) node = NULL;

      if (matters == NULL)
        return NULL;
      for (guint i = 0; i < g_list_model_get_n_items (matters); i++)
        {
          g_autoptr(CsMatter) matter = g_list_model_get_item (matters, i);

          if (g_strcmp0 (cs_matter_get_code (matter), code) == 0)
            return g_steal_pointer (&matter);
        }
      if (attempt > 0)
        break;

      cs_client_get_matters_async (cli->client, NULL, store_result, &result);
      node = cs_client_get_matters_finish (cli->client, wait_for (&result), error);
      if (node == NULL || !cs_cache_store_matters (cli->cache, node, error))
        return NULL;
    }

  g_set_error (error, CS_ERROR, CS_ERROR_NOT_FOUND,
               _("The matter %s is not in the catalogue"), code);
  return NULL;
}

static char *
format_moment (GDateTime *moment)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (moment);

  return g_date_time_format (local, "%F %T");
}

static int
cmd_decide (Cli   *cli,
            int    argc,
            char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(CsSigner) signer = NULL;
  g_autoptr(CsCase) kase = NULL;
  g_autoptr(CsMatter) matter = NULL;
  g_autoptr(CsDecisionDraft) draft = NULL;
  g_autoptr(CsDecisionDocument) document = NULL;
  g_autoptr(GBytes) payload = NULL;
  g_autoptr(GBytes) signature = NULL;
  g_autoptr(CsOutboxItem) item = NULL;
  g_autofree char *outcome_text = NULL;
  g_autofree char *text = NULL;
  g_autofree char *key = NULL;
  g_autofree char *pin_env = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *document_path = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;
  int days = 10;
  CsOutcome outcome;
  GOptionEntry entries[] = {
    { "outcome", 0, 0, G_OPTION_ARG_STRING, &outcome_text,
      N_("The decision: grant, deny, supplement, not_accepted, extension, suspension"),
      N_("OUTCOME") },
    { "text", 0, 0, G_OPTION_ARG_STRING, &text,
      N_("The decision’s wording; for a denial its reasons, for a suspension its reason"),
      N_("TEXT") },
    { "key", 0, 0, G_OPTION_ARG_STRING, &key,
      N_("The signing key: pkcs12:FILE or a pkcs11: URI"), N_("KEY") },
    { "pin-env", 0, 0, G_OPTION_ARG_STRING, &pin_env,
      N_("Read the token PIN or the file’s password from this environment variable "
         "(otherwise a password is read from standard input)"), N_("VAR") },
    { "days", 0, 0, G_OPTION_ARG_INT, &days,
      N_("For an extension, the working days added (1 to 10; 10 if not given)"), N_("N") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind,
      N_("For a suspension: expert_review, testing, inspection or hearing"), N_("KIND") },
    { "document", 0, 0, G_OPTION_ARG_FILENAME, &document_path,
      N_("Also write the signed decision document (PDF) here"), N_("FILE") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, FALSE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (error->message);
  if (argc != 2 || outcome_text == NULL || key == NULL)
    return usage_error (_("Usage: decide CASE_ID --outcome OUTCOME [--text TEXT] "
                          "--key pkcs12:FILE|pkcs11:URI [--pin-env VAR]"));
  outcome = cs_outcome_from_string (outcome_text);
  if (outcome == CS_OUTCOME_NONE)
    {
      g_autofree char *message = g_strdup_printf (_("Unknown outcome “%s”"), outcome_text);
      return usage_error (message);
    }

  if (pin_env != NULL)
    {
      const char *value = g_getenv (pin_env);

      if (value == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("The environment variable %s is not set"),
                                                      pin_env);
          return usage_error (message);
        }
      secret = g_strdup (value);
    }
  else if (g_str_has_prefix (key, "pkcs12:") && (secret = read_password (&error)) == NULL)
    return fail (error);

  /* The key first: a wrong password or PIN costs no request. */
  signer = cs_signer_new_for_key (key, secret, &error);
  if (secret != NULL)
    memset (secret, 0, strlen (secret));
  if (signer == NULL)
    return fail (error);
  from = format_moment (cs_signer_get_not_before (signer));
  until = format_moment (cs_signer_get_not_after (signer));
  print_field (_("Signer:"), cs_signer_get_subject (signer));
  print_field (_("Issuer:"), cs_signer_get_issuer (signer));
  {
    g_autofree char *validity = g_strdup_printf (_("%s to %s"), from, until);
    print_field (_("Valid:"), validity);
  }
  if (!cs_signer_check_validity (signer, NULL, &error))
    return fail (error);

  if (!sign_in (cli, &error))
    return fail (error);
  if (cli->user == NULL)
    {
      g_autoptr(GAsyncResult) result = NULL;

      cs_client_get_me_async (cli->client, NULL, store_result, &result);
      cli->user = cs_client_get_me_finish (cli->client, wait_for (&result), &error);
      if (cli->user == NULL)
        return fail (error);
    }
  if (!cs_user_is_chief (cli->user))
    {
      g_set_error (&error, CS_ERROR, CS_ERROR_FORBIDDEN,
                   _("%s is not a chief representative: only the chief signs decisions"),
                   cs_user_get_username (cli->user));
      return fail (error);
    }

  kase = fetch_case (cli, argv[1], &etag, &error);
  if (kase == NULL)
    return fail (error);
  matter = find_matter (cli, cs_case_get_matter_code (kase), &error);
  if (matter == NULL)
    return fail (error);

  draft = cs_decision_draft_new_for_case (kase, matter, outcome);
  cs_decision_draft_set_signer (draft, cs_user_get_username (cli->user),
                                cs_user_get_name (cli->user));
  if (outcome == CS_OUTCOME_DENY)
    cs_decision_draft_set_reasons (draft, text);
  else if (outcome == CS_OUTCOME_SUSPENSION)
    cs_decision_draft_set_suspension (draft, kind, text);
  else if (text != NULL)
    cs_decision_draft_set_text (draft, text);
  if (outcome == CS_OUTCOME_EXTENSION)
    cs_decision_draft_set_extension_days (draft, days > 0 ? (guint) days : 0);

  document = cs_decision_document_new_render (draft, &error);
  if (document == NULL)
    return fail (error);
  payload = cs_decision_draft_build_payload (draft, cs_decision_document_get_sha256 (document),
                                             NULL, &error);
  if (payload == NULL)
    return fail (error);
  signature = cs_signer_sign (signer, payload, &error);
  if (signature == NULL)
    return fail (error);

  if (document_path != NULL &&
      !g_file_set_contents (document_path,
                            g_bytes_get_data (cs_decision_document_get_bytes (document), NULL),
                            g_bytes_get_size (cs_decision_document_get_bytes (document)),
                            &error))
    return fail (error);

  print_field (_("Document:"), cs_decision_draft_get_document_number (draft));
  print_field (_("SHA-256:"), cs_decision_document_get_sha256 (document));

  item = cs_outbox_enqueue_decision (cli->outbox, cs_case_get_id (kase), etag, payload,
                                     signature, cs_decision_document_get_bytes (document),
                                     &error);
  if (item == NULL)
    return fail (error);
  return send_queued (cli, item);
}

static GBytes *
decode_member (JsonObject  *decision,
               const char  *member,
               GError     **error)
{
  const char *text = json_object_get_string_member_with_default (decision, member, NULL);
  guchar *data;
  gsize length;

  if (text == NULL || *text == '\0')
    {
      g_set_error (error, CS_ERROR, CS_ERROR_PROTOCOL,
                   _("The stored decision has no “%s”"), member);
      return NULL;
    }
  data = g_base64_decode (text, &length);
  return g_bytes_new_take (data, length);
}

/* One stored decision, checked as the central platform checks it: the
 * signature, the certificate (at the signing time), the document, and that
 * what the platform says of the decision is what was signed. */
static gboolean
verify_decision (CsDecisionVerifier  *verifier,
                 JsonObject          *decision,
                 GError             **error)
{
  g_autoptr(GBytes) signed_bytes = NULL;
  g_autoptr(GBytes) signature = NULL;
  g_autoptr(GBytes) document = NULL;
  g_autoptr(JsonObject) payload = NULL;
  g_autofree char *signer_name = NULL;
  JsonObject *signer;
  const char *id = json_object_get_string_member_with_default (decision, "id", "?");
  static const char * const same[] = { "case_id", "outcome", "document_sha256" };

  if ((signed_bytes = decode_member (decision, "signed_bytes", error)) == NULL ||
      (signature = decode_member (decision, "signature", error)) == NULL ||
      (document = decode_member (decision, "document", error)) == NULL)
    return FALSE;

  payload = cs_decision_verifier_verify (verifier, signed_bytes, signature, document, NULL,
                                         NULL, &signer_name, error);
  if (payload == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    if (g_strcmp0 (json_object_get_string_member_with_default (payload, same[i], NULL),
                   json_object_get_string_member_with_default (decision, same[i], NULL)) != 0)
      {
        g_set_error (error, CS_ERROR, CS_ERROR_SIGNATURE,
                     _("Decision %s: its “%s” is not what was signed"), id, same[i]);
        return FALSE;
      }
  signer = json_object_get_object_member (decision, "signer");
  if (signer == NULL ||
      g_strcmp0 (json_object_get_string_member_with_default (payload, "signer", NULL),
                 json_object_get_string_member_with_default (signer, "username", NULL)) != 0)
    {
      g_set_error (error, CS_ERROR, CS_ERROR_SIGNATURE,
                   _("Decision %s: its signer is not who signed it"), id);
      return FALSE;
    }

  g_print (_("%s\t%s\t%s\tsigned by %s at %s: verified\n"), id,
           json_object_get_string_member_with_default (payload, "case_id", ""),
           json_object_get_string_member_with_default (payload, "outcome", ""), signer_name,
           json_object_get_string_member_with_default (payload, "signed_at", ""));
  return TRUE;
}

static int
cmd_verify (Cli   *cli,
            int    argc,
            char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(CsDecisionVerifier) verifier = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *ca_path = NULL;
  g_autofree char *ca_pem = NULL;
  g_autoptr(JsonArray) decisions = NULL;
  guint failed = 0;
  GOptionEntry entries[] = {
    { "ca", 0, 0, G_OPTION_ARG_FILENAME, &ca_path,
      N_("The certificate (PEM) of the authority that issues the chiefs’ certificates "
         "(the --ca-file if not given)"), N_("FILE") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, FALSE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (error->message);
  if (argc != 2)
    return usage_error (_("Usage: verify FILE_OR_CASE_ID [--ca FILE]"));
  if (ca_path == NULL)
    ca_path = g_strdup (cli->ca_file);
  if (ca_path == NULL)
    return usage_error (_("Give the signing authority’s certificate with --ca FILE"));
  if (!g_file_get_contents (ca_path, &ca_pem, NULL, &error))
    return fail (error);
  verifier = cs_decision_verifier_new (ca_pem, &error);
  if (verifier == NULL)
    return fail (error);

  /* A file of one decision or a list, as GET …/decisions gives them; or a
   * case, whose decisions are fetched. */
  if (g_file_test (argv[1], G_FILE_TEST_IS_REGULAR))
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      if (!json_parser_load_from_file (parser, argv[1], &error))
        return fail (error);
      root = json_parser_steal_root (parser);
    }
  else
    {
      g_autoptr(GAsyncResult) result = NULL;

      if (!sign_in (cli, &error))
        return fail (error);
      cs_client_list_decisions_async (cli->client, argv[1], NULL, store_result, &result);
      root = cs_client_list_decisions_finish (cli->client, wait_for (&result), &error);
      if (root == NULL)
        return fail (error);
    }

  if (root != NULL && JSON_NODE_HOLDS_ARRAY (root))
    decisions = json_array_ref (json_node_get_array (root));
  else if (root != NULL && JSON_NODE_HOLDS_OBJECT (root) &&
           json_object_has_member (json_node_get_object (root), "items"))
    decisions = json_array_ref (json_object_get_array_member (json_node_get_object (root),
                                                              "items"));
  else if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      decisions = json_array_new ();
      json_array_add_object_element (decisions, json_object_ref (json_node_get_object (root)));
    }
  if (decisions == NULL)
    {
      g_set_error (&error, CS_ERROR, CS_ERROR_PROTOCOL, _("%s holds no decision"), argv[1]);
      return fail (error);
    }
  if (json_array_get_length (decisions) == 0)
    {
      g_set_error (&error, CS_ERROR, CS_ERROR_NOT_FOUND, _("No decision is recorded for %s"),
                   argv[1]);
      return fail (error);
    }

  /* One line a decision on standard output; when one fails, its reason is
   * the error line, when several do, how many. */
  for (guint i = 0; i < json_array_get_length (decisions); i++)
    {
      g_autoptr(GError) decision_error = NULL;
      JsonObject *decision = json_array_get_object_element (decisions, i);

      if (decision == NULL || !verify_decision (verifier, decision, &decision_error))
        {
          if (decision_error == NULL)
            g_set_error_literal (&decision_error, CS_ERROR, CS_ERROR_PROTOCOL,
                                 _("a decision is not an object"));
          g_print (_("%s\tnot verified: %s\n"),
                   decision != NULL
                   ? json_object_get_string_member_with_default (decision, "id", "?") : "?",
                   decision_error->message);
          if (failed++ == 0)
            error = g_steal_pointer (&decision_error);
        }
    }
  if (failed == 1)
    return fail (error);
  if (failed > 1)
    {
      g_autofree char *line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u of %u decision does not verify",
                                                            "%u of %u decisions do not verify",
                                                            json_array_get_length (decisions)),
                                               failed, json_array_get_length (decisions));

      print_error_line (line);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}

static int
cmd_outbox (Cli   *cli,
            int    argc,
            char **argv)
{
  g_autoptr(GError) error = NULL;

  if (argc != 2 || (!g_str_equal (argv[1], "list") && !g_str_equal (argv[1], "drain")))
    return usage_error (_("Usage: outbox list | outbox drain"));

  if (g_str_equal (argv[1], "list"))
    {
      g_autoptr(GPtrArray) items = NULL;

      /* Listing works with the server down, and with no token at hand. */
      if (cli->server == NULL || cli->username == NULL)
        {
          if (!sign_in (cli, &error))
            return fail (error);
        }
      else if (!open_account (cli, &error))
        return fail (error);

      items = cs_outbox_list (cli->outbox, FALSE, &error);
      if (items == NULL)
        return fail (error);
      for (guint i = 0; i < items->len; i++)
        {
          CsOutboxItem *item = g_ptr_array_index (items, i);

          g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%u\t%s\n",
                   cs_outbox_item_get_id (item),
                   cs_outbox_item_get_state (item) == CS_OUTBOX_FAILED ? "failed" : "pending",
                   cs_outbox_item_get_kind (item), cs_outbox_item_get_case_id (item),
                   cs_outbox_item_get_attempts (item),
                   cs_outbox_item_get_last_error (item) != NULL
                   ? cs_outbox_item_get_last_error (item) : "");
        }
      return EXIT_SUCCESS;
    }
  else
    {
      guint failed = 0, pending;

      if (!sign_in (cli, &error))
        return fail (error);
      if (!drain (cli, CS_OUTBOX_DRAIN_NOW, &failed, &error))
        return fail (error);
      pending = cs_outbox_count_pending (cli->outbox);
      if (failed > 0)
        {
          g_printerr (g_dngettext (GETTEXT_PACKAGE,
                                   "countersign-cli: %u change was refused; "
                                   "see “outbox list”\n",
                                   "countersign-cli: %u changes were refused; "
                                   "see “outbox list”\n",
                                   failed), failed);
          return EXIT_FAILURE;
        }
      return pending == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
    }
}

static int
cmd_validate (Cli   *cli,
              int    argc,
              char **argv)
{
  g_autoptr(GError) error = NULL;
  gboolean uscc = g_str_equal (argv[0], "validate-uscc");
  gboolean ok;

  if (argc != 2)
    return usage_error (uscc ? _("Usage: validate-uscc VALUE") : _("Usage: validate-id VALUE"));

  ok = uscc ? cs_validate_uscc (argv[1], &error) : cs_validate_resident_id (argv[1], &error);
  if (!ok)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}

static CsCalendar *
load_calendar_file (const char  *path,
                    GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(CsCalendar) calendar = cs_calendar_new ();
  JsonNode *root;

  if (!json_parser_load_from_file (parser, path, error))
    return NULL;
  root = json_parser_get_root (parser);

  /* One /v1/calendar document, or a list of them. */
  if (root != NULL && JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *years = json_node_get_array (root);

      for (guint i = 0; i < json_array_get_length (years); i++)
        if (!cs_calendar_load_json (calendar, json_array_get_element (years, i), error))
          return NULL;
    }
  else if (root == NULL || !cs_calendar_load_json (calendar, root, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, CS_CALENDAR_ERROR, CS_CALENDAR_ERROR_INVALID,
                     _("%s holds no calendar"), path);
      return NULL;
    }
  return g_steal_pointer (&calendar);
}

static int
cmd_due (Cli   *cli,
         int    argc,
         char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(CsCalendar) calendar = NULL;
  g_autoptr(CsLegalClock) clock = NULL;
  g_autoptr(CsDeadline) deadline = NULL;
  g_autofree char *calendar_path = NULL;
  g_autofree char *accepted_text = NULL;
  g_autofree char *due = NULL;
  g_auto(GStrv) suspensions = NULL;
  int days = -1;
  GDate accepted;
  GOptionEntry entries[] = {
    { "calendar", 0, 0, G_OPTION_ARG_FILENAME, &calendar_path,
      N_("One or more /v1/calendar documents (a JSON list, or one)"), N_("FILE") },
    { "accepted", 0, 0, G_OPTION_ARG_STRING, &accepted_text,
      N_("The day of acceptance, not counted"), N_("YYYY-MM-DD") },
    { "days", 0, 0, G_OPTION_ARG_INT, &days, N_("The limit in working days"), N_("N") },
    { "suspend", 0, 0, G_OPTION_ARG_STRING_ARRAY, &suspensions,
      N_("Days not counted, both ends included (repeatable)"), N_("FROM..TO") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, FALSE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (error->message);
  if (argc != 1 || calendar_path == NULL || accepted_text == NULL || days < 0)
    return usage_error (_("Usage: due --calendar FILE --accepted YYYY-MM-DD --days N "
                          "[--suspend YYYY-MM-DD..YYYY-MM-DD]…"));

  if ((calendar = load_calendar_file (calendar_path, &error)) == NULL ||
      !cs_validate_date (accepted_text, &accepted, &error))
    return fail (error);

  clock = cs_legal_clock_new (&accepted, days, days);
  for (guint i = 0; suspensions != NULL && suspensions[i] != NULL; i++)
    {
      g_auto(GStrv) ends = g_strsplit (suspensions[i], "..", 2);
      GDate from, to;

      if (ends[0] == NULL || ends[1] == NULL)
        return usage_error (_("Give a suspension as FROM..TO"));
      if (!cs_validate_date (ends[0], &from, &error) || !cs_validate_date (ends[1], &to, &error))
        return fail (error);
      if (g_date_compare (&from, &to) > 0)
        return usage_error (_("A suspension ends before it begins"));
      cs_legal_clock_add_suspension (clock, "suspension", NULL, &from, &to);
    }

  deadline = cs_legal_clock_compute (clock, CS_DEADLINE_STATUTORY, calendar, &accepted, &error);
  if (deadline == NULL)
    return fail (error);

  {
    g_autofree char *explanation = cs_deadline_explain (deadline);

    if (explanation != NULL && *explanation != '\0')
      g_print ("%s%s", explanation, g_str_has_suffix (explanation, "\n") ? "" : "\n");
  }
  due = format_date (cs_deadline_get_due (deadline));
  g_print ("%s\n", due);
  return EXIT_SUCCESS;
}

/* stats: the department's figures, for its chief representative. */

static const struct
{
  CsStatsCount count;
  const char *column;
} stats_counts[] = {
  { CS_STATS_DECIDED, "decided" },
  { CS_STATS_WITHIN_PROMISED, "within_promised" },
  { CS_STATS_INSTANT_DECIDED, "instant_decided" },
  { CS_STATS_INSTANT_SAME_DAY, "instant_same_day" },
  { CS_STATS_ACCEPTED, "accepted" },
  { CS_STATS_SUPPLEMENT_NOTICES, "supplement_notices" },
};

static const struct
{
  CsStatsMeasure measure;
  const char *column;
} stats_measures[] = {
  { CS_STATS_WITHIN_PROMISED_PCT, "within_promised_pct" },
  { CS_STATS_MEAN_DAYS, "mean_days" },
  { CS_STATS_MEDIAN_DAYS, "median_days" },
  { CS_STATS_MEAN_STATUTORY_LIMIT, "mean_statutory_limit" },
  { CS_STATS_RATIO, "ratio" },
  { CS_STATS_INSTANT_SAME_DAY_PCT, "instant_same_day_pct" },
  { CS_STATS_SUPPLEMENT_RATE_PCT, "supplement_rate_pct" },
};

static const struct
{
  CsOpenCount count;
  const char *column;
} stats_open[] = {
  { CS_OPEN_TOTAL, "total" },
  { CS_OPEN_ON_TRACK, "on_track" },
  { CS_OPEN_PAUSED, "paused" },
  { CS_OPEN_YELLOW, "yellow" },
  { CS_OPEN_RED, "red" },
  { CS_OPEN_DUE_TODAY, "due_today" },
  { CS_OPEN_DUE_THIS_WEEK, "due_this_week" },
  { CS_OPEN_AWAITING_SIGNATURE, "awaiting_signature" },
  { CS_OPEN_SUPPLEMENT_REQUESTED, "supplement_requested" },
  { CS_OPEN_SUSPENDED, "suspended" },
  { CS_OPEN_WAITING_ON_CO_DEPARTMENTS, "waiting_on_co_departments" },
};

/* A measure as people read it: one decimal, or a dash for none. */
static char *
format_measure (CsStatsFigures *figures,
                CsStatsMeasure  measure,
                const char     *suffix)
{
  double value;

  if (!cs_stats_figures_get_measure (figures, measure, &value))
    return g_strdup ("–");
  return g_strdup_printf ("%.1f%s", value, suffix);
}

static void
print_figures (const char     *title,
               CsStatsFigures *f)
{
  g_autofree char *within = format_measure (f, CS_STATS_WITHIN_PROMISED_PCT, "%");
  g_autofree char *mean = format_measure (f, CS_STATS_MEAN_DAYS, "");
  g_autofree char *median = format_measure (f, CS_STATS_MEDIAN_DAYS, "");
  g_autofree char *limit = format_measure (f, CS_STATS_MEAN_STATUTORY_LIMIT, "");
  g_autofree char *instant = format_measure (f, CS_STATS_INSTANT_SAME_DAY_PCT, "%");
  g_autofree char *supplement = format_measure (f, CS_STATS_SUPPLEMENT_RATE_PCT, "%");
  double ratio;
  g_autofree char *ratio_text = NULL;

  ratio_text = cs_stats_figures_get_measure (f, CS_STATS_RATIO, &ratio)
               ? g_strdup_printf ("%.2f", ratio) : g_strdup ("–");

  g_print ("\n%s\n", title);
  g_print (_("  Decided: %d, within the promised limit: %d"
             " (%s)\n"),
           (int) cs_stats_figures_get_count (f, CS_STATS_DECIDED),
           (int) cs_stats_figures_get_count (f, CS_STATS_WITHIN_PROMISED), within);
  g_print (_("  Working days taken: mean %s, median %s; statutory limit %s on average "
             "(ratio %s)\n"),
           mean, median, limit, ratio_text);
  g_print (_("  Instant matters decided the same day: %d of %d"
             " (%s)\n"),
           (int) cs_stats_figures_get_count (f, CS_STATS_INSTANT_SAME_DAY),
           (int) cs_stats_figures_get_count (f, CS_STATS_INSTANT_DECIDED), instant);
  g_print (_("  Accepted: %d, with a supplement notice: %d"
             " (%s)\n"),
           (int) cs_stats_figures_get_count (f, CS_STATS_ACCEPTED),
           (int) cs_stats_figures_get_count (f, CS_STATS_SUPPLEMENT_NOTICES), supplement);
}

/* A CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
static void
print_csv_field (GString    *line,
                 const char *value)
{
  if (value == NULL)
    value = "";
  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (line, value);
      return;
    }
  g_string_append_c (line, '"');
  for (const char *c = value; *c != '\0'; c++)
    {
      if (*c == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *c);
    }
  g_string_append_c (line, '"');
}

static void
print_csv_row (const char *scope,
               const char *key,
               const char *name,
               const char *figure,
               const char *value)
{
  g_autoptr(GString) line = g_string_new (NULL);

  print_csv_field (line, scope);
  g_string_append_c (line, ',');
  print_csv_field (line, key);
  g_string_append_c (line, ',');
  print_csv_field (line, name);
  g_string_append_c (line, ',');
  print_csv_field (line, figure);
  g_string_append_c (line, ',');
  print_csv_field (line, value);
  g_print ("%s\r\n", line->str);
}

/* One row per figure (scope, key, name, figure, value): the same columns
 * for every group, so that scripts and spreadsheets pivot as they like.
 * Numbers in the C locale, two decimals; a share of nothing is empty. */
static void
print_figures_csv (const char     *scope,
                   CsStatsFigures *f)
{
  for (guint i = 0; i < G_N_ELEMENTS (stats_counts); i++)
    {
      g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                cs_stats_figures_get_count (f, stats_counts[i].count));

      print_csv_row (scope, cs_stats_figures_get_key (f), cs_stats_figures_get_name (f),
                     stats_counts[i].column, value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (stats_measures); i++)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE] = "";
      double value;

      if (cs_stats_figures_get_measure (f, stats_measures[i].measure, &value))
        g_ascii_formatd (buffer, sizeof buffer, "%.2f", value);
      print_csv_row (scope, cs_stats_figures_get_key (f), cs_stats_figures_get_name (f),
                     stats_measures[i].column, buffer);
    }
}

static gboolean
parse_day (const char *text,
           GDate      *date)
{
  guint year, month, day;
  char tail;

  g_date_clear (date, 1);
  if (text == NULL || strlen (text) != 10 ||
      sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &tail) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static int
cmd_stats (Cli   *cli,
           int    argc,
           char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CsDepartmentStats) stats = NULL;
  g_autoptr(CsUser) me = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *as_of_text = NULL;
  gboolean csv = FALSE;
  GDate from, to, as_of;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text,
      N_("The first day of the period"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text,
      N_("The last day of the period"), N_("YYYY-MM-DD") },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of_text,
      N_("See the open cases as on this day (default today)"), N_("YYYY-MM-DD") },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv,
      N_("Print comma-separated values, one figure a line"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  GPtrArray *groups;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, FALSE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (error->message);
  if (argc != 1 || from_text == NULL || to_text == NULL)
    return usage_error (_("Usage: stats --from YYYY-MM-DD --to YYYY-MM-DD [--csv]"));
  if (!parse_day (from_text, &from) || !parse_day (to_text, &to) ||
      (as_of_text != NULL && !parse_day (as_of_text, &as_of)))
    return usage_error (_("Dates are given as YYYY-MM-DD"));
  if (g_date_compare (&to, &from) < 0)
    return usage_error (_("The period ends before it starts"));

  if (!sign_in (cli, &error))
    return fail (error);

  /* The figures are the signed-in chief's own department's. */
  if (cli->user != NULL)
    me = g_object_ref (cli->user);
  else
    {
      cs_client_get_me_async (cli->client, NULL, store_result, &result);
      me = cs_client_get_me_finish (cli->client, wait_for (&result), &error);
      g_clear_object (&result);
      if (me == NULL)
        return fail (error);
    }

  cs_client_get_department_stats_async (cli->client, cs_user_get_department (me), &from, &to,
                                        as_of_text != NULL ? &as_of : NULL,
                                        NULL, store_result, &result);
  stats = cs_client_get_department_stats_finish (cli->client, wait_for (&result), &error);
  if (stats == NULL)
    return fail (error);

  if (csv)
    {
      const char *department = cs_department_stats_get_department (stats);

      print_csv_row ("scope", "key", "name", "figure", "value");
      {
        CsStatsFigures *overall = cs_department_stats_get_overall (stats);

        for (guint i = 0; i < G_N_ELEMENTS (stats_counts); i++)
          {
            g_autofree char *value = NULL;

            value = g_strdup_printf ("%" G_GINT64_FORMAT,
                                     cs_stats_figures_get_count (overall, stats_counts[i].count));
            print_csv_row ("department", department, cs_user_get_department_name (me),
                           stats_counts[i].column, value);
          }
        for (guint i = 0; i < G_N_ELEMENTS (stats_measures); i++)
          {
            char buffer[G_ASCII_DTOSTR_BUF_SIZE] = "";
            double value;

            if (cs_stats_figures_get_measure (overall, stats_measures[i].measure, &value))
              g_ascii_formatd (buffer, sizeof buffer, "%.2f", value);
            print_csv_row ("department", department, cs_user_get_department_name (me),
                           stats_measures[i].column, buffer);
          }
      }
      groups = cs_department_stats_get_matters (stats);
      for (guint i = 0; i < groups->len; i++)
        print_figures_csv ("matter", g_ptr_array_index (groups, i));
      groups = cs_department_stats_get_approvers (stats);
      for (guint i = 0; i < groups->len; i++)
        print_figures_csv ("approver", g_ptr_array_index (groups, i));
      for (guint i = 0; i < G_N_ELEMENTS (stats_open); i++)
        {
          g_autofree char *value = NULL;

          value = g_strdup_printf ("%" G_GINT64_FORMAT,
                                   cs_department_stats_get_open (stats, stats_open[i].count));
          print_csv_row ("open", department, cs_user_get_department_name (me),
                         stats_open[i].column, value);
        }
      return EXIT_SUCCESS;
    }

  {
    g_autofree char *first = format_date (cs_department_stats_get_from (stats));
    g_autofree char *last = format_date (cs_department_stats_get_to (stats));
    g_autofree char *day = format_date (cs_department_stats_get_as_of (stats));

    g_print (_("%s (%s), %s to %s\n"), cs_user_get_department_name (me),
             cs_department_stats_get_department (stats), first, last);
    print_figures (_("Whole department"), cs_department_stats_get_overall (stats));

    groups = cs_department_stats_get_matters (stats);
    for (guint i = 0; i < groups->len; i++)
      {
        CsStatsFigures *f = g_ptr_array_index (groups, i);
        g_autofree char *title = g_strdup_printf (_("Matter %s (%s)"), cs_stats_figures_get_name (f),
                                                  cs_stats_figures_get_key (f));

        print_figures (title, f);
      }

    groups = cs_department_stats_get_approvers (stats);
    for (guint i = 0; i < groups->len; i++)
      {
        CsStatsFigures *f = g_ptr_array_index (groups, i);
        g_autofree char *title = g_strdup_printf (_("Approver %s (%s)"),
                                                  cs_stats_figures_get_name (f),
                                                  cs_stats_figures_get_key (f));

        print_figures (title, f);
      }

    g_print ("\n");
    g_print (_("Open cases on %s: %d\n"), day,
             (int) cs_department_stats_get_open (stats, CS_OPEN_TOTAL));
    g_print (_("  On track: %d, yellow: %d, red: %d, paused: %d\n"),
             (int) cs_department_stats_get_open (stats, CS_OPEN_ON_TRACK),
             (int) cs_department_stats_get_open (stats, CS_OPEN_YELLOW),
             (int) cs_department_stats_get_open (stats, CS_OPEN_RED),
             (int) cs_department_stats_get_open (stats, CS_OPEN_PAUSED));
    g_print (_("  Due today: %d, due by Sunday: %d\n"),
             (int) cs_department_stats_get_open (stats, CS_OPEN_DUE_TODAY),
             (int) cs_department_stats_get_open (stats, CS_OPEN_DUE_THIS_WEEK));
    g_print (_("  Waiting for the chief’s signature: %d, suspended: %d\n"),
             (int) cs_department_stats_get_open (stats, CS_OPEN_AWAITING_SIGNATURE),
             (int) cs_department_stats_get_open (stats, CS_OPEN_SUSPENDED));
    g_print (_("Supplements awaited from applicants: %d\n"),
             (int) cs_department_stats_get_open (stats, CS_OPEN_SUPPLEMENT_REQUESTED));
    g_print (_("Decided here, waiting on a co-department: %d\n"),
             (int) cs_department_stats_get_open (stats, CS_OPEN_WAITING_ON_CO_DEPARTMENTS));
  }
  return EXIT_SUCCESS;
}

static const struct
{
  const char *name;
  int (*run) (Cli *cli, int argc, char **argv);
} commands[] = {
  { "login", cmd_login },
  { "logout", cmd_logout },
  { "whoami", cmd_whoami },
  { "sync", cmd_sync },
  { "cases", cmd_cases },
  { "show", cmd_show },
  { "claim", cmd_claim },
  { "release", cmd_claim },
  { "review", cmd_review },
  { "decide", cmd_decide },
  { "verify", cmd_verify },
  { "outbox", cmd_outbox },
  { "validate-id", cmd_validate },
  { "validate-uscc", cmd_validate },
  { "due", cmd_due },
  { "stats", cmd_stats },
};

static void
cli_clear (Cli *cli)
{
  g_free (cli->server);
  g_free (cli->ca_file);
  g_free (cli->data_dir);
  g_free (cli->username);
  g_clear_object (&cli->client);
  g_clear_object (&cli->outbox);
  g_clear_object (&cli->cache);
  g_clear_object (&cli->user);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *server = NULL;
  Cli cli = { 0 };
  int status = EXIT_USAGE;
  GOptionEntry entries[] = {
    { "server", 0, 0, G_OPTION_ARG_STRING, &server,
      N_("The central platform’s URL (remembered after login)"), N_("URL") },
    { "ca-file", 0, 0, G_OPTION_ARG_FILENAME, &cli.ca_file,
      N_("A PEM file of CA certificates to trust besides the system’s"), N_("FILE") },
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &cli.data_dir,
      N_("Where the cache and the outbox live"), N_("DIR") },
    { "no-send", 0, 0, G_OPTION_ARG_NONE, &cli.no_send,
      N_("Queue changes in the outbox without sending them now"), NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  /* The build tree's catalogues, for running and testing uninstalled, as
   * for the desk (meson devenv sets it). */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("COUNTERSIGN_LOCALEDIR") != NULL
                                   ? g_getenv ("COUNTERSIGN_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (_("COMMAND [ARGUMENTS…]"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_strict_posix (context, TRUE);
  g_option_context_set_summary (context,
    _("Commands:\n"
      "  login USERNAME        sign in (the password on standard input)\n"
      "  logout                sign out and forget the token\n"
      "  whoami                the signed-in user\n"
      "  sync                  fetch the department’s cases, catalogue and calendar\n"
      "  cases [--status S]    the cached cases, one a line\n"
      "  show CASE_ID          one case, with every legal clock\n"
      "  claim CASE_ID         claim a case (through the outbox)\n"
      "  release CASE_ID       release a case (through the outbox)\n"
      "  review CASE_ID --outcome OUTCOME --opinion TEXT\n"
      "                        post a review (through the outbox)\n"
      "  decide CASE_ID --outcome OUTCOME [--text TEXT] --key pkcs12:FILE|pkcs11:URI\n"
      "         [--pin-env VAR]  render, sign and send a decision (through the outbox)\n"
      "  verify FILE_OR_CASE_ID  check stored signed decisions as the platform does\n"
      "  outbox list           the changes not yet sent\n"
      "  outbox drain          send the queued changes now\n"
      "  validate-id VALUE     check a resident ID number (GB 11643)\n"
      "  validate-uscc VALUE   check a unified social credit code (GB 32100)\n"
      "  due --calendar FILE --accepted DATE --days N [--suspend FROM..TO]…\n"
      "                        compute a due date in working days\n"
      "  stats --from YYYY-MM-DD --to YYYY-MM-DD [--csv]\n"
      "                        the department’s figures over a period (chiefs)"));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      status = usage_error (error->message);
      goto out;
    }
  if (argc < 2)
    {
      status = usage_error (_("No command given"));
      goto out;
    }

  if (cli.data_dir == NULL)
    cli.data_dir = g_build_filename (g_get_user_data_dir (), "countersign", NULL);
  if (server != NULL)
    {
      cli.server = cs_client_normalize_url (server, &error);
      if (cli.server == NULL)
        {
          status = fail (error);
          goto out;
        }
      cli.server_given = TRUE;
    }
  load_session (&cli);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        status = commands[i].run (&cli, argc - 1, argv + 1);
        goto out;
      }

  {
    g_autofree char *message = g_strdup_printf (_("Unknown command “%s”"), argv[1]);
    status = usage_error (message);
  }

out:
  cli_clear (&cli);
  return status;
}
