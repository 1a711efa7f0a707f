import { z } from 'zod';

const epochMs = z.int().describe('UTC epoch milliseconds');

/** One planned line-up item on the big screen, with its planned and actual explain time. */
export const livePlanItemSchema = z.object({
  position: z.int().positive(),
  productId: z.string(),
  skuId: z.string(),
  plannedExplainMs: z.int().nonnegative(),
  actualExplainMs: z.int().nonnegative().describe('time explained so far, from explain.start / explain.end'),
  state: z.enum(['done', 'now', 'next']).describe('explained already, explained now, or still to come'),
});

/** What the schedule (排期, 排品) says of the session on the board; null when it is not scheduled. */
export const livePlanSchema = z
  .object({
    title: z.string(),
    status: z.enum(['planned', 'live', 'ended', 'reviewed']),
    roomName: z.string(),
    plannedStart: epochMs,
    plannedEnd: epochMs,
    actualStart: epochMs.nullable(),
    actualEnd: epochMs.nullable(),
    lineup: z.array(livePlanItemSchema).describe('the line-up in its planned order'),
  })
  .nullable()
  .describe('LivePlan');
export type LivePlan = z.infer<typeof livePlanSchema>;
