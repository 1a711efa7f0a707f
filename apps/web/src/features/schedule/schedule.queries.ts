import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { sessionsApi } from './schedule.api';

export interface SessionRange {
  from: string;
  to: string;
}

/** Every cached list of live sessions, whichever page read it: what a session change makes stale. */
export const sessionsKey = ['schedule', 'sessions'] as const;

/**
 * The schedule's sessions in a range, all of them or only the anchor's own. The previous range
 * stays on screen while the next one loads, so stepping through weeks does not flash empty.
 */
export const scheduleSessionsQuery = (range: SessionRange, mine: boolean) =>
  queryOptions({
    queryKey: [...sessionsKey, mine ? 'mine' : 'all', range],
    queryFn: ({ signal }) => (mine ? sessionsApi.mine(range, signal) : sessionsApi.list(range, signal)),
    placeholderData: keepPreviousData,
  });
