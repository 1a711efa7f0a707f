import type {
  ApiKeyDto,
  CreateApiKeyBody,
  CreatedApiKeyDto,
  OffboardStaffBody,
  OffboardedStaffDto,
  OnboardStaffBody,
  OrganisationDto,
  RoleMatrixDto,
  StaffDto,
  UpdateApiKeyBody,
  UpdateStaffBody,
} from '@livecloud/access/schemas';
import type { ListOf } from '@livecloud/contracts';
import { api } from '../../api/client';

export const orgApi = {
  get: (signal: AbortSignal) => api.get<OrganisationDto>('/api/v1/org', { signal }),
  rename: (name: string) => api.patch<OrganisationDto>('/api/v1/org', { name }),
};

export const staffApi = {
  list: (signal: AbortSignal) => api.get<ListOf<StaffDto>>('/api/v1/staff', { signal }),
  onboard: (input: OnboardStaffBody) => api.post<StaffDto>('/api/v1/staff', input),
  update: (id: string, patch: UpdateStaffBody) =>
    api.patch<StaffDto>(`/api/v1/staff/${encodeURIComponent(id)}`, patch),
  offboard: (id: string, input: OffboardStaffBody = {}) =>
    api.post<OffboardedStaffDto>(`/api/v1/staff/${encodeURIComponent(id)}/offboard`, input),
  keys: (id: string, signal: AbortSignal) =>
    api.get<ListOf<ApiKeyDto>>(`/api/v1/staff/${encodeURIComponent(id)}/api-keys`, { signal }),
};

export const rolesApi = {
  matrix: (signal: AbortSignal) => api.get<RoleMatrixDto>('/api/v1/roles', { signal }),
};

export const apiKeysApi = {
  list: (signal: AbortSignal) => api.get<ListOf<ApiKeyDto>>('/api/v1/api-keys', { signal }),
  create: (input: CreateApiKeyBody) => api.post<CreatedApiKeyDto>('/api/v1/api-keys', input),
  update: (id: string, patch: UpdateApiKeyBody) =>
    api.patch<ApiKeyDto>(`/api/v1/api-keys/${encodeURIComponent(id)}`, patch),
  revoke: (id: string) => api.delete<ApiKeyDto>(`/api/v1/api-keys/${encodeURIComponent(id)}`),
};
