import { queryOptions } from '@tanstack/react-query';
import { auditApi, type AuditFilters } from './audit.api';
import { apiKeysApi, orgApi, rolesApi, staffApi } from './settings.api';

/** Query keys and fetchers of the organisation settings; everything under `['settings']`. */
export const settingsQueries = {
  org: () => queryOptions({ queryKey: ['settings', 'org'], queryFn: ({ signal }) => orgApi.get(signal) }),
  staff: () =>
    queryOptions({ queryKey: ['settings', 'staff'], queryFn: ({ signal }) => staffApi.list(signal) }),
  staffKeys: (staffId: string) =>
    queryOptions({
      queryKey: ['settings', 'staff', staffId, 'api-keys'],
      queryFn: ({ signal }) => staffApi.keys(staffId, signal),
    }),
  roles: () =>
    queryOptions({ queryKey: ['settings', 'roles'], queryFn: ({ signal }) => rolesApi.matrix(signal) }),
  apiKeys: () =>
    queryOptions({ queryKey: ['settings', 'api-keys'], queryFn: ({ signal }) => apiKeysApi.list(signal) }),
  audit: (filters: AuditFilters) =>
    queryOptions({
      queryKey: ['settings', 'audit', filters],
      queryFn: ({ signal }) => auditApi.list(filters, signal),
    }),
};
