import { toInt, type EventQueryContext } from '@livecloud/analytics';
import { maxSeriesMinutes } from '../live-tallies.js';
import type { LiveMinute } from '../live-snapshot.schema.js';
import { activityTypesParam } from './live-sql.js';
import { sessionVisitsSql } from './session-visits.sql.js';

type Int = string | number;
type Row = Record<
  | 'minute_ms'
  | 'gmv'
  | 'entries'
  | 'exits'
  | 'one_min'
  | 'clicks'
  | 'orders'
  | 'pays'
  | 'cum_gmv'
  | 'cum_entries'
  | 'cum_exits'
  | 'cum_one_min'
  | 'cum_clicks'
  | 'cum_orders'
  | 'cum_pays'
  | 'online_at_end',
  Int
>;

/**
 * The session minute by minute (by occurredAt), every minute from the first to the last event
 * other than a refund, with running totals and online at each minute's end. Like the live
 * state, at most {@link maxSeriesMinutes} minutes, ending at the last: earlier minutes are
 * folded into one row before the window so that the running totals still count them.
 */
export async function sessionMinuteSeries(ctx: EventQueryContext, sessionId: string): Promise<LiveMinute[]> {
  const rows = await ctx.scope.query<Row>(
    `WITH per_minute AS (
       SELECT m AS minute, sum(m_gmv) AS gmv, sum(m_entries) AS entries, sum(m_exits) AS exits,
              sum(m_one_min) AS one_min, sum(m_clicks) AS clicks, sum(m_orders) AS orders, sum(m_pays) AS pays
       FROM (
         SELECT intDiv(toUnixTimestamp64Milli(occurred_at), 60000) AS m,
                toInt64(coalesce(sumIf(amount_fen, type = 'order.pay'), 0)) AS m_gmv,
                toInt64(countIf(type = 'room.enter')) AS m_entries,
                toInt64(countIf(type = 'room.leave')) AS m_exits,
                toInt64(0) AS m_one_min,
                toInt64(countIf(type = 'product.click')) AS m_clicks,
                toInt64(countIf(type = 'order.create')) AS m_orders,
                toInt64(countIf(type = 'order.pay')) AS m_pays
         FROM ${ctx.events} FINAL
         WHERE org_id = {orgId:String} AND session_id = {sessionId:String} AND type IN {activityTypes:Array(String)}
         GROUP BY m
         UNION ALL
         -- 1-minute views count by visit, in the minute their visit says (session-visits.sql.ts).
         SELECT one_min_minute, toInt64(0), toInt64(0), toInt64(0), toInt64(count()), toInt64(0), toInt64(0), toInt64(0)
         FROM (${sessionVisitsSql(ctx.events)})
         WHERE dwell_ms >= 60000
         GROUP BY one_min_minute
       )
       GROUP BY m
     ),
     bounds AS (
       SELECT toInt64(greatest(min(minute), max(minute) - {maxMinutes:Int64} + 1)) AS from_minute,
              toInt64(max(minute)) AS to_minute
       FROM per_minute HAVING count() > 0
     ),
     folded AS (
       SELECT greatest(toInt64(p.minute), b.from_minute - 1) AS folded_minute,
              sum(p.gmv) AS gmv, sum(p.entries) AS entries, sum(p.exits) AS exits, sum(p.one_min) AS one_min,
              sum(p.clicks) AS clicks, sum(p.orders) AS orders, sum(p.pays) AS pays
       FROM per_minute AS p CROSS JOIN bounds AS b
       GROUP BY folded_minute
     ),
     dense AS (
       SELECT all_minutes.m AS minute, f.gmv AS gmv, f.entries AS entries, f.exits AS exits, f.one_min AS one_min,
              f.clicks AS clicks, f.orders AS orders, f.pays AS pays
       FROM (SELECT arrayJoin(range(from_minute - 1, to_minute + 1)) AS m FROM bounds) AS all_minutes
       LEFT JOIN folded AS f ON f.folded_minute = all_minutes.m
     ),
     series AS (
       SELECT minute, gmv, entries, exits, one_min, clicks, orders, pays,
              sum(gmv) OVER w AS cum_gmv, sum(entries) OVER w AS cum_entries, sum(exits) OVER w AS cum_exits,
              sum(one_min) OVER w AS cum_one_min, sum(clicks) OVER w AS cum_clicks, sum(orders) OVER w AS cum_orders,
              sum(pays) OVER w AS cum_pays,
              greatest(0, sum(entries) OVER w - sum(exits) OVER w) AS online_at_end
       FROM dense
       WINDOW w AS (ORDER BY minute ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
     )
     SELECT minute * 60000 AS minute_ms, gmv, entries, exits, one_min, clicks, orders, pays,
            cum_gmv, cum_entries, cum_exits, cum_one_min, cum_clicks, cum_orders, cum_pays, online_at_end
     FROM series
     WHERE minute >= (SELECT from_minute FROM bounds)
     ORDER BY minute`,
    { sessionId, activityTypes: activityTypesParam, maxMinutes: maxSeriesMinutes },
  );
  return rows.map((r) => ({
    minute: toInt(r.minute_ms),
    gmvFen: toInt(r.gmv),
    entries: toInt(r.entries),
    exits: toInt(r.exits),
    onlineAtEnd: toInt(r.online_at_end),
    funnel: {
      views: toInt(r.entries),
      oneMinuteViews: toInt(r.one_min),
      clicks: toInt(r.clicks),
      orders: toInt(r.orders),
      pays: toInt(r.pays),
    },
    cumulative: {
      gmvFen: toInt(r.cum_gmv),
      exits: toInt(r.cum_exits),
      views: toInt(r.cum_entries),
      oneMinuteViews: toInt(r.cum_one_min),
      clicks: toInt(r.cum_clicks),
      orders: toInt(r.cum_orders),
      pays: toInt(r.cum_pays),
    },
  }));
}
