import type {
  ForecastBasis,
  ForecastContext,
  ForecastItemInput,
  IntervalCalibration,
  Range,
  RatioBand,
} from './forecast-model.types.js';
import { knownCategory, type FittedModel } from './model-fit.js';
import { profitOf, sumProfit, type ProfitBreakdown } from './profit.js';
import { gmvFromLog } from './training-set.js';

/** An item's money terms beyond the forecast: what it costs and what is paid away. */
export interface ItemEconomics {
  /** Unit cost in fen; null when the catalogue does not say, and then profit is not forecast. */
  costFen: number | null;
  commissionBp: number | null;
  /** What the mechanism gives away per unit sold, up to a quantity; omitted: nothing. */
  mechanismCost?: { perUnitFen: number; limit: number | null } | undefined;
}

/** The multipliers behind an item's point forecast, for showing why it says what it says. */
export interface ForecastFactors {
  /** Elasticity of GMV to explain minutes (the same for every item). */
  minutesElasticity: number;
  /** The new price against the product's usual price. */
  price: number;
  /** The mechanism against none. */
  mechanism: number;
  /** The account's expected traffic against the organisation's norm. */
  traffic: number;
}

/** The forecast of one line-up item. */
export interface ItemForecast {
  key: string;
  productId: string;
  skuId: string;
  basis: Exclude<ForecastBasis, 'none'>;
  /** The category whose level stood in for the product's; null on product or org basis. */
  basisCategoryId: string | null;
  /** Past sessions behind the level used (the product's, the category's or the organisation's). */
  basisSessions: number;
  gmvFen: Range;
  units: Range;
  paidOrders: Range;
  refundFen: Range;
  refundRate: number;
  /** Profit terms at the point forecast; null without a unit cost. */
  profit: ProfitBreakdown | null;
  profitFen: Range | null;
  /** The stock allocation caps the point forecast. */
  stockCapped: boolean;
  factors: ForecastFactors;
}

/** The forecast of a whole line-up. */
export interface LineupForecast {
  items: ItemForecast[];
  totals: {
    gmvFen: Range;
    units: Range;
    paidOrders: Range;
    refundFen: Range;
    /** Over the items with a unit cost; `profitItems` says how many that is. */
    profit: ProfitBreakdown | null;
    profitFen: Range | null;
    profitItems: number;
  };
  /** The account's traffic level used, and how many of its sessions set it. */
  traffic: { factor: number; accountSessions: number };
  calibration: IntervalCalibration;
}

function scaled(point: number, band: RatioBand, cap: number, round: (n: number) => number): Range {
  return {
    point: round(Math.min(point, cap)),
    low: round(Math.min(point * band.low, cap)),
    high: round(Math.min(point * band.high, cap)),
  };
}

/** A profit range from a GMV range: profit is linear in GMV once the rates are fixed. */
function profitRange(profit: ProfitBreakdown, gmv: Range): Range {
  const margin = profit.gmvFen > 0 ? profit.profitFen / profit.gmvFen : 0;
  const [a, b] = [Math.round(gmv.low * margin), Math.round(gmv.high * margin)];
  return { point: profit.profitFen, low: Math.min(a, b), high: Math.max(a, b) };
}

/** The level an item starts from: its product's, else its most specific known category's, else the org's. */
function levelOf(model: FittedModel, item: ForecastItemInput) {
  const category = knownCategory(item.categoryPath, model.categories);
  const prior = category?.level.level ?? model.org.level;
  const own = model.products.get(item.productId);
  if (own !== undefined) {
    const k = model.productShrinkage;
    return {
      basis: 'product' as const,
      level: (own.weight * own.level + k * prior) / (own.weight + k),
      categoryId: null,
      sessions: own.sessions,
      usualPriceFen: own.usualPriceFen,
    };
  }
  if (category !== undefined) {
    return {
      basis: 'category' as const,
      level: category.level.level,
      categoryId: category.id,
      sessions: category.level.sessions,
      usualPriceFen: undefined,
    };
  }
  return {
    basis: 'org' as const,
    level: model.org.level,
    categoryId: null,
    sessions: model.org.sessions,
    usualPriceFen: undefined,
  };
}

/**
 * Forecasts one item: log GMV = level + minutes·log(explain minutes) + traffic·(account level)
 * + price·log(price ÷ usual price) + mechanism; units = GMV ÷ price, capped by the stock
 * allocation; paid orders = units ÷ units per order; refunds = GMV × refund rate. A product
 * without its own history has no usual price, so its price term is 0.
 */
export function forecastItem(
  model: FittedModel,
  item: ForecastItemInput & ItemEconomics,
  context: ForecastContext & { platformFeeBp: number },
  calibration: IntervalCalibration,
): ItemForecast {
  const { slopes } = model;
  const from = levelOf(model, item);
  const traffic = model.traffic.nextLevel(context.accountId);
  const priceRatio = from.usualPriceFen === undefined ? 1 : item.livePriceFen / from.usualPriceFen;
  const logGmv =
    from.level +
    slopes.minutes * Math.log(item.explainMinutes) +
    slopes.traffic * traffic.log +
    slopes.price * Math.log(priceRatio) +
    slopes.mechanism[item.mechanism];
  const gmv = gmvFromLog(logGmv, item.livePriceFen);
  const units = gmv / item.livePriceFen;
  const stockCapped = item.stockAllocation !== null && units > item.stockAllocation;
  const band = calibration.item[from.basis];
  const unitCap = item.stockAllocation ?? Infinity;
  const unitRange = scaled(units, band, unitCap, (n) => Math.round(n));
  const gmvRange = scaled(units, band, unitCap, (n) => Math.round(n * item.livePriceFen));
  const refundRate = model.rates.refundRate(item.productId, item.categoryPath);
  const perOrder = model.rates.unitsPerOrder(item.productId, item.categoryPath);
  const ordersRange = scaled(units, band, unitCap, (n) => Math.round(n / perOrder));
  const refundRange = scaled(units, band, unitCap, (n) => Math.round(n * item.livePriceFen * refundRate));
  const profit =
    item.costFen === null
      ? null
      : profitOf({
          gmvFen: gmvRange.point,
          refundFen: refundRange.point,
          units: Math.min(units, unitCap),
          costFen: item.costFen,
          commissionBp: item.commissionBp ?? 0,
          platformFeeBp: context.platformFeeBp,
          mechanismCost: item.mechanismCost,
        });
  return {
    key: item.key,
    productId: item.productId,
    skuId: item.skuId,
    basis: from.basis,
    basisCategoryId: from.categoryId,
    basisSessions: from.sessions,
    gmvFen: gmvRange,
    units: unitRange,
    paidOrders: ordersRange,
    refundFen: refundRange,
    refundRate,
    profit,
    profitFen: profit === null ? null : profitRange(profit, gmvRange),
    stockCapped,
    factors: {
      minutesElasticity: slopes.minutes,
      price: priceRatio ** slopes.price,
      mechanism: Math.exp(slopes.mechanism[item.mechanism]),
      traffic: Math.exp(slopes.traffic * traffic.log),
    },
  };
}

function sum(list: readonly Range[]): Range {
  return list.reduce((a, r) => ({ point: a.point + r.point, low: a.low + r.low, high: a.high + r.high }), {
    point: 0,
    low: 0,
    high: 0,
  });
}

/**
 * A total's interval comes from how whole line-ups' totals missed in the backtest, not from
 * adding item intervals (item errors partly cancel, partly move together with the session's
 * traffic); it never reaches past the sum of the items' own upper ends (stock caps). A
 * line-up of one item totals to that item, range and all.
 */
function totalRange(items: readonly Range[], band: RatioBand): Range {
  if (items.length === 1) return { ...items[0]! };
  const s = sum(items);
  return {
    point: s.point,
    low: Math.round(Math.min(s.point, s.point * band.low)),
    high: Math.round(Math.max(s.point, Math.min(s.point * band.high, s.high))),
  };
}

/** Forecasts every item of a line-up and its totals. */
export function forecastLineup(
  model: FittedModel,
  items: readonly (ForecastItemInput & ItemEconomics)[],
  context: ForecastContext & { platformFeeBp: number },
  calibration: IntervalCalibration,
): LineupForecast {
  const forecasts = items.map((item) => forecastItem(model, item, context, calibration));
  const band = calibration.total;
  const withProfit = forecasts.filter((f) => f.profit !== null);
  const profit = withProfit.length === 0 ? null : sumProfit(withProfit.map((f) => f.profit!));
  const traffic = model.traffic.nextLevel(context.accountId);
  return {
    items: forecasts,
    totals: {
      gmvFen: totalRange(
        forecasts.map((f) => f.gmvFen),
        band,
      ),
      units: totalRange(
        forecasts.map((f) => f.units),
        band,
      ),
      paidOrders: totalRange(
        forecasts.map((f) => f.paidOrders),
        band,
      ),
      refundFen: totalRange(
        forecasts.map((f) => f.refundFen),
        band,
      ),
      profit,
      profitFen:
        profit === null
          ? null
          : profitRange(
              profit,
              totalRange(
                withProfit.map((f) => f.gmvFen),
                band,
              ),
            ),
      profitItems: withProfit.length,
    },
    traffic: { factor: Math.exp(model.slopes.traffic * traffic.log), accountSessions: traffic.sessions },
    calibration,
  };
}
