/* bench-decisions.c — a batch of signed grants, end to end
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage (run-bench-decisions prepares the cases and drives it):
 *   bench-decisions URL PKCS12 DATA_DIR CASE_ID…
 * (the session token in COUNTERSIGN_TOKEN, the PKCS#12 password in
 * COUNTERSIGN_KEY_PASSWORD)
 *
 * For each case, as the desk's batch signing does: fetch the case (its
 * version is what is signed), draft the grant, render the decision
 * document, build the signed bytes, sign them with the software key, queue
 * the three parts in the durable outbox; then drain the outbox, the
 * server verifying each decision (signature, certificate, document, version)
 * before it records it. Opening the key and reading the catalogue happen
 * once, before the clock starts, like the chief entering the PIN.
 *
 * Prints one line of figures, in seconds:
 *   decisions N total T per_decision P fetch F render R sign S queue Q send D
 */

#include "config.h"

#include <stdio.h>

#include <countersign.h>

#include "cs-cache.h"
#include "cs-client.h"
#include "cs-decision-document.h"
#include "cs-decision-draft.h"
#include "cs-outbox.h"
#include "cs-signer.h"

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

static double
seconds (gint64 usec)
{
  return usec / (double) G_USEC_PER_SEC;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsClient) client = NULL;
  g_autoptr(CsCache) cache = NULL;
  g_autoptr(CsOutbox) outbox = NULL;
  g_autoptr(CsSigner) signer = NULL;
  g_autoptr(CsUser) user = NULL;
  g_autoptr(GListModel) matters = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) catalogue = NULL;
  const char *password = g_getenv ("COUNTERSIGN_KEY_PASSWORD");
  gint64 fetch = 0, render = 0, sign = 0, queue = 0, send, start, t;
  guint n = argc - 4, sent = 0, failed = 0;

  if (argc < 5 || g_getenv ("COUNTERSIGN_TOKEN") == NULL || password == NULL)
    {
      fprintf (stderr, "usage: COUNTERSIGN_TOKEN=… COUNTERSIGN_KEY_PASSWORD=… "
                       "bench-decisions URL PKCS12 DATA_DIR CASE_ID…\n");
      return 2;
    }

  client = cs_client_new (argv[1], &error);
  if (client == NULL || (cache = cs_cache_new (argv[3], &error)) == NULL ||
      (signer = cs_signer_new_from_pkcs12 (argv[2], password, &error)) == NULL)
    g_error ("%s", error->message);
  cs_client_set_token (client, g_getenv ("COUNTERSIGN_TOKEN"));
  outbox = cs_outbox_new (cache);

  cs_client_get_me_async (client, NULL, store_result, &result);
  user = cs_client_get_me_finish (client, wait_for (&result), &error);
  g_clear_object (&result);
  if (user == NULL)
    g_error ("%s", error->message);
  cs_client_get_matters_async (client, NULL, store_result, &result);
  catalogue = cs_client_get_matters_finish (client, wait_for (&result), &error);
  g_clear_object (&result);
  if (catalogue == NULL || !cs_cache_store_matters (cache, catalogue, &error) ||
      (matters = cs_cache_load_matters (cache, &error)) == NULL)
    g_error ("%s", error->message);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CsCase) kase = NULL;
      g_autoptr(CsMatter) matter = NULL;
      g_autoptr(CsDecisionDraft) draft = NULL;
      g_autoptr(CsDecisionDocument) document = NULL;
      g_autoptr(GBytes) payload = NULL;
      g_autoptr(GBytes) signature = NULL;
      g_autoptr(CsOutboxItem) item = NULL;
      g_autofree char *etag = NULL;

      t = g_get_monotonic_time ();
      cs_client_get_case_async (client, argv[4 + i], NULL, NULL, store_result, &result);
      kase = cs_client_get_case_finish (client, wait_for (&result), &etag, &error);
      g_clear_object (&result);
      if (kase == NULL)
        g_error ("%s: %s", argv[4 + i], error->message);
      for (guint j = 0; matter == NULL && j < g_list_model_get_n_items (matters); j++)
        {
          g_autoptr(CsMatter) candidate = g_list_model_get_item (matters, j);

          if (g_strcmp0 (cs_matter_get_code (candidate), cs_case_get_matter_code (kase)) == 0)
            matter = g_steal_pointer (&candidate);
        }
      fetch += g_get_monotonic_time () - t;

      t = g_get_monotonic_time ();
      draft = cs_decision_draft_new_for_case (kase, matter, CS_OUTCOME_GRANT);
      cs_decision_draft_set_signer (draft, cs_user_get_username (user), cs_user_get_name (user));
      document = cs_decision_document_new_render (draft, &error);
      if (document == NULL)
        g_error ("%s", error->message);
      render += g_get_monotonic_time () - t;

      t = g_get_monotonic_time ();
      payload = cs_decision_draft_build_payload (draft, cs_decision_document_get_sha256 (document),
                                                 NULL, &error);
      if (payload == NULL || (signature = cs_signer_sign (signer, payload, &error)) == NULL)
        g_error ("%s", error->message);
      sign += g_get_monotonic_time () - t;

      t = g_get_monotonic_time ();
      item = cs_outbox_enqueue_decision (outbox, cs_case_get_id (kase), etag, payload, signature,
                                         cs_decision_document_get_bytes (document), &error);
      if (item == NULL)
        g_error ("%s", error->message);
      queue += g_get_monotonic_time () - t;
    }

  t = g_get_monotonic_time ();
  cs_outbox_drain_async (outbox, client, CS_OUTBOX_DRAIN_NOW, NULL, store_result, &result);
  if (!cs_outbox_drain_finish (outbox, wait_for (&result), &sent, &failed, &error))
    g_error ("%s", error->message);
  send = g_get_monotonic_time () - t;

  if (sent != n || failed != 0)
    {
      fprintf (stderr, "bench-decisions: %u of %u decisions were recorded, %u refused\n",
               sent, n, failed);
      return 1;
    }

  t = g_get_monotonic_time () - start;
  printf ("decisions %u total %.3f per_decision %.4f fetch %.3f render %.3f sign %.3f"
          " queue %.3f send %.3f\n",
          n, seconds (t), seconds (t) / n, seconds (fetch), seconds (render), seconds (sign),
          seconds (queue), seconds (send));
  return 0;
}
