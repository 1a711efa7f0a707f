import { randomFillSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { uuid } from './uuid.js';

const v4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuid', () => {
  it('uses crypto.randomUUID where there is one', () => {
    expect(uuid({ randomUUID: () => 'native', random: Math.random })).toBe('native');
  });

  it('builds a version 4 UUID from getRandomValues outside a secure context', () => {
    const ids = new Set(
      Array.from({ length: 200 }, () =>
        uuid({
          randomUUID: () => {
            throw new TypeError('crypto.randomUUID is not a function');
          },
          getRandomValues: (bytes) => void randomFillSync(bytes),
          random: Math.random,
        }),
      ),
    );
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(v4);
  });

  it('falls back to Math.random in browsers without Web Crypto', () => {
    expect(uuid({ random: () => 0 })).toBe('00000000-0000-4000-8000-000000000000');
    expect(uuid({ random: () => 0.999 })).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(uuid({ random: Math.random })).toMatch(v4);
  });
});
