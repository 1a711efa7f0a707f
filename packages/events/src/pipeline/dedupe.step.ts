import type { StoredEvent } from '../event-store.js';
import { drop, ok, type StepResult } from './result.js';

/** Distinct ids of a batch, in first-seen order: what the deduper is asked to claim. */
export function distinctIds(events: readonly { id: string }[]): string[] {
  return [...new Set(events.map((event) => event.id))];
}

/**
 * De-duplication of one batch against what the deduper claimed as first seen (`fresh`): an
 * id not fresh was stored before; an id twice in the batch is taken once, the first time.
 * Returns a step to call on each event in batch order.
 */
export function dedupeAgainst(fresh: ReadonlySet<string>): (event: StoredEvent) => StepResult<StoredEvent> {
  const taken = new Set<string>();
  return (event) => {
    if (!fresh.has(event.id) || taken.has(event.id)) return drop('duplicate');
    taken.add(event.id);
    return ok(event);
  };
}
