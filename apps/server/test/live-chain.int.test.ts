import type { LiveBoard, RecentSessionDto } from '@livecloud/live';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeTestEventStore,
  createTestApp,
  seedOrg,
  signIn,
  type SessionClient,
  type TestApp,
} from './test-app.js';

/*
 * One session from the schedule to the big screen (issue 12): a scheduled session that goes
 * live has a board at once, events a platform sends under its own live id attach to it, and
 * the session list names sessions by title and room with the schedule's states.
 */
const system = { type: 'system' as const, id: null };
let t: TestApp;
let admin: SessionClient;
let key: string;
let accountId: string;
let liveId: string;
let upcomingId: string;

async function created(url: string, payload: Record<string, unknown>): Promise<string> {
  const res = await admin.request({ method: 'POST', url, payload });
  if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}

async function board(id: string): Promise<{ status: number; body: LiveBoard }> {
  const res = await admin.request({ method: 'GET', url: `/api/v1/sessions/${id}/live` });
  return { status: res.statusCode, body: res.json<LiveBoard>() };
}

beforeAll(async () => {
  t = await createTestApp('pglite');
  const org = await seedOrg(t.access, 'chain-a', '链路直播');
  admin = await signIn(t.app, org.email, org.password);
  key = (
    await t.access.apiKeys.create(org.orgId, { name: '抖音', purpose: 'collector', source: 'douyin' }, system)
  ).secret;
  const roomId = await created('/api/v1/rooms', { name: '二号直播间' });
  const anchorId = await created('/api/v1/anchors', { name: '小雅' });
  accountId = await created('/api/v1/platform-accounts', {
    platform: 'douyin',
    handle: 'chain_a',
    displayName: '链路抖音号',
  });
  const plan = (title: string, start: number) =>
    created('/api/v1/live-sessions', {
      title,
      roomId,
      accountId,
      anchorIds: [anchorId],
      plannedStart: new Date(start).toISOString(),
      plannedEnd: new Date(start + 3_600_000).toISOString(),
    });
  const now = Date.now();
  liveId = await plan('今晚美妆专场', now + 10 * 60_000);
  upcomingId = await plan('明晚食品专场', now + 26 * 3_600_000);
});

afterAll(async () => {
  await t.close();
  await closeTestEventStore();
});

describe('schedule → go live → big screen', () => {
  it('has no board for a session before it goes live only when nobody scheduled it', async () => {
    expect((await board('ses_nobody_knows')).status).toBe(404);
    const planned = await board(upcomingId);
    expect(planned.status).toBe(200);
    expect(planned.body.plan).toMatchObject({
      title: '明晚食品专场',
      status: 'planned',
      roomName: '二号直播间',
    });
  });

  it('opens the board of a session the moment it goes live, before any event', async () => {
    const res = await admin.request({
      method: 'POST',
      url: `/api/v1/live-sessions/${liveId}/status`,
      payload: { status: 'live', override: { reason: '测试：排品为空' } },
    });
    expect(res.statusCode, res.body).toBe(200);
    const live = await board(liveId);
    expect(live.status).toBe(200);
    expect(live.body).toMatchObject({ sessionId: liveId, accountId, accountName: '链路抖音号' });
    expect(live.body.totals.gmvFen).toBe(0);
    expect(live.body.plan).toMatchObject({ title: '今晚美妆专场', status: 'live' });
  });

  it('attaches events a platform sends under its own live id to the session live on the account', async () => {
    const at = new Date().toISOString();
    const sent = await t.app.inject({
      method: 'POST',
      url: '/collect/v1/events',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      payload: JSON.stringify([
        {
          id: 'ch_1',
          type: 'room.enter',
          occurredAt: at,
          sessionId: '7355550001',
          accountId,
          platformUserId: 'dy_1',
        },
        {
          id: 'ch_2',
          type: 'order.pay',
          occurredAt: at,
          sessionId: '7355550001',
          accountId,
          platformUserId: 'dy_1',
          orderId: 'o_ch_2',
          amountFen: 12_900,
        },
      ]),
    });
    expect(sent.json()).toMatchObject({ accepted: 2, rejected: [] });
    let gmv = 0;
    for (let i = 0; i < 100 && gmv !== 12_900; i++) {
      gmv = (await board(liveId)).body.totals.gmvFen;
      if (gmv !== 12_900) await new Promise((resolve) => setTimeout(resolve, 30));
    }
    expect(gmv).toBe(12_900);
    expect((await board('7355550001')).status).toBe(404);
  });

  it('lists sessions by title and room with 直播中 / 待开播 states, live first', async () => {
    const res = await admin.request({ method: 'GET', url: '/api/v1/live/sessions' });
    const items = res.json<{ items: RecentSessionDto[] }>().items;
    expect(items.map((s) => [s.sessionId, s.state, s.title])).toEqual([
      [liveId, 'live', '今晚美妆专场'],
      [upcomingId, 'upcoming', '明晚食品专场'],
    ]);
    expect(items[0]).toMatchObject({ roomName: '二号直播间', accountName: '链路抖音号', gmvFen: 12_900 });
  });
});
