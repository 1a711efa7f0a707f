import type { EventQueryContext } from '@livecloud/analytics';
import { eventSelectList, fromEventRow, type EventRow, type StoredEvent } from '@livecloud/events';
import { liveTypesParam } from './live-sql.js';

/**
 * One page of the session's live events in (occurredAt, id) order, after the given position;
 * pass the last event of a page to get the next. Used to rebuild a session's live state.
 */
export async function sessionEventsPage(
  ctx: EventQueryContext,
  input: { sessionId: string; after?: { occurredAt: number; id: string }; limit: number },
): Promise<StoredEvent[]> {
  const rows = await ctx.scope.query<EventRow>(
    `SELECT ${eventSelectList}
     FROM ${ctx.events} FINAL
     WHERE org_id = {orgId:String} AND session_id = {sessionId:String} AND type IN {liveTypes:Array(String)}
       AND (occurred_at, id) > (fromUnixTimestamp64Milli({afterMs:Int64}, 'UTC'), {afterId:String})
     ORDER BY occurred_at, id
     LIMIT {limit:UInt32}`,
    {
      sessionId: input.sessionId,
      liveTypes: liveTypesParam,
      afterMs: input.after?.occurredAt ?? 0,
      afterId: input.after?.id ?? '',
      limit: input.limit,
    },
  );
  return rows.map(fromEventRow);
}
