import type { ProductSalesRecord } from '@livecloud/analytics';
import type { PriceObservationRow } from './price-observation.repository.js';
import type { ObservationSource, PricePlatform } from './selection.tables.js';

export const dayMs = 86_400_000;
export { defaultWindowDays, maxWindowDays } from './price.schema.js';

/** One price of a product at one time: an observation or a past session's lowest paid unit price. */
export interface PricePoint {
  productId: string;
  /** Null when the price holds for the whole product. */
  skuId: string | null;
  priceFen: number;
  /** Epoch ms. */
  at: number;
  source: ObservationSource | 'session';
  platform: PricePlatform | null;
  reference: string | null;
  observationId: string | null;
  sessionId: string | null;
}

/** The lowest price inside a window and where and when it was seen. */
export type LowestPrice = PricePoint;

/** The live price against the lowest price in the window. */
export interface LowestPriceCheck {
  lowest: LowestPrice | null;
  /** The live price is above the lowest price seen: the lowest-price guarantee would be broken. */
  flagged: boolean;
  /** Live price minus the lowest price; null without a reference. Negative when below. */
  gapFen: number | null;
  /** The gap relative to the lowest price in basis points; null without a reference or when it was 0. */
  gapBp: number | null;
}

export function observationPoint(row: PriceObservationRow): PricePoint {
  return {
    productId: row.product_id,
    skuId: row.sku_id,
    priceFen: row.price_fen,
    at: row.observed_at.getTime(),
    source: row.source,
    platform: row.platform,
    reference: row.reference,
    observationId: row.id,
    sessionId: null,
  };
}

/** A past session's lowest paid unit price as a price point; nothing when nothing was paid. */
export function sessionPoint(record: ProductSalesRecord): PricePoint | undefined {
  if (record.minUnitPriceFen === null) return undefined;
  return {
    productId: record.productId,
    skuId: record.skuId === '' ? null : record.skuId,
    priceFen: record.minUnitPriceFen,
    at: record.startedAt,
    source: 'session',
    platform: null,
    reference: record.sessionId,
    observationId: null,
    sessionId: record.sessionId,
  };
}

/** A SKU of a product: product-wide prices need the product to know where they apply. */
export interface SkuTarget {
  productId: string;
  skuId: string;
}

/** Whether a point speaks for the SKU: its own price, or one that holds for its whole product. */
export function appliesToSku(point: PricePoint, target: SkuTarget): boolean {
  return point.productId === target.productId && (point.skuId === null || point.skuId === target.skuId);
}

/**
 * The lowest price for a SKU among the points seen from `since` to `until` (epoch ms, both
 * inclusive), counting product-wide points too. On a tie the most recent sighting wins: it is
 * the one a buyer is most likely to remember and the easiest to check.
 */
export function lowestInWindow(
  points: readonly PricePoint[],
  target: SkuTarget,
  window: { since: number; until: number },
): LowestPrice | null {
  let best: PricePoint | null = null;
  for (const point of points) {
    if (!appliesToSku(point, target) || point.at < window.since || point.at > window.until) continue;
    if (
      best === null ||
      point.priceFen < best.priceFen ||
      (point.priceFen === best.priceFen && point.at > best.at)
    )
      best = point;
  }
  return best;
}

/** Flags a live price above the lowest price; a live price equal to it keeps the guarantee. */
export function checkLowestPrice(livePriceFen: number, lowest: LowestPrice | null): LowestPriceCheck {
  if (lowest === null) return { lowest, flagged: false, gapFen: null, gapBp: null };
  const gapFen = livePriceFen - lowest.priceFen;
  return {
    lowest,
    flagged: gapFen > 0,
    gapFen,
    gapBp: lowest.priceFen === 0 ? null : Math.round((gapFen * 10_000) / lowest.priceFen),
  };
}

/** A SKU's time series: its own points and the product-wide ones, oldest first. */
export function seriesForSku(points: readonly PricePoint[], target: SkuTarget): PricePoint[] {
  return points.filter((p) => appliesToSku(p, target)).sort((a, b) => a.at - b.at || a.priceFen - b.priceFen);
}

/** The window of the last `days` days up to `now`. */
export function windowOf(now: number, days: number): { since: number; until: number } {
  return { since: now - days * dayMs, until: now };
}

/** The `source` string the lowest-price guarantee reports: `session:ses_…`, `platform:douyin`, `manual`. */
export function describeSource(point: PricePoint): string {
  if (point.source === 'session') return `session:${point.sessionId ?? ''}`;
  return point.platform ? `${point.source}:${point.platform}` : point.source;
}
