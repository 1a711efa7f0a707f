import { createLogger, loadConfig } from '@livecloud/core';
import { closeOnSignals, startServer } from '@livecloud/server';
import type { Command } from 'commander';
import { printError } from './output.js';

export interface ServeOptions {
  port?: string;
  host?: string;
  dataDir?: string;
  json?: boolean;
}

/** `livecloud start`: the server and the web app on the configured engines. */
export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('start the server (API + web app) on the configured engines')
    .option('--port <port>', 'port to listen on (0 picks a free one)')
    .option('--host <host>', 'address to listen on')
    .option('--data-dir <dir>', 'embedded data directory')
    .option('--json', 'print the ready line as JSON')
    .action(async (options: ServeOptions) => {
      try {
        const config = loadConfig(process.env, {
          port: options.port,
          host: options.host,
          dataDir: options.dataDir,
        });
        const logger = createLogger({ level: config.logLevel });
        const server = await startServer(config, { logger });
        closeOnSignals(server, logger);
        const ready = {
          url: server.url,
          records: server.services.records.engine,
          events: server.services.events.engine,
          dataDir: config.dataDir,
          instanceToken: server.services.instanceToken,
        };
        const token = ready.instanceToken.path ?? 'LIVECLOUD_INSTANCE_ADMIN_TOKEN';
        if (options.json) process.stdout.write(`${JSON.stringify(ready)}\n`);
        else
          process.stdout.write(
            `LiveCloud is listening on ${server.url} (records: ${ready.records}, events: ${ready.events})\n` +
              `instance admin token: ${token} (for livecloud org|user|key … --url ${server.url})\n`,
          );
      } catch (error) {
        printError(Boolean(options.json), error);
        process.exit(1);
      }
    });
}
