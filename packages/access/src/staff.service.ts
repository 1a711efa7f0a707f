import { AppError, newId, type Clock } from '@livecloud/core';
import type { ApiKeyService } from './api-key.service.js';
import type { AuditActor, AuditService } from './audit.service.js';
import type { LoginSessionRepository } from './login-session.repository.js';
import { isRole, type Role } from './roles.js';
import { hashPassword } from './secrets.js';
import type { StaffRepository, StaffRow } from './staff.repository.js';
import type {
  OffboardStaffInput,
  OffboardedStaffDto,
  OnboardStaffInput,
  StaffDto,
  UpdateStaffInput,
} from './staff.schema.js';

/** On- and off-boarding of people in an organisation, and their roles. */
export function createStaffService(deps: {
  staff: StaffRepository;
  loginSessions: LoginSessionRepository;
  apiKeys: Pick<ApiKeyService, 'handOver'>;
  audit: AuditService;
  clock: Clock;
}) {
  const { staff } = deps;

  async function requireMember(orgId: string, id: string): Promise<StaffRow> {
    const row = await staff.findById(orgId, id);
    if (!row) throw AppError.notFound('staff', id);
    return row;
  }

  async function guardLastAdmin(orgId: string, row: StaffRow): Promise<void> {
    if (row.role === 'admin' && row.status === 'active' && (await staff.countActiveAdmins(orgId)) <= 1) {
      throw AppError.conflict('last_admin', 'An organisation must keep at least one active admin');
    }
  }

  return {
    async list(orgId: string): Promise<StaffDto[]> {
      return (await staff.list(orgId)).map(toStaffDto);
    },
    async get(orgId: string, id: string): Promise<StaffDto> {
      return toStaffDto(await requireMember(orgId, id));
    },

    /**
     * Adds a person to the organisation. A person who already has an account (in this or
     * another organisation) keeps their password; someone off-boarded earlier is re-activated.
     */
    async onboard(orgId: string, input: OnboardStaffInput, actor: AuditActor): Promise<StaffDto> {
      const now = deps.clock.now();
      let user = await staff.findUserByEmail(input.email);
      if (!user) {
        user = await staff.insertUser({
          id: newId('usr', now),
          email: input.email,
          name: input.name,
          password_hash: await hashPassword(input.password),
        });
      }
      const existing = await staff.findByUser(orgId, user.id);
      let id: string;
      if (existing?.status === 'active') {
        throw AppError.conflict('staff_exists', `${input.email} is already a member of this organisation`);
      } else if (existing) {
        await staff.reactivate(orgId, existing.id, input.role);
        id = existing.id;
      } else {
        id = newId('mem', now);
        await staff.insertMembership({ id, org_id: orgId, user_id: user.id, role: input.role });
      }
      await deps.audit.record(orgId, actor, {
        action: existing ? 'staff.reonboard' : 'staff.onboard',
        targetType: 'staff',
        targetId: id,
        details: { email: input.email, role: input.role },
      });
      return toStaffDto(await requireMember(orgId, id));
    },

    async update(orgId: string, id: string, input: UpdateStaffInput, actor: AuditActor): Promise<StaffDto> {
      const row = await requireMember(orgId, id);
      if (input.role !== undefined && input.role !== row.role) {
        if (row.status !== 'active')
          throw AppError.conflict('staff_offboarded', 'An off-boarded person has no role to change');
        if (row.role === 'admin') await guardLastAdmin(orgId, row);
        await staff.setRole(orgId, id, input.role);
      }
      if (input.name !== undefined && input.name !== row.name)
        await staff.renameUser(row.user_id, input.name);
      await deps.audit.record(orgId, actor, {
        action: 'staff.update',
        targetType: 'staff',
        targetId: id,
        details: { ...input, previousRole: row.role },
      });
      return toStaffDto(await requireMember(orgId, id));
    },

    /**
     * Off-boards a person: their membership ends, every session they have here ends with it,
     * their personal API keys are revoked and their service keys pass to `serviceKeysTo` (the
     * staff id of another active member; required when they own service keys).
     */
    async offboard(
      orgId: string,
      id: string,
      actor: AuditActor,
      input: OffboardStaffInput = {},
    ): Promise<OffboardedStaffDto> {
      const row = await requireMember(orgId, id);
      if (row.status === 'offboarded') return { ...toStaffDto(row), keys: { revoked: [], reassigned: [] } };
      if (actor.type === 'user' && actor.id === row.user_id) {
        throw AppError.conflict('cannot_offboard_self', 'You cannot off-board yourself');
      }
      await guardLastAdmin(orgId, row);
      let heir: string | undefined;
      if (input.serviceKeysTo !== undefined) {
        const to = await staff.findById(orgId, input.serviceKeysTo);
        if (!to || to.status !== 'active')
          throw AppError.invalid(
            'api_key_owner_not_member',
            `${input.serviceKeysTo} is not an active member here`,
            {
              path: 'serviceKeysTo',
            },
          );
        heir = to.user_id;
      }
      const keys = await deps.apiKeys.handOver(orgId, row.user_id, heir, actor);
      const at = new Date(deps.clock.now());
      await staff.offboard(orgId, id, at);
      await deps.loginSessions.revokeAllOf(orgId, row.user_id, at);
      await deps.audit.record(orgId, actor, {
        action: 'staff.offboard',
        targetType: 'staff',
        targetId: id,
        details: { revokedKeys: keys.revoked.length, reassignedKeys: keys.reassigned.length },
      });
      return { ...toStaffDto(await requireMember(orgId, id)), keys };
    },
  };
}
export type StaffService = ReturnType<typeof createStaffService>;

export function toStaffDto(row: StaffRow): StaffDto {
  return {
    id: row.id,
    userId: row.user_id,
    email: row.email,
    name: row.name,
    role: asRole(row.role),
    status: row.status,
    createdAt: row.created_at.toISOString(),
    offboardedAt: row.offboarded_at ? row.offboarded_at.toISOString() : null,
  };
}

export function asRole(value: string): Role {
  if (!isRole(value)) throw new Error(`unknown role in the records store: ${value}`);
  return value;
}
