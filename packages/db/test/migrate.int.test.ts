import { PGlite } from '@electric-sql/pglite';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest, openRecordsDb, sql, type RecordsDb, type RecordsMigration } from '../src/index.js';

function creating(name: string, ddl: string): RecordsMigration {
  return {
    name,
    async up(db) {
      await sql.raw(ddl).execute(db);
    },
  };
}

// The second references the first, so running them out of order fails.
const first = creating('0001-parents', 'create table parents (id text primary key)');
const second = creating(
  '0002-children',
  'create table children (id text primary key, parent_id text references parents(id))',
);

async function tables(db: RecordsDb['db']): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' order by table_name`.execute(db);
  return rows.map((r) => r.name);
}

async function appliedNames(db: RecordsDb['db']): Promise<string[]> {
  const { rows } = await sql<{
    name: string;
  }>`select name from lc_migrations order by timestamp, name`.execute(db);
  return rows.map((r) => r.name);
}

// An empty store of its own: the records templates are already migrated with every context's list.
describe('migrating the records store with a given list', () => {
  let store: RecordsDb | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });
  const open = async () => (store = await openRecordsDb({ pglite: await PGlite.create() }));

  it('runs the given migrations in order and records each name once', async () => {
    const { db } = await open();
    expect(await migrateToLatest(db, [first, second])).toEqual({
      applied: ['0001-parents', '0002-children'],
      total: 2,
    });
    expect(await migrateToLatest(db, [first, second])).toEqual({ applied: [], total: 2 });
    expect(await appliedNames(db)).toEqual(['0001-parents', '0002-children']);
  });

  it('runs only what was appended since the last run', async () => {
    const { db } = await open();
    await migrateToLatest(db, [first]);
    expect((await migrateToLatest(db, [first, second])).applied).toEqual(['0002-children']);
  });

  it('refuses a list whose names do not sort in the order given, before running any', async () => {
    const { db } = await open();
    await expect(migrateToLatest(db, [second, first])).rejects.toThrow(
      'records migration 0001-parents is listed after 0002-children: names must sort in the order they run',
    );
    await expect(migrateToLatest(db, [first, first])).rejects.toThrow(
      'records migration 0001-parents is listed twice',
    );
    expect(await tables(db)).toEqual([]);
  });

  it('refuses a store that ran a migration the list lacks', async () => {
    const { db } = await open();
    await migrateToLatest(db, [first, second]);
    await expect(migrateToLatest(db, [first])).rejects.toThrow(/0002-children is missing/);
  });
});
