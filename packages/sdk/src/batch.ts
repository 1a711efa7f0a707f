import type { LiveCloudMessage } from './message.js';

/** Per request: Segment's batch limit, a tenth of the collector's default body limit. */
export const maxRequestBytes = 500_000;
/** Per `sendBeacon` call: browsers refuse more than 64 KiB in flight. */
export const maxBeaconBytes = 64_000;
/** Per message, as Segment's: any single message then fits in one beacon. */
export const maxMessageBytes = 32_000;

/** The UTF-8 size of a string (the size on the wire), without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit < 0xdc00) {
      bytes += 4; // a surrogate pair; JSON.stringify escapes lone surrogates
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** One `/v1/batch` request body. */
export interface Batch {
  readonly messages: readonly LiveCloudMessage[];
  readonly body: string;
}

/**
 * `{ batch, sentAt, writeKey }` split into bodies of at most `limitBytes`, in queue order.
 * The write key travels in the body because neither a CORS simple request nor a beacon
 * can carry an Authorization header.
 */
export function toBatches(
  messages: readonly LiveCloudMessage[],
  writeKey: string,
  sentAt: string,
  limitBytes: number,
): Batch[] {
  const tail = `],"sentAt":${JSON.stringify(sentAt)},"writeKey":${JSON.stringify(writeKey)}}`;
  const emptyBytes = utf8Length('{"batch":[' + tail);
  const batches: Batch[] = [];
  let chunk: LiveCloudMessage[] = [];
  let parts: string[] = [];
  let bytes = emptyBytes;
  const close = (): void => {
    if (parts.length > 0) batches.push({ messages: chunk, body: `{"batch":[${parts.join(',')}${tail}` });
    chunk = [];
    parts = [];
    bytes = emptyBytes;
  };
  for (const message of messages) {
    const json = JSON.stringify(message);
    const jsonBytes = utf8Length(json);
    if (parts.length > 0 && bytes + 1 + jsonBytes > limitBytes) close();
    bytes += jsonBytes + (parts.length > 0 ? 1 : 0);
    chunk.push(message);
    parts.push(json);
  }
  close();
  return batches;
}
