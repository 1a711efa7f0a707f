import type { EventEnvelopeInput } from '@livecloud/contracts';
import { stepDelaySec } from './commerce.model.js';
import {
  msAfter,
  productFields,
  type EngineContext,
  type EventFields,
  type Task,
  type TaskInput,
  type Visit,
} from './engine-context.js';
import { TimeQueue } from './event-queue.js';
import { createSegmentCursor, type ExplainSegment } from './explain-schedule.js';
import { payOrder, refundOrder, releaseStock, runFunnelStep } from './purchase-funnel.handlers.js';
import { hashString, type Random } from './random.js';
import type { ResolvedLineupItem, ResolvedSessionPlan } from './session-plan.schema.js';
import {
  adCostPerEntryFen,
  createTrafficRuntime,
  drawAdSpendFen,
  organicSources,
  type OrganicSource,
  type TrafficCalibration,
} from './traffic.model.js';
import { createAudience } from './viewer.model.js';
import {
  enterRoom,
  explainCardReach,
  interact,
  leaveRoom,
  showExplainCard,
} from './viewer-visit.handlers.js';

/** Everything the engine needs, prepared by the simulator. */
export interface EngineInput {
  plan: ResolvedSessionPlan;
  segments: readonly ExplainSegment[];
  calibration: TrafficCalibration;
  random: Random;
}

function explain(ctx: EngineContext, at: number, segment: ExplainSegment, edge: 'start' | 'end'): void {
  const { item } = segment;
  // Room-level events carry the account itself as the actor.
  const anchor = { platformUserId: ctx.plan.accountId, ...productFields(item) };
  if (edge === 'end') {
    ctx.emit(at, {
      type: 'explain.end',
      ...anchor,
      properties: {
        productId: item.productId,
        title: item.title,
        durationMs: at - segment.startAt,
        truncated: segment.truncated,
      },
    });
    return;
  }
  ctx.emit(at, {
    type: 'explain.start',
    ...anchor,
    properties: {
      productId: item.productId,
      title: item.title,
      lineupIndex: segment.lineupIndex,
      round: segment.round,
      priceFen: item.priceFen,
      plannedMinutes: item.explainMinutes,
      mechanism: item.mechanism,
    },
  });
  for (const visit of ctx.online.values()) {
    if (visit.bounced || !ctx.random.chance(explainCardReach)) continue;
    showExplainCard(ctx, visit, item, at + msAfter(stepDelaySec.impressionAfterExplainStart(ctx.random)));
  }
}

/**
 * The discrete-event core: walks the session second by second, draws arrivals, and runs each
 * viewer's visit as scheduled tasks. Yields events in non-decreasing `occurredAt`: the session's
 * own events, then payments and refunds that come after the end.
 */
export function* runSessionEngine(input: EngineInput): Generator<EventEnvelopeInput, void, undefined> {
  const { plan, segments, calibration, random } = input;
  const { orgId, accountId, sessionId, startAt } = plan;
  const durationSec = Math.max(1, Math.round(plan.durationMin * 60));
  const endAt = startAt + durationSec * 1000;
  const queue = new TimeQueue<Task>();
  const out: EventEnvelopeInput[] = [];
  let seq = 0;
  let eventCount = 0;
  let orderCount = 0;
  let ended = false;

  const stockLeft = new Map<ResolvedLineupItem, number>();
  for (const item of plan.lineup) if (item.stock !== undefined) stockLeft.set(item, item.stock);
  const ctx: EngineContext = {
    plan,
    endAt,
    audience: createAudience({
      // One audience per account by default, so its sessions share fans and returning viewers.
      audienceSeed: plan.audienceSeed ?? hashString(`${orgId}/${accountId}`),
      platform: plan.platform,
      scale: plan.scale,
    }),
    random: random.fork('viewers'),
    online: new Map<number, Visit>(),
    followedNow: new Set<number>(),
    joinedNow: new Set<number>(),
    seenUsers: new Set<number>(),
    stockLeft,
    minute: { entries: 0, paidOrders: 0 },
    onScreenAt: createSegmentCursor(segments),
    emit: (at: number, fields: EventFields) => {
      out.push({
        id: `sim_${sessionId}_${++eventCount}`,
        occurredAt: at,
        orgId,
        source: 'simulator',
        ...fields,
        accountId,
        sessionId,
      });
    },
    schedule: (task: TaskInput) => queue.push({ ...task, seq: seq++ }),
    nextOrderId: () => `${sessionId}-o${++orderCount}`,
  };

  const run = (task: Task): void => {
    switch (task.kind) {
      case 'enter':
        if (!ended) enterRoom(ctx, task.at, task.source, task.userIndex);
        return;
      case 'leave':
        if (task.visit.open && task.version === task.visit.leaveVersion)
          leaveRoom(ctx, task.at, task.visit, 'left');
        return;
      case 'act':
        if (task.visit.open) interact(ctx, task.at, task.visit);
        return;
      case 'comment':
        if (task.visit.open) {
          ctx.emit(task.at, {
            type: 'comment',
            platformUserId: task.visit.userId,
            properties: { text: task.text },
          });
        }
        return;
      case 'explain':
        if (!ended) explain(ctx, task.at, task.segment, task.edge);
        return;
      case 'impression':
      case 'click':
      case 'cart':
      case 'order':
        if (task.visit.open) runFunnelStep(ctx, task);
        return;
      case 'pay':
        payOrder(ctx, task.at, task.order);
        return;
      case 'release':
        releaseStock(ctx, task.order);
        return;
      case 'refund':
        refundOrder(ctx, task.at, task.order, task.refund);
        return;
    }
  };

  const drainBefore = (limit: number): void => {
    for (let next = queue.peek(); next !== undefined && next.at < limit; next = queue.peek()) {
      run(queue.pop()!);
    }
  };

  for (const segment of segments) {
    ctx.schedule({ kind: 'explain', at: segment.startAt, segment, edge: 'start' });
    ctx.schedule({ kind: 'explain', at: segment.endAt, segment, edge: 'end' });
  }

  const traffic = createTrafficRuntime(plan, calibration, random.fork('traffic'));
  const arrivalRandom = Object.fromEntries(
    organicSources.map((source) => [source, random.fork(`arrivals:${source}`)]),
  ) as Record<OrganicSource, Random>;
  const adRandom = random.fork('ads');
  const ad = plan.ad;
  const costPerEntry = ad === undefined ? 0 : adCostPerEntryFen(ad.bidLevel);
  let adSpentFen = 0;
  let minuteSpendFen = 0;
  let paidArrivalsPerSec = 0;
  // The platform reports each minute's spend when the minute is over.
  const emitAdSpend = (at: number, minute: number): void => {
    if (ad === undefined) return;
    ctx.emit(at, {
      type: 'ad.spend',
      platformUserId: accountId,
      amountFen: minuteSpendFen,
      properties: { minute, budgetFenPerHour: ad.budgetFenPerHour, bidLevel: ad.bidLevel },
    });
  };

  for (let s = 0; s < durationSec; s++) {
    const t = startAt + s * 1000;
    if (s % 60 === 0) {
      const minute = s / 60;
      if (minute > 0) {
        emitAdSpend(t, minute - 1);
        traffic.observeMinute(ctx.minute.entries, ctx.minute.paidOrders);
      }
      ctx.minute.entries = 0;
      ctx.minute.paidOrders = 0;
      if (ad !== undefined) {
        const seconds = Math.min(60, durationSec - s);
        minuteSpendFen = drawAdSpendFen({
          random: adRandom,
          budgetFenPerHour: ad.budgetFenPerHour,
          bidLevel: ad.bidLevel,
          minuteIndex: minute,
          seconds,
          spentSoFarFen: adSpentFen,
        });
        adSpentFen += minuteSpendFen;
        // Paid entries follow what was actually spent, at the going cost per entry.
        paidArrivalsPerSec = minuteSpendFen / costPerEntry / seconds;
      }
    }
    const rates = traffic.organicRates(s, ctx.onScreenAt(t)?.item);
    for (const source of organicSources) {
      const r = arrivalRandom[source];
      for (let n = r.poisson(rates[source]); n > 0; n--) {
        ctx.schedule({ kind: 'enter', at: t + r.int(0, 1000), source });
      }
    }
    for (let n = adRandom.poisson(paidArrivalsPerSec); n > 0; n--) {
      ctx.schedule({ kind: 'enter', at: t + adRandom.int(0, 1000), source: 'paid_ads' });
    }
    drainBefore(t + 1000);
    yield* out;
    out.length = 0;
  }

  // The end: the last ad minute, the open explain segment, then everyone still in the room leaves
  // at the end instant.
  emitAdSpend(endAt, Math.ceil(durationSec / 60) - 1);
  drainBefore(endAt + 1);
  ended = true;
  for (const visit of [...ctx.online.values()]) leaveRoom(ctx, endAt, visit, 'session_end');
  yield* out;
  out.length = 0;
  // Afterwards only payments of orders created in time, and refunds, still happen.
  for (let task = queue.pop(); task !== undefined; task = queue.pop()) {
    if (task.kind === 'pay' || task.kind === 'refund') run(task);
    if (out.length >= 1_000) {
      yield* out;
      out.length = 0;
    }
  }
  yield* out;
}
