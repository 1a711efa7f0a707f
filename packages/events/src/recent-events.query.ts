import type { OrgScopedEventQuery } from './org-scope.query.js';

/** One of the last events received, as the overview lists it. */
export interface RecentEventRow {
  id: string;
  type: string;
  source: string;
  occurredAt: number;
  receivedAt: number;
  sessionId: string;
  /** platform_user_id, else user_id, else anonymous_id ('' when none). */
  personId: string;
}

/** The organisation's last `limit` events by reception time, newest first (ties by id, descending). */
export async function recentEvents(
  scope: OrgScopedEventQuery,
  eventsTable: string,
  limit: number,
): Promise<RecentEventRow[]> {
  const rows = await scope.query<{
    id: string;
    type: string;
    source: string;
    occurred_ms: string | number;
    received_ms: string | number;
    session_id: string;
    person_id: string;
  }>(
    `SELECT id, type, source, toUnixTimestamp64Milli(occurred_at) AS occurred_ms,
            toUnixTimestamp64Milli(received_at) AS received_ms, session_id,
            multiIf(platform_user_id != '', platform_user_id, user_id != '', user_id, anonymous_id) AS person_id
     FROM ${eventsTable} FINAL
     WHERE org_id = {orgId:String}
     ORDER BY received_at DESC, id DESC
     LIMIT {limit:UInt32}`,
    { limit },
  );
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    source: r.source,
    occurredAt: Number(r.occurred_ms),
    receivedAt: Number(r.received_ms),
    sessionId: r.session_id,
    personId: r.person_id,
  }));
}
