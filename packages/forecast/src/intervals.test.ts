import { describe, expect, it } from 'vitest';
import {
  calibrationFromResiduals,
  defaultCalibration,
  minResiduals,
  type ItemResidual,
} from './intervals.js';
import { quantile } from './linear-solve.js';

describe('interval calibration', () => {
  it('falls back to log-normal defaults, widest for the organisation basis, without enough residuals', () => {
    const c = calibrationFromResiduals([{ basis: 'product', ratio: 1 }], [1]);
    expect(c).toEqual(defaultCalibration());
    expect(c.method).toBe('default');
    expect(c.item.product.low).toBeCloseTo(Math.exp(-1.2816 * 0.45), 3);
    expect(c.item.org.high).toBeGreaterThan(c.item.category.high);
    expect(c.item.category.high).toBeGreaterThan(c.item.product.high);
  });

  it('takes p10 and p90 of actual ÷ forecast, per basis when a basis has enough of its own', () => {
    const product: ItemResidual[] = Array.from({ length: 50 }, (_, i) => ({
      basis: 'product',
      ratio: 0.5 + i / 49,
    }));
    const category: ItemResidual[] = Array.from({ length: 5 }, () => ({ basis: 'category', ratio: 3 }));
    const totals = Array.from({ length: 12 }, (_, i) => 0.9 + i / 55);
    const c = calibrationFromResiduals([...product, ...category], totals);
    expect(c.method).toBe('backtest_residuals');
    expect(c.item.product.low).toBeCloseTo(
      quantile(
        product.map((r) => r.ratio),
        0.1,
      ),
      10,
    );
    expect(c.item.product.high).toBeCloseTo(
      quantile(
        product.map((r) => r.ratio),
        0.9,
      ),
      10,
    );
    // Five category residuals are too few: the pooled band stands in.
    expect(c.item.category.residuals).toBe(product.length + category.length);
    expect(c.total.residuals).toBe(12);
    expect(minResiduals).toBeGreaterThan(5);
  });

  it('keeps an actual of zero as a ratio of zero rather than losing it to a logarithm', () => {
    const items: ItemResidual[] = Array.from({ length: 40 }, (_, i) => ({
      basis: 'product',
      ratio: i < 8 ? 0 : 1,
    }));
    expect(calibrationFromResiduals(items, []).item.product.low).toBe(0);
  });
});
