import type { EventEnvelope } from '@livecloud/contracts';
import type { StoredEvent } from '../event-store.js';
import { ok, type StepResult } from './result.js';

/**
 * Stamps `receivedAt` with the collector's clock. A client's own receivedAt is not trusted:
 * the server's reception time is what latency, late-arrival and replay decisions rely on.
 * In place, on an envelope the caller owns (the validator's fresh output): one copy of every
 * event less on the collector's hot path.
 */
export function stampReceivedAt(event: EventEnvelope, receivedAt: number): StepResult<StoredEvent> {
  const stamped: StoredEvent = Object.assign(event, { receivedAt });
  return ok(stamped);
}
