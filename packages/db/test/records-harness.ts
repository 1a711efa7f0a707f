import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { inject } from 'vitest';
import { openRecordsDb, type RecordsDb, type RecordsEngine } from '../src/index.js';
import { createPgDatabaseFrom, dropPgDatabase, pgUrlFor } from './pg-admin.js';

export { recordsTemplatesSetup } from './records-templates.js';

/** Both engines every records test runs on. */
export const recordsEngines: RecordsEngine[] = ['pglite', 'postgres'];

let templateBlob: Blob | undefined;

/**
 * A migrated, empty records store of the given engine, all its own: PGlite loaded from the
 * run's template dump, or a PostgreSQL database copied from the run's template database.
 * Call `dispose` when done (afterEach).
 */
export async function openTestRecordsDb(
  engine: RecordsEngine,
): Promise<RecordsDb & { dispose(): Promise<void> }> {
  if (engine === 'pglite') {
    templateBlob ??= new Blob([readFileSync(inject('pgliteTemplatePath'))]);
    const pglite = await PGlite.create({ loadDataDir: templateBlob });
    const records = await openRecordsDb({ pglite });
    return { ...records, dispose: () => records.close() };
  }
  const name = await createPgDatabaseFrom(inject('pgTemplateDb'));
  const records = await openRecordsDb({ databaseUrl: pgUrlFor(name) });
  return {
    ...records,
    dispose: async () => {
      await records.close();
      await dropPgDatabase(name);
    },
  };
}

/**
 * A migrated, empty PostgreSQL database of its own, for a test that hands its URL to other
 * processes (a server started as a user would start it). Call `dispose` when done.
 */
export async function createTestPgDatabase(): Promise<{ url: string; dispose(): Promise<void> }> {
  const name = await createPgDatabaseFrom(inject('pgTemplateDb'));
  return { url: pgUrlFor(name), dispose: () => dropPgDatabase(name) };
}
