import { api } from '../../api/client';
import type { ListResponse, RoleCode } from '../../api/types';

export interface SopTaskTemplate {
  key: string;
  title: string;
  description: string | null;
  ownerRole: RoleCode;
  dueDay: number;
  dependsOn: string[];
}

export interface SopTemplate {
  id: string;
  name: string;
  description: string | null;
  version: number;
  isDefault: boolean;
  archived: boolean;
  tasks: SopTaskTemplate[];
  createdAt: string;
  updatedAt: string;
}

export interface SopTemplateInput {
  name: string;
  description?: string | null;
  tasks: (Omit<SopTaskTemplate, 'description'> & { description?: string | null })[];
}

export interface SopProgress {
  total: number;
  done: number;
  percent: number;
  overdue: number;
}

export interface SopRunSummary {
  id: string;
  templateId: string;
  templateVersion: number;
  name: string;
  room: { id: string; name: string };
  startDate: string;
  status: 'active' | 'completed';
  progress: SopProgress;
  createdAt: string;
  completedAt: string | null;
}

export interface SopRunTask {
  id: string;
  key: string;
  title: string;
  description: string | null;
  ownerRole: RoleCode;
  dependsOn: string[];
  dueDate: string;
  done: boolean;
  doneAt: string | null;
  doneBy: string | null;
  overdue: boolean;
  blockedBy: string[];
}

export type SopRun = SopRunSummary & { tasks: SopRunTask[] };

export const sopApi = {
  templates: (signal?: AbortSignal) =>
    api.get<ListResponse<SopTemplate>>('/api/v1/sop-templates', { signal }),
  createTemplate: (input: SopTemplateInput) => api.post<SopTemplate>('/api/v1/sop-templates', input),
  updateTemplate: (id: string, input: SopTemplateInput) =>
    api.put<SopTemplate>(`/api/v1/sop-templates/${encodeURIComponent(id)}`, input),
  archiveTemplate: (id: string) => api.delete<SopTemplate>(`/api/v1/sop-templates/${encodeURIComponent(id)}`),
  runs: (signal?: AbortSignal) => api.get<ListResponse<SopRunSummary>>('/api/v1/sop-runs', { signal }),
  run: (id: string, signal?: AbortSignal) =>
    api.get<SopRun>(`/api/v1/sop-runs/${encodeURIComponent(id)}`, { signal }),
  start: (input: { templateId: string; roomId: string; startDate?: string; name?: string }) =>
    api.post<SopRun>('/api/v1/sop-runs', input),
  complete: (taskId: string) => api.post<SopRun>(`/api/v1/sop-tasks/${encodeURIComponent(taskId)}/complete`),
  reopen: (taskId: string) => api.post<SopRun>(`/api/v1/sop-tasks/${encodeURIComponent(taskId)}/reopen`),
};
