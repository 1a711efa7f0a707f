import type { ListOf } from '@livecloud/contracts';
import type { SessionStatus } from '@livecloud/contracts/vocabulary';
import type {
  CreateRecurringScheduleBody,
  CreateSessionBody,
  GenerateSessionsResult,
  MyScheduleDto,
  RecurringScheduleDto,
  SessionDto,
  UpdateSessionBody,
} from '@livecloud/schedule/schemas';
import { api } from '../../api/client';

const path = (id: string) => `/api/v1/live-sessions/${encodeURIComponent(id)}`;

export const sessionsApi = {
  list: (range: { from: string; to: string }, signal?: AbortSignal) =>
    api.get<ListOf<SessionDto>>(`/api/v1/live-sessions?${new URLSearchParams(range).toString()}`, {
      signal,
    }),
  mine: (range: { from: string; to: string }, signal?: AbortSignal) =>
    api.get<MyScheduleDto>(`/api/v1/me/schedule?${new URLSearchParams(range).toString()}`, { signal }),
  get: (id: string, signal?: AbortSignal) => api.get<SessionDto>(path(id), { signal }),
  create: (input: CreateSessionBody) => api.post<SessionDto>('/api/v1/live-sessions', input),
  update: (id: string, patch: UpdateSessionBody) => api.patch<SessionDto>(path(id), patch),
  remove: (id: string) => api.delete<SessionDto>(path(id)),
  transition: (id: string, status: SessionStatus, override?: { reason: string }) =>
    api.post<SessionDto>(`${path(id)}/status`, override ? { status, override } : { status }),
};

export const recurringApi = {
  create: (input: CreateRecurringScheduleBody) =>
    api.post<RecurringScheduleDto>('/api/v1/recurring-schedules', input),
  generate: (id: string, range: { from: string; to: string }) =>
    api.post<GenerateSessionsResult>(`/api/v1/recurring-schedules/${encodeURIComponent(id)}/generate`, range),
};
