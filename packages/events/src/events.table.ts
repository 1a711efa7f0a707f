import { AppError } from '@livecloud/core';
import { eventEnvelopeSchema } from '@livecloud/contracts';
import type { StoredEvent } from './event-store.js';

const identifierPattern = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Quotes a database or table name after checking it is a plain identifier (never user data). */
export function quoteIdentifier(name: string): string {
  if (!identifierPattern.test(name)) {
    throw AppError.invalid('invalid_identifier', `"${name}" is not a plain identifier (letters, digits, _)`);
  }
  return `\`${name}\``;
}

/**
 * The statements that bring a database up to date, in order. Each is idempotent so that
 * `migrate()` can run on every start.
 *
 * Layout choices:
 * - ORDER BY starts with org_id (tenancy filter prunes first) then session_id, because most
 *   reads are one live session's funnel or timeline.
 * - ReplacingMergeTree collapses rows with the same sorting key. A retried event carries the
 *   same id, session, type and occurredAt, so duplicates of (org_id, id) collapse; read with
 *   FINAL for exact counts before background merges happen. An id reused with a different
 *   session, type or time is not collapsed here — the collector's dedupe step owns that.
 *   No version column: any copy of a retried event is as good as another.
 * - Partition by month of occurred_at so retention can drop whole months and a duplicate,
 *   which has the same occurred_at, always lands in the same partition.
 * - Per-user reads (a user's path across sessions) get bloom-filter skip indexes on user_id
 *   and anonymous_id rather than a projection: a projection would double storage, and
 *   ReplacingMergeTree refuses one unless deduplicate_merge_projection_mode is set.
 * - amount_fen is Nullable: a like has no amount, an ad.spend of 0 fen does; sums skip NULL.
 * - Optional ids are '' when absent rather than Nullable, which ClickHouse stores and
 *   filters more cheaply; the schema never accepts an empty id, so '' is unambiguous.
 */
export function eventStoreMigrations(database: string): string[] {
  const db = quoteIdentifier(database);
  return [
    `CREATE DATABASE IF NOT EXISTS ${db}`,
    `CREATE TABLE IF NOT EXISTS ${db}.\`events\`
(
    org_id String,
    id String,
    type LowCardinality(String),
    occurred_at DateTime64(3, 'UTC'),
    received_at DateTime64(3, 'UTC'),
    source LowCardinality(String),
    account_id String,
    session_id String,
    anonymous_id String,
    user_id String,
    platform_user_id String,
    product_id String,
    sku_id String,
    order_id String,
    amount_fen Nullable(Int64),
    traffic_source LowCardinality(String),
    properties String CODEC(ZSTD(3)),
    schema_version UInt8,
    INDEX idx_user_id user_id TYPE bloom_filter(0.01) GRANULARITY 4,
    INDEX idx_anonymous_id anonymous_id TYPE bloom_filter(0.01) GRANULARITY 4
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(occurred_at)
ORDER BY (org_id, session_id, type, occurred_at, id)`,
    // The collector's durable de-duplication asks "which of these ids does the org already
    // have?". `events` is sorted by session first, so that question would scan the whole org;
    // this narrow copy sorted by (org_id, id) answers it from the primary index. A materialized
    // view fills it inside the same INSERT, so it can never miss an event that was stored.
    `CREATE TABLE IF NOT EXISTS ${db}.\`event_ids\`
(
    org_id String,
    id String,
    occurred_at DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(occurred_at)
ORDER BY (org_id, id)`,
    `CREATE MATERIALIZED VIEW IF NOT EXISTS ${db}.\`event_ids_mv\` TO ${db}.\`event_ids\`
AS SELECT org_id, id, occurred_at FROM ${db}.\`events\``,
  ];
}

/** Copies the ids of events stored before `event_ids` existed; run once, when the view is created. */
export function eventIdsBackfill(database: string): string {
  const db = quoteIdentifier(database);
  return `INSERT INTO ${db}.\`event_ids\` SELECT org_id, id, occurred_at FROM ${db}.\`events\``;
}

/** One row as read with {@link eventSelectList}; 64-bit integers arrive as strings. */
export interface EventRow {
  org_id: string;
  id: string;
  type: string;
  occurred_at_ms: string | number;
  received_at_ms: string | number;
  source: string;
  account_id: string;
  session_id: string;
  anonymous_id: string;
  user_id: string;
  platform_user_id: string;
  product_id: string;
  sku_id: string;
  order_id: string;
  amount_fen: string | number | null;
  traffic_source: string;
  properties: string;
  schema_version: number;
}

/** The columns of `events` in the order {@link toEventTsvLine} writes them. */
export const eventInsertColumns = [
  'org_id',
  'id',
  'type',
  'occurred_at',
  'received_at',
  'source',
  'account_id',
  'session_id',
  'anonymous_id',
  'user_id',
  'platform_user_id',
  'product_id',
  'sku_id',
  'order_id',
  'amount_fen',
  'traffic_source',
  'properties',
  'schema_version',
] as const;

/**
 * The select list that reads whole events for {@link fromEventRow}. Times come back as epoch
 * ms under new names so that a WHERE on occurred_at still means the DateTime64 column.
 */
export const eventSelectList = eventInsertColumns
  .map((column) =>
    column === 'occurred_at' || column === 'received_at'
      ? `toUnixTimestamp64Milli(${column}) AS ${column}_ms`
      : column,
  )
  .join(', ');

const tsvSpecial = /[\\\t\n\r\0]/;
const tsvSpecialAll = /[\\\t\n\r\0]/g;
const tsvEscapes: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
  '\0': '\\0',
};

/** A String field of ClickHouse's TabSeparated format: backslash, tab, newlines and NUL escaped. */
export function tsvField(value: string): string {
  return tsvSpecial.test(value) ? value.replace(tsvSpecialAll, (c) => tsvEscapes[c] ?? c) : value;
}

// Times go as UTC text rather than epoch ms: a bare integer leaves the engine to infer its unit,
// whereas the text reads the same into DateTime64(3, 'UTC') on chDB and on every server version.
// Most events of a batch fall in the same few seconds: format the second once, then only the
// milliseconds. One cache per caller so that occurred and received times don't evict each other.
interface TimeTextCache {
  second: number;
  prefix: string;
}

function timeText(ms: number, cache: TimeTextCache): string {
  const second = Math.floor(ms / 1000);
  if (second !== cache.second) {
    cache.second = second;
    cache.prefix = `${new Date(second * 1000).toISOString().slice(0, 19).replace('T', ' ')}.`;
  }
  const milli = ms - second * 1000;
  return cache.prefix + (milli < 10 ? `00${milli}` : milli < 100 ? `0${milli}` : String(milli));
}

const occurredCache: TimeTextCache = { second: Number.NaN, prefix: '' };
const receivedCache: TimeTextCache = { second: Number.NaN, prefix: '' };

/**
 * Maps an event to one line of TabSeparated (no trailing newline), columns in
 * {@link eventInsertColumns} order: the insert format the store writes, because the engine
 * parses it about twice as fast as JSONEachRow and Node builds it without an object per row.
 * Absent ids are '', an absent amount is `\N`; times are UTC DateTime64(3) text.
 */
export function toEventTsvLine(event: StoredEvent): string {
  const amount = event.amountFen === undefined ? '\\N' : String(event.amountFen);
  return (
    `${tsvField(event.orgId)}\t${tsvField(event.id)}\t${tsvField(event.type)}\t` +
    `${timeText(event.occurredAt, occurredCache)}\t${timeText(event.receivedAt, receivedCache)}\t` +
    `${tsvField(event.source)}\t${tsvField(event.accountId ?? '')}\t${tsvField(event.sessionId ?? '')}\t` +
    `${tsvField(event.anonymousId ?? '')}\t${tsvField(event.userId ?? '')}\t` +
    `${tsvField(event.platformUserId ?? '')}\t${tsvField(event.productId ?? '')}\t` +
    `${tsvField(event.skuId ?? '')}\t${tsvField(event.orderId ?? '')}\t${amount}\t` +
    `${tsvField(event.trafficSource ?? '')}\t${tsvField(JSON.stringify(event.properties))}\t` +
    String(event.schemaVersion)
  );
}

function exactInteger(value: string | number, column: string): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n)) {
    throw new AppError(
      'internal',
      'stored_event_invalid',
      `events.${column} holds ${value}, not a safe integer`,
    );
  }
  return n;
}

function present(value: string): string | undefined {
  return value === '' ? undefined : value;
}

/**
 * Maps a row read with {@link eventSelectList} back to the event that was stored. The row is
 * re-validated with the envelope schema so that the result is typed without casts; a row that
 * fails is a broken invariant and throws.
 */
export function fromEventRow(row: EventRow): StoredEvent {
  const input: Record<string, unknown> = {
    id: row.id,
    type: row.type,
    schemaVersion: row.schema_version,
    occurredAt: exactInteger(row.occurred_at_ms, 'occurred_at'),
    orgId: row.org_id,
    source: row.source,
    accountId: present(row.account_id),
    sessionId: present(row.session_id),
    anonymousId: present(row.anonymous_id),
    userId: present(row.user_id),
    platformUserId: present(row.platform_user_id),
    productId: present(row.product_id),
    skuId: present(row.sku_id),
    orderId: present(row.order_id),
    amountFen: row.amount_fen === null ? undefined : exactInteger(row.amount_fen, 'amount_fen'),
    trafficSource: present(row.traffic_source),
    properties: JSON.parse(row.properties) as unknown,
  };
  const parsed = eventEnvelopeSchema.safeParse(
    Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
  );
  if (!parsed.success) {
    throw new AppError(
      'internal',
      'stored_event_invalid',
      `stored event ${row.org_id}/${row.id} no longer parses`,
      {
        issues: parsed.error.issues,
      },
    );
  }
  return { ...parsed.data, receivedAt: exactInteger(row.received_at_ms, 'received_at') };
}
