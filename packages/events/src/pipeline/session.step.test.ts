import { describe, expect, it } from 'vitest';
import { applySession, sessionIdsOf } from './session.step.js';

describe('live session join', () => {
  it('fills a missing accountId from the session', () => {
    expect(applySession({ sessionId: 's1' }, { accountId: 'acc_1' })).toEqual({
      kind: 'ok',
      value: { sessionId: 's1', accountId: 'acc_1' },
    });
  });

  it('dead-letters an event whose account contradicts its session', () => {
    const result = applySession({ sessionId: 's1', accountId: 'acc_2' }, { accountId: 'acc_1' });
    expect(result.kind === 'dead_letter' && result.reason).toMatch(/^session_account_mismatch/);
  });

  it('leaves the event alone when the session is unknown', () => {
    expect(applySession({ sessionId: 's1' }, null)).toEqual({ kind: 'ok', value: { sessionId: 's1' } });
  });

  it('lists each session of a batch once', () => {
    expect(
      sessionIdsOf([{ sessionId: 's1' }, { sessionId: 's1' }, { sessionId: 's2' }, {}, { sessionId: 3 }]),
    ).toEqual(['s1', 's2']);
  });
});
