import type { ListOf } from '@livecloud/contracts';
import type {
  SopRunDto,
  SopRunSummaryDto,
  SopTemplateBody,
  SopTemplateDto,
  StartSopRunBody,
  UpdateSopTaskInput,
} from '@livecloud/schedule/schemas';
import { api } from '../../api/client';

export const sopApi = {
  templates: (signal?: AbortSignal) => api.get<ListOf<SopTemplateDto>>('/api/v1/sop-templates', { signal }),
  createTemplate: (input: SopTemplateBody) => api.post<SopTemplateDto>('/api/v1/sop-templates', input),
  updateTemplate: (id: string, input: SopTemplateBody) =>
    api.put<SopTemplateDto>(`/api/v1/sop-templates/${encodeURIComponent(id)}`, input),
  archiveTemplate: (id: string) =>
    api.delete<SopTemplateDto>(`/api/v1/sop-templates/${encodeURIComponent(id)}`),
  runs: (signal?: AbortSignal) => api.get<ListOf<SopRunSummaryDto>>('/api/v1/sop-runs', { signal }),
  run: (id: string, signal?: AbortSignal) =>
    api.get<SopRunDto>(`/api/v1/sop-runs/${encodeURIComponent(id)}`, { signal }),
  start: (input: StartSopRunBody) => api.post<SopRunDto>('/api/v1/sop-runs', input),
  updateTask: (taskId: string, patch: UpdateSopTaskInput) =>
    api.patch<SopRunDto>(`/api/v1/sop-tasks/${encodeURIComponent(taskId)}`, patch),
  complete: (taskId: string) =>
    api.post<SopRunDto>(`/api/v1/sop-tasks/${encodeURIComponent(taskId)}/complete`),
  reopen: (taskId: string) => api.post<SopRunDto>(`/api/v1/sop-tasks/${encodeURIComponent(taskId)}/reopen`),
};
