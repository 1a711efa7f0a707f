import {
  permissions,
  rolePermissions,
  roles,
  type Permission,
  type Role,
} from '@livecloud/contracts/vocabulary';

/*
 * The permission matrix itself lives in the contracts vocabulary, so the web reads the same
 * lists; these are the questions the server asks of it. Routes ask for a permission, never
 * for a role.
 */
export { permissions, roles, type Permission, type Role };

/** The permissions a role grants. */
export function permissionsOf(role: Role): ReadonlySet<Permission> {
  return new Set(rolePermissions[role]);
}

/** What an API key of a purpose may do: a collector key only writes events. */
export function permissionsOfKey(purpose: 'collector' | 'admin'): ReadonlySet<Permission> {
  return purpose === 'collector' ? new Set<Permission>(['events:write']) : permissionsOf('admin');
}

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/** The whole matrix, for the roles page and the docs. */
export function permissionMatrix(): { role: Role; permissions: Permission[] }[] {
  return roles.map((role) => ({ role, permissions: [...rolePermissions[role]] }));
}
