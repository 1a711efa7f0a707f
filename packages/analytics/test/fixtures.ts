import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventEnvelopeSchema, type EventEnvelopeInput } from '@livecloud/contracts';
import { createEventStore, type EventStore, type StoredEvent } from '@livecloud/events';

export const minute = 60_000;
export const day = 86_400_000;

/** Saturday 2026-03-14 20:00 in Beijing, prime time for live commerce. */
export const primeTime = Date.UTC(2026, 2, 14, 12);

/** Validates simulator output as the collector would and stamps receivedAt. */
export function toStored(inputs: readonly EventEnvelopeInput[]): StoredEvent[] {
  return inputs.map((input) => {
    const event = eventEnvelopeSchema.parse(input);
    return { ...event, receivedAt: event.receivedAt ?? event.occurredAt };
  });
}

/** An embedded event store in a temporary directory; `dispose` closes it and removes the files. */
export async function openTestEventStore(
  name: string,
): Promise<{ store: EventStore; dispose(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), `lc-analytics-${name}-`));
  const store = await createEventStore({ dataDir, database: name });
  await store.migrate();
  return {
    store,
    async dispose() {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
