import { queryOptions } from '@tanstack/react-query';
import { loadResources } from './accounts.api';

/** Rooms, anchors and platform accounts, archived ones included (the schedule books them too). */
export const resourcesQuery = () =>
  queryOptions({ queryKey: ['schedule', 'resources'], queryFn: ({ signal }) => loadResources(signal) });
