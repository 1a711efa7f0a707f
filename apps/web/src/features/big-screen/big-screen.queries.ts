import { queryOptions } from '@tanstack/react-query';
import { bigScreenApi } from './big-screen.api';

/** How often the picker reads the list of recent live sessions again. */
export const liveSessionsRefreshMs = 10_000;

/** Recent live sessions for the picker; new ones appear by themselves every few seconds. The board itself streams over SSE. */
export const liveSessionsQuery = () =>
  queryOptions({
    queryKey: ['live', 'sessions'],
    queryFn: ({ signal }) => bigScreenApi.sessions(signal),
    refetchInterval: liveSessionsRefreshMs,
  });
