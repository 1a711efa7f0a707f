import { keepPreviousData, queryOptions, skipToken } from '@tanstack/react-query';
import { anchorsApi, roomsApi } from '../accounts/accounts.api';
import { staffApi } from '../settings/settings.api';
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

/** Who a task can be assigned to: active staff and active anchors, by name. */
export interface SopAssigneeOptions {
  staff: { id: string; name: string }[];
  anchors: { id: string; name: string }[];
}

async function loadAssignees(signal: AbortSignal): Promise<SopAssigneeOptions> {
  const [staff, anchors] = await Promise.all([staffApi.list(signal), anchorsApi.list(signal)]);
  return {
    staff: staff.items.filter((s) => s.status === 'active').map((s) => ({ id: s.id, name: s.name })),
    anchors: anchors.items.filter((a) => !a.archived).map((a) => ({ id: a.id, name: a.name })),
  };
}

/** The assignee picker's choices; only those who manage checklists ask for them. */
export const sopAssigneesQuery = (enabled: boolean) =>
  queryOptions({
    queryKey: ['schedule', 'sop', 'assignees'],
    queryFn: enabled ? ({ signal }) => loadAssignees(signal) : skipToken,
  });
