import type { ForecastBasis, ForecastHistory, ForecastItemInput } from './forecast-model.types.js';
import { calibrationFromResiduals, intervalLevel, type ItemResidual } from './intervals.js';
import { forecastLineup } from './lineup-forecast.js';
import { fitModel } from './model-fit.js';
import { naiveItemGmv } from './naive-baseline.js';
import {
  defaultModelOptions,
  historyBefore,
  mechanismOf,
  recordPriceFen,
  type ModelOptions,
} from './training-set.js';

/** Knobs of a backtest. */
export interface BacktestOptions {
  /** A session is held out only when at least this many sessions started before it. */
  minTrainingSessions: number;
  /** Hold out only the latest this many eligible sessions (the service bounds its work). */
  maxHeldOutSessions: number;
  model: ModelOptions;
}

export const defaultBacktestOptions: BacktestOptions = {
  minTrainingSessions: 5,
  maxHeldOutSessions: 60,
  model: defaultModelOptions,
};

/** Accuracy of one forecaster over the held-out items. */
export interface Accuracy {
  /** Mean |forecast − actual| ÷ actual over items that sold (actual GMV > 0); null when none did. */
  mape: number | null;
  /** Mean 2·|f − a| ÷ (|f| + |a|) over every item (0 when both are 0): items that sold nothing count too. */
  smape: number | null;
  /** MAPE of each held-out session's line-up total. */
  sessionMape: number | null;
}

/** One held-out session: what its line-up took and what each forecaster said. */
export interface BacktestSession {
  sessionId: string;
  startedAt: number;
  trainingSessions: number;
  items: number;
  actualGmvFen: number;
  modelGmvFen: number;
  naiveGmvFen: number;
}

/** One held-out item. */
export interface BacktestItem {
  sessionId: string;
  productId: string;
  basis: Exclude<ForecastBasis, 'none'>;
  actualGmvFen: number;
  modelGmvFen: number;
  lowGmvFen: number;
  highGmvFen: number;
  naiveGmvFen: number;
}

/** The result of a rolling-origin backtest, model against the naive baseline. */
export interface BacktestReport {
  minTrainingSessions: number;
  /** Sessions held out and forecast. */
  sessions: number;
  /** Sessions with too little history before them. */
  skippedSessions: number;
  items: number;
  /** Items that sold nothing: outside MAPE, inside sMAPE and coverage. */
  zeroActualItems: number;
  model: Accuracy;
  naive: Accuracy;
  /** Share of held-out items whose actual GMV fell inside the forecast's p10–p90. */
  coverage: { level: number; share: number | null; items: number };
  perSession: BacktestSession[];
  itemResults: BacktestItem[];
  /** Actual ÷ forecast GMV per item and per session total, to calibrate later intervals. */
  residuals: { items: ItemResidual[]; totals: number[] };
}

function accuracy(
  pairs: readonly { f: number; a: number }[],
  totals: readonly { f: number; a: number }[],
): Accuracy {
  const sold = pairs.filter((p) => p.a > 0);
  const mean = (values: number[]) =>
    values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length;
  const soldTotals = totals.filter((p) => p.a > 0);
  return {
    mape: mean(sold.map((p) => Math.abs(p.f - p.a) / p.a)),
    smape: mean(
      pairs.map((p) =>
        p.f === 0 && p.a === 0 ? 0 : (2 * Math.abs(p.f - p.a)) / (Math.abs(p.f) + Math.abs(p.a)),
      ),
    ),
    sessionMape: mean(soldTotals.map((p) => Math.abs(p.f - p.a) / p.a)),
  };
}

/**
 * Rolling-origin backtest. Sessions are taken in order of start; each one with at least
 * `minTrainingSessions` sessions before it is held out and its actual line-up forecast — the
 * products it explained, for as long as it explained them, at the prices they sold at (announced
 * price when nothing sold), with the mechanism it ran — from the sessions before it only. Intervals
 * for a held-out session come from the residuals of the sessions held out before it, so the
 * coverage is what an operator would have seen. The naive baseline is {@link naiveItemGmv}.
 *
 * Stock allocations are not in the event store, so backtest forecasts are uncapped.
 */
export function runBacktest(
  history: ForecastHistory,
  options: Partial<BacktestOptions> = {},
): BacktestReport {
  const o = { ...defaultBacktestOptions, ...options };
  const ordered = [...history.sessions].sort(
    (a, b) => a.startedAt - b.startedAt || (a.sessionId < b.sessionId ? -1 : 1),
  );
  const eligible = ordered.filter((_, i) => i >= o.minTrainingSessions);
  const heldOut = eligible.slice(Math.max(0, eligible.length - o.maxHeldOutSessions));
  const residualItems: ItemResidual[] = [];
  const residualTotals: number[] = [];
  const perSession: BacktestSession[] = [];
  const itemResults: BacktestItem[] = [];
  let skipped = ordered.length - heldOut.length;

  for (const session of heldOut) {
    const before = historyBefore(history, session.startedAt);
    const model = fitModel(before, session.startedAt, o.model);
    const lastPrice = new Map<string, number>();
    for (const r of before.products) {
      const p = recordPriceFen(r);
      if (p !== undefined && p > 0) lastPrice.set(r.productId, p);
    }
    const actual = history.products.filter(
      (r) => r.sessionId === session.sessionId && r.explainSeconds >= o.model.minExplainSeconds,
    );
    const items: (ForecastItemInput & { actual: number })[] = [];
    for (const r of actual) {
      const price = recordPriceFen(r) ?? lastPrice.get(r.productId);
      if (price === undefined || price <= 0) continue;
      items.push({
        key: r.productId,
        productId: r.productId,
        skuId: r.skuId,
        livePriceFen: price,
        explainMinutes: r.explainSeconds / 60,
        mechanism: mechanismOf(r.mechanism),
        stockAllocation: null,
        categoryPath: history.categoryPaths.get(r.productId) ?? [],
        actual: r.gmvFen,
      });
    }
    if (model === undefined || items.length === 0) {
      skipped += 1;
      continue;
    }
    const calibration = calibrationFromResiduals(residualItems, residualTotals);
    const forecast = forecastLineup(
      model,
      items.map((i) => ({ ...i, costFen: null, commissionBp: null })),
      {
        accountId: session.accountId === '' ? null : session.accountId,
        asOf: session.startedAt,
        platformFeeBp: 0,
      },
      calibration,
    );
    const results = items.map((item, i) => {
      const f = forecast.items[i]!;
      return {
        sessionId: session.sessionId,
        productId: item.productId,
        basis: f.basis,
        actualGmvFen: item.actual,
        modelGmvFen: f.gmvFen.point,
        lowGmvFen: f.gmvFen.low,
        highGmvFen: f.gmvFen.high,
        naiveGmvFen: naiveItemGmv(before, item.productId, item.categoryPath)?.gmvFen ?? 0,
      };
    });
    itemResults.push(...results);
    for (const r of results) {
      if (r.modelGmvFen > 0) residualItems.push({ basis: r.basis, ratio: r.actualGmvFen / r.modelGmvFen });
    }
    const total = (pick: (r: BacktestItem) => number) => results.reduce((s, r) => s + pick(r), 0);
    const row: BacktestSession = {
      sessionId: session.sessionId,
      startedAt: session.startedAt,
      trainingSessions: before.sessions.length,
      items: results.length,
      actualGmvFen: total((r) => r.actualGmvFen),
      modelGmvFen: total((r) => r.modelGmvFen),
      naiveGmvFen: total((r) => r.naiveGmvFen),
    };
    if (row.modelGmvFen > 0) residualTotals.push(row.actualGmvFen / row.modelGmvFen);
    perSession.push(row);
  }

  const pairsOf = (pick: (r: BacktestItem) => number) =>
    itemResults.map((r) => ({ f: pick(r), a: r.actualGmvFen }));
  const totalsOf = (pick: (r: BacktestSession) => number) =>
    perSession.map((s) => ({ f: pick(s), a: s.actualGmvFen }));
  const inside = itemResults.filter((r) => r.lowGmvFen <= r.actualGmvFen && r.actualGmvFen <= r.highGmvFen);
  return {
    minTrainingSessions: o.minTrainingSessions,
    sessions: perSession.length,
    skippedSessions: skipped,
    items: itemResults.length,
    zeroActualItems: itemResults.filter((r) => r.actualGmvFen === 0).length,
    model: accuracy(
      pairsOf((r) => r.modelGmvFen),
      totalsOf((s) => s.modelGmvFen),
    ),
    naive: accuracy(
      pairsOf((r) => r.naiveGmvFen),
      totalsOf((s) => s.naiveGmvFen),
    ),
    coverage: {
      level: intervalLevel,
      share: itemResults.length === 0 ? null : inside.length / itemResults.length,
      items: itemResults.length,
    },
    perSession,
    itemResults,
    residuals: { items: residualItems, totals: residualTotals },
  };
}
