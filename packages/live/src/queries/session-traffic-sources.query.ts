import type { LiveQueryContext } from './live-query-context.js';
import { toInt } from './live-sql.js';

/** Entries per traffic source ("unknown" when absent), most entries first, then by name. */
export async function sessionTrafficSources(
  ctx: LiveQueryContext,
  sessionId: string,
): Promise<Array<{ source: string; entries: number }>> {
  const rows = await ctx.scope.query<{ source: string; entries: string | number }>(
    `SELECT if(traffic_source = '', 'unknown', toString(traffic_source)) AS source, count() AS entries
     FROM ${ctx.events} FINAL
     WHERE org_id = {orgId:String} AND session_id = {sessionId:String} AND type = 'room.enter'
     GROUP BY source
     ORDER BY entries DESC, source ASC`,
    { sessionId },
  );
  return rows.map((r) => ({ source: r.source, entries: toInt(r.entries) }));
}
