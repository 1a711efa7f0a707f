import { platforms } from '@livecloud/contracts/vocabulary';
import { z } from 'zod';

/** The platforms a simulated session can run on; each has its own traffic mix. */
export const simulatedPlatforms = platforms;
export type SimulatedPlatform = (typeof simulatedPlatforms)[number];

/** Selling mechanisms (机制) that change how hard the feed pushes the room and how fast people buy. */
export const mechanisms = ['none', 'coupon', 'gift', 'flash_sale'] as const;
export type Mechanism = (typeof mechanisms)[number];

// Ids end up inside event ids (`sim_<sessionId>_<n>`) and the envelope caps keys at 128 chars.
const key = z.string().min(1).max(80);
const fen = z.int().nonnegative();

/** One product in the line-up (排品), explained in this order. */
export const lineupItemSchema = z.strictObject({
  productId: key,
  skuId: key.optional(),
  title: z.string().min(1),
  /** Live price in integer fen. */
  priceFen: fen.positive(),
  costFen: fen.optional(),
  /** How much viewers want it, 0..1: drives feed push, clicks and conversion. */
  appeal: z.number().min(0).max(1),
  explainMinutes: z.number().positive(),
  /** Units available; unlimited when absent. Orders beyond it fail as sold out (已抢光). */
  stock: z.int().nonnegative().optional(),
  /** Free-form category such as `beauty`, `food`, `apparel`; picks the comments viewers write. */
  category: z.string().min(1).optional(),
  mechanism: z.enum(mechanisms).default('none'),
  /** Share of paid orders refunded; apparel runs far higher than food. */
  refundRate: z.number().min(0).max(1).default(0.15),
});

/** Paid traffic (千川-style) bought for the session. */
export const adPlanSchema = z.strictObject({
  budgetFenPerHour: fen,
  /** 1 is a normal bid; higher wins more auctions at a higher cost per entry. */
  bidLevel: z.number().min(0.1).max(5).default(1),
});

/** Messy delivery for tests of the collection pipeline; all shares of the distinct events. */
export const disorderSchema = z
  .strictObject({
    /** Delivered a few events later than its place in time. */
    outOfOrderShare: z.number().min(0).max(1).default(0),
    /** Held back until the stream has moved `lateByMs` past it. */
    lateShare: z.number().min(0).max(1).default(0),
    lateByMs: z.int().positive().default(30_000),
    /** Delivered a second time with the same id, as a client retry would. */
    duplicateShare: z.number().min(0).max(1).default(0),
  })
  .refine((d) => d.outOfOrderShare + d.lateShare <= 1, {
    message: 'outOfOrderShare + lateShare must not exceed 1',
  });

/** Everything that determines a simulated session; the same plan always yields the same events. */
export const sessionPlanSchema = z.strictObject({
  seed: z.int(),
  orgId: key,
  accountId: key,
  sessionId: key,
  platform: z.enum(simulatedPlatforms),
  /** UTC epoch ms. */
  startAt: z.int().min(Date.UTC(2000, 0, 1)),
  durationMin: z
    .number()
    .positive()
    .max(24 * 60),
  lineup: z.array(lineupItemSchema).min(1),
  ad: adPlanSchema.optional(),
  /** Expected peak online viewers from organic traffic; bought traffic comes on top. */
  scale: z.number().min(1).max(200_000),
  /**
   * Refunds after delivery land up to this many hours after the session; 0 keeps every refund
   * within minutes of its payment (useful for a demo that streams in real time).
   */
  refundTailHours: z
    .number()
    .min(0)
    .max(24 * 30)
    .default(72),
  /** Fixes which viewers (and fans) the account has; defaults to one per account, so sessions share it. */
  audienceSeed: z.int().optional(),
  disorder: disorderSchema.optional(),
});

/** A session plan as callers write it (defaults may be omitted). */
export type SessionPlan = z.input<typeof sessionPlanSchema>;
/** A session plan with every default filled in. */
export type ResolvedSessionPlan = z.output<typeof sessionPlanSchema>;
export type LineupItem = z.input<typeof lineupItemSchema>;
export type ResolvedLineupItem = z.output<typeof lineupItemSchema>;
export type AdPlan = z.input<typeof adPlanSchema>;
export type DisorderOptions = z.input<typeof disorderSchema>;
