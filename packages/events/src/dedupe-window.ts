/** Where an id stands in the window: being stored right now, or stored. */
export type WindowState = 'pending' | 'done';

/**
 * The fast, in-memory half of de-duplication: the ids this process saw recently, bounded in
 * count and age. A retried batch usually arrives within seconds, so most duplicates stop here
 * without a round trip. Synchronous on purpose: claiming an id cannot interleave with another
 * request's claim in the same process.
 */
export interface DedupeWindow {
  /** Claims the key as pending; false when the window already holds it (pending or done). */
  claim(key: string, now: number): boolean;
  /** Whether the window holds the key, without claiming it. */
  has(key: string, now: number): boolean;
  markDone(key: string, now: number): void;
  forget(key: string): void;
  readonly size: number;
}

export interface DedupeWindowOptions {
  /** How long a stored id is remembered. */
  ttlMs: number;
  /** How many ids at most; the oldest go first. */
  maxEntries: number;
  /** How long a claim may stay pending before it is presumed abandoned. */
  pendingTtlMs?: number;
}

export function createDedupeWindow(options: DedupeWindowOptions): DedupeWindow {
  const pendingTtlMs = options.pendingTtlMs ?? 60_000;
  // Map keeps insertion order, so the oldest keys come first. The value is the expiry time,
  // negated while pending: a number rather than an object per id, because the window sees
  // every event twice (claim, then done) and its garbage was a share of the collector's GC.
  const entries = new Map<string, number>();

  const live = (key: string, now: number): boolean => {
    const entry = entries.get(key);
    if (entry === undefined) return false;
    if (Math.abs(entry) > now) return true;
    entries.delete(key);
    return false;
  };
  // Evicting one key per insert would restart a keys() iterator each time, and V8 walks past
  // every deleted slot at the front of the table to find the oldest live one: quadratic once
  // the window is full (a fifth of the collector's CPU in the ingest profile). Evicting a tenth
  // of the window in one pass keeps it linear.
  const evictOldest = (): void => {
    let excess = entries.size - Math.floor(options.maxEntries * 0.9);
    for (const key of entries.keys()) {
      if (excess-- <= 0) break;
      entries.delete(key);
    }
  };

  return {
    claim(key, now) {
      if (live(key, now)) return false;
      entries.set(key, -(now + pendingTtlMs));
      if (entries.size > options.maxEntries) evictOldest();
      return true;
    },
    has: live,
    markDone(key, now) {
      // A claimed key keeps its place (claimed moments ago); a key new to the window joins
      // the young end.
      entries.set(key, now + options.ttlMs);
      if (entries.size > options.maxEntries) evictOldest();
    },
    forget(key) {
      entries.delete(key);
    },
    get size() {
      return entries.size;
    },
  };
}

/** The window key of an event id within its organisation. */
export function windowKey(orgId: string, id: string): string {
  return `${orgId}\u0000${id}`;
}
