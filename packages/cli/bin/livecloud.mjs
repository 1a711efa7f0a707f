#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so the workspace needs no build step (docs/adr/0001).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
// A larger young generation: the collector's batches live across an insert (tens of ms) and
// were promoted to the old generation, where collecting them cost a quarter of the main
// thread under load (bench/results/ingest-2026-12-03.md).
const result = spawnSync(
  process.execPath,
  ['--max-semi-space-size=64', '--import', 'tsx', main, ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
