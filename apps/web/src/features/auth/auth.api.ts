import type { LoginBody, SessionDto } from '@livecloud/access/schemas';
import { api } from '../../api/client';

export const authApi = {
  login: (input: LoginBody) => api.post<SessionDto>('/api/v1/auth/login', input, { allowUnauthorized: true }),
  me: (signal?: AbortSignal) => api.get<SessionDto>('/api/v1/auth/me', { signal, allowUnauthorized: true }),
  logout: () => api.post<undefined>('/api/v1/auth/logout', undefined, { allowUnauthorized: true }),
  switchOrg: (orgId: string) => api.post<SessionDto>('/api/v1/auth/switch-org', { orgId }),
};
