import { describe, expect, it } from 'vitest';
import { computeCoverage, type ShortlistedSku } from './coverage.js';
import type { CatalogueEntry, SessionRequirement } from './ports.js';

function item(
  productId: string,
  categoryPath: string[],
  sku: { id: string; livePriceFen: number; costFen: number },
): ShortlistedSku {
  const product: CatalogueEntry = {
    id: productId,
    title: productId,
    merchantId: 'mer_1',
    merchantName: '商家',
    categoryId: categoryPath[0]!,
    categoryName: categoryPath[0]!,
    categoryPath,
    categoryNames: categoryPath,
    brand: null,
    status: 'approved',
    approved: true,
    skus: [],
  };
  return {
    product,
    sku: { spec: sku.id, listPriceFen: sku.livePriceFen, commissionBp: 2000, availableStock: 100, ...sku },
  };
}

function requirement(id: string, overrides: Partial<SessionRequirement>): SessionRequirement {
  return {
    id,
    categories: [],
    priceMinFen: null,
    priceMaxFen: null,
    minMarginBp: null,
    itemCount: 1,
    note: null,
    ...overrides,
  };
}

const serum = item('prd_serum', ['cat_skin', 'cat_beauty'], {
  id: 'sku_serum',
  livePriceFen: 12_900,
  costFen: 4500,
});
const lipstick = item('prd_lip', ['cat_lip', 'cat_makeup', 'cat_beauty'], {
  id: 'sku_lip',
  livePriceFen: 8900,
  costFen: 6500,
});
const mask = item('prd_mask', ['cat_skin', 'cat_beauty'], {
  id: 'sku_mask',
  livePriceFen: 4900,
  costFen: 1500,
});
const snack = item('prd_snack', ['cat_food'], { id: 'sku_snack', livePriceFen: 1990, costFen: 900 });

describe('how a shortlist covers a session’s requirements', () => {
  it('counts sub-categories toward a requirement written by the parent category’s name', () => {
    const named = (entry: ShortlistedSku, names: string[]): ShortlistedSku => ({
      ...entry,
      product: { ...entry.product, categoryName: names[0]!, categoryNames: names },
    });
    const beauty = requirement('req_beauty', { categories: ['美妆'], itemCount: 4 });
    const coverage = computeCoverage(
      [beauty],
      [named(serum, ['护肤', '美妆']), named(lipstick, ['口红', '彩妆', '美妆']), named(snack, ['食品'])],
    );
    expect(coverage.requirements[0]).toMatchObject({ status: 'short', shortBy: 2 });
    expect(coverage.requirements[0]?.counted.map((r) => r.skuId)).toEqual(['sku_serum', 'sku_lip']);
    expect(coverage.unmatched.map((r) => r.skuId)).toEqual(['sku_snack']);
  });

  it('matches by category with its ancestors, price band and margin, and lists SKUs that meet none', () => {
    const beauty = requirement('req_beauty', {
      categories: ['cat_beauty'],
      priceMinFen: 5000,
      priceMaxFen: 20_000,
      minMarginBp: 3000,
      itemCount: 3,
    });
    const coverage = computeCoverage([beauty], [serum, lipstick, mask, snack]);
    const [first] = coverage.requirements;
    expect(first?.matching.map((m) => m.skuId)).toEqual(['sku_serum']);
    expect(first).toMatchObject({ status: 'short', shortBy: 2 });
    expect(first?.nearMisses).toEqual([
      { productId: 'prd_lip', skuId: 'sku_lip', missed: ['margin'] },
      { productId: 'prd_mask', skuId: 'sku_mask', missed: ['price_band'] },
    ]);
    expect(coverage.unmatched.map((m) => m.skuId)).toEqual(['sku_lip', 'sku_mask', 'sku_snack']);
  });

  it('counts a SKU that fits two requirements only once, placed where it is needed', () => {
    const skinOrBeauty = requirement('req_any_beauty', { categories: ['cat_beauty'], itemCount: 1 });
    const skinOnly = requirement('req_skin', { categories: ['cat_skin'], itemCount: 1 });
    // serum fits both and comes first; the lipstick fits only the first, so the serum must move.
    const coverage = computeCoverage([skinOrBeauty, skinOnly], [serum, lipstick]);
    expect(
      coverage.requirements.map((r) => [r.requirement.id, r.counted.map((c) => c.skuId), r.status]),
    ).toEqual([
      ['req_any_beauty', ['sku_lip'], 'met'],
      ['req_skin', ['sku_serum'], 'met'],
    ]);
    expect(coverage.requirements[0]?.matching.map((m) => m.skuId)).toEqual(['sku_serum', 'sku_lip']);
    const crowded = computeCoverage([skinOrBeauty, skinOnly], [serum, mask, lipstick]);
    expect(crowded.requirements.map((r) => r.counted.length)).toEqual([1, 1]);
    expect(crowded.requirements.map((r) => r.shortBy)).toEqual([0, 0]);
  });

  it('reports every requirement short by its whole count for an empty shortlist', () => {
    const coverage = computeCoverage([requirement('req', { categories: ['cat_food'], itemCount: 4 })], []);
    expect(coverage.requirements[0]).toMatchObject({
      status: 'short',
      shortBy: 4,
      matching: [],
      counted: [],
    });
    expect(coverage.unmatched).toEqual([]);
  });
});
