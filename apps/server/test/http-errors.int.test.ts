import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeTestEventStore,
  createFakeClock,
  createTestApp,
  seedOrg,
  signIn,
  type SessionClient,
  type TestApp,
} from './test-app.js';

const clock = createFakeClock(Date.UTC(2026, 10, 25, 8));
let t: TestApp;
let admin: SessionClient;

beforeAll(async () => {
  t = await createTestApp('pglite', { clock, config: { bodyLimitBytes: 64 * 1024 } });
  const seeded = await seedOrg(t.access, 'errs', '错误测试');
  admin = await signIn(t.app, seeded.email, seeded.password);
});
afterAll(async () => {
  await t.close();
  await closeTestEventStore();
});

function expectErrorBody(body: unknown, code: string): void {
  const error = (body as { error?: { code?: unknown; message?: unknown } }).error;
  expect(Object.keys(body as object)).toEqual(['error']);
  expect(error?.code).toBe(code);
  expect(typeof error?.message).toBe('string');
}

describe('bad input gets a 4xx with the uniform error body', () => {
  it('answers malformed JSON with 400 malformed_json', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/staff',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "a@b.c", "name": ',
    });
    expect(res.statusCode).toBe(400);
    expectErrorBody(res.json(), 'malformed_json');
  });

  it('answers wrong types and missing fields with 400 invalid_request naming the field', async () => {
    const wrongType = await admin.request({
      method: 'POST',
      url: '/api/v1/staff',
      payload: { email: 42, name: '张三', role: 'qc', password: 'long-enough-pw' },
    });
    expect(wrongType.statusCode).toBe(400);
    expectErrorBody(wrongType.json(), 'invalid_request');
    expect(JSON.stringify(wrongType.json())).toContain('email');

    const missing = await admin.request({
      method: 'POST',
      url: '/api/v1/staff',
      payload: { email: 'z@errs.test', name: '张三' },
    });
    expect(missing.statusCode).toBe(400);
    const details = missing.json<{ error: { details: { path: string }[] } }>().error.details;
    expect(details.map((d) => d.path)).toEqual(expect.arrayContaining(['role', 'password']));

    const badEnum = await admin.request({
      method: 'POST',
      url: '/api/v1/staff',
      payload: { email: 'z@errs.test', name: '张三', role: 'boss', password: 'long-enough-pw' },
    });
    expect(badEnum.statusCode).toBe(400);
  });

  it('answers an empty JSON body with 400', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/staff',
      headers: { 'content-type': 'application/json' },
      payload: '',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { code: string } }>().error.code).toMatch(/empty_body|invalid_request/);
  });

  it('answers an oversized body with 413 payload_too_large', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/staff',
      payload: {
        email: 'big@errs.test',
        name: 'x'.repeat(100 * 1024),
        role: 'qc',
        password: 'long-enough-pw',
      },
    });
    expect(res.statusCode).toBe(413);
    expectErrorBody(res.json(), 'payload_too_large');
  });

  it('answers a body that is not JSON with 415 unsupported_media_type', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/staff',
      headers: { 'content-type': 'application/xml' },
      payload: '<staff/>',
    });
    expect(res.statusCode).toBe(415);
    expectErrorBody(res.json(), 'unsupported_media_type');
  });

  it('answers an unknown route with 404 route_not_found', async () => {
    const res = await admin.request({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expectErrorBody(res.json(), 'route_not_found');
    const wrongMethod = await admin.request({ method: 'PUT', url: '/api/v1/health' });
    expect(wrongMethod.statusCode).toBe(404);
  });

  it('answers bad credentials with 401 invalid_credentials and sets no cookie', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'admin@errs.test', password: 'not the password' },
    });
    expect(res.statusCode).toBe(401);
    expectErrorBody(res.json(), 'invalid_credentials');
    expect(res.cookies).toHaveLength(0);
  });

  it('answers a missing session with 401 unauthenticated and an unknown API key with 401 invalid_api_key', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/staff' });
    expect(anonymous.statusCode).toBe(401);
    expectErrorBody(anonymous.json(), 'unauthenticated');
    const badKey = await t.app.inject({
      method: 'GET',
      url: '/api/v1/staff',
      headers: { authorization: 'Bearer lc_ak_nope' },
    });
    expect(badKey.statusCode).toBe(401);
    expectErrorBody(badKey.json(), 'invalid_api_key');
    const forged = await t.app.inject({
      method: 'GET',
      url: '/api/v1/staff',
      cookies: { lc_session: 'forged-token' },
    });
    expect(forged.statusCode).toBe(401);
  });

  it('answers an expired session with 401 session_expired', async () => {
    const seeded = await seedOrg(t.access, 'expiry', '过期测试');
    const client = await signIn(t.app, seeded.email, seeded.password);
    clock.advance(13 * 3600_000);
    const res = await client.request({ method: 'GET', url: '/api/v1/auth/me' });
    expect(res.statusCode).toBe(401);
    expectErrorBody(res.json(), 'session_expired');
    admin = await signIn(t.app, 'admin@errs.test', 'errs-admin-password');
  });

  it('refuses a cookie-authenticated change without the CSRF header with 403 csrf_failed', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/org',
      headers: { cookie: admin.cookie },
      payload: { name: 'hijacked' },
    });
    expect(res.statusCode).toBe(403);
    expectErrorBody(res.json(), 'csrf_failed');
    const org = await admin.request({ method: 'GET', url: '/api/v1/org' });
    expect(org.json<{ name: string }>().name).toBe('错误测试');
  });

  it('answers a role without the permission with 403 forbidden', async () => {
    await t.access.staff.onboard(
      admin.orgId,
      { email: 'qc@errs.test', name: '品控', role: 'qc', password: 'qc-password-1' },
      { type: 'system', id: null },
    );
    const qc = await signIn(t.app, 'qc@errs.test', 'qc-password-1');
    const res = await qc.request({
      method: 'POST',
      url: '/api/v1/api-keys',
      payload: { name: 'x', purpose: 'admin' },
    });
    expect(res.statusCode).toBe(403);
    expectErrorBody(res.json(), 'forbidden');
  });

  it('answers a bad path parameter or query with 400, not a crash', async () => {
    const longId = await admin.request({ method: 'GET', url: `/api/v1/staff/${'x'.repeat(300)}` });
    expect(longId.statusCode).toBe(414);
    expectErrorBody(longId.json(), 'uri_too_long');
    const badLimit = await admin.request({ method: 'GET', url: '/api/v1/audit?limit=-5' });
    expect(badLimit.statusCode).toBe(400);
    expectErrorBody(badLimit.json(), 'invalid_request');
  });

  it('still answers normally after all of the above', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-request-id']).toMatch(/^req_/);
  });
});
