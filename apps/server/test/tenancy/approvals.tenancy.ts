import { seedCall, type TenancyContext, type TenancyWorld } from './tenancy-case.js';

/**
 * Two-person approval's part of the tenancy walk: B's admin asks for a refund above B's
 * threshold, so B holds a pending approval. A aims at it by id (404: A can neither see,
 * approve, reject nor withdraw it) and sets only its own threshold.
 */
async function seedApprovalsOfB(w: TenancyWorld): Promise<void> {
  const merchantId = w.bIds['com-merchant'];
  await seedCall(w.b, '/api/v1/approvals/policy', { depositThresholdFen: 100_000 }, 'PUT');
  const approval = await seedCall<{ id: string }>(w.b, `/api/v1/merchants/${merchantId}/deposits`, {
    kind: 'refunded',
    amountFen: 654_321,
    reason: '乙方退款待审批',
  });
  w.bIds['com-approval'] = approval.id;
  w.bSecrets.push(approval.id, '乙方退款待审批', '654321');
}

export const approvalsTenancy: TenancyContext = {
  name: 'approvals',
  cases: {
    'GET /api/v1/approvals': { kind: 'own' },
    'GET /api/v1/approvals/policy': { kind: 'own' },
    'PUT /api/v1/approvals/policy': { kind: 'own', body: () => ({ depositThresholdFen: 300_000 }) },
    'GET /api/v1/approvals/{id}': { kind: 'foreign', resource: 'com-approval' },
    'POST /api/v1/approvals/{id}/approve': { kind: 'foreign', resource: 'com-approval', body: () => ({}) },
    'POST /api/v1/approvals/{id}/reject': {
      kind: 'foreign',
      resource: 'com-approval',
      body: () => ({ reason: '甲方驳回' }),
    },
    'POST /api/v1/approvals/{id}/cancel': { kind: 'foreign', resource: 'com-approval' },
  },
  seed: seedApprovalsOfB,
  listsOfB: (w) => [
    '/api/v1/approvals',
    `/api/v1/approvals/${w.bIds['com-approval']}`,
    '/api/v1/approvals/policy',
  ],
};
