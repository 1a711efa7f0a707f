import {
  eventSelectList,
  fromEventRow,
  scopeToOrg,
  type EventRow,
  type StoredEvent,
} from '@livecloud/events';
import type { LiveBoard } from '@livecloud/live';
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
 * The collector joins events to the live sessions scheduling holds: an event that names a
 * scheduled session of its organisation gets the session's account; a session id of another
 * organisation (or none at all) tells the event nothing.
 */
const system = { type: 'system' as const, id: null };
let t: TestApp;
let adminA: SessionClient;
let orgA: string;
let orgB: string;
let keyA: string;
let keyB: string;
let sessionId: string;
let accountId: string;

async function created(
  client: SessionClient,
  url: string,
  payload: Record<string, unknown>,
): Promise<string> {
  const res = await client.request({ method: 'POST', url, payload });
  if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}

function collect(key: string, events: unknown[]) {
  return t.app.inject({
    method: 'POST',
    url: '/collect/v1/events',
    payload: JSON.stringify(events),
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
  });
}

function like(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, type: 'like', occurredAt: new Date().toISOString(), platformUserId: `dy_${id}`, ...overrides };
}

async function storedEvent(orgId: string, id: string): Promise<StoredEvent | undefined> {
  const store = t.services.events;
  const rows = await scopeToOrg(store, orgId).query<EventRow>(
    `SELECT ${eventSelectList} FROM ${store.tables.events} FINAL WHERE org_id = {orgId:String} AND id = {id:String}`,
    { id },
  );
  return rows.map(fromEventRow)[0];
}

beforeAll(async () => {
  t = await createTestApp('pglite');
  const a = await seedOrg(t.access, 'lookup-a', '甲方直播');
  const b = await seedOrg(t.access, 'lookup-b', '乙方直播');
  orgA = a.orgId;
  orgB = b.orgId;
  adminA = await signIn(t.app, a.email, a.password);
  const collector = { name: '抖音采集', purpose: 'collector' as const, source: 'douyin' as const };
  keyA = (await t.access.apiKeys.create(orgA, collector, system)).secret;
  keyB = (await t.access.apiKeys.create(orgB, collector, system)).secret;
  const roomId = await created(adminA, '/api/v1/rooms', { name: '一号直播间' });
  const anchorId = await created(adminA, '/api/v1/anchors', { name: '小美' });
  accountId = await created(adminA, '/api/v1/platform-accounts', {
    platform: 'douyin',
    handle: 'lookup_a',
    displayName: '甲方抖音号',
  });
  const start = Date.now() - 600_000;
  sessionId = await created(adminA, '/api/v1/live-sessions', {
    title: '甲方专场',
    roomId,
    accountId,
    anchorIds: [anchorId],
    plannedStart: new Date(start).toISOString(),
    plannedEnd: new Date(start + 3_600_000).toISOString(),
  });
});

afterAll(async () => {
  await t.close();
  await closeTestEventStore();
});

describe('the collector’s live-session lookup', () => {
  it('gives an event naming a scheduled session the session’s account, and the board knows it', async () => {
    const res = await collect(keyA, [like('lk_a1', { sessionId })]);
    expect(res.json()).toMatchObject({ accepted: 1, rejected: [] });
    expect((await storedEvent(orgA, 'lk_a1'))?.accountId).toBe(accountId);

    let board: LiveBoard | undefined;
    for (let i = 0; i < 50 && board?.totals.likes !== 1; i++) {
      const live = await adminA.request({ method: 'GET', url: `/api/v1/sessions/${sessionId}/live` });
      if (live.statusCode === 200) board = live.json<LiveBoard>();
      else await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(board).toMatchObject({ accountId, accountName: '甲方抖音号' });
  });

  it('dead-letters an event whose account contradicts its scheduled session', async () => {
    const res = await collect(keyA, [like('lk_a2', { sessionId, accountId: 'acc_elsewhere' })]);
    expect(res.json()).toMatchObject({ accepted: 0, rejected: [{ index: 0 }] });
    expect(res.json<{ rejected: { reason: string }[] }>().rejected[0]?.reason).toMatch(
      /^session_account_mismatch/,
    );
  });

  it('tells another organisation nothing about the session, and leaves unknown ids alone', async () => {
    const foreign = await collect(keyB, [
      like('lk_b1', { sessionId }),
      like('lk_b2', { sessionId, accountId: 'acc_b' }),
    ]);
    // Without A's session to fill it, B's event lacks the account a live event needs.
    expect(foreign.json()).toMatchObject({ accepted: 1, rejected: [{ index: 0 }] });
    expect(foreign.json<{ rejected: { reason: string }[] }>().rejected[0]?.reason).toMatch(/accountId/);
    expect(await storedEvent(orgB, 'lk_b1')).toBeUndefined();
    expect((await storedEvent(orgB, 'lk_b2'))?.accountId).toBe('acc_b');

    const unknown = await collect(keyA, [
      like('lk_a3', { sessionId: 'ses_not_scheduled', accountId: 'acc_x' }),
    ]);
    expect(unknown.json()).toMatchObject({ accepted: 1, rejected: [] });
    expect((await storedEvent(orgA, 'lk_a3'))?.accountId).toBe('acc_x');
  });
});
