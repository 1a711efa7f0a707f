import { formatFen } from '@livecloud/core';
import { duplicateSkuProblems, priceRuleProblems, buyerPriceFen } from './lineup-price-rules.js';
import { requirementProblems } from './lineup-requirements.js';
import type { LineupValidationDto, Mechanism } from './lineup.schema.js';
import type { CatalogueProduct, LowestPriceProvider, ProductCatalogue } from './ports.js';
import type { PoolRequirementDto } from './requirement.schema.js';

type Problem = LineupValidationDto['problems'][number];
type Check = LineupValidationDto['checks'][number];
type CheckName = Check['check'];

export interface ItemToValidate {
  id: string;
  productId: string;
  skuId: string;
  explainMinutes: number;
  livePriceFen: number;
  mechanism: Mechanism;
  stockAllocation: number;
}

export interface LineupToValidate {
  sessionMinutes: number;
  items: readonly ItemToValidate[];
  /** The session's selection requirements; the check is skipped when there are none. */
  requirements?: readonly PoolRequirementDto[] | undefined;
  /** Warehouse references under which this line-up's items hold stock (they count as available). */
  ownReservations?: readonly string[] | undefined;
}

/**
 * Checks a line-up and reports every problem with a code, a severity and its figures (clients
 * word them): a product that is unknown or not approved, more stock allocated than the SKU has
 * (summed over the items that sell it), price rules (list price, coupon, cost), a SKU listed
 * twice, selection requirements left short, a price the buyer pays above the lowest-price
 * reference, and more explain time than the session lasts. Every look-up is one batch for the
 * whole line-up. A check whose provider is not connected is skipped, never passed; `ok` means
 * no errors (warnings do not block).
 */
export async function validateLineup(
  orgId: string,
  lineup: LineupToValidate,
  providers: { catalogue?: ProductCatalogue | undefined; prices?: LowestPriceProvider | undefined },
  products?: ReadonlyMap<string, CatalogueProduct>,
): Promise<LineupValidationDto> {
  const problems: Problem[] = [];
  const checks: Check[] = [];
  const { items } = lineup;
  const run = (check: CheckName, found: readonly Problem[]) => {
    problems.push(...found);
    checks.push({ check, status: found.length > 0 ? 'failed' : 'passed', reason: null });
  };
  const skip = (check: CheckName, reason: string) => checks.push({ check, status: 'skipped', reason });

  const { catalogue, prices } = providers;
  const [known, available, lowest] = await Promise.all([
    catalogue
      ? (products ??
        productsById(
          orgId,
          catalogue,
          items.map((i) => i.productId),
        ))
      : undefined,
    catalogue
      ? catalogue.availableStock(orgId, [...new Set(items.map((i) => i.skuId))], lineup.ownReservations ?? [])
      : undefined,
    prices && items.length > 0 ? prices.lowestPrices(orgId, items) : undefined,
  ]);

  if (known && available) {
    run('approval', approvalProblems(items, known));
    run('stock', stockProblems(items, available));
    run('price_rules', priceRuleProblems(items, known));
  } else {
    const reason = 'no product catalogue is connected';
    for (const check of ['approval', 'stock', 'price_rules'] as const) skip(check, reason);
  }
  run('duplicates', duplicateSkuProblems(items));
  if (!known) skip('requirements', 'no product catalogue is connected');
  else if (!lineup.requirements || lineup.requirements.length === 0)
    skip('requirements', 'the session has no selection requirements');
  else run('requirements', requirementProblems(lineup.requirements, items, known));

  if (prices) run('lowest_price', lowestPriceProblems(items, lowest ?? new Map()));
  else skip('lowest_price', 'no lowest-price provider is connected');

  const totalMinutes = items.reduce((sum, item) => sum + item.explainMinutes, 0);
  run(
    'explain_time',
    totalMinutes > lineup.sessionMinutes
      ? [
          {
            itemId: null,
            code: 'explain_time_exceeds_session',
            severity: 'error',
            message: `Planned explain time is ${totalMinutes} minutes but the session lasts ${lineup.sessionMinutes}`,
            details: { totalExplainMinutes: totalMinutes, sessionMinutes: lineup.sessionMinutes },
          },
        ]
      : [],
  );

  return { ok: problems.every((p) => p.severity !== 'error'), problems, checks };
}

function approvalProblems(
  items: readonly ItemToValidate[],
  known: ReadonlyMap<string, CatalogueProduct>,
): Problem[] {
  return items.flatMap((item): Problem[] => {
    const product = known.get(item.productId);
    if (!product) {
      return [
        {
          itemId: item.id,
          code: 'product_not_found',
          severity: 'error',
          message: `Product ${item.productId} is not in the catalogue`,
          details: { productId: item.productId },
        },
      ];
    }
    if (!product.skus.some((s) => s.id === item.skuId)) {
      return [
        {
          itemId: item.id,
          code: 'sku_not_found',
          severity: 'error',
          message: `${product.title} has no SKU ${item.skuId}`,
          details: { productId: item.productId, skuId: item.skuId },
        },
      ];
    }
    if (!product.approved) {
      return [
        {
          itemId: item.id,
          code: 'product_not_approved',
          severity: 'error',
          message: `${product.title} is not approved (status ${product.status})`,
          details: { productId: item.productId, skuId: item.skuId, status: product.status },
        },
      ];
    }
    return [];
  });
}

function stockProblems(items: readonly ItemToValidate[], available: ReadonlyMap<string, number>): Problem[] {
  const allocated = new Map<string, number>();
  for (const item of items)
    allocated.set(item.skuId, (allocated.get(item.skuId) ?? 0) + item.stockAllocation);
  return items.flatMap((item): Problem[] => {
    const total = allocated.get(item.skuId) ?? 0;
    const stock = available.get(item.skuId) ?? 0;
    if (total <= stock) return [];
    return [
      {
        itemId: item.id,
        code: 'stock_exceeded',
        severity: 'error',
        message: `${total} units allocated, but only ${stock} available`,
        details: { skuId: item.skuId, allocated: total, available: stock },
      },
    ];
  });
}

/** The price the buyer pays after the mechanism, against the lowest price seen for the SKU. */
function lowestPriceProblems(
  items: readonly ItemToValidate[],
  lowest: ReadonlyMap<string, { lowestFen: number; source: string; observedAt: string }>,
): Problem[] {
  return items.flatMap((item): Problem[] => {
    const reference = lowest.get(item.skuId);
    const payFen = buyerPriceFen(item.livePriceFen, item.mechanism);
    if (!reference || payFen <= reference.lowestFen) return [];
    return [
      {
        itemId: item.id,
        code: 'price_above_lowest',
        severity: 'error',
        message: `The buyer pays ${formatFen(payFen)}, above the lowest price ${formatFen(reference.lowestFen)} (${reference.source})`,
        details: {
          skuId: item.skuId,
          payFen,
          livePriceFen: item.livePriceFen,
          lowestFen: reference.lowestFen,
          source: reference.source,
          observedAt: reference.observedAt,
        },
      },
    ];
  });
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
