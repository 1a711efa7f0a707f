import type { LineupValidationDto, Mechanism } from './lineup.schema.js';
import type { CatalogueProduct } from './ports.js';

type Problem = LineupValidationDto['problems'][number];

/**
 * What a buyer pays for one unit after the mechanism: the flash price during a flash sale, the
 * live price less the coupon when one unit reaches the coupon's threshold, else the live price.
 */
export function buyerPriceFen(livePriceFen: number, mechanism: Mechanism): number {
  switch (mechanism.type) {
    case 'coupon':
      return mechanism.thresholdFen <= livePriceFen
        ? Math.max(0, livePriceFen - mechanism.discountFen)
        : livePriceFen;
    case 'flash_sale':
      return Math.min(livePriceFen, mechanism.flashPriceFen);
    case 'gift':
    case 'giveaway':
    case 'none':
      return livePriceFen;
  }
}

/**
 * What the mechanism gives away per unit sold, and for how many units at most (null: all):
 * the coupon's value when a unit reaches its threshold, the gift's value, the flash discount.
 * A giveaway's prize belongs to the session, not to units sold.
 */
export function mechanismCostOf(
  livePriceFen: number,
  mechanism: Mechanism,
): { perUnitFen: number; limit: number | null } {
  switch (mechanism.type) {
    case 'coupon':
      return {
        perUnitFen: livePriceFen - buyerPriceFen(livePriceFen, mechanism),
        limit: mechanism.quantity ?? null,
      };
    case 'gift':
      return { perUnitFen: mechanism.giftValueFen ?? 0, limit: mechanism.quantity };
    case 'flash_sale':
      return { perUnitFen: livePriceFen - buyerPriceFen(livePriceFen, mechanism), limit: mechanism.quantity };
    case 'giveaway':
    case 'none':
      return { perUnitFen: 0, limit: null };
  }
}

/** A coupon worth as much as the price gives the item away; it must stay below the live price. */
export function couponReachesPrice(livePriceFen: number, mechanism: Mechanism): boolean {
  return mechanism.type === 'coupon' && mechanism.discountFen >= livePriceFen;
}

export interface PricedItem {
  id: string;
  productId: string;
  skuId: string;
  livePriceFen: number;
  mechanism: Mechanism;
}

/**
 * Price rules of each item against its SKU: the live price may not exceed the list price nor a
 * coupon reach the live price (errors; the API refuses both on write), and the price the buyer
 * pays should not fall below cost (a warning: a loss leader can be meant).
 */
export function priceRuleProblems(
  items: readonly PricedItem[],
  products: ReadonlyMap<string, CatalogueProduct>,
): Problem[] {
  const problems: Problem[] = [];
  for (const item of items) {
    const sku = products.get(item.productId)?.skus.find((s) => s.id === item.skuId);
    if (sku && item.livePriceFen > sku.listPriceFen) {
      problems.push({
        itemId: item.id,
        code: 'live_price_above_list',
        severity: 'error',
        message: 'The live price is above the list price',
        details: { skuId: item.skuId, livePriceFen: item.livePriceFen, listPriceFen: sku.listPriceFen },
      });
    }
    if (item.mechanism.type === 'coupon' && couponReachesPrice(item.livePriceFen, item.mechanism)) {
      problems.push({
        itemId: item.id,
        code: 'coupon_exceeds_price',
        severity: 'error',
        message: 'The coupon is not below the live price',
        details: {
          skuId: item.skuId,
          discountFen: item.mechanism.discountFen,
          livePriceFen: item.livePriceFen,
        },
      });
    }
    const payFen = buyerPriceFen(item.livePriceFen, item.mechanism);
    if (sku && payFen < sku.costFen) {
      problems.push({
        itemId: item.id,
        code: 'price_below_cost',
        severity: 'warning',
        message: 'The buyer pays less than the cost',
        details: { skuId: item.skuId, payFen, livePriceFen: item.livePriceFen, costFen: sku.costFen },
      });
    }
  }
  return problems;
}

/** Every item after the first that sells a SKU already in the line-up (a warning). */
export function duplicateSkuProblems(items: readonly PricedItem[]): Problem[] {
  const bySku = new Map<string, string[]>();
  for (const item of items) bySku.set(item.skuId, [...(bySku.get(item.skuId) ?? []), item.id]);
  return items.flatMap((item) => {
    const ids = bySku.get(item.skuId) ?? [];
    if (ids.length < 2 || ids[0] === item.id) return [];
    return [
      {
        itemId: item.id,
        code: 'duplicate_sku' as const,
        severity: 'warning' as const,
        message: 'The SKU is in the line-up more than once',
        details: { skuId: item.skuId, count: ids.length, firstItemId: ids[0] ?? null },
      },
    ];
  });
}
