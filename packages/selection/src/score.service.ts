import { AppError, type Clock } from '@livecloud/core';
import { requireProducts } from './catalogue-lookup.js';
import { conversionPrior, estimateConversion, historyStats, stockNeed } from './history-stats.js';
import type {
  CatalogueEntry,
  CatalogueSku,
  SelectionCatalogue,
  SelectionSales,
  SelectionSession,
  SessionRequirement,
  SessionRequirementsSource,
} from './ports.js';
import { loadPricePoints, toPricePointDto } from './price-history.service.js';
import type { PriceObservationRepository } from './price-observation.repository.js';
import { checkLowestPrice, dayMs, lowestInWindow, windowOf } from './price-window.js';
import { marginBp } from './requirement-match.js';
import type {
  CompareDto,
  CompareQuery,
  ScoresDto,
  ScoresQuery,
  ScoringContextDto,
  SkuScoreDto,
} from './score.schema.js';
import { resolveWeights, scoreSku, type ScoreWeights } from './selection-score.js';

/** How far back past sessions count for conversion and expected units: about two seasons. */
export const conversionLookbackDays = 180;
/** Products a SKU id is looked for among when the compare request does not name the products. */
const compareCatalogueLimit = 1000;
/** Products scored before the ranking is cut to the query's limit. */
const scoresCatalogueLimit = 1000;

/** A session chosen for scoring, with its requirements. */
export interface SessionContext {
  session: SelectionSession;
  requirements: SessionRequirement[];
}

export interface ScoreOptions {
  context: SessionContext | null;
  days: number;
  weights: ScoreWeights;
}

/** Selection scores (选品评分) per SKU, and the side-by-side comparison of a few SKUs. */
export function createScoreService(deps: {
  observations: PriceObservationRepository;
  catalogue: SelectionCatalogue;
  sales: SelectionSales;
  sessions: SessionRequirementsSource;
  clock: Clock;
}) {
  const { catalogue } = deps;

  async function sessionContext(
    orgId: string,
    sessionId: string | undefined,
  ): Promise<SessionContext | null> {
    if (sessionId === undefined) return null;
    const session = await deps.sessions.session(orgId, sessionId);
    if (!session) throw AppError.notFound('session', sessionId);
    return { session, requirements: await deps.sessions.requirements(orgId, sessionId) };
  }

  /** Scores SKUs of the given products; every look-up happens once for the whole batch. */
  async function scoreItems(
    orgId: string,
    items: readonly { product: CatalogueEntry; sku: CatalogueSku }[],
    options: ScoreOptions,
  ): Promise<SkuScoreDto[]> {
    if (items.length === 0) return [];
    const now = deps.clock.now();
    const window = windowOf(now, options.days);
    const lookbackSince = now - conversionLookbackDays * dayMs;
    // Every product's history, not only these: the category and organisation rates are the priors.
    const records = await deps.sales.productResults(orgId, { since: Math.min(window.since, lookbackSince) });
    const categoryOf = new Map(items.map(({ product }) => [product.id, product.categoryId]));
    const unknown = [...new Set(records.map((r) => r.productId))].filter((id) => !categoryOf.has(id));
    if (unknown.length > 0) {
      for (const product of await catalogue.products(orgId, unknown))
        categoryOf.set(product.id, product.categoryId);
    }
    const stats = historyStats(
      records.filter((r) => r.startedAt >= lookbackSince && r.startedAt <= now),
      categoryOf,
    );
    const productIds = [...new Set(items.map(({ product }) => product.id))];
    const points = await loadPricePoints(deps, orgId, productIds, window, records);

    return items.map(({ product, sku }) => {
      const check = checkLowestPrice(
        sku.livePriceFen,
        lowestInWindow(points, { productId: product.id, skuId: sku.id }, window),
      );
      const conversion = estimateConversion(stats, product.id, product.categoryId);
      const scored = scoreSku(
        {
          product,
          sku,
          conversion,
          requirements: options.context?.requirements ?? null,
          stockNeed: stockNeed(stats, {
            productId: product.id,
            skuId: sku.id,
            categoryId: product.categoryId,
            skuCount: product.skus.length,
          }),
          lowestPrice: check,
          windowDays: options.days,
        },
        options.weights,
      );
      return {
        productId: product.id,
        skuId: sku.id,
        title: product.title,
        spec: sku.spec,
        brand: product.brand,
        merchantName: product.merchantName,
        categoryId: product.categoryId,
        categoryName: product.categoryName,
        status: product.status,
        approved: product.approved,
        listPriceFen: sku.listPriceFen,
        livePriceFen: sku.livePriceFen,
        costFen: sku.costFen,
        marginBp: marginBp(sku),
        commissionBp: sku.commissionBp,
        availableStock: sku.availableStock,
        lowestPrice: {
          lowest: check.lowest ? toPricePointDto(check.lowest) : null,
          flagged: check.flagged,
          gapFen: check.gapFen,
          gapBp: check.gapBp,
        },
        conversion: conversion && {
          clicks: conversion.clicks,
          orders: conversion.orders,
          rawRate: conversion.rawRate,
          rate: conversion.rate,
          categoryRate: conversion.categoryRate,
          orgRate: conversion.orgRate,
        },
        ...scored,
      };
    });
  }

  function contextDto(options: ScoreOptions): ScoringContextDto {
    return {
      session: options.context?.session ?? null,
      requirements: options.context?.requirements ?? [],
      days: options.days,
      weights: { ...options.weights },
      conversionPrior: { ...conversionPrior },
      conversionLookbackDays,
    };
  }

  /** The SKUs the compare view asked for, in the order asked; 404 `sku_not_found` lists the unknown ones. */
  async function findSkus(orgId: string, skuIds: readonly string[], productIds: readonly string[]) {
    const found = new Map<string, { product: CatalogueEntry; sku: CatalogueSku }>();
    const take = (products: readonly CatalogueEntry[]) => {
      for (const product of products)
        for (const sku of product.skus) if (skuIds.includes(sku.id)) found.set(sku.id, { product, sku });
    };
    if (productIds.length > 0) take(await catalogue.products(orgId, productIds));
    if (found.size < skuIds.length) take(await catalogue.list(orgId, { limit: compareCatalogueLimit }));
    const missing = skuIds.filter((id) => !found.has(id));
    if (missing.length > 0) {
      throw new AppError('not_found', 'sku_not_found', `No SKU ${missing.join(', ')}`, { missing });
    }
    return skuIds.map((id) => found.get(id)!);
  }

  return {
    sessionContext,
    scoreItems,

    /** Scores of the named products' SKUs, or of the catalogue's, best first. */
    async scores(orgId: string, query: ScoresQuery): Promise<ScoresDto> {
      const options = {
        context: await sessionContext(orgId, query.sessionId),
        days: query.days,
        weights: resolveWeights(query.weights),
      };
      const entries =
        query.productIds && query.productIds.length > 0
          ? await requireProducts(catalogue, orgId, query.productIds)
          : await catalogue.list(orgId, {
              ...(query.categoryId === undefined ? {} : { categoryId: query.categoryId }),
              ...(query.approvedOnly === undefined ? {} : { approvedOnly: query.approvedOnly }),
              limit: scoresCatalogueLimit,
            });
      const items = await scoreItems(
        orgId,
        entries.flatMap((product) => product.skus.map((sku) => ({ product, sku }))),
        options,
      );
      // The limit cuts the ranking, never the catalogue read: the best SKU must not be left unread.
      items.sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.skuId.localeCompare(b.skuId));
      return { ...contextDto(options), items: items.slice(0, query.limit) };
    },

    /** Two to six SKUs side by side: price, cost, margin, commission, stock, lowest price, conversion, score. */
    async compare(orgId: string, query: CompareQuery): Promise<CompareDto> {
      const skuIds = query.skuIds
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
      if (skuIds.length < 2 || skuIds.length > 6) {
        throw AppError.invalid('compare_size', 'Compare two to six SKUs', {
          count: skuIds.length,
          min: 2,
          max: 6,
        });
      }
      const duplicates = skuIds.filter((id, i) => skuIds.indexOf(id) !== i);
      if (duplicates.length > 0) {
        throw AppError.invalid('compare_duplicate_sku', 'A SKU is listed twice', { duplicates });
      }
      if (skuIds.some((id) => id.length > 64))
        throw AppError.invalid('invalid_sku_id', 'A SKU id is too long');
      const options = {
        context: await sessionContext(orgId, query.sessionId),
        days: query.days,
        weights: resolveWeights(query.weights),
      };
      const items = await scoreItems(orgId, await findSkus(orgId, skuIds, query.productIds ?? []), options);
      return { ...contextDto(options), items };
    },
  };
}
export type ScoreService = ReturnType<typeof createScoreService>;
