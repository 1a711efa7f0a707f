import {
  beautyLineup,
  demoSessionPlan,
  foodLineup,
  type LineupItem,
  type SessionPlan,
} from '@livecloud/platforms';
import type { DemoOperation } from './demo-operation.js';

const day = 24 * 3600_000;

/** A small seeded generator (mulberry32): the demo's history is the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The fixture line-up with the catalogue's ids, so events name products the catalogue has. */
function catalogued(items: readonly LineupItem[], operation: DemoOperation): LineupItem[] {
  return items.flatMap((item) => {
    const ref = operation.products.get(item.productId);
    return ref ? [{ ...item, productId: ref.productId, skuId: ref.skuId }] : [];
  });
}

/**
 * The demo account's past sessions, one a day: beauty and food line-ups taking turns, each
 * with its own explain times (×0.6–1.5) and live prices (list price to 15 % above, never below
 * what the catalogue sells at, so the lowest-price check has a real history to compare with).
 * They sell the catalogue's products on the scheduling's Douyin account, which is what gives
 * selection its conversion history and the forecast its training data.
 */
export function demoHistoryPlans(options: {
  orgId: string;
  operation: DemoOperation;
  now: number;
  sessions: number;
  durationMin?: number;
  scale?: number;
}): SessionPlan[] {
  const { orgId, operation, now, sessions } = options;
  return Array.from({ length: sessions }, (_, i) => {
    const random = seeded(1000 + i);
    const base = catalogued(i % 2 === 0 ? beautyLineup : foodLineup, operation);
    const lineup = base.map((item) => ({
      ...item,
      explainMinutes: Math.max(2, Math.round(item.explainMinutes * (0.6 + 0.9 * random()))),
      priceFen: Math.round((item.priceFen * (1 + 0.15 * random())) / 10) * 10,
    }));
    const daysAgo = sessions - i;
    return demoSessionPlan({
      orgId,
      accountId: operation.accountId,
      sessionId: `ses_demo_past_${String(i + 1).padStart(2, '0')}`,
      startAt: now - daysAgo * day,
      seed: 100 + i,
      durationMin: options.durationMin ?? 60,
      scale: options.scale ?? 150,
      platform: 'douyin',
      lineup,
      refundTailHours: 0,
    });
  });
}

/** The session streaming live in the demo: the beauty line-up on the same account, at the history's size. */
export function demoLivePlan(options: { orgId: string; operation: DemoOperation; now: number }): SessionPlan {
  return demoSessionPlan({
    orgId: options.orgId,
    accountId: options.operation.accountId,
    sessionId: 'ses_demo_live',
    startAt: options.now,
    seed: 7,
    durationMin: 120,
    // The past sessions' size (80, a minute's pace ¥0.7–1.9k), so the comparison index has room
    // both ways: at minute 22 the simulated past sessions sold ¥16.8k–42.6k and this one ¥40.8k,
    // with an ad ROI of about 7–8 on the same budget (seeds 100–102 against 7).
    scale: 90,
    platform: 'douyin',
    lineup: catalogued(beautyLineup, options.operation),
    refundTailHours: 0,
  });
}
