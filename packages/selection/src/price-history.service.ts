import type { ProductSalesRecord } from '@livecloud/analytics';
import type { Clock } from '@livecloud/core';
import { requireProduct, requireProducts } from './catalogue-lookup.js';
import type { CatalogueEntry, SelectionCatalogue, SelectionSales } from './ports.js';
import type { PriceObservationRepository } from './price-observation.repository.js';
import {
  checkLowestPrice,
  describeSource,
  lowestInWindow,
  observationPoint,
  seriesForSku,
  sessionPoint,
  windowOf,
  type LowestPriceCheck,
  type PricePoint,
} from './price-window.js';
import type { LowestPriceCheckDto, PriceHistoryDto, PricePointDto } from './price.schema.js';

/** Products a catalogue-wide lowest-price check looks at. */
const catalogueCheckLimit = 200;

/**
 * Every price point of these products in the window: stored observations plus each past
 * session's lowest paid unit price. Pass `records` when they were fetched already (scoring).
 */
export async function loadPricePoints(
  deps: { observations: PriceObservationRepository; sales: SelectionSales },
  orgId: string,
  productIds: readonly string[],
  window: { since: number; until: number },
  records?: readonly ProductSalesRecord[],
): Promise<PricePoint[]> {
  if (productIds.length === 0) return [];
  const wanted = new Set(productIds);
  const [rows, history] = await Promise.all([
    deps.observations.since(orgId, productIds, window.since),
    records ?? deps.sales.productResults(orgId, { productIds, since: window.since }),
  ]);
  const points = rows.map(observationPoint);
  for (const record of history) {
    if (!wanted.has(record.productId)) continue;
    const point = sessionPoint(record);
    if (point) points.push(point);
  }
  return points.filter((p) => p.at >= window.since && p.at <= window.until);
}

export function toPricePointDto(point: PricePoint): PricePointDto {
  return {
    skuId: point.skuId,
    priceFen: point.priceFen,
    observedAt: new Date(point.at).toISOString(),
    source: point.source,
    platform: point.platform,
    reference: point.reference,
    observationId: point.observationId,
    sessionId: point.sessionId,
  };
}

function checkFields(check: LowestPriceCheck, livePriceFen: number) {
  return {
    livePriceFen,
    lowest: check.lowest ? toPricePointDto(check.lowest) : null,
    flagged: check.flagged,
    gapFen: check.gapFen,
    gapBp: check.gapBp,
  };
}

/** Price history per SKU and the lowest-price guarantee (全网最低价): live price against the lowest seen. */
export function createPriceHistoryService(deps: {
  observations: PriceObservationRepository;
  catalogue: SelectionCatalogue;
  sales: SelectionSales;
  clock: Clock;
}) {
  const { catalogue } = deps;

  async function checkEntries(orgId: string, entries: readonly CatalogueEntry[], days: number) {
    const window = windowOf(deps.clock.now(), days);
    const points = await loadPricePoints(
      deps,
      orgId,
      entries.map((e) => e.id),
      window,
    );
    return entries.flatMap((product) =>
      product.skus.map((sku) => ({
        product,
        sku,
        check: checkLowestPrice(
          sku.livePriceFen,
          lowestInWindow(points, { productId: product.id, skuId: sku.id }, window),
        ),
      })),
    );
  }

  /**
   * The lowest price of each SKU in the last `days` days: its own and whole-product
   * observations and past sessions' paid prices, by SKU id; a SKU nothing was seen for is
   * absent. One observation query and one sales-history query for the whole batch.
   */
  async function lowestPrices(
    orgId: string,
    items: readonly { productId: string; skuId: string }[],
    days: number,
  ): Promise<Map<string, { lowestFen: number; source: string; observedAt: string }>> {
    const found = new Map<string, { lowestFen: number; source: string; observedAt: string }>();
    if (items.length === 0) return found;
    const window = windowOf(deps.clock.now(), days);
    const productIds = [...new Set(items.map((i) => i.productId))];
    const points = await loadPricePoints(deps, orgId, productIds, window);
    for (const item of items) {
      const lowest = lowestInWindow(points, item, window);
      if (lowest) {
        found.set(item.skuId, {
          lowestFen: lowest.priceFen,
          source: describeSource(lowest),
          observedAt: new Date(lowest.at).toISOString(),
        });
      }
    }
    return found;
  }

  return {
    /** Observations and session prices of a product in the last `days` days, as one series per SKU. */
    async history(orgId: string, productId: string, days: number): Promise<PriceHistoryDto> {
      const product = await requireProduct(catalogue, orgId, productId);
      const window = windowOf(deps.clock.now(), days);
      const points = await loadPricePoints(deps, orgId, [product.id], window);
      return {
        productId: product.id,
        title: product.title,
        days,
        since: new Date(window.since).toISOString(),
        until: new Date(window.until).toISOString(),
        skus: product.skus.map((sku) => {
          const target = { productId: product.id, skuId: sku.id };
          const check = checkLowestPrice(sku.livePriceFen, lowestInWindow(points, target, window));
          return {
            skuId: sku.id,
            spec: sku.spec,
            ...checkFields(check, sku.livePriceFen),
            points: seriesForSku(points, target).map(toPricePointDto),
          };
        }),
      };
    },

    /** The live price of each SKU against the lowest price of the last `days` days. */
    async check(
      orgId: string,
      query: { productIds?: readonly string[] | undefined; days: number },
    ): Promise<LowestPriceCheckDto> {
      const entries =
        query.productIds && query.productIds.length > 0
          ? await requireProducts(catalogue, orgId, query.productIds)
          : await catalogue.list(orgId, { limit: catalogueCheckLimit });
      const items = await checkEntries(orgId, entries, query.days);
      return {
        days: query.days,
        items: items.map(({ product, sku, check }) => ({
          productId: product.id,
          title: product.title,
          skuId: sku.id,
          spec: sku.spec,
          ...checkFields(check, sku.livePriceFen),
        })),
      };
    },

    lowestPrices,

    /** The lowest price of one SKU in the last `days` days; undefined when nothing was seen. */
    async lowestPrice(
      orgId: string,
      productId: string,
      skuId: string,
      days: number,
    ): Promise<{ lowestFen: number; source: string; observedAt: string } | undefined> {
      return (await lowestPrices(orgId, [{ productId, skuId }], days)).get(skuId);
    },
  };
}
export type PriceHistoryService = ReturnType<typeof createPriceHistoryService>;
