import type { RecordsMigration } from '@livecloud/db';
import * as access from './migrations/0001-access.js';

/** The records tables of access, in order; the server runs them first (`migrateToLatest`). */
export const accessMigrations: readonly RecordsMigration[] = [{ name: '0001-access', ...access }];
