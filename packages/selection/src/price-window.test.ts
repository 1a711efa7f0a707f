import { describe, expect, it } from 'vitest';
import {
  checkLowestPrice,
  dayMs,
  describeSource,
  lowestInWindow,
  seriesForSku,
  sessionPoint,
  windowOf,
  type PricePoint,
} from './price-window.js';

const now = Date.UTC(2026, 10, 25, 8);
const red = { productId: 'prd_1', skuId: 'sku_red' };
const blue = { productId: 'prd_1', skuId: 'sku_blue' };

function point(overrides: Partial<PricePoint>): PricePoint {
  return {
    productId: 'prd_1',
    skuId: 'sku_red',
    priceFen: 9900,
    at: now - dayMs,
    source: 'platform',
    platform: 'douyin',
    reference: null,
    observationId: 'pob_1',
    sessionId: null,
    ...overrides,
  };
}

describe('the lowest price in a window', () => {
  const window = windowOf(now, 30);

  it('takes the SKU’s own and the product-wide prices, and ignores other SKUs and products', () => {
    const points = [
      point({ priceFen: 8900, observationId: 'own' }),
      point({ skuId: null, priceFen: 8500, observationId: 'whole' }),
      point({ skuId: 'sku_blue', priceFen: 5000, observationId: 'other' }),
      point({ productId: 'prd_2', skuId: null, priceFen: 100, observationId: 'another product' }),
    ];
    expect(lowestInWindow(points, red, window)?.observationId).toBe('whole');
    expect(lowestInWindow(points, blue, window)?.observationId).toBe('other');
  });

  it('counts a price seen exactly N days ago and leaves out one seen a millisecond earlier', () => {
    const edge = point({ priceFen: 7000, at: now - 30 * dayMs, observationId: 'edge' });
    const older = point({ priceFen: 6000, at: now - 30 * dayMs - 1, observationId: 'older' });
    expect(lowestInWindow([edge, older], red, window)?.observationId).toBe('edge');
    expect(lowestInWindow([older], red, window)).toBeNull();
    expect(lowestInWindow([older], red, windowOf(now, 31))?.priceFen).toBe(6000);
  });

  it('prefers the most recent sighting of an equal lowest price', () => {
    const points = [
      point({ priceFen: 7900, at: now - 10 * dayMs, observationId: 'early' }),
      point({ priceFen: 7900, at: now - 2 * dayMs, observationId: 'late' }),
      point({ priceFen: 8000, at: now - dayMs, observationId: 'higher' }),
    ];
    expect(lowestInWindow(points, red, window)?.observationId).toBe('late');
  });

  it('reads a session’s lowest paid unit price as a product-wide point, and none when nothing was paid', () => {
    const record = {
      sessionId: 'ses_1',
      productId: 'prd_1',
      skuId: '',
      startedAt: now - 3 * dayMs,
      explainSeconds: 600,
      impressions: 1000,
      clicks: 100,
      paidOrders: 10,
      units: 12,
      gmvFen: 100_000,
      refundFen: 0,
      minUnitPriceFen: 7600,
      accountId: '',
      source: '',
      explainSegments: 1,
      refundedOrders: 0,
      listedPriceFen: null,
      mechanism: null,
    };
    const session = sessionPoint(record);
    expect(session).toMatchObject({ skuId: null, priceFen: 7600, source: 'session', sessionId: 'ses_1' });
    expect(describeSource(session!)).toBe('session:ses_1');
    expect(sessionPoint({ ...record, minUnitPriceFen: null })).toBeUndefined();
    expect(sessionPoint({ ...record, skuId: 'sku_red' })?.skuId).toBe('sku_red');
  });
});

describe('the lowest-price check', () => {
  it('flags a live price above the lowest with the gap in fen and basis points', () => {
    const check = checkLowestPrice(8900, point({ priceFen: 7900 }));
    expect(check).toMatchObject({ flagged: true, gapFen: 1000, gapBp: 1266 });
  });

  it('does not flag a live price equal to or below the lowest, nor one with no reference', () => {
    expect(checkLowestPrice(7900, point({ priceFen: 7900 }))).toMatchObject({ flagged: false, gapFen: 0 });
    expect(checkLowestPrice(7000, point({ priceFen: 7900 }))).toMatchObject({
      flagged: false,
      gapFen: -900,
      gapBp: -1139,
    });
    expect(checkLowestPrice(7000, null)).toEqual({ lowest: null, flagged: false, gapFen: null, gapBp: null });
  });

  it('names the source the line-up check prints', () => {
    expect(describeSource(point({ source: 'import', platform: 'jd' }))).toBe('import:jd');
    expect(describeSource(point({ source: 'manual', platform: null }))).toBe('manual');
  });
});

describe('a SKU’s price series', () => {
  it('merges its own and product-wide points oldest first', () => {
    const series = seriesForSku(
      [
        point({ at: now - dayMs, observationId: 'b' }),
        point({ skuId: null, at: now - 5 * dayMs, observationId: 'a' }),
        point({ skuId: 'sku_blue', at: now - 3 * dayMs, observationId: 'x' }),
      ],
      red,
    );
    expect(series.map((p) => p.observationId)).toEqual(['a', 'b']);
  });
});
