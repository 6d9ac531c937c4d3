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
 * `items-changed` over the span between the first and the last difference.
 */
struct _CsCaseFilterModel
{
  GObject parent_instance;

  GListModel *source;
  GtkFilter *filter;
  GArray *positions;          /* guint: the source position of each shown item */
  GPtrArray *items;           /* the shown items, each a reference */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CsCaseFilterModel, cs_case_filter_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
cs_case_filter_model_get_item_type (GListModel *model)
{
  return g_list_model_get_item_type (CS_CASE_FILTER_MODEL (model)->source);
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

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = cs_case_filter_model_get_item_type;
  iface->get_n_items = cs_case_filter_model_get_n_items;
  iface->get_item = cs_case_filter_model_get_item;
}

/* Takes @item (a reference) when the filter matches it. */
static void
take_if_match (CsCaseFilterModel *self,
               GArray            *positions,
               GPtrArray         *items,
               guint              position,
               gpointer           item)
{
  if (gtk_filter_match (self->filter, item))
    {
      g_array_append_val (positions, position);
      g_ptr_array_add (items, item);
    }
  else
    g_object_unref (item);
}

static void
refilter (CsCaseFilterModel *self,
          GtkFilterChange    change)
{
  g_autoptr(GArray) positions = g_array_sized_new (FALSE, FALSE, sizeof (guint),
                                                   self->positions->len);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (self->items->len, g_object_unref);
  guint old_n = self->items->len;
  guint new_n, first = 0, last = 0;

  if (change == GTK_FILTER_CHANGE_MORE_STRICT)
    for (guint i = 0; i < old_n; i++)
      take_if_match (self, positions, items, g_array_index (self->positions, guint, i),
                     g_object_ref (g_ptr_array_index (self->items, i)));
  else
    {
      guint n = g_list_model_get_n_items (self->source);
      guint shown = 0;

      for (guint position = 0; position < n; position++)
        {
          if (shown < old_n && g_array_index (self->positions, guint, shown) == position)
            {
              gpointer item = g_object_ref (g_ptr_array_index (self->items, shown++));

              /* Shown and less strict now: still shown. */
              if (change == GTK_FILTER_CHANGE_LESS_STRICT)
                {
                  g_array_append_val (positions, position);
                  g_ptr_array_add (items, item);
                }
              else
                take_if_match (self, positions, items, position, item);
            }
          else
            take_if_match (self, positions, items, position,
                           g_list_model_get_item (self->source, position));
        }
    }

  new_n = items->len;
  while (first < old_n && first < new_n &&
         g_ptr_array_index (self->items, first) == g_ptr_array_index (items, first))
    first++;
  while (last < old_n - first && last < new_n - first &&
         g_ptr_array_index (self->items, old_n - 1 - last) ==
         g_ptr_array_index (items, new_n - 1 - last))
    last++;

  g_array_unref (self->positions);
  g_ptr_array_unref (self->items);
  self->positions = g_steal_pointer (&positions);
  self->items = g_steal_pointer (&items);
  if (first < old_n || first < new_n)
    g_list_model_items_changed (G_LIST_MODEL (self), first, old_n - first - last,
                                new_n - first - last);
}

static void
on_filter_changed (GtkFilter         *filter,
                   GtkFilterChange    change,
                   CsCaseFilterModel *self)
{
  refilter (self, change);
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
  guint from = lower_bound (self->positions, position);
  guint to = lower_bound (self->positions, position + removed);
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  guint tail;

  for (guint i = to; i < self->positions->len; i++)
    g_array_index (self->positions, guint, i) += added - removed;
  for (guint i = 0; i < added; i++)
    take_if_match (self, positions, items, position + i,
                   g_list_model_get_item (source, position + i));

  g_array_remove_range (self->positions, from, to - from);
  g_array_insert_vals (self->positions, from, positions->data, positions->len);
  g_ptr_array_remove_range (self->items, from, to - from);
  tail = self->items->len - from;
  g_ptr_array_set_size (self->items, self->items->len + items->len);
  memmove (self->items->pdata + from + items->len, self->items->pdata + from,
           tail * sizeof (gpointer));
  if (items->len > 0)
    memcpy (self->items->pdata + from, items->pdata, items->len * sizeof (gpointer));

  if (to > from || items->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), from, to - from, items->len);
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

  G_OBJECT_CLASS (cs_case_filter_model_parent_class)->dispose (object);
}

static void
cs_case_filter_model_finalize (GObject *object)
{
  CsCaseFilterModel *self = (CsCaseFilterModel *) object;

  g_array_unref (self->positions);
  g_ptr_array_unref (self->items);

  G_OBJECT_CLASS (cs_case_filter_model_parent_class)->finalize (object);
}

static void
cs_case_filter_model_class_init (CsCaseFilterModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cs_case_filter_model_dispose;
  object_class->finalize = cs_case_filter_model_finalize;
}

static void
cs_case_filter_model_init (CsCaseFilterModel *self)
{
  self->positions = g_array_new (FALSE, FALSE, sizeof (guint));
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * cs_case_filter_model_new:
 * @source: the items to filter
 * @filter: which of them to show
 *
 * Returns: (transfer full): a model of the items of @source that @filter
 *   matches, kept up to date with both
 */
CsCaseFilterModel *
cs_case_filter_model_new (GListModel *source,
                          GtkFilter  *filter)
{
  CsCaseFilterModel *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (source), NULL);
  g_return_val_if_fail (GTK_IS_FILTER (filter), NULL);

  self = g_object_new (CS_TYPE_CASE_FILTER_MODEL, NULL);
  self->source = g_object_ref (source);
  self->filter = g_object_ref (filter);
  g_signal_connect (source, "items-changed", G_CALLBACK (on_source_changed), self);
  g_signal_connect (filter, "changed", G_CALLBACK (on_filter_changed), self);
  on_source_changed (source, 0, 0, g_list_model_get_n_items (source), self);
  return self;
}
