import { createLogger, loadConfig } from '@livecloud/core';
import { lockDataDir, openServices } from '@livecloud/server';
import type { Command } from 'commander';
import { printError, printResult } from './output.js';

/** `livecloud migrate`: brings both stores to the newest schema and exits. */
export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('create or upgrade the records and event store schemas')
    .option('--data-dir <dir>', 'embedded data directory')
    .option('--json', 'print the result as JSON')
    .action(async (options: { dataDir?: string; json?: boolean }) => {
      try {
        const config = loadConfig(process.env, { dataDir: options.dataDir });
        const unlock =
          config.databaseUrl && config.clickhouseUrl ? () => undefined : lockDataDir(config.dataDir);
        try {
          // openServices migrates both stores as it opens them, the records with recordsMigrations.
          const services = await openServices(config, createLogger({ level: 'warn' }));
          const result = { records: services.records.engine, events: services.events.engine, migrated: true };
          await services.close();
          printResult(Boolean(options.json), result, [
            `records (${result.records}) and events (${result.events}) are up to date`,
          ]);
        } finally {
          unlock();
        }
      } catch (error) {
        printError(Boolean(options.json), error);
      }
    });
}
