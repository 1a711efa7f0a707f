import { describe, expect, it } from 'vitest';
import { defaultPlatformFeeBp, platformFeeBpOf, profitOf, sumProfit } from './profit.js';

describe('profit of an item', () => {
  it('is net GMV minus cost of the kept units, commission and platform fee, in whole fen', () => {
    const p = profitOf({
      gmvFen: 100_000,
      refundFen: 20_000,
      units: 10,
      costFen: 3_000,
      commissionBp: 1_500,
      platformFeeBp: 500,
    });
    expect(p).toEqual({
      gmvFen: 100_000,
      refundFen: 20_000,
      netGmvFen: 80_000,
      // 80% of the 10 units are kept.
      costOfGoodsFen: 24_000,
      commissionFen: 12_000,
      platformFeeFen: 4_000,
      mechanismCostFen: 0,
      profitFen: 40_000,
    });
    expect(
      Number.isInteger(
        profitOf({ ...p, units: 3, costFen: 333, commissionBp: 333, platformFeeBp: 7 }).profitFen,
      ),
    ).toBe(true);
  });

  it('takes what the mechanism gives away off the profit, up to the quantity issued', () => {
    const base = {
      gmvFen: 100_000,
      refundFen: 0,
      units: 10,
      costFen: 3_000,
      commissionBp: 0,
      platformFeeBp: 0,
    };
    const coupon = profitOf({ ...base, mechanismCost: { perUnitFen: 1_000, limit: 4 } });
    expect(coupon.mechanismCostFen).toBe(4_000);
    expect(coupon.profitFen).toBe(profitOf(base).profitFen - 4_000);
    expect(profitOf({ ...base, mechanismCost: { perUnitFen: 500, limit: null } }).mechanismCostFen).toBe(
      5_000,
    );
  });

  it('adds breakdowns term by term', () => {
    const a = profitOf({
      gmvFen: 1_000,
      refundFen: 0,
      units: 1,
      costFen: 400,
      commissionBp: 1_000,
      platformFeeBp: 500,
    });
    const total = sumProfit([a, a]);
    expect(total.profitFen).toBe(2 * a.profitFen);
    expect(total.costOfGoodsFen).toBe(800);
  });

  it('reads the platform fee from the table, or the default for a platform it does not name', () => {
    expect(platformFeeBpOf(defaultPlatformFeeBp, 'taobao')).toEqual({ bp: 300, known: true });
    expect(platformFeeBpOf(defaultPlatformFeeBp, 'bilibili')).toEqual({ bp: 500, known: false });
    expect(platformFeeBpOf({ douyin: 100 }, null)).toEqual({ bp: 500, known: false });
  });
});
