import { createHash } from 'node:crypto';
import { parseEvent } from '@livecloud/contracts';
import type { StoredEvent } from './event-store.js';

const codecVersion = 1;

/** Events as bus message bytes. */
export function encodeEvents(events: readonly StoredEvent[]): Uint8Array {
  return new TextEncoder().encode(JSON.stringify({ v: codecVersion, events }));
}

/**
 * Bus message bytes back to events, each re-validated against the envelope: a message from
 * another version or a foreign publisher is refused as a whole rather than half read.
 */
export function decodeEvents(bytes: Uint8Array): StoredEvent[] {
  const message = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  if (typeof message !== 'object' || message === null || !('v' in message) || message.v !== codecVersion) {
    throw new Error(`not a LiveCloud v${codecVersion} event message`);
  }
  const list =
    'events' in message && Array.isArray(message.events) ? (message.events as unknown[]) : undefined;
  if (list === undefined) throw new Error('the message has no events');
  return list.map((item, i) => {
    const parsed = parseEvent(item);
    if (!parsed.ok) throw new Error(`event ${i} is invalid: ${parsed.reason}`);
    const { receivedAt } = parsed.event;
    if (receivedAt === undefined) throw new Error(`event ${i} has no receivedAt`);
    return { ...parsed.event, receivedAt };
  });
}

/**
 * Splits a batch into chunks whose encoded size stays under `maxBytes` (NATS refuses
 * messages above its max_payload, 1 MiB by default). A single larger event gets a chunk alone.
 */
export function chunkEvents(events: readonly StoredEvent[], maxBytes: number): StoredEvent[][] {
  const chunks: StoredEvent[][] = [];
  let current: StoredEvent[] = [];
  let size = 0;
  for (const event of events) {
    const eventSize = Buffer.byteLength(JSON.stringify(event)) + 1;
    if (current.length > 0 && size + eventSize > maxBytes) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(event);
    size += eventSize;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** A stable id for a chunk, so the same events re-published are recognised as one message. */
export function chunkId(events: readonly StoredEvent[]): string {
  const hash = createHash('sha256');
  for (const event of events) hash.update(`${event.orgId}\u0000${event.id}\u0001`);
  return hash.digest('base64url');
}
