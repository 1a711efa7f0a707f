import { submissionStatuses, submissionTargets } from '@livecloud/contracts/vocabulary';
import { z } from 'zod';
import { fenSchema } from './category.schema.js';
import { actorDto } from './deposit.schema.js';
import { productDto } from './product.schema.js';
import { inspectionDto } from './qc.schema.js';
import { receiptDto } from './warehouse.schema.js';

export { submissionStatuses };
export const submissionStatusSchema = z.enum(submissionStatuses);

/** The statuses a person moves a submission to directly; QC results and receipts make the others. */
export const actionTargets = [
  'shortlisted',
  'sample_requested',
  'sample_received',
  'approved',
  'rejected',
  'withdrawn',
] as const;
export const actionTargetSchema = z.enum(actionTargets);
export type ActionTarget = z.infer<typeof actionTargetSchema>;

export const targetSchema = z.enum(submissionTargets).describe('the product pool, or one live session');
export const sessionRefSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .describe('the session this is offered for (its id)');

const submissionFields = z.object({
  productId: z.string().min(1).max(64),
  target: targetSchema,
  sessionRef: sessionRefSchema.nullish(),
  note: z.string().trim().max(1000).nullish(),
});
const targetRule = {
  check: (v: { target: string; sessionRef?: string | null | undefined }) =>
    (v.target === 'session') === Boolean(v.sessionRef),
  params: {
    message: 'a session submission names its session, a pool submission names none',
    path: ['sessionRef'],
    params: { code: 'session_target_mismatch' },
  },
};

export const createSubmissionInput = submissionFields.refine(targetRule.check, targetRule.params);
export const staffCreateSubmissionInput = submissionFields
  .extend({ merchantId: z.string().min(1).max(64) })
  .refine(targetRule.check, targetRule.params);
export type CreateSubmissionInput = z.infer<typeof createSubmissionInput>;

export const transitionInput = z
  .object({ to: actionTargetSchema, reason: z.string().trim().min(1).max(500).optional() })
  .refine((v) => v.to !== 'rejected' || v.reason !== undefined, {
    message: 'a reason is required to reject',
    path: ['reason'],
    params: { code: 'reason_required' },
  });
export type TransitionInput = z.infer<typeof transitionInput>;

export const withdrawInput = z.object({ reason: z.string().trim().min(1).max(500).optional() });

export const submissionDto = z.object({
  id: z.string(),
  merchantId: z.string(),
  merchantName: z.string(),
  productId: z.string(),
  productTitle: z.string(),
  categoryId: z.string(),
  target: targetSchema,
  sessionRef: z.string().nullable(),
  status: submissionStatusSchema,
  statusReason: z.string().nullable(),
  note: z.string().nullable(),
  statusChangedAt: z.string(),
  createdAt: z.string(),
  allowedTransitions: z
    .array(actionTargetSchema)
    .describe('what the caller may move it to with POST …/transition (or withdraw, in the portal)'),
});
export type SubmissionDto = z.infer<typeof submissionDto>;

export const submissionEventDto = z.object({
  id: z.string(),
  from: submissionStatusSchema.nullable(),
  to: submissionStatusSchema,
  reason: z.string().nullable(),
  actor: actorDto,
  at: z.string(),
});
export type SubmissionEventDto = z.infer<typeof submissionEventDto>;

export const submissionDetailDto = submissionDto.extend({
  product: productDto,
  history: z.array(submissionEventDto),
  inspections: z.array(inspectionDto),
  receipts: z.array(receiptDto),
  deposit: z.object({
    requiredFen: fenSchema,
    balanceFen: z.number().int(),
    availableFen: z.number().int().describe('balance − frozen: what approval is measured against'),
    sufficient: z.boolean(),
  }),
});
export type SubmissionDetailDto = z.infer<typeof submissionDetailDto>;

export const submissionListQuery = z.object({
  status: submissionStatusSchema.optional(),
  merchantId: z.string().max(64).optional(),
  target: targetSchema.optional(),
  sessionRef: z.string().max(64).optional(),
  q: z.string().trim().max(100).optional().describe('part of the product title or merchant name'),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type SubmissionListQuery = z.infer<typeof submissionListQuery>;

export const submissionListDto = z.object({
  items: z.array(submissionDto),
  counts: z
    .record(z.string(), z.number().int())
    .describe('submissions per status, whatever the status filter'),
});

/** A page of submissions with the count per status. */
export type SubmissionListDto = z.infer<typeof submissionListDto>;
/** A submit request body as a client writes it. */
export type CreateSubmissionBody = z.input<typeof createSubmissionInput>;
