import type { Clock, Logger } from '@livecloud/core';
import { createDedupeWindow, windowKey, type DedupeWindow } from './dedupe-window.js';

/** Looks up which ids an organisation has already stored (the durable truth). */
export type StoredIdLookup = (orgId: string, ids: readonly string[]) => Promise<Set<string>>;

/**
 * De-duplication by (orgId, id) for the collector. Claim before storing, commit after the
 * store has the events, release when storing failed, so that a retry of a failed batch is
 * taken and a retry of a stored one is not.
 */
export interface Deduper {
  /** `memory+store`: window, then the event store. `redis`: window, then Redis SET NX. */
  readonly kind: 'memory+store' | 'redis';
  /** Claims distinct ids of one organisation; returns those seen for the first time. */
  claim(orgId: string, ids: readonly string[]): Promise<ReadonlySet<string>>;
  /** The claimed events are stored: remember them. */
  commit(orgId: string, ids: readonly string[]): Promise<void>;
  /** Storing failed: forget the claims so the retry is accepted. */
  release(orgId: string, ids: readonly string[]): Promise<void>;
}

export interface WindowOptions {
  clock: Clock;
  /** Ids remembered in memory; default 200,000. */
  windowSize?: number;
  /** How long the window remembers an id; default one hour. */
  windowTtlMs?: number;
}

export function windowFrom(options: WindowOptions): DedupeWindow {
  return createDedupeWindow({
    ttlMs: options.windowTtlMs ?? 3600_000,
    maxEntries: options.windowSize ?? 200_000,
  });
}

/**
 * The embedded default: the in-memory window answers recent retries, and every id the window
 * does not know is checked against the event store's (org_id, id) index, so a retry after a
 * restart, or one that reached another process on the same ClickHouse, still counts once.
 */
export function createStoreDeduper(
  options: WindowOptions & { lookup: StoredIdLookup; logger?: Logger },
): Deduper {
  const window = windowFrom(options);
  const { clock, lookup } = options;
  return {
    kind: 'memory+store',
    async claim(orgId, ids) {
      const now = clock.now();
      const claimed = ids.filter((id) => window.claim(windowKey(orgId, id), now));
      if (claimed.length === 0) return new Set();
      let stored: Set<string>;
      try {
        stored = await lookup(orgId, claimed);
      } catch (error) {
        for (const id of claimed) window.forget(windowKey(orgId, id));
        throw error;
      }
      for (const id of stored) window.markDone(windowKey(orgId, id), now);
      return new Set(claimed.filter((id) => !stored.has(id)));
    },
    commit(orgId, ids) {
      const now = clock.now();
      for (const id of ids) window.markDone(windowKey(orgId, id), now);
      return Promise.resolve();
    },
    release(orgId, ids) {
      for (const id of ids) window.forget(windowKey(orgId, id));
      return Promise.resolve();
    },
  };
}
