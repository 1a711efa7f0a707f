import { createSalesHistory } from '@livecloud/analytics';
import { createFakeClock } from '@livecloud/core';
import { demoSessionPlan, simulateSession, type DemoCategory } from '@livecloud/platforms';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createForecast,
  type BacktestDto,
  type ForecastCatalogue,
  type ForecastDto,
  type ForecastLineupItem,
  type ForecastLineups,
  type ForecastProduct,
} from '../src/index.js';
import { day, openTestEventStore, primeTime, toStored } from './fixtures.js';
import { forecastApp } from './http-harness.js';

const orgId = 'org_forecast_http';
const emptyOrgId = 'org_forecast_empty';
const categories: DemoCategory[] = ['beauty', 'food'];
const pastSessions = 8;

// Small sessions a day apart, alternating a beauty and a food room.
const plans = Array.from({ length: pastSessions }, (_, n) =>
  demoSessionPlan({
    orgId,
    accountId: n % 2 === 0 ? 'acc_beauty' : 'acc_food',
    sessionId: `ses_past_${n + 1}`,
    category: categories[n % 2]!,
    startAt: primeTime + n * day,
    durationMin: 20,
    scale: 60,
    seed: 100 + n,
    ad: undefined,
  }),
);
const now = primeTime + pastSessions * day;

const catalogueProducts: ForecastProduct[] = plans.flatMap((plan, n) =>
  n > 1
    ? []
    : plan.lineup.map((item) => ({
        id: item.productId,
        title: item.title,
        categoryId: `cat_${item.category}`,
        categoryName: item.category ?? '',
        categoryPath: [`cat_${item.category}`, 'cat_root'],
        approved: true,
        skus: [
          {
            id: item.skuId!,
            spec: '默认',
            livePriceFen: item.priceFen,
            costFen: item.costFen ?? 0,
            commissionBp: 2_000,
            availableStock: 5_000,
          },
        ],
      })),
);
const blockedProducts: ForecastProduct[] = [
  { id: 'prd_pending', approved: false, stock: 500 },
  { id: 'prd_empty', approved: true, stock: 0 },
].map(({ id, approved, stock }) => ({
  ...catalogueProducts[0]!,
  id,
  approved,
  skus: [{ ...catalogueProducts[0]!.skus[0]!, id: id.replace('prd_', 'sku_'), availableStock: stock }],
}));
const catalogue: ForecastCatalogue = {
  async products(requestedOrg, ids) {
    return requestedOrg === orgId
      ? [...catalogueProducts, ...blockedProducts].filter((p) => ids.includes(p.id))
      : [];
  },
};

const nextItems: ForecastLineupItem[] = [
  {
    id: 'lui_2',
    position: 2,
    productId: 'prd_beauty_serum',
    skuId: 'sku_serum_30ml',
    explainMinutes: 12,
    livePriceFen: 23_900,
    mechanism: 'coupon',
    stockAllocation: 0,
    mechanismCost: { perUnitFen: 3000, limit: 2 },
  },
  {
    id: 'lui_1',
    position: 1,
    productId: 'prd_beauty_lipstick',
    skuId: 'sku_lipstick_316',
    explainMinutes: 6,
    livePriceFen: 6_990,
    mechanism: 'flash_sale',
    stockAllocation: 3,
    mechanismCost: { perUnitFen: 500, limit: null },
  },
];
// Line-up items that cannot sell: a product not approved, and a SKU with no stock anywhere.
const blockedItems: ForecastLineupItem[] = [
  { ...nextItems[1]!, id: 'lui_pending', position: 1, productId: 'prd_pending', skuId: 'sku_pending' },
  { ...nextItems[0]!, id: 'lui_empty', position: 2, productId: 'prd_empty', skuId: 'sku_empty' },
  { ...nextItems[0]!, id: 'lui_ok', position: 3 },
];
const sessions: Record<string, { plannedStart: string; items: ForecastLineupItem[] }> = {
  ses_next: { plannedStart: new Date(now + 3_600_000).toISOString(), items: nextItems },
  ses_blocked: { plannedStart: new Date(now + 3_600_000).toISOString(), items: blockedItems },
  ses_empty: { plannedStart: new Date(now + 3_600_000).toISOString(), items: [] },
  // A session that already ran: forecast as of its start, without its own events.
  ses_past_8: { plannedStart: new Date(primeTime + 7 * day).toISOString(), items: nextItems },
};
const lineups: ForecastLineups = {
  async lineup(requestedOrg, sessionId) {
    const s = sessions[sessionId];
    if (requestedOrg !== orgId || s === undefined) return undefined;
    const start = Date.parse(s.plannedStart);
    return {
      session: {
        id: sessionId,
        title: '美妆专场',
        accountId: 'acc_beauty',
        platform: 'douyin',
        plannedStart: s.plannedStart,
        plannedEnd: new Date(start + 2 * 3_600_000).toISOString(),
      },
      items: s.items,
    };
  },
};

let app: FastifyInstance;
let dispose: () => Promise<void>;

beforeAll(async () => {
  const opened = await openTestEventStore('forecast_http');
  dispose = opened.dispose;
  for (const plan of plans) await opened.store.insert(toStored(simulateSession(plan).collect().events));
  const forecast = createForecast({
    history: createSalesHistory(opened.store),
    catalogue,
    lineups,
    clock: createFakeClock(now),
  });
  app = await forecastApp(forecast);
});
afterAll(async () => {
  await app.close();
  await dispose();
});

async function call<T>(
  method: 'GET' | 'POST',
  url: string,
  payload?: object,
  headers: Record<string, string> = { 'x-test-org': orgId },
) {
  const response = await app.inject({ method, url, payload, headers });
  return { status: response.statusCode, body: response.json<T>() };
}

function expectError(response: { status: number; body: unknown }, status: number, code: string): void {
  expect(response.status).toBe(status);
  const body = response.body as { error: { code: string; message: string } };
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.code).toBe(code);
  expect(body.error.message).not.toBe('');
}

describe('GET /api/v1/live-sessions/{sessionId}/forecast', () => {
  it('forecasts the session’s line-up in order from the organisation’s past sessions', async () => {
    const { status, body } = await call<ForecastDto>('GET', '/api/v1/live-sessions/ses_next/forecast');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: 'ok',
      reason: null,
      session: { id: 'ses_next', accountId: 'acc_beauty', platform: 'douyin', plannedMinutes: 120 },
      history: { sessions: pastSessions, accountSessions: pastSessions / 2 },
      platformFee: { bp: 500, known: true },
    });
    expect(body.items.map((i) => [i.position, i.productId, i.basis])).toEqual([
      [1, 'prd_beauty_lipstick', 'product'],
      [2, 'prd_beauty_serum', 'product'],
    ]);
    const [lipstick, serum] = body.items as [ForecastDto['items'][number], ForecastDto['items'][number]];
    // Three units reserved: the forecast cannot sell more.
    expect(lipstick.stockCapped).toBe(true);
    expect(lipstick.units).toEqual({ point: 3, low: expect.any(Number) as number, high: 3 });
    expect(serum.warnings).toContain('no_stock_allocated');
    expect(serum.gmvFen!.point).toBeGreaterThan(0);
    // The coupon's 30 yuan on at most 2 units, and the flash discount on every unit sold, are costs.
    expect(serum.profit!.mechanismCostFen).toBe(3000 * Math.min(2, serum.units!.point));
    expect(lipstick.profit!.mechanismCostFen).toBe(500 * 3);
    expect(serum.profit!.profitFen).toBe(
      serum.profit!.netGmvFen -
        serum.profit!.costOfGoodsFen -
        serum.profit!.commissionFen -
        serum.profit!.platformFeeFen -
        serum.profit!.mechanismCostFen,
    );
    expect(body.totals!.gmvFen.point).toBe(lipstick.gmvFen!.point + serum.gmvFen!.point);
    expect(body.backtest!.sessions).toBe(pastSessions - 5);
    expect(body.intervals.method).toBe('default');
  });

  it('marks items not approved or without stock instead of forecasting them, and leaves them out of the totals', async () => {
    const { status, body } = await call<ForecastDto>('GET', '/api/v1/live-sessions/ses_blocked/forecast');
    expect(status).toBe(200);
    const [pending, empty, ok] = body.items as [
      ForecastDto['items'][number],
      ForecastDto['items'][number],
      ForecastDto['items'][number],
    ];
    expect([pending.basis, pending.gmvFen, pending.warnings]).toEqual([
      'none',
      null,
      expect.arrayContaining(['product_not_approved']),
    ]);
    expect([empty.basis, empty.gmvFen, empty.warnings]).toEqual([
      'none',
      null,
      expect.arrayContaining(['no_stock']),
    ]);
    expect(ok.gmvFen!.point).toBeGreaterThan(0);
    expect(body.totals!.gmvFen.point).toBe(ok.gmvFen!.point);
  });

  it('forecasts a session that already ran as of its start, never from its own events', async () => {
    const { body } = await call<ForecastDto>('GET', '/api/v1/live-sessions/ses_past_8/forecast');
    expect(body.asOf).toBe(new Date(primeTime + 7 * day).toISOString());
    expect(body.history.sessions).toBe(pastSessions - 1);
  });

  it('answers 404 session_not_found for a session it does not know', async () => {
    expectError(await call('GET', '/api/v1/live-sessions/ses_nope/forecast'), 404, 'session_not_found');
  });

  it('answers 400 lineup_empty for a session without items', async () => {
    expectError(await call('GET', '/api/v1/live-sessions/ses_empty/forecast'), 400, 'lineup_empty');
  });
});

describe('POST /api/v1/forecast (what-if)', () => {
  const item = {
    productId: 'prd_food_nuts',
    skuId: 'sku_nuts_30bag',
    livePriceFen: 6_990,
    explainMinutes: 8,
  };

  it('forecasts an ad-hoc line-up, borrowing a category’s or the organisation’s history for new products', async () => {
    const { status, body } = await call<ForecastDto>('POST', '/api/v1/forecast', {
      accountId: 'acc_food',
      platform: 'kuaishou',
      items: [
        { ...item, mechanism: 'coupon', stockAllocation: 500 },
        { productId: 'prd_unlisted', skuId: 'sku_x', livePriceFen: 1_990, explainMinutes: 5 },
      ],
    });
    expect(status).toBe(200);
    expect(body.items.map((i) => [i.itemId, i.position, i.basis])).toEqual([
      [null, 1, 'product'],
      [null, 2, 'org'],
    ]);
    expect(body.items[1]!.warnings).toEqual(['product_not_in_catalogue', 'no_stock_allocated']);
    expect(body.items[1]!.profit).toBeNull();
    expect(body.totals!.profitItems).toBe(1);
  });

  it('answers 400 lineup_empty for no items and 400 invalid_request for a malformed item', async () => {
    expectError(await call('POST', '/api/v1/forecast', { items: [] }), 400, 'lineup_empty');
    expectError(
      await call('POST', '/api/v1/forecast', { items: [{ ...item, livePriceFen: -5 }] }),
      400,
      'invalid_request',
    );
    expectError(
      await call('POST', '/api/v1/forecast', { items: [{ ...item, mechanism: 'lottery' }] }),
      400,
      'invalid_request',
    );
  });

  it('says it cannot forecast, with a reason and no numbers, for an organisation without history', async () => {
    const { status, body } = await call<ForecastDto>(
      'POST',
      '/api/v1/forecast',
      { items: [item] },
      { 'x-test-org': emptyOrgId },
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: 'unavailable',
      reason: { code: 'no_history' },
      totals: null,
      history: { sessions: 0 },
    });
    expect(body.items[0]).toMatchObject({ basis: 'none', gmvFen: null, paidOrders: null, profit: null });
  });

  it('needs live:read', async () => {
    expectError(
      await call(
        'POST',
        '/api/v1/forecast',
        { items: [item] },
        { 'x-test-org': orgId, 'x-test-permissions': 'commerce:read' },
      ),
      403,
      'forbidden',
    );
    expectError(await call('POST', '/api/v1/forecast', { items: [item] }, {}), 401, 'unauthenticated');
  });
});

describe('GET /api/v1/forecast/backtest', () => {
  it('reports the organisation’s own backtest: model against naive, coverage, sessions used', async () => {
    const { status, body } = await call<BacktestDto>('GET', '/api/v1/forecast/backtest');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      reason: null,
      historySessions: pastSessions,
      sessionsUsed: pastSessions - 5,
      minTrainingSessions: 5,
    });
    expect(body.model.mape).toEqual(expect.any(Number));
    expect(body.naive.mape).toEqual(expect.any(Number));
    expect(body.ratio).toBeCloseTo(body.model.mape! / body.naive.mape!, 10);
    expect(body.sessions.map((s) => s.sessionId)).toEqual(['ses_past_6', 'ses_past_7', 'ses_past_8']);
  });

  it('says why when there is not enough history, never another organisation’s figures', async () => {
    const { body } = await call<BacktestDto>('GET', '/api/v1/forecast/backtest', undefined, {
      'x-test-org': emptyOrgId,
    });
    expect(body).toMatchObject({
      reason: { code: 'not_enough_history' },
      sessionsUsed: 0,
      historySessions: 0,
      model: { mape: null },
    });
  });
});
