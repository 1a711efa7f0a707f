import { queryOptions } from '@tanstack/react-query';
import { sessionsKey } from '../schedule/schedule.queries';
import { forecastApi } from './forecast.api';
import { loadForecastSessions } from './forecast-session-select';

/** A session's forecast; it is learned from its line-up, so a line-up change makes it stale. */
export const forecastQuery = (sessionId: string) =>
  queryOptions({
    queryKey: ['forecast', 'session', sessionId],
    queryFn: ({ signal }) => forecastApi.session(sessionId, signal),
  });

export const backtestQuery = () =>
  queryOptions({ queryKey: ['forecast', 'backtest'], queryFn: ({ signal }) => forecastApi.backtest(signal) });

/** The sessions the forecast page offers (last 30 and next 60 days). */
export const forecastSessionsQuery = () =>
  queryOptions({
    queryKey: [...sessionsKey, 'forecast'],
    queryFn: ({ signal }) => loadForecastSessions(signal),
  });
