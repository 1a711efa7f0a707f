import { toInt, type EventQueryContext } from '@livecloud/analytics';

/**
 * Peak online: the largest running (entries − exits) at the end of any second, by occurredAt,
 * never below 0. Seconds without entries or exits repeat the previous second's value, so the
 * maximum over seconds that have some is the maximum over all seconds.
 */
export async function sessionPeakOnline(ctx: EventQueryContext, sessionId: string): Promise<number> {
  const rows = await ctx.scope.query<{ peak: string | number }>(
    `SELECT greatest(0, max(running)) AS peak
     FROM (
       SELECT sum(delta) OVER (ORDER BY second ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running
       FROM (
         SELECT intDiv(toUnixTimestamp64Milli(occurred_at), 1000) AS second,
                toInt64(countIf(type = 'room.enter')) - toInt64(countIf(type = 'room.leave')) AS delta
         FROM ${ctx.events} FINAL
         WHERE org_id = {orgId:String} AND session_id = {sessionId:String} AND type IN ('room.enter', 'room.leave')
         GROUP BY second
       )
     )`,
    { sessionId },
  );
  return toInt(rows[0]?.peak);
}
