import { isUniqueViolation } from '@livecloud/db';
import type { AuditActor } from '@livecloud/access';
import { AppError, newId, type Clock } from '@livecloud/core';
import type { AuditRecorder, StaffDirectory } from './ports.js';
import type { AnchorRow, PlatformAccountRow, ResourceRepository, RoomRow } from './resource.repository.js';
import type {
  AnchorDto,
  CreateAnchorInput,
  CreatePlatformAccountInput,
  CreateRoomInput,
  PlatformAccountDto,
  RoomDto,
  UpdateAnchorInput,
  UpdatePlatformAccountInput,
  UpdateRoomInput,
} from './resource.schema.js';

/** Rooms, anchors and the account matrix: what sessions book. Archived ones stay for history. */
export function createResourceService(deps: {
  resources: ResourceRepository;
  staff: StaffDirectory;
  audit: AuditRecorder;
  clock: Clock;
}) {
  const { resources } = deps;

  async function unique<T>(write: () => Promise<T>, code: string, message: string): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error)) throw AppError.conflict(code, message);
      throw error;
    }
  }

  /** An anchor may sign in only through an active membership whose role is anchor. */
  async function checkMember(
    orgId: string,
    membershipId: string | null | undefined,
    anchorId?: string,
  ): Promise<void> {
    if (!membershipId) return;
    const member = await deps.staff.member(orgId, membershipId);
    if (!member) throw AppError.notFound('staff', membershipId);
    if (member.role !== 'anchor' || member.status !== 'active') {
      throw AppError.conflict(
        'member_not_anchor',
        `${member.name} is not an active member with the anchor role`,
        {
          membershipId,
          role: member.role,
          status: member.status,
        },
      );
    }
    const linked = (await resources.anchorsOfMember(orgId, membershipId)).filter((a) => a.id !== anchorId);
    if (linked.length > 0) {
      throw AppError.conflict(
        'member_already_linked',
        `${member.name} is already linked to anchor ${linked[0]!.name}`,
        {
          anchorId: linked[0]!.id,
        },
      );
    }
  }

  const archivedAt = (archived: boolean | undefined) =>
    archived === undefined ? {} : { archived_at: archived ? new Date(deps.clock.now()) : null };

  return {
    async listRooms(orgId: string, includeArchived = false): Promise<RoomDto[]> {
      return (await resources.listRooms(orgId, includeArchived)).map(toRoomDto);
    },
    async createRoom(orgId: string, input: CreateRoomInput, actor: AuditActor): Promise<RoomDto> {
      const row = await unique(
        () =>
          resources.insertRoom({
            id: newId('room', deps.clock.now()),
            org_id: orgId,
            name: input.name,
            location: input.location ?? null,
          }),
        'room_name_taken',
        `A room named ${input.name} already exists`,
      );
      await deps.audit.record(orgId, actor, {
        action: 'room.create',
        targetType: 'room',
        targetId: row.id,
        details: { name: row.name },
      });
      return toRoomDto(row);
    },
    async updateRoom(orgId: string, id: string, input: UpdateRoomInput, actor: AuditActor): Promise<RoomDto> {
      const row = await unique(
        () =>
          resources.updateRoom(orgId, id, {
            name: input.name,
            location: input.location,
            ...archivedAt(input.archived),
          }),
        'room_name_taken',
        `A room named ${input.name ?? ''} already exists`,
      );
      if (!row) throw AppError.notFound('room', id);
      await deps.audit.record(orgId, actor, {
        action: 'room.update',
        targetType: 'room',
        targetId: id,
        details: { ...input },
      });
      return toRoomDto(row);
    },

    async listAnchors(orgId: string, includeArchived = false): Promise<AnchorDto[]> {
      return (await resources.listAnchors(orgId, includeArchived)).map(toAnchorDto);
    },
    async createAnchor(orgId: string, input: CreateAnchorInput, actor: AuditActor): Promise<AnchorDto> {
      await checkMember(orgId, input.membershipId);
      const row = await unique(
        () =>
          resources.insertAnchor({
            id: newId('anc', deps.clock.now()),
            org_id: orgId,
            name: input.name,
            membership_id: input.membershipId ?? null,
          }),
        'member_already_linked',
        'That member is already linked to another anchor',
      );
      await deps.audit.record(orgId, actor, {
        action: 'anchor.create',
        targetType: 'anchor',
        targetId: row.id,
        details: { ...input },
      });
      return toAnchorDto(row);
    },
    async updateAnchor(
      orgId: string,
      id: string,
      input: UpdateAnchorInput,
      actor: AuditActor,
    ): Promise<AnchorDto> {
      if (!(await resources.findAnchor(orgId, id))) throw AppError.notFound('anchor', id);
      await checkMember(orgId, input.membershipId, id);
      const row = await unique(
        () =>
          resources.updateAnchor(orgId, id, {
            name: input.name,
            membership_id: input.membershipId,
            ...archivedAt(input.archived),
          }),
        'member_already_linked',
        'That member is already linked to another anchor',
      );
      if (!row) throw AppError.notFound('anchor', id);
      await deps.audit.record(orgId, actor, {
        action: 'anchor.update',
        targetType: 'anchor',
        targetId: id,
        details: { ...input },
      });
      return toAnchorDto(row);
    },

    async listAccounts(orgId: string, includeArchived = false): Promise<PlatformAccountDto[]> {
      return (await resources.listAccounts(orgId, includeArchived)).map(toPlatformAccountDto);
    },
    async createAccount(
      orgId: string,
      input: CreatePlatformAccountInput,
      actor: AuditActor,
    ): Promise<PlatformAccountDto> {
      const row = await unique(
        () =>
          resources.insertAccount({
            id: newId('acct', deps.clock.now()),
            org_id: orgId,
            platform: input.platform,
            handle: input.handle,
            display_name: input.displayName,
          }),
        'account_exists',
        `The ${input.platform} account ${input.handle} is already in the matrix`,
      );
      await deps.audit.record(orgId, actor, {
        action: 'account.create',
        targetType: 'platform_account',
        targetId: row.id,
        details: { ...input },
      });
      return toPlatformAccountDto(row);
    },
    async updateAccount(
      orgId: string,
      id: string,
      input: UpdatePlatformAccountInput,
      actor: AuditActor,
    ): Promise<PlatformAccountDto> {
      const row = await unique(
        () =>
          resources.updateAccount(orgId, id, {
            handle: input.handle,
            display_name: input.displayName,
            ...archivedAt(input.archived),
          }),
        'account_exists',
        `That handle is already in the matrix`,
      );
      if (!row) throw AppError.notFound('platform_account', id);
      await deps.audit.record(orgId, actor, {
        action: 'account.update',
        targetType: 'platform_account',
        targetId: id,
        details: { ...input },
      });
      return toPlatformAccountDto(row);
    },
  };
}
export type ResourceService = ReturnType<typeof createResourceService>;

export function toRoomDto(row: RoomRow): RoomDto {
  return {
    id: row.id,
    name: row.name,
    location: row.location,
    archived: row.archived_at !== null,
    createdAt: row.created_at.toISOString(),
  };
}

export function toAnchorDto(row: AnchorRow): AnchorDto {
  return {
    id: row.id,
    name: row.name,
    membershipId: row.membership_id,
    archived: row.archived_at !== null,
    createdAt: row.created_at.toISOString(),
  };
}

export function toPlatformAccountDto(row: PlatformAccountRow): PlatformAccountDto {
  return {
    id: row.id,
    platform: row.platform,
    handle: row.handle,
    displayName: row.display_name,
    archived: row.archived_at !== null,
    createdAt: row.created_at.toISOString(),
  };
}
