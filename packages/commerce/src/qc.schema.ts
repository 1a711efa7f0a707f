import { z } from 'zod';
import { actorDto } from './deposit.schema.js';

export const qcItemDto = z.object({ key: z.string(), label: z.string(), required: z.boolean() });
export type QcItemDto = z.infer<typeof qcItemDto>;

const items = z
  .array(z.object({ label: z.string().trim().min(1).max(100), required: z.boolean().default(true) }))
  .min(1)
  .max(50)
  .refine(
    (list) => new Set(list.map((i) => i.label)).size === list.length,
    'each checklist item needs its own label',
  );

export const createQcTemplateInput = z.object({
  categoryId: z
    .string()
    .min(1)
    .max(64)
    .describe('the template applies to this category and those under it without their own'),
  name: z.string().trim().min(1).max(100),
  items,
});
export type CreateQcTemplateInput = z.infer<typeof createQcTemplateInput>;

export const updateQcTemplateInput = z
  .object({ name: z.string().trim().min(1).max(100).optional(), items: items.optional() })
  .refine((v) => v.name !== undefined || v.items !== undefined, 'give name or items');
export type UpdateQcTemplateInput = z.infer<typeof updateQcTemplateInput>;

export const qcTemplateDto = z.object({
  id: z.string(),
  categoryId: z.string(),
  categoryPath: z.string(),
  name: z.string(),
  items: z.array(qcItemDto),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type QcTemplateDto = z.infer<typeof qcTemplateDto>;

export const createInspectionInput = z.object({
  results: z
    .array(
      z.object({
        key: z.string().min(1).max(64),
        passed: z.boolean(),
        reason: z.string().trim().min(1).max(500).nullish().describe('required when the item failed'),
        photoIds: z.array(z.string().min(1).max(64)).max(9).default([]),
      }),
    )
    .min(1)
    .max(50),
  summary: z.string().trim().max(1000).nullish(),
});
export type CreateInspectionInput = z.infer<typeof createInspectionInput>;

export const inspectionResultDto = qcItemDto.extend({
  passed: z.boolean(),
  reason: z.string().nullable(),
  photoIds: z.array(z.string()),
});
export type InspectionResultDto = z.infer<typeof inspectionResultDto>;

export const inspectionDto = z.object({
  id: z.string(),
  submissionId: z.string(),
  templateId: z.string(),
  passed: z.boolean().describe('every required item passed'),
  summary: z.string().nullable(),
  results: z.array(inspectionResultDto),
  actor: actorDto,
  at: z.string(),
});
export type InspectionDto = z.infer<typeof inspectionDto>;

export const inspectionListItemDto = inspectionDto.extend({
  productTitle: z.string(),
  merchantName: z.string(),
});
export type InspectionListItemDto = z.infer<typeof inspectionListItemDto>;

export const inspectionListQuery = z.object({
  submissionId: z.string().max(64).optional(),
  passed: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type InspectionListQuery = z.infer<typeof inspectionListQuery>;

/** A create-template request body as a client writes it. */
export type CreateQcTemplateBody = z.input<typeof createQcTemplateInput>;
/** An update-template request body as a client writes it. */
export type UpdateQcTemplateBody = z.input<typeof updateQcTemplateInput>;
/** An inspection request body as a client writes it. */
export type CreateInspectionBody = z.input<typeof createInspectionInput>;
