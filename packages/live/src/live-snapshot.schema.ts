import { funnelSteps, type FunnelStep, type RateMetric } from '@livecloud/contracts/vocabulary';
import { z } from 'zod';

const count = z.int().nonnegative();
const fen = z.int().describe('integer fen (分)');
const epochMs = z.int().describe('UTC epoch milliseconds');

/**
 * A ratio with both of its terms, so the big screen can show "123 / 4,567" beside the rate.
 * `value` is `numerator × scale ÷ denominator` (scale is 1 unless the metric says otherwise)
 * and null when the denominator is 0.
 */
export const ratioSchema = z
  .object({
    numerator: z.number(),
    denominator: z.number(),
    value: z.number().nullable(),
  })
  .describe('Ratio');
export type Ratio = z.infer<typeof ratioSchema>;

/** Counts and sums over the whole session (docs/metrics.md defines each one). */
export const liveTotalsSchema = z.object({
  gmvFen: fen.describe('Σ amountFen of order.pay, before refunds'),
  netGmvFen: fen.describe('gmvFen − refundFen'),
  refundFen: fen.describe('Σ amountFen of order.refund'),
  refunds: count.describe('order.refund events'),
  paidOrders: count.describe('order.pay events'),
  ordersCreated: count.describe('order.create events'),
  buyers: count.describe('distinct viewers with order.pay'),
  onlineNow: count.describe('max(0, entries − exits)'),
  peakOnline: count.describe('max over seconds of online at the end of that second'),
  uv: count.describe('distinct viewers with room.enter'),
  pv: count.describe('room.enter events (entries)'),
  exits: count.describe('room.leave events'),
  totalDwellMs: count
    .nullable()
    .describe(
      'Σ dwell of the visits, open ones up to the last event (docs/metrics.md); null when no visit has a known dwell',
    ),
  bounces: count
    .nullable()
    .describe('closed visits shorter than 2000 ms; null when no visit has a known dwell'),
  oneMinuteViews: count
    .nullable()
    .describe('visits of at least 60000 ms; null when no visit has a known dwell'),
  impressions: count,
  clicks: count,
  cartAdds: count,
  adSpendFen: fen.describe('Σ amountFen of ad.spend'),
  newFollowers: count,
  fanClubJoins: count,
  comments: count,
  likes: count,
  shares: count,
});
export type LiveTotals = z.infer<typeof liveTotalsSchema>;

/** The rates of SPEC §4, each with its numerator and denominator. */
export const liveRatesSchema = z.object({
  averageDwellMs: ratioSchema.describe('totalDwellMs ÷ entries; no value when dwell is unknown'),
  bounceRate2s: ratioSchema.describe('bounces ÷ entries; no value when dwell is unknown'),
  oneMinuteViewRate: ratioSchema.describe('oneMinuteViews ÷ entries; no value when dwell is unknown'),
  ctr: ratioSchema.describe('clicks ÷ impressions'),
  conversionRate: ratioSchema.describe('buyers ÷ UV'),
  gpm: ratioSchema.describe('GMV fen × 1000 ÷ PV (scale 1000)'),
  uvValue: ratioSchema.describe('GMV fen ÷ UV'),
  aov: ratioSchema.describe('GMV fen ÷ paid orders'),
  roi: ratioSchema.describe('GMV ÷ ad spend'),
  interactionRate: ratioSchema.describe('(comments + likes + shares) ÷ UV'),
  followerConversion: ratioSchema.describe('new followers ÷ UV'),
  refundRate: ratioSchema.describe('refunded fen ÷ GMV fen'),
} satisfies Record<RateMetric, typeof ratioSchema>);
export type LiveRates = z.infer<typeof liveRatesSchema>;

export { funnelSteps, type FunnelStep } from '@livecloud/contracts/vocabulary';

/** Funnel step counts: entries, visits of ≥ 60 s, product clicks, orders created, orders paid. */
export const funnelCountsSchema = z.object({
  views: count,
  oneMinuteViews: count,
  clicks: count,
  orders: count,
  pays: count,
} satisfies Record<FunnelStep, typeof count>);
export type FunnelCounts = z.infer<typeof funnelCountsSchema>;

export const funnelStepSchema = z.object({
  step: z.enum(funnelSteps),
  count,
  fromPrevious: ratioSchema,
  fromFirst: ratioSchema,
});
export type FunnelStepDto = z.infer<typeof funnelStepSchema>;

/** One minute of the session by occurredAt (the minute starting at `minute`). */
export const liveMinuteSchema = z.object({
  minute: epochMs,
  gmvFen: fen,
  entries: count,
  exits: count,
  onlineAtEnd: count.describe('max(0, entries − exits) over events before the end of this minute'),
  funnel: funnelCountsSchema,
  cumulative: funnelCountsSchema.extend({ gmvFen: fen, exits: count }),
});
export type LiveMinute = z.infer<typeof liveMinuteSchema>;

export const trafficSourceRowSchema = z.object({
  source: z.string().describe('trafficSource of room.enter; "unknown" when absent'),
  entries: count,
  share: ratioSchema,
});
export type TrafficSourceRow = z.infer<typeof trafficSourceRowSchema>;

export const productRowSchema = z.object({
  productId: z.string(),
  impressions: count,
  clicks: count,
  cartAdds: count,
  orders: count,
  paidOrders: count,
  gmvFen: fen,
  ctr: ratioSchema.describe('clicks ÷ impressions'),
  conversion: ratioSchema.describe('paid orders ÷ clicks'),
  explaining: z.boolean(),
});
export type ProductRow = z.infer<typeof productRowSchema>;

export const explainingSchema = z.object({ productId: z.string(), since: epochMs }).nullable();
export type Explaining = z.infer<typeof explainingSchema>;

export const commentRowSchema = z.object({
  id: z.string(),
  viewerId: z.string().describe('platformUserId ?? userId ?? anonymousId'),
  nickname: z.string().nullable(),
  text: z.string(),
  occurredAt: epochMs,
});
export type CommentRow = z.infer<typeof commentRowSchema>;

/**
 * Everything the big screen shows for one session, from the live state or, identically, from
 * the SQL recomputation over the event store.
 */
export const liveSnapshotSchema = z
  .object({
    sessionId: z.string(),
    accountId: z.string().nullable(),
    eventCount: count.describe('distinct live events of the session'),
    firstEventAt: epochMs.nullable().describe('earliest occurredAt, refunds excluded'),
    lastEventAt: epochMs.nullable().describe('latest occurredAt, refunds excluded'),
    totals: liveTotalsSchema,
    rates: liveRatesSchema,
    funnel: z.array(funnelStepSchema),
    series: z.array(liveMinuteSchema),
    trafficSources: z.array(trafficSourceRowSchema),
    products: z.array(productRowSchema),
    explaining: explainingSchema,
    comments: z.array(commentRowSchema).describe('the latest 50 comments, newest first'),
  })
  .describe('LiveSnapshot');
export type LiveSnapshot = z.infer<typeof liveSnapshotSchema>;
