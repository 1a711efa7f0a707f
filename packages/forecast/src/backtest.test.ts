import { describe, expect, it } from 'vitest';
import { defaultSynthetic } from '../test/synthetic-history.js';
import { runBacktest } from './backtest.js';

const history = defaultSynthetic();

describe('rolling-origin backtest', () => {
  const report = runBacktest(history);

  it('holds out every session with enough sessions before it', () => {
    expect(report.sessions).toBe(history.sessions.length - report.minTrainingSessions);
    expect(report.perSession[0]!.trainingSessions).toBe(report.minTrainingSessions);
    expect(report.items).toBe(report.perSession.reduce((s, p) => s + p.items, 0));
  });

  it('beats the last similar session on a history where explain time, price and traffic vary', () => {
    expect(report.model.mape!).toBeLessThan(report.naive.mape!);
    expect(report.model.mape!).toBeLessThan(0.3);
    expect(report.model.sessionMape!).toBeLessThan(report.naive.sessionMape!);
  });

  it('covers roughly the nominal share of actuals with its p10–p90', () => {
    expect(report.coverage.level).toBe(0.8);
    expect(report.coverage.share!).toBeGreaterThan(0.65);
    expect(report.coverage.share!).toBeLessThan(0.95);
  });

  it('never looks at a session’s own sales or later ones', () => {
    // Blow up the last session's sales: no forecast of an earlier session may change.
    const last = history.sessions.at(-1)!.sessionId;
    const spiked = {
      ...history,
      products: history.products.map((p) => (p.sessionId === last ? { ...p, gmvFen: p.gmvFen * 100 } : p)),
    };
    const again = runBacktest(spiked);
    const before = (r: typeof report) =>
      r.itemResults.filter((i) => i.sessionId !== last).map((i) => i.modelGmvFen);
    expect(before(again)).toEqual(before(report));
  });

  it('keeps items that sold nothing out of MAPE but counts them', () => {
    const zeroed = {
      ...history,
      products: history.products.map((p, i) =>
        i % 7 === 0 ? { ...p, gmvFen: 0, units: 0, paidOrders: 0 } : p,
      ),
    };
    const r = runBacktest(zeroed);
    expect(r.zeroActualItems).toBeGreaterThan(0);
    expect(r.model.mape).not.toBeNaN();
    expect(r.model.smape).not.toBeNaN();
  });

  it('holds nothing out when the history is too short, and says so with empty figures', () => {
    const short = { ...history, sessions: history.sessions.slice(0, 5) };
    const r = runBacktest(short);
    expect(r).toMatchObject({ sessions: 0, items: 0, model: { mape: null }, coverage: { share: null } });
  });
});
