import { toInt, type EventQueryContext } from '@livecloud/analytics';
import type { ExplainMark } from '../explain-times.js';

/** The most explain marks read for one session: far more than a marathon live has. */
export const maxExplainMarks = 10_000;

/** A session's explain.start and explain.end events in time order, at most {@link maxExplainMarks}. */
export async function sessionExplainMarks(ctx: EventQueryContext, sessionId: string): Promise<ExplainMark[]> {
  const rows = await ctx.scope.query<{ type: string; product_id: string; at: string | number }>(
    `SELECT type, product_id, toUnixTimestamp64Milli(occurred_at) AS at
     FROM ${ctx.events} FINAL
     WHERE org_id = {orgId:String} AND session_id = {sessionId:String} AND type IN ('explain.start', 'explain.end')
     ORDER BY occurred_at, id
     LIMIT {limit:UInt32}`,
    { sessionId, limit: maxExplainMarks },
  );
  return rows.map((r) => ({
    type: r.type === 'explain.start' ? 'explain.start' : 'explain.end',
    productId: r.product_id,
    at: toInt(r.at),
  }));
}
