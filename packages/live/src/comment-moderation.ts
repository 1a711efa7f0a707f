import type { Logger } from '@livecloud/core';
import type { CommentModeration } from './comment-moderation.schema.js';

export {
  commentModerationSchema,
  moderationHitSchema,
  type CommentModeration,
} from './comment-moderation.schema.js';

/** Checks a comment's text; the server passes the risk context's lexicon moderator. */
export type CommentModerator = (text: string) => CommentModeration;

const maxCached = 5_000;

/**
 * Verdicts for the comments on the board, computed once per comment id: a board is read every
 * second by every open screen, while a comment's text never changes. Without a moderator the
 * verdict is null (not checked), never a made-up "clean". A moderator that throws is logged
 * and leaves that comment unchecked rather than failing the big screen.
 */
export function createCommentVerdicts(options: {
  moderator?: CommentModerator | undefined;
  logger?: Logger | undefined;
}): (comment: { id: string; text: string }) => CommentModeration | null {
  const cache = new Map<string, CommentModeration>();
  return (comment) => {
    const moderator = options.moderator;
    if (!moderator) return null;
    const cached = cache.get(comment.id);
    if (cached) return cached;
    let verdict: CommentModeration;
    try {
      verdict = moderator(comment.text);
    } catch (error) {
      options.logger?.warn({ err: error, commentId: comment.id }, 'comment moderation failed');
      return null;
    }
    if (cache.size >= maxCached) cache.delete(cache.keys().next().value ?? '');
    cache.set(comment.id, verdict);
    return verdict;
  };
}
