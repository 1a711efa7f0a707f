import type { ForecastBasis, IntervalCalibration, RatioBand } from './forecast-model.types.js';
import { quantile } from './linear-solve.js';

/** The central level of every interval: p10–p90. */
export const intervalLevel = 0.8;

/** Item residuals below this many fall back to the default bands; session totals below the second. */
export const minResiduals = 30;
export const minTotalResiduals = 10;

// Default log-scale spread per basis when the backtest has too few residuals: an item with its own
// history is known best, one borrowed from its category less, one from the organisation least.
const defaultSigma: Record<Exclude<ForecastBasis, 'none'>, number> = {
  product: 0.45,
  category: 0.7,
  org: 0.9,
};
const defaultTotalSigma = 0.3;

// z of the normal's 90th percentile: p10–p90 of a log-normal is exp(∓z·σ).
const z90 = 1.2815515655446004;

function lognormalBand(sigma: number): RatioBand {
  return { low: Math.exp(-z90 * sigma), high: Math.exp(z90 * sigma), residuals: 0 };
}

/** The bands used when there are no backtest residuals. */
export function defaultCalibration(): IntervalCalibration {
  return {
    level: intervalLevel,
    method: 'default',
    item: {
      product: lognormalBand(defaultSigma.product),
      category: lognormalBand(defaultSigma.category),
      org: lognormalBand(defaultSigma.org),
    },
    total: lognormalBand(defaultTotalSigma),
  };
}

/** One backtest residual: actual ÷ forecast of an item's GMV, with the basis it was forecast on. */
export interface ItemResidual {
  basis: Exclude<ForecastBasis, 'none'>;
  ratio: number;
}

function bandOf(ratios: readonly number[]): RatioBand {
  const tail = (1 - intervalLevel) / 2;
  return { low: quantile(ratios, tail), high: quantile(ratios, 1 - tail), residuals: ratios.length };
}

/**
 * Interval bands from the empirical distribution of backtest ratios actual ÷ forecast (the same as
 * log-ratio residuals, but an actual of 0 stays usable). A basis with enough residuals gets its own
 * band; a thinner one the pooled band; with too few overall, the default log-normal bands.
 */
export function calibrationFromResiduals(
  items: readonly ItemResidual[],
  totals: readonly number[],
): IntervalCalibration {
  const fallback = defaultCalibration();
  if (items.length < minResiduals) return fallback;
  const pooled = bandOf(items.map((r) => r.ratio));
  const per = (basis: Exclude<ForecastBasis, 'none'>): RatioBand => {
    const own = items.filter((r) => r.basis === basis).map((r) => r.ratio);
    return own.length >= minResiduals ? bandOf(own) : pooled;
  };
  return {
    level: intervalLevel,
    method: 'backtest_residuals',
    item: { product: per('product'), category: per('category'), org: per('org') },
    total: totals.length >= minTotalResiduals ? bandOf(totals) : fallback.total,
  };
}
