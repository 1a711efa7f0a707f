import type { AuditActor } from '@livecloud/access';
import { AppError, newId, type Clock } from '@livecloud/core';
import { lockBooking, scheduleConflict, toClashDto } from './booking.js';
import type { AuditRecorder } from './ports.js';
import type { ResourceRepository } from './resource.repository.js';
import type { SessionStatus } from './schedule.tables.js';
import type {
  CreateSessionInput,
  ListSessionsQuery,
  SessionDto,
  UpdateSessionInput,
} from './session.schema.js';
import { assertMayGoLive, goLiveProblems, type GoLiveOverride } from './go-live.js';
import type { LineupDto } from './lineup.schema.js';
import { assertTransition } from './session-status.js';
import type { SessionRepository, SessionRow } from './session.repository.js';

/** Live sessions (场次): planning with conflict detection, moving, and the status path. */
export function createSessionService(deps: {
  sessions: SessionRepository;
  resources: ResourceRepository;
  audit: AuditRecorder;
  clock: Clock;
  /** The session's line-up with its validation, checked before it goes live. */
  lineupOf?:
    ((orgId: string, sessionId: string) => Promise<Pick<LineupDto, 'items' | 'validation'>>) | undefined;
}) {
  const { sessions } = deps;

  async function toDtos(orgId: string, rows: SessionRow[]): Promise<SessionDto[]> {
    const anchors = await sessions.anchorsOf(
      orgId,
      rows.map((r) => r.id),
    );
    return rows.map((row) =>
      toSessionDto(
        row,
        anchors.filter((a) => a.session_id === row.id).map((a) => ({ id: a.id, name: a.name })),
      ),
    );
  }

  async function get(orgId: string, id: string): Promise<SessionDto> {
    const row = await sessions.find(orgId, id);
    if (!row) throw AppError.notFound('session', id);
    const [dto] = await toDtos(orgId, [row]);
    return dto!;
  }

  return {
    get,
    /** The sessions among these ids that the organisation scheduled (ids it does not know are left out). */
    async getMany(orgId: string, ids: readonly string[]): Promise<SessionDto[]> {
      return toDtos(orgId, await sessions.findMany(orgId, ids));
    },
    /** Every session live now, whenever it was planned. */
    async liveNow(orgId: string): Promise<SessionDto[]> {
      return toDtos(orgId, await sessions.liveNow(orgId));
    },
    async list(orgId: string, query: ListSessionsQuery): Promise<SessionDto[]> {
      const rows = await sessions.list(orgId, {
        from: new Date(query.from),
        to: new Date(query.to),
        roomId: query.roomId,
        accountId: query.accountId,
        anchorIds: query.anchorId ? [query.anchorId] : undefined,
        status: query.status,
      });
      return toDtos(orgId, rows);
    },

    /** The sessions of the anchors a signed-in member is linked to (an anchor's own schedule). */
    async mySchedule(orgId: string, membershipId: string, range: { from: number; to: number }) {
      const anchors = await deps.resources.anchorsOfMember(orgId, membershipId);
      const rows = await sessions.list(orgId, {
        from: new Date(range.from),
        to: new Date(range.to),
        anchorIds: anchors.map((a) => a.id),
      });
      return { anchors: anchors.map((a) => ({ id: a.id, name: a.name })), items: await toDtos(orgId, rows) };
    },

    /** Plans a session; refused with 409 `schedule_conflict` when a room, account or anchor is taken. */
    async create(orgId: string, input: CreateSessionInput, actor: AuditActor): Promise<SessionDto> {
      const now = deps.clock.now();
      const id = newId('ses', now);
      const booking = { roomId: input.roomId, accountId: input.accountId, anchorIds: input.anchorIds };
      const start = new Date(input.plannedStart);
      const end = new Date(input.plannedEnd);
      await sessions.transaction(async (tx) => {
        await lockBooking(tx, orgId, booking);
        const clashes = await tx.findClashes(orgId, booking, start, end);
        if (clashes.length > 0) throw scheduleConflict(clashes.map((c) => toClashDto(c)));
        await tx.insert(
          {
            id,
            org_id: orgId,
            title: input.title,
            account_id: input.accountId,
            room_id: input.roomId,
            planned_start: start,
            planned_end: end,
            created_at: new Date(now),
            updated_at: new Date(now),
          },
          input.anchorIds,
        );
      });
      await deps.audit.record(orgId, actor, {
        action: 'session.create',
        targetType: 'session',
        targetId: id,
        details: { title: input.title, plannedStart: start.toISOString(), plannedEnd: end.toISOString() },
      });
      return get(orgId, id);
    },

    /** Changes a planned session; a move or a new room, account or anchor is checked for clashes again. */
    async update(
      orgId: string,
      id: string,
      input: UpdateSessionInput,
      actor: AuditActor,
    ): Promise<SessionDto> {
      const before = await get(orgId, id);
      await sessions.transaction(async (tx) => {
        const locked = await tx.lock(orgId, id);
        if (!locked) throw AppError.notFound('session', id);
        if (locked.status !== 'planned') {
          throw AppError.conflict(
            'session_not_planned',
            `Only a planned session can be changed; this one is ${locked.status}`,
            {
              status: locked.status,
            },
          );
        }
        const current = await tx.find(orgId, id);
        if (!current) throw AppError.notFound('session', id);
        const anchorIds = input.anchorIds ?? (await tx.anchorsOf(orgId, [id])).map((a) => a.id);
        const start = input.plannedStart ?? current.planned_start.getTime();
        const end = input.plannedEnd ?? current.planned_end.getTime();
        if (end <= start || end - start > 24 * 3600_000) {
          throw AppError.invalid(
            'invalid_window',
            'plannedEnd must be after plannedStart and at most 24 hours later',
            {
              plannedStart: new Date(start).toISOString(),
              plannedEnd: new Date(end).toISOString(),
            },
          );
        }
        const booking = {
          roomId: input.roomId ?? current.room_id,
          accountId: input.accountId ?? current.account_id,
          anchorIds,
        };
        await lockBooking(tx, orgId, booking);
        const clashes = await tx.findClashes(orgId, booking, new Date(start), new Date(end), [id]);
        if (clashes.length > 0) throw scheduleConflict(clashes.map((c) => toClashDto(c)));
        await tx.update(orgId, id, {
          title: input.title,
          room_id: input.roomId,
          account_id: input.accountId,
          planned_start: new Date(start),
          planned_end: new Date(end),
          updated_at: new Date(deps.clock.now()),
        });
        if (input.anchorIds) await tx.replaceAnchors(orgId, id, input.anchorIds);
      });
      const after = await get(orgId, id);
      await deps.audit.record(orgId, actor, {
        action: 'session.update',
        targetType: 'session',
        targetId: id,
        details: {
          from: { plannedStart: before.plannedStart, plannedEnd: before.plannedEnd, roomId: before.room.id },
          to: { plannedStart: after.plannedStart, plannedEnd: after.plannedEnd, roomId: after.room.id },
        },
      });
      return after;
    },

    /**
     * Moves a session along planned → live → ended → reviewed; anything else is 409
     * `illegal_transition`. Going live checks the line-up and the time first (go-live.ts).
     */
    async transition(
      orgId: string,
      id: string,
      to: SessionStatus,
      actor: AuditActor,
      options: { override?: GoLiveOverride | undefined; mayOverride?: boolean } = {},
    ): Promise<SessionDto> {
      let from: SessionStatus | undefined;
      let overridden: { reason: string; problems: unknown } | undefined;
      if (to === 'live' && deps.lineupOf) {
        const current = await get(orgId, id);
        if (current.status === 'planned') {
          const problems = goLiveProblems(
            { plannedStart: Date.parse(current.plannedStart) },
            await deps.lineupOf(orgId, id),
            deps.clock.now(),
          );
          assertMayGoLive(id, problems, { given: options.override, permitted: options.mayOverride ?? false });
          if (problems.length > 0 && options.override)
            overridden = { reason: options.override.reason, problems };
        }
      }
      await sessions.transaction(async (tx) => {
        const locked = await tx.lock(orgId, id);
        if (!locked) throw AppError.notFound('session', id);
        from = locked.status;
        assertTransition(id, locked.status, to);
        const at = new Date(deps.clock.now());
        await tx.update(orgId, id, {
          status: to,
          updated_at: at,
          ...(to === 'live' ? { actual_start: at } : {}),
          ...(to === 'ended' ? { actual_end: at } : {}),
        });
      });
      await deps.audit.record(orgId, actor, {
        action: 'session.status',
        targetType: 'session',
        targetId: id,
        details: { from, to, ...(overridden ? { override: overridden } : {}) },
      });
      return get(orgId, id);
    },

    /**
     * Records that a planned session already took place, from `actualStart` to `actualEnd` (both
     * in the past): history brought in after the fact (the demo's past sessions, an import).
     */
    async recordEnded(
      orgId: string,
      id: string,
      actual: { start: number; end: number },
      actor: AuditActor,
    ): Promise<SessionDto> {
      if (!(actual.end > actual.start) || actual.end > deps.clock.now()) {
        throw AppError.invalid(
          'invalid_window',
          'A session that took place ends after it starts, in the past',
          {
            actualStart: new Date(actual.start).toISOString(),
            actualEnd: new Date(actual.end).toISOString(),
          },
        );
      }
      await sessions.transaction(async (tx) => {
        const locked = await tx.lock(orgId, id);
        if (!locked) throw AppError.notFound('session', id);
        assertTransition(id, locked.status, 'live');
        await tx.update(orgId, id, {
          status: 'ended',
          actual_start: new Date(actual.start),
          actual_end: new Date(actual.end),
          updated_at: new Date(deps.clock.now()),
        });
      });
      await deps.audit.record(orgId, actor, {
        action: 'session.status',
        targetType: 'session',
        targetId: id,
        details: { from: 'planned', to: 'ended', recorded: true },
      });
      return get(orgId, id);
    },

    /** Removes a planned session with its line-up and requirements; a session that went live stays. */
    async remove(orgId: string, id: string, actor: AuditActor): Promise<SessionDto> {
      const dto = await get(orgId, id);
      await sessions.transaction(async (tx) => {
        const locked = await tx.lock(orgId, id);
        if (!locked) throw AppError.notFound('session', id);
        if (locked.status !== 'planned') {
          throw AppError.conflict(
            'session_not_planned',
            `Only a planned session can be removed; this one is ${locked.status}`,
            {
              status: locked.status,
            },
          );
        }
        await tx.delete(orgId, id);
      });
      await deps.audit.record(orgId, actor, {
        action: 'session.delete',
        targetType: 'session',
        targetId: id,
        details: { title: dto.title },
      });
      return dto;
    },
  };
}
export type SessionService = ReturnType<typeof createSessionService>;

export function toSessionDto(row: SessionRow, anchors: { id: string; name: string }[]): SessionDto {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    account: {
      id: row.account_id,
      platform: row.account_platform,
      handle: row.account_handle,
      displayName: row.account_name,
    },
    room: { id: row.room_id, name: row.room_name },
    anchors,
    plannedStart: row.planned_start.toISOString(),
    plannedEnd: row.planned_end.toISOString(),
    actualStart: row.actual_start ? row.actual_start.toISOString() : null,
    actualEnd: row.actual_end ? row.actual_end.toISOString() : null,
    recurringScheduleId: row.recurring_schedule_id,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
