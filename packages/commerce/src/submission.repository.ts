import type { Selectable } from '@livecloud/db';
import type {
  CommerceDb,
  SubmissionEventTable,
  SubmissionStatus,
  SubmissionTable,
  SubmissionTarget,
} from './commerce.tables.js';

export type SubmissionRow = Selectable<SubmissionTable>;
export type SubmissionListRow = SubmissionRow & {
  merchant_name: string;
  product_title: string;
  category_id: string;
};
export type SubmissionEventRow = Selectable<SubmissionEventTable>;

export interface SubmissionFilter {
  status?: SubmissionStatus | undefined;
  merchantId?: string | undefined;
  target?: SubmissionTarget | undefined;
  sessionRef?: string | undefined;
  q?: string | undefined;
  limit: number;
}

/** Submissions (报品) and their status history. */
export function createSubmissionRepository(db: CommerceDb) {
  const listQuery = () =>
    db
      .selectFrom('submissions as s')
      .innerJoin('merchants as m', (j) =>
        j.onRef('m.org_id', '=', 's.org_id').onRef('m.id', '=', 's.merchant_id'),
      )
      .innerJoin('products as p', (j) =>
        j.onRef('p.org_id', '=', 's.org_id').onRef('p.id', '=', 's.product_id'),
      )
      .selectAll('s')
      .select([
        'm.company_name as merchant_name',
        'p.title as product_title',
        'p.category_id as category_id',
      ]);

  return {
    async list(orgId: string, filter: SubmissionFilter): Promise<SubmissionListRow[]> {
      let query = listQuery().where('s.org_id', '=', orgId);
      if (filter.status) query = query.where('s.status', '=', filter.status);
      if (filter.merchantId) query = query.where('s.merchant_id', '=', filter.merchantId);
      if (filter.target) query = query.where('s.target', '=', filter.target);
      if (filter.sessionRef) query = query.where('s.session_ref', '=', filter.sessionRef);
      if (filter.q) {
        const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        query = query.where((eb) =>
          eb.or([eb('p.title', 'ilike', like), eb('m.company_name', 'ilike', like)]),
        );
      }
      return query.orderBy('s.id', 'desc').limit(filter.limit).execute();
    },
    async counts(orgId: string, merchantId?: string): Promise<Record<string, number>> {
      let query = db
        .selectFrom('submissions')
        .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
        .where('org_id', '=', orgId);
      if (merchantId) query = query.where('merchant_id', '=', merchantId);
      const rows = await query.groupBy('status').execute();
      return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    },
    async findById(orgId: string, id: string): Promise<SubmissionListRow | undefined> {
      return listQuery().where('s.org_id', '=', orgId).where('s.id', '=', id).executeTakeFirst();
    },
    /** Reads and locks the submission until the transaction ends, so two moves cannot race. */
    async lock(orgId: string, id: string): Promise<SubmissionRow | undefined> {
      return db
        .selectFrom('submissions')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
    },
    /** Open submissions of a product to the same place (not rejected or withdrawn). */
    async findOpenDuplicate(
      orgId: string,
      productId: string,
      target: SubmissionTarget,
      sessionRef: string | null,
    ): Promise<SubmissionRow | undefined> {
      let query = db
        .selectFrom('submissions')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('product_id', '=', productId)
        .where('target', '=', target)
        .where('status', 'not in', ['rejected', 'withdrawn']);
      query =
        sessionRef === null
          ? query.where('session_ref', 'is', null)
          : query.where('session_ref', '=', sessionRef);
      return query.executeTakeFirst();
    },
    async insert(row: {
      id: string;
      org_id: string;
      merchant_id: string;
      product_id: string;
      target: SubmissionTarget;
      session_ref: string | null;
      note: string | null;
      status_changed_at: Date;
    }): Promise<void> {
      await db.insertInto('submissions').values(row).execute();
    },
    async setStatus(
      orgId: string,
      id: string,
      status: SubmissionStatus,
      reason: string | null,
      at: Date,
    ): Promise<void> {
      await db
        .updateTable('submissions')
        .set({ status, status_reason: reason, status_changed_at: at, updated_at: at })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .execute();
    },
    async insertEvent(row: SubmissionEventRow): Promise<void> {
      await db.insertInto('submission_events').values(row).execute();
    },
    async events(orgId: string, submissionId: string): Promise<SubmissionEventRow[]> {
      return db
        .selectFrom('submission_events')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('submission_id', '=', submissionId)
        .orderBy('id')
        .execute();
    },
  };
}
export type SubmissionRepository = ReturnType<typeof createSubmissionRepository>;
