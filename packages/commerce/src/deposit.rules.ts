import { AppError } from '@livecloud/core';
import type { DepositKind } from './commerce.tables.js';
import type { DepositSums } from './deposit.repository.js';
import type { DepositSummaryDto } from './deposit.schema.js';

/** Balance and available amount, derived from the ledger's sums. */
export function summarise(sums: DepositSums): DepositSummaryDto {
  const balanceFen = sums.paid - sums.deducted - sums.refunded;
  const frozenFen = sums.frozen - sums.unfrozen;
  return {
    paidFen: sums.paid,
    deductedFen: sums.deducted,
    refundedFen: sums.refunded,
    frozenFen,
    balanceFen,
    availableFen: balanceFen - frozenFen,
  };
}

/**
 * Whether a new entry keeps the ledger sound: money can only be frozen, deducted or refunded
 * out of what is available (not already frozen), and only frozen money can be unfrozen.
 */
export function checkDepositEntry(sums: DepositSums, kind: DepositKind, amountFen: number): AppError | null {
  const summary = summarise(sums);
  switch (kind) {
    case 'paid':
      return null;
    case 'unfrozen':
      return amountFen <= summary.frozenFen
        ? null
        : AppError.conflict('deposit_exceeds_frozen', `Only ${summary.frozenFen} fen is frozen`, {
            kind,
            amountFen,
            frozenFen: summary.frozenFen,
          });
    case 'frozen':
    case 'deducted':
    case 'refunded':
      return amountFen <= summary.availableFen
        ? null
        : AppError.conflict('deposit_exceeds_available', `Only ${summary.availableFen} fen is available`, {
            kind,
            amountFen,
            availableFen: summary.availableFen,
          });
  }
}
