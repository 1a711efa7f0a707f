import { AppError, type Clock } from '@livecloud/core';
import type { ApprovalDto, ApproveInput, RejectInput } from './approval.schema.js';
import type { RecordDepositInput } from './deposit.schema.js';
import { appendDepositEntry, depositAudit } from './deposit.service.js';
import { applyMerchantTransition, merchantTransitionAudit } from './merchant.service.js';
import type { AuditActor, AuditRecorder } from './ports.js';
import type { Repositories, UnitOfWork } from './repositories.js';

export const sameActor = (a: AuditActor, type: string | null, id: string | null) =>
  a.type === type && a.id === id;

/**
 * The decisions on a pending approval: approve (the held action runs, re-checked against the
 * state now, in the transaction that marks it approved), reject with a reason, or cancel by
 * its requester. Each is taken once, with the approval's row locked.
 */
export function createApprovalDecisions(deps: {
  uow: UnitOfWork;
  audit: AuditRecorder;
  clock: Clock;
  /** Reads one approval as the API shows it. */
  get: (orgId: string, id: string) => Promise<ApprovalDto>;
}) {
  const { get } = deps;

  /** Locks a pending approval for a decision by `actor`, who must be a person other than its requester. */
  async function lockForDecision(tx: Repositories, orgId: string, id: string, actor: AuditActor) {
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
