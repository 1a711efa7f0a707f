import { keepPreviousData, queryOptions, skipToken } from '@tanstack/react-query';
import { roomsApi } from '../accounts/accounts.api';
import { sopApi } from './sop.api';

async function loadOverview(signal: AbortSignal) {
  const [templates, runs, rooms] = await Promise.all([
    sopApi.templates(signal),
    sopApi.runs(signal),
    roomsApi.list(signal),
  ]);
  return { templates: templates.items, runs: runs.items, rooms: rooms.items };
}

/** SOP templates, runs with their progress, and the rooms a run can be for. */
export const sopOverviewQuery = () =>
  queryOptions({ queryKey: ['schedule', 'sop'], queryFn: ({ signal }) => loadOverview(signal) });

/** One run's tasks; the run shown before stays while the next one loads. */
export const sopRunQuery = (runId: string | null) =>
  queryOptions({
    queryKey: ['schedule', 'sop', 'run', runId],
    queryFn: runId ? ({ signal }) => sopApi.run(runId, signal) : skipToken,
    placeholderData: keepPreviousData,
  });
