/* test-case-filter-model.c — the inbox's filter model: the items a filter
 * matches, in order, announced as one change; the rows that keep their
 * widgets through a search; the keys it copies, kept until an item
 * changes
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cs-case-filter-model.h"

#define N_ITEMS 1000

typedef struct
{
  GListStore *store;
  GtkFilter *filter;
  CsCaseFilterModel *model;
  char *needle;            /* what a key must hold; NULL: everything */
  gboolean no_tens;        /* the filter: not items 10, 20… */
  guint keys_asked;
  guint changes;           /* items-changed emissions */
  guint last_position, last_removed, last_added;
  guint changing;          /* CsCaseFilterModel::changing emissions */
} Fixture;

static const char *
item_key (gpointer item,
          gpointer user_data)
{
  Fixture *fixture = user_data;

  fixture->keys_asked++;
  return gtk_string_object_get_string (item);
}

/* The filter's test, apart from the search. */
static gboolean
item_matches (gpointer item,
              gpointer user_data)
{
  Fixture *fixture = user_data;
  const char *text = gtk_string_object_get_string (item);

  return !fixture->no_tens || !g_str_has_suffix (text, "0-even");
}

static gboolean
item_shown (Fixture    *fixture,
            const char *text)
{
  return (!fixture->no_tens || !g_str_has_suffix (text, "0-even")) &&
         (fixture->needle == NULL || strstr (text, fixture->needle) != NULL);
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *fixture)
{
  fixture->changes++;
  fixture->last_position = position;
  fixture->last_removed = removed;
  fixture->last_added = added;
}

static void
on_changing (CsCaseFilterModel *model,
             Fixture           *fixture)
{
  fixture->changing++;
}

/* Item @i is "item-I", with "-even" or "-odd" after it. */
static GtkStringObject *
new_item (guint i)
{
  g_autofree char *text = g_strdup_printf ("item-%04u-%s", i, i % 2 == 0 ? "even" : "odd");

  return gtk_string_object_new (text);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  for (guint i = 0; i < N_ITEMS; i++)
    {
      g_autoptr(GtkStringObject) item = new_item (i);

      g_list_store_append (fixture->store, item);
    }
  /* Its own test is never used: the match function is. */
  fixture->filter = GTK_FILTER (gtk_custom_filter_new (item_matches, fixture, NULL));
  fixture->model = cs_case_filter_model_new_with_keys (G_LIST_MODEL (fixture->store),
                                                       fixture->filter, item_key,
                                                       item_matches, fixture);
  g_signal_connect (fixture->model, "items-changed", G_CALLBACK (on_items_changed), fixture);
  g_signal_connect (fixture->model, "changing", G_CALLBACK (on_changing), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->model);
  g_clear_object (&fixture->filter);
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->needle, g_free);
}

static void
search (Fixture         *fixture,
        const char      *needle,
        GtkFilterChange  change)
{
  const char *terms[] = { needle, NULL };

  g_free (fixture->needle);
  fixture->needle = g_strdup (needle);
  fixture->changes = 0;
  fixture->changing = 0;
  fixture->keys_asked = 0;
  cs_case_filter_model_set_search (fixture->model, terms);
  gtk_filter_changed (fixture->filter, change);
}

/* What the model shows is what the store holds that matches, in order. */
static void
assert_shows (Fixture *fixture)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (fixture->store));
  guint shown = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (G_LIST_MODEL (fixture->store), i);
      if (!item_shown (fixture, gtk_string_object_get_string (item)))
        continue;
      g_assert_true (cs_case_filter_model_get_case (fixture->model, shown) == (gpointer) item);
      shown++;
    }
  g_assert_cmpuint (cs_case_filter_model_get_n_matches (fixture->model), ==, shown);
  g_assert_null (cs_case_filter_model_get_case (fixture->model, shown));
  if (shown > 0)
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->model)), ==, shown);
}

static void
run_idles (void)
{
  for (guint i = 0; i < 100 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

/* A search is one change, over the span where the length changes: the
 * rows in view are handed the new list's first items. */
static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(CsCaseRow) first = NULL;
  g_autoptr(GObject) before = NULL;

  /* No search: no key is needed. */
  g_assert_cmpuint (fixture->keys_asked, ==, 0);
  search (fixture, NULL, GTK_FILTER_CHANGE_DIFFERENT);
  assert_shows (fixture);
  g_assert_cmpuint (fixture->changes, ==, 0);
  g_assert_cmpuint (fixture->keys_asked, ==, 0);

  first = g_list_model_get_item (G_LIST_MODEL (fixture->model), 0);
  g_assert_true (CS_IS_CASE_ROW (first));
  before = g_object_ref (cs_case_row_get_case (first));
  g_assert_cmpstr (gtk_string_object_get_string (GTK_STRING_OBJECT (before)), ==,
                   "item-0000-even");

  search (fixture, "odd", GTK_FILTER_CHANGE_MORE_STRICT);
  assert_shows (fixture);
  g_assert_cmpuint (fixture->changing, ==, 1);
  g_assert_cmpuint (fixture->changes, ==, 1);
  g_assert_cmpuint (fixture->last_position, ==, N_ITEMS / 2);
  g_assert_cmpuint (fixture->last_removed, ==, N_ITEMS / 2);
  g_assert_cmpuint (fixture->last_added, ==, 0);
  /* Every key was copied once, in this pass. */
  g_assert_cmpuint (fixture->keys_asked, ==, N_ITEMS);
  /* The first row stays and shows the new first item. */
  g_assert_cmpstr (gtk_string_object_get_string (cs_case_row_get_case (first)), ==,
                   "item-0001-odd");

  /* Narrower again: only the items shown are looked at, with the keys
   * kept. */
  search (fixture, "1-odd", GTK_FILTER_CHANGE_MORE_STRICT);
  assert_shows (fixture);
  g_assert_cmpuint (fixture->keys_asked, ==, 0);
  g_assert_cmpuint (fixture->changes, ==, 1);

  /* Wider: the hidden items come back, their keys kept too. */
  search (fixture, NULL, GTK_FILTER_CHANGE_LESS_STRICT);
  assert_shows (fixture);
  g_assert_cmpuint (fixture->keys_asked, ==, 0);
  g_assert_cmpuint (fixture->changes, ==, 1);
  g_assert_cmpuint (fixture->last_added, ==, N_ITEMS - N_ITEMS / 10);

  /* The same set again is no change at all. */
  search (fixture, "item", GTK_FILTER_CHANGE_DIFFERENT);
  assert_shows (fixture);
  g_assert_cmpuint (fixture->changes, ==, 0);
  g_assert_cmpuint (fixture->changing, ==, 0);

  /* The filter and the search together. */
  fixture->no_tens = TRUE;
  search (fixture, "even", GTK_FILTER_CHANGE_MORE_STRICT);
  assert_shows (fixture);
  g_assert_cmpuint (cs_case_filter_model_get_n_matches (fixture->model), ==,
                    N_ITEMS / 2 - N_ITEMS / 10);
  g_assert_cmpuint (fixture->keys_asked, ==, 0);
}

/* Nothing matches: the list keeps its rows (the page covers them) and
 * says so through the number of matches. */
static void
test_nothing_matches (Fixture       *fixture,
                      gconstpointer  data)
{
  search (fixture, "odd", GTK_FILTER_CHANGE_DIFFERENT);
  search (fixture, "nowhere", GTK_FILTER_CHANGE_MORE_STRICT);
  g_assert_cmpuint (fixture->changing, ==, 1);
  g_assert_cmpuint (fixture->changes, ==, 0);
  g_assert_cmpuint (cs_case_filter_model_get_n_matches (fixture->model), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->model)), ==, N_ITEMS / 2);
  g_assert_null (cs_case_filter_model_get_case (fixture->model, 0));

  search (fixture, "even", GTK_FILTER_CHANGE_DIFFERENT);
  assert_shows (fixture);
  g_assert_cmpuint (fixture->keys_asked, ==, 0);
}

/* An item that changes (the store replaces it) is looked at again, its
 * key copied anew; the others keep theirs. */
static void
test_keys_follow_changes (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GtkStringObject) changed = gtk_string_object_new ("item-0003-changed");
  g_autoptr(GtkStringObject) added = gtk_string_object_new ("item-added-odd");

  search (fixture, "odd", GTK_FILTER_CHANGE_DIFFERENT);
  g_assert_cmpuint (fixture->keys_asked, ==, N_ITEMS);

  fixture->keys_asked = 0;
  g_list_store_splice (fixture->store, 3, 1, (gpointer *) &changed, 1);
  g_list_store_insert (fixture->store, 10, added);
  /* The items that came are matched as they come. */
  g_assert_cmpuint (fixture->keys_asked, ==, 2);
  assert_shows (fixture);

  search (fixture, "odd", GTK_FILTER_CHANGE_DIFFERENT);
  assert_shows (fixture);
  g_assert_cmpuint (fixture->keys_asked, ==, 0);
  g_assert_true (cs_case_filter_model_get_case (fixture->model, 1) != (gpointer) changed);
}

/* When most keys in the copy are those of items gone, the copy starts
 * again; prepared, the model copies the keys by itself, a part at a time
 * while the main loop is idle. */
static void
test_keys_prepared_and_compacted (Fixture       *fixture,
                                  gconstpointer  data)
{
  cs_case_filter_model_prepare_keys (fixture->model);
  g_assert_cmpuint (fixture->keys_asked, ==, 0);
  run_idles ();
  g_assert_cmpuint (fixture->keys_asked, ==, N_ITEMS);

  search (fixture, "even", GTK_FILTER_CHANGE_DIFFERENT);
  assert_shows (fixture);
  g_assert_cmpuint (fixture->keys_asked, ==, 0);

  /* Three items in four go: the copy of the last quarter's keys is made
   * again, by the idle copier. */
  g_list_store_splice (fixture->store, 0, N_ITEMS * 3 / 4, NULL, 0);
  assert_shows (fixture);
  fixture->keys_asked = 0;
  run_idles ();
  g_assert_cmpuint (fixture->keys_asked, ==, N_ITEMS / 4);

  search (fixture, "odd", GTK_FILTER_CHANGE_DIFFERENT);
  assert_shows (fixture);
  g_assert_cmpuint (fixture->keys_asked, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/case-filter-model/search", Fixture, NULL, fixture_set_up, test_search,
              fixture_tear_down);
  g_test_add ("/case-filter-model/nothing-matches", Fixture, NULL, fixture_set_up,
              test_nothing_matches, fixture_tear_down);
  g_test_add ("/case-filter-model/keys-follow-changes", Fixture, NULL, fixture_set_up,
              test_keys_follow_changes, fixture_tear_down);
  g_test_add ("/case-filter-model/keys-prepared-and-compacted", Fixture, NULL, fixture_set_up,
              test_keys_prepared_and_compacted, fixture_tear_down);

  return g_test_run ();
}
