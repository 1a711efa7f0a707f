import { hash01, mixSeed, type Random } from './random.js';
import type { SimulatedPlatform } from './session-plan.schema.js';

/** The traffic sources the simulator sends viewers from (a subset of the envelope's `trafficSources`). */
export const viewerSources = ['recommend_feed', 'followers', 'paid_ads', 'short_video', 'search'] as const;
export type ViewerSource = (typeof viewerSources)[number];

/** How long viewers from one source stay, and how ready they are to buy. */
export interface StayProfile {
  /** Share of entries that leave within 2 s (the 2-second bounce). */
  bounceShare: number;
  /** Median stay of those who do not bounce, in seconds. */
  medianStaySec: number;
  /** Spread of the lognormal stay. */
  sigma: number;
  /** Multiplier on click and purchase probabilities. */
  buyIntent: number;
}

// Rough Douyin figures: feed viewers swipe in and out, 40–60% gone within 2 s, average stay
// under a minute; followers came on purpose and stay minutes; search traffic is few but buys.
// With the Douyin mix below the average dwell comes out near 80 s, a typical mid-size room.
export const stayProfiles: Readonly<Record<ViewerSource, StayProfile>> = {
  recommend_feed: { bounceShare: 0.45, medianStaySec: 40, sigma: 1.1, buyIntent: 0.8 },
  followers: { bounceShare: 0.1, medianStaySec: 150, sigma: 1.2, buyIntent: 1.5 },
  paid_ads: { bounceShare: 0.5, medianStaySec: 30, sigma: 1.1, buyIntent: 1.4 },
  short_video: { bounceShare: 0.25, medianStaySec: 60, sigma: 1.1, buyIntent: 1.1 },
  search: { bounceShare: 0.15, medianStaySec: 90, sigma: 1.1, buyIntent: 1.6 },
};

/** Expected stay in seconds of one entry from this source (bounces count as 1 s). */
export function meanStaySec(profile: StayProfile): number {
  const stay = profile.medianStaySec * Math.exp((profile.sigma * profile.sigma) / 2);
  return profile.bounceShare + (1 - profile.bounceShare) * stay;
}

// Abramowitz–Stegun 7.1.26; 1.5e-7 is far below what a traffic curve needs.
function erf(x: number): number {
  const sign = x < 0 ? -1 : 1;
  const ax = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * ax);
  const poly =
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t;
  return sign * (1 - poly * Math.exp(-ax * ax));
}

/** P(stay > sec) for one entry from this source; used to size traffic to the requested peak. */
export function staySurvival(profile: StayProfile, sec: number): number {
  if (sec < 2) return sec < 1 ? 1 : 1 - profile.bounceShare;
  const z = (Math.log(sec) - Math.log(profile.medianStaySec)) / profile.sigma;
  return (1 - profile.bounceShare) * 0.5 * (1 - erf(z / Math.SQRT2));
}

/**
 * Draws one stay. A hot product on screen keeps more feed viewers past the first 2 s: the
 * bounce share moves within 30–62%, the band quoted for Douyin feed traffic.
 */
export function drawStay(
  random: Random,
  source: ViewerSource,
  appealOnScreen: number | undefined,
): { ms: number; bounced: boolean } {
  const profile = stayProfiles[source];
  let bounceShare = profile.bounceShare;
  if (source === 'recommend_feed' && appealOnScreen !== undefined) {
    bounceShare = Math.min(0.62, Math.max(0.3, bounceShare + 0.3 * (0.5 - appealOnScreen)));
  }
  if (random.chance(bounceShare)) return { ms: Math.round(random.uniform(300, 1_999)), bounced: true };
  const sec = Math.max(2, random.lognormalMedian(profile.medianStaySec, profile.sigma));
  return { ms: Math.round(sec * 1000), bounced: false };
}

/** Stable traits of one viewer; hashed from the audience seed, so they hold across sessions. */
export interface ViewerTraits {
  /** 0..1, skewed low: most viewers never comment, a few chat all the time. */
  engagement: number;
  /** Around 1: multiplier on purchase probabilities. */
  buyPropensity: number;
  /** Only meaningful for fans: already in the fan club (粉丝团). */
  fanclubMember: boolean;
}

/** The account's audience: fans first, then everyone the feed could bring. */
export interface Audience {
  readonly fanCount: number;
  readonly size: number;
  isFan(index: number): boolean;
  platformUserId(index: number): string;
  traits(index: number): ViewerTraits;
  /** A viewer index for a new entry from `source`; loyal fans and heavy users come back more. */
  draw(random: Random, source: ViewerSource): number;
}

const userIdPrefix: Readonly<Record<SimulatedPlatform, string>> = {
  douyin: 'dy',
  kuaishou: 'ks',
  taobao: 'tb',
  xiaohongshu: 'xhs',
  wechat_channels: 'wx',
};

/**
 * Builds the audience of one account. A mid-size Douyin room with 5,000 peak online typically
 * has tens of thousands of followers, of which a few percent come to any one session, and
 * draws millions of strangers from the feed; the pool sizes below follow those ratios.
 */
export function createAudience(options: {
  audienceSeed: number;
  platform: SimulatedPlatform;
  scale: number;
}): Audience {
  const { audienceSeed, platform, scale } = options;
  const fanCount = Math.max(50, Math.round(scale * 10));
  const strangerCount = Math.max(1_000, Math.round(scale * 400));
  const prefix = userIdPrefix[platform];
  return {
    fanCount,
    size: fanCount + strangerCount,
    isFan: (index) => index < fanCount,
    platformUserId: (index) =>
      `${prefix}_${mixSeed(audienceSeed, index).toString(36).padStart(7, '0')}${index.toString(36)}`,
    traits: (index) => {
      const h = hash01(audienceSeed, index, 1);
      return {
        engagement: h * h,
        buyPropensity: 0.3 + 1.4 * hash01(audienceSeed, index, 2),
        fanclubMember: index < fanCount && hash01(audienceSeed, index, 3) < 0.12,
      };
    },
    draw: (random, source) => {
      // Fans also reach the room through the feed, a few percent of feed entries.
      if (source === 'followers' || random.chance(0.06)) {
        const u = random.next();
        return Math.floor(fanCount * u * u);
      }
      return fanCount + Math.floor(strangerCount * random.next() ** 1.2);
    },
  };
}

/** What a viewer in the room may do next, per second of stay. */
export interface InteractionRates {
  like: number;
  comment: number;
  share: number;
  follow: number;
  fanclubJoin: number;
  /** Opens the shopping bag (小黄车) and sees a few listed products. */
  browseBag: number;
}

/**
 * Per-second rates for a viewer who did not bounce. Calibrated so that over a typical stay about
 * 4% of entries comment, ~0.7% share and 1–3% of non-followers follow (涨粉率), in the ranges
 * operators see on Douyin big screens; likes come in tapped bursts.
 */
export function interactionRates(
  traits: ViewerTraits,
  follower: boolean,
  inFanclub: boolean,
): InteractionRates {
  const e = traits.engagement;
  return {
    like: (0.1 + 3 * e) / 300,
    comment: (0.1 + 3 * e) / 2_400,
    share: (0.2 + 2 * e) / 12_000,
    follow: follower ? 0 : (0.3 + 2 * e) / 4_000,
    fanclubJoin: follower && !inFanclub ? (0.2 + 3 * e) / 15_000 : 0,
    browseBag: (0.3 + e) / 600,
  };
}
