import { describe, expect, it } from 'vitest';
import type { ConversionEstimate } from './history-stats.js';
import type { CatalogueEntry, SessionRequirement } from './ports.js';
import { checkLowestPrice, type PricePoint } from './price-window.js';
import { defaultWeights, resolveWeights, scoreSku, type ScoreInput } from './selection-score.js';

const product: CatalogueEntry = {
  id: 'prd_lipstick',
  title: '丝绒哑光口红',
  merchantId: 'mer_1',
  merchantName: '花西子',
  categoryId: 'cat_lip',
  categoryName: '口红',
  categoryPath: ['cat_lip', 'cat_makeup', 'cat_beauty'],
  categoryNames: ['口红', '彩妆', '美妆'],
  brand: '花西子',
  status: 'approved',
  approved: true,
  skus: [],
};
const sku = {
  id: 'sku_red',
  spec: '#999 正红',
  listPriceFen: 15_900,
  livePriceFen: 8900,
  costFen: 4450,
  commissionBp: 2000,
  availableStock: 150,
};
/** org 1000 clicks / 50 orders; 口红 300 / 24; the product 50 / 6 → 0.0853 after shrinkage. */
const conversion: ConversionEstimate = {
  clicks: 50,
  orders: 6,
  rawRate: 0.12,
  categoryClicks: 300,
  categoryOrders: 24,
  categoryRate: 0.068,
  orgClicks: 1000,
  orgOrders: 50,
  orgRate: 0.05,
  rate: 12.8 / 150,
  priorClicks: { product: 100, category: 200 },
};
const lowest: PricePoint = {
  productId: 'prd_lipstick',
  skuId: null,
  priceFen: 7900,
  at: Date.UTC(2026, 10, 11, 12),
  source: 'platform',
  platform: 'douyin',
  reference: 'https://v.douyin.com/x',
  observationId: 'pob_1',
  sessionId: null,
};
const requirement: SessionRequirement = {
  id: 'req_makeup',
  categories: ['cat_makeup'],
  priceMinFen: 5000,
  priceMaxFen: 10_000,
  minMarginBp: 3000,
  itemCount: 5,
  note: null,
};

function input(overrides: Partial<ScoreInput> = {}): ScoreInput {
  return {
    product,
    sku,
    conversion,
    requirements: [requirement],
    stockNeed: { units: 200, basis: 'product' },
    lowestPrice: checkLowestPrice(sku.livePriceFen, lowest),
    windowDays: 30,
    ...overrides,
  };
}

const byName = (result: ReturnType<typeof scoreSku>) =>
  Object.fromEntries(result.components.map((c) => [c.component, c]));

describe('the selection score', () => {
  it('adds up every component’s weighted, normalised value to a 0–100 score and shows each part', () => {
    const result = scoreSku(input());
    expect(result.score).toBe(78.8);
    expect(result.applicableWeight).toBe(100);
    const c = byName(result);
    expect(c.margin).toMatchObject({
      raw: 0.5,
      normalised: 1,
      weight: 25,
      points: 25,
      reason: { code: 'margin', params: { marginBp: 5000, targetBp: 5000 } },
    });
    expect(c.commission).toMatchObject({ raw: 0.2, normalised: 0.6667, weight: 15, points: 10 });
    expect(c.conversion).toMatchObject({
      raw: 0.0853,
      normalised: 0.8533,
      points: 21.33,
      reason: {
        code: 'conversion_shrunk',
        params: { clicks: 50, orders: 6, rawRate: 0.12, orgRate: 0.05, priorClicks: 100 },
      },
    });
    expect(c.fit).toMatchObject({
      normalised: 1,
      points: 15,
      reason: { code: 'fit_full', params: { requirementId: 'req_makeup' } },
    });
    expect(c.stock).toMatchObject({
      raw: 0.75,
      normalised: 0.75,
      points: 7.5,
      reason: { code: 'stock_short', params: { available: 150, need: 200, basis: 'product' } },
    });
    expect(c.lowest_price).toMatchObject({
      raw: 0.1266,
      normalised: 0,
      points: 0,
      reason: {
        code: 'lowest_price_above',
        params: { lowestFen: 7900, gapFen: 1000, gapBp: 1266, source: 'platform:douyin', days: 30 },
      },
    });
    expect(result.components.reduce((sum, part) => sum + part.points, 0)).toBeCloseTo(78.83, 1);
  });

  it('leaves out what cannot be judged and shares the 100 points among the rest', () => {
    const result = scoreSku(
      input({ requirements: null, conversion: null, lowestPrice: checkLowestPrice(8900, null) }),
    );
    const c = byName(result);
    expect(c.fit).toMatchObject({ applicable: false, points: 0, reason: { code: 'fit_no_session' } });
    expect(c.conversion).toMatchObject({ applicable: false, reason: { code: 'conversion_no_history' } });
    expect(c.lowest_price).toMatchObject({
      applicable: false,
      reason: { code: 'lowest_price_no_reference', params: { days: 30 } },
    });
    // margin 25 × 1 + commission 15 × 0.6667 + stock 10 × 0.75 over 50 weight.
    expect(result.applicableWeight).toBe(50);
    expect(result.score).toBe(85);
    expect(c.margin?.points).toBe(50);
    expect(scoreSku(input({ requirements: [] })).components[3]?.reason.code).toBe('fit_no_requirements');
  });

  it('gives partial fit when the category matches but the price band does not, and none for another category', () => {
    const partial = byName(scoreSku(input({ requirements: [{ ...requirement, priceMaxFen: 8000 }] }))).fit;
    expect(partial).toMatchObject({
      normalised: 0.6667,
      reason: { code: 'fit_partial', params: { requirementId: 'req_makeup', missed: ['price_band'] } },
    });
    const none = byName(
      scoreSku(input({ requirements: [{ ...requirement, categories: ['cat_food'] }] })),
    ).fit;
    expect(none).toMatchObject({ normalised: 0, points: 0, reason: { code: 'fit_none' } });
    const byCategoryName = byName(
      scoreSku(input({ requirements: [{ ...requirement, categories: ['口红'] }] })),
    ).fit;
    expect(byCategoryName?.reason.code).toBe('fit_full');
  });

  it('scores a price kept at the lowest in full and a price 5 % above it at half', () => {
    const kept = byName(
      scoreSku(input({ lowestPrice: checkLowestPrice(8900, { ...lowest, priceFen: 8900 }) })),
    );
    expect(kept.lowest_price).toMatchObject({ normalised: 1, reason: { code: 'lowest_price_kept' } });
    const fivePercent = byName(
      scoreSku(input({ lowestPrice: checkLowestPrice(8400, { ...lowest, priceFen: 8000 }) })),
    );
    expect(fivePercent.lowest_price?.normalised).toBe(0.5);
  });

  it('takes per-request weights over the defaults, and has no score when nothing weighted applies', () => {
    const marginOnly = resolveWeights({ commission: 0, conversion: 0, fit: 0, stock: 0, lowest_price: 0 });
    expect(marginOnly.margin).toBe(defaultWeights.margin);
    expect(scoreSku(input({ sku: { ...sku, costFen: 6675 } }), marginOnly).score).toBe(50);
    const onlyFit = resolveWeights({ margin: 0, commission: 0, conversion: 0, stock: 0, lowest_price: 0 });
    expect(scoreSku(input({ requirements: null }), onlyFit)).toMatchObject({
      score: null,
      applicableWeight: 0,
    });
  });

  it('gives a loss-making SKU no margin points and an out-of-stock SKU no stock points', () => {
    const c = byName(scoreSku(input({ sku: { ...sku, costFen: 9900, availableStock: 0 } })));
    expect(c.margin).toMatchObject({ raw: -0.1124, normalised: 0, reason: { code: 'margin_negative' } });
    expect(c.stock).toMatchObject({ normalised: 0, reason: { code: 'stock_out' } });
  });
});
