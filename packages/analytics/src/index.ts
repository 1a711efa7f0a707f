/**
 * `@livecloud/analytics` — the read side of the event store, for every context that reads events:
 * the organisation-scoped query context, the SQL expressions and value conversions the queries
 * share, and the queries themselves, one per file, named by what they return (ClickHouse SQL that
 * runs on chDB and on a ClickHouse server alike, with bound parameters only).
 *
 * {@link createSalesHistory} answers what past sessions sold, per product and per session.
 *
 * @packageDocumentation
 */
export { eventQueryContext, type EventQueryContext } from './event-query-context.js';
export {
  dwellMsSql,
  quantitySql,
  toInt,
  toIntOrNull,
  unitPriceSql,
  viewerIdSql,
  viewerKeySql,
  windowParams,
  type EventWindow,
} from './event-sql.js';
export { productResults } from './product-results.query.js';
export { sessionResults } from './session-results.query.js';
export { createSalesHistory } from './sales-history.js';
export type {
  HistoryFilter,
  ProductSalesRecord,
  SalesHistory,
  SessionSalesRecord,
} from './sales-history.types.js';
