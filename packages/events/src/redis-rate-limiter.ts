import type { Logger } from '@livecloud/core';
import type { Redis } from 'ioredis';
import type { RateLimiter } from './rate-limiter.js';

// The bucket lives in one hash; Redis's own TIME keeps every server process on one clock.
// Tokens are returned as text because Lua numbers become integers on the way out.
const takeScript = `
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or burst
local at = tonumber(state[2]) or now
if now > at then tokens = math.min(burst, tokens + (now - at) * rate) end
local allowed = 0
local wait = 0
if tokens >= cost then
  tokens = tokens - cost
  allowed = 1
else
  wait = math.ceil((cost - tokens) / rate)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(math.max(now, at)))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate) + 1000)
return {allowed, wait}`;

export interface RedisRateLimiterOptions {
  redis: Redis;
  keyPrefix: string;
  ratePerSecond: number;
  burst: number;
  logger?: Logger;
}

/**
 * Token buckets shared by every server process. If Redis cannot be reached the request is
 * let through (fail open): refusing all collection because the limiter is down would lose
 * more than a short burst ever could.
 */
export function createRedisRateLimiter(options: RedisRateLimiterOptions): RateLimiter {
  const perMs = options.ratePerSecond / 1000;
  const log = options.logger?.child({ component: 'redis-rate-limiter' });
  return {
    kind: 'redis',
    async take(key, cost = 1) {
      try {
        const reply = await options.redis.eval(
          takeScript,
          1,
          `${options.keyPrefix}:rate:${key}`,
          perMs,
          options.burst,
          cost,
        );
        const [allowed, wait] = Array.isArray(reply) ? (reply as unknown[]) : [];
        return { allowed: allowed === 1, retryAfterMs: typeof wait === 'number' ? wait : 0 };
      } catch (error) {
        log?.warn({ err: error }, 'redis unavailable for rate limiting; letting the request through');
        return { allowed: true, retryAfterMs: 0 };
      }
    },
  };
}
