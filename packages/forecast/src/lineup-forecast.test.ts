import { describe, expect, it } from 'vitest';
import { day, defaultSynthetic } from '../test/synthetic-history.js';
import type { ForecastItemInput } from './forecast-model.types.js';
import { defaultCalibration } from './intervals.js';
import { forecastItem, forecastLineup, type ItemEconomics } from './lineup-forecast.js';
import { fitModel } from './model-fit.js';

const history = defaultSynthetic();
const asOf = Math.max(...history.sessions.map((s) => s.startedAt)) + day;
const model = fitModel(history, asOf)!;
const calibration = defaultCalibration();
const context = { accountId: 'acc_big', asOf, platformFeeBp: 500 };

function item(overrides: Partial<ForecastItemInput & ItemEconomics> = {}): ForecastItemInput & ItemEconomics {
  return {
    key: '1',
    productId: 'prd_serum',
    skuId: 'prd_serum_sku',
    livePriceFen: 25_900,
    explainMinutes: 10,
    mechanism: 'none',
    stockAllocation: null,
    categoryPath: ['cat_skincare', 'cat_beauty'],
    costFen: 8_900,
    commissionBp: 2_000,
    ...overrides,
  };
}

describe('fitting the model', () => {
  it('recovers the slopes of the process that generated the history', () => {
    expect(model.slopes.minutes).toBeGreaterThan(0.7);
    expect(model.slopes.minutes).toBeLessThan(0.9);
    expect(model.slopes.traffic).toBeGreaterThan(0.7);
    expect(model.slopes.traffic).toBeLessThan(1.3);
    expect(Math.exp(model.slopes.mechanism.flash_sale)).toBeGreaterThan(1.5);
    expect(Math.exp(model.slopes.mechanism.flash_sale)).toBeLessThan(2.1);
    expect(model.slopes.mechanism.none).toBe(0);
  });

  it('keeps a mechanism it has never seen at its prior rather than inventing a factor', () => {
    // The synthetic history never runs a giveaway (福袋).
    expect(Math.exp(model.slopes.mechanism.giveaway)).toBeCloseTo(1.1, 2);
  });

  it('cannot fit without a single explained product', () => {
    expect(fitModel({ sessions: [], products: [], categoryPaths: new Map() }, asOf)).toBeUndefined();
    const muted = { ...history, products: history.products.map((p) => ({ ...p, explainSeconds: 0 })) };
    expect(fitModel(muted, asOf)).toBeUndefined();
  });

  it('uses only sessions that started before the moment of the forecast', () => {
    const early = fitModel(history, history.sessions[10]!.startedAt)!;
    expect(early.sessions).toBe(10);
    expect(fitModel(history, history.sessions[0]!.startedAt)).toBeUndefined();
  });
});

describe('forecasting an item', () => {
  it('says its basis: the product’s own history, its category’s, or the organisation’s', () => {
    const own = forecastItem(model, item(), context, calibration);
    expect(own.basis).toBe('product');
    expect(own.basisSessions).toBeGreaterThan(5);

    const newSerum = forecastItem(model, item({ productId: 'prd_new_essence' }), context, calibration);
    expect(newSerum).toMatchObject({ basis: 'category', basisCategoryId: 'cat_skincare' });

    const newCategory = forecastItem(
      model,
      item({ productId: 'prd_new_shampoo', categoryPath: ['cat_haircare', 'cat_beauty'] }),
      context,
      calibration,
    );
    expect(newCategory).toMatchObject({ basis: 'category', basisCategoryId: 'cat_beauty' });

    const unknown = forecastItem(
      model,
      item({ productId: 'prd_mystery', categoryPath: [] }),
      context,
      calibration,
    );
    expect(unknown).toMatchObject({ basis: 'org', basisCategoryId: null });
    expect(unknown.gmvFen.point).toBeGreaterThan(0);
  });

  it('sells more with more explain time, a stronger mechanism and a bigger account', () => {
    const base = forecastItem(model, item(), context, calibration).gmvFen.point;
    expect(
      forecastItem(model, item({ explainMinutes: 20 }), context, calibration).gmvFen.point,
    ).toBeGreaterThan(base * 1.4);
    expect(
      forecastItem(model, item({ mechanism: 'flash_sale' }), context, calibration).gmvFen.point,
    ).toBeGreaterThan(base * 1.4);
    const small = forecastItem(model, item(), { ...context, accountId: 'acc_small' }, calibration);
    expect(small.gmvFen.point).toBeLessThan(base / 2);
    expect(small.factors.traffic).toBeLessThan(1);
  });

  it('adjusts for a price against the price the product usually sold at', () => {
    const usual = forecastItem(model, item(), context, calibration);
    const cheaper = forecastItem(model, item({ livePriceFen: 19_900 }), context, calibration);
    expect(cheaper.factors.price).toBeLessThan(1);
    // GMV falls less than the price does: more units sell at the lower price.
    expect(cheaper.units.point).toBeGreaterThan(usual.units.point);
  });

  it('caps units and GMV at the stock allocation, interval included', () => {
    const free = forecastItem(model, item({ explainMinutes: 30 }), context, calibration);
    const cap = Math.floor(free.units.point / 2);
    const capped = forecastItem(
      model,
      item({ explainMinutes: 30, stockAllocation: cap }),
      context,
      calibration,
    );
    expect(capped.stockCapped).toBe(true);
    expect(capped.units.point).toBe(cap);
    expect(capped.units.high).toBe(cap);
    expect(capped.gmvFen.point).toBe(cap * 25_900);
    expect(capped.gmvFen.high).toBe(cap * 25_900);
  });

  it('derives orders, refunds and profit terms from the GMV, each with an interval around the point', () => {
    const f = forecastItem(model, item(), context, calibration);
    for (const r of [f.gmvFen, f.units, f.paidOrders, f.refundFen, f.profitFen!]) {
      expect(r.low).toBeLessThanOrEqual(r.point);
      expect(r.point).toBeLessThanOrEqual(r.high);
    }
    expect(f.refundRate).toBeGreaterThan(0.12);
    expect(f.refundRate).toBeLessThan(0.18);
    const p = f.profit!;
    expect(p.gmvFen).toBe(f.gmvFen.point);
    expect(p.netGmvFen).toBe(p.gmvFen - p.refundFen);
    expect(p.profitFen).toBe(p.netGmvFen - p.costOfGoodsFen - p.commissionFen - p.platformFeeFen);
    expect(p.commissionFen).toBe(Math.round(p.netGmvFen * 0.2));
    expect(p.platformFeeFen).toBe(Math.round(p.netGmvFen * 0.05));
  });

  it('leaves profit out when the unit cost is unknown, never as zero', () => {
    const f = forecastItem(model, item({ costFen: null }), context, calibration);
    expect(f.profit).toBeNull();
    expect(f.profitFen).toBeNull();
  });
});

describe('forecasting a line-up', () => {
  it('adds items up into totals with an interval from the total band', () => {
    const items = [
      item({ key: 'a' }),
      item({ key: 'b', productId: 'prd_nuts', livePriceFen: 7_990, costFen: null }),
    ];
    const f = forecastLineup(model, items, context, calibration);
    expect(f.items.map((i) => i.key)).toEqual(['a', 'b']);
    expect(f.totals.gmvFen.point).toBe(f.items[0]!.gmvFen.point + f.items[1]!.gmvFen.point);
    expect(f.totals.gmvFen.low).toBeLessThan(f.totals.gmvFen.point);
    expect(f.totals.gmvFen.high).toBeGreaterThan(f.totals.gmvFen.point);
    // Profit covers the one item with a cost and says so.
    expect(f.totals.profitItems).toBe(1);
    expect(f.totals.profit!.profitFen).toBe(f.items[0]!.profit!.profitFen);
  });

  it('totals a one-item line-up to that item, its interval included', () => {
    const f = forecastLineup(model, [item({ key: 'only' })], context, calibration);
    expect(f.totals.gmvFen).toEqual(f.items[0]!.gmvFen);
    expect(f.totals.paidOrders).toEqual(f.items[0]!.paidOrders);
    expect(f.totals.profitFen).toEqual(f.items[0]!.profitFen);
  });
});
