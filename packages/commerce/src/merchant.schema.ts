import { merchantStatuses } from '@livecloud/contracts/vocabulary';
import { z } from 'zod';
import { fenSchema } from './category.schema.js';
import { isValidCreditCode } from './credit-code.js';
import { depositSummaryDto } from './deposit.schema.js';

export { merchantStatuses };
export const merchantStatusSchema = z.enum(merchantStatuses);

export const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email());
export const reasonSchema = z.string().trim().min(1).max(500);

/**
 * 统一社会信用代码 (18 characters, GB 32100, with its check character) or the older 15-digit
 * registration number.
 */
export const licenceNoSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(
    /^(?:[0-9A-HJ-NPQRTUWXY]{18}|\d{15})$/,
    'an 18-character unified social credit code or a 15-digit registration number',
  )
  // Codes of the wrong shape are the pattern's to report; this one checks the last character.
  .refine(
    (code) => code.length !== 18 || !/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code) || isValidCreditCode(code),
    {
      message: 'the check character of the unified social credit code does not match',
      params: { code: 'credit_code_check' },
    },
  );

/** A mainland mobile number or a landline with area code. */
export const phoneSchema = z
  .string()
  .trim()
  .regex(
    /^(?:(?:\+?86[- ]?)?1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/,
    'a mobile number (13800138000) or a landline with area code (021-12345678)',
  );

export const contactSchema = z.object({
  name: z.string().trim().min(1).max(50),
  phone: phoneSchema,
  email: emailSchema.nullish(),
});

export const merchantApplicationInput = z.object({
  companyName: z.string().trim().min(1).max(100),
  licenceNo: licenceNoSchema,
  contact: contactSchema,
  categoryIds: z.array(z.string().min(1).max(64)).min(1).max(20).describe('categories the merchant sells in'),
});
export type MerchantApplicationInput = z.infer<typeof merchantApplicationInput>;

export const updateMerchantInput = merchantApplicationInput
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'give a field to change');
export type UpdateMerchantInput = z.infer<typeof updateMerchantInput>;

export const merchantDto = z.object({
  id: z.string(),
  companyName: z.string(),
  licenceNo: z.string(),
  contact: z.object({ name: z.string(), phone: z.string(), email: z.string().nullable() }),
  categoryIds: z.array(z.string()),
  status: merchantStatusSchema,
  statusReason: z.string().nullable(),
  statusChangedAt: z.string(),
  appliedAt: z.string(),
  createdAt: z.string(),
  allowedTransitions: z.array(merchantStatusSchema).describe('statuses staff may move the merchant to now'),
  depositBalanceFen: fenSchema.describe('deposit held: paid − deducted − refunded'),
});
export type MerchantDto = z.infer<typeof merchantDto>;

export const merchantDetailDto = merchantDto.extend({
  deposit: depositSummaryDto,
  requiredDepositFen: fenSchema.describe('the largest requirement of the merchant’s categories'),
});
export type MerchantDetailDto = z.infer<typeof merchantDetailDto>;

export const merchantTransitionInput = z
  .object({
    to: z.enum(['approved', 'rejected', 'suspended']),
    reason: reasonSchema.optional(),
  })
  .refine((v) => v.to === 'approved' || v.reason !== undefined, {
    message: 'a reason is required to reject or suspend',
    path: ['reason'],
    params: { code: 'reason_required' },
  });
export type MerchantTransitionInput = z.infer<typeof merchantTransitionInput>;

export const merchantListQuery = z.object({
  status: merchantStatusSchema.optional(),
  q: z.string().trim().max(100).optional().describe('part of the company name or licence number'),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type MerchantListQuery = z.infer<typeof merchantListQuery>;

export const passwordSchema = z.string().min(10, 'at least 10 characters').max(200);

export const createMerchantLoginInput = z.object({
  email: emailSchema,
  name: z.string().trim().min(1).max(100),
  password: passwordSchema.describe('initial password; ignored when the person already has an account'),
});
export type CreateMerchantLoginInput = z.infer<typeof createMerchantLoginInput>;

export const merchantLoginDto = z.object({
  merchantId: z.string(),
  userId: z.string(),
  membershipId: z.string(),
  email: z.string(),
});

/** A merchant application body as a client writes it. */
export type MerchantApplicationBody = z.input<typeof merchantApplicationInput>;
