import { describe, expect, it } from 'vitest';
import { buyerPriceFen } from './lineup-price-rules.js';
import { validateLineup, type ItemToValidate } from './lineup-validation.js';
import type { CatalogueProduct, LowestPriceProvider, ProductCatalogue } from './ports.js';
import type { PoolRequirementDto } from './requirement.schema.js';

const beauty = { categoryIds: ['cat_lip', 'cat_beauty'], categoryNames: ['口红', '美妆'] };
const products: CatalogueProduct[] = [
  {
    id: 'prd_lipstick',
    title: '丝绒哑光口红',
    approved: true,
    status: 'approved',
    ...beauty,
    skus: [{ id: 'sku_red', name: '#999 正红', listPriceFen: 19_900, costFen: 4000 }],
  },
  {
    id: 'prd_serum',
    title: '玻尿酸精华',
    approved: false,
    status: 'qc_failed',
    categoryIds: ['cat_skin', 'cat_beauty'],
    categoryNames: ['护肤', '美妆'],
    skus: [{ id: 'sku_30ml', name: '30ml', listPriceFen: 29_900, costFen: 8000 }],
  },
];
const stock: Record<string, number> = { sku_red: 500, sku_30ml: 100 };
let stockCalls = 0;
let priceCalls = 0;
const catalogue: ProductCatalogue = {
  products: async (_org, ids) => products.filter((p) => ids.includes(p.id)),
  availableStock: async (_org, skuIds) => {
    stockCalls += 1;
    return new Map(skuIds.map((id) => [id, stock[id] ?? 0]));
  },
};
const prices: LowestPriceProvider = {
  lowestPrices: async (_org, items) => {
    priceCalls += 1;
    return new Map(
      items
        .filter((i) => i.skuId === 'sku_red')
        .map((i) => [i.skuId, { lowestFen: 8900, source: '天猫旗舰店', observedAt: '2026-11-11T00:00:00Z' }]),
    );
  },
};

const item = (id: string, overrides: Partial<ItemToValidate> = {}): ItemToValidate => ({
  id,
  productId: 'prd_lipstick',
  skuId: 'sku_red',
  explainMinutes: 10,
  livePriceFen: 8900,
  mechanism: { type: 'none' },
  stockAllocation: 200,
  ...overrides,
});

const requirement = (overrides: Partial<PoolRequirementDto>): PoolRequirementDto => ({
  id: 'req_1',
  categories: ['美妆'],
  priceMinFen: null,
  priceMaxFen: null,
  minMarginBp: null,
  count: 1,
  note: null,
  ...overrides,
});

const codes = (result: Awaited<ReturnType<typeof validateLineup>>) =>
  result.problems.map((p) => `${p.itemId ?? '-'}:${p.code}:${p.severity}`);

describe('line-up validation', () => {
  it('passes a clean line-up with every check run', async () => {
    const result = await validateLineup(
      'org_1',
      { sessionMinutes: 60, items: [item('a')], requirements: [requirement({})] },
      { catalogue, prices },
    );
    expect(result.ok).toBe(true);
    expect(result.checks.map((c) => `${c.check}:${c.status}`)).toEqual([
      'approval:passed',
      'stock:passed',
      'price_rules:passed',
      'duplicates:passed',
      'requirements:passed',
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
          item('c', { productId: 'prd_serum', skuId: 'sku_30ml', stockAllocation: 10, livePriceFen: 9900 }),
          item('d', { productId: 'prd_gone', skuId: 'sku_x', stockAllocation: 0 }),
          item('e', { skuId: 'sku_blue', stockAllocation: 0 }),
        ],
      },
      { catalogue, prices },
    );
    expect(result.ok).toBe(false);
    expect(codes(result)).toEqual([
      'c:product_not_approved:error',
      'd:product_not_found:error',
      'e:sku_not_found:error',
      'a:stock_exceeded:error',
      'b:stock_exceeded:error',
      'b:duplicate_sku:warning',
      'a:price_above_lowest:error',
      '-:explain_time_exceeds_session:error',
    ]);
    expect(result.problems.find((p) => p.itemId === 'a' && p.code === 'stock_exceeded')?.details).toEqual({
      skuId: 'sku_red',
      allocated: 600,
      available: 500,
    });
    expect(result.problems.find((p) => p.code === 'price_above_lowest')?.details).toMatchObject({
      payFen: 9900,
      lowestFen: 8900,
      source: '天猫旗舰店',
    });
  });

  it('looks stock and lowest prices up once for the whole line-up', async () => {
    stockCalls = 0;
    priceCalls = 0;
    const items = Array.from({ length: 100 }, (_, i) => item(`i${i}`, { stockAllocation: 1 }));
    await validateLineup('org_1', { sessionMinutes: 2000, items }, { catalogue, prices });
    expect([stockCalls, priceCalls]).toEqual([1, 1]);
  });

  it('flags a live price above list, a coupon reaching the price and a price below cost', async () => {
    const result = await validateLineup(
      'org_1',
      {
        sessionMinutes: 60,
        items: [
          item('list', { livePriceFen: 25_900, stockAllocation: 1 }),
          item('coupon', {
            skuId: 'sku_red',
            livePriceFen: 12_900,
            mechanism: { type: 'coupon', discountFen: 50_000, thresholdFen: 0 },
            stockAllocation: 1,
          }),
          item('cost', { livePriceFen: 1000, stockAllocation: 1 }),
        ],
      },
      { catalogue },
    );
    expect(codes(result)).toEqual([
      'list:live_price_above_list:error',
      'coupon:coupon_exceeds_price:error',
      'coupon:price_below_cost:warning',
      'cost:price_below_cost:warning',
      'coupon:duplicate_sku:warning',
      'cost:duplicate_sku:warning',
    ]);
    expect(result.problems[0]?.details).toMatchObject({ livePriceFen: 25_900, listPriceFen: 19_900 });
    expect(result.problems.find((p) => p.itemId === 'cost')?.details).toMatchObject({
      payFen: 1000,
      costFen: 4000,
    });
  });

  it('compares the price the buyer pays after the coupon or flash price with the lowest price', async () => {
    const result = await validateLineup(
      'org_1',
      {
        sessionMinutes: 60,
        items: [
          item('coupon', {
            livePriceFen: 9900,
            mechanism: { type: 'coupon', discountFen: 1500, thresholdFen: 0 },
          }),
        ],
      },
      { catalogue, prices },
    );
    expect(result.ok).toBe(true);
    expect(buyerPriceFen(9900, { type: 'coupon', discountFen: 1500, thresholdFen: 0 })).toBe(8400);
    expect(buyerPriceFen(9900, { type: 'coupon', discountFen: 1500, thresholdFen: 19_900 })).toBe(9900);
    expect(
      buyerPriceFen(9900, { type: 'flash_sale', flashPriceFen: 6900, quantity: 1, durationMinutes: 1 }),
    ).toBe(6900);
  });

  it('checks the session’s requirements, a parent category covering its children', async () => {
    const result = await validateLineup(
      'org_1',
      {
        sessionMinutes: 60,
        items: [item('a', { stockAllocation: 1 }), item('b', { productId: 'prd_serum', skuId: 'sku_30ml' })],
        requirements: [
          requirement({ id: 'req_beauty', categories: ['美妆'], count: 4 }),
          requirement({ id: 'req_food', categories: ['食品饮料'], priceMaxFen: 10_000, count: 2 }),
        ],
      },
      { catalogue },
    );
    const short = result.problems.filter((p) => p.code === 'requirement_short');
    expect(short.map((p) => p.details)).toMatchObject([
      { requirementId: 'req_beauty', count: 4, matched: 2, shortBy: 2 },
      { requirementId: 'req_food', count: 2, matched: 0, shortBy: 2 },
    ]);
    expect(result.checks.find((c) => c.check === 'requirements')?.status).toBe('failed');
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
      { check: 'price_rules', status: 'skipped', reason: 'no product catalogue is connected' },
      { check: 'duplicates', status: 'passed', reason: null },
      { check: 'requirements', status: 'skipped', reason: 'no product catalogue is connected' },
      { check: 'lowest_price', status: 'skipped', reason: 'no lowest-price provider is connected' },
      { check: 'explain_time', status: 'passed', reason: null },
    ]);
  });
});
