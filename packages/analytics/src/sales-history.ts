import type { EventStore } from '@livecloud/events';
import { eventQueryContext } from './event-query-context.js';
import { productResults } from './product-results.query.js';
import type { SalesHistory } from './sales-history.types.js';
import { sessionResults } from './session-results.query.js';

/**
 * What past sessions sold, read from the event store (chDB or a ClickHouse server) with one SQL
 * query per answer; every read is scoped to the caller's organisation.
 */
export function createSalesHistory(store: Pick<EventStore, 'query' | 'tables'>): SalesHistory {
  return {
    productResults: (orgId, filter = {}) => productResults(eventQueryContext(store, orgId), filter),
    sessions: (orgId, filter = {}) => sessionResults(eventQueryContext(store, orgId), filter),
  };
}
