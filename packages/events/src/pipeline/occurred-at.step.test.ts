import { parseEvent } from '@livecloud/contracts';
import { describe, expect, it } from 'vitest';
import { stampReceivedAt } from './enrich.step.js';
import { checkOccurredAt, maxFutureSkewMs } from './occurred-at.step.js';

const receivedAt = Date.UTC(2026, 11, 7, 12, 0, 0);

function stamped(occurredAt: number) {
  const parsed = parseEvent({
    id: 'e1',
    type: 'room.enter',
    occurredAt,
    orgId: 'org_a',
    source: 'douyin',
    accountId: 'acc_1',
    sessionId: 'ses_1',
    userId: 'u1',
  });
  if (!parsed.ok) throw new Error(parsed.reason);
  const result = stampReceivedAt(parsed.event, receivedAt);
  if (result.kind !== 'ok') throw new Error('not stamped');
  return result.value;
}

describe('occurredAt step', () => {
  it('keeps an event dated up to the allowed skew after it was received', () => {
    expect(checkOccurredAt(stamped(receivedAt + maxFutureSkewMs)).kind).toBe('ok');
    expect(checkOccurredAt(stamped(receivedAt - 1)).kind).toBe('ok');
  });

  it('keeps events from long ago: exports and late uploads are real', () => {
    expect(checkOccurredAt(stamped(Date.UTC(2001, 0, 1))).kind).toBe('ok');
  });

  it('dead-letters an event dated further ahead, naming the field and the limit', () => {
    const result = checkOccurredAt(stamped(receivedAt + maxFutureSkewMs + 1));
    expect(result.kind).toBe('dead_letter');
    if (result.kind !== 'dead_letter') return;
    expect(result.reason).toMatch(/^occurred_in_future: /);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ path: 'occurredAt', code: 'occurred_in_future' });
    expect(result.issues[0]?.message).toContain('10 minutes');
  });

  it('dead-letters the year 2299, the furthest date the envelope allows', () => {
    expect(checkOccurredAt(stamped(Date.UTC(2299, 11, 31))).kind).toBe('dead_letter');
  });
});
