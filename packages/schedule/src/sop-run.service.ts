import type { AuditActor } from '@livecloud/access';
import { AppError, newId, type Clock } from '@livecloud/core';
import type { AuditRecorder, StaffDirectory } from './ports.js';
import type { ResourceRepository } from './resource.repository.js';
import type { SessionRepository } from './session.repository.js';
import { toSopRunDto } from './sop-run.dto.js';
import type { SopRunRepository, SopRunTaskRow } from './sop-run.repository.js';
import type { SopTemplateService } from './sop-template.service.js';
import type { SopRunDto, SopRunSummaryDto, StartSopRunInput, UpdateSopTaskInput } from './sop.schema.js';
import { addDays, defaultTimeZone, localDateOf, zonedToUtc } from './zoned-time.js';

/**
 * Who ticks a task off: someone who manages checklists may tick any; anyone else only a task
 * assigned to an anchor linked to their membership (an anchor's own tasks).
 */
export interface SopTaskDoer {
  manages: boolean;
  membershipId: string | null;
}

/**
 * Checklist runs: start a template for a room (the tasks are copied, so later template edits
 * do not change a running checklist), tick tasks off in dependency order, see progress and
 * what is overdue. Due dates are local dates in Asia/Shanghai.
 */
export function createSopRunService(deps: {
  runs: SopRunRepository;
  resources: ResourceRepository;
  sessions: SessionRepository;
  staff: StaffDirectory;
  templates: SopTemplateService;
  audit: AuditRecorder;
  clock: Clock;
}) {
  const { runs } = deps;
  const today = () => localDateOf(deps.clock.now(), defaultTimeZone);

  /** Display names of the staff members tasks are assigned to. */
  async function staffNames(orgId: string, tasks: readonly SopRunTaskRow[]): Promise<Map<string, string>> {
    const ids = [
      ...new Set(tasks.flatMap((t) => (t.assignee_membership_id ? [t.assignee_membership_id] : []))),
    ];
    const members = await Promise.all(ids.map((id) => deps.staff.member(orgId, id)));
    return new Map(members.flatMap((m) => (m ? [[m.id, m.name] as const] : [])));
  }

  async function get(orgId: string, id: string): Promise<SopRunDto> {
    const row = await runs.find(orgId, id);
    if (!row) throw AppError.notFound('sop_run', id);
    const tasks = await runs.tasksOf(orgId, [id]);
    return toSopRunDto(row, tasks, deps.clock.now(), await staffNames(orgId, tasks));
  }

  async function assertMayComplete(orgId: string, task: SopRunTaskRow, doer: SopTaskDoer): Promise<void> {
    if (doer.manages) return;
    const linked = doer.membershipId ? await deps.resources.anchorsOfMember(orgId, doer.membershipId) : [];
    if (task.assignee_anchor_id && linked.some((a) => a.id === task.assignee_anchor_id)) return;
    throw AppError.forbidden(
      'sop_task_not_yours',
      'Only tasks assigned to your own anchor can be ticked off',
      { taskId: task.id },
    );
  }

  async function requireTask(orgId: string, id: string): Promise<SopRunTaskRow> {
    const task = await runs.findTask(orgId, id);
    if (!task) throw AppError.notFound('sop_task', id);
    return task;
  }

  return {
    get,
    async list(
      orgId: string,
      filter: { roomId?: string | undefined; status?: 'active' | 'completed' | undefined },
    ): Promise<SopRunSummaryDto[]> {
      const rows = await runs.list(orgId, filter);
      const tasks = await runs.tasksOf(
        orgId,
        rows.map((r) => r.id),
      );
      const now = deps.clock.now();
      return rows.map((row) => {
        const { tasks: _tasks, ...summary } = toSopRunDto(
          row,
          tasks.filter((t) => t.run_id === row.id),
          now,
        );
        return summary;
      });
    },

    async start(orgId: string, input: StartSopRunInput, actor: AuditActor): Promise<SopRunDto> {
      const template = await deps.templates.get(orgId, input.templateId);
      if (template.archived)
        throw AppError.conflict('sop_template_archived', 'An archived template cannot be started');
      const room = await deps.resources.findRoom(orgId, input.roomId);
      if (!room) throw AppError.notFound('room', input.roomId);
      const session = input.sessionId ? await deps.sessions.find(orgId, input.sessionId) : undefined;
      if (input.sessionId && !session) throw AppError.notFound('session', input.sessionId);
      if (session && session.room_id !== room.id)
        throw AppError.invalid('sop_session_other_room', 'The session is in another room', {
          sessionId: session.id,
          roomId: room.id,
        });
      // The session's anchor: the first of its anchors in name order, as the schedule lists them.
      const [anchor] = session ? await deps.sessions.anchorsOf(orgId, [session.id]) : [];
      const now = deps.clock.now();
      const startDate = input.startDate ?? today();
      const id = newId('sopr', now);
      const dueOf = (task: { dueDay: number; dueOffsetMinutes: number | null }) => {
        if (session && task.dueOffsetMinutes !== null) {
          const at = session.planned_start.getTime() + task.dueOffsetMinutes * 60_000;
          return { due_at: new Date(at), due_date: localDateOf(at, defaultTimeZone) };
        }
        const date = addDays(startDate, task.dueDay);
        const endOfDay = zonedToUtc(addDays(date, 1), '00:00', defaultTimeZone);
        return { due_at: new Date(endOfDay), due_date: date };
      };
      await runs.transaction(async (tx) => {
        await tx.insertRun({
          id,
          org_id: orgId,
          template_id: template.id,
          template_version: template.version,
          name: input.name ?? `${template.name} · ${room.name}`,
          room_id: room.id,
          session_id: session?.id ?? null,
          start_date: startDate,
          created_at: new Date(now),
        });
        await tx.insertTasks(
          orgId,
          id,
          template.tasks.map((task, i) => ({
            id: newId('sopk', now),
            key: task.key,
            position: i + 1,
            title: task.title,
            description: task.description,
            owner_role: task.ownerRole,
            ...dueOf(task),
            assignee_anchor_id: task.ownerRole === 'anchor' && anchor ? anchor.id : null,
            depends_on: task.dependsOn,
          })),
        );
      });
      await deps.audit.record(orgId, actor, {
        action: 'sop_run.start',
        targetType: 'sop_run',
        targetId: id,
        details: {
          templateId: template.id,
          templateVersion: template.version,
          roomId: room.id,
          sessionId: session?.id ?? null,
          startDate,
        },
      });
      return get(orgId, id);
    },

    /** Assigns a task to a staff member or an anchor (or nobody), or moves its due instant. */
    async updateTask(
      orgId: string,
      taskId: string,
      input: UpdateSopTaskInput,
      actor: AuditActor,
    ): Promise<SopRunDto> {
      const task = await requireTask(orgId, taskId);
      const patch: Parameters<SopRunRepository['updateTask']>[2] = {};
      if (input.assignee !== undefined) {
        const wanted = input.assignee;
        if (wanted?.type === 'staff') {
          const member = await deps.staff.member(orgId, wanted.id);
          if (!member || member.status !== 'active')
            throw AppError.invalid('unknown_assignee', 'Nobody active on the staff has that id', wanted);
        } else if (wanted?.type === 'anchor') {
          const anchor = await deps.resources.findAnchor(orgId, wanted.id);
          if (!anchor || anchor.archived_at)
            throw AppError.invalid('unknown_assignee', 'No active anchor has that id', wanted);
        }
        patch.assignee_membership_id = wanted?.type === 'staff' ? wanted.id : null;
        patch.assignee_anchor_id = wanted?.type === 'anchor' ? wanted.id : null;
      }
      if (input.dueAt !== undefined) {
        const at = Date.parse(input.dueAt);
        patch.due_at = new Date(at);
        patch.due_date = localDateOf(at, defaultTimeZone);
      }
      await runs.updateTask(orgId, taskId, patch);
      await deps.audit.record(orgId, actor, {
        action: 'sop_task.update',
        targetType: 'sop_run',
        targetId: task.run_id,
        details: { taskId, key: task.key, assignee: input.assignee, dueAt: input.dueAt },
      });
      return get(orgId, task.run_id);
    },

    /**
     * Ticks a task off; refused with 409 `dependencies_not_done` while a task it waits for is
     * open, and with 403 `sop_task_not_yours` when the doer may only tick their own.
     */
    async complete(
      orgId: string,
      taskId: string,
      actor: AuditActor,
      doer: SopTaskDoer = { manages: true, membershipId: null },
    ): Promise<SopRunDto> {
      const task = await requireTask(orgId, taskId);
      await assertMayComplete(orgId, task, doer);
      await runs.transaction(async (tx) => {
        await tx.lock(orgId, task.run_id);
        const tasks = await tx.tasksOf(orgId, [task.run_id]);
        const current = tasks.find((t) => t.id === taskId);
        if (!current || current.done_at) return;
        const open = tasks.filter((t) => current.depends_on.includes(t.key) && !t.done_at);
        if (open.length > 0) {
          throw AppError.conflict(
            'dependencies_not_done',
            `First finish: ${open.map((t) => t.title).join('、')}`,
            {
              taskId,
              blockedBy: open.map((t) => ({ id: t.id, key: t.key, title: t.title })),
            },
          );
        }
        const at = new Date(deps.clock.now());
        await tx.setTaskDone(orgId, taskId, { at, by: actor.id });
        if (tasks.every((t) => t.id === taskId || t.done_at))
          await tx.setRunStatus(orgId, task.run_id, 'completed', at);
      });
      await deps.audit.record(orgId, actor, {
        action: 'sop_task.complete',
        targetType: 'sop_run',
        targetId: task.run_id,
        details: { taskId, key: task.key },
      });
      return get(orgId, task.run_id);
    },

    /** Opens a done task again; refused with 409 `dependents_done` while a task that waited for it is done. */
    async reopen(orgId: string, taskId: string, actor: AuditActor): Promise<SopRunDto> {
      const task = await requireTask(orgId, taskId);
      await runs.transaction(async (tx) => {
        await tx.lock(orgId, task.run_id);
        const tasks = await tx.tasksOf(orgId, [task.run_id]);
        const current = tasks.find((t) => t.id === taskId);
        if (!current?.done_at) return;
        const dependents = tasks.filter((t) => t.depends_on.includes(current.key) && t.done_at);
        if (dependents.length > 0) {
          throw AppError.conflict(
            'dependents_done',
            `Reopen these first: ${dependents.map((t) => t.title).join('、')}`,
            {
              taskId,
              dependents: dependents.map((t) => ({ id: t.id, key: t.key, title: t.title })),
            },
          );
        }
        await tx.setTaskDone(orgId, taskId, null);
        await tx.setRunStatus(orgId, task.run_id, 'active', null);
      });
      await deps.audit.record(orgId, actor, {
        action: 'sop_task.reopen',
        targetType: 'sop_run',
        targetId: task.run_id,
        details: { taskId, key: task.key },
      });
      return get(orgId, task.run_id);
    },
  };
}
export type SopRunService = ReturnType<typeof createSopRunService>;
