import type { Selectable } from '@livecloud/db';
import type { CommerceDb, QcInspectionTable, QcTemplateTable } from './commerce.tables.js';

export type QcTemplateRow = Selectable<QcTemplateTable>;
export type QcInspectionRow = Selectable<QcInspectionTable>;
export type QcInspectionListRow = QcInspectionRow & {
  product_title: string;
  merchant_name: string;
  merchant_id: string;
};

/** QC checklist templates and sample inspections. */
export function createQcRepository(db: CommerceDb) {
  const inspectionQuery = () =>
    db
      .selectFrom('qc_inspections as i')
      .innerJoin('submissions as s', (j) =>
        j.onRef('s.org_id', '=', 'i.org_id').onRef('s.id', '=', 'i.submission_id'),
      )
      .innerJoin('products as p', (j) =>
        j.onRef('p.org_id', '=', 's.org_id').onRef('p.id', '=', 's.product_id'),
      )
      .innerJoin('merchants as m', (j) =>
        j.onRef('m.org_id', '=', 's.org_id').onRef('m.id', '=', 's.merchant_id'),
      )
      .selectAll('i')
      .select([
        'p.title as product_title',
        'm.company_name as merchant_name',
        's.merchant_id as merchant_id',
      ]);

  return {
    async templates(orgId: string): Promise<QcTemplateRow[]> {
      return db.selectFrom('qc_templates').selectAll().where('org_id', '=', orgId).orderBy('id').execute();
    },
    async findTemplate(orgId: string, id: string): Promise<QcTemplateRow | undefined> {
      return db
        .selectFrom('qc_templates')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst();
    },
    async findTemplateOfCategory(orgId: string, categoryId: string): Promise<QcTemplateRow | undefined> {
      return db
        .selectFrom('qc_templates')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('category_id', '=', categoryId)
        .executeTakeFirst();
    },
    async insertTemplate(row: {
      id: string;
      org_id: string;
      category_id: string;
      name: string;
      items: string;
    }): Promise<void> {
      await db.insertInto('qc_templates').values(row).execute();
    },
    async updateTemplate(
      orgId: string,
      id: string,
      patch: { name?: string; items?: string; updated_at: Date },
    ): Promise<void> {
      await db
        .updateTable('qc_templates')
        .set(patch)
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .execute();
    },

    async insertInspection(row: Omit<QcInspectionRow, 'results'> & { results: string }): Promise<void> {
      await db.insertInto('qc_inspections').values(row).execute();
    },
    async inspectionsOf(orgId: string, submissionId: string): Promise<QcInspectionRow[]> {
      return db
        .selectFrom('qc_inspections')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('submission_id', '=', submissionId)
        .orderBy('id', 'desc')
        .execute();
    },
    async listInspections(
      orgId: string,
      filter: {
        submissionId?: string | undefined;
        merchantId?: string | undefined;
        passed?: boolean | undefined;
        limit: number;
      },
    ): Promise<QcInspectionListRow[]> {
      let query = inspectionQuery().where('i.org_id', '=', orgId);
      if (filter.submissionId) query = query.where('i.submission_id', '=', filter.submissionId);
      if (filter.merchantId) query = query.where('s.merchant_id', '=', filter.merchantId);
      if (filter.passed !== undefined) query = query.where('i.passed', '=', filter.passed);
      return query.orderBy('i.id', 'desc').limit(filter.limit).execute();
    },
  };
}
export type QcRepository = ReturnType<typeof createQcRepository>;
