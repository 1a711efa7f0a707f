import { describe, expect, it } from 'vitest';
import { createDedupeWindow, windowKey } from './dedupe-window.js';

describe('de-duplication window', () => {
  it('claims an id once until it is forgotten', () => {
    const window = createDedupeWindow({ ttlMs: 1000, maxEntries: 10 });
    const key = windowKey('org', 'e1');
    expect(window.claim(key, 0)).toBe(true);
    expect(window.claim(key, 1)).toBe(false);
    window.forget(key);
    expect(window.claim(key, 2)).toBe(true);
  });

  it('remembers a stored id for its TTL, and a pending claim only until it lapses', () => {
    const window = createDedupeWindow({ ttlMs: 1000, maxEntries: 10, pendingTtlMs: 100 });
    window.claim('pending', 0);
    expect(window.has('pending', 99)).toBe(true);
    expect(window.claim('pending', 100)).toBe(true);
    window.markDone('stored', 0);
    expect(window.has('stored', 999)).toBe(true);
    expect(window.has('stored', 1000)).toBe(false);
  });

  it('evicts the oldest tenth of its ids when it grows beyond its size', () => {
    const window = createDedupeWindow({ ttlMs: 1000, maxEntries: 20 });
    const ids = Array.from({ length: 21 }, (_, i) => `e${i}`);
    for (const id of ids.slice(0, 20)) window.markDone(id, 0);
    expect(window.size).toBe(20);
    window.markDone('e20', 0);
    expect(window.size).toBe(18);
    expect(ids.filter((id) => !window.has(id, 1))).toEqual(['e0', 'e1', 'e2']);
  });

  it('holds at most its size over a million inserts, keeping the newest', () => {
    const window = createDedupeWindow({ ttlMs: 3600_000, maxEntries: 200_000 });
    for (let i = 0; i < 1_000_000; i++) window.claim(`org\u0000e${i}`, 0);
    expect(window.size).toBeLessThanOrEqual(200_000);
    expect(window.has('org\u0000e999999', 1)).toBe(true);
    expect(window.has('org\u0000e0', 1)).toBe(false);
  });

  it('keeps organisations apart', () => {
    expect(windowKey('org_a', 'x')).not.toBe(windowKey('org_b', 'x'));
  });
});
