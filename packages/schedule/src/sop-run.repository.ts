import type { Selectable } from '@livecloud/db';
import type { ScheduleDb, SopRunTable, SopRunTaskTable } from './schedule.tables.js';

export type SopRunRow = Selectable<SopRunTable> & {
  room_name: string;
  session_title: string | null;
  session_planned_start: Date | null;
};
export type SopRunTaskRow = Selectable<SopRunTaskTable> & { assignee_anchor_name: string | null };

/** Checklist runs: a copy of a template's tasks with due dates, started for a room. */
function sopRunQueries(db: ScheduleDb) {
  const runQuery = (orgId: string) =>
    db
      .selectFrom('sop_runs as r')
      .innerJoin('schedule_rooms as room', (join) =>
        join.onRef('room.org_id', '=', 'r.org_id').onRef('room.id', '=', 'r.room_id'),
      )
      .leftJoin('live_sessions as s', (join) =>
        join.onRef('s.org_id', '=', 'r.org_id').onRef('s.id', '=', 'r.session_id'),
      )
      .selectAll('r')
      .select([
        'room.name as room_name',
        's.title as session_title',
        's.planned_start as session_planned_start',
      ])
      .where('r.org_id', '=', orgId);
  const taskQuery = (orgId: string) =>
    db
      .selectFrom('sop_run_tasks as t')
      .leftJoin('schedule_anchors as an', (join) =>
        join.onRef('an.org_id', '=', 't.org_id').onRef('an.id', '=', 't.assignee_anchor_id'),
      )
      .selectAll('t')
      .select('an.name as assignee_anchor_name')
      .where('t.org_id', '=', orgId);

  return {
    async list(
      orgId: string,
      filter: { roomId?: string | undefined; status?: 'active' | 'completed' | undefined },
    ): Promise<SopRunRow[]> {
      let query = runQuery(orgId);
      if (filter.roomId) query = query.where('r.room_id', '=', filter.roomId);
      if (filter.status) query = query.where('r.status', '=', filter.status);
      return query.orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').execute();
    },
    async find(orgId: string, id: string): Promise<SopRunRow | undefined> {
      return runQuery(orgId).where('r.id', '=', id).executeTakeFirst();
    },
    /** Locks the run so that its tasks change one at a time. */
    async lock(orgId: string, id: string): Promise<{ id: string } | undefined> {
      return db
        .selectFrom('sop_runs')
        .select('id')
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
    },
    async tasksOf(orgId: string, runIds: readonly string[]): Promise<SopRunTaskRow[]> {
      if (runIds.length === 0) return [];
      return taskQuery(orgId)
        .where('t.run_id', 'in', runIds)
        .orderBy('t.run_id')
        .orderBy('t.position')
        .execute();
    },
    async findTask(orgId: string, id: string): Promise<SopRunTaskRow | undefined> {
      return taskQuery(orgId).where('t.id', '=', id).executeTakeFirst();
    },

    async insertRun(run: {
      id: string;
      org_id: string;
      template_id: string;
      template_version: number;
      name: string;
      room_id: string;
      session_id: string | null;
      start_date: string;
      created_at: Date;
    }): Promise<void> {
      await db.insertInto('sop_runs').values(run).execute();
    },
    async insertTasks(
      orgId: string,
      runId: string,
      tasks: readonly {
        id: string;
        key: string;
        position: number;
        title: string;
        description: string | null;
        owner_role: string;
        due_date: string;
        due_at: Date;
        assignee_anchor_id: string | null;
        depends_on: string[];
      }[],
    ): Promise<void> {
      await db
        .insertInto('sop_run_tasks')
        .values(
          tasks.map((t) => ({
            ...t,
            org_id: orgId,
            run_id: runId,
            depends_on: JSON.stringify(t.depends_on),
          })),
        )
        .execute();
    },
    async setTaskDone(
      orgId: string,
      id: string,
      done: { at: Date; by: string | null } | null,
    ): Promise<void> {
      await db
        .updateTable('sop_run_tasks')
        .set({ done_at: done?.at ?? null, done_by: done ? done.by : null })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .execute();
    },
    async updateTask(
      orgId: string,
      id: string,
      patch: {
        assignee_membership_id?: string | null;
        assignee_anchor_id?: string | null;
        due_at?: Date;
        due_date?: string;
      },
    ): Promise<void> {
      await db
        .updateTable('sop_run_tasks')
        .set(patch)
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .execute();
    },
    async setRunStatus(
      orgId: string,
      id: string,
      status: 'active' | 'completed',
      completedAt: Date | null,
    ): Promise<void> {
      await db
        .updateTable('sop_runs')
        .set({ status, completed_at: completedAt })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .execute();
    },
  };
}
export type SopRunQueries = ReturnType<typeof sopRunQueries>;

export function createSopRunRepository(db: ScheduleDb) {
  return {
    ...sopRunQueries(db),
    /** Runs `work` in one transaction, with the queries bound to it. */
    async transaction<T>(work: (tx: SopRunQueries) => Promise<T>): Promise<T> {
      return db.transaction().execute((trx) => work(sopRunQueries(trx)));
    },
  };
}
export type SopRunRepository = ReturnType<typeof createSopRunRepository>;
