import { toInt, type EventQueryContext } from '@livecloud/analytics';
import { liveTypesParam } from './live-sql.js';

export interface RecentLiveSession {
  sessionId: string;
  accountId: string | null;
  firstEventAt: number;
  lastEventAt: number;
  eventCount: number;
  gmvFen: number;
}

/**
 * The organisation's live sessions with the newest activity first, from the events themselves
 * (platform session ids need no record to be listed). Refunds are left out of the time span,
 * as they trail a session by days.
 */
export async function recentLiveSessions(
  ctx: EventQueryContext,
  limit: number,
): Promise<RecentLiveSession[]> {
  const rows = await ctx.scope.query<{
    session_id: string;
    account_id: string;
    first_at: string | number;
    last_at: string | number;
    events: string | number;
    gmv: string | number;
  }>(
    `SELECT session_id,
            any(account_id) AS account_id,
            toUnixTimestamp64Milli(minIf(occurred_at, type != 'order.refund')) AS first_at,
            toUnixTimestamp64Milli(maxIf(occurred_at, type != 'order.refund')) AS last_at,
            count() AS events,
            sumIf(ifNull(amount_fen, 0), type = 'order.pay') AS gmv
     FROM ${ctx.events} FINAL
     WHERE org_id = {orgId:String} AND session_id != '' AND type IN {liveTypes:Array(String)}
     GROUP BY session_id
     ORDER BY last_at DESC, session_id
     LIMIT {limit:UInt32}`,
    { liveTypes: liveTypesParam, limit },
  );
  return rows.map((row) => ({
    sessionId: row.session_id,
    accountId: row.account_id === '' ? null : row.account_id,
    firstEventAt: toInt(row.first_at),
    lastEventAt: toInt(row.last_at),
    eventCount: toInt(row.events),
    gmvFen: toInt(row.gmv),
  }));
}
