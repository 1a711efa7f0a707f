import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { PgliteDialect } from './pglite-dialect.js';
import type { Database } from './schema.js';

export type RecordsEngine = 'pglite' | 'postgres';

export interface StoreHealth {
  ok: boolean;
  latencyMs: number;
  error?: string;
}

/** The records store (OLTP): a Kysely handle plus what the server needs to watch and close it. */
export interface RecordsDb {
  db: Kysely<Database>;
  engine: RecordsEngine;
  health(): Promise<StoreHealth>;
  close(): Promise<void>;
}

export interface RecordsDbOptions {
  /** A PostgreSQL server; when absent, PGlite in `<dataDir>/pg`. */
  databaseUrl?: string | undefined;
  dataDir?: string;
  /** An already open PGlite (tests pass a clone of a migrated template). */
  pglite?: PGlite;
  /** Told when an idle PostgreSQL connection fails (the pool replaces it). */
  onIdleError?: (error: Error) => void;
}

// int8 comes back from node-postgres as text; counts and fen amounts fit in a safe integer,
// and PGlite already parses int8 to number, so both engines hand out the same types.
const defaultParser = pg.types.getTypeParser.bind(pg.types) as (
  oid: number,
  format?: 'text' | 'binary',
) => unknown;
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20
      ? (value: string) => Number(value)
      : defaultParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** Opens the records store: PostgreSQL when a URL is given, otherwise embedded PGlite on disk. */
export async function openRecordsDb(options: RecordsDbOptions): Promise<RecordsDb> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10, types: pgTypes });
    // An idle client's connection can drop (server restart, admin termination); without a
    // listener that is an unhandled 'error' that kills the process. The pool replaces the client.
    pool.on('error', (error) => {
      options.onIdleError?.(error);
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return wrap(db, 'postgres');
  }
  let pglite = options.pglite;
  if (!pglite) {
    if (!options.dataDir) throw new Error('openRecordsDb needs databaseUrl, dataDir or pglite');
    const dir = join(options.dataDir, 'pg');
    mkdirSync(dir, { recursive: true });
    pglite = await PGlite.create({ dataDir: dir });
  }
  const db = new Kysely<Database>({ dialect: new PgliteDialect(pglite) });
  return wrap(db, 'pglite');
}

function wrap(db: Kysely<Database>, engine: RecordsEngine): RecordsDb {
  let closed = false;
  return {
    db,
    engine,
    async health() {
      const start = performance.now();
      try {
        await sql`select 1`.execute(db);
        return { ok: true, latencyMs: round(performance.now() - start) };
      } catch (error) {
        return {
          ok: false,
          latencyMs: round(performance.now() - start),
          error: error instanceof Error ? error.message : String(error),
        };
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
