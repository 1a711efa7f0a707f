import { AppError, type Clock } from '@livecloud/core';
import { findCategoryByText, isCategoryDeclared, placeCategories } from './category-tree.js';
import { categoryIdsOf } from './merchant.service.js';
import type { AuditActor, AuditRecorder } from './ports.js';
import { insertProduct, requireActiveMerchant } from './product.service.js';
import type { UnitOfWork } from './repositories.js';
import { csvColumns, parseSubmissionCsv, type CsvRow, type CsvRowValues } from './submission-csv.js';
import type { ImportReportDto, ImportRowDto, PortalImportInput } from './submission-import.schema.js';
import { insertSubmission } from './submission.service.js';

type Reason = ImportRowDto['reasons'][number];

/**
 * Bulk submission from a CSV: every row is answered, taken or rejected with its reasons, and
 * one bad row never costs the good ones. Rows with the same name, brand and category are one
 * product with several SKUs (规格), submitted once.
 */
export function createSubmissionImportService(deps: { uow: UnitOfWork; audit: AuditRecorder; clock: Clock }) {
  const { repos } = deps.uow;

  return {
    async importCsv(
      orgId: string,
      merchantId: string,
      input: PortalImportInput,
      actor: AuditActor,
    ): Promise<ImportReportDto> {
      const declared = categoryIdsOf(await requireActiveMerchant(repos, orgId, merchantId));
      const parsed = parseSubmissionCsv(input.csv);
      const categories = await repos.categories.list(orgId);
      const places = placeCategories(categories);
      const answers = new Map<CsvRow, ImportRowDto>();
      const reject = (row: CsvRow, reasons: Reason[]) =>
        answers.set(row, {
          line: row.line,
          title: row.title,
          spec: row.values?.spec ?? null,
          status: 'rejected',
          productId: null,
          submissionId: null,
          reasons,
        });

      const groups = new Map<string, { categoryId: string; rows: { row: CsvRow; values: CsvRowValues }[] }>();
      for (const row of parsed.rows) {
        if (!row.values) {
          reject(
            row,
            row.issues.map((i) => ({
              column: i.column ? csvColumns[i.column][0] : null,
              code: i.code,
              message: i.message,
            })),
          );
          continue;
        }
        const values = row.values;
        const found = findCategoryByText(categories, places, values.category);
        if (found === 'unknown' || found === 'ambiguous') {
          reject(row, [
            {
              column: csvColumns.category[0],
              code: found === 'unknown' ? 'category_unknown' : 'category_ambiguous',
              message:
                found === 'unknown'
                  ? `No category "${values.category}"`
                  : `Several categories are named "${values.category}"; write the full path (美妆/护肤)`,
            },
          ]);
          continue;
        }
        if (!isCategoryDeclared(places, declared, found.id)) {
          reject(row, [
            {
              column: csvColumns.category[0],
              code: 'category_not_declared',
              message: `The merchant did not declare the category "${values.category}"`,
            },
          ]);
          continue;
        }
        const key = JSON.stringify([values.title, values.brand, found.id]);
        const group = groups.get(key) ?? { categoryId: found.id, rows: [] };
        if (group.rows.some((r) => r.values.spec === values.spec)) {
          reject(row, [
            {
              column: csvColumns.spec[0],
              code: 'duplicate_spec',
              message: `This product already has a row with spec "${values.spec}" above`,
            },
          ]);
          continue;
        }
        group.rows.push({ row, values });
        groups.set(key, group);
      }

      let products = 0;
      for (const group of groups.values()) {
        const first = group.rows[0];
        if (!first) continue;
        try {
          const ids = await deps.uow.transaction(async (tx) => {
            const now = deps.clock.now();
            const productId = await insertProduct(
              tx,
              orgId,
              merchantId,
              {
                categoryId: group.categoryId,
                title: first.values.title,
                brand: first.values.brand,
                claims: group.rows.map((r) => r.values.claims).find((c) => c !== null) ?? null,
                imageIds: [],
                skus: group.rows.map(({ values: v }) => ({
                  spec: v.spec,
                  listPriceFen: v.listPriceFen,
                  livePriceFen: v.livePriceFen,
                  costFen: v.costFen,
                  commissionBp: v.commissionBp,
                  stock: v.stock,
                })),
              },
              now,
            );
            const submissionId = await insertSubmission(
              tx,
              orgId,
              merchantId,
              { productId, target: input.target, sessionRef: input.sessionRef ?? null, note: null },
              actor,
              now,
            );
            return { productId, submissionId };
          });
          products += 1;
          for (const { row, values } of group.rows) {
            answers.set(row, {
              line: row.line,
              title: row.title,
              spec: values.spec,
              status: 'taken',
              ...ids,
              reasons: [],
            });
          }
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          for (const { row } of group.rows)
            reject(row, [{ column: null, code: error.code, message: error.message }]);
        }
      }

      const rows = parsed.rows
        .map((row) => answers.get(row))
        .filter((r): r is ImportRowDto => r !== undefined);
      const taken = rows.filter((r) => r.status === 'taken').length;
      await deps.audit.record(orgId, actor, {
        action: 'submission.import',
        targetType: 'merchant',
        targetId: merchantId,
        details: {
          total: rows.length,
          taken,
          rejected: rows.length - taken,
          products,
          target: input.target,
          sessionRef: input.sessionRef ?? null,
        },
      });
      return {
        total: rows.length,
        taken,
        rejected: rows.length - taken,
        products,
        ignoredColumns: parsed.ignoredColumns,
        rows,
      };
    },
  };
}
export type SubmissionImportService = ReturnType<typeof createSubmissionImportService>;
