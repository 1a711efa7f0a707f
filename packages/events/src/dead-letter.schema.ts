import { deadLetterStatuses, type DeadLetterStatus } from '@livecloud/contracts/vocabulary';
import { z } from 'zod';

export { deadLetterStatuses, type DeadLetterStatus };

export const eventIssueDto = z.object({ path: z.string(), code: z.string(), message: z.string() });

/** What the last replay of a dead letter did. */
export const replayResultDto = z.object({
  outcome: z.enum(['ingested', 'duplicate', 'rejected']),
  at: z.string().describe('ISO time of the replay'),
  eventId: z.string().optional(),
  reason: z.string().optional(),
});
export type ReplayResultDto = z.infer<typeof replayResultDto>;

export const deadLetterDto = z
  .object({
    id: z.string(),
    receivedAt: z.string().describe('when the collector received the original request (ISO)'),
    source: z.string().nullable(),
    keyId: z.string().nullable().describe('the API key that sent it'),
    format: z.enum(['native', 'segment']).describe('the entry point whose mapping a replay re-runs'),
    eventId: z.string().nullable().describe('the client’s event id (or Segment messageId), when present'),
    reason: z.string(),
    issues: z.array(eventIssueDto),
    payload: z.unknown().describe('the original item as sent, when it was JSON'),
    payloadText: z
      .string()
      .nullable()
      .describe('the original text, when it was not JSON (a broken NDJSON line)'),
    status: z.enum(deadLetterStatuses),
    attempts: z.number().int().describe('replays so far'),
    replayedAt: z.string().nullable(),
    replayResult: replayResultDto.nullable(),
  })
  .describe('DeadLetter');
export type DeadLetterDto = z.infer<typeof deadLetterDto>;

export const deadLetterListQuery = z.object({
  status: z.enum(deadLetterStatuses).optional(),
  source: z.string().max(64).optional(),
  q: z.string().trim().min(1).max(200).optional().describe('text the reason contains'),
  from: z.iso.datetime({ offset: true }).optional().describe('received at or after (ISO)'),
  to: z.iso.datetime({ offset: true }).optional().describe('received before (ISO)'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(64).optional().describe('nextCursor of the previous page'),
});
export type DeadLetterListQuery = z.infer<typeof deadLetterListQuery>;

export const deadLetterPage = z.object({
  items: z.array(deadLetterDto),
  nextCursor: z.string().nullable().describe('pass as cursor for the next (older) page; null on the last'),
});
export type DeadLetterPage = z.infer<typeof deadLetterPage>;

/** One validation problem of a dead letter. */
export type EventIssueDto = z.infer<typeof eventIssueDto>;
