import type { Logger } from '@livecloud/core';
import type { Bus } from '../bus.js';
import type { StoredEvent } from '../event-store.js';

/** Whether the bus took the batch. */
export type PublishOutcome =
  { published: true; count: number } | { published: false; count: number; error: string };

/**
 * Publishes events that are already durable in the event store. Runs after the store and
 * never undoes the acknowledgement: a bus that is down is logged, and the events stay in the
 * store, which is the record consumers can always catch up from.
 */
export async function publishStored(
  bus: Bus,
  events: readonly StoredEvent[],
  logger?: Logger,
): Promise<PublishOutcome> {
  if (events.length === 0) return { published: true, count: 0 };
  try {
    await bus.publish(events);
    return { published: true, count: events.length };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    logger?.error({ err: error, events: events.length }, 'stored events could not be published to the bus');
    return { published: false, count: events.length, error: message };
  }
}
