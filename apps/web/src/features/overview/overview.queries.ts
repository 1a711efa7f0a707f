import { queryOptions } from '@tanstack/react-query';
import { fetchHealth } from './health.api';

/** The platform's health, read again every 30 s while the overview is open. */
export const healthQuery = () =>
  queryOptions({
    queryKey: ['overview', 'health'],
    queryFn: ({ signal }) => fetchHealth(signal),
    refetchInterval: 30_000,
  });
