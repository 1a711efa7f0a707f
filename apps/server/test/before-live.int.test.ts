import { eventEnvelopeSchema } from '@livecloud/contracts';
import type { StoredEvent } from '@livecloud/events';
import { isValidCreditCode } from '@livecloud/commerce';
import type { ForecastDto } from '@livecloud/forecast';
import { simulateSession } from '@livecloud/platforms';
import type { LineupDto } from '@livecloud/schedule';
import type { CoverageDto, ScoresDto } from '@livecloud/selection';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoHistoryPlans } from '../src/demo-history.js';
import { scheduleDemoSessions } from '../src/demo-schedule.js';
import { demoMerchantLogin, seedDemo } from '../src/demo-seed.js';
import type { DemoOperation } from '../src/demo-operation.js';
import { closeTestEventStore, createTestApp, signIn, type SessionClient, type TestApp } from './test-app.js';

/**
 * The contexts before the live, composed as the server composes them (services.ts and
 * context-ports.ts): commerce's catalogue feeds selection, scheduling and the forecast;
 * selection's price history feeds the line-up's lowest-price check; the event store's past
 * sessions feed selection's conversion and the forecast. Each context tests its own rules with
 * fakes of these ports; this test proves the real ports are wired to the real contexts.
 */

let t: TestApp;
let operator: SessionClient;
let selector: SessionClient;
let operation: DemoOperation;
let firstPast = '';
let orgId = '';
const pastSessions = 6;

beforeAll(async () => {
  t = await createTestApp('pglite');
  const now = Date.now();
  const seeded = await seedDemo(t.services, now);
  if (!seeded.operation) throw new Error('the demo organisation existed already');
  operation = seeded.operation;
  orgId = seeded.org.id;
  const { past: plans } = await scheduleDemoSessions(t.services.schedule, seeded.org.id, operation, {
    past: demoHistoryPlans({ orgId: seeded.org.id, operation, now, sessions: pastSessions, scale: 40 }),
    live: null,
  });
  firstPast = plans[0]!.sessionId;
  for (const plan of plans) {
    const events: StoredEvent[] = simulateSession(plan)
      .collect()
      .events.map((input) => {
        const event = eventEnvelopeSchema.parse(input);
        return { ...event, receivedAt: event.receivedAt ?? event.occurredAt };
      });
    await t.services.events.insert(events);
  }
  const login = seeded.logins.find((l) => l.role === 'operator');
  if (!login) throw new Error('the demo has no operator');
  operator = await signIn(t.app, login.email, login.password);
  const selection = seeded.logins.find((l) => l.role === 'selection')!;
  selector = await signIn(t.app, selection.email, selection.password);
});
afterAll(async () => {
  await t.close();
  await closeTestEventStore();
});

const get = async <T>(url: string): Promise<T> => {
  const response = await operator.request({ method: 'GET', url });
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  return response.json<T>();
};

describe('before the live, composed over the real contexts', () => {
  it('seeds a merchant portal login that signs in to the demo merchant, once', async () => {
    const again = await seedDemo(t.services);
    expect(again.portal).toEqual(demoMerchantLogin);
    const merchant = await signIn(t.app, demoMerchantLogin.email, demoMerchantLogin.password);
    const own = await merchant.request({ method: 'GET', url: '/api/v1/portal/merchant' });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json<{ companyName: string }>().companyName).toBe('杭州星选优品供应链有限公司');
    const portalUsers = (await t.services.access.staff.list(orgId)).filter((s) => s.role === 'merchant');
    expect(portalUsers.map((s) => s.email)).toEqual([demoMerchantLogin.email]);
  });

  it('seeds merchants whose credit codes carry the right check character', async () => {
    const merchants = await t.services.commerce.merchants.list(orgId, { limit: 50 });
    expect(merchants.length).toBeGreaterThan(0);
    for (const m of merchants) expect(isValidCreditCode(m.licenceNo), m.licenceNo).toBe(true);
  });

  it('forecasts the planned session’s line-up from the account’s past sessions in the event store', async () => {
    const lineup = await get<LineupDto>(`/api/v1/live-sessions/${operation.plannedSessionId}/lineup`);
    const forecast = await get<ForecastDto>(`/api/v1/live-sessions/${operation.plannedSessionId}/forecast`);
    expect(forecast.status).toBe('ok');
    expect(forecast.session.accountId).toBe(operation.accountId);
    expect(forecast.history).toMatchObject({ sessions: pastSessions, accountSessions: pastSessions });
    expect(forecast.items.map((i) => i.productId)).toEqual(lineup.items.map((i) => i.productId));
    // The catalogue's cost and commission reach the profit: every item with a GMV has a cost of goods.
    const priced = forecast.items.filter((i) => (i.gmvFen?.point ?? 0) > 0);
    expect(priced.length).toBeGreaterThan(0);
    for (const item of priced) expect(item.profit!.costOfGoodsFen).toBeGreaterThan(0);
    expect(forecast.totals!.gmvFen.point).toBe(
      forecast.items.reduce((sum, i) => sum + (i.gmvFen?.point ?? 0), 0),
    );
  });

  it('names the big screen’s products by their catalogue titles and its account by its display name', async () => {
    const board = await get<{
      accountId: string;
      accountName: string | null;
      products: { productId: string }[];
      productTitles: Record<string, string>;
      plan: {
        title: string;
        status: string;
        lineup: { productId: string; actualExplainMs: number }[];
      } | null;
    }>(`/api/v1/sessions/${firstPast}/live`);
    // The session is the schedule's: its title, and its line-up with the time each item was explained.
    expect(board.plan?.status).toBe('ended');
    expect(board.plan?.title).toMatch(/星河/);
    expect(board.plan!.lineup.length).toBeGreaterThan(0);
    expect(board.plan!.lineup.filter((item) => item.actualExplainMs > 0).length).toBeGreaterThan(0);
    expect(board.accountId).toBe(operation.accountId);
    const accounts = await get<{ items: { id: string; displayName: string }[] }>('/api/v1/platform-accounts');
    expect(board.accountName).toBe(accounts.items.find((a) => a.id === operation.accountId)?.displayName);
    expect(board.accountName).toMatch(/\p{Script=Han}/u);
    expect(board.products.length).toBeGreaterThan(0);
    const catalogue = new Map([...operation.products.values()].map((p) => [p.productId, p]));
    for (const { productId } of board.products) {
      expect(catalogue.has(productId)).toBe(true);
      expect(board.productTitles[productId]).toMatch(/\p{Script=Han}/u);
    }
    // The list of sessions a screen is chosen from names the account the same way.
    const sessions = await get<{
      items: { sessionId: string; accountId: string; accountName: string | null }[];
    }>('/api/v1/live/sessions');
    const listed = sessions.items.find((s) => s.sessionId === firstPast);
    expect(listed).toMatchObject({
      accountId: operation.accountId,
      accountName: board.accountName,
      scheduled: true,
      state: 'ended',
      title: board.plan!.title,
      roomName: '滨江演播室',
    });
  });

  it('scores the catalogue with the conversion its products had in past sessions', async () => {
    const scores = await get<ScoresDto>(`/api/v1/selection/scores?sessionId=${operation.plannedSessionId}`);
    expect(scores.session?.id).toBe(operation.plannedSessionId);
    expect(scores.requirements.length).toBe(2);
    const sold = scores.items.filter((i) => (i.conversion?.orders ?? 0) > 0);
    expect(sold.length).toBeGreaterThan(0);
    // Past sessions sold at or above today's live price: each sold SKU has a lowest price on record.
    for (const item of sold) expect(item.lowestPrice.lowest).not.toBeNull();
  });

  it('checks a line-up price against the lowest price selection has seen', async () => {
    const before = await get<LineupDto>(`/api/v1/live-sessions/${operation.plannedSessionId}/lineup`);
    expect(before.validation.checks.find((c) => c.check === 'lowest_price')?.status).toBe('passed');
    const item = before.items[0]!;
    const seen = await operator.request({
      method: 'POST',
      url: '/api/v1/selection/observations',
      payload: {
        productId: item.productId,
        skuId: item.skuId,
        source: 'platform',
        platform: 'taobao',
        priceFen: item.livePriceFen - 100,
      },
    });
    expect(seen.statusCode, seen.body).toBe(201);
    const after = await get<LineupDto>(`/api/v1/live-sessions/${operation.plannedSessionId}/lineup`);
    expect(after.validation.checks.find((c) => c.check === 'lowest_price')?.status).toBe('failed');
    const problem = after.validation.problems.find((p) => p.itemId === item.id);
    expect(problem?.code).toBe('price_above_lowest');
    expect(problem?.details).toMatchObject({ lowestFen: item.livePriceFen - 100, source: 'platform:taobao' });
  });

  it('reserves line-up stock in the warehouse and refuses over-allocation with the figures', async () => {
    const lineup = await get<LineupDto>(`/api/v1/live-sessions/${operation.plannedSessionId}/lineup`);
    const item = lineup.items[0]!;
    const stock = await get<{ items: { skuId: string; allocatedQty: number; availableQty: number }[] }>(
      '/api/v1/warehouse/stock',
    );
    const row = stock.items.find((r) => r.skuId === item.skuId)!;
    expect(row.allocatedQty).toBe(item.stockAllocation);
    const tooMany = await operator.request({
      method: 'PATCH',
      url: `/api/v1/lineup-items/${item.id}`,
      payload: { stockAllocation: item.stockAllocation + row.availableQty + 1 },
    });
    expect(tooMany.statusCode, tooMany.body).toBe(409);
    expect(tooMany.json<{ error: { code: string; details: unknown } }>().error).toMatchObject({
      code: 'stock_insufficient',
      details: { skuId: item.skuId, available: item.stockAllocation + row.availableQty },
    });
    const after = await get<LineupDto>(`/api/v1/live-sessions/${operation.plannedSessionId}/lineup`);
    expect(after.items[0]!.stockAllocation).toBe(item.stockAllocation);
    // The demo's requirement asks for 美妆 × 4 and 食品饮料 × 2: the line-up is checked against it.
    expect(after.validation.checks.find((c) => c.check === 'requirements')?.status).toBe('failed');
    expect(after.validation.problems.filter((p) => p.code === 'requirement_short').length).toBeGreaterThan(0);
  });

  it('lists sessions with their requirements to the selection role, which may not read the schedule', async () => {
    const range = `from=${new Date().toISOString()}&to=${new Date(Date.now() + 7 * 86_400_000).toISOString()}`;
    const schedule = await selector.request({ method: 'GET', url: `/api/v1/live-sessions?${range}` });
    expect(schedule.statusCode).toBe(403);
    const listed = await selector.request({ method: 'GET', url: '/api/v1/selection/sessions' });
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json<{ items: unknown[] }>().items).toContainEqual(
      expect.objectContaining({
        id: operation.plannedSessionId,
        roomName: '滨江演播室',
        requirementCount: 2,
      }),
    );
  });

  it('measures a shortlist against the session’s requirements from scheduling', async () => {
    const lineup = await get<LineupDto>(`/api/v1/live-sessions/${operation.plannedSessionId}/lineup`);
    const item = lineup.items[0]!;
    const added = await operator.request({
      method: 'POST',
      url: `/api/v1/selection/sessions/${operation.plannedSessionId}/shortlist`,
      payload: { productId: item.productId, skuId: item.skuId },
    });
    expect(added.statusCode, added.body).toBe(201);
    const coverage = await get<CoverageDto>(
      `/api/v1/selection/sessions/${operation.plannedSessionId}/coverage`,
    );
    expect(coverage.requirements.map((r) => r.itemCount)).toEqual([4, 2]);
    expect(coverage.allMet).toBe(false);
    const counted = coverage.requirements.flatMap((r) => r.counted.map((c) => c.skuId));
    expect([...counted, ...coverage.unmatched.map((u) => u.skuId)]).toContain(item.skuId);
  });
});
