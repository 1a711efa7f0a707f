import type { ProductSalesRecord, SessionSalesRecord } from '@livecloud/analytics';
import type { ForecastHistory, MechanismKind } from './forecast-model.types.js';
import { mechanismKinds } from './forecast-model.types.js';
import { median } from './linear-solve.js';

/** Knobs of the model; the defaults are what the backtest and the service use. */
export interface ModelOptions {
  /** A past session counts half as much after this many days. */
  halfLifeDays: number;
  /** A product explained for less than this in a session is not an observation of explain selling. */
  minExplainSeconds: number;
  /** Refund rates come from sessions at least this old, once there are any: refunds trail payments by days. */
  refundMaturityDays: number;
  /** The account's latest sessions that set the traffic level of its next one. */
  recentSessions: number;
}

export const defaultModelOptions: ModelOptions = {
  halfLifeDays: 90,
  minExplainSeconds: 30,
  refundMaturityDays: 7,
  recentSessions: 5,
};

const day = 86_400_000;

/** One product explained in one past session, ready for fitting. */
export interface Observation {
  record: ProductSalesRecord;
  session: SessionSalesRecord;
  minutes: number;
  /** What a unit sold for: realised (GMV ÷ units), else announced, else the product's usual price. */
  priceFen: number;
  mechanism: MechanismKind;
  /** log(GMV + half a unit's price): finite for a product that sold nothing. */
  y: number;
  /** Recency weight in (0, 1]. */
  weight: number;
}

/** log(GMV + ½ price), the scale the model works on; its inverse is {@link gmvFromLog}. */
export function logGmv(gmvFen: number, priceFen: number): number {
  return Math.log(gmvFen + 0.5 * priceFen);
}

/** GMV in fen from the model's scale, never below zero. */
export function gmvFromLog(y: number, priceFen: number): number {
  return Math.max(0, Math.exp(y) - 0.5 * priceFen);
}

/** A mechanism word from the events, as one the model knows; anything else counts as none. */
export function mechanismOf(value: string | null): MechanismKind {
  return (mechanismKinds as readonly string[]).includes(value ?? '') ? (value as MechanismKind) : 'none';
}

/** Sessions that started before `asOf`, and their product records. */
export function historyBefore(history: ForecastHistory, asOf: number): ForecastHistory {
  return {
    sessions: history.sessions.filter((s) => s.startedAt < asOf),
    products: history.products.filter((p) => p.startedAt < asOf),
    categoryPaths: history.categoryPaths,
  };
}

/** Realised unit price of a record, else the price announced on screen; undefined when neither is known. */
export function recordPriceFen(record: ProductSalesRecord): number | undefined {
  if (record.units > 0 && record.gmvFen > 0) return Math.round(record.gmvFen / record.units);
  return record.listedPriceFen ?? undefined;
}

/** The observations of explain selling in the history, weighted by recency at `asOf`. */
export function observationsOf(history: ForecastHistory, asOf: number, options: ModelOptions): Observation[] {
  const sessions = new Map(history.sessions.map((s) => [s.sessionId, s]));
  const usualPrice = new Map<string, number>();
  const prices = new Map<string, number[]>();
  for (const r of history.products) {
    const price = recordPriceFen(r);
    if (price !== undefined && price > 0)
      prices.set(r.productId, [...(prices.get(r.productId) ?? []), price]);
  }
  for (const [id, list] of prices) usualPrice.set(id, median(list));
  const out: Observation[] = [];
  for (const record of history.products) {
    const session = sessions.get(record.sessionId);
    if (session === undefined || record.explainSeconds < options.minExplainSeconds) continue;
    const priceFen = recordPriceFen(record) ?? usualPrice.get(record.productId);
    if (priceFen === undefined || priceFen <= 0) continue;
    out.push({
      record,
      session,
      minutes: record.explainSeconds / 60,
      priceFen,
      mechanism: mechanismOf(record.mechanism),
      y: logGmv(record.gmvFen, priceFen),
      weight: 0.5 ** (Math.max(0, asOf - session.startedAt) / (options.halfLifeDays * day)),
    });
  }
  return out;
}

/** Entries per minute of a session, the traffic measure; undefined when it recorded no entries. */
export function entriesPerMinute(session: SessionSalesRecord): number | undefined {
  if (session.entries <= 0) return undefined;
  return session.entries / Math.max(1, (session.endedAt - session.startedAt) / 60_000);
}

/** The traffic level of sessions and of an account's next one, on a log scale around the org's norm. */
export interface TrafficModel {
  /** False when too few sessions report entries to say anything about traffic. */
  enabled: boolean;
  /** log(entries per minute) of a session relative to the reference; 0 when unknown. */
  sessionLog(sessionId: string): number;
  /** The expected level of the account's next session, and how many of its sessions say so. */
  nextLevel(accountId: string | null): { log: number; sessions: number };
}

/**
 * Traffic: a session's entries per minute against the geometric mean over all sessions. An account's
 * next session is expected at the recency-weighted mean of its latest sessions, shrunk toward the
 * organisation's latest sessions by one session's worth, since one session is a noisy guide.
 */
export function trafficModel(sessions: readonly SessionSalesRecord[], options: ModelOptions): TrafficModel {
  const logs = new Map<string, number>();
  for (const s of sessions) {
    const rate = entriesPerMinute(s);
    if (rate !== undefined) logs.set(s.sessionId, Math.log(rate));
  }
  const enabled = logs.size >= 3 && logs.size >= sessions.length / 2;
  if (!enabled) return { enabled, sessionLog: () => 0, nextLevel: () => ({ log: 0, sessions: 0 }) };
  const ref = [...logs.values()].reduce((a, b) => a + b, 0) / logs.size;
  const latest = (list: readonly SessionSalesRecord[]) => {
    const known = list.filter((s) => logs.has(s.sessionId)).sort((a, b) => b.startedAt - a.startedAt);
    const take = known.slice(0, options.recentSessions);
    let sum = 0;
    let weights = 0;
    take.forEach((s, rank) => {
      const w = 0.75 ** rank;
      sum += w * (logs.get(s.sessionId)! - ref);
      weights += w;
    });
    return { mean: weights === 0 ? 0 : sum / weights, n: take.length };
  };
  const org = latest(sessions);
  return {
    enabled,
    sessionLog: (id) => (logs.has(id) ? logs.get(id)! - ref : 0),
    nextLevel: (accountId) => {
      const own =
        accountId === null ? { mean: 0, n: 0 } : latest(sessions.filter((s) => s.accountId === accountId));
      return { log: (own.n * own.mean + org.mean) / (own.n + 1), sessions: own.n };
    },
  };
}

/** Whether a session is old enough for its refunds to be mostly in. */
export function refundMature(session: SessionSalesRecord, asOf: number, options: ModelOptions): boolean {
  return asOf - session.startedAt >= options.refundMaturityDays * day;
}
