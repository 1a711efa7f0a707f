import type { EventEnvelope } from '@livecloud/contracts';

/** The analytics engines the event store runs on: embedded chDB or a ClickHouse server. */
export type EventStoreEngine = 'chdb' | 'clickhouse';

/**
 * An event as stored: a validated envelope whose `receivedAt` the collector has stamped.
 * Times are UTC epoch milliseconds; `amountFen` is integer fen.
 */
export type StoredEvent = Omit<EventEnvelope, 'receivedAt'> & { receivedAt: number };

/**
 * A value that may be bound to a `{name:Type}` placeholder. Bind epoch-ms times as
 * `fromUnixTimestamp64Milli({from:Int64}, 'UTC')`, or pass a Date to `{from:DateTime64(3, 'UTC')}`;
 * bigint and Date are turned into text before binding so that both engines read them alike.
 */
export type QueryParamValue = string | number | bigint | boolean | Date | null | readonly QueryParamValue[];

/** Bound parameters for {@link EventStore.query}, keyed by placeholder name. */
export type QueryParams = Readonly<Record<string, QueryParamValue>>;

/** The answer of {@link EventStore.health}. */
export interface EventStoreHealth {
  ok: boolean;
  latencyMs: number;
  error?: string;
}

/** Fully qualified, quoted table names to put into SQL; the only text ever spliced into a query. */
export interface EventStoreTables {
  /** The `events` table, e.g. `` `livecloud`.`events` ``. */
  readonly events: string;
  /** `(org_id, id, occurred_at)` of every stored event, sorted by (org_id, id) for id look-ups. */
  readonly eventIds: string;
}

/**
 * Where events are kept and queried. One ClickHouse SQL dialect serves both engines.
 *
 * Tenancy convention: every query that reads events filters `org_id = {orgId:String}`; use
 * {@link scopeToOrg} rather than calling {@link EventStore.query} with a hand-bound org.
 *
 * De-duplication convention: the `events` table collapses rows with the same sorting key
 * (an event re-sent under the same `id`) in the background, so read with `FINAL` wherever
 * a count must be exact.
 */
export interface EventStore {
  readonly engine: EventStoreEngine;
  /** The ClickHouse database holding the tables. */
  readonly database: string;
  readonly tables: EventStoreTables;
  /** Creates the database and tables; safe to run on every start. */
  migrate(): Promise<void>;
  /** Writes a batch (TabSeparated, in one INSERT with concurrent batches). An empty batch is a no-op. */
  insert(events: readonly StoredEvent[]): Promise<void>;
  /**
   * Runs a read query and returns its rows (JSONEachRow), unvalidated: 64-bit integers arrive
   * as strings. Values go only through `{name:Type}` placeholders; every placeholder needs a
   * parameter and every parameter a placeholder, or the call throws `invalid`.
   */
  query<T>(sql: string, params: QueryParams): Promise<T[]>;
  /** Runs `SELECT 1`; never throws. */
  health(): Promise<EventStoreHealth>;
  /** Releases the engine (for chDB, the process's data directory slot). Idempotent. */
  close(): Promise<void>;
}
