import { createFakeClock, type FakeClock } from '@livecloud/core';
import type { RecordsDb } from '@livecloud/db';
import { openTestRecordsDb, recordsEngines } from '@livecloud/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAccess, type Access } from '../src/index.js';

/*
 * The audit log records sign-ins, failed sign-ins and an API key's first use from each
 * address, and reads back narrowed by actor, action (or action prefix), object and time.
 */
const system = { type: 'system' as const, id: null };
const minute = 60_000;

describe.each(recordsEngines)('audit log on %s', (engine) => {
  let store: RecordsDb & { dispose(): Promise<void> };
  let clock: FakeClock;
  let access: Access;
  let orgId: string;
  let otherOrgId: string;
  let bossId: string;

  beforeEach(async () => {
    store = await openTestRecordsDb(engine);
    clock = createFakeClock(Date.UTC(2026, 10, 25, 8));
    access = createAccess({ db: store.db, clock, sessionTtlMs: 12 * 3600_000 });
    orgId = (await access.organisations.create({ name: '星河直播', slug: 'xinghe' })).id;
    otherOrgId = (await access.organisations.create({ name: '对手直播', slug: 'rival' })).id;
    bossId = (
      await access.staff.onboard(
        orgId,
        { email: 'boss@xinghe.cn', name: '老板', role: 'admin', password: 'correct horse battery' },
        system,
      )
    ).userId;
  });
  afterEach(async () => {
    await store.dispose();
  });

  const actions = async (org: string, query: Record<string, string> = {}) =>
    (await access.audit.list(org, { limit: 100, ...query })).map((e) => e.action);

  it('records sign-ins and failed sign-ins with the address, in the person’s organisation only', async () => {
    clock.advance(minute);
    await expect(
      access.logins.login({ email: 'boss@xinghe.cn', password: 'wrong' }, { ip: '203.0.113.9' }),
    ).rejects.toMatchObject({ code: 'invalid_credentials' });
    await expect(
      access.logins.login({ email: 'nobody@xinghe.cn', password: 'wrong' }, { ip: '203.0.113.9' }),
    ).rejects.toMatchObject({ code: 'invalid_credentials' });
    clock.advance(minute);
    await access.logins.login(
      { email: 'boss@xinghe.cn', password: 'correct horse battery' },
      { ip: '198.51.100.4' },
    );

    const [login, failed] = await access.audit.list(orgId, { limit: 100, action: 'auth.*' });
    expect(failed).toMatchObject({
      action: 'auth.login_failed',
      actorType: 'user',
      actorId: bossId,
      targetType: 'user',
      targetId: bossId,
      details: { ip: '203.0.113.9' },
    });
    expect(login).toMatchObject({ action: 'auth.login', actorId: bossId, details: { ip: '198.51.100.4' } });
    expect(await actions(otherOrgId, { action: 'auth.*' })).toEqual([]);
  });

  it('records a key’s first use from each address once', async () => {
    const key = await access.apiKeys.create(
      orgId,
      { name: '抖音采集', purpose: 'collector', source: 'douyin' },
      system,
    );
    await access.apiKeys.authenticate(key.secret, { ip: '10.0.0.1' });
    await access.apiKeys.authenticate(key.secret, { ip: '10.0.0.1' });
    await access.apiKeys.authenticate(key.secret, { ip: '10.0.0.2' });
    await access.apiKeys.authenticate(key.secret);
    // A second process (a fresh service over the same records) knows the address already.
    const other = createAccess({ db: store.db, clock, sessionTtlMs: 3600_000 });
    await other.apiKeys.authenticate(key.secret, { ip: '10.0.0.1' });

    const uses = await access.audit.list(orgId, { limit: 100, action: 'api_key.new_address' });
    expect(uses.map((e) => [e.actorType, e.actorId, e.targetId, e.details['ip']])).toEqual([
      ['api_key', key.id, key.id, '10.0.0.2'],
      ['api_key', key.id, key.id, '10.0.0.1'],
    ]);
  });

  it('filters by actor, action, object and time', async () => {
    const t0 = clock.now();
    const key = await access.apiKeys.create(
      orgId,
      { name: '脚本', purpose: 'admin' },
      { type: 'user', id: bossId },
    );
    clock.advance(10 * minute);
    await access.apiKeys.revoke(orgId, key.id, system);
    clock.advance(10 * minute);
    await access.staff.onboard(
      orgId,
      { email: 'qc@xinghe.cn', name: '质检', role: 'qc', password: 'qc-password-1' },
      system,
    );

    expect(await actions(orgId, { actorId: bossId })).toEqual(['api_key.create']);
    expect(await actions(orgId, { action: 'api_key.*' })).toEqual(['api_key.revoke', 'api_key.create']);
    expect(await actions(orgId, { action: 'api_key' })).toEqual([]);
    expect(await actions(orgId, { targetType: 'api_key', targetId: key.id })).toEqual([
      'api_key.revoke',
      'api_key.create',
    ]);
    const at = (ms: number) => new Date(t0 + ms).toISOString();
    expect(await actions(orgId, { from: at(5 * minute), to: at(15 * minute) })).toEqual(['api_key.revoke']);
    expect(await actions(orgId, { from: at(15 * minute) })).toEqual(['staff.onboard']);
    // A prefix is a prefix, never a pattern: LIKE's wildcards are taken literally.
    expect(await actions(orgId, { action: 'api_%.*' })).toEqual([]);
  });
});
