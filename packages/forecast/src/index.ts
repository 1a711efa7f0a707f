/**
 * `@livecloud/forecast` — the line-up forecast (商品模拟): what a line-up will sell, refund and earn,
 * learned from the organisation's past sessions in the event store.
 *
 * {@link createForecast} composes the sales history (`createSalesHistory` of `@livecloud/analytics`,
 * what past sessions sold) with the catalogue and line-up ports; {@link forecastRoutes}
 * serves it under /api/v1. {@link runBacktest} is the pure rolling-origin backtest that the service
 * and `npm run bench -- forecast` share.
 *
 * @packageDocumentation
 */
export { createForecast, type Forecast } from './forecast.js';
export type { ForecastDeps } from './forecast.js';
export { forecastRoutes } from './forecast.routes.js';
export type {
  ForecastCatalogue,
  ForecastLineupItem,
  ForecastLineups,
  ForecastProduct,
  ForecastSession,
  ForecastSku,
} from './ports.js';
export type {
  BacktestDto,
  ForecastDto,
  ForecastItemDto,
  ForecastItemRequest,
  ForecastRequest,
} from './forecast.schema.js';
export { forecastPlatforms } from './forecast.schema.js';
export {
  runBacktest,
  defaultBacktestOptions,
  type Accuracy,
  type BacktestItem,
  type BacktestOptions,
  type BacktestReport,
  type BacktestSession,
} from './backtest.js';
export { naiveItemGmv } from './naive-baseline.js';
export { fitModel, type FittedModel } from './model-fit.js';
export { forecastLineup, type ItemForecast, type LineupForecast } from './lineup-forecast.js';
export { defaultPlatformFeeBp, profitOf, type ProfitBreakdown } from './profit.js';
export { defaultModelOptions, type ModelOptions } from './training-set.js';
export {
  forecastBases,
  mechanismKinds,
  type ForecastBasis,
  type ForecastContext,
  type ForecastHistory,
  type ForecastItemInput,
  type IntervalCalibration,
  type MechanismKind,
  type Range,
} from './forecast-model.types.js';
