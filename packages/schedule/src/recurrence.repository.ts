import type { Selectable } from '@livecloud/db';
import type { RecurringScheduleTable, ScheduleDb } from './schedule.tables.js';

export type RecurringScheduleRow = Selectable<RecurringScheduleTable>;

/** Recurring schedule rules; the sessions they generate live in `live_sessions`. */
export function createRecurrenceRepository(db: ScheduleDb) {
  return {
    async list(orgId: string): Promise<RecurringScheduleRow[]> {
      return db
        .selectFrom('recurring_schedules')
        .selectAll()
        .where('org_id', '=', orgId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
    },
    async find(orgId: string, id: string): Promise<RecurringScheduleRow | undefined> {
      return db
        .selectFrom('recurring_schedules')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst();
    },
    async insert(row: {
      id: string;
      org_id: string;
      title: string;
      account_id: string;
      room_id: string;
      anchor_ids: string;
      days_of_week: string;
      start_time: string;
      duration_minutes: number;
      time_zone: string;
      starts_on: string;
      ends_on: string | null;
    }): Promise<RecurringScheduleRow> {
      return db.insertInto('recurring_schedules').values(row).returningAll().executeTakeFirstOrThrow();
    },
  };
}
export type RecurrenceRepository = ReturnType<typeof createRecurrenceRepository>;
