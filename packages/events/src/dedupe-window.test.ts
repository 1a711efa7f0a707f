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

  it('evicts the oldest ids beyond its size', () => {
    const window = createDedupeWindow({ ttlMs: 1000, maxEntries: 3 });
    for (const id of ['a', 'b', 'c', 'd']) window.markDone(id, 0);
    expect(window.size).toBe(3);
    expect(window.has('a', 1)).toBe(false);
    expect(window.has('d', 1)).toBe(true);
  });

  it('keeps organisations apart', () => {
    expect(windowKey('org_a', 'x')).not.toBe(windowKey('org_b', 'x'));
  });
});
