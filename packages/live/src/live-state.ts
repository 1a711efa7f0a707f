import type { StoredEvent } from '@livecloud/events';
import type { LiveSnapshot } from './live-snapshot.schema.js';

/** A session of one organisation whose live state changed in an {@link LiveStateStore.apply}. */
export interface SessionRef {
  orgId: string;
  sessionId: string;
}

/** What {@link LiveStateStore.apply} did with a batch. */
export interface ApplyResult {
  /** Events counted now for the first time. */
  applied: number;
  /** Events already counted before (redeliveries, retries), ignored. */
  duplicates: number;
  /** Events that are not live events of a session (generic types, no sessionId), ignored. */
  ignored: number;
  /** Sessions that changed. */
  sessions: SessionRef[];
}

/**
 * The live state of every session: exact running tallies that the big screen reads.
 *
 * `apply` is idempotent per event id within a session, so at-least-once delivery, retries
 * and replays never count an event twice; and every tally commutes, so the state after any
 * delivery order equals the state after delivering the events sorted by time — which is what
 * the SQL recomputation over the event store computes.
 */
export interface LiveStateStore {
  readonly engine: 'memory' | 'redis';
  apply(events: readonly StoredEvent[]): Promise<ApplyResult>;
  /** The session's snapshot, or null when the organisation has no events for it. */
  snapshot(orgId: string, sessionId: string): Promise<LiveSnapshot | null>;
  /** Distinct events counted for the session (0 when none); cheaper than a snapshot. */
  eventCount(orgId: string, sessionId: string): Promise<number>;
  /** Forgets one session's state (for tests and retention). */
  drop(orgId: string, sessionId: string): Promise<void>;
  health(): Promise<{ ok: boolean; latencyMs: number; error?: string }>;
  close(): Promise<void>;
}

/** Groups live events by organisation and session, keeping delivery order inside each group. */
export function groupBySession<E extends { orgId: string; sessionId: string }>(
  events: readonly E[],
): Array<SessionRef & { events: E[] }> {
  const groups = new Map<string, SessionRef & { events: E[] }>();
  for (const event of events) {
    const key = `${event.orgId}\u0000${event.sessionId}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { orgId: event.orgId, sessionId: event.sessionId, events: [] };
      groups.set(key, group);
    }
    group.events.push(event);
  }
  return [...groups.values()];
}
