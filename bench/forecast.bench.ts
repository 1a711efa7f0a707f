import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSalesHistory } from '@livecloud/analytics';
import { eventEnvelopeSchema } from '@livecloud/contracts';
import { createEventStore, type StoredEvent } from '@livecloud/events';
import { runBacktest, type BacktestReport, type ForecastHistory } from '@livecloud/forecast';
import {
  createRandom,
  demoLineups,
  mechanisms,
  simulateSession,
  type LineupItem,
  type SessionPlan,
  type SimulatedPlatform,
} from '@livecloud/platforms';
import { figure, progress, type BenchFigure } from './lib/result.js';

/**
 * `npm run bench -- forecast`: how well the line-up forecast (商品模拟) predicts item GMV, against
 * the naive "last similar session" baseline, on a seeded simulated history of one organisation.
 *
 * The history: 30 sessions over a month on three accounts of different reach (a Douyin beauty
 * room, a Kuaishou food room, a Douyin room that mixes all three fixture categories), one a day at
 * 20:00 Beijing time. Each line-up comes from the fixtures with items dropped, explain minutes
 * ×0.6–1.6, prices ±20% and mechanisms re-drawn; each session's reach varies ×0.75–1.3 around its
 * account's and ads are on or off. Stock is left unlimited: the event store does not record stock
 * allocations, so the backtest cannot cap by them (the cap is unit-tested instead).
 *
 * Every event goes into an embedded chDB event store in a temporary directory; the history is read
 * back through the forecast's own SQL, and the rolling-origin backtest runs over it.
 */

export const benchOrgId = 'org_bench_forecast';
const seed = 20_261_125;
const sessionsToSimulate = 30;
const firstDay = Date.UTC(2026, 9, 1, 12);
const day = 86_400_000;

interface Account {
  id: string;
  platform: SimulatedPlatform;
  scale: number;
  adFenPerHour: number;
  kind: 'beauty' | 'food' | 'mix';
}

const accounts: Account[] = [
  { id: 'acc_dy_beauty', platform: 'douyin', scale: 240, adFenPerHour: 150_000, kind: 'beauty' },
  { id: 'acc_ks_food', platform: 'kuaishou', scale: 110, adFenPerHour: 0, kind: 'food' },
  { id: 'acc_dy_mix', platform: 'douyin', scale: 170, adFenPerHour: 80_000, kind: 'mix' },
];

/** Two-level categories (leaf, then parent) for the fixture products, as a catalogue would have them. */
export const benchCategoryPaths: ReadonlyMap<string, readonly string[]> = new Map([
  ['prd_beauty_lipstick', ['cat_makeup', 'cat_beauty']],
  ['prd_beauty_powder', ['cat_makeup', 'cat_beauty']],
  ['prd_beauty_serum', ['cat_skincare', 'cat_beauty']],
  ['prd_beauty_cream', ['cat_skincare', 'cat_beauty']],
  ['prd_beauty_toner', ['cat_skincare', 'cat_beauty']],
  ['prd_beauty_mask', ['cat_skincare', 'cat_beauty']],
  ['prd_food_bread', ['cat_snacks', 'cat_food']],
  ['prd_food_nuts', ['cat_snacks', 'cat_food']],
  ['prd_food_noodle', ['cat_snacks', 'cat_food']],
  ['prd_food_milk', ['cat_staples', 'cat_food']],
  ['prd_food_rice', ['cat_staples', 'cat_food']],
  ['prd_food_crab', ['cat_fresh', 'cat_food']],
  ['prd_apparel_socks', ['cat_basics', 'cat_apparel']],
  ['prd_apparel_tee', ['cat_basics', 'cat_apparel']],
  ['prd_apparel_pants', ['cat_womenswear', 'cat_apparel']],
  ['prd_apparel_dress', ['cat_womenswear', 'cat_apparel']],
  ['prd_apparel_down', ['cat_outerwear', 'cat_apparel']],
  ['prd_apparel_coat', ['cat_outerwear', 'cat_apparel']],
]);

/** The seeded session plans of the bench history. */
export function benchPlans(count = sessionsToSimulate): SessionPlan[] {
  const random = createRandom(seed);
  const all = [...demoLineups.beauty, ...demoLineups.food, ...demoLineups.apparel];
  return Array.from({ length: count }, (_, n) => {
    const account = accounts[n % accounts.length]!;
    let base: LineupItem[];
    if (account.kind === 'mix') {
      const pool = [...all];
      for (let i = pool.length - 1; i > 0; i--) {
        const j = random.int(0, i + 1);
        [pool[i], pool[j]] = [pool[j]!, pool[i]!];
      }
      base = pool.slice(0, random.int(5, 8));
    } else {
      base = [...demoLineups[account.kind]];
      for (let drop = random.int(0, 3); drop > 0; drop--) base.splice(random.int(0, base.length), 1);
    }
    const lineup = base.map((item): LineupItem => {
      const { stock: _stock, ...rest } = item;
      return {
        ...rest,
        explainMinutes: Math.max(2, Math.round(item.explainMinutes * random.uniform(0.6, 1.6))),
        priceFen: Math.max(100, Math.round((item.priceFen * random.uniform(0.8, 1.2)) / 10) * 10),
        mechanism: random.chance(0.5) ? (item.mechanism ?? 'none') : random.pick(mechanisms),
      };
    });
    const ads = account.adFenPerHour > 0 && random.chance(0.7);
    return {
      seed: seed + n,
      orgId: benchOrgId,
      accountId: account.id,
      sessionId: `ses_bench_${String(n + 1).padStart(2, '0')}`,
      platform: account.platform,
      startAt: firstDay + n * day + random.int(0, 30) * 60_000,
      durationMin: random.pick([60, 75, 90, 120]),
      scale: Math.round(account.scale * random.uniform(0.75, 1.3)),
      lineup,
      ...(ads ? { ad: { budgetFenPerHour: account.adFenPerHour, bidLevel: 1 } } : {}),
    };
  });
}

/** Simulates the plans into a fresh chDB store and reads the history back through the forecast's SQL. */
export async function simulatedHistory(plans: readonly SessionPlan[]): Promise<ForecastHistory> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lc-bench-forecast-'));
  const store = await createEventStore({ dataDir, database: 'bench_forecast' });
  try {
    await store.migrate();
    let total = 0;
    for (const [n, plan] of plans.entries()) {
      const batch: StoredEvent[] = [];
      for (const input of simulateSession(plan).events()) {
        const event = eventEnvelopeSchema.parse(input);
        batch.push({ ...event, receivedAt: event.occurredAt });
        if (batch.length === 50_000) await store.insert(batch.splice(0));
        total += 1;
      }
      await store.insert(batch);
      progress(`session ${n + 1}/${plans.length} ${plan.sessionId} stored`);
    }
    const history = createSalesHistory(store);
    const [sessions, products] = await Promise.all([
      history.sessions(benchOrgId),
      history.productResults(benchOrgId),
    ]);
    progress(`history: ${sessions.length} sessions, ${products.length} product records from ${total} events`);
    return { sessions, products, categoryPaths: benchCategoryPaths };
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The figures of a backtest report (SPEC §8). */
export function figuresOf(report: BacktestReport): BenchFigure[] {
  const model = report.model.mape ?? Number.NaN;
  const naive = report.naive.mape ?? Number.NaN;
  const baseline = 'naive: last similar session';
  return [
    figure('forecast', 'held_out_sessions', report.sessions, 'sessions'),
    figure('forecast', 'held_out_items', report.items, 'items'),
    figure('forecast', 'zero_actual_items', report.zeroActualItems, 'items'),
    figure('forecast', 'session_mape', report.model.sessionMape ?? Number.NaN, 'ratio', {
      name: baseline,
      value: report.naive.sessionMape ?? Number.NaN,
    }),
    figure('forecast', 'smape', report.model.smape ?? Number.NaN, 'ratio', {
      name: baseline,
      value: report.naive.smape ?? Number.NaN,
    }),
    figure('forecast', 'interval_coverage_p10_p90', report.coverage.share ?? Number.NaN, 'ratio', {
      name: 'nominal',
      value: report.coverage.level,
    }),
    figure('forecast', 'mape', model, 'ratio', { name: baseline, value: naive }),
  ];
}

export async function run(): Promise<BenchFigure[]> {
  const started = performance.now();
  const plans = benchPlans();
  progress(`simulating ${plans.length} sessions into an embedded chDB store`);
  const history = await simulatedHistory(plans);
  progress('rolling-origin backtest');
  const report = runBacktest(history);
  progress(
    `model MAPE ${report.model.mape?.toFixed(3)} vs naive ${report.naive.mape?.toFixed(3)} over ${report.items} items of ${report.sessions} sessions; coverage ${report.coverage.share?.toFixed(3)}; ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return figuresOf(report);
}
