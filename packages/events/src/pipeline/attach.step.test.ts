import { describe, expect, it } from 'vitest';
import { attachLeadMs, attachToScheduled } from './attach.step.js';

const live = { sessionId: 'ses_sched', accountId: 'acc_1', since: 1_000_000 };
const event = (over: Record<string, unknown> = {}) => ({
  type: 'room.enter',
  sessionId: '7351234567890',
  accountId: 'acc_1',
  occurredAt: 1_000_500,
  ...over,
});

describe('attaching a platform session id to the scheduled session live on its account', () => {
  it('takes the scheduled id and keeps the platform’s own as properties.platformSessionId', () => {
    expect(attachToScheduled(event({ properties: { a: 1 } }), live)).toMatchObject({
      sessionId: 'ses_sched',
      properties: { a: 1, platformSessionId: '7351234567890' },
    });
    expect(attachToScheduled(event({ occurredAt: new Date(1_000_500).toISOString() }), live).sessionId).toBe(
      'ses_sched',
    );
  });

  it('leaves events of another account, from before the session, or with odd properties alone', () => {
    expect(attachToScheduled(event({ accountId: 'acc_2' }), live).sessionId).toBe('7351234567890');
    expect(attachToScheduled(event({ occurredAt: live.since - attachLeadMs - 1 }), live).sessionId).toBe(
      '7351234567890',
    );
    expect(attachToScheduled(event({ occurredAt: 'yesterday-ish' }), live).sessionId).toBe('7351234567890');
    expect(attachToScheduled(event({ properties: [1] }), live).sessionId).toBe('7351234567890');
    expect(attachToScheduled(event(), null).sessionId).toBe('7351234567890');
  });
});
