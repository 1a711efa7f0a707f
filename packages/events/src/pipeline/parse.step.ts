import { isUtf8 } from 'node:buffer';
import { gunzipSync, inflateSync } from 'node:zlib';
import { AppError } from '@livecloud/core';
import { deadLetter, ok, type StepResult } from './result.js';

/** How a collector body is laid out. */
export type BodyFormat = 'json' | 'ndjson';

/** One item of a body: its position, its original text when it did not parse, and the parse result. */
export interface BodyItem {
  /** 0-based position in the batch (for NDJSON: among the non-blank lines). */
  readonly index: number;
  /** The line as sent, kept for the dead letter when it is not JSON. */
  readonly text?: string;
  readonly result: StepResult<unknown>;
}

const ndjsonTypes = new Set([
  'application/x-ndjson',
  'application/ndjson',
  'application/jsonl',
  'application/x-jsonlines',
  'application/jsonlines',
]);
// Segment's browser library sends text/plain to avoid a CORS preflight; it is JSON all the same.
const jsonTypes = new Set(['application/json', 'text/plain', '']);

/** The body format a Content-Type names; anything else is 415. */
export function bodyFormatOf(contentType: string | undefined): BodyFormat {
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (ndjsonTypes.has(mediaType)) return 'ndjson';
  if (jsonTypes.has(mediaType) || mediaType.endsWith('+json')) return 'json';
  throw new AppError(
    'unsupported_media_type',
    'unsupported_media_type',
    `Send application/json (an array or one event) or application/x-ndjson, not ${mediaType}`,
  );
}

function tooLarge(limitBytes: number): AppError {
  return new AppError(
    'payload_too_large',
    'payload_too_large',
    `The collector accepts at most ${limitBytes} bytes per request, also after decompression`,
    { limitBytes },
  );
}

/**
 * The body as bytes after `Content-Encoding` (gzip or deflate; identity otherwise). The limit
 * also applies to the decompressed size, so a small gzip bomb is refused with 413.
 */
export function decodeBody(raw: Buffer, contentEncoding: string | undefined, limitBytes: number): Buffer {
  if (raw.length > limitBytes) throw tooLarge(limitBytes);
  const encoding = (contentEncoding ?? 'identity').trim().toLowerCase();
  if (encoding === 'identity' || encoding === '') return raw;
  if (encoding !== 'gzip' && encoding !== 'x-gzip' && encoding !== 'deflate') {
    throw new AppError(
      'unsupported_media_type',
      'unsupported_content_encoding',
      `Content-Encoding ${encoding} is not supported; send gzip or none`,
    );
  }
  try {
    const inflate = encoding === 'deflate' ? inflateSync : gunzipSync;
    return inflate(raw, { maxOutputLength: limitBytes });
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw tooLarge(limitBytes);
    }
    throw AppError.invalid('malformed_body', `The body is not valid ${encoding} data`);
  }
}

/** One NDJSON line: its JSON value, or a dead letter that keeps the line. */
export function parseLine(text: string): StepResult<unknown> {
  try {
    return ok(JSON.parse(text) as unknown);
  } catch (error) {
    const detail = error instanceof SyntaxError ? error.message : 'not JSON';
    return deadLetter(`malformed_json: the line is not valid JSON (${detail})`, [
      { path: '', code: 'malformed_json', message: detail },
    ]);
  }
}

/**
 * A whole JSON body. Unlike an NDJSON line, a broken JSON document has no items to save, so
 * the request is refused (400 malformed_json) and nothing is taken.
 */
export function parseJsonDocument(text: string): unknown {
  if (text.trim() === '') throw AppError.invalid('empty_body', 'The body is empty');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof SyntaxError ? error.message : 'not JSON';
    throw AppError.invalid('malformed_json', `The body is not valid JSON: ${detail}`);
  }
}

/** Splits an NDJSON body into items; blank lines are skipped, a bad line is that item's dead letter. */
export function parseNdjson(text: string): BodyItem[] {
  const items: BodyItem[] = [];
  for (const rawLine of text.split('\n')) {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (line.trim() === '') continue;
    const result = parseLine(line);
    items.push(
      result.kind === 'ok' ? { index: items.length, result } : { index: items.length, text: line, result },
    );
  }
  if (items.length === 0) throw AppError.invalid('empty_body', 'The body has no events');
  return items;
}

/** The native collector's items: a JSON array of events, one event object, or NDJSON. */
export function parseNativeBody(text: string, format: BodyFormat): BodyItem[] {
  if (format === 'ndjson') return parseNdjson(text);
  const document = parseJsonDocument(text);
  const values = Array.isArray(document) ? (document as unknown[]) : [document];
  if (values.length === 0) throw AppError.invalid('empty_body', 'The batch has no events');
  return values.map((value, index) => ({ index, result: ok(value) }));
}

/**
 * The offset of the first byte that does not start or continue a well-formed UTF-8 sequence
 * (Unicode's table 3-7: no overlongs, no surrogates, nothing above U+10FFFF), or -1.
 */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b === 0xe0) [need, lo] = [2, 0xa0];
    else if ((b >= 0xe1 && b <= 0xec) || b === 0xee || b === 0xef) need = 2;
    else if (b === 0xed) [need, hi] = [2, 0x9f];
    else if (b === 0xf0) [need, lo] = [3, 0x90];
    else if (b >= 0xf1 && b <= 0xf3) need = 3;
    else if (b === 0xf4) [need, hi] = [3, 0x8f];
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/**
 * Bytes to text; a UTF-8 byte order mark is dropped. A body that is not UTF-8 is refused
 * (400 invalid_utf8, with the offset of the first bad byte) rather than decoded with U+FFFD
 * in place of what was sent: the collector never alters data silently.
 */
export function bodyText(bytes: Buffer): string {
  if (!isUtf8(bytes)) {
    const byteOffset = firstInvalidUtf8Byte(bytes);
    throw AppError.invalid(
      'invalid_utf8',
      `The body is not valid UTF-8 (first bad byte at offset ${byteOffset})`,
      {
        byteOffset,
      },
    );
  }
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
