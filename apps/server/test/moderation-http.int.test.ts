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
 * The moderation page's API: the lexicon the big screen checks comments against, and the
 * comments it flagged across the organisation's sessions, with the session's title.
 */
const system = { type: 'system' as const, id: null };
let t: TestApp;
let admin: SessionClient;
let writeKey: string;
let sessionId: string;

async function created(url: string, payload: Record<string, unknown>): Promise<string> {
  const res = await admin.request({ method: 'POST', url, payload });
  if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}

function comment(id: string, text: string, session: string, at: number): Record<string, unknown> {
  return {
    id,
    type: 'comment',
    occurredAt: new Date(at).toISOString(),
    sessionId: session,
    platformUserId: `dy_${id}`,
    properties: { text, nickname: `观众${id}` },
  };
}

beforeAll(async () => {
  t = await createTestApp('pglite');
  const seeded = await seedOrg(t.access, 'moderation', '审核测试');
  admin = await signIn(t.app, seeded.email, seeded.password);
  writeKey = (
    await t.access.apiKeys.create(
      seeded.orgId,
      { name: '抖音采集', purpose: 'collector', source: 'douyin' },
      system,
    )
  ).secret;
  const roomId = await created('/api/v1/rooms', { name: '审核直播间' });
  const anchorId = await created('/api/v1/anchors', { name: '小审' });
  const accountId = await created('/api/v1/platform-accounts', {
    platform: 'douyin',
    handle: 'moderation_a',
    displayName: '审核抖音号',
  });
  const start = Date.now() - 600_000;
  sessionId = await created('/api/v1/live-sessions', {
    title: '护肤专场',
    roomId,
    accountId,
    anchorIds: [anchorId],
    plannedStart: new Date(start).toISOString(),
    plannedEnd: new Date(start + 3_600_000).toISOString(),
  });
  const now = Date.now();
  const res = await t.app.inject({
    method: 'POST',
    url: '/collect/v1/events',
    payload: JSON.stringify([
      comment('c1', '主播好，这个多少钱？', sessionId, now - 3_000),
      comment('c2', '加我微信便宜卖你', sessionId, now - 2_000),
      comment('c3', '全网最低价吗', sessionId, now - 1_000),
    ]),
    headers: { authorization: `Bearer ${writeKey}`, 'content-type': 'application/json' },
  });
  if (res.statusCode !== 200) throw new Error(`collect: ${res.statusCode} ${res.body}`);
});
afterAll(async () => {
  await t.close();
  await closeTestEventStore();
});

describe('moderation over HTTP', () => {
  it('answers the built-in lexicon with its categories', async () => {
    const res = await admin.request({ method: 'GET', url: '/api/v1/moderation/lexicon' });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ source: string; terms: { term: string; category: string }[] }>();
    expect(body.source).toBe('built_in');
    expect(body.terms).toContainEqual(
      expect.objectContaining({ term: '加微信', category: 'contact_diversion' }),
    );
    expect(new Set(body.terms.map((term) => term.category))).toEqual(
      new Set(['absolute_term', 'contact_diversion', 'abuse', 'false_claim']),
    );
  });

  it('lists the flagged comments newest first with the matched term and the session title', async () => {
    const res = await admin.request({ method: 'GET', url: '/api/v1/moderation/flagged' });
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      scanned: number;
      items: {
        id: string;
        text: string;
        sessionTitle: string | null;
        hits: { term: string; category: string }[];
      }[];
    }>();
    expect(body.scanned).toBe(3);
    expect(body.items.map((c) => c.id)).toEqual(['c3', 'c2']);
    expect(body.items[0]).toMatchObject({
      sessionTitle: '护肤专场',
      text: '全网最低价吗',
      hits: [expect.objectContaining({ category: 'absolute_term' })],
    });
    expect(body.items[1]).toMatchObject({
      sessionTitle: '护肤专场',
      hits: [expect.objectContaining({ category: 'contact_diversion' })],
    });
  });

  it('narrows to one session and bounds the limit', async () => {
    const one = await admin.request({
      method: 'GET',
      url: `/api/v1/moderation/flagged?sessionId=${sessionId}`,
    });
    expect(one.json<{ items: { id: string }[] }>().items.map((c) => c.id)).toEqual(['c3', 'c2']);
    const other = await admin.request({
      method: 'GET',
      url: '/api/v1/moderation/flagged?sessionId=ses_other',
    });
    expect(other.json()).toEqual({ items: [], scanned: 0 });
    const first = await admin.request({ method: 'GET', url: '/api/v1/moderation/flagged?limit=1' });
    expect(first.json<{ items: { id: string }[] }>().items.map((c) => c.id)).toEqual(['c3']);
    const tooMany = await admin.request({ method: 'GET', url: '/api/v1/moderation/flagged?limit=101' });
    expect(tooMany.statusCode).toBe(400);
  });
});
