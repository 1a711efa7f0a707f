import type { ProductSalesRecord } from '@livecloud/analytics';
import type { ForecastHistory } from './forecast-model.types.js';

/** What the naive baseline fell back to for an item. */
export type NaiveSource = 'product' | 'category' | 'org';

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * The naive forecast the model must beat, "the last similar session": an item's GMV as it was in
 * the most recent earlier session that sold the same product; else the average item GMV of the
 * same category in the most recent session that sold that category; else the average item GMV of
 * the organisation's last session. Unscaled: explain minutes, price, mechanism and traffic are
 * ignored. `history` must hold only sessions before the origin.
 */
export function naiveItemGmv(
  history: ForecastHistory,
  productId: string,
  categoryPath: readonly string[],
): { gmvFen: number; source: NaiveSource } | undefined {
  const started = new Map(history.sessions.map((s) => [s.sessionId, s.startedAt]));
  const latestFirst = [...history.products]
    .filter((r) => started.has(r.sessionId))
    .sort((a, b) => b.startedAt - a.startedAt || (a.sessionId < b.sessionId ? 1 : -1));
  const own = latestFirst.find((r) => r.productId === productId && r.paidOrders > 0);
  if (own !== undefined) return { gmvFen: own.gmvFen, source: 'product' };

  const items = (sessionId: string) =>
    latestFirst.filter((r) => r.sessionId === sessionId && (r.explainSeconds > 0 || r.paidOrders > 0));
  const leaf = categoryPath[0];
  const inCategory = (r: ProductSalesRecord) =>
    leaf !== undefined && (history.categoryPaths.get(r.productId) ?? [])[0] === leaf;
  const soldCategory = latestFirst.find((r) => inCategory(r) && r.paidOrders > 0);
  if (soldCategory !== undefined) {
    const same = items(soldCategory.sessionId).filter(inCategory);
    return { gmvFen: Math.round(mean(same.map((r) => r.gmvFen))), source: 'category' };
  }
  const last = latestFirst[0];
  if (last === undefined) return undefined;
  const all = items(last.sessionId);
  return all.length === 0 ? undefined : { gmvFen: Math.round(mean(all.map((r) => r.gmvFen))), source: 'org' };
}
