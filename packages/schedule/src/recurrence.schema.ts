import { z } from 'zod';
import { sessionDto } from './session.schema.js';
import { defaultTimeZone, isLocalDate, isTimeZone } from './zoned-time.js';

export const localDateSchema = z
  .string()
  .refine(isLocalDate, 'a calendar date written YYYY-MM-DD')
  .describe('local calendar date, YYYY-MM-DD');

/** The most days one generation may cover. */
export const maxGenerateDays = 92;

export const recurringScheduleDto = z.object({
  id: z.string().describe('recurring schedule id (rec_…)'),
  title: z.string(),
  accountId: z.string(),
  roomId: z.string(),
  anchorIds: z.array(z.string()),
  daysOfWeek: z.array(z.number().int()).describe('ISO weekdays, Monday 1 … Sunday 7'),
  startTime: z.string().describe('local wall-clock start, HH:mm'),
  durationMinutes: z.number().int(),
  timeZone: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  createdAt: z.string(),
});
export type RecurringScheduleDto = z.infer<typeof recurringScheduleDto>;

export const createRecurringScheduleInput = z
  .object({
    title: z.string().trim().min(1).max(200),
    accountId: z.string().min(1).max(64),
    roomId: z.string().min(1).max(64),
    anchorIds: z
      .array(z.string().min(1).max(64))
      .min(1)
      .max(10)
      .refine((ids) => new Set(ids).size === ids.length, 'an anchor is listed twice'),
    daysOfWeek: z
      .array(z.number().int().min(1).max(7))
      .min(1)
      .max(7)
      .refine((days) => new Set(days).size === days.length, 'a day is listed twice'),
    startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm, 00:00 to 23:59'),
    durationMinutes: z.number().int().min(15).max(720).describe('15 minutes to 12 hours'),
    timeZone: z
      .string()
      .default(defaultTimeZone)
      .refine(isTimeZone, 'an IANA time zone such as Asia/Shanghai'),
    startsOn: localDateSchema,
    endsOn: localDateSchema.nullish(),
  })
  .refine((v) => !v.endsOn || v.endsOn >= v.startsOn, {
    message: 'endsOn must not be before startsOn',
    path: ['endsOn'],
  });
export type CreateRecurringScheduleInput = z.infer<typeof createRecurringScheduleInput>;

export const generateSessionsInput = z
  .object({
    from: localDateSchema.describe('first local date to generate for (inclusive)'),
    to: localDateSchema.describe('last local date to generate for (inclusive)'),
  })
  .refine((v) => v.to >= v.from, { message: 'to must not be before from', path: ['to'] });

export const generateSessionsResult = z.object({
  created: z.array(sessionDto),
  skipped: z.array(z.object({ date: z.string(), reason: z.enum(['already_generated']) })),
});
export type GenerateSessionsResult = z.infer<typeof generateSessionsResult>;

/** A recurring-schedule request body as a client writes it. */
export type CreateRecurringScheduleBody = z.input<typeof createRecurringScheduleInput>;
