/**
 * The HTTP contract of `@livecloud/selection` (price observations, scores, shortlists and coverage): request and response zod schemas
 * and their inferred types. Imports only zod and `@livecloud/contracts`, so the web may
 * import its types and the SDK or a test may import its schemas without the context.
 */
export * from './price.schema.js';
export * from './score.schema.js';
export * from './shortlist.schema.js';
