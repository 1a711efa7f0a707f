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
    edited: z
      .object({
        at: z.string(),
        by: z.string().nullable().describe('the user or API key id'),
        originalPayload: z.unknown().describe('the item as first received, when it was JSON'),
        originalPayloadText: z.string().nullable(),
      })
      .nullable()
      .describe('set once the item was corrected before a replay; `payload` is then the corrected item'),
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

/** `POST /dead-letters/{id}/replay`: replay as kept, or with a corrected item. */
export const replayDeadLetterInput = z
  .object({
    payload: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('the corrected item (an event or a Segment message); kept, the original beside it'),
  })
  .describe('ReplayDeadLetter');
export type ReplayDeadLetterInput = z.infer<typeof replayDeadLetterInput>;

/** At most this many letters one bulk replay takes. */
export const maxBulkReplay = 200;

/** `POST /dead-letters/replay`: the named letters, or the pending ones matching the filter. */
export const bulkReplayInput = z
  .object({
    ids: z.array(z.string().min(1).max(64)).min(1).max(maxBulkReplay).optional(),
    source: z.string().max(64).optional(),
    q: z.string().trim().min(1).max(200).optional().describe('text the reason contains'),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    limit: z.number().int().min(1).max(maxBulkReplay).default(100).describe('most letters a filter takes'),
  })
  .refine((v) => v.ids === undefined || (v.source ?? v.q ?? v.from ?? v.to) === undefined, {
    message: 'name ids or a filter, not both',
    path: ['ids'],
  })
  .describe('BulkReplay');
export type BulkReplayInput = z.infer<typeof bulkReplayInput>;

export const bulkReplayOutcomes = ['ingested', 'duplicate', 'rejected', 'not_found', 'not_new'] as const;
export const bulkReplayResult = z
  .object({
    results: z.array(
      z.object({
        id: z.string(),
        outcome: z.enum(bulkReplayOutcomes),
        reason: z.string().optional().describe('why it is still rejected'),
      }),
    ),
    counts: z.object(
      Object.fromEntries(bulkReplayOutcomes.map((o) => [o, z.number().int()])) as {
        [K in (typeof bulkReplayOutcomes)[number]]: z.ZodNumber;
      },
    ),
  })
  .describe('BulkReplayResult');
export type BulkReplayResult = z.infer<typeof bulkReplayResult>;
