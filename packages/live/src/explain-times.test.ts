import { describe, expect, it } from 'vitest';
import { explainTimes, type ExplainMark } from './explain-times.js';

const start = (productId: string, at: number): ExplainMark => ({ type: 'explain.start', productId, at });
const end = (productId: string, at: number): ExplainMark => ({ type: 'explain.end', productId, at });

describe('explain time per product', () => {
  it('runs each start until the next start, its own end or an end naming none', () => {
    const times = explainTimes(
      [
        start('a', 0),
        start('b', 60_000),
        end('a', 90_000),
        end('b', 120_000),
        start('a', 200_000),
        end('', 260_000),
      ],
      1_000_000,
    );
    expect(Object.fromEntries(times)).toEqual({ a: 60_000 + 60_000, b: 60_000 });
  });

  it('counts the product explained now up to the given time, and ignores starts without a product', () => {
    expect(Object.fromEntries(explainTimes([start('', 0), start('a', 10_000)], 70_000))).toEqual({
      a: 60_000,
    });
    expect(explainTimes([], 5).size).toBe(0);
  });
});
