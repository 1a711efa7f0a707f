import { formatFen } from '@livecloud/core';
import type { LineupValidationDto } from './lineup.schema.js';
import type { CatalogueProduct, LowestPriceProvider, ProductCatalogue } from './ports.js';

type Problem = LineupValidationDto['problems'][number];
type Check = LineupValidationDto['checks'][number];

export interface ItemToValidate {
  id: string;
  productId: string;
  skuId: string;
  explainMinutes: number;
  livePriceFen: number;
  stockAllocation: number;
}

/**
 * Checks a line-up and reports every problem per item: a product that is unknown or not
 * approved, more stock allocated than the SKU has (summed over the items that sell it), a live
 * price above the lowest-price reference, and more explain time than the session lasts. A
 * check whose provider is not connected is reported as skipped, never as passed.
 */
export async function validateLineup(
  orgId: string,
  lineup: { sessionMinutes: number; items: readonly ItemToValidate[] },
  providers: { catalogue?: ProductCatalogue | undefined; prices?: LowestPriceProvider | undefined },
  products?: ReadonlyMap<string, CatalogueProduct>,
): Promise<LineupValidationDto> {
  const problems: Problem[] = [];
  const checks: Check[] = [];
  const { items } = lineup;

  const { catalogue, prices } = providers;
  if (catalogue) {
    const known =
      products ??
      (await productsById(
        orgId,
        catalogue,
        items.map((i) => i.productId),
      ));
    const before = problems.length;
    for (const item of items) {
      const product = known.get(item.productId);
      if (!product) {
        problems.push({
          itemId: item.id,
          code: 'product_not_found',
          message: `Product ${item.productId} is not in the catalogue`,
          details: { productId: item.productId },
        });
      } else if (!product.skus.some((s) => s.id === item.skuId)) {
        problems.push({
          itemId: item.id,
          code: 'sku_not_found',
          message: `${product.title} has no SKU ${item.skuId}`,
          details: { productId: item.productId, skuId: item.skuId },
        });
      } else if (!product.approved) {
        problems.push({
          itemId: item.id,
          code: 'product_not_approved',
          message: `${product.title} is not approved (status ${product.status})`,
          details: { productId: item.productId, status: product.status },
        });
      }
    }
    checks.push({ check: 'approval', status: problems.length > before ? 'failed' : 'passed', reason: null });

    const stockBefore = problems.length;
    const allocated = new Map<string, number>();
    for (const item of items)
      allocated.set(item.skuId, (allocated.get(item.skuId) ?? 0) + item.stockAllocation);
    const available = new Map<string, number>();
    for (const skuId of allocated.keys()) available.set(skuId, await catalogue.availableStock(orgId, skuId));
    for (const item of items) {
      const total = allocated.get(item.skuId) ?? 0;
      const stock = available.get(item.skuId) ?? 0;
      if (total > stock) {
        problems.push({
          itemId: item.id,
          code: 'stock_exceeded',
          message: `${total} units allocated for SKU ${item.skuId}, but only ${stock} available`,
          details: { skuId: item.skuId, allocated: total, available: stock },
        });
      }
    }
    checks.push({
      check: 'stock',
      status: problems.length > stockBefore ? 'failed' : 'passed',
      reason: null,
    });
  } else {
    const reason = 'no product catalogue is connected';
    checks.push(
      { check: 'approval', status: 'skipped', reason },
      { check: 'stock', status: 'skipped', reason },
    );
  }

  if (prices) {
    const before = problems.length;
    for (const item of items) {
      const reference = await prices.lowestPrice(orgId, item.productId, item.skuId);
      if (reference && item.livePriceFen > reference.lowestFen) {
        problems.push({
          itemId: item.id,
          code: 'price_above_lowest',
          message: `Live price ${formatFen(item.livePriceFen)} is above the lowest price ${formatFen(reference.lowestFen)} (${reference.source})`,
          details: {
            livePriceFen: item.livePriceFen,
            lowestFen: reference.lowestFen,
            source: reference.source,
            observedAt: reference.observedAt,
          },
        });
      }
    }
    checks.push({
      check: 'lowest_price',
      status: problems.length > before ? 'failed' : 'passed',
      reason: null,
    });
  } else {
    checks.push({
      check: 'lowest_price',
      status: 'skipped',
      reason: 'no lowest-price provider is connected',
    });
  }

  const totalMinutes = items.reduce((sum, item) => sum + item.explainMinutes, 0);
  const overTime = totalMinutes > lineup.sessionMinutes;
  if (overTime) {
    problems.push({
      itemId: null,
      code: 'explain_time_exceeds_session',
      message: `Planned explain time is ${totalMinutes} minutes but the session lasts ${lineup.sessionMinutes}`,
      details: { totalExplainMinutes: totalMinutes, sessionMinutes: lineup.sessionMinutes },
    });
  }
  checks.push({ check: 'explain_time', status: overTime ? 'failed' : 'passed', reason: null });

  return { ok: problems.length === 0, problems, checks };
}

/** The catalogue's products for these ids, by id. */
export async function productsById(
  orgId: string,
  catalogue: ProductCatalogue,
  productIds: readonly string[],
): Promise<Map<string, CatalogueProduct>> {
  const unique = [...new Set(productIds)];
  if (unique.length === 0) return new Map();
  return new Map((await catalogue.products(orgId, unique)).map((p) => [p.id, p]));
}
