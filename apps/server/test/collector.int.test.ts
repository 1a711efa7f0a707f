import { gzipSync } from 'node:zlib';
import { scopeToOrg, type StoredEvent } from '@livecloud/events';
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
import { collectTo, like, post, storedIn } from './collector-http-fixture.js';

const system = { type: 'system' as const, id: null };
let t: TestApp;
let limited: TestApp;
let orgId: string;
let writeKey: string;
let adminKey: string;
let admin: SessionClient;

function collect(
  payload: unknown,
  headers: Record<string, string> = {},
  key = writeKey,
  app = t,
): Promise<LightMyRequestResponse> {
  return collectTo(app, key, payload, headers);
}

function basic(key: string): string {
  return `Basic ${Buffer.from(`${key}:`).toString('base64')}`;
}

const stored = (org = orgId): Promise<StoredEvent[]> => storedIn(t, org);

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
    // Only the user name carries the key: a password beside it is refused, not ignored.
    const withPassword = await post(t, '/v1/track', JSON.stringify({ event: 'x', userId: 'u' }), {
      authorization: `Basic ${Buffer.from(`${writeKey}:hunter2`).toString('base64')}`,
      'content-type': 'application/json',
    });
    expect(withPassword.statusCode).toBe(401);
    expect(withPassword.json()).toMatchObject({ error: { code: 'basic_password_not_empty' } });
  });
});
