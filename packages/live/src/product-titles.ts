import type { Logger } from '@livecloud/core';

/** Catalogue titles of products by id, for the organisation; unknown ids are simply absent. */
export type ProductTitleLookup = (
  orgId: string,
  productIds: readonly string[],
) => Promise<ReadonlyMap<string, string>>;

/** Reads titles for the board, cached per organisation so a board read every second asks rarely. */
export interface ProductTitles {
  /** Titles of these products, as far as the catalogue knows them; never throws. */
  of(orgId: string, productIds: readonly string[]): Promise<Record<string, string>>;
}

interface Cached {
  at: number;
  titles: Map<string, string>;
  /** Ids the catalogue did not know at `at`: asked again only after the cache expires. */
  unknown: Set<string>;
}

const maxOrganisations = 500;

/**
 * Titles through a lookup (the commerce catalogue in the server), cached for `ttlMs` per
 * organisation. A failing lookup leaves the board without titles, logged, rather than failing
 * the big screen: ids are still shown.
 */
export function createProductTitles(options: {
  lookup?: ProductTitleLookup | undefined;
  now: () => number;
  ttlMs?: number;
  logger?: Logger | undefined;
}): ProductTitles {
  const ttlMs = options.ttlMs ?? 60_000;
  const cache = new Map<string, Cached>();
  return {
    async of(orgId, productIds) {
      const lookup = options.lookup;
      if (!lookup || productIds.length === 0) return {};
      const now = options.now();
      let entry = cache.get(orgId);
      if (entry === undefined || now - entry.at >= ttlMs || now < entry.at) {
        entry = { at: now, titles: new Map(), unknown: new Set() };
        cache.delete(orgId);
        cache.set(orgId, entry);
        if (cache.size > maxOrganisations) cache.delete(cache.keys().next().value ?? orgId);
      }
      const cached = entry;
      const missing = productIds.filter((id) => !cached.titles.has(id) && !cached.unknown.has(id));
      if (missing.length > 0) {
        try {
          const found = await lookup(orgId, missing);
          for (const id of missing) {
            const title = found.get(id);
            if (title === undefined) cached.unknown.add(id);
            else cached.titles.set(id, title);
          }
        } catch (error) {
          options.logger?.warn({ err: error, orgId }, 'product titles unavailable; the board shows ids');
        }
      }
      const titles: Record<string, string> = {};
      for (const id of productIds) {
        const title = cached.titles.get(id);
        if (title !== undefined) titles[id] = title;
      }
      return titles;
    },
  };
}
