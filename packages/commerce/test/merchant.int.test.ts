import { recordsEngines } from '@livecloud/db/testing';
import { sql } from '@livecloud/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { merchantApplyInput } from '../src/merchant-invite.schema.js';
import { licence, openCommerceWorld, staffActor, type CommerceWorld } from './commerce-fixture.js';

describe.each(recordsEngines)('merchants and deposits on %s', (engine) => {
  let w: CommerceWorld;
  beforeEach(async () => {
    w = await openCommerceWorld(engine);
  });
  afterEach(async () => {
    await w.store.dispose();
  });

  const application = (index: number, categoryIds: string[]) => ({
    companyName: `优选${index}号商贸`,
    licenceNo: licence(index),
    contact: { name: '王经理', phone: '021-12345678', email: 'wang@youxuan.cn' },
    categoryIds,
  });

  it('applies through an invite: one use, the invited e-mail becomes a merchant login, the portal sees the application', async () => {
    const invite = await w.commerce.invites.create(
      w.orgId,
      { email: 'boss@youxuan.cn', companyName: '优选商贸', validDays: 7 },
      staffActor,
    );
    expect(invite.applyPath).toBe(`/merchant-apply#${invite.token}`);
    const check = await w.commerce.invites.check(invite.token);
    expect(check).toMatchObject({ orgName: '星河直播', email: 'boss@youxuan.cn', companyName: '优选商贸' });
    expect(check.categories.map((c) => c.path)).toEqual(
      expect.arrayContaining(['美妆', '美妆/护肤', '食品']),
    );

    // Through the route's schema, as the HTTP layer does: the licence is normalised to upper case.
    const applied = await w.commerce.invites.apply(
      merchantApplyInput.parse({
        token: invite.token,
        companyName: '杭州优选商贸有限公司',
        licenceNo: licence(1).toLowerCase(),
        contact: { name: '李总', phone: '13900139000' },
        categoryIds: [w.categories.skincare],
        account: { name: '李总', password: 'merchant-password' },
      }),
    );
    expect(applied.merchant).toMatchObject({
      status: 'applied',
      licenceNo: licence(1),
      contact: { email: 'boss@youxuan.cn' },
    });

    const { session, token } = await w.access.logins.login({
      email: 'boss@youxuan.cn',
      password: 'merchant-password',
    });
    expect(session.role).toBe('merchant');
    expect(session.permissions).toEqual(['merchant:portal']);
    const principal = await w.access.logins.authenticate(token);
    if (principal.kind !== 'user') throw new Error('expected a user');
    expect(await w.commerce.merchants.merchantIdOf(w.orgId, principal.userId)).toBe(applied.merchant.id);

    await expect(w.commerce.invites.check(invite.token)).rejects.toMatchObject({ code: 'invite_used' });
    const [listed] = await w.commerce.invites.list(w.orgId);
    expect(listed).toMatchObject({ status: 'used', merchantId: applied.merchant.id });
    const audit = await w.access.audit.list(w.orgId, { limit: 20 });
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['merchant_invite.create', 'merchant.apply', 'staff.onboard']),
    );
  });

  it('refuses an unknown, expired or revoked invite, and gives the invite back when the application is refused', async () => {
    await expect(w.commerce.invites.check('lcmi_unknown-token-unknown-token')).rejects.toMatchObject({
      code: 'invite_not_found',
    });
    const expiring = await w.commerce.invites.create(w.orgId, { email: 'a@b.cn', validDays: 1 }, staffActor);
    w.clock.advance(86_400_000 + 1);
    await expect(w.commerce.invites.check(expiring.token)).rejects.toMatchObject({ code: 'invite_expired' });
    const revoked = await w.commerce.invites.create(w.orgId, { email: 'c@d.cn', validDays: 7 }, staffActor);
    await w.commerce.invites.revoke(w.orgId, revoked.id, staffActor);
    await expect(w.commerce.invites.check(revoked.token)).rejects.toMatchObject({ code: 'invite_revoked' });

    await w.commerce.merchants.create(w.orgId, application(2, [w.categories.food]), staffActor);
    const invite = await w.commerce.invites.create(w.orgId, { email: 'e@f.cn', validDays: 7 }, staffActor);
    const input = {
      token: invite.token,
      companyName: '重复公司',
      licenceNo: licence(2),
      contact: { name: '赵', phone: '13700137000' },
      categoryIds: [w.categories.food],
      account: { name: '赵', password: 'password-12345' },
    };
    await expect(w.commerce.invites.apply(input)).rejects.toMatchObject({ code: 'merchant_exists' });
    await expect(
      w.commerce.invites.apply({ ...input, licenceNo: licence(3), categoryIds: ['cat_nope'] }),
    ).rejects.toMatchObject({ code: 'category_not_found' });
    const applied = await w.commerce.invites.apply({ ...input, licenceNo: licence(3) });
    expect(applied.merchant.status).toBe('applied');
  });

  it('moves a merchant through approve, suspend and reinstate, and refuses every illegal move with 409', async () => {
    const m = await w.commerce.merchants.create(w.orgId, application(4, [w.categories.beauty]), staffActor);
    expect(m.allowedTransitions).toEqual(['approved', 'rejected']);
    await expect(
      w.commerce.merchants.transition(w.orgId, m.id, { to: 'suspended', reason: '投诉' }, staffActor),
    ).rejects.toMatchObject({
      status: 409,
      code: 'illegal_transition',
      details: { from: 'applied', to: 'suspended', allowed: ['approved', 'rejected'] },
    });
    const approved = await w.commerce.merchants.transition(w.orgId, m.id, { to: 'approved' }, staffActor);
    expect(approved.allowedTransitions).toEqual(['suspended']);
    await expect(
      w.commerce.merchants.transition(w.orgId, m.id, { to: 'approved' }, staffActor),
    ).rejects.toMatchObject({ code: 'illegal_transition' });
    await expect(
      w.commerce.merchants.transition(w.orgId, m.id, { to: 'rejected', reason: 'x' }, staffActor),
    ).rejects.toMatchObject({ code: 'illegal_transition' });
    const suspended = await w.commerce.merchants.transition(
      w.orgId,
      m.id,
      { to: 'suspended', reason: '虚假宣传' },
      staffActor,
    );
    expect(suspended).toMatchObject({ status: 'suspended', statusReason: '虚假宣传' });
    const reinstated = await w.commerce.merchants.transition(w.orgId, m.id, { to: 'approved' }, staffActor);
    expect(reinstated.status).toBe('approved');
    const actions = (await w.access.audit.list(w.orgId, { limit: 10 })).map((a) => a.action);
    expect(actions.slice(0, 3)).toEqual(['merchant.reinstate', 'merchant.suspend', 'merchant.approve']);

    const other = await w.commerce.merchants.create(w.orgId, application(5, [w.categories.food]), staffActor);
    const rejected = await w.commerce.merchants.transition(
      w.orgId,
      other.id,
      { to: 'rejected', reason: '资质不全' },
      staffActor,
    );
    expect(rejected).toMatchObject({ status: 'rejected', statusReason: '资质不全', allowedTransitions: [] });
    await expect(
      w.commerce.merchants.transition(w.orgId, other.id, { to: 'approved' }, staffActor),
    ).rejects.toMatchObject({ code: 'illegal_transition' });
    const again = await w.commerce.merchants.reapply(
      w.orgId,
      other.id,
      application(5, [w.categories.food]),
      staffActor,
    );
    expect(again).toMatchObject({ status: 'applied', statusReason: null });
  });

  it('keeps the deposit ledger append-only with balance and available derived, and refuses overdrafts', async () => {
    const m = await w.commerce.merchants.create(w.orgId, application(6, [w.categories.skincare]), staffActor);
    expect((await w.commerce.merchants.get(w.orgId, m.id)).requiredDepositFen).toBe(800_000);
    await w.commerce.deposits.record(
      w.orgId,
      m.id,
      { kind: 'paid', amountFen: 1_000_000, reason: '首期保证金', reference: 'BANK-001' },
      staffActor,
    );
    await w.commerce.deposits.record(
      w.orgId,
      m.id,
      { kind: 'frozen', amountFen: 300_000, reason: '客诉处理中' },
      staffActor,
    );
    await expect(
      w.commerce.deposits.record(
        w.orgId,
        m.id,
        { kind: 'deducted', amountFen: 700_001, reason: '违规' },
        staffActor,
      ),
    ).rejects.toMatchObject({
      code: 'deposit_exceeds_available',
      details: { availableFen: 700_000 },
    });
    await expect(
      w.commerce.deposits.record(
        w.orgId,
        m.id,
        { kind: 'unfrozen', amountFen: 300_001, reason: 'x' },
        staffActor,
      ),
    ).rejects.toMatchObject({
      code: 'deposit_exceeds_frozen',
    });
    await w.commerce.deposits.record(
      w.orgId,
      m.id,
      { kind: 'unfrozen', amountFen: 100_000, reason: '部分解冻' },
      staffActor,
    );
    await w.commerce.deposits.record(
      w.orgId,
      m.id,
      { kind: 'deducted', amountFen: 200_000, reason: '虚假宣传扣罚' },
      staffActor,
    );
    const ledger = await w.commerce.deposits.record(
      w.orgId,
      m.id,
      { kind: 'refunded', amountFen: 50_000, reason: '多缴退还' },
      staffActor,
    );
    expect(ledger.summary).toEqual({
      paidFen: 1_000_000,
      deductedFen: 200_000,
      refundedFen: 50_000,
      frozenFen: 200_000,
      balanceFen: 750_000,
      availableFen: 550_000,
    });
    expect(ledger.entries.map((e) => [e.kind, e.balanceAfterFen, e.availableAfterFen])).toEqual([
      ['refunded', 750_000, 550_000],
      ['deducted', 800_000, 600_000],
      ['unfrozen', 1_000_000, 800_000],
      ['frozen', 1_000_000, 700_000],
      ['paid', 1_000_000, 1_000_000],
    ]);
    expect(ledger.entries[4]).toMatchObject({
      reason: '首期保证金',
      reference: 'BANK-001',
      actor: staffActor,
    });
    expect((await w.commerce.merchants.list(w.orgId, { limit: 10 }))[0]?.depositBalanceFen).toBe(750_000);
    await expect(sql`update deposit_entries set amount_fen = 1`.execute(w.store.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from deposit_entries`.execute(w.store.db)).rejects.toThrow(/append-only/);
    const audit = await w.access.audit.list(w.orgId, { limit: 5 });
    expect(audit[0]).toMatchObject({
      action: 'deposit.refunded',
      actorId: 'usr_staff',
      details: { amountFen: 50_000, reason: '多缴退还' },
    });
  });

  it('never reads or changes another organisation’s merchants, deposits, categories or invites', async () => {
    const m = await w.commerce.merchants.create(w.orgId, application(7, [w.categories.food]), staffActor);
    const invite = await w.commerce.invites.create(w.orgId, { email: 'x@y.cn', validDays: 7 }, staffActor);
    expect(await w.commerce.merchants.list(w.otherOrgId, { limit: 10 })).toEqual([]);
    expect(await w.commerce.categories.list(w.otherOrgId)).toEqual([]);
    expect(await w.commerce.invites.list(w.otherOrgId)).toEqual([]);
    await expect(w.commerce.merchants.get(w.otherOrgId, m.id)).rejects.toMatchObject({
      code: 'merchant_not_found',
    });
    await expect(
      w.commerce.merchants.transition(w.otherOrgId, m.id, { to: 'approved' }, staffActor),
    ).rejects.toMatchObject({ code: 'merchant_not_found' });
    await expect(
      w.commerce.deposits.record(w.otherOrgId, m.id, { kind: 'paid', amountFen: 1, reason: 'x' }, staffActor),
    ).rejects.toMatchObject({ code: 'merchant_not_found' });
    await expect(w.commerce.deposits.ledger(w.otherOrgId, m.id)).rejects.toMatchObject({
      code: 'merchant_not_found',
    });
    await expect(w.commerce.invites.revoke(w.otherOrgId, invite.id, staffActor)).rejects.toMatchObject({
      code: 'invite_not_found',
    });
    await expect(
      w.commerce.categories.update(w.otherOrgId, w.categories.food, { name: '改' }, staffActor),
    ).rejects.toMatchObject({ code: 'category_not_found' });
    await expect(
      w.commerce.merchants.create(w.otherOrgId, application(8, [w.categories.food]), staffActor),
    ).rejects.toMatchObject({ code: 'category_not_found' });
  });

  it('keeps category names unique among siblings and nests at most three levels', async () => {
    await expect(
      w.commerce.categories.create(w.orgId, { name: '美妆', requiredDepositFen: 0 }, staffActor),
    ).rejects.toMatchObject({ code: 'category_exists' });
    const mask = await w.commerce.categories.create(
      w.orgId,
      { name: '面膜', parentId: w.categories.skincare, requiredDepositFen: 0 },
      staffActor,
    );
    expect(mask).toMatchObject({ path: '美妆/护肤/面膜', effectiveRequiredDepositFen: 800_000 });
    await expect(
      w.commerce.categories.create(
        w.orgId,
        { name: '片状', parentId: mask.id, requiredDepositFen: 0 },
        staffActor,
      ),
    ).rejects.toMatchObject({ code: 'category_too_deep' });
  });
});
