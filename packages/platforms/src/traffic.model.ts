import { createSegmentCursor, type ExplainSegment } from './explain-schedule.js';
import type { Random } from './random.js';
import type { ResolvedLineupItem, ResolvedSessionPlan, SimulatedPlatform } from './session-plan.schema.js';
import { meanStaySec, stayProfiles, staySurvival, type ViewerSource } from './viewer.model.js';

/** Sources that bring viewers without ad spend. */
export type OrganicSource = Exclude<ViewerSource, 'paid_ads'>;
export const organicSources: readonly OrganicSource[] = [
  'recommend_feed',
  'followers',
  'short_video',
  'search',
];

// Shares of organic entries. Douyin and Kuaishou are feed-first, Kuaishou with a much stronger
// private domain (老铁 followers); Taobao Live lives on search and store followers; Xiaohongshu
// on notes and search; WeChat Channels on the social graph.
export const platformMix: Readonly<Record<SimulatedPlatform, Readonly<Record<OrganicSource, number>>>> = {
  douyin: { recommend_feed: 0.7, followers: 0.12, short_video: 0.12, search: 0.06 },
  kuaishou: { recommend_feed: 0.5, followers: 0.35, short_video: 0.1, search: 0.05 },
  taobao: { recommend_feed: 0.3, followers: 0.3, short_video: 0.1, search: 0.3 },
  xiaohongshu: { recommend_feed: 0.45, followers: 0.25, short_video: 0.1, search: 0.2 },
  wechat_channels: { recommend_feed: 0.4, followers: 0.35, short_video: 0.15, search: 0.1 },
};

const mechanismPush: Readonly<Record<ResolvedLineupItem['mechanism'], number>> = {
  none: 1,
  gift: 1.05,
  coupon: 1.1,
  flash_sale: 1.35,
};

/**
 * How hard the feed pushes the room while `item` is on screen. Feed algorithms reward rooms
 * that hold and convert viewers, so a hot product or a flash sale (秒杀) brings a visible wave.
 */
export function feedPushTarget(item: ResolvedLineupItem | undefined): number {
  if (item === undefined) return 0.7;
  return (0.55 + 0.9 * item.appeal) * mechanismPush[item.mechanism];
}

// The feed reacts to what is on screen with a lag of a minute or two, not instantly.
const pushLagSec = 90;

/** Deterministic part of the arrival rate of one source at second `s`, relative to its share. */
export function organicShape(source: OrganicSource, s: number, durationSec: number, push: number): number {
  const u = s / durationSec;
  // Traffic sags in the last quarter as the feed moves on and viewers tire.
  const fatigue = u < 0.75 ? 1 : 1 - 2 * (u - 0.75);
  switch (source) {
    case 'recommend_feed':
      // A new session is first tested on a small pool and widened over the first minutes.
      return (1 - 0.8 * Math.exp(-s / 300)) * push * fatigue;
    case 'followers':
      // The start notification (开播提醒) brings fans in a burst that fades over ~6 minutes.
      return (0.5 + 2.5 * Math.exp(-s / 360)) * fatigue;
    case 'short_video':
      return 1 - 0.3 * u;
    case 'search':
      return 0.6 + 0.8 * u;
  }
}

/** What sizing the traffic to the plan's `scale` found. */
export interface TrafficCalibration {
  /** Organic arrivals per second that one unit of shape stands for. */
  baseRate: number;
  /** Expected organic entries over the session (first entries only, before re-entries). */
  expectedOrganicEntries: number;
}

const binSec = 30;
const realisedPeakLift = 1.2;

/**
 * Chooses the base arrival rate so that the expected organic online curve peaks at `scale`:
 * online(t) = Σ arrivals(t') · P(stay > t − t'), evaluated on 30-second bins.
 */
export function calibrateTraffic(
  plan: Pick<ResolvedSessionPlan, 'platform' | 'durationMin' | 'startAt' | 'scale'>,
  segments: readonly ExplainSegment[],
): TrafficCalibration {
  const durationSec = Math.max(1, Math.round(plan.durationMin * 60));
  const bins = Math.ceil(durationSec / binSec);
  const mix = platformMix[plan.platform];
  const perBin = organicSources.map(() => new Float64Array(bins));
  const cursor = createSegmentCursor(segments);
  let push = feedPushTarget(undefined);
  let unitEntries = 0;
  for (let s = 0; s < durationSec; s++) {
    push += (feedPushTarget(cursor(plan.startAt + s * 1000)?.item) - push) / pushLagSec;
    organicSources.forEach((source, k) => {
      const rate = mix[source] * organicShape(source, s, durationSec, push);
      perBin[k]![Math.floor(s / binSec)]! += rate;
      unitEntries += rate;
    });
  }
  const survival = organicSources.map((source) =>
    Array.from({ length: bins }, (_, lag) => staySurvival(stayProfiles[source], (lag + 0.5) * binSec)),
  );
  let peak = 0;
  for (let b = 0; b < bins; b++) {
    let online = 0;
    for (let k = 0; k < organicSources.length; k++) {
      const arrivals = perBin[k]!;
      const surv = survival[k]!;
      for (let prior = 0; prior <= b; prior++) online += arrivals[prior]! * surv[b - prior]!;
    }
    peak = Math.max(peak, online);
  }
  // Sessions shorter than a stay never reach steady state; fall back to rate × mean stay.
  if (peak <= 0) {
    peak = organicSources.reduce((sum, source) => sum + mix[source] * meanStaySec(stayProfiles[source]), 0);
  }
  // Re-entries (~7% more entries) and the noise around the expected curve lift the realised peak
  // above the expected one; aim a little lower so the realised peak lands near `scale`.
  const baseRate = plan.scale / (peak * realisedPeakLift);
  return { baseRate, expectedOrganicEntries: baseRate * unitEntries };
}

/** The moving parts of traffic during a run: feed push, room heat, noise and short-video bursts. */
export interface TrafficRuntime {
  /** Expected organic arrivals by source during second `s`; call once per second, in order. */
  organicRates(s: number, onScreen: ResolvedLineupItem | undefined): Readonly<Record<OrganicSource, number>>;
  /** Feeds back one minute of results: the feed pushes rooms that convert. */
  observeMinute(entries: number, paidOrders: number): void;
}

// Entry-to-paid-order conversion of an ordinary minute in this model; a room converting better
// than this gets more feed traffic in the next minutes, one converting worse gets less.
const referenceConversion = 0.02;

export function createTrafficRuntime(
  plan: Pick<ResolvedSessionPlan, 'platform' | 'durationMin'>,
  calibration: TrafficCalibration,
  random: Random,
): TrafficRuntime {
  const durationSec = Math.max(1, Math.round(plan.durationMin * 60));
  const mix = platformMix[plan.platform];
  let push = feedPushTarget(undefined);
  let heat = 1;
  // Log-space AR(1) noise per source: stationary sd ≈ 0.15, correlated over about a minute.
  const noise: Record<OrganicSource, number> = { recommend_feed: 0, followers: 0, short_video: 0, search: 0 };
  let burstStart = -Infinity;
  let burstAmp = 0;
  const rates: Record<OrganicSource, number> = { recommend_feed: 0, followers: 0, short_video: 0, search: 0 };
  return {
    organicRates: (s, onScreen) => {
      push += (feedPushTarget(onScreen) - push) / pushLagSec;
      // A short video now and then takes off and sends a wave for ~10 minutes.
      if (s % 60 === 0 && random.chance(0.03)) {
        burstStart = s;
        burstAmp = random.uniform(1, 4);
      }
      for (const source of organicSources) {
        noise[source] = 0.98 * noise[source] + random.normal(0, 0.03);
        let rate = calibration.baseRate * mix[source] * organicShape(source, s, durationSec, push);
        if (source === 'recommend_feed') rate *= Math.sqrt(heat);
        if (source === 'short_video') rate *= 1 + burstAmp * Math.exp(-(s - burstStart) / 240);
        rates[source] = rate * Math.exp(noise[source]);
      }
      return rates;
    },
    observeMinute: (entries, paidOrders) => {
      if (entries < 20) return;
      const target = Math.min(1.6, Math.max(0.6, paidOrders / entries / referenceConversion));
      heat = 0.7 * heat + 0.3 * target;
    },
  };
}

/**
 * Cost per paid entry (进房成本) in fen. Qianchuan-style rooms pay roughly ¥0.5–2 per entry;
 * a higher bid wins more auctions but pays more for each.
 */
export function adCostPerEntryFen(bidLevel: number): number {
  return 80 * bidLevel ** 0.6;
}

/** Share of the budget the platform manages to deliver at this bid. */
export function adDeliveryShare(bidLevel: number): number {
  return Math.min(1, 0.55 + 0.45 * bidLevel);
}

/**
 * Spend in integer fen for one minute (or the last, shorter one). Delivery ramps up over the
 * first minutes while the campaign learns, wobbles minute to minute, and never exceeds the hourly
 * budget pro-rated to the time elapsed.
 */
export function drawAdSpendFen(options: {
  random: Random;
  budgetFenPerHour: number;
  bidLevel: number;
  minuteIndex: number;
  seconds: number;
  spentSoFarFen: number;
}): number {
  const { random, budgetFenPerHour, bidLevel, minuteIndex, seconds, spentSoFarFen } = options;
  const ramp = 1 - 0.6 * Math.exp(-minuteIndex / 3);
  const wobble = random.lognormalMedian(1, 0.15);
  const wanted = Math.round((budgetFenPerHour / 3600) * seconds * adDeliveryShare(bidLevel) * ramp * wobble);
  const allowedSoFar = Math.floor((budgetFenPerHour * (minuteIndex * 60 + seconds)) / 3600);
  return Math.max(0, Math.min(wanted, allowedSoFar - spentSoFarFen));
}
