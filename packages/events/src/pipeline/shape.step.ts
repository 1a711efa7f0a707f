import type { EventIssue } from '@livecloud/contracts';

/**
 * The deepest an item may nest objects and arrays (the item itself is level 1). Segment's
 * calls nest five or six levels; serialisers recurse, and a 5,000-level item overflowed the
 * stack of the store's and the dead-letter store's writers.
 */
export const maxItemDepth = 32;

/** The most characters one item may take as JSON, as Segment allows per message (32 KB). */
export const maxItemChars = 32 * 1024;

/** How much of an item too deep to keep is kept in its dead letter, as text. */
const keptChars = 16 * 1024;

/** Whether `value` nests deeper than `limit`, found without recursion (so any depth is safe). */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 1 }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (next.value === null || typeof next.value !== 'object') continue;
    if (next.depth > limit) return true;
    const children = Array.isArray(next.value) ? (next.value as unknown[]) : Object.values(next.value);
    for (const child of children) {
      if (child !== null && typeof child === 'object') stack.push({ value: child, depth: next.depth + 1 });
    }
  }
  return false;
}

/**
 * JSON text of `value` cut off below `depth` levels (deeper parts become "…") and after
 * `maxChars` characters: a readable, bounded trace of an item that cannot be kept whole.
 */
export function boundedJson(value: unknown, depth = maxItemDepth, maxChars = keptChars): string {
  const render = (v: unknown, level: number): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (level >= depth) return '…';
    if (Array.isArray(v)) return (v as unknown[]).map((child) => render(child, level + 1));
    return Object.fromEntries(Object.entries(v).map(([k, child]) => [k, render(child, level + 1)]));
  };
  const text = JSON.stringify(render(value, 1)) ?? 'null';
  return text.length > maxChars ? `${text.slice(0, maxChars)}…` : text;
}

/** An item that passed, or why it is a dead letter and, for one too deep, the text it keeps. */
export type ShapeResult =
  | { readonly kind: 'ok' }
  | {
      readonly kind: 'rejected';
      readonly text?: string;
      readonly reason: string;
      readonly issues: readonly EventIssue[];
    };

/**
 * Refuses, one by one, items nested deeper than {@link maxItemDepth} or longer than
 * {@link maxItemChars} as JSON, before any step serialises or validates them. A too-deep item
 * keeps a bounded trace as text; a too-large one keeps itself (the body limit bounds it).
 */
export function checkItemShape(value: unknown): ShapeResult {
  if (nestsDeeperThan(value, maxItemDepth)) {
    return {
      kind: 'rejected',
      text: boundedJson(value),
      reason: `too_deep: the item nests objects and arrays deeper than ${maxItemDepth} levels`,
      issues: [{ path: '', code: 'too_deep', message: `must nest at most ${maxItemDepth} levels` }],
    };
  }
  const chars = (JSON.stringify(value) ?? '').length;
  if (chars > maxItemChars) {
    return {
      kind: 'rejected',
      reason: `too_large: the item is ${chars} characters of JSON, more than ${maxItemChars}`,
      issues: [
        { path: '', code: 'too_large', message: `must be at most ${maxItemChars} characters of JSON` },
      ],
    };
  }
  return { kind: 'ok' };
}
