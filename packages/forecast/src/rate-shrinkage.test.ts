import { describe, expect, it } from 'vitest';
import { day, defaultSynthetic } from '../test/synthetic-history.js';
import { fitRates } from './rate-shrinkage.js';
import { defaultModelOptions } from './training-set.js';

describe('refund and units-per-order rates', () => {
  const history = defaultSynthetic();
  const asOf = history.sessions.at(-1)!.startedAt + day;

  it('gives each product about its own refund rate once it has history, and a category rate otherwise', () => {
    const rates = fitRates(history, asOf, defaultModelOptions);
    expect(rates.refundRate('prd_serum', ['cat_skincare', 'cat_beauty'])).toBeCloseTo(0.15, 2);
    expect(rates.refundRate('prd_bread', ['cat_snacks', 'cat_food'])).toBeCloseTo(0.04, 2);
    const newSnack = rates.refundRate('prd_new', ['cat_snacks', 'cat_food']);
    expect(newSnack).toBeGreaterThan(0.04);
    expect(newSnack).toBeLessThan(0.06);
    expect(rates.unitsPerOrder('prd_serum', [])).toBe(1);
  });

  it('reads refund rates from sessions old enough for late refunds to be in', () => {
    // Recent sessions have no refunds yet: they must not pull the rate down.
    const recent = asOf - defaultModelOptions.refundMaturityDays * day;
    const fresh = {
      ...history,
      products: history.products.map((p) => (p.startedAt > recent ? { ...p, refundFen: 0 } : p)),
    };
    const rates = fitRates(fresh, asOf, defaultModelOptions);
    expect(rates.refundRate('prd_serum', ['cat_skincare', 'cat_beauty'])).toBeCloseTo(0.15, 2);
    expect(rates.refundSessions).toBeLessThan(history.sessions.length);
  });
});
