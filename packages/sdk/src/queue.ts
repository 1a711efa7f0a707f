import { attempt, type StorageLike } from './environment.js';
import type { LiveCloudMessage } from './message.js';

/** Messages waiting to be delivered, oldest first, mirrored to localStorage. */
export interface MessageQueue {
  messages(): readonly LiveCloudMessage[];
  /** Adds a message; returns the oldest one, dropped, when the queue was full. */
  push(message: LiveCloudMessage): LiveCloudMessage | undefined;
  /** Removes messages by id (delivered, rejected or given up). */
  remove(ids: readonly string[]): void;
}

/**
 * A bounded queue that survives a reload: every change is written to `storage[key]`, and a
 * new queue starts from what is stored. Other tabs of the site write the same key, so a write
 * keeps the stored messages this queue does not own (unless it just removed them): a tab never
 * erases another's backlog. A message adopted by two tabs may be sent twice; the collector
 * counts it once by its messageId. Without working storage the queue lives in memory only.
 */
export function createQueue(storage: StorageLike | undefined, key: string, max: number): MessageQueue {
  const stored = (): LiveCloudMessage[] => parseQueue(attempt(() => storage?.getItem(key)));
  let queue = stored().slice(-max);

  const save = (removed: readonly string[]): void => {
    if (!storage) return;
    const skip = new Set(removed);
    for (const message of queue) skip.add(message.messageId);
    const kept = stored()
      .filter((message) => !skip.has(message.messageId))
      .concat(queue)
      .slice(-max);
    attempt(() => (kept.length > 0 ? storage.setItem(key, JSON.stringify(kept)) : storage.removeItem(key)));
  };

  return {
    messages: () => queue,
    push(message) {
      queue.push(message);
      const dropped = queue.length > max ? queue.shift() : undefined;
      save(dropped ? [dropped.messageId] : []);
      return dropped;
    },
    remove(ids) {
      if (ids.length === 0) return;
      const gone = new Set(ids);
      queue = queue.filter((message) => !gone.has(message.messageId));
      save(ids);
    },
  };
}

/** Stored text is untrusted (another version, another script, a hand edit): keep what is a message. */
function parseQueue(text: string | null | undefined): LiveCloudMessage[] {
  const parsed: unknown = text ? attempt(() => JSON.parse(text) as unknown) : undefined;
  if (!Array.isArray(parsed)) return [];
  return (parsed as unknown[]).filter(
    (item): item is LiveCloudMessage =>
      typeof item === 'object' &&
      item !== null &&
      typeof (item as Record<string, unknown>)['messageId'] === 'string' &&
      typeof (item as Record<string, unknown>)['type'] === 'string',
  );
}
