import type { EventQueryContext } from './event-query-context.js';
import { toInt, viewerKeySql, windowParams } from './event-sql.js';
import type { HistoryFilter, SessionSalesRecord } from './sales-history.types.js';

type Int = string | number;
type Row = Record<'session_id' | 'account_id' | 'source', string> &
  Record<'started_ms' | 'ended_ms' | 'entries' | 'uv' | 'paid_orders' | 'gmv_fen' | 'refund_fen', Int | null>;

/**
 * Every session of the organisation that started (first event of any type) in the window, with
 * its entries, viewers and takings. The account and source are those of the session's first event
 * that names one; the end is its last event other than a payment or refund, which may come later.
 */
export async function sessionResults(
  ctx: EventQueryContext,
  filter: Omit<HistoryFilter, 'productIds'>,
): Promise<SessionSalesRecord[]> {
  const rows = await ctx.scope.query<Row>(
    `SELECT session_id,
            toUnixTimestamp64Milli(min(occurred_at)) AS started_ms,
            toUnixTimestamp64Milli(maxIf(occurred_at, type NOT IN ('order.pay', 'order.refund'))) AS ended_ms,
            argMinIf(account_id, (occurred_at, id), account_id != '') AS account_id,
            argMinIf(source, (occurred_at, id), source != '') AS source,
            countIf(type = 'room.enter') AS entries,
            uniqExactIf(${viewerKeySql}, type = 'room.enter') AS uv,
            countIf(type = 'order.pay') AS paid_orders,
            toInt64(coalesce(sumIf(amount_fen, type = 'order.pay'), 0)) AS gmv_fen,
            toInt64(coalesce(sumIf(amount_fen, type = 'order.refund'), 0)) AS refund_fen
     FROM ${ctx.events} FINAL
     WHERE org_id = {orgId:String} AND session_id != ''
     GROUP BY session_id
     HAVING started_ms >= {since:Int64} AND started_ms < {until:Int64}
     ORDER BY started_ms ASC, session_id ASC`,
    windowParams(filter),
  );
  return rows.map((r) => {
    const startedAt = toInt(r.started_ms);
    return {
      sessionId: r.session_id,
      accountId: r.account_id,
      source: r.source,
      startedAt,
      // A session of payments and refunds alone has no other event to end it.
      endedAt: Math.max(startedAt, toInt(r.ended_ms)),
      entries: toInt(r.entries),
      uniqueViewers: toInt(r.uv),
      paidOrders: toInt(r.paid_orders),
      gmvFen: toInt(r.gmv_fen),
      refundFen: toInt(r.refund_fen),
    };
  });
}
