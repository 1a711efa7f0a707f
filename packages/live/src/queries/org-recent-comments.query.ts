import { toInt, viewerIdSql, type EventQueryContext } from '@livecloud/analytics';

/** A comment of any of the organisation's sessions. */
export interface OrgCommentRow {
  id: string;
  sessionId: string;
  viewerId: string;
  nickname: string | null;
  text: string;
  occurredAt: number;
}

/**
 * The organisation's latest `limit` comments, newest first (ties by id, descending), across its
 * sessions or in one session when `sessionId` is given.
 */
export async function orgRecentComments(
  ctx: EventQueryContext,
  options: { sessionId?: string | undefined; limit: number },
): Promise<OrgCommentRow[]> {
  const sessionFilter = options.sessionId === undefined ? '' : 'AND session_id = {sessionId:String}';
  const rows = await ctx.scope.query<{
    id: string;
    session_id: string;
    viewer_id: string;
    nickname: string | null;
    text: string;
    at: string | number;
  }>(
    `SELECT id, session_id, ${viewerIdSql} AS viewer_id,
            if(JSONType(properties, 'nickname') = 'String', JSONExtractString(properties, 'nickname'), NULL) AS nickname,
            JSONExtractString(properties, 'text') AS text,
            toUnixTimestamp64Milli(occurred_at) AS at
     FROM ${ctx.events} FINAL
     WHERE org_id = {orgId:String} AND type = 'comment' ${sessionFilter}
     ORDER BY occurred_at DESC, id DESC
     LIMIT {limit:UInt32}`,
    {
      limit: options.limit,
      ...(options.sessionId === undefined ? {} : { sessionId: options.sessionId }),
    },
  );
  return rows.map((r) => ({
    id: r.id,
    sessionId: r.session_id,
    viewerId: r.viewer_id,
    nickname: r.nickname,
    text: r.text,
    occurredAt: toInt(r.at),
  }));
}
