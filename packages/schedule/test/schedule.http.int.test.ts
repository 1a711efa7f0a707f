import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The real server (error mapping, auth, CSRF) is what these tests are about, so they use its harness.
import {
  closeTestEventStore,
  createTestApp,
  seedOrg,
  signIn,
  type SessionClient,
  type TestApp,
} from '../../../apps/server/test/test-app.js';

let t: TestApp;
let admin: SessionClient;
let ids: { room: string; account: string; anchor: string; session: string };

function expectError(
  response: { statusCode: number; json: () => unknown },
  status: number,
  code: string,
): { error: { code: string; message: string; details?: unknown } } {
  expect(response.statusCode).toBe(status);
  const body = response.json() as { error: { code: string; message: string; details?: unknown } };
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  return body;
}

beforeAll(async () => {
  t = await createTestApp('pglite');
  const seeded = await seedOrg(t.access, 'sched-http', '排期测试');
  admin = await signIn(t.app, seeded.email, seeded.password);
  const post = async (url: string, payload: object) =>
    (await admin.request({ method: 'POST', url, payload })).json<{ id: string }>().id;
  const room = await post('/api/v1/rooms', { name: '一号厅' });
  const account = await post('/api/v1/platform-accounts', {
    platform: 'douyin',
    handle: 'http_dy',
    displayName: '抖音主号',
  });
  const anchor = await post('/api/v1/anchors', { name: '李主播' });
  const session = await post('/api/v1/live-sessions', {
    title: '首场',
    roomId: room,
    accountId: account,
    anchorIds: [anchor],
    plannedStart: '2027-03-01T20:00:00+08:00',
    plannedEnd: '2027-03-01T23:00:00+08:00',
  });
  ids = { room, account, anchor, session };
});
afterAll(async () => {
  await t.close();
  await closeTestEventStore();
});

describe('scheduling over HTTP', () => {
  it('answers a clash with 409 schedule_conflict listing the clashes', async () => {
    const response = await admin.request({
      method: 'POST',
      url: '/api/v1/live-sessions',
      payload: {
        title: '撞档',
        roomId: ids.room,
        accountId: ids.account,
        anchorIds: [ids.anchor],
        plannedStart: '2027-03-01T13:00:00Z',
        plannedEnd: '2027-03-01T14:00:00Z',
      },
    });
    const body = expectError(response, 409, 'schedule_conflict');
    expect(
      (body.error.details as { clashes: { resource: string; sessionId: string }[] }).clashes.map(
        (c) => c.resource,
      ),
    ).toEqual(['account', 'anchor', 'room']);
  });

  it('answers an illegal status step with 409 illegal_transition and the allowed steps', async () => {
    const response = await admin.request({
      method: 'POST',
      url: `/api/v1/live-sessions/${ids.session}/status`,
      payload: { status: 'reviewed' },
    });
    const body = expectError(response, 409, 'illegal_transition');
    expect(body.error.details).toMatchObject({ from: 'planned', to: 'reviewed', allowed: ['live'] });
  });

  it('refuses bad session input with 400 invalid_request naming the field', async () => {
    const base = { title: '坏数据', roomId: ids.room, accountId: ids.account, anchorIds: [ids.anchor] };
    const backwards = await admin.request({
      method: 'POST',
      url: '/api/v1/live-sessions',
      payload: { ...base, plannedStart: '2027-03-02T12:00:00Z', plannedEnd: '2027-03-02T11:00:00Z' },
    });
    expect(JSON.stringify(expectError(backwards, 400, 'invalid_request'))).toContain('plannedEnd');
    const noZone = await admin.request({
      method: 'POST',
      url: '/api/v1/live-sessions',
      payload: { ...base, plannedStart: '2027-03-02 12:00', plannedEnd: '2027-03-02T13:00:00Z' },
    });
    expect(JSON.stringify(expectError(noZone, 400, 'invalid_request'))).toContain('plannedStart');
    const noAnchors = await admin.request({
      method: 'POST',
      url: '/api/v1/live-sessions',
      payload: {
        ...base,
        anchorIds: [],
        plannedStart: '2027-03-02T12:00:00Z',
        plannedEnd: '2027-03-02T13:00:00Z',
      },
    });
    expectError(noAnchors, 400, 'invalid_request');
    const tooLong = await admin.request({
      method: 'POST',
      url: '/api/v1/live-sessions',
      payload: { ...base, plannedStart: '2027-03-02T12:00:00Z', plannedEnd: '2027-03-03T12:00:01Z' },
    });
    expectError(tooLong, 400, 'invalid_request');
    const wideWindow = await admin.request({
      method: 'GET',
      url: '/api/v1/live-sessions?from=2027-01-01T00:00:00Z&to=2027-12-31T00:00:00Z',
    });
    expectError(wideWindow, 400, 'invalid_request');
  });

  it('refuses bad line-up, recurrence, requirement and SOP input with 400', async () => {
    const flash = await admin.request({
      method: 'POST',
      url: `/api/v1/live-sessions/${ids.session}/lineup/items`,
      payload: {
        productId: 'p',
        skuId: 's',
        explainMinutes: 5,
        livePriceFen: 5000,
        stockAllocation: 1,
        mechanism: { type: 'flash_sale', flashPriceFen: 6000, quantity: 10, durationMinutes: 5 },
      },
    });
    expectError(flash, 400, 'invalid_request');
    const yuan = await admin.request({
      method: 'POST',
      url: `/api/v1/live-sessions/${ids.session}/lineup/items`,
      payload: { productId: 'p', skuId: 's', explainMinutes: 5, livePriceFen: 49.9, stockAllocation: 1 },
    });
    expectError(yuan, 400, 'invalid_request');
    const mechanism = await admin.request({
      method: 'POST',
      url: `/api/v1/live-sessions/${ids.session}/lineup/items`,
      payload: {
        productId: 'p',
        skuId: 's',
        explainMinutes: 5,
        livePriceFen: 4990,
        stockAllocation: 1,
        mechanism: { type: 'lottery' },
      },
    });
    expectError(mechanism, 400, 'invalid_request');
    const days = await admin.request({
      method: 'POST',
      url: '/api/v1/recurring-schedules',
      payload: {
        title: '周播',
        roomId: ids.room,
        accountId: ids.account,
        anchorIds: [ids.anchor],
        daysOfWeek: [0, 8],
        startTime: '25:00',
        durationMinutes: 60,
        startsOn: '2027-02-30',
      },
    });
    const paths = (expectError(days, 400, 'invalid_request').error.details as { path: string }[]).map(
      (d) => d.path,
    );
    expect(paths).toEqual(expect.arrayContaining(['daysOfWeek.0', 'startTime', 'startsOn']));
    const band = await admin.request({
      method: 'PUT',
      url: `/api/v1/live-sessions/${ids.session}/requirements`,
      payload: { items: [{ categories: ['美妆'], priceMinFen: 9000, priceMaxFen: 100, count: 1 }] },
    });
    expectError(band, 400, 'invalid_request');
    const cycle = await admin.request({
      method: 'POST',
      url: '/api/v1/sop-templates',
      payload: {
        name: '环',
        tasks: [
          { key: 'a', title: 'A', ownerRole: 'operator', dueDay: 1, dependsOn: ['b'] },
          { key: 'b', title: 'B', ownerRole: 'operator', dueDay: 1, dependsOn: ['a'] },
        ],
      },
    });
    expectError(cycle, 400, 'dependency_cycle');
    const role = await admin.request({
      method: 'POST',
      url: '/api/v1/sop-templates',
      payload: { name: 'x', tasks: [{ key: 'a', title: 'A', ownerRole: 'boss', dueDay: 1 }] },
    });
    expectError(role, 400, 'invalid_request');
  });

  it('answers 409 when a stale reorder leaves an item out, and 409 for an SOP task whose dependencies are open', async () => {
    const added = await admin.request({
      method: 'POST',
      url: `/api/v1/live-sessions/${ids.session}/lineup/items`,
      payload: { productId: 'p1', skuId: 's1', explainMinutes: 5, livePriceFen: 4990, stockAllocation: 0 },
    });
    expect(added.statusCode).toBe(201);
    await admin.request({
      method: 'POST',
      url: `/api/v1/live-sessions/${ids.session}/lineup/items`,
      payload: { productId: 'p2', skuId: 's2', explainMinutes: 5, livePriceFen: 990, stockAllocation: 0 },
    });
    const stale = await admin.request({
      method: 'PUT',
      url: `/api/v1/live-sessions/${ids.session}/lineup/order`,
      payload: { itemIds: [added.json<{ items: { id: string }[] }>().items[0]!.id] },
    });
    expectError(stale, 409, 'lineup_changed');
    const templates = await admin.request({ method: 'GET', url: '/api/v1/sop-templates' });
    const template = templates.json<{ items: { id: string }[] }>().items[0]!;
    const run = await admin.request({
      method: 'POST',
      url: '/api/v1/sop-runs',
      payload: { templateId: template.id, roomId: ids.room, startDate: '2027-03-01' },
    });
    const launch = run
      .json<{ tasks: { id: string; key: string }[] }>()
      .tasks.find((task) => task.key === 'launch')!;
    expectError(
      await admin.request({ method: 'POST', url: `/api/v1/sop-tasks/${launch.id}/complete` }),
      409,
      'dependencies_not_done',
    );
  });

  it('lets an anchor read only their own schedule, and not change it', async () => {
    const seeded = await t.access.staff.onboard(
      (await t.access.organisations.findBySlugOrId('sched-http'))!.id,
      { email: 'li@sched-http.test', name: '李主播', role: 'anchor', password: 'anchor-password' },
      { type: 'system', id: null },
    );
    await admin.request({
      method: 'PATCH',
      url: `/api/v1/anchors/${ids.anchor}`,
      payload: { membershipId: seeded.id },
    });
    const anchor = await signIn(t.app, 'li@sched-http.test', 'anchor-password');
    const mine = await anchor.request({
      method: 'GET',
      url: '/api/v1/me/schedule?from=2027-03-01T00:00:00Z&to=2027-03-08T00:00:00Z',
    });
    expect(mine.statusCode).toBe(200);
    expect(mine.json<{ items: { id: string }[] }>().items.map((s) => s.id)).toEqual([ids.session]);
    const change = await anchor.request({
      method: 'PATCH',
      url: `/api/v1/live-sessions/${ids.session}`,
      payload: { title: '我来改' },
    });
    expectError(change, 403, 'forbidden');
  });
});
