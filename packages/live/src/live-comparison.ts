import { minuteMs, minuteOf } from './live-effects.js';
import type { LiveMinute, LiveTotals } from './live-snapshot.schema.js';
import { completeTotals, ratesOf, ratio } from './metric-dictionary.js';
import {
  pastMetrics,
  windowMetrics,
  type PastComparison,
  type PastMetric,
  type WindowComparison,
  type WindowMetric,
} from './live-comparison.schema.js';
import type { PastSessionCounts } from './queries/past-sessions-at-elapsed.query.js';

function windowValue(minute: LiveMinute, metric: Exclude<WindowMetric, 'onlineAtEnd'>): number {
  switch (metric) {
    case 'gmvFen':
      return minute.gmvFen;
    case 'entries':
      return minute.entries;
    case 'exits':
      return minute.exits;
    case 'oneMinuteViews':
      return minute.funnel.oneMinuteViews;
    case 'clicks':
      return minute.funnel.clicks;
    case 'orders':
      return minute.funnel.orders;
    case 'pays':
      return minute.funnel.pays;
  }
}

/**
 * The last `minutes` complete minutes (by occurredAt) against the `minutes` before them. A
 * minute is complete once `now` is past its end, or once the session has no later events;
 * the minute in progress is left out so that a partial minute is never compared with full ones.
 */
export function windowComparison(series: readonly LiveMinute[], now: number, minutes = 5): WindowComparison {
  const first = series[0];
  const last = series.at(-1);
  if (first === undefined || last === undefined) return null;
  const lastComplete = Math.min(minuteOf(now) - 1, minuteOf(last.minute));
  if (lastComplete < minuteOf(first.minute)) return null;
  const byMinute = new Map(series.map((m) => [minuteOf(m.minute), m]));
  const sum = (from: number, to: number, metric: Exclude<WindowMetric, 'onlineAtEnd'>): number => {
    let total = 0;
    for (let m = from; m <= to; m++) {
      const bucket = byMinute.get(m);
      if (bucket !== undefined) total += windowValue(bucket, metric);
    }
    return total;
  };
  const onlineAt = (m: number): number => {
    if (m < minuteOf(first.minute)) return 0;
    return byMinute.get(Math.min(m, minuteOf(last.minute)))?.onlineAtEnd ?? 0;
  };
  const currentFrom = lastComplete - minutes + 1;
  const previousTo = currentFrom - 1;
  const previousFrom = previousTo - minutes + 1;
  return {
    minutes,
    current: { from: currentFrom * minuteMs, to: (lastComplete + 1) * minuteMs },
    previous: { from: previousFrom * minuteMs, to: (previousTo + 1) * minuteMs },
    metrics: windowMetrics.map((metric) => {
      const current =
        metric === 'onlineAtEnd' ? onlineAt(lastComplete) : sum(currentFrom, lastComplete, metric);
      const previous =
        metric === 'onlineAtEnd' ? onlineAt(previousTo) : sum(previousFrom, previousTo, metric);
      return { metric, current, previous, change: ratio(current - previous, previous) };
    }),
  };
}

/** The compared figures of a session from its totals. */
export function pastMetricValues(totals: LiveTotals): Record<PastMetric, number | null> {
  const rates = ratesOf(totals);
  return {
    gmvFen: totals.gmvFen,
    pv: totals.pv,
    uv: totals.uv,
    paidOrders: totals.paidOrders,
    buyers: totals.buyers,
    newFollowers: totals.newFollowers,
    interactions: totals.comments + totals.likes + totals.shares,
    ctr: rates.ctr.value,
    conversionRate: rates.conversionRate.value,
    gpm: rates.gpm.value,
    uvValue: rates.uvValue.value,
    bounceRate2s: rates.bounceRate2s.value,
    averageDwellMs: rates.averageDwellMs.value,
  };
}

/** A past session's counts as totals, the fields it does not count at 0. */
export function totalsOfPast(p: PastSessionCounts): LiveTotals {
  return completeTotals({
    gmvFen: p.gmvFen,
    refundFen: 0,
    refunds: 0,
    paidOrders: p.paidOrders,
    ordersCreated: 0,
    buyers: p.buyers,
    peakOnline: 0,
    uv: p.uv,
    pv: p.pv,
    exits: p.exits,
    totalDwellMs: p.totalDwellMs,
    bounces: p.bounces,
    oneMinuteViews: 0,
    impressions: p.impressions,
    clicks: p.clicks,
    cartAdds: 0,
    adSpendFen: 0,
    newFollowers: p.newFollowers,
    fanClubJoins: 0,
    comments: p.comments,
    likes: p.likes,
    shares: p.shares,
  });
}

function median(values: readonly number[]): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return null;
  if (sorted.length % 2 === 1) return sorted[mid] ?? null;
  return ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * Where this session stands among the room's past sessions at the same elapsed time, as
 * WeChat Channels' comparison index does: for each metric, the share of past sessions with a
 * value it beats (strictly lower), and their median. Past sessions whose rate is undefined
 * (a zero denominator) are left out of that metric.
 */
export function pastComparison(
  current: LiveTotals,
  past: readonly PastSessionCounts[],
  at: { elapsedMs: number; computedAt: number },
): PastComparison {
  const now = pastMetricValues(current);
  const before = past.map((p) => pastMetricValues(totalsOfPast(p)));
  return {
    elapsedMs: at.elapsedMs,
    computedAt: at.computedAt,
    sessions: past.length,
    metrics: pastMetrics.map((metric) => {
      const values = before.map((v) => v[metric]).filter((v): v is number => v !== null);
      const value = now[metric];
      const beaten = value === null ? 0 : values.filter((v) => v < value).length;
      return {
        metric,
        current: value,
        pastMedian: median(values),
        beats: ratio(beaten, value === null ? 0 : values.length),
      };
    }),
  };
}
