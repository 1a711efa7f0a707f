import { z } from 'zod';

/** The bucket widths the overview offers, in milliseconds. */
export const overviewBuckets = { minute: 60_000, hour: 3_600_000, day: 86_400_000 } as const;
export type OverviewBucket = keyof typeof overviewBuckets;

/** Most buckets one overview answers; a wider range needs a wider bucket. */
export const maxOverviewBuckets = 200;
/** Most events `GET /events/recent` answers. */
export const maxRecentEvents = 100;

export const eventOverviewQuery = z.object({
  from: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('received at or after (ISO); default: to − 24 h'),
  to: z.iso.datetime({ offset: true }).optional().describe('received before (ISO); default: now'),
  bucket: z
    .enum(['minute', 'hour', 'day'])
    .default('hour')
    .describe(`bucket width; at most ${maxOverviewBuckets} buckets a call`),
});
export type EventOverviewQuery = z.infer<typeof eventOverviewQuery>;

const bucketCounts = z.array(z.int().nonnegative()).describe('accepted events per bucket, in bucket order');

/** A series of accepted events per bucket for one source or one type. */
export const overviewSeriesDto = z.object({
  key: z.string(),
  total: z.int().nonnegative(),
  counts: bucketCounts,
});
export type OverviewSeriesDto = z.infer<typeof overviewSeriesDto>;

export const eventOverviewDto = z
  .object({
    from: z.string().describe('start of the first bucket (ISO)'),
    to: z.string().describe('end of the range (ISO, exclusive)'),
    bucket: z.enum(['minute', 'hour', 'day']),
    bucketStarts: z.array(z.string()).describe('ISO start of each bucket'),
    accepted: bucketCounts,
    rejected: z.array(z.int().nonnegative()).describe('dead-lettered items per bucket'),
    bySource: z.array(overviewSeriesDto).describe('accepted events by source, largest first'),
    byType: z.array(overviewSeriesDto).describe('accepted events by type, largest first'),
    totals: z.object({
      accepted: z.int().nonnegative(),
      rejected: z.int().nonnegative(),
      rejectedShare: z
        .number()
        .min(0)
        .max(1)
        .nullable()
        .describe('rejected / (accepted + rejected); null when nothing arrived'),
    }),
  })
  .describe('EventOverview');
export type EventOverviewDto = z.infer<typeof eventOverviewDto>;

export const recentEventsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(maxRecentEvents).default(20),
});
export type RecentEventsQuery = z.infer<typeof recentEventsQuery>;

export const recentEventDto = z
  .object({
    id: z.string(),
    type: z.string(),
    source: z.string(),
    occurredAt: z.string().describe('ISO'),
    receivedAt: z.string().describe('ISO'),
    sessionId: z.string().nullable(),
    sessionTitle: z.string().nullable().describe('the scheduled session’s title; null when not scheduled'),
    personKey: z
      .string()
      .nullable()
      .describe('the viewer’s platform, user or anonymous id, masked to its first and last characters'),
  })
  .describe('RecentEvent');
export type RecentEventDto = z.infer<typeof recentEventDto>;

export const recentEventsDto = z.object({ items: z.array(recentEventDto) });
export type RecentEventsDto = z.infer<typeof recentEventsDto>;
