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

/**
 * Reads every id the organisation has stored, in pages of `pageSize` along the (org_id, id)
 * index, so that memory holds one page at a time however many events there are.
 */
export async function forEachStoredEventIdPage(
  store: Pick<EventStore, 'query' | 'tables'>,
  orgId: string,
  onPage: (ids: readonly string[]) => void,
  pageSize = 100_000,
): Promise<void> {
  const scoped = scopeToOrg(store, orgId);
  let after = '';
  for (;;) {
    const rows = await scoped.query<{ id: string }>(
      `SELECT DISTINCT id FROM ${store.tables.eventIds} WHERE org_id = {orgId:String} AND id > {after:String} ORDER BY id LIMIT {limit:UInt32}`,
      { after, limit: pageSize },
    );
    onPage(rows.map((row) => row.id));
    const last = rows.at(-1);
    if (!last || rows.length < pageSize) return;
    after = last.id;
  }
}
