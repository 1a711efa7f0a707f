import { createHash, randomBytes } from 'node:crypto';
import { AppError, newId, type Clock } from '@livecloud/core';
import type { CategoryService } from './category.service.js';
import type { MerchantInviteRow } from './merchant-invite.repository.js';
import type {
  CreatedMerchantInviteDto,
  CreateMerchantInviteInput,
  InviteCheckDto,
  MerchantApplyInput,
  MerchantInviteDto,
} from './merchant-invite.schema.js';
import type { MerchantDto } from './merchant.schema.js';
import { toMerchantDto, type MerchantService } from './merchant.service.js';
import type { AuditActor, AuditRecorder, MerchantAccounts } from './ports.js';
import type { UnitOfWork } from './repositories.js';

const dayMs = 86_400_000;
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * Self-service onboarding without an open sign-up form: staff invite a merchant's contact by
 * e-mail; the single-use, expiring link lets that person file the application and creates
 * their portal login with the invited e-mail. Nobody without an invite can create records in
 * an organisation, and an invite cannot be used to attach someone else's e-mail.
 */
export function createMerchantInviteService(deps: {
  uow: UnitOfWork;
  categories: CategoryService;
  merchants: MerchantService;
  accounts: MerchantAccounts;
  audit: AuditRecorder;
  clock: Clock;
}) {
  const { repos } = deps.uow;

  /** The open invite a token names, or the reason it cannot be used. */
  async function openInvite(token: string): Promise<MerchantInviteRow> {
    const row = await repos.invites.findByTokenHash(sha256(token));
    if (!row) throw AppError.notFound('invite');
    if (row.revoked_at)
      throw AppError.conflict('invite_revoked', 'This invitation was withdrawn; ask for a new one');
    if (row.used_at)
      throw AppError.conflict('invite_used', 'This invitation has already been used; sign in instead');
    if (row.expires_at.getTime() <= deps.clock.now())
      throw AppError.conflict('invite_expired', 'This invitation has expired; ask for a new one');
    return row;
  }

  return {
    async list(orgId: string): Promise<MerchantInviteDto[]> {
      const now = deps.clock.now();
      return (await repos.invites.list(orgId)).map((row) => toInviteDto(row, now));
    },

    async create(
      orgId: string,
      input: CreateMerchantInviteInput,
      actor: AuditActor,
    ): Promise<CreatedMerchantInviteDto> {
      const now = deps.clock.now();
      const token = `lcmi_${randomBytes(32).toString('base64url')}`;
      const row = await repos.invites.insert({
        id: newId('mci', now),
        org_id: orgId,
        email: input.email,
        company_name: input.companyName ?? null,
        token_hash: sha256(token),
        created_by_type: actor.type,
        created_by: actor.id,
        expires_at: new Date(now + input.validDays * dayMs),
      });
      await deps.audit.record(orgId, actor, {
        action: 'merchant_invite.create',
        targetType: 'merchant_invite',
        targetId: row.id,
        details: { email: input.email, companyName: input.companyName ?? null, validDays: input.validDays },
      });
      return { ...toInviteDto(row, now), token, applyPath: `/merchant-apply#${token}` };
    },

    async revoke(orgId: string, id: string, actor: AuditActor): Promise<MerchantInviteDto> {
      const row = await repos.invites.findById(orgId, id);
      if (!row) throw AppError.notFound('invite', id);
      if (!row.revoked_at && !row.used_at) {
        await repos.invites.revoke(orgId, id, new Date(deps.clock.now()));
        await deps.audit.record(orgId, actor, {
          action: 'merchant_invite.revoke',
          targetType: 'merchant_invite',
          targetId: id,
        });
      }
      const after = await repos.invites.findById(orgId, id);
      return toInviteDto(after ?? row, deps.clock.now());
    },

    /** What the apply page shows before the merchant fills it in. */
    async check(token: string): Promise<InviteCheckDto> {
      const row = await openInvite(token);
      const categories = await deps.categories.list(row.org_id);
      return {
        orgName: await deps.accounts.organisationName(row.org_id),
        email: row.email,
        companyName: row.company_name,
        expiresAt: row.expires_at.toISOString(),
        categories: categories.map((c) => ({ id: c.id, path: c.path })),
      };
    },

    /**
     * Files the application and creates the portal login. The invite is taken first (one
     * statement), and given back if anything after it fails, so a retry is possible.
     */
    async apply(input: MerchantApplyInput): Promise<{ merchant: MerchantDto; email: string }> {
      await openInvite(input.token);
      const invite = await repos.invites.consume(sha256(input.token), new Date(deps.clock.now()));
      if (!invite)
        throw AppError.conflict('invite_used', 'This invitation has already been used; sign in instead');
      const orgId = invite.org_id;
      let merchantId: string;
      try {
        merchantId = await deps.merchants.insertApplication(orgId, {
          companyName: input.companyName,
          licenceNo: input.licenceNo,
          contact: { ...input.contact, email: invite.email },
          categoryIds: input.categoryIds,
        });
      } catch (error) {
        await repos.invites.release(invite.id);
        throw error;
      }
      const system: AuditActor = { type: 'system', id: null };
      let login: { userId: string; membershipId: string };
      try {
        login = await deps.accounts.createLogin(
          orgId,
          { email: invite.email, name: input.account.name, password: input.account.password },
          system,
        );
      } catch (error) {
        await repos.merchants.deleteUnlinked(orgId, merchantId);
        await repos.invites.release(invite.id);
        throw error;
      }
      await deps.uow.transaction(async (tx) => {
        await tx.merchants.insertUser({
          org_id: orgId,
          user_id: login.userId,
          membership_id: login.membershipId,
          merchant_id: merchantId,
        });
        await tx.invites.linkMerchant(orgId, invite.id, merchantId);
      });
      await deps.audit.record(
        orgId,
        { type: 'user', id: login.userId },
        {
          action: 'merchant.apply',
          targetType: 'merchant',
          targetId: merchantId,
          details: { inviteId: invite.id, companyName: input.companyName, email: invite.email },
        },
      );
      const row = await deps.merchants.requireMerchant(orgId, merchantId);
      return { merchant: toMerchantDto(row, 0), email: invite.email };
    },
  };
}
export type MerchantInviteService = ReturnType<typeof createMerchantInviteService>;

function toInviteDto(row: MerchantInviteRow, now: number): MerchantInviteDto {
  const status = row.revoked_at
    ? 'revoked'
    : row.used_at
      ? 'used'
      : row.expires_at.getTime() <= now
        ? 'expired'
        : 'open';
  return {
    id: row.id,
    email: row.email,
    companyName: row.company_name,
    status,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    usedAt: row.used_at ? row.used_at.toISOString() : null,
    revokedAt: row.revoked_at ? row.revoked_at.toISOString() : null,
    merchantId: row.merchant_id,
  };
}
