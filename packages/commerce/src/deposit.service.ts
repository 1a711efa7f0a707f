import { AppError, newId, type Clock } from '@livecloud/core';
import type { LedgerRow } from './deposit.repository.js';
import { checkDepositEntry, summarise } from './deposit.rules.js';
import type {
  DepositEntryDto,
  DepositLedgerDto,
  DepositSummaryDto,
  RecordDepositInput,
} from './deposit.schema.js';
import { actorColumns, type AuditActor, type AuditEvent, type AuditRecorder } from './ports.js';
import type { Repositories, UnitOfWork } from './repositories.js';

/** The deposit ledger (保证金): append-only entries, balance derived by SQL. */
export function createDepositService(deps: { uow: UnitOfWork; audit: AuditRecorder; clock: Clock }) {
  const { repos } = deps.uow;

  async function ledger(orgId: string, merchantId: string): Promise<DepositLedgerDto> {
    if (!(await repos.merchants.findById(orgId, merchantId))) throw AppError.notFound('merchant', merchantId);
    const [rows, sums] = await Promise.all([
      repos.deposits.ledger(orgId, merchantId),
      repos.deposits.sumsOf(orgId, merchantId),
    ]);
    return { summary: summarise(sums), entries: rows.map(toEntryDto).reverse() };
  }

  return {
    ledger,
    async summary(orgId: string, merchantId: string): Promise<DepositSummaryDto> {
      return summarise(await repos.deposits.sumsOf(orgId, merchantId));
    },
    async summaries(orgId: string, merchantIds: readonly string[]): Promise<Map<string, DepositSummaryDto>> {
      const sums = await repos.deposits.sums(orgId, merchantIds);
      return new Map([...sums].map(([id, s]) => [id, summarise(s)]));
    },

    /**
     * Appends one entry at once. Staff requests go through `approvals.submitDeposit` first,
     * which holds a large refund or deduction for a second person.
     */
    async record(
      orgId: string,
      merchantId: string,
      input: RecordDepositInput,
      actor: AuditActor,
    ): Promise<DepositLedgerDto> {
      const id = await deps.uow.transaction((tx) =>
        appendDepositEntry(tx, orgId, merchantId, input, actor, deps.clock.now()),
      );
      await deps.audit.record(orgId, actor, depositAudit(merchantId, id, input));
      return ledger(orgId, merchantId);
    },
  };
}
export type DepositService = ReturnType<typeof createDepositService>;

/**
 * Appends one entry inside the caller's transaction and returns its id. The merchant's row is
 * locked while the sums are read and the entry written, so two entries at once cannot both
 * spend the same available money.
 */
export async function appendDepositEntry(
  tx: Repositories,
  orgId: string,
  merchantId: string,
  input: RecordDepositInput,
  actor: AuditActor,
  now: number,
): Promise<string> {
  const merchant = await tx.merchants.lock(orgId, merchantId);
  if (!merchant) throw AppError.notFound('merchant', merchantId);
  if (input.kind === 'paid' && merchant.status === 'rejected') {
    throw AppError.conflict(
      'merchant_not_active',
      'A rejected merchant cannot pay a deposit; refund what it holds instead',
      { status: merchant.status },
    );
  }
  const refusal = checkDepositEntry(await tx.deposits.sumsOf(orgId, merchantId), input.kind, input.amountFen);
  if (refusal) throw refusal;
  const id = newId('dep', now);
  await tx.deposits.insert({
    id,
    org_id: orgId,
    merchant_id: merchantId,
    kind: input.kind,
    amount_fen: input.amountFen,
    reason: input.reason,
    reference: input.reference ?? null,
    ...actorColumns(actor),
    at: new Date(now),
  });
  return id;
}

/** The audit entry of one deposit entry (`deposit.refunded`, …). */
export function depositAudit(
  merchantId: string,
  entryId: string,
  input: RecordDepositInput,
  extra: Record<string, unknown> = {},
): AuditEvent {
  return {
    action: `deposit.${input.kind}`,
    targetType: 'merchant',
    targetId: merchantId,
    details: {
      entryId,
      amountFen: input.amountFen,
      reason: input.reason,
      reference: input.reference ?? null,
      ...extra,
    },
  };
}

function toEntryDto(row: LedgerRow): DepositEntryDto {
  return {
    id: row.id,
    merchantId: row.merchant_id,
    kind: row.kind,
    amountFen: Number(row.amount_fen),
    reason: row.reason,
    reference: row.reference,
    actor: { type: row.actor_type, id: row.actor_id },
    at: row.at.toISOString(),
    balanceAfterFen: row.balance_after,
    availableAfterFen: row.balance_after - row.frozen_after,
  };
}
