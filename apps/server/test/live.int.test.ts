import type { AddressInfo } from 'node:net';
import { createInProcessBus, type StoredEvent } from '@livecloud/events';
import type { LiveBoard } from '@livecloud/live';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  closeTestEventStore,
  createFakeClock,
  createTestApp,
  seedOrg,
  signIn,
  type SessionClient,
  type TestApp,
} from './test-app.js';
import { openStream, sseReader } from './sse-client.js';

const t0 = Date.UTC(2026, 3, 2, 20, 0, 0);
const clock = createFakeClock(t0);
let t: TestApp;
let admin: SessionClient;
let orgId: string;
let n = 0;

function ev(type: StoredEvent['type'], at: number, extra: Partial<StoredEvent> = {}): StoredEvent {
  n++;
  return {
    id: `evt_http_${n}`,
    type,
    schemaVersion: 1,
    occurredAt: at,
    receivedAt: at,
    orgId,
    source: 'douyin',
    accountId: 'acc_room_1',
    sessionId: 'ses_tonight',
    platformUserId: `dy_${n}`,
    properties: {},
    ...extra,
  };
}

beforeAll(async () => {
  t = await createTestApp('pglite', { clock });
  const seeded = await seedOrg(t.access, 'live-http', '直播大屏测试');
  orgId = seeded.orgId;
  admin = await signIn(t.app, seeded.email, seeded.password);
  // A past session of the same room, and tonight's first minutes.
  const past = (type: StoredEvent['type'], at: number, extra: Partial<StoredEvent> = {}) =>
    ev(type, at, { sessionId: 'ses_last_week', ...extra });
  await t.services.events.insert([
    past('room.enter', t0 - 7 * 86_400_000),
    past('order.pay', t0 - 7 * 86_400_000 + 30_000, { orderId: 'ord_old', amountFen: 1_000 }),
    past('order.pay', t0 - 7 * 86_400_000 + 3_600_000, { orderId: 'ord_late', amountFen: 99_999 }),
    ev('room.enter', t0, { trafficSource: 'recommend_feed' }),
    ev('room.enter', t0 + 1_000, { trafficSource: 'followers' }),
    ev('product.impression', t0 + 2_000, { productId: 'prd_1' }),
    ev('product.click', t0 + 3_000, { productId: 'prd_1' }),
    ev('order.pay', t0 + 40_000, { productId: 'prd_1', orderId: 'ord_1', amountFen: 4_990 }),
    ev('comment', t0 + 50_000, { properties: { text: '好看', nickname: '小王' } }),
    ev('comment', t0 + 55_000, { properties: { text: '加V私聊，全網最低價', nickname: '路人' } }),
  ]);
  clock.set(t0 + 61_000);
});

afterAll(async () => {
  await t.close();
  await closeTestEventStore();
});

describe('GET /api/v1/live/sessions', () => {
  it('lists the organisation’s sessions from their events, newest activity first, with GMV', async () => {
    const res = await admin.request({ method: 'GET', url: '/api/v1/live/sessions' });
    expect(res.statusCode).toBe(200);
    const items = res.json<{
      items: {
        sessionId: string;
        accountId: string;
        gmvFen: number;
        eventCount: number;
        lastEventAt: number;
      }[];
    }>().items;
    const ids = items.map((i) => i.sessionId);
    expect(ids.indexOf('ses_tonight')).toBeLessThan(ids.indexOf('ses_last_week'));
    expect(items.find((i) => i.sessionId === 'ses_last_week')).toMatchObject({
      gmvFen: 100_999,
      eventCount: 3,
      accountId: 'acc_room_1',
    });
    expect(items.find((i) => i.sessionId === 'ses_tonight')?.gmvFen).toBeGreaterThanOrEqual(4_990);
  });

  it('refuses a bad limit', async () => {
    const res = await admin.request({ method: 'GET', url: '/api/v1/live/sessions?limit=0' });
    expect(res.statusCode).toBe(400);
  });
});

describe('GET /api/v1/sessions/{id}/live', () => {
  it('answers the board of a session with totals, rates, lists and comparisons', async () => {
    const response = await admin.request({ method: 'GET', url: '/api/v1/sessions/ses_tonight/live' });
    expect(response.statusCode, response.body).toBe(200);
    const board = response.json<LiveBoard>();
    expect(board.asOf).toBe(t0 + 61_000);
    // acc_room_1 is not an account scheduling knows: the screen falls back to the id.
    expect(board.accountName).toBeNull();
    expect(board.totals).toMatchObject({
      gmvFen: 4_990,
      paidOrders: 1,
      buyers: 1,
      pv: 2,
      uv: 2,
      onlineNow: 2,
      peakOnline: 2,
      comments: 2,
    });
    expect(board.rates.ctr).toEqual({ numerator: 1, denominator: 1, value: 1 });
    expect(board.trafficSources.map((s) => s.source)).toEqual(['followers', 'recommend_feed']);
    expect(board.products[0]).toMatchObject({ productId: 'prd_1', gmvFen: 4_990, explaining: false });
    expect(board.comments[1]).toMatchObject({
      text: '好看',
      nickname: '小王',
      moderation: { flagged: false, hits: [] },
    });
    // Flagged by the risk context's lexicon: off-platform contact and, in traditional script,
    // the Advertising Law's absolute "lowest price on the whole web".
    const [flagged] = board.comments;
    expect(flagged?.moderation?.flagged).toBe(true);
    expect(flagged?.moderation?.hits.map((h) => [h.category, h.matched])).toEqual([
      ['contact_diversion', '加V'],
      ['contact_diversion', '私聊'],
      ['absolute_term', '全網最低價'],
    ]);
    for (const hit of flagged?.moderation?.hits ?? [])
      expect(flagged?.text.slice(hit.start, hit.end)).toBe(hit.matched);
    expect(flagged?.moderation?.hits.find((h) => h.category === 'absolute_term')?.matched).toBe('全網最低價');
    // Last week's session at the same elapsed time (55 s): its payment after an hour is not counted.
    expect(board.comparison.past.sessions).toBe(1);
    expect(board.comparison.past.elapsedMs).toBe(55_000);
    expect(board.comparison.past.metrics.find((m) => m.metric === 'gmvFen')).toMatchObject({
      current: 4_990,
      pastMedian: 1_000,
      beats: { numerator: 1, denominator: 1, value: 1 },
    });
    // Its one entry never left: open up to its last event within the cut, the payment at 30 s.
    expect(board.comparison.past.metrics.find((m) => m.metric === 'averageDwellMs')?.pastMedian).toBe(30_000);
    expect(board.comparison.past.metrics.find((m) => m.metric === 'bounceRate2s')?.pastMedian).toBe(0);
    expect(board.comparison.window?.current).toEqual({ from: t0 - 4 * 60_000, to: t0 + 60_000 });
  });

  it('shows events that reach the live state after the first read', async () => {
    await t.services.live.state.apply([
      ev('order.pay', t0 + 62_000, { orderId: 'ord_2', amountFen: 10_000 }),
    ]);
    const board = (
      await admin.request({ method: 'GET', url: '/api/v1/sessions/ses_tonight/live' })
    ).json<LiveBoard>();
    expect(board.totals.gmvFen).toBe(14_990);
    expect(board.series).toHaveLength(2);
  });

  it('shows what the collector takes in, through the event bus', async () => {
    const key = (
      await t.access.apiKeys.create(
        orgId,
        { name: '抖音采集', purpose: 'collector', source: 'douyin' },
        { type: 'system', id: null },
      )
    ).secret;
    const payment = {
      id: 'evt_collected_1',
      type: 'order.pay',
      occurredAt: t0 + 64_000,
      accountId: 'acc_room_1',
      sessionId: 'ses_tonight',
      platformUserId: 'dy_collected',
      orderId: 'ord_c',
      amountFen: 2_000,
    };
    const collected = await t.app.inject({
      method: 'POST',
      url: '/collect/v1/events',
      payload: [payment],
      headers: { authorization: `Bearer ${key}` },
    });
    expect(collected.statusCode, collected.body).toBeLessThan(300);
    await vi.waitFor(async () => {
      const board = (
        await admin.request({ method: 'GET', url: '/api/v1/sessions/ses_tonight/live' })
      ).json<LiveBoard>();
      expect(board.totals.gmvFen).toBe(16_990);
    });
  });

  it('answers 404 for a session the organisation has no events for', async () => {
    const response = await admin.request({ method: 'GET', url: '/api/v1/sessions/ses_nobody/live' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { code: 'live_session_not_found', message: 'live_session ses_nobody was not found' },
    });
  });

  it('catches up with stored events the bus never delivered, once they have had time to arrive', async () => {
    const lost = (type: StoredEvent['type'], at: number, extra: Partial<StoredEvent> = {}) =>
      ev(type, at, { sessionId: 'ses_lost', ...extra });
    const first = lost('room.enter', t0 + 10_000);
    await t.services.events.insert([first]);
    const read = async () =>
      (await admin.request({ method: 'GET', url: '/api/v1/sessions/ses_lost/live' })).json<LiveBoard>();
    expect((await read()).eventCount).toBe(1);
    // Stored, but never published: as if the bus had been down.
    await t.services.events.insert([
      lost('room.enter', t0 + 11_000),
      lost('order.pay', t0 + 12_000, { orderId: 'ord_lost', amountFen: 2_500 }),
    ]);
    const waitForChecks = () => new Promise((resolve) => setTimeout(resolve, 200));
    await waitForChecks();
    expect((await read()).eventCount).toBe(1);
    // Not yet behind: these events may still be on their way.
    clock.set(t0 + 61_000 + 31_000);
    await read();
    await waitForChecks();
    expect((await read()).eventCount).toBe(1);
    // Stored before the last check and still not applied: rebuilt from the store.
    clock.set(t0 + 61_000 + 62_000);
    await read();
    await expect.poll(async () => (await read()).eventCount, { timeout: 5_000 }).toBe(3);
    expect((await read()).totals.gmvFen).toBe(2_500);
    clock.set(t0 + 61_000);
  });

  it('needs the live:read permission', async () => {
    await t.access.staff.onboard(
      orgId,
      { email: 'qc@live-http.test', name: '质检', role: 'qc', password: 'qc-password-1' },
      { type: 'system', id: null },
    );
    const qc = await signIn(t.app, 'qc@live-http.test', 'qc-password-1');
    expect((await qc.request({ method: 'GET', url: '/api/v1/sessions/ses_tonight/live' })).statusCode).toBe(
      403,
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/sessions/ses_tonight/live' })).statusCode).toBe(
      401,
    );
  });
});

describe('GET /api/v1/sessions/{id}/live/stream', () => {
  let port: number;
  beforeAll(async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
  });

  it('streams the board, then pushes what the bus delivers, and lets a client go', async () => {
    const bus = createInProcessBus();
    await t.services.live.attach(bus);
    const response = await openStream(port, '/api/v1/sessions/ses_tonight/live/stream', admin.cookie);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    const sse = sseReader(response);
    expect((await sse.next((f) => f.retry !== undefined)).retry).toBe(2_000);
    const first = JSON.parse((await sse.next((f) => f.event === 'board')).data ?? '') as LiveBoard;
    expect(first.totals.gmvFen).toBe(16_990);

    await bus.publish([ev('order.pay', t0 + 63_000, { orderId: 'ord_3', amountFen: 5_000 })]);
    const pushed = await sse.next(
      (f) => f.event === 'board' && (JSON.parse(f.data ?? '') as LiveBoard).totals.gmvFen === 21_990,
    );
    expect((JSON.parse(pushed.data ?? '') as LiveBoard).totals.paidOrders).toBe(4);
    // Nothing changes now: the stream stays alive with heartbeats.
    expect((await sse.next((f) => f.comment !== undefined)).comment).toMatch(/^heartbeat \d+$/);
    expect(t.services.live.feed.streams()).toBe(1);
    response.destroy();
    await sse.end;
    await vi.waitFor(() => expect(t.services.live.feed.streams()).toBe(0));
    await bus.close();
  });

  it('answers 404 as JSON before any stream starts', async () => {
    const response = await openStream(port, '/api/v1/sessions/ses_nobody/live/stream', admin.cookie);
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/json');
    response.resume();
  });

  it('ends open streams when the server shuts down', async () => {
    const response = await openStream(port, '/api/v1/sessions/ses_tonight/live/stream', admin.cookie);
    const sse = sseReader(response);
    await sse.next((f) => f.event === 'board');
    await t.app.close();
    await sse.end;
    expect(response.complete).toBe(true);
  });
});
