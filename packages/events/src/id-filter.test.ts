import { describe, expect, it } from 'vitest';
import { createIdFilter } from './id-filter.js';

describe('id filter', () => {
  it('never forgets an id it was given, through several growths', () => {
    const filter = createIdFilter(1_000);
    const ids = Array.from({ length: 50_000 }, (_, i) => `sim_ses_${i}_${(i * 7919) % 10007}`);
    for (const id of ids) filter.add(id);
    expect(ids.every((id) => filter.mayHave(id))).toBe(true);
    expect(filter.size).toBe(50_000);
  });

  it('says "maybe" for few ids it was never given', () => {
    const filter = createIdFilter(1_000);
    for (let i = 0; i < 100_000; i++) filter.add(`evt_${i}`);
    let maybe = 0;
    for (let i = 0; i < 100_000; i++) if (filter.mayHave(`other_${i}`)) maybe += 1;
    // Seven members at 0.5 % each bound the chain at 3.5 %; in practice it is far lower.
    expect(maybe / 100_000).toBeLessThan(0.02);
  });

  it('tells ids that differ in one character apart, Chinese included', () => {
    const filter = createIdFilter();
    filter.add('订单-001');
    expect(filter.mayHave('订单-001')).toBe(true);
    expect(['订单-002', '订单-00', '订单-0010', '汀单-001'].filter((id) => filter.mayHave(id))).toEqual([]);
  });

  it('holds about a byte and a half per id', () => {
    const filter = createIdFilter(1_000);
    for (let i = 0; i < 1_000_000; i++) filter.add(`e${i}`);
    expect(filter.bytes / 1_000_000).toBeLessThan(4);
  });
});
