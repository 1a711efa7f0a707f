import type { RecordsMigration } from '@livecloud/db';
import * as selection from './migrations/0005-selection.js';

/** The records tables of selection, in order (`migrateToLatest` of @livecloud/db). */
export const selectionMigrations: readonly RecordsMigration[] = [{ name: '0005-selection', ...selection }];
