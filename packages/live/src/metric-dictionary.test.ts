import { describe, expect, it } from 'vitest';
import { compareBytes, completeTotals, dwellMsOf, funnelOf, ratesOf, ratio } from './metric-dictionary.js';

const totals = completeTotals({
  gmvFen: 1_000_00,
  refundFen: 150_00,
  refunds: 2,
  paidOrders: 8,
  ordersCreated: 10,
  buyers: 6,
  peakOnline: 40,
  uv: 120,
  pv: 200,
  exits: 170,
  totalDwellMs: 9_000_000,
  bounces: 50,
  oneMinuteViews: 60,
  impressions: 400,
  clicks: 30,
  cartAdds: 12,
  adSpendFen: 250_00,
  newFollowers: 9,
  fanClubJoins: 3,
  comments: 70,
  likes: 300,
  shares: 5,
});

describe('metric dictionary (SPEC §4)', () => {
  it('keeps both terms of a ratio and has no value when the denominator is 0', () => {
    expect(ratio(3, 4)).toEqual({ numerator: 3, denominator: 4, value: 0.75 });
    expect(ratio(3, 0)).toEqual({ numerator: 3, denominator: 0, value: null });
    expect(ratio(5, 2, 1000).value).toBe(2500);
  });

  it('derives net GMV and online now from the counts, online never below 0', () => {
    expect(totals.netGmvFen).toBe(850_00);
    expect(totals.onlineNow).toBe(30);
    expect(completeTotals({ ...totals, pv: 1, exits: 3 }).onlineNow).toBe(0);
  });

  it('computes every rate as the dictionary defines it', () => {
    const r = ratesOf(totals);
    expect(r.averageDwellMs.value).toBe(45_000);
    expect(r.bounceRate2s.value).toBe(0.25);
    expect(r.oneMinuteViewRate.value).toBe(0.3);
    expect(r.ctr.value).toBe(0.075);
    expect(r.conversionRate).toEqual({ numerator: 6, denominator: 120, value: 0.05 });
    expect(r.gpm).toEqual({ numerator: 1_000_00, denominator: 200, value: 500_000 });
    expect(r.uvValue.value).toBe(1_000_00 / 120);
    expect(r.aov.value).toBe(12_500);
    expect(r.roi.value).toBe(4);
    expect(r.interactionRate).toEqual({ numerator: 375, denominator: 120, value: 375 / 120 });
    expect(r.followerConversion.value).toBe(9 / 120);
    expect(r.refundRate.value).toBe(0.15);
  });

  it('builds the funnel with step-to-step and from-the-top rates', () => {
    const funnel = funnelOf({ views: 200, oneMinuteViews: 60, clicks: 30, orders: 10, pays: 8 });
    expect(funnel.map((s) => s.step)).toEqual(['views', 'oneMinuteViews', 'clicks', 'orders', 'pays']);
    expect(funnel[0]?.fromPrevious.value).toBe(1);
    expect(funnel[2]?.fromPrevious).toEqual({ numerator: 30, denominator: 60, value: 0.5 });
    expect(funnel[4]?.fromFirst).toEqual({ numerator: 8, denominator: 200, value: 0.04 });
  });

  it('accepts only a non-negative integer dwellMs', () => {
    expect(dwellMsOf({ dwellMs: 1999 })).toBe(1999);
    expect(dwellMsOf({ dwellMs: 0 })).toBe(0);
    for (const bad of [-1, 1.5, '2000', null, Number.MAX_SAFE_INTEGER + 1, Number.NaN]) {
      expect(dwellMsOf({ dwellMs: bad })).toBeUndefined();
    }
    expect(dwellMsOf({})).toBeUndefined();
  });

  it('orders text by UTF-8 bytes, as Redis and ClickHouse do', () => {
    // U+FF5E sorts after U+1F600 in UTF-16 units but before it in UTF-8 bytes.
    expect(compareBytes('\uFF5E', '😀')).toBeLessThan(0);
    expect('\uFF5E' < '😀').toBe(false);
    expect(compareBytes('a', 'a')).toBe(0);
  });
});
