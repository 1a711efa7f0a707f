import { permissions, roles } from '@livecloud/contracts/vocabulary';
import { z } from 'zod';

/** `GET /roles`: every permission, and what each role grants. */
export const roleMatrixDto = z.object({
  permissions: z.array(z.enum(permissions)),
  roles: z.array(z.object({ role: z.enum(roles), permissions: z.array(z.enum(permissions)) })),
});
export type RoleMatrixDto = z.infer<typeof roleMatrixDto>;
