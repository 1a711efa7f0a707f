import { toInt, viewerIdSql, type EventQueryContext } from '@livecloud/analytics';
import type { CommentRow } from '../live-snapshot.schema.js';
import { commentStreamLength } from '../metric-dictionary.js';

/** The latest comments, newest first (ties by id, descending). */
export async function sessionRecentComments(
  ctx: EventQueryContext,
  sessionId: string,
): Promise<CommentRow[]> {
  const rows = await ctx.scope.query<{
    id: string;
    viewer_id: string;
    nickname: string | null;
    text: string;
    at: string | number;
  }>(
    `SELECT id, ${viewerIdSql} AS viewer_id,
            if(JSONType(properties, 'nickname') = 'String', JSONExtractString(properties, 'nickname'), NULL) AS nickname,
            JSONExtractString(properties, 'text') AS text,
            toUnixTimestamp64Milli(occurred_at) AS at
     FROM ${ctx.events} FINAL
     WHERE org_id = {orgId:String} AND session_id = {sessionId:String} AND type = 'comment'
     ORDER BY occurred_at DESC, id DESC
     LIMIT {limit:UInt32}`,
    { sessionId, limit: commentStreamLength },
  );
  return rows.map((r) => ({
    id: r.id,
    viewerId: r.viewer_id,
    nickname: r.nickname,
    text: r.text,
    occurredAt: toInt(r.at),
  }));
}
