import { api } from '../../api/client';
import type { Health } from '../../api/types';

export const fetchHealth = (signal: AbortSignal) => api.get<Health>('/api/v1/health', { signal });
