import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../event-store.js';
import { dedupeAgainst, distinctIds } from './dedupe.step.js';

function event(id: string): StoredEvent {
  return {
    id,
    type: 'track',
    schemaVersion: 1,
    occurredAt: 1,
    receivedAt: 2,
    orgId: 'org',
    source: 'sdk',
    userId: 'u',
    properties: {},
  };
}

describe('dedupe step', () => {
  it('asks about each id once, in order', () => {
    expect(distinctIds([event('a'), event('b'), event('a')])).toEqual(['a', 'b']);
  });

  it('takes fresh ids once and drops repeats within the batch and ids stored before', () => {
    const step = dedupeAgainst(new Set(['a', 'b']));
    expect([event('a'), event('c'), event('a'), event('b')].map((e) => step(e).kind)).toEqual([
      'ok',
      'drop',
      'drop',
      'ok',
    ]);
    expect(dedupeAgainst(new Set())(event('x'))).toEqual({ kind: 'drop', reason: 'duplicate' });
  });
});
