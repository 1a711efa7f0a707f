import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestEventStore, createTestApp, seedOrg, signIn, type SessionClient, type TestApp } from './test-app.js';

/**
 * Walks every operation in the OpenAPI document as organisation A and aims it at
 * organisation B's records. Nothing of B may come back and nothing of B may change. A route
 * with no case below fails the test, so a new route cannot ship without its tenancy check.
 */

interface World {
  t: TestApp;
  a: SessionClient;
  aKeySecret: string;
  b: SessionClient;
  bIds: Record<string, string>;
  bSecrets: string[];
}

type Case =
  | { kind: 'public' }
  | { kind: 'own'; body?: (w: World) => unknown; query?: string; expect?: number[] }
  | { kind: 'foreign'; resource: string; body?: (w: World) => unknown };

/** How each operation is exercised. `foreign`: aimed at B's record by id, must be 404. */
const cases: Record<string, Case> = {
  'GET /api/v1/health': { kind: 'public' },
  'POST /api/v1/auth/login': { kind: 'public' },
  'GET /api/v1/auth/me': { kind: 'own' },
  'POST /api/v1/auth/switch-org': { kind: 'own', body: (w) => ({ orgId: w.b.orgId }), expect: [403] },
  'POST /api/v1/auth/logout': { kind: 'own', expect: [204] },
  'GET /api/v1/org': { kind: 'own' },
  'PATCH /api/v1/org': { kind: 'own', body: () => ({ name: 'A 改名' }) },
  'GET /api/v1/staff': { kind: 'own' },
  'POST /api/v1/staff': {
    kind: 'own',
    body: () => ({ email: 'new@a.test', name: '新人', role: 'qc', password: 'new-person-pw' }),
    expect: [201],
  },
  'GET /api/v1/staff/{id}': { kind: 'foreign', resource: 'staff' },
  'PATCH /api/v1/staff/{id}': { kind: 'foreign', resource: 'staff', body: () => ({ role: 'admin' }) },
  'POST /api/v1/staff/{id}/offboard': { kind: 'foreign', resource: 'staff' },
  'GET /api/v1/api-keys': { kind: 'own' },
  'POST /api/v1/api-keys': { kind: 'own', body: () => ({ name: 'A key', purpose: 'admin' }), expect: [201] },
  'DELETE /api/v1/api-keys/{id}': { kind: 'foreign', resource: 'api-keys' },
  'GET /api/v1/roles': { kind: 'own' },
  'GET /api/v1/audit': { kind: 'own' },
};

let w: World;

async function snapshotOfB(): Promise<string> {
  const parts = await Promise.all(
    ['/api/v1/org', '/api/v1/staff', '/api/v1/api-keys'].map(async (url) => (await w.b.request({ method: 'GET', url })).body),
  );
  return parts.join('\n');
}

function assertNoLeak(operation: string, response: LightMyRequestResponse, askedFor?: string): void {
  // The id A asked for may be echoed in the 404 message: A already knew it.
  for (const secret of w.bSecrets.filter((s) => s !== askedFor)) {
    expect(response.body.includes(secret), `${operation} leaked "${secret}" of organisation B`).toBe(false);
  }
}

beforeAll(async () => {
  const t = await createTestApp('pglite');
  const seededA = await seedOrg(t.access, 'tenant-a', '甲方直播');
  const seededB = await seedOrg(t.access, 'tenant-b', '乙方直播');
  const system = { type: 'system' as const, id: null };
  const bStaff = await t.access.staff.onboard(seededB.orgId, { email: 'anchor@tenant-b.test', name: '乙主播', role: 'anchor', password: 'anchor-b-password' }, system);
  const bKey = await t.access.apiKeys.create(seededB.orgId, { name: '乙采集', purpose: 'collector', source: 'douyin' }, system);
  const aKey = await t.access.apiKeys.create(seededA.orgId, { name: '甲脚本', purpose: 'admin' }, system);
  w = {
    t,
    a: await signIn(t.app, seededA.email, seededA.password),
    aKeySecret: aKey.secret,
    b: await signIn(t.app, seededB.email, seededB.password),
    bIds: { staff: bStaff.id, 'api-keys': bKey.id },
    bSecrets: [seededB.orgId, 'tenant-b', '乙方直播', '乙主播', 'anchor@tenant-b.test', seededB.email, bStaff.id, bStaff.userId, bKey.id, bKey.prefix],
  };
});
afterAll(async () => {
  await w.t.close();
  await closeTestEventStore();
});

describe('tenancy across every route of the OpenAPI document', () => {
  it('has a case for every operation, and every case names a real operation', async () => {
    const doc = (await w.t.app.inject({ method: 'GET', url: '/api/docs/json' })).json<{ paths: Record<string, Record<string, unknown>> }>();
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.length).toBeGreaterThan(10);
    expect(operations.filter((op) => !(op in cases)), 'operations without a tenancy case').toEqual([]);
    expect(Object.keys(cases).filter((op) => !operations.includes(op)), 'cases for operations that do not exist').toEqual([]);
  });

  for (const via of ['session', 'admin API key'] as const) {
    it(`lets organisation A neither see nor change organisation B (${via})`, async () => {
      const before = await snapshotOfB();
      for (const [operation, c] of Object.entries(cases)) {
        if (c.kind === 'public') continue;
        if (via === 'admin API key' && operation.includes('/auth/')) continue;
        const [method, template] = operation.split(' ') as [string, string];
        const url =
          c.kind === 'foreign'
            ? template.replace('{id}', w.bIds[c.resource] ?? 'missing-resource-id')
            : `${template}${c.kind === 'own' && c.query ? `?${c.query}` : ''}`;
        const payload = c.body?.(w);
        const options = { method: method as 'GET', url, ...(payload === undefined ? {} : { payload: payload as object }) };
        const response =
          via === 'session'
            ? await w.a.request(options)
            : await w.t.app.inject({ ...options, headers: { authorization: `Bearer ${w.aKeySecret}` } });
        if (c.kind === 'foreign') {
          expect(response.statusCode, `${operation} on B's record`).toBe(404);
        } else {
          const allowed = c.expect ?? [200];
          expect(allowed, `${operation}: ${response.statusCode} ${response.body}`).toContain(response.statusCode);
        }
        assertNoLeak(operation, response, c.kind === 'foreign' ? w.bIds[c.resource] : undefined);
        if (operation === 'POST /api/v1/auth/logout') w.a = await signIn(w.t.app, 'admin@tenant-a.test', 'tenant-a-admin-password');
        if (operation === 'POST /api/v1/staff' && via === 'session') {
          await w.t.access.staff.offboard(w.a.orgId, response.json<{ id: string }>().id, { type: 'system', id: null });
        }
      }
      expect(await snapshotOfB()).toBe(before);
    });
  }
});
