import { toInt, type EventQueryContext } from '@livecloud/analytics';
import type { Explaining } from '../live-snapshot.schema.js';

/**
 * The product explained now: the latest explain.start with a product (by occurredAt, then id),
 * unless an explain.end of that product, or one naming none, is at or after it.
 */
export async function sessionExplainingProduct(
  ctx: EventQueryContext,
  sessionId: string,
): Promise<Explaining> {
  const rows = await ctx.scope.query<{
    product_id: string;
    since: string | number;
    starts: string | number;
    ended: number;
  }>(
    `SELECT start_product AS product_id, since, starts,
            arrayExists(e -> (e.1 = start_product OR e.1 = '') AND e.2 >= since, ends) AS ended
     FROM (
       SELECT argMaxIf(product_id, (occurred_at, id), type = 'explain.start' AND product_id != '') AS start_product,
              toUnixTimestamp64Milli(maxIf(occurred_at, type = 'explain.start' AND product_id != '')) AS since,
              countIf(type = 'explain.start' AND product_id != '') AS starts,
              groupArrayIf((product_id, toUnixTimestamp64Milli(occurred_at)), type = 'explain.end') AS ends
       FROM ${ctx.events} FINAL
       WHERE org_id = {orgId:String} AND session_id = {sessionId:String} AND type IN ('explain.start', 'explain.end')
     )`,
    { sessionId },
  );
  const r = rows[0];
  if (r === undefined || toInt(r.starts) === 0 || Number(r.ended) === 1) return null;
  return { productId: r.product_id, since: toInt(r.since) };
}
