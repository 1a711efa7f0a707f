import { AppError, newId, type Clock } from '@livecloud/core';
import type { CategoryService } from './category.service.js';
import { actorColumns, type AuditActor, type AuditRecorder } from './ports.js';
import type { QcInspectionListRow, QcInspectionRow, QcTemplateRow } from './qc.repository.js';
import type {
  CreateInspectionInput,
  CreateQcTemplateInput,
  InspectionDto,
  InspectionListItemDto,
  InspectionListQuery,
  InspectionResultDto,
  QcItemDto,
  QcTemplateDto,
  UpdateQcTemplateInput,
} from './qc.schema.js';
import type { UnitOfWork } from './repositories.js';
import { checkSubmissionTransition, moveSubmission } from './submission-flow.js';
import { checkUploadsFor } from './upload.service.js';

/** Quality control: checklist templates per category and inspections of samples. */
export function createQcService(deps: {
  uow: UnitOfWork;
  categories: CategoryService;
  audit: AuditRecorder;
  clock: Clock;
}) {
  const { repos } = deps.uow;

  async function templateDtos(orgId: string, rows: QcTemplateRow[]): Promise<QcTemplateDto[]> {
    const { places } = await deps.categories.tree(orgId);
    return rows.map((row) => toTemplateDto(row, places.get(row.category_id)?.path ?? ''));
  }

  async function getTemplate(orgId: string, id: string): Promise<QcTemplateDto> {
    const row = await repos.qc.findTemplate(orgId, id);
    if (!row) throw AppError.notFound('qc_template', id);
    const [dto] = await templateDtos(orgId, [row]);
    if (!dto) throw AppError.notFound('qc_template', id);
    return dto;
  }

  /** The template for a category: its own, or the nearest one above it. */
  async function templateFor(orgId: string, categoryId: string): Promise<QcTemplateRow> {
    const { places } = await deps.categories.tree(orgId);
    const lineage = places.get(categoryId)?.lineage ?? [categoryId];
    for (const id of [...lineage].reverse()) {
      const row = await repos.qc.findTemplateOfCategory(orgId, id);
      if (row) return row;
    }
    throw AppError.conflict(
      'qc_template_missing',
      'There is no QC checklist for this product’s category yet',
      { categoryId },
    );
  }

  return {
    getTemplate,
    async templates(orgId: string): Promise<QcTemplateDto[]> {
      return templateDtos(orgId, await repos.qc.templates(orgId));
    },
    /** The checklist an inspection of this submission will use. */
    async templateForSubmission(
      orgId: string,
      submissionId: string,
      merchantId?: string,
    ): Promise<QcTemplateDto> {
      const submission = await repos.submissions.findById(orgId, submissionId);
      if (!submission || (merchantId !== undefined && submission.merchant_id !== merchantId))
        throw AppError.notFound('submission', submissionId);
      const [dto] = await templateDtos(orgId, [await templateFor(orgId, submission.category_id)]);
      if (!dto) throw AppError.notFound('qc_template');
      return dto;
    },

    async createTemplate(
      orgId: string,
      input: CreateQcTemplateInput,
      actor: AuditActor,
    ): Promise<QcTemplateDto> {
      await deps.categories.get(orgId, input.categoryId).catch(() => {
        throw AppError.invalid('category_not_found', `There is no category ${input.categoryId}`, {
          missing: [input.categoryId],
        });
      });
      if (await repos.qc.findTemplateOfCategory(orgId, input.categoryId)) {
        throw AppError.conflict(
          'qc_template_exists',
          'This category already has a QC checklist; edit it instead',
        );
      }
      const id = newId('qct', deps.clock.now());
      await repos.qc.insertTemplate({
        id,
        org_id: orgId,
        category_id: input.categoryId,
        name: input.name,
        items: JSON.stringify(keyed(input.items)),
      });
      await deps.audit.record(orgId, actor, {
        action: 'qc_template.create',
        targetType: 'qc_template',
        targetId: id,
        details: { categoryId: input.categoryId, items: input.items.length },
      });
      return getTemplate(orgId, id);
    },

    async updateTemplate(
      orgId: string,
      id: string,
      input: UpdateQcTemplateInput,
      actor: AuditActor,
    ): Promise<QcTemplateDto> {
      if (!(await repos.qc.findTemplate(orgId, id))) throw AppError.notFound('qc_template', id);
      await repos.qc.updateTemplate(orgId, id, {
        ...(input.name === undefined ? {} : { name: input.name }),
        ...(input.items === undefined ? {} : { items: JSON.stringify(keyed(input.items)) }),
        updated_at: new Date(deps.clock.now()),
      });
      await deps.audit.record(orgId, actor, {
        action: 'qc_template.update',
        targetType: 'qc_template',
        targetId: id,
        details: { fields: Object.keys(input) },
      });
      return getTemplate(orgId, id);
    },

    async inspections(
      orgId: string,
      query: InspectionListQuery,
      merchantId?: string,
    ): Promise<InspectionListItemDto[]> {
      const rows = await repos.qc.listInspections(orgId, {
        submissionId: query.submissionId,
        merchantId,
        passed: query.passed === undefined ? undefined : query.passed === 'true',
        limit: query.limit,
      });
      return rows.map(toInspectionListItemDto);
    },

    /**
     * Records an inspection of a received sample against its category's checklist. Every item
     * needs a result and a failed one a reason; the submission moves to qc_passed when every
     * required item passed, otherwise to qc_failed (which blocks approval).
     */
    async inspect(
      orgId: string,
      submissionId: string,
      input: CreateInspectionInput,
      actor: AuditActor,
    ): Promise<InspectionDto> {
      const submission = await repos.submissions.findById(orgId, submissionId);
      if (!submission) throw AppError.notFound('submission', submissionId);
      checkSubmissionTransition(submission.status, 'qc_passed', 'inspection');
      const template = await templateFor(orgId, submission.category_id);
      const items = itemsOf(template);
      const byKey = new Map(input.results.map((r) => [r.key, r]));
      const unknown = input.results.filter((r) => !items.some((i) => i.key === r.key)).map((r) => r.key);
      const missing = items.filter((i) => !byKey.has(i.key)).map((i) => i.key);
      if (unknown.length > 0 || missing.length > 0 || byKey.size !== input.results.length) {
        throw AppError.invalid('qc_results_mismatch', 'Give exactly one result for each checklist item', {
          missing,
          unknown,
        });
      }
      const results: InspectionResultDto[] = items.map((item) => {
        const result = byKey.get(item.key);
        return {
          ...item,
          passed: result?.passed ?? false,
          reason: result?.reason ?? null,
          photoIds: result?.photoIds ?? [],
        };
      });
      const unexplained = results.filter((r) => !r.passed && !r.reason).map((r) => r.key);
      if (unexplained.length > 0)
        throw AppError.invalid('qc_reason_required', 'A failed item needs a reason', { items: unexplained });
      const photoIds = results.flatMap((r) => r.photoIds);
      await checkUploadsFor(repos.uploads, orgId, photoIds, submission.merchant_id);
      const passed = results.every((r) => r.passed || !r.required);
      const now = deps.clock.now();
      const id = newId('qci', now);
      await deps.uow.transaction(async (tx) => {
        const row = await tx.submissions.lock(orgId, submissionId);
        if (!row) throw AppError.notFound('submission', submissionId);
        await tx.qc.insertInspection({
          id,
          org_id: orgId,
          submission_id: submissionId,
          template_id: template.id,
          results: JSON.stringify(results),
          passed,
          summary: input.summary ?? null,
          ...actorColumns(actor),
          at: new Date(now),
        });
        await tx.uploads.assignMerchant(orgId, photoIds, submission.merchant_id);
        const failedReasons = results
          .filter((r) => !r.passed && r.required)
          .map((r) => `${r.label}: ${r.reason ?? ''}`);
        await moveSubmission(tx, row, passed ? 'qc_passed' : 'qc_failed', 'inspection', {
          reason: passed ? (input.summary ?? null) : failedReasons.join('; ').slice(0, 500),
          actor,
          at: new Date(now),
        });
      });
      await deps.audit.record(orgId, actor, {
        action: 'qc_inspection.create',
        targetType: 'submission',
        targetId: submissionId,
        details: { inspectionId: id, passed, failed: results.filter((r) => !r.passed).map((r) => r.label) },
      });
      const [row] = await repos.qc.listInspections(orgId, { submissionId, limit: 1 });
      if (!row) throw new Error('the inspection just written is missing');
      return toInspectionDto(row);
    },
  };
}
export type QcService = ReturnType<typeof createQcService>;

function keyed(items: { label: string; required: boolean }[]): QcItemDto[] {
  return items.map((item, index) => ({
    key: `item-${index + 1}`,
    label: item.label,
    required: item.required,
  }));
}

function itemsOf(row: QcTemplateRow): QcItemDto[] {
  return Array.isArray(row.items) ? (row.items as QcItemDto[]) : [];
}

function toTemplateDto(row: QcTemplateRow, categoryPath: string): QcTemplateDto {
  return {
    id: row.id,
    categoryId: row.category_id,
    categoryPath,
    name: row.name,
    items: itemsOf(row),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function toInspectionDto(row: QcInspectionRow): InspectionDto {
  return {
    id: row.id,
    submissionId: row.submission_id,
    templateId: row.template_id,
    passed: row.passed,
    summary: row.summary,
    results: Array.isArray(row.results) ? (row.results as InspectionResultDto[]) : [],
    actor: { type: row.actor_type, id: row.actor_id },
    at: row.at.toISOString(),
  };
}

function toInspectionListItemDto(row: QcInspectionListRow): InspectionListItemDto {
  return { ...toInspectionDto(row), productTitle: row.product_title, merchantName: row.merchant_name };
}
