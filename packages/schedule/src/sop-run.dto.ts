import type { SopRunRow, SopRunTaskRow } from './sop-run.repository.js';
import { ownerRole } from './sop-template.service.js';
import type { SopAssigneeDto, SopRunDto, SopRunTaskDto } from './sop.schema.js';

function assigneeOf(task: SopRunTaskRow, staffNames: ReadonlyMap<string, string>): SopAssigneeDto | null {
  if (task.assignee_anchor_id)
    return { type: 'anchor', id: task.assignee_anchor_id, name: task.assignee_anchor_name ?? '' };
  if (task.assignee_membership_id) {
    const id = task.assignee_membership_id;
    return { type: 'staff', id, name: staffNames.get(id) ?? '' };
  }
  return null;
}

/** A run and its tasks as the API shows them; a task is overdue once its due instant has passed. */
export function toSopRunDto(
  row: SopRunRow,
  tasks: SopRunTaskRow[],
  now: number,
  staffNames: ReadonlyMap<string, string> = new Map(),
): SopRunDto {
  const doneKeys = new Set(tasks.filter((t) => t.done_at).map((t) => t.key));
  const taskDtos: SopRunTaskDto[] = tasks.map((t) => ({
    id: t.id,
    key: t.key,
    title: t.title,
    description: t.description,
    ownerRole: ownerRole(t.owner_role),
    dependsOn: t.depends_on,
    dueDate: t.due_date,
    dueAt: t.due_at.toISOString(),
    assignee: assigneeOf(t, staffNames),
    done: t.done_at !== null,
    doneAt: t.done_at ? t.done_at.toISOString() : null,
    doneBy: t.done_by,
    overdue: t.done_at === null && t.due_at.getTime() <= now,
    blockedBy: t.depends_on.filter((key) => !doneKeys.has(key)),
  }));
  const done = taskDtos.filter((t) => t.done).length;
  return {
    id: row.id,
    templateId: row.template_id,
    templateVersion: row.template_version,
    name: row.name,
    room: { id: row.room_id, name: row.room_name },
    session:
      row.session_id && row.session_title !== null && row.session_planned_start !== null
        ? {
            id: row.session_id,
            title: row.session_title,
            plannedStart: row.session_planned_start.toISOString(),
          }
        : null,
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
