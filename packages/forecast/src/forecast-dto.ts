import type { BacktestReport } from './backtest.js';
import { mechanismKinds, type ForecastHistory, type MechanismKind } from './forecast-model.types.js';
import type { BacktestDto, ForecastItemDto, forecastWarningCodes } from './forecast.schema.js';
import type { ItemForecast } from './lineup-forecast.js';
import type { FittedModel } from './model-fit.js';
import type { ForecastProduct } from './ports.js';

/** A line-up item as the service receives it, from a session's line-up or a what-if body. */
export interface RequestItem {
  itemId: string | null;
  position: number;
  productId: string;
  skuId: string;
  livePriceFen: number;
  explainMinutes: number;
  mechanism: string;
  stockAllocation: number | null;
  /** What the mechanism gives away per unit sold; null when unknown (a what-if). */
  mechanismCost: { perUnitFen: number; limit: number | null } | null;
}

type Warning = (typeof forecastWarningCodes)[number];

// A price this far from what the product sold at is outside what its history can say much about.
const farPriceRatio = 2;

function known(mechanism: string): mechanism is MechanismKind {
  return (mechanismKinds as readonly string[]).includes(mechanism);
}

function describe(item: RequestItem, product: ForecastProduct | undefined) {
  const sku = product?.skus.find((s) => s.id === item.skuId);
  const warnings: Warning[] = [];
  if (product === undefined) warnings.push('product_not_in_catalogue');
  else if (sku === undefined) warnings.push('sku_not_in_catalogue');
  if (item.stockAllocation === null || item.stockAllocation === 0) warnings.push('no_stock_allocated');
  if (!known(item.mechanism)) warnings.push('unknown_mechanism');
  return {
    itemId: item.itemId,
    position: item.position,
    productId: item.productId,
    skuId: item.skuId,
    title: product?.title ?? null,
    skuSpec: sku?.spec ?? null,
    categoryName: product?.categoryName ?? null,
    explainMinutes: item.explainMinutes,
    livePriceFen: item.livePriceFen,
    mechanism: known(item.mechanism) ? item.mechanism : ('none' as const),
    stockAllocation: item.stockAllocation,
    warnings,
  };
}

/**
 * Why an item is not forecast although the model could: its product is not approved, or its
 * SKU has no stock (nothing allocated and nothing in the warehouse). Null when it is forecast.
 */
export function blockedReason(
  item: RequestItem,
  product: ForecastProduct | undefined,
): 'product_not_approved' | 'no_stock' | null {
  if (product && !product.approved) return 'product_not_approved';
  const sku = product?.skus.find((s) => s.id === item.skuId);
  if (sku && (item.stockAllocation ?? 0) <= 0 && sku.availableStock <= 0) return 'no_stock';
  return null;
}

/** An item of a line-up that cannot be forecast: the line-up as given, every number null. */
export function unavailableItemDto(
  item: RequestItem,
  product: ForecastProduct | undefined,
  reason: 'product_not_approved' | 'no_stock' | null = null,
): ForecastItemDto {
  const described = describe(item, product);
  return {
    ...described,
    warnings: reason ? [...described.warnings, reason] : described.warnings,
    basis: 'none',
    basisCategoryId: null,
    basisSessions: 0,
    gmvFen: null,
    paidOrders: null,
    units: null,
    refundFen: null,
    refundRate: null,
    profitFen: null,
    profit: null,
    stockCapped: false,
    factors: null,
  };
}

/** An item's forecast as the API answers it. */
export function itemDtoOf(
  item: RequestItem,
  forecast: ItemForecast,
  product: ForecastProduct | undefined,
  model: FittedModel,
): ForecastItemDto {
  const described = describe(item, product);
  const usual = model.products.get(item.productId)?.usualPriceFen;
  const ratio = usual === undefined ? 1 : item.livePriceFen / usual;
  const warnings: Warning[] = [...described.warnings];
  if (ratio > farPriceRatio || ratio < 1 / farPriceRatio) warnings.push('price_far_from_history');
  return {
    ...described,
    warnings,
    basis: forecast.basis,
    basisCategoryId: forecast.basisCategoryId,
    basisSessions: forecast.basisSessions,
    gmvFen: forecast.gmvFen,
    paidOrders: forecast.paidOrders,
    units: forecast.units,
    refundFen: forecast.refundFen,
    refundRate: forecast.refundRate,
    profitFen: forecast.profitFen,
    profit: forecast.profit,
    stockCapped: forecast.stockCapped,
    factors: forecast.factors,
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The backtest as the API answers it. */
export function backtestDtoOf(report: BacktestReport, history: ForecastHistory, now: number): BacktestDto {
  const enough = history.sessions.length > report.minTrainingSessions;
  return {
    computedAt: iso(now),
    reason: enough
      ? null
      : {
          code: 'not_enough_history',
          message: `A session is held out only when at least ${report.minTrainingSessions} sessions came before it; the organisation has ${history.sessions.length}.`,
        },
    minTrainingSessions: report.minTrainingSessions,
    historySessions: history.sessions.length,
    sessionsUsed: report.sessions,
    skippedSessions: report.skippedSessions,
    items: report.items,
    zeroActualItems: report.zeroActualItems,
    model: report.model,
    naive: report.naive,
    ratio:
      report.model.mape !== null && report.naive.mape !== null && report.naive.mape > 0
        ? report.model.mape / report.naive.mape
        : null,
    coverage: report.coverage,
    sessions: report.perSession.map((s) => ({
      sessionId: s.sessionId,
      startedAt: iso(s.startedAt),
      items: s.items,
      actualGmvFen: s.actualGmvFen,
      modelGmvFen: s.modelGmvFen,
      naiveGmvFen: s.naiveGmvFen,
    })),
  };
}
