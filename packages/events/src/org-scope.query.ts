import { AppError } from '@livecloud/core';
import type { EventStore, QueryParams } from './event-store.js';

/** Read access to the event store for exactly one organisation. */
export interface OrgScopedEventQuery {
  readonly orgId: string;
  /**
   * Runs `sql` with `orgId` bound to `{orgId:String}`. The SQL must filter
   * `org_id = {orgId:String}` at least as many times as it names the event tables, so that
   * every subquery and join side is scoped too; otherwise it throws before reaching the engine.
   */
  query<T>(sql: string, params?: QueryParams): Promise<T[]>;
}

const orgFilterPattern = /\borg_id\s*=\s*\{\s*orgId\s*:\s*String\s*\}/g;

function countOccurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

/**
 * Scopes event queries to one organisation: the org is bound by the scope, never by the
 * caller, and a query that does not filter by it is refused. This is the tenancy convention
 * for the event store (SPEC §7): services receive a scope, not the raw store.
 */
export function scopeToOrg(store: Pick<EventStore, 'query' | 'tables'>, orgId: string): OrgScopedEventQuery {
  if (orgId === '') throw AppError.invalid('org_required', 'an event query needs an organisation');
  return {
    orgId,
    async query<T>(sql: string, params: QueryParams = {}): Promise<T[]> {
      if (Object.hasOwn(params, 'orgId')) {
        throw new AppError(
          'internal',
          'org_param_reserved',
          'orgId is bound by the org scope; do not pass it',
        );
      }
      const filters = sql.match(orgFilterPattern)?.length ?? 0;
      const tableRefs =
        countOccurrences(sql, store.tables.events) + countOccurrences(sql, store.tables.eventIds);
      if (filters === 0 || filters < tableRefs) {
        throw new AppError(
          'internal',
          'unscoped_event_query',
          `an event query must filter org_id = {orgId:String} for each of its ${tableRefs} reference(s) to an event table`,
          { filters, tableRefs },
        );
      }
      return store.query<T>(sql, { ...params, orgId });
    },
  };
}
