import { z } from 'zod';
import type { Logger } from '@livecloud/core';

/** One term a moderator found in a comment; `start`/`end` index the comment's text. */
export const moderationHitSchema = z.object({
  term: z.string().describe('the lexicon term that matched'),
  category: z
    .string()
    .describe('absolute_term (广告法极限词), contact_diversion (站外导流), abuse, false_claim'),
  severity: z.enum(['high', 'medium', 'low']),
  via: z.enum(['exact', 'homophone']).describe('matched as written (after normalisation) or by sound'),
  start: z.int().nonnegative(),
  end: z.int().nonnegative(),
  matched: z.string().describe('the comment text between start and end, as written'),
});

/** A comment's moderation verdict as the big screen shows it. */
export const commentModerationSchema = z
  .object({ flagged: z.boolean(), hits: z.array(moderationHitSchema) })
  .describe('CommentModeration');
export type CommentModeration = z.infer<typeof commentModerationSchema>;

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
