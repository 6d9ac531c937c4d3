/* cs-case-list.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "CsCaseList"

#include "config.h"

#include "cs-case-list.h"
#include "cs-case-private.h"

/**
 * CsCaseList:
 *
 * The inbox's list model: every cached case of the department, as
 * #CsCase items. Loading reads the cache in a worker thread; the first
 * load swaps the whole list in with one `items-changed`. A case that
 * changes later is updated in place: its object keeps its identity and
 * notifies its properties, and the list says the item changed (an
 * `items-changed` that removes and adds it again at the same position), so
 * that filter and sort models above look at it again while views keep
 * their selection and scroll position. A new case is appended.
 */
struct _CsCaseList
{
  GObject parent_instance;

  GPtrArray *cases;
  GHashTable *by_id;      /* id → CsCase, borrowed from @cases */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CsCaseList, cs_case_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
cs_case_list_get_item_type (GListModel *model)
{
  return CS_TYPE_CASE;
}

static guint
cs_case_list_get_n_items (GListModel *model)
{
  return CS_CASE_LIST (model)->cases->len;
}

static gpointer
cs_case_list_get_item (GListModel *model,
                       guint       position)
{
  CsCaseList *self = CS_CASE_LIST (model);

  if (position >= self->cases->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->cases, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = cs_case_list_get_item_type;
  iface->get_n_items = cs_case_list_get_n_items;
  iface->get_item = cs_case_list_get_item;
}

static void
cs_case_list_finalize (GObject *object)
{
  CsCaseList *self = (CsCaseList *) object;

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->cases, g_ptr_array_unref);

  G_OBJECT_CLASS (cs_case_list_parent_class)->finalize (object);
}

static void
cs_case_list_class_init (CsCaseListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cs_case_list_finalize;
}

static void
cs_case_list_init (CsCaseList *self)
{
  self->cases = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

CsCaseList *
cs_case_list_new (void)
{
  return g_object_new (CS_TYPE_CASE_LIST, NULL);
}

/**
 * cs_case_list_replace_all:
 * @self: a #CsCaseList
 * @cases: (transfer container) (element-type CsCase): the cases
 *
 * Replaces the whole list, emitting one `items-changed`.
 */
void
cs_case_list_replace_all (CsCaseList *self,
                          GPtrArray  *cases)
{
  g_autoptr(GPtrArray) old = NULL;
  guint removed;

  g_return_if_fail (CS_IS_CASE_LIST (self));
  g_return_if_fail (cases != NULL);

  old = g_steal_pointer (&self->cases);
  removed = old->len;
  self->cases = g_ptr_array_ref (cases);
  g_ptr_array_set_free_func (self->cases, g_object_unref);

  g_hash_table_remove_all (self->by_id);
  for (guint i = 0; i < self->cases->len; i++)
    {
      CsCase *kase = g_ptr_array_index (self->cases, i);
      g_hash_table_insert (self->by_id, (gpointer) cs_case_get_id (kase), kase);
    }

  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->cases->len);
}

static void
update_in_place (CsCaseList *self,
                 CsCase     *existing,
                 CsCase     *newer)
{
  /* The hash key is the existing object's id string, which the update
   * replaces: re-key it. */
  g_hash_table_remove (self->by_id, cs_case_get_id (existing));
  _cs_case_update_from (existing, newer);
  g_hash_table_insert (self->by_id, (gpointer) cs_case_get_id (existing), existing);
}

/**
 * cs_case_list_update:
 * @self: a #CsCaseList
 * @kase: a case, newer than (or new to) the list
 *
 * Takes a changed case in: the list's object for it takes the new values
 * (see #CsCase), or the case is appended when the list does not hold it.
 */
void
cs_case_list_update (CsCaseList *self,
                     CsCase     *kase)
{
  CsCase *existing;

  g_return_if_fail (CS_IS_CASE_LIST (self));
  g_return_if_fail (CS_IS_CASE (kase));

  existing = g_hash_table_lookup (self->by_id, cs_case_get_id (kase));
  if (existing == kase)
    return;
  if (existing != NULL)
    {
      guint position;

      update_in_place (self, existing, kase);
      if (g_ptr_array_find (self->cases, existing, &position))
        g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
      return;
    }

  g_ptr_array_add (self->cases, g_object_ref (kase));
  g_hash_table_insert (self->by_id, (gpointer) cs_case_get_id (kase), kase);
  g_list_model_items_changed (G_LIST_MODEL (self), self->cases->len - 1, 0, 1);
}

/**
 * cs_case_list_lookup:
 * @self: a #CsCaseList
 * @case_id: a case's ID
 *
 * Returns: (transfer none) (nullable): the list's object for the case
 */
CsCase *
cs_case_list_lookup (CsCaseList *self,
                     const char *case_id)
{
  g_return_val_if_fail (CS_IS_CASE_LIST (self), NULL);
  return g_hash_table_lookup (self->by_id, case_id);
}

/* Past this many changed cases, a merge says the whole list changed: one
 * re-sort above it is cheaper than a re-insertion for each. */
#define MERGE_CHANGES_ONE_BY_ONE 64

/* Takes a fresh load in without replacing what views show: changed cases
 * are updated in place, new ones appended, vanished ones removed. */
static void
merge (CsCaseList *self,
       GPtrArray  *cases)
{
  g_autoptr(GHashTable) loaded = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) changed = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) added = g_ptr_array_new ();

  for (guint i = 0; i < cases->len; i++)
    {
      CsCase *kase = g_ptr_array_index (cases, i);
      CsCase *existing = g_hash_table_lookup (self->by_id, cs_case_get_id (kase));

      g_hash_table_add (loaded, (gpointer) cs_case_get_id (kase));
      if (existing == NULL)
        g_ptr_array_add (added, kase);
      else if (cs_case_get_version (existing) != cs_case_get_version (kase) ||
               cs_case_get_updated_at (existing) != cs_case_get_updated_at (kase))
        {
          update_in_place (self, existing, kase);
          g_hash_table_add (changed, existing);
        }
    }

  for (guint i = self->cases->len; i > 0; i--)
    {
      CsCase *kase = g_ptr_array_index (self->cases, i - 1);

      if (g_hash_table_contains (loaded, cs_case_get_id (kase)))
        continue;
      g_hash_table_remove (changed, kase);
      g_hash_table_remove (self->by_id, cs_case_get_id (kase));
      g_ptr_array_remove_index (self->cases, i - 1);
      g_list_model_items_changed (G_LIST_MODEL (self), i - 1, 1, 0);
    }

  if (g_hash_table_size (changed) > MERGE_CHANGES_ONE_BY_ONE)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, self->cases->len, self->cases->len);
  else if (g_hash_table_size (changed) > 0)
    for (guint i = 0; i < self->cases->len; i++)
      if (g_hash_table_contains (changed, g_ptr_array_index (self->cases, i)))
        g_list_model_items_changed (G_LIST_MODEL (self), i, 1, 1);

  if (added->len > 0)
    {
      guint position = self->cases->len;

      for (guint i = 0; i < added->len; i++)
        {
          CsCase *kase = g_ptr_array_index (added, i);

          g_ptr_array_add (self->cases, g_object_ref (kase));
          g_hash_table_insert (self->by_id, (gpointer) cs_case_get_id (kase), kase);
        }
      g_list_model_items_changed (G_LIST_MODEL (self), position, 0, added->len);
    }
}

/**
 * cs_case_list_get_clock_key:
 * @kase: a case
 * @key: (out caller-allocates): what the case's legal clock is computed from
 *
 * Cases with equal keys have equal deadlines on any day, so that a view
 * over 100,000 cases computes them once for each key.
 */
void
cs_case_list_get_clock_key (CsCase         *kase,
                            CsCaseClockKey *key)
{
  g_return_if_fail (CS_IS_CASE (kase));

  key->accepted_on = g_date_valid (&kase->clock_accepted_on)
                     ? g_date_get_julian (&kase->clock_accepted_on) : 0;
  key->supplement_requested_on = g_date_valid (&kase->supplement_requested_on)
                                 ? g_date_get_julian (&kase->supplement_requested_on) : 0;
  key->statutory_limit = kase->statutory_limit;
  key->promised_limit = kase->promised_limit;
  key->extension_days = kase->extension_days;
  key->green_channel = kase->green_channel;
  key->instant = kase->instant;
  key->suspensions = kase->suspensions_json;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *cases = cs_cache_load_cases (CS_CACHE (task_data), NULL, &error);

  if (cases == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, cases, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * cs_case_list_load_async:
 * @self: a #CsCaseList
 * @cache: the cache to read
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the list holds the cached cases
 * @user_data: data for @callback
 *
 * Loads every cached case, in a worker thread. An empty list takes them
 * all at once; a list that holds cases already takes the load in place
 * (see cs_case_list_update()), so that views keep their selection.
 */
void
cs_case_list_load_async (CsCaseList          *self,
                         CsCache             *cache,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CS_IS_CASE_LIST (self));
  g_return_if_fail (CS_IS_CACHE (cache));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cs_case_list_load_async);
  g_task_set_task_data (task, g_object_ref (cache), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

/**
 * cs_case_list_load_finish:
 * @self: a #CsCaseList
 * @result: the result
 * @error: return location for an error
 *
 * Returns: %TRUE when the list holds the cached cases
 */
gboolean
cs_case_list_load_finish (CsCaseList    *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_autoptr(GPtrArray) cases = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  cases = g_task_propagate_pointer (G_TASK (result), error);
  if (cases == NULL)
    return FALSE;
  if (self->cases->len == 0)
    cs_case_list_replace_all (self, g_steal_pointer (&cases));
  else
    merge (self, cases);
  return TRUE;
}
