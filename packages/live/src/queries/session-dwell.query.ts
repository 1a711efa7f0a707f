import { toInt, type EventQueryContext } from '@livecloud/analytics';
import { activityTypesParam } from './live-sql.js';
import { sessionVisitsSql } from './session-visits.sql.js';

/** The session's dwell counts over its visits (session-visits.sql.ts). */
export interface SessionDwell {
  /** Visits whose dwell is known. */
  visits: number;
  totalDwellMs: number;
  /** Closed visits shorter than 2 s; an open visit has not left, so it never bounces. */
  bounces: number;
  oneMinuteViews: number;
}

/** Dwell, 2-second bounces and 1-minute views of the session, open visits up to its end. */
export async function sessionDwell(ctx: EventQueryContext, sessionId: string): Promise<SessionDwell> {
  const rows = await ctx.scope.query<
    Record<'visits' | 'total_dwell_ms' | 'bounces' | 'one_min', string | number>
  >(
    `SELECT count() AS visits,
            sum(dwell_ms) AS total_dwell_ms,
            countIf(open = 0 AND dwell_ms < 2000) AS bounces,
            countIf(dwell_ms >= 60000) AS one_min
     FROM (${sessionVisitsSql(ctx.events)})`,
    { sessionId, activityTypes: activityTypesParam },
  );
  const r = rows[0];
  return {
    visits: toInt(r?.visits),
    totalDwellMs: toInt(r?.total_dwell_ms),
    bounces: toInt(r?.bounces),
    oneMinuteViews: toInt(r?.one_min),
  };
}
