import type { AuditActor } from '@livecloud/access';
import { AppError, newId, type Clock } from '@livecloud/core';
import type { AuditRecorder } from './ports.js';
import type { ResourceRepository } from './resource.repository.js';
import type { SopRunRepository, SopRunRow, SopRunTaskRow } from './sop-run.repository.js';
import { ownerRole, type SopTemplateService } from './sop-template.service.js';
import type { SopRunDto, SopRunSummaryDto, SopRunTaskDto, StartSopRunInput } from './sop.schema.js';
import { addDays, defaultTimeZone, localDateOf } from './zoned-time.js';

/**
 * Checklist runs: start a template for a room (the tasks are copied, so later template edits
 * do not change a running checklist), tick tasks off in dependency order, see progress and
 * what is overdue. Due dates are local dates in Asia/Shanghai.
 */
export function createSopRunService(deps: {
  runs: SopRunRepository;
  resources: ResourceRepository;
  templates: SopTemplateService;
  audit: AuditRecorder;
  clock: Clock;
}) {
  const { runs } = deps;
  const today = () => localDateOf(deps.clock.now(), defaultTimeZone);

  async function get(orgId: string, id: string): Promise<SopRunDto> {
    const row = await runs.find(orgId, id);
    if (!row) throw AppError.notFound('sop_run', id);
    return toSopRunDto(row, await runs.tasksOf(orgId, [id]), today());
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
      const day = today();
      return rows.map((row) => {
        const { tasks: _tasks, ...summary } = toSopRunDto(
          row,
          tasks.filter((t) => t.run_id === row.id),
          day,
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
      const now = deps.clock.now();
      const startDate = input.startDate ?? today();
      const id = newId('sopr', now);
      await runs.transaction(async (tx) => {
        await tx.insertRun({
          id,
          org_id: orgId,
          template_id: template.id,
          template_version: template.version,
          name: input.name ?? `${template.name} · ${room.name}`,
          room_id: room.id,
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
            due_date: addDays(startDate, task.dueDay),
            depends_on: task.dependsOn,
          })),
        );
      });
      await deps.audit.record(orgId, actor, {
        action: 'sop_run.start',
        targetType: 'sop_run',
        targetId: id,
        details: { templateId: template.id, templateVersion: template.version, roomId: room.id, startDate },
      });
      return get(orgId, id);
    },

    /** Ticks a task off; refused with 409 `dependencies_not_done` while a task it waits for is open. */
    async complete(orgId: string, taskId: string, actor: AuditActor): Promise<SopRunDto> {
      const task = await requireTask(orgId, taskId);
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

export function toSopRunDto(row: SopRunRow, tasks: SopRunTaskRow[], today: string): SopRunDto {
  const doneKeys = new Set(tasks.filter((t) => t.done_at).map((t) => t.key));
  const taskDtos: SopRunTaskDto[] = tasks.map((t) => ({
    id: t.id,
    key: t.key,
    title: t.title,
    description: t.description,
    ownerRole: ownerRole(t.owner_role),
    dependsOn: t.depends_on,
    dueDate: t.due_date,
    done: t.done_at !== null,
    doneAt: t.done_at ? t.done_at.toISOString() : null,
    doneBy: t.done_by,
    overdue: t.done_at === null && t.due_date < today,
    blockedBy: t.depends_on.filter((key) => !doneKeys.has(key)),
  }));
  const done = taskDtos.filter((t) => t.done).length;
  return {
    id: row.id,
    templateId: row.template_id,
    templateVersion: row.template_version,
    name: row.name,
    room: { id: row.room_id, name: row.room_name },
    startDate: row.start_date,
    status: row.status,
    progress: {
      total: taskDtos.length,
      done,
      percent: taskDtos.length === 0 ? 0 : Math.floor((done * 100) / taskDtos.length),
      overdue: taskDtos.filter((t) => t.overdue).length,
    },
    createdAt: row.created_at.toISOString(),
    completedAt: row.completed_at ? row.completed_at.toISOString() : null,
    tasks: taskDtos,
  };
}
