import { maxMessageBytes, utf8Length } from './batch.js';
import { createDelivery, type DeliveryError, type DeliveryStats, type FlushResult } from './delivery.js';
import { browserEnvironment, type Environment } from './environment.js';
import { createIdentity } from './identity.js';
import { contextOf, pageOf, type LiveCloudMessage, type Properties } from './message.js';
import { createQueue } from './queue.js';
import { uuid } from './uuid.js';

/** How to reach the collector and when to send. */
export interface LiveCloudOptions {
  /** A LiveCloud collector key (`lc_wk_…`); it is public in the page and can only write events. */
  writeKey: string;
  /** The LiveCloud server's origin, e.g. `https://livecloud.example.com`; messages go to `/v1/batch`. */
  endpoint: string;
  /** Send as soon as this many messages wait. Default 20. */
  flushAt?: number;
  /** Send this long after the first message waits. Default 5,000 ms. */
  flushIntervalMs?: number;
  /** Keep at most this many messages waiting; beyond it the oldest is dropped. Default 1,000. */
  maxQueue?: number;
  /** Retries of a failing batch (network error, 429, 5xx) before it is dropped. Default 10. */
  maxRetries?: number;
  /** Set on the id cookies to share them across subdomains, e.g. `example.com`. */
  cookieDomain?: string;
  /** Told of every message lost, with the reason; messages are never lost silently. */
  onError?: (error: DeliveryError) => void;
  /** The APIs to use; the current browser's by default (tests and mini-programs pass their own). */
  environment?: Environment;
}

/** A tracking client; every method returns at once and sends in the background. */
export interface LiveCloud {
  /** Remembers who the visitor is and sends an identify message. */
  identify(userId: string, traits?: Properties): void;
  /** Sends a named action, e.g. `track('cart.add', { productId: 'p1' })`. */
  track(event: string, properties?: Properties): void;
  /** Sends a page view; url, path, search, referrer and title are filled in. */
  page(name?: string, properties?: Properties): void;
  /** Links two ids: `previousId` (default: the current user id, else the anonymous id) is `userId`. */
  alias(userId: string, previousId?: string): void;
  /** Forgets the user id and starts a new anonymous id; queued messages still go out. */
  reset(): void;
  /** Sends what is queued now (unless a back-off is running) and says what happened. */
  flush(): Promise<FlushResult>;
  anonymousId(): string;
  userId(): string | undefined;
  /** What was delivered and lost, and what waits. */
  stats(): DeliveryStats;
}

type MessageFields = Pick<LiveCloudMessage, 'type'> &
  Partial<Pick<LiveCloudMessage, 'event' | 'name' | 'properties' | 'traits' | 'previousId' | 'userId'>>;

function nonNegative(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!(value >= 0) || !Number.isFinite(value)) {
    throw new TypeError(`LiveCloud: ${name} must be a number ≥ 0`);
  }
  return value;
}

/**
 * Creates a tracking client that sends Segment-shaped messages to a LiveCloud collector.
 *
 * ```ts
 * const lc = createLiveCloud({ writeKey: 'lc_wk_…', endpoint: 'https://livecloud.example.com' });
 * lc.page();
 * lc.track('product.click', { productId: 'p1' });
 * ```
 */
export function createLiveCloud(options: LiveCloudOptions): LiveCloud {
  const { writeKey, endpoint } = options;
  if (typeof writeKey !== 'string' || writeKey === '') throw new TypeError('LiveCloud: writeKey is required');
  if (typeof endpoint !== 'string' || !/^https?:\/\//.test(endpoint)) {
    throw new TypeError('LiveCloud: endpoint must be an http(s) URL');
  }
  const env = options.environment ?? browserEnvironment();
  const maxQueue = Math.max(1, nonNegative(options.maxQueue, 1000, 'maxQueue'));
  const identity = createIdentity(env, options.cookieDomain);
  const queue = createQueue(env.localStorage, `lc_queue:${writeKey}`, maxQueue);
  const delivery = createDelivery(env, queue, {
    url: `${endpoint.replace(/\/+$/, '')}/v1/batch`,
    writeKey,
    flushAt: Math.max(1, nonNegative(options.flushAt, 20, 'flushAt')),
    flushIntervalMs: nonNegative(options.flushIntervalMs, 5000, 'flushIntervalMs'),
    maxRetries: nonNegative(options.maxRetries, 10, 'maxRetries'),
    onError: options.onError,
  });

  const send = (fields: MessageFields): void => {
    const userId = identity.userId();
    const message: LiveCloudMessage = {
      messageId: uuid(env),
      anonymousId: identity.anonymousId(),
      ...(userId !== undefined && { userId }),
      ...fields,
      originalTimestamp: new Date(env.now()).toISOString(),
      context: contextOf(env),
    };
    let json: string;
    try {
      json = JSON.stringify(message);
    } catch (error) {
      delivery.drop('invalid', [message], undefined, error);
      return;
    }
    if (utf8Length(json) > maxMessageBytes) {
      delivery.drop('too_large', [message]);
      return;
    }
    // A copy: what is queued is what was tracked, whatever the caller does to its objects later.
    delivery.enqueue(JSON.parse(json) as LiveCloudMessage);
  };

  return {
    identify(userId, traits) {
      identity.setUserId(String(userId));
      send({ type: 'identify', ...(traits && { traits }) });
    },
    track(event, properties) {
      send({ type: 'track', event, ...(properties && { properties }) });
    },
    page(name, properties) {
      const page = pageOf(env);
      send({
        type: 'page',
        ...(name !== undefined && { name }),
        properties: { ...page, ...properties },
      });
    },
    alias(userId, previousId) {
      send({
        type: 'alias',
        userId: String(userId),
        previousId: previousId ?? identity.userId() ?? identity.anonymousId(),
      });
    },
    reset: () => identity.reset(),
    flush: () => delivery.flush(),
    anonymousId: () => identity.anonymousId(),
    userId: () => identity.userId(),
    stats: () => delivery.stats(),
  };
}
