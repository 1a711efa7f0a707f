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

async function send(
  path: string,
  body: string | Uint8Array,
  contentType: string | null = 'application/json',
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${writeKey}`,
      ...(contentType === null ? {} : { 'content-type': contentType }),
    },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function collect(events: unknown[]): Promise<{ status: number; body: Record<string, unknown> }> {
  return send('/collect/v1/events', JSON.stringify(events));
}

/** JSON text of an object nested `levels` deep, written out (JSON.stringify would overflow). */
function deepJson(levels: number, open = '{"a":', close = '}'): string {
  return `${open.repeat(levels)}1${close.repeat(levels)}`;
}

type Rejected = { id?: string; reason: string; deadLetterId: string }[];

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

    // The process's first board read compiles its code paths, which on a loaded machine takes
    // a while whatever the data; read an ordinary session first so that what is measured is
    // what the 25-year session costs.
    await collect([liveEvent('room.enter', now - 1_000, { sessionId: 'ses_warm' })]);
    const warm = await fetch(`${base}/api/v1/sessions/ses_warm/live`, { headers: { cookie: admin.cookie } });
    expect(warm.status).toBe(200);
    await warm.arrayBuffer();

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

describe('a batch is never wedged by one bad member', () => {
  const valid = (count: number) =>
    Array.from({ length: count }, () => JSON.stringify(liveEvent('like', Date.now() - 5_000)));

  it('dead-letters an event nested 5,000 deep as too_deep and stores its 50 valid neighbours, natively', async () => {
    const deep = `{"id":"deep_native","type":"like","occurredAt":${Date.now()},"accountId":"a","sessionId":"s","platformUserId":"u","properties":${deepJson(5_000)}}`;
    const answer = await send('/collect/v1/events', `[${[...valid(50), deep].join(',')}]`);
    expect(answer.status).toBe(200);
    expect(answer.body['accepted']).toBe(50);
    const rejected = answer.body['rejected'] as Rejected;
    expect(rejected.map((r) => [r.id, r.reason.split(':')[0]])).toEqual([['deep_native', 'too_deep']]);
  });

  it('answers 200 for arrays nested 100,000 deep, as JSON and as NDJSON beside valid lines', async () => {
    const json = await send('/collect/v1/events', `[${deepJson(100_000, '[', ']')}]`);
    expect(json.status).toBe(200);
    expect((json.body['rejected'] as Rejected)[0]?.reason).toMatch(/^too_deep: /);
    const lines = [...valid(3), deepJson(100_000, '[', ']')].join('\n');
    const ndjson = await send('/collect/v1/events', lines, 'application/x-ndjson');
    expect(ndjson.status).toBe(200);
    expect(ndjson.body['accepted']).toBe(3);
    expect((ndjson.body['rejected'] as Rejected).map((r) => r.reason.split(':')[0])).toEqual(['too_deep']);
  });

  it.each(['/v1/t', '/v1/b'])('dead-letters a message nested 5,000 deep sent to %s', async (path) => {
    const messageId = `seg_deep_${path.slice(-1)}`;
    const message = `{"type":"track","event":"deep","messageId":"${messageId}","userId":"u1","properties":${deepJson(5_000)}}`;
    const answer = await send(path, path === '/v1/b' ? `{"batch":[${message}]}` : message);
    expect(answer).toMatchObject({ status: 200, body: { success: true } });
    const letters = await admin.request({ method: 'GET', url: '/api/v1/dead-letters?limit=50' });
    const items = letters.json<{ items: { eventId: string | null; reason: string }[] }>().items;
    expect(items.find((l) => l.eventId === messageId)?.reason).toMatch(/^too_deep: /);
  });

  it('does the same through the Segment batch call', async () => {
    const deepTrack = `{"type":"track","event":"deep","messageId":"seg_deep","userId":"u1","timestamp":"${new Date().toISOString()}","properties":${deepJson(5_000)}}`;
    const fine = JSON.stringify({ type: 'track', event: 'fine', messageId: 'seg_fine', userId: 'u1' });
    const answer = await send('/v1/batch', `{"batch":[${fine},${deepTrack}]}`);
    // Segment's answer is Segment's ({ success: true }); what was kept is in the store.
    expect(answer).toMatchObject({ status: 200, body: { success: true } });
    const letters = await admin.request({ method: 'GET', url: '/api/v1/dead-letters?limit=50' });
    const deep = letters
      .json<{ items: { eventId: string | null; reason: string }[] }>()
      .items.find((l) => l.eventId === 'seg_deep');
    expect(deep?.reason).toMatch(/^too_deep: /);
  });

  it('refuses an event larger than 32 KiB of JSON as too_large', async () => {
    const answer = await collect([
      liveEvent('comment', Date.now(), { properties: { text: '长'.repeat(40_000) } }),
    ]);
    expect(answer.status).toBe(200);
    expect((answer.body['rejected'] as Rejected)[0]?.reason).toMatch(/^too_large: /);
  });

  it('keeps 6,000 rejected events of one request as dead letters (more than 65,535 bind parameters)', async () => {
    const bad = Array.from({ length: 6_000 }, (_, i) => ({ id: `bulk_bad_${i}`, type: 'like' }));
    const answer = await collect(bad);
    expect(answer.status).toBe(200);
    const rejected = answer.body['rejected'] as Rejected;
    expect(rejected).toHaveLength(6_000);
    expect(new Set(rejected.map((r) => r.deadLetterId)).size).toBe(6_000);
  });

  it('keeps one dead letter for an invalid event however often it is re-sent', async () => {
    const bad = { id: 'resent_bad', type: 'like', occurredAt: Date.now() };
    const first = await collect([bad, bad]);
    const again = await collect([bad]);
    const ids = [...(first.body['rejected'] as Rejected), ...(again.body['rejected'] as Rejected)].map(
      (r) => r.deadLetterId,
    );
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(1);
    const listed = await admin.request({ method: 'GET', url: '/api/v1/dead-letters?limit=50' });
    const letters = listed.json<{ items: { eventId: string | null }[] }>().items;
    expect(letters.filter((l) => l.eventId === 'resent_bad')).toHaveLength(1);
  });

  it('refuses a body that is not UTF-8 with the offset of the first bad byte', async () => {
    const prefix = Buffer.from('[{"id":"utf","type":"like","text":"好');
    const answer = await send(
      '/collect/v1/events',
      Buffer.concat([prefix, Buffer.from([0xc3, 0x28]), Buffer.from('"}]')]),
    );
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      error: { code: 'invalid_utf8', details: { byteOffset: prefix.length } },
    });
  });

  it('takes JSON sent as text/plain or with no content type (Segment browser, sendBeacon), and refuses XML', async () => {
    const plain = await send(
      '/collect/v1/events',
      JSON.stringify([liveEvent('like', Date.now())]),
      'text/plain;charset=UTF-8',
    );
    expect(plain).toMatchObject({ status: 200, body: { accepted: 1 } });
    const none = await send('/collect/v1/events', JSON.stringify([liveEvent('like', Date.now())]), null);
    expect(none.status).toBe(200);
    const xml = await send('/collect/v1/events', '<events/>', 'application/xml');
    expect(xml.status).toBe(415);
  });
});

describe('collection from web pages: origins, preflights, the body’s write key', () => {
  const request = (method: string, path: string, headers: Record<string, string>, body?: string) =>
    fetch(`${base}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });

  it.each(['null', 'https://x.example', `https://${'a'.repeat(8_000)}.example`, 'not an origin at all'])(
    'answers a preflight from Origin %s with 204 and the origin echoed',
    async (origin) => {
      const response = await request('OPTIONS', '/v1/batch', {
        origin,
        'access-control-request-method': 'POST',
      });
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    },
  );

  it.each([
    ['a number', 42],
    ['an object', { key: writeKey }],
    ['an array', [writeKey]],
    ['an empty string', ''],
    ['100,000 characters', 'k'.repeat(100_000)],
    ['a NUL', `lc_wk_\u0000`],
  ])('answers a body writeKey that is %s with 401, never 500', async (_name, key) => {
    const body = JSON.stringify({ batch: [{ type: 'track', event: 'x', userId: 'u' }], writeKey: key });
    const response = await request('POST', '/v1/batch', { 'content-type': 'text/plain' }, body);
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toMatch(
      /^(invalid_api_key|unauthenticated)$/,
    );
  });

  it('answers an unknown origin with 403 origin_not_allowed, however odd the origin', async () => {
    for (const origin of ['null', 'https://evil.example', `https://${'b'.repeat(8_000)}.example`]) {
      const response = await request(
        'POST',
        '/collect/v1/events',
        { authorization: `Bearer ${writeKey}`, 'content-type': 'application/json', origin },
        JSON.stringify([liveEvent('like', Date.now())]),
      );
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('origin_not_allowed');
    }
  });

  it.each([
    ['not an array', { allowedOrigins: 'https://a.example' }],
    ['51 origins', { allowedOrigins: Array.from({ length: 51 }, (_, i) => `https://s${i}.example`) }],
    ['a script URL', { allowedOrigins: ['javascript:alert(1)'] }],
    ['a path', { allowedOrigins: ['https://a.example/x?y#z'] }],
    ['credentials', { allowedOrigins: ['https://user:pw@a.example'] }],
    ['a long origin', { allowedOrigins: [`https://${'c'.repeat(300)}.example`] }],
    ['nothing to change', {}],
    ['an empty name', { name: '  ' }],
  ])('answers PATCH /api/v1/api-keys/{id} with %s as 400', async (_name, payload) => {
    const id = (await t.access.apiKeys.list(orgId)).find((k) => k.purpose === 'collector')!.id;
    const response = await admin.request({ method: 'PATCH', url: `/api/v1/api-keys/${id}`, payload });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { code: string } }>().error.code).toBe('invalid_request');
  });

  it('answers PATCH of an unknown or NUL key id with 404 and 400', async () => {
    const unknown = await admin.request({
      method: 'PATCH',
      url: '/api/v1/api-keys/key_nope',
      payload: { name: 'x' },
    });
    expect(unknown.statusCode).toBe(404);
    const nul = await admin.request({ method: 'PATCH', url: '/api/v1/api-keys/%00', payload: { name: 'x' } });
    expect(nul.statusCode).toBe(400);
  });
});

describe('Segment tracks that name a live type', () => {
  it.each([
    ['an object as sessionId', { accountId: 'a', sessionId: { id: 's' } }],
    ['an array as amountFen', { accountId: 'a', sessionId: 's', orderId: 'o', amountFen: [1] }],
    ['amountFen beyond 2^53', { accountId: 'a', sessionId: 's', orderId: 'o', amountFen: 2 ** 60 }],
    ['a 200-character orderId', { accountId: 'a', sessionId: 's', orderId: 'o'.repeat(200), amountFen: 1 }],
    ['NaN-like text as amountFen', { accountId: 'a', sessionId: 's', orderId: 'o', amountFen: 'NaN' }],
  ])('dead-letters an order.pay with %s and answers 200', async (name, properties) => {
    const messageId = `seg_live_fuzz_${name.replace(/\W+/g, '_')}`;
    const answer = await send(
      '/v1/batch',
      JSON.stringify({
        batch: [{ type: 'track', event: 'order.pay', messageId, userId: 'u', properties }],
      }),
    );
    expect(answer).toMatchObject({ status: 200, body: { success: true } });
    const letters = await admin.request({ method: 'GET', url: '/api/v1/dead-letters?limit=50' });
    const letter = letters
      .json<{ items: { eventId: string | null; reason: string }[] }>()
      .items.find((l) => l.eventId === messageId);
    expect(letter?.reason).toBeTruthy();
  });
});

describe('a NUL byte never reaches the records', () => {
  const urls = [
    '/api/v1/merchants/%00',
    '/api/v1/merchants?q=%00',
    '/api/v1/products/%00',
    '/api/v1/products?q=a%00b',
    '/api/v1/submissions/%00',
    '/api/v1/submissions?status=%00',
    '/api/v1/dead-letters/%00',
    '/api/v1/dead-letters?q=%00',
    '/api/v1/audit?action=%00',
    '/api/v1/live-sessions/%00',
    '/api/v1/live-sessions?roomId=%00',
    '/api/v1/uploads/%00',
    '/api/v1/sessions/%00/live',
  ];
  it.each(urls)('answers 400 nul_byte for GET %s', async (url) => {
    const response = await admin.request({ method: 'GET', url });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { code: string } }>().error.code).toBe('nul_byte');
  });

  it('answers 400 nul_byte for a NUL in a JSON body, naming the field', async () => {
    const response = await admin.request({
      method: 'POST',
      url: '/api/v1/merchants',
      payload: { name: 'bad\u0000name' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { code: string; details: { path: string } } }>().error).toMatchObject({
      code: 'nul_byte',
      details: { path: 'name' },
    });
  });
});
