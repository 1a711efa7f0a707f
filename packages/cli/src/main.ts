import { Command } from 'commander';
import { version } from '@livecloud/server';
import { registerAdminCommands } from './admin.command.js';
import { registerBenchCommand } from './bench.command.js';
import { registerDemoCommand } from './demo.command.js';
import { registerMigrateCommand } from './migrate.command.js';
import { registerPricesCommand } from './prices.command.js';
import { registerSimulateCommand } from './simulate.command.js';
import { registerStartCommand } from './start.command.js';
import { registerStoreCommand } from './store.command.js';
import { followLauncher } from './launcher-link.js';

followLauncher();

const program = new Command()
  .name('livecloud')
  .description('LiveCloud 直播云 — the livestream e-commerce middle platform')
  .version(version);

registerStartCommand(program);
registerDemoCommand(program);
registerMigrateCommand(program);
registerAdminCommands(program);
registerBenchCommand(program);
registerSimulateCommand(program);
registerPricesCommand(program);
registerStoreCommand(program);

await program.parseAsync(process.argv);
