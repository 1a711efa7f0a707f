import { sql, type Selectable } from '@livecloud/db';
import type { CommerceDb, DepositEntryTable, DepositKind } from './commerce.tables.js';

export type DepositEntryRow = Selectable<DepositEntryTable>;
export type LedgerRow = DepositEntryRow & { balance_after: number; frozen_after: number };

/** Sums per kind; balance and available are derived from these, never stored. */
export interface DepositSums {
  paid: number;
  frozen: number;
  unfrozen: number;
  deducted: number;
  refunded: number;
}

const emptySums: DepositSums = { paid: 0, frozen: 0, unfrozen: 0, deducted: 0, refunded: 0 };
const sumOf = (kind: DepositKind) =>
  sql<number>`coalesce(sum(amount_fen) filter (where kind = ${kind}), 0)::bigint`;
const balanceDelta = sql`case kind when 'paid' then amount_fen when 'deducted' then -amount_fen when 'refunded' then -amount_fen else 0 end`;
const frozenDelta = sql`case kind when 'frozen' then amount_fen when 'unfrozen' then -amount_fen else 0 end`;

/** The append-only deposit ledger (保证金): inserts and sums, no updates. */
export function createDepositRepository(db: CommerceDb) {
  return {
    async sums(orgId: string, merchantIds: readonly string[]): Promise<Map<string, DepositSums>> {
      const result = new Map<string, DepositSums>();
      if (merchantIds.length === 0) return result;
      const rows = await db
        .selectFrom('deposit_entries')
        .select([
          'merchant_id',
          sumOf('paid').as('paid'),
          sumOf('frozen').as('frozen'),
          sumOf('unfrozen').as('unfrozen'),
          sumOf('deducted').as('deducted'),
          sumOf('refunded').as('refunded'),
        ])
        .where('org_id', '=', orgId)
        .where('merchant_id', 'in', [...merchantIds])
        .groupBy('merchant_id')
        .execute();
      for (const id of merchantIds) result.set(id, { ...emptySums });
      for (const row of rows) {
        result.set(row.merchant_id, {
          paid: Number(row.paid),
          frozen: Number(row.frozen),
          unfrozen: Number(row.unfrozen),
          deducted: Number(row.deducted),
          refunded: Number(row.refunded),
        });
      }
      return result;
    },
    async sumsOf(orgId: string, merchantId: string): Promise<DepositSums> {
      return (await this.sums(orgId, [merchantId])).get(merchantId) ?? { ...emptySums };
    },
    /** Entries oldest first, each with the balance and frozen amount right after it. */
    async ledger(orgId: string, merchantId: string): Promise<LedgerRow[]> {
      const rows = await db
        .selectFrom('deposit_entries')
        .selectAll()
        .select([
          sql<number>`(sum(${balanceDelta}) over (order by id))::bigint`.as('balance_after'),
          sql<number>`(sum(${frozenDelta}) over (order by id))::bigint`.as('frozen_after'),
        ])
        .where('org_id', '=', orgId)
        .where('merchant_id', '=', merchantId)
        .orderBy('id')
        .execute();
      return rows.map((row) => ({
        ...row,
        balance_after: Number(row.balance_after),
        frozen_after: Number(row.frozen_after),
      }));
    },
    async insert(row: Omit<DepositEntryRow, 'reference'> & { reference: string | null }): Promise<void> {
      await db.insertInto('deposit_entries').values(row).execute();
    },
  };
}
export type DepositRepository = ReturnType<typeof createDepositRepository>;
