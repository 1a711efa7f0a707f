import { inviteStatuses } from '@livecloud/contracts/vocabulary';
import { z } from 'zod';
import {
  contactSchema,
  emailSchema,
  licenceNoSchema,
  merchantDto,
  passwordSchema,
} from './merchant.schema.js';

export const createMerchantInviteInput = z.object({
  email: emailSchema.describe('the merchant contact’s e-mail: it becomes their portal login'),
  companyName: z.string().trim().min(1).max(100).nullish(),
  validDays: z.number().int().min(1).max(30).default(7),
});
export type CreateMerchantInviteInput = z.infer<typeof createMerchantInviteInput>;

export const merchantInviteDto = z.object({
  id: z.string(),
  email: z.string(),
  companyName: z.string().nullable(),
  status: z.enum(inviteStatuses),
  createdAt: z.string(),
  expiresAt: z.string(),
  usedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  merchantId: z.string().nullable(),
});
export type MerchantInviteDto = z.infer<typeof merchantInviteDto>;

export const createdMerchantInviteDto = merchantInviteDto.extend({
  token: z.string().describe('shown once; only its hash is kept'),
  applyPath: z
    .string()
    .describe(
      'the web page to send the merchant to; the token travels in the fragment, never to a server log',
    ),
});
export type CreatedMerchantInviteDto = z.infer<typeof createdMerchantInviteDto>;

const tokenSchema = z.string().trim().min(20).max(200);

export const inviteTokenInput = z.object({ token: tokenSchema });

export const inviteCheckDto = z.object({
  orgName: z.string(),
  email: z.string(),
  companyName: z.string().nullable(),
  expiresAt: z.string(),
  categories: z.array(z.object({ id: z.string(), path: z.string() })),
});
export type InviteCheckDto = z.infer<typeof inviteCheckDto>;

export const merchantApplyInput = z.object({
  token: tokenSchema,
  companyName: z.string().trim().min(1).max(100),
  licenceNo: licenceNoSchema,
  contact: contactSchema.omit({ email: true }),
  categoryIds: z.array(z.string().min(1).max(64)).min(1).max(20),
  account: z.object({
    name: z.string().trim().min(1).max(100),
    password: passwordSchema.describe('ignored when the invited e-mail already has a LiveCloud account'),
  }),
});
export type MerchantApplyInput = z.infer<typeof merchantApplyInput>;

export const merchantApplyDto = z.object({ merchant: merchantDto, email: z.string() });

/** An apply request body (invite token, application and account) as a client writes it. */
export type MerchantApplyBody = z.input<typeof merchantApplyInput>;
/** The answer to an accepted application. */
export type MerchantApplyDto = z.infer<typeof merchantApplyDto>;
/** An invite request body as a client writes it. */
export type CreateMerchantInviteBody = z.input<typeof createMerchantInviteInput>;
