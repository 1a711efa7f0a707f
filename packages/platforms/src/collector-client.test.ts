import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventEnvelopeInput } from '@livecloud/contracts';
import { isAppError } from '@livecloud/core';
import { at, primeTime, smallPlan } from '../test/plans.js';
import { streamToCollector, type CollectorProgress } from './collector-client.js';
import { simulateSession } from './session-simulator.js';

interface Received {
  authorization: string | undefined;
  path: string | undefined;
  body: string;
  events: EventEnvelopeInput[];
}

type Reply = (
  received: Received,
  count: number,
) => { status: number; body: unknown; headers?: Record<string, string> };

const accept: Reply = (r) => ({
  status: 200,
  body: { accepted: r.events.length, duplicates: 0, rejected: [] },
});

let server: Server | undefined;

/** A tiny collector on 127.0.0.1 and a free port that records every request. */
async function startCollector(reply: Reply): Promise<{ baseUrl: string; requests: Received[] }> {
  const requests: Received[] = [];
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const received: Received = {
        authorization: req.headers.authorization,
        path: req.url,
        body,
        events: JSON.parse(body) as EventEnvelopeInput[],
      };
      requests.push(received);
      const answer = reply(received, requests.length);
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, requests };
}

afterEach(async () => {
  await new Promise<void>((resolve) => (server === undefined ? resolve() : server.close(() => resolve())));
  server = undefined;
});

const tiny = (overrides: Parameters<typeof smallPlan>[0] = {}) =>
  smallPlan({ durationMin: 6, scale: 80, ...overrides });
const fastRetry = { baseDelayMs: 5, maxDelayMs: 20 };

describe('streamToCollector', () => {
  it('posts every event in batches with the bearer key, interleaving sessions by time', async () => {
    const { baseUrl, requests } = await startCollector(accept);
    const plans = [
      tiny(),
      tiny({ seed: 7, sessionId: 'ses_other', accountId: 'acc_food_01', startAt: primeTime + 30_000 }),
    ];
    const expected = plans.flatMap((p) => simulateSession(p).collect().events);
    const progress: CollectorProgress[] = [];

    const result = await streamToCollector({
      baseUrl: `${baseUrl}/`,
      collectorKey: 'ck_test',
      sessions: plans,
      batchSize: 100,
      onProgress: (p) => progress.push(p),
    });

    expect(
      requests.every((r) => r.path === '/collect/v1/events' && r.authorization === 'Bearer ck_test'),
    ).toBe(true);
    expect(requests.every((r) => r.events.length <= 100)).toBe(true);
    const sent = requests.flatMap((r) => r.events);
    expect(sent.map((e) => e.id).sort()).toEqual(expected.map((e) => e.id).sort());
    expect(sent.every((e, i) => i === 0 || at(e) >= at(sent[i - 1]!))).toBe(true);
    expect(new Set(requests[Math.floor(requests.length / 2)]!.events.map((e) => e.sessionId)).size).toBe(2);
    expect(result).toMatchObject({
      sent: expected.length,
      accepted: expected.length,
      rejected: 0,
      sessionsDone: 2,
      aborted: false,
      retries: 0,
    });
    expect(result.batches).toBe(requests.length);
    expect(progress.at(-1)).toMatchObject({ sent: expected.length, sessionsDone: 2 });
    expect(result.eventsTotalEstimate).toBeGreaterThan(0.5 * expected.length);
    expect(result.eventsTotalEstimate).toBeLessThan(2 * expected.length);
  });

  it('retries a batch answered 503 with the very same ids, then goes on', async () => {
    const { baseUrl, requests } = await startCollector((r, count) =>
      count === 1
        ? { status: 503, body: { error: { code: 'unavailable', message: 'warming up' } } }
        : accept(r, count),
    );
    const result = await streamToCollector({
      baseUrl,
      collectorKey: 'k',
      sessions: [tiny()],
      batchSize: 200,
      retry: fastRetry,
    });
    expect(requests[1]!.body).toBe(requests[0]!.body);
    expect(result.retries).toBe(1);
    expect(result.sent).toBe(requests.slice(1).reduce((sum, r) => sum + r.events.length, 0));
  });

  it('backs off on 429 as long as Retry-After says', async () => {
    const { baseUrl, requests } = await startCollector((r, count) =>
      count === 1 ? { status: 429, body: {}, headers: { 'retry-after': '0' } } : accept(r, count),
    );
    const result = await streamToCollector({
      baseUrl,
      collectorKey: 'k',
      sessions: [tiny()],
      retry: fastRetry,
    });
    expect(requests[1]!.body).toBe(requests[0]!.body);
    expect(result.retries).toBe(1);
  });

  it('stops on a 400 with the collector’s code and message, sending nothing more', async () => {
    const { baseUrl, requests } = await startCollector(() => ({
      status: 400,
      body: { error: { code: 'batch_too_large', message: 'at most 50 events per batch' } },
    }));
    const failure = await streamToCollector({
      baseUrl,
      collectorKey: 'k',
      sessions: [tiny()],
      batchSize: 100,
    }).catch((error: unknown) => error);
    expect(isAppError(failure)).toBe(true);
    expect(isAppError(failure) && failure.code).toBe('batch_too_large');
    expect(String(failure)).toContain('at most 50 events per batch');
    expect(requests).toHaveLength(1);
  });

  it('gives up with collector_unavailable when the collector keeps failing', async () => {
    const { baseUrl, requests } = await startCollector(() => ({ status: 500, body: {} }));
    const failure = await streamToCollector({
      baseUrl,
      collectorKey: 'k',
      sessions: [tiny()],
      retry: { ...fastRetry, maxAttempts: 3 },
    }).catch((error: unknown) => error);
    expect(isAppError(failure) && failure.code).toBe('collector_unavailable');
    expect(requests).toHaveLength(3);
  });

  it('counts rejected events with their ids and reasons', async () => {
    const { baseUrl } = await startCollector((r) => ({
      status: 200,
      body: {
        accepted: r.events.length - 1,
        duplicates: 0,
        rejected: [{ index: 0, reason: 'occurredAt: too old' }],
      },
    }));
    const result = await streamToCollector({
      baseUrl,
      collectorKey: 'k',
      sessions: [tiny()],
      batchSize: 250,
    });
    expect(result.rejected).toBe(result.batches);
    expect(result.rejections[0]).toEqual({ id: 'sim_ses_small_1', reason: 'occurredAt: too old' });
  });

  it('stops when aborted and says so', async () => {
    const controller = new AbortController();
    const { baseUrl, requests } = await startCollector((r, count) => {
      if (count === 2) controller.abort();
      return accept(r, count);
    });
    const result = await streamToCollector({
      baseUrl,
      collectorKey: 'k',
      sessions: [tiny()],
      batchSize: 50,
      signal: controller.signal,
    });
    expect(result.aborted).toBe(true);
    expect(requests.length).toBeLessThanOrEqual(3);
    expect(result.sent).toBeLessThan(simulateSession(tiny()).collect().events.length);
  });

  it('paces by occurredAt when speed is set, still sending everything', async () => {
    const { baseUrl, requests } = await startCollector(accept);
    // Six minutes at 3,600× is 0.1 s of wall time, plus refunds that come hours later.
    const result = await streamToCollector({
      baseUrl,
      collectorKey: 'k',
      sessions: [tiny()],
      speed: 3_600,
      skipAfterSessionEnd: true,
    });
    const session = simulateSession(tiny());
    const inSession = session.collect().events.filter((e) => at(e) <= session.endAt);
    expect(result.sent).toBe(inSession.length);
    expect(requests.length).toBeGreaterThan(1);
    expect(result.sessionsDone).toBe(1);
  });
});
