/**
 * The big screen's DTOs, mirroring `packages/live/src/live-snapshot.schema.ts` and
 * `live-comparison.schema.ts` (the server validates its answers against those schemas).
 * Money is integer fen, times are UTC epoch milliseconds.
 */

/** A rate with both terms; `value` is null when the denominator is 0. */
export interface Ratio {
  numerator: number;
  denominator: number;
  value: number | null;
}

export interface LiveTotals {
  gmvFen: number;
  netGmvFen: number;
  refundFen: number;
  refunds: number;
  paidOrders: number;
  ordersCreated: number;
  buyers: number;
  onlineNow: number;
  peakOnline: number;
  uv: number;
  pv: number;
  exits: number;
  totalDwellMs: number;
  bounces: number;
  oneMinuteViews: number;
  impressions: number;
  clicks: number;
  cartAdds: number;
  adSpendFen: number;
  newFollowers: number;
  fanClubJoins: number;
  comments: number;
  likes: number;
  shares: number;
}

export interface LiveRates {
  averageDwellMs: Ratio;
  bounceRate2s: Ratio;
  oneMinuteViewRate: Ratio;
  ctr: Ratio;
  conversionRate: Ratio;
  /** GMV fen × 1000 ÷ PV. */
  gpm: Ratio;
  /** GMV fen ÷ UV. */
  uvValue: Ratio;
  aov: Ratio;
  roi: Ratio;
  interactionRate: Ratio;
  followerConversion: Ratio;
  refundRate: Ratio;
}

export const funnelSteps = ['views', 'oneMinuteViews', 'clicks', 'orders', 'pays'] as const;
export type FunnelStep = (typeof funnelSteps)[number];

export type FunnelCounts = Record<FunnelStep, number>;

export interface FunnelStepRow {
  step: FunnelStep;
  count: number;
  fromPrevious: Ratio;
  fromFirst: Ratio;
}

export interface LiveMinute {
  /** Start of the minute. */
  minute: number;
  gmvFen: number;
  entries: number;
  exits: number;
  onlineAtEnd: number;
  funnel: FunnelCounts;
  cumulative: FunnelCounts & { gmvFen: number; exits: number };
}

export interface TrafficSourceRow {
  source: string;
  entries: number;
  share: Ratio;
}

export interface ProductRow {
  productId: string;
  impressions: number;
  clicks: number;
  cartAdds: number;
  orders: number;
  paidOrders: number;
  gmvFen: number;
  ctr: Ratio;
  conversion: Ratio;
  explaining: boolean;
}

export interface CommentRow {
  id: string;
  viewerId: string;
  nickname: string | null;
  text: string;
  occurredAt: number;
}

export interface ModerationHit {
  term: string;
  category: string;
  severity: 'high' | 'medium' | 'low';
  via: 'exact' | 'homophone';
  /** Indexes into the comment's text. */
  start: number;
  end: number;
  matched: string;
}

/** The lexicon verdict on a comment; null on the board when nothing checked it. */
export interface CommentModeration {
  flagged: boolean;
  hits: ModerationHit[];
}

export interface BoardComment extends CommentRow {
  moderation: CommentModeration | null;
}

export interface LiveSnapshot {
  sessionId: string;
  accountId: string | null;
  eventCount: number;
  firstEventAt: number | null;
  lastEventAt: number | null;
  totals: LiveTotals;
  rates: LiveRates;
  funnel: FunnelStepRow[];
  series: LiveMinute[];
  trafficSources: TrafficSourceRow[];
  products: ProductRow[];
  explaining: { productId: string; since: number } | null;
  /** The latest 50, newest first. */
  comments: CommentRow[];
}

export const windowMetrics = [
  'gmvFen',
  'entries',
  'exits',
  'oneMinuteViews',
  'clicks',
  'orders',
  'pays',
  'onlineAtEnd',
] as const;
export type WindowMetric = (typeof windowMetrics)[number];

/** The last complete minutes against the same number of minutes before them; null until one minute is complete. */
export type WindowComparison = {
  minutes: number;
  current: { from: number; to: number };
  previous: { from: number; to: number };
  metrics: { metric: WindowMetric; current: number; previous: number; change: Ratio }[];
} | null;

export const pastMetrics = [
  'gmvFen',
  'pv',
  'uv',
  'paidOrders',
  'buyers',
  'newFollowers',
  'interactions',
  'ctr',
  'conversionRate',
  'gpm',
  'uvValue',
  'bounceRate2s',
  'averageDwellMs',
] as const;
export type PastMetric = (typeof pastMetrics)[number];

/** This session against the room's own past sessions at the same elapsed time. */
export interface PastComparison {
  elapsedMs: number;
  computedAt: number;
  sessions: number;
  metrics: { metric: PastMetric; current: number | null; pastMedian: number | null; beats: Ratio }[];
}

/** `GET /api/v1/sessions/{id}/live` and each `board` event of its stream. */
export interface LiveBoard extends LiveSnapshot {
  asOf: number;
  /** The account's display name where scheduling knows the account. */
  accountName: string | null;
  /** Catalogue titles by product id, where the catalogue knows the product. */
  productTitles: Record<string, string>;
  comparison: { window: WindowComparison; past: PastComparison };
  /** The latest 50, newest first, each with its moderation verdict. */
  comments: BoardComment[];
}

/** One row of `GET /api/v1/live/sessions`, newest first. */
export interface LiveSessionSummary {
  sessionId: string;
  accountId: string | null;
  /** The account's display name where scheduling knows it. */
  accountName: string | null;
  firstEventAt: number | null;
  lastEventAt: number | null;
  eventCount: number;
  gmvFen: number;
}
