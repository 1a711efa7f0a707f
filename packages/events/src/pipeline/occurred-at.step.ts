import type { StoredEvent } from '../event-store.js';
import { deadLetter, ok, type StepResult } from './result.js';

/**
 * How far ahead of the collector's clock an event may say it happened: device clocks drift
 * and Segment's sentAt correction is approximate, but nothing received now happened an hour
 * from now. Documented in docs/events.md.
 */
export const maxFutureSkewMs = 10 * 60_000;

/**
 * Dead-letters an event dated more than {@link maxFutureSkewMs} after it was received. Such an
 * event can only come from a wrong clock or a wrong unit, and it would stretch its session's
 * span (and so its minute series) up to the year 2299. Events from the past are kept: exports
 * and late uploads are real, and what a board draws is bounded where it is drawn.
 */
export function checkOccurredAt(event: StoredEvent, maxSkewMs = maxFutureSkewMs): StepResult<StoredEvent> {
  const aheadMs = event.occurredAt - event.receivedAt;
  if (aheadMs <= maxSkewMs) return ok(event);
  const received = new Date(event.receivedAt).toISOString();
  return deadLetter(
    `occurred_in_future: occurredAt ${new Date(event.occurredAt).toISOString()} is more than ${maxSkewMs / 60_000} minutes after the collector received it`,
    [
      {
        path: 'occurredAt',
        code: 'occurred_in_future',
        message: `must be at most ${maxSkewMs / 60_000} minutes after the collector received it (${received})`,
      },
    ],
  );
}
