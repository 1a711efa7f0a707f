/**
 * The permission matrix: the one place that says which role may do what (SPEC §1). Routes
 * ask for a permission, never for a role.
 */
export const permissions = [
  'org:manage',
  'staff:read',
  'staff:manage',
  'keys:manage',
  'audit:read',
  'health:read',
  'live:read',
  'commerce:read',
  'commerce:manage',
  'qc:manage',
  'ads:manage',
  'audience:read',
  'analytics:read',
  'recommend:read',
  'experiments:manage',
  'risk:read',
  'risk:manage',
  'matrix:read',
  'events:write',
  'events:read',
  'events:manage',
  'merchant:portal',
  'partner:portal',
] as const;
export type Permission = (typeof permissions)[number];

export const roles = [
  'admin',
  'operator',
  'selection',
  'qc',
  'anchor',
  'ad_buyer',
  'analyst',
  'risk',
  'merchant',
  'partner',
] as const;
export type Role = (typeof roles)[number];

const staffBase: Permission[] = ['health:read', 'staff:read'];

const matrix: Record<Role, readonly Permission[]> = {
  admin: permissions.filter((p) => p !== 'events:write' && p !== 'merchant:portal' && p !== 'partner:portal'),
  operator: [
    ...staffBase,
    'live:read',
    'commerce:read',
    'commerce:manage',
    'audience:read',
    'analytics:read',
    'recommend:read',
    'matrix:read',
  ],
  selection: [...staffBase, 'commerce:read', 'commerce:manage', 'analytics:read', 'matrix:read'],
  qc: [...staffBase, 'commerce:read', 'qc:manage'],
  anchor: [...staffBase, 'live:read', 'commerce:read'],
  ad_buyer: [...staffBase, 'live:read', 'ads:manage', 'analytics:read'],
  analyst: [
    ...staffBase,
    'events:read',
    'live:read',
    'commerce:read',
    'audience:read',
    'analytics:read',
    'recommend:read',
    'experiments:manage',
  ],
  risk: [...staffBase, 'live:read', 'audience:read', 'risk:read', 'risk:manage'],
  // External people see only their portal, never the organisation's staff or data.
  merchant: ['merchant:portal'],
  partner: ['partner:portal'],
};

/** The permissions a role grants. */
export function permissionsOf(role: Role): ReadonlySet<Permission> {
  return new Set(matrix[role]);
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
  return roles.map((role) => ({ role, permissions: [...matrix[role]] }));
}
