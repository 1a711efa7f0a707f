import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeTestEventStore,
  createTestApp,
  seedOrg,
  signIn,
  type SessionClient,
  type TestApp,
} from './test-app.js';
import { commerceCases, commerceListsOfB, seedCommerceOfB, type TenancyCase } from './tenancy-commerce.js';
import { seedSelectionOfB, selectionCases, selectionListsOfB } from './tenancy-selection.js';

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

type Case = TenancyCase;

/**
 * Scheduling: rooms, anchors, accounts, sessions, line-ups and SOP records of both
 * organisations, made through their own APIs; A aims at B's by id and must get 404.
 */
let scheduleCalls = 0;
let aSchedule: Record<string, string> = {};
const nextWindow = () => {
  const start = Date.UTC(2027, 1, 1, 12) + scheduleCalls++ * 86_400_000;
  return {
    plannedStart: new Date(start).toISOString(),
    plannedEnd: new Date(start + 3_600_000).toISOString(),
  };
};
const scheduleCases: Record<string, Case> = {
  'GET /api/v1/rooms': { kind: 'own' },
  'POST /api/v1/rooms': {
    kind: 'own',
    body: () => ({ name: `甲方直播间 ${scheduleCalls++}` }),
    expect: [201],
  },
  'PATCH /api/v1/rooms/{id}': { kind: 'foreign', resource: 'sched-room', body: () => ({ name: '甲方改名' }) },
  'GET /api/v1/anchors': { kind: 'own' },
  'POST /api/v1/anchors': { kind: 'own', body: () => ({ name: '甲方主播' }), expect: [201] },
  'PATCH /api/v1/anchors/{id}': {
    kind: 'foreign',
    resource: 'sched-anchor',
    body: () => ({ archived: true }),
  },
  'GET /api/v1/platform-accounts': { kind: 'own' },
  'POST /api/v1/platform-accounts': {
    kind: 'own',
    body: () => ({ platform: 'kuaishou', handle: `tenant_a_${scheduleCalls++}`, displayName: '甲方快手号' }),
    expect: [201],
  },
  'PATCH /api/v1/platform-accounts/{id}': {
    kind: 'foreign',
    resource: 'sched-account',
    body: () => ({ displayName: '甲方改名' }),
  },
  'GET /api/v1/live-sessions': { kind: 'own', query: 'from=2027-01-01T00:00:00Z&to=2027-03-01T00:00:00Z' },
  'POST /api/v1/live-sessions': {
    kind: 'own',
    body: () => ({ title: '甲方专场', ...aBooking(), ...nextWindow() }),
    expect: [201],
  },
  'GET /api/v1/live-sessions/{id}': { kind: 'foreign', resource: 'sched-session' },
  'PATCH /api/v1/live-sessions/{id}': {
    kind: 'foreign',
    resource: 'sched-session',
    body: () => ({ title: '甲方改名' }),
  },
  'DELETE /api/v1/live-sessions/{id}': { kind: 'foreign', resource: 'sched-session' },
  'POST /api/v1/live-sessions/{id}/status': {
    kind: 'foreign',
    resource: 'sched-session',
    body: () => ({ status: 'live' }),
  },
  'GET /api/v1/me/schedule': {
    kind: 'own',
    query: 'from=2027-01-01T00:00:00Z&to=2027-03-01T00:00:00Z',
    expect: [200, 403],
  },
  'GET /api/v1/recurring-schedules': { kind: 'own' },
  'POST /api/v1/recurring-schedules': {
    kind: 'own',
    body: () => ({
      title: '甲方日播',
      ...aBooking(),
      daysOfWeek: [1],
      startTime: '20:00',
      durationMinutes: 60,
      startsOn: '2027-01-04',
    }),
    expect: [201],
  },
  'GET /api/v1/recurring-schedules/{id}': { kind: 'foreign', resource: 'sched-recurring' },
  'POST /api/v1/recurring-schedules/{id}/generate': {
    kind: 'foreign',
    resource: 'sched-recurring',
    body: () => ({ from: '2027-01-04', to: '2027-01-10' }),
  },
  'GET /api/v1/live-sessions/{id}/lineup': { kind: 'foreign', resource: 'sched-session' },
  'GET /api/v1/live-sessions/{id}/lineup/validation': { kind: 'foreign', resource: 'sched-session' },
  'POST /api/v1/live-sessions/{id}/lineup/items': {
    kind: 'foreign',
    resource: 'sched-session',
    body: () => lineupItem,
  },
  'PUT /api/v1/live-sessions/{id}/lineup/order': {
    kind: 'foreign',
    resource: 'sched-session',
    body: (w) => ({ itemIds: [w.bIds['sched-lineup-item']] }),
  },
  'PATCH /api/v1/lineup-items/{id}': {
    kind: 'foreign',
    resource: 'sched-lineup-item',
    body: () => ({ explainMinutes: 1 }),
  },
  'DELETE /api/v1/lineup-items/{id}': { kind: 'foreign', resource: 'sched-lineup-item' },
  'GET /api/v1/live-sessions/{id}/requirements': { kind: 'foreign', resource: 'sched-session' },
  'PUT /api/v1/live-sessions/{id}/requirements': {
    kind: 'foreign',
    resource: 'sched-session',
    body: () => ({ items: [] }),
  },
  'GET /api/v1/sop-templates': { kind: 'own' },
  'POST /api/v1/sop-templates': {
    kind: 'own',
    body: () => ({ name: '甲方清单', tasks: [sopTask] }),
    expect: [201],
  },
  'GET /api/v1/sop-templates/{id}': { kind: 'foreign', resource: 'sop-template' },
  'PUT /api/v1/sop-templates/{id}': {
    kind: 'foreign',
    resource: 'sop-template',
    body: () => ({ name: '甲方改名', tasks: [sopTask] }),
  },
  'DELETE /api/v1/sop-templates/{id}': { kind: 'foreign', resource: 'sop-template' },
  'GET /api/v1/sop-runs': { kind: 'own' },
  'POST /api/v1/sop-runs': {
    kind: 'own',
    body: () => ({ templateId: aSchedule['sop-template'], roomId: aSchedule['sched-room'] }),
    expect: [201],
  },
  'GET /api/v1/sop-runs/{id}': { kind: 'foreign', resource: 'sop-run' },
  'POST /api/v1/sop-tasks/{id}/complete': { kind: 'foreign', resource: 'sop-task' },
  'POST /api/v1/sop-tasks/{id}/reopen': { kind: 'foreign', resource: 'sop-task' },
};
const lineupItem = {
  productId: 'prd_tenant_b',
  skuId: 'sku_tenant_b',
  explainMinutes: 5,
  livePriceFen: 9900,
  stockAllocation: 10,
};
const sopTask = { key: 'only', title: '唯一任务', ownerRole: 'operator', dueDay: 0 };
const scheduleListsOfB = (): string[] => [
  '/api/v1/rooms?includeArchived=true',
  '/api/v1/anchors?includeArchived=true',
  '/api/v1/platform-accounts?includeArchived=true',
  '/api/v1/live-sessions?from=2027-01-01T00:00:00Z&to=2027-03-01T00:00:00Z',
  '/api/v1/recurring-schedules',
  `/api/v1/live-sessions/${w.bIds['sched-session']}/lineup`,
  `/api/v1/live-sessions/${w.bIds['sched-session']}/requirements`,
  '/api/v1/sop-templates?includeArchived=true',
  `/api/v1/sop-runs/${w.bIds['sop-run']}`,
];

function aBooking(): { roomId: string; accountId: string; anchorIds: string[] } {
  return {
    roomId: aSchedule['sched-room'] ?? '',
    accountId: aSchedule['sched-account'] ?? '',
    anchorIds: [aSchedule['sched-anchor'] ?? ''],
  };
}

/** Both organisations' scheduling records, made through their own APIs; B's telling names are secrets. */
async function seedSchedules(w: World): Promise<void> {
  aSchedule = (await seedScheduleOf(w.a, '甲方')).ids;
  const b = await seedScheduleOf(w.b, '乙方');
  Object.assign(w.bIds, b.ids);
  w.bSecrets.push(...Object.values(b.ids), ...b.names);
}

async function seedScheduleOf(
  client: SessionClient,
  side: string,
): Promise<{ ids: Record<string, string>; names: string[] }> {
  const post = async <T>(url: string, payload: object, method: 'POST' | 'PUT' = 'POST'): Promise<T> => {
    const response = await client.request({ method, url, payload });
    if (response.statusCode >= 300)
      throw new Error(`seeding ${url}: ${response.statusCode} ${response.body}`);
    return response.json<T>();
  };
  const room = await post<{ id: string }>('/api/v1/rooms', { name: `${side}一号厅` });
  const account = await post<{ id: string }>('/api/v1/platform-accounts', {
    platform: 'douyin',
    handle: `${side}_douyin`,
    displayName: `${side}抖音号`,
  });
  const anchor = await post<{ id: string }>('/api/v1/anchors', { name: `${side}主播小红` });
  const booking = { roomId: room.id, accountId: account.id, anchorIds: [anchor.id] };
  const session = await post<{ id: string }>('/api/v1/live-sessions', {
    title: `${side}年货专场`,
    ...booking,
    plannedStart: '2027-01-05T12:00:00Z',
    plannedEnd: '2027-01-05T15:00:00Z',
  });
  const recurring = await post<{ id: string }>('/api/v1/recurring-schedules', {
    title: `${side}日播`,
    ...booking,
    daysOfWeek: [3],
    startTime: '20:00',
    durationMinutes: 120,
    startsOn: '2027-01-06',
  });
  const lineup = await post<{ items: { id: string }[] }>(`/api/v1/live-sessions/${session.id}/lineup/items`, {
    ...lineupItem,
    note: `${side}讲解脚本`,
  });
  await post(
    `/api/v1/live-sessions/${session.id}/requirements`,
    { items: [{ categories: [`${side}类目`], count: 3 }] },
    'PUT',
  );
  const template = await post<{ id: string }>('/api/v1/sop-templates', {
    name: `${side}开播清单`,
    tasks: [{ ...sopTask, title: `${side}任务` }],
  });
  const run = await post<{ id: string; tasks: { id: string }[] }>('/api/v1/sop-runs', {
    templateId: template.id,
    roomId: room.id,
  });
  return {
    ids: {
      'sched-room': room.id,
      'sched-account': account.id,
      'sched-anchor': anchor.id,
      'sched-session': session.id,
      'sched-recurring': recurring.id,
      'sched-lineup-item': lineup.items[0]?.id ?? 'none',
      'sop-template': template.id,
      'sop-run': run.id,
      'sop-task': run.tasks[0]?.id ?? 'none',
    },
    names: [
      `${side}一号厅`,
      `${side}_douyin`,
      `${side}抖音号`,
      `${side}主播小红`,
      `${side}年货专场`,
      `${side}日播`,
      `${side}讲解脚本`,
      `${side}类目`,
      `${side}开播清单`,
      `${side}任务`,
    ],
  };
}

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
  ...scheduleCases,
  ...commerceCases,
  ...selectionCases,
  'GET /api/v1/live/sessions': { kind: 'own' },
  'GET /api/v1/sessions/{id}/live': { kind: 'foreign', resource: 'live-session' },
  'GET /api/v1/sessions/{id}/live/stream': { kind: 'foreign', resource: 'live-session' },
  'GET /api/v1/dead-letters': { kind: 'own' },
  'GET /api/v1/dead-letters/{id}': { kind: 'foreign', resource: 'dead-letter' },
  'POST /api/v1/dead-letters/{id}/replay': { kind: 'foreign', resource: 'dead-letter' },
  'POST /api/v1/dead-letters/{id}/discard': { kind: 'foreign', resource: 'dead-letter' },
  // Collecting needs events:write: a session gets 403, A's admin key writes into A only. An
  // event that names B is dead-lettered in A, never stored in B (see collector.int.test.ts).
  'POST /collect/v1/events': { kind: 'own', body: (w) => [collectedEvent(w.b.orgId)], expect: [200, 403] },
  ...Object.fromEntries(
    (['batch', 'track', 'identify', 'page', 'screen', 'group', 'alias'] as const).map((call) => [
      `POST /v1/${call}`,
      { kind: 'own', body: () => segmentCall(call), expect: [200, 403] } satisfies Case,
    ]),
  ),
};

function collectedEvent(orgId: string): Record<string, unknown> {
  return {
    id: 'evt_tenancy',
    type: 'like',
    orgId,
    occurredAt: Date.now(),
    accountId: 'acc_a',
    sessionId: 'ses_a',
    platformUserId: 'dy_a',
  };
}

function segmentCall(call: string): Record<string, unknown> {
  const message = {
    type: call === 'batch' ? 'track' : call,
    messageId: `seg_tenancy_${call}`,
    userId: 'u_a',
    event: 'Tenancy Checked',
  };
  return call === 'batch' ? { batch: [message] } : message;
}

let w: World;

async function snapshotOfB(): Promise<string> {
  const parts = await Promise.all(
    ['/api/v1/org', '/api/v1/staff', '/api/v1/api-keys', '/api/v1/dead-letters']
      .concat(scheduleListsOfB(), commerceListsOfB(w), selectionListsOfB(w))
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
  const t = await createTestApp('pglite');
  const seededA = await seedOrg(t.access, 'tenant-a', '甲方直播');
  const seededB = await seedOrg(t.access, 'tenant-b', '乙方直播');
  const system = { type: 'system' as const, id: null };
  const bStaff = await t.access.staff.onboard(
    seededB.orgId,
    { email: 'anchor@tenant-b.test', name: '乙主播', role: 'anchor', password: 'anchor-b-password' },
    system,
  );
  const bKey = await t.access.apiKeys.create(
    seededB.orgId,
    { name: '乙采集', purpose: 'collector', source: 'douyin' },
    system,
  );
  const aKey = await t.access.apiKeys.create(seededA.orgId, { name: '甲脚本', purpose: 'admin' }, system);
  // B's live session, with numbers and a comment that must never reach A.
  const at = Date.now();
  const bLive = {
    orgId: seededB.orgId,
    source: 'douyin' as const,
    accountId: 'acc_tenant_b',
    sessionId: 'ses_tenant_b_live',
    schemaVersion: 1 as const,
    receivedAt: at,
    properties: {},
  };
  await t.services.events.insert([
    { ...bLive, id: 'evt_b_1', type: 'room.enter', occurredAt: at, platformUserId: 'dy_b_viewer' },
    {
      ...bLive,
      id: 'evt_b_2',
      type: 'order.pay',
      occurredAt: at + 1,
      platformUserId: 'dy_b_viewer',
      orderId: 'ord_b',
      amountFen: 8_888_888,
    },
    {
      ...bLive,
      id: 'evt_b_3',
      type: 'comment',
      occurredAt: at + 2,
      platformUserId: 'dy_b_viewer',
      properties: { text: '乙方直播间弹幕' },
    },
  ]);
  // B's dead letter, with a detail that must never reach A.
  const bDead = await t.services.collection.collector.ingest(
    { orgId: seededB.orgId, keyId: bKey.id, source: 'douyin' },
    Buffer.from(
      JSON.stringify([{ id: 'evt_b_dead', type: 'room.explode', platformUserId: 'dy_b_dead_letter' }]),
    ),
    'application/json',
  );
  w = {
    t,
    a: await signIn(t.app, seededA.email, seededA.password),
    aKeySecret: aKey.secret,
    b: await signIn(t.app, seededB.email, seededB.password),
    bIds: {
      staff: bStaff.id,
      'api-keys': bKey.id,
      'live-session': 'ses_tenant_b_live',
      'dead-letter': bDead.rejected[0]?.deadLetterId ?? 'none',
    },
    bSecrets: [
      seededB.orgId,
      'tenant-b',
      '乙方直播',
      '乙主播',
      'anchor@tenant-b.test',
      seededB.email,
      bStaff.id,
      bStaff.userId,
      bKey.id,
      bKey.prefix,
      'acc_tenant_b',
      'dy_b_viewer',
      '8888888',
      '乙方直播间弹幕',
      'dy_b_dead_letter',
    ],
  };
  await seedSchedules(w);
  await seedCommerceOfB(w);
  await seedSelectionOfB(w);
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
          c.kind === 'foreign'
            ? template.replace(
                /\{(\w+)\}/g,
                (_, name: string) => w.bIds[c.params?.[name] ?? c.resource] ?? 'missing-resource-id',
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
          expect(response.statusCode, `${operation} on B's record`).toBe(404);
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
});
