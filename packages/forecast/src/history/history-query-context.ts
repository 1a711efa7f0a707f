import { scopeToOrg, type EventStore, type OrgScopedEventQuery } from '@livecloud/events';

/** What a history query needs: the caller's organisation scope and the events table name. */
export interface HistoryQueryContext {
  scope: OrgScopedEventQuery;
  /** Fully qualified events table, the only text ever spliced into the SQL. */
  events: string;
}

/** The query context for one organisation of an event store. */
export function historyQueryContext(
  store: Pick<EventStore, 'query' | 'tables'>,
  orgId: string,
): HistoryQueryContext {
  return { scope: scopeToOrg(store, orgId), events: store.tables.events };
}
