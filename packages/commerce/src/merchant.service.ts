import { isUniqueViolation } from '@livecloud/db';
import { AppError, newId, type Clock } from '@livecloud/core';
import type { CategoryService } from './category.service.js';
import type { MerchantStatus } from './commerce.tables.js';
import type { DepositService } from './deposit.service.js';
import type { MerchantRow, MerchantValues } from './merchant.repository.js';
import type {
  CreateMerchantLoginInput,
  MerchantApplicationInput,
  MerchantDetailDto,
  MerchantDto,
  MerchantListQuery,
  MerchantTransitionInput,
  UpdateMerchantInput,
} from './merchant.schema.js';
import type { AuditActor, AuditEvent, AuditRecorder, MerchantAccounts } from './ports.js';
import type { Repositories, UnitOfWork } from './repositories.js';
import { assertTransition, type TransitionTable } from './transition.js';

/** Where a merchant may go from each status. `applied` from `rejected` is the merchant re-applying. */
export const merchantTransitions: TransitionTable<MerchantStatus> = {
  applied: ['approved', 'rejected'],
  approved: ['suspended'],
  suspended: ['approved'],
  rejected: ['applied'],
};

/** Merchants: applications, review, suspension, portal logins. */
export function createMerchantService(deps: {
  uow: UnitOfWork;
  categories: CategoryService;
  deposits: DepositService;
  accounts: MerchantAccounts;
  audit: AuditRecorder;
  clock: Clock;
}) {
  const { repos } = deps.uow;

  async function requireMerchant(orgId: string, id: string): Promise<MerchantRow> {
    const row = await repos.merchants.findById(orgId, id);
    if (!row) throw AppError.notFound('merchant', id);
    return row;
  }

  async function checkCategories(orgId: string, ids: readonly string[]): Promise<void> {
    const { places } = await deps.categories.tree(orgId);
    const missing = ids.filter((id) => !places.has(id));
    if (missing.length > 0)
      throw AppError.invalid('category_not_found', 'Some categories do not exist', { missing });
  }

  async function get(orgId: string, id: string): Promise<MerchantDetailDto> {
    const row = await requireMerchant(orgId, id);
    const { places } = await deps.categories.tree(orgId);
    const deposit = await deps.deposits.summary(orgId, id);
    const required = Math.max(
      0,
      ...categoryIdsOf(row).map((c) => places.get(c)?.effectiveRequiredDepositFen ?? 0),
    );
    return { ...toMerchantDto(row, deposit.balanceFen), deposit, requiredDepositFen: required };
  }

  /** Inserts an application; a licence already on file in this organisation is refused. */
  async function insertApplication(orgId: string, input: MerchantApplicationInput): Promise<string> {
    await checkCategories(orgId, input.categoryIds);
    if (await repos.merchants.findByLicence(orgId, input.licenceNo)) {
      throw AppError.conflict(
        'merchant_exists',
        `A merchant with licence ${input.licenceNo} is already on file`,
      );
    }
    const now = new Date(deps.clock.now());
    const id = newId('mch', now.getTime());
    try {
      await repos.merchants.insert({
        id,
        org_id: orgId,
        ...valuesOf(input),
        status: 'applied',
        status_changed_at: now,
        applied_at: now,
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw AppError.conflict(
          'merchant_exists',
          `A merchant with licence ${input.licenceNo} is already on file`,
        );
      throw error;
    }
    return id;
  }

  return {
    get,
    insertApplication,
    requireMerchant,
    async list(orgId: string, query: MerchantListQuery): Promise<MerchantDto[]> {
      const rows = await repos.merchants.list(orgId, query);
      const deposits = await deps.deposits.summaries(
        orgId,
        rows.map((r) => r.id),
      );
      return rows.map((row) => toMerchantDto(row, deposits.get(row.id)?.balanceFen ?? 0));
    },

    /** An application entered by staff on the merchant's behalf. */
    async create(
      orgId: string,
      input: MerchantApplicationInput,
      actor: AuditActor,
    ): Promise<MerchantDetailDto> {
      const id = await insertApplication(orgId, input);
      await deps.audit.record(orgId, actor, {
        action: 'merchant.create',
        targetType: 'merchant',
        targetId: id,
        details: { companyName: input.companyName },
      });
      return get(orgId, id);
    },

    async update(
      orgId: string,
      id: string,
      input: UpdateMerchantInput,
      actor: AuditActor,
    ): Promise<MerchantDetailDto> {
      await requireMerchant(orgId, id);
      if (input.categoryIds) await checkCategories(orgId, input.categoryIds);
      if (input.licenceNo) {
        const holder = await repos.merchants.findByLicence(orgId, input.licenceNo);
        if (holder && holder.id !== id)
          throw AppError.conflict(
            'merchant_exists',
            `A merchant with licence ${input.licenceNo} is already on file`,
          );
      }
      await repos.merchants.update(orgId, id, {
        ...partialValuesOf(input),
        updated_at: new Date(deps.clock.now()),
      });
      await deps.audit.record(orgId, actor, {
        action: 'merchant.update',
        targetType: 'merchant',
        targetId: id,
        details: { fields: Object.keys(input) },
      });
      return get(orgId, id);
    },

    /** Approve, reject (with reason), suspend (with reason) or reinstate, as the table allows. */
    async transition(
      orgId: string,
      id: string,
      input: MerchantTransitionInput,
      actor: AuditActor,
    ): Promise<MerchantDetailDto> {
      const at = new Date(deps.clock.now());
      const from = await deps.uow.transaction((tx) => applyMerchantTransition(tx, orgId, id, input, at));
      await deps.audit.record(orgId, actor, merchantTransitionAudit(id, from, input));
      return get(orgId, id);
    },

    /** A rejected merchant corrects its application and applies again (portal). */
    async reapply(
      orgId: string,
      id: string,
      input: MerchantApplicationInput,
      actor: AuditActor,
    ): Promise<MerchantDetailDto> {
      await checkCategories(orgId, input.categoryIds);
      const holder = await repos.merchants.findByLicence(orgId, input.licenceNo);
      if (holder && holder.id !== id)
        throw AppError.conflict(
          'merchant_exists',
          `A merchant with licence ${input.licenceNo} is already on file`,
        );
      const at = new Date(deps.clock.now());
      await deps.uow.transaction(async (tx) => {
        const row = await tx.merchants.lock(orgId, id);
        if (!row) throw AppError.notFound('merchant', id);
        assertTransition('merchant', merchantTransitions, row.status, 'applied');
        await tx.merchants.update(orgId, id, { ...valuesOf(input), updated_at: at });
        await tx.merchants.setStatus(orgId, id, 'applied', null, at);
      });
      await deps.audit.record(orgId, actor, {
        action: 'merchant.reapply',
        targetType: 'merchant',
        targetId: id,
      });
      return get(orgId, id);
    },

    /** Gives a person a portal login for this merchant (role `merchant`). */
    async createLogin(orgId: string, merchantId: string, input: CreateMerchantLoginInput, actor: AuditActor) {
      const merchant = await requireMerchant(orgId, merchantId);
      if (merchant.status === 'rejected') {
        throw AppError.conflict('merchant_not_active', 'A rejected merchant gets no portal login', {
          status: merchant.status,
        });
      }
      const login = await deps.accounts.createLogin(orgId, input, actor);
      await repos.merchants.insertUser({
        org_id: orgId,
        user_id: login.userId,
        membership_id: login.membershipId,
        merchant_id: merchantId,
      });
      await deps.audit.record(orgId, actor, {
        action: 'merchant.login_create',
        targetType: 'merchant',
        targetId: merchantId,
        details: { email: input.email, userId: login.userId },
      });
      return { merchantId, userId: login.userId, membershipId: login.membershipId, email: input.email };
    },

    /** The merchant a portal user acts for; a merchant-role person linked to none gets 403. */
    async merchantIdOf(orgId: string, userId: string): Promise<string> {
      const id = await repos.merchants.merchantIdOfUser(orgId, userId);
      if (!id)
        throw AppError.forbidden(
          'no_merchant',
          'Your login is not linked to a merchant of this organisation',
        );
      return id;
    },
  };
}
export type MerchantService = ReturnType<typeof createMerchantService>;

/** Moves a merchant inside the caller's transaction (its row locked); returns where it was. */
export async function applyMerchantTransition(
  tx: Repositories,
  orgId: string,
  id: string,
  input: MerchantTransitionInput,
  at: Date,
): Promise<MerchantStatus> {
  const row = await tx.merchants.lock(orgId, id);
  if (!row) throw AppError.notFound('merchant', id);
  assertTransition('merchant', merchantTransitions, row.status, input.to);
  await tx.merchants.setStatus(orgId, id, input.to, input.reason ?? null, at);
  return row.status;
}

/** The audit entry of a status change: `merchant.approve`, `.reject`, `.suspend` or `.reinstate`. */
export function merchantTransitionAudit(
  id: string,
  from: MerchantStatus,
  input: MerchantTransitionInput,
  extra: Record<string, unknown> = {},
): AuditEvent {
  const verb =
    from === 'suspended' && input.to === 'approved'
      ? 'reinstate'
      : input.to === 'approved'
        ? 'approve'
        : input.to === 'rejected'
          ? 'reject'
          : 'suspend';
  return {
    action: `merchant.${verb}`,
    targetType: 'merchant',
    targetId: id,
    details: { from, to: input.to, reason: input.reason ?? null, ...extra },
  };
}

function valuesOf(input: MerchantApplicationInput): MerchantValues {
  return {
    company_name: input.companyName,
    licence_no: input.licenceNo,
    contact_name: input.contact.name,
    contact_phone: input.contact.phone,
    contact_email: input.contact.email ?? null,
    category_ids: JSON.stringify([...new Set(input.categoryIds)]),
  };
}

function partialValuesOf(input: UpdateMerchantInput): Partial<MerchantValues> {
  return {
    ...(input.companyName === undefined ? {} : { company_name: input.companyName }),
    ...(input.licenceNo === undefined ? {} : { licence_no: input.licenceNo }),
    ...(input.contact === undefined
      ? {}
      : {
          contact_name: input.contact.name,
          contact_phone: input.contact.phone,
          contact_email: input.contact.email ?? null,
        }),
    ...(input.categoryIds === undefined
      ? {}
      : { category_ids: JSON.stringify([...new Set(input.categoryIds)]) }),
  };
}

export function categoryIdsOf(row: { category_ids: unknown }): string[] {
  return Array.isArray(row.category_ids)
    ? row.category_ids.filter((v): v is string => typeof v === 'string')
    : [];
}

export function toMerchantDto(row: MerchantRow, depositBalanceFen: number): MerchantDto {
  return {
    id: row.id,
    companyName: row.company_name,
    licenceNo: row.licence_no,
    contact: { name: row.contact_name, phone: row.contact_phone, email: row.contact_email },
    categoryIds: categoryIdsOf(row),
    status: row.status,
    statusReason: row.status_reason,
    statusChangedAt: row.status_changed_at.toISOString(),
    appliedAt: row.applied_at.toISOString(),
    createdAt: row.created_at.toISOString(),
    allowedTransitions: merchantTransitions[row.status].filter((s) => s !== 'applied'),
    depositBalanceFen,
  };
}
