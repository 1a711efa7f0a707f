import type { ProductSalesRecord } from '@livecloud/analytics';
import type { ForecastHistory } from './forecast-model.types.js';
import { refundMature, type ModelOptions } from './training-set.js';

/** A ratio of sums (refunds ÷ GMV, units ÷ orders) at one level, with the mass behind it. */
interface Tally {
  num: number;
  den: number;
}

/** Rates a forecast applies to its GMV and units, each shrunk product → category → org. */
export interface RateModel {
  /** Refunded amount ÷ GMV (SPEC §4 refund rate). */
  refundRate(productId: string, path: readonly string[]): number;
  /** Units per paid order. */
  unitsPerOrder(productId: string, path: readonly string[]): number;
  /** How many mature sessions the refund rates come from. */
  refundSessions: number;
}

// Pseudo-counts that pull a thin level toward the one above it: refunds in average orders' worth
// of GMV, units per order in orders.
const refundPseudoOrders = 20;
const unitsPseudoOrders = 10;

function add(map: Map<string, Tally>, key: string, num: number, den: number): void {
  const t = map.get(key) ?? { num: 0, den: 0 };
  t.num += num;
  t.den += den;
  map.set(key, t);
}

/**
 * A hierarchical ratio: the organisation's pooled ratio, each category's shrunk toward its parent
 * (outermost first), each product's toward its most specific category.
 */
function hierarchy(
  records: readonly ProductSalesRecord[],
  paths: ReadonlyMap<string, readonly string[]>,
  part: (r: ProductSalesRecord) => { num: number; den: number },
  mass: number,
  fallback: number,
): (productId: string, path: readonly string[]) => number {
  const byProduct = new Map<string, Tally>();
  const byCategory = new Map<string, Tally>();
  const org: Tally = { num: 0, den: 0 };
  for (const r of records) {
    const { num, den } = part(r);
    add(byProduct, r.productId, num, den);
    for (const c of paths.get(r.productId) ?? []) add(byCategory, c, num, den);
    org.num += num;
    org.den += den;
  }
  const orgRate = org.den > 0 ? org.num / org.den : fallback;
  const shrink = (t: Tally | undefined, prior: number) =>
    t === undefined || t.den <= 0 ? prior : (t.num + mass * prior) / (t.den + mass);
  return (productId, path) => {
    let rate = orgRate;
    for (const c of [...path].reverse()) rate = shrink(byCategory.get(c), rate);
    const own = byProduct.get(productId);
    return shrink(own, rate);
  };
}

/**
 * Refund and units-per-order rates from the history. Refund rates read only sessions at least
 * `refundMaturityDays` old when there are any, because late refunds (after delivery) would make
 * recent sessions look better than they are.
 */
export function fitRates(history: ForecastHistory, asOf: number, options: ModelOptions): RateModel {
  const sessions = new Map(history.sessions.map((s) => [s.sessionId, s]));
  const matureIds = new Set(
    history.sessions.filter((s) => refundMature(s, asOf, options)).map((s) => s.sessionId),
  );
  const anyMature = history.products.some((r) => matureIds.has(r.sessionId) && r.gmvFen > 0);
  const refundRecords = history.products.filter(
    (r) => sessions.has(r.sessionId) && (!anyMature || matureIds.has(r.sessionId)),
  );
  const orders = refundRecords.reduce((sum, r) => sum + r.paidOrders, 0);
  const gmv = refundRecords.reduce((sum, r) => sum + r.gmvFen, 0);
  // 20 average orders' worth of GMV: a product with a handful of orders barely moves off its category.
  const refundMass = refundPseudoOrders * (orders > 0 ? gmv / orders : 0);
  const refundRate = hierarchy(
    refundRecords,
    history.categoryPaths,
    (r) => ({ num: r.refundFen, den: r.gmvFen }),
    refundMass,
    0,
  );
  const unitsPerOrder = hierarchy(
    history.products,
    history.categoryPaths,
    (r) => ({ num: r.units, den: r.paidOrders }),
    unitsPseudoOrders,
    1,
  );
  return {
    refundRate: (id, path) => Math.min(1, Math.max(0, refundRate(id, path))),
    unitsPerOrder: (id, path) => Math.max(1, unitsPerOrder(id, path)),
    refundSessions: new Set(refundRecords.map((r) => r.sessionId)).size,
  };
}
