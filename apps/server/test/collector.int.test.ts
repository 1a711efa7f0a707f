import { gzipSync } from 'node:zlib';
import { newId } from '@livecloud/core';
import {
  eventSelectList,
  fromEventRow,
  scopeToOrg,
  type EventRow,
  type StoredEvent,
} from '@livecloud/events';
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

const system = { type: 'system' as const, id: null };
let t: TestApp;
let limited: TestApp;
let orgId: string;
let writeKey: string;
let adminKey: string;
let admin: SessionClient;

function like(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    type: 'like',
    occurredAt: '2026-03-14T20:00:00.000+08:00',
    accountId: 'acc_1',
    sessionId: 'ses_1',
    platformUserId: `dy_${id}`,
    ...overrides,
  };
}

function post(
  app: TestApp,
  url: string,
  payload: string | Buffer,
  headers: Record<string, string>,
): Promise<LightMyRequestResponse> {
  return app.app.inject({ method: 'POST', url, payload, headers });
}

function collect(
  payload: unknown,
  headers: Record<string, string> = {},
  key = writeKey,
  app = t,
): Promise<LightMyRequestResponse> {
  const body = typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : JSON.stringify(payload);
  return post(app, '/collect/v1/events', body, {
    authorization: `Bearer ${key}`,
    'content-type': 'application/json',
    ...headers,
  });
}

function basic(key: string): string {
  return `Basic ${Buffer.from(`${key}:`).toString('base64')}`;
}

async function stored(org = orgId): Promise<StoredEvent[]> {
  const store = t.services.events;
  const rows = await scopeToOrg(store, org).query<EventRow>(
    `SELECT ${eventSelectList} FROM ${store.tables.events} FINAL WHERE org_id = {orgId:String} ORDER BY occurred_at, id`,
  );
  return rows.map(fromEventRow);
}

async function storedIds(org = orgId): Promise<string[]> {
  return (await stored(org)).map((e) => e.id).sort();
}

beforeAll(async () => {
  t = await createTestApp('pglite');
  limited = await createTestApp('postgres', {
    config: {
      collectorBodyLimitBytes: 32 * 1024,
      collectorRateLimitPerSecond: 1,
      collectorRateLimitBurst: 2,
    },
  });
  const seeded = await seedOrg(t.access, 'collect', '采集测试');
  orgId = seeded.orgId;
  writeKey = (
    await t.access.apiKeys.create(orgId, { name: '抖音采集', purpose: 'collector', source: 'douyin' }, system)
  ).secret;
  adminKey = (await t.access.apiKeys.create(orgId, { name: '脚本', purpose: 'admin' }, system)).secret;
  admin = await signIn(t.app, seeded.email, seeded.password);
});
afterAll(async () => {
  await t.close();
  await limited.close();
  await closeTestEventStore();
});

describe('native collector POST /collect/v1/events', () => {
  it('stores a JSON batch under the key’s organisation and source', async () => {
    const res = await collect([like('b1'), like('b2')]);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
    const events = (await stored()).filter((e) => e.id.startsWith('b'));
    expect(events.map((e) => [e.id, e.orgId, e.source])).toEqual([
      ['b1', orgId, 'douyin'],
      ['b2', orgId, 'douyin'],
    ]);
  });

  it('reads NDJSON and a gzip body', async () => {
    const ndjson = [like('n1'), like('n2')].map((e) => JSON.stringify(e)).join('\n');
    expect((await collect(ndjson, { 'content-type': 'application/x-ndjson' })).json()).toMatchObject({
      accepted: 2,
    });
    const gz = await collect(gzipSync(JSON.stringify([like('g1')])), { 'content-encoding': 'gzip' });
    expect(gz.json()).toMatchObject({ accepted: 1 });
    expect(await storedIds()).toEqual(expect.arrayContaining(['n1', 'n2', 'g1']));
  });

  it('takes the valid rest of a batch and reports the rejected items with their dead letters', async () => {
    const res = await collect([
      like('p1'),
      like('p2', { amountFen: 1.5, type: 'order.pay', orderId: 'o' }),
      like('p3'),
    ]);
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      accepted: number;
      rejected: { index: number; id: string; reason: string; deadLetterId: string }[];
    }>();
    expect(body.accepted).toBe(2);
    expect(body.rejected).toHaveLength(1);
    expect(body.rejected[0]).toMatchObject({ index: 1, id: 'p2' });
    expect(body.rejected[0]?.reason).toContain('amountFen');
    expect(body.rejected[0]?.deadLetterId).toMatch(/^dlt_/);
    expect(await storedIds()).toEqual(expect.arrayContaining(['p1', 'p3']));
    expect(await storedIds()).not.toContain('p2');
  });

  it('counts two identical batches once', async () => {
    const batch = [like('d1'), like('d2', { type: 'order.pay', orderId: 'o-d2', amountFen: 990 })];
    expect((await collect(batch)).json()).toMatchObject({ accepted: 2, duplicates: 0 });
    expect((await collect(batch)).json()).toMatchObject({ accepted: 0, duplicates: 2 });
    const [paid] = await scopeToOrg(t.services.events, orgId).query<{ n: string; fen: string }>(
      `SELECT count() AS n, sum(amount_fen) AS fen FROM ${t.services.events.tables.events} WHERE org_id = {orgId:String} AND id IN {ids:Array(String)}`,
      { ids: ['d1', 'd2'] },
    );
    expect(paid).toEqual({ n: '2', fen: '990' });
  });

  it('lets an admin key write too, with the source named in the event', async () => {
    const res = await collect([like('adm1', { source: 'kuaishou' })], {}, adminKey);
    expect(res.json()).toMatchObject({ accepted: 1 });
    expect((await stored()).find((e) => e.id === 'adm1')?.source).toBe('kuaishou');
  });

  it('answers a wrong key with 401, a staff session with 403 and malformed JSON with 400', async () => {
    const wrong = await collect([like('w1')], {}, 'lc_wk_not_a_key');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ error: { code: 'invalid_api_key' } });
    const none = await post(t, '/collect/v1/events', JSON.stringify([like('w2')]), {
      'content-type': 'application/json',
    });
    expect(none.statusCode).toBe(401);
    const staff = await admin.request({ method: 'POST', url: '/collect/v1/events', payload: [like('w3')] });
    expect(staff.statusCode).toBe(403);
    expect(staff.json()).toMatchObject({ error: { code: 'forbidden' } });
    const malformed = await collect('[{"id": "m1",');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ error: { code: 'malformed_json' } });
    const xml = await collect('<e/>', { 'content-type': 'application/xml' });
    expect(xml.statusCode).toBe(415);
    expect(await storedIds()).not.toEqual(expect.arrayContaining(['w1', 'w2', 'w3', 'm1']));
  });

  it('answers an oversized body with 413, also when it only grows past the limit after gunzip', async () => {
    const key = (
      await limited.access.apiKeys.create(
        (await seedOrg(limited.access, 'big', '大包')).orgId,
        { name: 'k', purpose: 'collector', source: 'sdk' },
        system,
      )
    ).secret;
    const big = JSON.stringify(
      Array.from({ length: 400 }, (_, i) => like(`big-${i}`, { properties: { pad: 'x'.repeat(100) } })),
    );
    const res = await collect(big, {}, key, limited);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    const bomb = await collect(gzipSync(big), { 'content-encoding': 'gzip' }, key, limited);
    expect(bomb.statusCode).toBe(413);
  });

  it('answers 429 with Retry-After once a key exceeds its rate', async () => {
    const key = (
      await limited.access.apiKeys.create(
        (await seedOrg(limited.access, 'rate', '限流')).orgId,
        { name: 'k', purpose: 'collector', source: 'sdk' },
        system,
      )
    ).secret;
    const codes: number[] = [];
    let limitedResponse: LightMyRequestResponse | undefined;
    for (let i = 0; i < 4; i++) {
      const res = await collect([like(`rl-${i}`)], {}, key, limited);
      codes.push(res.statusCode);
      if (res.statusCode === 429) limitedResponse = res;
    }
    expect(codes.slice(0, 2)).toEqual([200, 200]);
    expect(codes).toContain(429);
    expect(limitedResponse?.json()).toMatchObject({ error: { code: 'rate_limited' } });
    expect(Number(limitedResponse?.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });
});

describe('Segment-compatible API', () => {
  it('takes an analytics-node style /v1/batch with the write key as Basic user and answers { success: true }', async () => {
    const res = await post(
      t,
      '/v1/batch',
      JSON.stringify({
        batch: [
          {
            type: 'track',
            messageId: 'seg-b1',
            event: 'Live Room Entered',
            userId: 'u-1',
            timestamp: '2026-03-14T12:00:00.000Z',
            properties: { room: '1号间' },
          },
          {
            type: 'identify',
            messageId: 'seg-b2',
            userId: 'u-1',
            traits: { city: '杭州' },
            timestamp: '2026-03-14T12:00:01.000Z',
          },
          {
            type: 'group',
            messageId: 'seg-b3',
            userId: 'u-1',
            groupId: 'g-1',
            timestamp: '2026-03-14T12:00:02.000Z',
          },
        ],
        sentAt: new Date().toISOString(),
      }),
      { authorization: basic(writeKey), 'content-type': 'application/json' },
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ success: true });
    const events = (await stored()).filter((e) => e.id.startsWith('seg-b'));
    expect(
      events.map((e) => [e.id, e.type, e.properties['event'] ?? e.properties['segmentType'] ?? null]),
    ).toEqual([
      ['seg-b1', 'track', 'Live Room Entered'],
      ['seg-b2', 'identify', null],
      ['seg-b3', 'track', 'group'],
    ]);
    expect(events[1]?.properties['traits']).toEqual({ city: '杭州' });
  });

  it('answers each single call, and 401 for a wrong write key', async () => {
    for (const [call, extra] of [
      ['track', { event: 'Clicked' }],
      ['page', { name: 'Home' }],
      ['screen', { name: 'Room' }],
      ['identify', { traits: { vip: true } }],
      ['alias', { previousId: 'anon-9' }],
      ['group', { groupId: 'g' }],
    ] as const) {
      const res = await post(
        t,
        `/v1/${call}`,
        JSON.stringify({ messageId: `seg-${call}`, userId: 'u-2', ...extra }),
        {
          authorization: basic(writeKey),
          'content-type': 'application/json',
        },
      );
      expect(res.statusCode, call).toBe(200);
    }
    expect(await storedIds()).toEqual(
      expect.arrayContaining([
        'seg-track',
        'seg-page',
        'seg-screen',
        'seg-identify',
        'seg-alias',
        'seg-group',
      ]),
    );
    const wrong = await post(t, '/v1/track', JSON.stringify({ event: 'x', userId: 'u' }), {
      authorization: basic('nope'),
      'content-type': 'application/json',
    });
    expect(wrong.statusCode).toBe(401);
  });
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
    const theirs = (await collect([like('x', { type: 'nope' })], {}, otherKey)).json<{
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
    expect(await storedIds(other.orgId)).toEqual([]);
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
