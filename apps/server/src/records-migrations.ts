import { accessMigrations } from '@livecloud/access';
import { commerceMigrations } from '@livecloud/commerce';
import type { RecordsMigration } from '@livecloud/db';
import { deadLetterMigrations } from '@livecloud/events';
import { scheduleMigrations } from '@livecloud/schedule';
import { selectionMigrations } from '@livecloud/selection';

/**
 * Every context's records migrations, in the one order `migrateToLatest` runs them: by number,
 * which is also the order the contexts' tables reference each other (organisations first). The
 * server start-up, the CLI and the test templates all migrate with this list; a new context
 * appends its own list here with the next free number; a context that adds a migration later
takes the next free number too, and the list is sorted by name.
 */
export const recordsMigrations: readonly RecordsMigration[] = [
  ...accessMigrations,
  ...deadLetterMigrations,
  ...commerceMigrations,
  ...scheduleMigrations,
  ...selectionMigrations,
].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
