import { dwellMsSql, viewerKeySql } from '@livecloud/analytics';

/**
 * The session's visits with a known dwell, one row each, as viewer-visits.ts counts them: per
 * viewer, room.enter and room.leave ordered by (time, leave after enter, dwellMs with none first);
 * a leave closes the entry just before it (its dwellMs, else the time between) or, with neither,
 * makes no visit; an entry followed by an entry ends at the re-entry; the viewer's last entry is
 * open and counts up to the session's end, the latest occurredAt of an event other than a refund.
 *
 * Columns: `session_id`, `dwell_ms`, `open` (1 for an open visit), `one_min_minute` (the epoch
 * minute a 1-minute view counts in: a closed visit's end, an open visit's 60th second).
 *
 * `edges` selects the events to pair (`session_id`, `occurred_at`, `type`, `properties` and the
 * viewer's ids, room.enter and room.leave only); `ends` selects `session_id` and `end_at`, each
 * session's end in epoch ms.
 */
export function visitsSql(edges: string, ends: string): string {
  return `SELECT session_id, dwell_ms, open, intDiv(if(open = 1, at + 60000, ended_at), 60000) AS one_min_minute
    FROM (
      SELECT session_id, at,
             if(leave = 1, ifNull(dwell, if(prev_leave = 0, at - prev_at, NULL)),
                if(next_leave = 0, next_at - at, end_at - at)) AS dwell_ms,
             toUInt8(leave = 0 AND next_leave = -1) AS open,
             if(leave = 1, at, next_at) AS ended_at
      FROM (
        SELECT session_id, at, leave, dwell,
               lagInFrame(leave, 1, toInt8(-1)) OVER w AS prev_leave,
               lagInFrame(at, 1, toInt64(0)) OVER w AS prev_at,
               leadInFrame(leave, 1, toInt8(-1)) OVER w AS next_leave,
               leadInFrame(at, 1, toInt64(0)) OVER w AS next_at
        FROM (
          SELECT session_id,
                 ${viewerKeySql} AS viewer,
                 toInt64(toUnixTimestamp64Milli(occurred_at)) AS at,
                 toInt8(type = 'room.leave') AS leave,
                 if(type = 'room.leave', ${dwellMsSql}, NULL) AS dwell
          FROM (${edges})
        )
        WINDOW w AS (PARTITION BY session_id, viewer ORDER BY at, leave, ifNull(dwell, -1)
                     ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING)
      ) AS edges
      INNER JOIN (${ends}) AS session_end USING (session_id)
      WHERE NOT (leave = 0 AND next_leave = 1)
    )
    WHERE dwell_ms IS NOT NULL`;
}

/**
 * {@link visitsSql} of one session, up to its last event other than a refund. Binds
 * {orgId:String}, {sessionId:String} and {activityTypes:Array(String)}.
 */
export function sessionVisitsSql(events: string): string {
  const session = `org_id = {orgId:String} AND session_id = {sessionId:String}`;
  return visitsSql(
    `SELECT * FROM ${events} FINAL WHERE ${session} AND type IN ('room.enter', 'room.leave')`,
    `SELECT session_id, toInt64(max(toUnixTimestamp64Milli(occurred_at))) AS end_at
     FROM ${events} FINAL WHERE ${session} AND type IN {activityTypes:Array(String)} GROUP BY session_id`,
  );
}
