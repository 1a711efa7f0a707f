/**
 * A Bloom filter over event ids, growing as ids arrive. It answers "certainly new" or "maybe
 * seen", never "certainly seen": the collector asks the event store only about the "maybe"
 * ids, which for fresh traffic are the false positives, about one in two hundred.
 *
 * Growth: a chain of filters, each twice the capacity of the one before; an id is added to
 * the newest and looked for in all of them. The false-positive rate of the chain stays under
 * the sum of its members' (0.5 % each, a handful of members even at tens of millions of ids).
 */

const falsePositiveRate = 0.005;
// k = -log2(p) hash functions, bits per id = -ln(p) / ln(2)^2.
const hashCount = Math.ceil(-Math.log2(falsePositiveRate));
const bitsPerId = -Math.log(falsePositiveRate) / Math.LN2 ** 2;

interface Member {
  bits: Uint32Array;
  /** Bit count, a power of two so that a hash is masked rather than divided. */
  mask: number;
  capacity: number;
  count: number;
}

function member(capacity: number): Member {
  const wanted = Math.max(1024, Math.ceil(capacity * bitsPerId));
  const size = 2 ** Math.ceil(Math.log2(wanted));
  return { bits: new Uint32Array(size / 32), mask: size - 1, capacity, count: 0 };
}

/**
 * Two 32-bit hashes of a string in one pass over its UTF-16 code units (FNV-1a and a
 * multiply-rotate mix with another seed); the k probe positions are h1 + i·h2.
 */
function hashes(id: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  a ^= a >>> 16;
  a = Math.imul(a, 0x85ebca6b);
  a ^= a >>> 13;
  b = Math.imul(b ^ (b >>> 16), 0xc2b2ae35);
  b ^= b >>> 16;
  // An even step would revisit positions in a power-of-two table.
  return [a >>> 0, (b | 1) >>> 0];
}

function memberHas(m: Member, h1: number, h2: number): boolean {
  for (let i = 0; i < hashCount; i++) {
    const bit = (h1 + Math.imul(i, h2)) & m.mask;
    if ((m.bits[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
  }
  return true;
}

function memberAdd(m: Member, h1: number, h2: number): void {
  for (let i = 0; i < hashCount; i++) {
    const bit = (h1 + Math.imul(i, h2)) & m.mask;
    m.bits[bit >>> 5]! |= 1 << (bit & 31);
  }
  m.count += 1;
}

export interface IdFilter {
  /** False means the id was certainly never added; true means it may have been. */
  mayHave(id: string): boolean;
  add(id: string): void;
  /** Ids added, counting an id added twice twice. */
  readonly size: number;
  /** Bytes held by the bit arrays. */
  readonly bytes: number;
}

/** A growing Bloom filter; `initialCapacity` ids fit in the first member. */
export function createIdFilter(initialCapacity = 1 << 16): IdFilter {
  const members: Member[] = [member(initialCapacity)];
  let size = 0;
  return {
    mayHave(id) {
      const [h1, h2] = hashes(id);
      for (const m of members) if (memberHas(m, h1, h2)) return true;
      return false;
    },
    add(id) {
      const [h1, h2] = hashes(id);
      let newest = members.at(-1)!;
      if (newest.count >= newest.capacity) {
        newest = member(newest.capacity * 2);
        members.push(newest);
      }
      memberAdd(newest, h1, h2);
      size += 1;
    },
    get size() {
      return size;
    },
    get bytes() {
      return members.reduce((n, m) => n + m.bits.byteLength, 0);
    },
  };
}
