import { describe, expect, it } from 'vitest';
import { validateEvent } from './validate.step.js';

const like = {
  id: 'e1',
  type: 'like',
  occurredAt: '2026-03-14T20:00:00+08:00',
  orgId: 'org_a',
  source: 'douyin',
  accountId: 'acc',
  sessionId: 'ses',
  platformUserId: 'u1',
};

describe('validate step', () => {
  it('accepts a valid event and normalises its time', () => {
    const result = validateEvent(like);
    expect(result).toMatchObject({ kind: 'ok', value: { id: 'e1', occurredAt: Date.UTC(2026, 2, 14, 12) } });
  });

  it('dead-letters an invalid event with every issue', () => {
    const result = validateEvent({ ...like, type: 'order.pay' });
    expect(result.kind).toBe('dead_letter');
    if (result.kind === 'dead_letter') {
      expect(result.issues.map((i) => i.path).sort()).toEqual(['amountFen', 'orderId']);
      expect(result.reason).toContain('amountFen');
    }
  });
});
