import type { Logger } from '@livecloud/core';

/**
 * Display names of things by id within an organisation — product titles from the catalogue,
 * account names from scheduling; unknown ids are simply absent.
 */
export type NameLookup = (orgId: string, ids: readonly string[]) => Promise<ReadonlyMap<string, string>>;

/** Names for the board, cached per organisation so that a board read every second asks rarely. */
export interface CachedNames {
  /** Names of these ids, as far as the lookup knows them; never throws. */
  of(orgId: string, ids: readonly string[]): Promise<Record<string, string>>;
}

interface Cached {
  at: number;
  names: Map<string, string>;
  /** Ids the lookup did not know at `at`: asked again only after the cache expires. */
  unknown: Set<string>;
}

const maxOrganisations = 500;

/**
 * Names through a lookup (the catalogue or scheduling, wired by the server), cached for `ttlMs`
 * per organisation. A failing lookup leaves the board without names, logged, rather than
 * failing the big screen: ids are still shown.
 */
export function createCachedNames(options: {
  lookup?: NameLookup | undefined;
  now: () => number;
  ttlMs?: number;
  logger?: Logger | undefined;
  /** What the names are, for the log line when the lookup fails (e.g. 'product titles'). */
  what?: string;
}): CachedNames {
  const ttlMs = options.ttlMs ?? 60_000;
  const cache = new Map<string, Cached>();
  return {
    async of(orgId, ids) {
      const lookup = options.lookup;
      if (!lookup || ids.length === 0) return {};
      const now = options.now();
      let entry = cache.get(orgId);
      if (entry === undefined || now - entry.at >= ttlMs || now < entry.at) {
        entry = { at: now, names: new Map(), unknown: new Set() };
        cache.delete(orgId);
        cache.set(orgId, entry);
        if (cache.size > maxOrganisations) cache.delete(cache.keys().next().value ?? orgId);
      }
      const cached = entry;
      const missing = ids.filter((id) => !cached.names.has(id) && !cached.unknown.has(id));
      if (missing.length > 0) {
        try {
          const found = await lookup(orgId, missing);
          for (const id of missing) {
            const name = found.get(id);
            if (name === undefined) cached.unknown.add(id);
            else cached.names.set(id, name);
          }
        } catch (error) {
          options.logger?.warn(
            { err: error, orgId },
            `${options.what ?? 'names'} unavailable; the board shows ids`,
          );
        }
      }
      const names: Record<string, string> = {};
      for (const id of ids) {
        const name = cached.names.get(id);
        if (name !== undefined) names[id] = name;
      }
      return names;
    },
  };
}
