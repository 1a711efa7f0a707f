import { toInt, viewerKeySql, type EventQueryContext } from '@livecloud/analytics';
import type { QueryParamValue } from '@livecloud/events';
import { activityTypesParam, liveTypesParam } from './live-sql.js';
import { visitsSql } from './session-visits.sql.js';

/** Counts of one past session over its first `elapsedMs`, for the comparison index. */
export interface PastSessionCounts {
  sessionId: string;
  startedAt: number;
  gmvFen: number;
  pv: number;
  uv: number;
  exits: number;
  /** Dwell by visit as on the board, open visits up to the last event within the cut; null when none is known. */
  totalDwellMs: number | null;
  bounces: number | null;
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

/** The past sessions compared: the latest `limit` of the account's that started before the current one. */
function pastCte(events: string): string {
  return `past AS (
       SELECT session_id AS past_session, min(occurred_at) AS past_start
       FROM ${events} FINAL
       WHERE org_id = {orgId:String} AND account_id = {accountId:String} AND session_id != {sessionId:String}
         AND session_id != '' AND type IN {activityTypes:Array(String)}
       GROUP BY past_session
       HAVING past_start < fromUnixTimestamp64Milli({startedBefore:Int64}, 'UTC')
       ORDER BY past_start DESC, past_session DESC
       LIMIT {limit:UInt32}
     )`;
}

/** Events of the past sessions within the cut, of the given types (a bound parameter's name). */
function pastEvents(events: string, types: string, columns: string): string {
  return `SELECT ${columns}
       FROM ${events} AS e FINAL
       INNER JOIN past ON e.session_id = past.past_session
       WHERE e.org_id = {orgId:String} AND e.account_id = {accountId:String} AND e.type IN ${types}
         AND e.occurred_at <= past.past_start + toIntervalMillisecond({elapsedMs:Int64})`;
}

type DwellRow = Record<'session_id', string> & Record<'total_dwell_ms' | 'bounces', Int>;

/** Dwell and bounces of each past session within the cut, by visit (session-visits.sql.ts). */
async function pastDwell(
  ctx: EventQueryContext,
  params: Readonly<Record<string, QueryParamValue>>,
): Promise<Map<string, DwellRow>> {
  const edges = pastEvents(
    ctx.events,
    `('room.enter', 'room.leave')`,
    'e.session_id AS session_id, e.occurred_at AS occurred_at, e.type AS type, e.properties AS properties, ' +
      'e.platform_user_id AS platform_user_id, e.user_id AS user_id, e.anonymous_id AS anonymous_id',
  );
  const ends = `${pastEvents(
    ctx.events,
    '{activityTypes:Array(String)}',
    'e.session_id AS session_id, toInt64(max(toUnixTimestamp64Milli(e.occurred_at))) AS end_at',
  )} GROUP BY session_id`;
  const rows = await ctx.scope.query<DwellRow>(
    `WITH ${pastCte(ctx.events)}
     SELECT session_id, sum(dwell_ms) AS total_dwell_ms, countIf(open = 0 AND dwell_ms < 2000) AS bounces
     FROM (${visitsSql(edges, ends)})
     GROUP BY session_id`,
    params,
  );
  return new Map(rows.map((r) => [r.session_id, r]));
}

/**
 * The room's own past sessions, each counted over the same elapsed time from its start as the
 * current session has run. A past session is one of the same account that started (first event
 * other than a refund) before the current one; the latest `limit` of them are compared.
 */
export async function pastSessionsAtElapsed(
  ctx: EventQueryContext,
  input: { accountId: string; sessionId: string; startedBefore: number; elapsedMs: number; limit: number },
): Promise<PastSessionCounts[]> {
  const params = {
    accountId: input.accountId,
    sessionId: input.sessionId,
    startedBefore: input.startedBefore,
    elapsedMs: input.elapsedMs,
    limit: input.limit,
    activityTypes: activityTypesParam,
  };
  const [rows, dwell] = await Promise.all([
    ctx.scope.query<Row>(
      `WITH ${pastCte(ctx.events)}
     SELECT past_session AS session_id,
            toUnixTimestamp64Milli(any(past_start)) AS started_at,
            sumIf(amount_fen, type = 'order.pay') AS gmv_fen,
            countIf(type = 'room.enter') AS pv,
            uniqExactIf(viewer, type = 'room.enter') AS uv,
            countIf(type = 'room.leave') AS exits,
            countIf(type = 'order.pay') AS paid_orders,
            uniqExactIf(viewer, type = 'order.pay') AS buyers,
            countIf(type = 'product.impression') AS impressions,
            countIf(type = 'product.click') AS clicks,
            countIf(type = 'follow') AS new_followers,
            countIf(type = 'comment') AS comments,
            countIf(type = 'like') AS likes,
            countIf(type = 'share') AS shares
     FROM (
       SELECT session_id, type, occurred_at, amount_fen, ${viewerKeySql} AS viewer
       FROM ${ctx.events} FINAL
       WHERE org_id = {orgId:String} AND account_id = {accountId:String} AND type IN {liveTypes:Array(String)}
     ) AS e
     INNER JOIN past ON e.session_id = past.past_session
     WHERE e.occurred_at <= past.past_start + toIntervalMillisecond({elapsedMs:Int64})
     GROUP BY past_session
     ORDER BY started_at DESC, session_id DESC`,
      { ...params, liveTypes: liveTypesParam },
    ),
    pastDwell(ctx, params),
  ]);
  return rows.map((r) => ({
    sessionId: r.session_id,
    startedAt: toInt(r.started_at),
    gmvFen: toInt(r.gmv_fen),
    pv: toInt(r.pv),
    uv: toInt(r.uv),
    exits: toInt(r.exits),
    ...dwellOf(dwell.get(r.session_id)),
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

function dwellOf(r: DwellRow | undefined): Pick<PastSessionCounts, 'totalDwellMs' | 'bounces'> {
  return r === undefined
    ? { totalDwellMs: null, bounces: null }
    : { totalDwellMs: toInt(r.total_dwell_ms), bounces: toInt(r.bounces) };
}
