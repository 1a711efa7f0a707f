import { AppError, newId, type Clock } from '@livecloud/core';
import { isCategoryDeclared, placeCategories } from './category-tree.js';
import type { SubmissionStatus } from './commerce.tables.js';
import { summarise } from './deposit.rules.js';
import { categoryIdsOf } from './merchant.service.js';
import type { AuditActor, AuditRecorder } from './ports.js';
import { requireActiveMerchant, type ProductService } from './product.service.js';
import { toInspectionDto } from './qc.service.js';
import type { Repositories, UnitOfWork } from './repositories.js';
import { actionsFrom, moveSubmission } from './submission-flow.js';
import type { SubmissionEventRow, SubmissionListRow } from './submission.repository.js';
import {
  actionTargets,
  type ActionTarget,
  type CreateSubmissionInput,
  type SubmissionDetailDto,
  type SubmissionDto,
  type SubmissionEventDto,
  type SubmissionListQuery,
  type TransitionInput,
} from './submission.schema.js';
import { toReceiptDto } from './warehouse.service.js';

/** Who is looking: staff see every action; a merchant in the portal may only withdraw its own. */
export type Audience = { kind: 'staff' } | { kind: 'merchant'; merchantId: string };
const staff: Audience = { kind: 'staff' };

/**
 * The deposit a product's category requires of its merchant, against what the merchant can
 * still answer for: frozen money is held for a dispute already, so it covers nothing new.
 */
export async function depositCheck(
  repos: Repositories,
  orgId: string,
  merchantId: string,
  categoryId: string,
) {
  const places = placeCategories(await repos.categories.list(orgId));
  const requiredFen = places.get(categoryId)?.effectiveRequiredDepositFen ?? 0;
  const { balanceFen, availableFen } = summarise(await repos.deposits.sumsOf(orgId, merchantId));
  return { requiredFen, balanceFen, availableFen, sufficient: availableFen >= requiredFen };
}

/** Refuses a product filed under a category the merchant did not declare (nor a parent of it). */
export async function requireDeclaredCategory(
  repos: Repositories,
  orgId: string,
  merchantId: string,
  categoryId: string,
): Promise<void> {
  const merchant = await repos.merchants.findById(orgId, merchantId);
  if (!merchant) throw AppError.notFound('merchant', merchantId);
  const declared = categoryIdsOf(merchant);
  const places = placeCategories(await repos.categories.list(orgId));
  if (!isCategoryDeclared(places, declared, categoryId)) {
    throw AppError.conflict('category_not_declared', 'The merchant did not declare this product’s category', {
      categoryId,
      category: places.get(categoryId)?.path ?? null,
    });
  }
}

/**
 * Writes a submission and its first history entry (inside the caller's transaction), once the
 * product's category is among the merchant's declared ones.
 */
export async function insertSubmission(
  repos: Repositories,
  orgId: string,
  merchantId: string,
  input: CreateSubmissionInput,
  actor: AuditActor,
  now: number,
): Promise<string> {
  const product = await repos.products.findById(orgId, input.productId);
  if (!product || product.merchant_id !== merchantId) throw AppError.notFound('product', input.productId);
  await requireDeclaredCategory(repos, orgId, merchantId, product.category_id);
  const sessionRef = input.target === 'session' ? (input.sessionRef ?? null) : null;
  if (await repos.submissions.findOpenDuplicate(orgId, input.productId, input.target, sessionRef)) {
    throw AppError.conflict('submission_exists', 'This product is already submitted there and still open');
  }
  const id = newId('sub', now);
  const at = new Date(now);
  await repos.submissions.insert({
    id,
    org_id: orgId,
    merchant_id: merchantId,
    product_id: input.productId,
    target: input.target,
    session_ref: sessionRef,
    note: input.note ?? null,
    status_changed_at: at,
  });
  await repos.submissions.insertEvent({
    id: newId('sbe', now),
    org_id: orgId,
    submission_id: id,
    from_status: null,
    to_status: 'submitted',
    reason: null,
    actor_type: actor.type,
    actor_id: actor.id,
    at,
  });
  return id;
}

/** Submissions (报品): a merchant offers a product to the pool or a session; staff move it along. */
export function createSubmissionService(deps: {
  uow: UnitOfWork;
  products: ProductService;
  audit: AuditRecorder;
  clock: Clock;
}) {
  const { repos } = deps.uow;

  async function requireSubmission(
    orgId: string,
    id: string,
    audience: Audience,
  ): Promise<SubmissionListRow> {
    const row = await repos.submissions.findById(orgId, id);
    if (!row || (audience.kind === 'merchant' && row.merchant_id !== audience.merchantId))
      throw AppError.notFound('submission', id);
    return row;
  }

  async function get(orgId: string, id: string, audience: Audience = staff): Promise<SubmissionDetailDto> {
    const row = await requireSubmission(orgId, id, audience);
    const [product, events, inspections, receipts, deposit] = await Promise.all([
      deps.products.get(orgId, row.product_id),
      repos.submissions.events(orgId, id),
      repos.qc.inspectionsOf(orgId, id),
      repos.warehouse.receipts(orgId, { submissionId: id, limit: 500 }),
      depositCheck(repos, orgId, row.merchant_id, row.category_id),
    ]);
    return {
      ...toSubmissionDto(row, audience),
      product,
      history: events.map(toEventDto),
      inspections: inspections.map(toInspectionDto),
      receipts: receipts.map(toReceiptDto),
      deposit,
    };
  }

  async function move(
    orgId: string,
    id: string,
    to: SubmissionStatus,
    reason: string | null,
    actor: AuditActor,
    audience: Audience,
  ): Promise<SubmissionDetailDto> {
    const at = new Date(deps.clock.now());
    const from = await deps.uow.transaction(async (tx) => {
      const row = await tx.submissions.lock(orgId, id);
      if (!row || (audience.kind === 'merchant' && row.merchant_id !== audience.merchantId))
        throw AppError.notFound('submission', id);
      if (to === 'approved' && row.status === 'qc_passed') {
        const product = await tx.products.findById(orgId, row.product_id);
        await requireActiveMerchant(tx, orgId, row.merchant_id);
        const deposit = await depositCheck(tx, orgId, row.merchant_id, product?.category_id ?? '');
        if (!deposit.sufficient) {
          throw AppError.conflict(
            'deposit_insufficient',
            'The merchant’s available deposit is less than this product’s category requires',
            {
              merchantId: row.merchant_id,
              categoryId: product?.category_id ?? null,
              requiredFen: deposit.requiredFen,
              balanceFen: deposit.balanceFen,
              availableFen: deposit.availableFen,
              shortfallFen: deposit.requiredFen - deposit.availableFen,
            },
          );
        }
      }
      await moveSubmission(tx, row, to, 'action', { reason, actor, at });
      return row.status;
    });
    await deps.audit.record(orgId, actor, {
      action: 'submission.transition',
      targetType: 'submission',
      targetId: id,
      details: { from, to, reason },
    });
    return get(orgId, id, audience);
  }

  return {
    get,
    requireSubmission,
    async list(
      orgId: string,
      query: SubmissionListQuery,
      audience: Audience = staff,
    ): Promise<{ items: SubmissionDto[]; counts: Record<string, number> }> {
      const merchantId = audience.kind === 'merchant' ? audience.merchantId : query.merchantId;
      const [rows, counts] = await Promise.all([
        repos.submissions.list(orgId, { ...query, merchantId }),
        repos.submissions.counts(orgId, merchantId),
      ]);
      return { items: rows.map((row) => toSubmissionDto(row, audience)), counts };
    },

    /** Submits a product of the merchant's; staff may do it on the merchant's behalf. */
    async create(
      orgId: string,
      merchantId: string,
      input: CreateSubmissionInput,
      actor: AuditActor,
      audience: Audience = staff,
    ): Promise<SubmissionDetailDto> {
      await requireActiveMerchant(repos, orgId, merchantId);
      const product = await deps.products.requireProduct(orgId, input.productId);
      if (product.merchant_id !== merchantId) throw AppError.notFound('product', input.productId);
      const id = await deps.uow.transaction((tx) =>
        insertSubmission(tx, orgId, merchantId, input, actor, deps.clock.now()),
      );
      await deps.audit.record(orgId, actor, {
        action: 'submission.create',
        targetType: 'submission',
        targetId: id,
        details: {
          merchantId,
          productId: input.productId,
          target: input.target,
          sessionRef: input.sessionRef ?? null,
        },
      });
      return get(orgId, id, audience);
    },

    /** Staff move a submission along; approval also needs an active merchant with enough available deposit. */
    async transition(
      orgId: string,
      id: string,
      input: TransitionInput,
      actor: AuditActor,
    ): Promise<SubmissionDetailDto> {
      return move(orgId, id, input.to, input.reason ?? null, actor, staff);
    },

    /** The merchant takes its own submission back (portal). */
    async withdraw(
      orgId: string,
      id: string,
      merchantId: string,
      reason: string | null,
      actor: AuditActor,
    ): Promise<SubmissionDetailDto> {
      return move(orgId, id, 'withdrawn', reason, actor, { kind: 'merchant', merchantId });
    },
  };
}
export type SubmissionService = ReturnType<typeof createSubmissionService>;

function allowedFor(status: SubmissionStatus, audience: Audience): ActionTarget[] {
  const next = actionsFrom(status);
  const targets = actionTargets.filter((t) => next.includes(t));
  return audience.kind === 'merchant' ? targets.filter((t) => t === 'withdrawn') : targets;
}

export function toSubmissionDto(row: SubmissionListRow, audience: Audience): SubmissionDto {
  return {
    id: row.id,
    merchantId: row.merchant_id,
    merchantName: row.merchant_name,
    productId: row.product_id,
    productTitle: row.product_title,
    categoryId: row.category_id,
    target: row.target,
    sessionRef: row.session_ref,
    status: row.status,
    statusReason: row.status_reason,
    note: row.note,
    statusChangedAt: row.status_changed_at.toISOString(),
    createdAt: row.created_at.toISOString(),
    allowedTransitions: allowedFor(row.status, audience),
  };
}

function toEventDto(row: SubmissionEventRow): SubmissionEventDto {
  return {
    id: row.id,
    from: row.from_status,
    to: row.to_status,
    reason: row.reason,
    actor: { type: row.actor_type, id: row.actor_id },
    at: row.at.toISOString(),
  };
}
