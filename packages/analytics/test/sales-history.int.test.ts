import type { EventStore, StoredEvent } from '@livecloud/events';
import { demoSessionPlan, simulateSession, type SessionTruth } from '@livecloud/platforms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSalesHistory, type SalesHistory } from '../src/index.js';
import { day, minute, openTestEventStore, primeTime, toStored } from './fixtures.js';
import { recomputeProducts, recomputeSessions } from './history-recompute.js';

const orgId = 'org_history';
const otherOrgId = 'org_history_other';

const beauty = simulateSession(
  demoSessionPlan({
    orgId,
    accountId: 'acc_beauty',
    sessionId: 'ses_beauty',
    startAt: primeTime,
    durationMin: 30,
    scale: 120,
    seed: 11,
    ad: { budgetFenPerHour: 60_000, bidLevel: 1 },
    // Retries and disorder reach the store as they would from a platform: FINAL must collapse them.
    disorder: { outOfOrderShare: 0.1, duplicateShare: 0.1 },
  }),
);
const food = simulateSession(
  demoSessionPlan({
    orgId,
    accountId: 'acc_food',
    sessionId: 'ses_food',
    category: 'food',
    platform: 'kuaishou',
    startAt: primeTime + day,
    durationMin: 25,
    scale: 90,
    seed: 12,
    ad: undefined,
  }),
);
// Same session id in another organisation: must never mix with ours.
const rival = simulateSession(
  demoSessionPlan({
    orgId: otherOrgId,
    accountId: 'acc_beauty',
    sessionId: 'ses_beauty',
    startAt: primeTime,
    durationMin: 10,
    scale: 60,
    seed: 13,
  }),
);

/** A hand-written session with the awkward cases the explain pairing must get right. */
function awkwardSession(): StoredEvent[] {
  const t = primeTime + 2 * day;
  let n = 0;
  const event = (at: number, type: StoredEvent['type'], extra: Partial<StoredEvent> = {}): StoredEvent => ({
    id: `awk_${++n}`,
    type,
    schemaVersion: 1,
    occurredAt: t + at,
    receivedAt: t + at,
    orgId,
    source: 'douyin',
    accountId: 'acc_awk',
    sessionId: 'ses_awk',
    platformUserId: `u${n % 3}`,
    properties: {},
    ...extra,
  });
  return [
    event(0, 'room.enter'),
    // P1 is cut off by P2's start without an end of its own.
    event(10_000, 'explain.start', {
      productId: 'prd_a',
      properties: { priceFen: 9_900, mechanism: 'coupon' },
    }),
    event(70_000, 'explain.start', { productId: 'prd_b' }),
    // An end naming no product ends whatever is on screen.
    event(130_000, 'explain.end'),
    // P1 again (返场) and then a start that nothing follows: it runs to the last non-money event.
    event(140_000, 'explain.start', { productId: 'prd_a', properties: { priceFen: 8_900 } }),
    event(200_000, 'explain.end', { productId: 'prd_a' }),
    event(200_000, 'explain.start', { productId: 'prd_c', skuId: 'sku_c2' }),
    event(80_000, 'order.pay', {
      productId: 'prd_b',
      skuId: 'sku_b1',
      orderId: 'o1',
      amountFen: 3_000,
      properties: { quantity: 3, unitPriceFen: 1_000 },
    }),
    // No quantity: counts as one unit at the whole amount.
    event(90_000, 'order.pay', { productId: 'prd_b', orderId: 'o2', amountFen: 1_200 }),
    event(95_000, 'product.click', { productId: 'prd_b' }),
    event(300_000, 'room.leave', { properties: { dwellMs: 300_000 } }),
    // Paid and refunded after the end: counted, but they do not stretch the session.
    event(400_000, 'order.pay', {
      productId: 'prd_c',
      skuId: 'sku_c1',
      orderId: 'o3',
      amountFen: 5_000,
      properties: { quantity: 2 },
    }),
    event(500_000, 'order.refund', { productId: 'prd_b', orderId: 'o1', amountFen: 1_000 }),
    event(600_000, 'order.refund', { productId: 'prd_b', orderId: 'o1', amountFen: 500 }),
  ];
}

const runs = [beauty, food].map((s) => ({ session: s, ...s.collect() }));
const ours: StoredEvent[] = [...runs.flatMap((r) => toStored(r.events)), ...awkwardSession()];
const theirs = toStored(rival.collect().events);

let store: EventStore;
let dispose: () => Promise<void>;
let history: SalesHistory;

beforeAll(async () => {
  ({ store, dispose } = await openTestEventStore('sales_history'));
  for (let i = 0; i < ours.length; i += 20_000) await store.insert(ours.slice(i, i + 20_000));
  await store.insert(theirs);
  history = createSalesHistory(store);
});
afterAll(async () => {
  await dispose();
});

function truthOf(sessionId: string): SessionTruth {
  return runs.find((r) => r.session.plan.sessionId === sessionId)!.truth;
}

describe('sales history from the event store', () => {
  it('counts each session exactly as the simulator’s own truth', async () => {
    const sessions = await history.sessions(orgId);
    expect(sessions.map((s) => s.sessionId)).toEqual(['ses_beauty', 'ses_food', 'ses_awk']);
    for (const id of ['ses_beauty', 'ses_food']) {
      const got = sessions.find((s) => s.sessionId === id)!;
      const truth = truthOf(id);
      expect(got).toMatchObject({
        startedAt: expect.any(Number) as number,
        entries: truth.entries,
        uniqueViewers: truth.uniqueViewers,
        paidOrders: truth.ordersPaid,
        gmvFen: truth.gmvFen,
        refundFen: truth.refundFen,
      });
      expect(got.startedAt).toBeGreaterThanOrEqual(truth.startAt);
      expect(got.endedAt).toBe(truth.endAt);
    }
    expect(sessions.find((s) => s.sessionId === 'ses_food')).toMatchObject({
      accountId: 'acc_food',
      source: 'simulator',
    });
  });

  it('sums each product’s explain time over its segments as the simulator planned them', async () => {
    const records = await history.productResults(orgId);
    for (const run of runs) {
      const planned = new Map<string, number>();
      for (const s of run.session.segments) {
        planned.set(s.item.productId, (planned.get(s.item.productId) ?? 0) + (s.endAt - s.startAt));
      }
      const got = records.filter((r) => r.sessionId === run.session.plan.sessionId);
      expect(
        Object.fromEntries(
          got.filter((r) => r.explainSeconds > 0).map((r) => [r.productId, r.explainSeconds]),
        ),
      ).toEqual(Object.fromEntries([...planned].map(([id, ms]) => [id, Math.round(ms / 1000)])));
      // Each product's takings add up to the session's.
      expect(got.reduce((s, r) => s + r.gmvFen, 0)).toBe(run.truth.gmvFen);
      expect(got.reduce((s, r) => s + r.refundFen, 0)).toBe(run.truth.refundFen);
      expect(got.reduce((s, r) => s + r.paidOrders, 0)).toBe(run.truth.ordersPaid);
      expect(got.reduce((s, r) => s + r.clicks, 0)).toBe(run.truth.clicks);
    }
  });

  it('equals a recomputation in JavaScript over the same events, field by field', async () => {
    expect(await history.productResults(orgId)).toEqual(recomputeProducts(ours, orgId));
    expect(await history.sessions(orgId)).toEqual(recomputeSessions(ours, orgId));
  });

  it('pairs explain events by what comes next on screen, not by product name alone', async () => {
    const awk = (await history.productResults(orgId)).filter((r) => r.sessionId === 'ses_awk');
    expect(awk.map((r) => [r.productId, r.explainSeconds, r.explainSegments])).toEqual([
      ['prd_a', 60 + 60, 2],
      ['prd_b', 60, 1],
      ['prd_c', 100, 1],
    ]);
    expect(awk.find((r) => r.productId === 'prd_a')).toMatchObject({
      listedPriceFen: 9_900,
      mechanism: 'coupon',
      minUnitPriceFen: null,
      skuId: '',
    });
    expect(awk.find((r) => r.productId === 'prd_b')).toMatchObject({
      skuId: 'sku_b1',
      paidOrders: 2,
      units: 4,
      gmvFen: 4_200,
      refundFen: 1_500,
      refundedOrders: 1,
      minUnitPriceFen: 1_000,
      clicks: 1,
    });
    expect(awk.find((r) => r.productId === 'prd_c')).toMatchObject({
      skuId: 'sku_c1',
      units: 2,
      minUnitPriceFen: 2_500,
    });
  });

  it('reads the products asked for and the sessions started in the window only', async () => {
    const some = await history.productResults(orgId, { productIds: ['prd_food_bread', 'prd_b'] });
    expect(new Set(some.map((r) => r.productId))).toEqual(new Set(['prd_food_bread', 'prd_b']));
    const all = await history.productResults(orgId);
    expect(some).toEqual(all.filter((r) => r.productId === 'prd_food_bread' || r.productId === 'prd_b'));

    const window = { since: primeTime + day - minute, until: primeTime + 2 * day };
    expect((await history.sessions(orgId, window)).map((s) => s.sessionId)).toEqual(['ses_food']);
    expect(new Set((await history.productResults(orgId, window)).map((r) => r.sessionId))).toEqual(
      new Set(['ses_food']),
    );
  });

  it('never returns another organisation’s sessions, even under the same session id', async () => {
    const mine = (await history.sessions(orgId)).find((s) => s.sessionId === 'ses_beauty')!;
    expect(mine.gmvFen).toBe(truthOf('ses_beauty').gmvFen);
    const theirsRead = await history.sessions(otherOrgId);
    expect(theirsRead.map((s) => s.sessionId)).toEqual(['ses_beauty']);
    expect(theirsRead[0]!.entries).toBe(recomputeSessions(theirs, otherOrgId)[0]!.entries);
  });
});
