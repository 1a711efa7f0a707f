/** The first retry waits about this long; each further one doubles it. */
export const retryBaseMs = 1_000;
/** No back-off is longer than this. */
export const retryMaxMs = 60_000;
/** A `Retry-After` longer than this is cut to it (timers overflow past 24 days). */
export const retryAfterMaxMs = 3_600_000;

/** What to do with a batch after an answer: 0 is a network error or a timeout. */
export type Verdict = 'delivered' | 'retry' | 'rejected';

/** 2xx is delivered; 429, 5xx, a redirect and a network error are retried; any other 4xx is final. */
export function verdictOf(status: number): Verdict {
  if (status >= 200 && status < 300) return 'delivered';
  return status >= 400 && status < 500 && status !== 429 ? 'rejected' : 'retry';
}

/**
 * The wait before retry number `attempt` (1, 2, …): exponential with "equal jitter", between
 * half and all of min(60 s, 1 s × 2^(attempt−1)), so that browsers that failed together do
 * not come back together.
 */
export function backoffMs(attempt: number, random: () => number): number {
  const ceiling = Math.min(retryMaxMs, retryBaseMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** A `Retry-After` header (seconds or an HTTP date) in milliseconds from `now`. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
  return Number.isNaN(ms) ? undefined : Math.min(retryAfterMaxMs, Math.max(0, ms));
}
