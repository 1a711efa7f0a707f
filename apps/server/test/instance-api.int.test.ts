import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { recordsEngines } from '@livecloud/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeTestEventStore,
  createTestApp,
  seedOrg,
  signIn,
  type SessionClient,
  type TestApp,
} from './test-app.js';

afterAll(async () => {
  await closeTestEventStore();
});

describe.each(recordsEngines)('the instance API on %s', (engine) => {
  let t: TestApp;
  let token: string;
  let orgAdmin: SessionClient;
  let orgAdminKey: string;
  let orgId: string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    // The token a server made on first start, in its data directory.
    token = readFileSync(join(t.config.dataDir, 'instance-admin.token'), 'utf8').trim();
    const seeded = await seedOrg(t.access, 'existing', '已有组织');
    orgId = seeded.orgId;
    orgAdmin = await signIn(t.app, seeded.email, seeded.password);
    orgAdminKey = (
      await t.access.apiKeys.create(orgId, { name: '脚本', purpose: 'admin' }, { type: 'system', id: null })
    ).secret;
  });
  afterAll(async () => {
    await t.close();
  });

  const asInstance = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({
      method,
      url: `/api/v1/instance/${url}`,
      headers: { authorization: `Bearer ${token}` },
      ...(payload === undefined ? {} : { payload }),
    });

  it('creates an organisation, a person who can then sign in, and a key, each audited', async () => {
    const org = await asInstance('POST', 'organisations', { name: '星河直播', slug: 'xinghe' });
    expect(org.statusCode).toBe(201);
    const created = org.json<{ id: string; slug: string }>();
    expect(created).toMatchObject({ name: '星河直播', slug: 'xinghe' });

    const listed = await asInstance('GET', 'organisations');
    expect(listed.statusCode).toBe(200);
    expect(listed.json<{ items: { slug: string }[] }>().items.map((o) => o.slug)).toEqual([
      'existing',
      'xinghe',
    ]);

    const person = await asInstance('POST', 'organisations/xinghe/staff', {
      email: 'Boss@Xinghe.cn',
      name: '老板',
      role: 'admin',
      password: 'boss-password-1',
    });
    expect(person.statusCode).toBe(201);
    expect(person.json()).toMatchObject({ email: 'boss@xinghe.cn', role: 'admin', status: 'active' });
    const boss = await signIn(t.app, 'boss@xinghe.cn', 'boss-password-1');
    expect(boss.orgId).toBe(created.id);

    const key = await asInstance('POST', `organisations/${created.id}/api-keys`, {
      name: '抖音采集',
      purpose: 'collector',
      source: 'douyin',
    });
    expect(key.statusCode).toBe(201);
    expect(key.json<{ secret: string }>().secret).toMatch(/^lc_wk_/);

    const audit = await boss.request({ method: 'GET', url: '/api/v1/audit' });
    const entries = audit.json<{ items: { action: string; actorType: string; actorId: string }[] }>().items;
    for (const action of ['org.create', 'staff.onboard', 'api_key.create']) {
      expect(entries.find((e) => e.action === action)).toMatchObject({
        actorType: 'system',
        actorId: 'instance_admin',
      });
    }
  });

  it('answers with the same codes as the CLI on the data directory', async () => {
    const taken = await asInstance('POST', 'organisations', { name: '重复', slug: 'existing' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ error: { code: 'slug_taken' } });
    const unknown = await asInstance('POST', 'organisations/nope/staff', {
      email: 'a@b.cn',
      name: 'a',
      role: 'qc',
      password: 'long-enough-pw',
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { code: 'organisation_not_found' } });
    const again = await asInstance('POST', 'organisations/existing/staff', {
      email: 'admin@existing.test',
      name: 'x',
      role: 'qc',
      password: 'long-enough-pw',
    });
    expect(again.json()).toMatchObject({ error: { code: 'staff_exists' } });
    const noSource = await asInstance('POST', 'organisations/existing/api-keys', {
      name: 'x',
      purpose: 'collector',
    });
    expect(noSource.statusCode).toBe(400);
  });

  it('is closed to everyone but the instance admin token', async () => {
    const url = '/api/v1/instance/organisations';
    const anonymous = await t.app.inject({ method: 'GET', url });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ error: { code: 'instance_token_required' } });
    const wrong = await t.app.inject({
      method: 'GET',
      url,
      headers: { authorization: `Bearer lc_inst_${'x'.repeat(43)}` },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ error: { code: 'invalid_instance_token' } });
    const session = await orgAdmin.request({ method: 'POST', url, payload: { name: '越权' } });
    expect(session.statusCode).toBe(403);
    expect(session.json()).toMatchObject({ error: { code: 'instance_admin_required' } });
    const key = await t.app.inject({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${orgAdminKey}` },
    });
    expect(key.statusCode).toBe(403);
    expect(key.json()).toMatchObject({ error: { code: 'instance_admin_required' } });
  });

  it('never opens an organisation’s data to the instance admin token', async () => {
    for (const url of ['/api/v1/merchants', '/api/v1/staff', '/api/v1/org', '/api/v1/audit']) {
      const response = await t.app.inject({
        method: 'GET',
        url,
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.statusCode, url).toBe(403);
      expect(response.json()).toMatchObject({ error: { code: 'instance_admin_only' } });
    }
  });

  it('lists the instance routes in the OpenAPI document under their own security scheme', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json<{
      paths: Record<string, Record<string, { tags: string[]; security: unknown }>>;
      components: { securitySchemes: Record<string, unknown> };
    }>();
    expect(doc.paths['/api/v1/instance/organisations/{org}/api-keys']?.['post']).toMatchObject({
      tags: ['instance'],
      security: [{ instanceToken: [] }],
    });
    expect(doc.components.securitySchemes).toHaveProperty('instanceToken');
  });
});
