import type { SessionDto as LiveSession } from '@livecloud/schedule/schemas';
import { queryOptions, skipToken } from '@tanstack/react-query';
import { sessionsApi } from '../schedule/schedule.api';
import { sessionsKey } from '../schedule/schedule.queries';
import { lineupsApi } from './lineups.api';

const day = 86_400_000;

async function loadSessions(signal: AbortSignal): Promise<LiveSession[]> {
  const now = Date.now();
  const range = { from: new Date(now - 7 * day).toISOString(), to: new Date(now + 60 * day).toISOString() };
  return (await sessionsApi.list(range, signal)).items;
}

/** The sessions a line-up can be built for (last 7 and next 60 days). */
export const lineupSessionsQuery = () =>
  queryOptions({ queryKey: [...sessionsKey, 'lineups'], queryFn: ({ signal }) => loadSessions(signal) });

/** A session's line-up with its validation; nothing is read until a session is chosen. */
export const lineupQuery = (sessionId: string | null) =>
  queryOptions({
    queryKey: ['schedule', 'lineup', sessionId],
    queryFn: sessionId ? ({ signal }) => lineupsApi.get(sessionId, signal) : skipToken,
  });

/** 选品需求 of a session. */
export const requirementsQuery = (sessionId: string) =>
  queryOptions({
    queryKey: ['schedule', 'requirements', sessionId],
    queryFn: ({ signal }) => lineupsApi.requirements(sessionId, signal),
  });
