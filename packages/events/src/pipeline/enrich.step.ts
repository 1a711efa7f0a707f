import type { EventEnvelope } from '@livecloud/contracts';
import type { StoredEvent } from '../event-store.js';
import { ok, type StepResult } from './result.js';

/**
 * Stamps `receivedAt` with the collector's clock. A client's own receivedAt is not trusted:
 * the server's reception time is what latency, late-arrival and replay decisions rely on.
 */
export function stampReceivedAt(event: EventEnvelope, receivedAt: number): StepResult<StoredEvent> {
  return ok({ ...event, receivedAt });
}
