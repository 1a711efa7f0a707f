import { describe, expect, it } from 'vitest';
import { createRandom, hash01, hashString } from './random.js';

const draws = (seed: number, n = 1_000): number[] => {
  const random = createRandom(seed);
  return Array.from({ length: n }, () => random.next());
};

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('seeded random', () => {
  it('repeats the same sequence for the same seed and another for another seed', () => {
    expect(draws(7)).toEqual(draws(7));
    expect(draws(7)).not.toEqual(draws(8));
    expect(draws(7).every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('gives a fork its own stream without moving the parent', () => {
    const a = createRandom(1);
    const b = createRandom(1);
    const fork = a.fork('ads');
    fork.next();
    fork.next();
    expect(a.next()).toBe(b.next());
    expect(createRandom(1).fork('ads').next()).toBe(createRandom(1).fork('ads').next());
    expect(createRandom(1).fork('ads').next()).not.toBe(createRandom(1).fork('viewers').next());
  });

  it('draws Poisson counts with the requested mean, small and large', () => {
    const random = createRandom(3);
    for (const lambda of [0.3, 4, 55, 900]) {
      const xs = Array.from({ length: 4_000 }, () => random.poisson(lambda));
      expect(xs.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
      expect(Math.abs(mean(xs) - lambda)).toBeLessThan(4 * Math.sqrt(lambda / 4_000) + 0.01);
    }
    expect(random.poisson(0)).toBe(0);
  });

  it('draws normal, lognormal and exponential values with the right centre', () => {
    const random = createRandom(5);
    const normals = Array.from({ length: 20_000 }, () => random.normal(10, 2));
    expect(mean(normals)).toBeCloseTo(10, 1);
    const sd = Math.sqrt(mean(normals.map((x) => (x - 10) ** 2)));
    expect(sd).toBeCloseTo(2, 1);
    const stays = Array.from({ length: 20_000 }, () => random.lognormalMedian(40, 1)).sort((a, b) => a - b);
    expect(stays[10_000]!).toBeGreaterThan(37);
    expect(stays[10_000]!).toBeLessThan(43);
    expect(mean(Array.from({ length: 20_000 }, () => random.exponential(0.5)))).toBeCloseTo(2, 1);
  });

  it('chooses weighted items in proportion to their weights', () => {
    const random = createRandom(9);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 30_000; i++) counts[random.weighted(['a', 'b', 'c'] as const, [1, 2, 0])]++;
    expect(counts.c).toBe(0);
    expect(counts.b / counts.a).toBeGreaterThan(1.85);
    expect(counts.b / counts.a).toBeLessThan(2.15);
  });

  it('hashes strings and numbers to stable values', () => {
    expect(hashString('acc_01')).toBe(hashString('acc_01'));
    expect(hashString('acc_01')).not.toBe(hashString('acc_02'));
    expect(hash01(1, 2, 3)).toBe(hash01(1, 2, 3));
    expect(hash01(1, 2, 3)).toBeGreaterThanOrEqual(0);
    expect(hash01(1, 2, 3)).toBeLessThan(1);
  });
});
