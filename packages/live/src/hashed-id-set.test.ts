import { describe, expect, it } from 'vitest';
import { createHashedIdSet } from './hashed-id-set.js';

describe('hashed id set', () => {
  it('adds each string once and knows it afterwards, through many growths', () => {
    const set = createHashedIdSet(4);
    const ids = Array.from({ length: 200_000 }, (_, i) => `sim_ses_bench_${i}`);
    expect(ids.every((id) => set.add(id))).toBe(true);
    expect(ids.every((id) => !set.add(id))).toBe(true);
    expect(ids.every((id) => set.has(id))).toBe(true);
    expect(set.size).toBe(200_000);
  });

  it('tells apart strings that differ only slightly, Chinese and empty included', () => {
    const set = createHashedIdSet();
    const values = ['', 'a', 'b', 'ab', 'ba', '订单1', '订单2', 'dy:u1', 'au:u1', 'u1'];
    for (const v of values) expect(set.add(v)).toBe(true);
    expect(set.size).toBe(values.length);
    expect(set.has('订单3')).toBe(false);
    expect(set.has('abc')).toBe(false);
  });

  it('keeps 11 to 22 bytes per string, however many there are', () => {
    const set = createHashedIdSet();
    for (let i = 0; i < 1_000_000; i++) set.add(`e${i}`);
    expect(set.bytes / set.size).toBeGreaterThanOrEqual(32 / 3);
    expect(set.bytes / set.size).toBeLessThanOrEqual(64 / 3);
    expect(set.size).toBe(1_000_000);
  });
});
