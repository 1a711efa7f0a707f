import { PGlite } from '@electric-sql/pglite';
import { migrateToLatest, openRecordsDb, sql, type RecordsDb } from '@livecloud/db';
import { openTestRecordsDb, recordsEngines } from '@livecloud/db/testing';
import { Migrator, type Kysely, type Migration } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { recordsMigrations } from '../src/records-migrations.js';

// What packages/db/src/migrations/index.ts listed before each context owned its migrations, and
// so what every existing store has in lc_migrations: these names must never change.
const namesInOldLayout = [
  '0001-access',
  '0002-dead-letters',
  '0003-commerce',
  '0004-schedule',
  '0005-selection',
];

/** Migrates the way packages/db did before: one name-keyed map, the same Kysely tables. */
async function migrateWithOldLayout(db: Kysely<unknown>): Promise<void> {
  const byName = new Map(recordsMigrations.map((m) => [m.name, m]));
  const migrations: Record<string, Migration> = {};
  for (const name of namesInOldLayout) migrations[name] = byName.get(name)!;
  const result = await new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    migrationTableName: 'lc_migrations',
    migrationLockTableName: 'lc_migrations_lock',
  }).migrateToLatest();
  expect(result.error).toBeUndefined();
}

async function applied(db: Kysely<unknown>): Promise<{ name: string; timestamp: string }[]> {
  const { rows } = await sql<{ name: string; timestamp: string }>`
    select name, timestamp from lc_migrations order by name`.execute(db);
  return rows;
}

describe("every context's records migrations", () => {
  it('are listed in the order they run, under the names stores already recorded', () => {
    const names = recordsMigrations.map((m) => m.name);
    expect(names).toEqual([
      ...namesInOldLayout,
      '0006-dead-letter-identity',
      '0007-api-key-origins',
      '0008-dead-letter-edits',
      '0009-approvals',
      '0011-sop-assignees',
      '0012-api-key-owners',
      '0013-stock-sales',
    ]);
    expect([...names].sort()).toEqual(names);
    expect(new Set(names).size).toBe(names.length);
  });

  it('apply only what is newer to a store migrated with the old layout', async () => {
    const store = await openRecordsDb({ pglite: await PGlite.create() });
    try {
      await migrateWithOldLayout(store.db as Kysely<unknown>);
      const before = await applied(store.db as Kysely<unknown>);
      expect(before.map((r) => r.name)).toEqual(namesInOldLayout);
      expect(await migrateToLatest(store.db, recordsMigrations)).toEqual({
        applied: [
          '0006-dead-letter-identity',
          '0007-api-key-origins',
          '0008-dead-letter-edits',
          '0009-approvals',
          '0011-sop-assignees',
          '0012-api-key-owners',
          '0013-stock-sales',
        ],
        total: 12,
      });
      expect((await applied(store.db as Kysely<unknown>)).slice(0, before.length)).toEqual(before);
    } finally {
      await store.close();
    }
  });
});

describe.each(recordsEngines)('records store on %s', (engine) => {
  let store: (RecordsDb & { dispose(): Promise<void> }) | undefined;
  afterEach(async () => {
    await store?.dispose();
    store = undefined;
  });

  it('treats a second migration run as a no-op', async () => {
    store = await openTestRecordsDb(engine);
    const report = await migrateToLatest(store.db, recordsMigrations);
    expect(report.applied).toEqual([]);
  });
});
