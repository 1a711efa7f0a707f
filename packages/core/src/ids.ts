import { randomBytes } from 'node:crypto';

// Crockford base32, as ULID uses: lexical order equals time order.
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Prefixes in use, so an id says what it names (`org_01J…`, `usr_01J…`). */
export type IdPrefix = string;

let lastTime = -1;
let lastRandom: number[] = [];

function encodeTime(ms: number): string {
  let out = '';
  let t = ms;
  for (let i = 0; i < 10; i++) {
    out = alphabet[t % 32]! + out;
    t = Math.floor(t / 32);
  }
  return out;
}

function freshRandom(): number[] {
  const bytes = randomBytes(16);
  return Array.from({ length: 16 }, (_, i) => bytes[i]! % 32);
}

function increment(digits: number[]): number[] {
  const next = digits.slice();
  for (let i = next.length - 1; i >= 0; i--) {
    if (next[i]! < 31) {
      next[i] = next[i]! + 1;
      return next;
    }
    next[i] = 0;
  }
  return freshRandom();
}

/**
 * A new sortable id `prefix_<26 chars>`: 48-bit millisecond time then 80 random bits, monotonic
 * within one millisecond in this process so ids made in a loop still sort in creation order.
 */
export function newId(prefix: IdPrefix, now: number = Date.now()): string {
  if (now === lastTime) {
    lastRandom = increment(lastRandom);
  } else {
    lastTime = now;
    lastRandom = freshRandom();
  }
  return `${prefix}_${encodeTime(now)}${lastRandom.map((d) => alphabet[d]).join('')}`;
}

const idPattern = /^[a-z]{2,8}_[0-9A-HJKMNP-TV-Z]{26}$/;

/** True when `value` looks like an id made by {@link newId}, optionally with the given prefix. */
export function isId(value: string, prefix?: IdPrefix): boolean {
  return idPattern.test(value) && (prefix === undefined || value.startsWith(`${prefix}_`));
}

/** The creation time encoded in an id. */
export function idTime(id: string): number {
  const body = id.slice(id.indexOf('_') + 1, id.indexOf('_') + 11);
  let t = 0;
  for (const ch of body) t = t * 32 + alphabet.indexOf(ch);
  return t;
}
