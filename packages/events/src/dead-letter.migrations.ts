import type { RecordsMigration } from '@livecloud/db';
import * as deadLetters from './migrations/0002-dead-letters.js';
import * as deadLetterIdentity from './migrations/0006-dead-letter-identity.js';
import * as deadLetterEdits from './migrations/0008-dead-letter-edits.js';

/** The records table of dead letters (the event store has its own schema, `EventStore.migrate`). */
export const deadLetterMigrations: readonly RecordsMigration[] = [
  { name: '0002-dead-letters', ...deadLetters },
  { name: '0006-dead-letter-identity', ...deadLetterIdentity },
  { name: '0008-dead-letter-edits', ...deadLetterEdits },
];
