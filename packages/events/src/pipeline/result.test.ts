import { describe, expect, it } from 'vitest';
import { andThen, deadLetter, drop, ok } from './result.js';

describe('step results', () => {
  it('passes an ok value to the next step and stops at a drop or dead letter', () => {
    expect(andThen(ok(2), (n) => ok(n * 3))).toEqual(ok(6));
    expect(andThen(drop('duplicate'), () => ok(1))).toEqual({ kind: 'drop', reason: 'duplicate' });
    const letter = deadLetter('bad', [{ path: 'x', code: 'c', message: 'm' }]);
    expect(andThen(letter, () => ok(1))).toBe(letter);
  });

  it('gives a dead letter without issues one issue that repeats the reason', () => {
    expect(deadLetter('the event must be a JSON object')).toEqual({
      kind: 'dead_letter',
      reason: 'the event must be a JSON object',
      issues: [{ path: '', code: 'custom', message: 'the event must be a JSON object' }],
    });
  });
});
