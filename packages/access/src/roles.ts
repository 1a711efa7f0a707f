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

/**
 * Whether permissions only collect events: what a key visible to anyone who opens a web page
 * may hold. A key that can do more never works from a browser.
 */
export function onlyCollects(granted: ReadonlySet<Permission>): boolean {
  return [...granted].every((permission) => permission === 'events:write');
}

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/** The whole matrix, for the roles page and the docs. */
export function permissionMatrix(): { role: Role; permissions: Permission[] }[] {
  return roles.map((role) => ({ role, permissions: [...rolePermissions[role]] }));
}
