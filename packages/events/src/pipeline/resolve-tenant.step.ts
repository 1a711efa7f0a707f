import { deadLetter, ok, type StepResult } from './result.js';
import { isRecord } from '../is-record.js';

/** An item that is a JSON object, not yet validated. */
export type EventRecord = Record<string, unknown>;

/** Who sent the batch, as far as the pipeline needs to know. */
export interface IngestTenant {
  /** The organisation of the API key; every accepted event belongs to it. */
  readonly orgId: string;
  /** The key's event source, used when an event names none. */
  readonly defaultSource: string | null;
}

/**
 * Fills `orgId` from the key and `source` from the key's source. An event that names another
 * organisation is never stored there: it is dead-lettered in the key's organisation.
 */
export function resolveTenant(item: unknown, tenant: IngestTenant): StepResult<EventRecord> {
  if (!isRecord(item)) {
    return deadLetter('the event must be a JSON object', [
      { path: '', code: 'invalid_type', message: 'must be a JSON object' },
    ]);
  }
  const named = item['orgId'];
  if (named !== undefined && named !== tenant.orgId) {
    // The reason does not repeat the named organisation: it is someone else's id.
    return deadLetter('org_mismatch: the event names another organisation than the API key’s', [
      { path: 'orgId', code: 'org_mismatch', message: 'must be the API key’s organisation or left out' },
    ]);
  }
  const source = item['source'] ?? tenant.defaultSource ?? undefined;
  return ok({ ...item, orgId: tenant.orgId, ...(source === undefined ? {} : { source }) });
}
