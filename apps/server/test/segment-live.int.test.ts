import type { AddressInfo } from 'node:net';
import type { EventEnvelopeInput } from '@livecloud/contracts';
import type { LiveBoard } from '@livecloud/live';
import { demoSessionPlan, simulateSession } from '@livecloud/platforms';
import { Analytics } from '@segment/analytics-node';
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
 * A live session sent through the unmodified @segment/analytics-node library reaches the big
 * screen as the same session sent through the native collector does (docs/events.md, "Live
 * events from Segment").
 */
const system = { type: 'system' as const, id: null };
const sessionId = 'ses_segment_live';
let t: TestApp;
let base: string;
let native: { orgId: string; key: string; admin: SessionClient };
let segment: { orgId: string; key: string; admin: SessionClient };

async function seed(
  slug: string,
  name: string,
): Promise<{ orgId: string; key: string; admin: SessionClient }> {
  const seeded = await seedOrg(t.access, slug, name);
  const key = await t.access.apiKeys.create(
    seeded.orgId,
    { name: '采集', purpose: 'collector', source: 'sdk' },
    system,
  );
  return { orgId: seeded.orgId, key: key.secret, admin: await signIn(t.app, seeded.email, seeded.password) };
}

/** The envelope fields a live track carries in its properties, as docs/events.md says. */
function segmentTrackOf(event: EventEnvelopeInput) {
  const { accountId, sessionId: session, platformUserId, productId, skuId, orderId, amountFen } = event;
  const lifted = { accountId, sessionId: session, platformUserId, productId, skuId, orderId, amountFen };
  return {
    event: event.type,
    messageId: event.id,
    timestamp: new Date(event.occurredAt),
    // analytics-node wants a user: the platform's own id, as a page or app would send it.
    anonymousId: event.platformUserId ?? event.anonymousId ?? 'unknown',
    properties: {
      ...event.properties,
      ...Object.fromEntries(Object.entries(lifted).filter(([, v]) => v !== undefined)),
      ...(event.trafficSource === undefined ? {} : { trafficSource: event.trafficSource }),
    },
  };
}

async function board(client: SessionClient): Promise<LiveBoard> {
  const response = await client.request({ method: 'GET', url: `/api/v1/sessions/${sessionId}/live` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<LiveBoard>();
}

async function boardOnceAll(client: SessionClient, count: number): Promise<LiveBoard> {
  const deadline = Date.now() + 60_000;
  let last: LiveBoard | undefined;
  while (Date.now() < deadline) {
    last = await board(client);
    if (last.eventCount === count) return last;
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`the board shows ${last?.eventCount ?? 'nothing'} events, not ${count}`);
}

/** The board without what differs between two reads: the time of the answer and of the comparisons. */
function comparable(live: LiveBoard): unknown {
  return JSON.parse(
    JSON.stringify({ ...live, asOf: 0 }, (key, value: unknown) => (key === 'computedAt' ? 0 : value)),
  );
}

beforeAll(async () => {
  t = await createTestApp('pglite', {
    config: { collectorRateLimitPerSecond: 10_000, collectorRateLimitBurst: 10_000 },
  });
  native = await seed('seg-native', '原生采集');
  segment = await seed('seg-lib', 'Segment 采集');
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await t.close();
  await closeTestEventStore();
});

describe('live events from a Segment library', () => {
  it(
    'put the same session on the big screen as the native collector, field by field',
    { timeout: 180_000 },
    async () => {
      const simulated = simulateSession(
        demoSessionPlan({
          orgId: native.orgId,
          accountId: 'acc_segment',
          sessionId,
          // Over before now, refunds included: the collector refuses events dated ahead of it.
          startAt: Date.now() - 3 * 3_600_000,
          durationMin: 10,
          refundTailHours: 0,
          scale: 60,
          seed: 7,
        }),
      ).collect();
      const events = simulated.events;
      expect(new Set(events.map((e) => e.type)).size).toBeGreaterThanOrEqual(14);

      for (let i = 0; i < events.length; i += 1_000) {
        const response = await fetch(`${base}/collect/v1/events`, {
          method: 'POST',
          headers: { authorization: `Bearer ${native.key}`, 'content-type': 'application/json' },
          body: JSON.stringify(events.slice(i, i + 1_000)),
        });
        expect(await response.json()).toMatchObject({ rejected: [] });
      }

      const analytics = new Analytics({
        writeKey: segment.key,
        host: base,
        path: '/v1/batch',
        flushAt: 500,
        flushInterval: 100,
        maxRetries: 2,
      });
      const failures: unknown[] = [];
      analytics.on('error', (error) => failures.push(error));
      for (const event of events) analytics.track(segmentTrackOf(event));
      await analytics.closeAndFlush({ timeout: 60_000 });
      expect(failures).toEqual([]);

      const fromNative = await boardOnceAll(native.admin, events.length);
      const fromSegment = await boardOnceAll(segment.admin, events.length);
      expect(fromSegment.totals.gmvFen).toBe(simulated.truth.gmvFen);
      expect(fromSegment.totals.gmvFen).toBeGreaterThan(0);
      expect(comparable(fromSegment)).toEqual(comparable(fromNative));

      const letters = await segment.admin.request({ method: 'GET', url: '/api/v1/dead-letters' });
      expect(letters.json<{ items: unknown[] }>().items).toEqual([]);
    },
  );

  it('dead-letters a live track whose fields are wrong, with the reason', async () => {
    const analytics = new Analytics({ writeKey: segment.key, host: base, flushAt: 10, flushInterval: 50 });
    const at = new Date(Date.now() - 60_000);
    const live = { accountId: 'acc_segment', sessionId: 'ses_segment_bad' };
    analytics.track({
      event: 'order.pay',
      messageId: 'seg_bad_money',
      anonymousId: 'dy_bad',
      timestamp: at,
      properties: { ...live, orderId: 'o-bad', amountFen: 69.9 },
    });
    analytics.track({
      event: 'product.click',
      messageId: 'seg_bad_product',
      anonymousId: 'dy_bad',
      timestamp: at,
      properties: live,
    });
    analytics.track({
      event: 'room.enter',
      messageId: 'seg_bad_future',
      anonymousId: 'dy_bad',
      timestamp: new Date(Date.now() + 3_600_000),
      properties: live,
    });
    await analytics.closeAndFlush({ timeout: 30_000 });
    const letters = await segment.admin.request({ method: 'GET', url: '/api/v1/dead-letters?limit=50' });
    const reasons = new Map(
      letters
        .json<{ items: { eventId: string | null; reason: string }[] }>()
        .items.map((l): [string | null, string] => [l.eventId, l.reason]),
    );
    expect(reasons.get('seg_bad_money')).toMatch(/^amountFen: must be an integer/);
    expect(reasons.get('seg_bad_product')).toMatch(/^productId: is required for product\.click/);
    expect(reasons.get('seg_bad_future')).toMatch(/^occurred_in_future: /);
  });
});
