import { createLogger, loadConfig } from '@livecloud/core';
import { startStoreServer } from '@livecloud/events';
import { lockDataDir } from '@livecloud/server';
import type { Command } from 'commander';
import { printError } from './output.js';

interface StoreServeOptions {
  port?: string;
  host?: string;
  dataDir?: string;
  json?: boolean;
}

/**
 * `livecloud store serve`: the embedded event store (chDB) served over ClickHouse's HTTP
 * interface, so that several server processes share it through CLICKHOUSE_URL.
 */
export function registerStoreCommand(program: Command): void {
  const store = program.command('store').description('the event store shared by several server processes');
  store
    .command('serve')
    .description("serve the event store (chDB in <data-dir>/chdb) over ClickHouse's HTTP interface")
    .option('--port <port>', 'port to listen on (0 picks a free one)', '8123')
    .option(
      '--host <host>',
      'address to listen on (beyond loopback needs LIVECLOUD_STORE_PASSWORD)',
      '127.0.0.1',
    )
    .option('--data-dir <dir>', 'data directory (the store lives in <dir>/chdb)', '.livecloud-store')
    .option('--json', 'print the ready line as JSON')
    .action(async (options: StoreServeOptions) => {
      try {
        const config = loadConfig(process.env, { dataDir: options.dataDir });
        const logger = createLogger({ level: config.logLevel });
        const port = Number(options.port);
        if (!Number.isInteger(port) || port < 0 || port > 65_535) {
          throw Object.assign(new Error(`--port must be 0–65535, not ${options.port}`), {
            code: 'invalid_port',
          });
        }
        // One writer per chDB directory: not a second store server, nor an embedded LiveCloud.
        const unlock = lockDataDir(config.dataDir);
        const server = await startStoreServer({
          dataDir: config.dataDir,
          host: options.host,
          port,
          password: config.storePassword,
          logger,
        }).catch((error: unknown) => {
          unlock();
          throw error;
        });
        let stopping = false;
        const stop = (): void => {
          if (stopping) process.exit(1);
          stopping = true;
          server.close().then(
            () => {
              unlock();
              process.exit(0);
            },
            (error: unknown) => {
              logger.error({ err: error }, 'store server shutdown failed');
              process.exit(1);
            },
          );
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        const ready = { url: server.url, store: 'chdb', dataDir: config.dataDir };
        if (options.json) process.stdout.write(`${JSON.stringify(ready)}\n`);
        else
          process.stdout.write(
            `LiveCloud store is serving ${config.dataDir}/chdb on ${server.url}\n` +
              `Point each server at it: CLICKHOUSE_URL=${server.url}\n`,
          );
      } catch (error) {
        printError(Boolean(options.json), error);
        process.exit(1);
      }
    });
}
