/**
 * Group commit for the event store. chDB runs one statement at a time and every INSERT makes
 * new parts that must be merged later, so eight concurrent 1,000-event batches cost far more as
 * eight INSERTs than as one. A caller's items join the group that has not started yet; a group
 * starts as soon as the one before it finishes. At low load nothing waits (the first caller's
 * group starts at once); under load the groups grow by themselves. Every caller still hears
 * only after its own items are durable, and a failed group fails each of its callers, who
 * retry as before.
 */

interface Group<T, R> {
  items: T[];
  waiters: { resolve: (value: R) => void; reject: (error: unknown) => void }[];
}

/** Runs `sink` over the items of concurrent `submit` calls, together, at most `maxItems` at a time. */
export function createGroupCommit<T>(
  sink: (items: T[]) => Promise<void>,
  options: { maxItems: number },
): { submit(items: readonly T[]): Promise<void> } {
  const queue: Group<T, void>[] = [];
  let running = false;

  const drain = async (): Promise<void> => {
    running = true;
    for (let group = queue.shift(); group; group = queue.shift()) {
      try {
        await sink(group.items);
        for (const waiter of group.waiters) waiter.resolve();
      } catch (error) {
        for (const waiter of group.waiters) waiter.reject(error);
      }
    }
    running = false;
  };

  return {
    submit(items) {
      if (items.length === 0) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        let open = queue.at(-1);
        if (!open || (open.items.length > 0 && open.items.length + items.length > options.maxItems)) {
          open = { items: [], waiters: [] };
          queue.push(open);
        }
        for (const item of items) open.items.push(item);
        open.waiters.push({ resolve, reject });
        if (!running) void drain();
      });
    },
  };
}

/**
 * The same for look-ups of ids per organisation: concurrent `lookup(orgId, ids)` calls become
 * one query per organisation over the union of their ids, and each caller gets back only the
 * found ids it asked about.
 */
export function coalesceIdLookups(
  lookup: (orgId: string, ids: readonly string[]) => Promise<Set<string>>,
  options: { maxIds: number },
): (orgId: string, ids: readonly string[]) => Promise<Set<string>> {
  const queues = new Map<string, { running: boolean; groups: Group<string, Set<string>>[] }>();

  const drain = async (orgId: string, state: { running: boolean; groups: Group<string, Set<string>>[] }) => {
    state.running = true;
    for (let group = state.groups.shift(); group; group = state.groups.shift()) {
      try {
        const found = await lookup(orgId, [...new Set(group.items)]);
        for (const waiter of group.waiters) waiter.resolve(found);
      } catch (error) {
        for (const waiter of group.waiters) waiter.reject(error);
      }
    }
    state.running = false;
    if (state.groups.length === 0) queues.delete(orgId);
  };

  return async (orgId, ids) => {
    if (ids.length === 0) return new Set();
    let state = queues.get(orgId);
    if (!state) {
      state = { running: false, groups: [] };
      queues.set(orgId, state);
    }
    const current = state;
    const found = await new Promise<Set<string>>((resolve, reject) => {
      let open = current.groups.at(-1);
      if (!open || (open.items.length > 0 && open.items.length + ids.length > options.maxIds)) {
        open = { items: [], waiters: [] };
        current.groups.push(open);
      }
      for (const id of ids) open.items.push(id);
      open.waiters.push({ resolve, reject });
      if (!current.running) void drain(orgId, current);
    });
    return new Set(ids.filter((id) => found.has(id)));
  };
}
