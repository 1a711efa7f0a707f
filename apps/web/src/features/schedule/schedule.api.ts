import { api } from '../../api/client';
import type { ListResponse } from '../../api/types';
import type { Platform } from '../accounts/accounts.api';

export const sessionStatuses = ['planned', 'live', 'ended', 'reviewed'] as const;
export type SessionStatus = (typeof sessionStatuses)[number];

export interface LiveSession {
  id: string;
  title: string;
  status: SessionStatus;
  account: { id: string; platform: Platform; handle: string; displayName: string };
  room: { id: string; name: string };
  anchors: { id: string; name: string }[];
  plannedStart: string;
  plannedEnd: string;
  actualStart: string | null;
  actualEnd: string | null;
  recurringScheduleId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SessionInput {
  title: string;
  roomId: string;
  accountId: string;
  anchorIds: string[];
  plannedStart: string;
  plannedEnd: string;
}

/** One clash in a 409 `schedule_conflict` answer. */
export interface Clash {
  resource: 'room' | 'anchor' | 'account';
  resourceId: string;
  resourceName: string;
  sessionId: string;
  sessionTitle: string;
  plannedStart: string;
  plannedEnd: string;
  occurrenceDate?: string;
}

export interface RecurringInput {
  title: string;
  roomId: string;
  accountId: string;
  anchorIds: string[];
  daysOfWeek: number[];
  startTime: string;
  durationMinutes: number;
  startsOn: string;
  endsOn?: string | null;
}

export interface RecurringSchedule extends RecurringInput {
  id: string;
  timeZone: string;
  endsOn: string | null;
  createdAt: string;
}

const path = (id: string) => `/api/v1/live-sessions/${encodeURIComponent(id)}`;

export const sessionsApi = {
  list: (range: { from: string; to: string }, signal?: AbortSignal) =>
    api.get<ListResponse<LiveSession>>(`/api/v1/live-sessions?${new URLSearchParams(range).toString()}`, {
      signal,
    }),
  mine: (range: { from: string; to: string }, signal?: AbortSignal) =>
    api.get<ListResponse<LiveSession> & { anchors: { id: string; name: string }[] }>(
      `/api/v1/me/schedule?${new URLSearchParams(range).toString()}`,
      { signal },
    ),
  get: (id: string, signal?: AbortSignal) => api.get<LiveSession>(path(id), { signal }),
  create: (input: SessionInput) => api.post<LiveSession>('/api/v1/live-sessions', input),
  update: (id: string, patch: Partial<SessionInput>) => api.patch<LiveSession>(path(id), patch),
  remove: (id: string) => api.delete<LiveSession>(path(id)),
  transition: (id: string, status: SessionStatus) => api.post<LiveSession>(`${path(id)}/status`, { status }),
};

export const recurringApi = {
  create: (input: RecurringInput) => api.post<RecurringSchedule>('/api/v1/recurring-schedules', input),
  generate: (id: string, range: { from: string; to: string }) =>
    api.post<{ created: LiveSession[]; skipped: { date: string; reason: string }[] }>(
      `/api/v1/recurring-schedules/${encodeURIComponent(id)}/generate`,
      range,
    ),
};
