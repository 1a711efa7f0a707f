import { eventQueryContext } from '@livecloud/analytics';
import type { Logger } from '@livecloud/core';
import type { EventStore } from '@livecloud/events';
import { createCommentVerdicts, type CommentModerator } from './comment-moderation.js';
import {
  flaggedScanComments,
  type FlaggedCommentsDto,
  type FlaggedCommentsQuery,
  type ModerationLexiconDto,
} from './moderation.schema.js';
import { orgRecentComments } from './queries/org-recent-comments.query.js';
import type { ScheduledSession, ScheduledSessions } from './scheduled-sessions.js';

/** The moderation page: the lexicon in use and the comments it flagged, as the big screen flags them. */
export function createModerationService(options: {
  events: Pick<EventStore, 'query' | 'tables'>;
  moderateComment?: CommentModerator | undefined;
  /** The lexicon `moderateComment` checks against; null when no moderator is configured. */
  lexicon?: (() => ModerationLexiconDto) | undefined;
  scheduled?: ScheduledSessions | undefined;
  logger?: Logger | undefined;
}) {
  // The board's moderator through the board's verdict function: a comment flagged on the big
  // screen is flagged here, and no second moderator exists.
  const verdictOf = createCommentVerdicts({ moderator: options.moderateComment, logger: options.logger });
  return {
    lexicon(): ModerationLexiconDto {
      return options.lexicon?.() ?? { source: 'built_in', terms: [], allow: [] };
    },

    async flagged(orgId: string, query: FlaggedCommentsQuery): Promise<FlaggedCommentsDto> {
      const comments = await orgRecentComments(eventQueryContext(options.events, orgId), {
        sessionId: query.sessionId,
        limit: flaggedScanComments,
      });
      const flagged = comments
        .map((c) => ({ comment: c, verdict: verdictOf(c) }))
        .filter((c) => c.verdict?.flagged === true)
        .slice(0, query.limit);
      const sessionIds = [...new Set(flagged.map((f) => f.comment.sessionId))];
      const sessions = options.scheduled
        ? await options.scheduled.byIds(orgId, sessionIds)
        : new Map<string, ScheduledSession>();
      return {
        scanned: comments.length,
        items: flagged.map(({ comment, verdict }) => ({
          id: comment.id,
          sessionId: comment.sessionId,
          sessionTitle: sessions.get(comment.sessionId)?.title ?? null,
          nickname: comment.nickname,
          text: comment.text,
          occurredAt: new Date(comment.occurredAt).toISOString(),
          hits: verdict?.hits ?? [],
        })),
      };
    },
  };
}
export type ModerationService = ReturnType<typeof createModerationService>;
