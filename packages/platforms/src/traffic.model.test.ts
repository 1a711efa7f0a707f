import { describe, expect, it } from 'vitest';
import type { EventEnvelopeInput } from '@livecloud/contracts';
import { at, ofType, smallPlan } from '../test/plans.js';
import { beautyLineup } from './lineup-fixtures.js';
import type { LineupItem } from './session-plan.schema.js';
import { simulateSession } from './session-simulator.js';

function paidEntries(events: readonly EventEnvelopeInput[]): number {
  return ofType(events, 'room.enter').filter((e) => e.trafficSource === 'paid_ads').length;
}

describe('traffic model', () => {
  it('sends no paid traffic without an ad plan, and more the more is spent', () => {
    const none = simulateSession(smallPlan({ durationMin: 20 })).collect();
    const some = simulateSession(smallPlan({ durationMin: 20, ad: { budgetFenPerHour: 300_000 } })).collect();
    const more = simulateSession(
      smallPlan({ durationMin: 20, ad: { budgetFenPerHour: 1_200_000 } }),
    ).collect();
    expect(paidEntries(none.events)).toBe(0);
    expect(ofType(none.events, 'ad.spend')).toHaveLength(0);
    expect(paidEntries(some.events)).toBeGreaterThan(100);
    expect(paidEntries(more.events)).toBeGreaterThan(3 * paidEntries(some.events));
    // Organic sources draw from their own random streams, so ads leave them nearly untouched.
    const followers = (events: readonly EventEnvelopeInput[]): number =>
      ofType(events, 'room.enter').filter(
        (e) => e.trafficSource === 'followers' && e.properties?.['reentry'] !== true,
      ).length;
    expect(Math.abs(followers(some.events) - followers(none.events))).toBeLessThan(
      0.05 * followers(none.events),
    );
  });

  it('reports ad spend every minute in integer fen, within the hourly budget', () => {
    const { events, truth } = simulateSession(
      smallPlan({ ad: { budgetFenPerHour: 300_000, bidLevel: 1.2 } }),
    ).collect();
    const spends = ofType(events, 'ad.spend');
    expect(spends).toHaveLength(40);
    expect(spends.every((e) => Number.isSafeInteger(e.amountFen) && e.amountFen! >= 0)).toBe(true);
    expect(spends.map((e) => e.properties?.['minute'])).toEqual(Array.from({ length: 40 }, (_, m) => m));
    expect(truth.adSpendFen).toBeLessThanOrEqual(Math.floor((300_000 * 40) / 60));
    expect(truth.adSpendFen).toBeGreaterThan(0.5 * Math.floor((300_000 * 40) / 60));
  });

  it('sizes organic traffic so that peak online lands near the requested scale', () => {
    for (const scale of [200, 1_500]) {
      const { truth } = simulateSession(smallPlan({ scale, durationMin: 20, seed: scale })).collect();
      expect(truth.peakOnline).toBeGreaterThan(0.6 * scale);
      expect(truth.peakOnline).toBeLessThan(1.6 * scale);
    }
  });

  it('bounces 30–62% of feed entries within 2 s, and far fewer followers', () => {
    const { events, truth } = simulateSession(smallPlan({ scale: 600, durationMin: 25 })).collect();
    const leaves = ofType(events, 'room.leave');
    const share = (source: string): number => {
      const mine = leaves.filter((e) => e.trafficSource === source);
      return mine.filter((e) => Number(e.properties?.['dwellMs']) < 2_000).length / mine.length;
    };
    expect(share('recommend_feed')).toBeGreaterThan(0.3);
    expect(share('recommend_feed')).toBeLessThan(0.62);
    expect(share('followers')).toBeLessThan(0.2);
    expect(truth.bounces / truth.entries).toBeGreaterThan(0.2);
    expect(truth.bounces / truth.entries).toBeLessThan(0.6);
    const avgDwellSec = truth.totalDwellMs / truth.entries / 1000;
    expect(avgDwellSec).toBeGreaterThan(30);
    expect(avgDwellSec).toBeLessThan(150);
  });

  it('brings a wave of feed traffic while a hot flash-sale product is explained', () => {
    const hot: LineupItem = { ...beautyLineup[0]!, appeal: 1, mechanism: 'flash_sale', explainMinutes: 10 };
    const cold: LineupItem = { ...beautyLineup[5]!, appeal: 0.05, mechanism: 'none', explainMinutes: 10 };
    const plan = smallPlan({ durationMin: 62, scale: 600, lineup: [cold, hot] });
    const session = simulateSession(plan);
    const { events } = session.collect();
    const feedEntries = ofType(events, 'room.enter').filter((e) => e.trafficSource === 'recommend_feed');
    // Skip each segment's first 3 minutes: the feed reacts with a lag.
    const rate = (productId: string): number => {
      let count = 0;
      let ms = 0;
      for (const segment of session.segments.filter((s) => s.item.productId === productId && !s.truncated)) {
        const from = segment.startAt + 180_000;
        count += feedEntries.filter((e) => at(e) >= from && at(e) < segment.endAt).length;
        ms += segment.endAt - from;
      }
      return count / ms;
    };
    expect(rate(hot.productId)).toBeGreaterThan(1.5 * rate(cold.productId));
  });

  it('follows the platform: Kuaishou rooms get a far larger share of followers than Douyin rooms', () => {
    const followerShare = (platform: 'douyin' | 'kuaishou'): number => {
      const { truth } = simulateSession(smallPlan({ platform, durationMin: 20 })).collect();
      return truth.entriesBySource.followers / truth.entries;
    };
    expect(followerShare('kuaishou')).toBeGreaterThan(1.8 * followerShare('douyin'));
  });
});
