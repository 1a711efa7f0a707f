/**
 * The HTTP contract of `@livecloud/events` (the collector, the dead letters and the events overview): request and response zod schemas
 * and their inferred types. Imports only zod and `@livecloud/contracts`, so the web may
 * import its types and the SDK or a test may import its schemas without the context.
 */
export * from './collector.schema.js';
export * from './dead-letter.schema.js';
export * from './event-overview.schema.js';
