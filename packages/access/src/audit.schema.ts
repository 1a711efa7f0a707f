import { actorTypes } from '@livecloud/contracts/vocabulary';
import { z } from 'zod';

export const auditEntryDto = z.object({
  id: z.string(),
  at: z.string(),
  actorType: z.enum(actorTypes),
  actorId: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntryDto = z.infer<typeof auditEntryDto>;

export const auditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.string().optional().describe('an audit id; entries older than it'),
});
