import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { migrateToLatest, openRecordsDb, type RecordsMigration } from '../src/index.js';
import { adminPgUrl, createPgTemplate, dropPgDatabase } from './pg-admin.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplatePath: string;
    pgTemplateDb: string;
  }
}

/**
 * A vitest global setup that migrates one PGlite template and one PostgreSQL template database
 * per test run with `migrations`; each test then starts from a copy in well under a second
 * instead of running initdb and migrations. This package knows no context, so the list comes
 * from the caller (the server's `apps/server/test/global-setup.ts`, which has them all).
 * A PostgreSQL server that cannot be reached fails the run: the tests never skip it.
 */
export function recordsTemplatesSetup(
  migrations: readonly RecordsMigration[],
): (project: TestProject) => Promise<() => Promise<void>> {
  return async (project) => {
    const dir = mkdtempSync(join(tmpdir(), 'lc-test-'));
    const pglite = await PGlite.create();
    const records = await openRecordsDb({ pglite });
    await migrateToLatest(records.db, migrations);
    const dump = await pglite.dumpDataDir('none');
    const templatePath = join(dir, 'pglite-template.tar');
    writeFileSync(templatePath, Buffer.from(await dump.arrayBuffer()));
    await records.close();

    let templateDb: string;
    try {
      templateDb = await createPgTemplate(async (url) => {
        const db = await openRecordsDb({ databaseUrl: url });
        try {
          await migrateToLatest(db.db, migrations);
        } finally {
          await db.close();
        }
      });
    } catch (error) {
      throw new Error(
        `PostgreSQL is required for the tests and could not be prepared at ${adminPgUrl()} ` +
          `(set LIVECLOUD_TEST_PG_URL): ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    project.provide('pgliteTemplatePath', templatePath);
    project.provide('pgTemplateDb', templateDb);
    return async () => {
      rmSync(dir, { recursive: true, force: true });
      await dropPgDatabase(templateDb);
    };
  };
}
