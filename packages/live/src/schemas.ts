/**
 * The HTTP contract of `@livecloud/live` (the big screen: live snapshots, comparisons and recent sessions): request and response zod schemas
 * and their inferred types. Imports only zod and `@livecloud/contracts`, so the web may
 * import its types and the SDK or a test may import its schemas without the context.
 */
export * from './comment-moderation.schema.js';
export * from './live-comparison.schema.js';
export * from './live-snapshot.schema.js';
export * from './live-plan.schema.js';
export * from './moderation.schema.js';
