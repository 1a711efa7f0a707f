import { AppError } from '@livecloud/core';
import { couponReachesPrice } from './lineup-price-rules.js';
import type { Mechanism } from './lineup.schema.js';
import type { ProductCatalogue } from './ports.js';

/**
 * The price rules a line-up item may not break, refused on write with a code and the figures
 * (the web form checks the same): a flash price or a coupon at or above the live price, and,
 * when the catalogue is connected, a live price above the SKU's list price.
 */
export async function assertItemPrices(
  orgId: string,
  item: { productId: string; skuId: string; livePriceFen: number; mechanism: Mechanism },
  catalogue: ProductCatalogue | undefined,
): Promise<void> {
  const { livePriceFen, mechanism } = item;
  if (mechanism.type === 'flash_sale' && mechanism.flashPriceFen >= livePriceFen) {
    throw AppError.invalid('flash_price_not_below_live', 'A flash-sale price must be below the live price', {
      flashPriceFen: mechanism.flashPriceFen,
      livePriceFen,
    });
  }
  if (mechanism.type === 'coupon' && couponReachesPrice(livePriceFen, mechanism)) {
    throw AppError.invalid('coupon_not_below_price', 'A coupon must be below the live price', {
      discountFen: mechanism.discountFen,
      livePriceFen,
    });
  }
  if (!catalogue) return;
  const [product] = await catalogue.products(orgId, [item.productId]);
  const sku = product?.skus.find((s) => s.id === item.skuId);
  if (sku && livePriceFen > sku.listPriceFen) {
    throw AppError.invalid('live_price_above_list', 'The live price cannot be above the list price', {
      skuId: item.skuId,
      livePriceFen,
      listPriceFen: sku.listPriceFen,
    });
  }
}

/** The warehouse reference under which a line-up item holds its stock. */
export const reservationOf = (itemId: string): string => `lineup_item:${itemId}`;
