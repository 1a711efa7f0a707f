import type { CatalogueEntry, CatalogueSku, SessionRequirement } from './ports.js';

/** Gross margin of a SKU at its live price in basis points, (live − cost) ÷ live; null at a live price of 0. */
export function marginBp(sku: Pick<CatalogueSku, 'livePriceFen' | 'costFen'>): number | null {
  if (sku.livePriceFen <= 0) return null;
  return Math.round(((sku.livePriceFen - sku.costFen) * 10_000) / sku.livePriceFen);
}

/** Which of a requirement's criteria a SKU meets; a criterion the requirement leaves open is met. */
export interface RequirementMatch {
  requirementId: string;
  category: boolean;
  priceBand: boolean;
  margin: boolean;
}

/**
 * Whether the product's category is one the requirement names: its own category or any
 * ancestor, by id or by name (a requirement on 美妆 covers 护肤), because requirements typed as
 * free text name categories rather than point at them. A path (美妆/护肤) names its last part.
 */
export function categoryMatches(
  product: Pick<CatalogueEntry, 'categoryId' | 'categoryName' | 'categoryPath' | 'categoryNames'>,
  categories: readonly string[],
): boolean {
  return categories.some((c) => {
    const name =
      c
        .split(/[/>＞／]/)
        .pop()
        ?.trim() ?? c;
    return (
      c === product.categoryId ||
      product.categoryPath.includes(c) ||
      name === product.categoryName ||
      product.categoryNames.includes(name)
    );
  });
}

export function matchRequirement(
  product: CatalogueEntry,
  sku: CatalogueSku,
  requirement: SessionRequirement,
): RequirementMatch {
  const price = sku.livePriceFen;
  const margin = marginBp(sku);
  return {
    requirementId: requirement.id,
    category: categoryMatches(product, requirement.categories),
    priceBand:
      (requirement.priceMinFen === null || price >= requirement.priceMinFen) &&
      (requirement.priceMaxFen === null || price <= requirement.priceMaxFen),
    margin: requirement.minMarginBp === null || (margin !== null && margin >= requirement.minMarginBp),
  };
}

export function isFullMatch(match: RequirementMatch): boolean {
  return match.category && match.priceBand && match.margin;
}

/** The criteria a match misses, in a fixed order, for reason codes. */
export function missedCriteria(match: RequirementMatch): ('category' | 'price_band' | 'margin')[] {
  return [
    ...(match.category ? [] : (['category'] as const)),
    ...(match.priceBand ? [] : (['price_band'] as const)),
    ...(match.margin ? [] : (['margin'] as const)),
  ];
}
