import { describe, expect, it } from 'vitest';
import { chunkEvents, chunkId, decodeEvents, encodeEvents } from './bus-codec.js';
import type { StoredEvent } from './event-store.js';

function event(id: string, text = ''): StoredEvent {
  return {
    id,
    type: 'comment',
    schemaVersion: 1,
    occurredAt: 1_800_000_000_000,
    receivedAt: 1_800_000_000_001,
    orgId: 'org',
    source: 'douyin',
    accountId: 'a',
    sessionId: 's',
    platformUserId: 'u',
    amountFen: 0,
    properties: { text: text || '好' },
  };
}

describe('bus codec', () => {
  it('round-trips events exactly', () => {
    const events = [event('a', '主播好'), event('b')];
    expect(decodeEvents(encodeEvents(events))).toEqual(events);
  });

  it('refuses a message of another shape or with an invalid event', () => {
    expect(() => decodeEvents(new TextEncoder().encode('{"v":2,"events":[]}'))).toThrow(/v1/);
    expect(() =>
      decodeEvents(new TextEncoder().encode(JSON.stringify({ v: 1, events: [{ id: 'x' }] }))),
    ).toThrow(/invalid/);
    const noReceivedAt: Partial<StoredEvent> = { ...event('c') };
    delete noReceivedAt.receivedAt;
    expect(() =>
      decodeEvents(new TextEncoder().encode(JSON.stringify({ v: 1, events: [noReceivedAt] }))),
    ).toThrow(/receivedAt/);
  });

  it('splits a batch under the size limit and ids chunks by their events', () => {
    const events = Array.from({ length: 10 }, (_, i) => event(`e${i}`, 'x'.repeat(100)));
    const chunks = chunkEvents(events, 600);
    expect(chunks.flat()).toEqual(events);
    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks)
      expect(Buffer.byteLength(JSON.stringify(chunk))).toBeLessThanOrEqual(600 + 400);
    expect(chunkId(events)).toBe(chunkId([...events]));
    expect(chunkId(events)).not.toBe(chunkId(events.slice(1)));
  });
});
