import { readdirSync } from 'node:fs';
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

/** `big-screen` → `bigScreen`. */
const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** Namespaces no one feature folder owns, and why. */
const sharedNamespaces: Record<string, string> = {
  common: 'buttons and words every page uses',
  language: 'the language switch, on the login page and in the shell',
  errors: 'error codes any call can answer with',
  validation: 'field names and schema issues of any invalid_request answer',
  roles: 'role names, shown by settings, shell and the SOP',
  permissions: 'permission names, shown by settings and the module pages',
  sources: 'event sources, shown by settings (API keys) and events',
  nav: 'the menu, shown by the shell and by the module pages',
  modules: 'what each module does, for its page while it is not built',
  commerce: 'the commerce context, shared by merchants, submissions, qc, warehouse and portal',
};

describe('the namespaces', () => {
  const folders = readdirSync(new URL('../features', import.meta.url), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => camel(entry.name));

  it('are each named after a feature folder, or listed as shared with a reason', () => {
    const unowned = Object.keys(zhCN).filter((ns) => !folders.includes(ns) && !(ns in sharedNamespaces));
    expect(unowned).toEqual([]);
  });

  it('each live in a dictionary file named after them', () => {
    const files = readdirSync(new URL('.', import.meta.url))
      .filter((name) => name.endsWith('.zh-cn.ts') && name !== 'zh-cn.ts')
      .map((name) => camel(name.replace('.zh-cn.ts', '')));
    expect(files.filter((ns) => !(ns in zhCN))).toEqual([]);
  });
});
