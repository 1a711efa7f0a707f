/**
 * `@livecloud/events` — collection and the event store.
 *
 * The event store (chDB embedded | ClickHouse server): open it with {@link createEventStore},
 * run `migrate()` once per start, write batches with `insert()`, and read through
 * {@link scopeToOrg} so that every query is bound to one organisation. Whole events read back
 * with {@link eventSelectList} and {@link fromEventRow}.
 *
 * Collection: {@link openCollection} wires the collector (parse → validate → de-duplicate →
 * enrich → store → publish), dead letters and the bus (in-process | NATS JetStream) on the
 * engines the configuration names; the route plugins expose them over HTTP. Subscribe to
 * stored events with `collection.bus.subscribe(name, handler)`.
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
  eventInsertColumns,
  toEventTsvLine,
  type EventRow,
} from './events.table.js';
export { startStoreServer, type StoreServer, type StoreServerOptions } from './store-server.js';
export { findStoredEventIds, forEachStoredEventIdPage } from './event-ids.query.js';

export type { Bus, BusDelivery, BusHandler, BusHealth, BusSubscription, SubscribeOptions } from './bus.js';
export { createInProcessBus, type InProcessBusOptions } from './in-process-bus.js';
export { createNatsBus, type NatsBusOptions } from './nats-bus.js';

export { createStoreDeduper, type Deduper, type StoredIdLookup } from './deduper.js';
export { createRedisDeduper, type RedisDeduperOptions } from './redis-deduper.js';
export { createMemoryRateLimiter, type RateDecision, type RateLimiter } from './rate-limiter.js';
export { createRedisRateLimiter, type RedisRateLimiterOptions } from './redis-rate-limiter.js';

export {
  createCollector,
  type Collector,
  type CollectorCaller,
  type CollectorDeps,
  type CollectorLimits,
  type ReplayInput,
  type ReplayOutcome,
} from './collector.service.js';
export {
  ingestResultDto,
  segmentSuccessDto,
  type IngestResultDto,
  type RejectedItemDto,
} from './collector.schema.js';
export type { LiveSessionFacts, SessionLookup } from './pipeline/session.step.js';
export {
  attachToScheduled,
  attachLeadMs,
  type LiveOnAccount,
  type LiveOnAccountLookup,
} from './pipeline/attach.step.js';
export { cacheSessionLookup, type SessionCacheOptions } from './pipeline/session-cache.js';
export { trafficSourceOf } from './pipeline/traffic-source.step.js';
export { createDeadLetterService, type DeadLetterService } from './dead-letter.service.js';
export { deadLetterMigrations } from './dead-letter.migrations.js';
export {
  deadLetterDto,
  deadLetterPage,
  type DeadLetterDto,
  type DeadLetterPage,
} from './dead-letter.schema.js';
export { openCollection, type Collection, type CollectionOptions } from './events.js';

export { collectorRoutes } from './collector.routes.js';
export { segmentRoutes } from './segment.routes.js';
export { segmentPaths, segmentShortPaths, type SegmentCall } from './pipeline/segment.step.js';
export { eventsRoutes } from './events.routes.js';
export {
  createEventOverviewService,
  maskPersonKey,
  type EventOverviewService,
  type SessionTitles,
} from './event-overview.service.js';
export {
  eventOverviewDto,
  recentEventsDto,
  maxOverviewBuckets,
  maxRecentEvents,
  type EventOverviewDto,
  type RecentEventsDto,
} from './event-overview.schema.js';
