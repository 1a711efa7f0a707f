/**
 * A set of strings kept as 64-bit hashes in typed arrays, for the memory live state's
 * per-session sets (applied event ids, viewers, buyers). A `Set<string>` holds every string
 * and an entry for it on the V8 heap: about 70 bytes per event id, 700 MB and a long GC mark
 * for a ten-million-event session. This keeps 8 bytes per slot, 11 to 22 bytes per string,
 * off the scanned heap.
 *
 * Exact unless two different strings share all 64 bits. The hash is seeded per process; for
 * n strings the chance of any such pair is about n² / 2⁶⁵: one in 370,000 for a session of
 * ten million events, and the set would then count one event or viewer too few.
 */
export interface HashedIdSet {
  /** Adds the string; true when it was not in the set. */
  add(value: string): boolean;
  has(value: string): boolean;
  readonly size: number;
  /** Bytes held by the table. */
  readonly bytes: number;
}

const seed = (Math.random() * 0x100000000) >>> 0;

// cyrb53's two 32-bit lanes, both kept: 64 bits rather than the 53 it usually returns.
function hashInto(value: string, out: Uint32Array): void {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  out[0] = h1 >>> 0;
  // 0/0 marks an empty slot.
  out[1] = h1 === 0 && h2 === 0 ? 1 : h2 >>> 0;
}

/** An empty set with room for `initialCapacity` strings before it first grows. */
export function createHashedIdSet(initialCapacity = 64): HashedIdSet {
  // Two 32-bit words per slot; at most three quarters of the slots in use: probes stay short
  // (about 2.5 on a hit, 8.5 on a miss) and ten million ids fit 2²⁴ slots, 128 MiB.
  let slots = 2 ** Math.ceil(Math.log2(Math.max(16, Math.ceil((initialCapacity * 4) / 3))));
  let table = new Uint32Array(slots * 2);
  let size = 0;
  const key = new Uint32Array(2);

  // The slot holding key, or the empty slot where it would go.
  const find = (t: Uint32Array, mask: number, lo: number, hi: number): number => {
    let slot = lo & mask;
    for (;;) {
      const a = t[slot * 2]!;
      const b = t[slot * 2 + 1]!;
      if ((a === 0 && b === 0) || (a === lo && b === hi)) return slot;
      slot = (slot + 1) & mask;
    }
  };

  const grow = (): void => {
    const old = table;
    const oldSlots = slots;
    slots *= 2;
    table = new Uint32Array(slots * 2);
    const mask = slots - 1;
    for (let s = 0; s < oldSlots; s++) {
      const lo = old[s * 2]!;
      const hi = old[s * 2 + 1]!;
      if (lo === 0 && hi === 0) continue;
      const slot = find(table, mask, lo, hi);
      table[slot * 2] = lo;
      table[slot * 2 + 1] = hi;
    }
  };

  return {
    add(value) {
      hashInto(value, key);
      const lo = key[0]!;
      const hi = key[1]!;
      const slot = find(table, slots - 1, lo, hi);
      if (table[slot * 2] === lo && table[slot * 2 + 1] === hi) return false;
      table[slot * 2] = lo;
      table[slot * 2 + 1] = hi;
      size += 1;
      if (size * 4 > slots * 3) grow();
      return true;
    },
    has(value) {
      hashInto(value, key);
      const lo = key[0]!;
      const hi = key[1]!;
      const slot = find(table, slots - 1, lo, hi);
      return table[slot * 2] === lo && table[slot * 2 + 1] === hi;
    },
    get size() {
      return size;
    },
    get bytes() {
      return table.byteLength;
    },
  };
}
