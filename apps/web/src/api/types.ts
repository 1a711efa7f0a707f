/** DTOs of the LiveCloud REST API (`/api/v1`), as the web app consumes them. */

export const roleCodes = [
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
export type RoleCode = (typeof roleCodes)[number];

export interface Membership {
  orgId: string;
  orgName: string;
  role: string;
}

export interface Session {
  user: { id: string; email: string; name: string };
  org: { id: string; name: string; slug: string };
  role: string;
  permissions: string[];
  csrfToken: string;
  memberships: Membership[];
}

export type StoreCheck = { ok: boolean; latencyMs: number; error?: string };

export interface Health {
  status: 'ok' | 'degraded';
  version: string;
  uptimeS: number;
  stores: {
    records: StoreCheck & { engine: 'pglite' | 'postgres' };
    events: StoreCheck & { engine: 'chdb' | 'clickhouse' };
  };
}

export interface Org {
  id: string;
  name: string;
  slug: string;
  createdAt: string;
}

export interface Staff {
  id: string;
  userId: string;
  email: string;
  name: string;
  role: string;
  status: 'active' | 'offboarded';
  createdAt: string;
  offboardedAt: string | null;
}

export interface StaffOnboardInput {
  email: string;
  name: string;
  role: RoleCode;
  password: string;
}

export interface RoleMatrix {
  permissions: string[];
  roles: { role: string; permissions: string[] }[];
}

export const apiKeySources = [
  'douyin',
  'kuaishou',
  'taobao',
  'xiaohongshu',
  'wechat_channels',
  'sdk',
  'segment',
  'simulator',
  'import',
] as const;
export type ApiKeySource = (typeof apiKeySources)[number];
export type ApiKeyPurpose = 'collector' | 'admin';

export interface ApiKey {
  id: string;
  name: string;
  purpose: ApiKeyPurpose;
  source: string | null;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export type CreatedApiKey = ApiKey & { secret: string };

export interface ApiKeyCreateInput {
  name: string;
  purpose: ApiKeyPurpose;
  source?: ApiKeySource;
}

export interface ListResponse<T> {
  items: T[];
}
