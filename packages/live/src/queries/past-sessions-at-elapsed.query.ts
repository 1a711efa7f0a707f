import { dwellMsSql, toInt, viewerKeySql, type EventQueryContext } from '@livecloud/analytics';
import { activityTypesParam, liveTypesParam } from './live-sql.js';

/** Counts of one past session over its first `elapsedMs`, for the comparison index. */
export interface PastSessionCounts {
  sessionId: string;
  startedAt: number;
  gmvFen: number;
  pv: number;
  uv: number;
  exits: number;
  totalDwellMs: number;
  bounces: number;
  paidOrders: number;
  buyers: number;
  impressions: number;
  clicks: number;
  newFollowers: number;
  comments: number;
  likes: number;
  shares: number;
}

type Int = string | number;
type Row = { session_id: string } & Record<
  | 'started_at'
  | 'gmv_fen'
  | 'pv'
  | 'uv'
  | 'exits'
  | 'dwell_ms'
  | 'bounces'
  | 'paid_orders'
  | 'buyers'
  | 'impressions'
  | 'clicks'
  | 'new_followers'
  | 'comments'
  | 'likes'
  | 'shares',
  Int | null
>;

/**
 * The room's own past sessions, each counted over the same elapsed time from its start as the
 * current session has run. A past session is one of the same account that started (first event
 * other than a refund) before the current one; the latest `limit` of them are compared.
 */
export async function pastSessionsAtElapsed(
  ctx: EventQueryContext,
  input: { accountId: string; sessionId: string; startedBefore: number; elapsedMs: number; limit: number },
): Promise<PastSessionCounts[]> {
  const rows = await ctx.scope.query<Row>(
    `WITH past AS (
       SELECT session_id AS past_session, min(occurred_at) AS past_start
       FROM ${ctx.events} FINAL
       WHERE org_id = {orgId:String} AND account_id = {accountId:String} AND session_id != {sessionId:String}
         AND session_id != '' AND type IN {activityTypes:Array(String)}
       GROUP BY past_session
       HAVING past_start < fromUnixTimestamp64Milli({startedBefore:Int64}, 'UTC')
       ORDER BY past_start DESC, past_session DESC
       LIMIT {limit:UInt32}
     )
     SELECT past_session AS session_id,
            toUnixTimestamp64Milli(any(past_start)) AS started_at,
            sumIf(amount_fen, type = 'order.pay') AS gmv_fen,
            countIf(type = 'room.enter') AS pv,
            uniqExactIf(viewer, type = 'room.enter') AS uv,
            countIf(type = 'room.leave') AS exits,
            sumIf(dwell, type = 'room.leave') AS dwell_ms,
            countIf(type = 'room.leave' AND dwell < 2000) AS bounces,
            countIf(type = 'order.pay') AS paid_orders,
            uniqExactIf(viewer, type = 'order.pay') AS buyers,
            countIf(type = 'product.impression') AS impressions,
            countIf(type = 'product.click') AS clicks,
            countIf(type = 'follow') AS new_followers,
            countIf(type = 'comment') AS comments,
            countIf(type = 'like') AS likes,
            countIf(type = 'share') AS shares
     FROM (
       SELECT session_id, type, occurred_at, amount_fen, ${viewerKeySql} AS viewer, ${dwellMsSql} AS dwell
       FROM ${ctx.events} FINAL
       WHERE org_id = {orgId:String} AND account_id = {accountId:String} AND type IN {liveTypes:Array(String)}
     ) AS e
     INNER JOIN past ON e.session_id = past.past_session
     WHERE e.occurred_at <= past.past_start + toIntervalMillisecond({elapsedMs:Int64})
     GROUP BY past_session
     ORDER BY started_at DESC, session_id DESC`,
    {
      accountId: input.accountId,
      sessionId: input.sessionId,
      startedBefore: input.startedBefore,
      elapsedMs: input.elapsedMs,
      limit: input.limit,
      activityTypes: activityTypesParam,
      liveTypes: liveTypesParam,
    },
  );
  return rows.map((r) => ({
    sessionId: r.session_id,
    startedAt: toInt(r.started_at),
    gmvFen: toInt(r.gmv_fen),
    pv: toInt(r.pv),
    uv: toInt(r.uv),
    exits: toInt(r.exits),
    totalDwellMs: toInt(r.dwell_ms),
    bounces: toInt(r.bounces),
    paidOrders: toInt(r.paid_orders),
    buyers: toInt(r.buyers),
    impressions: toInt(r.impressions),
    clicks: toInt(r.clicks),
    newFollowers: toInt(r.new_followers),
    comments: toInt(r.comments),
    likes: toInt(r.likes),
    shares: toInt(r.shares),
  }));
}
