import type { Selectable } from '@livecloud/db';
import type { AnchorTable, PlatformAccountTable, RoomTable, ScheduleDb } from './schedule.tables.js';

export type RoomRow = Selectable<RoomTable>;
export type AnchorRow = Selectable<AnchorTable>;
export type PlatformAccountRow = Selectable<PlatformAccountTable>;

/** Rooms, anchors and platform accounts of an organisation. */
export function createResourceRepository(db: ScheduleDb) {
  return {
    async listRooms(orgId: string, includeArchived: boolean): Promise<RoomRow[]> {
      let query = db.selectFrom('schedule_rooms').selectAll().where('org_id', '=', orgId);
      if (!includeArchived) query = query.where('archived_at', 'is', null);
      return query.orderBy('name').orderBy('id').execute();
    },
    async findRoom(orgId: string, id: string): Promise<RoomRow | undefined> {
      return db
        .selectFrom('schedule_rooms')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst();
    },
    async insertRoom(row: {
      id: string;
      org_id: string;
      name: string;
      location: string | null;
    }): Promise<RoomRow> {
      return db.insertInto('schedule_rooms').values(row).returningAll().executeTakeFirstOrThrow();
    },
    async updateRoom(
      orgId: string,
      id: string,
      patch: { name?: string; location?: string | null; archived_at?: Date | null },
    ): Promise<RoomRow | undefined> {
      return db
        .updateTable('schedule_rooms')
        .set(patch)
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
    },

    async listAnchors(orgId: string, includeArchived: boolean): Promise<AnchorRow[]> {
      let query = db.selectFrom('schedule_anchors').selectAll().where('org_id', '=', orgId);
      if (!includeArchived) query = query.where('archived_at', 'is', null);
      return query.orderBy('name').orderBy('id').execute();
    },
    async findAnchor(orgId: string, id: string): Promise<AnchorRow | undefined> {
      return db
        .selectFrom('schedule_anchors')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst();
    },
    async anchorsOfMember(orgId: string, membershipId: string): Promise<AnchorRow[]> {
      return db
        .selectFrom('schedule_anchors')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('membership_id', '=', membershipId)
        .execute();
    },
    async insertAnchor(row: {
      id: string;
      org_id: string;
      name: string;
      membership_id: string | null;
    }): Promise<AnchorRow> {
      return db.insertInto('schedule_anchors').values(row).returningAll().executeTakeFirstOrThrow();
    },
    async updateAnchor(
      orgId: string,
      id: string,
      patch: { name?: string; membership_id?: string | null; archived_at?: Date | null },
    ): Promise<AnchorRow | undefined> {
      return db
        .updateTable('schedule_anchors')
        .set(patch)
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
    },

    async listAccounts(orgId: string, includeArchived: boolean): Promise<PlatformAccountRow[]> {
      let query = db.selectFrom('platform_accounts').selectAll().where('org_id', '=', orgId);
      if (!includeArchived) query = query.where('archived_at', 'is', null);
      return query.orderBy('platform').orderBy('display_name').orderBy('id').execute();
    },
    async findAccount(orgId: string, id: string): Promise<PlatformAccountRow | undefined> {
      return db
        .selectFrom('platform_accounts')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst();
    },
    async insertAccount(row: {
      id: string;
      org_id: string;
      platform: PlatformAccountRow['platform'];
      handle: string;
      display_name: string;
    }): Promise<PlatformAccountRow> {
      return db.insertInto('platform_accounts').values(row).returningAll().executeTakeFirstOrThrow();
    },
    async updateAccount(
      orgId: string,
      id: string,
      patch: { handle?: string; display_name?: string; archived_at?: Date | null },
    ): Promise<PlatformAccountRow | undefined> {
      return db
        .updateTable('platform_accounts')
        .set(patch)
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
    },
  };
}
export type ResourceRepository = ReturnType<typeof createResourceRepository>;
