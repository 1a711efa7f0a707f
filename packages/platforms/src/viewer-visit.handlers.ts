import { stepDelaySec } from './commerce.model.js';
import { drawComment } from './comment-lexicon.js';
import { msAfter, type EngineContext, type Visit } from './engine-context.js';
import type { ResolvedLineupItem } from './session-plan.schema.js';
import {
  drawStay,
  interactionRates,
  stayProfiles,
  type InteractionRates,
  type ViewerSource,
} from './viewer.model.js';

const interactionKinds = ['like', 'comment', 'share', 'follow', 'fanclubJoin', 'browseBag'] as const;
const shareChannels = ['wechat_friend', 'wechat_moments', 'platform_friend', 'copy_link'] as const;

/** Share of viewers in the room who get the pinned explain card (讲解卡) for the product. */
export const explainCardReach = 0.75;

function totalRate(rates: InteractionRates): number {
  return interactionKinds.reduce((sum, k) => sum + rates[k], 0);
}

function refreshRates(visit: Visit): void {
  visit.rates = interactionRates(visit.traits, visit.follower, visit.inFanclub);
  visit.totalRate = totalRate(visit.rates);
}

function scheduleNextAct(ctx: EngineContext, visit: Visit, from: number): void {
  if (visit.totalRate <= 0) return;
  const at = from + msAfter(ctx.random.exponential(visit.totalRate));
  if (at < visit.leaveAt) ctx.schedule({ kind: 'act', at, visit });
}

/** Schedules the explain card for a viewer in the room, if they are still there to see it. */
export function showExplainCard(
  ctx: EngineContext,
  visit: Visit,
  item: ResolvedLineupItem,
  at: number,
): void {
  if (at < visit.leaveAt) ctx.schedule({ kind: 'impression', at, visit, item, position: 'explain_card' });
}

/** Once a viewer starts buying they stay until the step is done rather than vanish mid-checkout. */
export function keepUntil(ctx: EngineContext, visit: Visit, at: number): void {
  if (at < visit.leaveAt) return;
  visit.leaveAt = at + Math.round(ctx.random.uniform(5_000, 30_000));
  visit.leaveVersion++;
  ctx.schedule({ kind: 'leave', at: visit.leaveAt, visit, version: visit.leaveVersion });
}

/** A viewer enters: room.enter now, the leave, the first interaction and the explain card later. */
export function enterRoom(ctx: EngineContext, at: number, source: ViewerSource, fixedUser?: number): void {
  const { audience, online, random } = ctx;
  let userIndex = fixedUser;
  if (userIndex === undefined) {
    // A viewer already in the room cannot enter twice; try a few other viewers, else skip.
    for (let tries = 0; tries < 4 && userIndex === undefined; tries++) {
      const candidate = audience.draw(random, source);
      if (!online.has(candidate)) userIndex = candidate;
    }
  }
  if (userIndex === undefined || online.has(userIndex)) return;
  const onScreen = ctx.onScreenAt(at)?.item;
  const stay = drawStay(random, source, onScreen?.appeal);
  const traits = audience.traits(userIndex);
  const follower = audience.isFan(userIndex) || ctx.followedNow.has(userIndex);
  const inFanclub = traits.fanclubMember || ctx.joinedNow.has(userIndex);
  const rates = interactionRates(traits, follower, inFanclub);
  const visit: Visit = {
    userIndex,
    userId: audience.platformUserId(userIndex),
    source,
    enterAt: at,
    leaveAt: at + stay.ms,
    leaveVersion: 0,
    bounced: stay.bounced,
    open: true,
    follower,
    inFanclub,
    traits,
    intent: traits.buyPropensity * stayProfiles[source].buyIntent,
    rates,
    totalRate: totalRate(rates),
  };
  online.set(userIndex, visit);
  ctx.minute.entries++;
  ctx.emit(at, {
    type: 'room.enter',
    platformUserId: visit.userId,
    trafficSource: source,
    properties: { isFollower: follower, reentry: ctx.seenUsers.has(userIndex) },
  });
  ctx.seenUsers.add(userIndex);
  ctx.schedule({ kind: 'leave', at: visit.leaveAt, visit, version: 0 });
  if (stay.bounced) return;
  scheduleNextAct(ctx, visit, at);
  if (onScreen !== undefined && random.chance(explainCardReach)) {
    showExplainCard(ctx, visit, onScreen, at + msAfter(stepDelaySec.impressionAfterEntry(random)));
  }
}

/**
 * A viewer leaves: room.leave with the dwell. At the session end everyone still in leaves at the
 * end instant (`reason: 'session_end'`), so every room.enter has its room.leave.
 */
export function leaveRoom(
  ctx: EngineContext,
  at: number,
  visit: Visit,
  reason: 'left' | 'session_end',
): void {
  visit.open = false;
  ctx.online.delete(visit.userIndex);
  const dwellMs = at - visit.enterAt;
  ctx.emit(at, {
    type: 'room.leave',
    platformUserId: visit.userId,
    trafficSource: visit.source,
    properties: reason === 'left' ? { dwellMs } : { dwellMs, reason },
  });
  if (reason === 'session_end') return;
  // Some come back a few minutes later: a fan to check the next product, a swiper who swipes back.
  if (ctx.random.chance(visit.bounced ? 0.04 : 0.1)) {
    const back = at + msAfter(ctx.random.exponential(1 / 240));
    const source: ViewerSource = visit.follower
      ? 'followers'
      : visit.source === 'paid_ads'
        ? 'recommend_feed'
        : visit.source;
    if (back < ctx.endAt) ctx.schedule({ kind: 'enter', at: back, source, userIndex: visit.userIndex });
  }
}

/** One interaction of a viewer in the room, chosen by their rates, then the next one scheduled. */
export function interact(ctx: EngineContext, at: number, visit: Visit): void {
  const { random, plan } = ctx;
  const kind = random.weighted(
    interactionKinds,
    interactionKinds.map((k) => visit.rates[k]),
  );
  const viewer = { platformUserId: visit.userId };
  switch (kind) {
    case 'like':
      // Platforms batch rapid taps into one message with a count.
      ctx.emit(at, {
        type: 'like',
        ...viewer,
        properties: { count: 1 + Math.floor(random.lognormalMedian(3, 0.8)) },
      });
      break;
    case 'comment': {
      const category = ctx.onScreenAt(at)?.item.category;
      ctx.emit(at, { type: 'comment', ...viewer, properties: { text: drawComment(random, category) } });
      break;
    }
    case 'share':
      ctx.emit(at, { type: 'share', ...viewer, properties: { channel: random.pick(shareChannels) } });
      break;
    case 'follow':
      visit.follower = true;
      ctx.followedNow.add(visit.userIndex);
      refreshRates(visit);
      ctx.emit(at, { type: 'follow', ...viewer });
      break;
    case 'fanclubJoin':
      visit.inFanclub = true;
      ctx.joinedNow.add(visit.userIndex);
      refreshRates(visit);
      ctx.emit(at, { type: 'fanclub.join', ...viewer });
      break;
    case 'browseBag': {
      // Opening the bag (小黄车) shows the first few listed products.
      const shown = Math.min(plan.lineup.length, random.int(2, 5));
      for (let k = 0; k < shown; k++) {
        const seenAt = at + 500 + k * Math.round(random.uniform(300, 1_500));
        if (seenAt < visit.leaveAt) {
          ctx.schedule({
            kind: 'impression',
            at: seenAt,
            visit,
            item: plan.lineup[k]!,
            position: 'bag_list',
          });
        }
      }
      break;
    }
  }
  scheduleNextAct(ctx, visit, at);
}
