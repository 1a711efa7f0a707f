import type { CatalogueEntry, CatalogueSku, SessionRequirement } from './ports.js';
import { isFullMatch, matchRequirement, missedCriteria } from './requirement-match.js';

export interface ShortlistedSku {
  product: CatalogueEntry;
  sku: CatalogueSku;
}

export interface SkuRef {
  productId: string;
  skuId: string;
}

/** How far a session's shortlist covers one requirement. */
export interface RequirementCoverage {
  requirement: SessionRequirement;
  /** Every shortlisted SKU that meets the requirement in full (category with ancestors, price band, margin). */
  matching: SkuRef[];
  /** SKUs counted toward this requirement; a SKU that fits several counts for only one of them. */
  counted: SkuRef[];
  status: 'met' | 'short';
  /** How many more SKUs the requirement needs; 0 when met. */
  shortBy: number;
  /** SKUs of a matching category that miss the price band or the margin, and what they miss. */
  nearMisses: (SkuRef & { missed: ('category' | 'price_band' | 'margin')[] })[];
}

export interface Coverage {
  requirements: RequirementCoverage[];
  /** Shortlisted SKUs that meet no requirement in full. */
  unmatched: SkuRef[];
}

const ref = (item: ShortlistedSku): SkuRef => ({ productId: item.product.id, skuId: item.sku.id });

/**
 * Matches the shortlist against the requirements. Counting gives each SKU to at most one
 * requirement and maximises how many requirement slots are filled (bipartite matching with
 * each requirement's item count as its capacity), so a SKU that fits both 美妆 and 护肤 is not
 * counted twice, and is placed where it is needed.
 */
export function computeCoverage(
  requirements: readonly SessionRequirement[],
  shortlist: readonly ShortlistedSku[],
): Coverage {
  const fits: number[][] = shortlist.map((item) =>
    requirements.flatMap((r, index) =>
      isFullMatch(matchRequirement(item.product, item.sku, r)) ? [index] : [],
    ),
  );
  const assigned: number[][] = requirements.map(() => []);

  // Kuhn's augmenting paths with capacities: a SKU takes a free slot, or moves an earlier SKU on.
  const place = (skuIndex: number, visited: Set<number>): boolean => {
    for (const r of fits[skuIndex] ?? []) {
      if (visited.has(r)) continue;
      visited.add(r);
      const holders = assigned[r] ?? [];
      const requirement = requirements[r];
      if (requirement && holders.length < requirement.itemCount) {
        holders.push(skuIndex);
        return true;
      }
      for (const other of [...holders]) {
        if (place(other, visited)) {
          holders.splice(holders.indexOf(other), 1, skuIndex);
          return true;
        }
      }
    }
    return false;
  };
  shortlist.forEach((_, index) => place(index, new Set()));

  return {
    requirements: requirements.map((requirement, r) => {
      const counted = (assigned[r] ?? [])
        .slice()
        .sort((a, b) => a - b)
        .map((i) => ref(shortlist[i]!));
      const shortBy = Math.max(0, requirement.itemCount - counted.length);
      return {
        requirement,
        matching: shortlist.filter((_, i) => fits[i]?.includes(r)).map(ref),
        counted,
        status: shortBy === 0 ? 'met' : 'short',
        shortBy,
        nearMisses: shortlist.flatMap((item) => {
          const match = matchRequirement(item.product, item.sku, requirement);
          return match.category && !isFullMatch(match)
            ? [{ ...ref(item), missed: missedCriteria(match) }]
            : [];
        }),
      };
    }),
    unmatched: shortlist.filter((_, i) => (fits[i] ?? []).length === 0).map(ref),
  };
}
