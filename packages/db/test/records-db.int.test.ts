import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest, openRecordsDb, sql, type RecordsDb, type RecordsMigration } from '../src/index.js';
import { openTestRecordsDb, recordsEngines } from './records-harness.js';

describe.each(recordsEngines)('records store on %s', (engine) => {
  let store: (RecordsDb & { dispose(): Promise<void> }) | undefined;
  afterEach(async () => {
    await store?.dispose();
    store = undefined;
  });

  it('reports its engine and a healthy round trip', async () => {
    store = await openTestRecordsDb(engine);
    expect(store.engine).toBe(engine);
    const health = await store.health();
    expect(health.ok).toBe(true);
    expect(health.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('returns int8 as a number and timestamptz as a Date on both engines', async () => {
    store = await openTestRecordsDb(engine);
    const { rows } = await sql<{
      fen: number;
      at: Date;
    }>`select 9007199254740991::int8 as fen, now() as at`.execute(store.db);
    expect(rows[0]?.fen).toBe(Number.MAX_SAFE_INTEGER);
    expect(rows[0]?.at).toBeInstanceOf(Date);
  });

  it('rolls back a failed transaction and keeps concurrent work out of it', async () => {
    store = await openTestRecordsDb(engine);
    const db = store.db;
    await db.insertInto('organisations').values({ id: 'org_a', name: 'A', slug: 'a' }).execute();
    const failing = db.transaction().execute(async (trx) => {
      await trx.updateTable('organisations').set({ name: 'changed' }).where('id', '=', 'org_a').execute();
      throw new Error('boom');
    });
    const outside = db
      .selectFrom('organisations')
      .select('name')
      .where('id', '=', 'org_a')
      .executeTakeFirstOrThrow();
    await expect(failing).rejects.toThrow('boom');
    expect((await outside).name).toBe('A');
    const after = await db
      .selectFrom('organisations')
      .select('name')
      .where('id', '=', 'org_a')
      .executeTakeFirstOrThrow();
    expect(after.name).toBe('A');
  });

  it('enforces the unique e-mail regardless of case', async () => {
    store = await openTestRecordsDb(engine);
    const user = { name: 'x', password_hash: 'h' };
    await store.db
      .insertInto('users')
      .values({ ...user, id: 'usr_1', email: 'Li@Example.com' })
      .execute();
    await expect(
      store.db
        .insertInto('users')
        .values({ ...user, id: 'usr_2', email: 'li@example.com' })
        .execute(),
    ).rejects.toThrow();
  });
});

// This package knows no context's tables, so the test makes the one it writes.
const organisationsOnly: RecordsMigration[] = [
  {
    name: '0001-organisations',
    async up(db) {
      await sql`create table organisations (id text primary key, name text not null, slug text not null)`.execute(
        db,
      );
    },
  },
];

describe('embedded records store on disk', () => {
  it('keeps its data across a close and reopen of the same data directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lc-pg-'));
    try {
      const first = await openRecordsDb({ dataDir: dir });
      await migrateToLatest(first.db, organisationsOnly);
      await first.db
        .insertInto('organisations')
        .values({ id: 'org_disk', name: '星河', slug: 'xinghe' })
        .execute();
      await first.close();
      const second = await openRecordsDb({ dataDir: dir });
      const row = await second.db.selectFrom('organisations').selectAll().executeTakeFirstOrThrow();
      expect(row.name).toBe('星河');
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
