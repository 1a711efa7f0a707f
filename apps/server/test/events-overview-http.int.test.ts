import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectTo, like } from './collector-http-fixture.js';
import {
  closeTestEventStore,
  createTestApp,
  seedOrg,
  signIn,
  type SessionClient,
  type TestApp,
} from './test-app.js';

/* The events overview over HTTP: what the collector took and refused, and bad ranges as 400s. */
const system = { type: 'system' as const, id: null };
let t: TestApp;
let writeKey: string;
let admin: SessionClient;

beforeAll(async () => {
  t = await createTestApp('pglite');
  const seeded = await seedOrg(t.access, 'overview', '事件概览测试');
  writeKey = (
    await t.access.apiKeys.create(
      seeded.orgId,
      { name: '抖音采集', purpose: 'collector', source: 'douyin' },
      system,
    )
  ).secret;
  admin = await signIn(t.app, seeded.email, seeded.password);
});
afterAll(async () => {
  await t.close();
  await closeTestEventStore();
});

describe('events overview over HTTP', () => {
  it('counts collected and dead-lettered events and lists the last ones, person masked', async () => {
    await collectTo(t, writeKey, [
      like('ovh-1', { occurredAt: Date.now() }),
      like('ovh-2', { occurredAt: Date.now(), platformUserId: 'dy_secret_viewer' }),
      like('ovh-bad', { type: 'room.explode' }),
    ]);
    const res = await admin.request({ method: 'GET', url: '/api/v1/events/overview?bucket=hour' });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ accepted: number[]; totals: { accepted: number; rejected: number } }>();
    expect(body.accepted).toHaveLength(25);
    expect(body.totals).toMatchObject({ accepted: 2, rejected: 1 });

    const recent = await admin.request({ method: 'GET', url: '/api/v1/events/recent?limit=5' });
    expect(recent.statusCode).toBe(200);
    expect(recent.body).not.toContain('dy_secret_viewer');
    expect(recent.json<{ items: { id: string; personKey: string }[] }>().items[0]).toMatchObject({
      id: 'ovh-2',
      personKey: 'dy_***er',
    });
  });

  it('answers a range that is reversed, too long or malformed with a 400 and its code', async () => {
    const codeOf = async (query: string) => {
      const res = await admin.request({ method: 'GET', url: `/api/v1/events/overview?${query}` });
      expect(res.statusCode).toBe(400);
      return res.json<{ error: { code: string; details?: unknown } }>().error;
    };
    expect(await codeOf('from=2026-03-14T12:00:00Z&to=2026-03-14T11:00:00Z')).toMatchObject({
      code: 'overview_range_invalid',
    });
    expect(await codeOf('from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z&bucket=hour')).toMatchObject({
      code: 'overview_too_many_buckets',
      details: { max: 200 },
    });
    expect((await codeOf('bucket=week')).code).toBe('invalid_request');
    expect((await codeOf('from=yesterday')).code).toBe('invalid_request');
    const tooMany = await admin.request({ method: 'GET', url: '/api/v1/events/recent?limit=101' });
    expect(tooMany.statusCode).toBe(400);
  });
});
