import type { LiveSessionFacts, SessionLookup } from './session.step.js';

export interface SessionCacheOptions {
  /** How long an answer, a session's facts or "not known", is reused. */
  ttlMs: number;
  /** Most (organisation, session) answers kept; the least recently used goes first. */
  maxEntries: number;
  now: () => number;
}

interface Entry {
  expiresAt: number;
  facts: Promise<LiveSessionFacts | null>;
}

/**
 * A session lookup that asks the records once per (organisation, session) and TTL, not once
 * per batch: concurrent batches share one pending question, "not known" is remembered too, and
 * a failed question is forgotten at once so that the next batch asks again. Keys carry the
 * organisation, so one organisation's answer never serves another.
 */
export function cacheSessionLookup(lookup: SessionLookup, options: SessionCacheOptions): SessionLookup {
  const entries = new Map<string, Entry>();
  return (orgId, sessionId) => {
    const key = `${orgId}\u0000${sessionId}`;
    const now = options.now();
    const cached = entries.get(key);
    if (cached && cached.expiresAt > now) {
      // Re-inserting keeps the Map in least-recently-used order.
      entries.delete(key);
      entries.set(key, cached);
      return cached.facts;
    }
    const facts = lookup(orgId, sessionId);
    const entry: Entry = { expiresAt: now + options.ttlMs, facts };
    entries.delete(key);
    entries.set(key, entry);
    facts.catch(() => {
      if (entries.get(key) === entry) entries.delete(key);
    });
    while (entries.size > options.maxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      entries.delete(oldest);
    }
    return facts;
  };
}
