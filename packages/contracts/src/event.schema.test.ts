import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMA_VERSION, parseEvent, type EventEnvelope } from './event.schema.js';
import { eventTypes, liveEventTypes } from './vocabulary.js';

const occurredAt = Date.UTC(2026, 2, 14, 12, 0, 0, 123);

function liveEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'evt-1',
    type: 'like',
    occurredAt,
    orgId: 'org_01',
    source: 'douyin',
    accountId: 'acc_01',
    sessionId: 'ses_01',
    platformUserId: 'dy-42',
    ...overrides,
  };
}

function accepted(input: unknown): EventEnvelope {
  const result = parseEvent(input);
  if (!result.ok) throw new Error(`expected the event to be accepted, got: ${result.reason}`);
  return result.event;
}

function rejected(input: unknown): { reason: string; paths: string[] } {
  const result = parseEvent(input);
  if (result.ok) throw new Error('expected the event to be rejected');
  return { reason: result.reason, paths: result.issues.map((i) => i.path) };
}

describe('parseEvent', () => {
  it('accepts a minimal live event and fills schema version and properties', () => {
    const event = accepted(liveEvent());
    expect(event).toMatchObject({
      id: 'evt-1',
      type: 'like',
      occurredAt,
      schemaVersion: EVENT_SCHEMA_VERSION,
    });
    expect(event.properties).toEqual({});
  });

  it('normalises an ISO occurredAt with an offset to epoch milliseconds', () => {
    expect(accepted(liveEvent({ occurredAt: '2026-03-14T20:00:00.123+08:00' })).occurredAt).toBe(occurredAt);
    expect(accepted(liveEvent({ receivedAt: '2026-03-14T12:00:01Z' })).receivedAt).toBe(
      occurredAt - 123 + 1000,
    );
  });

  it('rejects an ISO time without a time zone, since its instant is ambiguous', () => {
    expect(rejected(liveEvent({ occurredAt: '2026-03-14T12:00:00' })).paths).toContain('occurredAt');
  });

  it('rejects epoch seconds sent where milliseconds are expected', () => {
    const { reason } = rejected(liveEvent({ occurredAt: Math.floor(occurredAt / 1000) }));
    expect(reason).toMatch(/occurredAt: .*epoch seconds/);
  });

  it('rejects fractional epoch milliseconds and garbage times', () => {
    expect(rejected(liveEvent({ occurredAt: occurredAt + 0.5 })).paths).toContain('occurredAt');
    expect(rejected(liveEvent({ occurredAt: 'yesterday' })).paths).toContain('occurredAt');
  });

  it('keeps amountFen an exact integer and rejects floats, negatives and numeric strings', () => {
    expect(accepted(liveEvent({ type: 'order.pay', orderId: 'o1', amountFen: 1999 })).amountFen).toBe(1999);
    expect(rejected(liveEvent({ type: 'order.pay', orderId: 'o1', amountFen: 19.99 })).reason).toBe(
      'amountFen: must be an integer number of fen (分), never a float or a string',
    );
    expect(rejected(liveEvent({ type: 'order.pay', orderId: 'o1', amountFen: -1 })).paths).toEqual([
      'amountFen',
    ]);
    expect(rejected(liveEvent({ type: 'order.pay', orderId: 'o1', amountFen: '1999' })).paths).toEqual([
      'amountFen',
    ]);
  });

  it.each(['order.pay', 'order.refund', 'ad.spend'])('requires amountFen for %s and accepts zero', (type) => {
    const base = liveEvent({ type, orderId: 'o1' });
    expect(rejected(base).reason).toBe(`amountFen: is required for ${type}`);
    expect(accepted({ ...base, amountFen: 0 }).amountFen).toBe(0);
  });

  it.each(['order.create', 'order.pay', 'order.refund'])('requires orderId for %s', (type) => {
    expect(rejected(liveEvent({ type, amountFen: 100 })).paths).toEqual(['orderId']);
  });

  it.each(['product.impression', 'product.click'])('requires productId for %s', (type) => {
    expect(rejected(liveEvent({ type })).reason).toBe(`productId: is required for ${type}`);
    expect(accepted(liveEvent({ type, productId: 'p1', skuId: 'p1-red' })).productId).toBe('p1');
  });

  it('requires non-blank properties.text on a comment and keeps Chinese text as is', () => {
    expect(rejected(liveEvent({ type: 'comment' })).paths).toEqual(['properties.text']);
    expect(rejected(liveEvent({ type: 'comment', properties: { text: '  ' } })).paths).toEqual([
      'properties.text',
    ]);
    expect(
      accepted(liveEvent({ type: 'comment', properties: { text: '主播好！这个多少钱？' } })).properties,
    ).toEqual({
      text: '主播好！这个多少钱？',
    });
  });

  it('requires at least one of anonymousId, userId or platformUserId', () => {
    const { platformUserId: _dropped, ...anonymous } = liveEvent();
    expect(rejected(anonymous).reason).toBe(
      'anonymousId: one of anonymousId, userId or platformUserId is required',
    );
    expect(accepted({ ...anonymous, userId: 'u1' }).userId).toBe('u1');
    expect(accepted({ ...anonymous, anonymousId: 'a1' }).anonymousId).toBe('a1');
  });

  it('takes ad spend and the anchor’s explaining without a viewer id, as platform feeds send them', () => {
    const { platformUserId: _dropped, ...viewerless } = liveEvent();
    expect(accepted({ ...viewerless, type: 'ad.spend', amountFen: 12_000 }).amountFen).toBe(12_000);
    expect(accepted({ ...viewerless, type: 'explain.start', productId: 'prd_1' }).type).toBe('explain.start');
    expect(rejected({ ...viewerless, type: 'like' }).paths).toEqual(['anonymousId']);
  });

  it('requires accountId and sessionId on live types but not on generic SDK types', () => {
    const { accountId: _a, sessionId: _s, ...sessionless } = liveEvent();
    expect(rejected(sessionless).paths.sort()).toEqual(['accountId', 'sessionId']);
    expect(
      accepted({ ...sessionless, type: 'track', source: 'segment', properties: { event: 'Signed Up' } }).type,
    ).toBe('track');
  });

  it('accepts every declared type when its required fields are present', () => {
    for (const type of eventTypes) {
      const event = liveEvent({
        type,
        orderId: 'o1',
        productId: 'p1',
        amountFen: 1,
        properties: { text: 'hi' },
      });
      expect(parseEvent(event).ok, type).toBe(true);
    }
    expect(liveEventTypes).toHaveLength(16);
  });

  it('rejects an unknown type, source or traffic source', () => {
    expect(rejected(liveEvent({ type: 'room.explode' })).paths).toEqual(['type']);
    expect(rejected(liveEvent({ source: 'myspace' })).paths).toEqual(['source']);
    expect(rejected(liveEvent({ trafficSource: 'tv' })).paths).toEqual(['trafficSource']);
    expect(accepted(liveEvent({ trafficSource: 'paid_ads' })).trafficSource).toBe('paid_ads');
  });

  it('rejects an unknown top-level field instead of silently dropping it', () => {
    expect(rejected(liveEvent({ amountfen: 100 })).reason).toMatch(/amountfen/);
  });

  it('rejects an empty or overlong id', () => {
    expect(rejected(liveEvent({ id: '' })).paths).toEqual(['id']);
    expect(rejected(liveEvent({ id: 'x'.repeat(129) })).paths).toEqual(['id']);
    expect(accepted(liveEvent({ id: 'x'.repeat(128) })).id).toHaveLength(128);
  });

  it('rejects another schema version', () => {
    expect(rejected(liveEvent({ schemaVersion: 2 })).paths).toEqual(['schemaVersion']);
  });

  it('rejects properties that are not an object', () => {
    expect(rejected(liveEvent({ properties: ['a'] })).paths).toEqual(['properties']);
  });

  it('rejects input that is not an object at all, with a reason', () => {
    for (const input of [null, 'event', 42, []]) {
      const result = parseEvent(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason.length).toBeGreaterThan(0);
    }
  });

  it('reports every missing field at once', () => {
    const { paths } = rejected({ type: 'like' });
    expect(paths).toEqual(expect.arrayContaining(['id', 'occurredAt', 'orgId', 'source']));
  });
});
