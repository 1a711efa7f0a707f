import type { Logger } from '@livecloud/core';
import type { StoredEvent } from '@livecloud/events';
import type { LiveStateStore, SessionRef } from './live-state.js';

/**
 * The part of the event bus the live consumer needs; `@livecloud/events`' Bus (in-process or
 * NATS JetStream) satisfies it. A handler that resolves acknowledges the delivery; one that
 * throws has it delivered again, so delivery is at least once.
 */
export interface LiveEventSource {
  subscribe(
    consumer: string,
    handler: (delivery: {
      readonly events: readonly StoredEvent[];
      readonly deliveryCount: number;
    }) => Promise<void>,
  ): Promise<{ close(): Promise<void> }>;
}

export interface LiveConsumerOptions {
  bus: LiveEventSource;
  state: LiveStateStore;
  /**
   * Durable consumer name. Every server process uses the same one, so the bus gives each
   * event to one of them; with Redis they all see the result.
   */
  consumer?: string;
  /** Called with the sessions a delivery changed (the stream feed pushes them at once). */
  onApplied?: (sessions: readonly SessionRef[]) => void;
  logger?: Logger;
}

export interface LiveConsumer {
  /** Stops taking deliveries; the durable consumer keeps its position on the bus. */
  close(): Promise<void>;
}

/** The durable consumer name the live state uses on the bus. */
export const liveConsumerName = 'live-state';

/**
 * Subscribes the live state to the bus. Each delivery is applied as one batch; a failure
 * (Redis unreachable) throws, so the bus redelivers it, and idempotent apply makes that safe.
 */
export async function startLiveConsumer(options: LiveConsumerOptions): Promise<LiveConsumer> {
  const log = options.logger?.child({ component: 'live-consumer' });
  const subscription = await options.bus.subscribe(options.consumer ?? liveConsumerName, async (delivery) => {
    const result = await options.state.apply(delivery.events);
    if (result.duplicates > 0)
      log?.debug(
        { duplicates: result.duplicates, delivery: delivery.deliveryCount },
        'redelivered events skipped',
      );
    if (result.sessions.length > 0) options.onApplied?.(result.sessions);
  });
  return { close: () => subscription.close() };
}
