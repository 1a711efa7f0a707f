import { describe, expect, it } from 'vitest';
import { parseEvent, type EventEnvelopeInput } from '@livecloud/contracts';
import { isAppError } from '@livecloud/core';
import { at, ofType, primeTime, smallPlan } from '../test/plans.js';
import { commentLexicon } from './comment-lexicon.js';
import { foodLineup } from './lineup-fixtures.js';
import { simulateSession } from './session-simulator.js';

// One shared run keeps the file fast; every test below reads it and none mutates it.
const session = simulateSession(smallPlan({ ad: { budgetFenPerHour: 200_000 } }));
const { events, truth } = session.collect();

function visitsByUser(list: readonly EventEnvelopeInput[]): Map<string, EventEnvelopeInput[]> {
  const byUser = new Map<string, EventEnvelopeInput[]>();
  for (const e of list) {
    if (e.type !== 'room.enter' && e.type !== 'room.leave') continue;
    const key = e.platformUserId ?? '';
    byUser.set(key, [...(byUser.get(key) ?? []), e]);
  }
  return byUser;
}

describe('simulateSession', () => {
  it('produces byte-identical events for the same seed and different ones for another seed', () => {
    const again = simulateSession(smallPlan({ ad: { budgetFenPerHour: 200_000 } })).collect();
    expect(JSON.stringify(again.events)).toBe(JSON.stringify(events));
    expect(again.truth).toEqual(truth);
    const other = simulateSession(smallPlan({ seed: 43, ad: { budgetFenPerHour: 200_000 } })).collect();
    expect(JSON.stringify(other.events)).not.toBe(JSON.stringify(events));
  });

  it('emits only events that pass the envelope schema, for the given org, from the simulator', () => {
    expect(events.length).toBeGreaterThan(5_000);
    for (const event of events) {
      const parsed = parseEvent(event);
      if (!parsed.ok) throw new Error(`${event.id} (${event.type}) rejected: ${parsed.reason}`);
      expect(parsed.event.orgId).toBe('org_test');
      expect(parsed.event.source).toBe('simulator');
    }
  });

  it('gives every event a unique deterministic id and non-decreasing occurredAt', () => {
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(events[0]!.id).toBe('sim_ses_small_1');
    expect(events.every((e, i) => i === 0 || at(e) >= at(events[i - 1]!))).toBe(true);
    expect(at(events[0]!)).toBeGreaterThanOrEqual(primeTime);
  });

  it('pairs every room.enter with a later room.leave of the same viewer, whose dwell it states', () => {
    const enters = ofType(events, 'room.enter');
    expect(ofType(events, 'room.leave')).toHaveLength(enters.length);
    for (const [, visits] of visitsByUser(events)) {
      visits.forEach((e, i) => expect(e.type).toBe(i % 2 === 0 ? 'room.enter' : 'room.leave'));
      for (let i = 0; i + 1 < visits.length; i += 2) {
        expect(visits[i + 1]!.properties?.['dwellMs']).toBe(at(visits[i + 1]!) - at(visits[i]!));
        expect(visits[i + 1]!.trafficSource).toBe(visits[i]!.trafficSource);
      }
    }
  });

  it('lets viewers still in the room leave at the session end, marked as such', () => {
    const atEnd = ofType(events, 'room.leave').filter((e) => e.properties?.['reason'] === 'session_end');
    expect(atEnd.length).toBeGreaterThan(0);
    expect(atEnd.every((e) => at(e) === session.endAt)).toBe(true);
    expect(ofType(events, 'room.leave').every((e) => at(e) <= session.endAt)).toBe(true);
  });

  it('brings returning viewers: some enter more than once, and fans come back across sessions', () => {
    expect(ofType(events, 'room.enter').some((e) => e.properties?.['reentry'] === true)).toBe(true);
    expect(truth.uniqueViewers).toBeLessThan(truth.entries);
    const next = simulateSession(
      smallPlan({ seed: 99, sessionId: 'ses_next', startAt: primeTime + 86_400_000, durationMin: 20 }),
    ).collect();
    const before = new Set(ofType(events, 'room.enter').map((e) => e.platformUserId));
    const returning = ofType(next.events, 'room.enter').filter((e) => before.has(e.platformUserId));
    expect(returning.length).toBeGreaterThan(20);
  });

  it('keeps the funnel monotone: impressions ≥ clicks ≥ carts ≥ orders ≥ paid ≥ refunds', () => {
    expect(truth.impressions).toBeGreaterThan(truth.clicks);
    expect(truth.clicks).toBeGreaterThan(truth.cartAdds);
    expect(truth.cartAdds).toBeGreaterThan(truth.ordersCreated);
    expect(truth.ordersCreated).toBeGreaterThan(truth.ordersPaid);
    expect(truth.ordersPaid).toBeGreaterThan(0);
    expect(truth.refunds).toBeLessThanOrEqual(truth.ordersPaid);
    expect(truth.refundFen).toBeLessThanOrEqual(truth.gmvFen);
    // Douyin-like bands: CTR 5–30%, buyers 0.5–6% of viewers.
    expect(truth.clicks / truth.impressions).toBeGreaterThan(0.05);
    expect(truth.clicks / truth.impressions).toBeLessThan(0.3);
    expect(truth.buyers / truth.uniqueViewers).toBeGreaterThan(0.005);
    expect(truth.buyers / truth.uniqueViewers).toBeLessThan(0.06);
  });

  it('pays and refunds only orders created before, for the same amount or less, after the payment', () => {
    const created = new Map(ofType(events, 'order.create').map((e) => [e.orderId, e]));
    expect(created.size).toBe(truth.ordersCreated);
    const paid = new Map<string | undefined, EventEnvelopeInput>();
    for (const pay of ofType(events, 'order.pay')) {
      const order = created.get(pay.orderId);
      expect(order).toBeDefined();
      expect(pay.amountFen).toBe(order!.amountFen);
      expect(at(pay)).toBeGreaterThan(at(order!));
      expect(paid.has(pay.orderId)).toBe(false);
      paid.set(pay.orderId, pay);
    }
    const refunds = ofType(events, 'order.refund');
    expect(refunds.length).toBeGreaterThan(0);
    for (const refund of refunds) {
      const pay = paid.get(refund.orderId);
      expect(pay).toBeDefined();
      expect(refund.amountFen!).toBeLessThanOrEqual(pay!.amountFen!);
      expect(at(refund)).toBeGreaterThan(at(pay!));
      expect(refund.properties?.['afterSessionEnd'] === true).toBe(at(refund) > session.endAt);
    }
    expect(refunds.some((e) => e.properties?.['afterSessionEnd'] === true)).toBe(true);
  });

  it('keeps every amount in integer fen, order amounts equal to price × quantity', () => {
    const priceOf = new Map(session.plan.lineup.map((item) => [item.productId, item.priceFen]));
    for (const e of events) {
      if (e.amountFen !== undefined) expect(Number.isSafeInteger(e.amountFen) && e.amountFen >= 0).toBe(true);
    }
    for (const order of ofType(events, 'order.create')) {
      expect(order.amountFen).toBe(priceOf.get(order.productId!)! * Number(order.properties?.['quantity']));
    }
    const gmv = ofType(events, 'order.pay').reduce((sum, e) => sum + e.amountFen!, 0);
    expect(gmv).toBe(truth.gmvFen);
  });

  it('writes realistic Chinese comments, a few of which a moderator should flag', () => {
    const comments = ofType(events, 'comment').map((e) => String(e.properties?.['text']));
    expect(comments.length).toBeGreaterThan(50);
    const verdict = new Map(commentLexicon.map((c) => [c.text, c.flag]));
    expect(comments.every((text) => verdict.has(text))).toBe(true);
    const flagged = comments.filter((text) => verdict.get(text) !== null);
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged.length / comments.length).toBeLessThan(0.1);
  });

  it('never sells more units than a product has in stock; unpaid orders give theirs back', () => {
    const lineup = foodLineup.map((item, i) => (i === 0 ? { ...item, stock: 5, appeal: 1 } : item));
    const run = simulateSession(smallPlan({ lineup, scale: 600, durationMin: 20 })).collect();
    const units = (type: 'order.create' | 'order.pay'): number =>
      ofType(run.events, type)
        .filter((e) => e.productId === lineup[0]!.productId)
        .reduce((sum, e) => sum + Number(e.properties?.['quantity']), 0);
    expect(units('order.pay')).toBeGreaterThan(0);
    expect(units('order.pay')).toBeLessThanOrEqual(5);
    // Created orders may exceed the stock only by orders that were never paid and timed out.
    const unpaid = ofType(run.events, 'order.create').length - ofType(run.events, 'order.pay').length;
    expect(units('order.create')).toBeLessThanOrEqual(5 + 3 * unpaid);
    const soldOut = new Set(['怎么没货了', '什么时候补货', '没抢到', '再上一点库存吧']);
    expect(ofType(run.events, 'comment').some((e) => soldOut.has(String(e.properties?.['text'])))).toBe(true);
  });

  it('generates lazily, so the first events of a four-hour 20,000-online session come at once', () => {
    const big = simulateSession(smallPlan({ durationMin: 240, scale: 20_000 }));
    const first: EventEnvelopeInput[] = [];
    for (const event of big.events()) {
      first.push(event);
      if (first.length === 100) break;
    }
    expect(first).toHaveLength(100);
    expect(big.estimateEventCount()).toBeGreaterThan(1_000_000);
  });

  it('rejects an invalid plan with an invalid AppError that names the field', () => {
    expect.assertions(3);
    try {
      simulateSession(smallPlan({ lineup: [{ ...foodLineup[0]!, priceFen: 19.9 }] }));
    } catch (error) {
      expect(isAppError(error)).toBe(true);
      expect(isAppError(error) && error.code).toBe('invalid_session_plan');
      expect(String(error)).toContain('lineup.0.priceFen');
    }
  });
});
