import { api } from '../../api/client';
import type { Session } from '../../api/types';

export interface LoginInput {
  email: string;
  password: string;
  orgId?: string;
}

export const authApi = {
  login: (input: LoginInput) => api.post<Session>('/api/v1/auth/login', input, { allowUnauthorized: true }),
  me: (signal?: AbortSignal) => api.get<Session>('/api/v1/auth/me', { signal, allowUnauthorized: true }),
  logout: () => api.post<undefined>('/api/v1/auth/logout', undefined, { allowUnauthorized: true }),
  switchOrg: (orgId: string) => api.post<Session>('/api/v1/auth/switch-org', { orgId }),
};
