import { z } from 'zod';
import { organisationDto } from './organisation.schema.js';
import { permissions } from '@livecloud/contracts/vocabulary';
import { roleSchema } from './staff.schema.js';

export const loginInput = z.object({
  email: z.string().trim().toLowerCase().min(1).max(254),
  password: z.string().min(1).max(200),
  orgId: z.string().optional().describe('which organisation to enter; the first one otherwise'),
});
export type LoginInput = z.infer<typeof loginInput>;

export const switchOrgInput = z.object({ orgId: z.string().min(1) });

export const sessionDto = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string() }),
  org: organisationDto.pick({ id: true, name: true, slug: true }),
  role: roleSchema,
  permissions: z.array(z.enum(permissions)),
  csrfToken: z.string().describe('send as x-csrf-token on every unsafe request made with the session cookie'),
  expiresAt: z.string(),
  memberships: z.array(z.object({ orgId: z.string(), orgName: z.string(), role: roleSchema })),
});
export type SessionDto = z.infer<typeof sessionDto>;

/** A login request body as a client writes it. */
export type LoginBody = z.input<typeof loginInput>;
/** One organisation the signed-in person belongs to. */
export type MembershipDto = SessionDto['memberships'][number];
