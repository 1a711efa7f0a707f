import type { RecordsMigration } from '@livecloud/db';
import * as schedule from './migrations/0004-schedule.js';
import * as sopAssignees from './migrations/0011-sop-assignees.js';

/** The records tables of scheduling, in order (`migrateToLatest` of @livecloud/db). */
export const scheduleMigrations: readonly RecordsMigration[] = [
  { name: '0004-schedule', ...schedule },
  { name: '0011-sop-assignees', ...sopAssignees },
];
