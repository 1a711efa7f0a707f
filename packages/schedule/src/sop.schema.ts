import { roles, sopRunStatuses } from '@livecloud/contracts/vocabulary';
import { z } from 'zod';
import { localDateSchema } from './recurrence.schema.js';

export const ownerRoleSchema = z.enum(roles);
const taskKey = z.string().regex(/^[a-z0-9_-]{1,40}$/, 'lower-case letters, digits, _ and -, up to 40');

export const sopTaskInput = z.object({
  key: taskKey.describe('stable within the template; dependencies refer to it'),
  title: z.string().trim().min(1).max(100),
  description: z.string().trim().max(1000).nullish(),
  ownerRole: ownerRoleSchema,
  dueDay: z.number().int().min(0).max(365).describe('days after the run starts (0 = the first day)'),
  dueOffsetMinutes: z
    .number()
    .int()
    .min(-43200)
    .max(525600)
    .nullish()
    .describe('minutes after the session starts; used instead of dueDay when a run is started for a session'),
  dependsOn: z.array(taskKey).max(20).default([]),
});
export type SopTaskInput = z.infer<typeof sopTaskInput>;

export const sopTemplateInput = z.object({
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(1000).nullish(),
  tasks: z.array(sopTaskInput).min(1).max(100),
});
export type SopTemplateInput = z.infer<typeof sopTemplateInput>;

const taskFields = {
  key: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  ownerRole: ownerRoleSchema,
  dependsOn: z.array(z.string()),
};

export const sopTemplateDto = z.object({
  id: z.string().describe('SOP template id (sopt_…)'),
  name: z.string(),
  description: z.string().nullable(),
  version: z.number().int().describe('goes up with every edit; runs keep the version they copied'),
  isDefault: z.boolean(),
  archived: z.boolean(),
  tasks: z.array(
    z.object({ ...taskFields, dueDay: z.number().int(), dueOffsetMinutes: z.number().int().nullable() }),
  ),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SopTemplateDto = z.infer<typeof sopTemplateDto>;

export const sopProgressDto = z.object({
  total: z.number().int(),
  done: z.number().int(),
  percent: z.number().int().describe('done ÷ total, whole per cent'),
  overdue: z.number().int().describe('open tasks whose due date has passed'),
});

export const sopRunSummaryDto = z.object({
  id: z.string().describe('SOP run id (sopr_…)'),
  templateId: z.string(),
  templateVersion: z.number().int(),
  name: z.string(),
  room: z.object({ id: z.string(), name: z.string() }),
  session: z
    .object({ id: z.string(), title: z.string(), plannedStart: z.string() })
    .nullable()
    .describe('the session the run prepares; due times and the anchor come from it'),
  startDate: z.string().describe('local date (Asia/Shanghai) of day 0'),
  status: z.enum(sopRunStatuses),
  progress: sopProgressDto,
  createdAt: z.string(),
  completedAt: z.string().nullable(),
});
export type SopRunSummaryDto = z.infer<typeof sopRunSummaryDto>;

export const sopAssigneeTypes = ['staff', 'anchor'] as const;

export const sopAssigneeDto = z.object({
  type: z.enum(sopAssigneeTypes).describe('a staff member (membership) or an anchor of the session'),
  id: z.string().describe('membership id (staff) or anchor id (anchor)'),
  name: z.string(),
});
export type SopAssigneeDto = z.infer<typeof sopAssigneeDto>;

export const sopRunTaskDto = z.object({
  id: z.string().describe('run task id (sopk_…)'),
  ...taskFields,
  dueDate: z.string().describe('local date (Asia/Shanghai) of dueAt'),
  dueAt: z.string().describe('the instant the task is due'),
  assignee: sopAssigneeDto.nullable(),
  done: z.boolean(),
  doneAt: z.string().nullable(),
  doneBy: z.string().nullable(),
  overdue: z.boolean(),
  blockedBy: z.array(z.string()).describe('keys of dependencies that are not done yet'),
});
export type SopRunTaskDto = z.infer<typeof sopRunTaskDto>;

export const sopRunDto = sopRunSummaryDto.extend({ tasks: z.array(sopRunTaskDto) });
export type SopRunDto = z.infer<typeof sopRunDto>;

export const startSopRunInput = z.object({
  templateId: z.string().min(1).max(64),
  roomId: z.string().min(1).max(64),
  startDate: localDateSchema.optional().describe('day 0; default today in Asia/Shanghai'),
  sessionId: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe(
      'a session in the room: relative due times count from its start, anchor tasks go to its anchor',
    ),
  name: z.string().trim().min(1).max(100).optional().describe('default: template name · room name'),
});
export type StartSopRunInput = z.infer<typeof startSopRunInput>;

export const updateSopTaskInput = z.object({
  assignee: z
    .object({ type: z.enum(sopAssigneeTypes), id: z.string().min(1).max(64) })
    .nullable()
    .optional()
    .describe('null: nobody'),
  dueAt: z.iso.datetime({ offset: true }).optional(),
});
export type UpdateSopTaskInput = z.infer<typeof updateSopTaskInput>;

export const listSopRunsQuery = z.object({
  roomId: z.string().min(1).max(64).optional(),
  status: z.enum(sopRunStatuses).optional(),
});

export const listSopTemplatesQuery = z.object({
  includeArchived: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

/** A template request body as a client writes it. */
export type SopTemplateBody = z.input<typeof sopTemplateInput>;
/** A start-run request body as a client writes it. */
export type StartSopRunBody = z.input<typeof startSopRunInput>;
