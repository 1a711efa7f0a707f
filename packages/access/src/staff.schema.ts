import { z } from 'zod';
import { roles, staffStatuses } from '@livecloud/contracts/vocabulary';

export const roleSchema = z.enum(roles);

export const staffDto = z.object({
  id: z.string().describe('membership id (mem_…)'),
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  status: z.enum(staffStatuses),
  createdAt: z.string(),
  offboardedAt: z.string().nullable(),
});
export type StaffDto = z.infer<typeof staffDto>;

export const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email());
export const passwordSchema = z.string().min(10, 'at least 10 characters').max(200);

export const onboardStaffInput = z.object({
  email: emailSchema,
  name: z.string().trim().min(1).max(100),
  role: roleSchema,
  password: passwordSchema.describe('initial password; ignored when the person already has an account'),
});
export type OnboardStaffInput = z.infer<typeof onboardStaffInput>;

export const updateStaffInput = z
  .object({ role: roleSchema.optional(), name: z.string().trim().min(1).max(100).optional() })
  .refine((v) => v.role !== undefined || v.name !== undefined, 'give role or name');
export type UpdateStaffInput = z.infer<typeof updateStaffInput>;

export const offboardStaffInput = z.object({
  serviceKeysTo: z
    .string()
    .max(40)
    .optional()
    .describe('the staff id of the member who takes over the service keys the person owns'),
});
export type OffboardStaffInput = z.infer<typeof offboardStaffInput>;
/** An off-board request body as a client writes it. */
export type OffboardStaffBody = z.input<typeof offboardStaffInput>;

export const offboardedStaffDto = staffDto.extend({
  keys: z.object({
    revoked: z.array(z.string()).describe('the personal keys that ended'),
    reassigned: z.array(z.string()).describe('the service keys that passed to the new owner'),
  }),
});
export type OffboardedStaffDto = z.infer<typeof offboardedStaffDto>;

/** An on-board request body as a client writes it. */
export type OnboardStaffBody = z.input<typeof onboardStaffInput>;
/** A staff update request body as a client writes it. */
export type UpdateStaffBody = z.input<typeof updateStaffInput>;
