import { approvalKinds, approvalStatuses } from '@livecloud/contracts/vocabulary';
import { z } from 'zod';
import { actorDto } from './deposit.schema.js';

export { approvalKinds, approvalStatuses };
export const approvalKindSchema = z.enum(approvalKinds);
export const approvalStatusSchema = z.enum(approvalStatuses);

/** Below this a refund or deduction runs at once: 500000 fen = ¥5,000 (docs/commerce.md). */
export const defaultDepositThresholdFen = 500_000;

export const approvalDto = z.object({
  id: z.string(),
  kind: approvalKindSchema,
  status: approvalStatusSchema,
  merchantId: z.string(),
  merchantName: z.string(),
  amountFen: z.number().int().nullable().describe('the refund or deduction in fen; null for a suspension'),
  reason: z.string().describe('why the requester asks for it'),
  reference: z.string().nullable(),
  requestedBy: actorDto,
  requestedAt: z.string(),
  decidedBy: actorDto.nullable(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  resultId: z.string().nullable().describe('the deposit entry an approved refund or deduction made'),
});
export type ApprovalDto = z.infer<typeof approvalDto>;

export const approvalListQuery = z.object({
  status: approvalStatusSchema.optional(),
  kind: approvalKindSchema.optional(),
  merchantId: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.string().max(128).optional().describe('an approval id; approvals older than it'),
});
export type ApprovalListQuery = z.infer<typeof approvalListQuery>;

export const approveInput = z.object({
  reason: z.string().trim().min(1).max(500).optional().describe('a note for the audit log'),
});
export type ApproveInput = z.infer<typeof approveInput>;

export const rejectInput = z.object({
  reason: z.string().trim().min(1).max(500).describe('why it is refused: the requester reads it'),
});
export type RejectInput = z.infer<typeof rejectInput>;

export const approvalPolicyDto = z.object({
  depositThresholdFen: z
    .number()
    .int()
    .describe('refunds and deductions at or above this need a second person; 0 = every one'),
  isDefault: z.boolean().describe('true while the organisation has not set its own threshold'),
});
export type ApprovalPolicyDto = z.infer<typeof approvalPolicyDto>;

export const approvalPolicyInput = z.object({
  depositThresholdFen: z.number().int().min(0).max(1_000_000_000_00).describe('integer fen, ≥ 0'),
});
export type ApprovalPolicyInput = z.infer<typeof approvalPolicyInput>;
