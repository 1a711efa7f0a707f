import { describe, expect, it } from 'vitest';
import {
  eventStoreMigrations,
  fromEventRow,
  quoteIdentifier,
  toEventRow,
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
  const { occurred_at: _o, received_at: _r, ...rest } = toEventRow(e);
  return { ...rest, occurred_at_ms: String(e.occurredAt), received_at_ms: String(e.receivedAt) };
}

describe('events table mapping', () => {
  it('writes times as UTC DateTime64 text and absent ids as empty strings', () => {
    expect(toEventRow(event)).toMatchObject({
      occurred_at: '2026-01-02 03:04:05.006',
      received_at: '2026-01-02 03:04:05.999',
      anonymous_id: '',
      product_id: '',
      traffic_source: '',
      amount_fen: 0,
      properties: '{"reason":"尺码不合适"}',
      schema_version: 1,
    });
    expect(toEventRow({ ...event, type: 'like', amountFen: undefined }).amount_fen).toBeNull();
  });

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

describe('events table DDL', () => {
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
