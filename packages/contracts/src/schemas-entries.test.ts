import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const contractsDir = join(root, 'packages/contracts');

/** What a schemas entry may import besides its own relative files. */
const allowedPackages: ReadonlyMap<string, string> = new Map([
  ['@livecloud/contracts', join(contractsDir, 'src/index.ts')],
  ['@livecloud/contracts/vocabulary', join(contractsDir, 'src/vocabulary.ts')],
]);

/** The contexts (and the server) whose HTTP contract the web is typed from. */
const expectedEntries = [
  'apps/server',
  'packages/access',
  'packages/commerce',
  'packages/events',
  'packages/forecast',
  'packages/live',
  'packages/platforms',
  'packages/schedule',
  'packages/selection',
];

interface Entry {
  dir: string;
  file: string;
}

function schemasEntries(): Entry[] {
  const entries: Entry[] = [];
  for (const group of ['apps', 'packages']) {
    for (const name of readdirSync(join(root, group))) {
      const manifest = join(root, group, name, 'package.json');
      if (!existsSync(manifest)) continue;
      const json = JSON.parse(readFileSync(manifest, 'utf8')) as { exports?: Record<string, unknown> };
      const target = json.exports?.['./schemas'];
      if (typeof target === 'string')
        entries.push({ dir: `${group}/${name}`, file: join(root, group, name, target) });
    }
  }
  return entries.sort((a, b) => a.dir.localeCompare(b.dir));
}

/** Every import and re-export of a file, type-only ones included: a type import still couples the web to it. */
function importsOf(file: string): string[] {
  return ts.preProcessFile(readFileSync(file, 'utf8'), true, false).importedFiles.map((f) => f.fileName);
}

/**
 * Walks the import graph from `file` and returns each import that reaches past zod, the
 * contracts package and relative files, as `importer → specifier`.
 */
function forbiddenImports(file: string): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  const queue = [file];
  while (queue.length > 0) {
    const current = queue.pop();
    if (current === undefined || seen.has(current)) continue;
    seen.add(current);
    for (const specifier of importsOf(current)) {
      if (specifier === 'zod') continue;
      const allowed = allowedPackages.get(specifier);
      if (allowed !== undefined) queue.push(allowed);
      else if (specifier.startsWith('.')) {
        const target = resolve(dirname(current), specifier.replace(/\.js$/, '.ts'));
        if (existsSync(target)) queue.push(target);
        else problems.push(`${relative(root, current)} → ${specifier} (no such file)`);
      } else problems.push(`${relative(root, current)} → ${specifier}`);
    }
  }
  return problems;
}

describe('schemas entries', () => {
  it('exist for every context the web reads', () => {
    expect(schemasEntries().map((e) => e.dir)).toEqual(expectedEntries);
  });

  it.each(schemasEntries().map((e) => [e.dir, e.file] as const))(
    '%s/schemas imports only zod, @livecloud/contracts and its own files',
    (_dir, file) => {
      expect(forbiddenImports(file)).toEqual([]);
    },
  );

  it('catches a schema file that reaches a heavier package', () => {
    // The one schema file that used to import core, through its package's index.
    const heavy = join(root, 'packages/platforms/src/session-plan.ts');
    expect(forbiddenImports(heavy)).toEqual(['packages/platforms/src/session-plan.ts → @livecloud/core']);
  });

  it('keeps the vocabulary free of any import', () => {
    expect(importsOf(join(contractsDir, 'src/vocabulary.ts'))).toEqual([]);
  });
});
