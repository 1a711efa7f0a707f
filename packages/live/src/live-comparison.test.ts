import { describe, expect, it } from 'vitest';
import { pastComparison, windowComparison } from './live-comparison.js';
import type { LiveMinute } from './live-snapshot.schema.js';
import { completeTotals } from './metric-dictionary.js';
import type { PastSessionCounts } from './queries/past-sessions-at-elapsed.query.js';

const t0 = Date.UTC(2026, 2, 14, 12, 0);

function minute(i: number, gmvFen: number, entries: number, onlineAtEnd: number): LiveMinute {
  const funnel = { views: entries, oneMinuteViews: 0, clicks: i, orders: 0, pays: gmvFen > 0 ? 1 : 0 };
  return {
    minute: t0 + i * 60_000,
    gmvFen,
    entries,
    exits: 0,
    onlineAtEnd,
    funnel,
    cumulative: { ...funnel, gmvFen: 0, exits: 0 },
  };
}

const series = Array.from({ length: 12 }, (_, i) => minute(i, i * 100, 10 + i, 5 * i));

describe('window comparison', () => {
  it('compares the last complete minutes with the ones before, leaving out the minute in progress', () => {
    const now = t0 + 11 * 60_000 + 30_000; // minute 11 is in progress
    const w = windowComparison(series, now, 5);
    expect(w?.current).toEqual({ from: t0 + 6 * 60_000, to: t0 + 11 * 60_000 });
    expect(w?.previous).toEqual({ from: t0 + 60_000, to: t0 + 6 * 60_000 });
    const gmv = w?.metrics.find((m) => m.metric === 'gmvFen');
    expect(gmv).toEqual({
      metric: 'gmvFen',
      current: 4000,
      previous: 1500,
      change: { numerator: 2500, denominator: 1500, value: 2500 / 1500 },
    });
    expect(w?.metrics.find((m) => m.metric === 'onlineAtEnd')).toMatchObject({ current: 50, previous: 25 });
  });

  it('counts the last minute as complete once the session has no later events', () => {
    const w = windowComparison(series, t0 + 3_600_000, 5);
    expect(w?.current.to).toBe(t0 + 12 * 60_000);
  });

  it('treats minutes before the session as empty and has nothing to say before a minute completes', () => {
    const w = windowComparison(series.slice(0, 3), t0 + 3 * 60_000, 5);
    expect(w?.metrics.find((m) => m.metric === 'entries')).toMatchObject({
      current: 33,
      previous: 0,
      change: { value: null },
    });
    expect(windowComparison(series.slice(0, 1), t0 + 30_000, 5)).toBeNull();
    expect(windowComparison([], t0, 5)).toBeNull();
  });
});

function past(
  sessionId: string,
  gmvFen: number,
  pv: number,
  impressions: number,
  clicks: number,
): PastSessionCounts {
  return {
    sessionId,
    startedAt: t0,
    gmvFen,
    pv,
    uv: pv,
    exits: 0,
    totalDwellMs: 0,
    bounces: 0,
    paidOrders: 1,
    buyers: 1,
    impressions,
    clicks,
    newFollowers: 0,
    comments: 0,
    likes: 0,
    shares: 0,
  };
}

describe('past-session comparison', () => {
  const current = completeTotals({
    gmvFen: 5000,
    refundFen: 0,
    refunds: 0,
    paidOrders: 2,
    ordersCreated: 2,
    buyers: 2,
    peakOnline: 3,
    uv: 50,
    pv: 60,
    exits: 0,
    totalDwellMs: 0,
    bounces: 0,
    oneMinuteViews: 0,
    impressions: 100,
    clicks: 10,
    cartAdds: 0,
    adSpendFen: 0,
    newFollowers: 0,
    fanClubJoins: 0,
    comments: 0,
    likes: 0,
    shares: 0,
  });

  it('says which share of past sessions this one beats, and their median', () => {
    const c = pastComparison(
      current,
      [
        past('a', 1000, 10, 10, 1),
        past('b', 5000, 70, 10, 5),
        past('c', 9000, 80, 0, 0),
        past('d', 3000, 20, 100, 5),
      ],
      { elapsedMs: 600_000, computedAt: t0 },
    );
    expect(c.sessions).toBe(4);
    expect(c.metrics.find((m) => m.metric === 'gmvFen')).toEqual({
      metric: 'gmvFen',
      current: 5000,
      pastMedian: 4000,
      beats: { numerator: 2, denominator: 4, value: 0.5 },
    });
    // Session c has no impressions, so no CTR: it is left out of that metric.
    expect(c.metrics.find((m) => m.metric === 'ctr')).toEqual({
      metric: 'ctr',
      current: 0.1,
      pastMedian: 0.1,
      beats: { numerator: 1, denominator: 3, value: 1 / 3 },
    });
  });

  it('has no percentile without past sessions', () => {
    const c = pastComparison(current, [], { elapsedMs: 0, computedAt: t0 });
    expect(c.metrics.every((m) => m.beats.value === null && m.pastMedian === null)).toBe(true);
  });
});
