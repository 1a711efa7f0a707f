import { isRole, type AuditActor, type Role } from '@livecloud/access';
import { AppError, newId, type Clock } from '@livecloud/core';
import type { AuditRecorder } from './ports.js';
import { defaultSopTemplate } from './sop-default-template.js';
import { assertWorkableTasks } from './sop-graph.js';
import type {
  SopTaskValues,
  SopTemplateRepository,
  SopTemplateRow,
  SopTemplateTaskRow,
} from './sop-template.repository.js';
import type { SopTemplateDto, SopTemplateInput } from './sop.schema.js';

/**
 * Editable SOP checklist templates. Every organisation gets the default "新直播间 7 天开播"
 * template the first time it opens SOP (see docs/schedule.md for why not in a migration).
 */
export function createSopTemplateService(deps: {
  templates: SopTemplateRepository;
  audit: AuditRecorder;
  clock: Clock;
}) {
  const { templates } = deps;

  function taskValues(input: SopTemplateInput, now: number): SopTaskValues[] {
    assertWorkableTasks(input.tasks);
    return input.tasks.map((task, i) => ({
      id: newId('sptk', now),
      key: task.key,
      position: i + 1,
      title: task.title,
      description: task.description ?? null,
      owner_role: task.ownerRole,
      due_day: task.dueDay,
      due_offset_minutes: task.dueOffsetMinutes ?? null,
      depends_on: task.dependsOn,
    }));
  }

  async function ensureDefault(orgId: string): Promise<void> {
    if (await templates.isSeeded(orgId)) return;
    const now = deps.clock.now();
    await templates.seedOnce(
      {
        id: newId('sopt', now),
        org_id: orgId,
        name: defaultSopTemplate.name,
        description: defaultSopTemplate.description ?? null,
        created_at: new Date(now),
        updated_at: new Date(now),
      },
      taskValues(defaultSopTemplate, now),
    );
  }

  async function withTasks(orgId: string, rows: SopTemplateRow[]): Promise<SopTemplateDto[]> {
    const tasks = await templates.tasksOf(
      orgId,
      rows.map((r) => r.id),
    );
    return rows.map((row) =>
      toSopTemplateDto(
        row,
        tasks.filter((t) => t.template_id === row.id),
      ),
    );
  }

  async function get(orgId: string, id: string): Promise<SopTemplateDto> {
    await ensureDefault(orgId);
    const row = await templates.find(orgId, id);
    if (!row) throw AppError.notFound('sop_template', id);
    const [dto] = await withTasks(orgId, [row]);
    return dto!;
  }

  return {
    ensureDefault,
    get,
    async list(orgId: string, includeArchived = false): Promise<SopTemplateDto[]> {
      await ensureDefault(orgId);
      return withTasks(orgId, await templates.list(orgId, includeArchived));
    },
    async create(orgId: string, input: SopTemplateInput, actor: AuditActor): Promise<SopTemplateDto> {
      await ensureDefault(orgId);
      const now = deps.clock.now();
      const id = newId('sopt', now);
      const tasks = taskValues(input, now);
      await templates.insert(
        {
          id,
          org_id: orgId,
          name: input.name,
          description: input.description ?? null,
          created_at: new Date(now),
          updated_at: new Date(now),
        },
        tasks,
      );
      await deps.audit.record(orgId, actor, {
        action: 'sop_template.create',
        targetType: 'sop_template',
        targetId: id,
        details: { name: input.name, tasks: tasks.length },
      });
      return get(orgId, id);
    },
    /** Replaces the template's content and bumps its version; checklists already started keep their copy. */
    async update(
      orgId: string,
      id: string,
      input: SopTemplateInput,
      actor: AuditActor,
    ): Promise<SopTemplateDto> {
      const existing = await get(orgId, id);
      if (existing.archived)
        throw AppError.conflict('sop_template_archived', 'An archived template cannot be edited');
      const now = deps.clock.now();
      const replaced = await templates.replace(
        orgId,
        id,
        { name: input.name, description: input.description ?? null, updated_at: new Date(now) },
        taskValues(input, now),
      );
      if (!replaced)
        throw AppError.conflict('sop_template_archived', 'An archived template cannot be edited');
      await deps.audit.record(orgId, actor, {
        action: 'sop_template.update',
        targetType: 'sop_template',
        targetId: id,
        details: { name: input.name, version: existing.version + 1 },
      });
      return get(orgId, id);
    },
    /** Archives a template: no new runs from it; runs already started go on. */
    async archive(orgId: string, id: string, actor: AuditActor): Promise<SopTemplateDto> {
      await get(orgId, id);
      await templates.archive(orgId, id, new Date(deps.clock.now()));
      await deps.audit.record(orgId, actor, {
        action: 'sop_template.archive',
        targetType: 'sop_template',
        targetId: id,
      });
      return get(orgId, id);
    },
  };
}
export type SopTemplateService = ReturnType<typeof createSopTemplateService>;

export function toSopTemplateDto(row: SopTemplateRow, tasks: SopTemplateTaskRow[]): SopTemplateDto {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    version: row.version,
    isDefault: row.is_default,
    archived: row.archived_at !== null,
    tasks: tasks.map((t) => ({
      key: t.key,
      title: t.title,
      description: t.description,
      ownerRole: ownerRole(t.owner_role),
      dueDay: t.due_day,
      dueOffsetMinutes: t.due_offset_minutes,
      dependsOn: t.depends_on,
    })),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** A role read back from the store; anything else is a broken invariant. */
export function ownerRole(value: string): Role {
  if (!isRole(value)) throw new Error(`unknown owner role in the records store: ${value}`);
  return value;
}
