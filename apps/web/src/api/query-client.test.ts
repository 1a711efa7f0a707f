import { describe, expect, it } from 'vitest';
import { ApiError, networkErrorCode } from './client';
import { createQueryClient, retryDelay, shouldRetry } from './query-client';

describe('query retries', () => {
  it('never retries a 4xx answer', () => {
    for (const status of [400, 401, 403, 404, 409, 422, 429]) {
      expect(shouldRetry(0, new ApiError(status, 'x', 'x'))).toBe(false);
    }
  });

  it('retries network errors and 5xx answers twice', () => {
    for (const error of [new ApiError(0, networkErrorCode, 'offline'), new ApiError(503, 'x', 'x')]) {
      expect([0, 1, 2].map((count) => shouldRetry(count, error))).toEqual([true, true, false]);
    }
  });

  it('backs off between tries', () => {
    expect([0, 1, 2, 5].map(retryDelay)).toEqual([1000, 2000, 4000, 8000]);
  });

  it('is the default of the app query client, which keeps data 30 s and ignores window focus', () => {
    const defaults = createQueryClient().getDefaultOptions().queries;
    expect(defaults?.retry).toBe(shouldRetry);
    expect(defaults?.staleTime).toBe(30_000);
    expect(defaults?.refetchOnWindowFocus).toBe(false);
  });
});
