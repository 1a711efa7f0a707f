import type { Insertable, Selectable } from '@livecloud/db';
import type {
  ApprovalKind,
  ApprovalPolicyTable,
  ApprovalStatus,
  ApprovalTable,
  CommerceDb,
} from './commerce.tables.js';

export type ApprovalRow = Selectable<ApprovalTable> & { merchant_name: string };
export type ApprovalPolicyRow = Selectable<ApprovalPolicyTable>;

export interface ApprovalFilter {
  status?: ApprovalStatus | undefined;
  kind?: ApprovalKind | undefined;
  merchantId?: string | undefined;
  before?: string | undefined;
  limit: number;
}

export interface ApprovalDecision {
  status: Exclude<ApprovalStatus, 'pending'>;
  decided_by_type: ApprovalTable['decided_by_type'];
  decided_by: string | null;
  decided_at: Date;
  decision_reason: string | null;
  result_id: string | null;
}

/** Pending approvals (maker-checker) and each organisation's threshold. */
export function createApprovalRepository(db: CommerceDb) {
  const withMerchant = () =>
    db
      .selectFrom('approvals')
      .innerJoin('merchants', (join) =>
        join
          .onRef('merchants.org_id', '=', 'approvals.org_id')
          .onRef('merchants.id', '=', 'approvals.merchant_id'),
      )
      .selectAll('approvals')
      .select('merchants.company_name as merchant_name');

  return {
    async list(orgId: string, filter: ApprovalFilter): Promise<ApprovalRow[]> {
      let query = withMerchant().where('approvals.org_id', '=', orgId);
      if (filter.status) query = query.where('approvals.status', '=', filter.status);
      if (filter.kind) query = query.where('approvals.kind', '=', filter.kind);
      if (filter.merchantId) query = query.where('approvals.merchant_id', '=', filter.merchantId);
      if (filter.before) query = query.where('approvals.id', '<', filter.before);
      return query.orderBy('approvals.id', 'desc').limit(filter.limit).execute();
    },
    async findById(orgId: string, id: string): Promise<ApprovalRow | undefined> {
      return withMerchant()
        .where('approvals.org_id', '=', orgId)
        .where('approvals.id', '=', id)
        .executeTakeFirst();
    },
    /** Reads the approval and locks its row until the transaction ends: it is decided once. */
    async lock(orgId: string, id: string): Promise<Selectable<ApprovalTable> | undefined> {
      return db
        .selectFrom('approvals')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
    },
    async hasPending(orgId: string, merchantId: string, kind: ApprovalKind): Promise<boolean> {
      const row = await db
        .selectFrom('approvals')
        .select('id')
        .where('org_id', '=', orgId)
        .where('merchant_id', '=', merchantId)
        .where('kind', '=', kind)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return row !== undefined;
    },
    async insert(row: Insertable<ApprovalTable>): Promise<void> {
      await db.insertInto('approvals').values(row).execute();
    },
    async decide(orgId: string, id: string, decision: ApprovalDecision): Promise<void> {
      await db
        .updateTable('approvals')
        .set(decision)
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .execute();
    },
    async policy(orgId: string): Promise<ApprovalPolicyRow | undefined> {
      return db.selectFrom('approval_policies').selectAll().where('org_id', '=', orgId).executeTakeFirst();
    },
    async setPolicy(orgId: string, thresholdFen: number, updatedBy: string | null, at: Date): Promise<void> {
      await db
        .insertInto('approval_policies')
        .values({ org_id: orgId, deposit_threshold_fen: thresholdFen, updated_by: updatedBy, updated_at: at })
        .onConflict((oc) =>
          oc.column('org_id').doUpdateSet({
            deposit_threshold_fen: thresholdFen,
            updated_by: updatedBy,
            updated_at: at,
          }),
        )
        .execute();
    },
  };
}
export type ApprovalRepository = ReturnType<typeof createApprovalRepository>;
