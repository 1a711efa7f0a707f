/*
 * The shared vocabularies of LiveCloud: the one place each list is spelt. Plain `as const`
 * arrays and the unions they name, with no imports at all, so the web may import these
 * values as freely as the server does.
 */

/** The live platforms an account, a session, a simulation or a forecast can be on. */
export const platforms = ['douyin', 'kuaishou', 'taobao', 'xiaohongshu', 'wechat_channels'] as const;
export type Platform = (typeof platforms)[number];

/** Event types that live platforms and the simulator produce (SPEC §5). */
export const liveEventTypes = [
  'room.enter',
  'room.leave',
  'comment',
  'like',
  'share',
  'follow',
  'fanclub.join',
  'product.impression',
  'product.click',
  'cart.add',
  'order.create',
  'order.pay',
  'order.refund',
  'explain.start',
  'explain.end',
  'ad.spend',
] as const;
export type LiveEventType = (typeof liveEventTypes)[number];

/** Generic types from the SDK and the Segment-compatible API; they need not belong to a live session. */
export const genericEventTypes = ['track', 'identify', 'page', 'screen'] as const;
export type GenericEventType = (typeof genericEventTypes)[number];

/** Every event type the envelope accepts. */
export const eventTypes = [...liveEventTypes, ...genericEventTypes] as const;
export type EventType = (typeof eventTypes)[number];

/** Where an event came from: a live platform, our SDK, a Segment library, the simulator or an import. */
export const eventSources = [...platforms, 'sdk', 'segment', 'simulator', 'import'] as const;
export type EventSource = (typeof eventSources)[number];

/** How a viewer reached the live room. */
export const trafficSources = [
  'recommend_feed',
  'followers',
  'paid_ads',
  'short_video',
  'search',
  'other',
] as const;
export type TrafficSource = (typeof trafficSources)[number];

/** What a route may ask of a principal (SPEC §1); routes ask for a permission, never for a role. */
export const permissions = [
  'org:manage',
  'staff:read',
  'staff:manage',
  'keys:manage',
  'audit:read',
  'health:read',
  'live:read',
  'live:override',
  'commerce:read',
  'commerce:manage',
  'commerce:approve',
  'qc:manage',
  'ads:manage',
  'audience:read',
  'analytics:read',
  'recommend:read',
  'experiments:manage',
  'risk:read',
  'risk:manage',
  'matrix:read',
  'events:write',
  'events:read',
  'events:manage',
  'merchant:portal',
  'partner:portal',
] as const;
export type Permission = (typeof permissions)[number];

/** The roles a membership can hold; `merchant` and `partner` are external people. */
export const roles = [
  'admin',
  'operator',
  'selection',
  'qc',
  'anchor',
  'ad_buyer',
  'analyst',
  'risk',
  'merchant',
  'partner',
] as const;
export type Role = (typeof roles)[number];

const staffBase = ['health:read', 'staff:read'] as const satisfies readonly Permission[];

/** The permission matrix: the one place that says which role may do what (SPEC §1). */
export const rolePermissions: Readonly<Record<Role, readonly Permission[]>> = {
  // Only admins hold `commerce:approve`: the second person of a large refund or a suspension.
  admin: permissions.filter((p) => p !== 'events:write' && p !== 'merchant:portal' && p !== 'partner:portal'),
  operator: [
    ...staffBase,
    'live:read',
    'live:override',
    'commerce:read',
    'commerce:manage',
    'audience:read',
    'analytics:read',
    'recommend:read',
    'matrix:read',
  ],
  selection: [...staffBase, 'commerce:read', 'commerce:manage', 'analytics:read', 'matrix:read'],
  qc: [...staffBase, 'commerce:read', 'qc:manage'],
  anchor: [...staffBase, 'live:read', 'commerce:read'],
  ad_buyer: [...staffBase, 'live:read', 'ads:manage', 'analytics:read'],
  analyst: [
    ...staffBase,
    'events:read',
    'live:read',
    'commerce:read',
    'audience:read',
    'analytics:read',
    'recommend:read',
    'experiments:manage',
  ],
  risk: [...staffBase, 'live:read', 'audience:read', 'risk:read', 'risk:manage'],
  // External people see only their portal, never the organisation's staff or data.
  merchant: ['merchant:portal'],
  partner: ['partner:portal'],
};

/** What an API key is for: a collector key only writes events, an admin key acts as an admin. */
export const apiKeyPurposes = ['collector', 'admin'] as const;
export type ApiKeyPurpose = (typeof apiKeyPurposes)[number];

/** personal: ends with its owner's membership; service: the organisation's, passed on when its owner leaves. */
export const apiKeyKinds = ['personal', 'service'] as const;
export type ApiKeyKind = (typeof apiKeyKinds)[number];

/** Who did something, as audit entries and ledgers record it. */
export const actorTypes = ['user', 'api_key', 'system'] as const;
export type ActorType = (typeof actorTypes)[number];

/** A staff membership: active, or off-boarded (access ended). */
export const staffStatuses = ['active', 'offboarded'] as const;
export type StaffStatus = (typeof staffStatuses)[number];

/** A live session's life: planned → live → ended → reviewed. */
export const sessionStatuses = ['planned', 'live', 'ended', 'reviewed'] as const;
export type SessionStatus = (typeof sessionStatuses)[number];

/** A merchant's standing with the organisation. */
export const merchantStatuses = ['applied', 'approved', 'rejected', 'suspended'] as const;
export type MerchantStatus = (typeof merchantStatuses)[number];

/** Entries of a merchant's deposit ledger. */
export const depositKinds = ['paid', 'frozen', 'unfrozen', 'deducted', 'refunded'] as const;
export type DepositKind = (typeof depositKinds)[number];

/** What needs a second person's approval (maker-checker): large deposit outflows, suspensions. */
export const approvalKinds = ['deposit.refund', 'deposit.deduct', 'merchant.suspend'] as const;
export type ApprovalKind = (typeof approvalKinds)[number];

/** A pending approval's life: decided once (approved, rejected) or withdrawn by its requester. */
export const approvalStatuses = ['pending', 'approved', 'rejected', 'cancelled'] as const;
export type ApprovalStatus = (typeof approvalStatuses)[number];

/** A merchant invite's state. */
export const inviteStatuses = ['open', 'used', 'expired', 'revoked'] as const;
export type InviteStatus = (typeof inviteStatuses)[number];

/** A product submission's path from the merchant to the warehouse. */
export const submissionStatuses = [
  'submitted',
  'shortlisted',
  'sample_requested',
  'sample_received',
  'qc_passed',
  'qc_failed',
  'approved',
  'warehoused',
  'rejected',
  'withdrawn',
] as const;
export type SubmissionStatus = (typeof submissionStatuses)[number];

/** Where a submission goes: the product pool, or one live session. */
export const submissionTargets = ['pool', 'session'] as const;
export type SubmissionTarget = (typeof submissionTargets)[number];

/** A dead letter: waiting, replayed, or discarded. */
export const deadLetterStatuses = ['new', 'replayed', 'discarded'] as const;
export type DeadLetterStatus = (typeof deadLetterStatuses)[number];

/** The selling mechanisms of a line-up item. */
export const mechanismTypes = ['none', 'coupon', 'gift', 'flash_sale', 'giveaway'] as const;
export type MechanismType = (typeof mechanismTypes)[number];

/** An SOP run: active until every task is done. */
export const sopRunStatuses = ['active', 'completed'] as const;
export type SopRunStatus = (typeof sopRunStatuses)[number];

/** Where a competitor price was seen: the live platforms and the big shops. */
export const pricePlatforms = [...platforms, 'jd', 'pdd', 'tmall', 'other'] as const;
export type PricePlatform = (typeof pricePlatforms)[number];

/** How a price observation got in: read off a platform, a CSV import, or typed by hand. */
export const observationSources = ['platform', 'import', 'manual'] as const;
export type ObservationSource = (typeof observationSources)[number];

/** The parts of a selection score. */
export const scoreComponents = [
  'margin',
  'commission',
  'conversion',
  'fit',
  'stock',
  'lowest_price',
] as const;
export type ScoreComponent = (typeof scoreComponents)[number];

/** Default weights of the score components; they sum to 100. */
export const defaultScoreWeights: Readonly<Record<ScoreComponent, number>> = {
  margin: 25,
  commission: 15,
  conversion: 25,
  fit: 15,
  stock: 10,
  lowest_price: 10,
};

/** The live funnel: entries → 1-minute views → product clicks → orders created → orders paid. */
export const funnelSteps = ['views', 'oneMinuteViews', 'clicks', 'orders', 'pays'] as const;
export type FunnelStep = (typeof funnelSteps)[number];

/** Per-minute counts the big screen compares window against window. */
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

/** Metrics the big screen compares with the room's past sessions at the same elapsed time. */
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

/** The unit a metric's value is in. */
export type MetricUnit = 'fen' | 'ms' | 'ratio' | 'fen_per_1000_views' | 'fen_per_viewer' | 'fen_per_order';

/** One rate of the metric dictionary: what it divides by what, its scale and unit. */
export interface RateDefinition {
  numerator: string;
  denominator: string;
  /** `value = numerator × scale ÷ denominator`. */
  scale: number;
  unit: MetricUnit;
}

/** The rates of the metric dictionary (SPEC §4), each with its terms (names of the live totals). */
export const rateMetrics = [
  'averageDwellMs',
  'bounceRate2s',
  'oneMinuteViewRate',
  'ctr',
  'conversionRate',
  'gpm',
  'uvValue',
  'aov',
  'roi',
  'interactionRate',
  'followerConversion',
  'refundRate',
] as const;
export type RateMetric = (typeof rateMetrics)[number];

/** SPEC §4, one definition used everywhere: the live state, the SQL recomputation and the web. */
export const metricDictionary: Readonly<Record<RateMetric, RateDefinition>> = {
  averageDwellMs: { numerator: 'totalDwellMs', denominator: 'pv', scale: 1, unit: 'ms' },
  bounceRate2s: { numerator: 'bounces', denominator: 'pv', scale: 1, unit: 'ratio' },
  oneMinuteViewRate: { numerator: 'oneMinuteViews', denominator: 'pv', scale: 1, unit: 'ratio' },
  ctr: { numerator: 'clicks', denominator: 'impressions', scale: 1, unit: 'ratio' },
  conversionRate: { numerator: 'buyers', denominator: 'uv', scale: 1, unit: 'ratio' },
  gpm: { numerator: 'gmvFen', denominator: 'pv', scale: 1000, unit: 'fen_per_1000_views' },
  uvValue: { numerator: 'gmvFen', denominator: 'uv', scale: 1, unit: 'fen_per_viewer' },
  aov: { numerator: 'gmvFen', denominator: 'paidOrders', scale: 1, unit: 'fen_per_order' },
  roi: { numerator: 'gmvFen', denominator: 'adSpendFen', scale: 1, unit: 'ratio' },
  interactionRate: { numerator: 'comments + likes + shares', denominator: 'uv', scale: 1, unit: 'ratio' },
  followerConversion: { numerator: 'newFollowers', denominator: 'uv', scale: 1, unit: 'ratio' },
  refundRate: { numerator: 'refundFen', denominator: 'gmvFen', scale: 1, unit: 'ratio' },
};

/**
 * A web origin as browsers send it in `Origin` (`https://shop.example.com`, a port only when
 * not the default), or `*` for any origin; null for anything else. A trailing slash and upper
 * case are forgiven. A rule, not a list, kept here because it needs no imports and the web
 * checks what the server checks.
 */
export function normaliseOrigin(value: string): string | null {
  const text = value.trim();
  if (text === '*') return '*';
  if (!/^https?:\/\/[^/?#]+\/?$/i.test(text)) return null;
  try {
    const url = new URL(text);
    return url.username === '' && url.password === '' ? url.origin : null;
  } catch {
    return null;
  }
}
