import type {
  FunnelCounts,
  FunnelStepDto,
  LiveRates,
  LiveTotals,
  ProductRow,
  Ratio,
  CommentRow,
} from './live-snapshot.schema.js';
import { funnelSteps } from './live-snapshot.schema.js';

/*
 * SPEC §4 in code: the one place where counts become rates. The live state and the SQL
 * recomputation both count, then both call these functions, so a rate can differ only if a
 * count does.
 */

/** `numerator × scale ÷ denominator`, null when the denominator is 0. */
export function ratio(numerator: number, denominator: number, scale = 1): Ratio {
  return { numerator, denominator, value: denominator === 0 ? null : (numerator * scale) / denominator };
}

/** As {@link ratio}, with no value when the numerator is unknown (null), shown as 0. */
export function knownRatio(numerator: number | null, denominator: number): Ratio {
  return numerator === null ? { numerator: 0, denominator, value: null } : ratio(numerator, denominator);
}

/** Every rate of the metric dictionary from the session totals. */
export function ratesOf(t: LiveTotals): LiveRates {
  return {
    averageDwellMs: knownRatio(t.totalDwellMs, t.pv),
    bounceRate2s: knownRatio(t.bounces, t.pv),
    oneMinuteViewRate: knownRatio(t.oneMinuteViews, t.pv),
    ctr: ratio(t.clicks, t.impressions),
    conversionRate: ratio(t.buyers, t.uv),
    gpm: ratio(t.gmvFen, t.pv, 1000),
    uvValue: ratio(t.gmvFen, t.uv),
    aov: ratio(t.gmvFen, t.paidOrders),
    roi: ratio(t.gmvFen, t.adSpendFen),
    interactionRate: ratio(t.comments + t.likes + t.shares, t.uv),
    followerConversion: ratio(t.newFollowers, t.uv),
    refundRate: ratio(t.refundFen, t.gmvFen),
  };
}

/** The funnel view → 1-minute view → product click → order → pay, with step-to-step rates. */
export function funnelOf(counts: FunnelCounts): FunnelStepDto[] {
  const first = counts[funnelSteps[0]];
  return funnelSteps.map((step, i) => {
    const previous = i === 0 ? counts[step] : counts[funnelSteps[i - 1] ?? step];
    return {
      step,
      count: counts[step],
      fromPrevious: ratio(counts[step], previous),
      fromFirst: ratio(counts[step], first),
    };
  });
}

/** The funnel counts of the session totals. */
export function funnelCountsOf(t: LiveTotals): FunnelCounts {
  return {
    views: t.pv,
    oneMinuteViews: t.oneMinuteViews ?? 0,
    clicks: t.clicks,
    orders: t.ordersCreated,
    pays: t.paidOrders,
  };
}

/** Totals with the two derived fields filled in from the counted ones. */
export function completeTotals(t: Omit<LiveTotals, 'netGmvFen' | 'onlineNow'>): LiveTotals {
  return { ...t, netGmvFen: t.gmvFen - t.refundFen, onlineNow: Math.max(0, t.pv - t.exits) };
}

/**
 * Byte order of the UTF-8 text, which is how Redis sorts equal-score members and ClickHouse
 * sorts strings; JavaScript's `<` compares UTF-16 units and disagrees outside the BMP.
 */
export function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** Leaderboard order: GMV, then paid orders, then clicks, all descending; then product id. */
export function compareProducts(a: ProductRow, b: ProductRow): number {
  return (
    b.gmvFen - a.gmvFen ||
    b.paidOrders - a.paidOrders ||
    b.clicks - a.clicks ||
    compareBytes(a.productId, b.productId)
  );
}

/** Comment stream order: newest occurredAt first, then id descending. */
export function compareComments(
  a: Pick<CommentRow, 'occurredAt' | 'id'>,
  b: Pick<CommentRow, 'occurredAt' | 'id'>,
): number {
  return b.occurredAt - a.occurredAt || compareBytes(b.id, a.id);
}

/** How many comments the stream keeps. */
export const commentStreamLength = 50;

/** The dwell a room.leave reports, or undefined when it reports none usable. */
export function dwellMsOf(properties: Readonly<Record<string, unknown>>): number | undefined {
  const dwell = properties['dwellMs'];
  return typeof dwell === 'number' && Number.isSafeInteger(dwell) && dwell >= 0 ? dwell : undefined;
}

export const bounceLimitMs = 2_000;
export const oneMinuteViewMs = 60_000;

/** Label of entries that carry no trafficSource. */
export const unknownTrafficSource = 'unknown';
