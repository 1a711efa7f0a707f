import type { AuditActor, AuditRecorder } from '@livecloud/access';
import { AppError, type Clock } from '@livecloud/core';
import type { ReplayInput, ReplayOutcome } from './collector.service.js';
import type { DeadLetterRepository, DeadLetterRow } from './dead-letter.repository.js';
import {
  eventIssueDto,
  replayResultDto,
  type BulkReplayInput,
  type BulkReplayResult,
  type DeadLetterDto,
  type DeadLetterListQuery,
  type DeadLetterPage,
  type ReplayDeadLetterInput,
  type ReplayResultDto,
} from './dead-letter.schema.js';

function toIso(value: Date | null): string | null {
  return value === null ? null : value.toISOString();
}

/** Maps a row to its DTO; jsonb columns are checked, not cast. */
export function toDeadLetterDto(row: DeadLetterRow): DeadLetterDto {
  const issues = eventIssueDto.array().safeParse(row.issues);
  const result = replayResultDto.safeParse(row.replay_result);
  return {
    id: row.id,
    receivedAt: row.received_at.toISOString(),
    source: row.source,
    keyId: row.key_id,
    format: row.format,
    eventId: row.event_id,
    reason: row.reason,
    issues: issues.success ? issues.data : [],
    payload: row.payload ?? null,
    payloadText: row.payload_text,
    status: row.status,
    attempts: row.attempts,
    replayedAt: toIso(row.replayed_at),
    replayResult: result.success ? result.data : null,
    edited:
      row.edited_at === null
        ? null
        : {
            at: row.edited_at.toISOString(),
            by: row.edited_by,
            originalPayload: row.original_payload ?? null,
            originalPayloadText: row.original_payload_text,
          },
  };
}

/**
 * Dead letters of one organisation: look, replay, discard. Replay re-runs the original item
 * through the collector's pipeline as it was received; when it now passes, the event is
 * stored (once, by id) and the dead letter is marked replayed, otherwise it stays `new` with
 * the new reason.
 */
export function createDeadLetterService(deps: {
  deadLetters: DeadLetterRepository;
  clock: Clock;
  replay: (input: ReplayInput) => Promise<ReplayOutcome>;
  /** Where replays and discards are recorded; the server passes access's audit log. */
  audit?: AuditRecorder | undefined;
}) {
  const repository = deps.deadLetters;

  const load = async (orgId: string, id: string): Promise<DeadLetterRow> => {
    const row = await repository.findById(orgId, id);
    if (!row) throw AppError.notFound('dead_letter', id);
    return row;
  };
  const notNew = (row: DeadLetterRow): AppError =>
    AppError.conflict('dead_letter_not_new', `Dead letter ${row.id} is already ${row.status}`, {
      status: row.status,
    });

  return {
    async list(orgId: string, query: DeadLetterListQuery): Promise<DeadLetterPage> {
      const rows = await repository.list(orgId, {
        status: query.status,
        source: query.source,
        reasonContains: query.q,
        from: query.from ? new Date(query.from) : undefined,
        to: query.to ? new Date(query.to) : undefined,
        before: query.cursor,
        limit: query.limit + 1,
      });
      const page = rows.slice(0, query.limit);
      return {
        items: page.map(toDeadLetterDto),
        nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
      };
    },

    async get(orgId: string, id: string): Promise<DeadLetterDto> {
      return toDeadLetterDto(await load(orgId, id));
    },

    replay,
    replayMany,

    /** Marks a dead letter as not worth replaying; discarding it twice changes nothing. */
    async discard(orgId: string, id: string, actor: AuditActor): Promise<DeadLetterDto> {
      const row = await load(orgId, id);
      if (row.status === 'discarded') return toDeadLetterDto(row);
      if (row.status !== 'new') throw notNew(row);
      const updated = await repository.discard(orgId, id, new Date(deps.clock.now()));
      if (!updated) return toDeadLetterDto(await load(orgId, id));
      await deps.audit?.record(orgId, actor, {
        action: 'dead_letter.discard',
        targetType: 'dead_letter',
        targetId: id,
        details: { reason: row.reason },
      });
      return toDeadLetterDto(updated);
    },
  };

  /**
   * Replays one letter as kept or, with `edit.payload`, with a corrected item: the correction
   * is kept (the original beside it, audited as `dead_letter.edit`) whatever the replay says.
   */
  async function replay(
    orgId: string,
    id: string,
    actor: AuditActor,
    edit: ReplayDeadLetterInput = {},
  ): Promise<DeadLetterDto> {
    let row = await load(orgId, id);
    if (row.status !== 'new') throw notNew(row);
    if (edit.payload !== undefined) {
      const edited = await repository.edit(orgId, id, {
        payload: edit.payload,
        at: new Date(deps.clock.now()),
        by: actor.id,
      });
      if (!edited) throw notNew(await load(orgId, id));
      await deps.audit?.record(orgId, actor, {
        action: 'dead_letter.edit',
        targetType: 'dead_letter',
        targetId: id,
        details: { reason: row.reason },
      });
      row = edited;
    }
    const outcome = await deps.replay({
      orgId,
      format: row.format,
      source: row.source,
      receivedAt: row.received_at.getTime(),
      payload: row.payload,
      payloadText: row.payload_text,
    });
    const at = new Date(deps.clock.now());
    const result: ReplayResultDto =
      outcome.outcome === 'rejected'
        ? { outcome: 'rejected', at: at.toISOString(), reason: outcome.reason }
        : { outcome: outcome.outcome, at: at.toISOString(), eventId: outcome.eventId };
    const updated = await repository.recordReplay(
      orgId,
      id,
      outcome.outcome === 'rejected'
        ? { status: 'new', at, result, reason: outcome.reason, issues: outcome.issues }
        : { status: 'replayed', at, result },
    );
    if (!updated) throw notNew(await load(orgId, id));
    await deps.audit?.record(orgId, actor, {
      action: 'dead_letter.replay',
      targetType: 'dead_letter',
      targetId: id,
      details: { outcome: result.outcome, reason: row.reason },
    });
    return toDeadLetterDto(updated);
  }

  /**
   * Replays the named letters, or the pending ones the filter matches (newest first), one by
   * one; a letter of another organisation is `not_found`, one no longer pending `not_new`.
   */
  async function replayMany(
    orgId: string,
    input: BulkReplayInput,
    actor: AuditActor,
  ): Promise<BulkReplayResult> {
    const ids =
      input.ids ??
      (
        await repository.list(orgId, {
          status: 'new',
          source: input.source,
          reasonContains: input.q,
          from: input.from ? new Date(input.from) : undefined,
          to: input.to ? new Date(input.to) : undefined,
          limit: input.limit,
        })
      ).map((row) => row.id);
    const results: BulkReplayResult['results'] = [];
    for (const id of new Set(ids)) {
      try {
        const dto = await replay(orgId, id, actor);
        const outcome = dto.replayResult?.outcome ?? 'rejected';
        results.push(outcome === 'rejected' ? { id, outcome, reason: dto.reason } : { id, outcome });
      } catch (error) {
        if (!(error instanceof AppError) || (error.kind !== 'not_found' && error.kind !== 'conflict'))
          throw error;
        results.push({ id, outcome: error.kind === 'not_found' ? 'not_found' : 'not_new' });
      }
    }
    const counts = { ingested: 0, duplicate: 0, rejected: 0, not_found: 0, not_new: 0 };
    for (const r of results) counts[r.outcome] += 1;
    return { results, counts };
  }
}
export type DeadLetterService = ReturnType<typeof createDeadLetterService>;
