import type { ProductSalesRecord, SessionSalesRecord } from '@livecloud/analytics';
import { forecastBases, mechanismKinds, type ForecastBasis, type MechanismKind } from './forecast.schema.js';

// The lists are part of the HTTP contract, so they live with the schemas.
export { forecastBases, mechanismKinds, type ForecastBasis, type MechanismKind };

/** The past a forecast learns from. */
export interface ForecastHistory {
  sessions: readonly SessionSalesRecord[];
  products: readonly ProductSalesRecord[];
  /** Category ids per product, self then ancestors; a product the catalogue does not know is absent. */
  categoryPaths: ReadonlyMap<string, readonly string[]>;
}

/** One line-up item to forecast. */
export interface ForecastItemInput {
  /** The caller's handle for the item (a line-up item id, or its position). */
  key: string;
  productId: string;
  skuId: string;
  livePriceFen: number;
  explainMinutes: number;
  mechanism: MechanismKind;
  /** Units reserved for the session; null means no cap is known. */
  stockAllocation: number | null;
  /** Category ids, self then ancestors; empty when the catalogue does not know the product. */
  categoryPath: readonly string[];
}

/** The session the line-up is for. */
export interface ForecastContext {
  /** The platform account it is broadcast on; its recent sessions set the traffic level. */
  accountId: string | null;
  /** The moment of the forecast: only sessions that started before it count. */
  asOf: number;
}

/** A point value with its interval (p10–p90 for the default 80% level). */
export interface Range {
  point: number;
  low: number;
  high: number;
}

/** How wide forecasts turned out to be, as ratios actual ÷ forecast at the interval's ends. */
export interface RatioBand {
  low: number;
  high: number;
  /** Residuals behind the band; 0 for the default band. */
  residuals: number;
}

/** The intervals a forecast applies, from backtest residuals or defaults. */
export interface IntervalCalibration {
  /** Central coverage, 0.8 for p10–p90. */
  level: number;
  method: 'backtest_residuals' | 'default';
  /** Per basis of the item. */
  item: Record<Exclude<ForecastBasis, 'none'>, RatioBand>;
  /** For a whole line-up's total. */
  total: RatioBand;
}
