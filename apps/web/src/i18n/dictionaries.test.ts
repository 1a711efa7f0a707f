import { describe, expect, it } from 'vitest';
import { enUS } from './en-us';
import { zhCN } from './zh-cn';

/** Every leaf key of a dictionary as a dotted path, e.g. `commerce.qc.title`. */
function keyPaths(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]: [string, unknown]) =>
    typeof value === 'object' && value !== null ? keyPaths(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('the zh-CN and en-US dictionaries', () => {
  const zh = new Set(keyPaths(zhCN));
  const en = new Set(keyPaths(enUS));

  it('have no key that only zh-CN has', () => {
    expect([...zh].filter((key) => !en.has(key))).toEqual([]);
  });

  it('have no key that only en-US has', () => {
    expect([...en].filter((key) => !zh.has(key))).toEqual([]);
  });

  it('give every key a non-empty text in both languages', () => {
    const empty = (tree: object) =>
      keyPaths(tree).filter((path) => {
        const text: unknown = path
          .split('.')
          .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], tree);
        return typeof text !== 'string' || text.trim() === '';
      });
    expect(empty(zhCN)).toEqual([]);
    expect(empty(enUS)).toEqual([]);
  });
});
