/**
 * The HTTP contract of `@livecloud/schedule` (rooms, anchors, accounts, live sessions, recurrence, line-ups, requirements and SOPs): request and response zod schemas
 * and their inferred types. Imports only zod and `@livecloud/contracts`, so the web may
 * import its types and the SDK or a test may import its schemas without the context.
 */
export * from './lineup.schema.js';
export * from './recurrence.schema.js';
export * from './requirement.schema.js';
export * from './resource.schema.js';
export * from './session.schema.js';
export * from './sop.schema.js';
