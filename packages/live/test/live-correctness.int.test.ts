import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventQueryContext } from '@livecloud/analytics';
import { eventEnvelopeSchema } from '@livecloud/contracts';
import { newId } from '@livecloud/core';
import { createEventStore, type EventStore, type StoredEvent } from '@livecloud/events';
import { demoSessionPlan, simulateSession } from '@livecloud/platforms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMemoryLiveState,
  createRedisLiveState,
  dwellMsOf,
  maxSeriesMinutes,
  viewerKeyOf,
  sessionLiveMetrics,
  type LiveSnapshot,
  type LiveStateStore,
} from '../src/index.js';
import {
  sessionEventCount,
  sessionEventCountReceivedBefore,
  sessionStoredRows,
} from '../src/queries/session-event-count.query.js';
import { disorderedBatches, generateSession, type GeneratedSession } from './session-generator.js';

const redisUrl = process.env['REDIS_TEST_URL'] ?? 'redis://127.0.0.1:6379/15';
const orgId = 'org_correct';
const startAt = Date.UTC(2026, 2, 14, 12, 0, 7, 250);
function withoutRoomEvents(session: GeneratedSession): GeneratedSession {
  return {
    ...session,
    events: session.events.filter((e) => e.type !== 'room.enter' && e.type !== 'room.leave'),
  };
}

const sessions = [
  generateSession({
    orgId,
    accountId: 'acc_1',
    sessionId: 'ses_big',
    startAt,
    minutes: 45,
    viewers: 1500,
    seed: 7,
  }),
  generateSession({
    orgId,
    accountId: 'acc_1',
    sessionId: 'ses_even',
    startAt: startAt + 3_600_000,
    minutes: 12,
    viewers: 300,
    seed: 8,
  }),
  generateSession({
    orgId,
    accountId: 'acc_1',
    sessionId: 'ses_span',
    startAt: startAt + 5 * 3_600_000,
    minutes: 8,
    viewers: 120,
    seed: 10,
  }),
  // A platform feed of plain enters and leaves: dwell comes only from pairing them.
  generateSession({
    orgId,
    accountId: 'acc_2',
    sessionId: 'ses_plain',
    startAt: startAt + 6 * 3_600_000,
    minutes: 15,
    viewers: 400,
    seed: 11,
    plainLeaves: true,
  }),
  // A feed without room events (orders, comments, likes only): dwell is unknown, not 0 s.
  withoutRoomEvents(
    generateSession({
      orgId,
      accountId: 'acc_2',
      sessionId: 'ses_noroom',
      startAt: startAt + 9 * 3_600_000,
      minutes: 5,
      viewers: 60,
      seed: 12,
    }),
  ),
  // Same session id in another organisation: must never mix with ours.
  generateSession({
    orgId: 'org_other',
    accountId: 'acc_1',
    sessionId: 'ses_big',
    startAt,
    minutes: 10,
    viewers: 200,
    seed: 9,
  }),
];
// The platform simulator's own session, with its own disorder and its own ground truth.
const simulated = simulateSession(
  demoSessionPlan({
    orgId,
    accountId: 'acc_sim',
    sessionId: 'ses_sim',
    startAt: startAt + 7_200_000,
    durationMin: 20,
    scale: 300,
    seed: 42,
    disorder: { outOfOrderShare: 0.2, lateShare: 0.05, duplicateShare: 0.1 },
  }),
).collect();
const simulatedDeliveries: StoredEvent[] = simulated.events.map((input, i) => {
  const event = eventEnvelopeSchema.parse(input);
  return { ...event, receivedAt: event.receivedAt ?? event.occurredAt + (i % 7) * 100 };
});
const simulatedDistinct = [...new Map(simulatedDeliveries.map((e) => [e.id, e])).values()];
// Two events of ses_span dated 25 years earlier (an old export, a wrong clock): the session then
// spans 13 million minutes, which no board may build point by point.
const longAgo = Date.UTC(2001, 0, 1, 8, 0, 0);
const spanTemplates = sessions[2]?.events ?? [];
const strays: StoredEvent[] = (['room.enter', 'order.pay'] as const).map((type, i) => {
  const template = spanTemplates.find((e) => e.type === type);
  if (template === undefined) throw new Error(`the generated session has no ${type}`);
  return { ...template, id: `stray_${i}`, occurredAt: longAgo + i * 1_000, receivedAt: longAgo + 5_000 };
});
const allEvents = [...sessions.flatMap((s) => s.events), ...strays, ...simulatedDistinct];

let dataDir: string;
let store: EventStore;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'lc-live-correct-'));
  store = await createEventStore({ dataDir, database: 'live_correctness' });
  await store.migrate();
  // The store sees the same retries the live state sees: FINAL must collapse them.
  for (const batch of disorderedBatches(allEvents, 99)) await store.insert(batch);
  await store.insert(simulatedDeliveries);
});

afterAll(async () => {
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/**
 * Dwell counted by brute force from the distinct events, without the live code's pairing: per
 * viewer, enters and leaves in time order (enter first at equal times, a leave without dwellMs
 * before one with); a leave takes its dwellMs or else the time since the entry right before it;
 * an entry followed by an entry lasts until the re-entry; the last entry is open until the
 * session's last event (refunds excluded) and never a bounce.
 */
function bruteForceDwell(sessionOrg: string, sessionId: string) {
  const events = [
    ...new Map(
      allEvents.filter((e) => e.orgId === sessionOrg && e.sessionId === sessionId).map((e) => [e.id, e]),
    ).values(),
  ];
  const end = Math.max(...events.filter((e) => e.type !== 'order.refund').map((e) => e.occurredAt));
  const reported = (e: StoredEvent): number | null =>
    e.type === 'room.leave' ? (dwellMsOf(e.properties) ?? null) : null;
  const timelines = new Map<string, StoredEvent[]>();
  for (const e of events) {
    if (e.type !== 'room.enter' && e.type !== 'room.leave') continue;
    timelines.set(viewerKeyOf(e), [...(timelines.get(viewerKeyOf(e)) ?? []), e]);
  }
  const counted = { totalDwellMs: 0, bounces: 0, oneMinuteViews: 0, visits: 0, open: 0 };
  for (const timeline of timelines.values()) {
    timeline.sort(
      (a, b) =>
        a.occurredAt - b.occurredAt ||
        Number(a.type === 'room.leave') - Number(b.type === 'room.leave') ||
        (reported(a) ?? -1) - (reported(b) ?? -1),
    );
    for (let i = 0; i < timeline.length; i++) {
      const e = timeline[i] as StoredEvent;
      const before = timeline[i - 1];
      const after = timeline[i + 1];
      let dwell: number | null;
      let left = true;
      if (e.type === 'room.leave')
        dwell = reported(e) ?? (before?.type === 'room.enter' ? e.occurredAt - before.occurredAt : null);
      else if (after === undefined) {
        dwell = end - e.occurredAt;
        left = false;
      } else dwell = after.type === 'room.enter' ? after.occurredAt - e.occurredAt : null;
      if (dwell === null) continue;
      counted.visits++;
      counted.totalDwellMs += dwell;
      if (left && dwell < 2_000) counted.bounces++;
      if (dwell >= 60_000) counted.oneMinuteViews++;
      if (!left) counted.open++;
    }
  }
  return counted;
}

async function deliver(state: LiveStateStore, seed: number): Promise<void> {
  const batches = disorderedBatches(allEvents, seed);
  for (const [i, batch] of batches.entries()) {
    await state.apply(batch);
    // Redelivery of a whole batch, as a bus does after a lost ack.
    if (i % 7 === 3) await state.apply(batch);
  }
  // The simulator's own delivery order, retries included, once more on top.
  for (let i = 0; i < simulatedDeliveries.length; i += 200)
    await state.apply(simulatedDeliveries.slice(i, i + 200));
}

async function recomputed(sessionOrg: string, sessionId: string): Promise<LiveSnapshot | null> {
  return sessionLiveMetrics(eventQueryContext(store, sessionOrg), sessionId);
}

function describeCorrectness(
  name: string,
  open: () => LiveStateStore,
  cleanup: (s: LiveStateStore) => Promise<void>,
): void {
  describe(`live state on ${name} equals the SQL recomputation`, () => {
    let state: LiveStateStore;
    beforeAll(async () => {
      state = open();
      await deliver(state, name === 'memory' ? 1 : 2);
    });
    afterAll(async () => {
      await cleanup(state);
      await state.close();
    });

    for (const [sessionOrg, sessionId] of [
      [orgId, 'ses_big'],
      [orgId, 'ses_even'],
      [orgId, 'ses_span'],
      [orgId, 'ses_plain'],
      [orgId, 'ses_noroom'],
      ['org_other', 'ses_big'],
      [orgId, 'ses_sim'],
    ] as const) {
      it(`matches every metric of ${sessionOrg}/${sessionId} after disordered, late and repeated delivery`, async () => {
        const live = await state.snapshot(sessionOrg, sessionId);
        const sql = await recomputed(sessionOrg, sessionId);
        expect(sql).not.toBeNull();
        expect(live).toEqual(sql);
        const distinct = allEvents.filter((e) => e.orgId === sessionOrg && e.sessionId === sessionId);
        expect(live?.eventCount).toBe(distinct.length);
        const { totalDwellMs, bounces, oneMinuteViews, visits } = bruteForceDwell(sessionOrg, sessionId);
        if (visits === 0)
          expect(live?.totals).toMatchObject({ totalDwellMs: null, bounces: null, oneMinuteViews: null });
        else expect(live?.totals).toMatchObject({ totalDwellMs, bounces, oneMinuteViews });
        expect(live?.series.at(-1)?.cumulative.oneMinuteViews).toBe(oneMinuteViews);
      });
    }

    it('exercises the awkward cases it claims to', async () => {
      const live = await state.snapshot(orgId, 'ses_big');
      if (live === null) throw new Error('no snapshot');
      expect(live.totals.refunds).toBeGreaterThan(0);
      expect(live.totals.uv).toBeLessThan(live.totals.pv);
      expect(live.totals.onlineNow).toBeGreaterThan(0);
      expect(live.totals.peakOnline).toBeGreaterThanOrEqual(live.totals.onlineNow);
      expect(live.comments).toHaveLength(50);
      expect(live.products.map((p) => p.productId)).toContain('商品-甲');
      expect(live.explaining).not.toBeNull();
      expect((await state.snapshot(orgId, 'ses_even'))?.explaining).toBeNull();
      const lastMinute = live.series.at(-1);
      expect(lastMinute?.cumulative.pays).toBe(live.totals.paidOrders);
      expect(lastMinute?.onlineAtEnd).toBe(live.totals.onlineNow);
    });

    it('counts open visits, plain leaves and re-entries, as the brute-force count does', async () => {
      for (const sessionId of ['ses_big', 'ses_plain'])
        expect(bruteForceDwell(orgId, sessionId).open).toBeGreaterThan(0);
      const plain = await state.snapshot(orgId, 'ses_plain');
      expect(plain?.rates.averageDwellMs.value).toBeGreaterThan(0);
      expect(plain?.rates.bounceRate2s.value).toBeGreaterThan(0);
      const noRoom = await state.snapshot(orgId, 'ses_noroom');
      expect(noRoom?.totals.paidOrders).toBeGreaterThan(0);
      expect(noRoom?.rates.averageDwellMs.value).toBeNull();
      expect(noRoom?.rates.bounceRate2s.value).toBeNull();
    });

    it('draws at most two days of a session that spans 25 years, and still counts what came before', async () => {
      const live = await state.snapshot(orgId, 'ses_span');
      if (live === null) throw new Error('no snapshot');
      expect(live.series).toHaveLength(maxSeriesMinutes);
      const last = live.series.at(-1);
      expect(last?.cumulative.views).toBe(live.totals.pv);
      expect(last?.cumulative.gmvFen).toBe(live.totals.gmvFen);
      const straysGmv = strays.reduce((sum, e) => sum + (e.type === 'order.pay' ? (e.amountFen ?? 0) : 0), 0);
      expect(straysGmv).toBeGreaterThan(0);
      // The first point drawn already carries the strays in its running totals.
      expect(live.series[0]?.cumulative.gmvFen).toBeGreaterThanOrEqual(straysGmv);
      expect(live.series[0]?.cumulative.views).toBeGreaterThanOrEqual(1);
    });

    it('agrees with the simulator’s ground truth wherever the definitions are the same', async () => {
      const live = await state.snapshot(orgId, 'ses_sim');
      const truth = simulated.truth;
      expect(truth.delivery.duplicates).toBeGreaterThan(0);
      expect(live?.totals).toMatchObject({
        pv: truth.entries,
        uv: truth.uniqueViewers,
        bounces: truth.bounces,
        oneMinuteViews: truth.oneMinuteViews,
        totalDwellMs: truth.totalDwellMs,
        impressions: truth.impressions,
        clicks: truth.clicks,
        cartAdds: truth.cartAdds,
        ordersCreated: truth.ordersCreated,
        paidOrders: truth.ordersPaid,
        buyers: truth.buyers,
        gmvFen: truth.gmvFen,
        refunds: truth.refunds,
        refundFen: truth.refundFen,
        adSpendFen: truth.adSpendFen,
        newFollowers: truth.newFollowers,
      });
      expect(live?.eventCount).toBe(truth.events);
    });

    it('reports no session for an organisation without its events', async () => {
      expect(await state.snapshot('org_nobody', 'ses_big')).toBeNull();
      expect(await recomputed('org_nobody', 'ses_big')).toBeNull();
    });
  });
}

describeCorrectness('memory', createMemoryLiveState, async () => {});

const redisPrefix = `lc:test:${newId('t')}:`;
describeCorrectness(
  'Redis',
  () => createRedisLiveState({ url: redisUrl, keyPrefix: redisPrefix }),
  async (state) => {
    for (const s of sessions) await state.drop(s.events[0]?.orgId ?? '', s.events[0]?.sessionId ?? '');
  },
);

describe('session counts for the board’s check against the store', () => {
  it('counts stored rows cheaply, never fewer than the distinct events, and distinct events by received time', async () => {
    const ctx = eventQueryContext(store, orgId);
    const distinct = await sessionEventCount(ctx, 'ses_big');
    const expected = new Set(
      allEvents.filter((e) => e.orgId === orgId && e.sessionId === 'ses_big').map((e) => e.id),
    ).size;
    expect(distinct).toBe(expected);
    expect(await sessionStoredRows(ctx, 'ses_big')).toBeGreaterThanOrEqual(distinct);
    const received = allEvents.filter((e) => e.sessionId === 'ses_big').map((e) => e.receivedAt);
    const latest = received.reduce((a, b) => Math.max(a, b), 0);
    const earliest = received.reduce((a, b) => Math.min(a, b), Number.MAX_SAFE_INTEGER);
    expect(await sessionEventCountReceivedBefore(ctx, 'ses_big', latest + 1)).toBe(distinct);
    expect(await sessionEventCountReceivedBefore(ctx, 'ses_big', earliest)).toBe(0);
    const middle = await sessionEventCountReceivedBefore(ctx, 'ses_big', Math.floor((earliest + latest) / 2));
    expect(middle).toBeGreaterThan(0);
    expect(middle).toBeLessThan(distinct);
  });
});
