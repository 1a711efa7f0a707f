import { sql } from '@livecloud/db';
import type { Platform, ScheduleDb, SessionStatus } from './schedule.tables.js';

export interface SessionRow {
  id: string;
  org_id: string;
  title: string;
  status: SessionStatus;
  account_id: string;
  room_id: string;
  planned_start: Date;
  planned_end: Date;
  actual_start: Date | null;
  actual_end: Date | null;
  recurring_schedule_id: string | null;
  created_at: Date;
  updated_at: Date;
  room_name: string;
  account_platform: Platform;
  account_handle: string;
  account_name: string;
}

export interface ClashRow {
  resource: 'room' | 'anchor' | 'account';
  resource_id: string;
  resource_name: string;
  session_id: string;
  session_title: string;
  planned_start: Date;
  planned_end: Date;
}

/** What a session books, to be locked and checked together. */
export interface Booking {
  roomId: string;
  accountId: string;
  anchorIds: readonly string[];
}

export interface SessionFilter {
  from: Date;
  to: Date;
  roomId?: string | undefined;
  accountId?: string | undefined;
  anchorIds?: readonly string[] | undefined;
  status?: SessionStatus | undefined;
}

/** Live sessions, their anchors, and the overlap query that finds double bookings. */
function sessionQueries(db: ScheduleDb) {
  const sessionQuery = (orgId: string) =>
    db
      .selectFrom('live_sessions as s')
      .innerJoin('schedule_rooms as r', (join) =>
        join.onRef('r.org_id', '=', 's.org_id').onRef('r.id', '=', 's.room_id'),
      )
      .innerJoin('platform_accounts as a', (join) =>
        join.onRef('a.org_id', '=', 's.org_id').onRef('a.id', '=', 's.account_id'),
      )
      .select([
        's.id',
        's.org_id',
        's.title',
        's.status',
        's.account_id',
        's.room_id',
        's.planned_start',
        's.planned_end',
        's.actual_start',
        's.actual_end',
        's.recurring_schedule_id',
        's.created_at',
        's.updated_at',
        'r.name as room_name',
        'a.platform as account_platform',
        'a.handle as account_handle',
        'a.display_name as account_name',
      ])
      .where('s.org_id', '=', orgId);

  return {
    async find(orgId: string, id: string): Promise<SessionRow | undefined> {
      return sessionQuery(orgId).where('s.id', '=', id).executeTakeFirst();
    },
    /** The sessions with these ids (at most 500 asked), in no particular order. */
    async findMany(orgId: string, ids: readonly string[]): Promise<SessionRow[]> {
      if (ids.length === 0) return [];
      return sessionQuery(orgId).where('s.id', 'in', ids.slice(0, 500)).execute();
    },
    /** Every session live now, whenever it was planned. */
    async liveNow(orgId: string): Promise<SessionRow[]> {
      return sessionQuery(orgId)
        .where('s.status', '=', 'live')
        .orderBy('s.planned_start')
        .limit(500)
        .execute();
    },
    /** Sessions that overlap [from, to), earliest first. */
    async list(orgId: string, filter: SessionFilter): Promise<SessionRow[]> {
      let query = sessionQuery(orgId)
        .where('s.planned_start', '<', filter.to)
        .where('s.planned_end', '>', filter.from);
      if (filter.roomId) query = query.where('s.room_id', '=', filter.roomId);
      if (filter.accountId) query = query.where('s.account_id', '=', filter.accountId);
      if (filter.status) query = query.where('s.status', '=', filter.status);
      const anchorIds = filter.anchorIds;
      if (anchorIds) {
        if (anchorIds.length === 0) return [];
        query = query.where((eb) =>
          eb.exists(
            eb
              .selectFrom('live_session_anchors as sa')
              .select('sa.anchor_id')
              .whereRef('sa.session_id', '=', 's.id')
              .where('sa.org_id', '=', orgId)
              .where('sa.anchor_id', 'in', anchorIds),
          ),
        );
      }
      return query.orderBy('s.planned_start').orderBy('s.id').execute();
    },
    /** The local dates a recurring schedule already has sessions for, among `dates`. */
    async occurrenceDates(
      orgId: string,
      recurringScheduleId: string,
      dates: readonly string[],
    ): Promise<string[]> {
      if (dates.length === 0) return [];
      const rows = await db
        .selectFrom('live_sessions')
        .select('occurrence_date')
        .where('org_id', '=', orgId)
        .where('recurring_schedule_id', '=', recurringScheduleId)
        .where('occurrence_date', 'in', dates)
        .execute();
      return rows.flatMap((r) => (r.occurrence_date === null ? [] : [r.occurrence_date]));
    },
    async anchorsOf(
      orgId: string,
      sessionIds: readonly string[],
    ): Promise<{ session_id: string; id: string; name: string }[]> {
      if (sessionIds.length === 0) return [];
      return db
        .selectFrom('live_session_anchors as sa')
        .innerJoin('schedule_anchors as an', (join) =>
          join.onRef('an.org_id', '=', 'sa.org_id').onRef('an.id', '=', 'sa.anchor_id'),
        )
        .select(['sa.session_id', 'an.id', 'an.name'])
        .where('sa.org_id', '=', orgId)
        .where('sa.session_id', 'in', sessionIds)
        .orderBy('an.name')
        .orderBy('an.id')
        .execute();
    },

    /** Locks the session row until the transaction ends; undefined when it is not the organisation's. */
    async lock(orgId: string, id: string): Promise<{ id: string; status: SessionStatus } | undefined> {
      return db
        .selectFrom('live_sessions')
        .select(['id', 'status'])
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
    },

    /**
     * Locks the room, account and anchor rows a booking names, always in the same order
     * (rooms, accounts, anchors; each by id) so that two bookings wait for each other instead
     * of deadlocking. Whoever holds the locks checks for clashes and writes before the other
     * may look: that is what makes the overlap check safe under concurrency.
     */
    async lockResources(orgId: string, booking: Booking) {
      const room = await db
        .selectFrom('schedule_rooms')
        .select(['id', 'name', 'archived_at'])
        .where('org_id', '=', orgId)
        .where('id', '=', booking.roomId)
        .forUpdate()
        .executeTakeFirst();
      const account = await db
        .selectFrom('platform_accounts')
        .select(['id', 'display_name as name', 'archived_at'])
        .where('org_id', '=', orgId)
        .where('id', '=', booking.accountId)
        .forUpdate()
        .executeTakeFirst();
      const anchors =
        booking.anchorIds.length === 0
          ? []
          : await db
              .selectFrom('schedule_anchors')
              .select(['id', 'name', 'archived_at'])
              .where('org_id', '=', orgId)
              .where('id', 'in', booking.anchorIds)
              .orderBy('id')
              .forUpdate()
              .execute();
      return { room, account, anchors };
    },

    /**
     * Every existing session that overlaps [start, end) and books the same room, account or
     * any of the anchors. Intervals are half-open: one session ending at 20:00 and the next
     * starting at 20:00 do not clash.
     */
    async findClashes(
      orgId: string,
      booking: Booking,
      start: Date,
      end: Date,
      excludeSessionIds: readonly string[] = [],
    ): Promise<ClashRow[]> {
      const overlap = sql`s.org_id = ${orgId} and s.planned_start < ${end} and s.planned_end > ${start}${
        excludeSessionIds.length > 0 ? sql` and s.id not in (${sql.join(excludeSessionIds)})` : sql``
      }`;
      const anchorPart =
        booking.anchorIds.length === 0
          ? sql``
          : sql`
            union all
            select 'anchor' as resource, an.id as resource_id, an.name as resource_name, s.id as session_id,
                   s.title as session_title, s.planned_start, s.planned_end
            from live_sessions s
            join live_session_anchors sa on sa.org_id = s.org_id and sa.session_id = s.id
            join schedule_anchors an on an.org_id = sa.org_id and an.id = sa.anchor_id
            where ${overlap} and sa.anchor_id in (${sql.join(booking.anchorIds)})`;
      const result = await sql<ClashRow>`
        select 'room' as resource, r.id as resource_id, r.name as resource_name, s.id as session_id,
               s.title as session_title, s.planned_start, s.planned_end
        from live_sessions s
        join schedule_rooms r on r.org_id = s.org_id and r.id = s.room_id
        where ${overlap} and s.room_id = ${booking.roomId}
        union all
        select 'account' as resource, a.id as resource_id, a.display_name as resource_name, s.id as session_id,
               s.title as session_title, s.planned_start, s.planned_end
        from live_sessions s
        join platform_accounts a on a.org_id = s.org_id and a.id = s.account_id
        where ${overlap} and s.account_id = ${booking.accountId}
        ${anchorPart}
        order by planned_start, session_id, resource, resource_id`.execute(db);
      return result.rows;
    },

    async insert(
      row: {
        id: string;
        org_id: string;
        title: string;
        account_id: string;
        room_id: string;
        planned_start: Date;
        planned_end: Date;
        recurring_schedule_id?: string | null;
        occurrence_date?: string | null;
        created_at: Date;
        updated_at: Date;
      },
      anchorIds: readonly string[],
    ): Promise<void> {
      await db.insertInto('live_sessions').values(row).execute();
      await db
        .insertInto('live_session_anchors')
        .values(
          anchorIds.map((anchorId) => ({ org_id: row.org_id, session_id: row.id, anchor_id: anchorId })),
        )
        .execute();
    },
    async update(
      orgId: string,
      id: string,
      patch: {
        title?: string;
        account_id?: string;
        room_id?: string;
        planned_start?: Date;
        planned_end?: Date;
        status?: SessionStatus;
        actual_start?: Date;
        actual_end?: Date;
        updated_at: Date;
      },
    ): Promise<void> {
      await db
        .updateTable('live_sessions')
        .set(patch)
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .execute();
    },
    async replaceAnchors(orgId: string, sessionId: string, anchorIds: readonly string[]): Promise<void> {
      await db
        .deleteFrom('live_session_anchors')
        .where('org_id', '=', orgId)
        .where('session_id', '=', sessionId)
        .execute();
      await db
        .insertInto('live_session_anchors')
        .values(anchorIds.map((anchorId) => ({ org_id: orgId, session_id: sessionId, anchor_id: anchorId })))
        .execute();
    },
    async delete(orgId: string, id: string): Promise<void> {
      await db.deleteFrom('live_sessions').where('org_id', '=', orgId).where('id', '=', id).execute();
    },
  };
}
export type SessionQueries = ReturnType<typeof sessionQueries>;

export function createSessionRepository(db: ScheduleDb) {
  return {
    ...sessionQueries(db),
    /** Runs `work` in one transaction, with the queries bound to it. */
    async transaction<T>(work: (tx: SessionQueries) => Promise<T>): Promise<T> {
      return db.transaction().execute((trx) => work(sessionQueries(trx)));
    },
  };
}
export type SessionRepository = ReturnType<typeof createSessionRepository>;
