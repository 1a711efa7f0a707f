import { deadLetter, ok, type StepResult } from './result.js';
import type { EventRecord } from './resolve-tenant.step.js';

/** What the records know about a live session that an event may leave out. */
export interface LiveSessionFacts {
  /** The platform account the session is broadcast on. */
  readonly accountId: string;
}

/**
 * Looks a live session up by id within an organisation; null when it is not known (the
 * event then stands on its own). Supplied by whoever owns sessions; the collector only calls it.
 */
export type SessionLookup = (orgId: string, sessionId: string) => Promise<LiveSessionFacts | null>;

/** The distinct session ids a batch mentions, to look up once each. */
export function sessionIdsOf(events: readonly EventRecord[]): string[] {
  const ids = new Set<string>();
  for (const event of events) {
    const id = event['sessionId'];
    if (typeof id === 'string' && id !== '') ids.add(id);
  }
  return [...ids];
}

/**
 * Joins an event to its live session: fills a missing `accountId` from the session, and
 * dead-letters an event whose account contradicts the session it claims to belong to.
 */
export function applySession(
  event: EventRecord,
  session: LiveSessionFacts | null | undefined,
): StepResult<EventRecord> {
  if (!session) return ok(event);
  const accountId = event['accountId'];
  if (accountId === undefined) return ok({ ...event, accountId: session.accountId });
  if (accountId !== session.accountId) {
    return deadLetter(
      `session_account_mismatch: session ${String(event['sessionId'])} is on account ${session.accountId}, not ${JSON.stringify(accountId)}`,
      [
        {
          path: 'accountId',
          code: 'session_account_mismatch',
          message: `must be ${session.accountId}, the session’s account`,
        },
      ],
    );
  }
  return ok(event);
}
