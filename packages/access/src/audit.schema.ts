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

const filterText = z.string().trim().min(1).max(128);

export const auditQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(500).default(100),
    before: z.string().max(128).optional().describe('an audit id; entries older than it'),
    actorId: filterText.optional().describe('who: a user id or API key id'),
    action: filterText
      .regex(/^[a-z_]+(\.[a-z_]+)*(\.\*)?$/, 'an action such as staff.offboard, or a prefix such as staff.*')
      .optional()
      .describe('what: an action (`auth.login`), or every action under a prefix (`auth.*`)'),
    targetType: filterText.optional().describe('the kind of object (`staff`, `api_key`, `dead_letter`, …)'),
    targetId: filterText.optional().describe('the object’s id'),
    from: z.iso.datetime({ offset: true }).optional().describe('entries at or after this time'),
    to: z.iso.datetime({ offset: true }).optional().describe('entries before this time'),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), {
    message: 'from must be before to',
    path: ['to'],
  });
export type AuditQuery = z.infer<typeof auditQuery>;
