import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './client';

/** At most this many retries after the first attempt, for network errors and 5xx answers. */
const maxRetries = 2;

/** A 4xx answer says the request itself is wrong (or forbidden): asking again cannot help. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < maxRetries;
}

/** 1 s, then 2 s (capped at 8 s): a restarting server gets a moment before the next try. */
export function retryDelay(attempt: number): number {
  return Math.min(1000 * 2 ** attempt, 8000);
}

/**
 * The web app's one query client. Data stays fresh for 30 s, so moving between pages does
 * not refetch everything; a tab regaining focus does not refetch either, because the big
 * screen runs on a wall display and streams over SSE, and the other pages reload after
 * their own mutations.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: shouldRetry, retryDelay },
      mutations: { retry: false },
    },
  });
}
