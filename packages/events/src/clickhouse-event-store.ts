import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import {
  createClient,
  type ClickHouseClient,
  type ClickHouseClientConfigOptions,
  type ClickHouseSettings,
} from '@clickhouse/client';
import { AppError, type Logger } from '@livecloud/core';
import { claimChdbDataDir } from './chdb-data-dir.js';
import type {
  EventStore,
  EventStoreEngine,
  EventStoreHealth,
  QueryParamValue,
  QueryParams,
  StoredEvent,
} from './event-store.js';
import {
  eventIdsBackfill,
  eventInsertColumns,
  eventStoreMigrations,
  quoteIdentifier,
  toEventTsvLine,
} from './events.table.js';
import { createGroupCommit } from './group-commit.js';
import { placeholderNames } from './sql-placeholders.js';

/*
 * chDB 3.4 (engine 26.7) findings, checked by experiment through `chdb/connection` +
 * `@clickhouse/client`, file-backed path:
 * - CREATE DATABASE IF NOT EXISTS works (Atomic engine); chDB's own `default` database is an
 *   Overlay, so our tables live in a database of their own.
 * - MergeTree and ReplacingMergeTree with PARTITION BY, skip indexes and ZSTD codecs work and
 *   survive close + reopen of the same directory. A projection on ReplacingMergeTree is
 *   refused unless deduplicate_merge_projection_mode is set (same as the server).
 * - query_params reach chDB's server-side binder: quotes, backslashes, newlines and NUL stay
 *   data; {db:Identifier} works. Two gaps against HTTP: a bigint loses precision past 2^53 and
 *   a Date loses its milliseconds, so both are turned into text before binding (below).
 * - A missing parameter fails ("Substitution `x` is not set"); an unused one is ignored.
 * - clickhouse_settings become `SET` statements that persist on the chDB connection, so every
 *   setting we rely on is sent with every request rather than once.
 * - The connection keeps its own current database per connection (USE does not leak), but
 *   HTTP requests are stateless, so all SQL names tables fully qualified.
 * - A second data directory in one process is refused while the first is open; after
 *   close() plus drainPending() another directory opens fine.
 * - chDB also runs `SELECT 1; SELECT 2` multi-statements, a ClickHouse server over HTTP does
 *   not: keep to one statement per call.
 */

/** Options for {@link createEventStore}. */
export interface EventStoreOptions {
  /** ClickHouse server over HTTP (credentials may be in the URL); unset means embedded chDB. */
  clickhouseUrl?: string | undefined;
  /** LiveCloud's data directory; chDB keeps its files in `<dataDir>/chdb`. */
  dataDir: string;
  /** Database that holds the tables; a plain identifier. */
  database: string;
  logger?: Logger | undefined;
}

// 64-bit integers as JSON strings: counts and amount_fen stay exact past 2^53 on both engines
// (the server quotes by default, chDB does not).
const settings: ClickHouseSettings = { output_format_json_quote_64bit_integers: 1 };

const healthTimeoutMs = 5_000;

function checkPlaceholders(sql: string, params: QueryParams): void {
  const used = new Set(placeholderNames(sql));
  const given = Object.keys(params);
  const missing = [...used].filter((name) => !Object.hasOwn(params, name));
  const unused = given.filter((name) => !used.has(name));
  if (missing.length > 0 || unused.length > 0) {
    throw AppError.invalid(
      'query_params_mismatch',
      'every {name:Type} placeholder needs a parameter and every parameter a placeholder',
      { missing, unused },
    );
  }
}

// DateTime64 text, which both engines read the same way for DateTime64(3, 'UTC').
function bindable(value: QueryParamValue): QueryParamValue {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString().slice(0, 23).replace('T', ' ');
  if (Array.isArray(value)) return value.map(bindable);
  return value;
}

function bindableParams(params: QueryParams): Record<string, QueryParamValue> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, bindable(v)]));
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return '(unparsable url)';
  }
}

type ClientConnection = NonNullable<ClickHouseClientConfigOptions['connection']>;

/** Writes TabSeparated rows (each line ending in a newline) into `database.table`, columns as named. */
type TsvInsert = (
  target: { database: string; table: string },
  columns: readonly string[],
  body: Buffer,
) => Promise<void>;

interface OpenedClient {
  engine: EventStoreEngine;
  client: ClickHouseClient;
  insertTsv: TsvInsert;
  /** Runs after the client has closed. */
  afterClose: () => Promise<void>;
}

/** A ClickHouse server's insert: the body streamed over HTTP. */
function httpTsvInsert(client: ClickHouseClient): TsvInsert {
  return async ({ database, table }, columns, body) => {
    const [first, ...rest] = columns;
    if (first === undefined) throw new Error('an insert needs at least one column');
    await client.insert({
      table: `${quoteIdentifier(database)}.${quoteIdentifier(table)}`,
      values: Readable.from([body], { objectMode: false }),
      format: 'TabSeparated',
      columns: [first, ...rest],
    });
  };
}

async function openChdb(dataDir: string): Promise<OpenedClient> {
  const path = resolve(dataDir, 'chdb');
  const release = claimChdbDataDir(path);
  try {
    // Loaded only here so that a server on ClickHouse never loads the native addon.
    const [{ createChdbConnection }, { drainPending }] = await Promise.all([
      import('chdb/connection'),
      import('chdb'),
    ]);
    mkdirSync(path, { recursive: true });
    // chdb/connection is typed against @clickhouse/client-common while @clickhouse/client
    // 1.23 ships its own copy of the same declarations; SettingsMap's private field makes the
    // two nominally different although they are one contract at runtime.
    const chdbConnection = createChdbConnection({ path });
    const connection = chdbConnection as unknown as ClientConnection;
    return {
      engine: 'chdb',
      client: createClient({ connection, clickhouse_settings: settings }),
      // chDB's raw insert hands the buffer to the engine as it is (no copy into a query
      // string, and the engine's parallel parser reads it), where @clickhouse/client's insert
      // would first concatenate the body onto the SQL text.
      insertTsv: async ({ database, table }, columns, body) => {
        await chdbConnection.chdb.rawInsert({
          table: `${database}.${table}`,
          columns,
          values: body,
          format: 'TabSeparated',
        });
      },
      afterClose: async () => {
        // close() can return while the engine still finishes an aborted call; the data
        // directory is only free for another store once nothing is pending.
        await drainPending();
        release();
      },
    };
  } catch (error) {
    release();
    if (error instanceof AppError) throw error;
    throw new AppError(
      'unavailable',
      'chdb_open_failed',
      `chDB could not open ${path}: ${describeError(error)}`,
      {
        path,
      },
    );
  }
}

function openClickHouse(url: string): OpenedClient {
  const client = createClient({ url, clickhouse_settings: settings, application: 'livecloud' });
  return {
    engine: 'clickhouse',
    client,
    insertTsv: httpTsvInsert(client),
    afterClose: () => Promise.resolve(),
  };
}

/**
 * Opens the event store: a ClickHouse server over HTTP when `clickhouseUrl` is set, otherwise
 * embedded chDB in `<dataDir>/chdb`. Both go through `@clickhouse/client`, so the SQL and the
 * code path are the same; only the connection differs. Call `migrate()` before first use.
 */
export async function createEventStore(options: EventStoreOptions): Promise<EventStore> {
  const database = options.database;
  const eventsTable = `${quoteIdentifier(database)}.\`events\``;
  const eventIdsTable = `${quoteIdentifier(database)}.\`event_ids\``;
  const opened = options.clickhouseUrl
    ? openClickHouse(options.clickhouseUrl)
    : await openChdb(options.dataDir);
  const { client, engine } = opened;
  const log = options.logger?.child({ component: 'event-store', engine, database });
  log?.info(
    engine === 'chdb'
      ? { path: resolve(options.dataDir, 'chdb') }
      : { url: withoutCredentials(options.clickhouseUrl ?? '') },
    'event store opened',
  );

  // Concurrent batches go into one INSERT (see group-commit.ts); each caller still waits for its
  // own. Rows are TabSeparated lines, encoded by the caller before it joins a group.
  const inserts = createGroupCommit<string>(
    async (lines) => {
      lines.push('');
      await opened.insertTsv(
        { database, table: 'events' },
        eventInsertColumns,
        Buffer.from(lines.join('\n')),
      );
    },
    { maxItems: 50_000 },
  );
  let closing: Promise<void> | undefined;
  const assertOpen = (): void => {
    if (closing) throw new AppError('unavailable', 'event_store_closed', 'the event store has been closed');
  };

  return {
    engine,
    database,
    tables: { events: eventsTable, eventIds: eventIdsTable },

    async migrate() {
      assertOpen();
      const existing = await client.query({
        query: `SELECT count() AS n FROM system.tables WHERE database = {database:String} AND name = 'event_ids_mv'`,
        query_params: { database },
        format: 'JSONEachRow',
      });
      const [viewRow] = await existing.json<{ n: string | number }>();
      for (const statement of eventStoreMigrations(database)) {
        await client.command({ query: statement });
      }
      if (Number(viewRow?.n ?? 0) === 0) {
        // Rows stored before the view existed; a row that also arrived through the view in
        // the meantime collapses in the ReplacingMergeTree.
        await client.command({ query: eventIdsBackfill(database) });
      }
      log?.debug('event store migrated');
    },

    async insert(events) {
      assertOpen();
      if (events.length === 0) return;
      await inserts.submit(events.map((event: StoredEvent) => toEventTsvLine(event)));
    },

    async query<T>(sql: string, params: QueryParams): Promise<T[]> {
      assertOpen();
      checkPlaceholders(sql, params);
      const result = await client.query({
        query: sql,
        query_params: bindableParams(params),
        format: 'JSONEachRow',
      });
      return result.json<T>();
    },

    async health(): Promise<EventStoreHealth> {
      const started = performance.now();
      const elapsed = (): number => Math.round(performance.now() - started);
      if (closing) return { ok: false, latencyMs: 0, error: 'the event store has been closed' };
      try {
        const result = await client.query({
          query: 'SELECT 1 AS ok',
          format: 'JSONEachRow',
          abort_signal: AbortSignal.timeout(healthTimeoutMs),
        });
        await result.json();
        return { ok: true, latencyMs: elapsed() };
      } catch (error) {
        return { ok: false, latencyMs: elapsed(), error: describeError(error) };
      }
    },

    close() {
      closing ??= (async () => {
        await client.close();
        await opened.afterClose();
        log?.info('event store closed');
      })();
      return closing;
    },
  };
}
