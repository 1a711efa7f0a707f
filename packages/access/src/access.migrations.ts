import type { RecordsMigration } from '@livecloud/db';
import * as access from './migrations/0001-access.js';
import * as apiKeyOrigins from './migrations/0007-api-key-origins.js';
import * as apiKeyOwners from './migrations/0012-api-key-owners.js';

/** The records tables of access, in order; the server runs them first (`migrateToLatest`). */
export const accessMigrations: readonly RecordsMigration[] = [
  { name: '0001-access', ...access },
  { name: '0007-api-key-origins', ...apiKeyOrigins },
  { name: '0012-api-key-owners', ...apiKeyOwners },
];
