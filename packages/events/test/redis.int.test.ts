import { randomBytes } from 'node:crypto';
import { createFakeClock } from '@livecloud/core';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisDeduper, createRedisRateLimiter, type StoredIdLookup } from '../src/index.js';

const redisUrl = process.env['LIVECLOUD_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const prefix = `lc_test_${process.pid}_${randomBytes(4).toString('hex')}`;
let redis: Redis;

beforeAll(async () => {
  redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
});
afterAll(async () => {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  await redis.quit();
});

function storeOf(ids: Set<string>): StoredIdLookup & { asked: string[][] } {
  const asked: string[][] = [];
  const lookup = (_orgId: string, wanted: readonly string[]) => {
    asked.push([...wanted]);
    return Promise.resolve(new Set(wanted.filter((id) => ids.has(id))));
  };
  return Object.assign(lookup, { asked });
}

function deduper(lookup: StoredIdLookup, keyPrefix = prefix, pendingTtlMs?: number) {
  return createRedisDeduper({
    redis,
    keyPrefix,
    ttlMs: 60_000,
    lookup,
    clock: createFakeClock(),
    ...(pendingTtlMs ? { pendingTtlMs } : {}),
  });
}

describe('Redis de-duplication', () => {
  it('counts an id once across two server processes', async () => {
    const stored = new Set<string>();
    const a = deduper(storeOf(stored));
    const b = deduper(storeOf(stored));
    const fresh = await a.claim('org_r', ['e1', 'e2']);
    expect([...fresh]).toEqual(['e1', 'e2']);
    await a.commit('org_r', ['e1', 'e2']);
    const lookup = storeOf(stored);
    const again = await deduper(lookup).claim('org_r', ['e1', 'e2', 'e3']);
    expect([...again]).toEqual(['e3']);
    expect(lookup.asked).toEqual([]);
    expect([...(await b.claim('org_other', ['e1']))]).toEqual(['e1']);
  });

  it('gives a released claim back so the retry of a failed store is taken elsewhere', async () => {
    const a = deduper(storeOf(new Set()));
    await a.claim('org_r', ['f1']);
    await a.release('org_r', ['f1']);
    expect([...(await deduper(storeOf(new Set())).claim('org_r', ['f1']))]).toEqual(['f1']);
  });

  it('checks the event store for an id another process holds pending, so a crash loses nothing', async () => {
    const crashed = deduper(storeOf(new Set()));
    await crashed.claim('org_r', ['p-stored', 'p-lost']);
    // The crashed process had stored p-stored but not p-lost before it died.
    const lookup = storeOf(new Set(['p-stored']));
    const retry = await deduper(lookup).claim('org_r', ['p-stored', 'p-lost']);
    expect([...retry]).toEqual(['p-lost']);
    expect(lookup.asked).toEqual([['p-stored', 'p-lost']]);
  });

  it('falls back to the event store when Redis is unreachable', async () => {
    const down = new Redis('redis://127.0.0.1:1', {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
    });
    const lookup = storeOf(new Set(['old']));
    const fallback = createRedisDeduper({
      redis: down,
      keyPrefix: prefix,
      ttlMs: 1000,
      lookup,
      clock: createFakeClock(),
    });
    expect([...(await fallback.claim('org_r', ['old', 'new']))]).toEqual(['new']);
    await fallback.commit('org_r', ['new']);
    down.disconnect();
  });
});

describe('Redis rate limit', () => {
  it('shares one bucket per key between processes and says how long to wait', async () => {
    const options = { redis, keyPrefix: prefix, ratePerSecond: 1, burst: 3 };
    const a = createRedisRateLimiter(options);
    const b = createRedisRateLimiter(options);
    const key = `key_${randomBytes(3).toString('hex')}`;
    const answers = [await a.take(key), await b.take(key), await a.take(key), await b.take(key)];
    expect(answers.map((x) => x.allowed)).toEqual([true, true, true, false]);
    expect(answers[3]!.retryAfterMs).toBeGreaterThan(0);
    expect(answers[3]!.retryAfterMs).toBeLessThanOrEqual(1000);
    expect((await a.take(`${key}_other`)).allowed).toBe(true);
    expect(await redis.pttl(`${prefix}:rate:${key}`)).toBeGreaterThan(0);
  });

  it('lets requests through when Redis is unreachable', async () => {
    const down = new Redis('redis://127.0.0.1:1', {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
    });
    const limiter = createRedisRateLimiter({ redis: down, keyPrefix: prefix, ratePerSecond: 1, burst: 1 });
    expect(await limiter.take('k')).toEqual({ allowed: true, retryAfterMs: 0 });
    down.disconnect();
  });
});
