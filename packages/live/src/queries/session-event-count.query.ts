import type { LiveQueryContext } from './live-query-context.js';
import { liveTypesParam, toInt } from './live-sql.js';

/** How many distinct live events the organisation has stored for the session. */
export async function sessionEventCount(ctx: LiveQueryContext, sessionId: string): Promise<number> {
  const rows = await ctx.scope.query<{ events: string | number }>(
    `SELECT count() AS events
     FROM ${ctx.events} FINAL
     WHERE org_id = {orgId:String} AND session_id = {sessionId:String} AND type IN {liveTypes:Array(String)}`,
    { sessionId, liveTypes: liveTypesParam },
  );
  return toInt(rows[0]?.events);
}
