import { describe, expect, it } from 'vitest';
import { mapSegmentMessage, splitSegmentBody } from './segment.step.js';

const receivedAt = Date.UTC(2026, 2, 14, 12, 0, 10);

describe('Segment mapping', () => {
  it('maps a track call: messageId, timestamp, ids, event name, properties and context', () => {
    const result = mapSegmentMessage(
      {
        type: 'track',
        messageId: 'm-1',
        timestamp: '2026-03-14T12:00:00.000Z',
        userId: 42,
        anonymousId: 'anon-1',
        event: 'Order Completed',
        properties: { revenue: 10 },
        context: { library: { name: 'analytics-node' } },
        integrations: {},
      },
      receivedAt,
    );
    expect(result).toEqual({
      kind: 'ok',
      value: {
        id: 'm-1',
        type: 'track',
        occurredAt: '2026-03-14T12:00:00.000Z',
        userId: '42',
        anonymousId: 'anon-1',
        properties: {
          revenue: 10,
          event: 'Order Completed',
          context: { library: { name: 'analytics-node' } },
        },
      },
    });
  });

  it('keeps traits of identify, and stores group and alias as track with their Segment type', () => {
    expect(
      mapSegmentMessage(
        { type: 'identify', messageId: 'i', userId: 'u', traits: { plan: 'vip' } },
        receivedAt,
      ),
    ).toMatchObject({
      value: { type: 'identify', properties: { traits: { plan: 'vip' } } },
    });
    expect(
      mapSegmentMessage(
        { type: 'group', messageId: 'g', userId: 'u', groupId: 'g1', traits: { n: 1 } },
        receivedAt,
      ),
    ).toMatchObject({
      value: { type: 'track', properties: { segmentType: 'group', groupId: 'g1', traits: { n: 1 } } },
    });
    expect(
      mapSegmentMessage({ type: 'alias', messageId: 'a', userId: 'u', previousId: 'anon' }, receivedAt),
    ).toMatchObject({
      value: { type: 'track', properties: { segmentType: 'alias', previousId: 'anon' } },
    });
    expect(
      mapSegmentMessage({ type: 'page', messageId: 'p', userId: 'u', name: 'Home' }, receivedAt),
    ).toMatchObject({
      value: { type: 'page', properties: { name: 'Home' } },
    });
  });

  it('corrects originalTimestamp for the device clock skew with sentAt, and falls back to reception time', () => {
    const skewed = mapSegmentMessage(
      {
        type: 'screen',
        messageId: 's',
        userId: 'u',
        originalTimestamp: '2030-01-01T00:00:00.000Z',
        sentAt: '2030-01-01T00:00:05.000Z',
      },
      receivedAt,
    );
    expect(skewed).toMatchObject({ value: { occurredAt: receivedAt - 5000 } });
    expect(mapSegmentMessage({ type: 'screen', messageId: 's', userId: 'u' }, receivedAt)).toMatchObject({
      value: { occurredAt: receivedAt },
    });
  });

  it('gives a message without messageId a content-hash id, so its retries collapse', () => {
    const message = { type: 'track', userId: 'u', event: 'x', timestamp: '2026-03-14T12:00:00Z' };
    const a = mapSegmentMessage(message, receivedAt);
    const b = mapSegmentMessage({ ...message }, receivedAt + 1000);
    expect(a.kind === 'ok' && b.kind === 'ok' && a.value['id'] === b.value['id']).toBe(true);
  });

  it('takes a traffic source from UTM campaign fields where it is clear', () => {
    const paid = mapSegmentMessage(
      {
        type: 'page',
        messageId: 'p',
        userId: 'u',
        context: { campaign: { source: 'baidu', medium: 'cpc' } },
      },
      receivedAt,
    );
    expect(paid).toMatchObject({ value: { trafficSource: 'paid_ads' } });
    const organic = mapSegmentMessage(
      {
        type: 'page',
        messageId: 'p',
        userId: 'u',
        context: { campaign: { source: 'baidu', medium: 'organic' } },
      },
      receivedAt,
    );
    expect(organic).toMatchObject({ value: { trafficSource: 'search' } });
    const email = mapSegmentMessage(
      { type: 'page', messageId: 'p', userId: 'u', context: { campaign: { medium: 'email' } } },
      receivedAt,
    );
    expect(email.kind === 'ok' && 'trafficSource' in email.value).toBe(false);
  });

  it('dead-letters an unknown type, a track without event name, or non-object properties', () => {
    expect(mapSegmentMessage({ type: 'explode', userId: 'u' }, receivedAt).kind).toBe('dead_letter');
    expect(mapSegmentMessage({ type: 'track', userId: 'u' }, receivedAt).kind).toBe('dead_letter');
    expect(
      mapSegmentMessage({ type: 'track', event: 'e', userId: 'u', properties: [1] }, receivedAt).kind,
    ).toBe('dead_letter');
    expect(mapSegmentMessage('x', receivedAt).kind).toBe('dead_letter');
  });

  it('splits a batch, giving each message the batch sentAt and context', () => {
    const items = splitSegmentBody(
      {
        batch: [{ type: 'track', event: 'a', context: { ip: '1' } }, 'junk'],
        sentAt: '2026-03-14T12:00:00Z',
        context: { app: 'x' },
      },
      'batch',
    );
    expect(items[0]?.result).toEqual({
      kind: 'ok',
      value: { type: 'track', event: 'a', sentAt: '2026-03-14T12:00:00Z', context: { app: 'x', ip: '1' } },
    });
    expect(items[1]?.result).toEqual({ kind: 'ok', value: 'junk' });
    expect(splitSegmentBody({ event: 'x' }, 'track')[0]?.result).toEqual({
      kind: 'ok',
      value: { event: 'x', type: 'track' },
    });
    expect(() => splitSegmentBody({ nope: 1 }, 'batch')).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => splitSegmentBody([], 'track')).toThrow(expect.objectContaining({ status: 400 }));
  });
});
