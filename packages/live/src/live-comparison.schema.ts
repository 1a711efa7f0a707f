import { pastMetrics, windowMetrics } from '@livecloud/contracts/vocabulary';
import { z } from 'zod';
import { livePlanSchema } from './live-plan.schema.js';
import { commentModerationSchema } from './comment-moderation.schema.js';
import { commentRowSchema, liveSnapshotSchema, ratioSchema } from './live-snapshot.schema.js';

const epochMs = z.int();

export {
  pastMetrics,
  windowMetrics,
  type PastMetric,
  type WindowMetric,
} from '@livecloud/contracts/vocabulary';

/** The last complete minutes against the same number of minutes before them. */
export const windowComparisonSchema = z
  .object({
    minutes: z.int().positive(),
    current: z.object({ from: epochMs, to: epochMs }).describe('[from, to) by occurredAt'),
    previous: z.object({ from: epochMs, to: epochMs }),
    metrics: z.array(
      z.object({
        metric: z.enum(windowMetrics),
        current: z.number(),
        previous: z.number(),
        change: ratioSchema.describe('(current − previous) ÷ previous'),
      }),
    ),
  })
  .nullable()
  .describe('null until the session has one complete minute');
export type WindowComparison = z.infer<typeof windowComparisonSchema>;

/** This session against the room's own past sessions at the same elapsed time. */
export const pastComparisonSchema = z.object({
  elapsedMs: z
    .int()
    .nonnegative()
    .describe('time since the session’s first event at which past sessions were cut'),
  computedAt: epochMs,
  sessions: z.int().nonnegative().describe('past sessions of the same account compared'),
  metrics: z.array(
    z.object({
      metric: z.enum(pastMetrics),
      current: z.number().nullable(),
      pastMedian: z.number().nullable(),
      beats: ratioSchema.describe('past sessions with a lower value ÷ past sessions with a value'),
    }),
  ),
});
export type PastComparison = z.infer<typeof pastComparisonSchema>;

/** What `GET /api/v1/sessions/{id}/live` returns: the snapshot, when, and the comparisons. */
export const liveBoardSchema = liveSnapshotSchema
  .extend({
    asOf: epochMs.describe('server time of this answer'),
    accountName: z
      .string()
      .nullable()
      .describe("the platform account's display name where scheduling knows the account"),
    productTitles: z
      .record(z.string(), z.string())
      .describe(
        'catalogue titles of the products on the board, by product id, where the catalogue knows them',
      ),
    plan: livePlanSchema,
    comparison: z.object({ window: windowComparisonSchema, past: pastComparisonSchema }),
    comments: z.array(
      commentRowSchema.extend({
        moderation: commentModerationSchema
          .nullable()
          .describe('lexicon flags of the comment; null when no moderator checked it'),
      }),
    ),
  })
  .describe('LiveBoard');
export type LiveBoard = z.infer<typeof liveBoardSchema>;

/** One row of `GET /live/sessions`: a session seen in the events. */
export const recentSessionDto = z.object({
  sessionId: z.string(),
  scheduled: z.boolean().describe('the session is on the schedule (排期)'),
  title: z
    .string()
    .nullable()
    .describe("the scheduled session's title; null for a session only the events know"),
  roomName: z.string().nullable(),
  state: z
    .enum(['upcoming', 'live', 'ended'])
    .describe(
      '待开播 / 直播中 / 已下播: from the schedule, else live while events arrived in the last 2 minutes',
    ),
  plannedStart: z.int().nullable().describe('UTC epoch ms of the planned start, for a scheduled session'),
  durationMs: z
    .int()
    .nonnegative()
    .nullable()
    .describe('start to end, or to now while live; null before it starts'),
  accountId: z.string().nullable(),
  accountName: z
    .string()
    .nullable()
    .describe("the platform account's display name where scheduling knows the account"),
  firstEventAt: z.int().nullable().describe('UTC epoch ms of the first live event (refunds excluded)'),
  lastEventAt: z.int().nullable().describe('UTC epoch ms of the latest live event (refunds excluded)'),
  eventCount: z.int().nonnegative(),
  gmvFen: z.int().describe('Σ order.pay amount in fen'),
});
export type RecentSessionDto = z.infer<typeof recentSessionDto>;

/** One comment of the board, with its moderation verdict. */
export type BoardCommentDto = LiveBoard['comments'][number];
