import { api } from '../../api/client';
import type {
  ApiKey,
  ApiKeyCreateInput,
  CreatedApiKey,
  ListResponse,
  Org,
  RoleMatrix,
  Staff,
  StaffOnboardInput,
} from '../../api/types';

export const orgApi = {
  get: (signal: AbortSignal) => api.get<Org>('/api/v1/org', { signal }),
  rename: (name: string) => api.patch<Org>('/api/v1/org', { name }),
};

export const staffApi = {
  list: (signal: AbortSignal) => api.get<ListResponse<Staff>>('/api/v1/staff', { signal }),
  onboard: (input: StaffOnboardInput) => api.post<Staff>('/api/v1/staff', input),
  update: (id: string, patch: { role?: string; name?: string }) =>
    api.patch<Staff>(`/api/v1/staff/${encodeURIComponent(id)}`, patch),
  offboard: (id: string) => api.post<Staff>(`/api/v1/staff/${encodeURIComponent(id)}/offboard`),
};

export const rolesApi = {
  matrix: (signal: AbortSignal) => api.get<RoleMatrix>('/api/v1/roles', { signal }),
};

export const apiKeysApi = {
  list: (signal: AbortSignal) => api.get<ListResponse<ApiKey>>('/api/v1/api-keys', { signal }),
  create: (input: ApiKeyCreateInput) => api.post<CreatedApiKey>('/api/v1/api-keys', input),
  revoke: (id: string) => api.delete<ApiKey>(`/api/v1/api-keys/${encodeURIComponent(id)}`),
};
