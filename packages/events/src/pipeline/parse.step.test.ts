import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  bodyFormatOf,
  bodyText,
  decodeBody,
  firstInvalidUtf8Byte,
  parseLine,
  parseNativeBody,
  parseNdjson,
} from './parse.step.js';

describe('parse step', () => {
  it('reads a JSON array, a single event object and NDJSON', () => {
    expect(parseNativeBody('[{"id":"a"},{"id":"b"}]', 'json').map((i) => i.result)).toEqual([
      { kind: 'ok', value: { id: 'a' } },
      { kind: 'ok', value: { id: 'b' } },
    ]);
    expect(parseNativeBody('{"id":"a"}', 'json')).toEqual([
      { index: 0, result: { kind: 'ok', value: { id: 'a' } } },
    ]);
    const ndjson = parseNativeBody('{"id":"a"}\r\n\n{"id":"b"}\n', 'ndjson');
    expect(ndjson.map((i) => [i.index, i.result.kind])).toEqual([
      [0, 'ok'],
      [1, 'ok'],
    ]);
  });

  it('refuses a whole JSON body that does not parse with 400 malformed_json', () => {
    expect(() => parseNativeBody('[{"id":"a"},', 'json')).toThrow(
      expect.objectContaining({ code: 'malformed_json', status: 400 }),
    );
    expect(() => parseNativeBody('   ', 'json')).toThrow(expect.objectContaining({ code: 'empty_body' }));
    expect(() => parseNativeBody('[]', 'json')).toThrow(expect.objectContaining({ code: 'empty_body' }));
  });

  it('dead-letters only the bad NDJSON line and keeps its text', () => {
    const items = parseNdjson('{"id":"a"}\n{"id": broken\n{"id":"c"}');
    expect(items.map((i) => i.result.kind)).toEqual(['ok', 'dead_letter', 'ok']);
    expect(items[1]).toMatchObject({ index: 1, text: '{"id": broken' });
    const bad = parseLine('nope');
    expect(bad.kind === 'dead_letter' && bad.reason).toMatch(/^malformed_json/);
  });

  it('gunzips a gzip body and refuses corrupt gzip with 400', () => {
    const raw = Buffer.from('[{"id":"中文"}]');
    expect(bodyText(decodeBody(gzipSync(raw), 'gzip', 1024))).toBe('[{"id":"中文"}]');
    expect(decodeBody(raw, undefined, 1024)).toBe(raw);
    expect(() => decodeBody(Buffer.from('not gzip'), 'gzip', 1024)).toThrow(
      expect.objectContaining({ code: 'malformed_body' }),
    );
    expect(() => decodeBody(raw, 'br', 1024)).toThrow(
      expect.objectContaining({ code: 'unsupported_content_encoding', status: 415 }),
    );
  });

  it('applies the size limit before and after decompression (413)', () => {
    const bomb = gzipSync(Buffer.alloc(1_000_000, 32));
    expect(bomb.length).toBeLessThan(10_000);
    expect(() => decodeBody(bomb, 'gzip', 100_000)).toThrow(
      expect.objectContaining({ code: 'payload_too_large', status: 413 }),
    );
    expect(() => decodeBody(Buffer.alloc(2000), undefined, 1000)).toThrow(
      expect.objectContaining({ status: 413 }),
    );
  });

  it('tells JSON from NDJSON by Content-Type and refuses other media types with 415', () => {
    expect(bodyFormatOf('application/json; charset=utf-8')).toBe('json');
    expect(bodyFormatOf(undefined)).toBe('json');
    expect(bodyFormatOf('text/plain')).toBe('json');
    expect(bodyFormatOf('application/x-ndjson')).toBe('ndjson');
    expect(bodyFormatOf('application/jsonl')).toBe('ndjson');
    expect(() => bodyFormatOf('application/xml')).toThrow(expect.objectContaining({ status: 415 }));
  });

  it('drops a UTF-8 byte order mark', () => {
    expect(bodyText(Buffer.from('\ufeff[1]'))).toBe('[1]');
  });

  it('refuses a body that is not UTF-8, naming the first bad byte, instead of altering it', () => {
    const prefix = Buffer.from('[{"text":"好');
    const body = Buffer.concat([prefix, Buffer.from([0xff]), Buffer.from('"}]')]);
    expect(() => bodyText(body)).toThrow(
      expect.objectContaining({ status: 400, code: 'invalid_utf8', details: { byteOffset: prefix.length } }),
    );
  });

  it('finds the first byte of an ill-formed UTF-8 sequence', () => {
    expect(firstInvalidUtf8Byte(Buffer.from('中文 ok'))).toBe(-1);
    expect(firstInvalidUtf8Byte(Buffer.from([0x61, 0xc0, 0x80]))).toBe(1); // overlong
    expect(firstInvalidUtf8Byte(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0); // a surrogate
    expect(firstInvalidUtf8Byte(Buffer.from([0x61, 0x62, 0xe4, 0xb8]))).toBe(2); // cut short
    expect(firstInvalidUtf8Byte(Buffer.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0); // above U+10FFFF
    expect(firstInvalidUtf8Byte(Buffer.from([0xf0, 0x9f, 0x98, 0x80]))).toBe(-1); // 😀
  });
});
