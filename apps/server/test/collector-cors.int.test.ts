import { eventSelectList, fromEventRow, scopeToOrg, type EventRow } from '@livecloud/events';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeTestEventStore,
  createTestApp,
  seedOrg,
  signIn,
  type SessionClient,
  type TestApp,
} from './test-app.js';

/** The collector from web pages: preflights, CORS headers, origins per key, the body's write key. */
const system = { type: 'system' as const, id: null };
const shop = 'https://shop.example.com';
let t: TestApp;
let limited: TestApp;
let orgId: string;
let shopKey: string;
let shopKeyId: string;
let closedKey: string;
let adminKey: string;
let admin: SessionClient;
let n = 0;

function like(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  n++;
  return {
    id: `cors_${n}`,
    type: 'like',
    occurredAt: Date.now() - 1_000,
    accountId: 'acc_cors',
    sessionId: 'ses_cors',
    platformUserId: `dy_cors_${n}`,
    ...overrides,
  };
}

function track(): Record<string, unknown> {
  n++;
  return { type: 'track', event: 'Clicked', messageId: `cors_seg_${n}`, anonymousId: 'anon-cors' };
}

function send(
  url: string,
  payload: unknown,
  headers: Record<string, string>,
  app = t,
): Promise<LightMyRequestResponse> {
  return app.app.inject({
    method: 'POST',
    url,
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    headers: { 'content-type': 'application/json', ...headers },
  });
}

async function storedIds(): Promise<string[]> {
  const store = t.services.events;
  const rows = await scopeToOrg(store, orgId).query<EventRow>(
    `SELECT ${eventSelectList} FROM ${store.tables.events} FINAL WHERE org_id = {orgId:String}`,
  );
  return rows.map(fromEventRow).map((e) => e.id);
}

function expectCors(res: LightMyRequestResponse, origin: string | undefined): void {
  expect(res.headers['vary']).toMatch(/Origin/);
  expect(res.headers['access-control-expose-headers']).toBe('retry-after, x-request-id');
  expect(res.headers['access-control-allow-origin']).toBe(origin);
  expect(res.headers['access-control-allow-credentials']).toBeUndefined();
}

beforeAll(async () => {
  t = await createTestApp('pglite', { config: { collectorAllowedOrigins: ['https://everywhere.example'] } });
  limited = await createTestApp('postgres', {
    config: { collectorRateLimitPerSecond: 1, collectorRateLimitBurst: 1 },
  });
  const seeded = await seedOrg(t.access, 'cors', '跨域采集');
  orgId = seeded.orgId;
  const key = await t.access.apiKeys.create(
    orgId,
    { name: '商城页面', purpose: 'collector', source: 'sdk', allowedOrigins: [`${shop}/`] },
    system,
  );
  shopKey = key.secret;
  shopKeyId = key.id;
  closedKey = (
    await t.access.apiKeys.create(orgId, { name: '服务端', purpose: 'collector', source: 'sdk' }, system)
  ).secret;
  adminKey = (await t.access.apiKeys.create(orgId, { name: '脚本', purpose: 'admin' }, system)).secret;
  admin = await signIn(t.app, seeded.email, seeded.password);
});
afterAll(async () => {
  await t.close();
  await limited.close();
  await closeTestEventStore();
});

describe('preflight', () => {
  it.each(['/collect/v1/events', '/v1/batch', '/v1/track', '/v1/page', '/v1/alias'])(
    'answers OPTIONS %s with 204 for any origin',
    async (url) => {
      const res = await t.app.inject({
        method: 'OPTIONS',
        url,
        headers: {
          origin: 'https://any.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type',
        },
      });
      expect(res.statusCode).toBe(204);
      expectCors(res, 'https://any.example');
      expect(res.headers['access-control-allow-methods']).toBe('POST, OPTIONS');
      expect(res.headers['access-control-allow-headers']).toBe(
        'authorization, content-type, content-encoding, x-request-id',
      );
      expect(res.headers['access-control-max-age']).toBe('86400');
    },
  );

  it('keeps preflights out of the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    expect(Object.keys(doc.paths['/v1/batch'] ?? {})).toEqual(['post']);
  });
});

describe('a write key used from a web page', () => {
  it('stores the events of an allowed origin and lets the page read the answer', async () => {
    const event = like();
    const res = await send('/collect/v1/events', [event], {
      authorization: `Bearer ${shopKey}`,
      origin: shop,
    });
    expect(res.statusCode).toBe(200);
    expectCors(res, shop);
    expect(await storedIds()).toContain(event['id']);
  });

  it('refuses an origin the key does not list with 403 origin_not_allowed and stores nothing', async () => {
    const event = like();
    for (const key of [shopKey, closedKey]) {
      const res = await send('/collect/v1/events', [event], {
        authorization: `Bearer ${key}`,
        origin: 'https://evil.example',
      });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ error: { code: 'origin_not_allowed' } });
      expectCors(res, undefined);
    }
    expect(await storedIds()).not.toContain(event['id']);
  });

  it('takes the configured default origins for every collector key', async () => {
    const res = await send('/collect/v1/events', [like()], {
      authorization: `Bearer ${closedKey}`,
      origin: 'https://everywhere.example',
    });
    expect(res.statusCode).toBe(200);
    expectCors(res, 'https://everywhere.example');
  });

  it('never lets an admin key work from a browser', async () => {
    const event = like({ source: 'sdk' });
    const res = await send('/collect/v1/events', [event], {
      authorization: `Bearer ${adminKey}`,
      origin: 'https://everywhere.example',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'key_not_for_browser' } });
    expectCors(res, undefined);
    const fromServer = await send('/collect/v1/events', [event], { authorization: `Bearer ${adminKey}` });
    expect(fromServer.statusCode).toBe(200);
  });

  it('carries the CORS headers on errors of an allowed origin: 400, 415, 401', async () => {
    const malformed = await send('/collect/v1/events', '[{"id":', {
      authorization: `Bearer ${shopKey}`,
      origin: shop,
    });
    expect(malformed.statusCode).toBe(400);
    expectCors(malformed, shop);
    const xml = await send('/collect/v1/events', '<e/>', {
      authorization: `Bearer ${shopKey}`,
      origin: shop,
      'content-type': 'application/xml',
    });
    expect(xml.statusCode).toBe(415);
    expectCors(xml, shop);
    const unknown = await send('/collect/v1/events', [like()], {
      authorization: 'Bearer lc_wk_nope',
      origin: shop,
    });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.headers['access-control-expose-headers']).toBe('retry-after, x-request-id');
  });

  it('exposes Retry-After on a 429 to the page', async () => {
    const other = await seedOrg(limited.access, 'cors-rate', '跨域限流');
    const key = (
      await limited.access.apiKeys.create(
        other.orgId,
        { name: 'k', purpose: 'collector', source: 'sdk', allowedOrigins: [shop] },
        system,
      )
    ).secret;
    let refused: LightMyRequestResponse | undefined;
    for (let i = 0; i < 4 && !refused; i++) {
      const res = await send(
        '/collect/v1/events',
        [like()],
        { authorization: `Bearer ${key}`, origin: shop },
        limited,
      );
      if (res.statusCode === 429) refused = res;
    }
    expect(refused?.json()).toMatchObject({ error: { code: 'rate_limited' } });
    expectCors(refused!, shop);
    expect(Number(refused?.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });

  it('answers every Segment call with the headers too', async () => {
    const res = await send('/v1/track', track(), {
      authorization: `Basic ${Buffer.from(`${shopKey}:`).toString('base64')}`,
      origin: shop,
    });
    expect(res.statusCode).toBe(200);
    expectCors(res, shop);
  });
});

describe('the write key in a Segment body', () => {
  const plain = { 'content-type': 'text/plain;charset=UTF-8' };

  it('authenticates /v1/batch sent as text/plain with writeKey in the body, as browsers send it', async () => {
    const message = track();
    const res = await send(
      '/v1/batch',
      { batch: [message], sentAt: new Date().toISOString(), writeKey: shopKey },
      {
        ...plain,
        origin: shop,
      },
    );
    expect(res.statusCode).toBe(200);
    expectCors(res, shop);
    expect(await storedIds()).toContain(message['messageId']);
  });

  it('takes it in a single call too, and answers a wrong one with 401', async () => {
    const message = track();
    expect((await send('/v1/track', { ...message, writeKey: shopKey }, plain)).statusCode).toBe(200);
    expect(await storedIds()).toContain(message['messageId']);
    const wrong = await send('/v1/track', { ...track(), writeKey: 'lc_wk_nope' }, plain);
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ error: { code: 'invalid_api_key' } });
    const none = await send('/v1/track', track(), plain);
    expect(none.statusCode).toBe(401);
  });

  it('lets the Authorization header win over the body', async () => {
    const res = await send(
      '/v1/batch',
      { batch: [track()], writeKey: shopKey },
      { authorization: 'Bearer lc_wk_nope' },
    );
    expect(res.statusCode).toBe(401);
  });

  it('wins over a session cookie, whose missing CSRF header would otherwise refuse a beacon', async () => {
    const message = track();
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/batch',
      payload: JSON.stringify({ batch: [message], writeKey: shopKey }),
      headers: { ...plain, cookie: admin.cookie, origin: shop },
    });
    expect(res.statusCode).toBe(200);
    expect(await storedIds()).toContain(message['messageId']);
  });

  it('applies the origin rules to a body key: a wrong origin or an admin key is 403', async () => {
    const message = track();
    const wrongOrigin = await send(
      '/v1/batch',
      { batch: [message], writeKey: shopKey },
      {
        ...plain,
        origin: 'https://evil.example',
      },
    );
    expect(wrongOrigin.json()).toMatchObject({ error: { code: 'origin_not_allowed' } });
    const adminFromPage = await send(
      '/v1/batch',
      { batch: [message], writeKey: adminKey },
      { ...plain, origin: shop },
    );
    expect(adminFromPage.json()).toMatchObject({ error: { code: 'key_not_for_browser' } });
    expect(await storedIds()).not.toContain(message['messageId']);
  });
});

describe('the short paths analytics.js posts to', () => {
  it('answers /v1/b as a batch and /v1/t as a track, with the body key and CORS', async () => {
    const [inBatch, single] = [track(), track()];
    const plain = { 'content-type': 'text/plain', origin: shop };
    const batch = await send('/v1/b', { batch: [inBatch], writeKey: shopKey }, plain);
    const one = await send('/v1/t', { ...single, writeKey: shopKey }, plain);
    for (const res of [batch, one]) {
      expect(res.statusCode).toBe(200);
      expectCors(res, shop);
    }
    expect(await storedIds()).toEqual(expect.arrayContaining([inBatch['messageId'], single['messageId']]));
    const preflight = await t.app.inject({ method: 'OPTIONS', url: '/v1/p', headers: { origin: shop } });
    expect(preflight.statusCode).toBe(204);
  });
});

describe('allowed origins on API keys', () => {
  it('shows, replaces and normalises a key’s origins through the API', async () => {
    const listed = await admin.request({ method: 'GET', url: '/api/v1/api-keys' });
    expect(listed.json<{ items: { id: string; allowedOrigins: string[] }[] }>().items).toContainEqual(
      expect.objectContaining({ id: shopKeyId, allowedOrigins: [shop] }),
    );
    const updated = await admin.request({
      method: 'PATCH',
      url: `/api/v1/api-keys/${shopKeyId}`,
      payload: { allowedOrigins: ['HTTPS://M.Example.com:443/', 'http://127.0.0.1:8080'] },
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({
      allowedOrigins: ['https://m.example.com', 'http://127.0.0.1:8080'],
    });
    const fromShop = await send('/collect/v1/events', [like()], {
      authorization: `Bearer ${shopKey}`,
      origin: shop,
    });
    expect(fromShop.statusCode).toBe(403);
    const back = await admin.request({
      method: 'PATCH',
      url: `/api/v1/api-keys/${shopKeyId}`,
      payload: { allowedOrigins: [shop] },
    });
    expect(back.statusCode).toBe(200);
  });

  it('refuses what is not an origin, and origins on an admin key, with 400', async () => {
    for (const allowedOrigins of [
      ['https://shop.example.com/path'],
      ['ftp://x.example'],
      ['shop.example.com'],
    ]) {
      const res = await admin.request({
        method: 'POST',
        url: '/api/v1/api-keys',
        payload: { name: 'k', purpose: 'collector', source: 'sdk', allowedOrigins },
      });
      expect(res.statusCode, allowedOrigins[0]).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'invalid_request' } });
    }
    const adminWithOrigins = await admin.request({
      method: 'POST',
      url: '/api/v1/api-keys',
      payload: { name: 'k', purpose: 'admin', allowedOrigins: [shop] },
    });
    expect(adminWithOrigins.statusCode).toBe(400);
    const adminKeyId = (await t.access.apiKeys.list(orgId)).find((k) => k.purpose === 'admin')!.id;
    const patched = await admin.request({
      method: 'PATCH',
      url: `/api/v1/api-keys/${adminKeyId}`,
      payload: { allowedOrigins: [shop] },
    });
    expect(patched.statusCode).toBe(400);
    expect(patched.json()).toMatchObject({ error: { code: 'key_not_for_browser' } });
  });
});
