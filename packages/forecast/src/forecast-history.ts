import type { SalesHistory } from '@livecloud/analytics';
import type { ForecastHistory } from './forecast-model.types.js';
import type { ForecastCatalogue, ForecastProduct } from './ports.js';

const day = 86_400_000;

/**
 * A session whose last event is this close to the moment of the forecast may still be on air:
 * its sales so far would read as a weak session, so it is not history yet.
 */
export const settleMs = 30 * 60_000;

/** The history a forecast reads, with the catalogue entries of every product it names. */
export interface LoadedHistory {
  history: ForecastHistory;
  catalogue: ReadonlyMap<string, ForecastProduct>;
}

/**
 * Reads the organisation's sessions that started in the look-back window before `until` (minus
 * one session, when a session is forecast after the fact, and minus any still on air: see
 * {@link settleMs}), and looks up in one call the catalogue entries of their products and of
 * `alsoProductIds` (the line-up's).
 */
export async function loadHistory(
  deps: { history: SalesHistory; catalogue: ForecastCatalogue },
  orgId: string,
  options: {
    until: number;
    lookbackDays: number;
    excludeSessionId?: string | null;
    alsoProductIds?: readonly string[];
  },
): Promise<LoadedHistory> {
  const window = { since: Math.max(0, options.until - options.lookbackDays * day), until: options.until };
  const [sessions, products] = await Promise.all([
    deps.history.sessions(orgId, window),
    deps.history.productResults(orgId, window),
  ]);
  const settled = new Set(
    sessions
      .filter((s) => s.sessionId !== options.excludeSessionId && s.endedAt <= options.until - settleMs)
      .map((s) => s.sessionId),
  );
  const keep = (sessionId: string) => settled.has(sessionId);
  const ids = [...new Set([...(options.alsoProductIds ?? []), ...products.map((p) => p.productId)])];
  const found = ids.length === 0 ? [] : await deps.catalogue.products(orgId, ids);
  const catalogue = new Map(found.map((p) => [p.id, p]));
  return {
    history: {
      sessions: sessions.filter((s) => keep(s.sessionId)),
      products: products.filter((p) => keep(p.sessionId)),
      categoryPaths: new Map(found.map((p) => [p.id, p.categoryPath])),
    },
    catalogue,
  };
}

/** A cheap digest of a history (FNV-1a over what the backtest reads), to know when a cached backtest is stale. */
export function historyDigest(history: ForecastHistory): string {
  let h = 0x811c9dc5;
  const mix = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  };
  for (const s of history.sessions)
    mix(`${s.sessionId}|${s.accountId}|${s.startedAt}|${s.endedAt}|${s.entries};`);
  for (const p of history.products) {
    mix(
      `${p.sessionId}|${p.productId}|${p.explainSeconds}|${p.units}|${p.paidOrders}|${p.gmvFen}|${p.refundFen}|${p.mechanism};`,
    );
  }
  for (const [id, path] of [...history.categoryPaths].sort(([a], [b]) => (a < b ? -1 : 1)))
    mix(`${id}:${path.join('>')};`);
  return `${history.sessions.length}:${history.products.length}:${h.toString(16)}`;
}
