import { z } from 'zod';
import { platformSchema } from './resource.schema.js';
import { sessionStatuses } from '@livecloud/contracts/vocabulary';

export const sessionStatusSchema = z.enum(sessionStatuses);
export const idSchema = z.string().min(1).max(64);

/** The longest a single session may be planned for. */
export const maxSessionMs = 24 * 3600_000;
/** The widest window one calendar query may ask for. */
export const maxListSpanMs = 93 * 24 * 3600_000;

/** An instant at the edge: ISO 8601 with an offset (`Z` or `+08:00`), handled as epoch ms inside. */
export const instantSchema = z.iso
  .datetime({ offset: true })
  .transform((value) => Date.parse(value))
  .describe('ISO 8601 instant with offset, e.g. 2026-11-25T12:00:00Z or 2026-11-25T20:00:00+08:00');

export const sessionDto = z.object({
  id: z.string().describe('session id (ses_…)'),
  title: z.string(),
  status: sessionStatusSchema,
  account: z.object({
    id: z.string(),
    platform: platformSchema,
    handle: z.string(),
    displayName: z.string(),
  }),
  room: z.object({ id: z.string(), name: z.string() }),
  anchors: z.array(z.object({ id: z.string(), name: z.string() })),
  plannedStart: z.string(),
  plannedEnd: z.string(),
  actualStart: z.string().nullable(),
  actualEnd: z.string().nullable(),
  recurringScheduleId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SessionDto = z.infer<typeof sessionDto>;

const plan = {
  title: z.string().trim().min(1).max(200),
  accountId: idSchema,
  roomId: idSchema,
  anchorIds: z
    .array(idSchema)
    .min(1)
    .max(10)
    .refine((ids) => new Set(ids).size === ids.length, 'an anchor is listed twice'),
  plannedStart: instantSchema,
  plannedEnd: instantSchema,
};

function plausibleWindow(v: { plannedStart?: number | undefined; plannedEnd?: number | undefined }): boolean {
  if (v.plannedStart === undefined || v.plannedEnd === undefined) return true;
  return v.plannedEnd > v.plannedStart && v.plannedEnd - v.plannedStart <= maxSessionMs;
}
const windowIssue = {
  message: 'plannedEnd must be after plannedStart and at most 24 hours later',
  path: ['plannedEnd'],
};

export const createSessionInput = z.object(plan).refine(plausibleWindow, windowIssue);
export type CreateSessionInput = z.infer<typeof createSessionInput>;

/** Any subset: moving a session is a change of start and end (and perhaps room). */
export const updateSessionInput = z
  .object({
    title: plan.title.optional(),
    accountId: plan.accountId.optional(),
    roomId: plan.roomId.optional(),
    anchorIds: plan.anchorIds.optional(),
    plannedStart: plan.plannedStart.optional(),
    plannedEnd: plan.plannedEnd.optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), 'give at least one field')
  .refine(plausibleWindow, windowIssue);
export type UpdateSessionInput = z.infer<typeof updateSessionInput>;

export const transitionInput = z.object({
  status: sessionStatusSchema.describe('the status to move to'),
  override: z
    .object({ reason: z.string().trim().min(1).max(500) })
    .optional()
    .describe(
      'go live despite session_not_ready problems (empty or failing line-up, too early); needs live:override and is audited',
    ),
});
export type TransitionInput = z.infer<typeof transitionInput>;

export const listSessionsQuery = z
  .object({
    from: instantSchema.describe('sessions that end after this instant'),
    to: instantSchema.describe('… and start before this one (at most 93 days later)'),
    roomId: idSchema.optional(),
    anchorId: idSchema.optional(),
    accountId: idSchema.optional(),
    status: sessionStatusSchema.optional(),
  })
  .refine((v) => v.to > v.from && v.to - v.from <= maxListSpanMs, {
    message: 'to must be after from, at most 93 days',
    path: ['to'],
  });
export type ListSessionsQuery = z.infer<typeof listSessionsQuery>;

export const myScheduleQuery = z
  .object({ from: instantSchema, to: instantSchema })
  .refine((v) => v.to > v.from && v.to - v.from <= maxListSpanMs, {
    message: 'to must be after from, at most 93 days',
    path: ['to'],
  });

/** One clash in a `schedule_conflict` answer: which resource, which session, when. */
export const clashDto = z.object({
  resource: z.enum(['room', 'anchor', 'account']),
  resourceId: z.string(),
  resourceName: z.string(),
  sessionId: z.string(),
  sessionTitle: z.string(),
  plannedStart: z.string(),
  plannedEnd: z.string(),
  /** For recurring generation: the occurrence that would have clashed. */
  occurrenceDate: z.string().optional(),
});
export type ClashDto = z.infer<typeof clashDto>;

/** `GET /me/schedule`: the signed-in anchor's sessions and the anchors linked to them. */
export const myScheduleDto = z.object({
  anchors: z.array(z.object({ id: z.string(), name: z.string() })),
  items: z.array(sessionDto),
});
export type MyScheduleDto = z.infer<typeof myScheduleDto>;

/** A create-session request body as a client writes it. */
export type CreateSessionBody = z.input<typeof createSessionInput>;
/** An update-session request body as a client writes it. */
export type UpdateSessionBody = z.input<typeof updateSessionInput>;
