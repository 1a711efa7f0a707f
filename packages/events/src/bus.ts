import type { StoredEvent } from './event-store.js';

/** One delivery to a subscriber: events that are already in the event store. */
export interface BusDelivery {
  readonly events: readonly StoredEvent[];
  /** 1 on first delivery, then counting up with every redelivery. */
  readonly deliveryCount: number;
}

/**
 * Handles a delivery. Resolving acknowledges it; throwing (or rejecting) has it delivered
 * again after a delay, up to the bus's delivery limit. Delivery is at least once, so a
 * handler must be idempotent by (orgId, id).
 */
export type BusHandler = (delivery: BusDelivery) => Promise<void>;

export interface SubscribeOptions {
  /**
   * Where a consumer that does not exist yet starts: only events published from now on
   * (default), or everything the bus still holds. An existing consumer resumes where it was.
   * The in-process bus keeps no history: there a new consumer always starts from new.
   */
  from?: 'new' | 'all';
}

export interface BusSubscription {
  /** Stops delivering to this handler; the durable consumer and its position remain. */
  close(): Promise<void>;
}

export interface BusHealth {
  ok: boolean;
  latencyMs: number;
  error?: string;
}

/**
 * Carries stored events to whoever reacts to them (the live big screen, rules, profiles).
 * Subscribers sharing a durable consumer name share the work; each name gets every event.
 */
export interface Bus {
  readonly kind: 'in-process' | 'nats';
  /** Publishes a batch of stored events; resolves once the bus has taken them. */
  publish(events: readonly StoredEvent[]): Promise<void>;
  subscribe(consumer: string, handler: BusHandler, options?: SubscribeOptions): Promise<BusSubscription>;
  health(): Promise<BusHealth>;
  /** Stops every subscription and disconnects. Idempotent. */
  close(): Promise<void>;
}

const consumerNamePattern = /^[A-Za-z0-9_-]{1,64}$/;

/** Consumer names double as NATS durable names: letters, digits, _ and - only. Undefined when fine. */
export function consumerNameError(name: string): Error | undefined {
  return consumerNamePattern.test(name)
    ? undefined
    : new Error(`bus consumer name "${name}" must be 1-64 letters, digits, _ or -`);
}
