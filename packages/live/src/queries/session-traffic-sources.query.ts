import { toInt, type EventQueryContext } from '@livecloud/analytics';

/** Entries per traffic source ("unknown" when absent), most entries first, then by name. */
export async function sessionTrafficSources(
  ctx: EventQueryContext,
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
