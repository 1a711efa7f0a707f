import { describe, expect, it } from 'vitest';
import { sessionStatuses } from './schedule.tables.js';
import { allowedTransitions, assertTransition } from './session-status.js';

describe('session status path', () => {
  const legal = new Set(['planned→live', 'live→ended', 'ended→reviewed']);

  for (const from of sessionStatuses) {
    for (const to of sessionStatuses) {
      const step = `${from}→${to}`;
      it(legal.has(step) ? `allows ${step}` : `refuses ${step} with illegal_transition`, () => {
        if (legal.has(step)) {
          expect(() => assertTransition('ses_1', from, to)).not.toThrow();
        } else {
          expect(() => assertTransition('ses_1', from, to)).toThrow(
            expect.objectContaining({
              code: 'illegal_transition',
              details: { sessionId: 'ses_1', from, to, allowed: allowedTransitions(from) },
            }),
          );
        }
      });
    }
  }
});
