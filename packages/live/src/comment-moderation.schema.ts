import { z } from 'zod';

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

/** One term a moderator found in a comment. */
export type ModerationHit = z.infer<typeof moderationHitSchema>;
