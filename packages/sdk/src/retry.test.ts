import { describe, expect, it } from 'vitest';
import { backoffMs, retryAfterMs, verdictOf } from './retry.js';

describe('verdictOf', () => {
  it('delivers 2xx, retries 429, 5xx, redirects and network errors, and gives up on other 4xx', () => {
    expect([200, 204].map(verdictOf)).toEqual(['delivered', 'delivered']);
    expect([0, 302, 429, 500, 503].map(verdictOf)).toEqual(['retry', 'retry', 'retry', 'retry', 'retry']);
    expect([400, 401, 403, 404, 413, 415].map(verdictOf)).toEqual(Array(6).fill('rejected'));
  });
});

describe('backoffMs', () => {
  it('doubles from 1 s, jittered between half and all of it, and stops growing at 60 s', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffMs(attempt, () => 0))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((attempt) => backoffMs(attempt, () => 1))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(7, () => 1)).toBe(60_000);
    expect(backoffMs(30, () => 0)).toBe(30_000);
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2026-03-14T12:00:00Z');
  it('reads seconds and HTTP dates, never negative, at most an hour', () => {
    expect(retryAfterMs('3', now)).toBe(3000);
    expect(retryAfterMs('0.5', now)).toBe(500);
    expect(retryAfterMs('Sat, 14 Mar 2026 12:00:42 GMT', now)).toBe(42_000);
    expect(retryAfterMs('Sat, 14 Mar 2026 11:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('86400', now)).toBe(3_600_000);
  });

  it('ignores a missing or unreadable header', () => {
    expect(retryAfterMs(null, now)).toBeUndefined();
    expect(retryAfterMs('', now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
  });
});
