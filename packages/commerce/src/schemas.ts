/**
 * The HTTP contract of `@livecloud/commerce` (merchants, deposits, categories, products, submissions, QC, warehouse and uploads): request and response zod schemas
 * and their inferred types. Imports only zod and `@livecloud/contracts`, so the web may
 * import its types and the SDK or a test may import its schemas without the context.
 */
export * from './category.schema.js';
export * from './deposit.schema.js';
export * from './merchant-invite.schema.js';
export * from './merchant.schema.js';
export * from './product.schema.js';
export * from './qc.schema.js';
export * from './submission-import.schema.js';
export * from './submission.schema.js';
export * from './upload.schema.js';
export * from './warehouse.schema.js';
export * from './approval.schema.js';
