import type { Database, Kysely, MembershipTable, Selectable, UserTable } from '@livecloud/db';

export type UserRow = Selectable<UserTable>;
export type StaffRow = Selectable<MembershipTable> & { email: string; name: string };

/** People (users, global) and their memberships (per organisation). */
export function createStaffRepository(db: Kysely<Database>) {
  const staffQuery = () =>
    db
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select([
        'm.id',
        'm.org_id',
        'm.user_id',
        'm.role',
        'm.status',
        'm.created_at',
        'm.offboarded_at',
        'u.email',
        'u.name',
      ]);

  return {
    async findUserByEmail(email: string): Promise<UserRow | undefined> {
      return db
        .selectFrom('users')
        .selectAll()
        .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
        .executeTakeFirst();
    },
    async findUserById(id: string): Promise<UserRow | undefined> {
      return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async insertUser(row: {
      id: string;
      email: string;
      name: string;
      password_hash: string;
    }): Promise<UserRow> {
      return db.insertInto('users').values(row).returningAll().executeTakeFirstOrThrow();
    },
    async renameUser(id: string, name: string): Promise<void> {
      await db.updateTable('users').set({ name }).where('id', '=', id).execute();
    },
    async setPassword(id: string, passwordHash: string): Promise<void> {
      await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).execute();
    },

    async list(orgId: string): Promise<StaffRow[]> {
      return staffQuery().where('m.org_id', '=', orgId).orderBy('m.created_at').orderBy('m.id').execute();
    },
    async findById(orgId: string, id: string): Promise<StaffRow | undefined> {
      return staffQuery().where('m.org_id', '=', orgId).where('m.id', '=', id).executeTakeFirst();
    },
    async findByUser(orgId: string, userId: string): Promise<StaffRow | undefined> {
      return staffQuery().where('m.org_id', '=', orgId).where('m.user_id', '=', userId).executeTakeFirst();
    },
    /** Active memberships of a person across organisations, oldest first. */
    async activeMembershipsOf(userId: string) {
      return db
        .selectFrom('memberships as m')
        .innerJoin('organisations as o', 'o.id', 'm.org_id')
        .select(['m.id', 'm.org_id', 'm.role', 'o.name as org_name', 'o.slug as org_slug'])
        .where('m.user_id', '=', userId)
        .where('m.status', '=', 'active')
        .orderBy('m.created_at')
        .orderBy('m.id')
        .execute();
    },
    async insertMembership(row: {
      id: string;
      org_id: string;
      user_id: string;
      role: string;
    }): Promise<void> {
      await db.insertInto('memberships').values(row).execute();
    },
    async reactivate(orgId: string, id: string, role: string): Promise<void> {
      await db
        .updateTable('memberships')
        .set({ status: 'active', role, offboarded_at: null })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .execute();
    },
    async setRole(orgId: string, id: string, role: string): Promise<void> {
      await db
        .updateTable('memberships')
        .set({ role })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .execute();
    },
    async offboard(orgId: string, id: string, at: Date): Promise<void> {
      await db
        .updateTable('memberships')
        .set({ status: 'offboarded', offboarded_at: at })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .execute();
    },
    async countActiveAdmins(orgId: string): Promise<number> {
      const row = await db
        .selectFrom('memberships')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('org_id', '=', orgId)
        .where('role', '=', 'admin')
        .where('status', '=', 'active')
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
export type StaffRepository = ReturnType<typeof createStaffRepository>;
