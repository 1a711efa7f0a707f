import { describe, expect, it } from 'vitest';
import { idTime, isId, newId } from './ids.js';

describe('sortable ids', () => {
  it('carries its prefix and creation time', () => {
    const at = Date.UTC(2026, 10, 25, 8, 0, 0);
    const id = newId('ses', at);
    expect(id).toMatch(/^ses_[0-9A-Z]{26}$/);
    expect(isId(id, 'ses')).toBe(true);
    expect(isId(id, 'org')).toBe(false);
    expect(idTime(id)).toBe(at);
  });

  it('sorts in creation order, also within one millisecond', () => {
    const ids = Array.from({ length: 500 }, () => newId('evt', 1_700_000_000_000));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(newId('evt', 1_700_000_000_001) > ids.at(-1)!).toBe(true);
  });
});
