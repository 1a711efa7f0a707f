import type { RecordsMigration } from '@livecloud/db';
import * as commerce from './migrations/0003-commerce.js';
import * as approvals from './migrations/0009-approvals.js';
import * as stockSales from './migrations/0013-stock-sales.js';

/** The records tables of commerce, in order (`migrateToLatest` of @livecloud/db). */
export const commerceMigrations: readonly RecordsMigration[] = [
  { name: '0003-commerce', ...commerce },
  { name: '0009-approvals', ...approvals },
  { name: '0013-stock-sales', ...stockSales },
];
