import type { AddressInfo } from 'node:net';
import type { LiveBoard } from '@livecloud/live';
import { maxSeriesMinutes } from '@livecloud/live';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeTestEventStore,
  createTestApp,
  seedOrg,
  signIn,
  type SessionClient,
  type TestApp,
} from './test-app.js';

/**
 * What a client may send the collector that must not hurt the server: each case here was
 * found by probing the running server, and stays as a test. New collector inputs and new
 * endpoints add their cases here.
 */
const system = { type: 'system' as const, id: null };
let t: TestApp;
let orgId: string;
let writeKey: string;
let admin: SessionClient;
let base: string;
let n = 0;

function liveEvent(
  type: string,
  occurredAt: number,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  n++;
  return {
    id: `fuzz_${n}`,
    type,
    occurredAt,
    accountId: 'acc_fuzz',
    sessionId: 'ses_fuzz',
    platformUserId: `dy_${n}`,
    ...extra,
  };
}

async function collect(events: unknown[]): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${base}/collect/v1/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${writeKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(events),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  t = await createTestApp('pglite');
  const seeded = await seedOrg(t.access, 'fuzz', '采集压测');
  orgId = seeded.orgId;
  writeKey = (
    await t.access.apiKeys.create(orgId, { name: '抖音采集', purpose: 'collector', source: 'douyin' }, system)
  ).secret;
  admin = await signIn(t.app, seeded.email, seeded.password);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await t.close();
  await closeTestEventStore();
});

describe('events dated far from when they were received', () => {
  it('dead-letters an event dated in the year 2299 and stores its valid neighbour', async () => {
    const now = Date.now();
    const future = liveEvent('like', Date.UTC(2299, 11, 31), { sessionId: 'ses_future' });
    const fine = liveEvent('like', now - 1_000, { sessionId: 'ses_future' });
    const answer = await collect([future, fine]);
    expect(answer.status).toBe(200);
    const rejected = answer.body['rejected'] as { id: string; reason: string }[];
    expect(answer.body['accepted']).toBe(1);
    expect(rejected.map((r) => r.id)).toEqual([future['id']]);
    expect(rejected[0]?.reason).toMatch(/^occurred_in_future: /);
    const letters = await admin.request({ method: 'GET', url: '/api/v1/dead-letters?limit=50' });
    expect(letters.statusCode).toBe(200);
    const items = letters.json<{ items: { eventId: string | null; reason: string }[] }>().items;
    const letter = items.find((l) => l.eventId === future['id']);
    expect(letter?.reason).toMatch(/^occurred_in_future: /);
  });

  it('answers the board of a session that spans 25 years at once, and health meanwhile', async () => {
    const now = Date.now();
    const answer = await collect([
      liveEvent('room.enter', Date.UTC(2001, 0, 1)),
      liveEvent('order.pay', Date.UTC(2001, 0, 1, 0, 1), { orderId: 'ord_old', amountFen: 100 }),
      liveEvent('room.enter', now - 60_000),
      liveEvent('order.pay', now - 30_000, { orderId: 'ord_now', amountFen: 4_990 }),
    ]);
    expect(answer.body).toMatchObject({ accepted: 4, rejected: [] });

    const healthTimes: number[] = [];
    let reading = true;
    const probe = (async () => {
      while (reading) {
        const started = performance.now();
        const health = await fetch(`${base}/api/v1/health`);
        await health.arrayBuffer();
        healthTimes.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const reads = await Promise.all(
      [0, 1, 2].map(() =>
        fetch(`${base}/api/v1/sessions/ses_fuzz/live`, { headers: { cookie: admin.cookie } }).then(
          async (r) => ({ status: r.status, board: (await r.json()) as LiveBoard }),
        ),
      ),
    );
    reading = false;
    await probe;

    for (const { status, board } of reads) {
      expect(status).toBe(200);
      expect(board.series.length).toBeLessThanOrEqual(maxSeriesMinutes);
      expect(board.totals.gmvFen).toBe(5_090);
      expect(board.series.at(-1)?.cumulative.gmvFen).toBe(5_090);
    }
    expect(healthTimes.length).toBeGreaterThan(0);
    expect(Math.max(...healthTimes)).toBeLessThan(1_000);
  });
});
