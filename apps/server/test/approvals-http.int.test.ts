import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeTestEventStore,
  createTestApp,
  seedOrg,
  signIn,
  type SessionClient,
  type TestApp,
} from './test-app.js';
import { expectError, ok } from './commerce-http-fixture.js';

/**
 * Two-person approval (maker-checker) over HTTP, on both records engines: a large refund or
 * deduction and every suspension wait for a second person with `commerce:approve`.
 */

interface Approval {
  id: string;
  kind: string;
  status: string;
  amountFen: number | null;
  requestedBy: { type: string; id: string | null };
  decidedBy: { type: string; id: string | null } | null;
  decisionReason: string | null;
  resultId: string | null;
}
interface Ledger {
  summary: { balanceFen: number };
  entries: { id: string; kind: string; amountFen: number }[];
}
interface Audit {
  items: {
    action: string;
    actorId: string | null;
    targetId: string | null;
    details: Record<string, unknown>;
  }[];
}

describe.each(['pglite', 'postgres'] as const)('two-person approval on %s', (engine) => {
  let t: TestApp;
  let admin: SessionClient;
  let checker: SessionClient;
  let selection: SessionClient;
  let merchantId: string;
  const deposits = () => `/api/v1/merchants/${merchantId}/deposits`;
  const balance = async () =>
    (await ok<Ledger>(admin.request({ method: 'GET', url: deposits() }))).summary.balanceFen;
  const ask = async (who: SessionClient, kind: 'refunded' | 'deducted', amountFen: number, status = 202) =>
    ok<Approval>(
      who.request({
        method: 'POST',
        url: deposits(),
        payload: { kind, amountFen, reason: `${kind} ${amountFen}` },
      }),
      status,
    );
  const decide = (
    who: SessionClient,
    id: string,
    verb: 'approve' | 'reject' | 'cancel',
    payload: object = {},
  ) => who.request({ method: 'POST', url: `/api/v1/approvals/${id}/${verb}`, payload });
  const audit = async (action: string) =>
    (await ok<Audit>(admin.request({ method: 'GET', url: `/api/v1/audit?action=${action}` }))).items;

  beforeAll(async () => {
    t = await createTestApp(engine);
    const seeded = await seedOrg(t.access, 'maker', '双人复核');
    admin = await signIn(t.app, seeded.email, seeded.password);
    const system = { type: 'system' as const, id: null };
    await t.access.staff.onboard(
      seeded.orgId,
      { email: 'checker@maker.test', name: '复核人', role: 'admin', password: 'checker-password' },
      system,
    );
    await t.access.staff.onboard(
      seeded.orgId,
      { email: 'pick@maker.test', name: '选品', role: 'selection', password: 'selection-password' },
      system,
    );
    checker = await signIn(t.app, 'checker@maker.test', 'checker-password');
    selection = await signIn(t.app, 'pick@maker.test', 'selection-password');
    const category = await ok<{ id: string }>(
      admin.request({
        method: 'POST',
        url: '/api/v1/categories',
        payload: { name: '美妆', requiredDepositFen: 0 },
      }),
      201,
    );
    const merchant = await ok<{ id: string }>(
      admin.request({
        method: 'POST',
        url: '/api/v1/merchants',
        payload: {
          companyName: '复核供应商',
          licenceNo: '91330106MA2GL5QK79',
          contact: { name: '联系人', phone: '13800138000' },
          categoryIds: [category.id],
        },
      }),
      201,
    );
    merchantId = merchant.id;
    await ok(
      admin.request({
        method: 'POST',
        url: `/api/v1/merchants/${merchantId}/transition`,
        payload: { to: 'approved' },
      }),
    );
    await ok(
      admin.request({
        method: 'POST',
        url: deposits(),
        payload: { kind: 'paid', amountFen: 1_000_000, reason: '保证金' },
      }),
      201,
    );
  });
  afterAll(async () => {
    await t.close();
    await closeTestEventStore();
  });

  it('runs a refund below the default threshold (500000 fen) at once', async () => {
    const policy = await ok<{ depositThresholdFen: number; isDefault: boolean }>(
      selection.request({ method: 'GET', url: '/api/v1/approvals/policy' }),
    );
    expect(policy).toEqual({ depositThresholdFen: 500_000, isDefault: true });
    const ledger = await ok<Ledger>(
      selection.request({
        method: 'POST',
        url: deposits(),
        payload: { kind: 'refunded', amountFen: 499_999, reason: '小额退款' },
      }),
      201,
    );
    expect(ledger.summary.balanceFen).toBe(500_001);
  });

  it('holds a refund at the threshold as a pending approval and leaves the balance alone', async () => {
    const approval = await ask(selection, 'refunded', 500_001);
    expect(approval).toMatchObject({
      kind: 'deposit.refund',
      status: 'pending',
      amountFen: 500_001,
      decidedBy: null,
    });
    const big = await ask(selection, 'refunded', 500_000);
    expect(big.status).toBe('pending');
    expect(await balance()).toBe(500_001);
    const listed = await ok<{ items: Approval[] }>(
      admin.request({ method: 'GET', url: '/api/v1/approvals?status=pending&kind=deposit.refund' }),
    );
    expect(listed.items.map((a) => a.id)).toEqual([big.id, approval.id]);
    const requested = await audit('approval.request');
    expect(requested[0]).toMatchObject({ targetId: big.id, details: { amountFen: 500_000, merchantId } });
  });

  it('refuses a request that could never be approved, and a decision by the requester or without the permission', async () => {
    expectError(
      await selection.request({
        method: 'POST',
        url: deposits(),
        payload: { kind: 'refunded', amountFen: 900_000, reason: 'x' },
      }),
      409,
      'deposit_exceeds_available',
    );
    const own = await ask(admin, 'deducted', 500_000);
    expectError(await decide(admin, own.id, 'approve'), 403, 'approval_same_person');
    expectError(await decide(admin, own.id, 'reject', { reason: '自己' }), 403, 'approval_same_person');
    expectError(await decide(selection, own.id, 'approve'), 403, 'forbidden');
    const key = await ok<{ secret: string }>(
      admin.request({ method: 'POST', url: '/api/v1/api-keys', payload: { name: '脚本', purpose: 'admin' } }),
      201,
    );
    const viaKey = await t.app.inject({
      method: 'POST',
      url: `/api/v1/approvals/${own.id}/approve`,
      headers: { authorization: `Bearer ${key.secret}` },
      payload: {},
    });
    expectError(viaKey, 403, 'approval_needs_person');
    expectError(await decide(checker, own.id, 'reject', {}), 400, 'invalid_request');
    const rejected = await ok<Approval>(decide(checker, own.id, 'reject', { reason: '扣款依据不足' }));
    expect(rejected).toMatchObject({ status: 'rejected', decisionReason: '扣款依据不足' });
    expectError(await decide(checker, own.id, 'approve'), 409, 'approval_decided');
    expect((await audit('approval.reject'))[0]).toMatchObject({
      targetId: own.id,
      details: { amountFen: 500_000 },
    });
    expect(await balance()).toBe(500_001);
  });

  it('lets another permitted person approve: the balance changes and both entries are in the audit log', async () => {
    const pending = (
      await ok<{ items: Approval[] }>(
        admin.request({ method: 'GET', url: '/api/v1/approvals?status=pending&kind=deposit.refund' }),
      )
    ).items.find((a) => a.amountFen === 500_000);
    const approved = await ok<Approval>(decide(checker, pending!.id, 'approve', { reason: '核对无误' }));
    expect(approved.status).toBe('approved');
    expect(approved.decidedBy?.id).not.toBe(approved.requestedBy.id);
    const ledger = await ok<Ledger>(admin.request({ method: 'GET', url: deposits() }));
    expect(ledger.summary.balanceFen).toBe(1);
    expect(ledger.entries[0]).toMatchObject({ id: approved.resultId, kind: 'refunded', amountFen: 500_000 });
    const request = (await audit('approval.request')).find((e) => e.targetId === approved.id);
    const approval = (await audit('approval.approve')).find((e) => e.targetId === approved.id);
    expect(request?.actorId).toBe(approved.requestedBy.id);
    expect(approval).toMatchObject({ actorId: approved.decidedBy?.id, details: { amountFen: 500_000 } });
    expect((await audit('deposit.refunded'))[0]?.details).toMatchObject({ approvalId: approved.id });
  });

  it('re-checks the balance at decision time and keeps a stale request pending', async () => {
    const [older, ...none] = (
      await ok<{ items: Approval[] }>(
        admin.request({ method: 'GET', url: '/api/v1/approvals?status=pending' }),
      )
    ).items;
    expect(none).toEqual([]);
    expect(older).toMatchObject({ amountFen: 500_001 });
    expectError(await decide(checker, older!.id, 'approve'), 409, 'deposit_exceeds_available');
    expect(
      (await ok<Approval>(admin.request({ method: 'GET', url: `/api/v1/approvals/${older!.id}` }))).status,
    ).toBe('pending');
    expectError(await decide(checker, older!.id, 'cancel'), 403, 'approval_not_requester');
    expect((await ok<Approval>(decide(selection, older!.id, 'cancel'))).status).toBe('cancelled');
    expect(await balance()).toBe(1);
  });

  it('holds every suspension for approval; reinstating stays one-person', async () => {
    const url = `/api/v1/merchants/${merchantId}/transition`;
    const held = await ok<Approval>(
      selection.request({ method: 'POST', url, payload: { to: 'suspended', reason: '售假投诉' } }),
      202,
    );
    expect(held).toMatchObject({ kind: 'merchant.suspend', status: 'pending', amountFen: null });
    expectError(
      await selection.request({ method: 'POST', url, payload: { to: 'suspended', reason: '再次' } }),
      409,
      'approval_pending',
    );
    const merchant = () =>
      ok<{ status: string }>(admin.request({ method: 'GET', url: `/api/v1/merchants/${merchantId}` }));
    expect((await merchant()).status).toBe('approved');
    await ok(decide(admin, held.id, 'approve'));
    expect((await merchant()).status).toBe('suspended');
    expect((await audit('merchant.suspend'))[0]?.details).toMatchObject({
      approvalId: held.id,
      reason: '售假投诉',
    });
    const reinstated = await ok<{ status: string }>(
      selection.request({ method: 'POST', url, payload: { to: 'approved' } }),
    );
    expect(reinstated.status).toBe('approved');
  });

  it('takes the threshold per organisation from an admin; 0 holds every refund', async () => {
    expectError(
      await selection.request({
        method: 'PUT',
        url: '/api/v1/approvals/policy',
        payload: { depositThresholdFen: 0 },
      }),
      403,
      'forbidden',
    );
    expectError(
      await admin.request({
        method: 'PUT',
        url: '/api/v1/approvals/policy',
        payload: { depositThresholdFen: -1 },
      }),
      400,
      'invalid_request',
    );
    const set = await ok(
      admin.request({ method: 'PUT', url: '/api/v1/approvals/policy', payload: { depositThresholdFen: 0 } }),
    );
    expect(set).toEqual({ depositThresholdFen: 0, isDefault: false });
    expect((await ask(selection, 'refunded', 1)).status).toBe('pending');
    expect((await audit('approval_policy.update'))[0]?.details).toEqual({ fromFen: 500_000, toFen: 0 });
  });

  it('keeps one organisation from seeing or deciding another’s approvals', async () => {
    const other = await seedOrg(t.access, 'other', '别家');
    const outsider = await signIn(t.app, other.email, other.password);
    const [mine] = (
      await ok<{ items: Approval[] }>(
        admin.request({ method: 'GET', url: '/api/v1/approvals?status=pending' }),
      )
    ).items;
    expect(
      (await ok<{ items: Approval[] }>(outsider.request({ method: 'GET', url: '/api/v1/approvals' }))).items,
    ).toEqual([]);
    expectError(
      await outsider.request({ method: 'GET', url: `/api/v1/approvals/${mine!.id}` }),
      404,
      'approval_not_found',
    );
    expectError(await decide(outsider, mine!.id, 'approve'), 404, 'approval_not_found');
    expect(
      (
        await ok<{ depositThresholdFen: number }>(
          outsider.request({ method: 'GET', url: '/api/v1/approvals/policy' }),
        )
      ).depositThresholdFen,
    ).toBe(500_000);
  });
});
