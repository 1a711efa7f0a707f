import { createForecastService, type ForecastDeps } from './forecast.service.js';

/**
 * The line-up forecast context (商品模拟). Pass the sales history read from the event store,
 * the catalogue and line-up ports, and a clock:
 * `createForecast({ history: createSalesHistory(eventStore), catalogue, lineups, clock })`.
 */
export function createForecast(deps: ForecastDeps) {
  return createForecastService(deps);
}
export type Forecast = ReturnType<typeof createForecast>;
