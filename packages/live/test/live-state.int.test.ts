import { newId } from '@livecloud/core';
import type { StoredEvent } from '@livecloud/events';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryLiveState, createRedisLiveState, type LiveStateStore } from '../src/index.js';
import { generateSession, seededRandom } from './session-generator.js';

const redisUrl = process.env['REDIS_TEST_URL'] ?? 'redis://127.0.0.1:6379/15';
const t0 = Date.UTC(2026, 2, 14, 20, 0, 0);
let seq = 0;

function ev(type: StoredEvent['type'], at: number, extra: Partial<StoredEvent> = {}): StoredEvent {
  seq++;
  return {
    id: `evt_${String(seq).padStart(5, '0')}`,
    type,
    schemaVersion: 1,
    occurredAt: at,
    receivedAt: at,
    orgId: 'org_s',
    source: 'douyin',
    accountId: 'acc_s',
    sessionId: 'ses_s',
    platformUserId: `dy_${seq}`,
    properties: {},
    ...extra,
  };
}

interface Harness {
  name: string;
  open(): LiveStateStore;
  cleanup(): Promise<void>;
}

const prefixes: string[] = [];
const opened: LiveStateStore[] = [];
const memoryHarness: Harness = {
  name: 'memory',
  open: () => createMemoryLiveState(),
  cleanup: async () => {},
};
const redisHarness: Harness = {
  name: 'Redis',
  open() {
    const prefix = `lc:test:${newId('t')}:`;
    prefixes.push(prefix);
    const store = createRedisLiveState({ url: redisUrl, keyPrefix: prefix });
    opened.push(store);
    return store;
  },
  async cleanup() {
    const admin = new Redis(redisUrl);
    for (const prefix of prefixes) {
      const keys = await admin.keys(`${prefix}*`);
      if (keys.length > 0) await admin.del(...keys);
    }
    await admin.quit();
  },
};

afterAll(async () => {
  await redisHarness.cleanup();
  await Promise.all(opened.map((s) => s.close()));
});

for (const h of [memoryHarness, redisHarness]) {
  describe(`live state on ${h.name}`, () => {
    it('counts a redelivered event once, whether alone or inside a larger batch', async () => {
      const state = h.open();
      const pay = ev('order.pay', t0, { orderId: 'ord_1', amountFen: 9_900, productId: 'prd_1' });
      const enter = ev('room.enter', t0 - 5_000);
      expect(await state.apply([pay, enter])).toMatchObject({
        applied: 2,
        duplicates: 0,
        sessions: [{ orgId: 'org_s', sessionId: 'ses_s' }],
      });
      expect(await state.apply([pay])).toMatchObject({ applied: 0, duplicates: 1, sessions: [] });
      expect(await state.apply([{ ...enter }, ev('like', t0), pay])).toMatchObject({
        applied: 1,
        duplicates: 2,
      });
      const snapshot = await state.snapshot('org_s', 'ses_s');
      expect(snapshot?.totals).toMatchObject({
        gmvFen: 9_900,
        paidOrders: 1,
        buyers: 1,
        pv: 1,
        uv: 1,
        likes: 1,
      });
      expect(snapshot?.eventCount).toBe(3);
      expect(await state.eventCount('org_s', 'ses_s')).toBe(3);
      await state.drop('org_s', 'ses_s');
    });

    it('ignores events that are not live events of a session, and keeps sessions and organisations apart', async () => {
      const state = h.open();
      const result = await state.apply([
        ev('track', t0, { sessionId: undefined, accountId: undefined }),
        ev('room.enter', t0, { sessionId: undefined }),
        ev('room.enter', t0),
        ev('room.enter', t0, { orgId: 'org_t' }),
        ev('room.enter', t0, { sessionId: 'ses_other' }),
      ]);
      expect(result).toMatchObject({ applied: 3, ignored: 2 });
      expect(result.sessions).toHaveLength(3);
      expect((await state.snapshot('org_s', 'ses_s'))?.totals.pv).toBe(1);
      expect(await state.snapshot('org_s', 'ses_nothing')).toBeNull();
      expect(await state.eventCount('org_s', 'ses_nothing')).toBe(0);
      for (const [org, ses] of [
        ['org_s', 'ses_s'],
        ['org_t', 'ses_s'],
        ['org_s', 'ses_other'],
      ] as const)
        await state.drop(org, ses);
    });

    it('gives the same snapshot whatever order the events arrive in', async () => {
      const { events } = generateSession({
        orgId: 'org_o',
        accountId: 'acc',
        sessionId: 'ses_o',
        startAt: t0,
        minutes: 8,
        viewers: 150,
        seed: 3,
      });
      const rnd = seededRandom(11);
      const shuffled = [...events].sort(() => rnd() - 0.5);
      const a = h.open();
      const b = h.open();
      await a.apply([...events].sort((x, y) => x.occurredAt - y.occurredAt));
      for (let i = shuffled.length - 1; i >= 0; i -= 17)
        await b.apply(shuffled.slice(Math.max(0, i - 16), i + 1));
      const [sa, sb] = await Promise.all([a.snapshot('org_o', 'ses_o'), b.snapshot('org_o', 'ses_o')]);
      expect(sa).not.toBeNull();
      expect(sb).toEqual(sa);
    });

    it('defines peak online per second and lets a late entry raise an earlier peak', async () => {
      const state = h.open();
      const s = (n: number, ms = 0): number => t0 + n * 1_000 + ms;
      await state.apply([
        ev('room.enter', s(0)),
        ev('room.enter', s(0, 10)),
        ev('room.enter', s(0, 20)),
        ev('room.leave', s(1), { properties: { dwellMs: 1_000 } }),
        // In and out within second 3: never online at a second's end.
        ev('room.enter', s(3, 100)),
        ev('room.leave', s(3, 900), { properties: { dwellMs: 800 } }),
        ev('room.enter', s(70)),
      ]);
      expect((await state.snapshot('org_s', 'ses_s'))?.totals).toMatchObject({ peakOnline: 3, onlineNow: 3 });
      await state.apply([ev('room.enter', s(0, 999)), ev('room.enter', s(2))]);
      const after = await state.snapshot('org_s', 'ses_s');
      expect(after?.totals).toMatchObject({ peakOnline: 5, onlineNow: 5, pv: 7, exits: 2, bounces: 2 });
      expect(after?.series.map((m) => m.onlineAtEnd)).toEqual([4, 5]);
      await state.drop('org_s', 'ses_s');
    });

    it('pairs plain leaves with their entries and counts open visits to the last event, in any order', async () => {
      const a = h.open();
      const b = h.open();
      const who = (platformUserId: string) => ({ platformUserId });
      const events = [
        ev('room.enter', t0, who('v1')),
        ev('room.leave', t0 + 90_000, who('v1')),
        ev('room.enter', t0 + 10_000, who('v2')),
        ev('room.leave', t0 + 11_000, who('v2')),
        ev('room.enter', t0 + 20_000, who('v2')),
        ev('room.enter', t0 + 40_000, who('v3')),
        ev('room.leave', t0 + 50_000, { ...who('v4'), properties: {} }),
        ev('like', t0 + 130_000, who('v3')),
      ];
      await a.apply(events);
      for (const e of [...events].reverse()) await b.apply([e]);
      await b.apply(events.slice(2));
      const [sa, sb] = await Promise.all([a.snapshot('org_s', 'ses_s'), b.snapshot('org_s', 'ses_s')]);
      expect(sb).toEqual(sa);
      // v1 90 s; v2 1 s (a bounce), then open 110 s; v3 open 90 s; v4's entry is not in the session.
      expect(sa?.totals).toMatchObject({
        pv: 4,
        exits: 3,
        totalDwellMs: 291_000,
        bounces: 1,
        oneMinuteViews: 3,
      });
      expect(sa?.series.at(-1)?.cumulative.oneMinuteViews).toBe(3);
      await a.drop('org_s', 'ses_s');
    });

    it('keeps the 50 latest comments, and a late old comment does not push a newer one out', async () => {
      const state = h.open();
      const comments = Array.from({ length: 60 }, (_, i) =>
        ev('comment', t0 + i * 1_000, { properties: { text: `第${i}条`, nickname: `观众${i}` } }),
      );
      await state.apply(comments.slice(5));
      await state.apply([ev('comment', t0 - 60_000, { properties: { text: '迟到' } })]);
      await state.apply(comments.slice(0, 5));
      const snapshot = await state.snapshot('org_s', 'ses_s');
      expect(snapshot?.totals.comments).toBe(61);
      expect(snapshot?.comments).toHaveLength(50);
      expect(snapshot?.comments[0]).toMatchObject({
        text: '第59条',
        nickname: '观众59',
        occurredAt: t0 + 59_000,
      });
      expect(snapshot?.comments.at(-1)?.text).toBe('第10条');
      await state.drop('org_s', 'ses_s');
    });

    it('names the product explained now, and none once its segment ends', async () => {
      const state = h.open();
      await state.apply([
        ev('explain.start', t0, { productId: 'prd_a' }),
        ev('explain.start', t0 + 60_000, { productId: 'prd_b' }),
      ]);
      expect((await state.snapshot('org_s', 'ses_s'))?.explaining).toEqual({
        productId: 'prd_b',
        since: t0 + 60_000,
      });
      await state.apply([ev('explain.end', t0 + 59_000, { productId: 'prd_a' })]);
      expect((await state.snapshot('org_s', 'ses_s'))?.explaining?.productId).toBe('prd_b');
      await state.apply([ev('explain.end', t0 + 120_000)]);
      expect((await state.snapshot('org_s', 'ses_s'))?.explaining).toBeNull();
      await state.drop('org_s', 'ses_s');
    });

    it('sums large amounts to the fen, in one batch and across batches', async () => {
      const state = h.open();
      // Redis sums a batch inside its script in doubles, exact only while a sum stays small:
      // amounts and totals past that must still come out to the fen.
      const amounts = [...Array.from({ length: 9 }, () => 2 ** 49 + 1), 2 ** 51 + 1, 7];
      const pays = amounts.map((amountFen, i) =>
        ev('order.pay', t0 + i * 1_000, { orderId: `ord_big_${i}`, amountFen, productId: 'prd_big' }),
      );
      await state.apply(pays.slice(0, 10));
      await state.apply(pays.slice(8));
      const expected = amounts.reduce((sum, a) => sum + BigInt(a), 0n);
      expect(expected).toBeLessThan(BigInt(Number.MAX_SAFE_INTEGER));
      const snapshot = await state.snapshot('org_s', 'ses_s');
      expect(BigInt(snapshot?.totals.gmvFen ?? 0)).toBe(expected);
      expect(BigInt(snapshot?.products.find((p) => p.productId === 'prd_big')?.gmvFen ?? 0)).toBe(expected);
      expect(snapshot?.totals.paidOrders).toBe(amounts.length);
      await state.drop('org_s', 'ses_s');
    });
  });
}

describe('live state on Redis shared by several processes', () => {
  it('shows one view when two processes apply overlapping parts of the stream at once', async () => {
    const prefix = `lc:test:${newId('t')}:`;
    prefixes.push(prefix);
    const first = createRedisLiveState({ url: redisUrl, keyPrefix: prefix });
    const second = createRedisLiveState({ url: redisUrl, keyPrefix: prefix, maxEventsPerCall: 37 });
    opened.push(first, second);
    const { events } = generateSession({
      orgId: 'org_p',
      accountId: 'acc',
      sessionId: 'ses_p',
      startAt: t0,
      minutes: 6,
      viewers: 200,
      seed: 5,
    });
    const half = Math.floor(events.length / 2);
    // Each process gets its half plus a stretch of the other's, as after a consumer rebalance.
    const results = await Promise.all([
      first.apply(events.slice(0, half + 40)),
      second.apply(events.slice(half - 40)),
    ]);
    expect(results.reduce((n, r) => n + r.applied, 0)).toBe(events.length);
    expect(results.reduce((n, r) => n + r.duplicates, 0)).toBe(80);
    const reference = createMemoryLiveState();
    await reference.apply(events);
    const expected = await reference.snapshot('org_p', 'ses_p');
    expect(await first.snapshot('org_p', 'ses_p')).toEqual(expected);
    expect(await second.snapshot('org_p', 'ses_p')).toEqual(expected);
  });

  it('keeps every key under its prefix, with an expiry, and drops them all', async () => {
    const prefix = `lc:test:${newId('t')}:`;
    prefixes.push(prefix);
    const state = createRedisLiveState({ url: redisUrl, keyPrefix: prefix, ttlSeconds: 3_600 });
    opened.push(state);
    await state.apply([
      ev('room.enter', t0, { sessionId: 'ses:{odd}|id', trafficSource: 'search' }),
      ev('comment', t0, { sessionId: 'ses:{odd}|id', properties: { text: 'hi' } }),
    ]);
    const admin = new Redis(redisUrl);
    const keys = await admin.keys(`${prefix}*`);
    expect(keys.length).toBeGreaterThan(3);
    expect(keys.every((k) => k.startsWith(`${prefix}{org_s|ses%3A%7Bodd%7D%7Cid}:`))).toBe(true);
    for (const key of keys) expect(await admin.ttl(key)).toBeGreaterThan(3_500);
    await state.drop('org_s', 'ses:{odd}|id');
    expect(await admin.keys(`${prefix}*`)).toEqual([]);
    await admin.quit();
  });
});
