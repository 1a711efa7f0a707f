import { AppError, newId, type Clock } from '@livecloud/core';
import { createApprovalDecisions } from './approval-decision.service.js';
import type { ApprovalRow } from './approval.repository.js';
import {
  defaultDepositThresholdFen,
  type ApprovalDto,
  type ApprovalListQuery,
  type ApprovalPolicyDto,
  type ApprovalPolicyInput,
} from './approval.schema.js';
import type { ApprovalKind } from './commerce.tables.js';
import { checkDepositEntry } from './deposit.rules.js';
import type { DepositLedgerDto, RecordDepositInput } from './deposit.schema.js';
import type { DepositService } from './deposit.service.js';
import type { MerchantDetailDto, MerchantTransitionInput } from './merchant.schema.js';
import { merchantTransitions, type MerchantService } from './merchant.service.js';
import type { AuditActor, AuditRecorder } from './ports.js';
import type { UnitOfWork } from './repositories.js';
import { assertTransition } from './transition.js';

/** What a staff request did: ran at once, or waits for a second person. */
export type Submitted<T> = { pending: false; result: T } | { pending: true; approval: ApprovalDto };

/**
 * Two-person approval (maker-checker): a refund or deduction at or above the organisation's
 * threshold, and every suspension, is held as a pending approval until a different person
 * approves (the action then runs, re-checked, in the same transaction) or rejects it; the
 * decisions are in approval-decision.service.ts.
 */
export function createApprovalService(deps: {
  uow: UnitOfWork;
  deposits: DepositService;
  merchants: MerchantService;
  audit: AuditRecorder;
  clock: Clock;
}) {
  const { repos } = deps.uow;

  async function policy(orgId: string): Promise<ApprovalPolicyDto> {
    const row = await repos.approvals.policy(orgId);
    return row
      ? { depositThresholdFen: Number(row.deposit_threshold_fen), isDefault: false }
      : { depositThresholdFen: defaultDepositThresholdFen, isDefault: true };
  }

  async function get(orgId: string, id: string): Promise<ApprovalDto> {
    const row = await repos.approvals.findById(orgId, id);
    if (!row) throw AppError.notFound('approval', id);
    return toApprovalDto(row);
  }

  async function request(
    orgId: string,
    kind: ApprovalKind,
    merchantId: string,
    params: { amountFen: number | null; reason: string; reference: string | null },
    actor: AuditActor,
  ): Promise<ApprovalDto> {
    const now = deps.clock.now();
    const id = newId('apr', now);
    await deps.uow.transaction(async (tx) => {
      const merchant = await tx.merchants.lock(orgId, merchantId);
      if (!merchant) throw AppError.notFound('merchant', merchantId);
      if (kind === 'merchant.suspend') {
        assertTransition('merchant', merchantTransitions, merchant.status, 'suspended');
        if (await tx.approvals.hasPending(orgId, merchantId, kind))
          throw AppError.conflict(
            'approval_pending',
            'A suspension of this merchant already awaits approval',
          );
      } else {
        // Refuse at once what could never be approved; the decision checks again.
        const refusal = checkDepositEntry(
          await tx.deposits.sumsOf(orgId, merchantId),
          kind === 'deposit.refund' ? 'refunded' : 'deducted',
          params.amountFen ?? 0,
        );
        if (refusal) throw refusal;
      }
      await tx.approvals.insert({
        id,
        org_id: orgId,
        kind,
        merchant_id: merchantId,
        amount_fen: params.amountFen,
        reason: params.reason,
        reference: params.reference,
        requested_by_type: actor.type,
        requested_by: actor.id,
        requested_at: new Date(now),
      });
    });
    await deps.audit.record(orgId, actor, {
      action: 'approval.request',
      targetType: 'approval',
      targetId: id,
      details: { kind, merchantId, amountFen: params.amountFen, reason: params.reason },
    });
    return get(orgId, id);
  }

  return {
    policy,
    get,
    async list(orgId: string, query: ApprovalListQuery): Promise<ApprovalDto[]> {
      return (await repos.approvals.list(orgId, query)).map(toApprovalDto);
    },

    async setPolicy(
      orgId: string,
      input: ApprovalPolicyInput,
      actor: AuditActor,
    ): Promise<ApprovalPolicyDto> {
      const before = await policy(orgId);
      await repos.approvals.setPolicy(orgId, input.depositThresholdFen, actor.id, new Date(deps.clock.now()));
      await deps.audit.record(orgId, actor, {
        action: 'approval_policy.update',
        targetType: 'approval_policy',
        targetId: orgId,
        details: { fromFen: before.depositThresholdFen, toFen: input.depositThresholdFen },
      });
      return policy(orgId);
    },

    /** A staff deposit entry: a refund or deduction at or above the threshold waits for approval. */
    async submitDeposit(
      orgId: string,
      merchantId: string,
      input: RecordDepositInput,
      actor: AuditActor,
    ): Promise<Submitted<DepositLedgerDto>> {
      const outgoing = input.kind === 'refunded' || input.kind === 'deducted';
      if (outgoing && input.amountFen >= (await policy(orgId)).depositThresholdFen) {
        const kind = input.kind === 'refunded' ? 'deposit.refund' : 'deposit.deduct';
        const params = {
          amountFen: input.amountFen,
          reason: input.reason,
          reference: input.reference ?? null,
        };
        return { pending: true, approval: await request(orgId, kind, merchantId, params, actor) };
      }
      return { pending: false, result: await deps.deposits.record(orgId, merchantId, input, actor) };
    },

    /** A staff status change: a suspension waits for approval; the others run at once. */
    async submitTransition(
      orgId: string,
      merchantId: string,
      input: MerchantTransitionInput,
      actor: AuditActor,
    ): Promise<Submitted<MerchantDetailDto>> {
      if (input.to === 'suspended') {
        const params = { amountFen: null, reason: input.reason ?? '', reference: null };
        return {
          pending: true,
          approval: await request(orgId, 'merchant.suspend', merchantId, params, actor),
        };
      }
      return { pending: false, result: await deps.merchants.transition(orgId, merchantId, input, actor) };
    },

    ...createApprovalDecisions({ ...deps, get }),
  };
}
export type ApprovalService = ReturnType<typeof createApprovalService>;

function toApprovalDto(row: ApprovalRow): ApprovalDto {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    merchantId: row.merchant_id,
    merchantName: row.merchant_name,
    amountFen: row.amount_fen === null ? null : Number(row.amount_fen),
    reason: row.reason,
    reference: row.reference,
    requestedBy: { type: row.requested_by_type, id: row.requested_by },
    requestedAt: row.requested_at.toISOString(),
    decidedBy: row.decided_by_type ? { type: row.decided_by_type, id: row.decided_by } : null,
    decidedAt: row.decided_at ? row.decided_at.toISOString() : null,
    decisionReason: row.decision_reason,
    resultId: row.result_id,
  };
}
