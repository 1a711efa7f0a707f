import { recordsTemplatesSetup } from '@livecloud/db/testing';
import { recordsMigrations } from '../src/records-migrations.js';

/** The int tests' records templates, migrated with every context's migrations. */
export default recordsTemplatesSetup(recordsMigrations);
