import { toInt, type EventQueryContext } from '@livecloud/analytics';
import { liveTypesParam } from './live-sql.js';

/** How many distinct live events the organisation has stored for the session. */
export async function sessionEventCount(ctx: EventQueryContext, sessionId: string): Promise<number> {
  const rows = await ctx.scope.query<{ events: string | number }>(
    `SELECT count() AS events
     FROM ${ctx.events} FINAL
     WHERE org_id = {orgId:String} AND session_id = {sessionId:String} AND type IN {liveTypes:Array(String)}`,
    { sessionId, liveTypes: liveTypesParam },
  );
  return toInt(rows[0]?.events);
}

/**
 * Live events stored for the session, counting every physical row: a retried event not yet
 * merged away counts twice, so this is at least {@link sessionEventCount}. Without FINAL it
 * reads one small column of the session's granules, cheap enough to ask every 30 s of a
 * ten-million-event session.
 */
export async function sessionStoredRows(ctx: EventQueryContext, sessionId: string): Promise<number> {
  const rows = await ctx.scope.query<{ events: string | number }>(
    `SELECT count() AS events
     FROM ${ctx.events}
     WHERE org_id = {orgId:String} AND session_id = {sessionId:String} AND type IN {liveTypes:Array(String)}`,
    { sessionId, liveTypes: liveTypesParam },
  );
  return toInt(rows[0]?.events);
}

/**
 * Distinct live events of the session the collector received before `receivedBefore` (epoch
 * ms). Of a retried event FINAL keeps one copy, whose received time may be the later one, so
 * this may count a retried event as not yet received, never the other way round.
 */
export async function sessionEventCountReceivedBefore(
  ctx: EventQueryContext,
  sessionId: string,
  receivedBefore: number,
): Promise<number> {
  const rows = await ctx.scope.query<{ events: string | number }>(
    `SELECT count() AS events
     FROM ${ctx.events} FINAL
     WHERE org_id = {orgId:String} AND session_id = {sessionId:String} AND type IN {liveTypes:Array(String)}
       AND received_at < fromUnixTimestamp64Milli({receivedBefore:Int64}, 'UTC')`,
    { sessionId, liveTypes: liveTypesParam, receivedBefore },
  );
  return toInt(rows[0]?.events);
}
