import type { ProductSalesRecord } from '@livecloud/analytics';

/**
 * How strongly the conversion estimate leans on its prior, in pseudo-clicks: a product's own
 * rate is blended with its category's as if the category had contributed 100 clicks at its
 * rate, and a category's with the organisation's as if with 200. A product with 100 real clicks
 * therefore sits halfway between its own rate and its category's.
 */
export const conversionPrior = { productClicks: 100, categoryClicks: 200 } as const;

/** Units a SKU is assumed to need for a session when no past session sold anything. */
export const defaultStockNeedUnits = 100;

interface Tally {
  clicks: number;
  orders: number;
  units: number;
  /** Distinct (product, session) pairs the units were sold in. */
  appearances: Set<string>;
}

function tally(): Tally {
  return { clicks: 0, orders: 0, units: 0, appearances: new Set() };
}

/** Past sessions' clicks, paid orders and units summed per SKU, product, category and organisation. */
export interface HistoryStats {
  org: Tally;
  byCategory: Map<string, Tally>;
  byProduct: Map<string, Tally>;
  bySku: Map<string, Tally>;
}

/** Sums the records; a product whose category is unknown still counts for the organisation. */
export function historyStats(
  records: readonly ProductSalesRecord[],
  categoryOf: ReadonlyMap<string, string>,
): HistoryStats {
  const stats: HistoryStats = { org: tally(), byCategory: new Map(), byProduct: new Map(), bySku: new Map() };
  const add = (t: Tally, r: ProductSalesRecord) => {
    t.clicks += r.clicks;
    t.orders += r.paidOrders;
    t.units += r.units;
    t.appearances.add(`${r.productId}\u0000${r.sessionId}`);
  };
  const at = (map: Map<string, Tally>, key: string) => {
    const existing = map.get(key);
    if (existing) return existing;
    const fresh = tally();
    map.set(key, fresh);
    return fresh;
  };
  for (const record of records) {
    add(stats.org, record);
    add(at(stats.byProduct, record.productId), record);
    if (record.skuId !== '') add(at(stats.bySku, `${record.productId}\u0000${record.skuId}`), record);
    const category = categoryOf.get(record.productId);
    if (category !== undefined) add(at(stats.byCategory, category), record);
  }
  return stats;
}

/** A product's conversion (paid orders ÷ clicks), its raw inputs and the priors it was shrunk toward. */
export interface ConversionEstimate {
  clicks: number;
  orders: number;
  /** The product's own rate; null without clicks. */
  rawRate: number | null;
  categoryClicks: number;
  categoryOrders: number;
  /** The category's rate shrunk toward the organisation's. */
  categoryRate: number;
  orgClicks: number;
  orgOrders: number;
  orgRate: number;
  /** The product's rate shrunk toward its category's: what the score uses. */
  rate: number;
  priorClicks: { product: number; category: number };
}

/**
 * Empirical-Bayes shrinkage in two levels: the organisation's rate is the prior of the
 * category's, the category's the prior of the product's, each with the pseudo-click weight of
 * {@link conversionPrior}. Null when the organisation has no clicks at all: then there is
 * nothing to compare against and the score leaves conversion out.
 */
export function estimateConversion(
  stats: HistoryStats,
  productId: string,
  categoryId: string,
  prior: { productClicks: number; categoryClicks: number } = conversionPrior,
): ConversionEstimate | null {
  if (stats.org.clicks <= 0) return null;
  const orgRate = stats.org.orders / stats.org.clicks;
  const category = stats.byCategory.get(categoryId) ?? tally();
  const categoryRate =
    (category.orders + prior.categoryClicks * orgRate) / (category.clicks + prior.categoryClicks);
  const product = stats.byProduct.get(productId) ?? tally();
  const rate = (product.orders + prior.productClicks * categoryRate) / (product.clicks + prior.productClicks);
  return {
    clicks: product.clicks,
    orders: product.orders,
    rawRate: product.clicks > 0 ? product.orders / product.clicks : null,
    categoryClicks: category.clicks,
    categoryOrders: category.orders,
    categoryRate,
    orgClicks: stats.org.clicks,
    orgOrders: stats.org.orders,
    orgRate,
    rate,
    priorClicks: { product: prior.productClicks, category: prior.categoryClicks },
  };
}

export type StockNeedBasis = 'sku' | 'product' | 'category' | 'org' | 'default';

/** The units a SKU is expected to sell in one session, and what that expectation rests on. */
export interface StockNeed {
  units: number;
  basis: StockNeedBasis;
}

/**
 * Expected units per session for a SKU: the SKU's own average over the sessions it sold in;
 * else its product's average, or its category's or the organisation's average per product and
 * session, split evenly over the product's SKUs; else {@link defaultStockNeedUnits}.
 */
export function stockNeed(
  stats: HistoryStats,
  item: { productId: string; skuId: string; categoryId: string; skuCount: number },
): StockNeed {
  const average = (t: Tally | undefined) =>
    t && t.appearances.size > 0 && t.units > 0 ? t.units / t.appearances.size : null;
  const perSku = (units: number) => Math.max(1, Math.ceil(units / Math.max(1, item.skuCount)));
  const own = average(stats.bySku.get(`${item.productId}\u0000${item.skuId}`));
  if (own !== null) return { units: Math.max(1, Math.ceil(own)), basis: 'sku' };
  const product = average(stats.byProduct.get(item.productId));
  if (product !== null) return { units: perSku(product), basis: 'product' };
  const category = average(stats.byCategory.get(item.categoryId));
  if (category !== null) return { units: perSku(category), basis: 'category' };
  const org = average(stats.org);
  if (org !== null) return { units: perSku(org), basis: 'org' };
  return { units: defaultStockNeedUnits, basis: 'default' };
}
