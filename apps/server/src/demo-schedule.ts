import type { SessionPlan } from '@livecloud/platforms';
import type { Schedule } from '@livecloud/schedule';
import type { DemoOperation } from './demo-operation.js';

const system = { type: 'system' as const, id: null };
const minute = 60_000;

function shanghaiDay(ms: number): string {
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    month: 'numeric',
    day: 'numeric',
  }).format(ms);
}

function titleOf(plan: SessionPlan, kind: string): string {
  const food = plan.lineup.some((item) => item.category === 'food');
  return `${shanghaiDay(plan.startAt)} 星河${food ? '好物 · 食品' : '美妆'}${kind}`;
}

async function scheduleOne(
  schedule: Pick<Schedule, 'sessions' | 'lineups'>,
  orgId: string,
  operation: DemoOperation,
  plan: SessionPlan,
  title: string,
  allocate: (item: SessionPlan['lineup'][number]) => number,
): Promise<string> {
  const session = await schedule.sessions.create(
    orgId,
    {
      title,
      roomId: operation.roomId,
      accountId: operation.accountId,
      anchorIds: operation.anchorIds,
      plannedStart: plan.startAt,
      plannedEnd: plan.startAt + (plan.durationMin ?? 60) * minute,
    },
    system,
  );
  for (const item of plan.lineup) {
    if (!item.skuId) continue;
    await schedule.lineups.addItem(
      orgId,
      session.id,
      {
        productId: item.productId,
        skuId: item.skuId,
        explainMinutes: Math.max(1, Math.round(item.explainMinutes)),
        livePriceFen: item.priceFen,
        mechanism: { type: 'none' },
        stockAllocation: allocate(item),
      },
      system,
    );
  }
  return session.id;
}

/**
 * Puts the demo's simulated sessions on the schedule (排期) with their line-ups (排品), so that a
 * session is one record from planning to review: the past ones as having taken place, the live
 * one gone live now. Answers the plans with the schedule's session ids, which the simulator's
 * events then carry.
 */
export async function scheduleDemoSessions(
  schedule: Pick<Schedule, 'sessions' | 'lineups'>,
  orgId: string,
  operation: DemoOperation,
  plans: { past: readonly SessionPlan[]; live: SessionPlan | null },
): Promise<{ past: SessionPlan[]; live: SessionPlan | null }> {
  const past: SessionPlan[] = [];
  for (const plan of plans.past) {
    // What a past session allocated was sold or returned long ago: it reserves nothing today.
    const id = await scheduleOne(schedule, orgId, operation, plan, titleOf(plan, '专场'), () => 0);
    const end = plan.startAt + (plan.durationMin ?? 60) * minute;
    await schedule.sessions.recordEnded(orgId, id, { start: plan.startAt, end }, system);
    past.push({ ...plan, sessionId: id });
  }
  let live: SessionPlan | null = null;
  if (plans.live) {
    const plan = plans.live;
    const id = await scheduleOne(schedule, orgId, operation, plan, titleOf(plan, ' · 今晚直播'), (item) =>
      Math.min(item.stock ?? 300, 300),
    );
    await schedule.sessions.transition(orgId, id, 'live', system, {
      override: { reason: '演示：模拟直播立即开播' },
      mayOverride: true,
    });
    live = { ...plan, sessionId: id };
  }
  return { past, live };
}
