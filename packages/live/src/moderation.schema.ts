import { z } from 'zod';
import { moderationHitSchema } from './comment-moderation.schema.js';

/** Most flagged comments one call answers. */
export const maxFlaggedComments = 100;
/** How many of the latest comments a call checks to find the flagged ones. */
export const flaggedScanComments = 2_000;

export const lexiconTermDto = z.object({
  term: z.string(),
  category: z.string().describe('absolute_term, contact_diversion, abuse, false_claim, or a custom name'),
  severity: z.enum(['high', 'medium', 'low']),
  homophone: z.boolean().describe('also matched by sound (toneless pinyin)'),
});
export type LexiconTermDto = z.infer<typeof lexiconTermDto>;

export const moderationLexiconDto = z
  .object({
    source: z.enum(['built_in', 'organisation']).describe('whose lexicon the comments are checked against'),
    terms: z.array(lexiconTermDto),
    allow: z.array(z.string()).describe('innocent phrases whose banned terms are not flagged'),
  })
  .describe('ModerationLexicon');
export type ModerationLexiconDto = z.infer<typeof moderationLexiconDto>;

export const flaggedCommentsQuery = z.object({
  sessionId: z
    .string()
    .min(1)
    .max(128)
    .optional()
    .describe('one session; all of the organisation’s when unset'),
  limit: z.coerce.number().int().min(1).max(maxFlaggedComments).default(50),
});
export type FlaggedCommentsQuery = z.infer<typeof flaggedCommentsQuery>;

export const flaggedCommentDto = z
  .object({
    id: z.string(),
    sessionId: z.string(),
    sessionTitle: z.string().nullable().describe('the scheduled session’s title; null when not scheduled'),
    nickname: z.string().nullable(),
    text: z.string(),
    occurredAt: z.string().describe('ISO'),
    hits: z.array(moderationHitSchema),
  })
  .describe('FlaggedComment');
export type FlaggedCommentDto = z.infer<typeof flaggedCommentDto>;

export const flaggedCommentsDto = z.object({
  items: z.array(flaggedCommentDto),
  scanned: z.int().nonnegative().describe(`latest comments checked (at most ${flaggedScanComments})`),
});
export type FlaggedCommentsDto = z.infer<typeof flaggedCommentsDto>;
