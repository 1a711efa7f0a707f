import type { Clock } from '@livecloud/core';

/** The answer of a rate limiter: go ahead, or wait this long. */
export interface RateDecision {
  allowed: boolean;
  /** How long until the request would be allowed; 0 when allowed. */
  retryAfterMs: number;
}

/** A token bucket per key (an API key, for the collector). */
export interface RateLimiter {
  readonly kind: 'memory' | 'redis';
  take(key: string, cost?: number): Promise<RateDecision>;
}

export interface TokenBucketOptions {
  /** Tokens added per second: the sustained rate. */
  ratePerSecond: number;
  /** Bucket size: how far above the rate a burst may go. */
  burst: number;
  clock: Clock;
  /** Buckets kept at most; full ones are swept first. */
  maxKeys?: number;
}

/** The embedded default: buckets in this process's memory. */
export function createMemoryRateLimiter(options: TokenBucketOptions): RateLimiter {
  const perMs = options.ratePerSecond / 1000;
  const maxKeys = options.maxKeys ?? 10_000;
  const buckets = new Map<string, { tokens: number; at: number }>();

  const sweep = (now: number): void => {
    for (const [key, bucket] of buckets) {
      if (bucket.tokens + (now - bucket.at) * perMs >= options.burst) buckets.delete(key);
    }
    while (buckets.size >= maxKeys) {
      const oldest = buckets.keys().next();
      if (oldest.done === true) break;
      buckets.delete(oldest.value);
    }
  };

  return {
    kind: 'memory',
    take(key, cost = 1) {
      const now = options.clock.now();
      const bucket = buckets.get(key);
      if (bucket === undefined && buckets.size >= maxKeys) sweep(now);
      const tokens = bucket
        ? Math.min(options.burst, bucket.tokens + Math.max(0, now - bucket.at) * perMs)
        : options.burst;
      if (tokens >= cost) {
        buckets.set(key, { tokens: tokens - cost, at: now });
        return Promise.resolve({ allowed: true, retryAfterMs: 0 });
      }
      buckets.set(key, { tokens, at: now });
      return Promise.resolve({ allowed: false, retryAfterMs: Math.ceil((cost - tokens) / perMs) });
    },
  };
}
