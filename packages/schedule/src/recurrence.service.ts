import type { AuditActor } from '@livecloud/access';
import { AppError, newId, type Clock } from '@livecloud/core';
import { lockBooking, scheduleConflict, toClashDto } from './booking.js';
import type { AuditRecorder } from './ports.js';
import { occurrences } from './recurrence.js';
import type { RecurrenceRepository, RecurringScheduleRow } from './recurrence.repository.js';
import {
  maxGenerateDays,
  type CreateRecurringScheduleInput,
  type GenerateSessionsResult,
  type RecurringScheduleDto,
} from './recurrence.schema.js';
import type { ResourceRepository } from './resource.repository.js';
import type { ClashDto } from './session.schema.js';
import type { SessionRepository } from './session.repository.js';
import type { SessionService } from './session.service.js';
import { daysBetween } from './zoned-time.js';

/** Recurring schedules (e.g. every Tuesday and Thursday 20:00–23:00) and the sessions they generate. */
export function createRecurrenceService(deps: {
  recurrences: RecurrenceRepository;
  sessions: SessionRepository;
  resources: ResourceRepository;
  sessionService: SessionService;
  audit: AuditRecorder;
  clock: Clock;
}) {
  const { recurrences } = deps;

  async function requireRule(orgId: string, id: string): Promise<RecurringScheduleRow> {
    const row = await recurrences.find(orgId, id);
    if (!row) throw AppError.notFound('recurring_schedule', id);
    return row;
  }

  return {
    async list(orgId: string): Promise<RecurringScheduleDto[]> {
      return (await recurrences.list(orgId)).map(toRecurringScheduleDto);
    },
    async get(orgId: string, id: string): Promise<RecurringScheduleDto> {
      return toRecurringScheduleDto(await requireRule(orgId, id));
    },

    async create(
      orgId: string,
      input: CreateRecurringScheduleInput,
      actor: AuditActor,
    ): Promise<RecurringScheduleDto> {
      if (!(await deps.resources.findRoom(orgId, input.roomId)))
        throw AppError.notFound('room', input.roomId);
      if (!(await deps.resources.findAccount(orgId, input.accountId)))
        throw AppError.notFound('platform_account', input.accountId);
      for (const anchorId of input.anchorIds) {
        if (!(await deps.resources.findAnchor(orgId, anchorId))) throw AppError.notFound('anchor', anchorId);
      }
      const row = await recurrences.insert({
        id: newId('rec', deps.clock.now()),
        org_id: orgId,
        title: input.title,
        account_id: input.accountId,
        room_id: input.roomId,
        anchor_ids: JSON.stringify(input.anchorIds),
        days_of_week: JSON.stringify([...input.daysOfWeek].sort((a, b) => a - b)),
        start_time: input.startTime,
        duration_minutes: input.durationMinutes,
        time_zone: input.timeZone,
        starts_on: input.startsOn,
        ends_on: input.endsOn ?? null,
      });
      await deps.audit.record(orgId, actor, {
        action: 'recurring_schedule.create',
        targetType: 'recurring_schedule',
        targetId: row.id,
        details: { ...input },
      });
      return toRecurringScheduleDto(row);
    },

    /**
     * Creates the rule's sessions for local dates `from`…`to`. All or nothing: when any
     * occurrence clashes, nothing is created and the 409 lists every clash with its date.
     * Dates that already have their session are skipped, so generating twice is harmless.
     */
    async generate(
      orgId: string,
      id: string,
      range: { from: string; to: string },
      actor: AuditActor,
    ): Promise<GenerateSessionsResult> {
      const rule = await requireRule(orgId, id);
      if (daysBetween(range.from, range.to) + 1 > maxGenerateDays) {
        throw AppError.invalid('range_too_long', `Generate at most ${maxGenerateDays} days at a time`);
      }
      const planned = occurrences(
        {
          daysOfWeek: rule.days_of_week,
          startTime: rule.start_time,
          durationMinutes: rule.duration_minutes,
          timeZone: rule.time_zone,
          startsOn: rule.starts_on,
          endsOn: rule.ends_on,
        },
        range.from,
        range.to,
      );
      const booking = { roomId: rule.room_id, accountId: rule.account_id, anchorIds: rule.anchor_ids };
      const now = deps.clock.now();
      const { createdIds, skipped } = await deps.sessions.transaction(async (tx) => {
        await lockBooking(tx, orgId, booking);
        const existing = new Set(
          await tx.occurrenceDates(
            orgId,
            rule.id,
            planned.map((o) => o.date),
          ),
        );
        const fresh = planned.filter((o) => !existing.has(o.date));
        const clashes: ClashDto[] = [];
        for (const occurrence of fresh) {
          const found = await tx.findClashes(
            orgId,
            booking,
            new Date(occurrence.start),
            new Date(occurrence.end),
          );
          clashes.push(...found.map((c) => toClashDto(c, occurrence.date)));
        }
        if (clashes.length > 0) throw scheduleConflict(clashes);
        const ids: string[] = [];
        for (const occurrence of fresh) {
          const sessionId = newId('ses', now);
          await tx.insert(
            {
              id: sessionId,
              org_id: orgId,
              title: rule.title,
              account_id: rule.account_id,
              room_id: rule.room_id,
              planned_start: new Date(occurrence.start),
              planned_end: new Date(occurrence.end),
              recurring_schedule_id: rule.id,
              occurrence_date: occurrence.date,
              created_at: new Date(now),
              updated_at: new Date(now),
            },
            booking.anchorIds,
          );
          ids.push(sessionId);
        }
        return {
          createdIds: ids,
          skipped: planned
            .filter((o) => existing.has(o.date))
            .map((o) => ({ date: o.date, reason: 'already_generated' as const })),
        };
      });
      await deps.audit.record(orgId, actor, {
        action: 'recurring_schedule.generate',
        targetType: 'recurring_schedule',
        targetId: rule.id,
        details: { ...range, created: createdIds.length, skipped: skipped.length },
      });
      const created = [];
      for (const sessionId of createdIds) created.push(await deps.sessionService.get(orgId, sessionId));
      return { created, skipped };
    },
  };
}
export type RecurrenceService = ReturnType<typeof createRecurrenceService>;

export function toRecurringScheduleDto(row: RecurringScheduleRow): RecurringScheduleDto {
  return {
    id: row.id,
    title: row.title,
    accountId: row.account_id,
    roomId: row.room_id,
    anchorIds: row.anchor_ids,
    daysOfWeek: row.days_of_week,
    startTime: row.start_time,
    durationMinutes: row.duration_minutes,
    timeZone: row.time_zone,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    createdAt: row.created_at.toISOString(),
  };
}
