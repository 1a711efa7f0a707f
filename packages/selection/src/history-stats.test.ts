import type { ProductSalesRecord } from '@livecloud/analytics';
import { describe, expect, it } from 'vitest';
import { estimateConversion, historyStats, stockNeed } from './history-stats.js';

function record(overrides: Partial<ProductSalesRecord>): ProductSalesRecord {
  return {
    sessionId: 'ses_1',
    productId: 'prd_a',
    skuId: '',
    startedAt: 0,
    explainSeconds: 600,
    impressions: 1000,
    clicks: 0,
    paidOrders: 0,
    units: 0,
    gmvFen: 0,
    refundFen: 0,
    minUnitPriceFen: null,
    accountId: '',
    source: '',
    explainSegments: 1,
    refundedOrders: 0,
    listedPriceFen: null,
    mechanism: null,
    ...overrides,
  };
}

const categoryOf = new Map([
  ['prd_a', 'cat_lip'],
  ['prd_b', 'cat_lip'],
  ['prd_c', 'cat_food'],
]);

describe('conversion shrunk toward the category and the organisation', () => {
  const records = [
    record({ productId: 'prd_a', clicks: 50, paidOrders: 6 }),
    record({ productId: 'prd_b', clicks: 250, paidOrders: 18 }),
    record({ productId: 'prd_c', clicks: 700, paidOrders: 26 }),
  ];
  const stats = historyStats(records, categoryOf);

  it('blends a product with few clicks with its category, and the category with the organisation', () => {
    const estimate = estimateConversion(stats, 'prd_a', 'cat_lip')!;
    expect(estimate.orgRate).toBe(0.05);
    // (24 + 200 × 0.05) ÷ (300 + 200)
    expect(estimate.categoryRate).toBeCloseTo(0.068, 10);
    // (6 + 100 × 0.068) ÷ (50 + 100)
    expect(estimate.rate).toBeCloseTo(12.8 / 150, 10);
    expect(estimate.rawRate).toBe(0.12);
  });

  it('gives a product with no clicks its category’s rate, and a new category the organisation’s', () => {
    expect(estimateConversion(stats, 'prd_new', 'cat_lip')!.rate).toBeCloseTo(0.068, 10);
    expect(estimateConversion(stats, 'prd_new', 'cat_toys')!.rate).toBeCloseTo(0.05, 10);
  });

  it('lets many clicks outweigh the prior', () => {
    const big = historyStats(
      [...records, record({ productId: 'prd_a', clicks: 10_000, paidOrders: 2000 })],
      categoryOf,
    );
    expect(estimateConversion(big, 'prd_a', 'cat_lip')!.rate).toBeGreaterThan(0.19);
  });

  it('has no estimate when the organisation has no clicks at all', () => {
    expect(estimateConversion(historyStats([], categoryOf), 'prd_a', 'cat_lip')).toBeNull();
  });
});

describe('expected units per session for the stock check', () => {
  const stats = historyStats(
    [
      record({ sessionId: 'ses_1', productId: 'prd_a', skuId: 'sku_red', units: 120 }),
      record({ sessionId: 'ses_2', productId: 'prd_a', skuId: 'sku_red', units: 81 }),
      record({ sessionId: 'ses_1', productId: 'prd_a', skuId: 'sku_pink', units: 0 }),
      record({ sessionId: 'ses_1', productId: 'prd_b', units: 300 }),
      record({ sessionId: 'ses_1', productId: 'prd_c', units: 40 }),
    ],
    categoryOf,
  );

  it('uses the SKU’s own average first', () => {
    expect(
      stockNeed(stats, { productId: 'prd_a', skuId: 'sku_red', categoryId: 'cat_lip', skuCount: 2 }),
    ).toEqual({
      units: 101,
      basis: 'sku',
    });
  });

  it('falls back to the product, category and organisation averages split over the SKUs, then the default', () => {
    // prd_a sold 201 units over 2 sessions; split over 2 SKUs.
    expect(
      stockNeed(stats, { productId: 'prd_a', skuId: 'sku_pink', categoryId: 'cat_lip', skuCount: 2 }),
    ).toEqual({
      units: 51,
      basis: 'product',
    });
    // 口红: 501 units over 3 product-sessions = 167; 3 SKUs → 56.
    expect(stockNeed(stats, { productId: 'prd_x', skuId: 's', categoryId: 'cat_lip', skuCount: 3 })).toEqual({
      units: 56,
      basis: 'category',
    });
    // 541 units over 4 product-sessions.
    expect(stockNeed(stats, { productId: 'prd_x', skuId: 's', categoryId: 'cat_toys', skuCount: 1 })).toEqual(
      {
        units: 136,
        basis: 'org',
      },
    );
    expect(
      stockNeed(historyStats([], categoryOf), { productId: 'p', skuId: 's', categoryId: 'c', skuCount: 1 }),
    ).toEqual({ units: 100, basis: 'default' });
  });
});
