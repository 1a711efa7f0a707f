import type { Clock, Logger } from '@livecloud/core';
import { createDedupeWindow, windowKey, type DedupeWindow } from './dedupe-window.js';
import { createIdFilter, type IdFilter } from './id-filter.js';

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

/** Reads every id an organisation has stored, a page at a time, into `add`. */
export type StoredIdLoader = (orgId: string, add: (ids: readonly string[]) => void) => Promise<void>;

export interface StoreDeduperOptions extends WindowOptions {
  lookup: StoredIdLookup;
  /**
   * Only when this process is the store's one writer (embedded chDB, whose data directory one
   * process holds): each organisation's stored ids are read once into a Bloom filter, and an id
   * the filter has never seen is new without asking the store. Left out (a ClickHouse server
   * that other processes write too), every id the window does not know is looked up.
   */
  soleWriter?: { loadIds: StoredIdLoader };
  logger?: Logger;
}

interface OrgFilter {
  filter: IdFilter;
  /** Every stored id is in the filter; until then the store is asked about every id. */
  loaded: boolean;
}

/**
 * The embedded default: the in-memory window answers recent retries, and every id the window
 * does not know is checked against the event store's (org_id, id) index, so a retry after a
 * restart, or one that reached another process on the same ClickHouse, still counts once.
 * As the store's sole writer it first asks its Bloom filter, and the store only about the ids
 * the filter may have seen: for fresh traffic, about one in two hundred. The filter of an
 * organisation is loaded from the store on its first claim after a start; claims do not wait
 * for that (ten million ids take seconds) but ask the store about every id until it is done.
 */
export function createStoreDeduper(options: StoreDeduperOptions): Deduper {
  const window = windowFrom(options);
  const { clock, lookup, soleWriter } = options;
  const log = options.logger?.child({ component: 'deduper' });
  const filters = new Map<string, OrgFilter>();

  // The filter exists before its ids are read, so ids committed while it loads are kept too.
  const filterOf = (orgId: string, loadIds: StoredIdLoader): OrgFilter => {
    const existing = filters.get(orgId);
    if (existing) return existing;
    const entry: OrgFilter = { filter: createIdFilter(), loaded: false };
    filters.set(orgId, entry);
    const started = performance.now();
    loadIds(orgId, (ids) => {
      for (const id of ids) entry.filter.add(id);
    }).then(
      () => {
        entry.loaded = true;
        log?.info(
          {
            orgId,
            ids: entry.filter.size,
            bytes: entry.filter.bytes,
            ms: Math.round(performance.now() - started),
          },
          'stored event ids loaded',
        );
      },
      (error: unknown) => {
        // The store answers meanwhile; the next claim starts another load.
        if (filters.get(orgId) === entry) filters.delete(orgId);
        log?.warn({ err: error, orgId }, 'stored event ids could not be loaded; asking the store');
      },
    );
    return entry;
  };

  // Adding is always safe: at worst an id is looked up that did not need to be.
  const remember = (orgId: string, ids: readonly string[]): void => {
    const filter = filters.get(orgId)?.filter;
    if (filter) for (const id of ids) filter.add(id);
  };

  return {
    kind: 'memory+store',
    async claim(orgId, ids) {
      const now = clock.now();
      const claimed = ids.filter((id) => window.claim(windowKey(orgId, id), now));
      if (claimed.length === 0) return new Set();
      let stored: Set<string>;
      try {
        let ask = claimed;
        if (soleWriter) {
          const { filter, loaded } = filterOf(orgId, soleWriter.loadIds);
          if (loaded) ask = claimed.filter((id) => filter.mayHave(id));
        }
        stored = ask.length === 0 ? new Set() : await lookup(orgId, ask);
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
      remember(orgId, ids);
      return Promise.resolve();
    },
    release(orgId, ids) {
      for (const id of ids) window.forget(windowKey(orgId, id));
      // A failed insert may still have written some rows: the retry must ask the store.
      remember(orgId, ids);
      return Promise.resolve();
    },
  };
}
