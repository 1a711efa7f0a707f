import { describe, expect, it } from 'vitest';
import {
  eventSelectList,
  eventStoreMigrations,
  fromEventRow,
  quoteIdentifier,
  eventInsertColumns,
  toEventTsvLine,
  tsvField,
  type EventRow,
} from './events.table.js';
import type { StoredEvent } from './event-store.js';

const event: StoredEvent = {
  id: 'evt-1',
  type: 'order.refund',
  schemaVersion: 1,
  occurredAt: Date.UTC(2026, 0, 2, 3, 4, 5, 6),
  receivedAt: Date.UTC(2026, 0, 2, 3, 4, 5, 999),
  orgId: 'org_1',
  source: 'taobao',
  accountId: 'acc_1',
  sessionId: 'ses_1',
  userId: 'usr_1',
  orderId: 'ord_1',
  amountFen: 0,
  properties: { reason: '尺码不合适' },
};

function rowOf(e: StoredEvent): EventRow {
  return {
    org_id: e.orgId,
    id: e.id,
    type: e.type,
    occurred_at_ms: String(e.occurredAt),
    received_at_ms: String(e.receivedAt),
    source: e.source,
    account_id: e.accountId ?? '',
    session_id: e.sessionId ?? '',
    anonymous_id: e.anonymousId ?? '',
    user_id: e.userId ?? '',
    platform_user_id: e.platformUserId ?? '',
    product_id: e.productId ?? '',
    sku_id: e.skuId ?? '',
    order_id: e.orderId ?? '',
    amount_fen: e.amountFen === undefined ? null : String(e.amountFen),
    traffic_source: e.trafficSource ?? '',
    properties: JSON.stringify(e.properties),
    schema_version: e.schemaVersion,
  };
}

describe('events table mapping', () => {
  it('reads back the event it wrote, with absent fields absent', () => {
    const read = fromEventRow(rowOf(event));
    expect(read).toEqual(event);
    expect(read).not.toHaveProperty('productId');
  });

  it('refuses a stored 64-bit value that would lose precision as a number', () => {
    const row = { ...rowOf(event), amount_fen: '9007199254740993' };
    expect(() => fromEventRow(row)).toThrow(expect.objectContaining({ code: 'stored_event_invalid' }));
  });

  it('refuses a stored row that no longer satisfies the envelope', () => {
    expect(() => fromEventRow({ ...rowOf(event), order_id: '' })).toThrow(
      expect.objectContaining({ code: 'stored_event_invalid' }),
    );
  });
});

describe('events table TabSeparated rows', () => {
  it('escapes backslash, tab, newlines and NUL and leaves everything else as it is', () => {
    expect(tsvField('sku_红色_XL')).toBe('sku_红色_XL');
    expect(tsvField('a\tb\nc\rd\\e\0f')).toBe('a\\tb\\nc\\rd\\\\e\\0f');
  });

  it('writes one field per column, in column order, with absent values as the engine reads them', () => {
    const fields = toEventTsvLine(event).split('\t');
    expect(fields).toHaveLength(eventInsertColumns.length);
    const row = Object.fromEntries(eventInsertColumns.map((c, i) => [c, fields[i]]));
    expect(row).toMatchObject({
      org_id: 'org_1',
      occurred_at: '2026-01-02 03:04:05.006',
      received_at: '2026-01-02 03:04:05.999',
      anonymous_id: '',
      amount_fen: '0',
      properties: '{"reason":"尺码不合适"}',
      schema_version: '1',
    });
    expect(toEventTsvLine({ ...event, amountFen: undefined }).split('\t')[14]).toBe('\\N');
  });

  it('formats each time on its own even when consecutive events share a second', () => {
    const at = Date.UTC(2026, 0, 2, 3, 4, 5, 0);
    const times = [at + 7, at + 70, at + 700, at + 1_000, at - 1].map(
      (ms) => toEventTsvLine({ ...event, occurredAt: ms }).split('\t')[3],
    );
    expect(times).toEqual([
      '2026-01-02 03:04:05.007',
      '2026-01-02 03:04:05.070',
      '2026-01-02 03:04:05.700',
      '2026-01-02 03:04:06.000',
      '2026-01-02 03:04:04.999',
    ]);
  });

  it('keeps a JSON backslash in properties readable as the same JSON', () => {
    const line = toEventTsvLine({ ...event, properties: { quote: 'say "hi"\n\\' } });
    const field = line.split('\t')[16]!;
    const unescaped = field.replace(/\\(.)/g, (_, c: string) => (c === 't' ? '\t' : c === 'n' ? '\n' : c));
    expect(JSON.parse(unescaped)).toEqual({ quote: 'say "hi"\n\\' });
  });
});

describe('events table DDL', () => {
  it('reads back every column it writes, times as epoch ms', () => {
    expect(eventSelectList.split(', ')).toHaveLength(eventInsertColumns.length);
    expect(eventSelectList).toContain('toUnixTimestamp64Milli(occurred_at) AS occurred_at_ms');
    expect(eventSelectList).toContain('toUnixTimestamp64Milli(received_at) AS received_at_ms');
  });

  it('quotes plain identifiers and refuses anything else', () => {
    expect(quoteIdentifier('livecloud_2')).toBe('`livecloud_2`');
    for (const bad of ['', '1abc', 'a-b', 'a`b', 'a.b', 'x; DROP']) {
      expect(() => quoteIdentifier(bad)).toThrow(expect.objectContaining({ code: 'invalid_identifier' }));
    }
  });

  it('creates the database and table idempotently in the given database', () => {
    const statements = eventStoreMigrations('lc');
    expect(statements.every((s) => s.includes('IF NOT EXISTS'))).toBe(true);
    expect(statements[1]).toContain('`lc`.`events`');
  });
});
