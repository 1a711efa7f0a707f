import type { EventIssue } from '@livecloud/contracts';
import type { StoredEvent } from '../event-store.js';
import { stampReceivedAt } from './enrich.step.js';
import { checkOccurredAt } from './occurred-at.step.js';
import type { BodyItem } from './parse.step.js';
import { resolveTenant, type EventRecord, type IngestTenant } from './resolve-tenant.step.js';
import { andThen, ok, type StepResult } from './result.js';
import { mapSegmentMessage } from './segment.step.js';
import { checkItemShape } from './shape.step.js';
import { attachToScheduled, type LiveOnAccount, type LiveOnAccountLookup } from './attach.step.js';
import { applySession, sessionIdsOf, type LiveSessionFacts, type SessionLookup } from './session.step.js';
import { normaliseTrafficSource } from './traffic-source.step.js';
import { validateEvent } from './validate.step.js';

/** Which entry point a batch came through, and so which mapping runs first. */
export type IngestFormat = 'native' | 'segment';

export interface PrepareContext {
  tenant: IngestTenant;
  format: IngestFormat;
  /** The collector's reception time, stamped on every event. */
  receivedAt: number;
  sessionLookup?: SessionLookup | undefined;
  /** The session live on an account; events naming an unknown session attach to it (attach.step.ts). */
  liveOnAccount?: LiveOnAccountLookup | undefined;
}

/** An item that passed every per-event step, ready for de-duplication. */
export interface Candidate {
  index: number;
  event: StoredEvent;
}

/** An item that stops here, with what is needed to keep it as a dead letter. */
export interface Rejection {
  index: number;
  /** The item as sent, when it was JSON. */
  value?: unknown;
  /** The line as sent, when it was not. */
  text?: string;
  reason: string;
  issues: readonly EventIssue[];
}

/** The result of the per-event steps over a batch. */
export interface PreparedBatch {
  candidates: Candidate[];
  rejections: Rejection[];
}

function toRecord(value: unknown, ctx: PrepareContext): StepResult<EventRecord> {
  const mapped: StepResult<unknown> =
    ctx.format === 'segment' ? mapSegmentMessage(value, ctx.receivedAt) : ok(value);
  return andThen(
    andThen(mapped, (item) => resolveTenant(item, ctx.tenant)),
    normaliseTrafficSource,
  );
}

async function lookUpSessions(
  records: readonly EventRecord[],
  ctx: PrepareContext,
): Promise<Map<string, LiveSessionFacts | null>> {
  const found = new Map<string, LiveSessionFacts | null>();
  const lookup = ctx.sessionLookup;
  if (!lookup) return found;
  await Promise.all(
    sessionIdsOf(records).map(async (id) => {
      found.set(id, await lookup(ctx.tenant.orgId, id));
    }),
  );
  return found;
}

/** For events naming a session scheduling does not know: the session live on each of their accounts. */
async function lookUpLiveAccounts(
  staged: readonly { record: EventRecord }[],
  sessions: ReadonlyMap<string, LiveSessionFacts | null>,
  ctx: PrepareContext,
): Promise<Map<string, LiveOnAccount | null>> {
  const found = new Map<string, LiveOnAccount | null>();
  const lookup = ctx.liveOnAccount;
  if (!lookup) return found;
  const accounts = new Set<string>();
  for (const { record } of staged) {
    const sessionId = record['sessionId'];
    const accountId = record['accountId'];
    if (typeof sessionId === 'string' && sessions.get(sessionId) === null && typeof accountId === 'string')
      accounts.add(accountId);
  }
  await Promise.all(
    [...accounts].map(async (accountId) => {
      found.set(accountId, await lookup(ctx.tenant.orgId, accountId));
    }),
  );
  return found;
}

/**
 * Runs the per-event steps in order — the item's depth and size, Segment mapping (for Segment calls), organisation and
 * source, traffic-source cleaning, the live-session join, envelope validation, the
 * receivedAt stamp and the check that the event is not dated ahead of it — and sorts the batch into candidates and rejections. Never throws for
 * bad input; only a failing session lookup propagates.
 */
export async function prepareBatch(items: readonly BodyItem[], ctx: PrepareContext): Promise<PreparedBatch> {
  const rejections: Rejection[] = [];
  const staged: { index: number; value: unknown; record: EventRecord }[] = [];
  for (const item of items) {
    if (item.result.kind !== 'ok') {
      if (item.result.kind === 'dead_letter') {
        rejections.push({
          index: item.index,
          text: item.text ?? '',
          reason: item.result.reason,
          issues: item.result.issues,
        });
      }
      continue;
    }
    const value = item.result.value;
    const shape = checkItemShape(value);
    if (shape.kind === 'rejected') {
      const { reason, issues } = shape;
      // The value still names the event (its id); the text is what the dead letter keeps.
      rejections.push(
        shape.text === undefined
          ? { index: item.index, value, reason, issues }
          : { index: item.index, value, text: shape.text, reason, issues },
      );
      continue;
    }
    const record = toRecord(value, ctx);
    if (record.kind === 'ok') staged.push({ index: item.index, value, record: record.value });
    else if (record.kind === 'dead_letter')
      rejections.push({ index: item.index, value, reason: record.reason, issues: record.issues });
  }

  const sessions = await lookUpSessions(
    staged.map((s) => s.record),
    ctx,
  );
  const live = await lookUpLiveAccounts(staged, sessions, ctx);
  const candidates: Candidate[] = [];
  for (const staging of staged) {
    const { index, value } = staging;
    let record = staging.record;
    const named = record['sessionId'];
    const account = record['accountId'];
    if (typeof named === 'string' && sessions.get(named) === null && typeof account === 'string') {
      record = attachToScheduled(record, live.get(account) ?? null);
    }
    const sessionId = record['sessionId'];
    const attached = sessionId !== named ? live.get(account as string) : undefined;
    const session = attached
      ? { accountId: attached.accountId }
      : typeof sessionId === 'string'
        ? sessions.get(sessionId)
        : undefined;
    // validateEvent returns a new object, which is ours to stamp in place.
    const result = andThen(
      andThen(andThen(applySession(record, session), validateEvent), (event) =>
        stampReceivedAt(event, ctx.receivedAt),
      ),
      checkOccurredAt,
    );
    if (result.kind === 'ok') candidates.push({ index, event: result.value });
    else if (result.kind === 'dead_letter')
      rejections.push({ index, value, reason: result.reason, issues: result.issues });
  }
  rejections.sort((a, b) => a.index - b.index);
  return { candidates, rejections };
}
