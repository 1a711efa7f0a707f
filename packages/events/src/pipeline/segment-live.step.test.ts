import { describe, expect, it } from 'vitest';
import { validateEvent } from './validate.step.js';
import { liftLiveTrackFields, liveTypeOfTrack } from './segment-live.step.js';
import { mapSegmentMessage } from './segment.step.js';

const receivedAt = Date.UTC(2026, 2, 14, 12, 0, 10);

describe('a Segment track that names a live type', () => {
  it('becomes that live event, its envelope fields lifted out of properties', () => {
    const result = mapSegmentMessage(
      {
        type: 'track',
        event: 'order.pay',
        messageId: 'm-pay',
        timestamp: '2026-03-14T12:00:00.250Z',
        anonymousId: 'anon-1',
        properties: {
          accountId: 'acc_1',
          sessionId: 'ses_1',
          platformUserId: 'dy_42',
          productId: 'prd_1',
          skuId: 'sku_1',
          orderId: 1001,
          amountFen: 6990,
          trafficSource: '千川',
          quantity: 1,
        },
      },
      receivedAt,
    );
    expect(result).toEqual({
      kind: 'ok',
      value: {
        id: 'm-pay',
        type: 'order.pay',
        occurredAt: '2026-03-14T12:00:00.250Z',
        anonymousId: 'anon-1',
        accountId: 'acc_1',
        sessionId: 'ses_1',
        platformUserId: 'dy_42',
        productId: 'prd_1',
        skuId: 'sku_1',
        orderId: '1001',
        amountFen: 6990,
        trafficSource: '千川',
        properties: { quantity: 1 },
      },
    });
  });

  it('reads a field from context when properties lack it, properties winning', () => {
    const { fields, properties } = liftLiveTrackFields(
      { sessionId: 'ses_p', text: '好' },
      { sessionId: 'ses_c', accountId: 'acc_c', library: { name: 'analytics-node' } },
    );
    expect(fields).toEqual({ sessionId: 'ses_p', accountId: 'acc_c' });
    expect(properties).toEqual({ text: '好' });
  });

  it('leaves other event names, and names only like a live type, as generic track', () => {
    expect(liveTypeOfTrack('room.enter')).toBe('room.enter');
    for (const name of ['Order Completed', 'Order.Pay', 'order.pay ', 'track', 'identify', 42]) {
      expect(liveTypeOfTrack(name)).toBeUndefined();
    }
    const generic = mapSegmentMessage(
      {
        type: 'track',
        event: 'Order Completed',
        messageId: 'g',
        userId: 'u',
        properties: { sessionId: 's' },
      },
      receivedAt,
    );
    expect(generic).toMatchObject({
      value: { type: 'track', properties: { event: 'Order Completed', sessionId: 's' } },
    });
  });

  it('is dead-lettered with the envelope’s reason when a field is wrong or missing', () => {
    const money = mapSegmentMessage(
      {
        type: 'track',
        event: 'order.pay',
        messageId: 'bad-pay',
        userId: 'u',
        timestamp: '2026-03-14T12:00:00Z',
        properties: { accountId: 'a', sessionId: 's', orderId: 'o', amountFen: 69.9 },
      },
      receivedAt,
    );
    if (money.kind !== 'ok') throw new Error('mapping refused it');
    const checked = validateEvent({ ...money.value, orgId: 'org_1', source: 'segment' });
    expect(checked.kind).toBe('dead_letter');
    expect(checked.kind === 'dead_letter' && checked.reason).toMatch(/^amountFen: must be an integer/);

    const noSession = mapSegmentMessage(
      {
        type: 'track',
        event: 'room.enter',
        messageId: 'no-ses',
        userId: 'u',
        timestamp: '2026-03-14T12:00:00Z',
      },
      receivedAt,
    );
    if (noSession.kind !== 'ok') throw new Error('mapping refused it');
    const refused = validateEvent({ ...noSession.value, orgId: 'org_1', source: 'segment' });
    expect(refused.kind === 'dead_letter' && refused.reason).toMatch(
      /accountId: is required for room\.enter/,
    );
  });
});
