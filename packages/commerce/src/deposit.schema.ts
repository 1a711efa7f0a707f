import { actorTypes, depositKinds } from '@livecloud/contracts/vocabulary';
import { z } from 'zod';

const fen = z.number().int();

export { depositKinds };
export const depositKindSchema = z.enum(depositKinds);

export const depositSummaryDto = z.object({
  paidFen: fen,
  deductedFen: fen,
  refundedFen: fen,
  frozenFen: fen.describe('frozen − unfrozen: held back, e.g. during a complaint'),
  balanceFen: fen.describe('paid − deducted − refunded'),
  availableFen: fen.describe('balance − frozen'),
});
export type DepositSummaryDto = z.infer<typeof depositSummaryDto>;

export const actorDto = z.object({ type: z.enum(actorTypes), id: z.string().nullable() });

export const depositEntryDto = z.object({
  id: z.string(),
  merchantId: z.string(),
  kind: depositKindSchema,
  amountFen: fen,
  reason: z.string(),
  reference: z.string().nullable(),
  actor: actorDto,
  at: z.string(),
  balanceAfterFen: fen,
  availableAfterFen: fen,
});
export type DepositEntryDto = z.infer<typeof depositEntryDto>;

export const depositLedgerDto = z.object({ summary: depositSummaryDto, entries: z.array(depositEntryDto) });
export type DepositLedgerDto = z.infer<typeof depositLedgerDto>;

export const recordDepositInput = z.object({
  kind: depositKindSchema,
  amountFen: z.number().int().positive().max(1_000_000_000_00).describe('integer fen, > 0'),
  reason: z.string().trim().min(1).max(500).describe('why: every entry says why it was made'),
  reference: z.string().trim().min(1).max(100).nullish().describe('bank transfer number, complaint id …'),
});
export type RecordDepositInput = z.infer<typeof recordDepositInput>;

/** Who did something, in a ledger or history entry. */
export type ActorDto = z.infer<typeof actorDto>;
