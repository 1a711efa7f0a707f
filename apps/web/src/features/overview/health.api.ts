import type { HealthDto } from '@livecloud/server/schemas';
import { api } from '../../api/client';

export const fetchHealth = (signal: AbortSignal) => api.get<HealthDto>('/api/v1/health', { signal });
