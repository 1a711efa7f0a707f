import { z } from 'zod';

export const rejectedItemDto = z.object({
  index: z.number().int().describe('0-based position in the batch (NDJSON: among non-blank lines)'),
  id: z.string().optional().describe('the item’s id (or Segment messageId), when it had one'),
  reason: z.string(),
  deadLetterId: z.string().describe('where the item is kept for inspection and replay'),
});
export type RejectedItemDto = z.infer<typeof rejectedItemDto>;

/** The native collector's answer: what was taken, what was a repeat, what went to dead letters. */
export const ingestResultDto = z
  .object({
    accepted: z.number().int().describe('events stored for the first time'),
    duplicates: z
      .number()
      .int()
      .describe('events already stored under the same (organisation, id), not counted again'),
    rejected: z.array(rejectedItemDto),
  })
  .describe('IngestResult');
export type IngestResultDto = z.infer<typeof ingestResultDto>;

/** Segment's libraries look only at the status; the body is what Segment's own API answers. */
export const segmentSuccessDto = z.object({ success: z.literal(true) }).describe('SegmentSuccess');
