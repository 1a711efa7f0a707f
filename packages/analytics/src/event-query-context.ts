import { scopeToOrg, type EventStore, type OrgScopedEventQuery } from '@livecloud/events';

/** What an event query needs: the caller's organisation scope and the events table name. */
export interface EventQueryContext {
  scope: OrgScopedEventQuery;
  /** Fully qualified events table, the only text ever spliced into the SQL. */
  events: string;
}

/** The query context for one organisation of an event store. */
export function eventQueryContext(
  store: Pick<EventStore, 'query' | 'tables'>,
  orgId: string,
): EventQueryContext {
  return { scope: scopeToOrg(store, orgId), events: store.tables.events };
}
