import type { EventStore } from './event-store.js';
import { scopeToOrg } from './org-scope.query.js';

/** Which of `ids` the organisation already has in the event store, from the (org_id, id) index. */
export async function findStoredEventIds(
  store: Pick<EventStore, 'query' | 'tables'>,
  orgId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await scopeToOrg(store, orgId).query<{ id: string }>(
    `SELECT DISTINCT id FROM ${store.tables.eventIds} WHERE org_id = {orgId:String} AND id IN {ids:Array(String)}`,
    { ids },
  );
  return new Set(rows.map((row) => row.id));
}
