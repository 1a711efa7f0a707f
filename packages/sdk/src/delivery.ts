import { maxBeaconBytes, maxRequestBytes, toBatches, type Batch } from './batch.js';
import { attempt, type Environment } from './environment.js';
import type { LiveCloudMessage } from './message.js';
import type { MessageQueue } from './queue.js';
import { backoffMs, retryAfterMs, verdictOf } from './retry.js';

/** A request that has not answered after this long is treated as a network error. */
export const requestTimeoutMs = 30_000;

/** Why messages were lost. */
export type DropReason = 'rejected' | 'retries_exhausted' | 'queue_full' | 'too_large' | 'invalid';

/** Passed to `onError` each time messages are lost; they are not sent again. */
export interface DeliveryError {
  reason: DropReason;
  messages: readonly LiveCloudMessage[];
  /** The collector's answer: the 4xx of `rejected`, the last status of `retries_exhausted` (0: no answer). */
  status?: number;
  /** What made a message `invalid` (it could not be serialised as JSON). */
  error?: unknown;
}

/** What one `flush()` did. */
export interface FlushResult {
  /** Messages the collector acknowledged. */
  delivered: number;
  /** Messages given up: refused with a 4xx, or out of retries. */
  dropped: number;
  /** Messages still waiting (for a back-off to end, or queued meanwhile). */
  queued: number;
}

/** Counts since the client was created. */
export interface DeliveryStats {
  queued: number;
  /** Acknowledged by the collector, or handed to the browser by `sendBeacon`. */
  delivered: number;
  dropped: Record<DropReason, number>;
}

export interface DeliveryConfig {
  url: string;
  writeKey: string;
  flushAt: number;
  flushIntervalMs: number;
  maxRetries: number;
  onError: ((error: DeliveryError) => void) | undefined;
}

export interface Delivery {
  enqueue(message: LiveCloudMessage): void;
  drop(reason: DropReason, messages: readonly LiveCloudMessage[], status?: number, error?: unknown): void;
  flush(): Promise<FlushResult>;
  stats(): DeliveryStats;
}

interface Answer {
  status: number;
  retryAfterMs?: number | undefined;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * Sends the queue to the collector, one request at a time, oldest first: when `flushAt`
 * messages wait, `flushIntervalMs` after the first one waits, on `flush()`, and by beacon when
 * the page is hidden. A message leaves the queue only once it is acknowledged, refused for good
 * or out of retries; until then it is retried with the same messageId.
 */
export function createDelivery(env: Environment, queue: MessageQueue, config: DeliveryConfig): Delivery {
  const dropped: Record<DropReason, number> = {
    rejected: 0,
    retries_exhausted: 0,
    queue_full: 0,
    too_large: 0,
    invalid: 0,
  };
  let delivered = 0;
  let failures = 0; // consecutive failed attempts at the oldest messages
  let blockedUntil = 0; // a back-off or Retry-After: nothing goes out before
  let timer: unknown;
  let chain: Promise<unknown> = Promise.resolve();

  const drop: Delivery['drop'] = (reason, messages, status, error) => {
    if (messages.length === 0) return;
    dropped[reason] += messages.length;
    // A throwing handler must not stop delivery.
    attempt(() =>
      config.onError?.({
        reason,
        messages,
        ...(status !== undefined && { status }),
        ...(error !== undefined && { error }),
      }),
    );
  };

  const wakeIn = (ms: number): void => {
    if (timer !== undefined) env.clearTimeout(timer);
    timer = env.setTimeout(() => {
      timer = undefined;
      void flush();
    }, ms);
  };

  const post = async (body: string, keepalive: boolean): Promise<Answer> => {
    let timeout: unknown;
    try {
      const answer = await Promise.race([
        env.fetch?.(config.url, {
          method: 'POST',
          // A CORS "simple request": no preflight, and the same body a beacon sends.
          headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
          body,
          keepalive,
          credentials: 'omit',
        }),
        new Promise<undefined>((resolve) => {
          timeout = env.setTimeout(() => resolve(undefined), requestTimeoutMs);
        }),
      ]);
      return answer
        ? { status: answer.status, retryAfterMs: retryAfterMs(answer.headers.get('Retry-After'), env.now()) }
        : { status: 0 };
    } catch {
      return { status: 0 };
    } finally {
      env.clearTimeout(timeout);
    }
  };

  /** Applies an answer to its batch; false when delivery must wait for a back-off. */
  const settle = (batch: Batch, answer: Answer): boolean => {
    const ids = batch.messages.map((message) => message.messageId);
    const verdict = verdictOf(answer.status);
    if (verdict === 'retry' && ++failures <= config.maxRetries) {
      const wait = Math.max(answer.retryAfterMs ?? 0, backoffMs(failures, env.random));
      blockedUntil = env.now() + wait;
      wakeIn(wait);
      return false;
    }
    failures = 0;
    queue.remove(ids);
    if (verdict === 'delivered') delivered += ids.length;
    else drop(verdict === 'rejected' ? 'rejected' : 'retries_exhausted', batch.messages, answer.status);
    return true;
  };

  const lost = (): number => dropped.rejected + dropped.retries_exhausted;

  const pump = async (): Promise<FlushResult> => {
    const before = { delivered, lost: lost() };
    while (queue.messages().length > 0 && env.now() >= blockedUntil) {
      const [batch] = toBatches(queue.messages(), config.writeKey, iso(env.now()), maxRequestBytes);
      if (!batch || !settle(batch, await post(batch.body, false))) break;
    }
    if (queue.messages().length > 0 && timer === undefined) wakeIn(config.flushIntervalMs);
    return {
      delivered: delivered - before.delivered,
      dropped: lost() - before.lost,
      queued: queue.messages().length,
    };
  };

  const flush = (): Promise<FlushResult> => {
    const run = chain.then(pump);
    chain = run.catch(() => undefined);
    return run;
  };

  /**
   * The page may be going away: what is queued goes out by beacon, which outlives the page,
   * in bodies under the beacon limit; a refused beacon falls back to a keepalive fetch. While
   * the collector is failing (a back-off) nothing is sent: the queue waits in localStorage for
   * the next page of the site.
   */
  const onHide = (): void => {
    if (env.now() < blockedUntil) return;
    for (const batch of toBatches(queue.messages(), config.writeKey, iso(env.now()), maxBeaconBytes)) {
      if (attempt(() => env.sendBeacon?.(config.url, batch.body))) {
        delivered += batch.messages.length;
        queue.remove(batch.messages.map((message) => message.messageId));
      } else {
        void post(batch.body, true).then((answer) => settle(batch, answer));
      }
    }
  };

  env.document?.addEventListener('visibilitychange', () => {
    if (env.document?.visibilityState === 'hidden') onHide();
  });
  env.window?.addEventListener('pagehide', onHide);
  // Messages restored from an earlier page go out as soon as this one has started.
  if (queue.messages().length > 0) wakeIn(0);

  return {
    enqueue(message) {
      const oldest = queue.push(message);
      if (oldest) drop('queue_full', [oldest]);
      if (queue.messages().length >= config.flushAt) void flush();
      else if (timer === undefined) wakeIn(config.flushIntervalMs);
    },
    drop,
    flush,
    stats: () => ({ queued: queue.messages().length, delivered, dropped: { ...dropped } }),
  };
}
