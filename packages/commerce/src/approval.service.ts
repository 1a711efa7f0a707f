import { AppError, newId, type Clock } from '@livecloud/core';
import type { ApprovalRow } from './approval.repository.js';
import {
  defaultDepositThresholdFen,
  type ApprovalDto,
  type ApprovalListQuery,
  type ApprovalPolicyDto,
  type ApprovalPolicyInput,
  type ApproveInput,
  type RejectInput,
} from './approval.schema.js';
import type { ApprovalKind } from './commerce.tables.js';
import { checkDepositEntry } from './deposit.rules.js';
import type { DepositLedgerDto, RecordDepositInput } from './deposit.schema.js';
import { appendDepositEntry, depositAudit, type DepositService } from './deposit.service.js';
import type { MerchantDetailDto, MerchantTransitionInput } from './merchant.schema.js';
import {
  applyMerchantTransition,
  merchantTransitions,
  merchantTransitionAudit,
  type MerchantService,
} from './merchant.service.js';
import type { AuditActor, AuditRecorder } from './ports.js';
import type { UnitOfWork } from './repositories.js';
import { assertTransition } from './transition.js';

/** What a staff request did: ran at once, or waits for a second person. */
export type Submitted<T> = { pending: false; result: T } | { pending: true; approval: ApprovalDto };

const sameActor = (a: AuditActor, type: string | null, id: string | null) => a.type === type && a.id === id;

/**
 * Two-person approval (maker-checker): a refund or deduction at or above the organisation's
 * threshold, and every suspension, is held as a pending approval until a different person
 * approves (the action then runs, re-checked, in the same transaction) or rejects it.
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

  /** Locks a pending approval for a decision by `actor`, who must be a person other than its requester. */
  async function lockForDecision(tx: UnitOfWork['repos'], orgId: string, id: string, actor: AuditActor) {
    const row = await tx.approvals.lock(orgId, id);
    if (!row) throw AppError.notFound('approval', id);
    if (actor.type !== 'user')
      throw AppError.forbidden('approval_needs_person', 'An approval is decided by a signed-in person');
    if (row.status !== 'pending')
      throw AppError.conflict('approval_decided', `This approval is already ${row.status}`, {
        status: row.status,
      });
    if (sameActor(actor, row.requested_by_type, row.requested_by))
      throw AppError.forbidden('approval_same_person', 'A second person must decide what you requested');
    return row;
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

    /** Runs the held action, re-checked against the state now, and marks the approval approved. */
    async approve(orgId: string, id: string, input: ApproveInput, actor: AuditActor): Promise<ApprovalDto> {
      const now = deps.clock.now();
      const done = await deps.uow.transaction(async (tx) => {
        const row = await lockForDecision(tx, orgId, id, actor);
        let resultId: string | null = null;
        let audit;
        if (row.kind === 'merchant.suspend') {
          const transition = { to: 'suspended' as const, reason: row.reason };
          const from = await applyMerchantTransition(tx, orgId, row.merchant_id, transition, new Date(now));
          audit = merchantTransitionAudit(row.merchant_id, from, transition, { approvalId: id });
        } else {
          const entry: RecordDepositInput = {
            kind: row.kind === 'deposit.refund' ? 'refunded' : 'deducted',
            amountFen: Number(row.amount_fen),
            reason: row.reason,
            reference: row.reference,
          };
          resultId = await appendDepositEntry(tx, orgId, row.merchant_id, entry, actor, now);
          audit = depositAudit(row.merchant_id, resultId, entry, { approvalId: id });
        }
        await tx.approvals.decide(orgId, id, {
          status: 'approved',
          decided_by_type: actor.type,
          decided_by: actor.id,
          decided_at: new Date(now),
          decision_reason: input.reason ?? null,
          result_id: resultId,
        });
        return { row, audit };
      });
      await deps.audit.record(orgId, actor, {
        action: 'approval.approve',
        targetType: 'approval',
        targetId: id,
        details: {
          kind: done.row.kind,
          merchantId: done.row.merchant_id,
          amountFen: done.row.amount_fen === null ? null : Number(done.row.amount_fen),
          requestedBy: { type: done.row.requested_by_type, id: done.row.requested_by },
          reason: input.reason ?? null,
        },
      });
      await deps.audit.record(orgId, actor, done.audit);
      return get(orgId, id);
    },

    async reject(orgId: string, id: string, input: RejectInput, actor: AuditActor): Promise<ApprovalDto> {
      const now = new Date(deps.clock.now());
      const row = await deps.uow.transaction(async (tx) => {
        const locked = await lockForDecision(tx, orgId, id, actor);
        await tx.approvals.decide(orgId, id, {
          status: 'rejected',
          decided_by_type: actor.type,
          decided_by: actor.id,
          decided_at: now,
          decision_reason: input.reason,
          result_id: null,
        });
        return locked;
      });
      await deps.audit.record(orgId, actor, {
        action: 'approval.reject',
        targetType: 'approval',
        targetId: id,
        details: {
          kind: row.kind,
          merchantId: row.merchant_id,
          amountFen: row.amount_fen === null ? null : Number(row.amount_fen),
          reason: input.reason,
        },
      });
      return get(orgId, id);
    },

    /** The requester withdraws a pending request. */
    async cancel(orgId: string, id: string, actor: AuditActor): Promise<ApprovalDto> {
      const now = new Date(deps.clock.now());
      const row = await deps.uow.transaction(async (tx) => {
        const locked = await tx.approvals.lock(orgId, id);
        if (!locked) throw AppError.notFound('approval', id);
        if (!sameActor(actor, locked.requested_by_type, locked.requested_by))
          throw AppError.forbidden('approval_not_requester', 'Only the person who asked may withdraw it');
        if (locked.status !== 'pending')
          throw AppError.conflict('approval_decided', `This approval is already ${locked.status}`, {
            status: locked.status,
          });
        await tx.approvals.decide(orgId, id, {
          status: 'cancelled',
          decided_by_type: actor.type,
          decided_by: actor.id,
          decided_at: now,
          decision_reason: null,
          result_id: null,
        });
        return locked;
      });
      await deps.audit.record(orgId, actor, {
        action: 'approval.cancel',
        targetType: 'approval',
        targetId: id,
        details: { kind: row.kind, merchantId: row.merchant_id },
      });
      return get(orgId, id);
    },
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
