/**
 * A small seeded random source. Everything the simulator draws goes through one of these, so a
 * seed pins every event byte for byte; `Math.random` is never used.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  uniform(min: number, max: number): number;
  /** Integer uniform in [min, maxExclusive). */
  int(min: number, maxExclusive: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  normal(mean?: number, sd?: number): number;
  /** exp(N(mu, sigma)); see {@link Random.lognormalMedian} for the friendlier form. */
  lognormal(mu: number, sigma: number): number;
  /** A lognormal given by its median, which is how dwell times and delays are usually quoted. */
  lognormalMedian(median: number, sigma: number): number;
  /** Waiting time with the given rate (mean 1 / rate). */
  exponential(rate: number): number;
  /** Count of events in an interval whose expected count is `lambda`. */
  poisson(lambda: number): number;
  /** One item, chosen with probability proportional to its weight. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  /** One item, uniformly. */
  pick<T>(items: readonly T[]): T;
  /**
   * An independent stream for one purpose. Drawing from a fork does not move this stream, so
   * turning on one behaviour (say, ads) does not reshuffle every unrelated draw.
   */
  fork(label: string): Random;
}

/** FNV-1a over UTF-16 code units: a stable 32-bit hash for deriving seeds and ids from strings. */
export function hashString(text: string, basis = 0x811c9dc5): number {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Mixes integers into one well-spread 32-bit value (murmur3's finaliser over each input). */
export function mixSeed(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    let k = Math.imul(part | 0, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A uniform [0, 1) value that depends only on its inputs: stable per-user traits across sessions. */
export function hash01(...parts: number[]): number {
  return mixSeed(...parts) / 4294967296;
}

// mulberry32: 32 bits of state, passes the usual small-crush batteries, and is a few
// nanoseconds per draw, which matters when a 4-hour session draws tens of millions of values.
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function logFactorial(k: number): number {
  // Exact sum for small k; Stirling's series beyond, accurate to ~1e-10 there.
  if (k < 10) {
    let s = 0;
    for (let i = 2; i <= k; i++) s += Math.log(i);
    return s;
  }
  return (k + 0.5) * Math.log(k) - k + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * k) - 1 / (360 * k ** 3);
}

/** A seeded {@link Random}; the same seed yields the same sequence on every machine. */
export function createRandom(seed: number): Random {
  const next = mulberry32(mixSeed(seed));
  const random: Random = {
    next,
    uniform: (min, max) => min + (max - min) * next(),
    int: (min, maxExclusive) => min + Math.floor((maxExclusive - min) * next()),
    chance: (p) => next() < p,
    normal: (mean = 0, sd = 1) => {
      // Box–Muller without caching the spare value, so every call consumes exactly two draws.
      const u = 1 - next();
      const v = next();
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    lognormal: (mu, sigma) => Math.exp(random.normal(mu, sigma)),
    lognormalMedian: (median, sigma) => median * Math.exp(random.normal(0, sigma)),
    exponential: (rate) => -Math.log(1 - next()) / rate,
    poisson: (lambda) => {
      if (!(lambda > 0)) return 0;
      if (lambda < 30) {
        // Knuth: multiply uniforms until below e^-λ; cheap for the small per-second rates.
        const limit = Math.exp(-lambda);
        let k = 0;
        let p = next();
        while (p > limit) {
          k++;
          p *= next();
        }
        return k;
      }
      // Hörmann's PTRS transformed rejection: exact and O(1) for large λ.
      const slam = Math.sqrt(lambda);
      const loglam = Math.log(lambda);
      const b = 0.931 + 2.53 * slam;
      const a = -0.059 + 0.02483 * b;
      const invalpha = 1.1239 + 1.1328 / (b - 3.4);
      const vr = 0.9277 - 3.6224 / (b - 2);
      for (;;) {
        const u = next() - 0.5;
        const v = next();
        const us = 0.5 - Math.abs(u);
        const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
        if (us >= 0.07 && v <= vr) return k;
        if (k < 0 || (us < 0.013 && v > us)) continue;
        if (
          Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <=
          -lambda + k * loglam - logFactorial(k)
        ) {
          return k;
        }
      }
    },
    weighted: <T>(items: readonly T[], weights: readonly number[]): T => {
      let total = 0;
      for (const w of weights) total += w;
      let r = next() * total;
      for (let i = 0; i < items.length; i++) {
        r -= weights[i] ?? 0;
        if (r < 0) return items[i]!;
      }
      // Only reachable through float rounding on the last item.
      const last = items.at(-1);
      if (last === undefined) throw new RangeError('weighted() needs at least one item');
      return last;
    },
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new RangeError('pick() needs at least one item');
      return item;
    },
    fork: (label) => createRandom(mixSeed(seed, hashString(label))),
  };
  return random;
}
