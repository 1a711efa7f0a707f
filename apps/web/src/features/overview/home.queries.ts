import { queryOptions } from '@tanstack/react-query';
import { sessionsApi } from '../schedule/schedule.api';

const dayMs = 24 * 3600_000;

/** The window the home page looks at: from the start of today (local) to a week ahead. */
export function homeRange(now = new Date()): { from: string; to: string } {
  const start = new Date(now);
  start.setHours(0, 0, 0, 0);
  return { from: start.toISOString(), to: new Date(start.getTime() + 8 * dayMs).toISOString() };
}

/** Every session of the organisation in the home window (the operator's view). */
export const homeSessionsQuery = () =>
  queryOptions({
    queryKey: ['home', 'sessions'],
    queryFn: ({ signal }) => sessionsApi.list(homeRange(), signal),
  });

/** The signed-in anchor's own sessions in the home window. */
export const mySessionsQuery = () =>
  queryOptions({
    queryKey: ['home', 'mine'],
    queryFn: ({ signal }) => sessionsApi.mine(homeRange(), signal),
  });
