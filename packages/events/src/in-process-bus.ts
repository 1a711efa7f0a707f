import type { Logger } from '@livecloud/core';
import { consumerNameError, type Bus, type BusHandler, type BusSubscription } from './bus.js';
import type { StoredEvent } from './event-store.js';

export interface InProcessBusOptions {
  logger?: Logger;
  /** Wait before a failed delivery is tried again; default 1 s. */
  redeliveryDelayMs?: number;
  /** Deliveries of one batch at most, then it is logged and skipped; default 10. */
  maxDeliveries?: number;
  /** Batches a consumer may have waiting; the oldest are dropped beyond it; default 100,000. */
  maxQueued?: number;
}

interface Pending {
  events: readonly StoredEvent[];
  deliveries: number;
}

interface ConsumerGroup {
  name: string;
  queue: Pending[];
  handlers: BusHandler[];
  next: number;
  running: boolean;
  timer: NodeJS.Timeout | undefined;
  idle: Promise<void>;
}

/**
 * The embedded default: consumers live in this process. A consumer's queue outlives its
 * subscriptions (durable within the process), and a failed handler is retried after a delay,
 * like JetStream's nak. Nothing survives a restart: the event store is the record, the bus
 * only the notification.
 */
export function createInProcessBus(options: InProcessBusOptions = {}): Bus {
  const redeliveryDelayMs = options.redeliveryDelayMs ?? 1000;
  const maxDeliveries = options.maxDeliveries ?? 10;
  const maxQueued = options.maxQueued ?? 100_000;
  const log = options.logger?.child({ component: 'bus', bus: 'in-process' });
  const groups = new Map<string, ConsumerGroup>();
  let closed = false;

  const pump = (group: ConsumerGroup): void => {
    if (group.running || closed || group.timer !== undefined) return;
    group.running = true;
    group.idle = (async () => {
      try {
        while (!closed && group.queue.length > 0 && group.handlers.length > 0) {
          const head = group.queue[0]!;
          const handler = group.handlers[group.next++ % group.handlers.length]!;
          head.deliveries += 1;
          try {
            await handler({ events: head.events, deliveryCount: head.deliveries });
            group.queue.shift();
          } catch (error) {
            if (head.deliveries >= maxDeliveries) {
              log?.error(
                { err: error, consumer: group.name, events: head.events.length },
                'bus delivery failed for the last time; skipped',
              );
              group.queue.shift();
              continue;
            }
            log?.warn(
              { err: error, consumer: group.name, delivery: head.deliveries },
              'bus handler failed; will redeliver',
            );
            group.timer = setTimeout(() => {
              group.timer = undefined;
              pump(group);
            }, redeliveryDelayMs);
            group.timer.unref();
            return;
          }
        }
      } finally {
        group.running = false;
      }
    })();
  };

  return {
    kind: 'in-process',
    publish(events) {
      if (closed) return Promise.reject(new Error('the bus is closed'));
      if (events.length === 0) return Promise.resolve();
      for (const group of groups.values()) {
        group.queue.push({ events, deliveries: 0 });
        if (group.queue.length > maxQueued) {
          group.queue.shift();
          log?.warn({ consumer: group.name }, 'bus consumer queue full; oldest batch dropped');
        }
        pump(group);
      }
      return Promise.resolve();
    },
    subscribe(consumer, handler): Promise<BusSubscription> {
      const invalid = consumerNameError(consumer);
      if (invalid) return Promise.reject(invalid);
      if (closed) return Promise.reject(new Error('the bus is closed'));
      let group = groups.get(consumer);
      if (group === undefined) {
        group = {
          name: consumer,
          queue: [],
          handlers: [],
          next: 0,
          running: false,
          timer: undefined,
          idle: Promise.resolve(),
        };
        groups.set(consumer, group);
      }
      const joined = group;
      joined.handlers.push(handler);
      pump(joined);
      return Promise.resolve({
        // A delivery already running finishes; no new one reaches this handler.
        close() {
          const at = joined.handlers.indexOf(handler);
          if (at >= 0) joined.handlers.splice(at, 1);
          return Promise.resolve();
        },
      });
    },
    health() {
      return Promise.resolve(
        closed ? { ok: false, latencyMs: 0, error: 'the bus is closed' } : { ok: true, latencyMs: 0 },
      );
    },
    async close() {
      closed = true;
      for (const group of groups.values()) {
        if (group.timer !== undefined) clearTimeout(group.timer);
        group.timer = undefined;
      }
      await Promise.all([...groups.values()].map((group) => group.idle));
    },
  };
}
