import type { CounterField, MinuteField, ProductField } from './live-effects.js';
import { minuteMs, minuteOf } from './live-effects.js';
import type { CommentRow, Explaining, LiveMinute, LiveSnapshot, ProductRow } from './live-snapshot.schema.js';
import {
  commentStreamLength,
  compareBytes,
  compareComments,
  compareProducts,
  completeTotals,
  funnelCountsOf,
  funnelOf,
  ratesOf,
  ratio,
} from './metric-dictionary.js';
import { emptyDwellTally, tallyOpen, type DwellTally } from './viewer-visits.js';

/**
 * What a live state store keeps for one session, read back in one consistent piece. Sparse:
 * only minutes, sources and products that have events. {@link snapshotFromTallies} turns it
 * into the snapshot.
 */
export interface LiveTallies {
  sessionId: string;
  accountId: string | null;
  counters: Record<CounterField, number>;
  uv: number;
  buyers: number;
  /** Earliest and latest occurredAt of events other than refunds. */
  firstAt: number | null;
  lastAt: number | null;
  peakOnline: number;
  /** Entry times of the visits still open, which count up to `lastAt` (viewer-visits.ts). */
  openVisits: Iterable<number>;
  /** Keyed by minute index (epoch minutes). */
  minutes: ReadonlyMap<number, Readonly<Record<MinuteField, number>>>;
  sources: ReadonlyMap<string, number>;
  products: ReadonlyMap<string, Readonly<Record<ProductField, number>>>;
  /** At least the latest {@link commentStreamLength} comments, in any order. */
  comments: readonly CommentRow[];
  explaining: Explaining;
}

/** A zeroed record over the given field names. */
export function zeroes<F extends string>(fields: readonly F[]): Record<F, number> {
  return Object.fromEntries(fields.map((f) => [f, 0])) as Record<F, number>;
}

/**
 * The most minutes a session's series holds: two days, longer than the longest marathon live.
 * A session whose events span more (an import of old events, a wrong clock) is drawn for its
 * last two days; minutes before still count in the running totals. Whatever the data says, a
 * board read builds at most this many points. The SQL recomputation keeps the same bound.
 */
export const maxSeriesMinutes = 2_880;

function seriesOf(t: LiveTallies, open: DwellTally): LiveMinute[] {
  if (t.firstAt === null || t.lastAt === null) return [];
  const series: LiveMinute[] = [];
  const cumulative = { gmvFen: 0, exits: 0, views: 0, oneMinuteViews: 0, clicks: 0, orders: 0, pays: 0 };
  const lastMinute = minuteOf(t.lastAt);
  const fromMinute = Math.max(minuteOf(t.firstAt), lastMinute - maxSeriesMinutes + 1);
  for (const [m, b] of t.minutes) {
    if (m >= fromMinute) continue;
    cumulative.gmvFen += b.gmv;
    cumulative.exits += b.exits;
    cumulative.views += b.entries;
    cumulative.oneMinuteViews += b.oneMin;
    cumulative.clicks += b.clicks;
    cumulative.orders += b.orders;
    cumulative.pays += b.pays;
  }
  for (const [m, n] of open.oneMinuteByMinute) if (m < fromMinute) cumulative.oneMinuteViews += n;
  for (let m = fromMinute; m <= lastMinute; m++) {
    const b = t.minutes.get(m);
    const funnel = {
      views: b?.entries ?? 0,
      oneMinuteViews: (b?.oneMin ?? 0) + (open.oneMinuteByMinute.get(m) ?? 0),
      clicks: b?.clicks ?? 0,
      orders: b?.orders ?? 0,
      pays: b?.pays ?? 0,
    };
    const gmvFen = b?.gmv ?? 0;
    const exits = b?.exits ?? 0;
    cumulative.gmvFen += gmvFen;
    cumulative.exits += exits;
    cumulative.views += funnel.views;
    cumulative.oneMinuteViews += funnel.oneMinuteViews;
    cumulative.clicks += funnel.clicks;
    cumulative.orders += funnel.orders;
    cumulative.pays += funnel.pays;
    series.push({
      minute: m * minuteMs,
      gmvFen,
      entries: funnel.views,
      exits,
      onlineAtEnd: Math.max(0, cumulative.views - cumulative.exits),
      funnel,
      cumulative: { ...cumulative },
    });
  }
  return series;
}

function productRowsOf(t: LiveTallies): ProductRow[] {
  return [...t.products.entries()]
    .map(([productId, p]) => ({
      productId,
      impressions: p.imp,
      clicks: p.clk,
      cartAdds: p.cart,
      orders: p.ord,
      paidOrders: p.paid,
      gmvFen: p.gmv,
      ctr: ratio(p.clk, p.imp),
      conversion: ratio(p.paid, p.clk),
      explaining: t.explaining?.productId === productId,
    }))
    .sort(compareProducts);
}

/** The snapshot a live store reports: totals, rates, funnel, dense minute series and lists. */
export function snapshotFromTallies(t: LiveTallies): LiveSnapshot {
  const c = t.counters;
  const open = emptyDwellTally();
  if (t.lastAt !== null) tallyOpen(open, t.openVisits, t.lastAt);
  // No visit with a known dwell (no entry, no leave reporting one): unknown, not 0 s.
  const measured = c.visits + open.visits > 0;
  const totals = completeTotals({
    gmvFen: c.gmv,
    refundFen: c.refundFen,
    refunds: c.refunds,
    paidOrders: c.paid,
    ordersCreated: c.created,
    buyers: t.buyers,
    peakOnline: t.peakOnline,
    uv: t.uv,
    pv: c.pv,
    exits: c.exits,
    totalDwellMs: measured ? c.dwellMs + open.dwellMs : null,
    bounces: measured ? c.bounces : null,
    oneMinuteViews: measured ? c.oneMin + open.oneMinuteViews : null,
    impressions: c.impressions,
    clicks: c.clicks,
    cartAdds: c.carts,
    adSpendFen: c.adSpend,
    newFollowers: c.follows,
    fanClubJoins: c.fanclub,
    comments: c.comments,
    likes: c.likes,
    shares: c.shares,
  });
  return {
    sessionId: t.sessionId,
    accountId: t.accountId,
    eventCount: c.events,
    firstEventAt: t.firstAt,
    lastEventAt: t.lastAt,
    totals,
    rates: ratesOf(totals),
    funnel: funnelOf(funnelCountsOf(totals)),
    series: seriesOf(t, open),
    trafficSources: [...t.sources.entries()]
      .map(([source, entries]) => ({ source, entries, share: ratio(entries, c.pv) }))
      .sort((a, b) => b.entries - a.entries || compareBytes(a.source, b.source)),
    products: productRowsOf(t),
    explaining: t.explaining,
    comments: [...t.comments].sort(compareComments).slice(0, commentStreamLength),
  };
}
