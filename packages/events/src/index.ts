/**
 * `@livecloud/events` — the event store (chDB embedded | ClickHouse server).
 *
 * Open it with {@link createEventStore}, run `migrate()` once per start, write batches with
 * `insert()`, and read through {@link scopeToOrg} so that every query is bound to one
 * organisation. Whole events read back with {@link eventSelectList} and {@link fromEventRow}.
 *
 * @packageDocumentation
 */
export type {
  EventStore,
  EventStoreEngine,
  EventStoreHealth,
  EventStoreTables,
  QueryParamValue,
  QueryParams,
  StoredEvent,
} from './event-store.js';
export { createEventStore, type EventStoreOptions } from './clickhouse-event-store.js';
export { scopeToOrg, type OrgScopedEventQuery } from './org-scope.query.js';
export {
  eventSelectList,
  eventStoreMigrations,
  fromEventRow,
  toEventRow,
  type EventInsertRow,
  type EventRow,
} from './events.table.js';
