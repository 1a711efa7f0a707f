import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTestEventStore, createTestApp, seedOrg, signIn } from '../test-app.js';
import { tenancyContexts } from './contexts.js';
import type { TenancyCase, TenancyWorld } from './tenancy-case.js';

/**
 * Walks every operation in the OpenAPI document as organisation A and aims it at
 * organisation B's records. Nothing of B may come back and nothing of B may change. A route
 * with no case fails the test, so a new route cannot ship without its tenancy check: each
 * context's cases and seed are in a file of their own beside this one (contexts.ts lists them).
 */

const cases: Record<string, TenancyCase> = {};
for (const context of tenancyContexts) {
  for (const [operation, c] of Object.entries(context.cases)) {
    if (operation in cases) throw new Error(`${context.name} repeats the tenancy case ${operation}`);
    cases[operation] = c;
  }
}

let w: TenancyWorld;
const instanceToken = `lc_inst_${'tenancy-walk-instance-token'.padEnd(40, '0')}`;

async function snapshotOfB(): Promise<string> {
  const parts = await Promise.all(
    tenancyContexts
      .flatMap((context) => context.listsOfB?.(w) ?? [])
      .map(async (url) => (await w.b.request({ method: 'GET', url })).body),
  );
  return parts.join('\n');
}

function assertNoLeak(operation: string, response: LightMyRequestResponse, request: string): void {
  // An id A sent may be echoed back (a 404 names it, a row report quotes it): A already knew it.
  for (const secret of w.bSecrets.filter((s) => !request.includes(s))) {
    expect(response.body.includes(secret), `${operation} leaked "${secret}" of organisation B`).toBe(false);
  }
}

beforeAll(async () => {
  const t = await createTestApp('pglite', { config: { instanceAdminToken: instanceToken } });
  const seededA = await seedOrg(t.access, 'tenant-a', '甲方直播');
  const seededB = await seedOrg(t.access, 'tenant-b', '乙方直播');
  w = {
    t,
    a: await signIn(t.app, seededA.email, seededA.password),
    aKeySecret: '',
    b: await signIn(t.app, seededB.email, seededB.password),
    bIds: {},
    bSecrets: [seededB.orgId, 'tenant-b', '乙方直播', seededB.email],
  };
  for (const context of tenancyContexts) await context.seed?.(w);
});
afterAll(async () => {
  await w.t.close();
  await closeTestEventStore();
});

describe('tenancy across every route of the OpenAPI document', () => {
  it('shows organisation B its own live session, so the 404 that A gets is tenancy, not absence', async () => {
    const response = await w.b.request({
      method: 'GET',
      url: `/api/v1/sessions/${w.bIds['live-session']}/live`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<{ totals: { gmvFen: number } }>().totals.gmvFen).toBe(8_888_888);
  });

  it('has a case for every operation, and every case names a real operation', async () => {
    const doc = (await w.t.app.inject({ method: 'GET', url: '/api/docs/json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.length).toBeGreaterThan(10);
    expect(
      operations.filter((op) => !(op in cases)),
      'operations without a tenancy case',
    ).toEqual([]);
    expect(
      Object.keys(cases).filter((op) => !operations.includes(op)),
      'cases for operations that do not exist',
    ).toEqual([]);
  });

  for (const via of ['session', 'admin API key'] as const) {
    it(`lets organisation A neither see nor change organisation B (${via})`, async () => {
      const before = await snapshotOfB();
      for (const [operation, c] of Object.entries(cases)) {
        if (c.kind === 'public') continue;
        if (via === 'admin API key' && operation.includes('/auth/')) continue;
        const [method, template] = operation.split(' ') as [string, string];
        const query = c.kind === 'own' && c.query ? (typeof c.query === 'string' ? c.query : c.query(w)) : '';
        const url =
          c.kind === 'foreign' || c.kind === 'instance'
            ? template.replace(
                /\{(\w+)\}/g,
                (_, name: string) =>
                  w.bIds[(c.kind === 'foreign' ? c.params?.[name] : undefined) ?? c.resource ?? ''] ??
                  'missing-resource-id',
              )
            : `${template}${query ? `?${query}` : ''}`;
        const payload = c.body?.(w);
        const options = {
          method: method as 'GET',
          url,
          ...(payload === undefined ? {} : { payload: payload as object }),
        };
        const response =
          via === 'session'
            ? await w.a.request(options)
            : await w.t.app.inject({ ...options, headers: { authorization: `Bearer ${w.aKeySecret}` } });
        if (c.kind === 'foreign') {
          expect(response.statusCode, `${operation} on B's record: ${response.body}`).toBe(404);
        } else if (c.kind === 'instance') {
          expect(response.statusCode, `${operation}: ${response.body}`).toBe(403);
          expect(response.json()).toMatchObject({ error: { code: 'instance_admin_required' } });
        } else {
          const allowed = c.expect ?? [200];
          expect(allowed, `${operation}: ${response.statusCode} ${response.body}`).toContain(
            response.statusCode,
          );
        }
        assertNoLeak(operation, response, `${url} ${JSON.stringify(payload ?? null)}`);
        if (operation === 'POST /api/v1/auth/logout')
          w.a = await signIn(w.t.app, 'admin@tenant-a.test', 'tenant-a-admin-password');
        if (operation === 'POST /api/v1/staff' && via === 'session') {
          await w.t.access.staff.offboard(w.a.orgId, response.json<{ id: string }>().id, {
            type: 'system',
            id: null,
          });
        }
      }
      expect(await snapshotOfB()).toBe(before);
    });
  }

  it('opens nothing but the instance API to the instance admin token', async () => {
    const before = await snapshotOfB();
    const walked: string[] = [];
    for (const [operation, c] of Object.entries(cases)) {
      if (c.kind === 'instance') continue;
      const [method, template] = operation.split(' ') as [string, string];
      const url = template.replace(/\{(\w+)\}/g, () => w.bIds['organisation'] ?? 'missing-resource-id');
      const payload = c.kind === 'public' ? undefined : c.body?.(w);
      const response = await w.t.app.inject({
        method: method as 'GET',
        url,
        headers: { authorization: `Bearer ${instanceToken}` },
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
      expect(response.statusCode, `${operation}: ${response.body}`).toBe(403);
      expect(response.json()).toMatchObject({ error: { code: 'instance_admin_only' } });
      walked.push(operation);
    }
    expect(walked.length).toBeGreaterThan(100);
    expect(await snapshotOfB()).toBe(before);
  });
});
