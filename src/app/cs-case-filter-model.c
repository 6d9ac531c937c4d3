/* cs-case-filter-model.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsCaseFilterModel"

#include "config.h"

#include <string.h>

#include "cs-case-filter-model.h"

/**
 * CsCaseFilterModel:
 *
 * The items of a source model that a #GtkFilter matches, in the source's
 * order, like #GtkFilterListModel, with each item reached in constant time.
 *
 * GTK 4.8's filter model finds its n-th item by counting through a bitset.
 * When a search removes the row the list widget follows (the focused,
 * selected or first visible one), the widget looks for it among every item
 * the change added, one lookup each: at 100,000 cases a keystroke took
 * hundreds of milliseconds. Here the shown items are kept in an array.
 *
 * A change of the filter is applied at once, looking only at what it can
 * change (%GTK_FILTER_CHANGE_MORE_STRICT: the shown items;
 * %GTK_FILTER_CHANGE_LESS_STRICT: the hidden ones), and is announced as one
 * `items-changed` over the span that changed.
 *
 * Its items are #CsCaseRow objects, each holding the case shown at its
 * position, not the cases themselves. GTK 4.8's list widget keeps a row's
 * widgets only while the row's item stays in the model: a search that
 * hides the rows in view made it destroy every cell in view and build new
 * ones (about 60% of a 230 ms keystroke in perf, with their first style
 * and size pass). A change of the filter is a new list that starts from
 * its first row, so it hands the rows in view their new cases instead
 * (`notify::case`) and announces only the change of length at the end.
 * A change of the source keeps rows with their cases, so that the
 * selection and the scroll position follow a case that changed or moved.
 *
 * With a key function, the model also searches: an item is shown when
 * the filter matches it and its key holds every term of the search
 * (cs_case_filter_model_set_search()). The model keeps a copy of each
 * item's key beside it, one after another in the items' order: a pass
 * over 100,000 cases then reads one run of memory instead of following
 * two pointers to a key somewhere in the heap for each case, which took
 * longer than the search (4-7 ms against 3 ms a pass).
 */
struct _CsCaseFilterModel
{
  GObject parent_instance;

  GListModel *source;
  GtkFilter *filter;
  GPtrArray *all;             /* the source's items in its order, each a reference */
  GPtrArray *keys;            /* const char *: a copy of each one's key in @key_chunk, or NULL */
  CsCaseFilterKeyFunc key_func;
  CsCaseFilterMatchFunc match_func;
  gpointer match_data;
  char **terms;               /* of the search, or NULL */
  GStringChunk *key_chunk;    /* or NULL: no key is kept */
  gsize key_bytes;            /* of the keys in @keys; the rest of @key_chunk is waste */
  gsize chunk_bytes;          /* all that went into @key_chunk */
  guint fill_from;            /* keys before it are copied, once prepared */
  guint fill_id;
  gboolean prepare_keys;
  GArray *positions;          /* guint: the source position of each shown item */
  GPtrArray *items;           /* the shown items, borrowed from @all */
  GPtrArray *rows;            /* the CsCaseRow at each position while one is alive, or NULL */
  gboolean held;              /* nothing matches; @items are the last list's, kept for the rows */
  guint pending_end;          /* rows from EAGER_ROWS up to this still show their old cases */
};

/* A filter change hands the rows in view their new cases at once, and
 * the others GTK 4.8's list view keeps (about 200, most of them out of
 * view) once the frame is drawn (cs_case_filter_model_flush_rows()):
 * rebinding them and restyling their cells was most of the frame after a
 * search that changed the list. A window four times as tall as a laptop
 * screen shows fewer rows than this. */
#define EAGER_ROWS 64

/* Keys copied in one go of the idle that copies them (about 1 ms). */
#define KEYS_PER_FILL 8192

enum {
  CHANGING,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

struct _CsCaseRow
{
  GObject parent_instance;

  gpointer kase;                  /* a reference */
  gulong notify_id;               /* on kase */
  CsCaseFilterModel *owner;       /* not a reference; NULL once the row left it */
  guint position;
};

enum {
  ROW_PROP_0,
  ROW_PROP_CASE,
  N_ROW_PROPS
};

static GParamSpec *row_properties[N_ROW_PROPS];

G_DEFINE_FINAL_TYPE (CsCaseRow, cs_case_row, G_TYPE_OBJECT)

static void
cs_case_row_finalize (GObject *object)
{
  CsCaseRow *self = (CsCaseRow *) object;

  /* Rows live only while someone holds them: the model's slot is a weak
   * pointer, so a position GTK only looked at costs nothing afterwards. */
  if (self->owner != NULL && self->position < self->owner->rows->len &&
      g_ptr_array_index (self->owner->rows, self->position) == self)
    g_ptr_array_index (self->owner->rows, self->position) = NULL;
  g_clear_signal_handler (&self->notify_id, self->kase);
  g_clear_object (&self->kase);

  G_OBJECT_CLASS (cs_case_row_parent_class)->finalize (object);
}

static void
cs_case_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  switch (prop_id)
    {
    case ROW_PROP_CASE:
      g_value_set_object (value, CS_CASE_ROW (object)->kase);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cs_case_row_class_init (CsCaseRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cs_case_row_finalize;
  object_class->get_property = cs_case_row_get_property;

  row_properties[ROW_PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_ROW_PROPS, row_properties);
}

static void
cs_case_row_init (CsCaseRow *self)
{
}

/**
 * cs_case_row_get_case:
 * @self: a row of a #CsCaseFilterModel
 *
 * Returns: (transfer none): the case the row shows now
 */
gpointer
cs_case_row_get_case (CsCaseRow *self)
{
  g_return_val_if_fail (CS_IS_CASE_ROW (self), NULL);

  return self->kase;
}

/* A case that changes in place is news for the row's users too: one
 * handler a row, where each cell of the row would need one. */
static void
on_row_case_notify (GObject    *kase,
                    GParamSpec *pspec,
                    CsCaseRow  *row)
{
  g_object_notify_by_pspec (G_OBJECT (row), row_properties[ROW_PROP_CASE]);
}

static void
row_follow (CsCaseRow *row,
            gpointer   kase)
{
  row->kase = g_object_ref (kase);
  row->notify_id = g_signal_connect (kase, "notify", G_CALLBACK (on_row_case_notify), row);
}

static void
row_set_case (CsCaseRow *row,
              gpointer   kase)
{
  gpointer old = row->kase;

  if (old == kase)
    return;
  /* The old case lives until the row's users have let go of it. */
  g_clear_signal_handler (&row->notify_id, old);
  row_follow (row, kase);
  g_object_notify_by_pspec (G_OBJECT (row), row_properties[ROW_PROP_CASE]);
  g_object_unref (old);
}

/* The rows from @from on moved: tell them where they are now. */
static void
renumber_rows (CsCaseFilterModel *self,
               guint              from)
{
  for (guint i = from; i < self->rows->len; i++)
    {
      CsCaseRow *row = g_ptr_array_index (self->rows, i);

      if (row != NULL)
        row->position = i;
    }
}

static void
release_row (CsCaseRow *row)
{
  if (row != NULL)
    row->owner = NULL;
}

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CsCaseFilterModel, cs_case_filter_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
cs_case_filter_model_get_item_type (GListModel *model)
{
  return CS_TYPE_CASE_ROW;
}

static guint
cs_case_filter_model_get_n_items (GListModel *model)
{
  return CS_CASE_FILTER_MODEL (model)->items->len;
}

static gpointer
cs_case_filter_model_get_item (GListModel *model,
                               guint       position)
{
  CsCaseFilterModel *self = CS_CASE_FILTER_MODEL (model);
  CsCaseRow *row;

  if (position >= self->items->len)
    return NULL;
  row = g_ptr_array_index (self->rows, position);
  if (row != NULL)
    return g_object_ref (row);
  row = g_object_new (CS_TYPE_CASE_ROW, NULL);
  row_follow (row, g_ptr_array_index (self->items, position));
  row->owner = self;
  row->position = position;
  g_ptr_array_index (self->rows, position) = row;
  return row;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = cs_case_filter_model_get_item_type;
  iface->get_n_items = cs_case_filter_model_get_n_items;
  iface->get_item = cs_case_filter_model_get_item;
}

static const char *
copy_key (CsCaseFilterModel *self,
          guint              position,
          gpointer           item)
{
  const char *key = self->key_func (item, self->match_data);
  gsize size = strlen (key) + 1;

  if (self->key_chunk == NULL)
    self->key_chunk = g_string_chunk_new (1 << 20);
  key = g_string_chunk_insert_len (self->key_chunk, key, size - 1);
  self->key_bytes += size;
  self->chunk_bytes += size;
  g_ptr_array_index (self->keys, position) = (gpointer) key;
  return key;
}

static inline gboolean
match (CsCaseFilterModel *self,
       guint              position,
       gpointer           item)
{
  const char *key;

  if (self->match_func != NULL ? !self->match_func (item, self->match_data)
                               : !gtk_filter_match (self->filter, item))
    return FALSE;
  if (self->terms == NULL)
    return TRUE;
  key = g_ptr_array_index (self->keys, position);
  if (key == NULL)
    key = copy_key (self, position, item);
  for (guint i = 0; self->terms[i] != NULL; i++)
    if (strstr (key, self->terms[i]) == NULL)
      return FALSE;
  return TRUE;
}

/* The keys of the items that left, or that changed and are copied again
 * when next needed: once they are more than half of what the chunk
 * holds, every key is let go of with the chunk and copied again, in the
 * items' order. */
static void
drop_keys (CsCaseFilterModel *self,
           guint              position,
           guint              n)
{
  for (guint i = position; i < position + n; i++)
    {
      const char *key = g_ptr_array_index (self->keys, i);

      if (key != NULL)
        self->key_bytes -= strlen (key) + 1;
    }
  if (self->key_chunk == NULL || self->chunk_bytes - self->key_bytes <= self->key_bytes)
    return;
  for (guint i = 0; i < self->keys->len; i++)
    g_ptr_array_index (self->keys, i) = NULL;
  g_clear_pointer (&self->key_chunk, g_string_chunk_free);
  self->key_bytes = self->chunk_bytes = 0;
  self->fill_from = 0;
}

static gboolean
fill_keys (gpointer data)
{
  CsCaseFilterModel *self = data;
  guint end = MIN (self->all->len, self->fill_from + KEYS_PER_FILL);

  for (guint i = self->fill_from; i < end; i++)
    if (g_ptr_array_index (self->keys, i) == NULL)
      copy_key (self, i, g_ptr_array_index (self->all, i));
  self->fill_from = end;
  if (end < self->all->len)
    return G_SOURCE_CONTINUE;
  self->fill_id = 0;
  return G_SOURCE_REMOVE;
}

static void
schedule_fill (CsCaseFilterModel *self)
{
  if (!self->prepare_keys || self->fill_id != 0 || self->fill_from >= self->all->len)
    return;
  self->fill_id = g_idle_add_full (G_PRIORITY_LOW, fill_keys, self, NULL);
}

static void
take_if_match (CsCaseFilterModel *self,
               GArray            *positions,
               GPtrArray         *items,
               guint              position,
               gpointer           item)
{
  if (match (self, position, item))
    {
      g_array_append_val (positions, position);
      g_ptr_array_add (items, item);
    }
}

/* No case matches any more: the model keeps the last list's items and
 * rows for the list widget, which the page covers with its status page.
 * GTK 4.8's list view destroys every row it keeps when its model empties
 * and builds them all again for the next list: 70-110 ms for the search
 * that finds nothing, 185-230 ms for the one after it. */
static void
unhold (CsCaseFilterModel *self)
{
  guint old_n = self->items->len;

  if (!self->held)
    return;
  self->held = FALSE;
  for (guint i = 0; i < self->rows->len; i++)
    release_row (g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->items, 0);
  g_array_set_size (self->positions, 0);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, 0);
}

/**
 * cs_case_filter_model_flush_rows:
 * @self: a #CsCaseFilterModel
 *
 * Hands the rows out of view their new cases after a filter change (see
 * %EAGER_ROWS); call it once the frame after the change is drawn.
 *
 * Returns: whether there were any
 */
gboolean
cs_case_filter_model_flush_rows (CsCaseFilterModel *self)
{
  guint end;

  g_return_val_if_fail (CS_IS_CASE_FILTER_MODEL (self), FALSE);

  end = MIN (self->pending_end, MIN (self->rows->len, self->items->len));
  self->pending_end = 0;
  if (end <= EAGER_ROWS)
    return FALSE;
  for (guint i = EAGER_ROWS; i < end; i++)
    {
      CsCaseRow *row = g_ptr_array_index (self->rows, i);

      if (row != NULL)
        row_set_case (row, g_ptr_array_index (self->items, i));
    }
  return TRUE;
}

static void
refilter (CsCaseFilterModel *self,
          GtkFilterChange    change)
{
  g_autoptr(GArray) positions = NULL;
  g_autoptr(GPtrArray) items = NULL;
  guint old_n;

  cs_case_filter_model_flush_rows (self);
  old_n = self->held ? 0 : self->items->len;
  guint n = self->all->len;
  guint new_n, common;

  /* Held, the list is empty: nothing is shown to look at again. */
  if (change == GTK_FILTER_CHANGE_MORE_STRICT && old_n == 0)
    return;
  positions = g_array_sized_new (FALSE, FALSE, sizeof (guint),
                                 change == GTK_FILTER_CHANGE_MORE_STRICT ? old_n : n);
  items = g_ptr_array_sized_new (change == GTK_FILTER_CHANGE_MORE_STRICT ? old_n : n);
  if (change == GTK_FILTER_CHANGE_MORE_STRICT)
    for (guint i = 0; i < old_n; i++)
      take_if_match (self, positions, items, g_array_index (self->positions, guint, i),
                     g_ptr_array_index (self->items, i));
  else
    {
      guint shown = 0;

      for (guint position = 0; position < n; position++)
        {
          gpointer item = g_ptr_array_index (self->all, position);

          /* Shown and less strict now: still shown. */
          if (change == GTK_FILTER_CHANGE_LESS_STRICT && shown < old_n &&
              g_array_index (self->positions, guint, shown) == position)
            {
              shown++;
              g_array_append_val (positions, position);
              g_ptr_array_add (items, item);
            }
          else
            take_if_match (self, positions, items, position, item);
        }
    }

  new_n = items->len;
  /* The same cases (one way, the same number is the same set): the rows,
   * the selection and the scroll position stay as they are. */
  if (new_n == old_n &&
      (change != GTK_FILTER_CHANGE_DIFFERENT || new_n == 0 ||
       memcmp (positions->data, self->positions->data, new_n * sizeof (guint)) == 0))
    return;

  g_signal_emit (self, signals[CHANGING], 0);
  if (new_n == 0)
    {
      /* The list widget is told nothing; the page reads the number of
       * matches, cs_case_filter_model_get_n_matches(). */
      self->held = TRUE;
      return;
    }

  /* Leaving a held list: its rows are there to take the new cases. */
  old_n = self->items->len;
  self->held = FALSE;
  common = MIN (old_n, new_n);
  g_array_unref (self->positions);
  g_ptr_array_unref (self->items);
  self->positions = g_steal_pointer (&positions);
  self->items = g_steal_pointer (&items);

  /* The rows in view show the new list from its start; only the end
   * comes or goes. */
  for (guint i = common; i < old_n; i++)
    release_row (g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, new_n);
  for (guint i = 0; i < MIN (common, EAGER_ROWS); i++)
    {
      CsCaseRow *row = g_ptr_array_index (self->rows, i);

      if (row != NULL)
        row_set_case (row, g_ptr_array_index (self->items, i));
    }
  self->pending_end = common;
  if (old_n != new_n)
    g_list_model_items_changed (G_LIST_MODEL (self), common, old_n - common, new_n - common);
}

static void
on_filter_changed (GtkFilter         *filter,
                   GtkFilterChange    change,
                   CsCaseFilterModel *self)
{
  refilter (self, change);
}

static void
release_row_in_table (gpointer kase,
                      gpointer row,
                      gpointer user_data)
{
  release_row (row);
}

/* The first shown item at or after @position in the source. */
static guint
lower_bound (GArray *positions,
             guint   position)
{
  guint low = 0, high = positions->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (positions, guint, middle) < position)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

static void
on_source_changed (GListModel        *source,
                   guint              position,
                   guint              removed,
                   guint              added,
                   CsCaseFilterModel *self)
{
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  /* The cases that left live until the comparisons below are done. */
  g_autoptr(GPtrArray) gone = g_ptr_array_new_full (removed, g_object_unref);
  g_autoptr(GHashTable) kept = NULL;
  gpointer *rows;
  guint from, to, tail, n, first = 0, last = 0;

  /* A held list belongs to an older source: let go of it first; rows
   * follow their cases from here, so they show them first. */
  cs_case_filter_model_flush_rows (self);
  unhold (self);
  from = lower_bound (self->positions, position);
  to = lower_bound (self->positions, position + removed);

  if (removed > 0)
    {
      g_ptr_array_set_size (gone, removed);
      memcpy (gone->pdata, self->all->pdata + position, removed * sizeof (gpointer));
    }
  g_ptr_array_remove_range (self->all, position, removed);
  drop_keys (self, position, removed);
  g_ptr_array_remove_range (self->keys, position, removed);
  self->fill_from = MIN (self->fill_from, position);
  tail = self->all->len - position;
  g_ptr_array_set_size (self->all, self->all->len + added);
  g_ptr_array_set_size (self->keys, self->keys->len + added);
  if (tail > 0 && added > 0)
    {
      memmove (self->all->pdata + position + added, self->all->pdata + position,
               tail * sizeof (gpointer));
      memmove (self->keys->pdata + position + added, self->keys->pdata + position,
               tail * sizeof (gpointer));
    }
  for (guint i = 0; i < added; i++)
    {
      gpointer item = g_list_model_get_item (source, position + i);

      g_ptr_array_index (self->all, position + i) = item;
      g_ptr_array_index (self->keys, position + i) = NULL;
    }
  schedule_fill (self);

  for (guint i = to; i < self->positions->len; i++)
    g_array_index (self->positions, guint, i) += added - removed;
  for (guint i = 0; i < added; i++)
    take_if_match (self, positions, items, position + i,
                   g_ptr_array_index (self->all, position + i));
  n = items->len;

  /* A case that comes back in the same change keeps its row (and so its
   * selection and its place in view); only rows in use are looked at. */
  for (guint i = from; i < to; i++)
    {
      CsCaseRow *row = g_ptr_array_index (self->rows, i);

      if (row == NULL)
        continue;
      if (kept == NULL)
        kept = g_hash_table_new (NULL, NULL);
      g_hash_table_insert (kept, row->kase, row);
    }
  rows = g_new0 (gpointer, MAX (n, 1));
  if (kept != NULL)
    {
      for (guint i = 0; i < n; i++)
        g_hash_table_steal_extended (kept, g_ptr_array_index (items, i), NULL, &rows[i]);
      g_hash_table_foreach (kept, release_row_in_table, NULL);
    }

  /* The same cases at the same places at either end changed nothing. */
  while (first < to - from && first < n &&
         g_ptr_array_index (self->items, from + first) == g_ptr_array_index (items, first))
    first++;
  while (last < to - from - first && last < n - first &&
         g_ptr_array_index (self->items, to - 1 - last) ==
         g_ptr_array_index (items, n - 1 - last))
    last++;

  g_array_remove_range (self->positions, from, to - from);
  g_array_insert_vals (self->positions, from, positions->data, positions->len);
  g_ptr_array_remove_range (self->items, from, to - from);
  tail = self->items->len - from;
  g_ptr_array_set_size (self->items, self->items->len + n);
  /* An empty GPtrArray has no storage at all: memmove() may not see it. */
  if (tail > 0)
    memmove (self->items->pdata + from + n, self->items->pdata + from, tail * sizeof (gpointer));
  if (n > 0)
    memcpy (self->items->pdata + from, items->pdata, n * sizeof (gpointer));

  g_ptr_array_remove_range (self->rows, from, to - from);
  g_ptr_array_set_size (self->rows, self->rows->len + n);
  if (tail > 0)
    memmove (self->rows->pdata + from + n, self->rows->pdata + from, tail * sizeof (gpointer));
  if (n > 0)
    memcpy (self->rows->pdata + from, rows, n * sizeof (gpointer));
  g_free (rows);
  if (to - from != n)
    renumber_rows (self, from);
  else
    for (guint i = from; i < from + n; i++)
      if (g_ptr_array_index (self->rows, i) != NULL)
        ((CsCaseRow *) g_ptr_array_index (self->rows, i))->position = i;

  if (first < to - from || first < n)
    g_list_model_items_changed (G_LIST_MODEL (self), from + first, to - from - first - last,
                                n - first - last);
}

static void
cs_case_filter_model_dispose (GObject *object)
{
  CsCaseFilterModel *self = (CsCaseFilterModel *) object;

  if (self->source != NULL)
    g_signal_handlers_disconnect_by_data (self->source, self);
  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  g_clear_object (&self->source);
  g_clear_object (&self->filter);
  g_clear_handle_id (&self->fill_id, g_source_remove);

  G_OBJECT_CLASS (cs_case_filter_model_parent_class)->dispose (object);
}

static void
cs_case_filter_model_finalize (GObject *object)
{
  CsCaseFilterModel *self = (CsCaseFilterModel *) object;

  for (guint i = 0; i < self->rows->len; i++)
    release_row (g_ptr_array_index (self->rows, i));
  g_ptr_array_unref (self->rows);
  g_array_unref (self->positions);
  g_ptr_array_unref (self->items);
  for (guint i = 0; i < self->all->len; i++)
    g_object_unref (g_ptr_array_index (self->all, i));
  g_ptr_array_unref (self->all);
  g_ptr_array_unref (self->keys);
  g_clear_pointer (&self->key_chunk, g_string_chunk_free);
  g_strfreev (self->terms);

  G_OBJECT_CLASS (cs_case_filter_model_parent_class)->finalize (object);
}

static void
cs_case_filter_model_class_init (CsCaseFilterModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cs_case_filter_model_dispose;
  object_class->finalize = cs_case_filter_model_finalize;

  /**
   * CsCaseFilterModel::changing:
   *
   * A change of the filter is about to change the list (and is not
   * emitted when it leaves the same cases): the rows in view are about to
   * show the new list's first cases.
   */
  signals[CHANGING] = g_signal_new ("changing", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cs_case_filter_model_init (CsCaseFilterModel *self)
{
  /* Its references are dropped by hand: a change moves them to a list of
   * those that left. */
  self->all = g_ptr_array_new ();
  self->keys = g_ptr_array_new ();
  self->positions = g_array_new (FALSE, FALSE, sizeof (guint));
  self->items = g_ptr_array_new ();
  self->rows = g_ptr_array_new ();
}

/**
 * cs_case_filter_model_new:
 * @source: the items to filter
 * @filter: which of them to show
 *
 * Returns: (transfer full): a model of #CsCaseRow objects, one for each
 *   item of @source that @filter matches, kept up to date with both
 */
CsCaseFilterModel *
cs_case_filter_model_new (GListModel *source,
                          GtkFilter  *filter)
{
  return cs_case_filter_model_new_with_keys (source, filter, NULL, NULL, NULL);
}

/**
 * cs_case_filter_model_new_with_keys:
 * @source: the items to filter
 * @filter: says when its matches change
 * @key_func: (nullable): an item's key, what the search looks in: the
 *   model copies it the first time it needs it (see
 *   cs_case_filter_model_prepare_keys()) and keeps the copy until the
 *   item changes (#GListModel::items-changed)
 * @match_func: (nullable): whether @filter matches an item: the same test
 *   as @filter's own, called without going through #GtkFilter
 * @user_data: for @key_func and @match_func
 *
 * A pass over 100,000 cases is then a loop over flat arrays; looking up
 * what a case is searched by from the case itself took more than the
 * search.
 *
 * Returns: (transfer full): a model as cs_case_filter_model_new() makes
 */
CsCaseFilterModel *
cs_case_filter_model_new_with_keys (GListModel            *source,
                                    GtkFilter             *filter,
                                    CsCaseFilterKeyFunc    key_func,
                                    CsCaseFilterMatchFunc  match_func,
                                    gpointer               user_data)
{
  CsCaseFilterModel *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (source), NULL);
  g_return_val_if_fail (GTK_IS_FILTER (filter), NULL);

  self = g_object_new (CS_TYPE_CASE_FILTER_MODEL, NULL);
  self->source = g_object_ref (source);
  self->filter = g_object_ref (filter);
  self->key_func = key_func;
  self->match_func = match_func;
  self->match_data = user_data;
  g_signal_connect (source, "items-changed", G_CALLBACK (on_source_changed), self);
  g_signal_connect (filter, "changed", G_CALLBACK (on_filter_changed), self);
  on_source_changed (source, 0, 0, g_list_model_get_n_items (source), self);
  return self;
}

/**
 * cs_case_filter_model_set_search:
 * @self: a #CsCaseFilterModel with a key function
 * @terms: (nullable) (array zero-terminated=1): what every key shown
 *   must hold, each a part of it; NULL or empty for no search
 *
 * Takes effect with the next change of the filter (gtk_filter_changed()),
 * which says how the search changed: %GTK_FILTER_CHANGE_MORE_STRICT for
 * terms that only narrow it, and the model then looks only at the items
 * shown.
 */
void
cs_case_filter_model_set_search (CsCaseFilterModel  *self,
                                 const char * const *terms)
{
  g_return_if_fail (CS_IS_CASE_FILTER_MODEL (self));
  g_return_if_fail (self->key_func != NULL || terms == NULL || terms[0] == NULL);

  g_strfreev (self->terms);
  self->terms = terms != NULL && terms[0] != NULL ? g_strdupv ((char **) terms) : NULL;
}

/**
 * cs_case_filter_model_prepare_keys:
 * @self: a #CsCaseFilterModel
 *
 * Copies the keys of every item not yet copied, a few thousand at a time
 * when nothing else waits (%G_PRIORITY_LOW), and from then on those of
 * the items that come or change: the first search after start-up then
 * finds them ready. Call it once the list is drawn.
 */
void
cs_case_filter_model_prepare_keys (CsCaseFilterModel *self)
{
  g_return_if_fail (CS_IS_CASE_FILTER_MODEL (self));

  if (self->key_func == NULL || self->prepare_keys)
    return;
  self->prepare_keys = TRUE;
  schedule_fill (self);
}

/**
 * cs_case_filter_model_get_case:
 * @self: a #CsCaseFilterModel
 * @position: a position in @self
 *
 * Returns: (transfer none) (nullable): the case shown at @position
 */
gpointer
cs_case_filter_model_get_case (CsCaseFilterModel *self,
                               guint              position)
{
  g_return_val_if_fail (CS_IS_CASE_FILTER_MODEL (self), NULL);

  return !self->held && position < self->items->len
         ? g_ptr_array_index (self->items, position) : NULL;
}

/**
 * cs_case_filter_model_get_n_matches:
 * @self: a #CsCaseFilterModel
 *
 * When nothing matches, the model keeps the last list's rows for the list
 * widget (see unhold()); this is the number of cases that match.
 *
 * Returns: how many cases the filter matches
 */
guint
cs_case_filter_model_get_n_matches (CsCaseFilterModel *self)
{
  g_return_val_if_fail (CS_IS_CASE_FILTER_MODEL (self), 0);

  return self->held ? 0 : self->items->len;
}
