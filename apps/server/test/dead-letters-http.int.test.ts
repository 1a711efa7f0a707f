import { newId } from '@livecloud/core';
import type { StoredEvent } from '@livecloud/events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectTo, like, storedIn } from './collector-http-fixture.js';
import {
  closeTestEventStore,
  createTestApp,
  seedOrg,
  signIn,
  type SessionClient,
  type TestApp,
} from './test-app.js';

/* Dead letters over HTTP: list, replay, discard, who may, and the audit entries they leave. */
const system = { type: 'system' as const, id: null };
let t: TestApp;
let orgId: string;
let writeKey: string;
let admin: SessionClient;

const collect = (payload: unknown, key = writeKey) => collectTo(t, key, payload);
const stored = (org = orgId): Promise<StoredEvent[]> => storedIn(t, org);

beforeAll(async () => {
  t = await createTestApp('pglite');
  const seeded = await seedOrg(t.access, 'letters', '死信测试');
  orgId = seeded.orgId;
  writeKey = (
    await t.access.apiKeys.create(orgId, { name: '抖音采集', purpose: 'collector', source: 'douyin' }, system)
  ).secret;
  admin = await signIn(t.app, seeded.email, seeded.password);
});
afterAll(async () => {
  await t.close();
  await closeTestEventStore();
});

describe('dead letters over HTTP', () => {
  it('lists a rejected event and replays it; a letter that now passes is stored once', async () => {
    const rejected = await collect([like('dl-1', { trafficSource: 42 })]);
    const deadLetterId = rejected.json<{ rejected: { deadLetterId: string }[] }>().rejected[0]!.deadLetterId;
    const list = await admin.request({ method: 'GET', url: '/api/v1/dead-letters?status=new' });
    expect(list.statusCode).toBe(200);
    expect(list.json<{ items: { id: string }[] }>().items.map((d) => d.id)).toContain(deadLetterId);
    const one = await admin.request({ method: 'GET', url: `/api/v1/dead-letters/${deadLetterId}` });
    expect(one.json()).toMatchObject({
      id: deadLetterId,
      eventId: 'dl-1',
      status: 'new',
      payload: { id: 'dl-1', trafficSource: 42 },
    });

    const again = await admin.request({ method: 'POST', url: `/api/v1/dead-letters/${deadLetterId}/replay` });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ status: 'new', attempts: 1, replayResult: { outcome: 'rejected' } });

    // A letter kept by an earlier, stricter version: its payload passes today.
    const kept = newId('dlt');
    await t.services.records.db
      .insertInto('dead_letters')
      .values({
        id: kept,
        org_id: orgId,
        received_at: new Date(),
        source: 'douyin',
        key_id: null,
        event_id: 'dl-2',
        reason: 'old rule',
        issues: '[]',
        payload: JSON.stringify(like('dl-2')),
        payload_text: null,
      })
      .execute();
    const replayed = await admin.request({ method: 'POST', url: `/api/v1/dead-letters/${kept}/replay` });
    expect(replayed.json()).toMatchObject({
      status: 'replayed',
      replayResult: { outcome: 'ingested', eventId: 'dl-2' },
    });
    expect((await stored()).filter((e) => e.id === 'dl-2')).toHaveLength(1);
    const twice = await admin.request({ method: 'POST', url: `/api/v1/dead-letters/${kept}/replay` });
    expect(twice.statusCode).toBe(409);

    const discarded = await admin.request({
      method: 'POST',
      url: `/api/v1/dead-letters/${deadLetterId}/discard`,
    });
    expect(discarded.json()).toMatchObject({ status: 'discarded' });

    // Both are in the audit log, under the person who did them, and the log filters to them.
    const audit = await admin.request({ method: 'GET', url: '/api/v1/audit?action=dead_letter.*' });
    expect(
      audit
        .json<{ items: { action: string; targetId: string; actorType: string }[] }>()
        .items.map((e) => [e.action, e.targetId, e.actorType]),
    ).toEqual([
      ['dead_letter.discard', deadLetterId, 'user'],
      ['dead_letter.replay', kept, 'user'],
      ['dead_letter.replay', deadLetterId, 'user'],
    ]);
    const bad = await admin.request({ method: 'GET', url: '/api/v1/audit?action=DROP%20TABLE' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'invalid_request' } });
  });

  it('lets an analyst read but not replay, and keeps a collector key out', async () => {
    await t.access.staff.onboard(
      orgId,
      { email: 'analyst@collect.test', name: '分析', role: 'analyst', password: 'analyst-password-1' },
      system,
    );
    const analyst = await signIn(t.app, 'analyst@collect.test', 'analyst-password-1');
    const list = await analyst.request({ method: 'GET', url: '/api/v1/dead-letters' });
    expect(list.statusCode).toBe(200);
    const id = list.json<{ items: { id: string }[] }>().items[0]!.id;
    expect(
      (await analyst.request({ method: 'POST', url: `/api/v1/dead-letters/${id}/replay` })).statusCode,
    ).toBe(403);
    const byKey = await t.app.inject({
      method: 'GET',
      url: '/api/v1/dead-letters',
      headers: { authorization: `Bearer ${writeKey}` },
    });
    expect(byKey.statusCode).toBe(403);
  });

  it('never shows or changes another organisation’s dead letters', async () => {
    const other = await seedOrg(t.access, 'collect-b', '别家采集');
    const otherKey = (
      await t.access.apiKeys.create(other.orgId, { name: 'k', purpose: 'collector', source: 'sdk' }, system)
    ).secret;
    const theirs = (await collect([like('x', { type: 'nope' })], otherKey)).json<{
      rejected: { deadLetterId: string }[];
    }>().rejected[0]!.deadLetterId;
    for (const [method, url] of [
      ['GET', `/api/v1/dead-letters/${theirs}`],
      ['POST', `/api/v1/dead-letters/${theirs}/replay`],
      ['POST', `/api/v1/dead-letters/${theirs}/discard`],
    ] as const) {
      expect((await admin.request({ method, url })).statusCode, `${method} ${url}`).toBe(404);
    }
    const mine = await admin.request({ method: 'GET', url: '/api/v1/dead-letters?limit=200' });
    expect(mine.json<{ items: { id: string }[] }>().items.map((d) => d.id)).not.toContain(theirs);
    // An event naming the other organisation stays in the sender's dead letters.
    const cross = await collect([like('cross-1', { orgId: other.orgId })]);
    const crossBody = cross.json<{ accepted: number; rejected: { reason: string }[] }>();
    expect(crossBody.accepted).toBe(0);
    expect(crossBody.rejected[0]?.reason).toMatch(/^org_mismatch/);
    expect(await stored(other.orgId)).toEqual([]);
  });

  it('documents every collection route in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json<{
      paths: Record<string, unknown>;
    }>();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/collect/v1/events',
        '/v1/batch',
        '/v1/track',
        '/v1/alias',
        '/api/v1/dead-letters',
        '/api/v1/dead-letters/{id}/replay',
      ]),
    );
  });
});

describe('editing and replaying dead letters refuses what it cannot take', () => {
  const bad: [string, string, unknown][] = [
    ['ids and a filter together', '/api/v1/dead-letters/replay', { ids: ['dlt_1'], q: 'type' }],
    [
      'more than 200 ids',
      '/api/v1/dead-letters/replay',
      { ids: Array.from({ length: 201 }, (_, i) => `dlt_${i}`) },
    ],
    ['an empty id list', '/api/v1/dead-letters/replay', { ids: [] }],
    ['a limit of a million', '/api/v1/dead-letters/replay', { limit: 1_000_000 }],
    ['a correction that is not an object', '/api/v1/dead-letters/dlt_x/replay', { payload: [1, 2] }],
    ['a correction with a NUL', '/api/v1/dead-letters/dlt_x/replay', { payload: { id: 'a\u0000' } }],
  ];
  it.each(bad)('answers 400 for %s', async (_name, url, payload) => {
    const response = await admin.request({ method: 'POST', url, payload: payload as object });
    expect(response.statusCode).toBe(400);
    expect(['invalid_request', 'nul_byte']).toContain(
      response.json<{ error: { code: string } }>().error.code,
    );
  });

  it('answers a bulk replay of unknown ids with not_found for each, and 404 for one unknown letter', async () => {
    const bulk = await admin.request({
      method: 'POST',
      url: '/api/v1/dead-letters/replay',
      payload: { ids: ['dlt_nope'] },
    });
    expect(bulk.statusCode).toBe(200);
    expect(bulk.json()).toMatchObject({ results: [{ id: 'dlt_nope', outcome: 'not_found' }] });
    const one = await admin.request({
      method: 'POST',
      url: '/api/v1/dead-letters/dlt_nope/replay',
      payload: { payload: {} },
    });
    expect(one.statusCode).toBe(404);
  });
});
