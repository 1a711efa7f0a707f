import { createFakeClock, type FakeClock } from '@livecloud/core';
import type { RecordsDb } from '@livecloud/db';
import { openTestRecordsDb, recordsEngines } from '@livecloud/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAccess, type Access } from '../src/index.js';

const system = { type: 'system' as const, id: null };
const hour = 3600_000;

describe.each(recordsEngines)('access on %s', (engine) => {
  let store: RecordsDb & { dispose(): Promise<void> };
  let clock: FakeClock;
  let access: Access;
  let orgId: string;
  let otherOrgId: string;

  beforeEach(async () => {
    store = await openTestRecordsDb(engine);
    clock = createFakeClock(Date.UTC(2026, 10, 25, 8));
    access = createAccess({ db: store.db, clock, sessionTtlMs: 12 * hour });
    orgId = (await access.organisations.create({ name: '星河直播', slug: 'xinghe' })).id;
    otherOrgId = (await access.organisations.create({ name: '对手直播', slug: 'rival' })).id;
    await access.staff.onboard(
      orgId,
      { email: 'boss@xinghe.cn', name: '老板', role: 'admin', password: 'correct horse battery' },
      system,
    );
  });
  afterEach(async () => {
    await store.dispose();
  });

  it('signs in with the right password and refuses a wrong one or an unknown e-mail alike', async () => {
    const { token, session } = await access.logins.login({
      email: 'BOSS@xinghe.cn',
      password: 'correct horse battery',
    });
    expect(token.length).toBeGreaterThan(30);
    expect(session.org.id).toBe(orgId);
    expect(session.role).toBe('admin');
    expect(session.permissions).toContain('staff:manage');
    await expect(
      access.logins.login({ email: 'boss@xinghe.cn', password: 'wrong password!' }),
    ).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
    await expect(
      access.logins.login({ email: 'nobody@xinghe.cn', password: 'whatever!!' }),
    ).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
  });

  it('expires a session after its time to live without activity, and slides it with activity', async () => {
    const { token } = await access.logins.login({
      email: 'boss@xinghe.cn',
      password: 'correct horse battery',
    });
    clock.advance(11 * hour);
    await access.logins.authenticate(token);
    clock.advance(11 * hour);
    await expect(access.logins.authenticate(token)).resolves.toMatchObject({ orgId });
    clock.advance(12 * hour + 1);
    await expect(access.logins.authenticate(token)).rejects.toMatchObject({ code: 'session_expired' });
  });

  it('ends an off-boarded person’s access at once, on every open session', async () => {
    const anchor = await access.staff.onboard(
      orgId,
      { email: 'li@xinghe.cn', name: '李主播', role: 'anchor', password: 'anchor-password' },
      system,
    );
    const first = await access.logins.login({ email: 'li@xinghe.cn', password: 'anchor-password' });
    const second = await access.logins.login({ email: 'li@xinghe.cn', password: 'anchor-password' });
    await access.logins.authenticate(first.token);
    const offboarded = await access.staff.offboard(orgId, anchor.id, system);
    expect(offboarded.status).toBe('offboarded');
    await expect(access.logins.authenticate(first.token)).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(access.logins.authenticate(second.token)).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(
      access.logins.login({ email: 'li@xinghe.cn', password: 'anchor-password' }),
    ).rejects.toMatchObject({
      code: 'no_active_membership',
    });
  });

  it('keeps one person in several organisations with a different role in each', async () => {
    await access.staff.onboard(
      otherOrgId,
      { email: 'boss@xinghe.cn', name: '老板', role: 'analyst', password: 'ignored-password' },
      system,
    );
    const { token, session } = await access.logins.login({
      email: 'boss@xinghe.cn',
      password: 'correct horse battery',
      orgId: otherOrgId,
    });
    expect(session.role).toBe('analyst');
    expect(session.memberships.map((m) => m.role).sort()).toEqual(['admin', 'analyst']);
    const principal = await access.logins.authenticate(token);
    if (principal.kind !== 'user') throw new Error('expected a user');
    const switched = await access.logins.switchOrg(principal, orgId);
    expect(switched.org.id).toBe(orgId);
    expect(switched.role).toBe('admin');
  });

  it('refuses to leave an organisation without an active admin', async () => {
    const [boss] = await access.staff.list(orgId);
    await expect(access.staff.offboard(orgId, boss!.id, system)).rejects.toMatchObject({
      code: 'last_admin',
    });
    await expect(access.staff.update(orgId, boss!.id, { role: 'operator' }, system)).rejects.toMatchObject({
      code: 'last_admin',
    });
    await expect(
      access.staff.offboard(orgId, boss!.id, { type: 'user', id: boss!.userId }),
    ).rejects.toMatchObject({
      code: 'cannot_offboard_self',
    });
  });

  it('refuses a second active membership for the same person', async () => {
    await expect(
      access.staff.onboard(
        orgId,
        { email: 'boss@xinghe.cn', name: 'x', role: 'qc', password: 'another-password' },
        system,
      ),
    ).rejects.toMatchObject({ code: 'staff_exists' });
  });

  it('issues API keys that authenticate to their organisation and purpose until revoked', async () => {
    const collector = await access.apiKeys.create(
      orgId,
      { name: '抖音采集', purpose: 'collector', source: 'douyin' },
      system,
    );
    expect(collector.secret.startsWith('lc_wk_')).toBe(true);
    expect(collector.prefix).toBe(collector.secret.slice(0, 12));
    const principal = await access.apiKeys.authenticate(collector.secret);
    expect(principal).toMatchObject({ kind: 'api_key', orgId, purpose: 'collector', source: 'douyin' });
    expect([...principal.permissions]).toEqual(['events:write']);
    await access.apiKeys.revoke(orgId, collector.id, system);
    await expect(access.apiKeys.authenticate(collector.secret)).rejects.toMatchObject({
      code: 'invalid_api_key',
    });
    expect((await access.apiKeys.list(orgId))[0]).not.toHaveProperty('secret');
  });

  it('keeps the web origins a collector key may be used from, as browsers send them', async () => {
    const key = await access.apiKeys.create(
      orgId,
      {
        name: '商城',
        purpose: 'collector',
        source: 'sdk',
        allowedOrigins: ['https://Shop.example.com/', 'https://shop.example.com', 'http://localhost:5173'],
      },
      system,
    );
    expect(key.allowedOrigins).toEqual(['https://shop.example.com', 'http://localhost:5173']);
    expect(await access.apiKeys.authenticate(key.secret)).toMatchObject({
      allowedOrigins: key.allowedOrigins,
    });
    const renamed = await access.apiKeys.update(
      orgId,
      key.id,
      { name: '商城 H5', allowedOrigins: ['*'] },
      system,
    );
    expect(renamed).toMatchObject({ name: '商城 H5', allowedOrigins: ['*'] });
    await expect(
      access.apiKeys.update(orgId, key.id, { allowedOrigins: ['https://a.example/path'] }, system),
    ).rejects.toMatchObject({ code: 'invalid_origin' });
    const script = await access.apiKeys.create(orgId, { name: '脚本', purpose: 'admin' }, system);
    expect(script.allowedOrigins).toEqual([]);
    await expect(
      access.apiKeys.update(orgId, script.id, { allowedOrigins: ['https://shop.example.com'] }, system),
    ).rejects.toMatchObject({ code: 'key_not_for_browser' });
    await expect(access.apiKeys.update(otherOrgId, key.id, { name: 'x' }, system)).rejects.toMatchObject({
      code: 'api_key_not_found',
    });
    await access.apiKeys.revoke(orgId, key.id, system);
    await expect(access.apiKeys.update(orgId, key.id, { name: 'x' }, system)).rejects.toMatchObject({
      code: 'api_key_revoked',
    });
  });

  it('never reads or changes another organisation’s people or keys', async () => {
    const key = await access.apiKeys.create(orgId, { name: 'admin', purpose: 'admin' }, system);
    const [boss] = await access.staff.list(orgId);
    expect(await access.staff.list(otherOrgId)).toEqual([]);
    expect(await access.apiKeys.list(otherOrgId)).toEqual([]);
    await expect(access.staff.get(otherOrgId, boss!.id)).rejects.toMatchObject({ code: 'staff_not_found' });
    await expect(access.staff.offboard(otherOrgId, boss!.id, system)).rejects.toMatchObject({
      code: 'staff_not_found',
    });
    await expect(access.apiKeys.revoke(otherOrgId, key.id, system)).rejects.toMatchObject({
      code: 'api_key_not_found',
    });
    expect(await access.audit.list(otherOrgId, { limit: 100 })).toHaveLength(1);
  });

  it('records who did what in the audit log, newest first', async () => {
    const actor = { type: 'user' as const, id: 'usr_x' };
    await access.organisations.rename(orgId, '星河直播旗舰', actor);
    const [latest] = await access.audit.list(orgId, { limit: 1 });
    expect(latest).toMatchObject({
      action: 'org.rename',
      actorType: 'user',
      actorId: 'usr_x',
      details: { name: '星河直播旗舰' },
    });
  });
  it('ends the API keys a person made when they are off-boarded; system-made keys live on', async () => {
    const ops = await access.staff.onboard(
      orgId,
      { email: 'ops@xinghe.cn', name: '运营', role: 'admin', password: 'ops-password-123' },
      system,
    );
    const theirs = await access.apiKeys.create(
      orgId,
      { name: '运营脚本', purpose: 'admin' },
      { type: 'user', id: ops.userId },
    );
    const service = await access.apiKeys.create(
      orgId,
      { name: '平台回调', purpose: 'collector', source: 'douyin' },
      system,
    );
    const byKey = await access.apiKeys.create(
      orgId,
      { name: '脚本建的', purpose: 'collector', source: 'sdk' },
      { type: 'api_key', id: service.id },
    );
    expect((await access.apiKeys.authenticate(theirs.secret)).orgId).toBe(orgId);

    await access.staff.offboard(orgId, ops.id, system);
    await expect(access.apiKeys.authenticate(theirs.secret)).rejects.toMatchObject({
      code: 'api_key_owner_left',
      status: 401,
    });
    expect((await access.apiKeys.authenticate(service.secret)).orgId).toBe(orgId);
    expect((await access.apiKeys.authenticate(byKey.secret)).orgId).toBe(orgId);
    expect(await access.apiKeys.get(orgId, theirs.id)).toMatchObject({
      kind: 'personal',
      owner: { userId: ops.userId, name: '运营', active: false },
    });
    expect((await access.apiKeys.get(orgId, theirs.id)).revokedAt).not.toBeNull();
    expect(await access.apiKeys.get(orgId, service.id)).toMatchObject({ kind: 'service', owner: null });
  });

  it('passes a service key to a new owner when its owner leaves, and lists what off-boarding affects', async () => {
    const [ops, finance] = await Promise.all(
      (['ops', 'fin'] as const).map((who) =>
        access.staff.onboard(
          orgId,
          { email: `${who}@xinghe.cn`, name: who, role: 'admin', password: 'a-password-123' },
          system,
        ),
      ),
    );
    const asOps = { type: 'user' as const, id: ops!.userId };
    const personal = await access.apiKeys.create(orgId, { name: '个人脚本', purpose: 'admin' }, asOps);
    const service = await access.apiKeys.create(
      orgId,
      { name: '抖店回调', purpose: 'collector', source: 'douyin', kind: 'service' },
      asOps,
    );
    expect(service).toMatchObject({ kind: 'service', owner: { userId: ops!.userId, active: true } });
    expect((await access.apiKeys.ownedBy(orgId, ops!.userId)).map((k) => k.id)).toEqual([
      personal.id,
      service.id,
    ]);

    await expect(access.staff.offboard(orgId, ops!.id, system)).rejects.toMatchObject({
      code: 'service_keys_need_owner',
      status: 409,
      details: { keys: [{ id: service.id, name: '抖店回调' }] },
    });
    // Refused as a whole: nothing changed.
    expect((await access.apiKeys.authenticate(personal.secret)).orgId).toBe(orgId);
    expect((await access.staff.get(orgId, ops!.id)).status).toBe('active');
    await expect(
      access.staff.offboard(orgId, ops!.id, system, { serviceKeysTo: ops!.id }),
    ).rejects.toMatchObject({ code: 'api_key_owner_leaving' });

    const done = await access.staff.offboard(orgId, ops!.id, system, { serviceKeysTo: finance!.id });
    expect(done.keys).toEqual({ revoked: [personal.id], reassigned: [service.id] });
    expect((await access.apiKeys.authenticate(service.secret)).orgId).toBe(orgId);
    expect(await access.apiKeys.get(orgId, service.id)).toMatchObject({
      owner: { userId: finance!.userId, name: 'fin', active: true },
    });
    await expect(access.apiKeys.authenticate(personal.secret)).rejects.toMatchObject({
      code: 'api_key_owner_left',
    });
    const reassigned = await access.audit.list(orgId, { action: 'api_key.reassign', limit: 10 });
    expect(reassigned.map((e) => e.targetId)).toEqual([service.id]);
  });

  it('gives a service key, never a personal one, another owner who is an active member', async () => {
    const ops = await access.staff.onboard(
      orgId,
      { email: 'o2@xinghe.cn', name: '运营二', role: 'operator', password: 'a-password-123' },
      system,
    );
    const service = await access.apiKeys.create(
      orgId,
      { name: '回调', purpose: 'collector', source: 'sdk', kind: 'service', ownerId: ops.userId },
      system,
    );
    expect(service.owner).toMatchObject({ userId: ops.userId, name: '运营二' });
    await expect(
      access.apiKeys.update(orgId, service.id, { ownerId: 'usr_nobody' }, system),
    ).rejects.toMatchObject({ code: 'api_key_owner_not_member', status: 400 });
    const personal = await access.apiKeys.create(
      orgId,
      { name: '个人', purpose: 'admin' },
      { type: 'user', id: ops.userId },
    );
    await expect(
      access.apiKeys.update(orgId, personal.id, { ownerId: ops.userId + 'x' }, system),
    ).rejects.toMatchObject({ code: 'api_key_personal', status: 409 });
  });
});
