import type { LineupValidationDto } from './lineup.schema.js';
import type { CatalogueProduct } from './ports.js';
import type { PoolRequirementDto } from './requirement.schema.js';

type Problem = LineupValidationDto['problems'][number];

/** A requirement names a category by id, by name or by path (美妆/护肤 names 护肤). */
function namesCategoryOf(product: CatalogueProduct, categories: readonly string[]): boolean {
  return categories.some((c) => {
    const name =
      c
        .split(/[/>＞／]/)
        .pop()
        ?.trim() ?? c;
    return product.categoryIds.includes(c) || product.categoryNames.includes(name);
  });
}

export interface RequirementItem {
  productId: string;
  skuId: string;
  livePriceFen: number;
}

/** Whether a SKU at its live price meets the requirement: category with ancestors, price band, margin. */
export function meetsRequirement(
  requirement: PoolRequirementDto,
  product: CatalogueProduct,
  item: RequirementItem,
): boolean {
  const price = item.livePriceFen;
  const cost = product.skus.find((s) => s.id === item.skuId)?.costFen;
  const marginBp = cost === undefined || price <= 0 ? null : Math.round(((price - cost) * 10_000) / price);
  return (
    namesCategoryOf(product, requirement.categories) &&
    (requirement.priceMinFen === null || price >= requirement.priceMinFen) &&
    (requirement.priceMaxFen === null || price <= requirement.priceMaxFen) &&
    (requirement.minMarginBp === null || (marginBp !== null && marginBp >= requirement.minMarginBp))
  );
}

/**
 * The session's selection requirements (选品需求) against the line-up: each distinct SKU counts
 * toward one requirement at most, SKUs that fit fewer requirements placed first, so that a
 * lipstick is not spent on 美妆 when 彩妆 needs it. A requirement left short is a warning with
 * the figures.
 */
export function requirementProblems(
  requirements: readonly PoolRequirementDto[],
  items: readonly RequirementItem[],
  products: ReadonlyMap<string, CatalogueProduct>,
): Problem[] {
  const distinct = [...new Map(items.map((i) => [i.skuId, i])).values()];
  const fits = distinct.map((item) => {
    const product = products.get(item.productId);
    return product ? requirements.filter((r) => meetsRequirement(r, product, item)) : [];
  });
  const order = distinct.map((_, i) => i).sort((a, b) => (fits[a]?.length ?? 0) - (fits[b]?.length ?? 0));
  const counted = new Map<string, number>();
  for (const index of order) {
    const open = (fits[index] ?? []).find((r) => (counted.get(r.id) ?? 0) < r.count);
    if (open) counted.set(open.id, (counted.get(open.id) ?? 0) + 1);
  }
  return requirements.flatMap((r) => {
    const matched = counted.get(r.id) ?? 0;
    if (matched >= r.count) return [];
    return [
      {
        itemId: null,
        code: 'requirement_short' as const,
        severity: 'warning' as const,
        message: 'The line-up is short of a selection requirement',
        details: {
          requirementId: r.id,
          categories: r.categories,
          priceMinFen: r.priceMinFen,
          priceMaxFen: r.priceMaxFen,
          minMarginBp: r.minMarginBp,
          count: r.count,
          matched,
          shortBy: r.count - matched,
        },
      },
    ];
  });
}
