#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so the workspace needs no build step (docs/adr/0001).
// Node cannot exec in place, so the CLI is a child; this launcher forwards the signals it gets
// and exits with the child's code, and the child ends itself when the launcher dies, even by
// kill -9 (it watches the IPC channel: src/launcher-link.ts).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
// tsx as this package resolves it, so the CLI runs from any working directory.
const tsx = import.meta.resolve('tsx');
// A larger young generation: the collector's batches live across an insert (tens of ms) and
// were promoted to the old generation, where collecting them cost a quarter of the main
// thread under load (bench/results/ingest-2026-12-03.md).
const child = spawn(
  process.execPath,
  ['--max-semi-space-size=64', '--import', tsx, main, ...process.argv.slice(2)],
  { stdio: ['inherit', 'inherit', 'inherit', 'ipc'], env: { ...process.env, LIVECLOUD_LAUNCHER_LINK: '1' } },
);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    // A terminal's Ctrl+C reaches the child too (same process group); forward only what the
    // child would otherwise miss, such as `kill <launcher pid>`.
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  });
}
child.on('error', (error) => {
  process.stderr.write(`livecloud: could not start the CLI: ${error.message}\n`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  if (signal) {
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
    return;
  }
  process.exit(code ?? 1);
});
