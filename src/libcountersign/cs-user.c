/* cs-user.c
 *
 * Copyright 2026 The Countersign authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cs-json-private.h"
#include "cs-user.h"

/**
 * CsUser:
 *
 * The signed-in person: department and roles (approver 经办人 and/or chief
 * representative 首席代表).
 */
struct _CsUser
{
  GObject parent_instance;

  gint64 id;
  char *username;
  char *name;
  char *department;
  char *department_name;
  gboolean approver;
  gboolean chief;
};

G_DEFINE_FINAL_TYPE (CsUser, cs_user, G_TYPE_OBJECT)

static void
cs_user_finalize (GObject *object)
{
  CsUser *self = (CsUser *) object;

  g_free (self->username);
  g_free (self->name);
  g_free (self->department);
  g_free (self->department_name);

  G_OBJECT_CLASS (cs_user_parent_class)->finalize (object);
}

static void
cs_user_class_init (CsUserClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cs_user_finalize;
}

static void
cs_user_init (CsUser *self)
{
}

/**
 * cs_user_new_from_json:
 * @object: a `User` of the central API
 * @error: return location for a #CS_ERROR_PROTOCOL
 *
 * Returns: (transfer full) (nullable): the user, or %NULL when @object
 *   does not follow the contract
 */
CsUser *
cs_user_new_from_json (JsonObject  *object,
                       GError     **error)
{
  g_autoptr(CsUser) self = g_object_new (CS_TYPE_USER, NULL);
  const char *username, *name, *department, *department_name;
  JsonArray *roles;

  if (!_cs_json_get_int (object, "user", "id", 0, &self->id, error) ||
      !_cs_json_get_string (object, "user", "username", 0, &username, error) ||
      !_cs_json_get_string (object, "user", "name", 0, &name, error) ||
      !_cs_json_get_string (object, "user", "department", 0, &department, error) ||
      !_cs_json_get_string (object, "user", "department_name", 0, &department_name, error) ||
      !_cs_json_get_array (object, "user", "roles", 0, &roles, error))
    return NULL;

  self->username = g_strdup (username);
  self->name = g_strdup (name);
  self->department = g_strdup (department);
  self->department_name = g_strdup (department_name);
  for (guint i = 0; i < json_array_get_length (roles); i++)
    {
      const char *role = json_array_get_string_element (roles, i);

      if (g_strcmp0 (role, "approver") == 0)
        self->approver = TRUE;
      else if (g_strcmp0 (role, "chief") == 0)
        self->chief = TRUE;
    }

  return g_steal_pointer (&self);
}

/**
 * cs_user_to_json:
 * @self: a #CsUser
 *
 * Returns: (transfer full): the user as the central API's `User`, as the
 *   cache keeps it
 */
JsonNode *
cs_user_to_json (CsUser *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (CS_IS_USER (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, self->id);
  json_builder_set_member_name (builder, "username");
  json_builder_add_string_value (builder, self->username);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, self->name);
  json_builder_set_member_name (builder, "department");
  json_builder_add_string_value (builder, self->department);
  json_builder_set_member_name (builder, "department_name");
  json_builder_add_string_value (builder, self->department_name);
  json_builder_set_member_name (builder, "roles");
  json_builder_begin_array (builder);
  if (self->approver)
    json_builder_add_string_value (builder, "approver");
  if (self->chief)
    json_builder_add_string_value (builder, "chief");
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

gint64
cs_user_get_id (CsUser *self)
{
  g_return_val_if_fail (CS_IS_USER (self), 0);
  return self->id;
}

const char *
cs_user_get_username (CsUser *self)
{
  g_return_val_if_fail (CS_IS_USER (self), NULL);
  return self->username;
}

const char *
cs_user_get_name (CsUser *self)
{
  g_return_val_if_fail (CS_IS_USER (self), NULL);
  return self->name;
}

const char *
cs_user_get_department (CsUser *self)
{
  g_return_val_if_fail (CS_IS_USER (self), NULL);
  return self->department;
}

const char *
cs_user_get_department_name (CsUser *self)
{
  g_return_val_if_fail (CS_IS_USER (self), NULL);
  return self->department_name;
}

gboolean
cs_user_is_approver (CsUser *self)
{
  g_return_val_if_fail (CS_IS_USER (self), FALSE);
  return self->approver;
}

gboolean
cs_user_is_chief (CsUser *self)
{
  g_return_val_if_fail (CS_IS_USER (self), FALSE);
  return self->chief;
}
