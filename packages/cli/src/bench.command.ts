import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';

/** `livecloud bench <name>`: runs a benchmark from the repository's bench/ folder. */
export function registerBenchCommand(program: Command): void {
  program
    .command('bench')
    .description('run a benchmark from bench/ (prints JSON figures as its last lines)')
    .argument('<name>', 'benchmark name, e.g. api')
    .option('--duration-s <seconds>', 'how long each measured phase runs')
    .option('--events <n>', 'events to send (ingest)')
    .option('--rate <events-per-s>', 'paced load for the latency phase (ingest)')
    .option('--concurrency <n>', 'batches in flight at once (ingest)')
    .option(
      '--engines <engines>',
      'embedded (default) or scale-out: PostgreSQL, NATS, Redis, a shared store (ingest)',
    )
    .action(
      (
        name: string,
        options: {
          durationS?: string;
          events?: string;
          rate?: string;
          concurrency?: string;
          engines?: string;
        },
      ) => {
        const runner = fileURLToPath(new URL('../../../bench/run.ts', import.meta.url));
        const args = [
          '--import',
          'tsx',
          runner,
          name,
          ...(options.durationS ? ['--duration-s', options.durationS] : []),
          ...(options.events ? ['--events', options.events] : []),
          ...(options.rate ? ['--rate', options.rate] : []),
          ...(options.concurrency ? ['--concurrency', options.concurrency] : []),
          ...(options.engines ? ['--engines', options.engines] : []),
        ];
        const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
        process.exitCode = result.status ?? 1;
      },
    );
}
