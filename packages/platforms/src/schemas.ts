/**
 * The HTTP contract of `@livecloud/platforms` (simulated session plans): request and response zod schemas
 * and their inferred types. Imports only zod and `@livecloud/contracts`, so the web may
 * import its types and the SDK or a test may import its schemas without the context.
 */
export * from './session-plan.schema.js';
