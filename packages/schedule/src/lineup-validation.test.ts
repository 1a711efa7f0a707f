import { describe, expect, it } from 'vitest';
import { validateLineup, type ItemToValidate } from './lineup-validation.js';
import type { CatalogueProduct, LowestPriceProvider, ProductCatalogue } from './ports.js';

const products: CatalogueProduct[] = [
  {
    id: 'prd_lipstick',
    title: '丝绒哑光口红',
    approved: true,
    status: 'approved',
    skus: [{ id: 'sku_red', name: '#999 正红' }],
  },
  {
    id: 'prd_serum',
    title: '玻尿酸精华',
    approved: false,
    status: 'qc_failed',
    skus: [{ id: 'sku_30ml', name: '30ml' }],
  },
];
const stock: Record<string, number> = { sku_red: 500, sku_30ml: 100 };
const catalogue: ProductCatalogue = {
  products: async (_org, ids) => products.filter((p) => ids.includes(p.id)),
  availableStock: async (_org, skuId) => stock[skuId] ?? 0,
};
const prices: LowestPriceProvider = {
  lowestPrice: async (_org, _product, skuId) =>
    skuId === 'sku_red'
      ? { lowestFen: 8900, source: '天猫旗舰店', observedAt: '2026-11-11T00:00:00Z' }
      : undefined,
};

const item = (id: string, overrides: Partial<ItemToValidate> = {}): ItemToValidate => ({
  id,
  productId: 'prd_lipstick',
  skuId: 'sku_red',
  explainMinutes: 10,
  livePriceFen: 8900,
  stockAllocation: 200,
  ...overrides,
});

describe('line-up validation', () => {
  it('passes a clean line-up with every check run', async () => {
    const result = await validateLineup(
      'org_1',
      { sessionMinutes: 60, items: [item('a')] },
      { catalogue, prices },
    );
    expect(result.ok).toBe(true);
    expect(result.checks.map((c) => `${c.check}:${c.status}`)).toEqual([
      'approval:passed',
      'stock:passed',
      'lowest_price:passed',
      'explain_time:passed',
    ]);
  });

  it('reports each problem on the item it belongs to', async () => {
    const result = await validateLineup(
      'org_1',
      {
        sessionMinutes: 30,
        items: [
          item('a', { livePriceFen: 9900, stockAllocation: 300 }),
          item('b', { stockAllocation: 300, explainMinutes: 15 }),
          item('c', { productId: 'prd_serum', skuId: 'sku_30ml', stockAllocation: 10 }),
          item('d', { productId: 'prd_gone', skuId: 'sku_x', stockAllocation: 0 }),
          item('e', { skuId: 'sku_blue', stockAllocation: 0 }),
        ],
      },
      { catalogue, prices },
    );
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => `${p.itemId ?? '-'}:${p.code}`)).toEqual([
      'c:product_not_approved',
      'd:product_not_found',
      'e:sku_not_found',
      'a:stock_exceeded',
      'b:stock_exceeded',
      'a:price_above_lowest',
      '-:explain_time_exceeds_session',
    ]);
    expect(result.problems.find((p) => p.itemId === 'a' && p.code === 'stock_exceeded')?.details).toEqual({
      skuId: 'sku_red',
      allocated: 600,
      available: 500,
    });
    expect(result.problems.find((p) => p.code === 'price_above_lowest')?.details).toMatchObject({
      livePriceFen: 9900,
      lowestFen: 8900,
      source: '天猫旗舰店',
    });
  });

  it('says which checks it skipped when no provider is connected', async () => {
    const result = await validateLineup(
      'org_1',
      { sessionMinutes: 60, items: [item('a', { livePriceFen: 99_999 })] },
      {},
    );
    expect(result.ok).toBe(true);
    expect(result.checks).toEqual([
      { check: 'approval', status: 'skipped', reason: 'no product catalogue is connected' },
      { check: 'stock', status: 'skipped', reason: 'no product catalogue is connected' },
      { check: 'lowest_price', status: 'skipped', reason: 'no lowest-price provider is connected' },
      { check: 'explain_time', status: 'passed', reason: null },
    ]);
  });
});
