/**
 * The HTTP contract of `@livecloud/access` (sign-in, organisations, staff, roles, API keys and the audit log): request and response zod schemas
 * and their inferred types. Imports only zod and `@livecloud/contracts`, so the web may
 * import its types and the SDK or a test may import its schemas without the context.
 */
export * from './api-key.schema.js';
export * from './audit.schema.js';
export * from './auth.schema.js';
export * from './organisation.schema.js';
export * from './role.schema.js';
export * from './staff.schema.js';
