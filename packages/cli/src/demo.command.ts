import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { createLogger, loadConfig } from '@livecloud/core';
import { closeOnSignals, dataDirHolder, seedDemo, startServer } from '@livecloud/server';
import type { Command } from 'commander';
import { printError } from './output.js';
import type { ServeOptions } from './start.command.js';

/**
 * `livecloud demo`: a fresh embedded data directory, a demo organisation with staff in
 * several roles, and the server with the web app; prints the URL and the logins.
 */
export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('start a fresh demo: embedded engines, a demo organisation and its staff, the web app')
    .option('--port <port>', 'port to listen on (0 picks a free one)', '3000')
    .option('--host <host>', 'address to listen on')
    .option('--data-dir <dir>', 'demo data directory (emptied first)', '.livecloud-demo')
    .option('--keep', 'keep the data directory instead of starting fresh')
    .option('--json', 'print the ready line as JSON')
    .action(async (options: ServeOptions & { keep?: boolean }) => {
      try {
        const dataDir = resolve(options.dataDir ?? '.livecloud-demo');
        const holder = dataDirHolder(dataDir);
        if (holder) throw new Error(`a demo is already running from ${dataDir} (process ${holder})`);
        if (!options.keep) rmSync(dataDir, { recursive: true, force: true });
        // The demo is always embedded, whatever the environment points at.
        const env = { ...process.env, DATABASE_URL: '', CLICKHOUSE_URL: '' };
        const config = loadConfig(env, { port: options.port, host: options.host, dataDir });
        const logger = createLogger({ level: process.env['LOG_LEVEL'] ? config.logLevel : 'warn' });
        const server = await startServer(config, { logger });
        closeOnSignals(server, logger);
        const { org, logins } = await seedDemo(server.services.access);
        if (options.json) {
          process.stdout.write(`${JSON.stringify({ url: server.url, org, logins, dataDir })}\n`);
          return;
        }
        const width = Math.max(...logins.map((l) => l.email.length));
        process.stdout.write(
          [
            '',
            `  LiveCloud 直播云 demo is running: ${server.url}`,
            `  API docs: ${server.url}/api/docs`,
            `  Organisation: ${org.name} (${org.slug})   data: ${dataDir}`,
            '',
            '  Sign in as:',
            ...logins.map((l) => `    ${l.email.padEnd(width)}  ${l.password.padEnd(20)}  ${l.role}`),
            '',
            '  Ctrl+C stops the demo.',
            '',
          ].join('\n'),
        );
      } catch (error) {
        printError(Boolean(options.json), error);
        process.exit(1);
      }
    });
}
