import { isRecord } from '../is-record.js';
import type { EventRecord } from './resolve-tenant.step.js';

/** The scheduled session live now on a platform account, as scheduling knows it. */
export interface LiveOnAccount {
  sessionId: string;
  accountId: string;
  /** When it went live (UTC epoch ms). */
  since: number;
}

/** Finds the one session live now on an account; null when none is (or several are). */
export type LiveOnAccountLookup = (orgId: string, accountId: string) => Promise<LiveOnAccount | null>;

/** An event up to this long before its session went live (a warm-up, a clock) still attaches. */
export const attachLeadMs = 10 * 60_000;

function occurredAtOf(record: EventRecord): number | null {
  const value = record['occurredAt'];
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string') {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? null : ms;
  }
  return null;
}

/**
 * Attaches an event that names a session scheduling does not know to the session live on its
 * account (docs/events.md, "Scheduled sessions"): a platform's own live id becomes
 * `properties.platformSessionId` and the event takes the scheduled id, so the big screen of the
 * scheduled session shows it. Events from before the session went live (less
 * {@link attachLeadMs}) keep their id: an import of an old session never lands on today's.
 */
export function attachToScheduled(record: EventRecord, live: LiveOnAccount | null): EventRecord {
  if (live === null) return record;
  const sessionId = record['sessionId'];
  if (typeof sessionId !== 'string' || sessionId === '' || sessionId === live.sessionId) return record;
  if (record['accountId'] !== live.accountId) return record;
  const at = occurredAtOf(record);
  if (at === null || at < live.since - attachLeadMs) return record;
  const properties = record['properties'];
  if (properties !== undefined && !isRecord(properties)) return record;
  return {
    ...record,
    sessionId: live.sessionId,
    properties: { ...(properties ?? {}), platformSessionId: sessionId },
  };
}
