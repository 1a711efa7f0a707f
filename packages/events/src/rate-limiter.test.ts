import { createFakeClock } from '@livecloud/core';
import { describe, expect, it } from 'vitest';
import { createMemoryRateLimiter } from './rate-limiter.js';

describe('in-memory token bucket', () => {
  it('allows a burst, then refuses with the wait until the next token', async () => {
    const clock = createFakeClock(0);
    const limiter = createMemoryRateLimiter({ ratePerSecond: 2, burst: 3, clock });
    for (let i = 0; i < 3; i++) expect((await limiter.take('k')).allowed).toBe(true);
    expect(await limiter.take('k')).toEqual({ allowed: false, retryAfterMs: 500 });
    clock.advance(500);
    expect((await limiter.take('k')).allowed).toBe(true);
  });

  it('refills up to the burst only, and keeps keys apart', async () => {
    const clock = createFakeClock(0);
    const limiter = createMemoryRateLimiter({ ratePerSecond: 1, burst: 2, clock });
    await limiter.take('a');
    await limiter.take('a');
    expect((await limiter.take('b')).allowed).toBe(true);
    clock.advance(60_000);
    expect((await limiter.take('a')).allowed).toBe(true);
    expect((await limiter.take('a')).allowed).toBe(true);
    expect((await limiter.take('a')).allowed).toBe(false);
  });

  it('stays bounded in memory with many keys', async () => {
    const clock = createFakeClock(0);
    const limiter = createMemoryRateLimiter({ ratePerSecond: 1, burst: 1, clock, maxKeys: 10 });
    for (let i = 0; i < 100; i++) await limiter.take(`k${i}`);
    expect((await limiter.take('k99')).allowed).toBe(false);
  });
});
